//! The staffing step function: how many people are on duty, as a list of
//! intervals of constant staffing that exactly tile the window.
//!
//! It is built by one sweep over the net change in staffing at each instant
//! a shift starts or ends ([`StaffingChanges`]), so its cost depends on the
//! number of those instants, never on the length of the window.

use std::collections::BTreeMap;
use std::ops::Bound;

use jiff::Timestamp;

/// A real-time interval `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RealInterval {
    /// First instant.
    pub start: Timestamp,
    /// First instant after the interval.
    pub end: Timestamp,
}

impl RealInterval {
    /// Length in whole seconds (zero if the interval is empty or reversed).
    pub fn seconds(self) -> i64 {
        (self.end.as_second() - self.start.as_second()).max(0)
    }
}

/// An interval in which the number of people on duty does not change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct StaffingStep {
    /// The interval, as instants (a clock change neither stretches nor shrinks it).
    pub during: RealInterval,
    /// People on duty throughout.
    pub staff: u32,
}

/// A maximal interval in which fewer people than needed are on duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Shortfall {
    /// The interval short of staff, in real time.
    pub during: RealInterval,
    /// The fewest people on duty at any instant of it.
    pub lowest_staff: u32,
}

/// The staffing step function of `window`, from duty intervals each with
/// the number of people on it. Adjacent steps always differ in staffing, so
/// the result depends only on who is on duty when, not on how the duty is
/// cut into shifts. (The analysis adds its duties to [`StaffingChanges`].)
#[cfg(test)]
pub(super) fn staffing_steps(
    window: RealInterval,
    duties: impl IntoIterator<Item = (RealInterval, u32)>,
) -> Vec<StaffingStep> {
    let mut changes = StaffingChanges::within(window);
    for (duty, staff) in duties {
        changes.add(duty, staff);
    }
    changes.steps(window)
}

/// How many people come on duty (or, negative, go off) at each instant of a
/// span: the staffing step function in the size of its instants, not of the
/// shifts that make it (a rota starts and ends shifts at a few times a day).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct StaffingChanges {
    /// Duties are clipped to this span.
    span: RealInterval,
    /// The net change at each instant.
    at: BTreeMap<Timestamp, i64>,
}

impl StaffingChanges {
    /// No duty yet; duties added later are clipped to `span`.
    pub fn within(span: RealInterval) -> StaffingChanges {
        StaffingChanges {
            span,
            at: BTreeMap::new(),
        }
    }

    /// Adds `staff` people on duty throughout `duty` (the part in the span).
    pub fn add(&mut self, duty: RealInterval, staff: u32) {
        let start = duty.start.max(self.span.start);
        let end = duty.end.min(self.span.end);
        if start < end && staff > 0 {
            *self.at.entry(start).or_default() += i64::from(staff);
            *self.at.entry(end).or_default() -= i64::from(staff);
        }
    }

    /// Adds every change of `other`.
    pub fn extend(&mut self, other: &StaffingChanges) {
        for (&at, &change) in &other.at {
            *self.at.entry(at).or_default() += change;
        }
    }

    /// How many instants have a change (what this holds in memory).
    #[cfg(test)]
    pub fn instants(&self) -> usize {
        self.at.len()
    }

    /// The step function of `window` (exact for any window inside the span:
    /// changes before it give the staffing at its start).
    pub fn steps(&self, window: RealInterval) -> Vec<StaffingStep> {
        let mut steps: Vec<StaffingStep> = Vec::new();
        if window.start >= window.end {
            return steps;
        }
        let mut push = |start: Timestamp, end: Timestamp, on_duty: i64| {
            if start >= end {
                return;
            }
            let staff = u32::try_from(on_duty.max(0)).unwrap_or(u32::MAX);
            match steps.last_mut() {
                Some(last) if last.staff == staff => last.during.end = end,
                _ => steps.push(StaffingStep {
                    during: RealInterval { start, end },
                    staff,
                }),
            }
        };
        let mut on_duty: i64 = self.at.range(..=window.start).map(|(_, c)| c).sum();
        let mut since = window.start;
        let inside = (Bound::Excluded(window.start), Bound::Excluded(window.end));
        for (&at, &change) in self.at.range(inside) {
            push(since, at, on_duty);
            on_duty += change;
            since = at;
        }
        push(since, window.end, on_duty);
        steps
    }
}

