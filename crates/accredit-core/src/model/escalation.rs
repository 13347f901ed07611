//! The `EscalationPlan` kind: severities and the levels a desk escalates through.

use serde::{Deserialize, Serialize};

use super::common::{DocumentControl, Hours};

/// The desk's escalation plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EscalationPlan {
    /// Version, owner and approval.
    #[serde(flatten)]
    pub control: DocumentControl,
    /// Severity definitions and targets.
    #[serde(default)]
    pub severities: Vec<Severity>,
    /// Escalation levels in order.
    #[serde(default)]
    pub levels: Vec<EscalationLevel>,
    /// Contact used outside each level's hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_of_hours: Option<OutOfHours>,
}

/// A severity definition with its targets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Severity {
    /// 1 (worst) to 5.
    pub level: u8,
    /// What this severity means.
    pub definition: String,
    /// Response target.
    pub respond_within_minutes: u32,
    /// Escalation target.
    pub escalate_within_minutes: u32,
}

/// One escalation level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EscalationLevel {
    /// Position in the plan.
    pub level: u32,
    /// Name (for the `lsp` party, the LSP's name).
    pub name: String,
    /// Who this level is.
    pub party: Party,
    /// How to reach it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<LevelContact>,
    /// When it can be reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
}

/// Contact details of a level.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelContact {
    /// Role to ask for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Telephone number to ring at this level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail address to write to at this level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// Out-of-hours route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutOfHours {
    /// Role to ask for.
    pub role: String,
    /// Telephone number that answers outside the levels' hours.
    pub phone: String,
}

/// Parties in escalation and in tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Party {
    /// The trust's own desk or teams.
    Local,
    /// A resolver group.
    Resolver,
    /// The Local Service Provider.
    Lsp,
    /// The national service desk.
    National,
    /// A supplier.
    Supplier,
}
