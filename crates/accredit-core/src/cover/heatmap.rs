//! The staffing heatmap: for each local hour of the week, the lowest and the
//! typical desk staffing over the window.
//!
//! Each occurrence of a local hour is a stretch of real time. On the autumn
//! change day the repeated hour is two occurrences; on the spring day the
//! missing hour has none.

use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use serde::Serialize;

use super::sweep::{RealInterval, StaffingStep};

/// Number of slots: 7 days × 24 hours.
pub const HOURS_IN_WEEK: usize = 168;

/// Staffing in one local hour of the week (slot 0 is Monday 00:00–01:00,
/// slot 167 Sunday 23:00–24:00).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeatmapSlot {
    /// Weekday, `mon` to `sun`.
    pub weekday: &'static str,
    /// Local hour, 0 to 23.
    pub hour: u8,
    /// How many times this local hour occurs in the window.
    pub occurrences: u32,
    /// The fewest desk staff at any instant of any occurrence; `None` if the
    /// hour never occurs in the window.
    pub lowest: Option<u32>,
    /// The median over occurrences of each occurrence's fewest desk staff
    /// (the lower of the two middle values when their number is even).
    pub typical: Option<u32>,
}

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// The heatmap of `window` from its staffing steps.
pub(super) fn staffing_heatmap(
    zone: &TimeZone,
    window: RealInterval,
    steps: &[StaffingStep],
) -> Vec<HeatmapSlot> {
    let mut minima: Vec<Vec<u32>> = vec![Vec::new(); HOURS_IN_WEEK];
    let mut lowest = LowestStaff { steps, cursor: 0 };
    // The occurrence being measured: its slot, local hour start, local end so far and fewest staff.
    let mut open: Option<(usize, DateTime, DateTime, u32)> = None;
    let mut at = window.start;
    while at < window.end {
        // Between transitions the offset is fixed, so local hours are plain arithmetic.
        let offset = zone.to_offset(at);
        let offset_seconds = i64::from(offset.seconds());
        let segment_end = zone
            .following(at)
            .next()
            .map_or(window.end, |t| t.timestamp().min(window.end));
        while at < segment_end {
            let local_second = at.as_second() + offset_seconds;
            let next_hour = (local_second.div_euclid(3600) + 1) * 3600 - offset_seconds;
            let Ok(next_hour) = Timestamp::from_second(next_hour) else {
                return summarise(minima);
            };
            let end = next_hour.min(segment_end);
            let staff = lowest.between(at, end);
            let local = offset.to_datetime(at);
            let hour_start = local
                .with()
                .minute(0)
                .second(0)
                .subsec_nanosecond(0)
                .build()
                .unwrap_or(local);
            let local_end = offset.to_datetime(end);
            open = match open {
                // Same local hour, and local time did not step back: one occurrence.
                Some((slot, start, until, fewest)) if start == hour_start && local >= until => {
                    Some((slot, start, local_end, fewest.min(staff)))
                }
                previous => {
                    if let Some((slot, _, _, fewest)) = previous {
                        minima[slot].push(fewest);
                    }
                    let slot = usize::from(local.weekday().to_monday_zero_offset().unsigned_abs())
                        * 24
                        + usize::from(local.hour().unsigned_abs());
                    Some((slot.min(HOURS_IN_WEEK - 1), hour_start, local_end, staff))
                }
            };
            at = end;
        }
    }
    if let Some((slot, _, _, fewest)) = open {
        minima[slot].push(fewest);
    }
    summarise(minima)
}

/// Slots from each slot's per-occurrence minima.
fn summarise(minima: Vec<Vec<u32>>) -> Vec<HeatmapSlot> {
    minima
        .into_iter()
        .enumerate()
        .map(|(slot, mut seen)| {
            seen.sort_unstable();
            HeatmapSlot {
                weekday: WEEKDAYS[(slot / 24) % 7],
                hour: u8::try_from(slot % 24).unwrap_or_default(),
                occurrences: u32::try_from(seen.len()).unwrap_or(u32::MAX),
                lowest: seen.first().copied(),
                typical: seen.get(seen.len().saturating_sub(1) / 2).copied(),
            }
        })
        .collect()
}

/// The fewest staff over intervals asked for in time order.
struct LowestStaff<'s> {
    steps: &'s [StaffingStep],
    cursor: usize,
}

impl LowestStaff<'_> {
    /// The fewest staff at any instant of `[start, end)`.
    fn between(&mut self, start: Timestamp, end: Timestamp) -> u32 {
        while self
            .steps
            .get(self.cursor)
            .is_some_and(|s| s.during.end <= start)
        {
            self.cursor += 1;
        }
        self.steps[self.cursor.min(self.steps.len())..]
            .iter()
            .take_while(|s| s.during.start < end)
            .map(|s| s.staff)
            .min()
            .unwrap_or(0)
    }
}
