//! `report-cadence`: the desk produces a report at least as often as
//! `at_least`, and a sample of it is in the pack.
//!
//! Reads the `ServiceDesk`'s `reports`. A `sample` path is resolved relative to
//! the ServiceDesk file and must name a file that the pack holds.

use serde::{Deserialize, Serialize};

use crate::checks::{CheckKind, Codes, Context, Outcome, first};
use crate::finding::{Area, Finding, FindingCode};
use crate::model::{Frequency, Kind};

pub(crate) const NO_REGULAR_REPORT: FindingCode = FindingCode::new(
    Area::Desk,
    "no-regular-report",
    "No report is produced as often as the requirement asks.",
    "Produce a report at least as often as asked and list it under `reports`.",
);

pub(crate) const REPORT_SAMPLE_MISSING: FindingCode = FindingCode::new(
    Area::Desk,
    "report-sample-missing",
    "A report is listed without a sample in the pack.",
    "Add a sample of the report to the pack and name it in the report's `sample`.",
);

/// Parameters of `report-cadence`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportCadence {
    /// The least frequent cadence that counts (e.g. `monthly`).
    pub at_least: Frequency,
}

impl crate::checks::ParameterSchema for ReportCadence {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "at_least": {
          "enum": ["daily", "weekly", "monthly", "quarterly"],
          "description": "The least frequent cadence that counts."
        }
      },
      "required": ["at_least"]
    }"#;
}

impl CheckKind for ReportCadence {
    const CODES: Codes = &[&[NO_REGULAR_REPORT, REPORT_SAMPLE_MISSING]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::ServiceDesk]
    }

    fn method(&self) -> String {
        format!(
            "Looks at `reports` in the ServiceDesk document: at least one must be produced {} or more often and have a `sample` that exists in the pack.",
            frequency_word(self.at_least)
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let Some(desk) = first(&context.evidence.service_desks) else {
            return Outcome::missing(vec![]);
        };
        let mut findings = Vec::new();
        let mut met = false;
        for (i, report) in desk.value.reports.iter().enumerate() {
            if report.frequency > self.at_least {
                continue;
            }
            let exists = report.sample.is_some()
                && (context.evidence)
                    .path_at(desk, &format!("/reports/{i}/sample"))
                    .is_some();
            if exists {
                met = true;
            } else {
                let message = match &report.sample {
                    Some(sample) => format!(
                        "the sample of \"{}\" ({sample}) is not in the pack",
                        report.name
                    ),
                    None => format!(
                        "\"{}\" has no `sample`; add an example report to the pack",
                        report.name
                    ),
                };
                findings.push(Finding::new(
                    REPORT_SAMPLE_MISSING,
                    message,
                    Some(desk.at(&format!("/reports/{i}"))),
                ));
            }
        }
        if met {
            return Outcome::pass(vec![]);
        }
        if findings.is_empty() {
            findings.push(Finding::new(
                NO_REGULAR_REPORT,
                format!(
                    "no report is produced {} or more often",
                    frequency_word(self.at_least)
                ),
                Some(desk.at_key("/reports")),
            ));
        }
        Outcome::fail(findings)
    }
}

fn frequency_word(frequency: Frequency) -> &'static str {
    match frequency {
        Frequency::Daily => "daily",
        Frequency::Weekly => "weekly",
        Frequency::Monthly => "monthly",
        Frequency::Quarterly => "quarterly",
    }
}
