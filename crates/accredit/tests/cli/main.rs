//! CLI tests: run the built `accredit` binary on the fixture packs.
//! One test binary; each module covers a command.

mod baseline;
mod baseline_formats;
mod caseload;
mod ci_examples;
mod cover;
mod desk_data;
mod formats;
mod guide;
mod help;
mod hostile_output;
mod init;
mod markdown_structure;
mod odd_values;
mod outputs;
mod plan;
mod portfolio;
mod report;
mod rules_show;
mod rulesets;
mod sarif_ingest;
mod score;
mod signing;
mod timeline;
mod validate;
mod validate_formats;
mod verdict;

use std::path::PathBuf;

use assert_cmd::Command;

/// The repository's `fixtures/packs/NAME`.
pub fn pack(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/packs")
        .join(name)
}

/// The `accredit` binary with colour off and a fixed environment.
pub fn accredit() -> Command {
    let mut cmd = Command::cargo_bin("accredit").expect("binary built");
    cmd.env_remove("NO_COLOR").arg("--color=never");
    cmd
}

/// Runs `accredit ARGS…` and returns (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let output = accredit().args(args).output().expect("runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Copies a directory tree (files and folders) into `to`.
pub fn copy(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The complete pack with a ruleset-test overlay laid over it, in a temp dir.
pub fn with_overlay(overlay: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy(&pack("complete"), dir.path());
    let overlays =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/ruleset-tests/overlays");
    copy(&overlays.join(overlay), dir.path());
    dir
}

/// `accredit score DIR --as-of AS_OF --format json`, parsed.
pub fn score_json(dir: &std::path::Path, as_of: &str) -> serde_json::Value {
    let (_, stdout, stderr) = run(&[
        "score",
        dir.to_str().unwrap(),
        "--as-of",
        as_of,
        "--format",
        "json",
    ]);
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}{stderr}"))
}
