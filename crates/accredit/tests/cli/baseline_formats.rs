//! Baseline mode in every machine format: the comparison travels in the
//! format's own form and nothing else reaches its stream; and the gate rules
//! of `--baseline` with and without `--require`.
//!
//! The baseline has one gap (COV-01: fax in office hours only). The current
//! pack keeps it and adds another (TOOL-03: the desk tool lost attachments).

use super::{run, with_overlay};

/// Writes the JSON result of the COV-01 pack as the baseline.
fn baseline(dir: &std::path::Path) -> std::path::PathBuf {
    let pack = with_overlay("cov-01-fax-office-hours");
    let (_, json, stderr) = run(&[
        "score",
        pack.path().to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--format",
        "json",
    ]);
    assert!(stderr.is_empty(), "{stderr}");
    let path = dir.join("baseline.json");
    std::fs::write(&path, json).unwrap();
    path
}

/// COV-01 still open, TOOL-03 newly broken.
fn regressed_pack() -> tempfile::TempDir {
    let pack = with_overlay("cov-01-fax-office-hours");
    let desk = pack.path().join("service-desk.yaml");
    let text = std::fs::read_to_string(&desk).unwrap();
    assert!(text.contains("    - attachments\n"));
    std::fs::write(&desk, text.replace("    - attachments\n", "")).unwrap();
    pack
}

