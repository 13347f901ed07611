//! Odd values and odd files get a located diagnostic in plain words with a
//! stable code, never a parser's internal message; special files and
//! pseudo-files are never read without a bound.

use std::path::Path;

use super::{copy, pack, run};

fn validate(dir: &Path) -> (i32, String) {
    let (code, stdout, stderr) = run(&["validate", dir.to_str().unwrap()]);
    assert!(stderr.is_empty(), "unexpected stderr: {stderr}");
    (code, stdout)
}

fn diagnostics(stdout: &str) -> Vec<&str> {
    let lines: Vec<&str> = stdout.lines().collect();
    lines[..lines.len().saturating_sub(1)].to_vec()
}

#[test]
fn each_odd_value_is_reported_at_its_line_and_column() {
    let cases: &[(&str, &str)] = &[
        (
            "defect-yaml-tag",
            "pack.yaml:4:9: error[yaml-tag]: the YAML tag `!!binary` is not accepted: evidence holds plain text, numbers, dates, lists and mappings, so remove the tag",
        ),
        (
            "defect-custom-tag",
            "pack.yaml:5:13: error[yaml-tag]: the YAML tag `!trust-code` is not accepted: evidence holds plain text, numbers, dates, lists and mappings, so remove the tag",
        ),
        (
            "defect-number-overflow",
            "pack.yaml:8:10: error[number-out-of-range]: this number is too large to hold (or not a number): write a whole number between -9223372036854775808 and 9223372036854775807, or quote it as text",
        ),
        (
            "defect-year-out-of-range",
            "pack.yaml:13:10: error[year-out-of-range]: the year 20081 is outside 0001 to 9999: write dates as YYYY-MM-DD with a four-digit year",
        ),
    ];
    for (name, expected) in cases {
        let (code, stdout) = validate(&pack(name));
        assert_eq!(code, 1, "{name}: {stdout}");
        assert_eq!(diagnostics(&stdout), [*expected], "{name}");
    }
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_reported_and_not_read() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    copy(&pack("minimal"), dir.path());
    let name = std::ffi::OsStr::from_bytes(b"scan-caf\xe9.pdf");
    std::fs::write(dir.path().join(name), b"%PDF-1.4").unwrap();
    let (code, stdout) = validate(dir.path());
    assert_eq!(code, 1, "{stdout}");
    assert_eq!(
        diagnostics(&stdout),
        [
            "scan-caf\u{fffd}.pdf: error[file-name-not-utf8]: this file name is not UTF-8 text; the file is not read — rename it (evidence and reports can only name files whose names are text)"
        ]
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_in_the_pack_is_listed_as_skipped_and_never_opened() {
    let dir = tempfile::tempdir().unwrap();
    copy(&pack("minimal"), dir.path());
    std::fs::create_dir(dir.path().join("samples")).unwrap();
    let fifo = dir.path().join("samples/report.pdf");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    // Opening a FIFO for reading blocks until a writer comes: if the tool
    // opened it, this test would hang instead of finishing.
    let (code, stdout) = validate(dir.path());
    assert_eq!(code, 0, "a warning only: {stdout}");
    assert_eq!(
        diagnostics(&stdout),
        [
            "samples/report.pdf: warning[not-a-regular-file]: this is a named pipe (FIFO), not a file: it is skipped and never opened"
        ]
    );
}

#[cfg(target_os = "linux")]
#[test]
fn proc_self_as_a_pack_finishes_without_hashing_endless_pseudo_files() {
    // /proc/self/pagemap reports 0 bytes and streams gigabytes: it must be
    // refused a few kilobytes past its reported size, not hashed.
    let (code, stdout, stderr) = run(&["validate", "/proc/self"]);
    assert_eq!(
        code, 2,
        "no Pack document, so it cannot be assessed: {stderr}"
    );
    assert!(
        stdout.lines().any(|line| line
            == "pagemap: error[file-too-large]: the file reported 0 bytes but holds more (a pseudo-file, such as those in /proc, or a file still being written); it is not read or hashed"),
        "{}",
        &stdout[..stdout.len().min(3000)]
    );
}
