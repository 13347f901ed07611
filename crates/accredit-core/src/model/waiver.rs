//! The `Waiver` and `Override` kinds.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A trust's approved exception for one requirement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    /// Requirement id, e.g. `COV-05`.
    pub requirement: String,
    /// Why the requirement should not count.
    pub justification: String,
    /// Who approved the waiver.
    pub approved_by: String,
    /// Last day it is valid.
    pub expires: Date,
}

/// An assessor's recorded judgement on one requirement (`--overrides DIR`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// Requirement id.
    pub requirement: String,
    /// The assessor's result.
    pub result: OverrideResult,
    /// Credit for a `partial` result (0 < credit < 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<f64>,
    /// Assessor's name.
    pub assessor: String,
    /// Date of the judgement.
    pub date: Date,
    /// The assessor's reason for the judgement, shown beside the result.
    pub remark: String,
}

/// Results an assessor may record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OverrideResult {
    /// `pass`: the requirement is met, whatever the checks found.
    Pass,
    /// Partial (with `credit`).
    Partial,
    /// `fail`: the requirement is not met, whatever the checks found.
    Fail,
    /// Not applicable.
    NotApplicable,
}