fn score(pack: &std::path::Path, baseline: &std::path::Path, extra: &[&str]) -> (i32, String) {
    let mut args = vec![
        "score",
        pack.to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--baseline",
        baseline.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let (code, stdout, stderr) = run(&args);
    assert!(stderr.is_empty(), "{stderr}");
    (code, stdout)
}

#[test]
fn json_carries_the_comparison_as_a_field_and_nothing_else() {
    let results = tempfile::tempdir().unwrap();
    let baseline = baseline(results.path());
    let pack = regressed_pack();
    let (code, stdout) = score(pack.path(), &baseline, &["--format", "json"]);
    assert_eq!(code, 1, "a new gap fails the gate");
    // The whole stream is one JSON document.
    let value: serde_json::Value = serde_json::from_str(&stdout).expect("only JSON on stdout");
    assert_eq!(
        value["baseline"]["new_gaps"],
        serde_json::json!(["TOOL-03"])
    );
    assert_eq!(value["baseline"]["closed_gaps"], serde_json::json!([]));
    assert_eq!(value["baseline"]["regressed"], true);
    assert_eq!(value["gaps"], serde_json::json!(["COV-01", "TOOL-03"]));
    // And it still validates against the shipped result schema.
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../schemas/result.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn sarif_marks_each_result_new_updated_or_unchanged() {
    let results = tempfile::tempdir().unwrap();
    let baseline = baseline(results.path());
    let pack = regressed_pack();
    let (_, stdout) = score(pack.path(), &baseline, &["--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_str(&stdout).expect("only SARIF on stdout");
    let results = log["runs"][0]["results"].as_array().unwrap();
    let state = |rule: &str| {
        results
            .iter()
            .find(|r| r["ruleId"] == rule)
            .unwrap_or_else(|| panic!("no {rule} result"))["baselineState"]
            .clone()
    };
    assert_eq!(state("COV-01"), "unchanged");
    assert_eq!(state("TOOL-03"), "new");
    assert!(results.iter().all(|r| r["baselineState"].is_string()));
    assert_eq!(
        log["runs"][0]["properties"]["baseline"]["newGaps"],
        serde_json::json!(["TOOL-03"])
    );
}

#[test]
fn junit_stays_one_xml_document() {
    let results = tempfile::tempdir().unwrap();
    let baseline = baseline(results.path());
    let pack = regressed_pack();
    let (_, stdout) = score(pack.path(), &baseline, &["--format", "junit"]);
    let document = roxmltree::Document::parse(&stdout).expect("only XML on stdout");
    assert_eq!(document.root_element().tag_name().name(), "testsuites");
    assert!(stdout.trim_end().ends_with("</testsuites>"), "{stdout}");
}

#[test]
fn github_annotates_only_new_or_worse_gaps() {
    let results = tempfile::tempdir().unwrap();
    let baseline = baseline(results.path());
    let pack = regressed_pack();
    let (_, stdout) = score(pack.path(), &baseline, &["--format", "github"]);
    assert!(
        stdout.lines().all(|l| l.starts_with("::")),
        "only workflow commands: {stdout}"
    );
    assert!(
        stdout.lines().any(|l| l.contains("title=TOOL-03 ")),
        "{stdout}"
    );
    assert!(
        !stdout.lines().any(|l| l.contains("title=COV-01 ")),
        "an old gap is not annotated again: {stdout}"
    );
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("::notice title=accredit baseline::")
                && l.contains("new gaps: TOOL-03")),
        "{stdout}"
    );
    // Without a baseline both gaps are annotated.
    let (_, plain, _) = run(&[
        "score",
        pack.path().to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--format",
        "github",
    ]);
    assert!(
        plain.lines().any(|l| l.contains("title=COV-01 ")),
        "{plain}"
    );
}

#[test]
fn markdown_has_a_since_the_baseline_section() {
    let results = tempfile::tempdir().unwrap();
    let baseline = baseline(results.path());
    let pack = regressed_pack();
    let (_, stdout) = score(pack.path(), &baseline, &["--format", "markdown"]);
    let headings = super::markdown_structure::headings(&stdout);
    assert!(
        headings
            .iter()
            .any(|(level, text)| *level == 3 && text == "Since the baseline"),
        "{headings:?}"
    );
    assert!(stdout.contains("❌ new gaps: `TOOL-03`"), "{stdout}");
}

#[test]
fn text_shows_the_comparison_after_the_assessment() {
    let results = tempfile::tempdir().unwrap();
    let baseline = baseline(results.path());
    let pack = regressed_pack();
    let (_, stdout) = score(pack.path(), &baseline, &[]);
    let verdict = stdout.find("Verdict:").expect("the assessment");
    let since = stdout.find("Since the baseline:").expect("the comparison");
    assert!(verdict < since);
    assert!(stdout.contains("New gaps TOOL-03"), "{stdout}");
}

#[test]
fn without_require_a_baseline_gate_ignores_the_verdict() {
    let results = tempfile::tempdir().unwrap();
    let baseline = baseline(results.path());
    let same = with_overlay("cov-01-fax-office-hours");
    let (code, stdout) = score(same.path(), &baseline, &[]);
    assert!(stdout.contains("NOT READY"), "{stdout}");
    assert_eq!(code, 0, "not-ready, but nothing regressed: {stdout}");
    let (code, _) = score(regressed_pack().path(), &baseline, &["--require", "any"]);
    assert_eq!(code, 1, "a regression fails even with --require any");
}

#[test]
fn with_require_a_baseline_gate_also_needs_the_verdict() {
    let results = tempfile::tempdir().unwrap();
    let baseline = baseline(results.path());
    let same = with_overlay("cov-01-fax-office-hours");
    let (code, stdout) = score(same.path(), &baseline, &["--require", "ready"]);
    assert_eq!(code, 1, "no regression, but not ready: {stdout}");
    let (code, _) = score(same.path(), &baseline, &["--require", "any"]);
    assert_eq!(code, 0);
    // --fail-under still applies in baseline mode.
    let (code, _) = score(same.path(), &baseline, &["--fail-under", "100"]);
    assert_eq!(code, 1);
}

#[test]
fn invalid_evidence_fails_a_baseline_gate_even_without_a_regression() {
    let results = tempfile::tempdir().unwrap();
    let defect = super::pack("defect-schema");
    let (_, json, _) = run(&[
        "score",
        defect.to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--format",
        "json",
    ]);
    let baseline = results.path().join("baseline.json");
    std::fs::write(&baseline, json).unwrap();
    let (code, _, _) = run(&[
        "score",
        defect.to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--baseline",
        baseline.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(
        code, 1,
        "the same invalid pack: no regression, but invalid evidence"
    );
}

#[test]
fn quiet_text_still_says_what_got_worse() {
    let results = tempfile::tempdir().unwrap();
    let baseline = baseline(results.path());
    let pack = regressed_pack();
    let (code, stdout) = score(pack.path(), &baseline, &["--quiet"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].starts_with("Verdict: "), "{stdout}");
    assert_eq!(
        lines[1],
        "Since the baseline: new gaps TOOL-03; worse none; closed none"
    );
}
