//! Readiness by assessment start date: the pack assessed as if
//! `assessment.start` were each date of a range, grouped into runs of the
//! same verdict and gaps, with the reason for every change and the lapse
//! calendar.
//!
//! The evidence is loaded once by the caller. The requirements whose check
//! does not depend on the start ([`Check::depends_on_start`]) are evaluated
//! once; only the others are evaluated for each date, then waivers, scores
//! and the verdict (cheap arithmetic) are redone. The cover analysis
//! (COV-02, COV-04, COV-05) measures the window, so it runs once per date
//! (every date is a different window); the three requirements share it.
//!
//! [`Check::depends_on_start`]: crate::checks::Check::depends_on_start

mod lapses;
mod training;

use jiff::Span;
use jiff::civil::Date;
use serde::Serialize;

use crate::assess::{AssessError, Assessment, Prepared, Status, Verdict, assess_at};
use crate::checks::escalation::rehearsals::RehearsalMemo;
use crate::checks::rota::cover_memo::SharedShifts;
use crate::checks::{AssessmentWindow, Context, Outcome};
use crate::evidence::{Evidence, Located};
use crate::model::Override;
use crate::ruleset::Ruleset;

pub use lapses::{Lapse, LapseCause, lapse_calendar};

/// Version of the timeline JSON format.
pub const TIMELINE_FORMAT: &str = "accredit-timeline/1";

/// The longest range a timeline covers, in days (two years and a day).
pub const MAX_RANGE_DAYS: i64 = 731;

/// Why a timeline could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimelineError {
    /// The pack cannot be assessed at all.
    #[error(transparent)]
    Assess(#[from] AssessError),
    /// `to` is before `from`.
    #[error("the range ends ({to}) before it starts ({from})")]
    Backwards {
        /// First date.
        from: Date,
        /// Last date.
        to: Date,
    },
    /// The range is longer than [`MAX_RANGE_DAYS`].
    #[error("the range {from} to {to} is longer than {MAX_RANGE_DAYS} days")]
    TooLong {
        /// First date.
        from: Date,
        /// Last date.
        to: Date,
    },
}

/// Readiness over a range of start dates.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    /// Format version.
    pub format: &'static str,
    /// The applicant organisation.
    pub organisation: String,
    /// The run date (fixed for every candidate start).
    pub as_of: Date,
    /// The start written in the pack.
    pub planned_start: Date,
    /// First candidate start.
    pub from: Date,
    /// Last candidate start.
    pub to: Date,
    /// The ruleset's window length in days.
    pub window_days: u16,
    /// The requirements whose result can change with the start.
    pub date_dependent: Vec<String>,
    /// Consecutive dates with the same verdict and gaps.
    pub runs: Vec<Run>,
    /// The first date on which the verdict is `ready`.
    pub earliest_ready: Option<Date>,
    /// The last date of the run containing `earliest_ready`.
    pub ready_until: Option<Date>,
    /// Every dated piece of evidence and the start from which it stops counting.
    pub lapses: Vec<Lapse>,
}

/// Consecutive start dates with the same verdict and the same gaps.
#[derive(Debug, Clone, Serialize)]
pub struct Run {
    /// First date.
    pub from: Date,
    /// Last date.
    pub to: Date,
    /// Number of dates.
    pub days: i64,
    /// The verdict on every date of the run.
    pub verdict: Verdict,
    /// The overall score on the run's first date.
    pub overall: f64,
    /// Ids of the unmet requirements (the gaps), in ruleset order.
    pub unmet: Vec<String>,
    /// What changed from the previous run (empty for the first run).
    pub changes: Vec<Change>,
}

/// One requirement's change between two runs.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// Requirement id.
    pub requirement: String,
    /// Its result on the previous date.
    pub before: Status,
    /// Its result from the run's first date.
    pub after: Status,
    /// "from 2008-11-03 ESC-04 fails: the escalation test of 2008-05-03
    /// (escalation/test-2008-05.yaml:3:7) is more than 183 days old".
    pub reason: String,
    /// Where the evidence that causes it is, when known.
    pub location: Option<String>,
}

fn next_day(date: Date) -> Date {
    date.checked_add(Span::new().days(1)).unwrap_or(date)
}

/// The timeline of `evidence` from `from` to `to`, both included.
pub fn timeline(
    evidence: &Evidence,
    ruleset: &Ruleset,
    as_of: Date,
    from: Date,
    to: Date,
    overrides: &[Located<Override>],
) -> Result<Timeline, TimelineError> {
    let pack = evidence.pack.as_ref().ok_or(AssessError::NoPack)?;
    if to < from {
        return Err(TimelineError::Backwards { from, to });
    }
    let length = from.until(to).map_or(i64::MAX, |s| i64::from(s.get_days()));
    if length >= MAX_RANGE_DAYS {
        return Err(TimelineError::TooLong { from, to });
    }
    let rehearsals = std::rc::Rc::default();
    let prepared = Prepared {
        known: start_independent(evidence, ruleset, as_of, from, pack, &rehearsals),
        rehearsals,
        // Every date's window is inside the span from `from` to `to`'s window.
        shifts: Some(SharedShifts::new(from, to)),
    };
    let lapses = lapse_calendar(evidence, ruleset, as_of);
    let mut runs: Vec<Run> = Vec::new();
    let mut previous: Option<Assessment> = None;
    let mut day = from;
    loop {
        let assessment = assess_at(evidence, ruleset, as_of, day, overrides, Some(&prepared))?;
        let unmet = unmet(ruleset, &assessment);
        let same = runs
            .last()
            .is_some_and(|run| run.verdict == assessment.verdict && run.unmet == unmet);
        if same {
            if let Some(run) = runs.last_mut() {
                run.to = day;
                run.days += 1;
            }
        } else {
            let changes = previous
                .as_ref()
                .map(|before| changes(day, before, &assessment, &lapses))
                .unwrap_or_default();
            runs.push(Run {
                from: day,
                to: day,
                days: 1,
                verdict: assessment.verdict,
                overall: assessment.score.overall,
                unmet,
                changes,
            });
        }
        previous = Some(assessment);
        if day >= to {
            break;
        }
        day = next_day(day);
    }
    let ready = runs.iter().find(|r| r.verdict == Verdict::Ready);
    Ok(Timeline {
        format: TIMELINE_FORMAT,
        organisation: pack.value.organisation.name.clone(),
        as_of,
        planned_start: pack.value.assessment.start,
        from,
        to,
        window_days: ruleset.window_days,
        date_dependent: ruleset
            .requirements
            .iter()
            .filter(|r| r.check.depends_on_start())
            .map(|r| r.id.clone())
            .collect(),
        earliest_ready: ready.map(|r| r.from),
        ready_until: ready.map(|r| r.to),
        runs,
        lapses,
    })
}

