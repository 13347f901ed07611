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
mod output_snapshots;
mod outputs;
mod plan;
mod portfolio;
mod report;
mod rules_show;
mod rulesets;
mod sarif_ingest;
mod score;
mod signing;
mod support;
mod timeline;
mod validate;
mod validate_formats;
mod verdict;

use assert_cmd::Command;

pub use support::{copy, files_under, overlay, pack, pack_with, with_overlay};

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
