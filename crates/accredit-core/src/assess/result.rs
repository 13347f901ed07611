//! The assessment result: what every output renders, and what `--format json`
//! writes (versioned by `schemas/result.schema.json`).

use jiff::civil::Date;
use serde::Serialize;

use crate::checks::Measure;
use crate::diagnostic::Diagnostic;
use crate::evidence::PackFile;
use crate::finding::Finding;

/// Version of the JSON result format.
pub const RESULT_FORMAT: &str = "accredit-result/1";

/// A scored assessment of one pack.
#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    /// [`RESULT_FORMAT`]: the version of this JSON shape.
    pub format: &'static str,
    /// The tool that produced it.
    pub tool: Tool,
    /// The ruleset applied.
    pub ruleset: RulesetInfo,
    /// The run date: evidence dated after it is not counted.
    pub as_of: Date,
    /// Who is being assessed, and when.
    pub applicant: Applicant,
    /// `ready`, `approaching` or `not-ready`.
    pub verdict: Verdict,
    /// The overall score and each domain's.
    pub score: Score,
    /// Every requirement's result, in ruleset order.
    pub requirements: Vec<RequirementResult>,
    /// Ids of the gaps, in fix-first order.
    pub gaps: Vec<String>,
    /// Every waiver in the pack and what became of it.
    pub waivers: Vec<WaiverResult>,
    /// Every assessor override (`--overrides`) and what became of it.
    pub overrides: Vec<OverrideStatus>,
    /// The 24/7 cover analysis of the rota, when there is a valid one.
    pub cover: Option<CoverSummary>,
    /// Whether the evidence is valid: `accredit validate` would pass. An
    /// assessment of invalid evidence never passes a gate.
    pub evidence: EvidenceValidity,
    /// Every file of the pack, in path order, with its role, size and SHA-256.
    pub files: Vec<PackFile>,
    /// What validating the evidence found, errors and warnings, each with its
    /// code and place.
    pub diagnostics: Vec<Diagnostic>,
}

/// Whether the evidence validated, and how many files are affected when it
/// did not (in JSON: `evidence.valid`, `evidence.invalid_files`,
/// `evidence.errors`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EvidenceValidity {
    /// No validation error: `accredit validate` exits 0.
    pub valid: bool,
    /// Files with a validation error (`valid: false` in `files`).
    pub invalid_files: usize,
    /// Validation errors (diagnostics of severity `error`).
    pub errors: usize,
}

impl Assessment {
    /// Whether the evidence has validation errors: then no gate passes,
    /// whatever the verdict (`score`, `report`, `plan`, `portfolio`).
    pub fn evidence_invalid(&self) -> bool {
        !self.evidence.valid
    }
}

/// Tool name and version.
#[derive(Debug, Clone, Serialize)]
pub struct Tool {
    /// Always `accredit`.
    pub name: &'static str,
    /// The version of `accredit` that made the result.
    pub version: &'static str,
}

/// Which ruleset, exactly.
#[derive(Debug, Clone, Serialize)]
pub struct RulesetInfo {
    /// The ruleset's id, e.g. `lsd-accreditation`.
    pub id: String,
    /// Its version as written in the ruleset, e.g. `1.0.0`.
    pub version: String,
    /// Its title, as reports head it.
    pub title: String,
    /// SHA-256 of the ruleset file.
    pub sha256: String,
}

/// The applicant and the window.
#[derive(Debug, Clone, Serialize)]
pub struct Applicant {
    /// The trust's name, from the Pack's `organisation.name`.
    pub organisation: String,
    /// The trust's ODS code as written in the Pack (checked by
    /// `applicant-declared`, not corrected here).
    pub ods_code: Option<String>,
    /// The service desk's name, from the Pack's `service_desk.name`.
    pub service_desk: String,
    /// The Local Service Provider's name, from the Pack's `lsp.name`.
    pub lsp: String,
    /// The ids of the national applications declared in scope, in Pack order.
    pub applications: Vec<String>,
    /// First day of the window.
    pub assessment_start: Date,
    /// Last day of the window.
    pub assessment_end: Date,
    /// Days from the run date to the start (negative once started).
    pub days_to_start: i64,
}

/// What the scores say about readiness for accreditation: mandatory
/// requirements first, then the overall score against the threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// A mandatory requirement is not met.
    NotReady,
    /// Every mandatory requirement is met, overall below the threshold.
    Approaching,
    /// Every mandatory requirement is met, overall at or above the threshold.
    Ready,
}

