//! Whole-file tests of [`analyse_markdown`]: awkward documents, and a
//! property test that nothing panics and every position is in the file.

use proptest::prelude::*;

use super::*;
use crate::location::{LineIndex, Position};

#[test]
fn a_procedure_is_read_with_file_relative_positions() {
    let text = "---\nkind: Procedure\nprocess: change\nowner: TBC\n---\n# Change procedure\n\n## Purpose\n\nTo make changes safely. See [incident](incident.md#escalation).\n\n## Roles & Responsibilities\n\nThe desk lead approves.\n";
    let report = analyse_markdown(text);
    let FrontMatterSplit::Found(front_matter) = &report.front_matter else {
        panic!("front matter expected");
    };
    assert_eq!(front_matter.first_line, 2);
    assert_eq!(
        report.outline.title.as_ref().map(|h| h.position),
        Some(Position { line: 6, column: 1 })
    );
    let sections: Vec<_> = report
        .outline
        .sections
        .iter()
        .map(|s| (s.name.as_str(), s.words, s.heading.position.line))
        .collect();
    assert_eq!(
        sections,
        [("purpose", 6, 8), ("roles and responsibilities", 4, 12)]
    );
    assert_eq!(
        report.anchors,
        ["change-procedure", "purpose", "roles--responsibilities"]
    );
    assert_eq!(
        report.links[0].position,
        Position {
            line: 10,
            column: 29
        }
    );
    assert_eq!(
        report.placeholders[0].position,
        Position { line: 4, column: 8 }
    );
    assert!(report.has_anchor("roles--responsibilities") && report.has_anchor("Purpose"));
    assert!(report.has_anchor("") && report.has_anchor("top") && !report.has_anchor("scope"));
}

#[test]
fn explicit_heading_ids_are_anchors_too() {
    let report = analyse_markdown("## Escalation path {#escalation}\n");
    assert_eq!(report.anchors, ["escalation-path"]);
    assert!(report.has_anchor("escalation") && report.has_anchor("escalation-path"));
}

#[test]
fn a_document_without_headings_or_front_matter_works() {
    let report = analyse_markdown("A README with a [link](docs/a.md) and nothing else.");
    assert_eq!(report.front_matter, FrontMatterSplit::Absent);
    assert!(report.outline.headings.is_empty() && report.anchors.is_empty());
    assert_eq!(report.outline.words, 8);
    assert_eq!(report.links.len(), 1);
}

#[test]
fn a_byte_order_mark_does_not_hide_the_first_heading() {
    for text in [
        "\u{feff}# Incident\n",
        "\u{feff}---\nkind: Procedure\n---\n# Incident\n",
    ] {
        let report = analyse_markdown(text);
        let title = report.outline.title.expect("title");
        assert_eq!(title.text, "Incident");
        assert_eq!(title.offset, text.find('#').unwrap_or_default());
    }
}

#[test]
fn an_empty_file_works() {
    let report = analyse_markdown("");
    assert_eq!(report.front_matter, FrontMatterSplit::Absent);
    assert_eq!(report.outline, Outline::default());
    assert!(
        report.links.is_empty() && report.placeholders.is_empty() && report.raw_html.is_empty()
    );
}

#[test]
fn unclosed_front_matter_reads_the_whole_file_as_body() {
    let text = "---\nkind: Procedure\n# Incident\n\nTODO\n";
    let report = analyse_markdown(text);
    assert_eq!(
        report.front_matter,
        FrontMatterSplit::Unclosed(UnclosedFrontMatter { line: 1 })
    );
    assert_eq!(
        report.outline.headings[0].position,
        Position { line: 3, column: 1 }
    );
    assert_eq!(
        report.placeholders[0].position,
        Position { line: 5, column: 1 }
    );
}

#[test]
fn crlf_line_endings_give_the_same_lines_columns_and_counts() {
    let lf = "---\nkind: Document\n---\n# Review\n\n## Scope\n\nAll desk *staff*, TBD.\nSee [sla](sla.md#targets).\n\n<div>\nx\n</div>\n";
    let crlf = lf.replace('\n', "\r\n");
    let (lf, crlf) = (analyse_markdown(lf), analyse_markdown(&crlf));
    assert_eq!(crlf.outline.headings[1].text, "Scope");
    assert_eq!(crlf.outline.sections[0].words, 6);
    for (lf, crlf) in lf.outline.headings.iter().zip(&crlf.outline.headings) {
        assert_eq!((&lf.text, lf.position), (&crlf.text, crlf.position));
    }
    let positions = |report: &MarkdownReport| {
        let links = report.links.iter().map(|l| l.position);
        let placeholders = report.placeholders.iter().map(|p| p.position);
        let html = report.raw_html.iter().map(|h| h.position);
        links.chain(placeholders).chain(html).collect::<Vec<_>>()
    };
    assert_eq!(positions(&crlf), positions(&lf));
    assert_eq!(
        positions(&crlf),
        [
            Position { line: 9, column: 5 },
            Position {
                line: 8,
                column: 19
            },
            Position {
                line: 11,
                column: 1
            }
        ]
    );
}

