//! `accredit timeline`: formats, the schema, determinism, bad ranges.

use crate::{pack, run};

fn complete() -> String {
    pack("complete").display().to_string()
}

fn schema(name: &str) -> jsonschema::Validator {
    let (code, text, _) = run(&["schema", name]);
    assert_eq!(code, 0);
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

#[test]
fn text_shows_runs_the_earliest_ready_date_and_the_lapse_calendar() {
    let (code, stdout, stderr) = run(&["timeline", &complete(), "--as-of", "2008-09-01"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("Start dates 2008-09-01 to 2009-03-02"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Earliest ready: 2008-09-06, ready until 2008-11-01"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  2008-09-06 to 2008-11-01  ready"),
        "{stdout}"
    );
    assert!(stdout.contains(
        "from 2008-12-19 ESC-04 fails: the escalation test of 2008-06-18 (tests/escalation/2008-06-18-sev1-out-of-hours-bt-health.yaml:3:7) is more than 183 days old"
    ), "{stdout}");
    assert!(
        stdout.contains("2008-11-10  COV-02   rota-period-end"),
        "{stdout}"
    );
}

#[test]
fn json_follows_its_schema_and_is_byte_identical() {
    let args = [
        "timeline",
        &complete(),
        "--as-of",
        "2008-09-01",
        "--format",
        "json",
    ];
    let (code, first, _) = run(&args);
    assert_eq!(code, 0);
    let (_, second, _) = run(&args);
    assert_eq!(first, second);
    let value: serde_json::Value = serde_json::from_str(&first).unwrap();
    let errors: Vec<String> = schema("timeline")
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(value["earliest_ready"], "2008-09-06");
    assert_eq!(value["ready_until"], "2008-11-01");
    assert_eq!(value["runs"].as_array().unwrap().len(), 6);
    // The never-ready pack too, with nulls.
    let (_, minimal, _) = run(&[
        "timeline",
        &pack("minimal").display().to_string(),
        "--as-of",
        "2008-09-01",
        "--format",
        "json",
    ]);
    let value: serde_json::Value = serde_json::from_str(&minimal).unwrap();
    assert!(schema("timeline").is_valid(&value));
    assert_eq!(value["earliest_ready"], serde_json::Value::Null);
}

#[test]
fn markdown_has_the_runs_table_and_the_calendar() {
    let (code, stdout, _) = run(&[
        "timeline",
        &complete(),
        "--as-of",
        "2008-09-01",
        "--from",
        "2008-10-01",
        "--to",
        "2008-12-31",
        "--format",
        "markdown",
    ]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("| 2008-10-01 | 2008-11-01 | ready | 100.0% | none |"),
        "{stdout}"
    );
    assert!(stdout.contains("### Lapse calendar"), "{stdout}");
    assert!(stdout.contains("`rota.yaml:6:7`"), "{stdout}");
}

#[test]
fn a_backwards_range_is_a_usage_error() {
    let (code, _, stderr) = run(&[
        "timeline",
        &complete(),
        "--as-of",
        "2008-09-01",
        "--from",
        "2008-10-01",
        "--to",
        "2008-09-01",
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("the range ends (2008-09-01) before it starts (2008-10-01)"),
        "{stderr}"
    );
}

#[test]
fn the_output_extension_picks_the_format_and_never_writes_inside_the_pack() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("timeline.json");
    let (code, _, stderr) = run(&[
        "timeline",
        &complete(),
        "--as-of",
        "2008-09-01",
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(value["format"], "accredit-timeline/1");
    let inside = pack("complete").join("timeline.json");
    let (code, _, _) = run(&["timeline", &complete(), "-o", &inside.display().to_string()]);
    assert_eq!(code, 2);
    assert!(!inside.exists());
}

#[test]
fn the_report_has_a_readiness_section_with_strip_words_and_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let (code, _, stderr) = run(&[
        "report",
        &complete(),
        "--as-of",
        "2008-09-01",
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let page = std::fs::read_to_string(&out).unwrap();
    let html = scraper::Html::parse_document(&page);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    let section = html
        .select(&select("section#readiness"))
        .next()
        .expect("the section");
    let text: String = section.text().collect();
    assert!(
        text.contains("the earliest ready start is 6 September 2008"),
        "{text}"
    );
    assert!(text.contains("stays ready until 1 November 2008"), "{text}");
    // One strip rectangle and one table row (with its status word) per run.
    let rects = section.select(&select("svg.readiness-strip rect")).count();
    let rows: Vec<String> = section
        .select(&select("table.readiness-runs tbody tr"))
        .map(|r| r.text().collect())
        .collect();
    assert_eq!(rects, 6);
    assert_eq!(rows.len(), 6);
    assert!(
        rows[2].contains("ready") && rows[0].contains("not ready"),
        "{rows:?}"
    );
    let lapses = section.select(&select("table.lapses tbody tr")).count();
    assert!(lapses > 10, "{lapses}");
    assert!(text.contains("rota-period-end"));
    assert!(!page.contains("<script"));
}

#[test]
fn hostile_evidence_text_is_escaped_in_the_readiness_section() {
    let dir = tempfile::tempdir().unwrap();
    crate::copy(&pack("complete"), dir.path());
    let file = dir.path().join("procedures/incident.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("review_due: 2009-06-30", "review_due: 2008-12-01"),
    )
    .unwrap();
    let renamed = dir.path().join("procedures/incident-<b>x<b>.md");
    std::fs::rename(&file, &renamed).unwrap();
    let out = tempfile::tempdir().unwrap();
    let report = out.path().join("r.html");
    let (code, _, stderr) = run(&[
        "report",
        &dir.path().display().to_string(),
        "--as-of",
        "2008-09-01",
        "-o",
        &report.display().to_string(),
    ]);
    assert!(code == 0 || code == 1, "{stderr}");
    let page = std::fs::read_to_string(&report).unwrap();
    assert!(!page.contains("<b>x<b>"));
    assert!(
        page.contains("incident-&lt;b&gt;x&lt;b&gt;.md"),
        "escaped name"
    );
}
