//! The CI examples in docs/ci/ work when pasted: each parses as YAML, and
//! every shell step that runs `accredit` is run as the CI service would run
//! it (bash for GitHub Actions, sh for GitLab), with the built binary on
//! `PATH`, in a git repository of an evidence pack whose pull request breaks
//! a requirement that the default branch met. The install step is checked
//! for its form (it needs the network); the pre-commit hooks are run for real
//! by `tests/pre-commit.sh`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use super::{copy, pack};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn yaml(file: &str) -> Value {
    let text = std::fs::read_to_string(repo().join(file)).unwrap();
    accredit_core::parse_document(&text, 1, Default::default())
        .unwrap_or_else(|e| panic!("{file} is not valid YAML: {e:?}"))
        .value
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=ci", "-c", "user.email=ci@example.invalid"])
        .args(args)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

/// An evidence repository: `origin` with the complete pack on `main`, and a
/// checkout on a branch where the desk tool lost attachments (TOOL-03).
fn evidence_repository(work: &Path) -> PathBuf {
    let origin = work.join("origin");
    copy(&pack("complete"), &origin.join("evidence"));
    git(&origin, &["init", "--quiet", "--initial-branch=main"]);
    git(&origin, &["add", "-A"]);
    git(&origin, &["commit", "--quiet", "-m", "evidence"]);
    let checkout = work.join("checkout");
    let status = Command::new("git")
        .args(["clone", "--quiet"])
        .arg(format!("file://{}", origin.display()))
        .arg(&checkout)
        .status()
        .unwrap();
    assert!(status.success());
    git(&checkout, &["checkout", "--quiet", "-b", "pull-request"]);
    let desk = checkout.join("evidence/service-desk.yaml");
    let text = std::fs::read_to_string(&desk).unwrap();
    std::fs::write(&desk, text.replace("    - attachments\n", "")).unwrap();
    git(&checkout, &["commit", "--quiet", "-am", "lose attachments"]);
    checkout
}

/// `PATH` with the built `accredit` first.
fn path_with_accredit() -> String {
    let binary = assert_cmd::cargo::cargo_bin("accredit");
    format!(
        "{}:{}",
        binary.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// Runs a step's script; returns (exit code, stdout, stderr).
fn run_step(
    shell: &[&str],
    script: &str,
    dir: &Path,
    env: &[(String, String)],
) -> (i32, String, String) {
    let output = Command::new(shell[0])
        .args(&shell[1..])
        .arg(script)
        .current_dir(dir)
        .env("PATH", path_with_accredit())
        .env_remove("NO_COLOR")
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn string_map(value: &Value) -> Vec<(String, String)> {
    value
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect()
        })
        .unwrap_or_default()
}

/// The install step pins the tag of this version, builds with the lock file
/// and names the package; the URL is the one placeholder to fill in.
fn assert_install_step(command: &str, env: &[(String, String)]) {
    assert_eq!(
        command.trim(),
        r#"cargo install --locked --git "$ACCREDIT_GIT" --tag "$ACCREDIT_TAG" accredit"#
    );
    let tag = env.iter().find(|(k, _)| k == "ACCREDIT_TAG").unwrap();
    assert_eq!(tag.1, format!("v{}", env!("CARGO_PKG_VERSION")));
    assert!(env.iter().any(|(k, _)| k == "ACCREDIT_GIT"));
}

#[test]
fn the_github_actions_example_runs_on_a_pull_request() {
    let workflow = yaml("docs/ci/github-actions.yml");
    let work = tempfile::tempdir().unwrap();
    let checkout = evidence_repository(work.path());
    let summary = work.path().join("step-summary.md");
    let mut env = string_map(&workflow["env"]);
    env.extend([
        ("GITHUB_EVENT_NAME".to_string(), "pull_request".to_string()),
        ("GITHUB_BASE_REF".to_string(), "main".to_string()),
        (
            "GITHUB_STEP_SUMMARY".to_string(),
            summary.display().to_string(),
        ),
    ]);
    let steps = workflow["jobs"]["evidence"]["steps"].as_array().unwrap();
    let mut failed = false;
    let mut ran = Vec::new();
    let mut annotations = String::new();
    for step in steps {
        let Some(script) = step["run"].as_str() else {
            continue;
        };
        let name = step["name"].as_str().unwrap_or_default();
        if name == "Install accredit" {
            assert_install_step(script, &env);
            continue;
        }
        // `if:` as GitHub reads it, for the conditions the example uses.
        let condition = step["if"].as_str().unwrap_or("success()");
        let runs = if condition.starts_with("always()") {
            let file = condition
                .split("hashFiles('")
                .nth(1)
                .and_then(|s| s.split('\'').next());
            file.is_none_or(|f| checkout.join(f).exists())
        } else if condition == "github.event_name == 'pull_request'" {
            !failed
        } else {
            assert_eq!(condition, "success()", "unknown condition in {name}");
            !failed
        };
        if !runs {
            continue;
        }
        let (code, stdout, stderr) = run_step(
            &["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c"],
            script,
            &checkout,
            &env,
        );
        assert!(
            code == 0 || code == 1,
            "{name} exited {code}: {stdout}{stderr}"
        );
        ran.push((name.to_string(), code));
        failed |= code != 0;
        annotations.push_str(&stdout);
    }
    assert_eq!(
        ran,
        [
            ("Validate the evidence".to_string(), 0),
            ("Baseline from the default branch".to_string(), 0),
            ("Score".to_string(), 1),
            ("Job summary".to_string(), 0),
        ],
        "{annotations}"
    );
    // The pull request's annotations are the new gap only, on its file.
    assert!(
        annotations.lines().any(
            |l| l.starts_with("::warning file=evidence/service-desk.yaml")
                && l.contains("title=TOOL-03 ")
        ),
        "{annotations}"
    );
    assert!(
        annotations.lines().all(|l| l.starts_with("::")),
        "{annotations}"
    );
    // The job summary holds the comparison; the SARIF for upload marks TOOL-03 new.
    let summary = std::fs::read_to_string(summary).unwrap();
    assert!(summary.contains("### Since the baseline"), "{summary}");
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(checkout.join("accredit.sarif")).unwrap())
            .unwrap();
    let tool03 = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "TOOL-03")
        .unwrap();
    assert_eq!(tool03["baselineState"], "new");
    assert_eq!(
        tool03["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "evidence/service-desk.yaml"
    );
    assert!(checkout.join("accredit-junit.xml").is_file());
    // The upload step uploads that file.
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.contains("upload-sarif"))
        })
        .unwrap();
    assert_eq!(upload["with"]["sarif_file"], "accredit.sarif");
}

