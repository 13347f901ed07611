//! Verdicts that hold on evidence written by other hands (issue 11): the
//! trust-written pack scores `ready`; invalid evidence never passes a gate;
//! `init` writes nothing future-dated.

use super::{pack, pack_with, run};

/// The trust-written pack with a ruleset-test overlay laid over it.
fn trust_written_with(overlay: &str) -> tempfile::TempDir {
    pack_with("trust-written", &[overlay])
}

#[test]
fn the_trust_written_pack_validates_and_scores_ready() {
    let tw = pack("trust-written");
    let tw = tw.to_str().unwrap();
    let (code, stdout, _) = run(&["validate", tw]);
    assert_eq!(code, 0, "{stdout}");
    let (code, stdout, stderr) = run(&["score", tw, "--as-of", "2008-09-01"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("Verdict: READY"), "{stdout}");
}

#[test]
fn invalid_evidence_fails_every_gate_whatever_require_says() {
    let dir = trust_written_with("tw-rota-start-24");
    let pack_dir = dir.path().to_str().unwrap();
    let out = tempfile::tempdir().unwrap();
    let html = out.path().join("report.html");
    let (code, stdout, _) = run(&["validate", pack_dir]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("rotas/rota-2008-09.yaml:14:12"),
        "the 24:00 start is located: {stdout}"
    );
    for require in ["any", "approaching", "ready"] {
        let (code, stdout, stderr) = run(&[
            "score",
            pack_dir,
            "--as-of",
            "2008-09-01",
            "--require",
            require,
        ]);
        assert_eq!(code, 1, "score --require {require}: {stdout}{stderr}");
    }
    let (code, stdout, stderr) = run(&[
        "report",
        pack_dir,
        "--as-of",
        "2008-09-01",
        "--require",
        "any",
        "-o",
        html.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "report: {stdout}{stderr}");
    let (code, stdout, stderr) = run(&["portfolio", pack_dir, "--as-of", "2008-09-01"]);
    assert_eq!(code, 1, "portfolio: {stdout}{stderr}");
    assert!(stdout.contains("INVALID EVIDENCE: 1 file, "), "{stdout}");
    let (_, json, _) = run(&[
        "score",
        pack_dir,
        "--as-of",
        "2008-09-01",
        "--format",
        "json",
        "--require",
        "any",
    ]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["evidence"]["valid"], false);
    assert_eq!(value["evidence"]["invalid_files"], 1);
    let rota = value["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "rotas/rota-2008-09.yaml")
        .unwrap();
    assert_eq!(rota["valid"], false);
}

#[test]
fn a_csv_export_with_a_missing_column_is_invalid_in_the_index_and_the_gate() {
    let dir = trust_written_with("tw-incident-missing-column");
    let pack_dir = dir.path().to_str().unwrap();
    let (code, json, _) = run(&[
        "score",
        pack_dir,
        "--as-of",
        "2008-09-01",
        "--format",
        "json",
        "--require",
        "any",
    ]);
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let export = value["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "logs/incidents-late-entries.csv")
        .unwrap();
    assert_eq!(export["role"], "export");
    assert_eq!(export["valid"], false);
    assert_eq!(value["evidence"]["invalid_files"], 1);
}

#[test]
fn a_valid_caseload_passes_the_portfolio_gate() {
    let tw = pack("trust-written");
    let complete = pack("complete");
    let (code, stdout, stderr) = run(&[
        "portfolio",
        tw.to_str().unwrap(),
        complete.to_str().unwrap(),
        "--as-of",
        "2008-09-01",
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!stdout.contains("evidence invalid"), "{stdout}");
}

/// The gaps the scaffold leaves on purpose: each is something only the
/// trust can supply (approvals, staff, training, tests passed, procedures).
const SCAFFOLD_GAPS: &[&str] = &[
    "SCN-01", "COV-01", "NAK-01", "ESC-01", "ESC-04", "ITIL-02", "ITIL-03", "ITIL-08", "ITIL-01",
    "DOC-01", "CHG-02", "TOOL-04", "NAK-02", "ESC-05", "ITIL-04", "ITIL-05", "ITIL-06", "SCN-02",
    "TOOL-03", "NAK-03", "ITIL-07", "DOC-02", "DOC-04", "DOC-05",
];

#[test]
fn init_writes_nothing_future_dated_on_the_day_it_runs() {
    let dir = tempfile::tempdir().unwrap();
    let pack_dir = dir.path().join("evidence");
    let pack_dir = pack_dir.to_str().unwrap();
    let (code, _, stderr) = run(&["init", pack_dir]);
    assert_eq!(code, 0, "{stderr}");
    // Scored on the day it was written (no --as-of: today).
    let (_, json, _) = run(&["score", pack_dir, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["evidence"]["valid"], true);
    let future: Vec<String> = value["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["findings"].as_array().unwrap().iter())
        .filter(|f| f["code"] == "future-dated-evidence" || f["code"] == "training-future-dated")
        .map(|f| f["message"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(future.is_empty(), "future-dated: {future:?}");
    let gaps: Vec<&str> = value["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g.as_str().unwrap())
        .collect();
    assert_eq!(gaps, SCAFFOLD_GAPS);
    assert_eq!(value["verdict"], "not-ready");
}
