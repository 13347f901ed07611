//! Waivers: a valid one takes a waivable requirement out of the score and
//! keeps it visible; every other case is reported, like cargo-deny's
//! unmatched skips.

use super::result::{RequirementResult, Status, WaiverResult, WaiverStatus};
use crate::checks::AssessmentWindow;
use crate::evidence::Evidence;
use crate::ruleset::Ruleset;

/// Applies the pack's waivers to `results` and reports each one's status.
pub(super) fn apply(
    evidence: &Evidence,
    ruleset: &Ruleset,
    window: AssessmentWindow,
    results: &mut [RequirementResult],
) -> Vec<WaiverResult> {
    let window_end = window.last_day();
    let mut out = Vec::new();
    for located in &evidence.waivers {
        let waiver = &located.value;
        let requirement = ruleset.requirement(&waiver.requirement);
        let result = results.iter_mut().find(|r| r.id == waiver.requirement);
        let (status, message) = match (requirement, result) {
            (None, _) | (_, None) => (
                WaiverStatus::UnknownRequirement,
                format!(
                    "{} is not a requirement of {}",
                    waiver.requirement,
                    ruleset.reference()
                ),
            ),
            (Some(requirement), Some(_)) if !requirement.is_waivable() => (
                WaiverStatus::NotWaivable,
                format!(
                    "{} is mandatory and may not be waived; the waiver is ignored",
                    requirement.id
                ),
            ),
            (Some(_), Some(_)) if waiver.expires < window_end => (
                WaiverStatus::Expired,
                format!(
                    "the waiver expires {}, before the window ends {window_end}; it is ignored",
                    waiver.expires
                ),
            ),
            (Some(_), Some(result)) if result.result == Status::Waived => (
                WaiverStatus::Duplicate,
                format!(
                    "{} is already waived by {}; this waiver is ignored",
                    result.id,
                    result.waived_by.clone().unwrap_or_default()
                ),
            ),
            (Some(_), Some(result)) if !result.result.is_gap() => (
                WaiverStatus::Stale,
                format!(
                    "{} is {} without the waiver; remove the waiver",
                    result.id,
                    result.result.as_str()
                ),
            ),
            (Some(_), Some(result)) => {
                let was = result.result.as_str();
                result.result = Status::Waived;
                result.waived_by = Some(located.file.clone());
                (
                    WaiverStatus::Active,
                    format!(
                        "{} ({was}) is waived until {} and left out of the score",
                        result.id, waiver.expires
                    ),
                )
            }
        };
        out.push(WaiverResult {
            requirement: waiver.requirement.clone(),
            status,
            message,
            justification: waiver.justification.clone(),
            approved_by: waiver.approved_by.clone(),
            expires: waiver.expires,
            file: located.file.clone(),
            line: located.at("/requirement").line(),
        });
    }
    out
}
