//! The 24/7 cover analysis behind COV-02, COV-04 and COV-05: who is on duty
//! at every instant of the assessment window.
//!
//! A rota is expanded into shifts in real (UTC) time — from its weekly
//! `pattern` with exceptions and bank holidays, or from a shifts CSV — and a
//! single sweep over the shifts' start and end instants gives the staffing
//! step function. From it come the gaps (every maximal interval with fewer
//! than `min_staff` desk staff), the share of time with at least
//! `pair_staff`, the on-call gaps outside core hours and the hour-of-week
//! heatmap.
//!
//! Time is real time, never wall-clock hours: `20:00–08:00` lasts 13 hours
//! on the night the clocks go back and 11 on the night they go forward. A
//! local time that does not exist (01:30 on the spring change day) is the
//! first instant after the gap; one that happens twice (01:30 on the autumn
//! day) is its first occurrence.
//!
//! How a date of a weekly pattern is staffed, first rule that applies:
//! 1. outside the rota `period`: nothing starts (so a period that does not
//!    span the window leaves gaps);
//! 2. an exception for the date: nothing (`closed: true`) or its own pattern;
//! 3. a bank holiday (from `bank_holiday_dates`, else the built-in England
//!    and Wales calendar): the pattern of the weekday named by
//!    `bank_holidays.as` (`normal`: its own), or nothing for `closed` — and
//!    nothing when `bank_holidays` is not stated, with a finding saying so;
//! 4. otherwise the entries whose `days` include the date's weekday.
//!
//! A shift belongs to the date it starts on. Entries with `on_call: true`
//! are not desk staff; they count only towards on-call cover. Shifts read
//! from a CSV stand as written: exceptions and bank-holiday rules shape the
//! weekly pattern only, and the same person on overlapping rows counts once.

mod analysis;
mod bad_rows;
pub(crate) mod codes;
mod expand;
mod gap_report;
mod heatmap;
mod local_time;
mod person_overlaps;
mod shifts_csv;
mod sweep;
#[cfg(any(test, feature = "test-support"))]
mod synthetic;

#[cfg(test)]
mod tests;

use std::io::Read;

use jiff::Zoned;
use jiff::civil::{Date, Time};
use serde::Serialize;

use crate::finding::Finding;
use crate::location::Location;
use crate::model::{ClockTime, Rota};

pub use analysis::{PartShifts, RotaPart};
pub use bad_rows::MAX_ROW_FINDINGS;
pub use heatmap::{HOURS_IN_WEEK, HeatmapSlot};
#[cfg(any(test, feature = "test-support"))]
pub use synthetic::{synthetic_rota, synthetic_shifts_csv};

use self::codes::SHIFTS_NOT_READ;

/// The standard length of the assessment window: 12 weeks.
pub const DEFAULT_WINDOW_DAYS: u32 = 84;

/// Ruleset parameters of the cover analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CoverParams {
    /// Desk staff needed at every instant (COV-02); default 1.
    pub min_staff: u32,
    /// Desk staff that count as no lone working (COV-04); default 2.
    pub pair_staff: u32,
    /// Start of weekday core hours (COV-05); default 08:00.
    pub core_start: ClockTime,
    /// End of weekday core hours; default 18:00.
    pub core_end: ClockTime,
}

impl Default for CoverParams {
    fn default() -> CoverParams {
        let clock = |hour| ClockTime::At(Time::constant(hour, 0, 0, 0));
        CoverParams {
            min_staff: 1,
            pair_staff: 2,
            core_start: clock(8),
            core_end: clock(18),
        }
    }
}

/// Everything the analysis reads besides a shifts CSV.
#[derive(Clone, Copy)]
pub struct CoverInput<'a> {
    /// The rota.
    pub rota: &'a Rota,
    /// The rota file's pack-relative path, for findings.
    pub rota_file: &'a str,
    /// Maps a JSON pointer into the rota document (`/exceptions/2/date`) to
    /// its place in the file.
    pub locate: &'a dyn Fn(&str) -> Option<Location>,
    /// First day of the assessment window (`assessment.start`); the window
    /// runs from its local midnight.
    pub window_start: Date,
    /// Length of the window in whole local days.
    pub window_days: u32,
    /// The ruleset's parameters.
    pub params: CoverParams,
}

