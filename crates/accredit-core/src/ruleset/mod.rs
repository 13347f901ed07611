//! The ruleset: what is assessed and how it is scored, kept as data.
//!
//! A ruleset is a YAML file (`kind: Ruleset`) validated against
//! `schemas/ruleset.schema.json`, then checked for what a schema cannot say
//! (unique ids, known domains, weights, compilable expressions). Every problem
//! is a diagnostic pointing into the ruleset file. The built-in LSD ruleset is
//! embedded from `rulesets/lsd-accreditation/ruleset.yaml`.

mod load;

use serde::{Deserialize, Serialize};

use crate::checks::Check;

pub use load::{RulesetError, load_ruleset};

/// The built-in ruleset's file name, as shown in diagnostics.
pub const BUILTIN_FILE: &str = "rulesets/lsd-accreditation/ruleset.yaml";

/// The built-in ruleset's text.
pub const BUILTIN_TEXT: &str = include_str!("../../../../rulesets/lsd-accreditation/ruleset.yaml");

/// The ruleset schema's text.
pub const SCHEMA_TEXT: &str = include_str!("../../../../schemas/ruleset.schema.json");

/// A validated ruleset.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ruleset {
    /// Identifier, e.g. `lsd-accreditation`.
    pub id: String,
    /// Semantic version; the major part is what packs pin (`id@major`).
    pub version: String,
    /// Human title.
    pub title: String,
    /// What the ruleset is for.
    #[serde(default)]
    pub description: String,
    /// Length of the assessment window in days (84 = 12 weeks).
    #[serde(default = "default_window_days")]
    pub window_days: u16,
    /// Overall score (percent) at or above which a pack with no mandatory gap is `ready`.
    #[serde(default = "default_ready_threshold")]
    pub ready_threshold: f64,
    /// Days before the assessment start by which an improvement-plan item is due.
    #[serde(default = "default_plan_lead_days")]
    pub plan_lead_days: u16,
    /// National applications a pack may declare in scope.
    pub applications: Vec<Application>,
    /// Scoring domains.
    pub domains: Vec<Domain>,
    /// Requirements, in display order.
    pub requirements: Vec<Requirement>,
    /// SHA-256 of the ruleset text (set when loaded).
    #[serde(skip)]
    pub sha256: String,
    /// Where it came from (set when loaded).
    #[serde(skip)]
    pub source: String,
}

fn default_window_days() -> u16 {
    84
}

fn default_ready_threshold() -> f64 {
    85.0
}

fn default_plan_lead_days() -> u16 {
    14
}

/// A national application.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Application {
    /// Id used in evidence, e.g. `choose-and-book`.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// A scoring domain.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    /// Short id, e.g. `COV`.
    pub id: String,
    /// Title.
    pub title: String,
    /// Weight in the overall score.
    pub weight: f64,
}

/// One requirement of the standard.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Stable id, e.g. `COV-02`.
    pub id: String,
    /// Domain id.
    pub domain: String,
    /// One-line statement of what must be true.
    pub title: String,
    /// Mandatory requirements gate the verdict.
    #[serde(default)]
    pub mandatory: bool,
    /// Weight within the domain.
    pub weight: f64,
    /// Whether a Waiver may take it out of the score (default: weighted ones only).
    #[serde(default)]
    pub waivable: Option<bool>,
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
        self.waivable.unwrap_or(!self.mandatory)
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

    /// Ids of the applications it knows.
    pub fn application_ids(&self) -> Vec<String> {
        self.applications.iter().map(|a| a.id.clone()).collect()
    }
}
