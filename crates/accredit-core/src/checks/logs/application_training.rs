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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::checks::test_support::{
        AS_OF, TempPack, code_names, complete_pack, in_context, measure, place, run,
    };

    const CHECK: ApplicationTraining = ApplicationTraining {
        max_age_days: 730,
        target_percent: 90.0,
    };

    const STAFF: &str = "staff_id,role,start_date,end_date\n\
        HV1,first-line,2004-01-01,\n\
        HV2,first-line,2004-01-01,\n\
        HV3,second-line,2004-01-01,\n";

    /// 730 days before the start (2008-10-06) is 2006-10-07: HV1's passes on
    /// that day count, HV2's pacs pass the day before does not.
    const TRAINING: &str = "staff_id,role,course,application,completed_on,result\n\
        HV1,first-line,national-application,care-records-service,2006-10-07,pass\n\
        HV1,first-line,national-application,choose-and-book,2006-10-07,pass\n\
        HV1,first-line,national-application,electronic-prescription-service,2006-10-07,pass\n\
        HV1,first-line,national-application,pacs,2006-10-07,pass\n\
        HV2,first-line,national-application,care-records-service,2008-01-10,pass\n\
        HV2,first-line,national-application,choose-and-book,2008-01-10,pass\n\
        HV2,first-line,national-application,electronic-prescription-service,2008-01-10,pass\n\
        HV2,first-line,national-application,pacs,2006-10-06,pass\n";

    fn small_pack() -> TempPack {
        TempPack::complete()
            .write("logs/staff.csv", STAFF)
            .write("logs/training.csv", TRAINING)
    }

    #[test]
    fn the_complete_pack_meets_the_target() {
        let outcome = run(&CHECK, &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
    }

    #[test]
    fn the_lowest_application_share_is_the_measure_and_the_look_back_edge_counts() {
        let outcome = run(&CHECK, &small_pack().load(), AS_OF);
        assert_eq!(outcome.status, Status::Partial);
        assert_eq!(measure(&outcome), (50.0, 90.0));
        assert_eq!(code_names(&outcome), ["training-application-missing"]);
        assert_eq!(
            outcome.findings[0].message,
            "1 of 2 front-line staff have no pass in pacs training since 2006-10-07: HV2"
        );
    }

    #[test]
    fn no_front_line_staff_fails_at_the_register() {
        let pack = small_pack().write(
            "logs/staff.csv",
            "staff_id,role,start_date,end_date\nHV3,second-line,2004-01-01,\n",
        );
        let outcome = run(&CHECK, &pack.load(), AS_OF);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(code_names(&outcome).first(), Some(&"no-front-line-staff"));
        assert!(!code_names(&outcome).contains(&"staff-no-front-line"));
        assert_eq!(
            outcome.findings[0].message,
            "the staff register lists no first-line staff in post between 2008-10-06 and 2008-12-28, so training cannot be measured"
        );
        assert_eq!(place(&outcome, 0), "logs/staff-register.yaml:3");
    }

    #[test]
    fn training_requirements_with_different_ages_in_one_assessment_each_count_their_own() {
        let evidence = complete_pack();
        let other = ApplicationTraining {
            max_age_days: 365,
            ..CHECK
        };
        let (first, second) = in_context(&evidence, AS_OF, |context| {
            (CHECK.evaluate(context), other.evaluate(context))
        });
        assert_eq!(first.status, Status::Pass);
        assert_ne!(second.status, Status::Error);
        assert_eq!(first, run(&CHECK, &evidence, AS_OF));
        assert_eq!(second, run(&other, &evidence, AS_OF));
    }

    #[test]
    fn without_a_training_log_the_evidence_is_missing() {
        let mut evidence = complete_pack();
        evidence.training_logs.clear();
        assert_eq!(run(&CHECK, &evidence, AS_OF).status, Status::Missing);
    }
}
