//! Dates in evidence, as every dated check reads them.
//!
//! - Evidence dated after the run date (`--as-of`) is *future-dated*: it is not
//!   counted, and each such document is reported with the code
//!   `future-dated-evidence` at its date.
//! - Look-back periods ("within 365 days") end on the assessment start and
//!   include it: a pack scores the same on whatever day it is run.

use jiff::civil::Date;

use crate::checks::{AssessmentWindow, Context};
use crate::finding::{Area, Finding, FindingCode};
use crate::location::Location;

/// Code of the finding for evidence dated after the run date.
pub(crate) const FUTURE_DATED: FindingCode = FindingCode::new(
    Area::Escalation,
    "future-dated-evidence",
    "Evidence is dated after the run date (`--as-of`), so it is not counted.",
    "Correct the date, or assess again once the event has taken place.",
);

/// A `future-dated-evidence` finding when `date` is after the run date.
/// `what` names the evidence, e.g. "the escalation test".
pub(crate) fn future_dated(
    context: &Context<'_>,
    date: Date,
    what: &str,
    location: Location,
) -> Option<Finding> {
    (date > context.as_of).then(|| {
        Finding::new(
            FUTURE_DATED,
            format!(
                "{what} is dated {date}, after the run date {}; evidence dated in the future is not counted",
                context.as_of
            ),
            Some(location),
        )
    })
}

/// The days from `days` before the assessment start up to the start itself,
/// both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Lookback {
    /// First day that counts.
    pub from: Date,
    /// Last day that counts: the assessment start.
    pub to: Date,
    /// Length asked for, in days.
    pub days: u32,
}

impl Lookback {
    /// The `days` days before the start of `window`, up to and including the start.
    pub fn before_start(window: &AssessmentWindow, days: u32) -> Lookback {
        Lookback {
            from: window.days_before_start(days),
            to: window.start,
            days,
        }
    }

    /// Whether `date` is inside: what [`Lookback::outside`] says without words.
    pub fn contains(&self, date: Date) -> bool {
        self.from <= date && date <= self.to
    }

    /// Why `date` falls outside, in words; `None` when it is inside.
    pub fn outside(&self, date: Date) -> Option<String> {
        if date < self.from {
            Some(format!(
                "it is more than {} days before the assessment start {}",
                self.days, self.to
            ))
        } else if date > self.to {
            Some(format!("it is after the assessment start {}", self.to))
        } else {
            None
        }
    }

    /// The period in words, e.g. "the 183 days before the assessment start
    /// (2008-04-06 to 2008-10-06)".
    pub fn describe(&self) -> String {
        format!(
            "the {} days before the assessment start ({} to {})",
            self.days, self.from, self.to
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_lookback_includes_both_ends() {
        let window = AssessmentWindow {
            start: date(2008, 10, 6),
            days: 84,
        };
        let lookback = Lookback::before_start(&window, 183);
        assert_eq!(lookback.from, date(2008, 4, 6));
        assert_eq!(lookback.outside(date(2008, 4, 6)), None);
        assert_eq!(lookback.outside(date(2008, 10, 6)), None);
        assert_eq!(
            lookback.outside(date(2008, 4, 5)).as_deref(),
            Some("it is more than 183 days before the assessment start 2008-10-06")
        );
        assert_eq!(
            lookback.outside(date(2008, 10, 7)).as_deref(),
            Some("it is after the assessment start 2008-10-06")
        );
        assert_eq!(lookback.outside(date(2008, 6, 1)), None);
        for day in [
            date(2008, 4, 5),
            date(2008, 4, 6),
            date(2008, 10, 6),
            date(2008, 10, 7),
        ] {
            assert_eq!(
                lookback.contains(day),
                lookback.outside(day).is_none(),
                "{day}"
            );
        }
    }
}