impl Verdict {
    /// Its kebab-case name, as the JSON result and every report write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::NotReady => "not-ready",
            Verdict::Approaching => "approaching",
            Verdict::Ready => "ready",
        }
    }
}

/// Overall and per-domain scores.
#[derive(Debug, Clone, Serialize)]
pub struct Score {
    /// Weighted overall score, percent (two decimals).
    pub overall: f64,
    /// The overall score (percent) at or above which the verdict is `ready`,
    /// from the ruleset.
    pub ready_threshold: f64,
    /// Counted requirements whose result is `pass`.
    pub passed: usize,
    /// Requirements counted (not waived, not applicable).
    pub counted: usize,
    /// Mandatory requirements met (passed or validly waived).
    pub mandatory_met: usize,
    /// Mandatory requirements in all.
    pub mandatory_total: usize,
    /// Per domain, in ruleset order.
    pub domains: Vec<DomainScore>,
}

/// One domain's score.
#[derive(Debug, Clone, Serialize)]
pub struct DomainScore {
    /// The domain id from the ruleset, e.g. `COV`.
    pub id: String,
    /// The domain's title, as reports head it.
    pub title: String,
    /// The domain's weight in the overall score, from the ruleset.
    pub weight: f64,
    /// Score in percent, or `None` when nothing in it is counted.
    pub score: Option<f64>,
    /// Its counted requirements whose result is `pass`.
    pub passed: usize,
    /// Its requirements counted (not waived, not applicable).
    pub counted: usize,
    /// Its mandatory requirements met (passed or validly waived).
    pub mandatory_met: usize,
    /// Mandatory requirements in all.
    pub mandatory_total: usize,
}

/// A requirement's final result (the same enum a check's outcome has).
pub use crate::checks::Status;

/// One requirement's result with its evidence.
#[derive(Debug, Clone, Serialize)]
pub struct RequirementResult {
    /// The requirement id, e.g. `COV-01`.
    pub id: String,
    /// The id of its domain, e.g. `COV`.
    pub domain: String,
    /// The requirement's title from the ruleset.
    pub title: String,
    /// Whether it gates the verdict.
    pub mandatory: bool,
    /// Its weight within its domain, from the ruleset.
    pub weight: f64,
    /// The result scored: the check's, unless a waiver or an assessor's
    /// override replaced it.
    pub result: Status,
    /// Credit in [0, 1] (four decimals).
    pub credit: f64,
    /// How much the overall score rises if this gap is closed (two decimals).
    pub points_at_stake: f64,
    /// What was measured, against what target.
    pub measured: Option<Measure>,
    /// What was found, with locations.
    pub findings: Vec<FindingOut>,
    /// What satisfies it, from the ruleset.
    pub description: String,
    /// How to close the gap, from the ruleset's `remediation`.
    pub remediation: String,
    /// The waiver that took it out of the score.
    pub waived_by: Option<String>,
    /// The assessor's judgement, which replaces the automated result when present.
    pub assessor: Option<AssessorJudgement>,
    /// Its check's kind (`rota-staffed`), from which renderers find the
    /// finding codes it can report ([`crate::checks::Check::kind_codes`]);
    /// not in the JSON result, whose findings carry their own codes.
    #[serde(skip)]
    pub check: &'static str,
}

/// An assessor's override of one requirement, beside the automated result.
#[derive(Debug, Clone, Serialize)]
pub struct AssessorJudgement {
    /// The assessor's result (scored).
    pub result: Status,
    /// The assessor's credit.
    pub credit: f64,
    /// What the tool found.
    pub automated_result: Status,
    /// The tool's credit.
    pub automated_credit: f64,
    /// The assessor who recorded the override.
    pub assessor: String,
    /// The date of their judgement.
    pub date: Date,
    /// Their reason, shown beside the result.
    pub remark: String,
    /// The override file (relative to the overrides directory).
    pub file: String,
}

/// What became of an override file.
#[derive(Debug, Clone, Serialize)]
pub struct OverrideStatus {
    /// The requirement id the override names (it may name none).
    pub requirement: String,
    /// Whether it was applied, and if not why not.
    pub status: OverrideState,
    /// What became of it, in plain words.
    pub message: String,
    /// The override file, relative to the overrides directory.
    pub file: String,
}

/// What became of an override (in JSON: `applied`, `unknown-requirement`,
/// `duplicate`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OverrideState {
    /// Its result replaced the tool's.
    Applied,
    /// Names no requirement of the ruleset: ignored.
    UnknownRequirement,
    /// A second override of the same requirement: ignored.
    Duplicate,
}

