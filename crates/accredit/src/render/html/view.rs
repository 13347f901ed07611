//! The report's view-model: plain values, worded and formatted here, that the
//! templates only lay out. Nothing in it is HTML except the ruleset's Markdown
//! ([`GapView::description`] and [`GapView::remediation`]), which
//! [`super::markdown`] has sanitised and marked safe.

use std::collections::{BTreeMap, BTreeSet};

use accredit_core::assess::{
    Assessment, CoverSummary, DomainScore, FindingOut, OverrideState, RequirementResult, Status,
    Verdict, WaiverResult, WaiverStatus,
};
use accredit_core::diagnostic::Severity;
use accredit_core::evidence::PackFile;
use jiff::civil::Date;
use minijinja::Value;
use serde::Serialize;

use super::charts::{self, BarChart, Heatmap};
use super::markdown;

/// Findings listed under one gap before "and N more".
pub(super) const FINDINGS_SHOWN: usize = 25;

/// Evidence locations listed for one requirement before "and N more".
const LOCATIONS_SHOWN: usize = 8;

/// Everything the report shows, in the order it shows it.
#[derive(Debug, Serialize)]
pub struct Report {
    /// Shown first when the evidence is invalid: how many files, and what it means.
    pub invalid_evidence: Option<String>,
    /// The document title.
    pub title: String,
    /// `accredit 0.1.0`.
    pub tool: String,
    /// (1) Who is assessed, and when.
    pub applicant: ApplicantView,
    /// (1) The ruleset applied.
    pub ruleset: RulesetView,
    /// (1) The run date.
    pub as_of: DateView,
    /// (1) The verdict badge.
    pub verdict: VerdictView,
    /// (1) The overall score.
    pub score: ScoreView,
    /// (2) Domain scores, for the table.
    pub domains: Vec<DomainView>,
    /// (2) Domain scores, as a chart.
    pub domain_chart: BarChart,
    /// (3) The gaps in fix-first order.
    pub fix_first: Vec<GapView>,
    /// (4) The rota's 24/7 cover, when it could be analysed.
    pub cover: Option<CoverView>,
    /// (5) Requirements, grouped by domain (domains that have any).
    pub requirement_groups: Vec<RequirementGroup>,
    /// (5) Domains of the ruleset with no requirement in this assessment.
    pub empty_domains: Vec<String>,
    /// (6) Waivers.
    pub waivers: Vec<WaiverView>,
    /// (6) Assessor overrides applied, rendered only when there are any.
    pub overrides: Vec<OverrideView>,
    /// (6) Override files that were not applied, and why.
    pub overrides_not_applied: Vec<OverrideNotApplied>,
    /// (7) The evidence index.
    pub files: Vec<FileView>,
    /// (7) Counts for the evidence index.
    pub evidence_summary: EvidenceSummary,
    /// (7) Validation problems.
    pub diagnostics: Vec<DiagnosticView>,
    /// (1) The fingerprint of the key the result is signed with, when it is.
    pub signed_with: Option<String>,
}

/// A date, machine-readable and in words.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// `2008-10-06`, for `<time datetime>`.
    pub iso: String,
    /// `6 October 2008`.
    pub long: String,
}

impl DateView {
    pub(super) fn new(date: Date) -> DateView {
        DateView {
            iso: date.to_string(),
            long: date.strftime("%-d %B %Y").to_string(),
        }
    }
}

/// A status shown as a symbol and a word (and a class for colour, which is
/// never the only signal).
#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    /// ✓ ◐ ✗ ? ! – ⊘.
    pub symbol: &'static str,
    /// The word.
    pub word: &'static str,
    /// CSS class: `good`, `warn`, `bad` or `neutral`.
    pub tone: &'static str,
}

const fn status(symbol: &'static str, word: &'static str, tone: &'static str) -> StatusView {
    StatusView { symbol, word, tone }
}

