//! `--baseline` and `accredit diff` on two versions of a pack: one gap fixed
//! (COV-01), another introduced (TOOL-03).

use super::{run, with_overlay};

fn write_result(dir: &std::path::Path, out: &std::path::Path) {
    let (_, stdout, stderr) = run(&[
        "score",
        dir.to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--format",
        "json",
    ]);
    assert!(stderr.is_empty(), "{stderr}");
    std::fs::write(out, stdout).unwrap();
}

#[test]
fn diff_shows_score_movement_closed_and_new_gaps() {
    let results = tempfile::tempdir().unwrap();
    let (old, new) = (
        results.path().join("old.json"),
        results.path().join("new.json"),
    );
    write_result(with_overlay("cov-01-fax-office-hours").path(), &old);
    write_result(with_overlay("tool-03-no-attachments").path(), &new);
    let (code, stdout, _) = run(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(code, 1, "a new gap is a regression");
    let lines: Vec<&str> = stdout.lines().collect();
    let overall = |path: &std::path::Path| {
        let value: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        value["score"]["overall"].as_f64().unwrap()
    };
    let (before, after) = (overall(&old), overall(&new));
    assert!(after > before);
    assert_eq!(
        lines[0],
        format!(
            "Overall {before:.1}% → {after:.1}% (+{:.1})   verdict not-ready → ready",
            after - before
        )
    );
    assert!(lines.contains(&"Closed gaps 🎉 COV-01"), "{stdout}");
    assert!(lines.contains(&"New gaps TOOL-03"), "{stdout}");
    assert!(lines.contains(&"  COV-01   fail → pass"), "{stdout}");
    assert!(lines.contains(&"  TOOL-03  pass → fail"), "{stdout}");
    let (code, json, _) = run(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["closed_gaps"], serde_json::json!(["COV-01"]));
    assert_eq!(value["new_gaps"], serde_json::json!(["TOOL-03"]));
    let (code, _, _) = run(&["diff", old.to_str().unwrap(), old.to_str().unwrap()]);
    assert_eq!(code, 0, "no change, no regression");
}

#[test]
fn a_baseline_gate_fails_only_on_new_gaps() {
    let results = tempfile::tempdir().unwrap();
    let baseline = results.path().join("baseline.json");
    let before = with_overlay("cov-01-fax-office-hours");
    write_result(before.path(), &baseline);
    // Same pack: the verdict is not-ready, but nothing regressed, so the gate passes.
    let (code, stdout, _) = run(&[
        "score",
        before.path().to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--baseline",
        baseline.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("No requirement changed."));
    // COV-01 fixed and TOOL-03 broken: the new gap fails the gate; the closed one is celebrated.
    let after = with_overlay("tool-03-no-attachments");
    let (code, stdout, _) = run(&[
        "score",
        after.path().to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--baseline",
        baseline.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(stdout.contains("Closed gaps 🎉 COV-01"), "{stdout}");
    assert!(stdout.contains("New gaps TOOL-03"), "{stdout}");
    // A baseline that is not a result cannot be compared: exit 2.
    let bogus = results.path().join("bogus.json");
    std::fs::write(&bogus, "{}").unwrap();
    let (code, _, stderr) = run(&[
        "score",
        after.path().to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--baseline",
        bogus.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("is not an accredit JSON result"),
        "{stderr}"
    );
}
