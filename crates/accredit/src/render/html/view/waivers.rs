//! Section 6, `sections/waivers.html`: waivers and assessor overrides, and
//! what became of each.

use std::collections::BTreeMap;

use accredit_core::assess::{
    Assessment, OverrideState, RequirementResult, WaiverResult, WaiverStatus,
};
use serde::Serialize;

use super::{DateView, FileAnchors, LocationView, StatusView, result_status, status};
use crate::words::{self, percent_whole};

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
    /// Why the requirement is waived, as written in the waiver.
    pub justification: String,
    /// Who approved the waiver, as written in it.
    pub approved_by: String,
    /// The date the waiver expires.
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
    /// The date of the assessor's judgement.
    pub date: DateView,
    /// The assessor's reason, shown beside the result.
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

fn waiver_status(waiver: WaiverStatus) -> StatusView {
    let (symbol, tone) = match waiver {
        WaiverStatus::Active => ("✓", "good"),
        WaiverStatus::Expired | WaiverStatus::NotWaivable => ("✗", "bad"),
        WaiverStatus::UnknownRequirement => ("?", "warn"),
        WaiverStatus::Stale | WaiverStatus::Duplicate => ("!", "warn"),
    };
    status(symbol, words::waiver(waiver), tone)
}

pub(super) fn waiver_view(
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

pub(super) fn override_view(
    r: &RequirementResult,
    rows: &BTreeMap<&str, String>,
) -> Option<OverrideView> {
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

/// The override files of `a` that were not applied, and why.
pub(super) fn overrides_not_applied(a: &Assessment) -> Vec<OverrideNotApplied> {
    a.overrides
        .iter()
        .filter_map(|o| {
            let status = match o.status {
                OverrideState::Applied => return None,
                OverrideState::Duplicate => status("!", "duplicate", "warn"),
                OverrideState::UnknownRequirement => status("?", "unknown requirement", "warn"),
            };
            Some(OverrideNotApplied {
                status,
                requirement: o.requirement.clone(),
                message: o.message.clone(),
                file: o.file.clone(),
            })
        })
        .collect()
}
