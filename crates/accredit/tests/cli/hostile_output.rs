//! Evidence text is data (issue 12): the `hostile-output` pack carries
//! terminal escapes (OSC 52 clipboard write, OSC 8 hyperlink, clear screen,
//! C1 CSI, BEL, DEL), CR/LF followed by forged workflow commands, Markdown
//! mentions, links, images, raw HTML, headings and table breaks, and a file
//! name with backticks, brackets and spaces — in the organisation and desk
//! names, a procedure title, an open action's description and owner (which
//! reach a finding), and a placeholder finding in that file. Each format's
//! output is checked by the consumer's own parser to be inert.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use scraper::{Html, Selector};

use super::{pack, run, with_overlay};

const AS_OF: &str = "2008-10-01";

fn score(format: &str) -> String {
    let hostile = pack("hostile-output");
    let (code, stdout, stderr) = run(&[
        "score",
        hostile.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "--format",
        format,
    ]);
    // It scores (today `ready`; the gate's outcome is not what is tested here).
    assert!(
        code == 0 || code == 1,
        "{format}: the hostile pack scores: {stderr}"
    );
    assert!(stdout.len() > 1000, "{format}: {stdout}");
    stdout
}

/// The C# runner's `TrimStart`: Unicode white space.
fn starts_command(line: &str) -> bool {
    line.trim_start().starts_with("::")
}

fn no_control_characters(format: &str, output: &str) {
    for c in output.chars() {
        assert!(
            !c.is_control() || c == '\n' || (c == '\t' && ["junit", "html"].contains(&format)),
            "{format}: control character {:?} in the output",
            c
        );
    }
    assert!(!output.contains("##["), "{format}: a ##[command]");
}

#[test]
fn the_hostile_pack_is_valid_and_its_strings_reach_the_findings() {
    let hostile = pack("hostile-output");
    let (code, stdout, _) = run(&["validate", hostile.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}");
    let json: serde_json::Value = serde_json::from_str(&score("json")).unwrap();
    // JSON carries the data exactly: the escapes are in the value, not the stream.
    let organisation = json["applicant"]["organisation"].as_str().unwrap();
    assert!(organisation.contains("\u{1b}]52;c;ZXZpbA==\u{7}"));
    assert!(organisation.contains("\r\n::add-mask::secret-from-evidence\n"));
    let messages: Vec<&str> = json["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["findings"].as_array().unwrap())
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("\n::add-mask::secret-from-evidence"))
    );
    let files: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert!(files.contains(&"documents/knowledge/pacs ``notes`` `x` [draft] @octocat.md"));
}

#[test]
fn text_has_no_control_bytes_and_no_line_a_runner_would_obey() {
    for (format, output) in [
        ("text", score("text")),
        ("text -q", {
            let hostile = pack("hostile-output");
            run(&["score", hostile.to_str().unwrap(), "--as-of", AS_OF, "-q"]).1
        }),
        ("validate", {
            let hostile = pack("hostile-output");
            run(&["validate", hostile.to_str().unwrap()]).1
        }),
    ] {
        no_control_characters(format, &output);
        for line in output.lines() {
            assert!(!starts_command(line), "{format}: {line}");
        }
    }
    let text = score("text");
    assert!(
        text.contains("\\x1b]52;c;ZXZpbA==\\x07"),
        "shown as visible escapes"
    );
    assert!(text.contains("\\r\\n::add-mask::secret-from-evidence\\n"));
    assert!(text.contains("\\u{9b}31m\\x7f"));
}

#[test]
fn text_in_colour_has_only_the_reports_own_colour_sequences() {
    let hostile = pack("hostile-output");
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("accredit"))
        .args([
            "--color=always",
            "score",
            hostile.to_str().unwrap(),
            "--as-of",
            AS_OF,
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let mut sequences = 0;
    for (i, _) in text.match_indices('\u{1b}') {
        let rest = &text[i + 1..];
        let end = rest.find('m').expect("an SGR sequence ends in m");
        let body = &rest[..end];
        assert!(
            body.starts_with('[') && body[1..].chars().all(|c| c.is_ascii_digit() || c == ';'),
            "a sequence other than a colour: {:?}",
            &rest[..end.min(20)]
        );
        sequences += 1;
    }
    assert!(sequences > 10);
}

#[test]
fn github_lines_are_all_well_formed_commands_and_none_is_forged() {
    let output = score("github");
    no_control_characters("github", &output);
    let mut commands = 0;
    for line in output.lines() {
        let rest = line
            .strip_prefix("::")
            .unwrap_or_else(|| panic!("not a command: {line}"));
        let (head, message) = rest.split_once("::").expect("`::` after the properties");
        let (level, properties) = head.split_once(' ').unwrap_or((head, ""));
        assert!(
            ["error", "warning", "notice"].contains(&level),
            "forged command `{level}`: {line}"
        );
        for property in properties.split(',').filter(|p| !p.is_empty()) {
            let (key, value) = property.split_once('=').expect("key=value");
            assert!(["file", "line", "col", "title"].contains(&key), "{line}");
            assert!(!value.contains([':', ',']), "{line}");
        }
        assert!(!message.contains('\r'), "{line}");
        commands += 1;
    }
    assert!(commands >= 4, "{output}");
    // The forged text is inside a message, escaped: it never begins a line.
    assert!(output.contains("%0D%0A::add-mask::secret-from-evidence%0A::error file=pack.yaml"));
    assert!(
        !output
            .lines()
            .any(|l| l.starts_with("::add-mask") || l.starts_with("::set-output"))
    );
    assert!(output.contains(
        "hostile-output/documents/knowledge/pacs ``notes`` `x` [draft] @octocat.md,line=17,"
    ));
}

fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM
}

