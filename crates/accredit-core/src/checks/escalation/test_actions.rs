//! `test-actions-not-overdue`: no follow-up action from an escalation or
//! scenario test is still open past its due date when the assessment starts.
//!
//! Reads the `actions` of every `EscalationTest` and `ScenarioTest` (either
//! kind is enough; with neither, the result is `missing`). Each action is
//! judged as it stands on the assessment start:
//! - `closed: true` — fine, whatever its due date;
//! - open and due on or after the assessment start — fine: it is not yet
//!   overdue when the assessment begins;
//! - open and due before the assessment start — overdue, a finding at its `due`;
//! - open with no `due` date — a finding: nothing shows it is on track, so it
//!   needs closing or a due date.
//!
//! Tests dated after the run date are future-dated: reported, and their
//! actions not read. A test with no actions raises nothing. If no test counts
//! at all, the requirement fails: there is nothing to judge.

use serde::{Deserialize, Serialize};

use super::dates::FUTURE_DATED;
use super::rehearsals::{Rehearsal, counted, with_open_actions};
use crate::checks::{CheckKind, Codes, Context, EvidenceNeed, Outcome};
use crate::evidence::Located;
use crate::finding::{Area, Finding, FindingCode};
use crate::model::{EscalationTest, Kind, ScenarioTest};

pub(crate) const NO_TEST_COUNTED: FindingCode = FindingCode::new(
    Area::Escalation,
    "no-test-counted",
    "No escalation or scenario test counts, so their follow-up actions cannot be measured.",
    "Run the tests and add their records to the pack.",
);

pub(crate) const OVERDUE_TEST_ACTION: FindingCode = FindingCode::new(
    Area::Escalation,
    "overdue-test-action",
    "An action from a test is still open after its due date.",
    "Close the action (record `closed_on`) or agree a new due date.",
);

pub(crate) const UNDATED_OPEN_ACTION: FindingCode = FindingCode::new(
    Area::Escalation,
    "undated-open-action",
    "An open action from a test has no due date.",
    "Give the action a `due` date.",
);

/// Parameters of `test-actions-not-overdue` (none).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestActionsNotOverdue {}

impl crate::checks::ParameterSchema for TestActionsNotOverdue {
    const SCHEMA: &'static str = "{}";
}

/// Findings for the open actions of one test that are overdue or undated.
fn action_findings<T: Rehearsal>(
    context: &Context<'_>,
    test: &Located<T>,
    findings: &mut Vec<Finding>,
) {
    let start = context.window.start;
    for (i, action) in test.value.record().actions.iter().enumerate() {
        if action.closed {
            continue;
        }
        let owner = action
            .owner
            .as_deref()
            .map(|o| format!(", owned by {o},"))
            .unwrap_or_default();
        let what = format!(
            "the action \"{}\" from {}{owner}",
            action.description.trim(),
            test.value.describe(context)
        );
        match action.due {
            Some(due) if due < start => findings.push(Finding::new(
                OVERDUE_TEST_ACTION,
                format!(
                    "{what} was due on {due} and is still open at the assessment start {start}"
                ),
                Some(test.at(&format!("/actions/{i}/due"))),
            )),
            Some(_) => {}
            None => findings.push(Finding::new(
                UNDATED_OPEN_ACTION,
                format!("{what} is open and has no due date; close it or give it a due date"),
                Some(test.at(&format!("/actions/{i}"))),
            )),
        }
    }
}

impl CheckKind for TestActionsNotOverdue {
    const CODES: Codes = &[&[
        NO_TEST_COUNTED,
        OVERDUE_TEST_ACTION,
        UNDATED_OPEN_ACTION,
        FUTURE_DATED,
    ]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::EscalationTest, Kind::ScenarioTest]
    }

    fn evidence_need(&self) -> EvidenceNeed {
        EvidenceNeed::Any
    }

    fn method(&self) -> String {
        "Looks at the `actions` of every EscalationTest and ScenarioTest: each must be \
         `closed: true`, or still open but due on or after the assessment start. An open action \
         due before the start is overdue; an open action with no due date fails too."
            .to_string()
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let mut future = Vec::new();
        let escalation = counted::<EscalationTest>(context, &mut future);
        let scenario = counted::<ScenarioTest>(context, &mut future);
        let mut findings = Vec::new();
        // The others' actions are all closed.
        for test in with_open_actions::<EscalationTest>(context) {
            action_findings(context, test, &mut findings);
        }
        for test in with_open_actions::<ScenarioTest>(context) {
            action_findings(context, test, &mut findings);
        }
        let nothing_counted = escalation.is_empty() && scenario.is_empty();
        if nothing_counted {
            findings.push(Finding::new(
                NO_TEST_COUNTED,
                "every escalation and scenario test is dated after the run date, so no action can be judged",
                None,
            ));
        }
        let met = findings.is_empty();
        findings.extend(future);
        Outcome::pass_if(met, findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::checks::test_support::{AS_OF, codes, complete_pack, place, run};
    use jiff::civil::date;

    const CHECK: TestActionsNotOverdue = TestActionsNotOverdue {};

    #[test]
    fn the_complete_pack_passes() {
        let outcome = run(&CHECK, &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
    }

    #[test]
    fn open_actions_fail_only_when_due_before_the_start_or_undated() {
        let mut evidence = complete_pack();
        let actions = &mut evidence.escalation_tests[0].value.record.actions;
        actions[0].closed = false; // due 2008-03-14: overdue
        actions[1].closed = false;
        actions[1].due = Some(date(2008, 10, 6)); // due on the start day: not overdue
        // The escalation test of 2008-09-10 is after the run date: reported, not read.
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(
            codes(&outcome),
            ["overdue-test-action", "future-dated-evidence"]
        );
        assert_eq!(
            outcome.findings[0].message,
            "the action \"Re-brief all shift leaders that PACS faults go to BT Health, who engage \
             the supplier.\" from the escalation test of 2008-02-20, owned by IT Service Desk \
             Manager, was due on 2008-03-14 and is still open at the assessment start 2008-10-06"
        );
        assert_eq!(
            place(&outcome, 0),
            "tests/escalation/2008-02-20-sev3-pacs-supplier.yaml:28"
        );

        let scenario = &mut evidence.scenario_tests[0].value.record.actions;
        scenario[0].closed = false;
        scenario[0].due = None;
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(
            codes(&outcome),
            [
                "overdue-test-action",
                "undated-open-action",
                "future-dated-evidence"
            ]
        );
        assert!(
            outcome.findings[1]
                .message
                .contains("Care Records Service scenario test")
        );
    }

    #[test]
    fn future_dated_tests_are_reported_and_their_actions_not_read() {
        let mut evidence = complete_pack();
        evidence.scenario_tests.clear();
        evidence.escalation_tests.truncate(1);
        let test = &mut evidence.escalation_tests[0].value.record;
        test.date = date(2008, 9, 30);
        test.actions[0].closed = false;
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(
            codes(&outcome),
            ["no-test-counted", "future-dated-evidence"]
        );
    }
}
