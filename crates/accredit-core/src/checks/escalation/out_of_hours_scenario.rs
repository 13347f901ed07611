//! `out-of-hours-scenario`: at least one scenario test was run out of hours.
//!
//! Reads the `ScenarioTest` documents. A test ran out of hours when its first
//! step (`steps[0].at`) is at or after `from` or before `to` the next morning,
//! in local time (`from` included, `to` not: with 18:00 and 08:00, a test
//! starting at 18:00 counts and one starting at 08:00 does not). A local
//! `HH:MM` is taken as written; an RFC 3339 instant is converted to
//! Europe/London time first, so `2008-08-20T20:30:00Z` is 21:30 in summer.
//! Any result counts — the requirement asks that the test was *run* out of
//! hours; SCN-01 asks that tests pass. Tests dated after the run date are
//! future-dated: reported, not counted. When no test qualifies, each test is
//! a finding giving the local time it started (or saying it has no steps).

use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

use super::dates::FUTURE_DATED;
use super::rehearsals::{Rehearsal, counted};
use crate::checks::{CheckKind, Codes, Context, Outcome};
use crate::finding::{Area, Finding, FindingCode};
use crate::model::{ClockTime, DEFAULT_TIMEZONE, Kind, ScenarioTest};

pub(crate) const NO_OUT_OF_HOURS_SCENARIO: FindingCode = FindingCode::new(
    Area::Escalation,
    "no-out-of-hours-scenario",
    "No passed scenario test ran out of hours.",
    "Run a scenario test out of hours and add its record with timed steps.",
);

pub(crate) const SCENARIO_TEST_IN_CORE_HOURS: FindingCode = FindingCode::new(
    Area::Escalation,
    "scenario-test-in-core-hours",
    "A scenario test started within core hours, so it does not show out-of-hours working.",
    "Nothing to fix for this test; run another out of hours.",
);

pub(crate) const SCENARIO_TEST_WITHOUT_STEPS: FindingCode = FindingCode::new(
    Area::Escalation,
    "scenario-test-without-steps",
    "A scenario test has no steps, so when it ran is not known.",
    "Record the test's steps with their times.",
);

pub(crate) const STEP_TIME_UNREADABLE: FindingCode = FindingCode::new(
    Area::Escalation,
    "step-time-unreadable",
    "A scenario test's first step time is neither a time HH:MM nor an instant with an offset.",
    "Write the step's `at` as `HH:MM` or an instant such as `2008-10-06T22:15:00+01:00`.",
);

/// Parameters of `out-of-hours-scenario`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutOfHoursScenario {
    /// Local time at which out of hours begins (e.g. `18:00`).
    pub from: ClockTime,
    /// Local time at which out of hours ends (e.g. `08:00`, the next morning).
    pub to: ClockTime,
}

impl crate::checks::ParameterSchema for OutOfHoursScenario {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "from": {
          "type": "string",
          "pattern": "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$",
          "description": "Local time at which out of hours begins, HH:MM."
        },
        "to": {
          "type": "string",
          "pattern": "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$",
          "description": "Local time at which out of hours ends (the next morning when before `from`), HH:MM."
        }
      },
      "required": ["from", "to"]
    }"#;
}

/// The local time of day of a step's `at`, as minutes since midnight:
/// `HH:MM` as written, an RFC 3339 instant converted to `zone`.
fn local_minutes(at: &str, zone: &TimeZone) -> Option<i32> {
    if let Some(time) = ClockTime::parse(at.trim()) {
        return Some(time.minutes());
    }
    let instant: Timestamp = at.trim().parse().ok()?;
    let time = instant.to_zoned(zone.clone()).time();
    Some(i32::from(time.hour()) * 60 + i32::from(time.minute()))
}

fn clock(minutes: i32) -> String {
    format!("{:02}:{:02}", minutes / 60 % 24, minutes % 60)
}

impl OutOfHoursScenario {
    /// Whether a local time (minutes since midnight) is out of hours.
    fn is_out_of_hours(&self, minutes: i32) -> bool {
        let (from, to) = (self.from.minutes(), self.to.minutes());
        if from > to {
            minutes >= from || minutes < to
        } else {
            from <= minutes && minutes < to
        }
    }
}

