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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::checks::test_support::{AS_OF, code_names, complete_pack, place, run};

    fn check() -> ApplicantDeclared {
        ApplicantDeclared {
            ods_prefix: "R".into(),
            ods_suffix_length: 2,
        }
    }

    fn with_ods_code(code: &str) -> Outcome {
        let mut evidence = complete_pack();
        let pack = evidence.pack.as_mut().expect("the pack has a Pack");
        pack.value.organisation.ods_code = Some(code.into());
        run(&check(), &evidence, AS_OF)
    }

    #[test]
    fn the_complete_pack_passes() {
        let outcome = run(&check(), &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
        assert!(outcome.findings.is_empty());
    }

    #[test]
    fn an_ods_code_is_read_as_issued_whatever_its_case_and_spaces() {
        assert_eq!(with_ods_code(" rxw ").status, Status::Pass);
        assert_eq!(with_ods_code("R0A").status, Status::Pass);
    }

    #[test]
    fn an_ods_code_of_another_form_is_named_at_its_line() {
        for code in ["RXW1", "RX", "5QZ", "R-W", "RÅW", ""] {
            let outcome = with_ods_code(code);
            assert_eq!(outcome.status, Status::Fail, "{code:?}");
            assert_eq!(code_names(&outcome), ["ods-code-form"], "{code:?}");
            assert_eq!(place(&outcome, 0), "pack.yaml:5");
        }
        assert_eq!(
            with_ods_code("RXW1").findings[0].message,
            "ODS code `RXW1` is not an NHS trust code (`R` and 2 capital letters or digits, e.g. RXW)"
        );
    }

    #[test]
    fn an_unnamed_lsp_and_no_applications_are_each_a_finding() {
        let mut evidence = complete_pack();
        let pack = &mut evidence.pack.as_mut().expect("the pack has a Pack").value;
        pack.lsp.name = " \t".into();
        pack.applications_in_scope.clear();
        let outcome = run(&check(), &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(
            code_names(&outcome),
            ["lsp-not-named", "no-application-in-scope"]
        );
        assert_eq!(place(&outcome, 0), "pack.yaml:17");
        assert_eq!(place(&outcome, 1), "pack.yaml:18");
    }

    #[test]
    fn an_empty_prefix_is_a_parameter_problem() {
        assert!(check().parameter_problems().is_empty());
        let problems = ApplicantDeclared {
            ods_prefix: String::new(),
            ods_suffix_length: 2,
        }
        .parameter_problems();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "ods_prefix");
    }
}
