//! `escalation-reachable`: every escalation level can be reached at any hour,
//! directly or through the plan's out-of-hours route.
//!
//! Reads the `EscalationPlan`. A level is reachable directly when its `hours`
//! are `24x7`; a level with limited hours, or with no `hours` at all, is not
//! (its hours are unknown). Such a level is still reachable when the plan has
//! an `out_of_hours` route with both a role and a phone number, which is used
//! outside each level's hours. Each level that cannot be reached around the
//! clock is a finding at its `hours` (or at the level, when it states none).
//!
//! A plan approved after the run date is future-dated and not counted (see
//! `escalation-plan`).

use serde::{Deserialize, Serialize};

use super::dates::FUTURE_DATED;
use super::escalation_plan::{level_name, plan_in_force};
use crate::checks::{CheckKind, Codes, Context, Outcome};
use crate::finding::{Area, Finding, FindingCode};
use crate::model::{Kind, OutOfHours};

pub(crate) const LEVEL_NOT_REACHABLE_24X7: FindingCode = FindingCode::new(
    Area::Escalation,
    "level-not-reachable-24x7",
    "An escalation level cannot be reached at all hours, and no out-of-hours route covers it.",
    "Make the level reachable 24x7, or add an `out_of_hours` route with a role and phone number.",
);

pub(crate) const OUT_OF_HOURS_ROUTE_INCOMPLETE: FindingCode = FindingCode::new(
    Area::Escalation,
    "out-of-hours-route-incomplete",
    "The plan's out-of-hours route lacks a role or a phone number.",
    "Give `out_of_hours` both a role and a phone number.",
);

/// Parameters of `escalation-reachable` (none).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EscalationReachable {}

impl crate::checks::ParameterSchema for EscalationReachable {
    const SCHEMA: &'static str = "{}";
}

fn route_complete(route: &OutOfHours) -> bool {
    !route.role.trim().is_empty() && !route.phone.trim().is_empty()
}

impl CheckKind for EscalationReachable {
    const CODES: Codes = &[&[
        LEVEL_NOT_REACHABLE_24X7,
        OUT_OF_HOURS_ROUTE_INCOMPLETE,
        FUTURE_DATED,
    ]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::EscalationPlan]
    }

    fn method(&self) -> String {
        "Looks at the levels of the EscalationPlan: each must be reachable around the clock (`hours: 24x7`, or windows covering every minute of every day), unless the plan \
         gives an `out_of_hours` route (a role and a phone number) for the hours a level is closed. \
         A level that states no hours is not taken to be available 24x7."
            .to_string()
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let plan = match plan_in_force(context) {
            Ok(plan) => plan,
            Err(outcome) => return outcome,
        };
        let route = plan.value.out_of_hours.as_ref();
        if route.is_some_and(route_complete) {
            return Outcome::pass(vec![]);
        }
        let mut findings = Vec::new();
        if route.is_some() {
            findings.push(Finding::new(
                OUT_OF_HOURS_ROUTE_INCOMPLETE,
                "the plan's `out_of_hours` route needs both a role and a phone number",
                Some(plan.at("/out_of_hours")),
            ));
        }
        let remedy = if route.is_some() {
            "and the out-of-hours route is incomplete"
        } else {
            "and the plan has no `out_of_hours` route"
        };
        for (i, level) in plan.value.levels.iter().enumerate() {
            match &level.hours {
                Some(hours) if hours.is_24x7() => {}
                Some(_) => findings.push(Finding::new(
                    LEVEL_NOT_REACHABLE_24X7,
                    format!(
                        "{} is available only at set hours, {remedy}; it cannot be reached at other times",
                        level_name(level)
                    ),
                    Some(plan.at(&format!("/levels/{i}/hours"))),
                )),
                None => findings.push(Finding::new(
                    LEVEL_NOT_REACHABLE_24X7,
                    format!(
                        "{} states no `hours`, so it is not known to be reachable 24x7, {remedy}",
                        level_name(level)
                    ),
                    Some(plan.at(&format!("/levels/{i}"))),
                )),
            }
        }
        Outcome::pass_if(findings.is_empty(), findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::checks::test_support::{AS_OF, codes, complete_pack, place, run};

    #[test]
    fn the_out_of_hours_route_covers_levels_with_set_hours() {
        let outcome = run(&EscalationReachable {}, &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
    }

    #[test]
    fn without_a_route_each_level_with_set_or_unknown_hours_is_named() {
        let mut evidence = complete_pack();
        let plan = &mut evidence.escalation_plans[0].value;
        plan.out_of_hours = None;
        plan.levels[0].hours = None;
        let outcome = run(&EscalationReachable {}, &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(codes(&outcome), ["level-not-reachable-24x7"; 3]);
        assert!(
            outcome.findings[0]
                .message
                .starts_with("level 1 (Harbourne Valley IT Service Desk) states no `hours`")
        );
        assert_eq!(
            outcome.findings[1].message,
            "level 2 (Harbourne Valley IT Second-line Support) is available only at set hours, \
             and the plan has no `out_of_hours` route; it cannot be reached at other times"
        );
        assert_eq!(place(&outcome, 1), "escalation/escalation-plan.yaml:55");
    }

    #[test]
    fn a_blank_route_does_not_count() {
        let mut evidence = complete_pack();
        if let Some(route) = evidence.escalation_plans[0].value.out_of_hours.as_mut() {
            route.phone = " ".into();
        }
        let outcome = run(&EscalationReachable {}, &evidence, AS_OF);
        assert_eq!(
            codes(&outcome),
            [
                "out-of-hours-route-incomplete",
                "level-not-reachable-24x7",
                "level-not-reachable-24x7"
            ]
        );
    }
}
