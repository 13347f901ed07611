//! The JSON Schemas of every evidence kind, embedded from `schemas/`, and
//! validation that turns each schema error into a diagnostic pointing at the
//! YAML node it concerns.

use std::sync::OnceLock;

use jsonschema::error::ValidationErrorKind;
use serde_json::Value;

use crate::diagnostic::{Code, Diagnostic};
use crate::location::Location;
use crate::model::Kind;
use crate::yaml::NodeIndex;

macro_rules! embedded {
    (one $pack:ident => $pack_field:ident: $pack_type:ty, $pack_schema:literal, $pack_doc:literal;
     many { $($kind:ident => $field:ident: $form:ident $type:ty, $schema:literal, $doc:literal;)* }
     apart $apart:ident => $apart_schema:literal, $apart_doc:literal;) => {
        /// The schema text of a kind, as shipped in `schemas/`.
        pub fn schema_text(kind: Kind) -> &'static str {
            match kind {
                Kind::$pack => include_str!(concat!("../../../schemas/", $pack_schema)),
                $(Kind::$kind => include_str!(concat!("../../../schemas/", $schema)),)*
                Kind::$apart => include_str!(concat!("../../../schemas/", $apart_schema)),
            }
        }
    };
}

crate::model::evidence_kinds!(embedded);

/// Compiles a schema with the settings every schema in this tool uses: draft
/// 2020-12, formats asserted, no network.
pub fn compile(schema: &Value) -> Result<jsonschema::Validator, String> {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(schema)
        .map_err(|e| e.to_string())
}

fn validator(kind: Kind) -> &'static jsonschema::Validator {
    static VALIDATORS: OnceLock<Vec<jsonschema::Validator>> = OnceLock::new();
    let all = VALIDATORS.get_or_init(|| {
        Kind::ALL
            .iter()
            .map(|&k| {
                let schema: Value = serde_json::from_str(schema_text(k))
                    .unwrap_or_else(|e| panic!("embedded schema for {k} is not JSON: {e}"));
                compile(&schema).unwrap_or_else(|e| panic!("embedded schema for {k}: {e}"))
            })
            .collect()
    });
    let position = Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
    &all[position]
}

/// Validates a document of `kind`; each error becomes a diagnostic at the node
/// it concerns (for an unexpected field, at its key).
pub fn validate(kind: Kind, value: &Value, file: &str, index: &NodeIndex) -> Vec<Diagnostic> {
    validate_with(validator(kind), value, file, index)
}

/// Validates against any compiled schema (used for rulesets too).
pub fn validate_with(
    validator: &jsonschema::Validator,
    value: &Value,
    file: &str,
    index: &NodeIndex,
) -> Vec<Diagnostic> {
    validate_coded(validator, value, file, index, |_, _, code| code)
}

/// [`validate_with`], each diagnostic's code chosen by `code_of` from the
/// error's kind, the JSON pointer of the node it concerns and the usual code.
pub(crate) fn validate_coded(
    validator: &jsonschema::Validator,
    value: &Value,
    file: &str,
    index: &NodeIndex,
    code_of: impl Fn(&ValidationErrorKind, &str, Code) -> Code,
) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = validator
        .iter_errors(value)
        .map(|error| {
            let pointer = error.instance_path().as_str().to_string();
            let mut diagnostic = describe(error.kind(), error.instance(), &pointer, file, index);
            diagnostic.code = code_of(error.kind(), &pointer, diagnostic.code);
            diagnostic
        })
        .collect();
    out.sort_by(|a, b| a.location.cmp(&b.location).then(a.message.cmp(&b.message)));
    out.dedup();
    out
}

