//! The ruleset schema's check branches, held to the parameter structs they
//! describe. The schema is written by hand (its descriptions and limits are
//! for ruleset authors); these tests make every difference from the structs a
//! failure, kind by kind:
//!
//! - every registered kind has exactly one `if kind = …, then …` branch and
//!   every branch names a registered kind;
//! - the branch's properties (besides `kind`) are exactly the struct's fields;
//! - the branch forbids other properties, and the struct rejects an unknown key;
//! - a property is `required` in the branch exactly when the struct cannot be
//!   read without it (tried by removing each parameter in turn from the
//!   built-in ruleset's use of the kind, which uses every kind).

use std::collections::{BTreeMap, BTreeSet};

use serde::de::{self, DeserializeOwned, Visitor};
use serde_json::{Map, Value};

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

#[derive(Default)]
struct Registered(BTreeMap<&'static str, Parameters>);

impl ParameterTypes for Registered {
    fn visit<T: DeserializeOwned>(&mut self, kind: &'static str) {
        let fields = match T::deserialize(FieldNames) {
            Err(Found(fields)) => fields,
            Ok(_) => None,
        };
        self.0.insert(
            kind,
            Parameters {
                fields,
                read: read_as::<T>,
            },
        );
    }
}

fn registered() -> BTreeMap<&'static str, Parameters> {
    let mut registered = Registered::default();
    Check::each_parameter_type(&mut registered);
    registered.0
}

/// The schema's branches: kind → its `then` schema.
fn branches() -> BTreeMap<String, Value> {
    let schema: Value = serde_json::from_str(super::SCHEMA_TEXT).unwrap();
    let mut out = BTreeMap::new();
    for branch in schema["$defs"]["check"]["allOf"].as_array().unwrap() {
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

/// The built-in ruleset's parameters for each kind (the first use of it).
fn builtin_uses() -> BTreeMap<String, Map<String, Value>> {
    let document = parse_document(super::BUILTIN_TEXT, 1, YamlLimits::default()).unwrap();
    let mut out = BTreeMap::new();
    for requirement in document.value["requirements"].as_array().unwrap() {
        let mut check = requirement["check"].as_object().unwrap().clone();
        let kind = check.shift_remove("kind").unwrap();
        out.entry(kind.as_str().unwrap().to_string())
            .or_insert(check);
    }
    out
}

fn properties(then: &Value) -> BTreeSet<String> {
    then["properties"]
        .as_object()
        .map(|p| p.keys().filter(|k| *k != "kind").cloned().collect())
        .unwrap_or_default()
}

fn required(then: &Value) -> BTreeSet<String> {
    then["required"]
        .as_array()
        .map(|r| {
            r.iter()
                .filter_map(|k| k.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_kind_has_one_schema_branch_and_every_branch_a_kind() {
    let kinds: BTreeSet<&str> = registered().keys().copied().collect();
    let branches = branches();
    let named: BTreeSet<&str> = branches.keys().map(String::as_str).collect();
    assert_eq!(kinds, named);
    let listed: BTreeSet<String> =
        serde_json::from_str::<Value>(super::SCHEMA_TEXT).unwrap()["$defs"]["check"]["properties"]
            ["kind"]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap().to_string())
            .collect();
    assert_eq!(listed, named.iter().map(|k| k.to_string()).collect());
}

#[test]
fn each_branch_lists_exactly_the_fields_of_its_struct() {
    let branches = branches();
    let mut wrong = Vec::new();
    for (kind, parameters) in registered() {
        let Some(fields) = parameters.fields else {
            wrong.push(format!("{kind}: the parameters are not a struct"));
            continue;
        };
        let fields: BTreeSet<String> = fields.iter().map(|f| f.to_string()).collect();
        let listed = properties(&branches[kind]);
        if fields != listed {
            wrong.push(format!(
                "{kind}: struct fields {fields:?}, schema properties {listed:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn each_branch_and_struct_reject_unknown_parameters() {
    let branches = branches();
    let uses = builtin_uses();
    for (kind, parameters) in registered() {
        assert_eq!(
            branches[kind]["additionalProperties"],
            Value::Bool(false),
            "{kind}: the schema branch allows unknown parameters"
        );
        let mut extra = uses[kind].clone();
        extra.insert("no_such_parameter".into(), Value::from(1));
        let error =
            (parameters.read)(&Value::Object(extra)).expect_err("an unknown parameter is rejected");
        assert!(error.contains("unknown field"), "{kind}: {error}");
    }
}

#[test]
fn a_parameter_is_required_in_the_schema_exactly_when_the_struct_needs_it() {
    let branches = branches();
    let uses = builtin_uses();
    let mut wrong = Vec::new();
    for (kind, parameters) in registered() {
        let used = uses
            .get(kind)
            .unwrap_or_else(|| panic!("the built-in ruleset does not use `{kind}`"));
        (parameters.read)(&Value::Object(used.clone()))
            .unwrap_or_else(|e| panic!("{kind}: the built-in parameters do not read: {e}"));
        let required = required(&branches[kind]);
        for name in required.iter().filter(|name| !used.contains_key(*name)) {
            wrong.push(format!(
                "{kind}: `{name}` is required but the built-in ruleset omits it"
            ));
        }
        for name in used.keys() {
            let mut without = used.clone();
            without.shift_remove(name);
            let needed = (parameters.read)(&Value::Object(without))
                .is_err_and(|e| e.contains(&format!("missing field `{name}`")));
            if needed != required.contains(name) {
                wrong.push(format!(
                    "{kind}: `{name}` is {} by the struct but {} by the schema",
                    if needed { "needed" } else { "optional" },
                    if required.contains(name) {
                        "required"
                    } else {
                        "optional"
                    },
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
