//! Assessing a pack: evaluate every requirement, apply waivers, score, and
//! order the gaps so a trust sees what to fix first.

mod overrides;
mod result;
mod score;
mod waivers;

use std::rc::Rc;

use jiff::civil::Date;

use crate::checks::escalation::rehearsals::RehearsalMemo;
use crate::checks::rota::cover_memo::{CoverMemo, SharedShifts, rota_cover};
use crate::checks::{AssessmentWindow, Context, EvidenceNeed, Measure, Outcome};
use crate::cover::CoverParams;
use crate::evidence::{Evidence, Located};
use crate::finding::Finding;
use crate::location::Location;
use crate::model::{Kind, Override};
use crate::ruleset::{Requirement, Ruleset};

pub use result::*;

use crate::checks::{EVIDENCE_INVALID, EVIDENCE_MISSING};

/// Why a pack could not be assessed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AssessError {
    /// There is no valid Pack document.
    #[error("the pack has no valid `kind: Pack` document, so it cannot be assessed")]
    NoPack,
}

/// Assesses `evidence` against `ruleset` as of the run date `as_of`.
pub fn assess(
    evidence: &Evidence,
    ruleset: &Ruleset,
    as_of: Date,
) -> Result<Assessment, AssessError> {
    assess_with_overrides(evidence, ruleset, as_of, &[])
}

/// [`assess`], then the assessor's overrides replace the automated results
/// they name (which stay visible beside them).
pub fn assess_with_overrides(
    evidence: &Evidence,
    ruleset: &Ruleset,
    as_of: Date,
    assessor_overrides: &[Located<Override>],
) -> Result<Assessment, AssessError> {
    let pack = evidence.pack.as_ref().ok_or(AssessError::NoPack)?;
    let start = pack.value.assessment.start;
    assess_at(evidence, ruleset, as_of, start, assessor_overrides, None)
}

/// What a readiness timeline works out once and lends to the assessment at
/// each of its start dates ([`assess_at`]).
#[derive(Debug, Default)]
pub(crate) struct Prepared {
    /// By ruleset position, the outcome of each requirement that does not
    /// depend on the start (`None` for the others): used instead of
    /// evaluating the check again.
    pub known: Vec<Option<Outcome>>,
    /// The escalation and scenario tests that count, sorted out once.
    pub rehearsals: Rc<RehearsalMemo>,
    /// The rotas' shifts CSVs, read once for every start date's window.
    pub shifts: Option<Rc<SharedShifts>>,
}

/// [`assess_with_overrides`] as if `assessment.start` were `start`.
///
/// With `prepared` (the readiness timeline), what it holds is used, and the
/// assessment carries the results, waivers, overrides, score, verdict and
/// gaps only: its evidence index (`files`), `diagnostics` and `cover`
/// summary are left empty. The timeline reads none of them, and copying the
/// index of a 5,000-file pack at each of 183 start dates was a tenth of a
/// report's time.
pub(crate) fn assess_at(
    evidence: &Evidence,
    ruleset: &Ruleset,
    as_of: Date,
    start: Date,
    assessor_overrides: &[Located<Override>],
    prepared: Option<&Prepared>,
) -> Result<Assessment, AssessError> {
    let pack = evidence.pack.as_ref().ok_or(AssessError::NoPack)?;
    let window = AssessmentWindow {
        start,
        days: ruleset.window_days,
    };
    let context = Context {
        evidence,
        pack,
        window,
        as_of,
        shared: &ruleset.shared,
        cover: prepared
            .and_then(|p| p.shifts.as_ref())
            .map_or_else(Default::default, CoverMemo::sharing),
        logs: Default::default(),
        rehearsals: prepared
            .map(|p| Rc::clone(&p.rehearsals))
            .unwrap_or_default(),
    };
    let known = prepared.map_or(&[][..], |p| &p.known[..]);
    let outcomes: Vec<Outcome> = ruleset
        .requirements
        .iter()
        .enumerate()
        .map(|(i, requirement)| match known.get(i) {
            Some(Some(outcome)) => outcome.clone(),
            _ => evaluate(requirement, &context),
        })
        .collect();
    let mut results: Vec<RequirementResult> = ruleset
        .requirements
        .iter()
        .zip(outcomes)
        .map(|(requirement, outcome)| result_of(requirement, outcome))
        .collect();
    let waivers = waivers::apply(evidence, ruleset, window, &mut results);
    let overrides = overrides::apply(assessor_overrides, &mut results);
    let score = score::score(ruleset, &mut results);
    let verdict = score::verdict(ruleset, &results, score.overall);
    let gaps = score::fix_first(&results);
    let days_to_start = as_of
        .until(window.start)
        .map_or(0, |span| i64::from(span.get_days()));
    Ok(Assessment {
        format: RESULT_FORMAT,
        tool: Tool {
            name: "accredit",
            version: env!("CARGO_PKG_VERSION"),
        },
        ruleset: RulesetInfo {
            id: ruleset.id.clone(),
            version: ruleset.version.clone(),
            title: ruleset.title.clone(),
            sha256: ruleset.sha256.clone(),
        },
        as_of,
        applicant: Applicant {
            organisation: pack.value.organisation.name.clone(),
            ods_code: pack.value.organisation.ods_code.clone(),
            service_desk: pack.value.service_desk.name.clone(),
            lsp: pack.value.lsp.name.clone(),
            applications: pack.value.applications_in_scope.clone(),
            assessment_start: window.start,
            assessment_end: window.last_day(),
            days_to_start,
        },
        verdict,
        score,
        requirements: results,
        gaps,
        waivers,
        overrides,
        cover: match prepared {
            None => cover_summary(&context, ruleset.shared.cover),
            Some(_) => None,
        },
        evidence: EvidenceValidity {
            valid: !evidence.has_errors(),
            invalid_files: evidence.invalid_file_count(),
            errors: evidence.diagnostics.iter().filter(|d| d.is_error()).count(),
        },
        // After the checks: the exports they streamed were hashed as read.
        files: match prepared {
            None => crate::load::files_with_digests(evidence),
            Some(_) => Vec::new(),
        },
        diagnostics: match prepared {
            None => evidence.diagnostics.clone(),
            Some(_) => Vec::new(),
        },
    })
}

