//! `escalation-tested`: the escalation plan was rehearsed recently, with the
//! LSP taking part, and the rehearsal passed.
//!
//! Reads the `EscalationTest` documents and the Pack's `lsp.name`. Passes when
//! at least one test has `result: pass`, has the pack's LSP among its
//! participants (`party: lsp` with the LSP's name as `organisation`; see
//! [`super::rehearsals`]) and is dated within the `max_age_days` days before
//! the assessment start, the start included (not after it). Tests dated after
//! the run date are future-dated: reported, not counted. When none qualifies,
//! each test is a finding saying why it does not count.

use serde::{Deserialize, Serialize};

use super::dates::FUTURE_DATED;
use super::dates::Lookback;
use super::rehearsals::ESCALATION_TEST_NOT_COUNTED;
use super::rehearsals::{Needs, counted, counts, not_counted, shortfalls};
use crate::checks::{CheckKind, Codes, Context, Outcome};
use crate::finding::{Area, Finding, FindingCode};
use crate::model::{EscalationTest, Kind};

pub(crate) const NO_RECENT_LSP_ESCALATION_TEST: FindingCode = FindingCode::new(
    Area::Escalation,
    "no-recent-lsp-escalation-test",
    "No passed escalation test with the LSP is dated recently enough.",
    "Run an escalation test with the LSP and add its record to the pack.",
);

/// Parameters of `escalation-tested`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EscalationTested {
    /// How old, in days before the assessment start, the passed test may be.
    pub max_age_days: u32,
}

impl crate::checks::ParameterSchema for EscalationTested {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "max_age_days": {
          "type": "integer",
          "minimum": 1,
          "maximum": 3660,
          "description": "How many days before the assessment start the passed test may be dated."
        }
      },
      "required": ["max_age_days"]
    }"#;
}

impl CheckKind for EscalationTested {
    const CODES: Codes = &[&[
        NO_RECENT_LSP_ESCALATION_TEST,
        ESCALATION_TEST_NOT_COUNTED,
        FUTURE_DATED,
    ]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::EscalationTest]
    }

    fn method(&self) -> String {
        format!(
            "Looks for an EscalationTest with `result: pass`, dated in the {} days before the \
             assessment start (or on it), whose participants include the pack's LSP \
             (`party: lsp`, with the LSP's name as `organisation`).",
            self.max_age_days
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let mut future = Vec::new();
        let tests = counted::<EscalationTest>(context, &mut future);
        let lsp = context.pack.value.lsp.name.trim();
        let needs = Needs {
            lookback: Lookback::before_start(&context.window, self.max_age_days),
            lsp: Some(lsp),
        };
        if tests.iter().any(|test| counts(&test.value.record, &needs)) {
            return Outcome::pass(future);
        }
        let reasons: Vec<_> = tests
            .iter()
            .map(|test| (test, shortfalls(&test.value.record, &needs)))
            .collect();
        let mut findings = vec![Finding::new(
            NO_RECENT_LSP_ESCALATION_TEST,
            format!(
                "no passed escalation test with {lsp} taking part is dated in {}",
                needs.lookback.describe()
            ),
            None,
        )];
        findings.extend(
            reasons
                .iter()
                .map(|(test, why)| not_counted(ESCALATION_TEST_NOT_COUNTED, context, test, why)),
        );
        findings.extend(future);
        Outcome::fail(findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::checks::test_support::{AS_OF, codes, complete_pack, place, run};
    use crate::model::{Party, TestResult};
    use jiff::civil::date;

    const CHECK: EscalationTested = EscalationTested { max_age_days: 183 };

    #[test]
    fn the_complete_pack_passes() {
        let outcome = run(&CHECK, &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
    }

    #[test]
    fn each_test_says_why_it_does_not_count() {
        let mut evidence = complete_pack();
        for test in &mut evidence.escalation_tests {
            for p in &mut test.value.record.participants {
                if p.party == Party::Lsp {
                    p.party = Party::Supplier;
                }
            }
        }
        // Run after every test's date, so all three count.
        let outcome = run(&CHECK, &evidence, date(2008, 10, 1));
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(
            codes(&outcome),
            [
                "no-recent-lsp-escalation-test",
                "escalation-test-not-counted",
                "escalation-test-not-counted",
                "escalation-test-not-counted"
            ]
        );
        assert_eq!(
            outcome.findings[0].message,
            "no passed escalation test with BT Health taking part is dated in the 183 days \
             before the assessment start (2008-04-06 to 2008-10-06)"
        );
        let oldest = outcome
            .findings
            .iter()
            .find(|f| f.message.contains("2008-02-20"))
            .unwrap();
        assert_eq!(
            oldest.message,
            "the escalation test of 2008-02-20 does not count: it did not pass (result: partial); \
             BT Health took part as `supplier`, not as the LSP (`party: lsp`); it is more than \
             183 days before the assessment start 2008-10-06"
        );
    }

    #[test]
    fn a_test_after_the_run_date_is_reported_and_not_counted() {
        let mut evidence = complete_pack();
        evidence
            .escalation_tests
            .retain(|t| t.value.record.date == date(2008, 9, 10));
        evidence.escalation_tests[0].value.record.date = date(2008, 9, 20);
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(
            codes(&outcome),
            ["no-recent-lsp-escalation-test", "future-dated-evidence"]
        );
        assert!(place(&outcome, 1).starts_with("tests/escalation/2008-09-10"));
        assert_eq!(
            outcome.findings[1].message,
            "the escalation test is dated 2008-09-20, after the run date 2008-09-01; \
             evidence dated in the future is not counted"
        );
        // Run after that date, the same test counts.
        assert_eq!(
            run(&CHECK, &evidence, date(2008, 10, 1)).status,
            Status::Pass
        );
    }

    #[test]
    fn the_start_day_counts_and_the_day_after_does_not() {
        let mut evidence = complete_pack();
        evidence
            .escalation_tests
            .retain(|t| t.value.record.result == TestResult::Pass);
        for test in &mut evidence.escalation_tests {
            test.value.record.date = date(2008, 10, 6);
        }
        let late = date(2008, 12, 1);
        assert_eq!(run(&CHECK, &evidence, late).status, Status::Pass);
        for test in &mut evidence.escalation_tests {
            test.value.record.date = date(2008, 10, 7);
        }
        assert_eq!(run(&CHECK, &evidence, late).status, Status::Fail);
    }
}
