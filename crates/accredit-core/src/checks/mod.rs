//! The closed set of check kinds a ruleset may use. Each kind lives in its own
//! module with its parameters, what it measures and the evidence it reads, and
//! is registered once, in [`Check`]. An unknown kind in a ruleset is a
//! diagnostic (the ruleset schema lists the kinds; a test keeps the two equal).

mod applicant;
mod application_documents;
mod application_training;
mod bank_holidays;
mod change_windows;
mod channels;
pub mod cover_memo;
mod dates;
mod desk_tool;
mod document_approved;
#[cfg(test)]
mod document_benchmark;
mod document_control;
mod document_present;
mod escalation_plan;
mod escalation_reachable;
mod escalation_test_coverage;
mod escalation_tested;
pub mod expression;
mod incident_hours;
mod itil_foundation;
mod links_resolve;
pub mod logs_memo;
mod lone_working;
mod on_call;
mod out_of_hours_scenario;
mod outcome;
mod pack_documents;
mod placeholder_text;
mod procedure_sections;
mod referral_references;
pub(crate) mod rehearsals;
mod reports;
mod response_targets;
mod rota_staffed;
mod scenario_tests;
mod section_length;
mod severity_targets;
mod shared;
mod test_actions;
#[cfg(test)]
mod test_documents;
#[cfg(test)]
pub(crate) mod testing;
pub mod wording;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::evidence::{Evidence, Located};
use crate::model::{Kind, Pack};
pub use outcome::{Measure, Outcome, Status};
pub use shared::{Application, SharedParams, TrainingLookback};

/// What a check can see: the evidence, the pack, the window and the run date.
pub struct Context<'a> {
    /// Everything loaded from the pack.
    pub evidence: &'a Evidence,
    /// The pack document.
    pub pack: &'a Located<Pack>,
    /// The assessment window.
    pub window: AssessmentWindow,
    /// The run date (`--as-of`): evidence dated after it is future-dated.
    pub as_of: Date,
    /// What the checks share from the ruleset (its applications, cover
    /// parameters, training look-backs and documented sections).
    pub shared: &'a SharedParams,
    /// Cover analyses already made (shared by the cover requirements and the report).
    pub cover: cover_memo::CoverMemo,
    /// CSV exports already streamed (each is read once).
    pub logs: logs_memo::LogMemo,
}

/// The accreditation window: `start` and the days that follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AssessmentWindow {
    /// First day.
    pub start: Date,
    /// Length in days.
    pub days: u16,
}

impl AssessmentWindow {
    /// Last day of the window (inclusive).
    pub fn last_day(&self) -> Date {
        self.start
            .checked_add(jiff::Span::new().days(i64::from(self.days) - 1))
            .unwrap_or(self.start)
    }

    /// The date `days` before the start.
    pub fn days_before_start(&self, days: u32) -> Date {
        self.start
            .checked_sub(jiff::Span::new().days(i64::from(days)))
            .unwrap_or(self.start)
    }
}

/// How a check needs the evidence kinds it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceNeed {
    /// A document of every kind (the usual case): any kind absent → `missing`.
    Every,
    /// A document of at least one of the kinds: only all absent → `missing`.
    Any,
}

/// A problem with a check's parameters found when the ruleset is validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParameterProblem {
    /// The parameter (JSON pointer segment under `check`).
    pub field: String,
    /// What is wrong.
    pub message: String,
}

macro_rules! registry {
    ($($variant:ident($module:ident::$params:ident) => $name:literal,)*) => {
        /// A requirement's check: its kind and parameters.
        #[derive(Debug, Clone, Serialize, Deserialize)]
        #[serde(tag = "kind", deny_unknown_fields)]
        pub enum Check {
            $(
                #[doc = concat!("`", $name, "`: see [`", stringify!($module), "::", stringify!($params), "`].")]
                #[serde(rename = $name)]
                $variant($module::$params),
            )*
        }

        impl Check {
            /// Every registered kind name.
            pub const KINDS: &'static [&'static str] = &[$($name,)*];

            /// The kind's name as written in a ruleset.
            pub fn kind_name(&self) -> &'static str {
                match self { $(Check::$variant(_) => $name,)* }
            }

            /// The evidence kinds the check reads; absent → `missing`, invalid → `error`.
            pub fn evidence(&self) -> Vec<Kind> {
                match self { $(Check::$variant(c) => c.evidence(),)* }
            }

            /// Whether it needs every evidence kind it reads, or any one of them.
            pub fn evidence_need(&self) -> EvidenceNeed {
                match self { $(Check::$variant(c) => c.evidence_need(),)* }
            }

            /// The evidence kinds in words: "Rota, Pack" or "EscalationTest or ScenarioTest".
            pub fn evidence_text(&self) -> String {
                let names: Vec<&str> = self.evidence().iter().map(|k| k.name()).collect();
                match self.evidence_need() {
                    EvidenceNeed::Every => names.join(", "),
                    EvidenceNeed::Any => names.join(" or "),
                }
            }

            /// A sentence on how the kind measures, for `rules show` and docs.
            pub fn method(&self) -> String {
                match self { $(Check::$variant(c) => c.method(),)* }
            }

            /// Every problem with the parameters that a schema cannot
            /// find (e.g. an expression that does not compile).
            pub fn parameter_problems(&self) -> Vec<ParameterProblem> {
                match self { $(Check::$variant(c) => c.parameter_problems(),)* }
            }

            /// Evaluates the check.
            pub fn evaluate(&self, context: &Context<'_>) -> Outcome {
                match self { $(Check::$variant(c) => c.evaluate(context),)* }
            }

            /// Shows `visit` every kind's parameter type (for the test that
            /// holds the ruleset schema to the parameter structs).
            #[cfg(test)]
            pub(crate) fn each_parameter_type(visit: &mut impl ParameterTypes) {
                $(visit.visit::<$module::$params>($name);)*
            }
        }
    };
}

