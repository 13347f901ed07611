//! `document-approved`: a Document of a type was approved recently enough
//! (ITIL-08: the critical review of compliance with ITIL, approved within
//! 730 days before the assessment start).
//!
//! Reads the `Document`s of `type`. One counts when its `approved_on` falls
//! in the `max_age_days` days before the assessment start, the start itself
//! included (so a pack scores the same on any day it is run). A document
//! approved after the run date (`--as-of`) is future-dated: it is not
//! counted and is reported as `future-dated-evidence`. One document that
//! counts is enough.

use serde::{Deserialize, Serialize};

use super::pack_documents::DOCUMENT_MISSING;
use crate::checks::escalation::dates::FUTURE_DATED;
use crate::checks::{CheckKind, Codes, Context, Outcome};
use crate::finding::{Area, Finding, FindingCode};
use crate::model::{DocumentType, Kind};

pub(crate) const DOCUMENT_NOT_APPROVED: FindingCode = FindingCode::new(
    Area::Documents,
    "document-not-approved",
    "A Document has no approval date.",
    "Record `approved_on` (and who approved it) in the document's front matter.",
);

pub(crate) const APPROVED_AFTER_START: FindingCode = FindingCode::new(
    Area::Documents,
    "approved-after-start",
    "A Document was approved after the assessment start; it must be in force before.",
    "Approve the document before the assessment starts.",
);

pub(crate) const APPROVAL_TOO_OLD: FindingCode = FindingCode::new(
    Area::Documents,
    "approval-too-old",
    "A Document's approval is older than the requirement allows.",
    "Review and approve the document again, and record the new `approved_on`.",
);

/// Parameters of `document-approved`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentApproved {
    /// The document type, e.g. `itil-review`.
    #[serde(rename = "type")]
    pub document_type: DocumentType,
    /// How many days before the assessment start the approval may be.
    pub max_age_days: u32,
}

impl crate::checks::ParameterSchema for DocumentApproved {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "type": {
          "enum": [
            "documentation-standard",
            "itil-review",
            "sla",
            "knowledge-article",
            "forward-schedule-of-change",
            "kpi-report",
            "other"
          ],
          "description": "The Document type that must be approved recently enough."
        },
        "max_age_days": {
          "type": "integer",
          "minimum": 0,
          "maximum": 3660,
          "description": "How many days before the assessment start the approval may be."
        }
      },
      "required": ["type", "max_age_days"]
    }"#;
}

impl CheckKind for DocumentApproved {
    const CODES: Codes = &[&[
        DOCUMENT_MISSING,
        DOCUMENT_NOT_APPROVED,
        APPROVED_AFTER_START,
        APPROVAL_TOO_OLD,
        FUTURE_DATED,
    ]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::Document]
    }

    fn method(&self) -> String {
        format!(
            "Looks for a Document with `type: {}` whose `approved_on` falls within the {} days before the assessment start (the start included). A date after the run date is future-dated and does not count.",
            self.document_type.as_str(),
            self.max_age_days
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let type_name = self.document_type.as_str();
        let start = context.window.start;
        let earliest = context.window.days_before_start(self.max_age_days);
        let mut findings = Vec::new();
        let mut seen = false;
        for document in &context.evidence.documents {
            if document.value.front.document_type != self.document_type {
                continue;
            }
            seen = true;
            let file = &document.file;
            let Some(approved_on) = document.value.front.control.approved_on else {
                findings.push(Finding::new(
                    DOCUMENT_NOT_APPROVED,
                    format!("{file} has no `approved_on` date, so it does not show an approved {type_name}"),
                    Some(document.at("")),
                ));
                continue;
            };
            let at = Some(document.at("/approved_on"));
            let problem = if approved_on > context.as_of {
                Some((
                    FUTURE_DATED,
                    format!(
                        "{file} is approved on {approved_on}, after the run date {}; evidence dated in the future is not counted",
                        context.as_of
                    ),
                ))
            } else if approved_on > start {
                Some((
                    APPROVED_AFTER_START,
                    format!(
                        "{file} was approved on {approved_on}, after the assessment start {start}; it must be approved before the assessment starts"
                    ),
                ))
            } else if approved_on < earliest {
                Some((
                    APPROVAL_TOO_OLD,
                    format!(
                        "{file} was approved on {approved_on}, more than {} days before the assessment start {start} (the earliest date that counts is {earliest})",
                        self.max_age_days
                    ),
                ))
            } else {
                None
            };
            match problem {
                Some((code, message)) => findings.push(Finding::new(code, message, at)),
                None => return Outcome::pass(vec![]),
            }
        }
        if !seen {
            findings.push(Finding::new(
                DOCUMENT_MISSING,
                format!(
                    "the pack has no Document of type `{type_name}`: add a Markdown file whose front matter has `kind: Document` and `type: {type_name}`"
                ),
                None,
            ));
        }
        Outcome::fail(findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_support::documents::{AS_OF, document, evidence, run, run_with};
    use crate::checks::{Check, Status};

    fn check() -> Check {
        Check::DocumentApproved(DocumentApproved {
            document_type: DocumentType::ItilReview,
            max_age_days: 730,
        })
    }

    fn review(approved_on: &str) -> crate::evidence::Evidence {
        let mut doc = document("documents/itil-review.md", "itil-review", "# Review\n");
        doc.value.front.control.approved_on = approved_on.parse().ok();
        evidence(vec![], vec![doc])
    }

    #[test]
    fn approval_within_the_period_before_the_start_passes_boundaries_included() {
        // 730 days before 2008-10-06 (2008 is a leap year) is 2006-10-07.
        for date in ["2008-04-28", "2006-10-07", "2008-09-01"] {
            assert_eq!(run(&check(), &review(date)).status, Status::Pass, "{date}");
        }
    }

    #[test]
    fn approval_too_long_ago_fails_with_the_dates_compared() {
        let outcome = run(&check(), &review("2006-10-06"));
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(outcome.findings[0].code, "approval-too-old");
        assert_eq!(
            outcome.findings[0].message,
            "documents/itil-review.md was approved on 2006-10-06, more than 730 days before the assessment start 2008-10-06 (the earliest date that counts is 2006-10-07)"
        );
        assert_eq!(
            outcome.findings[0].location.as_ref().unwrap().to_string(),
            "documents/itil-review.md:8:14"
        );
    }

    #[test]
    fn approval_after_the_run_date_is_future_dated_and_not_counted() {
        let outcome = run(&check(), &review("2008-09-02"));
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(outcome.findings[0].code, "future-dated-evidence");
        let later = "2008-12-01".parse().unwrap();
        let outcome = run_with(&check(), &review("2008-10-07"), later);
        assert_eq!(outcome.findings[0].code, "approved-after-start");
        assert!(AS_OF < later);
    }

    #[test]
    fn no_review_or_no_approval_date_fails() {
        let none = evidence(vec![], vec![document("documents/sla.md", "sla", "# SLA\n")]);
        let outcome = run(&check(), &none);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(outcome.findings[0].code, "document-missing");
        let outcome = run(&check(), &review("not a date"));
        assert_eq!(outcome.findings[0].code, "document-not-approved");
    }
}
