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
        check_applications(&self, &mut problems);
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

fn check_applications(ruleset: &RawRuleset, problems: &mut Vec<RulesetProblem>) {
    let mut ids = BTreeSet::new();
    for (i, application) in ruleset.applications.iter().enumerate() {
        if !ids.insert(application.id.as_str()) {
            problems.push(RulesetProblem::new(
                ProblemKind::DuplicateId,
                format!("/applications/{i}/id"),
                format!("application id `{}` is used twice", application.id),
            ));
        }
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

#[cfg(test)]
mod tests {
    use super::super::{BUILTIN_FILE, BUILTIN_TEXT, load_ruleset};
    use super::*;
    use crate::yaml::{YamlLimits, parse_document};

    fn raw(text: &str) -> RawRuleset {
        let document = parse_document(text, 1, YamlLimits::default()).unwrap();
        serde_json::from_value(document.value).unwrap()
    }

    #[test]
    fn every_problem_is_returned_with_its_kind_and_node() {
        let text = include_str!("../../../../fixtures/rulesets/bad-many-problems.yaml");
        let problems = raw(text).validate().unwrap_err();
        let found: Vec<(ProblemKind, &str)> = problems
            .iter()
            .map(|p| (p.kind, p.pointer.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (ProblemKind::DuplicateId, "/applications/4/id"),
                (ProblemKind::DuplicateId, "/requirements/1/id"),
                (ProblemKind::UnknownDomain, "/requirements/4/domain"),
                (
                    ProblemKind::BadParameter,
                    "/requirements/6/check/expression"
                ),
                (ProblemKind::BadParameter, "/requirements/6/check/message"),
                (ProblemKind::BadParameter, "/requirements/7/check/evidence"),
                (
                    ProblemKind::TrainingLookbacksDiffer,
                    "/requirements/9/check/max_age_days"
                ),
            ]
        );
        let codes: Vec<&str> = problems.iter().map(|p| p.kind.code().as_str()).collect();
        assert_eq!(
            codes,
            [
                "duplicate-id",
                "duplicate-id",
                "schema",
                "bad-parameter",
                "bad-parameter",
                "bad-parameter",
                "bad-parameter"
            ]
        );
    }

    #[test]
    fn what_the_checks_share_is_derived_from_the_requirements() {
        let text = BUILTIN_TEXT
            .replace("      min_staff: 1\n", "      min_staff: 2\n")
            .replace("      pair_staff: 2\n", "      pair_staff: 3\n")
            .replace("      core_end: \"18:00\"\n", "      core_end: \"17:30\"\n");
        let ruleset = load_ruleset(&text, BUILTIN_FILE).unwrap();
        let shared = ruleset.shared();
        assert_eq!((shared.cover.min_staff, shared.cover.pair_staff), (2, 3));
        assert_eq!(
            serde_json::to_value(shared.cover.core_end).unwrap(),
            "17:30"
        );
        let training: Vec<(&str, &str, u32)> = shared
            .training
            .iter()
            .map(|t| (t.course, t.requirement.as_str(), t.max_age_days))
            .collect();
        assert_eq!(
            training,
            [
                ("national-application", "NAK-01", 730),
                ("itil-foundation", "NAK-03", 730)
            ]
        );
        assert_eq!(shared.documented_sections.len(), 7);
        assert_eq!(ruleset.applications().len(), 4);
    }

    #[test]
    fn a_requirement_is_waivable_as_written_else_when_it_is_not_mandatory() {
        let ruleset = load_ruleset(BUILTIN_TEXT, BUILTIN_FILE).unwrap();
        let waivable = |id: &str| ruleset.requirement(id).unwrap().is_waivable();
        assert!(!waivable("COV-01"), "mandatory, nothing written");
        assert!(waivable("COV-04"), "weighted, nothing written");
    }
}
