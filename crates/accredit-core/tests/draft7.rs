//! The draft-07 schemas (`accredit schema --draft 7`, for yaml-language-server)
//! accept and reject exactly what the draft 2020-12 schemas that `validate`
//! uses do: the complete pack passes both, the defect-schema pack fails both
//! at the same places, and so does every document of every fixture pack.

use std::path::{Path, PathBuf};

use accredit_core::fixtures::repository;
use accredit_core::model::Kind;
use accredit_core::schema::{compile, compile_draft7, schema_text, to_draft7};
use serde_json::Value;

fn packs() -> PathBuf {
    repository().join("fixtures/packs")
}

/// Every evidence document under `dir`: (file, kind, value).
fn documents(dir: &Path) -> Vec<(PathBuf, Kind, Value)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(path);
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            let yaml = match ext {
                "yaml" | "yml" => text.clone(),
                "md" => match text
                    .strip_prefix("---\n")
                    .and_then(|rest| rest.split_once("\n---\n"))
                {
                    Some((front, _)) => format!("{front}\n"),
                    None => continue,
                },
                _ => continue,
            };
            let Ok(document) = accredit_core::yaml::parse_document(&yaml, 1, Default::default())
            else {
                continue;
            };
            let kind = document.value["kind"]
                .as_str()
                .and_then(|name| Kind::ALL.into_iter().find(|k| k.name() == name));
            if let Some(kind) = kind {
                out.push((path, kind, document.value));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The instance paths each validator finds fault with.
fn faults(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    let mut paths: Vec<String> = validator
        .iter_errors(value)
        .map(|e| e.instance_path().as_str().to_string())
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

struct Validators {
    current: Vec<jsonschema::Validator>,
    draft7: Vec<jsonschema::Validator>,
}

impl Validators {
    fn new() -> Validators {
        let schema = |k: Kind| -> Value { serde_json::from_str(schema_text(k)).unwrap() };
        Validators {
            current: Kind::ALL
                .iter()
                .map(|&k| compile(&schema(k)).unwrap())
                .collect(),
            draft7: Kind::ALL
                .iter()
                .map(|&k| {
                    let converted = to_draft7(&schema(k));
                    assert_eq!(
                        converted["$schema"],
                        "http://json-schema.org/draft-07/schema#"
                    );
                    assert!(!converted.to_string().contains("$defs"), "{k:?}");
                    compile_draft7(&converted).unwrap_or_else(|e| panic!("{k:?}: {e}"))
                })
                .collect(),
        }
    }

    fn both(&self, kind: Kind, value: &Value) -> (Vec<String>, Vec<String>) {
        let i = Kind::ALL.iter().position(|&k| k == kind).unwrap();
        (
            faults(&self.current[i], value),
            faults(&self.draft7[i], value),
        )
    }
}

#[test]
fn the_complete_pack_passes_the_draft_7_schemas() {
    let validators = Validators::new();
    let documents = documents(&packs().join("complete"));
    assert!(documents.len() > 15);
    for (path, kind, value) in &documents {
        let (current, draft7) = validators.both(*kind, value);
        assert!(
            current.is_empty() && draft7.is_empty(),
            "{}: {current:?} {draft7:?}",
            path.display()
        );
    }
}

#[test]
fn the_defect_schema_pack_fails_the_draft_7_schemas_where_validate_does() {
    let validators = Validators::new();
    let documents = documents(&packs().join("defect-schema"));
    let plan = documents
        .iter()
        .find(|(p, _, _)| p.ends_with("escalation-plan.yaml"))
        .unwrap();
    let (current, draft7) = validators.both(plan.1, &plan.2);
    // validate: levels[1].party is required; levels[2].contact.phnoe is not a known field.
    assert!(draft7.contains(&"/levels/1".to_string()), "{draft7:?}");
    assert!(
        draft7.contains(&"/levels/2/contact".to_string()),
        "{draft7:?}"
    );
    assert_eq!(current, draft7);
    for (path, kind, value) in &documents {
        if path.ends_with("escalation-plan.yaml") {
            continue;
        }
        let (current, draft7) = validators.both(*kind, value);
        assert!(
            current.is_empty() && draft7.is_empty(),
            "{}",
            path.display()
        );
    }
}

#[test]
fn both_drafts_agree_on_every_fixture_document() {
    let validators = Validators::new();
    let mut compared = 0;
    let mut rejected = 0;
    for root in [
        packs(),
        repository().join("fixtures/ruleset-tests/overlays"),
    ] {
        for (path, kind, value) in documents(&root) {
            let (current, draft7) = validators.both(kind, &value);
            assert_eq!(current, draft7, "{}", path.display());
            compared += 1;
            rejected += usize::from(!current.is_empty());
        }
    }
    assert!(compared > 50, "{compared}");
    assert!(
        rejected >= 3,
        "some fixtures are schema defects: {rejected}"
    );
}
