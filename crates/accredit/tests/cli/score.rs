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
