//! The `EscalationTest` and `ScenarioTest` kinds: rehearsals with the LSP.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::escalation::Party;

/// Fields shared by escalation and scenario tests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestRecord {
    /// When the test ran.
    pub date: Date,
    /// What was tested.
    pub title: String,
    /// Whether the test did what the plan says should happen.
    pub result: TestResult,
    /// Who took part.
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// What happened, in order.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// Follow-up actions.
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// A test's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TestResult {
    /// `pass`: every step went as the plan says.
    Pass,
    /// `fail`: the route did not work; the test does not count as a rehearsal.
    Fail,
    /// Partly passed.
    Partial,
}

/// A participant in a test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// Organisation name.
    pub organisation: String,
    /// Which party it played.
    pub party: Party,
    /// The participant's role in their organisation, e.g. `Duty manager`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// A step of a test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// When: an RFC 3339 instant, or a local `HH:MM` on the test date.
    pub at: String,
    /// What was done.
    pub action: String,
    /// What happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
}

/// A follow-up action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// What must be done.
    pub description: String,
    /// Who owns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// When it is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// Whether it is closed.
    #[serde(default)]
    pub closed: bool,
}

/// A rehearsal of the escalation plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EscalationTest {
    /// Common test fields.
    #[serde(flatten)]
    pub record: TestRecord,
    /// Severity simulated (1..5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<u8>,
    /// Run outside core hours.
    #[serde(default)]
    pub out_of_hours: bool,
}

/// An end-to-end scenario test of a national application.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioTest {
    /// Common test fields.
    #[serde(flatten)]
    pub record: TestRecord,
    /// The application tested.
    pub application: String,
    /// Whether it ran end to end with the LSP.
    #[serde(default)]
    pub end_to_end: bool,
}
