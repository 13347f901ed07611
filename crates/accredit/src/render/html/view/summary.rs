//! Section 1, `sections/summary.html`: who is assessed and when, the
//! ruleset, the verdict badge and the overall score.

use accredit_core::assess::{Assessment, Verdict};
use serde::Serialize;

use super::DateView;
use crate::words::{self, days_to_go, percent};

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
    /// The ruleset's id, e.g. `lsd-accreditation`.
    pub id: String,
    /// The ruleset's version as written in it.
    pub version: String,
    /// The ruleset's title, as the report heads it.
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

/// The applicant and the window of `a`.
pub(super) fn applicant_view(a: &Assessment) -> ApplicantView {
    ApplicantView {
        organisation: a.applicant.organisation.clone(),
        ods_code: a.applicant.ods_code.clone(),
        service_desk: a.applicant.service_desk.clone(),
        lsp: a.applicant.lsp.clone(),
        applications: a.applicant.applications.clone(),
        start: DateView::new(a.applicant.assessment_start),
        end: DateView::new(a.applicant.assessment_end),
        days_to_go: days_to_go(a.applicant.days_to_start),
    }
}

/// The ruleset `a` was assessed against.
pub(super) fn ruleset_view(a: &Assessment) -> RulesetView {
    RulesetView {
        id: a.ruleset.id.clone(),
        version: a.ruleset.version.clone(),
        title: a.ruleset.title.clone(),
        sha256: a.ruleset.sha256.clone(),
    }
}

/// The overall score of `a`.
pub(super) fn score_view(a: &Assessment) -> ScoreView {
    ScoreView {
        overall: percent(a.score.overall),
        threshold: format!("{}%", words::number(a.score.ready_threshold)),
        passed: a.score.passed,
        counted: a.score.counted,
        mandatory_met: a.score.mandatory_met,
        mandatory_total: a.score.mandatory_total,
    }
}

pub(super) fn verdict_view(a: &Assessment) -> VerdictView {
    let threshold = words::number(a.score.ready_threshold);
    match a.verdict {
        Verdict::Ready => VerdictView {
            word: words::verdict_heading(Verdict::Ready),
            symbol: "✓",
            class: "ready",
            explanation: format!(
                "Every mandatory requirement is met and the overall score is at or above the {threshold}% needed."
            ),
        },
        Verdict::Approaching => VerdictView {
            word: words::verdict_heading(Verdict::Approaching),
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
                word: words::verdict_heading(Verdict::NotReady),
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
