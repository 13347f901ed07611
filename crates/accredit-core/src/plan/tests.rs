//! Plan tests on overlays of the complete pack.

use jiff::civil::date;

use super::*;
use crate::assess::assess;
use crate::checks::test_support::{AS_OF, complete_pack, procedure_mut};

/// The plan's item for the requirement `id`.
fn item<'a>(plan: &'a Plan, id: &str) -> &'a PlanItem {
    (plan.items.iter())
        .find(|i| i.requirement == id)
        .unwrap_or_else(|| panic!("the plan has no item for {id}"))
}

#[test]
fn gaps_become_items_with_owner_action_and_due() {
    let mut evidence = complete_pack();
    let procedure = procedure_mut(&mut evidence, "procedures/incident.md");
    procedure.value.front.control.review_due = Some(date(2008, 11, 1));
    let owner = procedure
        .value
        .front
        .control
        .owner
        .clone()
        .expect("an owner");
    let ruleset = Ruleset::builtin();
    let assessment = assess(&evidence, &ruleset, AS_OF).unwrap();
    let plan = plan(&evidence, &ruleset, &assessment);
    assert_eq!(plan.items.len(), 1);
    let item = &plan.items[0];
    assert_eq!((item.rank, item.requirement.as_str()), (1, "DOC-01"));
    assert!(item.blocking);
    assert_eq!(item.owner, owner);
    assert_eq!(item.owner_source, OwnerSource::Document);
    // 2008-10-06 less 14 days.
    assert_eq!(item.due, date(2008, 9, 22));
    assert_eq!(item.files, vec!["procedures/incident.md".to_string()]);
    assert!(
        item.action.contains("procedures/incident.md:10:13"),
        "{}",
        item.action
    );
    assert!(item.action.contains("2008-11-01"), "{}", item.action);
}

#[test]
fn the_owner_falls_back_to_the_contact_then_unassigned_and_due_to_the_run_date() {
    let mut evidence = complete_pack();
    evidence.rotas[0].value.period.to = date(2008, 10, 31);
    let ruleset = Ruleset::builtin();
    let late = date(2008, 9, 30);
    let assessment = assess(&evidence, &ruleset, late).unwrap();
    let made = plan(&evidence, &ruleset, &assessment);
    let cover = item(&made, "COV-02");
    assert_eq!(
        (cover.owner.as_str(), cover.owner_source),
        ("Helen Marsh", OwnerSource::Contact)
    );
    // 2008-09-22 has passed on 2008-09-30.
    assert_eq!(cover.due, late);
    if let Some(pack) = evidence.pack.as_mut() {
        pack.value.contact = None;
    }
    let made = plan(&evidence, &ruleset, &assessment);
    let cover = item(&made, "COV-02");
    assert_eq!(
        (cover.owner.as_str(), cover.owner_source),
        ("unassigned", OwnerSource::Unassigned)
    );
    // Mandatory first: the order is the assessment's fix-first order.
    let order: Vec<&str> = made.items.iter().map(|i| i.requirement.as_str()).collect();
    assert_eq!(
        order,
        assessment
            .gaps
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_ready_pack_has_an_empty_plan() {
    let evidence = complete_pack();
    let ruleset = Ruleset::builtin();
    let assessment = assess(&evidence, &ruleset, AS_OF).unwrap();
    assert!(plan(&evidence, &ruleset, &assessment).items.is_empty());
}