fn describe(
    kind: &ValidationErrorKind,
    instance: &Value,
    pointer: &str,
    file: &str,
    index: &NodeIndex,
) -> Diagnostic {
    let at = |p: &str| {
        let pos = index.locate(p);
        Some(Location::at(file, pos.line, pos.column))
    };
    let at_key = |p: &str| {
        let pos = index.locate_key(p);
        Some(Location::at(file, pos.line, pos.column))
    };
    let path = readable_path(pointer);
    let field = |name: &str| {
        if path.is_empty() {
            name.to_string()
        } else {
            format!("{path}.{name}")
        }
    };
    let shown = short(instance);
    let (code, message, location) = match kind {
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default();
            (
                Code::Schema,
                format!("{} is required", field(name)),
                at(pointer),
            )
        }
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            let name = unexpected.first().cloned().unwrap_or_default();
            let key_pointer = format!("{pointer}/{}", name.replace('~', "~0").replace('/', "~1"));
            let extra = if unexpected.len() > 1 {
                format!(" (and {} more)", unexpected.len() - 1)
            } else {
                String::new()
            };
            (
                Code::Schema,
                format!("{} is not a known field{extra}", field(&name)),
                at_key(&key_pointer),
            )
        }
        ValidationErrorKind::Format { format } if format == "date" => (
            Code::InvalidDate,
            format!(
                "{}: {shown} is not a real date written YYYY-MM-DD",
                display(&path)
            ),
            at(pointer),
        ),
        ValidationErrorKind::Format { format } => (
            Code::Schema,
            format!(
                "{}: {shown} is not a valid {}",
                display(&path),
                format_name(format)
            ),
            at(pointer),
        ),
        ValidationErrorKind::Enum { options } => (
            Code::Schema,
            format!(
                "{} must be one of {} (found {shown})",
                display(&path),
                list(options)
            ),
            at(pointer),
        ),
        ValidationErrorKind::Constant { expected_value } => (
            Code::Schema,
            format!(
                "{} must be {} (found {shown})",
                display(&path),
                expected_value
            ),
            at(pointer),
        ),
        ValidationErrorKind::Type { kind } => (
            Code::Schema,
            format!(
                "{} must be {} (found {shown})",
                display(&path),
                type_name(kind)
            ),
            at(pointer),
        ),
        ValidationErrorKind::Pattern { pattern } => (
            Code::Schema,
            format!("{}: {shown} {}", display(&path), pattern_meaning(pattern)),
            at(pointer),
        ),
        ValidationErrorKind::Minimum { limit }
        | ValidationErrorKind::ExclusiveMinimum { limit } => (
            Code::Schema,
            format!("{} is too small: {shown} (minimum {limit})", display(&path)),
            at(pointer),
        ),
        ValidationErrorKind::Maximum { limit }
        | ValidationErrorKind::ExclusiveMaximum { limit } => (
            Code::Schema,
            format!("{} is too large: {shown} (maximum {limit})", display(&path)),
            at(pointer),
        ),
        ValidationErrorKind::MinItems { limit } => (
            Code::Schema,
            format!("{} needs at least {limit} item(s)", display(&path)),
            at(pointer),
        ),
        ValidationErrorKind::MinLength { .. } => (
            Code::Schema,
            format!("{} must not be empty", display(&path)),
            at(pointer),
        ),
        ValidationErrorKind::UniqueItems => (
            Code::Schema,
            format!("{} lists the same value twice", display(&path)),
            at(pointer),
        ),
        ValidationErrorKind::AnyOf { context }
            if context.iter().all(|e| {
                e.iter()
                    .all(|e| matches!(e.kind(), ValidationErrorKind::Required { .. }))
            }) =>
        {
            let names: Vec<String> = context
                .iter()
                .flatten()
                .filter_map(|e| match e.kind() {
                    ValidationErrorKind::Required { property } => {
                        property.as_str().map(|n| format!("`{n}`"))
                    }
                    _ => None,
                })
                .collect();
            (
                Code::Schema,
                format!("{} needs one of {}", display(&path), names.join(" or ")),
                at(pointer),
            )
        }
        ValidationErrorKind::OneOfNotValid { context } | ValidationErrorKind::AnyOf { context } => {
            let hint = best_alternative(context);
            (
                Code::Schema,
                format!("{} does not match any allowed form{hint}", display(&path)),
                at(pointer),
            )
        }
        ValidationErrorKind::Not { schema } if schema.get("required").is_some() => {
            let names: Vec<String> = schema["required"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str())
                        .map(|n| format!("`{n}`"))
                        .collect()
                })
                .unwrap_or_default();
            (
                Code::Schema,
                format!("{}: give {}, not both", display(&path), names.join(" or ")),
                at(pointer),
            )
        }
        ValidationErrorKind::OneOfMultipleValid { .. } => (
            Code::Schema,
            format!("{} matches more than one allowed form", display(&path)),
            at(pointer),
        ),
        other => (
            Code::Schema,
            format!("{}: {}", display(&path), other.keyword()),
            at(pointer),
        ),
    };
    Diagnostic::error(code, message, location)
}

