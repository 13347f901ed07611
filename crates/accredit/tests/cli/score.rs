//! `accredit score`: verdicts, scores, exit codes and determinism.

use super::{pack, run};

#[test]
fn complete_pack_scores_ready_and_passes_the_gate() {
    let dir = pack("complete");
    let (code, stdout, stderr) = run(&["score", dir.to_str().unwrap(), "--as-of", "2008-09-01"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("Verdict: READY"), "{stdout}");
}

#[test]
fn json_is_byte_identical_across_runs() {
    let dir = pack("complete");
    let args = [
        "score",
        dir.to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--format",
        "json",
    ];
    let (_, first, _) = run(&args);
    let (_, second, _) = run(&args);
    assert_eq!(first, second);
    let value: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(value["verdict"], "ready");
    assert_eq!(value["as_of"], "2008-09-01");
}

/// The project's own ruleset tests: every one-defect pack moves exactly the
/// requirement it targets, with the verdict, overall score and fix-first order.
#[test]
fn ruleset_tests_pass() {
    let dir =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/ruleset-tests");
    let (code, stdout, stderr) = run(&["rules", "test", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.ends_with(" 0 failed\n"), "{stdout}");
}

#[test]
fn a_failing_expectation_fails_rules_test() {
    let dir = tempfile::tempdir().unwrap();
    let complete = pack("complete");
    std::fs::write(
        dir.path().join("wrong.test.yaml"),
        format!(
            "pack: {}\nas_of: 2008-09-01\nexpect:\n  verdict: not-ready\n",
            complete.display()
        ),
    )
    .unwrap();
    let (code, stdout, _) = run(&["rules", "test", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "FAILED  wrong\n        verdict: expected not-ready, got ready\n0 passed, 1 failed\n"
    );
}

#[test]
fn gates_follow_require_and_fail_under() {
    let dir = pack("complete");
    let base = [
        "score",
        dir.to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--format",
        "json",
    ];
    let (code, _, _) = run(&[&base[..], &["--fail-under", "100"]].concat());
    assert_eq!(code, 0);
    let (code, _, _) = run(&[&base[..], &["--fail-under", "100.5"]].concat());
    assert_eq!(code, 1);
}

/// The JSON result validates against the shipped `schemas/result.schema.json`.
#[test]
fn json_result_matches_its_schema() {
    let schema_path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../schemas/result.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = accredit_core::schema::compile(&schema).unwrap();
    for name in ["complete", "minimal"] {
        let dir = pack(name);
        let (_, stdout, _) = run(&[
            "score",
            dir.to_str().unwrap(),
            "--as-of",
            "2008-09-01",
            "--format",
            "json",
        ]);
        let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

/// An assessor's override is scored, with the automated result beside it.
#[test]
fn assessor_overrides_are_scored_beside_the_automated_result() {
    let dir = pack("complete");
    let overrides =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/overrides");
    let (code, stdout, stderr) = run(&[
        "score",
        dir.to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--format",
        "json",
        "--overrides",
        overrides.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let tool03 = value["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "TOOL-03")
        .unwrap();
    assert_eq!(tool03["result"], "partial");
    assert_eq!(tool03["credit"], 0.5);
    assert_eq!(tool03["assessor"]["automated_result"], "pass");
    assert_eq!(
        tool03["assessor"]["assessor"],
        "Graham Okafor, LSD Accreditation Assessor"
    );
    assert_eq!(value["overrides"][0]["status"], "applied");
    assert!(value["score"]["overall"].as_f64().unwrap() < 100.0);
    // An override directory with a broken file cannot be used.
    let broken = tempfile::tempdir().unwrap();
    std::fs::write(
        broken.path().join("o.yaml"),
        "apiVersion: accredit/v1\nkind: Override\nrequirement: TOOL-03\nresult: maybe\n",
    )
    .unwrap();
    let (code, _, stderr) = run(&[
        "score",
        dir.to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--overrides",
        broken.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(
            "o.yaml:4:9: error[schema]: result must be one of pass, partial, fail, not-applicable"
        ),
        "{stderr}"
    );
}
