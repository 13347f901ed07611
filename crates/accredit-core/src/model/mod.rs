//! Rust types for every kind of the evidence-pack v1 format.
//!
//! Documents are validated against their JSON Schema (see [`crate::schema`])
//! before they are deserialised into these types, so the types describe
//! well-formed evidence; `apiVersion` and `kind` are removed before
//! deserialisation. Locations of values are kept beside each document in a
//! [`crate::yaml::NodeIndex`].

mod common;
mod documents;
mod escalation;
mod logs;
mod pack;
mod rota;
mod service_desk;
mod tests;
mod waiver;

pub use common::*;
pub use documents::*;
pub use escalation::*;
pub use logs::*;
pub use pack::*;
pub use rota::*;
pub use service_desk::*;
pub use tests::*;
pub use waiver::*;

/// The only `apiVersion` this tool reads.
pub const API_VERSION: &str = "accredit/v1";

/// The time zone assumed when a document names none.
pub const DEFAULT_TIMEZONE: &str = "Europe/London";

/// Every kind of evidence document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// The pack's root document.
    Pack,
    /// Channels, tool, reports.
    ServiceDesk,
    /// Staffing.
    Rota,
    /// Escalation plan.
    EscalationPlan,
    /// Escalation rehearsal.
    EscalationTest,
    /// End-to-end scenario test.
    ScenarioTest,
    /// ITIL procedure (Markdown).
    Procedure,
    /// Supporting document (Markdown).
    Document,
    /// Incident log descriptor.
    IncidentLog,
    /// Training log descriptor.
    TrainingLog,
    /// Change log descriptor.
    ChangeLog,
    /// Staff register descriptor.
    StaffRegister,
    /// Waiver of a requirement.
    Waiver,
    /// Assessor's override (only read from `--overrides DIR`).
    Override,
}

impl Kind {
    /// Every kind, in a fixed order.
    pub const ALL: [Kind; 14] = [
        Kind::Pack,
        Kind::ServiceDesk,
        Kind::Rota,
        Kind::EscalationPlan,
        Kind::EscalationTest,
        Kind::ScenarioTest,
        Kind::Procedure,
        Kind::Document,
        Kind::IncidentLog,
        Kind::TrainingLog,
        Kind::ChangeLog,
        Kind::StaffRegister,
        Kind::Waiver,
        Kind::Override,
    ];

    /// The name written after `kind:`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Pack => "Pack",
            Kind::ServiceDesk => "ServiceDesk",
            Kind::Rota => "Rota",
            Kind::EscalationPlan => "EscalationPlan",
            Kind::EscalationTest => "EscalationTest",
            Kind::ScenarioTest => "ScenarioTest",
            Kind::Procedure => "Procedure",
            Kind::Document => "Document",
            Kind::IncidentLog => "IncidentLog",
            Kind::TrainingLog => "TrainingLog",
            Kind::ChangeLog => "ChangeLog",
            Kind::StaffRegister => "StaffRegister",
            Kind::Waiver => "Waiver",
            Kind::Override => "Override",
        }
    }

    /// Looks a kind up by its name.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The schema file name in `schemas/`, e.g. `escalation-plan.schema.json`.
    pub fn schema_file(self) -> String {
        let mut out = String::new();
        for (i, c) in self.name().chars().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        }
        out + ".schema.json"
    }

    /// Whether documents of this kind are Markdown files with front matter.
    pub fn is_markdown(self) -> bool {
        matches!(self, Kind::Procedure | Kind::Document)
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
