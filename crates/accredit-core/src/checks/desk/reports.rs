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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::checks::test_support::{AS_OF, TempPack, code_names, complete_pack, place, run};

    const MONTHLY: ReportCadence = ReportCadence {
        at_least: Frequency::Monthly,
    };

    #[test]
    fn a_monthly_report_with_its_sample_passes() {
        let outcome = run(&MONTHLY, &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
        assert!(outcome.findings.is_empty());
    }

    #[test]
    fn a_report_exactly_as_often_as_asked_counts_and_a_rarer_one_does_not() {
        let mut evidence = complete_pack();
        // Keep only the monthly report (then only the quarterly one).
        evidence.service_desks[0].value.reports.truncate(1);
        assert_eq!(run(&MONTHLY, &evidence, AS_OF).status, Status::Pass);
        let mut evidence = complete_pack();
        evidence.service_desks[0].value.reports.drain(0..2);
        let outcome = run(&MONTHLY, &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(code_names(&outcome), ["no-regular-report"]);
        assert_eq!(
            outcome.findings[0].message,
            "no report is produced monthly or more often"
        );
        assert_eq!(place(&outcome, 0), "service-desk.yaml:32");
    }

    #[test]
    fn no_daily_report_is_named() {
        let daily = ReportCadence {
            at_least: Frequency::Daily,
        };
        let outcome = run(&daily, &complete_pack(), AS_OF);
        assert_eq!(code_names(&outcome), ["no-regular-report"]);
        assert_eq!(
            outcome.findings[0].message,
            "no report is produced daily or more often"
        );
    }

    #[test]
    fn a_sample_not_in_the_pack_and_a_report_without_one_are_each_named() {
        let pack = TempPack::complete().remove("samples/monthly-incident-report.pdf");
        let mut evidence = pack.load();
        evidence.service_desks[0].value.reports[1].sample = None;
        let outcome = run(&MONTHLY, &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(
            code_names(&outcome),
            ["report-sample-missing", "report-sample-missing"]
        );
        assert_eq!(
            outcome.findings[0].message,
            "the sample of \"Monthly incident and service level report\" (samples/monthly-incident-report.pdf) is not in the pack"
        );
        assert_eq!(place(&outcome, 0), "service-desk.yaml:33");
        assert_eq!(
            outcome.findings[1].message,
            "\"Weekly open incidents and LSP referrals\" has no `sample`; add an example report to the pack"
        );
        assert_eq!(place(&outcome, 1), "service-desk.yaml:37");
    }

    #[test]
    fn one_report_with_its_sample_is_enough() {
        let pack = TempPack::complete().remove("samples/monthly-incident-report.pdf");
        let outcome = run(&MONTHLY, &pack.load(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
        assert!(outcome.findings.is_empty());
    }

    #[test]
    fn without_a_service_desk_the_evidence_is_missing() {
        let mut evidence = complete_pack();
        evidence.service_desks.clear();
        assert_eq!(run(&MONTHLY, &evidence, AS_OF).status, Status::Missing);
    }
}
