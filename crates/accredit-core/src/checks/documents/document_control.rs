//! `document-control`: every Procedure and Document carries complete
//! document control, and stays valid until the end of the assessment window
//! (DOC-01).
//!
//! Reads the front matter of every `Procedure` and `Document`. Each of
//! `fields` must be present and not blank, and `review_due`, when given,
//! must not fall before the last day of the assessment window: a document
//! due for review during the assessment is not valid throughout it. Credit
//! is the share of documents whose control is complete and valid.

use serde::{Deserialize, Serialize};

use super::pack_documents::{PackDocument, in_words, pack_documents, percent};
use crate::checks::{CheckKind, Codes, Context, Outcome};
use crate::finding::{Area, Finding, FindingCode};
use crate::model::{DocumentControl, Kind};

pub(crate) const DOCUMENT_CONTROL_INCOMPLETE: FindingCode = FindingCode::new(
    Area::Documents,
    "document-control-incomplete",
    "A document lacks document-control details (owner, version, review date or approval).",
    "Fill in the document-control fields named in the finding.",
);

pub(crate) const REVIEW_DUE_IN_WINDOW: FindingCode = FindingCode::new(
    Area::Documents,
    "review-due-in-window",
    "A document's review falls due during the assessment window.",
    "Review the document before the window starts and record the next review date.",
);

/// Parameters of `document-control`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentControlComplete {
    /// The front matter fields every document must have.
    pub fields: Vec<ControlField>,
}

impl crate::checks::ParameterSchema for DocumentControlComplete {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "fields": {
          "type": "array",
          "uniqueItems": true,
          "items": {
            "enum": ["version", "owner", "approved_by", "approved_on", "review_due"]
          },
          "description": "Document control fields every Procedure and Document must have; review_due, when present, must not fall before the end of the assessment window."
        }
      },
      "required": ["fields"]
    }"#;
}

/// A document control field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ControlField {
    /// `version`.
    Version,
    /// `owner`.
    Owner,
    /// `approved_by`.
    ApprovedBy,
    /// `approved_on`.
    ApprovedOn,
    /// `review_due`.
    ReviewDue,
}

impl ControlField {
    /// The field's name in front matter.
    pub fn as_str(self) -> &'static str {
        match self {
            ControlField::Version => "version",
            ControlField::Owner => "owner",
            ControlField::ApprovedBy => "approved_by",
            ControlField::ApprovedOn => "approved_on",
            ControlField::ReviewDue => "review_due",
        }
    }

    /// Whether `control` has the field with some text in it.
    fn is_filled(self, control: &DocumentControl) -> bool {
        let filled = |text: &Option<String>| text.as_deref().is_some_and(|t| !t.trim().is_empty());
        match self {
            ControlField::Version => control
                .version
                .as_ref()
                .is_some_and(|v| !v.to_string().trim().is_empty()),
            ControlField::Owner => filled(&control.owner),
            ControlField::ApprovedBy => filled(&control.approved_by),
            ControlField::ApprovedOn => control.approved_on.is_some(),
            ControlField::ReviewDue => control.review_due.is_some(),
        }
    }
}

impl DocumentControlComplete {
    /// What is wrong with one document's control.
    fn problems(&self, document: &PackDocument<'_>, context: &Context<'_>) -> Vec<Finding> {
        let mut findings = Vec::new();
        let missing: Vec<String> = self
            .fields
            .iter()
            .filter(|field| !field.is_filled(document.control))
            .map(|field| format!("`{}`", field.as_str()))
            .collect();
        if !missing.is_empty() {
            let verb = if missing.len() == 1 { "is" } else { "are" };
            findings.push(Finding::new(
                DOCUMENT_CONTROL_INCOMPLETE,
                format!(
                    "document control is incomplete: {} {verb} missing from the front matter",
                    in_words(&missing)
                ),
                Some(document.at("")),
            ));
        }
        let last_day = context.window.last_day();
        if let Some(review_due) = document.control.review_due
            && review_due < last_day
        {
            findings.push(Finding::new(
                REVIEW_DUE_IN_WINDOW,
                format!("review due {review_due}, before the window ends {last_day}"),
                Some(document.at("/review_due")),
            ));
        }
        findings
    }
}

