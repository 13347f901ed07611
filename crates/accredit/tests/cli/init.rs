//! `accredit init`: the scaffold validates, scores `not-ready` with a
//! readable to-do list, and never overwrites a directory with files in it.

use super::run;

#[test]
fn init_then_validate_passes_and_score_gives_a_to_do_list() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("evidence");
    let pack = pack.to_str().unwrap();
    let (code, stdout, stderr) = run(&[
        "init",
        pack,
        "--organisation",
        "Wessex: Acute & Community NHS Trust",
        "--ods",
        "RA9",
        "--lsp",
        "CSC",
        "--start",
        "2026-03-02",
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.starts_with("Started an evidence pack for Wessex: Acute & Community NHS Trust"));
    let (code, stdout, _) = run(&["validate", pack]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.ends_with(": 0 errors, 0 warnings\n"), "{stdout}");
    let (code, stdout, _) = run(&["score", pack, "--as-of", "2026-01-05"]);
    assert_eq!(code, 1);
    assert!(
        stdout.starts_with("Wessex: Acute & Community NHS Trust (RA9)"),
        "{stdout}"
    );
    assert!(stdout.contains("Verdict: NOT READY"), "{stdout}");
    assert!(stdout.contains("Fix first\n   1. [M] "), "{stdout}");
    assert!(stdout.contains("How to fix: "), "{stdout}");
    // Every kind of evidence is in the scaffold.
    let (_, json, _) = run(&["score", pack, "--as-of", "2026-01-05", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let kinds: std::collections::BTreeSet<&str> = value["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["kind"].as_str())
        .collect();
    for kind in accredit_core::model::Kind::ALL {
        if kind != accredit_core::model::Kind::Override {
            assert!(kinds.contains(kind.name()), "the scaffold has no {kind}");
        }
    }
    // Editor schemas are there, and hidden from the pack walk.
    assert!(
        dir.path()
            .join("evidence/.accredit/schemas/rota.schema.json")
            .is_file()
    );
}

#[test]
fn init_never_writes_into_a_directory_with_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let (code, _, stderr) = run(&["init", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("is not empty"), "{stderr}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}
