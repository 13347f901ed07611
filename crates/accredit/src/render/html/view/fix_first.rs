//! Section 3, `sections/fix_first.html`: the gaps in fix-first order, with
//! their findings and the ruleset's (sanitised) description and remedy.

use accredit_core::assess::{RequirementResult, Status};
use minijinja::Value;
use serde::Serialize;

use super::{
    FINDINGS_SHOWN, FileAnchors, FindingView, StatusView, requirement_anchor, result_status, status,
};
use crate::render::html::markdown;

/// One gap of the fix-first list.
#[derive(Debug, Serialize)]
pub struct GapView {
    /// 1, 2, 3…
    pub rank: usize,
    /// Requirement id.
    pub id: String,
    /// Id of the requirement's row in section 5.
    pub anchor: String,
    /// The requirement's title from the ruleset.
    pub title: String,
    /// Whether it gates the verdict.
    pub mandatory: bool,
    /// The requirement's scored result.
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

pub(super) fn gap_view(
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
pub(super) fn gap_status(r: &RequirementResult) -> StatusView {
    match (r.mandatory, r.result) {
        (true, Status::Partial | Status::Fail) => status("✗", "not met", "bad"),
        (true, Status::Missing) => status("?", "not met (no evidence)", "bad"),
        (true, Status::Error) => status("!", "not met (evidence in error)", "bad"),
        (_, result) => result_status(result),
    }
}
