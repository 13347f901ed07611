//! The ruleset schema held to the serde types it describes. Its parts are
//! written by hand (their descriptions and limits are for ruleset authors;
//! decisions 0111 and 0175): each check kind's parameter fragment, beside its
//! struct, and the base (`base.schema.json`). These tests read the built
//! schema and make every difference from the types a failure, for each check
//! kind's `if kind = …, then …` branch (its fragment) and for the ruleset,
//! requirement, application and domain objects (the base):
//!
//! - every registered kind has exactly one branch and every branch names a
//!   registered kind;
//! - the schema's properties (for a branch, besides `kind`) are exactly the
//!   struct's fields;
//! - the schema forbids other properties, and the struct rejects an unknown key;
//! - a property is `required` in the schema exactly when the struct cannot be
//!   read without it (tried by removing each field in turn from the built-in
//!   ruleset's use of it; the built-in ruleset uses every kind).

use std::collections::{BTreeMap, BTreeSet};

use serde::de::{self, DeserializeOwned, Visitor};
use serde_json::{Map, Value};

use super::raw::{RawRequirement, RawRuleset};
use super::{Application, Domain};
use crate::checks::{Check, ParameterTypes};
use crate::yaml::{YamlLimits, parse_document};

/// A deserializer that reads nothing and reports the field names a struct
/// asks for.
struct FieldNames;

/// What [`FieldNames`] found: the struct's fields, or `None` when the type
/// is not a struct.
#[derive(Debug)]
struct Found(Option<&'static [&'static str]>);

impl std::fmt::Display for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

impl std::error::Error for Found {}

impl de::Error for Found {
    fn custom<T: std::fmt::Display>(_: T) -> Found {
        Found(None)
    }
}

