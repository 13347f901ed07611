//! The `Pack` kind: the applicant, its desk, its LSP and the assessment window.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::common::Contact;

/// The pack's root document (conventionally `pack.yaml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// The applicant trust.
    pub organisation: Organisation,
    /// The desk being accredited.
    pub service_desk: DeskSummary,
    /// The Local Service Provider the desk escalates to.
    pub lsp: Lsp,
    /// National applications in scope (ids from the ruleset).
    pub applications_in_scope: Vec<String>,
    /// The accreditation window.
    pub assessment: Assessment,
    /// `id@major` of the ruleset to use; the built-in one when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ruleset: Option<String>,
    /// The pack owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
}

/// An organisation with its ODS code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Name as registered.
    pub name: String,
    /// ODS code (NHS trusts: `R` + 2 alphanumerics).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ods_code: Option<String>,
}

/// The desk named in the pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeskSummary {
    /// Desk name.
    pub name: String,
    /// Number of IT customers served.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub users: Option<u64>,
    /// Organisations the desk serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub customers: Vec<Organisation>,
}

/// The Local Service Provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lsp {
    /// e.g. "BT Health".
    pub name: String,
}

/// The planned accreditation window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// Planned first day of the accreditation window.
    pub start: Date,
}
