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
#[serde(from = "FlatEscalationTest")]
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
#[serde(from = "FlatScenarioTest")]
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

// Thousands of tests are read per pack: `#[serde(flatten)]` would buffer
// every field of each one before handing them over, so they are read as one
// flat record (the fields are written flat in the file) and then grouped.
// Written out, `flatten` still gives the same flat form.

/// The fields of a [`TestRecord`] plus one kind's own, as written.
macro_rules! flat_test {
    ($flat:ident => $kind:ident { $($(#[$attr:meta])* $field:ident: $type:ty,)* }) => {
        #[derive(Deserialize)]
        struct $flat {
            date: Date,
            title: String,
            result: TestResult,
            #[serde(default)]
            participants: Vec<Participant>,
            #[serde(default)]
            steps: Vec<Step>,
            #[serde(default)]
            actions: Vec<Action>,
            $($(#[$attr])* $field: $type,)*
        }

        impl From<$flat> for $kind {
            fn from(flat: $flat) -> $kind {
                $kind {
                    record: TestRecord {
                        date: flat.date,
                        title: flat.title,
                        result: flat.result,
                        participants: flat.participants,
                        steps: flat.steps,
                        actions: flat.actions,
                    },
                    $($field: flat.$field,)*
                }
            }
        }
    };
}

flat_test!(FlatEscalationTest => EscalationTest {
    #[serde(default)]
    severity: Option<u8>,
    #[serde(default)]
    out_of_hours: bool,
});

flat_test!(FlatScenarioTest => ScenarioTest {
    application: String,
    #[serde(default)]
    end_to_end: bool,
});

#[cfg(test)]
mod flat_reading {
    use super::*;

    fn escalation_test() -> serde_json::Value {
        serde_json::json!({
            "date": "2008-01-01",
            "title": "Severity 1 rehearsal",
            "result": "partial",
            "severity": 1,
            "out_of_hours": true,
            "participants": [{"organisation": "BT Health", "party": "lsp", "role": "SDM"}],
            "steps": [{"at": "02:00", "action": "Logs it", "outcome": "Logged"}],
            "actions": [{"description": "Fix the card", "due": "2008-09-30", "closed": true}]
        })
    }

    #[test]
    fn the_flat_fields_land_in_the_record_and_the_kind() {
        let test: EscalationTest = serde_json::from_value(escalation_test()).unwrap();
        assert_eq!(test.record.date, jiff::civil::date(2008, 1, 1));
        assert_eq!(test.record.title, "Severity 1 rehearsal");
        assert_eq!(test.record.result, TestResult::Partial);
        assert_eq!(test.record.participants[0].party, Party::Lsp);
        assert_eq!(test.record.steps[0].outcome.as_deref(), Some("Logged"));
        assert_eq!(
            test.record.actions[0].due,
            Some(jiff::civil::date(2008, 9, 30))
        );
        assert_eq!((test.severity, test.out_of_hours), (Some(1), true));
        // Written out flat, as before, and read back the same.
        let written = serde_json::to_value(&test).unwrap();
        assert_eq!(written, escalation_test());
        assert_eq!(
            serde_json::from_value::<EscalationTest>(written).unwrap(),
            test
        );
    }

    #[test]
    fn defaults_apply_and_a_missing_field_is_an_error() {
        let test: ScenarioTest = serde_json::from_value(serde_json::json!({
            "date": "2008-02-03", "title": "Out of hours", "result": "pass",
            "application": "choose-and-book"
        }))
        .unwrap();
        assert_eq!(test.application, "choose-and-book");
        assert!(!test.end_to_end && test.record.steps.is_empty());
        let missing = serde_json::from_value::<ScenarioTest>(serde_json::json!({
            "date": "2008-02-03", "title": "Out of hours", "result": "pass"
        }));
        assert!(missing.unwrap_err().to_string().contains("application"));
    }
}