fn result_status(result: Status) -> StatusView {
    match result {
        Status::Pass => status("✓", "pass", "good"),
        Status::Partial => status("◐", "partial", "warn"),
        Status::Fail => status("✗", "fail", "bad"),
        Status::Missing => status("?", "missing", "bad"),
        Status::Error => status("!", "error", "bad"),
        Status::NotApplicable => status("–", "not applicable", "neutral"),
        Status::Waived => status("⊘", "waived", "neutral"),
    }
}

fn waiver_status(waiver: WaiverStatus) -> StatusView {
    match waiver {
        WaiverStatus::Active => status("✓", "active", "good"),
        WaiverStatus::Expired => status("✗", "expired", "bad"),
        WaiverStatus::NotWaivable => status("✗", "not waivable", "bad"),
        WaiverStatus::UnknownRequirement => status("?", "unknown requirement", "warn"),
        WaiverStatus::Stale => status("!", "stale", "warn"),
        WaiverStatus::Duplicate => status("!", "duplicate", "warn"),
    }
}

/// The applicant and the window.
#[derive(Debug, Serialize)]
pub struct ApplicantView {
    /// Trust name.
    pub organisation: String,
    /// ODS code.
    pub ods_code: Option<String>,
    /// Desk name.
    pub service_desk: String,
    /// LSP name.
    pub lsp: String,
    /// Applications in scope, as written.
    pub applications: Vec<String>,
    /// First day of the window.
    pub start: DateView,
    /// Last day of the window.
    pub end: DateView,
    /// `35 days to go`, `starts today`, `started 3 days ago`.
    pub days_to_go: String,
}

/// The ruleset.
#[derive(Debug, Serialize)]
pub struct RulesetView {
    /// Id.
    pub id: String,
    /// Version.
    pub version: String,
    /// Title.
    pub title: String,
    /// SHA-256 of the ruleset file.
    pub sha256: String,
}

/// The verdict badge.
#[derive(Debug, Serialize)]
pub struct VerdictView {
    /// `READY`, `APPROACHING`, `NOT READY`.
    pub word: &'static str,
    /// ✓ ◐ ✗.
    pub symbol: &'static str,
    /// `ready`, `approaching`, `not-ready` (CSS class).
    pub class: &'static str,
    /// What the verdict means for this pack.
    pub explanation: String,
}

/// The overall score.
#[derive(Debug, Serialize)]
pub struct ScoreView {
    /// `87.5%`.
    pub overall: String,
    /// `85%`.
    pub threshold: String,
    /// Requirements passed.
    pub passed: usize,
    /// Requirements counted.
    pub counted: usize,
    /// Mandatory requirements met.
    pub mandatory_met: usize,
    /// Mandatory requirements in all.
    pub mandatory_total: usize,
}

/// One domain's row in the score table.
#[derive(Debug, Serialize)]
pub struct DomainView {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// `20`.
    pub weight: String,
    /// `87.5%` or `not scored`.
    pub score: String,
    /// Whether anything in it is counted.
    pub scored: bool,
    /// Requirements passed.
    pub passed: usize,
    /// Requirements counted.
    pub counted: usize,
    /// Mandatory requirements met.
    pub mandatory_met: usize,
    /// Mandatory requirements in all.
    pub mandatory_total: usize,
    /// All mandatory met, some not, or none to meet.
    pub mandatory: StatusView,
}

/// A place in the pack, linked to its row of the evidence index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocationView {
    /// `file:line` (or just the file).
    pub text: String,
    /// The evidence index row's id, when the file is in the index.
    pub anchor: Option<String>,
}

/// One finding.
#[derive(Debug, Serialize)]
pub struct FindingView {
    /// Stable code.
    pub code: &'static str,
    /// Message, as plain text.
    pub message: String,
    /// Where.
    pub location: Option<LocationView>,
}

