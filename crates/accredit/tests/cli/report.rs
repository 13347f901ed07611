//! `accredit report` and `--format html`: the file is written, the gate is
//! the same as `score`'s, and the output is deterministic and parses.

use scraper::{Html, Selector};

use super::{pack, run};

fn count(html: &str, selector: &str) -> usize {
    Html::parse_document(html)
        .select(&Selector::parse(selector).unwrap())
        .count()
}

#[test]
fn report_writes_the_html_and_passes_the_gate_for_a_ready_pack() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let complete = pack("complete");
    let (code, stdout, stderr) = run(&[
        "report",
        complete.to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(
        stdout,
        format!("Wrote {}: ready, overall 100.0%, 0 gaps\n", out.display())
    );
    let html = std::fs::read_to_string(&out).unwrap();
    assert_eq!(count(&html, "section#summary #verdict"), 1);
    assert_eq!(count(&html, "script"), 0);
}

#[test]
fn report_without_an_output_is_a_usage_error() {
    let (code, _, stderr) = run(&["report", pack("complete").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--output <FILE.html>"), "{stderr}");
}

#[test]
fn report_fails_the_gate_like_score_and_still_writes_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("minimal.html");
    let minimal = pack("minimal");
    let args = [
        "report",
        minimal.to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "-o",
        out.to_str().unwrap(),
        "-q",
    ];
    let (code, stdout, _) = run(&args);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    let html = std::fs::read_to_string(&out).unwrap();
    let (_, json, _) = run(&[
        "score",
        minimal.to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--format",
        "json",
    ]);
    let result: serde_json::Value = serde_json::from_str(&json).unwrap();
    let gaps = result["gaps"].as_array().unwrap().len();
    assert!(gaps > 0);
    assert_eq!(count(&html, "section#fix-first li.gap"), gaps);
    let mut with_any = args.to_vec();
    with_any.extend(["--require", "any"]);
    assert_eq!(run(&with_any).0, 0);
}

#[test]
fn html_format_is_the_report_and_is_byte_identical_across_runs() {
    let dir = pack("complete");
    let args = [
        "score",
        dir.to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--format",
        "html",
    ];
    let (code, first, _) = run(&args);
    let (_, second, _) = run(&args);
    assert_eq!(code, 0);
    assert_eq!(first, second);
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("r.html");
    run(&[
        "report",
        dir.to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read_to_string(file).unwrap(), first);
}

#[test]
fn the_hostile_pack_validates_and_its_report_runs_nothing() {
    let hostile = pack("hostile");
    let (code, stdout, stderr) = run(&["validate", hostile.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (_, html, _) = run(&[
        "report",
        hostile.to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "-o",
        "-",
    ]);
    assert_eq!(count(&html, "script"), 0);
    assert_eq!(count(&html, "img"), 0);
    assert_eq!(count(&html, "[onerror], [onmouseover]"), 0);
    assert_eq!(count(&html, "a[href^=\"javascript:\"]"), 0);
    let doc = Html::parse_document(&html);
    let h1: String = doc
        .select(&Selector::parse("h1").unwrap())
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(
        h1,
        "Harbourne <script>alert(\"organisation\")</script> Valley {{ 7*7 }} NHS Trust (R<img src=x onerror=alert(1)>Z{{ 7*7 }})"
    );
}
