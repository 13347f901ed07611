//! Turning shortfalls into reported gaps: local start and end, real minutes,
//! a message a desk manager understands, and the place in the rota that
//! explains the gap.

use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};

use super::CoverGap;
use super::codes::{COVER_GAP, ON_CALL_GAP};
use super::expand::{DayPlan, DayPlans, RotaShift, ShiftSource};
use super::sweep::{RealInterval, Shortfall};
use crate::finding::{Finding, FindingCode};
use crate::location::Location;

/// What a gap can be traced back to in the rota.
pub(super) struct GapSources<'a> {
    /// The rota's zone.
    pub zone: &'a TimeZone,
    /// The rota file, pack-relative.
    pub rota_file: &'a str,
    /// JSON pointer → place in the rota file.
    pub locate: &'a dyn Fn(&str) -> Option<Location>,
    /// Day plans, when the rota has a weekly pattern.
    pub plans: Option<&'a DayPlans<'a>>,
    /// The rota period in real time; `None` when it covers no time at all.
    pub period: Option<RealInterval>,
    /// Pointer of the rota's list of shifts: `/pattern` or `/shifts`.
    pub shifts_pointer: &'static str,
}

impl GapSources<'_> {
    /// A desk gap: fewer than `needed` desk staff. `shifts` are the desk
    /// shifts of the weekly pattern (to find the one whose end opens the
    /// gap; a shifts CSV's rows have no place in the rota to point at).
    pub fn desk_gap(&self, gap: Shortfall, needed: u32, shifts: &[RotaShift]) -> CoverGap {
        let who = if needed <= 1 {
            "no desk staff".to_owned()
        } else {
            format!("fewer than {needed} desk staff")
        };
        self.report(gap, COVER_GAP, &who, shifts)
    }

    /// An on-call gap: no on-call manager outside core hours.
    pub fn on_call_gap(&self, gap: Shortfall, shifts: &[RotaShift]) -> CoverGap {
        self.report(gap, ON_CALL_GAP, "no on-call manager", shifts)
    }

    fn report(
        &self,
        gap: Shortfall,
        code: FindingCode,
        who: &str,
        shifts: &[RotaShift],
    ) -> CoverGap {
        let start = gap.during.start.to_zoned(self.zone.clone());
        let end = gap.during.end.to_zoned(self.zone.clone());
        let minutes = whole_minutes_up(gap.during.seconds());
        let message = format!(
            "{who} from {} to {}: {}",
            local_time(&start),
            local_time(&end),
            minutes_text(minutes)
        );
        let pointer = self.pointer(gap.during, &start, shifts);
        let location = (self.locate)(&pointer).unwrap_or_else(|| Location::file(self.rota_file));
        CoverGap {
            start,
            end,
            minutes,
            lowest_staff: gap.lowest_staff,
            finding: Finding::new(code, message, Some(location)),
        }
    }

    /// The rota entry that best explains a gap: an exception or bank-holiday
    /// closure on the day it starts, the period when the gap lies outside it,
    /// the shift whose end opens it, or else the list of shifts.
    fn pointer(&self, gap: RealInterval, start: &Zoned, shifts: &[RotaShift]) -> String {
        if let Some(plans) = self.plans {
            match plans.plan(start.date()) {
                DayPlan::Exception { index, .. } => return format!("/exceptions/{index}"),
                DayPlan::BankHolidayClosed { stated: true } => {
                    return "/bank_holidays/as".to_owned();
                }
                // Not stated: there is nothing to point at but the rota itself.
                DayPlan::BankHolidayClosed { stated: false } => return String::new(),
                DayPlan::OutsidePeriod | DayPlan::Weekly(_) => {}
            }
        }
        let in_period = self
            .period
            .is_some_and(|p| p.start <= gap.start && gap.end <= p.end);
        if !in_period {
            return "/period".to_owned();
        }
        shift_ending_at(shifts, gap.start)
            .map(ShiftSource::pointer)
            .unwrap_or_else(|| self.shifts_pointer.to_owned())
    }
}

/// The source of a shift that ends exactly at `at`, if any.
fn shift_ending_at(shifts: &[RotaShift], at: Timestamp) -> Option<ShiftSource> {
    shifts.iter().find(|s| s.during.end == at).map(|s| s.source)
}

/// Seconds as minutes, rounding a part-minute up (a gap is never 0 minutes).
pub(super) fn whole_minutes_up(seconds: i64) -> i64 {
    seconds.div_euclid(60) + i64::from(seconds.rem_euclid(60) > 0)
}

/// `Sat 2008-10-25 08:00 (+01:00)`.
pub(super) fn local_time(at: &Zoned) -> String {
    at.strftime("%a %Y-%m-%d %H:%M (%:z)").to_string()
}

/// `1 minute`, `1,500 minutes`.
pub(super) fn minutes_text(minutes: i64) -> String {
    let digits = minutes.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if minutes < 0 { "-" } else { "" };
    let unit = if minutes == 1 { "minute" } else { "minutes" };
    format!("{sign}{grouped} {unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_read_naturally() {
        assert_eq!(minutes_text(1), "1 minute");
        assert_eq!(minutes_text(60), "60 minutes");
        assert_eq!(minutes_text(1500), "1,500 minutes");
        assert_eq!(minutes_text(1_234_567), "1,234,567 minutes");
        assert_eq!(whole_minutes_up(90_000), 1500);
        assert_eq!(whole_minutes_up(61), 2);
    }

    #[test]
    fn local_times_show_their_offset() {
        let zone = jiff::tz::db().get("Europe/London").unwrap();
        let at: Timestamp = "2008-10-25T07:00:00Z".parse().unwrap();
        assert_eq!(
            local_time(&at.to_zoned(zone)),
            "Sat 2008-10-25 08:00 (+01:00)"
        );
    }
}
