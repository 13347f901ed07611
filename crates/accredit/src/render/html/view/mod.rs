//! The report's view-model: plain values, worded and formatted here, that the
//! templates only lay out, one module per section template
//! (`templates/sections/NAME.html` ↔ `view/NAME.rs`). Nothing in it is HTML
//! except the ruleset's Markdown ([`GapView::description`] and
//! [`GapView::remediation`]), which [`super::markdown`] has sanitised and
//! marked safe.

mod cover;
mod domains;
mod evidence;
mod fix_first;
pub mod readiness;
mod requirements;
mod summary;
mod waivers;

use std::collections::BTreeMap;

use accredit_core::assess::{Assessment, FindingOut, Status};
use accredit_core::evidence::PackFile;
use jiff::civil::Date;
use serde::Serialize;

pub use cover::CoverView;
pub use domains::DomainView;
pub use evidence::{DiagnosticView, EvidenceSummary, FileView};
pub use fix_first::GapView;
pub use requirements::RequirementGroup;
pub use summary::{ApplicantView, RulesetView, ScoreView, VerdictView};
pub use waivers::{OverrideNotApplied, OverrideView, WaiverView};

use super::charts::{self, BarChart};
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
        Report {
            invalid_evidence: crate::render::invalid_evidence(a).map(|i| i.headline()),
            title: format!(
                "LSD accreditation gap report — {}",
                a.applicant.organisation
            ),
            tool: format!("{} {}", a.tool.name, a.tool.version),
            applicant: summary::applicant_view(a),
            ruleset: summary::ruleset_view(a),
            as_of: DateView::new(a.as_of),
            verdict: summary::verdict_view(a),
            score: summary::score_view(a),
            domains: a.score.domains.iter().map(domains::domain_view).collect(),
            domain_chart: charts::domain_chart(&a.score.domains, a.score.ready_threshold),
            fix_first: a
                .gaps
                .iter()
                .filter_map(|id| a.requirements.iter().find(|r| &r.id == id))
                .enumerate()
                .map(|(n, r)| fix_first::gap_view(n + 1, r, &anchors, &sanitiser))
                .collect(),
            cover: a.cover.as_ref().map(|c| cover::cover_view(c, &anchors)),
            requirement_groups: requirements::requirement_groups(a, &anchors),
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
                .map(|w| waivers::waiver_view(w, &anchors, &rows))
                .collect(),
            overrides: a
                .requirements
                .iter()
                .filter_map(|r| waivers::override_view(r, &rows))
                .collect(),
            overrides_not_applied: waivers::overrides_not_applied(a),
            files: evidence::files(a, &anchors),
            evidence_summary: evidence::evidence_summary(a),
            diagnostics: evidence::diagnostics(a, &anchors),
            signed_with: None,
        }
    }
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

pub(crate) const fn status(
    symbol: &'static str,
    word: &'static str,
    tone: &'static str,
) -> StatusView {
    StatusView { symbol, word, tone }
}

pub(super) fn result_status(result: Status) -> StatusView {
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
    /// Where the finding is in the pack, when it has a place.
    pub location: Option<LocationView>,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requirement_anchors_are_safe_ids() {
        assert_eq!(requirement_anchor("COV-01"), "req-COV-01");
        assert_eq!(requirement_anchor("a b\"<"), "req-a-b--");
    }
}