/// The outcomes of the requirements that do not depend on the start,
/// evaluated once (at `start`); `None` for the others. `rehearsals` is the
/// memo the start dates will share.
fn start_independent(
    evidence: &Evidence,
    ruleset: &Ruleset,
    as_of: Date,
    start: Date,
    pack: &Located<crate::model::Pack>,
    rehearsals: &std::rc::Rc<RehearsalMemo>,
) -> Vec<Option<Outcome>> {
    let context = Context {
        evidence,
        pack,
        window: AssessmentWindow {
            start,
            days: ruleset.window_days,
        },
        as_of,
        shared: &ruleset.shared,
        cover: Default::default(),
        logs: Default::default(),
        rehearsals: std::rc::Rc::clone(rehearsals),
    };
    ruleset
        .requirements
        .iter()
        .map(|r| (!r.check.depends_on_start()).then(|| crate::assess::evaluate(r, &context)))
        .collect()
}

/// The gaps of an assessment, in ruleset order.
fn unmet(ruleset: &Ruleset, assessment: &Assessment) -> Vec<String> {
    ruleset
        .requirements
        .iter()
        .filter(|r| assessment.gaps.contains(&r.id))
        .map(|r| r.id.clone())
        .collect()
}

/// The result in the words of a reason: "fails", "passes", "is partial"…
fn verb(result: Status) -> &'static str {
    match result {
        Status::Pass => "passes",
        Status::Partial => "is partial",
        Status::Fail => "fails",
        Status::Missing => "is missing",
        Status::Error => "is in error",
        Status::NotApplicable => "is not applicable",
        Status::Waived => "is waived",
    }
}

/// The requirements whose result (or credit) changed from `before` to
/// `after`, each with the evidence that causes it.
fn changes(day: Date, before: &Assessment, after: &Assessment, lapses: &[Lapse]) -> Vec<Change> {
    let mut out = Vec::new();
    for (old, new) in before.requirements.iter().zip(&after.requirements) {
        let changed = old.result != new.result || old.credit != new.credit;
        if !changed {
            continue;
        }
        let lapsed: Vec<&Lapse> = lapses
            .iter()
            .filter(|l| l.from == day && l.requirement == new.id)
            .collect();
        let (cause, location) = if let Some(first) = lapsed.first() {
            let sentences: Vec<String> = lapsed.iter().map(|l| l.sentence()).collect();
            (sentences.join("; "), Some(first.location.clone()))
        } else {
            finding_cause(old, new)
        };
        out.push(Change {
            requirement: new.id.clone(),
            before: old.result,
            after: new.result,
            reason: format!("from {day} {} {}: {cause}", new.id, verb(new.result)),
            location,
        });
    }
    out
}

/// The cause of a change read from the findings: the first finding that
/// appears (or, when the requirement improves, the first that goes away).
fn finding_cause(
    old: &crate::assess::RequirementResult,
    new: &crate::assess::RequirementResult,
) -> (String, Option<String>) {
    let absent_from = |a: &crate::assess::RequirementResult,
                       b: &crate::assess::RequirementResult| {
        a.findings
            .iter()
            .find(|f| !b.findings.iter().any(|g| g.message == f.message))
            .cloned()
    };
    let place = |f: &crate::assess::FindingOut| {
        f.file.as_ref().map(|file| match (f.line, f.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
            (Some(l), None) => format!("{file}:{l}"),
            _ => file.clone(),
        })
    };
    let appeared = || {
        absent_from(new, old).map(|found| {
            let location = place(&found);
            let text = match &location {
                Some(at) => format!("{} ({at})", found.message),
                None => found.message.clone(),
            };
            (text, location)
        })
    };
    let went = || {
        absent_from(old, new).map(|gone| {
            let location = place(&gone);
            let text = match &location {
                Some(at) => format!("no longer: {} ({at})", gone.message),
                None => format!("no longer: {}", gone.message),
            };
            (text, location)
        })
    };
    // An improvement is explained by what went away, a worsening by what came.
    let found = if new.credit > old.credit || new.result == Status::Pass {
        went().or_else(appeared)
    } else {
        appeared().or_else(went)
    };
    if let Some(found) = found {
        return found;
    }
    (
        format!("its credit moves from {} to {}", old.credit, new.credit),
        None,
    )
}

#[cfg(test)]
mod tests;