#[test]
fn the_github_actions_example_runs_on_a_push() {
    let workflow = yaml("docs/ci/github-actions.yml");
    let work = tempfile::tempdir().unwrap();
    let checkout = evidence_repository(work.path());
    git(&checkout, &["checkout", "--quiet", "main"]);
    let mut env = string_map(&workflow["env"]);
    env.push(("GITHUB_EVENT_NAME".to_string(), "push".to_string()));
    env.push((
        "GITHUB_STEP_SUMMARY".to_string(),
        work.path().join("summary.md").display().to_string(),
    ));
    let steps = workflow["jobs"]["evidence"]["steps"].as_array().unwrap();
    let score = steps.iter().find(|s| s["name"] == "Score").unwrap();
    let (code, stdout, stderr) = run_step(
        &["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c"],
        score["run"].as_str().unwrap(),
        &checkout,
        &env,
    );
    // The complete pack is ready whatever the date: the gate passes.
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("::notice title=accredit verdict::ready"),
        "{stdout}"
    );
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(checkout.join("accredit.sarif")).unwrap())
            .unwrap();
    assert!(
        sarif["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["baselineState"].is_null())
    );
}

#[test]
fn the_gitlab_example_runs_on_a_merge_request() {
    let pipeline = yaml("docs/ci/gitlab-ci.yml");
    let work = tempfile::tempdir().unwrap();
    let checkout = evidence_repository(work.path());
    let mut env = string_map(&pipeline["variables"]);
    env.push((
        "CI_MERGE_REQUEST_TARGET_BRANCH_NAME".to_string(),
        "main".to_string(),
    ));
    let job = &pipeline["accredit"];
    let install = job["before_script"].as_array().unwrap();
    assert_eq!(install.len(), 1);
    assert_install_step(install[0].as_str().unwrap(), &env);
    let mut codes = Vec::new();
    let mut output = String::new();
    for line in job["script"].as_array().unwrap() {
        let (code, stdout, stderr) =
            run_step(&["sh", "-e", "-c"], line.as_str().unwrap(), &checkout, &env);
        assert!(code == 0 || code == 1, "exited {code}: {stdout}{stderr}");
        codes.push(code);
        output.push_str(&stdout);
        if code != 0 {
            break;
        }
    }
    assert_eq!(
        codes,
        [0, 1],
        "validate passes; the new gap fails the job: {output}"
    );
    assert!(output.contains("Since the baseline:"), "{output}");
    assert!(output.contains("New gaps TOOL-03"), "{output}");
    for artifact in job["artifacts"]["paths"].as_array().unwrap() {
        assert!(
            checkout.join(artifact.as_str().unwrap()).is_file(),
            "{artifact}"
        );
    }
    let junit = job["artifacts"]["reports"]["junit"].as_str().unwrap();
    roxmltree::Document::parse(&std::fs::read_to_string(checkout.join(junit)).unwrap()).unwrap();
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(checkout.join("accredit.json")).unwrap())
            .unwrap();
    assert_eq!(json["baseline"]["new_gaps"], serde_json::json!(["TOOL-03"]));
}

#[test]
fn the_pre_commit_hooks_point_at_a_script_that_exists() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_array().unwrap();
    let ids: Vec<&str> = hooks.iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["accredit-validate", "accredit-score"]);
    for hook in hooks {
        assert_eq!(hook["language"], "script");
        let entry = hook["entry"].as_str().unwrap();
        let script = repo().join(entry.split_whitespace().next().unwrap());
        let mode =
            std::os::unix::fs::PermissionsExt::mode(&script.metadata().unwrap().permissions());
        assert!(mode & 0o111 != 0, "{} is not executable", script.display());
        // The arguments after the script are a valid accredit command line.
        let mut args: Vec<&str> = entry.split_whitespace().skip(1).collect();
        args.push("--help");
        let (code, _, stderr) = super::run(&args);
        assert_eq!(code, 0, "{entry}: {stderr}");
    }
}

#[test]
fn docs_ci_md_embeds_the_tested_examples_and_pins_a_real_tag() {
    let doc = std::fs::read_to_string(repo().join("docs/ci.md")).unwrap();
    for file in ["docs/ci/github-actions.yml", "docs/ci/gitlab-ci.yml"] {
        let example = std::fs::read_to_string(repo().join(file)).unwrap();
        assert!(
            doc.contains(&example),
            "docs/ci.md does not embed {file} as it is"
        );
        assert!(
            !example.contains("--as-of"),
            "{file}: no pinned run date in the default path"
        );
    }
    let tag = format!("rev: v{}", env!("CARGO_PKG_VERSION"));
    assert!(doc.contains(&tag), "docs/ci.md pins {tag}");
    let hooks = std::fs::read_to_string(repo().join(".pre-commit-hooks.yaml")).unwrap();
    assert!(hooks.contains(&tag));
}
