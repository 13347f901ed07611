//! `applicant-declared`: the applicant is identified — an ODS code of the
//! expected form, an LSP named, at least one application in scope.

use serde::{Deserialize, Serialize};

use crate::checks::{CheckKind, Codes, Context, Outcome, ParameterProblem};
use crate::finding::{Area, Finding, FindingCode};
use crate::model::Kind;

pub(crate) const ODS_CODE_FORM: FindingCode = FindingCode::new(
    Area::Desk,
    "ods-code-form",
    "The pack's ODS code is not in the form of an NHS trust code.",
    "Write the trust's ODS code (e.g. `RXW`) in the pack document.",
);

pub(crate) const LSP_NOT_NAMED: FindingCode = FindingCode::new(
    Area::Desk,
    "lsp-not-named",
    "The pack does not name its Local Service Provider.",
    "Write the LSP's name in `lsp.name` in the pack document.",
);

pub(crate) const NO_APPLICATION_IN_SCOPE: FindingCode = FindingCode::new(
    Area::Desk,
    "no-application-in-scope",
    "The pack declares no national application in scope.",
    "List the national applications the desk supports in `applications_in_scope`.",
);

/// Parameters of `applicant-declared`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicantDeclared {
    /// Form of an NHS trust ODS code: a leading letter and a count of
    /// alphanumerics after it (`R` and 2 for trusts).
    pub ods_prefix: String,
    /// Alphanumeric characters after the prefix.
    pub ods_suffix_length: usize,
}

impl crate::checks::ParameterSchema for ApplicantDeclared {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "ods_prefix": {
          "type": "string",
          "minLength": 1
        },
        "ods_suffix_length": {
          "type": "integer",
          "minimum": 0,
          "maximum": 10
        }
      },
      "required": ["ods_prefix", "ods_suffix_length"]
    }"#;
}

impl CheckKind for ApplicantDeclared {
    const CODES: Codes = &[&[LSP_NOT_NAMED, NO_APPLICATION_IN_SCOPE, ODS_CODE_FORM]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::Pack]
    }

    fn method(&self) -> String {
        format!(
            "Looks at the Pack: the ODS code must be `{}` followed by {} letters or digits, the LSP must be named and at least one application declared in scope.",
            self.ods_prefix, self.ods_suffix_length
        )
    }

    fn parameter_problems(&self) -> Vec<ParameterProblem> {
        if self.ods_prefix.is_empty() {
            return vec![ParameterProblem {
                field: "ods_prefix".into(),
                message: "ods_prefix must not be empty".into(),
            }];
        }
        vec![]
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let pack = context.pack;
        let mut findings = Vec::new();
        let code = pack
            .value
            .organisation
            .ods_code
            .as_deref()
            .unwrap_or_default();
        // Read as issued, whatever the case or surrounding spaces: `rxw ` is RXW.
        let read = code.trim().to_ascii_uppercase();
        let suffix = read.strip_prefix(&self.ods_prefix.to_ascii_uppercase());
        let well_formed = suffix.is_some_and(|s| {
            s.chars().count() == self.ods_suffix_length
                && s.chars()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        });
        if !well_formed {
            findings.push(Finding::new(
                ODS_CODE_FORM,
                format!(
                    "ODS code `{code}` is not an NHS trust code (`{}` and {} capital letters or digits, e.g. RXW)",
                    self.ods_prefix, self.ods_suffix_length
                ),
                Some(pack.at("/organisation/ods_code")),
            ));
        }
        if crate::wording::words(&pack.value.lsp.name).is_empty() {
            findings.push(Finding::new(
                LSP_NOT_NAMED,
                "the Local Service Provider is not named",
                Some(pack.at("/lsp/name")),
            ));
        }
        if pack.value.applications_in_scope.is_empty() {
            findings.push(Finding::new(
                NO_APPLICATION_IN_SCOPE,
                "no national application is declared in scope",
                Some(pack.at_key("/applications_in_scope")),
            ));
        }
        Outcome::pass_if(findings.is_empty(), findings)
    }
}