impl CheckKind for DocumentControlComplete {
    const CODES: Codes = &[&[DOCUMENT_CONTROL_INCOMPLETE, REVIEW_DUE_IN_WINDOW]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::Procedure, Kind::Document]
    }

    fn method(&self) -> String {
        let fields: Vec<String> = self
            .fields
            .iter()
            .map(|f| format!("`{}`", f.as_str()))
            .collect();
        format!(
            "Looks at the front matter of every Procedure and Document: each must have {}, and `review_due` must not fall before the last day of the assessment window. Credit is the share of documents that meet this.",
            in_words(&fields)
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let documents = pack_documents(context.evidence);
        let mut findings = Vec::new();
        let mut valid = 0;
        for document in &documents {
            let problems = self.problems(document, context);
            if problems.is_empty() {
                valid += 1;
            }
            findings.extend(problems);
        }
        Outcome::measured(percent(valid, documents.len()), 100.0, "%", findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_support::documents::{document, evidence, markdown, procedure, run};
    use crate::checks::{Check, Status};
    use crate::model::Procedure;

    fn check() -> Check {
        Check::DocumentControl(DocumentControlComplete {
            fields: vec![
                ControlField::Version,
                ControlField::Owner,
                ControlField::ApprovedBy,
                ControlField::ApprovedOn,
                ControlField::ReviewDue,
            ],
        })
    }

    #[test]
    fn complete_control_valid_through_the_window_passes() {
        let evidence = evidence(
            vec![procedure("procedures/incident.md", "incident", "# I\n")],
            vec![document("documents/sla.md", "sla", "# S\n")],
        );
        let outcome = run(&check(), &evidence);
        assert_eq!(outcome.status, Status::Pass, "{:?}", outcome.findings);
    }

    #[test]
    fn a_review_due_inside_the_window_is_reported_at_the_field() {
        let mut late = procedure("procedures/change.md", "change", "# C\n");
        late.value.front.control.review_due = "2008-11-30".parse().ok();
        let evidence = evidence(
            vec![
                late,
                procedure("procedures/incident.md", "incident", "# I\n"),
            ],
            vec![],
        );
        let outcome = run(&check(), &evidence);
        assert_eq!(outcome.status, Status::Partial);
        assert!((outcome.credit - 0.5).abs() < 1e-9);
        let finding = &outcome.findings[0];
        assert_eq!(finding.code, "review-due-in-window");
        assert_eq!(
            finding.message,
            "review due 2008-11-30, before the window ends 2008-12-28"
        );
        assert_eq!(
            finding.location.as_ref().unwrap().to_string(),
            "procedures/change.md:9:13"
        );
    }

    #[test]
    fn the_last_day_of_the_window_is_still_valid() {
        let mut edge = procedure("p.md", "change", "# C\n");
        edge.value.front.control.review_due = "2008-12-28".parse().ok();
        assert_eq!(
            run(&check(), &evidence(vec![edge], vec![])).status,
            Status::Pass
        );
    }

    #[test]
    fn missing_or_blank_fields_are_named() {
        let bare = markdown::<Procedure>(
            "procedures/problem.md",
            "kind: Procedure\nprocess: problem\ntitle: Problem\nowner: \"  \"\nversion: 2\n",
            "# P\n",
        );
        let outcome = run(&check(), &evidence(vec![bare], vec![]));
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(outcome.findings.len(), 1);
        assert_eq!(
            outcome.findings[0].message,
            "document control is incomplete: `owner`, `approved_by`, `approved_on` and `review_due` are missing from the front matter"
        );
        assert_eq!(
            outcome.findings[0].location.as_ref().unwrap().to_string(),
            "procedures/problem.md:2:1"
        );
    }
}