/// One gap of the fix-first list.
#[derive(Debug, Serialize)]
pub struct GapView {
    /// 1, 2, 3…
    pub rank: usize,
    /// Requirement id.
    pub id: String,
    /// Id of the requirement's row in section 5.
    pub anchor: String,
    /// Title.
    pub title: String,
    /// Whether it gates the verdict.
    pub mandatory: bool,
    /// Result.
    pub result: StatusView,
    /// `+31.2`.
    pub points: String,
    /// `measured 92.0% against a target of 95.0%`.
    pub measured: Option<String>,
    /// What the ruleset requires, rendered from Markdown and sanitised (safe HTML).
    pub description: Value,
    /// The first findings.
    pub findings: Vec<FindingView>,
    /// Findings not listed.
    pub findings_hidden: usize,
    /// The ruleset's remediation, rendered from Markdown and sanitised (safe HTML).
    pub remediation: Value,
}

/// The 24/7 cover analysis.
#[derive(Debug, Serialize)]
pub struct CoverView {
    /// Rota file.
    pub rota: LocationView,
    /// Its time zone.
    pub timezone: String,
    /// Fewest staff that count as staffed.
    pub min_staff: u32,
    /// Staff that avoid lone working.
    pub pair_staff: u32,
    /// `2,016 hours`.
    pub window: String,
    /// `0 minutes` or `1 h 30 min (90 minutes)`.
    pub gap_total: String,
    /// Whether the window has any gap.
    pub has_gaps: bool,
    /// `87.5%`.
    pub paired_share: String,
    /// The 7 × 24 chart.
    pub heatmap: Heatmap,
    /// Every gap interval.
    pub gaps: Vec<CoverGapView>,
}

/// One cover gap.
#[derive(Debug, Serialize)]
pub struct CoverGapView {
    /// Local start with offset, as given (for `<time datetime>`).
    pub start_iso: String,
    /// `2008-10-25 08:00 +01:00`.
    pub start: String,
    /// Local end with offset, as given.
    pub end_iso: String,
    /// `2008-10-25 09:30 +01:00`.
    pub end: String,
    /// Minutes.
    pub minutes: i64,
    /// `1 h 30 min`.
    pub duration: String,
    /// Fewest staff on duty during it.
    pub staff: u32,
}

/// A domain's requirements.
#[derive(Debug, Serialize)]
pub struct RequirementGroup {
    /// Domain id.
    pub id: String,
    /// Domain title.
    pub title: String,
    /// `87.5%` or `not scored`.
    pub score: String,
    /// Its requirements, in ruleset order.
    pub requirements: Vec<RequirementView>,
}

/// One requirement's row.
#[derive(Debug, Serialize)]
pub struct RequirementView {
    /// Id.
    pub id: String,
    /// Row id.
    pub anchor: String,
    /// Title.
    pub title: String,
    /// Whether it gates the verdict.
    pub mandatory: bool,
    /// Result (the assessor's, when overridden).
    pub result: StatusView,
    /// What the tool found, when an assessor overrode it.
    pub automated: Option<StatusView>,
    /// For gaps: `measured 98.7% against a target of 100%`, beside the result.
    pub measured: Option<String>,
    /// `100%`.
    pub credit: String,
    /// `+31.2` for gaps, empty otherwise.
    pub points: Option<String>,
    /// Rank in the fix-first list, for gaps.
    pub gap_anchor: Option<String>,
    /// Where its findings (and its waiver) point.
    pub evidence: Vec<LocationView>,
    /// Locations not listed.
    pub evidence_hidden: usize,
}

/// A waiver.
#[derive(Debug, Serialize)]
pub struct WaiverView {
    /// What became of it.
    pub status: StatusView,
    /// Plain-words explanation of the status.
    pub message: String,
    /// Requirement id.
    pub requirement: String,
    /// The requirement's row, when the requirement exists.
    pub requirement_anchor: Option<String>,
    /// Justification.
    pub justification: String,
    /// Approver.
    pub approved_by: String,
    /// Expiry.
    pub expires: DateView,
    /// The waiver file.
    pub location: LocationView,
}

