//! `response-targets`: incidents are responded to within their severity's
//! `respond_within_minutes` from the EscalationPlan, measured over real time.

use serde::{Deserialize, Serialize};

use super::logs_memo::incidents;
use crate::checks::{CheckKind, Codes, Context, Outcome, from_analysis};
use crate::finding::{Area, Finding, FindingCode};
use crate::model::Kind;

pub(crate) const NO_RESPONSE_TARGETS: FindingCode = FindingCode::new(
    Area::Logs,
    "no-response-targets",
    "No incident in the log has a severity with a response target, so response times cannot be measured.",
    "Give the severities response targets in the escalation plan.",
);

/// Parameters of `response-targets`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseTargets {
    /// Share of incidents (percent) that must be responded to on time.
    pub target_percent: f64,
}

impl crate::checks::ParameterSchema for ResponseTargets {
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

impl CheckKind for ResponseTargets {
    const CODES: Codes = &[
        &[NO_RESPONSE_TARGETS],
        super::logs_memo::SOURCE_CODES,
        crate::logs::codes::READING,
        crate::logs::codes::INCIDENTS,
    ];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::IncidentLog, Kind::EscalationPlan]
    }

    fn method(&self) -> String {
        format!(
            "Streams the IncidentLog CSV: for each incident, `responded_at − opened_at` in real time against its severity's `respond_within_minutes` in the EscalationPlan (no response counts as late); target {}% on time.",
            self.target_percent
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        from_analysis(incidents(context), |summary| {
            match summary.responses.share {
                None => Outcome::not_applicable(vec![Finding::new(
                    NO_RESPONSE_TARGETS,
                    "no incident in the log has a severity with a response target in the escalation plan",
                    None,
                )]),
                Some(share) => Outcome::measured(
                    100.0 * share,
                    self.target_percent,
                    "%",
                    summary
                        .responses
                        .findings
                        .iter()
                        .chain(&summary.findings)
                        .cloned()
                        .collect(),
                ),
            }
        })
    }
}