impl<'a> CoverInput<'a> {
    /// The input for a rota over the standard 12-week window from
    /// `window_start`, with the default parameters.
    pub fn new(
        rota: &'a Rota,
        rota_file: &'a str,
        locate: &'a dyn Fn(&str) -> Option<Location>,
        window_start: Date,
    ) -> CoverInput<'a> {
        CoverInput {
            rota,
            rota_file,
            locate,
            window_start,
            window_days: DEFAULT_WINDOW_DAYS,
            params: CoverParams::default(),
        }
    }
}

/// The result of the cover analysis. Minutes are real minutes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverAnalysis {
    /// The IANA zone of every local time here.
    pub timezone: String,
    /// Start of the window: local midnight of its first day.
    pub window_start: Zoned,
    /// End of the window: local midnight after its last day.
    pub window_end: Zoned,
    /// Length of the window.
    pub window_minutes: i64,
    /// Time with at least `min_staff` desk staff:
    /// `window_minutes - gap_minutes`.
    pub staffed_minutes: i64,
    /// Time with fewer: the sum of the gaps' minutes.
    pub gap_minutes: i64,
    /// Time with at least `pair_staff` desk staff (whole minutes, rounded
    /// down).
    pub paired_minutes: i64,
    /// `paired_minutes / window_minutes`, 0 to 1 (0 for an empty window).
    pub paired_share: f64,
    /// Every maximal interval with fewer than `min_staff` desk staff.
    pub gaps: Vec<CoverGap>,
    /// Every maximal interval outside weekday core hours with no on-call
    /// manager.
    pub on_call_gaps: Vec<CoverGap>,
    /// Desk staffing by local hour of the week: [`HOURS_IN_WEEK`] slots,
    /// Monday 00:00 first.
    pub heatmap: Vec<HeatmapSlot>,
    /// Problems in the rota or the shifts CSV that did not stop the analysis.
    pub findings: Vec<Finding>,
}

/// An interval without enough cover.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverGap {
    /// First instant, in the rota's zone.
    pub start: Zoned,
    /// First instant after the gap, in the rota's zone.
    pub end: Zoned,
    /// Real length in minutes (a part-minute counts as a minute).
    pub minutes: i64,
    /// The fewest people (desk staff, or on-call managers) at any instant.
    pub lowest_staff: u32,
    /// The gap as a finding (`cover-gap` or `on-call-gap`), located at the
    /// rota entry that best explains it.
    pub finding: Finding,
}

/// Analyses the cover of a rota written as a weekly pattern.
///
/// `Err` holds findings when cover cannot be computed at all: the rota's
/// time zone is unknown, the window is out of range, or the rota names a
/// shifts CSV (use [`analyse_cover_with_shifts`]).
///
/// ```
/// # use accredit_core::{cover::*, model::Rota};
/// let rota: Rota = serde_json::from_value(serde_json::json!({
///     "period": {"from": "2008-01-01", "to": "2008-12-31"},
///     "bank_holidays": {"as": "sun"},
///     "pattern": [{"days": "daily", "start": "08:00", "end": "20:00", "staff": 2}],
/// }))?;
/// let locate = |_pointer: &str| None;
/// let mut input = CoverInput::new(&rota, "rota.yaml", &locate, "2008-10-25".parse()?);
/// input.window_days = 1;
/// let cover = analyse_cover(&input).map_err(|findings| format!("{findings:?}"))?;
/// assert_eq!(cover.gaps.len(), 2);
/// assert_eq!(
///     cover.gaps[1].finding.message,
///     "no desk staff from Sat 2008-10-25 20:00 (+01:00) to Sun 2008-10-26 00:00 (+01:00): 240 minutes"
/// );
/// assert_eq!(cover.paired_minutes, 12 * 60);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn analyse_cover(input: &CoverInput<'_>) -> Result<CoverAnalysis, Vec<Finding>> {
    if let Some(shifts) = &input.rota.shifts {
        let message =
            format!("the rota's shifts file `{shifts}` was not read, so cover cannot be computed");
        let location = (input.locate)("/shifts").unwrap_or_else(|| Location::file(input.rota_file));
        return Err(vec![Finding::new(SHIFTS_NOT_READ, message, Some(location))]);
    }
    analysis::analyse(input, None)
}

