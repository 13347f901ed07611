//! Assessor overrides: the assessor's result is scored; the automated one
//! stays beside it in every output.

use super::result::{AssessorJudgement, OverrideState, OverrideStatus, RequirementResult, Status};
use crate::evidence::Located;
use crate::model::{Override, OverrideResult};

/// Applies `overrides` to `results`.
pub(super) fn apply(
    overrides: &[Located<Override>],
    results: &mut [RequirementResult],
) -> Vec<OverrideStatus> {
    let mut out = Vec::new();
    for located in overrides {
        let o = &located.value;
        let status = |status, message: String| OverrideStatus {
            requirement: o.requirement.clone(),
            status,
            message,
            file: located.file.clone(),
        };
        let Some(result) = results.iter_mut().find(|r| r.id == o.requirement) else {
            out.push(status(
                OverrideState::UnknownRequirement,
                format!(
                    "{} is not a requirement of the ruleset; ignored",
                    o.requirement
                ),
            ));
            continue;
        };
        if let Some(earlier) = &result.assessor {
            out.push(status(
                OverrideState::Duplicate,
                format!(
                    "{} is already overridden by {}; ignored",
                    result.id, earlier.file
                ),
            ));
            continue;
        }
        let (kind, credit) = match o.result {
            OverrideResult::Pass => (Status::Pass, 1.0),
            OverrideResult::Fail => (Status::Fail, 0.0),
            OverrideResult::NotApplicable => (Status::NotApplicable, 0.0),
            OverrideResult::Partial => (
                Status::Partial,
                super::shown_credit(Status::Partial, o.credit.unwrap_or(0.5)),
            ),
        };
        out.push(status(
            OverrideState::Applied,
            format!(
                "{}: {} by the tool, {} by {} on {}",
                result.id,
                result.result.as_str(),
                kind.as_str(),
                o.assessor,
                o.date
            ),
        ));
        result.assessor = Some(AssessorJudgement {
            result: kind,
            credit,
            automated_result: result.result,
            automated_credit: result.credit,
            assessor: o.assessor.clone(),
            date: o.date,
            remark: o.remark.clone(),
            file: located.file.clone(),
        });
        result.result = kind;
        result.credit = credit;
        result.waived_by = None;
    }
    out
}
