//! `severity-targets`: every NPfIT severity is defined once, with response and
//! escalation targets that never loosen as incidents get more severe.
//!
//! Reads the `EscalationPlan`'s `severities`. Passes when each severity from 1
//! (most severe) to `highest` is defined exactly once, and, taking them in
//! order 1, 2, 3, …, `respond_within_minutes` and `escalate_within_minutes`
//! never decrease: a more severe incident never gets a slower target than a
//! less severe one. Equal targets are allowed. Findings name the missing or
//! repeated severity, or the pair of neighbouring severities whose targets
//! are the wrong way round (when a severity is missing, its neighbours are
//! compared with each other).
//!
//! A plan approved after the run date is future-dated and not counted (see
//! `escalation-plan`).

use serde::{Deserialize, Serialize};

use super::dates::FUTURE_DATED;
use super::escalation_plan::plan_in_force;
use crate::checks::{CheckKind, Codes, Context, Outcome};
use crate::finding::{Area, Finding, FindingCode};
use crate::model::{Kind, Severity};

pub(crate) const SEVERITY_UNDEFINED: FindingCode = FindingCode::new(
    Area::Escalation,
    "severity-undefined",
    "A severity the requirement asks for is not defined in the escalation plan.",
    "Define every severity from 1 to the highest asked.",
);

pub(crate) const SEVERITY_DEFINED_TWICE: FindingCode = FindingCode::new(
    Area::Escalation,
    "severity-defined-twice",
    "A severity is defined more than once in the escalation plan.",
    "Keep one definition of each severity.",
);

pub(crate) const SEVERITY_OUT_OF_RANGE: FindingCode = FindingCode::new(
    Area::Escalation,
    "severity-out-of-range",
    "The escalation plan defines a severity outside the range the requirement uses.",
    "Remove the severity, or renumber it within the range.",
);

pub(crate) const SEVERITY_TARGETS_LOOSEN: FindingCode = FindingCode::new(
    Area::Escalation,
    "severity-targets-loosen",
    "A more severe incident has a slower target than a less severe one.",
    "Make each severity's targets at least as fast as those of the severity below it.",
);

/// Parameters of `severity-targets`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeverityTargets {
    /// The least severe level that must be defined: severities 1 to `highest`.
    pub highest: u8,
}

impl crate::checks::ParameterSchema for SeverityTargets {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "highest": {
          "type": "integer",
          "minimum": 1,
          "maximum": 5,
          "description": "Severities 1 to this one must each be defined once."
        }
      },
      "required": ["highest"]
    }"#;
}

/// One of the two targets compared: its field, the verb used for it, and its value.
struct Target {
    field: &'static str,
    verb: &'static str,
    minutes: fn(&Severity) -> u32,
}

const TARGETS: [Target; 2] = [
    Target {
        field: "respond_within_minutes",
        verb: "responded to",
        minutes: |s| s.respond_within_minutes,
    },
    Target {
        field: "escalate_within_minutes",
        verb: "escalated",
        minutes: |s| s.escalate_within_minutes,
    },
];

impl CheckKind for SeverityTargets {
    const CODES: Codes = &[&[
        SEVERITY_UNDEFINED,
        SEVERITY_DEFINED_TWICE,
        SEVERITY_OUT_OF_RANGE,
        SEVERITY_TARGETS_LOOSEN,
        FUTURE_DATED,
    ]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::EscalationPlan]
    }

    fn method(&self) -> String {
        format!(
            "Looks at `severities` in the EscalationPlan: severities 1 to {} must each be defined \
             exactly once, and from severity 1 to severity {} neither `respond_within_minutes` nor \
             `escalate_within_minutes` may go down.",
            self.highest, self.highest
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let plan = match plan_in_force(context) {
            Ok(plan) => plan,
            Err(outcome) => return outcome,
        };
        let severities = &plan.value.severities;
        let mut findings = Vec::new();
        // The first definition of each level, in level order, with its index.
        let mut defined: Vec<(usize, &Severity)> = Vec::new();
        for level in 1..=self.highest {
            let mut found = severities
                .iter()
                .enumerate()
                .filter(|(_, s)| s.level == level);
            match found.next() {
                Some(first) => defined.push(first),
                None => findings.push(Finding::new(
                    SEVERITY_UNDEFINED,
                    format!(
                        "severity {level} is not defined; define every severity from 1 to {}",
                        self.highest
                    ),
                    Some(plan.at_key("/severities")),
                )),
            }
            for (i, _) in found {
                findings.push(Finding::new(
                    SEVERITY_DEFINED_TWICE,
                    format!("severity {level} is defined more than once; keep one definition"),
                    Some(plan.at(&format!("/severities/{i}/level"))),
                ));
            }
        }
        for (i, severity) in severities.iter().enumerate() {
            if severity.level == 0 || severity.level > self.highest {
                findings.push(Finding::new(
                    SEVERITY_OUT_OF_RANGE,
                    format!(
                        "severity {} is not one of the severities 1 to {}",
                        severity.level, self.highest
                    ),
                    Some(plan.at(&format!("/severities/{i}/level"))),
                ));
            }
        }
        for pair in defined.windows(2) {
            let [(i, more), (_, less)] = pair else {
                continue;
            };
            for target in &TARGETS {
                let (severe, milder) = ((target.minutes)(more), (target.minutes)(less));
                if severe > milder {
                    findings.push(Finding::new(
                        SEVERITY_TARGETS_LOOSEN,
                        format!(
                            "severity {} is {} within {severe} minutes but severity {} within \
                             {milder}: a more severe incident must not have a slower target",
                            more.level, target.verb, less.level
                        ),
                        Some(plan.at(&format!("/severities/{i}/{}", target.field))),
                    ));
                }
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

    const CHECK: SeverityTargets = SeverityTargets { highest: 5 };

    #[test]
    fn the_complete_pack_passes() {
        let outcome = run(&CHECK, &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
    }

    #[test]
    fn a_looser_target_for_a_worse_severity_names_the_pair() {
        let mut evidence = complete_pack();
        evidence.escalation_plans[0].value.severities[2].respond_within_minutes = 300;
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(codes(&outcome), ["severity-targets-loosen"]);
        assert_eq!(
            outcome.findings[0].message,
            "severity 3 is responded to within 300 minutes but severity 4 within 240: \
             a more severe incident must not have a slower target"
        );
        assert_eq!(place(&outcome, 0), "escalation/escalation-plan.yaml:25");
    }

    #[test]
    fn missing_and_repeated_severities_are_named() {
        let mut evidence = complete_pack();
        let severities = &mut evidence.escalation_plans[0].value.severities;
        severities[3].level = 2;
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(
            codes(&outcome),
            ["severity-defined-twice", "severity-undefined"]
        );
        assert_eq!(
            outcome.findings[1].message,
            "severity 4 is not defined; define every severity from 1 to 5"
        );
    }

    #[test]
    fn neighbours_of_a_missing_severity_are_compared() {
        let mut evidence = complete_pack();
        let severities = &mut evidence.escalation_plans[0].value.severities;
        severities.remove(3);
        severities[2].escalate_within_minutes = 2000;
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(
            codes(&outcome),
            ["severity-undefined", "severity-targets-loosen"]
        );
        assert!(
            outcome.findings[1].message.starts_with(
                "severity 3 is escalated within 2000 minutes but severity 5 within 1440"
            )
        );
    }
}
