//! A synthetic shifts CSV of realistic size, for benchmarks and tests.

use std::fmt::Write;

use jiff::civil::{Date, Time, date};
use jiff::tz::TimeZone;

use super::local_time::instant_of;
use crate::model::{Period, Rota};

/// The first day of the synthetic rota: Monday 2008-01-07.
const FIRST_DAY: Date = date(2008, 1, 7);

/// A shifts CSV for `staff` people over `days` days from Monday 2008-01-07,
/// in `Europe/London`: the last two people are on-call managers taking
/// alternate weeks (18:00–08:00 on weekdays, all day at weekends); the rest,
/// in teams of seven, work early, late and night shifts five days in seven
/// (a team moves from earlies to nights to lates week by week, so no one's
/// shifts overlap), every other shift split by a break into two rows.
/// Odd-numbered staff have RFC 3339 times, even-numbered local ones, and an
/// extra `team` column is ignored. 62 staff over 365 days make 23,935 rows.
#[doc(hidden)]
pub fn synthetic_shifts_csv(staff: usize, days: usize) -> String {
    let zone = jiff::tz::db().get("Europe/London").unwrap_or(TimeZone::UTC);
    let managers = staff.min(2);
    let mut csv = String::from("staff_id,role,start,end,on_call,team\n");
    let mut day = FIRST_DAY;
    for d in 0..days {
        for person in 0..staff {
            let id = format!("S{person:03}");
            let mut row = |start: (i64, i8, i8), end: (i64, i8, i8), role: &str, on_call: bool| {
                let (from, to) = (
                    written(&zone, day, start, person),
                    written(&zone, day, end, person),
                );
                let _ = writeln!(csv, "{id},{role},{from},{to},{on_call},team-{}", person % 4);
            };
            if person >= staff - managers {
                let manager = staff - person; // 1 or 2
                if (d / 7) % 2 + 1 != manager {
                    continue;
                }
                if d % 7 >= 5 {
                    row((0, 8, 0), (0, 18, 0), "manager", true);
                }
                row((0, 18, 0), (1, 8, 0), "manager", true);
                continue;
            }
            if (person + d) % 7 >= 5 {
                continue; // rest day
            }
            let (start, end): ((i64, i8, i8), (i64, i8, i8)) = match (person / 7 + 2 * (d / 7)) % 3
            {
                0 => ((0, 7, 0), (0, 15, 30)),
                1 => ((0, 15, 0), (0, 23, 30)),
                _ => ((0, 23, 0), (1, 7, 30)),
            };
            if (person + d) % 2 == 0 {
                let (break_start, break_end) =
                    ((start.0, start.1 + 4, 0), (start.0, start.1 + 4, 30));
                let (break_start, break_end) = (roll(break_start), roll(break_end));
                row(start, break_start, "first-line", false);
                row(break_end, end, "first-line", false);
            } else {
                row(start, end, "first-line", false);
            }
        }
        day = day.tomorrow().unwrap_or(day);
    }
    csv
}

/// The rota that goes with [`synthetic_shifts_csv`]: `shifts: shifts.csv`,
/// bank holidays staffed as normal days, for `days` days.
#[doc(hidden)]
pub fn synthetic_rota(days: usize) -> Rota {
    let span = jiff::Span::new().try_days(i64::try_from(days).unwrap_or(0).saturating_sub(1));
    let to = span
        .ok()
        .and_then(|s| FIRST_DAY.checked_add(s).ok())
        .unwrap_or(FIRST_DAY);
    Rota {
        timezone: None,
        period: Period {
            from: FIRST_DAY,
            to,
        },
        pattern: None,
        shifts: Some("shifts.csv".to_owned()),
        bank_holidays: Some(crate::model::BankHolidayRule {
            staffed_as: crate::model::BankHolidayStaffing::Normal,
        }),
        bank_holiday_dates: None,
        exceptions: Vec::new(),
    }
}

/// Hours past 23 roll into the next day.
fn roll((day, hour, minute): (i64, i8, i8)) -> (i64, i8, i8) {
    (day + i64::from(hour / 24), hour % 24, minute)
}

/// `(days after, hour, minute)` from `day`, written local for even-numbered
/// staff and as an RFC 3339 instant for odd-numbered ones.
fn written(
    zone: &TimeZone,
    day: Date,
    (ahead, hour, minute): (i64, i8, i8),
    person: usize,
) -> String {
    let date = day
        .checked_add(jiff::Span::new().days(ahead))
        .unwrap_or(day);
    let local = date.to_datetime(Time::new(hour, minute, 0, 0).unwrap_or(Time::midnight()));
    if person % 2 == 0 {
        return local.strftime("%Y-%m-%d %H:%M").to_string();
    }
    match instant_of(zone, local) {
        Some(at) => at
            .to_zoned(zone.clone())
            .strftime("%Y-%m-%dT%H:%M:%S%:z")
            .to_string(),
        None => local.strftime("%Y-%m-%d %H:%M").to_string(),
    }
}
