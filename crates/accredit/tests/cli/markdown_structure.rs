//! Every Markdown output parsed with pulldown-cmark (the CommonMark parser the
//! tool itself uses; GitHub's renderer follows the same spec): headings,
//! lists and tables come out as intended, whatever the number of gaps.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{pack, run};

/// A list as parsed: where it sits and the text of each item (without the
/// nested lists, which are lists of their own).
#[derive(Debug, Clone)]
pub struct List {
    /// Nesting depth: 1 for a top-level list.
    pub depth: usize,
    /// `Some(first number)` for an ordered list.
    pub start: Option<u64>,
    /// Item texts.
    pub items: Vec<String>,
    /// The heading it sits under.
    pub section: String,
}

/// A table as parsed.
#[derive(Debug, Clone)]
pub struct Table {
    /// Header cells.
    pub header: Vec<String>,
    /// Body rows.
    pub rows: Vec<Vec<String>>,
}

/// The structure of a Markdown document.
#[derive(Debug, Default)]
pub struct Structure {
    /// (level, text).
    pub headings: Vec<(u8, String)>,
    /// Lists in document order (a nested list comes after its parent).
    pub lists: Vec<List>,
    /// Tables.
    pub tables: Vec<Table>,
}

/// Parses `text` (GitHub's extensions: tables, strikethrough).
pub fn parse(text: &str) -> Structure {
    let mut structure = Structure::default();
    let mut open_lists: Vec<List> = Vec::new();
    let mut heading: Option<(u8, String)> = None;
    let mut table: Option<Table> = None;
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    let mut in_head = false;
    let push_text = |s: &str,
                     heading: &mut Option<(u8, String)>,
                     cell: &mut Option<String>,
                     lists: &mut Vec<List>| {
        if let Some((_, h)) = heading.as_mut() {
            h.push_str(s);
        } else if let Some(c) = cell.as_mut() {
            c.push_str(s);
        } else if let Some(item) = lists.last_mut().and_then(|l| l.items.last_mut()) {
            item.push_str(s);
        }
    };
    for event in Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8, String::new()))
            }
            Event::End(TagEnd::Heading(_)) => structure.headings.extend(heading.take()),
            Event::Start(Tag::List(start)) => open_lists.push(List {
                depth: open_lists.len() + 1,
                start,
                items: Vec::new(),
                section: structure
                    .headings
                    .last()
                    .map(|(_, h)| h.clone())
                    .unwrap_or_default(),
            }),
            Event::End(TagEnd::List(_)) => {
                if let Some(list) = open_lists.pop() {
                    structure.lists.push(list);
                }
            }
            Event::Start(Tag::Item) => {
                if let Some(list) = open_lists.last_mut() {
                    list.items.push(String::new());
                }
            }
            Event::Start(Tag::Table(_)) => {
                table = Some(Table {
                    header: Vec::new(),
                    rows: Vec::new(),
                });
            }
            Event::End(TagEnd::Table) => structure.tables.extend(table.take()),
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                if let Some(t) = table.as_mut() {
                    t.header = std::mem::take(&mut row);
                }
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => row.extend(cell.take()),
            Event::End(TagEnd::TableRow) if !in_head => {
                if let Some(t) = table.as_mut() {
                    t.rows.push(std::mem::take(&mut row));
                }
            }
            Event::Text(s) | Event::Code(s) => {
                push_text(&s, &mut heading, &mut cell, &mut open_lists);
            }
            Event::SoftBreak | Event::HardBreak => {
                push_text(" ", &mut heading, &mut cell, &mut open_lists);
            }
            _ => {}
        }
    }
    structure
}

/// The headings of `text`.
pub fn headings(text: &str) -> Vec<(u8, String)> {
    parse(text).headings
}

/// `score --format markdown` of `dir`.
fn score_markdown(dir: &std::path::Path, as_of: &str) -> (String, serde_json::Value) {
    let (_, markdown, stderr) = run(&[
        "score",
        dir.to_str().unwrap(),
        "--as-of",
        as_of,
        "--format",
        "markdown",
    ]);
    assert!(stderr.is_empty(), "{stderr}");
    (markdown, super::score_json(dir, as_of))
}