/// Every maximal interval where fewer than `needed` people are on duty.
pub(super) fn shortfalls(steps: &[StaffingStep], needed: u32) -> Vec<Shortfall> {
    let mut found: Vec<Shortfall> = Vec::new();
    let mut extending = false;
    for step in steps {
        if step.staff >= needed {
            extending = false;
            continue;
        }
        match found.last_mut() {
            Some(open) if extending => {
                open.during.end = step.during.end;
                open.lowest_staff = open.lowest_staff.min(step.staff);
            }
            _ => found.push(Shortfall {
                during: step.during,
                lowest_staff: step.staff,
            }),
        }
        extending = true;
    }
    found
}

/// Seconds of the window with at least `needed` people on duty.
pub(super) fn seconds_with_at_least(steps: &[StaffingStep], needed: u32) -> i64 {
    steps
        .iter()
        .filter(|s| s.staff >= needed)
        .map(|s| s.during.seconds())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(hour: i64) -> Timestamp {
        Timestamp::from_second(hour * 3600).unwrap()
    }

    fn span(from: i64, to: i64) -> RealInterval {
        RealInterval {
            start: t(from),
            end: t(to),
        }
    }

    #[test]
    fn steps_tile_the_window_and_merge_equal_neighbours() {
        let duties = [
            (span(0, 5), 1),
            (span(5, 8), 1),
            (span(3, 6), 2),
            (span(20, 30), 1),
        ];
        let steps = staffing_steps(span(1, 24), duties);
        let shape: Vec<_> = steps.iter().map(|s| (s.during, s.staff)).collect();
        assert_eq!(
            shape,
            [
                (span(1, 3), 1),
                (span(3, 6), 3),
                (span(6, 8), 1),
                (span(8, 20), 0),
                (span(20, 24), 1)
            ]
        );
        assert_eq!(seconds_with_at_least(&steps, 2), 3 * 3600);
    }

    #[test]
    fn shortfalls_merge_across_different_low_counts() {
        let steps = staffing_steps(
            span(0, 10),
            [(span(0, 2), 2), (span(3, 5), 1), (span(6, 10), 2)],
        );
        let found = shortfalls(&steps, 2);
        assert_eq!(
            found,
            [Shortfall {
                during: span(2, 6),
                lowest_staff: 0
            }]
        );
        assert!(shortfalls(&steps, 0).is_empty());
    }

    #[test]
    fn changes_give_the_steps_of_any_window_inside_their_span() {
        let duties = [(span(0, 5), 1), (span(3, 12), 2), (span(8, 9), 1)];
        let mut changes = StaffingChanges::within(span(2, 10));
        for (duty, staff) in duties {
            changes.add(duty, staff);
        }
        // Clipped to the span: nothing before 2 or after 10 is kept.
        assert_eq!(changes.instants(), 6);
        for window in [span(2, 10), span(4, 9), span(8, 9), span(6, 6)] {
            assert_eq!(
                changes.steps(window),
                staffing_steps(window, duties),
                "{window:?}"
            );
        }
        let mut both = StaffingChanges::within(span(2, 10));
        both.extend(&changes);
        both.extend(&changes);
        let doubled: Vec<u32> = both.steps(span(2, 10)).iter().map(|s| s.staff).collect();
        assert_eq!(doubled, [2, 6, 4, 6, 4]);
    }

    #[test]
    fn an_empty_window_has_no_steps() {
        assert!(staffing_steps(span(4, 4), [(span(0, 9), 1)]).is_empty());
        assert!(staffing_steps(span(4, 2), []).is_empty());
    }
}
