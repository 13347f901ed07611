//! The staffing step function: how many people are on duty, as a list of
//! intervals of constant staffing that exactly tile the window.
//!
//! It is built by one sweep over the shifts' start and end instants (sorted
//! `(instant, change)` events), so its cost depends on the number of shifts,
//! never on the length of the window.

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
/// cut into shifts.
pub(super) fn staffing_steps(
    window: RealInterval,
    duties: impl IntoIterator<Item = (RealInterval, u32)>,
) -> Vec<StaffingStep> {
    let mut events: Vec<(Timestamp, i64)> = Vec::new();
    for (duty, staff) in duties {
        let start = duty.start.max(window.start);
        let end = duty.end.min(window.end);
        if start < end && staff > 0 {
            events.push((start, i64::from(staff)));
            events.push((end, -i64::from(staff)));
        }
    }
    events.sort_unstable_by_key(|&(at, _)| at);

    let mut steps: Vec<StaffingStep> = Vec::new();
    let mut on_duty: i64 = 0;
    let mut since = window.start;
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
    let mut i = 0;
    while i < events.len() {
        let at = events[i].0;
        push(since, at, on_duty);
        while i < events.len() && events[i].0 == at {
            on_duty += events[i].1;
            i += 1;
        }
        since = at;
    }
    push(since, window.end, on_duty);
    steps
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
    fn an_empty_window_has_no_steps() {
        assert!(staffing_steps(span(4, 4), [(span(0, 9), 1)]).is_empty());
        assert!(staffing_steps(span(4, 2), []).is_empty());
    }
}
