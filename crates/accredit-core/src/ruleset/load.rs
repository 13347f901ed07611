//! Loading a ruleset: YAML with node places, the ruleset schema, the raw
//! serde types, then validation. Every problem points into the file.

use std::sync::OnceLock;

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::diagnostic::{Code, Diagnostic};
use crate::location::Location;
use crate::yaml::{YamlLimits, parse_document};

use super::Ruleset;
use super::problem::ProblemKind;
use super::raw::RawRuleset;

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
        let value: Value = serde_json::from_str(super::schema_text())
            .unwrap_or_else(|e| panic!("ruleset schema is not JSON: {e}"));
        crate::schema::compile(&value).unwrap_or_else(|e| panic!("ruleset schema: {e}"))
    })
}

/// Loads and checks a ruleset from its text; `file` names it in diagnostics.
///
/// The schema's problems are reported together; when there are none, every
/// problem validation finds is (validation needs a ruleset of the right
/// shape, so it does not run on one the schema rejects).
pub fn load_ruleset(text: &str, file: &str) -> Result<Ruleset, RulesetError> {
    let fail = |diagnostics: Vec<Diagnostic>| RulesetError {
        file: file.to_string(),
        diagnostics,
    };
    let document = parse_document(text, 1, YamlLimits::default())
        .map_err(|e| fail(vec![crate::load::yaml_diagnostic(file, &e)]))?;
    let diagnostics = crate::schema::validate_coded(
        schema(),
        &document.value,
        file,
        &document.index,
        |error, pointer, _| ProblemKind::of_schema_error(error, pointer).code(),
    );
    if !diagnostics.is_empty() {
        return Err(fail(diagnostics));
    }
    let locate = |pointer: &str| {
        let p = document.index.locate(pointer);
        Location::at(file, p.line, p.column)
    };
    let raw: RawRuleset = serde_json::from_value(document.value).map_err(|e| {
        fail(vec![Diagnostic::error(
            Code::Schema,
            format!("the ruleset could not be read: {e}"),
            Some(locate("")),
        )])
    })?;
    let mut ruleset = raw.validate().map_err(|problems| {
        let mut diagnostics: Vec<Diagnostic> =
            problems.iter().map(|p| p.diagnostic(&locate)).collect();
        diagnostics.sort_by(|a, b| a.location.cmp(&b.location));
        fail(diagnostics)
    })?;
    ruleset.sha256 = crate::digests::hex(&Sha256::digest(text.as_bytes()));
    ruleset.source = file.to_string();
    Ok(ruleset)
}
