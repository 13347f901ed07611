//! `incident-hours`: the IncidentLog shows 24/7 operation — incidents opened
//! in at least `target_percent` of the 168 local hour-of-week slots over the
//! log's period.

use serde::{Deserialize, Serialize};

use super::logs_memo::incidents;
use crate::checks::{CheckKind, Codes, Context, Outcome, from_analysis};
use crate::model::Kind;

/// Parameters of `incident-hours`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncidentHours {
    /// Share of the 168 hour-of-week slots (percent) that must have incidents.
    pub target_percent: f64,
}

impl crate::checks::ParameterSchema for IncidentHours {
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

impl CheckKind for IncidentHours {
    const CODES: Codes = &[
        super::logs_memo::SOURCE_CODES,
        crate::logs::codes::READING,
        crate::logs::codes::INCIDENTS,
    ];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::IncidentLog]
    }

    fn method(&self) -> String {
        format!(
            "Streams the IncidentLog CSV and counts the local hour-of-week slots (Monday 00:00 to Sunday 23:00, 168 in all) in which incidents were opened; target {}% of them. Bad rows are reported with their line and skipped.",
            self.target_percent
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        from_analysis(incidents(context), |summary| {
            let mut findings = summary.hour_of_week.findings.clone();
            findings.extend(summary.findings.iter().cloned());
            Outcome::measured(
                100.0 * summary.hour_of_week.share,
                self.target_percent,
                "%",
                findings,
            )
        })
    }
}
