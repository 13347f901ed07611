//! Loading a ruleset: YAML with node places, the ruleset schema, then the
//! checks a schema cannot express. Every problem points into the file.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::diagnostic::{Code, Diagnostic};
use crate::location::Location;
use crate::yaml::{YamlLimits, parse_document};

use super::Ruleset;

/// A ruleset that cannot be used, with every diagnostic found.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the ruleset {file} is invalid ({} problem(s))", diagnostics.len())]
pub struct RulesetError {
    /// The ruleset file.
    pub file: String,
    /// What is wrong, each pointing into the file.
    pub diagnostics: Vec<Diagnostic>,
}

fn schema() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let value: Value = serde_json::from_str(super::SCHEMA_TEXT)
            .unwrap_or_else(|e| panic!("ruleset schema is not JSON: {e}"));
        crate::schema::compile(&value).unwrap_or_else(|e| panic!("ruleset schema: {e}"))
    })
}

/// Loads and checks a ruleset from its text; `file` names it in diagnostics.
pub fn load_ruleset(text: &str, file: &str) -> Result<Ruleset, RulesetError> {
    let fail = |diagnostics: Vec<Diagnostic>| RulesetError {
        file: file.to_string(),
        diagnostics,
    };
    let document = parse_document(text, 1, YamlLimits::default())
        .map_err(|e| fail(vec![crate::load::yaml_diagnostic(file, &e)]))?;
    let mut diagnostics =
        crate::schema::validate_with(schema(), &document.value, file, &document.index);
    for diagnostic in &mut diagnostics {
        diagnostic.code = ruleset_code(&diagnostic.message);
    }
    if !diagnostics.is_empty() {
        return Err(fail(diagnostics));
    }
    let at = |pointer: &str| {
        let p = document.index.locate(pointer);
        Some(Location::at(file, p.line, p.column))
    };
    let mut value = document.value.clone();
    if let Value::Object(map) = &mut value {
        map.shift_remove("apiVersion");
        map.shift_remove("kind");
    }
    let mut ruleset: Ruleset = serde_json::from_value(value).map_err(|e| {
        fail(vec![Diagnostic::error(
            Code::Schema,
            format!("the ruleset could not be read: {e}"),
            at(""),
        )])
    })?;
    let mut diagnostics = Vec::new();
    check_semantics(&ruleset, &mut diagnostics, &at);
    if !diagnostics.is_empty() {
        return Err(fail(diagnostics));
    }
    ruleset.sha256 = Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    ruleset.source = file.to_string();
    Ok(ruleset)
}

fn check_semantics(
    ruleset: &Ruleset,
    diagnostics: &mut Vec<Diagnostic>,
    at: &dyn Fn(&str) -> Option<Location>,
) {
    let mut error = |code: Code, pointer: String, message: String| {
        diagnostics.push(Diagnostic::error(code, message, at(&pointer)));
    };
    let mut domains = BTreeSet::new();
    for (i, domain) in ruleset.domains.iter().enumerate() {
        if !domains.insert(domain.id.as_str()) {
            error(
                Code::DuplicateId,
                format!("/domains/{i}/id"),
                format!("domain id `{}` is used twice", domain.id),
            );
        }
        if domain.weight < 0.0 {
            error(
                Code::BadWeight,
                format!("/domains/{i}/weight"),
                format!("domain {} has a negative weight", domain.id),
            );
        }
    }
    if !ruleset.domains.is_empty() && ruleset.domains.iter().all(|d| d.weight <= 0.0) {
        error(
            Code::BadWeight,
            "/domains".into(),
            "every domain weight is zero, so no score can be formed".into(),
        );
    }
    let mut ids = BTreeSet::new();
    for (i, requirement) in ruleset.requirements.iter().enumerate() {
        let here = |field: &str| format!("/requirements/{i}/{field}");
        if !ids.insert(requirement.id.as_str()) {
            error(
                Code::DuplicateId,
                here("id"),
                format!("requirement id `{}` is used twice", requirement.id),
            );
        }
        if !domains.contains(requirement.domain.as_str()) {
            error(
                Code::Schema,
                here("domain"),
                format!(
                    "`{}` is not one of the ruleset's domains",
                    requirement.domain
                ),
            );
        }
        if requirement.weight < 0.0 {
            error(
                Code::BadWeight,
                here("weight"),
                format!("{} has a negative weight", requirement.id),
            );
        }
        if let Err(problem) = requirement.check.prepare(ruleset) {
            error(
                Code::BadParameter,
                format!("/requirements/{i}/check/{}", problem.field),
                problem.message,
            );
        }
    }
    for domain in &ruleset.domains {
        let weights: Vec<f64> = ruleset
            .requirements
            .iter()
            .filter(|r| r.domain == domain.id)
            .map(|r| r.weight)
            .collect();
        if !weights.is_empty() && weights.iter().all(|w| *w <= 0.0) {
            let i = ruleset
                .domains
                .iter()
                .position(|d| d.id == domain.id)
                .unwrap_or(0);
            error(
                Code::BadWeight,
                format!("/domains/{i}"),
                format!("every requirement of domain {} has weight zero", domain.id),
            );
        }
    }
}

/// A more specific code for a ruleset schema error.
fn ruleset_code(message: &str) -> Code {
    if message.contains(".check.kind must be one of") {
        Code::UnknownCheckKind
    } else if message.contains("weight is too small") || message.contains("weight is too large") {
        Code::BadWeight
    } else if message.contains(".check.") {
        Code::BadParameter
    } else {
        Code::Schema
    }
}
