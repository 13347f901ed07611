//! From the ruleset as written to a checked [`Ruleset`]: every problem a
//! schema cannot find, all of them at once, then what the checks share.

use std::collections::BTreeSet;

use super::problem::{ProblemKind, RulesetProblem};
use super::raw::{RawRequirement, RawRuleset};
use super::{Requirement, Ruleset};
use crate::checks::SharedParams;

impl RawRuleset {
    /// Checks what the schema cannot (unique ids, known domains, weights
    /// that can form a score, check parameters, training look-backs that
    /// agree), reporting every problem, each at its node; else the checked
    /// ruleset with what its checks share derived. `sha256` and `source`
    /// are left empty for the loader to set.
    pub fn validate(self) -> Result<Ruleset, Vec<RulesetProblem>> {
        let mut problems = Vec::new();
        check_domains(&self, &mut problems);
        check_requirements(&self, &mut problems);
        check_training_lookbacks(&self, &mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        let shared = SharedParams::derive(
            self.applications,
            self.requirements.iter().map(|r| (r.id.as_str(), &r.check)),
        );
        Ok(Ruleset {
            id: self.id,
            version: self.version,
            title: self.title,
            description: self.description,
            window_days: self.window_days,
            ready_threshold: self.ready_threshold,
            plan_lead_days: self.plan_lead_days,
            domains: self.domains,
            requirements: self.requirements.into_iter().map(validated).collect(),
            sha256: String::new(),
            source: String::new(),
            shared,
        })
    }
}

fn validated(raw: RawRequirement) -> Requirement {
    Requirement {
        waivable: raw.waivable.unwrap_or(!raw.mandatory),
        id: raw.id,
        domain: raw.domain,
        title: raw.title,
        mandatory: raw.mandatory,
        weight: raw.weight,
        description: raw.description,
        remediation: raw.remediation,
        check: raw.check,
    }
}

fn check_domains(ruleset: &RawRuleset, problems: &mut Vec<RulesetProblem>) {
    let mut ids = BTreeSet::new();
    for (i, domain) in ruleset.domains.iter().enumerate() {
        if !ids.insert(domain.id.as_str()) {
            problems.push(RulesetProblem::new(
                ProblemKind::DuplicateId,
                format!("/domains/{i}/id"),
                format!("domain id `{}` is used twice", domain.id),
            ));
        }
        if domain.weight < 0.0 {
            problems.push(RulesetProblem::new(
                ProblemKind::BadWeight,
                format!("/domains/{i}/weight"),
                format!("domain {} has a negative weight", domain.id),
            ));
        }
    }
    if !ruleset.domains.is_empty() && ruleset.domains.iter().all(|d| d.weight <= 0.0) {
        problems.push(RulesetProblem::new(
            ProblemKind::BadWeight,
            "/domains",
            "every domain weight is zero, so no score can be formed",
        ));
    }
    for (i, domain) in ruleset.domains.iter().enumerate() {
        let mut weights = ruleset
            .requirements
            .iter()
            .filter(|r| r.domain == domain.id)
            .map(|r| r.weight)
            .peekable();
        if weights.peek().is_some() && weights.all(|w| w <= 0.0) {
            problems.push(RulesetProblem::new(
                ProblemKind::BadWeight,
                format!("/domains/{i}"),
                format!("every requirement of domain {} has weight zero", domain.id),
            ));
        }
    }
}

fn check_requirements(ruleset: &RawRuleset, problems: &mut Vec<RulesetProblem>) {
    let domains: BTreeSet<&str> = ruleset.domains.iter().map(|d| d.id.as_str()).collect();
    let mut ids = BTreeSet::new();
    for (i, requirement) in ruleset.requirements.iter().enumerate() {
        let here = |field: &str| format!("/requirements/{i}/{field}");
        if !ids.insert(requirement.id.as_str()) {
            problems.push(RulesetProblem::new(
                ProblemKind::DuplicateId,
                here("id"),
                format!("requirement id `{}` is used twice", requirement.id),
            ));
        }
        if !domains.contains(requirement.domain.as_str()) {
            problems.push(RulesetProblem::new(
                ProblemKind::UnknownDomain,
                here("domain"),
                format!(
                    "`{}` is not one of the ruleset's domains",
                    requirement.domain
                ),
            ));
        }
        if requirement.weight < 0.0 {
            problems.push(RulesetProblem::new(
                ProblemKind::BadWeight,
                here("weight"),
                format!("{} has a negative weight", requirement.id),
            ));
        }
        for problem in requirement.check.parameter_problems() {
            problems.push(RulesetProblem::new(
                ProblemKind::BadParameter,
                here(&format!("check/{}", problem.field)),
                problem.message,
            ));
        }
    }
}

/// The training log is analysed once per assessment, counting from one
/// look-back, so every training requirement must use the same `max_age_days`.
fn check_training_lookbacks(ruleset: &RawRuleset, problems: &mut Vec<RulesetProblem>) {
    let shared = SharedParams::derive(
        vec![],
        ruleset
            .requirements
            .iter()
            .map(|r| (r.id.as_str(), &r.check)),
    );
    let Some(first) = shared.training.first() else {
        return;
    };
    for other in &shared.training[1..] {
        if other.max_age_days == first.max_age_days {
            continue;
        }
        let i = ruleset
            .requirements
            .iter()
            .position(|r| r.id == other.requirement)
            .unwrap_or(0);
        problems.push(RulesetProblem::new(
            ProblemKind::TrainingLookbacksDiffer,
            format!("/requirements/{i}/check/max_age_days"),
            format!(
                "{} counts training from {} days before the start, but {} from {}; the training log is read once, so give every training requirement the same `max_age_days`",
                other.requirement, other.max_age_days, first.requirement, first.max_age_days
            ),
        ));
    }
}