/// The score summary's structure, checked against the JSON result: the
/// domain table has a row per shown domain, and every gap is an item of a
/// top-level ordered list, numbered in fix-first order, with its findings in
/// a list nested inside it (never a list of their own at the top level).
fn assert_score_summary(markdown: &str, result: &serde_json::Value) {
    let s = parse(markdown);
    assert_eq!(s.headings[0].0, 2, "{:?}", s.headings);
    assert!(s.headings[0].1.starts_with("LSD accreditation: "));
    let table = &s.tables[0];
    assert_eq!(table.header, ["Domain", "Score", "Passed", "Mandatory"]);
    assert!(!table.rows.is_empty());
    assert!(table.rows.iter().all(|r| r.len() == 4), "{:?}", table.rows);
    let gaps: Vec<&str> = result["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g.as_str().unwrap())
        .collect();
    let top: Vec<&List> = s.lists.iter().filter(|l| l.depth == 1).collect();
    let numbered: Vec<(u64, &str)> = top
        .iter()
        .filter_map(|l| l.start.map(|start| (start, l)))
        .flat_map(|(start, l)| {
            l.items
                .iter()
                .enumerate()
                .map(move |(i, item)| (start + i as u64, item.as_str()))
        })
        .collect();
    if gaps.is_empty() {
        assert!(!s.headings.iter().any(|(_, h)| h == "Fix first"));
        assert!(numbered.is_empty());
        return;
    }
    assert!(s.headings.contains(&(3, "Fix first".to_string())));
    assert_eq!(numbered.len(), gaps.len(), "every gap is a numbered item");
    for (n, ((number, item), gap)) in numbered.iter().zip(&gaps).enumerate() {
        assert_eq!(*number, n as u64 + 1, "numbered in order: {item}");
        assert!(item.starts_with(gap), "item {number} is {gap}: {item}");
    }
    // Findings sit in lists nested under a gap; no top-level bullet list.
    let loose: Vec<&&List> = top
        .iter()
        .filter(|l| l.start.is_none() && l.section == "Fix first")
        .collect();
    assert!(
        loose.is_empty(),
        "a finding fell out of its gap's list: {loose:#?}"
    );
    let nested = s.lists.iter().filter(|l| l.depth == 2).count();
    let with_findings = gaps
        .iter()
        .filter(|g| {
            result["requirements"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["id"] == **g && !r["findings"].as_array().unwrap().is_empty())
        })
        .count();
    assert_eq!(
        nested, with_findings,
        "one nested finding list per gap with findings"
    );
}

#[test]
fn the_score_summary_of_a_scaffold_with_many_gaps_keeps_its_lists() {
    let dir = tempfile::tempdir().unwrap();
    let scaffold = dir.path().join("pack");
    let (code, _, stderr) = run(&["init", scaffold.to_str().unwrap(), "--start", "2027-03-01"]);
    assert_eq!(code, 0, "{stderr}");
    let (markdown, result) = score_markdown(&scaffold, "2027-01-04");
    assert!(result["gaps"].as_array().unwrap().len() > 10);
    assert_score_summary(&markdown, &result);
}

#[test]
fn the_score_summary_of_every_fixture_pack_keeps_its_structure() {
    for name in ["complete", "minimal"] {
        let (markdown, result) = score_markdown(&pack(name), "2008-09-01");
        assert_score_summary(&markdown, &result);
    }
    let waived = super::with_overlay("waiver-tool-03-stale");
    let (markdown, result) = score_markdown(waived.path(), "2008-09-01");
    assert_score_summary(&markdown, &result);
    let s = parse(&markdown);
    assert!(s.headings.contains(&(3, "Waivers".to_string())));
}

#[test]
fn the_diff_and_rules_markdown_keep_their_structure() {
    let results = tempfile::tempdir().unwrap();
    let old = results.path().join("old.json");
    let new = results.path().join("new.json");
    let before = super::with_overlay("cov-01-fax-office-hours");
    let after = super::with_overlay("tool-03-no-attachments");
    std::fs::write(
        &old,
        super::score_json(before.path(), "2008-09-01").to_string(),
    )
    .unwrap();
    std::fs::write(
        &new,
        super::score_json(after.path(), "2008-09-01").to_string(),
    )
    .unwrap();
    let (_, diff, _) = run(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--format",
        "markdown",
    ]);
    let s = parse(&diff);
    let items: Vec<&String> = s.lists.iter().flat_map(|l| &l.items).collect();
    assert!(
        items.iter().any(|i| i.starts_with("🎉 closed: COV-01")),
        "{items:?}"
    );
    assert!(
        items.iter().any(|i| i.starts_with("❌ new gaps: TOOL-03")),
        "{items:?}"
    );

    let (_, docs, _) = run(&["rules", "docs"]);
    let s = parse(&docs);
    let ruleset = accredit_core::ruleset::Ruleset::builtin();
    assert_eq!(s.headings.iter().filter(|(l, _)| *l == 1).count(), 1);
    for requirement in &ruleset.requirements {
        let wanted = format!("{} — {}", requirement.id, requirement.title);
        assert!(
            s.headings.contains(&(3, wanted.clone())),
            "no heading {wanted}"
        );
    }
    let domains = &s.tables[0];
    assert_eq!(domains.rows.len(), ruleset.domains.len());
    assert!(domains.rows.iter().all(|r| r.len() == domains.header.len()));
}

#[test]
fn the_portfolio_markdown_is_one_table_row_per_pack() {
    let (_, markdown, stderr) = run(&[
        "portfolio",
        pack("complete").to_str().unwrap(),
        pack("minimal").to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--format",
        "markdown",
    ]);
    let s = parse(&markdown);
    let table = s
        .tables
        .first()
        .unwrap_or_else(|| panic!("{markdown}{stderr}"));
    assert_eq!(table.rows.len(), 2, "{markdown}");
    assert!(table.rows.iter().all(|r| r.len() == table.header.len()));
}
