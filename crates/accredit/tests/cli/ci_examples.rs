//! The CI examples in docs/ci/ and .pre-commit-hooks.yaml parse as YAML, and
//! every `accredit` command in them runs (on the complete fixture pack) without
//! a usage error.

use std::path::{Path, PathBuf};

use super::{copy, pack, run};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `accredit …` command line in a YAML file (folded `>-` blocks joined).
fn commands(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut folded: Option<String> = None;
    for line in text.lines() {
        let trimmed = line
            .trim()
            .trim_start_matches("- ")
            .trim_start_matches("run: ")
            .trim_start_matches("entry: ");
        if let Some(command) = folded.as_mut() {
            if line.trim_start().starts_with("--") || line.trim_start().starts_with("accredit") {
                command.push(' ');
                command.push_str(line.trim());
                continue;
            }
            out.push(folded.take().unwrap());
        }
        if line.trim_end().ends_with("run: >-") {
            folded = Some(String::new());
        } else if trimmed.starts_with("accredit ") && !line.trim_start().starts_with('#') {
            out.push(trimmed.to_string());
        }
    }
    out.extend(folded);
    out.into_iter()
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect()
}

fn run_example(command: &str, work: &Path) -> i32 {
    let args: Vec<String> = command
        .split_whitespace()
        .skip(1)
        .map(|a| a.replace("evidence", work.join("evidence").to_str().unwrap()))
        .map(|a| {
            if a.ends_with(".json")
                || a.ends_with(".sarif")
                || a.ends_with(".xml")
                || a.ends_with(".md")
            {
                match a.split_once('=') {
                    Some((format, path)) => format!("{format}={}", work.join(path).display()),
                    None => work.join(&a).display().to_string(),
                }
            } else {
                a
            }
        })
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, stdout, stderr) = run(&args);
    assert!(
        code == 0 || code == 1,
        "`{command}` exited {code}: {stdout}{stderr}"
    );
    code
}

#[test]
fn ci_examples_parse_and_their_commands_run() {
    let work = tempfile::tempdir().unwrap();
    copy(&pack("complete"), &work.path().join("evidence"));
    // A baseline for the examples that use one.
    let (_, json, _) = run(&[
        "score",
        work.path().join("evidence").to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--format",
        "json",
    ]);
    std::fs::write(work.path().join("accredit-baseline.json"), json).unwrap();
    let mut seen = 0;
    for file in [
        "docs/ci/github-actions.yml",
        "docs/ci/gitlab-ci.yml",
        ".pre-commit-hooks.yaml",
    ] {
        let text = std::fs::read_to_string(repo().join(file)).unwrap();
        accredit_core::yaml::parse_document(&text, 1, Default::default())
            .unwrap_or_else(|e| panic!("{file} is not valid YAML: {e:?}"));
        for command in commands(&text) {
            // Hooks run in the evidence repository's root.
            let command = if file.starts_with(".pre-commit") {
                format!("{command} evidence")
            } else {
                command
            };
            run_example(&command, work.path());
            seen += 1;
        }
    }
    assert!(seen >= 6, "found only {seen} commands");
    // The files the GitHub example uploads were written.
    assert!(work.path().join("accredit.sarif").is_file());
    assert!(work.path().join("accredit-summary.md").is_file());
}

#[test]
fn docs_ci_md_embeds_the_tested_examples() {
    let doc = std::fs::read_to_string(repo().join("docs/ci.md")).unwrap();
    for file in ["docs/ci/github-actions.yml", "docs/ci/gitlab-ci.yml"] {
        let example = std::fs::read_to_string(repo().join(file)).unwrap();
        assert!(
            doc.contains(&example),
            "docs/ci.md does not embed {file} as it is"
        );
    }
}
