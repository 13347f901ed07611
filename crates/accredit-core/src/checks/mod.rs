//! The closed set of check kinds a ruleset may use. Each kind lives in its own
//! module with its parameters (and their schema fragment), what it measures
//! and the evidence it reads, and is registered once, in [`Check`]. An unknown
//! kind in a ruleset is a diagnostic (the ruleset schema's kind list and its
//! branches are built from the registry).

mod codes;
#[cfg(test)]
mod declared_codes;
mod desk;
mod documents;
pub(crate) mod escalation;
pub mod expression;
pub(crate) mod logs;
mod outcome;
pub(crate) mod rota;
mod shared;
#[cfg(test)]
pub(crate) mod test_support;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::evidence::{Evidence, Located};
use crate::finding::{Area, FindingCode};
use crate::model::{Kind, Pack};
pub use outcome::{Measure, Outcome, Status};
pub use shared::{Application, SharedParams, TrainingLookback};

pub(crate) const EVIDENCE_MISSING: FindingCode = FindingCode::new(
    Area::Evidence,
    "evidence-missing",
    "The pack has no document of a kind this requirement needs, so it cannot be assessed.",
    "Add the evidence the requirement reads (`accredit rules show ID` names the kinds).",
);

pub(crate) const EVIDENCE_INVALID: FindingCode = FindingCode::new(
    Area::Evidence,
    "evidence-invalid",
    "A document this requirement reads is invalid, so the requirement cannot be assessed.",
    "Run `accredit validate` and fix the problems it lists in that file.",
);

/// The finding codes a check kind declares it emits: its own list, then the
/// lists of any shared analysis it measures on (e.g. the cover analysis).
pub type Codes = &'static [&'static [FindingCode]];

/// Codes any check can have: its evidence is absent or invalid (written by
/// the assessment, before the check runs).
pub const EVIDENCE_CODES: &[FindingCode] = &[EVIDENCE_MISSING, EVIDENCE_INVALID];

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
    pub cover: rota::cover_memo::CoverMemo,
    /// CSV exports already streamed (each is read once).
    pub logs: logs::logs_memo::LogMemo,
    /// The escalation and scenario tests that count, sorted out once (a
    /// readiness timeline lends one memo to all its start dates).
    pub rehearsals: std::rc::Rc<escalation::rehearsals::RehearsalMemo>,
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

            /// Every kind's name with its parameters' schema fragment
            /// ([`ParameterSchema::SCHEMA`]), in registry order: the ruleset
            /// schema's check branches are built from these.
            pub const PARAMETER_SCHEMAS: &'static [(&'static str, &'static str)] =
                &[$(($name, <$module::$params as ParameterSchema>::SCHEMA),)*];
            /// Every registered kind's `CheckKind::CODES`, in registry order
            /// (the finding-code registry is their union).
            pub(crate) const KIND_CODES: &'static [Codes] =
                &[$(<$module::$params as CheckKind>::CODES,)*];

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

            /// Every finding code a check of this kind can have (with
            /// [`EVIDENCE_CODES`]), sorted by name.
            pub fn codes(&self) -> Vec<FindingCode> {
                Check::kind_codes(self.kind_name()).unwrap_or_default()
            }

            /// [`Check::codes`] of the kind named `kind`, if there is one.
            pub fn kind_codes(kind: &str) -> Option<Vec<FindingCode>> {
                let declared: Codes = match kind {
                    $($name => <$module::$params as CheckKind>::CODES,)*
                    _ => return None,
                };
                let mut codes: Vec<FindingCode> = declared.concat();
                codes.extend_from_slice(EVIDENCE_CODES);
                codes.sort_by_key(|c| c.name());
                codes.dedup();
                Some(codes)
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
    Channels24x7(desk::Channels24x7) => "channels-24x7",
    RotaStaffed(rota::RotaStaffed) => "rota-staffed",
    BankHolidaysStated(rota::BankHolidaysStated) => "bank-holidays-stated",
    LoneWorking(rota::LoneWorking) => "lone-working",
    OnCallCover(rota::OnCallCover) => "on-call-cover",
    DeskToolCapabilities(desk::DeskToolCapabilities) => "desk-tool-capabilities",
    ReportCadence(desk::ReportCadence) => "report-cadence",
    IncidentHours(logs::IncidentHours) => "incident-hours",
    ReferralReferences(logs::ReferralReferences) => "referral-references",
    ResponseTargets(logs::ResponseTargets) => "response-targets",
    ApplicationTraining(logs::ApplicationTraining) => "application-training",
    ItilFoundation(logs::ItilFoundation) => "itil-foundation",
    ChangeWindows(logs::ChangeWindows) => "change-windows",
    ApplicantDeclared(desk::ApplicantDeclared) => "applicant-declared",
    EscalationPlanApproved(escalation::EscalationPlanApproved) => "escalation-plan",
    EscalationReachable(escalation::EscalationReachable) => "escalation-reachable",
    SeverityTargets(escalation::SeverityTargets) => "severity-targets",
    EscalationTested(escalation::EscalationTested) => "escalation-tested",
    EscalationTestCoverage(escalation::EscalationTestCoverage) => "escalation-test-coverage",
    TestActionsNotOverdue(escalation::TestActionsNotOverdue) => "test-actions-not-overdue",
    ScenarioTestsPerApplication(escalation::ScenarioTestsPerApplication) => "scenario-tests-per-application",
    OutOfHoursScenario(escalation::OutOfHoursScenario) => "out-of-hours-scenario",
    ProcedureSections(documents::ProcedureSections) => "procedure-sections",
    DocumentApproved(documents::DocumentApproved) => "document-approved",
    DocumentControl(documents::DocumentControlComplete) => "document-control",
    NoPlaceholders(documents::NoPlaceholders) => "no-placeholders",
    LinksResolve(documents::LinksResolve) => "links-resolve",
    DocumentPresent(documents::DocumentPresent) => "document-present",
    SectionLength(documents::SectionLength) => "section-length",
    DocumentPerApplication(documents::DocumentPerApplication) => "document-per-application",
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
    /// The finding codes it emits: its own (`const`s defined in its module),
    /// then the lists of codes it shares (its group's helpers, an analysis).
    /// The finding-code registry is the union of these lists; a test runs
    /// every check on the fixture packs and fails on any code not declared here.
    const CODES: Codes;
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

/// A check kind's parameters as the ruleset schema states them, written
/// beside the parameter struct. `SCHEMA` is a JSON object with the
/// parameters' `properties` (all but `kind`) and, if any are, which are
/// `required`; nothing else. The ruleset schema's branch for the kind is
/// built from it (`ruleset/schema.rs`): `kind` is added, and any other
/// property refused. A test holds each fragment to its struct's serde fields.
pub trait ParameterSchema {
    /// The fragment, as JSON text.
    const SCHEMA: &'static str;
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
