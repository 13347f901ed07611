//! `change-windows`: changes to clinical systems were scheduled wholly inside
//! the desk's agreed `change_windows` (overnight windows included). Not
//! applicable when the ChangeLog has no clinical changes.

use serde::{Deserialize, Serialize};

use super::logs_memo::changes;
use crate::checks::{CheckKind, Codes, Context, Outcome, from_analysis};
use crate::finding::{Area, Finding, FindingCode};
use crate::model::Kind;

pub(crate) const NO_CLINICAL_CHANGES: FindingCode = FindingCode::new(
    Area::Logs,
    "no-clinical-changes",
    "The change log has no changes to clinical systems, so there is nothing to measure.",
    "Nothing to fix if there were none; otherwise mark clinical changes in the log.",
);

/// Parameters of `change-windows`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeWindows {
    /// Share of clinical changes (percent) that must fit inside a window.
    pub target_percent: f64,
}

impl crate::checks::ParameterSchema for ChangeWindows {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "target_percent": {
          "type": "number",
          "minimum": 0,
          "maximum": 100,
          "description": "Target share, percent."
        }
      },
      "required": ["target_percent"]
    }"#;
}

impl CheckKind for ChangeWindows {
    const CODES: Codes = &[
        &[NO_CLINICAL_CHANGES],
        super::logs_memo::SOURCE_CODES,
        crate::logs::codes::READING,
        crate::logs::codes::CHANGES,
    ];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::ChangeLog, Kind::ServiceDesk]
    }

    fn method(&self) -> String {
        format!(
            "Streams the ChangeLog CSV: of the changes with `clinical: true`, the share whose scheduled start and end fall inside one occurrence of a ServiceDesk `change_windows` window; target {}%.",
            self.target_percent
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        from_analysis(changes(context), |summary| {
            let mut findings = summary.window_findings.clone();
            findings.extend(summary.findings.iter().cloned());
            match summary.share {
                None => Outcome::not_applicable(vec![Finding::new(
                    NO_CLINICAL_CHANGES,
                    "the change log has no changes to clinical systems",
                    None,
                )]),
                Some(share) => Outcome::measured(100.0 * share, self.target_percent, "%", findings),
            }
        })
    }
}