/// Something shown every check kind's parameter type, by
/// [`Check::each_parameter_type`].
#[cfg(test)]
pub(crate) trait ParameterTypes {
    /// Called once per kind with its name as written in a ruleset.
    fn visit<T: serde::de::DeserializeOwned>(&mut self, kind: &'static str);
}

registry! {
    Channels24x7(channels::Channels24x7) => "channels-24x7",
    RotaStaffed(rota_staffed::RotaStaffed) => "rota-staffed",
    BankHolidaysStated(bank_holidays::BankHolidaysStated) => "bank-holidays-stated",
    LoneWorking(lone_working::LoneWorking) => "lone-working",
    OnCallCover(on_call::OnCallCover) => "on-call-cover",
    DeskToolCapabilities(desk_tool::DeskToolCapabilities) => "desk-tool-capabilities",
    ReportCadence(reports::ReportCadence) => "report-cadence",
    IncidentHours(incident_hours::IncidentHours) => "incident-hours",
    ReferralReferences(referral_references::ReferralReferences) => "referral-references",
    ResponseTargets(response_targets::ResponseTargets) => "response-targets",
    ApplicationTraining(application_training::ApplicationTraining) => "application-training",
    ItilFoundation(itil_foundation::ItilFoundation) => "itil-foundation",
    ChangeWindows(change_windows::ChangeWindows) => "change-windows",
    ApplicantDeclared(applicant::ApplicantDeclared) => "applicant-declared",
    EscalationPlanApproved(escalation_plan::EscalationPlanApproved) => "escalation-plan",
    EscalationReachable(escalation_reachable::EscalationReachable) => "escalation-reachable",
    SeverityTargets(severity_targets::SeverityTargets) => "severity-targets",
    EscalationTested(escalation_tested::EscalationTested) => "escalation-tested",
    EscalationTestCoverage(escalation_test_coverage::EscalationTestCoverage) => "escalation-test-coverage",
    TestActionsNotOverdue(test_actions::TestActionsNotOverdue) => "test-actions-not-overdue",
    ScenarioTestsPerApplication(scenario_tests::ScenarioTestsPerApplication) => "scenario-tests-per-application",
    OutOfHoursScenario(out_of_hours_scenario::OutOfHoursScenario) => "out-of-hours-scenario",
    ProcedureSections(procedure_sections::ProcedureSections) => "procedure-sections",
    DocumentApproved(document_approved::DocumentApproved) => "document-approved",
    DocumentControl(document_control::DocumentControlComplete) => "document-control",
    NoPlaceholders(placeholder_text::NoPlaceholders) => "no-placeholders",
    LinksResolve(links_resolve::LinksResolve) => "links-resolve",
    DocumentPresent(document_present::DocumentPresent) => "document-present",
    SectionLength(section_length::SectionLength) => "section-length",
    DocumentPerApplication(application_documents::DocumentPerApplication) => "document-per-application",
    Expression(expression::ExpressionCheck) => "expression",
}

impl Check {
    /// Whether the outcome can change with the assessment start (the window
    /// it measures, or a look-back that ends on the start). The timeline
    /// evaluates these for every candidate start and the others once; a test
    /// keeps this list honest by moving the start of real packs.
    pub fn depends_on_start(&self) -> bool {
        matches!(
            self,
            Check::RotaStaffed(_)
                | Check::LoneWorking(_)
                | Check::OnCallCover(_)
                | Check::ApplicationTraining(_)
                | Check::ItilFoundation(_)
                | Check::EscalationPlanApproved(_)
                | Check::EscalationTested(_)
                | Check::EscalationTestCoverage(_)
                | Check::TestActionsNotOverdue(_)
                | Check::ScenarioTestsPerApplication(_)
                | Check::DocumentApproved(_)
                | Check::DocumentControl(_)
                | Check::Expression(_)
        )
    }
}

/// What every check kind provides.
pub trait CheckKind {
    /// Evidence kinds read.
    fn evidence(&self) -> Vec<Kind>;
    /// Whether every kind in [`CheckKind::evidence`] is needed (the default),
    /// or any one of them.
    fn evidence_need(&self) -> EvidenceNeed {
        EvidenceNeed::Every
    }
    /// How it measures, in a sentence or two.
    fn method(&self) -> String;
    /// Every problem with the parameters beyond what the schema checks.
    fn parameter_problems(&self) -> Vec<ParameterProblem> {
        vec![]
    }
    /// The measurement.
    fn evaluate(&self, context: &Context<'_>) -> Outcome;
}

/// The outcome of a requirement measured on a shared analysis (the rota's
/// cover, a CSV export): `missing` when there is nothing to analyse, `error`
/// with the analysis's findings when it could not run, else what `measure` says.
pub(crate) fn from_analysis<T>(
    analysis: Option<std::rc::Rc<Result<T, Vec<crate::finding::Finding>>>>,
    measure: impl FnOnce(&T) -> Outcome,
) -> Outcome {
    match analysis.as_deref() {
        None => Outcome::missing(vec![]),
        Some(Err(findings)) => Outcome::error(findings.clone()),
        Some(Ok(value)) => measure(value),
    }
}

/// The first valid document of a kind, for kinds a pack has one of.
pub(crate) fn first<T>(documents: &[Located<T>]) -> Option<&Located<T>> {
    documents.first()
}