/// An assessor's override (`kind: Override`, from `--overrides DIR`), shown
/// beside the automated result; the assessor's is scored.
#[derive(Debug, Serialize)]
pub struct OverrideView {
    /// Requirement id.
    pub requirement: String,
    /// The requirement's row.
    pub requirement_anchor: Option<String>,
    /// What the tool found.
    pub automated: StatusView,
    /// What the assessor recorded (and what is scored).
    pub assessor_result: StatusView,
    /// The tool's credit and the assessor's: `0% → 100%`.
    pub credit: String,
    /// The assessor.
    pub assessor: String,
    /// When.
    pub date: DateView,
    /// Why.
    pub remark: String,
    /// The override file (in the overrides directory, so not in the evidence index).
    pub location: LocationView,
}

/// An override file that was not applied.
#[derive(Debug, Serialize)]
pub struct OverrideNotApplied {
    /// Why not, in a word.
    pub status: StatusView,
    /// Requirement id as written.
    pub requirement: String,
    /// Plain words.
    pub message: String,
    /// The override file.
    pub file: String,
}

/// One file of the evidence index.
#[derive(Debug, Serialize)]
pub struct FileView {
    /// Row id.
    pub anchor: String,
    /// Pack-relative path.
    pub path: String,
    /// `evidence`, `export`, `attachment`.
    pub role: &'static str,
    /// Evidence kind, for evidence documents.
    pub kind: Option<&'static str>,
    /// `1.9 KiB`.
    pub size: String,
    /// Valid or not.
    pub status: StatusView,
    /// Diagnostics pointing into it.
    pub problems: usize,
    /// SHA-256, lower-case hex.
    pub sha256: String,
}

/// Counts for the evidence index.
#[derive(Debug, Serialize)]
pub struct EvidenceSummary {
    /// Files.
    pub files: usize,
    /// Files that loaded without errors.
    pub valid: usize,
    /// Error diagnostics.
    pub errors: usize,
    /// Warning diagnostics.
    pub warnings: usize,
}

/// A validation problem.
#[derive(Debug, Serialize)]
pub struct DiagnosticView {
    /// Error or warning.
    pub severity: StatusView,
    /// Stable code.
    pub code: &'static str,
    /// Message.
    pub message: String,
    /// Where.
    pub location: Option<LocationView>,
}