/// The HTML the renderer itself writes to fold long gap lists.
const OWN_HTML: [&str; 2] = ["<details><summary>", "</details>"];

fn assert_inert_markdown(markdown: &str) {
    let mut headings = Vec::new();
    let mut in_heading = false;
    for event in Parser::new_ext(markdown, markdown_options()) {
        match &event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
                panic!("a link or image from evidence: {event:?}")
            }
            Event::Html(html) | Event::InlineHtml(html) => assert!(
                OWN_HTML.iter().any(|own| html.starts_with(own)),
                "raw HTML from evidence: {html:?}"
            ),
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                headings.push(String::new());
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(text) | Event::Code(text) => {
                if in_heading && let Some(h) = headings.last_mut() {
                    h.push_str(text);
                }
                if let Event::Text(text) = &event {
                    let chars: Vec<char> = text.chars().collect();
                    for pair in chars.windows(2) {
                        assert!(
                            !(matches!(pair[0], '@' | '#') && pair[1].is_ascii_alphanumeric()),
                            "a mention or reference: {text:?}"
                        );
                    }
                    assert!(
                        !text.contains("://") && !text.to_ascii_lowercase().contains("www."),
                        "an autolink: {text:?}"
                    );
                }
            }
            _ => {}
        }
    }
    for heading in &headings {
        assert!(
            heading.starts_with("LSD accreditation: ")
                || heading.starts_with("LSD caseload: ")
                || ["Fix first", "Waivers", "Domain scores", "Most common gaps"]
                    .contains(&heading.as_str()),
            "a heading from evidence: {heading:?}"
        );
    }
}

#[test]
fn markdown_has_no_mention_link_image_html_heading_or_table_break_from_evidence() {
    let markdown = score("markdown");
    no_control_characters("markdown", &markdown);
    assert_inert_markdown(&markdown);
    // The domain table keeps four cells in every row.
    let mut cells_per_row = Vec::new();
    for event in Parser::new_ext(&markdown, markdown_options()) {
        match event {
            Event::Start(Tag::TableRow | Tag::TableHead) => cells_per_row.push(0),
            Event::Start(Tag::TableCell) => *cells_per_row.last_mut().unwrap() += 1,
            _ => {}
        }
    }
    assert!(
        cells_per_row.len() > 5 && cells_per_row.iter().all(|n| *n == 4),
        "{cells_per_row:?}"
    );
    // The odd file name is one code span, shown exactly.
    let codes: Vec<String> = Parser::new_ext(&markdown, markdown_options())
        .filter_map(|e| match e {
            Event::Code(c) => Some(c.into_string()),
            _ => None,
        })
        .collect();
    assert!(
        codes.iter().any(|c| c.ends_with(
            "/hostile-output/documents/knowledge/pacs ``notes`` `x` [draft] @octocat.md:17"
        )),
        "{codes:?}"
    );
}

#[test]
fn junit_parses_and_holds_no_character_xml_forbids() {
    let junit = score("junit");
    no_control_characters("junit", &junit);
    let document = roxmltree::Document::parse(&junit).expect("valid XML 1.0");
    let failures = document
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .count();
    assert!(failures >= 3);
    let names: Vec<&str> = document
        .descendants()
        .filter_map(|n| n.attribute("name"))
        .collect();
    assert!(names.iter().any(|n| n.contains("\\x1b]52")), "{names:?}");
}

#[test]
fn json_parses_and_its_stream_holds_no_raw_control_character() {
    let json = score("json");
    no_control_characters("json", &json);
    assert!(json.contains("\\u001b]52;c;ZXZpbA==\\u0007"));
    assert!(json.contains("\\u009b31m"));
    serde_json::from_str::<serde_json::Value>(&json).unwrap();
}

