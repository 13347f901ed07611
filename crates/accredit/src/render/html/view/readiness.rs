//! The report's "Readiness by start date" section: the timeline as plain
//! values for `sections/readiness.html` (an SVG strip of the runs, the
//! earliest ready date, and the lapse calendar of the range).

use accredit_core::assess::Verdict;
use accredit_core::timeline::Timeline;
use serde::Serialize;

use super::{DateView, StatusView};
use crate::words;

/// Width of the strip in SVG units.
const STRIP_WIDTH: f64 = 720.0;

/// The section's values.
#[derive(Debug, Serialize)]
pub struct ReadinessView {
    /// First candidate start.
    pub from: DateView,
    /// Last candidate start.
    pub to: DateView,
    /// The earliest ready start, if any.
    pub earliest_ready: Option<DateView>,
    /// The last day of that run.
    pub ready_until: Option<DateView>,
    /// The strip's width, in SVG user units.
    pub width: f64,
    /// The strip's height, in SVG user units.
    pub height: f64,
    /// What the strip shows, in words (its accessible name).
    pub summary: String,
    /// The runs.
    pub runs: Vec<RunView>,
    /// The lapses from a start in the range.
    pub lapses: Vec<LapseView>,
    /// How many lapse before or after the range (listed in `timeline --format json`).
    pub lapses_outside: usize,
}

/// One run, placed on the strip.
#[derive(Debug, Serialize)]
pub struct RunView {
    /// First date.
    pub from: DateView,
    /// Last date.
    pub to: DateView,
    /// How many start dates the run holds.
    pub days: i64,
    /// Verdict as symbol and word.
    pub status: StatusView,
    /// Fill colour of the verdict (the word is always beside it).
    pub fill: &'static str,
    /// Left edge on the strip.
    pub x: f64,
    /// Width on the strip.
    pub width: f64,
    /// Overall score on its first date, e.g. `97.9%`.
    pub overall: String,
    /// Unmet requirement ids, comma-separated (or "none").
    pub unmet: String,
    /// The reasons it began.
    pub reasons: Vec<String>,
}

/// One lapse.
#[derive(Debug, Serialize)]
pub struct LapseView {
    /// The first start on which it no longer counts.
    pub from: DateView,
    /// Requirement id.
    pub requirement: String,
    /// Cause code.
    pub cause: &'static str,
    /// The evidence and why, in words.
    pub text: String,
    /// The place of the evidence, `file:line:col`.
    pub location: String,
}

fn status(symbol: &'static str, word: &'static str, tone: &'static str) -> StatusView {
    StatusView { symbol, word, tone }
}

fn verdict_status(verdict: Verdict) -> (StatusView, &'static str) {
    match verdict {
        Verdict::Ready => (status("✓", words::verdict(verdict), "good"), "#1d7a3a"),
        Verdict::Approaching => (status("◐", words::verdict(verdict), "warn"), "#b36b00"),
        Verdict::NotReady => (status("✗", words::verdict(verdict), "bad"), "#b3261e"),
    }
}

impl ReadinessView {
    /// The view of `timeline`.
    pub fn new(timeline: &Timeline) -> ReadinessView {
        let total: i64 = timeline.runs.iter().map(|r| r.days).sum::<i64>().max(1);
        let scale = STRIP_WIDTH / total as f64;
        let mut offset = 0i64;
        let runs: Vec<RunView> = timeline
            .runs
            .iter()
            .map(|run| {
                let (status, fill) = verdict_status(run.verdict);
                let view = RunView {
                    from: DateView::new(run.from),
                    to: DateView::new(run.to),
                    days: run.days,
                    status,
                    fill,
                    x: (offset as f64 * scale * 100.0).round() / 100.0,
                    width: (run.days as f64 * scale * 100.0).round() / 100.0,
                    overall: crate::words::percent(run.overall),
                    unmet: if run.unmet.is_empty() {
                        "none".to_string()
                    } else {
                        run.unmet.join(", ")
                    },
                    reasons: run.changes.iter().map(|c| c.reason.clone()).collect(),
                };
                offset += run.days;
                view
            })
            .collect();
        let summary = format!(
            "Verdict for each assessment start from {} to {}: {}",
            timeline.from,
            timeline.to,
            runs.iter()
                .map(|r| format!("{} to {} {}", r.from.iso, r.to.iso, r.status.word))
                .collect::<Vec<_>>()
                .join("; ")
        );
        let in_range = |d| d >= timeline.from && d <= timeline.to;
        ReadinessView {
            from: DateView::new(timeline.from),
            to: DateView::new(timeline.to),
            earliest_ready: timeline.earliest_ready.map(DateView::new),
            ready_until: timeline.ready_until.map(DateView::new),
            width: STRIP_WIDTH,
            height: 28.0,
            summary,
            runs,
            lapses: timeline
                .lapses
                .iter()
                .filter(|l| in_range(l.from))
                .map(|l| LapseView {
                    from: DateView::new(l.from),
                    requirement: l.requirement.clone(),
                    cause: l.cause.as_str(),
                    text: format!("{} {}", l.evidence, l.reason),
                    location: l.location.clone(),
                })
                .collect(),
            lapses_outside: timeline.lapses.iter().filter(|l| !in_range(l.from)).count(),
        }
    }
}
