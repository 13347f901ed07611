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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::checks::test_support::{AS_OF, TempPack, code_names, complete_pack, measure, run};
    use jiff::civil::date;

    const CHECK: ItilFoundation = ItilFoundation {
        max_age_days: 730,
        target_percent: 80.0,
    };

    /// HV1 passed on the run date (2008-09-01); HV2 failed.
    fn small_pack() -> TempPack {
        TempPack::complete()
            .write(
                "logs/staff.csv",
                "staff_id,role,start_date,end_date\nHV1,first-line,2004-01-01,\nHV2,first-line,2004-01-01,\n",
            )
            .write(
                "logs/training.csv",
                "staff_id,role,course,application,completed_on,result\n\
                 HV1,first-line,itil-foundation,,2008-09-01,pass\n\
                 HV2,first-line,itil-foundation,,2006-03-01,fail\n",
            )
    }

    #[test]
    fn the_complete_pack_meets_the_target() {
        let outcome = run(&CHECK, &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
    }

    #[test]
    fn a_pass_on_the_run_date_counts_and_a_fail_does_not() {
        let outcome = run(&CHECK, &small_pack().load(), AS_OF);
        assert_eq!(outcome.status, Status::Partial);
        assert_eq!(measure(&outcome), (50.0, 80.0));
        assert_eq!(code_names(&outcome), ["training-itil-foundation-missing"]);
        assert!(
            outcome.findings[0].message.ends_with(": HV2"),
            "{}",
            outcome.findings[0].message
        );
    }

    #[test]
    fn a_pass_after_the_run_date_is_reported_and_not_counted() {
        let outcome = run(&CHECK, &small_pack().load(), date(2008, 8, 31));
        assert_eq!(measure(&outcome), (0.0, 80.0));
        let codes = code_names(&outcome);
        assert!(codes.contains(&"training-future-dated"), "{codes:?}");
        assert!(
            codes.contains(&"training-itil-foundation-missing"),
            "{codes:?}"
        );
    }

    #[test]
    fn no_front_line_staff_fails() {
        let pack = small_pack().write(
            "logs/staff.csv",
            "staff_id,role,start_date,end_date\nHV3,second-line,2004-01-01,\n",
        );
        let outcome = run(&CHECK, &pack.load(), AS_OF);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(code_names(&outcome).first(), Some(&"no-front-line-staff"));
    }
}
