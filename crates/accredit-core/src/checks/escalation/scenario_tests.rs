//! `scenario-tests-per-application`: every national application in scope has
//! been tested end to end with the LSP.
//!
//! Reads the `ScenarioTest` documents and the Pack's `applications_in_scope`
//! and `lsp.name`. An application is covered by a test with its
//! `application`, `result: pass` and `end_to_end: true`, with the pack's LSP
//! among the participants (`party: lsp` with the LSP's name as
//! `organisation`; see [`super::rehearsals`]), dated in the `within_days` days
//! before the assessment start (the start included). Credit is the share of
//! in-scope applications covered (measured in percent, target 100%). Each uncovered application is a finding at
//! its entry in the Pack, followed by each of its tests that does not count
//! and why. Tests dated after the run date are future-dated: reported, not
//! counted. A pack with no application in scope fails: nothing can be covered.

use serde::{Deserialize, Serialize};

use super::dates::FUTURE_DATED;
use super::dates::Lookback;
use super::rehearsals::{Needs, application_name, counted, counts, not_counted, shortfalls};
use crate::checks::{CheckKind, Codes, Context, Outcome};
use crate::finding::{Area, Finding, FindingCode};
use crate::model::{Kind, ScenarioTest};

pub(crate) const NO_APPLICATION_TO_TEST: FindingCode = FindingCode::new(
    Area::Escalation,
    "no-application-to-test",
    "The pack declares no application in scope, so no scenario test can cover one.",
    "List the applications in scope in the pack document.",
);

pub(crate) const APPLICATION_NOT_SCENARIO_TESTED: FindingCode = FindingCode::new(
    Area::Escalation,
    "application-not-scenario-tested",
    "An application in scope has no passed end-to-end scenario test with the LSP in the period asked.",
    "Run a scenario test for the application with the LSP and add its record.",
);

pub(crate) const SCENARIO_TEST_NOT_COUNTED: FindingCode = FindingCode::new(
    Area::Escalation,
    "scenario-test-not-counted",
    "A scenario test in the pack does not count (failed, too old, or without the LSP).",
    "The finding says why; run a new test if it cannot be corrected.",
);

/// Parameters of `scenario-tests-per-application`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioTestsPerApplication {
    /// How far back from the assessment start a test counts, in days.
    pub within_days: u32,
}

impl crate::checks::ParameterSchema for ScenarioTestsPerApplication {
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

impl CheckKind for ScenarioTestsPerApplication {
    const CODES: Codes = &[&[
        NO_APPLICATION_TO_TEST,
        APPLICATION_NOT_SCENARIO_TESTED,
        SCENARIO_TEST_NOT_COUNTED,
        FUTURE_DATED,
    ]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::ScenarioTest]
    }

    fn method(&self) -> String {
        format!(
            "For each application in the Pack's `applications_in_scope`, looks for a ScenarioTest \
             of it with `result: pass` and `end_to_end: true`, with the pack's LSP among the \
             participants (`party: lsp`, with the LSP's name as `organisation`), dated in the {} \
             days before the assessment start (or on it). Credit is the share of applications \
             covered.",
            self.within_days
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let mut future = Vec::new();
        let tests = counted::<ScenarioTest>(context, &mut future);
        let mut findings = Vec::new();
        let pack = context.pack;
        let applications = &pack.value.applications_in_scope;
        if applications.is_empty() {
            findings.push(Finding::new(
                NO_APPLICATION_TO_TEST,
                "the pack declares no application in scope, so no scenario test can cover one",
                Some(pack.at_key("/applications_in_scope")),
            ));
            findings.extend(future);
            return Outcome::fail(findings);
        }
        let lsp = pack.value.lsp.name.trim();
        let needs = Needs {
            lookback: Lookback::before_start(&context.window, self.within_days),
            lsp: Some(lsp),
        };
        let mut covered = 0u32;
        for (i, application) in applications.iter().enumerate() {
            let of_application = || tests.iter().filter(|t| t.value.application == *application);
            if of_application().any(|t| t.value.end_to_end && counts(&t.value.record, &needs)) {
                covered += 1;
                continue;
            }
            let reasons: Vec<_> = of_application()
                .map(|t| {
                    let mut why = shortfalls(&t.value.record, &needs);
                    if !t.value.end_to_end {
                        why.insert(0, "it was not run end to end (`end_to_end: true`)".into());
                    }
                    (t, why)
                })
                .collect();
            findings.push(Finding::new(
                APPLICATION_NOT_SCENARIO_TESTED,
                format!(
                    "{} has no passed end-to-end scenario test with {lsp} dated in {}",
                    application_name(context, application),
                    needs.lookback.describe()
                ),
                Some(pack.at(&format!("/applications_in_scope/{i}"))),
            ));
            findings.extend(
                reasons
                    .iter()
                    .map(|(test, why)| not_counted(SCENARIO_TEST_NOT_COUNTED, context, test, why)),
            );
        }
        findings.extend(future);
        let total = u32::try_from(applications.len()).unwrap_or(u32::MAX);
        Outcome::measured(
            100.0 * f64::from(covered) / f64::from(total),
            100.0,
            "%",
            findings,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::checks::test_support::{AS_OF, codes, complete_pack, place, run};

    const CHECK: ScenarioTestsPerApplication = ScenarioTestsPerApplication { within_days: 365 };

    #[test]
    fn the_complete_pack_covers_every_application() {
        let outcome = run(&CHECK, &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
        assert_eq!(
            outcome.measured.map(|m| (m.value, m.target)),
            Some((100.0, 100.0))
        );
    }

    #[test]
    fn credit_is_the_share_of_applications_covered() {
        let mut evidence = complete_pack();
        let pacs = evidence
            .scenario_tests
            .iter_mut()
            .find(|t| t.value.application == "pacs")
            .unwrap();
        pacs.value.end_to_end = false;
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Partial);
        assert_eq!(outcome.credit, 0.75);
        assert_eq!(
            codes(&outcome),
            [
                "application-not-scenario-tested",
                "scenario-test-not-counted"
            ]
        );
        assert_eq!(
            outcome.findings[0].message,
            "Picture Archiving and Communications System (PACS) has no passed end-to-end scenario \
             test with BT Health dated in the 365 days before the assessment start (2007-10-07 to \
             2008-10-06)"
        );
        assert_eq!(place(&outcome, 0), "pack.yaml:22");
        assert_eq!(
            outcome.findings[1].message,
            "the Picture Archiving and Communications System (PACS) scenario test of 2008-08-20 \
             does not count: it was not run end to end (`end_to_end: true`)"
        );
    }

    #[test]
    fn an_application_with_no_test_at_all_is_named() {
        let mut evidence = complete_pack();
        evidence
            .scenario_tests
            .retain(|t| t.value.application != "choose-and-book");
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(codes(&outcome), ["application-not-scenario-tested"]);
        assert!(
            outcome.findings[0]
                .message
                .starts_with("Choose and Book has no")
        );
    }
}