impl Report {
    /// Prepares the view of `a`.
    pub fn new(a: &Assessment) -> Report {
        let anchors = FileAnchors::new(&a.files);
        let rows: BTreeMap<&str, String> = a
            .requirements
            .iter()
            .map(|r| (r.id.as_str(), requirement_anchor(&r.id)))
            .collect();
        let sanitiser = markdown::Sanitiser::new();
        let fix_first: Vec<GapView> = a
            .gaps
            .iter()
            .filter_map(|id| a.requirements.iter().find(|r| &r.id == id))
            .enumerate()
            .map(|(n, r)| gap_view(n + 1, r, &anchors, &sanitiser))
            .collect();
        let domains: Vec<DomainView> = a.score.domains.iter().map(domain_view).collect();
        Report {
            invalid_evidence: crate::render::invalid_evidence(a).map(|i| i.headline()),
            title: format!(
                "LSD accreditation gap report — {}",
                a.applicant.organisation
            ),
            tool: format!("{} {}", a.tool.name, a.tool.version),
            applicant: ApplicantView {
                organisation: a.applicant.organisation.clone(),
                ods_code: a.applicant.ods_code.clone(),
                service_desk: a.applicant.service_desk.clone(),
                lsp: a.applicant.lsp.clone(),
                applications: a.applicant.applications.clone(),
                start: DateView::new(a.applicant.assessment_start),
                end: DateView::new(a.applicant.assessment_end),
                days_to_go: days_to_go(a.applicant.days_to_start),
            },
            ruleset: RulesetView {
                id: a.ruleset.id.clone(),
                version: a.ruleset.version.clone(),
                title: a.ruleset.title.clone(),
                sha256: a.ruleset.sha256.clone(),
            },
            as_of: DateView::new(a.as_of),
            verdict: verdict_view(a),
            score: ScoreView {
                overall: percent(a.score.overall),
                threshold: format!("{}%", words::number(a.score.ready_threshold)),
                passed: a.score.passed,
                counted: a.score.counted,
                mandatory_met: a.score.mandatory_met,
                mandatory_total: a.score.mandatory_total,
            },
            domain_chart: charts::domain_chart(&a.score.domains, a.score.ready_threshold),
            domains,
            fix_first,
            cover: a.cover.as_ref().map(|c| cover_view(c, &anchors)),
            requirement_groups: requirement_groups(a, &anchors),
            empty_domains: a
                .score
                .domains
                .iter()
                .filter(|d| !a.requirements.iter().any(|r| r.domain == d.id))
                .map(|d| format!("{} {}", d.id, d.title))
                .collect(),
            waivers: a
                .waivers
                .iter()
                .map(|w| waiver_view(w, &anchors, &rows))
                .collect(),
            overrides: a
                .requirements
                .iter()
                .filter_map(|r| override_view(r, &rows))
                .collect(),
            overrides_not_applied: a
                .overrides
                .iter()
                .filter_map(|o| {
                    let status = match o.status {
                        OverrideState::Applied => return None,
                        OverrideState::Duplicate => status("!", "duplicate", "warn"),
                        OverrideState::UnknownRequirement => {
                            status("?", "unknown requirement", "warn")
                        }
                    };
                    Some((o, status))
                })
                .map(|(o, status)| OverrideNotApplied {
                    status,
                    requirement: o.requirement.clone(),
                    message: o.message.clone(),
                    file: o.file.clone(),
                })
                .collect(),
            files: {
                let problems = problems_by_file(a);
                a.files
                    .iter()
                    .map(|f| file_view(f, &problems, &anchors))
                    .collect()
            },
            evidence_summary: EvidenceSummary {
                files: a.files.len(),
                valid: a.files.iter().filter(|f| f.valid).count(),
                errors: a.diagnostics.iter().filter(|d| d.is_error()).count(),
                warnings: a.diagnostics.iter().filter(|d| !d.is_error()).count(),
            },
            diagnostics: a
                .diagnostics
                .iter()
                .map(|d| DiagnosticView {
                    severity: match d.severity {
                        Severity::Error => status("✗", "error", "bad"),
                        Severity::Warning => status("!", "warning", "warn"),
                    },
                    code: d.code.as_str(),
                    message: d.message.clone(),
                    location: d
                        .location
                        .as_ref()
                        .map(|l| anchors.location(&l.file, l.line())),
                })
                .collect(),
            signed_with: None,
        }
    }
}

/// Ids of the evidence index rows, by path. Rows are numbered, so any path
/// gives a safe, unique id.
struct FileAnchors<'a> {
    by_path: BTreeMap<&'a str, String>,
}

