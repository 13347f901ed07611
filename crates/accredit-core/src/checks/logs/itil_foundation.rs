//! `itil-foundation`: at least `target_percent` of front-line staff hold ITIL
//! Foundation (a `pass` in `itil-foundation`, dated no later than the run date).

use serde::{Deserialize, Serialize};

use super::application_training::NO_FRONT_LINE_STAFF;
use super::logs_memo::training;
use crate::checks::{CheckKind, Codes, Context, Outcome, from_analysis};
use crate::model::Kind;

/// Parameters of `itil-foundation`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItilFoundation {
    /// How far back national-application training counts (shared with
    /// `application-training`, so the training log is read once).
    pub max_age_days: u32,
    /// Share of front-line staff (percent) holding ITIL Foundation.
    pub target_percent: f64,
}

impl crate::checks::ParameterSchema for ItilFoundation {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "target_percent": {
          "type": "number",
          "minimum": 0,
          "maximum": 100,
          "description": "Target share, percent."
        },
        "max_age_days": {
          "type": "integer",
          "minimum": 1,
          "maximum": 3660,
          "description": "Days before the assessment start that count."
        }
      },
      "required": ["target_percent", "max_age_days"]
    }"#;
}

impl CheckKind for ItilFoundation {
    const CODES: Codes = &[
        &[NO_FRONT_LINE_STAFF],
        super::logs_memo::SOURCE_CODES,
        crate::logs::codes::READING,
        crate::logs::codes::TRAINING,
    ];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::StaffRegister, Kind::TrainingLog]
    }

    fn method(&self) -> String {
        format!(
            "Joins the StaffRegister (first-line staff in post during the window) with the TrainingLog: the share with a `pass` in `itil-foundation`; target {}%.",
            self.target_percent
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let from = context.window.days_before_start(self.max_age_days);
        let register = super::application_training::register_rows(context);
        from_analysis(training(context, from), |summary| {
            let itil = &summary.itil_foundation;
            match itil.share {
                Some(share) => Outcome::measured(
                    100.0 * share,
                    self.target_percent,
                    "%",
                    itil.findings
                        .iter()
                        .chain(&summary.findings)
                        .chain(&register)
                        .cloned()
                        .collect(),
                ),
                None => {
                    let mut findings =
                        vec![super::application_training::no_front_line_staff(context)];
                    findings.extend(summary.findings.iter().cloned());
                    findings.extend(register.iter().cloned());
                    Outcome::fail(findings)
                }
            }
        })
    }
}