/// A shifts CSV that can be read from its start more than once: it is read
/// once, and a second time only when a person's rows are out of time order
/// (to merge their overlapping shifts exactly without holding every row).
pub trait ShiftsFile {
    /// The file's bytes from the first.
    fn open(&mut self) -> std::io::Result<Box<dyn Read + '_>>;
}

impl ShiftsFile for &[u8] {
    fn open(&mut self) -> std::io::Result<Box<dyn Read + '_>> {
        Ok(Box::new(*self))
    }
}

/// Analyses the cover of a rota whose shifts are in a CSV (`shifts_file`,
/// pack-relative, read from `shifts_csv` one row at a time). Any weekly
/// `pattern` in the rota counts as well.
///
/// `Err` holds findings when cover cannot be computed at all: as for
/// [`analyse_cover`], or the CSV is unreadable or lacks a required column.
pub fn analyse_cover_with_shifts(
    input: &CoverInput<'_>,
    shifts_file: &str,
    mut shifts_csv: impl ShiftsFile,
) -> Result<CoverAnalysis, Vec<Finding>> {
    analysis::analyse(input, Some((shifts_file, &mut shifts_csv)))
}

/// A rota's shifts CSV read once for windows starting on any date of a
/// range (the readiness timeline's): the analysis of each window takes the
/// staffing it needs from it ([`PartShifts::Read`]).
#[derive(Debug)]
pub struct ShiftsRead {
    /// The file, pack-relative.
    file: String,
    /// The first and last start of the windows it serves, and their length.
    starts: (Date, Date, u32),
    /// The reading, or the findings that make the file unusable.
    read: Result<shifts_csv::ShiftsFromCsv, Vec<Finding>>,
}

impl ShiftsRead {
    /// Whether it serves the window of `input`.
    pub fn serves(&self, input: &CoverInput<'_>) -> bool {
        let (first, last, days) = self.starts;
        first <= input.window_start && input.window_start <= last && days == input.window_days
    }
}

/// Reads the shifts CSV `file` of `rota` (local times in its zone) once, for
/// windows of `window_days` starting from `first_start` to `last_start`
/// (local midnights in the zone of `first_rota`, the first of the rotas
/// analysed together). `None` when either zone is unknown or the dates are
/// out of range (the analysis of each window says so).
pub fn read_shifts(
    first_rota: &Rota,
    rota: &Rota,
    file: &str,
    csv: &mut dyn ShiftsFile,
    (first_start, last_start): (Date, Date),
    window_days: u32,
) -> Option<ShiftsRead> {
    let first_zone = jiff::tz::db().get(first_rota.timezone_name()).ok()?;
    let zone = jiff::tz::db().get(rota.timezone_name()).ok()?;
    let (_, first) = analysis::real_window(&first_zone, first_start, window_days)?;
    let (_, last) = analysis::real_window(&first_zone, last_start, window_days)?;
    let span = sweep::RealInterval {
        start: first.start,
        end: last.end,
    };
    Some(ShiftsRead {
        file: file.to_owned(),
        starts: (first_start, last_start, window_days),
        read: shifts_csv::read_shifts_csv(file, csv, &zone, span),
    })
}

/// Analyses the cover of several rotas that combine (a rota per quarter, say;
/// their periods must not overlap, which loading checks): their shifts are
/// swept together over the window, as if one rota. Local times are in the
/// first part's zone. With one part this is [`analyse_cover`] or
/// [`analyse_cover_with_shifts`].
///
/// `Err` holds findings when cover cannot be computed at all (as for those).
pub fn analyse_rotas(parts: Vec<RotaPart<'_>>) -> Result<CoverAnalysis, Vec<Finding>> {
    for part in &parts {
        if part.shifts_csv.is_none()
            && let Some(shifts) = &part.input.rota.shifts
        {
            let message = format!(
                "the rota's shifts file `{shifts}` was not read, so cover cannot be computed"
            );
            let location = (part.input.locate)("/shifts")
                .unwrap_or_else(|| Location::file(part.input.rota_file));
            return Err(vec![Finding::new(SHIFTS_NOT_READ, message, Some(location))]);
        }
    }
    analysis::analyse_parts(parts)
}
