//! CLI tests: run the built `accredit` binary on the fixture packs.
//! One test binary; each module covers a command.

mod formats;
mod rulesets;
mod score;
mod validate;

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
