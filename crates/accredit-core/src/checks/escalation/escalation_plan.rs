//! `escalation-plan`: an approved escalation plan that reaches the LSP and the
//! national service desk, with a way to contact every level.
//!
//! Reads the `EscalationPlan` and the Pack's `lsp.name`. Passes when:
//! - the plan is approved: `approved_by` and `approved_on` are both written,
//!   and `approved_on` is not after the assessment start (an approval dated
//!   after the run date is future-dated: the plan is not counted at all);
//! - it has at least `min_levels` levels;
//! - one level has `party: lsp` and is named after the pack's LSP (ignoring
//!   case and extra spaces), and one has `party: national`;
//! - every level has a `contact` with a phone number and an e-mail address.
//!
//! Each shortfall is a finding at the node concerned (the level, its contact,
//! or the approval field), naming the level and what is missing.

use serde::{Deserialize, Serialize};

use super::dates::FUTURE_DATED;
use super::dates::future_dated;
use super::rehearsals::names_lsp;
use crate::checks::{CheckKind, Codes, Context, Outcome, first};
use crate::evidence::Located;
use crate::finding::{Area, Finding, FindingCode};
use crate::model::{EscalationLevel, EscalationPlan, Kind, Party};

pub(crate) const PLAN_NOT_APPROVED: FindingCode = FindingCode::new(
    Area::Escalation,
    "plan-not-approved",
    "The escalation plan does not say who approved it or when.",
    "Write `approved_by` and `approved_on` in the escalation plan.",
);

pub(crate) const PLAN_APPROVED_AFTER_START: FindingCode = FindingCode::new(
    Area::Escalation,
    "plan-approved-after-start",
    "The escalation plan was approved after the assessment start; it must be in force before.",
    "Approve the plan before the assessment starts.",
);

pub(crate) const TOO_FEW_ESCALATION_LEVELS: FindingCode = FindingCode::new(
    Area::Escalation,
    "too-few-escalation-levels",
    "The escalation plan has fewer levels than the requirement asks.",
    "Add the missing escalation levels.",
);

pub(crate) const NO_LSP_LEVEL: FindingCode = FindingCode::new(
    Area::Escalation,
    "no-lsp-level",
    "No escalation level is the Local Service Provider (`party: lsp`).",
    "Add a level for the LSP with `party: lsp`.",
);

pub(crate) const LSP_LEVEL_MISNAMED: FindingCode = FindingCode::new(
    Area::Escalation,
    "lsp-level-misnamed",
    "The LSP escalation level does not name the pack's LSP.",
    "Name the pack's LSP in the level's `name`.",
);

pub(crate) const NO_NATIONAL_LEVEL: FindingCode = FindingCode::new(
    Area::Escalation,
    "no-national-level",
    "No escalation level is the national service desk (`party: national`).",
    "Add a level for the national service desk with `party: national`.",
);

pub(crate) const LEVEL_CONTACT_MISSING: FindingCode = FindingCode::new(
    Area::Escalation,
    "level-contact-missing",
    "An escalation level has no contact phone number or e-mail address.",
    "Add the level's `contact` phone and e-mail.",
);

/// Parameters of `escalation-plan`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EscalationPlanApproved {
    /// Fewest escalation levels the plan must have.
    pub min_levels: usize,
}

impl crate::checks::ParameterSchema for EscalationPlanApproved {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "min_levels": {
          "type": "integer",
          "minimum": 1,
          "maximum": 100,
          "description": "Fewest escalation levels the plan must have."
        }
      },
      "required": ["min_levels"]
    }"#;
}

/// The pack's escalation plan, if it counts: `Err` holds the outcome to
/// return instead (`missing` without a plan, `fail` when the plan's approval
/// is dated after the run date). Every check that reads the plan uses this.
pub(crate) fn plan_in_force<'a>(
    context: &Context<'a>,
) -> Result<&'a Located<EscalationPlan>, Outcome> {
    let Some(plan) = first(&context.evidence.escalation_plans) else {
        return Err(Outcome::missing(vec![]));
    };
    if let Some(approved_on) = plan.value.control.approved_on
        && let Some(finding) = future_dated(
            context,
            approved_on,
            "the escalation plan's approval",
            plan.at("/approved_on"),
        )
    {
        return Err(Outcome::fail(vec![finding]));
    }
    Ok(plan)
}