/// The first error of the alternative that got furthest, as a hint.
fn best_alternative(context: &[Vec<jsonschema::ValidationError<'static>>]) -> String {
    let deepest = context
        .iter()
        .filter(|errors| !errors.is_empty())
        .min_by_key(|errors| errors.len());
    match deepest.and_then(|errors| errors.first()) {
        Some(e) => {
            let p = readable_path(e.instance_path().as_str());
            let msg = match e.kind() {
                ValidationErrorKind::Required { property } => {
                    format!("{} is required", property.as_str().unwrap_or_default())
                }
                ValidationErrorKind::AdditionalProperties { unexpected } => {
                    format!("{} is not a known field", unexpected.join(", "))
                }
                ValidationErrorKind::Pattern { pattern } => {
                    format!("{} {}", short(e.instance()), pattern_meaning(pattern))
                }
                ValidationErrorKind::Enum { options } => {
                    format!("expected one of {}", list(options))
                }
                ValidationErrorKind::Type { kind } => format!("expected {}", type_name(kind)),
                ValidationErrorKind::Constant { expected_value } => {
                    format!("expected {expected_value}")
                }
                k => k.keyword().to_string(),
            };
            if p.is_empty() {
                format!(": {msg}")
            } else {
                format!(": {p}: {msg}")
            }
        }
        None => String::new(),
    }
}

/// `/levels/2/contact/phone` → `levels[2].contact.phone`.
pub fn readable_path(pointer: &str) -> String {
    let mut out = String::new();
    for segment in pointer.split('/').skip(1) {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        if !segment.is_empty() && segment.chars().all(|c| c.is_ascii_digit()) {
            out.push('[');
            out.push_str(&segment);
            out.push(']');
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&segment);
        }
    }
    out
}

fn display(path: &str) -> &str {
    if path.is_empty() {
        "the document"
    } else {
        path
    }
}

fn short(value: &Value) -> String {
    let text = match value {
        Value::String(s) => format!("`{s}`"),
        Value::Object(_) => "a mapping".to_string(),
        Value::Array(_) => "a list".to_string(),
        Value::Null => "nothing".to_string(),
        other => format!("`{other}`"),
    };
    if text.chars().count() > 60 {
        text.chars().take(57).collect::<String>() + "…`"
    } else {
        text
    }
}