/// The cover analysis for reports, with the parameters the ruleset's cover
/// requirements share (the defaults where a ruleset has none).
fn cover_summary(context: &Context<'_>, params: CoverParams) -> Option<CoverSummary> {
    let rotas: Vec<&str> = context
        .evidence
        .rotas
        .iter()
        .map(|r| r.file.as_str())
        .collect();
    let result = rota_cover(context, params)?;
    let analysis = result.as_ref().as_ref().ok()?;
    let local = |z: &jiff::Zoned| z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string();
    Some(CoverSummary {
        rota: rotas.join(", "),
        timezone: analysis.timezone.clone(),
        min_staff: params.min_staff,
        pair_staff: params.pair_staff,
        window_minutes: analysis.window_minutes,
        gap_minutes: analysis.gap_minutes,
        paired_share: round(analysis.paired_share, 4),
        gaps: analysis
            .gaps
            .iter()
            .map(|g| CoverGap {
                start: local(&g.start),
                end: local(&g.end),
                minutes: g.minutes,
                staff: g.lowest_staff,
            })
            .collect(),
        heatmap: analysis
            .heatmap
            .iter()
            .map(|slot| HeatmapSlot {
                day: day_name(slot.weekday),
                hour: slot.hour,
                lowest: slot.lowest.unwrap_or(0),
                typical: slot.typical.unwrap_or(0),
                occurrences: slot.occurrences,
            })
            .collect(),
    })
}

/// `mon` → `Mon`, as the result schema names days.
fn day_name(weekday: &str) -> &'static str {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    DAYS.into_iter()
        .find(|d| d.eq_ignore_ascii_case(weekday))
        .unwrap_or("Mon")
}

/// Evaluates one requirement: `error` if the evidence it reads is invalid,
/// `missing` if there is none (none of a kind it needs, or, for a check that
/// needs any one of its kinds, none of them), otherwise what the check measures.
pub(crate) fn evaluate(requirement: &Requirement, context: &Context<'_>) -> Outcome {
    let kinds = requirement.check.evidence();
    let invalid: Vec<Finding> = kinds
        .iter()
        .flat_map(|kind| {
            context.evidence.invalid_files(*kind).iter().map(move |file| {
                Finding::new(
                    EVIDENCE_INVALID,
                    format!("{file} ({kind}) is invalid, so this cannot be assessed; run `accredit validate` to see why"),
                    Some(Location::file(file)),
                )
            })
        })
        .collect();
    if !invalid.is_empty() {
        return Outcome::error(invalid);
    }
    let absent: Vec<Kind> = kinds
        .iter()
        .copied()
        .filter(|kind| context.evidence.count(*kind) == 0)
        .collect();
    let missing: Vec<Finding> = match requirement.check.evidence_need() {
        EvidenceNeed::Every => absent
            .iter()
            .map(|kind| {
                Finding::new(
                    EVIDENCE_MISSING,
                    format!("the pack has no {kind} document, which this requirement needs"),
                    None,
                )
            })
            .collect(),
        EvidenceNeed::Any if !kinds.is_empty() && absent.len() == kinds.len() => {
            vec![Finding::new(
                EVIDENCE_MISSING,
                format!(
                    "the pack has no {} document; this requirement needs at least one",
                    requirement.check.evidence_text()
                ),
                None,
            )]
        }
        EvidenceNeed::Any => vec![],
    };
    if !missing.is_empty() {
        return Outcome::missing(missing);
    }
    let mut outcome = requirement.check.evaluate(context);
    debug_assert!(
        outcome
            .findings
            .iter()
            .all(|f| requirement.check.codes().contains(&f.code)),
        "{}: a finding code its check kind does not declare (CheckKind::CODES)",
        requirement.id
    );
    if outcome.status == Status::Missing && outcome.findings.is_empty() {
        outcome.findings.push(Finding::new(
            EVIDENCE_MISSING,
            "no evidence of the kind this requirement needs",
            None,
        ));
    }
    outcome
}

