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

/// The one table of evidence kinds: each kind's name (after `kind:`), where
/// [`crate::evidence::Evidence`] keeps its documents and as what type, whether
/// it is YAML or Markdown with front matter, its schema file in `schemas/`, and
/// what it is. The enum [`Kind`], the evidence fields, counting, loading,
/// the `expression` check's documents, the embedded schemas and the
/// consistency test are all made from it, so a new kind is one line here plus
/// its model type, its schema and an example in `fixtures/examples/`.
///
/// `one` is the pack's root document (exactly one, chosen after loading);
/// `many` are the kinds a pack holds any number of; `apart` is read from
/// outside the pack. The table is handed to `$then`, a macro matching
/// this shape (see `evidence.rs`, `schema.rs`, `load/mod.rs`).
macro_rules! evidence_kinds {
    ($then:ident) => {
        $then! {
            one Pack => pack: Pack, "pack.schema.json",
                "The pack's root document: the trust, its desk, its LSP, the applications in scope and the assessment start.";
            many {
                ServiceDesk => service_desks: yaml ServiceDesk, "service-desk.schema.json",
                    "The desk: its contact channels, its desk tool and the reports it produces.";
                Rota => rotas: yaml Rota, "rota.schema.json",
                    "Who staffs the desk when: a weekly pattern, exceptions, bank holidays or a shifts CSV.";
                EscalationPlan => escalation_plans: yaml EscalationPlan, "escalation-plan.schema.json",
                    "The escalation plan: severities with their response targets and the levels to escalate through.";
                EscalationTest => escalation_tests: yaml EscalationTest, "escalation-test.schema.json",
                    "A rehearsal of the escalation plan, with who took part and what happened.";
                ScenarioTest => scenario_tests: yaml ScenarioTest, "scenario-test.schema.json",
                    "An end-to-end test of a scenario (out of hours, a referral to the LSP) on an application.";
                Procedure => procedures: markdown Procedure, "procedure.schema.json",
                    "An ITIL process procedure, written in Markdown with front matter.";
                Document => documents: markdown Document, "document.schema.json",
                    "A supporting document (user guide, known-error article, …), in Markdown with front matter.";
                IncidentLog => incident_logs: yaml CsvExport, "incident-log.schema.json",
                    "The descriptor of the incident log CSV exported from the desk tool.";
                TrainingLog => training_logs: yaml CsvExport, "training-log.schema.json",
                    "The descriptor of the training log CSV: who completed which course when.";
                ChangeLog => change_logs: yaml CsvExport, "change-log.schema.json",
                    "The descriptor of the change log CSV: changes to clinical systems and their windows.";
                StaffRegister => staff_registers: yaml CsvExport, "staff-register.schema.json",
                    "The descriptor of the staff register CSV: each member of staff, their role and start date.";
                Waiver => waivers: yaml Waiver, "waiver.schema.json",
                    "A waiver of a requirement, granted by the assessor for a stated reason and period.";
            }
            apart Override => "override.schema.json",
                "An assessor's override of a result (only read from `--overrides DIR`, never from the pack).";
        }
    };
}
pub(crate) use evidence_kinds;

/// `true` for a `markdown` kind of the `evidence_kinds!` table.
macro_rules! is_markdown_form {
    (yaml) => {
        false
    };
    (markdown) => {
        true
    };
}

macro_rules! define_kind {
    (one $pack:ident => $pack_field:ident: $pack_type:ty, $pack_schema:literal, $pack_doc:literal;
     many { $($kind:ident => $field:ident: $form:ident $type:ty, $schema:literal, $doc:literal;)* }
     apart $apart:ident => $apart_schema:literal, $apart_doc:literal;) => {
        /// Every kind of evidence document (one row each of the `evidence_kinds!` table).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Kind {
            #[doc = $pack_doc]
            $pack,
            $(#[doc = $doc] $kind,)*
            #[doc = $apart_doc]
            $apart,
        }

        impl Kind {
            /// Every kind, in the table's order.
            pub const ALL: [Kind; 2 + [$(stringify!($kind)),*].len()] =
                [Kind::$pack, $(Kind::$kind,)* Kind::$apart];

            /// The name written after `kind:`.
            pub fn name(self) -> &'static str {
                match self {
                    Kind::$pack => stringify!($pack),
                    $(Kind::$kind => stringify!($kind),)*
                    Kind::$apart => stringify!($apart),
                }
            }

            /// The schema file name in `schemas/`, e.g. `escalation-plan.schema.json`.
            pub fn schema_file(self) -> &'static str {
                match self {
                    Kind::$pack => $pack_schema,
                    $(Kind::$kind => $schema,)*
                    Kind::$apart => $apart_schema,
                }
            }

            /// Whether documents of this kind are Markdown files with front matter.
            pub fn is_markdown(self) -> bool {
                match self {
                    $(Kind::$kind => is_markdown_form!($form),)*
                    Kind::$pack | Kind::$apart => false,
                }
            }
        }
    };
}

evidence_kinds!(define_kind);

impl Kind {
    /// Looks a kind up by its name.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
