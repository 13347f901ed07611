//! The ruleset: what is assessed and how it is scored, kept as data.
//!
//! A ruleset is a YAML file (`kind: Ruleset`) read in three steps, each
//! reporting every problem it finds as a diagnostic pointing into the file:
//! the ruleset schema ([`schema_text`]: a base and each check kind's
//! parameter fragment, published as `schemas/ruleset.schema.json`); the raw
//! serde types ([`raw`], unknown keys rejected); then [`RawRuleset::validate`], which
//! checks what a schema cannot say (unique ids, known domains, weights,
//! check parameters such as compilable expressions) and derives what several
//! checks share ([`SharedParams`]) into the checked [`Ruleset`]. The built-in
//! LSD ruleset is embedded from `rulesets/lsd-accreditation/ruleset.yaml`.

mod load;
mod problem;
mod raw;
mod schema;
#[cfg(test)]
mod schema_tests;
mod validate;

use crate::checks::{Check, SharedParams};

pub use crate::checks::Application;
pub use load::{RulesetError, load_ruleset};
pub use problem::{ProblemKind, RulesetProblem};
pub use raw::{RawRequirement, RawRuleset};

/// The built-in ruleset's file name, as shown in diagnostics.
pub const BUILTIN_FILE: &str = "rulesets/lsd-accreditation/ruleset.yaml";

/// The built-in ruleset's text.
pub const BUILTIN_TEXT: &str = include_str!("../../../../rulesets/lsd-accreditation/ruleset.yaml");

pub use schema::text as schema_text;

/// A validated ruleset: ids unique, every requirement in a known domain,
/// weights that can form a score, every check's parameters usable.
#[derive(Debug, Clone)]
pub struct Ruleset {
    /// Identifier, e.g. `lsd-accreditation`.
    pub id: String,
    /// Semantic version; the major part is what packs pin (`id@major`).
    pub version: String,
    /// Human title.
    pub title: String,
    /// What the ruleset is for.
    pub description: String,
    /// Length of the assessment window in days (84 = 12 weeks).
    pub window_days: u16,
    /// Overall score (percent) at or above which a pack with no mandatory gap is `ready`.
    pub ready_threshold: f64,
    /// Days before the assessment start by which an improvement-plan item is due.
    pub plan_lead_days: u16,
    /// Scoring domains.
    pub domains: Vec<Domain>,
    /// Requirements, in display order.
    pub requirements: Vec<Requirement>,
    /// SHA-256 of the ruleset text.
    pub sha256: String,
    /// Where it came from (a file name, or [`BUILTIN_FILE`]).
    pub source: String,
    /// What the checks share, derived from every requirement; a check's
    /// context holds this rather than the ruleset.
    pub(crate) shared: SharedParams,
}

/// A scoring domain (the same written and validated: its checks are that
/// the id is unique and the weight is not negative).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    /// Short id, e.g. `COV`.
    pub id: String,
    /// The domain's title, as reports head it.
    pub title: String,
    /// Weight in the overall score.
    pub weight: f64,
}

/// One requirement of the standard, validated.
#[derive(Debug, Clone)]
pub struct Requirement {
    /// Stable id, e.g. `COV-02`.
    pub id: String,
    /// Domain id (one of the ruleset's domains).
    pub domain: String,
    /// One-line statement of what must be true.
    pub title: String,
    /// Mandatory requirements gate the verdict.
    pub mandatory: bool,
    /// Weight within the domain.
    pub weight: f64,
    /// Whether a Waiver may take it out of the score (as written, else
    /// only if it is not mandatory).
    pub waivable: bool,
    /// What evidence satisfies it and how it is measured, for people.
    pub description: String,
    /// What to do when it is not met.
    pub remediation: String,
    /// How it is measured.
    pub check: Check,
}

impl Requirement {
    /// Whether a Waiver may apply.
    pub fn is_waivable(&self) -> bool {
        self.waivable
    }
}

impl Ruleset {
    /// The built-in LSD accreditation ruleset.
    pub fn builtin() -> Ruleset {
        match load_ruleset(BUILTIN_TEXT, BUILTIN_FILE) {
            Ok(ruleset) => ruleset,
            Err(error) => panic!("the built-in ruleset is invalid: {error:?}"),
        }
    }

    /// `id@major`, as a pack names it.
    pub fn reference(&self) -> String {
        let major = self.version.split('.').next().unwrap_or("0");
        format!("{}@{major}", self.id)
    }

    /// A domain by id.
    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    /// A requirement by id.
    pub fn requirement(&self, id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.id == id)
    }

    /// National applications a pack may declare in scope.
    pub fn applications(&self) -> &[Application] {
        &self.shared.applications
    }

    /// Ids of the applications it knows.
    pub fn application_ids(&self) -> Vec<String> {
        self.shared.application_ids()
    }

    /// What the checks share, derived from every requirement.
    pub fn shared(&self) -> &SharedParams {
        &self.shared
    }
}