fn result_of(requirement: &Requirement, outcome: Outcome) -> RequirementResult {
    let result = outcome.status;
    RequirementResult {
        id: requirement.id.clone(),
        domain: requirement.domain.clone(),
        title: requirement.title.clone(),
        mandatory: requirement.mandatory,
        weight: requirement.weight,
        result,
        credit: shown_credit(result, outcome.credit),
        points_at_stake: 0.0,
        measured: outcome.measured.map(|m| shown_measure(result, m)),
        findings: outcome.findings.into_iter().map(FindingOut::from).collect(),
        description: requirement.description.trim().to_string(),
        remediation: requirement.remediation.trim().to_string(),
        waived_by: None,
        assessor: None,
        check: requirement.check.kind_name(),
    }
}

/// A credit as written in results (four decimals). A `partial` credit is
/// truncated — rounded towards zero — and kept strictly between 0 and 1, so
/// a partial result never reads as credit 1 (or 0): 0.99996 is 0.9999.
pub(crate) fn shown_credit(result: Status, credit: f64) -> f64 {
    if result != Status::Partial {
        return round(credit, 4);
    }
    let truncated = (credit * 10_000.0).floor() / 10_000.0;
    truncated.clamp(0.0001, 0.9999)
}

/// A measurement as written in results: a `partial` result's measured value
/// is truncated to two decimals and kept below its target, so it never reads
/// as the target met (99.996% of 100% is 99.99%).
fn shown_measure(result: Status, mut measure: Measure) -> Measure {
    if result == Status::Partial && measure.value.is_finite() {
        let truncated = (measure.value * 100.0).floor() / 100.0;
        measure.value = if truncated >= measure.target && measure.target > 0.0 {
            measure.target - 0.01
        } else {
            truncated
        };
    }
    measure
}

/// A score as written in results (two decimals): rounded, except that a
/// score short of `full` never reads as `full` (99.996 is 99.99, not 100).
pub(crate) fn shown_score(value: f64, full: f64) -> f64 {
    let rounded = round(value, 2);
    if value < full && rounded >= full {
        full - 0.01
    } else {
        rounded
    }
}

/// Rounds to `places` decimals, so JSON is stable and readable.
pub(crate) fn round(value: f64, places: i32) -> f64 {
    let factor = 10f64.powi(places);
    let rounded = (value * factor).round() / factor;
    if rounded == 0.0 { 0.0 } else { rounded }
}

#[cfg(test)]
mod rounding_tests {
    use super::*;

    #[test]
    fn a_partial_credit_never_reads_as_one_or_zero() {
        assert_eq!(shown_credit(Status::Partial, 0.99996), 0.9999);
        assert_eq!(shown_credit(Status::Partial, 0.999_999_9), 0.9999);
        assert_eq!(shown_credit(Status::Partial, 0.123_49), 0.1234);
        assert_eq!(shown_credit(Status::Partial, 0.000_01), 0.0001);
        assert_eq!(shown_credit(Status::Pass, 1.0), 1.0);
        assert_eq!(shown_credit(Status::Fail, 0.0), 0.0);
    }

    #[test]
    fn a_partial_measure_never_reads_as_its_target() {
        let measure = |value: f64| Measure {
            value,
            target: 100.0,
            unit: "%".into(),
        };
        assert_eq!(shown_measure(Status::Partial, measure(99.996)).value, 99.99);
        assert_eq!(shown_measure(Status::Partial, measure(37.5)).value, 37.5);
        assert_eq!(shown_measure(Status::Pass, measure(100.0)).value, 100.0);
    }

    #[test]
    fn a_score_short_of_full_never_reads_as_full() {
        assert_eq!(shown_score(99.996, 100.0), 99.99);
        assert_eq!(shown_score(100.0, 100.0), 100.0);
        assert_eq!(shown_score(96.135_7, 100.0), 96.14);
    }
}