impl OverrideState {
    /// Its kebab-case name, as the JSON result and every report write it.
    pub fn as_str(self) -> &'static str {
        match self {
            OverrideState::Applied => "applied",
            OverrideState::UnknownRequirement => "unknown-requirement",
            OverrideState::Duplicate => "duplicate",
        }
    }
}

/// A finding as written in outputs: location flattened.
#[derive(Debug, Clone, Serialize)]
pub struct FindingOut {
    /// Stable code: a [`crate::finding::FindingCode`]'s name (or, in a plan's validation
    /// actions, a diagnostic code's).
    pub code: &'static str,
    /// What was found, in plain words (it may quote evidence: renderers
    /// encode it).
    pub message: String,
    /// Pack-relative file, if any.
    pub file: Option<String>,
    /// Line, if known.
    pub line: Option<u32>,
    /// Column, if known.
    pub column: Option<u32>,
}

impl From<Finding> for FindingOut {
    fn from(finding: Finding) -> FindingOut {
        let (file, line, column) = match finding.location {
            Some(l) => (
                Some(l.file),
                l.position.map(|p| p.line),
                l.position.map(|p| p.column),
            ),
            None => (None, None, None),
        };
        FindingOut {
            code: finding.code.name(),
            message: finding.message,
            file,
            line,
            column,
        }
    }
}

/// What became of a waiver.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WaiverStatus {
    /// Applied: the requirement is out of the score.
    Active,
    /// Expires before the window ends: not applied.
    Expired,
    /// The requirement may not be waived: not applied.
    NotWaivable,
    /// Names no requirement of the ruleset.
    UnknownRequirement,
    /// Matches no gap (the requirement is met or not applicable): remove it.
    Stale,
    /// A second waiver for the same requirement: not applied.
    Duplicate,
}

/// A waiver and its status.
#[derive(Debug, Clone, Serialize)]
pub struct WaiverResult {
    /// The requirement id the waiver names (it may name none).
    pub requirement: String,
    /// Whether it was applied, and if not why not.
    pub status: WaiverStatus,
    /// Plain-words explanation of the status.
    pub message: String,
    /// Why the requirement is waived, as written in the waiver.
    pub justification: String,
    /// Who approved the waiver, as written in it.
    pub approved_by: String,
    /// The date the waiver expires, as written in it (one that expires
    /// before the window ends is not applied).
    pub expires: Date,
    /// The waiver's pack-relative file.
    pub file: String,
    /// Line of the `requirement` field.
    pub line: Option<u32>,
}

/// The rota's 24/7 cover over the assessment window, for reports.
#[derive(Debug, Clone, Serialize)]
pub struct CoverSummary {
    /// The rota file analysed.
    pub rota: String,
    /// Its time zone.
    pub timezone: String,
    /// Fewest desk staff that count as staffed (COV-02).
    pub min_staff: u32,
    /// Desk staff that avoid lone working (COV-04).
    pub pair_staff: u32,
    /// Real length of the window in minutes.
    pub window_minutes: i64,
    /// Minutes with fewer than `min_staff` desk staff.
    pub gap_minutes: i64,
    /// Share of the window with at least `pair_staff` desk staff (0 to 1).
    pub paired_share: f64,
    /// Every gap, in time order.
    pub gaps: Vec<CoverGap>,
    /// The 168 local hour-of-week slots, Monday 00:00 first.
    pub heatmap: Vec<HeatmapSlot>,
}

/// One interval with fewer than `min_staff` desk staff.
#[derive(Debug, Clone, Serialize)]
pub struct CoverGap {
    /// Local start with UTC offset, e.g. `2008-10-25T08:00:00+01:00`.
    pub start: String,
    /// Local end with UTC offset.
    pub end: String,
    /// Real length in minutes.
    pub minutes: i64,
    /// Fewest desk staff on duty during it.
    pub staff: u32,
}

/// Staffing in one local hour of the week across the window.
#[derive(Debug, Clone, Serialize)]
pub struct HeatmapSlot {
    /// `Mon` … `Sun`.
    pub day: &'static str,
    /// Hour of the day, 0–23.
    pub hour: u8,
    /// Lowest desk staffing seen in this hour in any week of the window.
    pub lowest: u32,
    /// Typical (median) desk staffing in this hour.
    pub typical: u32,
    /// How many times this hour occurs in the window (0 on a slot the window never reaches).
    pub occurrences: u32,
}
