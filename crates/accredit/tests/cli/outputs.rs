//! Writing outputs (issue 12, "Writes that never lose data"; issue 13,
//! "Output destinations"): temporary file and rename, links replaced, nothing
//! written inside the pack, write errors exit 2 but a closed pipe is quiet,
//! one destination per output, and the `-o` extension picks the format.

use std::io::Read;
use std::path::Path;
use std::process::Stdio;

use super::{copy, pack, run};

/// The binary as a plain process (for its standard streams).
fn accredit() -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("accredit"));
    cmd.env_remove("NO_COLOR").arg("--color=never");
    cmd
}

const AS_OF: &str = "2008-10-01";

fn complete() -> String {
    pack("complete").to_str().unwrap().to_string()
}

/// `accredit ARGS… > /dev/full`: (exit code, stderr).
fn to_full_device(args: &[&str]) -> (i32, String) {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let output = accredit()
        .args(args)
        .stdout(Stdio::from(full))
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_full_standard_output_exits_2_with_a_message() {
    let pack = complete();
    let commands: [&[&str]; 4] = [
        &["score", &pack, "--as-of", AS_OF, "--format", "json"],
        &["score", &pack, "--as-of", AS_OF],
        &["validate", &pack],
        &["rules", "docs"],
    ];
    for args in commands {
        let (code, stderr) = to_full_device(args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(
            stderr.contains("cannot write to standard output: No space left on device"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn a_closed_pipe_is_quiet_and_keeps_the_gate_result() {
    let mut child = accredit()
        .args(["score", &complete(), "--as-of", AS_OF, "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    // The reader is gone (as `| head` exits); the rest of the 69 kB cannot be written.
    let output = child.wait_with_output().unwrap();
    assert_eq!(&head[..1], b"{");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn the_extension_of_o_picks_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let pack = complete();
    let write = |name: &str| {
        let path = dir.path().join(name);
        let (code, stdout, stderr) = run(&[
            "score",
            &pack,
            "--as-of",
            AS_OF,
            "-o",
            path.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{name}: {stderr}");
        assert_eq!(
            stdout, "",
            "{name}: a file output leaves standard output alone"
        );
        std::fs::read_to_string(path).unwrap()
    };
    assert!(write("x.html").starts_with("<!DOCTYPE html>"));
    let json: serde_json::Value = serde_json::from_str(&write("x.json")).unwrap();
    assert_eq!(json["verdict"], "ready");
    assert!(write("x.md").starts_with("## LSD accreditation: "));
    let sarif: serde_json::Value = serde_json::from_str(&write("x.sarif")).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let junit = write("x.xml");
    let document = roxmltree::Document::parse(&junit).unwrap();
    assert_eq!(document.root_element().tag_name().name(), "testsuites");
    assert!(write("x.txt").starts_with("Harbourne Valley Hospitals NHS Trust (RZZ)"));
    assert!(write("plain").contains("Verdict: READY"));
}

#[test]
fn an_unknown_extension_is_a_usage_error_naming_the_choices() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.pdf");
    let (code, _, stderr) = run(&["score", &complete(), "-o", out.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(".txt, no extension, .html, .htm, .json, .md, .sarif, .xml"),
        "{stderr}"
    );
    assert!(!out.exists());
    let (code, _, stderr) = run(&["report", &complete(), "-o", out.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("use .html, .htm"), "{stderr}");
    let (code, _, stderr) = run(&["portfolio", &complete(), "-o", out.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(".txt, no extension, .md, .json"),
        "{stderr}"
    );
    // An explicit --format wins over the extension.
    let (code, _, _) = run(&[
        "score",
        &complete(),
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(std::fs::read_to_string(&out).unwrap().starts_with('{'));
}

#[test]
fn two_outputs_to_one_destination_are_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    let a = a.to_str().unwrap();
    let same_a = format!("{}/sub/../a.json", dir.path().display());
    let pack = complete();
    let cases: Vec<Vec<String>> = vec![
        vec![
            "--format".into(),
            "json".into(),
            "--format".into(),
            "sarif".into(),
        ],
        vec![
            "--format".into(),
            format!("json={a}"),
            "--format".into(),
            format!("sarif={a}"),
        ],
        vec![
            "--format".into(),
            format!("json={a}"),
            "-o".into(),
            same_a.clone(),
        ],
        vec![
            "--format".into(),
            "text".into(),
            "--format".into(),
            "github=-".into(),
        ],
    ];
    for case in cases {
        let mut args = vec!["score", pack.as_str(), "--as-of", AS_OF];
        args.extend(case.iter().map(String::as_str));
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, 2, "{case:?}: {stdout}{stderr}");
        assert_eq!(stdout, "", "{case:?}: nothing is written");
        assert!(
            stderr.contains("two outputs would go to"),
            "{case:?}: {stderr}"
        );
        assert!(!Path::new(a).exists());
    }
}

#[test]
fn outputs_inside_the_pack_are_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let evidence = dir.path().join("pack");
    copy(&pack("complete"), &evidence);
    let before = std::fs::read(evidence.join("pack.yaml")).unwrap();
    let root = evidence.to_str().unwrap();
    let inside = [
        evidence.join("pack.yaml"),
        evidence.join("reports/new/score.html"),
        dir.path().join("elsewhere/../pack/x.json"),
    ];
    for path in &inside {
        let path = path.to_str().unwrap();
        let json = format!("json={path}");
        let commands: [Vec<&str>; 4] = [
            vec!["score", root, "--as-of", AS_OF, "-o", path],
            vec!["score", root, "--as-of", AS_OF, "--format", &json],
            vec!["report", root, "--as-of", AS_OF, "-o", path],
            vec![
                "portfolio",
                root,
                "--as-of",
                AS_OF,
                "--format",
                "json",
                "-o",
                path,
            ],
        ];
        for args in commands {
            let (code, stdout, stderr) = run(&args);
            assert_eq!(code, 2, "{args:?}: {stdout}{stderr}");
            assert!(
                stderr.contains("inside the pack") && stderr.contains("being assessed"),
                "{args:?}: {stderr}"
            );
        }
    }
    assert_eq!(std::fs::read(evidence.join("pack.yaml")).unwrap(), before);
    assert!(!evidence.join("reports").exists());
    assert!(!evidence.join("x.json").exists());
}

#[cfg(unix)]
#[test]
fn a_link_at_the_output_path_is_replaced_not_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let precious = dir.path().join("precious.txt");
    std::fs::write(&precious, "keep me").unwrap();
    let link = dir.path().join("result.json");
    std::os::unix::fs::symlink(&precious, &link).unwrap();
    let (code, _, stderr) = run(&[
        "score",
        &complete(),
        "--as-of",
        AS_OF,
        "-o",
        link.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "keep me");
    let meta = std::fs::symlink_metadata(&link).unwrap();
    assert!(meta.is_file(), "the link was replaced by a file");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&link).unwrap()).unwrap();
    assert_eq!(json["verdict"], "ready");
}

#[test]
fn when_every_output_is_a_file_the_verdict_and_gate_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("result.json");
    let minimal = pack("minimal");
    let args = [
        "score",
        minimal.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "-o",
        out.to_str().unwrap(),
    ];
    let (code, stdout, stderr) = run(&args);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    assert!(stderr.starts_with("Verdict: NOT READY"), "{stderr}");
    assert!(
        stderr.contains("Gate failed: the verdict not-ready is below --require ready."),
        "{stderr}"
    );
    let mut quiet = args.to_vec();
    quiet.push("-q");
    let (code, stdout, stderr) = run(&quiet);
    assert_eq!((code, stdout.as_str(), stderr.as_str()), (1, "", ""));
    // A passing run says its verdict too, with no gate line.
    let (code, _, stderr) = run(&[
        "score",
        &complete(),
        "--as-of",
        AS_OF,
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(stderr.starts_with("Verdict: READY"), "{stderr}");
    assert!(!stderr.contains("Gate failed"), "{stderr}");
}

/// A tmpfs of 64 KiB (root only): a report too large for it fails with exit
/// 2 and leaves the report that was there intact, with no temporary behind.
#[test]
fn a_full_disk_leaves_the_previous_report_intact() {
    let dir = tempfile::tempdir().unwrap();
    let mount = dir.path().join("small");
    std::fs::create_dir(&mount).unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&mount)
        .output();
    match mounted {
        Ok(o) if o.status.success() => {}
        Ok(o) => {
            eprintln!(
                "skipped: cannot mount a tmpfs here ({}); the writer's unit test covers the guarantee",
                String::from_utf8_lossy(&o.stderr).trim()
            );
            return;
        }
        Err(e) => {
            eprintln!("skipped: no mount command ({e})");
            return;
        }
    }
    let report = mount.join("report.html");
    std::fs::write(&report, "<!DOCTYPE html><p>the previous report</p>").unwrap();
    // The complete pack's report is about 110 kB: it cannot fit.
    let outcome = run(&[
        "report",
        &complete(),
        "--as-of",
        AS_OF,
        "-o",
        report.to_str().unwrap(),
    ]);
    let left = std::fs::read_to_string(&report);
    let entries: Vec<String> = std::fs::read_dir(&mount)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let _ = std::process::Command::new("umount").arg(&mount).status();
    let (code, _, stderr) = outcome;
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("No space left on device"), "{stderr}");
    assert_eq!(left.unwrap(), "<!DOCTYPE html><p>the previous report</p>");
    assert_eq!(entries, ["report.html"]);
}
