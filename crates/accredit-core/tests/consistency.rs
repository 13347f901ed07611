//! The schemas in `schemas/`, the Rust types and the check registry must agree.
//!
//! Every evidence document in the fixtures (the complete pack and the maximal
//! examples in `fixtures/examples/`) is validated against its kind's schema,
//! deserialised into its Rust type (which rejects unknown fields) and
//! serialised back: every value written must survive the round trip, and
//! every property any schema declares must be exercised by some example.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use accredit_core::checks::Check;
use accredit_core::load::{LoadOptions, load_pack};
use accredit_core::model::Kind;
use accredit_core::schema::schema_text;
use serde_json::Value;

fn repo() -> PathBuf {
    accredit_core::fixtures::repository()
}

/// Every key path (`a.b[].c`) in a JSON value.
fn key_paths(value: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                out.insert(path.clone());
                key_paths(v, &path, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                key_paths(item, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

/// Every property name a schema declares anywhere.
fn schema_properties(schema: &Value, out: &mut BTreeSet<String>) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                out.extend(props.keys().cloned());
            }
            for v in map.values() {
                schema_properties(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| schema_properties(v, out)),
        _ => {}
    }
}

/// `input` is contained in `output`: every object key with an equal value.
fn contained(input: &Value, output: &Value, at: &str) -> Result<(), String> {
    match (input, output) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                let there = b
                    .get(k)
                    .ok_or_else(|| format!("{at}.{k} is lost by the Rust type"))?;
                contained(v, there, &format!("{at}.{k}"))?;
            }
            Ok(())
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .try_for_each(|(i, (x, y))| contained(x, y, &format!("{at}[{i}]"))),
        (Value::Number(a), Value::Number(b)) if a.as_f64() == b.as_f64() => Ok(()),
        (a, b) if a == b => Ok(()),
        (a, b) => Err(format!("{at}: wrote {a}, read back {b}")),
    }
}

fn documents_of(dir: &Path) -> Vec<(Kind, String, Value)> {
    let evidence = load_pack(dir, &LoadOptions::default()).expect("pack loads");
    assert!(
        !evidence.has_errors(),
        "{} has errors: {:#?}",
        dir.display(),
        evidence.diagnostics
    );
    Kind::ALL
        .into_iter()
        .flat_map(|kind| {
            (evidence.documents_as_json(kind).into_iter())
                .map(move |d| (kind, d.file.to_string(), d.value))
        })
        .collect()
}

/// The document as written (YAML or front matter), apiVersion and kind removed.
fn as_written(dir: &Path, file: &str) -> Value {
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let yaml = match accredit_core::markdown::split_front_matter(&text) {
        accredit_core::markdown::FrontMatterSplit::Found(front) => front.yaml,
        _ => text,
    };
    let mut value = accredit_core::yaml::parse_document(&yaml, 1, Default::default())
        .unwrap()
        .value;
    if let Value::Object(map) = &mut value {
        map.shift_remove("apiVersion");
        map.shift_remove("kind");
    }
    value
}

#[test]
fn schemas_and_types_agree() {
    let mut seen: BTreeMap<Kind, BTreeSet<String>> = BTreeMap::new();
    for dir in ["fixtures/packs/complete", "fixtures/examples"] {
        let dir = repo().join(dir);
        for (kind, file, typed) in documents_of(&dir) {
            let written = as_written(&dir, &file);
            if let Err(problem) = contained(&written, &typed, kind.name()) {
                panic!("{file}: {problem}");
            }
            let keys = seen.entry(kind).or_default();
            let mut paths = BTreeSet::new();
            key_paths(&written, "", &mut paths);
            keys.extend(
                paths
                    .iter()
                    .map(|p| p.rsplit(['.', ']']).next().unwrap_or(p).to_string()),
            );
        }
    }
    for kind in Kind::ALL {
        if kind == Kind::Override {
            continue;
        }
        let schema: Value = serde_json::from_str(schema_text(kind)).unwrap();
        let mut declared = BTreeSet::new();
        schema_properties(&schema, &mut declared);
        declared.remove("apiVersion");
        declared.remove("kind");
        let used = seen
            .get(&kind)
            .cloned()
            .unwrap_or_else(|| panic!("{kind}: no example document was loaded and stored"));
        let unexercised: Vec<&String> = declared.difference(&used).collect();
        assert!(
            unexercised.is_empty(),
            "{kind}: schema properties no example exercises (add them to fixtures/examples): {unexercised:?}"
        );
    }
}

#[test]
fn every_schema_is_draft_2020_12_with_a_title() {
    for kind in Kind::ALL {
        let schema: Value = serde_json::from_str(schema_text(kind)).unwrap();
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{kind}"
        );
        assert!(schema["title"].is_string(), "{kind}");
        assert!(accredit_core::schema::compile(&schema).is_ok(), "{kind}");
        assert_eq!(schema["properties"]["kind"]["const"], kind.name(), "{kind}");
        let file = repo().join("schemas").join(kind.schema_file());
        assert!(file.is_file(), "{} is missing", file.display());
    }
}

/// A schema in `schemas/` for a document with a `kind:` is an evidence kind
/// of the table (the ruleset aside), so no kind is shipped without its row.
#[test]
fn every_evidence_schema_in_schemas_is_a_kind_of_the_table() {
    let mut shipped: Vec<String> = std::fs::read_dir(repo().join("schemas"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().ends_with(".schema.json"))
        .filter(|path| {
            let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap())
                .unwrap_or(Value::Null);
            schema["properties"]["kind"]["const"].is_string()
                && schema["properties"]["kind"]["const"] != "Ruleset"
        })
        .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    shipped.sort();
    let mut table: Vec<String> = Kind::ALL
        .iter()
        .map(|k| k.schema_file().to_string())
        .collect();
    table.sort();
    assert_eq!(shipped, table);
}

#[test]
fn the_ruleset_schema_lists_exactly_the_registered_check_kinds() {
    let schema: Value = serde_json::from_str(accredit_core::ruleset::schema_text()).unwrap();
    let listed: Vec<&str> = schema["$defs"]["check"]["properties"]["kind"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(listed, Check::KINDS);
}

#[test]
fn the_builtin_ruleset_loads() {
    let ruleset = accredit_core::ruleset::Ruleset::builtin();
    assert_eq!(ruleset.reference(), "lsd-accreditation@1");
    assert_eq!(ruleset.window_days, 84);
}

/// Chained aliases nest far deeper than the written depth limit; reading them
/// on a thread with a worker's stack (2 MiB, as rayon's) must not overflow.
#[test]
fn chained_alias_nesting_does_not_overflow_a_worker_stack() {
    let text = std::fs::read_to_string(repo().join("fixtures/hostile/alias-depth.yaml")).unwrap();
    let outcome = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            accredit_core::yaml::parse_document(&text, 1, Default::default()).map(|_| ())
        })
        .unwrap()
        .join()
        .expect("no stack overflow");
    let error = outcome.expect_err("rejected by the alias budget");
    assert!(error.to_string().contains("aliases"), "{error}");
}