impl CheckKind for OutOfHoursScenario {
    const CODES: Codes = &[&[
        NO_OUT_OF_HOURS_SCENARIO,
        SCENARIO_TEST_IN_CORE_HOURS,
        SCENARIO_TEST_WITHOUT_STEPS,
        STEP_TIME_UNREADABLE,
        FUTURE_DATED,
    ]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::ScenarioTest]
    }

    fn method(&self) -> String {
        format!(
            "Looks at the first step of each ScenarioTest: at least one must start between {} and \
             {} local time ({DEFAULT_TIMEZONE}; `{}` counts, `{}` does not). Any result counts.",
            self.from, self.to, self.from, self.to
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let mut future = Vec::new();
        let tests = counted::<ScenarioTest>(context, &mut future);
        let zone = TimeZone::get(DEFAULT_TIMEZONE).unwrap_or(TimeZone::UTC);
        let mut in_hours = Vec::new();
        for test in &tests {
            let what = test.value.describe(context);
            let Some(first) = test.value.record.steps.first() else {
                in_hours.push(Finding::new(
                    SCENARIO_TEST_WITHOUT_STEPS,
                    format!("{what} has no steps, so when it ran is not known"),
                    Some(test.at("/date")),
                ));
                continue;
            };
            match local_minutes(&first.at, &zone) {
                Some(minutes) if self.is_out_of_hours(minutes) => {
                    return Outcome::pass(future);
                }
                Some(minutes) => in_hours.push(Finding::new(
                    SCENARIO_TEST_IN_CORE_HOURS,
                    format!(
                        "{what} started at {}, not between {} and {}",
                        clock(minutes),
                        self.from,
                        self.to
                    ),
                    Some(test.at("/steps/0/at")),
                )),
                None => in_hours.push(Finding::new(
                    STEP_TIME_UNREADABLE,
                    format!(
                        "{what} starts at \"{}\", which is neither a time HH:MM nor an instant with an offset",
                        first.at
                    ),
                    Some(test.at("/steps/0/at")),
                )),
            }
        }
        let mut findings = vec![Finding::new(
            NO_OUT_OF_HOURS_SCENARIO,
            format!(
                "no scenario test started between {} and {}; run one out of hours with the LSP",
                self.from, self.to
            ),
            None,
        )];
        findings.extend(in_hours);
        findings.extend(future);
        Outcome::fail(findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::checks::test_support::{AS_OF, codes, complete_pack, place, run};

    fn check() -> OutOfHoursScenario {
        OutOfHoursScenario {
            from: ClockTime::parse("18:00").unwrap(),
            to: ClockTime::parse("08:00").unwrap(),
        }
    }

    #[test]
    fn the_night_pacs_scenario_passes() {
        let outcome = run(&check(), &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
    }

    #[test]
    fn boundaries_and_instants_are_read_in_local_time() {
        let london = TimeZone::get("Europe/London").unwrap();
        let c = check();
        let ooh = |at: &str| local_minutes(at, &london).map(|m| c.is_out_of_hours(m));
        assert_eq!(ooh("18:00"), Some(true));
        assert_eq!(ooh("07:59"), Some(true));
        assert_eq!(ooh("08:00"), Some(false));
        assert_eq!(ooh("17:59"), Some(false));
        assert_eq!(ooh("24:00"), Some(true));
        // 17:30 UTC is 18:30 in British Summer Time, 17:30 in winter.
        assert_eq!(ooh("2008-08-20T17:30:00Z"), Some(true));
        assert_eq!(ooh("2008-12-03T17:30:00Z"), Some(false));
        assert_eq!(ooh("2008-06-18T02:10:00+01:00"), Some(true));
        assert_eq!(ooh("half past nine"), None);
    }

    #[test]
    fn daytime_tests_are_each_named_with_their_start() {
        let mut evidence = complete_pack();
        for test in &mut evidence.scenario_tests {
            if test.value.application == "pacs" {
                test.value.record.steps[0].at = "2008-08-20T09:30:00+01:00".into();
            }
        }
        let outcome = run(&check(), &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(
            codes(&outcome),
            [
                "no-out-of-hours-scenario",
                "scenario-test-in-core-hours",
                "scenario-test-in-core-hours",
                "scenario-test-in-core-hours",
                "scenario-test-in-core-hours"
            ]
        );
        let pacs = outcome.findings.last().unwrap();
        assert_eq!(
            pacs.message,
            "the Picture Archiving and Communications System (PACS) scenario test of 2008-08-20 \
             started at 09:30, not between 18:00 and 08:00"
        );
        assert_eq!(
            place(&outcome, 4),
            "tests/scenarios/2008-08-20-pacs-out-of-hours.yaml:25"
        );
    }
}