#[test]
fn html_runs_nothing_and_links_nowhere_outside_the_page() {
    let html = score("html");
    no_control_characters("html", &html);
    let page = Html::parse_document(&html);
    let count = |selector: &str| page.select(&Selector::parse(selector).unwrap()).count();
    assert_eq!(count("script"), 0);
    assert_eq!(count("img"), 0);
    assert_eq!(count("iframe, object, embed, form, base"), 0);
    for element in page
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        for (name, value) in element.value().attrs() {
            assert!(!name.starts_with("on"), "event handler {name}={value}");
            if name == "href" {
                assert!(value.starts_with('#'), "a link out of the page: {value}");
            }
        }
    }
    let title: String = page
        .select(&Selector::parse("title").unwrap())
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(
        title.contains("<script>alert(1)</script>"),
        "shown as text: {title}"
    );
}

#[test]
fn markdown_keeps_every_finding_inside_its_gap_from_number_10_on() {
    let minimal = pack("minimal");
    let (_, markdown, _) = run(&[
        "score",
        minimal.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "--format",
        "markdown",
    ]);
    assert_inert_markdown(&markdown);
    let mut depth = 0;
    let mut items_at_top = 0;
    let mut bullet_lists = 0;
    for event in Parser::new_ext(&markdown, markdown_options()) {
        match event {
            Event::Start(Tag::List(first)) => {
                depth += 1;
                if first.is_none() {
                    bullet_lists += 1;
                    assert_eq!(depth, 2, "a findings list outside its gap");
                }
            }
            Event::End(TagEnd::List(_)) => depth -= 1,
            Event::Start(Tag::Item) if depth == 1 => items_at_top += 1,
            _ => {}
        }
    }
    assert!(items_at_top > 10, "{markdown}");
    assert_eq!(
        items_at_top, bullet_lists,
        "each gap holds its findings list"
    );
}

#[test]
fn a_mandatory_gap_reads_not_met_with_its_share_beside_it() {
    let dir = with_overlay("cov-02-closed-saturday-clocks-back");
    let path = dir.path().to_str().unwrap();
    let text = run(&["score", path, "--as-of", "2008-09-01"]).1;
    let line = text.lines().find(|l| l.contains("COV-02")).unwrap();
    assert!(
        line.contains("— not met — measured 98.7% against a target of 100%"),
        "{line}"
    );
    let markdown = run(&[
        "score",
        path,
        "--as-of",
        "2008-09-01",
        "--format",
        "markdown",
    ])
    .1;
    assert!(
        markdown.contains("**mandatory**, not met — measured 98.7% against a target of 100%"),
        "{markdown}"
    );
    let html = run(&["score", path, "--as-of", "2008-09-01", "--format", "html"]).1;
    let page = Html::parse_document(&html);
    let meta: String = page
        .select(&Selector::parse("#fix-first li.gap .gap-meta").unwrap())
        .find(|m| m.text().collect::<String>().contains("not met"))
        .expect("COV-02's gap")
        .text()
        .collect();
    assert!(
        meta.contains("✗ not met — measured 98.7% against a target of 100%"),
        "{meta}"
    );
}

#[test]
fn every_output_says_first_that_the_evidence_is_invalid() {
    let defect = pack("defect-schema");
    let path = defect.to_str().unwrap();
    let output = |format: &str| run(&["score", path, "--as-of", AS_OF, "--format", format]).1;
    let headline = "The evidence is invalid: 1 file has validation errors";
    assert!(output("text").starts_with(&format!("! {headline}")));
    assert!(output("markdown").starts_with(&format!("**⚠ {headline}")));
    assert!(output("github").starts_with(&format!(
        "::error title=accredit%3A evidence invalid::{headline}"
    )));
    let junit = output("junit");
    let document = roxmltree::Document::parse(&junit).unwrap();
    let first = document
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    assert_eq!(first.attribute("name"), Some("evidence"));
    let html = output("html");
    let page = Html::parse_document(&html);
    let first_section = page
        .select(&Selector::parse("main > section").unwrap())
        .next()
        .unwrap();
    assert_eq!(first_section.value().attr("id"), Some("invalid-evidence"));
    assert!(first_section.text().collect::<String>().contains(headline));
    // -q keeps the warning with the verdict line.
    let quiet = run(&["score", path, "--as-of", AS_OF, "-q"]).1;
    assert!(
        quiet.starts_with(&format!("! {headline}")) && quiet.contains("Verdict: "),
        "{quiet}"
    );
}