/// A level in words: "level 3 (BT Health)".
pub(crate) fn level_name(level: &EscalationLevel) -> String {
    format!("level {} ({})", level.level, level.name.trim())
}

fn written(value: Option<&str>) -> bool {
    value.is_some_and(|v| !v.trim().is_empty())
}

impl CheckKind for EscalationPlanApproved {
    const CODES: Codes = &[&[
        PLAN_NOT_APPROVED,
        PLAN_APPROVED_AFTER_START,
        TOO_FEW_ESCALATION_LEVELS,
        NO_LSP_LEVEL,
        LSP_LEVEL_MISNAMED,
        NO_NATIONAL_LEVEL,
        LEVEL_CONTACT_MISSING,
        FUTURE_DATED,
    ]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::EscalationPlan]
    }

    fn method(&self) -> String {
        format!(
            "Looks at the EscalationPlan: it must be approved (`approved_by` and `approved_on`, \
             approved on or before the assessment start), have at least {} levels, including one \
             with `party: lsp` named after the pack's LSP and one with `party: national`, and give \
             every level a contact phone number and e-mail address.",
            self.min_levels
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let plan = match plan_in_force(context) {
            Ok(plan) => plan,
            Err(outcome) => return outcome,
        };
        let lsp = context.pack.value.lsp.name.trim();
        let value = &plan.value;
        let mut findings = Vec::new();

        if !written(value.control.approved_by.as_deref()) {
            findings.push(Finding::new(
                PLAN_NOT_APPROVED,
                "the escalation plan does not say who approved it (`approved_by`)",
                Some(plan.at("/approved_by")),
            ));
        }
        match value.control.approved_on {
            None => findings.push(Finding::new(
                PLAN_NOT_APPROVED,
                "the escalation plan does not say when it was approved (`approved_on`)",
                Some(plan.at("/approved_on")),
            )),
            Some(on) if on > context.window.start => findings.push(Finding::new(
                PLAN_APPROVED_AFTER_START,
                format!(
                    "the escalation plan is approved on {on}, after the assessment start {}; it must be approved before the assessment begins",
                    context.window.start
                ),
                Some(plan.at("/approved_on")),
            )),
            Some(_) => {}
        }

        if value.levels.len() < self.min_levels {
            findings.push(Finding::new(
                TOO_FEW_ESCALATION_LEVELS,
                format!(
                    "the escalation plan has {} level{}; it needs at least {}",
                    value.levels.len(),
                    if value.levels.len() == 1 { "" } else { "s" },
                    self.min_levels
                ),
                Some(plan.at_key("/levels")),
            ));
        }

        let lsp_levels: Vec<(usize, &EscalationLevel)> = value
            .levels
            .iter()
            .enumerate()
            .filter(|(_, l)| l.party == Party::Lsp)
            .collect();
        if lsp_levels.is_empty() {
            findings.push(Finding::new(
                NO_LSP_LEVEL,
                format!("no escalation level has `party: lsp`; add a level for {lsp}"),
                Some(plan.at_key("/levels")),
            ));
        } else if !lsp_levels.iter().any(|(_, l)| names_lsp(&l.name, lsp)) {
            for (i, level) in &lsp_levels {
                findings.push(Finding::new(
                    LSP_LEVEL_MISNAMED,
                    format!(
                        "level {} has `party: lsp` and is named `{}`, which does not name the pack's LSP: expected a name containing `{lsp}`",
                        level.level,
                        level.name.trim()
                    ),
                    Some(plan.at(&format!("/levels/{i}/name"))),
                ));
            }
        }
        if !value.levels.iter().any(|l| l.party == Party::National) {
            findings.push(Finding::new(
                NO_NATIONAL_LEVEL,
                "no escalation level has `party: national`; add the national service desk",
                Some(plan.at_key("/levels")),
            ));
        }

        for (i, level) in value.levels.iter().enumerate() {
            let contact = level.contact.as_ref();
            let pointer = if contact.is_some() {
                format!("/levels/{i}/contact")
            } else {
                format!("/levels/{i}")
            };
            if !written(contact.and_then(|c| c.phone.as_deref())) {
                findings.push(Finding::new(
                    LEVEL_CONTACT_MISSING,
                    format!("{} has no contact phone number", level_name(level)),
                    Some(plan.at_key(&pointer)),
                ));
            }
            if !written(contact.and_then(|c| c.email.as_deref())) {
                findings.push(Finding::new(
                    LEVEL_CONTACT_MISSING,
                    format!("{} has no contact e-mail address", level_name(level)),
                    Some(plan.at_key(&pointer)),
                ));
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
    use jiff::civil::date;

    const CHECK: EscalationPlanApproved = EscalationPlanApproved { min_levels: 3 };

    #[test]
    fn the_complete_pack_passes() {
        let outcome = run(&CHECK, &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
    }

    #[test]
    fn each_missing_contact_is_named_with_its_level_and_line() {
        let mut evidence = complete_pack();
        let plan = &mut evidence.escalation_plans[0].value;
        if let Some(contact) = plan.levels[1].contact.as_mut() {
            contact.email = None;
        }
        plan.levels[3].contact = None;
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(
            codes(&outcome),
            [
                "level-contact-missing",
                "level-contact-missing",
                "level-contact-missing"
            ]
        );
        assert_eq!(
            outcome.findings[0].message,
            "level 2 (Harbourne Valley IT Second-line Support) has no contact e-mail address"
        );
        assert_eq!(place(&outcome, 0), "escalation/escalation-plan.yaml:50");
        assert!(
            outcome.findings[1]
                .message
                .starts_with("level 4 (NHS Connecting")
        );
        assert_eq!(place(&outcome, 1), "escalation/escalation-plan.yaml:66");
    }

    #[test]
    fn the_lsp_level_must_name_the_packs_lsp() {
        let mut evidence = complete_pack();
        evidence.escalation_plans[0].value.levels[2].name = "CSC".into();
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(codes(&outcome), ["lsp-level-misnamed"]);
        assert_eq!(
            outcome.findings[0].message,
            "level 3 has `party: lsp` and is named `CSC`, which does not name the pack's LSP: expected a name containing `BT Health`"
        );
        evidence.escalation_plans[0].value.levels[2].name = "BT Healthcare".into();
        assert_eq!(
            codes(&run(&CHECK, &evidence, AS_OF)),
            ["lsp-level-misnamed"]
        );
        for name in [" bt health ", "BT Health Ltd", "BT Health LSP service desk"] {
            evidence.escalation_plans[0].value.levels[2].name = name.into();
            assert_eq!(run(&CHECK, &evidence, AS_OF).status, Status::Pass, "{name}");
        }
    }

    #[test]
    fn approval_must_be_written_and_not_after_the_start() {
        let mut evidence = complete_pack();
        evidence.escalation_plans[0].value.control.approved_by = None;
        evidence.escalation_plans[0].value.control.approved_on = Some(date(2008, 10, 7));
        let outcome = run(&CHECK, &evidence, date(2008, 11, 1));
        assert_eq!(
            codes(&outcome),
            ["plan-not-approved", "plan-approved-after-start"]
        );
    }

    #[test]
    fn a_plan_approved_after_the_run_date_is_not_counted() {
        let mut evidence = complete_pack();
        evidence.escalation_plans[0].value.control.approved_on = Some(date(2008, 9, 15));
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(codes(&outcome), ["future-dated-evidence"]);
        assert_eq!(place(&outcome, 0), "escalation/escalation-plan.yaml:6");
    }

    #[test]
    fn too_few_levels_and_no_national_level() {
        let mut evidence = complete_pack();
        let plan = &mut evidence.escalation_plans[0].value;
        plan.levels
            .retain(|l| l.party == Party::Lsp || l.party == Party::Local);
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(
            codes(&outcome),
            ["too-few-escalation-levels", "no-national-level"]
        );
        assert_eq!(
            outcome.findings[0].message,
            "the escalation plan has 2 levels; it needs at least 3"
        );
    }
}
