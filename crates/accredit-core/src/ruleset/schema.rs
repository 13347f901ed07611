//! The ruleset schema, built from two parts: the hand-written base
//! (`base.schema.json`: the ruleset, its applications, domains and
//! requirements, and the `check` object with an empty `kind` list and no
//! branches) and, for every registered check kind, in registry order, its
//! name in the `kind` list and an `if kind = …, then …` branch made from the
//! parameter fragment the kind's module declares beside its struct
//! ([`ParameterSchema`](crate::checks::ParameterSchema)).
//!
//! The loader validates with this schema. `schemas/ruleset.schema.json` is
//! the same text, published for editors and other tools; a test fails while
//! it is stale: `cargo run -q -p accredit -- schema ruleset > schemas/ruleset.schema.json`.

use std::sync::OnceLock;

use serde_json::{Map, Value, json};

use crate::checks::Check;

/// The hand-written part.
const BASE: &str = include_str!("base.schema.json");

/// The ruleset schema's text, built once.
pub fn text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        build(BASE, Check::PARAMETER_SCHEMAS)
            .unwrap_or_else(|e| panic!("the ruleset schema cannot be built: {e}"))
    })
}

/// The schema from `base` and each kind's `(name, fragment)`, as pretty JSON
/// with a final newline; or what is wrong with a part.
fn build(base: &str, kinds: &[(&str, &str)]) -> Result<String, String> {
    let mut schema: Value =
        serde_json::from_str(base).map_err(|e| format!("base.schema.json: {e}"))?;
    let check = schema
        .pointer_mut("/$defs/check")
        .and_then(Value::as_object_mut)
        .ok_or("base.schema.json has no `$defs/check` object")?;
    let names = kinds.iter().map(|(name, _)| json!(name)).collect();
    let branches = kinds
        .iter()
        .map(|(name, fragment)| branch(name, fragment))
        .collect::<Result<Vec<Value>, String>>()?;
    let listed = check
        .get_mut("properties")
        .and_then(|p| p.get_mut("kind"))
        .and_then(|k| k.get_mut("enum"))
        .ok_or("base.schema.json has no `$defs/check/properties/kind/enum`")?;
    *listed = Value::Array(names);
    check.insert("allOf".into(), Value::Array(branches));
    let mut text = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}

/// One kind's branch: when `kind` is this kind, the fragment's properties
/// (after `kind`) and nothing else, and its `required` list.
fn branch(kind: &str, fragment: &str) -> Result<Value, String> {
    let fragment: Map<String, Value> = serde_json::from_str(fragment)
        .map_err(|e| format!("`{kind}`: its parameter schema is not a JSON object: {e}"))?;
    let mut properties = Map::new();
    properties.insert("kind".into(), json!({ "const": kind }));
    let mut required = None;
    for (key, value) in fragment {
        match (key.as_str(), value) {
            ("properties", Value::Object(parameters)) => {
                for (name, parameter) in parameters {
                    if name == "kind" {
                        return Err(format!(
                            "`{kind}`: its parameter schema must not describe `kind`"
                        ));
                    }
                    properties.insert(name, parameter);
                }
            }
            ("required", Value::Array(names)) if names.iter().all(Value::is_string) => {
                required = Some(Value::Array(names));
            }
            (key, _) => {
                return Err(format!(
                    "`{kind}`: its parameter schema holds `properties` (an object) and `required` (a list of names), not `{key}` as given"
                ));
            }
        }
    }
    let mut then = Map::new();
    then.insert("properties".into(), Value::Object(properties));
    then.insert("additionalProperties".into(), Value::Bool(false));
    if let Some(required) = required {
        then.insert("required".into(), required);
    }
    Ok(json!({
        "if": { "properties": { "kind": { "const": kind } }, "required": ["kind"] },
        "then": then,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemas_ruleset_schema_json_is_the_built_schema() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../schemas/ruleset.schema.json");
        let published = std::fs::read_to_string(path).unwrap();
        assert!(
            published == text(),
            "schemas/ruleset.schema.json is stale: run \
             `cargo run -q -p accredit -- schema ruleset > schemas/ruleset.schema.json`"
        );
    }

    #[test]
    fn a_branch_is_the_fragment_behind_its_kind_and_closed_to_other_keys() {
        let fragment = r#"{"properties": {"days": {"type": "integer"}}, "required": ["days"]}"#;
        let built: Value = serde_json::from_str(&build(BASE, &[("k", fragment)]).unwrap()).unwrap();
        let check = &built["$defs"]["check"];
        assert_eq!(check["properties"]["kind"]["enum"], json!(["k"]));
        let then = &check["allOf"][0]["then"];
        assert_eq!(check["allOf"][0]["if"]["properties"]["kind"]["const"], "k");
        let keys: Vec<&String> = then["properties"].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["kind", "days"]);
        assert_eq!(then["additionalProperties"], false);
        assert_eq!(then["required"], json!(["days"]));
        let none: Value = serde_json::from_str(&build(BASE, &[("k", "{}")]).unwrap()).unwrap();
        assert!(
            none["$defs"]["check"]["allOf"][0]["then"]
                .get("required")
                .is_none()
        );
    }

    #[test]
    fn a_fragment_of_the_wrong_shape_is_refused_naming_its_kind() {
        for (fragment, says) in [
            ("[]", "not a JSON object"),
            (
                r#"{"properties": {"kind": {}}}"#,
                "must not describe `kind`",
            ),
            (r#"{"oneOf": []}"#, "not `oneOf`"),
            (r#"{"required": "days"}"#, "not `required`"),
        ] {
            let error = build(BASE, &[("k", fragment)]).unwrap_err();
            assert!(
                error.starts_with("`k`: ") && error.contains(says),
                "{error}"
            );
        }
    }
}