impl<'de> de::Deserializer<'de> for FieldNames {
    type Error = Found;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Found> {
        Err(Found(None))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Found> {
        Err(Found(Some(fields)))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

/// One kind's parameter type, tried against values.
struct Parameters {
    /// The struct's field names.
    fields: Option<&'static [&'static str]>,
    /// Reads parameters (without `kind`) as the struct; the error text if not.
    read: fn(&Value) -> Result<(), String>,
}

fn read_as<T: DeserializeOwned>(value: &Value) -> Result<(), String> {
    serde_json::from_value::<T>(value.clone())
        .map(drop)
        .map_err(|e| e.to_string())
}

impl Parameters {
    fn of<T: DeserializeOwned>() -> Parameters {
        let fields = match T::deserialize(FieldNames) {
            Err(Found(fields)) => fields,
            Ok(_) => None,
        };
        Parameters {
            fields,
            read: read_as::<T>,
        }
    }
}

#[derive(Default)]
struct Registered(BTreeMap<&'static str, Parameters>);

impl ParameterTypes for Registered {
    fn visit<T: DeserializeOwned>(&mut self, kind: &'static str) {
        self.0.insert(kind, Parameters::of::<T>());
    }
}

fn registered() -> BTreeMap<&'static str, Parameters> {
    let mut registered = Registered::default();
    Check::each_parameter_type(&mut registered);
    registered.0
}

fn schema() -> Value {
    serde_json::from_str(super::schema_text()).unwrap()
}

/// The schema's branches: kind → its `then` schema.
fn branches() -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for branch in schema()["$defs"]["check"]["allOf"].as_array().unwrap() {
        let kind = branch["if"]["properties"]["kind"]["const"]
            .as_str()
            .unwrap_or_else(|| panic!("a branch without `if kind = …`: {branch}"))
            .to_string();
        let then = branch["then"].clone();
        assert!(
            out.insert(kind.clone(), then).is_none(),
            "two branches for {kind}"
        );
    }
    out
}

/// The built-in ruleset as data.
fn builtin() -> Value {
    parse_document(super::BUILTIN_TEXT, 1, YamlLimits::default())
        .unwrap()
        .value
}

/// The built-in ruleset's parameters for each kind (the first use of it).
fn builtin_uses() -> BTreeMap<String, Map<String, Value>> {
    let mut out = BTreeMap::new();
    for requirement in builtin()["requirements"].as_array().unwrap() {
        let mut check = requirement["check"].as_object().unwrap().clone();
        let kind = check.shift_remove("kind").unwrap();
        out.entry(kind.as_str().unwrap().to_string())
            .or_insert(check);
    }
    out
}

/// Every difference between an object's schema and the struct that reads
/// it, tried on `instance` (a valid use of it, e.g. from the built-in
/// ruleset); properties in `beside` are the schema's only (a branch's `kind`).
fn differences(
    what: &str,
    schema: &Value,
    parameters: &Parameters,
    instance: &Map<String, Value>,
    beside: &[&str],
) -> Vec<String> {
    let mut wrong = Vec::new();
    let Some(fields) = parameters.fields else {
        return vec![format!("{what}: the type is not a struct")];
    };
    let fields: BTreeSet<String> = fields.iter().map(|f| f.to_string()).collect();
    let listed: BTreeSet<String> = schema["properties"]
        .as_object()
        .map(|p| {
            p.keys()
                .filter(|k| !beside.contains(&k.as_str()))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    if fields != listed {
        wrong.push(format!(
            "{what}: struct fields {fields:?}, schema properties {listed:?}"
        ));
    }
    if schema["additionalProperties"] != Value::Bool(false) {
        wrong.push(format!("{what}: the schema allows unknown properties"));
    }
    let mut extra = instance.clone();
    extra.insert("no_such_field".into(), Value::from(1));
    match (parameters.read)(&Value::Object(extra)) {
        Err(e) if e.contains("unknown field") => {}
        other => wrong.push(format!(
            "{what}: an unknown field is not rejected: {other:?}"
        )),
    }
    if let Err(e) = (parameters.read)(&Value::Object(instance.clone())) {
        wrong.push(format!("{what}: the example does not read: {e}"));
        return wrong;
    }
    let required: BTreeSet<String> = schema["required"]
        .as_array()
        .map(|r| {
            r.iter()
                .filter_map(|k| k.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    for name in required.iter().filter(|name| !instance.contains_key(*name)) {
        wrong.push(format!(
            "{what}: `{name}` is required but the example omits it"
        ));
    }
    for name in instance.keys().filter(|k| !beside.contains(&k.as_str())) {
        let mut without = instance.clone();
        without.shift_remove(name);
        let needed = (parameters.read)(&Value::Object(without))
            .is_err_and(|e| e.contains(&format!("missing field `{name}`")));
        if needed != required.contains(name) {
            wrong.push(format!(
                "{what}: `{name}` is {} by the struct but {} by the schema",
                if needed { "needed" } else { "optional" },
                if required.contains(name) {
                    "required"
                } else {
                    "optional"
                },
            ));
        }
    }
    wrong
}

#[test]
fn every_kind_has_one_schema_branch_and_every_branch_a_kind() {
    let kinds: BTreeSet<&str> = registered().keys().copied().collect();
    let branches = branches();
    let named: BTreeSet<&str> = branches.keys().map(String::as_str).collect();
    assert_eq!(kinds, named);
    let listed: BTreeSet<String> = schema()["$defs"]["check"]["properties"]["kind"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap().to_string())
        .collect();
    assert_eq!(listed, named.iter().map(|k| k.to_string()).collect());
}

#[test]
fn each_check_branch_matches_its_parameter_struct() {
    let branches = branches();
    let uses = builtin_uses();
    let mut wrong = Vec::new();
    for (kind, parameters) in registered() {
        let Some(used) = uses.get(kind) else {
            wrong.push(format!(
                "the built-in ruleset does not use `{kind}`, so it cannot be tried"
            ));
            continue;
        };
        wrong.extend(differences(
            kind,
            &branches[kind],
            &parameters,
            used,
            &["kind"],
        ));
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_ruleset_requirement_application_and_domain_schemas_match_their_structs() {
    let schema = schema();
    let builtin = builtin();
    let object = |value: &Value| value.as_object().unwrap().clone();
    let mut wrong = differences(
        "ruleset",
        &schema,
        &Parameters::of::<RawRuleset>(),
        &object(&builtin),
        &[],
    );
    for (i, requirement) in builtin["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
    {
        wrong.extend(differences(
            &format!("requirement {i}"),
            &schema["$defs"]["requirement"],
            &Parameters::of::<RawRequirement>(),
            &object(requirement),
            &[],
        ));
    }
    wrong.extend(differences(
        "application",
        &schema["properties"]["applications"]["items"],
        &Parameters::of::<Application>(),
        &object(&builtin["applications"][0]),
        &[],
    ));
    wrong.extend(differences(
        "domain",
        &schema["properties"]["domains"]["items"],
        &Parameters::of::<Domain>(),
        &object(&builtin["domains"][0]),
        &[],
    ));
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
