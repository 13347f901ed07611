//! `application-training`: for each in-scope application, at least
//! `target_percent` of front-line staff passed `national-application` training
//! on it within `max_age_days` before the assessment start.
//!
//! Joins the StaffRegister (first-line staff in post during the window) with
//! the TrainingLog. The measure is the lowest share across the applications.

use serde::{Deserialize, Serialize};

use super::logs_memo::{staff, training};
use crate::checks::{CheckKind, Codes, Context, Outcome, from_analysis};
use crate::finding::{Area, Finding, FindingCode};
use crate::model::Kind;

pub(crate) const NO_FRONT_LINE_STAFF: FindingCode = FindingCode::new(
    Area::Logs,
    "no-front-line-staff",
    "The staff register lists no first-line staff in post in the window, so training cannot be measured.",
    "List the desk's first-line staff, with their roles and dates, in the staff register.",
);

/// Parameters of `application-training`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationTraining {
    /// How far back (days before the start) a pass counts.
    pub max_age_days: u32,
    /// Share of front-line staff (percent) trained on each application.
    pub target_percent: f64,
}

impl crate::checks::ParameterSchema for ApplicationTraining {
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

impl CheckKind for ApplicationTraining {
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
            "Joins the StaffRegister (first-line staff in post during the window) with the TrainingLog: for each in-scope application, the share of them with a `pass` in `national-application` training on it dated within {} days before the assessment start; target {}% for every application (the lowest share is the measure).",
            self.max_age_days, self.target_percent
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let from = context.window.days_before_start(self.max_age_days);
        let register = register_rows(context);
        from_analysis(training(context, from), |summary| {
            let mut findings: Vec<Finding> = summary
                .applications
                .iter()
                .flat_map(|a| a.staff.findings.iter().cloned())
                .collect();
            findings.extend(summary.findings.iter().cloned());
            findings.extend(register);
            let lowest = summary
                .applications
                .iter()
                .map(|a| a.staff.share.unwrap_or(0.0))
                .fold(None, |low: Option<f64>, s| {
                    Some(low.map_or(s, |l| l.min(s)))
                });
            match lowest {
                Some(share) if summary.front_line_staff > 0 => {
                    Outcome::measured(100.0 * share, self.target_percent, "%", findings)
                }
                _ => {
                    findings.insert(0, no_front_line_staff(context));
                    Outcome::fail(findings)
                }
            }
        })
    }
}

/// The staff register's bad rows and combination findings (a row that
/// cannot be read may hide a front-line member, so it is reported on every
/// requirement measured over front-line staff). The register's own "no
/// front-line staff" finding is left out: the requirement says it.
pub(crate) fn register_rows(context: &Context<'_>) -> Vec<Finding> {
    match staff(context).as_deref() {
        Some(Ok(register)) => register
            .findings
            .iter()
            .filter(|f| f.code != crate::logs::codes::NO_FRONT_LINE_STAFF)
            .cloned()
            .collect(),
        _ => Vec::new(),
    }
}

/// The finding when the staff register has no front-line staff in the window.
pub(crate) fn no_front_line_staff(context: &Context<'_>) -> Finding {
    Finding::new(
        NO_FRONT_LINE_STAFF,
        format!(
            "the staff register lists no first-line staff in post between {} and {}, so training cannot be measured",
            context.window.start,
            context.window.last_day()
        ),
        context
            .evidence
            .staff_registers
            .first()
            .map(|r| r.at("/source")),
    )
}