#[test]
fn portfolio_rows_flag_invalid_evidence_and_encode_names() {
    let (_, text, _) = run(&[
        "portfolio",
        pack("defect-schema").to_str().unwrap(),
        pack("hostile-output").to_str().unwrap(),
        "--as-of",
        AS_OF,
    ]);
    no_control_characters("portfolio", &text);
    let lines: Vec<&str> = text.lines().collect();
    let schema = lines
        .iter()
        .position(|l| l.contains("defect-schema  "))
        .unwrap();
    assert!(
        lines[schema + 2].contains("✗ INVALID EVIDENCE: 1 file, 2 errors"),
        "{text}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("hostile-output  Harbourne Valley Hospitals NHS Trust \\x1b]5")),
        "{text}"
    );
    let (_, markdown, _) = run(&[
        "portfolio",
        pack("hostile-output").to_str().unwrap(),
        "--as-of",
        AS_OF,
        "--format",
        "markdown",
    ]);
    assert_inert_markdown(&markdown);
}

/// The older `hostile` pack (HTML-minded strings in a minimal pack) is inert
/// in the text and Markdown formats too.
#[test]
fn the_html_hostile_pack_is_inert_in_text_and_markdown() {
    let hostile = pack("hostile");
    let path = hostile.to_str().unwrap();
    let text = run(&["score", path, "--as-of", AS_OF]).1;
    no_control_characters("text", &text);
    assert!(
        text.contains("<script>alert(\"organisation\")</script>"),
        "{text}"
    );
    let markdown = run(&["score", path, "--as-of", AS_OF, "--format", "markdown"]).1;
    assert_inert_markdown(&markdown);
}

/// The Markdown summary's structure whatever the number of gaps: one title,
/// a four-column domain table, and every gap an item of the fix-first list.
#[test]
fn markdown_structure_holds_with_no_gaps_and_with_many() {
    for (name, gaps) in [("complete", 0), ("minimal", 37)] {
        let fixture = pack(name);
        let (_, markdown, _) = run(&[
            "score",
            fixture.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "--format",
            "markdown",
        ]);
        assert_inert_markdown(&markdown);
        let (mut titles, mut tables, mut rows, mut items, mut depth) = (0, 0, 0, 0, 0);
        let mut ordered: Vec<bool> = Vec::new();
        for event in Parser::new_ext(&markdown, markdown_options()) {
            match event {
                Event::Start(Tag::Heading { level, .. }) if level as u8 == 2 => titles += 1,
                Event::Start(Tag::Table(columns)) => {
                    tables += 1;
                    assert_eq!(columns.len(), 4, "{name}");
                }
                Event::Start(Tag::TableRow) => rows += 1,
                Event::Start(Tag::List(first)) => {
                    depth += 1;
                    ordered.push(first.is_some());
                }
                Event::End(TagEnd::List(_)) => {
                    depth -= 1;
                    ordered.pop();
                }
                Event::Start(Tag::Item) if depth == 1 && ordered == [true] => items += 1,
                _ => {}
            }
        }
        assert_eq!((titles, tables), (1, 1), "{name}: {markdown}");
        assert!(rows >= 8, "{name}: a row per scored domain");
        assert_eq!(items, gaps, "{name}: {markdown}");
    }
}

/// `timeline` and `plan` on the hostile pack: text and Markdown carry no
/// control character, workflow command or raw HTML from the evidence; the
/// CSV's cells never start a formula.
#[test]
fn timeline_and_plan_outputs_are_inert() {
    let hostile = pack("hostile-output");
    let dir = hostile.to_str().unwrap();
    for (command, format) in [
        ("timeline", "text"),
        ("timeline", "markdown"),
        ("plan", "text"),
        ("plan", "markdown"),
        ("plan", "csv"),
    ] {
        let (code, stdout, stderr) = run(&[command, dir, "--as-of", AS_OF, "--format", format]);
        assert_eq!(code, 0, "{command} {format}: {stderr}");
        let checked = stdout.replace("\r\n", "\n");
        no_control_characters(format, &checked);
        assert!(
            !checked.lines().any(starts_command),
            "{command} {format}: {stdout}"
        );
        if format == "markdown" {
            for event in Parser::new_ext(&stdout, Options::all()) {
                assert!(
                    !matches!(event, Event::Html(_) | Event::InlineHtml(_)),
                    "{command}: raw HTML {event:?}"
                );
            }
        }
        if format == "csv" {
            let mut reader =
                csv::Reader::from_reader(stdout.trim_start_matches('\u{feff}').as_bytes());
            for row in reader.records() {
                for cell in row.unwrap().iter() {
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@']),
                        "formula cell {cell:?}"
                    );
                }
            }
        }
    }
}