fn list(options: &Value) -> String {
    match options {
        Value::Array(items) => items
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

fn type_name(kind: &jsonschema::error::TypeKind) -> String {
    let name = |t: &jsonschema::JsonType| match t.to_string().as_str() {
        "string" => "text".to_string(),
        "integer" => "a whole number".to_string(),
        "number" => "a number".to_string(),
        "boolean" => "true or false".to_string(),
        "object" => "a mapping".to_string(),
        "array" => "a list".to_string(),
        "null" => "empty".to_string(),
        other => other.to_string(),
    };
    match kind {
        jsonschema::error::TypeKind::Single(t) => name(t),
        jsonschema::error::TypeKind::Multiple(ts) => {
            ts.iter().map(|t| name(&t)).collect::<Vec<_>>().join(" or ")
        }
    }
}

fn format_name(format: &str) -> &str {
    match format {
        "date-time" => "date and time with offset (e.g. 2008-10-26T01:30:00+01:00)",
        "email" => "e-mail address",
        other => other,
    }
}

fn pattern_meaning(pattern: &str) -> String {
    if pattern.contains("24:00") {
        "is not a time written HH:MM (00:00 to 24:00)".to_string()
    } else if pattern == "^([01][0-9]|2[0-3]):[0-5][0-9]$" {
        "is not a start time written HH:MM from 00:00 to 23:59 (24:00 is only an end: a shift or window starting at midnight starts at 00:00)".to_string()
    } else if pattern.contains('@') {
        "is not a ruleset reference written id@major (e.g. lsd-accreditation@1)".to_string()
    } else if pattern.starts_with("^[a-z0-9]+(-[a-z0-9]+)*$") {
        "is not a lower-case id with hyphens".to_string()
    } else {
        format!("does not have the expected form ({pattern})")
    }
}

/// The draft-07 form of a schema, for editors whose YAML language server
/// reads only draft-07 (`accredit schema --draft 7`). The schemas use no
/// keyword that draft-07 lacks, so the translation is mechanical: `$defs`
/// becomes `definitions` (and every `$ref` follows), and a `$ref` with
/// sibling keywords, which draft-07 would ignore, is wrapped in `allOf` so
/// they still apply. A test keeps the two forms accepting the same documents.
pub fn to_draft7(schema: &Value) -> Value {
    fn convert(value: &Value) -> Value {
        match value {
            Value::Object(map) => {
                let mut out = serde_json::Map::new();
                for (key, v) in map {
                    match key.as_str() {
                        "$defs" => {
                            out.insert("definitions".to_string(), convert(v));
                        }
                        "$ref" => {
                            let target = v
                                .as_str()
                                .map(|r| r.replacen("#/$defs/", "#/definitions/", 1))
                                .map_or_else(|| v.clone(), Value::String);
                            out.insert(key.clone(), target);
                        }
                        "$schema" => {
                            out.insert(
                                key.clone(),
                                Value::String("http://json-schema.org/draft-07/schema#".into()),
                            );
                        }
                        "$id" => {
                            let id = v
                                .as_str()
                                .map(|id| id.replacen("/schemas/v1/", "/schemas/v1/draft-07/", 1))
                                .map_or_else(|| v.clone(), Value::String);
                            out.insert(key.clone(), id);
                        }
                        _ => {
                            out.insert(key.clone(), convert(v));
                        }
                    }
                }
                if out.contains_key("$ref") && out.len() > 1 {
                    let reference = out.remove("$ref").unwrap_or_default();
                    let mut wrapped = serde_json::Map::new();
                    wrapped.insert("$ref".to_string(), reference);
                    let mut all_of = vec![Value::Object(wrapped)];
                    if let Some(Value::Array(existing)) = out.remove("allOf") {
                        all_of.extend(existing);
                    }
                    out.insert("allOf".to_string(), Value::Array(all_of));
                }
                Value::Object(out)
            }
            Value::Array(items) => Value::Array(items.iter().map(convert).collect()),
            other => other.clone(),
        }
    }
    convert(schema)
}

/// [`to_draft7`] of a kind's schema, as text.
pub fn draft7_text(kind: Kind) -> String {
    let schema: Value = serde_json::from_str(schema_text(kind)).unwrap_or(Value::Null);
    let mut text = serde_json::to_string_pretty(&to_draft7(&schema)).unwrap_or_default();
    text.push('\n');
    text
}

/// Compiles a draft-07 schema with the same settings as [`compile`].
pub fn compile_draft7(schema: &Value) -> Result<jsonschema::Validator, String> {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(true)
        .build(schema)
        .map_err(|e| e.to_string())
}