impl<'a> FileAnchors<'a> {
    fn new(files: &'a [PackFile]) -> FileAnchors<'a> {
        FileAnchors {
            by_path: files
                .iter()
                .enumerate()
                .map(|(n, f)| (f.path.as_str(), format!("file-{}", n + 1)))
                .collect(),
        }
    }

    fn anchor(&self, path: &str) -> Option<String> {
        self.by_path.get(path).cloned()
    }

    fn location(&self, file: &str, line: Option<u32>) -> LocationView {
        LocationView {
            text: match line {
                Some(line) => format!("{file}:{line}"),
                None => file.to_string(),
            },
            anchor: self.anchor(file),
        }
    }

    fn finding(&self, finding: &FindingOut) -> Option<LocationView> {
        finding
            .file
            .as_deref()
            .map(|file| self.location(file, finding.line))
    }
}

/// `req-` and the id with anything but ASCII letters, digits, `-` and `_` replaced.
fn requirement_anchor(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("req-{safe}")
}

fn verdict_view(a: &Assessment) -> VerdictView {
    let threshold = words::number(a.score.ready_threshold);
    match a.verdict {
        Verdict::Ready => VerdictView {
            word: "READY",
            symbol: "✓",
            class: "ready",
            explanation: format!(
                "Every mandatory requirement is met and the overall score is at or above the {threshold}% needed."
            ),
        },
        Verdict::Approaching => VerdictView {
            word: "APPROACHING",
            symbol: "◐",
            class: "approaching",
            explanation: format!(
                "Every mandatory requirement is met, but the overall score is below the {threshold}% needed to be ready."
            ),
        },
        Verdict::NotReady => {
            let unmet =
                a.score.mandatory_total - a.score.mandatory_met.min(a.score.mandatory_total);
            VerdictView {
                word: "NOT READY",
                symbol: "✗",
                class: "not-ready",
                explanation: format!(
                    "{unmet} of {} mandatory requirements {} not met; each must be met (or validly waived) to be ready.",
                    a.score.mandatory_total,
                    if unmet == 1 { "is" } else { "are" }
                ),
            }
        }
    }
}

fn domain_view(d: &DomainScore) -> DomainView {
    let mandatory = if d.mandatory_total == 0 {
        status("–", "none", "neutral")
    } else if d.mandatory_met >= d.mandatory_total {
        status("✓", "all met", "good")
    } else {
        status("✗", "not all met", "bad")
    };
    DomainView {
        id: d.id.clone(),
        title: d.title.clone(),
        weight: words::number(d.weight),
        score: d.score.map_or_else(|| "not scored".to_string(), percent),
        scored: d.score.is_some(),
        passed: d.passed,
        counted: d.counted,
        mandatory_met: d.mandatory_met,
        mandatory_total: d.mandatory_total,
        mandatory,
    }
}

fn gap_view(
    rank: usize,
    r: &RequirementResult,
    anchors: &FileAnchors<'_>,
    sanitiser: &markdown::Sanitiser,
) -> GapView {
    GapView {
        rank,
        id: r.id.clone(),
        anchor: requirement_anchor(&r.id),
        title: r.title.clone(),
        mandatory: r.mandatory,
        result: gap_status(r),
        points: format!("+{:.1}", r.points_at_stake),
        measured: r.measured.as_ref().map(crate::words::measured),
        findings: r
            .findings
            .iter()
            .take(FINDINGS_SHOWN)
            .map(|f| FindingView {
                code: f.code,
                message: f.message.clone(),
                location: anchors.finding(f),
            })
            .collect(),
        findings_hidden: r.findings.len().saturating_sub(FINDINGS_SHOWN),
        description: Value::from_safe_string(sanitiser.render(&r.description)),
        remediation: Value::from_safe_string(sanitiser.render(&r.remediation)),
    }
}

/// A gap's status: a mandatory requirement that is not met reads "not met"
/// whatever its partial credit (its measured share is shown beside it).
fn gap_status(r: &RequirementResult) -> StatusView {
    match (r.mandatory, r.result) {
        (true, Status::Partial | Status::Fail) => status("✗", "not met", "bad"),
        (true, Status::Missing) => status("?", "not met (no evidence)", "bad"),
        (true, Status::Error) => status("!", "not met (evidence in error)", "bad"),
        (_, result) => result_status(result),
    }
}

fn cover_view(c: &CoverSummary, anchors: &FileAnchors<'_>) -> CoverView {
    CoverView {
        rota: anchors.location(&c.rota, None),
        timezone: c.timezone.clone(),
        min_staff: c.min_staff,
        pair_staff: c.pair_staff,
        window: format!("{} hours", thousands(c.window_minutes / 60)),
        gap_total: if c.gap_minutes == 0 {
            "none".to_string()
        } else {
            format!(
                "{} ({} minutes)",
                duration(c.gap_minutes),
                thousands(c.gap_minutes)
            )
        },
        has_gaps: c.gap_minutes > 0 || !c.gaps.is_empty(),
        paired_share: percent(c.paired_share * 100.0),
        heatmap: charts::heatmap(&c.heatmap, c.min_staff, c.pair_staff),
        gaps: c
            .gaps
            .iter()
            .map(|g| CoverGapView {
                start_iso: g.start.clone(),
                start: local_time(&g.start),
                end_iso: g.end.clone(),
                end: local_time(&g.end),
                minutes: g.minutes,
                duration: duration(g.minutes),
                staff: g.staff,
            })
            .collect(),
    }
}

/// `2008-10-25T08:00:00+01:00` → `2008-10-25 08:00 +01:00`; anything else as given.
fn local_time(text: &str) -> String {
    let Some((date, rest)) = text.split_once('T') else {
        return text.to_string();
    };
    let split = rest.find(['+', '-', 'Z']).unwrap_or(rest.len());
    let (time, offset) = rest.split_at(split);
    let time = time
        .strip_suffix(":00")
        .filter(|t| t.len() == 5)
        .unwrap_or(time);
    let offset = if offset == "Z" { "+00:00" } else { offset };
    format!("{date} {time} {offset}").trim_end().to_string()
}

fn requirement_groups(a: &Assessment, anchors: &FileAnchors<'_>) -> Vec<RequirementGroup> {
    let gap_rank: BTreeMap<&str, usize> = a
        .gaps
        .iter()
        .enumerate()
        .map(|(n, id)| (id.as_str(), n))
        .collect();
    a.score
        .domains
        .iter()
        .filter_map(|d| {
            let requirements: Vec<RequirementView> = a
                .requirements
                .iter()
                .filter(|r| r.domain == d.id)
                .map(|r| requirement_view(r, a, anchors, gap_rank.contains_key(r.id.as_str())))
                .collect();
            (!requirements.is_empty()).then(|| RequirementGroup {
                id: d.id.clone(),
                title: d.title.clone(),
                score: d.score.map_or_else(|| "not scored".to_string(), percent),
                requirements,
            })
        })
        .collect()
}

fn requirement_view(
    r: &RequirementResult,
    a: &Assessment,
    anchors: &FileAnchors<'_>,
    is_gap: bool,
) -> RequirementView {
    let waiver = r.waived_by.as_ref().and_then(|_| {
        a.waivers
            .iter()
            .find(|w| w.requirement == r.id && w.status == WaiverStatus::Active)
    });
    let places = r
        .findings
        .iter()
        .filter_map(|f| anchors.finding(f))
        .chain(waiver.map(|w| anchors.location(&w.file, w.line)));
    // Each place once, in the order found.
    let mut seen = BTreeSet::new();
    let mut evidence: Vec<LocationView> = Vec::new();
    let mut evidence_hidden = 0;
    for place in places {
        if seen.insert(place.text.clone()) {
            if evidence.len() < LOCATIONS_SHOWN {
                evidence.push(place);
            } else {
                evidence_hidden += 1;
            }
        }
    }
    RequirementView {
        id: r.id.clone(),
        anchor: requirement_anchor(&r.id),
        title: r.title.clone(),
        mandatory: r.mandatory,
        result: if r.result.is_gap() {
            gap_status(r)
        } else {
            result_status(r.result)
        },
        automated: r
            .assessor
            .as_ref()
            .map(|j| result_status(j.automated_result)),
        measured: r
            .measured
            .as_ref()
            .filter(|_| r.result.is_gap())
            .map(crate::words::measured),
        credit: percent_whole(r.credit * 100.0),
        points: is_gap.then(|| format!("+{:.1}", r.points_at_stake)),
        gap_anchor: is_gap.then(|| format!("gap-{}", requirement_anchor(&r.id))),
        evidence,
        evidence_hidden,
    }
}

fn override_view(r: &RequirementResult, rows: &BTreeMap<&str, String>) -> Option<OverrideView> {
    let j = r.assessor.as_ref()?;
    Some(OverrideView {
        requirement: r.id.clone(),
        requirement_anchor: rows.get(r.id.as_str()).cloned(),
        automated: result_status(j.automated_result),
        assessor_result: result_status(j.result),
        credit: format!(
            "{} → {}",
            percent_whole(j.automated_credit * 100.0),
            percent_whole(j.credit * 100.0)
        ),
        assessor: j.assessor.clone(),
        date: DateView::new(j.date),
        remark: j.remark.clone(),
        location: LocationView {
            text: j.file.clone(),
            anchor: None,
        },
    })
}

fn waiver_view(
    w: &WaiverResult,
    anchors: &FileAnchors<'_>,
    rows: &BTreeMap<&str, String>,
) -> WaiverView {
    WaiverView {
        status: waiver_status(w.status),
        message: w.message.clone(),
        requirement: w.requirement.clone(),
        requirement_anchor: rows.get(w.requirement.as_str()).cloned(),
        justification: w.justification.clone(),
        approved_by: w.approved_by.clone(),
        expires: DateView::new(w.expires),
        location: anchors.location(&w.file, w.line),
    }
}

/// How many diagnostics point into each file.
fn problems_by_file(a: &Assessment) -> BTreeMap<&str, usize> {
    let mut counts = BTreeMap::new();
    for location in a.diagnostics.iter().filter_map(|d| d.location.as_ref()) {
        *counts.entry(location.file.as_str()).or_insert(0) += 1;
    }
    counts
}

fn file_view(
    f: &PackFile,
    problems: &BTreeMap<&str, usize>,
    anchors: &FileAnchors<'_>,
) -> FileView {
    FileView {
        anchor: anchors.anchor(&f.path).unwrap_or_default(),
        path: f.path.clone(),
        role: f.role.as_str(),
        kind: f.role.kind().map(|k| k.name()),
        size: size(f.bytes),
        status: if f.valid {
            status("✓", "valid", "good")
        } else {
            status("✗", "invalid", "bad")
        },
        problems: problems.get(f.path.as_str()).copied().unwrap_or(0),
        sha256: f.sha256.clone(),
    }
}

use crate::words::{self, days_to_go, duration, percent, percent_whole, size, thousands};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_numbers_times_and_sizes_for_people() {
        assert_eq!(words::number(20.0), "20");
        assert_eq!(words::number(2.5), "2.5");
        assert_eq!(thousands(2016), "2,016");
        assert_eq!(thousands(120_960), "120,960");
        assert_eq!(duration(90), "1 h 30 min");
        assert_eq!(duration(45), "45 min");
        assert_eq!(duration(120), "2 h");
        assert_eq!(size(1924), "1.9 KiB");
        assert_eq!(size(12), "12 B");
        assert_eq!(
            local_time("2008-10-25T08:00:00+01:00"),
            "2008-10-25 08:00 +01:00"
        );
        assert_eq!(
            local_time("2008-10-26T01:30:00Z"),
            "2008-10-26 01:30 +00:00"
        );
        assert_eq!(local_time("not a time"), "not a time");
        assert_eq!(requirement_anchor("COV-01"), "req-COV-01");
        assert_eq!(requirement_anchor("a b\"<"), "req-a-b--");
        assert_eq!(days_to_go(35), "35 days to go");
        assert_eq!(days_to_go(-3), "started 3 days ago");
    }
}