#[test]
fn a_megabyte_single_paragraph_is_read_in_linear_time() {
    let piece = "Log the call [form](forms/log.md#step) then TODO <b>x</b> ";
    let text = format!(
        "# Incident\n\n## Logging\n\n{}\n",
        piece.repeat(1_000_000 / piece.len())
    );
    let started = std::time::Instant::now();
    let report = analyse_markdown(&text);
    let pieces = 1_000_000 / piece.len();
    assert_eq!(report.outline.sections[0].words, pieces * 7);
    assert_eq!(report.links.len(), pieces);
    assert_eq!(report.placeholders.len(), pieces);
    assert_eq!(report.raw_html.len(), pieces * 2);
    let last = &report.links[pieces - 1];
    assert_eq!(
        last.position,
        Position {
            line: 5,
            column: u32::try_from((pieces - 1) * piece.len() + 14).unwrap()
        }
    );
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn a_megabyte_setext_heading_is_read() {
    let text = format!("{}\n===\n", "word ".repeat(200_000));
    let report = analyse_markdown(&text);
    assert_eq!(
        report.outline.title.map(|h| h.text.len()),
        Some(200_000 * 5 - 1)
    );
}

/// Checks that `position` is where `offset` is in `text`, and inside it.
fn assert_in_text(text: &str, lines: &LineIndex, offset: usize, position: Position) {
    assert!(offset <= text.len(), "offset {offset} past the end");
    assert_eq!(position, lines.position(text, offset), "offset {offset}");
    assert_position_in_text(text, lines, position);
}

/// Checks that `position` names a line of `text` and a column within it.
fn assert_position_in_text(text: &str, lines: &LineIndex, position: Position) {
    let start = lines.line_start(position.line).expect("line in text");
    let line = text[start..].split('\n').next().unwrap_or_default();
    assert!(position.column >= 1 && position.column as usize <= line.chars().count() + 1);
}

/// Markdown-looking text: the characters that make Markdown structure.
fn markdownish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("---\n"),
        Just("# "),
        Just("## "),
        Just("\n"),
        Just("\r\n"),
        Just("==="),
        Just("[a]"),
        Just("(b.md#c)"),
        Just("[a]: x.md\n"),
        Just("![i](j.png)"),
        Just("<div>"),
        Just("<!--"),
        Just("-->"),
        Just("`"),
        Just("```\n"),
        Just("*"),
        Just("| a | b |\n|---|\n"),
        Just("TODO"),
        Just("lorem ipsum"),
        Just("[insert"),
        Just("{#id}"),
        Just("[^1]"),
        Just("é"),
        Just("  "),
        Just("> "),
        Just("- "),
        Just("1. "),
        Just("<https://x.y>"),
        Just("word "),
    ];
    (prop::collection::vec(piece, 0..60), any::<String>()).prop_map(|(pieces, noise)| {
        let mut text = pieces.concat();
        if let Some((index, _)) = text.char_indices().nth(noise.len() % 7) {
            text.insert_str(index, &noise);
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn analysis_never_panics_and_positions_lie_inside_the_text(
        text in prop_oneof![any::<String>(), markdownish()]
    ) {
        let report = analyse_markdown(&text);
        let lines = LineIndex::new(&text);
        for heading in &report.outline.headings {
            assert_in_text(&text, &lines, heading.offset, heading.position);
        }
        for link in &report.links {
            assert_in_text(&text, &lines, link.offset, link.position);
            if let Some(definition) = link.reference.as_ref().and_then(|r| r.definition) {
                assert_position_in_text(&text, &lines, definition);
            }
        }
        for placeholder in &report.placeholders {
            assert_in_text(&text, &lines, placeholder.offset, placeholder.position);
            prop_assert_eq!(text.get(placeholder.offset..placeholder.offset + placeholder.text.len()), Some(placeholder.text.as_str()));
        }
        for html in &report.raw_html {
            assert_in_text(&text, &lines, html.offset, html.position);
        }
        prop_assert_eq!(report.anchors.len(), report.outline.headings.len());
        let body_offset = report.front_matter.body_offset();
        prop_assert!(text.is_char_boundary(body_offset));
    }
}

/// A procedure with `n` headings drawn from a few repeated names (the case
/// that needs de-duplicated anchors) and a link to a heading after each.
fn many_headings(n: usize) -> String {
    let names = ["Scope", "Scope-1", "Scope 2", "Purpose", "Roles & duties"];
    let mut text = String::from("---\nkind: Procedure\n---\n");
    for i in 0..n {
        text.push_str(&format!(
            "## {}\n\nSee [here](#scope-{}).\n\n",
            names[i % names.len()],
            i / names.len()
        ));
    }
    text
}

/// 10× and 100× a large real procedure (about 1,000 headings): the results
/// scale with the input, anchors stay unique, and every anchor check is a
/// hash lookup (the 100× case would take minutes if either were quadratic;
/// `benches/run.sh` times the release build on 100,000 headings).
#[test]
fn headings_and_anchor_links_scale_linearly() {
    for n in [10_000, 100_000] {
        let report = analyse_markdown(&many_headings(n));
        assert_eq!(report.outline.headings.len(), n);
        assert_eq!(report.links.len(), n);
        let unique: std::collections::HashSet<&str> =
            report.anchors.iter().map(String::as_str).collect();
        assert_eq!(unique.len(), n, "every anchor is distinct");
        let anchors = report.anchor_set();
        let landing = report
            .links
            .iter()
            .filter(|link| match &link.target {
                LinkTarget::Anchor { anchor } => anchors.contains(anchor),
                _ => false,
            })
            .count();
        // `#scope-K` exists for K up to about n/5 (from the repeated "Scope").
        assert!(landing > n / 10 && landing < n, "{landing} of {n}");
    }
}
