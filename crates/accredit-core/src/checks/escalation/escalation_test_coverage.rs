//! `escalation-test-coverage`: the hardest escalations were rehearsed — one
//! out of hours and one at severity 1.
//!
//! Reads the `EscalationTest` documents. Among the tests with `result: pass`
//! dated in the `within_days` days before the assessment start (the start
//! included), it looks for one marked `out_of_hours: true` and one with
//! `severity: 1`; one test may be both. Each earns half the credit. Whether
//! a test ran out of hours is taken from its `out_of_hours` flag. The LSP
//! need not take part here (ESC-04 asks for that). Tests dated after the run
//! date are future-dated: reported, not counted. For each kind of test not
//! found, a finding says so, and each test of that kind that does not count
//! says why.

use serde::{Deserialize, Serialize};

use super::dates::FUTURE_DATED;
use super::dates::Lookback;
use super::rehearsals::ESCALATION_TEST_NOT_COUNTED;
use super::rehearsals::{Needs, counted, counts, not_counted, shortfalls};
use crate::checks::{CheckKind, Codes, Context, Outcome};
use crate::finding::{Area, Finding, FindingCode};
use crate::model::{EscalationTest, Kind};

pub(crate) const NO_OUT_OF_HOURS_ESCALATION_TEST: FindingCode = FindingCode::new(
    Area::Escalation,
    "no-out-of-hours-escalation-test",
    "No passed out-of-hours escalation test is dated in the period asked.",
    "Run an escalation test out of hours and add its record to the pack.",
);

pub(crate) const NO_SEVERITY_1_ESCALATION_TEST: FindingCode = FindingCode::new(
    Area::Escalation,
    "no-severity-1-escalation-test",
    "No passed severity-1 escalation test is dated in the period asked.",
    "Run a severity-1 escalation test and add its record to the pack.",
);

/// Parameters of `escalation-test-coverage`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EscalationTestCoverage {
    /// How far back from the assessment start a test counts, in days.
    pub within_days: u32,
}

impl crate::checks::ParameterSchema for EscalationTestCoverage {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "within_days": {
          "type": "integer",
          "minimum": 1,
          "maximum": 3660,
          "description": "How many days before the assessment start a test counts."
        }
      },
      "required": ["within_days"]
    }"#;
}

/// A kind of test that must have been run.
struct Wanted {
    code: FindingCode,
    name: &'static str,
    is: fn(&EscalationTest) -> bool,
}

const WANTED: [Wanted; 2] = [
    Wanted {
        code: NO_OUT_OF_HOURS_ESCALATION_TEST,
        name: "out-of-hours escalation test (`out_of_hours: true`)",
        is: |t| t.out_of_hours,
    },
    Wanted {
        code: NO_SEVERITY_1_ESCALATION_TEST,
        name: "severity 1 escalation test (`severity: 1`)",
        is: |t| t.severity == Some(1),
    },
];

impl CheckKind for EscalationTestCoverage {
    const CODES: Codes = &[&[
        NO_OUT_OF_HOURS_ESCALATION_TEST,
        NO_SEVERITY_1_ESCALATION_TEST,
        ESCALATION_TEST_NOT_COUNTED,
        FUTURE_DATED,
    ]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::EscalationTest]
    }

    fn method(&self) -> String {
        format!(
            "Looks for EscalationTests with `result: pass` dated in the {} days before the \
             assessment start (or on it): one with `out_of_hours: true` and one with `severity: 1` \
             (one test may be both). Each earns half the credit.",
            self.within_days
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let mut future = Vec::new();
        let tests = counted::<EscalationTest>(context, &mut future);
        let mut findings = Vec::new();
        let needs = Needs {
            lookback: Lookback::before_start(&context.window, self.within_days),
            lsp: None,
        };
        let mut found = 0;
        for wanted in &WANTED {
            let of_kind = || tests.iter().filter(|t| (wanted.is)(&t.value));
            if of_kind().any(|t| counts(&t.value.record, &needs)) {
                found += 1;
                continue;
            }
            let reasons: Vec<_> = of_kind()
                .map(|t| (t, shortfalls(&t.value.record, &needs)))
                .collect();
            findings.push(Finding::new(
                wanted.code,
                format!(
                    "no passed {} is dated in {}",
                    wanted.name,
                    needs.lookback.describe()
                ),
                None,
            ));
            findings.extend(
                reasons.iter().map(|(test, why)| {
                    not_counted(ESCALATION_TEST_NOT_COUNTED, context, test, why)
                }),
            );
        }
        findings.extend(future);
        Outcome::with_credit(f64::from(found) / WANTED.len() as f64, None, findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::checks::test_support::{AS_OF, codes, complete_pack, run};
    use jiff::civil::date;

    const CHECK: EscalationTestCoverage = EscalationTestCoverage { within_days: 365 };

    #[test]
    fn the_complete_pack_passes() {
        let outcome = run(&CHECK, &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
    }

    #[test]
    fn each_kind_of_test_earns_half() {
        let mut evidence = complete_pack();
        for test in &mut evidence.escalation_tests {
            test.value.out_of_hours = false;
        }
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Partial);
        assert_eq!(outcome.credit, 0.5);
        assert_eq!(
            codes(&outcome),
            ["no-out-of-hours-escalation-test", "future-dated-evidence"]
        );

        for test in &mut evidence.escalation_tests {
            if test.value.severity == Some(1) {
                test.value.record.date = date(2007, 6, 18);
            }
        }
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(
            codes(&outcome),
            [
                "no-out-of-hours-escalation-test",
                "no-severity-1-escalation-test",
                "escalation-test-not-counted",
                "future-dated-evidence"
            ]
        );
        assert_eq!(
            outcome.findings[2].message,
            "the escalation test of 2007-06-18 does not count: it is more than 365 days before \
             the assessment start 2008-10-06"
        );
    }
}
