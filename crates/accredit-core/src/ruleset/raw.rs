//! The ruleset as written: serde types that reject unknown keys and take the
//! defaults the contract gives. Nothing here is checked beyond its shape;
//! [`RawRuleset::validate`](super::RawRuleset::validate) makes a
//! [`Ruleset`](super::Ruleset) of it.

use serde::Deserialize;

use super::{Application, Domain};
use crate::checks::Check;

/// A ruleset document as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRuleset {
    /// `accredit/v1` (the schema holds it to that).
    #[serde(rename = "apiVersion")]
    pub api_version: String,
    /// `Ruleset`.
    pub kind: String,
    /// Identifier, e.g. `lsd-accreditation`.
    pub id: String,
    /// Semantic version.
    pub version: String,
    /// Human title.
    pub title: String,
    /// What the ruleset is for.
    #[serde(default)]
    pub description: String,
    /// Length of the assessment window in days.
    #[serde(default = "default_window_days")]
    pub window_days: u16,
    /// Overall score (percent) for a `ready` verdict.
    #[serde(default = "default_ready_threshold")]
    pub ready_threshold: f64,
    /// Days before the start by which an improvement-plan item is due.
    #[serde(default = "default_plan_lead_days")]
    pub plan_lead_days: u16,
    /// National applications a pack may declare in scope.
    pub applications: Vec<Application>,
    /// Scoring domains.
    pub domains: Vec<Domain>,
    /// Requirements, in display order.
    pub requirements: Vec<RawRequirement>,
}

/// A requirement as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRequirement {
    /// Stable id, e.g. `COV-02`.
    pub id: String,
    /// Domain id.
    pub domain: String,
    /// One-line statement of what must be true.
    pub title: String,
    /// Mandatory requirements gate the verdict (default: not).
    #[serde(default)]
    pub mandatory: bool,
    /// Weight within the domain.
    pub weight: f64,
    /// Whether a Waiver may apply (default: only if not mandatory).
    #[serde(default)]
    pub waivable: Option<bool>,
    /// What evidence satisfies it, for people.
    pub description: String,
    /// What to do when it is not met.
    pub remediation: String,
    /// The check kind and its parameters.
    pub check: Check,
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
