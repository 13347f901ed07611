//! `accredit guide [KIND]`: the pack format guide in the binary, the same
//! text as docs/evidence-pack.md, and every example in it validates.

use std::path::{Path, PathBuf};

use super::{copy, pack, run};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const KINDS: [&str; 14] = [
    "Pack",
    "ServiceDesk",
    "Rota",
    "EscalationPlan",
    "EscalationTest",
    "ScenarioTest",
    "Procedure",
    "Document",
    "IncidentLog",
    "TrainingLog",
    "ChangeLog",
    "StaffRegister",
    "Waiver",
    "Override",
];

#[test]
fn docs_evidence_pack_md_is_the_built_in_guide() {
    let (code, guide, _) = run(&["guide"]);
    assert_eq!(code, 0);
    let doc = std::fs::read_to_string(repo().join("docs/evidence-pack.md")).unwrap();
    assert!(
        guide == doc,
        "docs/evidence-pack.md is stale: edit crates/accredit/guide/*.md, then run \
         `accredit guide > docs/evidence-pack.md`"
    );
}

/// The fenced YAML or Markdown blocks of `text` that are documents of `kind`.
fn examples(text: &str, kind: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut block: Option<(String, String)> = None;
    for line in text.lines() {
        match block.as_mut() {
            None => {
                if let Some(lang) = line.strip_prefix("```") {
                    block = Some((lang.to_string(), String::new()));
                }
            }
            Some((lang, body)) => {
                if line == "```" {
                    let wanted = format!("\nkind: {kind}\n");
                    if ["yaml", "markdown"].contains(&lang.as_str())
                        && format!("\n{body}").contains(&wanted)
                    {
                        out.push((lang.clone(), body.clone()));
                    }
                    block = None;
                } else {
                    body.push_str(line);
                    body.push('\n');
                }
            }
        }
    }
    out
}

/// The value of `key:` on a line of its own in a document.
fn field<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{key}: ")))
        .map(str::trim)
}

/// The file of the complete pack that the example stands in for: the same
/// kind and, for Markdown, the same `process` or `type`.
fn counterpart(root: &Path, kind: &str, example: &str) -> PathBuf {
    let mut files: Vec<PathBuf> = super::files_under(root);
    files.sort();
    let same = |path: &PathBuf| {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        field(&text, "kind") == Some(kind)
            && ["process", "type", "application"]
                .iter()
                .all(|k| field(example, k).is_none() || field(&text, k) == field(example, k))
    };
    files
        .iter()
        .find(|p| same(p))
        .cloned()
        .unwrap_or_else(|| panic!("no {kind} in the complete pack like the example"))
}

#[test]
fn every_kind_has_a_guide_with_an_example_that_validates() {
    for kind in KINDS {
        let (code, guide, stderr) = run(&["guide", &kind.to_lowercase()]);
        assert_eq!(code, 0, "{kind}: {stderr}");
        assert!(guide.contains(&format!("accredit schema {kind}")), "{kind}");
        let found = examples(&guide, kind);
        assert!(!found.is_empty(), "accredit guide {kind} has no example");
        for (_, example) in found {
            let dir = tempfile::tempdir().unwrap();
            copy(&pack("complete"), dir.path());
            if kind == "Override" {
                // Overrides live outside the pack, given with --overrides.
                let overrides = tempfile::tempdir().unwrap();
                std::fs::write(overrides.path().join("override.yaml"), &example).unwrap();
                let (code, _, stderr) = run(&[
                    "score",
                    dir.path().to_str().unwrap(),
                    "--as-of",
                    "2008-09-01",
                    "--overrides",
                    overrides.path().to_str().unwrap(),
                    "--quiet",
                ]);
                assert!(
                    code == 0 || code == 1,
                    "{kind} example: {stderr}\n{example}"
                );
                continue;
            }
            let file = counterpart(dir.path(), kind, &example);
            std::fs::write(&file, &example).unwrap();
            let (code, stdout, stderr) = run(&["validate", dir.path().to_str().unwrap()]);
            assert_eq!(
                code,
                0,
                "the {kind} example does not validate in place of {}:\n{stdout}{stderr}\n{example}",
                file.display()
            );
        }
    }
}

#[test]
fn an_unknown_kind_names_the_choices() {
    let (code, _, stderr) = run(&["guide", "Rotta"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("no kind `Rotta`; choose from Pack, ServiceDesk, Rota"),
        "{stderr}"
    );
}

#[test]
fn completions_offer_formats_requirement_ids_and_kinds() {
    for shell in ["bash", "zsh"] {
        let (code, script, _) = run(&["completions", shell]);
        assert_eq!(code, 0);
        for word in [
            "sarif",
            "github",
            "junit",
            "COV-02",
            "SCN-01",
            "EscalationPlan",
            "ruleset",
        ] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
    }
    let (_, fish, _) = run(&["completions", "fish"]);
    assert!(fish.contains("sarif"), "fish completes --format");
}
