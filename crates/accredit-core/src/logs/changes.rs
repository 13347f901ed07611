//! The change log: how many changes to clinical systems were scheduled wholly
//! inside the desk's agreed change windows (CHG-01).

use std::io::Read;

use jiff::Timestamp;
use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;
use serde::Serialize;

use super::BadRow;
use super::reader::{Row, Strategy, stream_exports};
use super::references::ReferenceSet;
use super::zone::Zone;
use super::{LogSource, LogUnreadable, MAX_LISTED, RowTally, codes, listing, share};
use crate::finding::Finding;
use crate::location::Location;
use crate::model::{ClockTime, Window};

/// Columns a change log must have (the same as
/// [`crate::model::CHANGE_COLUMNS`]).
const COLUMNS: [&str; 6] = crate::model::CHANGE_COLUMNS;

/// What the change log shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeSummary {
    /// Rows read and skipped.
    pub rows: RowTally,
    /// Changes counted (valid rows).
    pub changes: u64,
    /// Of those, changes to clinical systems.
    pub clinical: u64,
    /// Clinical changes scheduled wholly inside one occurrence of a change window.
    pub inside_windows: u64,
    /// `inside_windows / clinical`; `None` when there are no clinical changes.
    pub share: Option<f64>,
    /// The first clinical changes scheduled outside the windows (at most 20).
    pub outside_windows: Vec<ScheduledChange>,
    /// What was found, for CHG-01.
    pub window_findings: Vec<Finding>,
    /// Bad rows, each with its line.
    pub findings: Vec<Finding>,
}

/// A change named in a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScheduledChange {
    /// The change reference.
    pub reference: String,
    /// Line in the CSV.
    pub line: u32,
    /// Scheduled start and end in local time, e.g. `Tue 2008-03-04 09:00–11:00`.
    pub scheduled: String,
}

/// Streams a change log (CSV, `file` being its pack path) and measures the
/// share of clinical changes whose scheduled interval lies wholly inside one
/// occurrence of one of `change_windows`, comparing real instants. Window
/// times are local to `tz`; a window whose `to` is at or before its `from`
/// runs overnight into the next day, and `24:00` is the end of the day.
///
/// # Errors
/// [`LogUnreadable`] when a required column is missing or the file cannot be read.
pub fn analyse_changes(
    reader: impl Read + Send,
    file: &str,
    tz: &TimeZone,
    change_windows: &[Window],
) -> Result<ChangeSummary, LogUnreadable> {
    let source = LogSource {
        file: file.to_owned(),
        reader,
        tz: tz.clone(),
    };
    analyse_change_logs([source], change_windows)
}

/// [`analyse_changes`] over several exports combined: their rows are
/// measured together, and a change reference seen before (in the same file
/// or another) is counted once and reported. Findings about the whole log
/// are placed at the first file.
///
/// # Errors
/// [`LogUnreadable`] when a file lacks a required column or cannot be read.
pub fn analyse_change_logs<R: Read + Send>(
    sources: impl IntoIterator<Item = LogSource<R>>,
    change_windows: &[Window],
) -> Result<ChangeSummary, LogUnreadable> {
    analyse_change_logs_with(sources, change_windows, Strategy::FAST)
}

/// [`analyse_change_logs`], read the way `strategy` says.
pub(super) fn analyse_change_logs_with<R: Read + Send>(
    sources: impl IntoIterator<Item = LogSource<R>>,
    change_windows: &[Window],
    strategy: Strategy,
) -> Result<ChangeSummary, LogUnreadable> {
    let mut changes = 0;
    let mut clinical_changes = 0;
    let mut inside = 0;
    let mut outside = Vec::new();
    let mut seen = ReferenceSet::new(strategy.reference_runs);
    let streamed =
        stream_exports(sources, COLUMNS, strategy, |export| {
            let [reference, _, clinical, scheduled_start, scheduled_end, _] = export.columns;
            let parse = |row: &Row<'_>, zone: &Zone| {
                let reference = row.required_text(reference)?;
                let clinical = row.one_of(
                    clinical,
                    &[
                        ("true", true),
                        ("false", false),
                        ("yes", true),
                        ("no", false),
                    ],
                )?;
                let start = row.instant(scheduled_start, zone)?;
                let end = row.instant(scheduled_end, zone)?;
                if end < start {
                    return Err(BadRow::new(
                        codes::CHANGE_ENDS_BEFORE_START,
                        format!(
                            "change {reference} is scheduled to end before it starts; row skipped"
                        ),
                    ));
                }
                let inside = clinical && inside_a_window(start, end, zone, change_windows);
                Ok(ReadChange {
                    reference: reference.into(),
                    clinical,
                    inside,
                    start,
                    end,
                })
            };
            let (places, tz) = (export.places, export.tz);
            export.log.for_each_row_parallel(tz, parse, |change, line| {
            let reference = &*change.reference;
            if let Err(earlier) = seen.first_sight(reference, places.index()) {
                let earlier = places.file_at(earlier).unwrap_or("");
                let place = if earlier == places.file() {
                    "in the log".to_owned()
                } else {
                    format!("in {earlier}")
                };
                return Err(BadRow::new(
                    codes::DUPLICATE_CHANGE,
                    format!("change reference {reference} appeared earlier {place}; counted once"),
                ));
            }
            changes += 1;
            if !change.clinical {
                return Ok(());
            }
            clinical_changes += 1;
            if change.inside {
                inside += 1;
            } else if outside.len() < MAX_LISTED {
                outside.push(ScheduledChange {
                    reference: reference.to_owned(),
                    line,
                    scheduled: describe(change.start, change.end, tz),
                });
            }
            Ok(())
        })?;
            Ok(Vec::new())
        })?;
    let first = streamed.first_file().to_owned();
    let file = first.as_str();
    let outside_count = clinical_changes - inside;
    let mut window_findings = Vec::new();
    if outside_count > 0 {
        let listed = outside.iter().map(|c: &ScheduledChange| {
            format!("{} (line {}, {})", c.reference, c.line, c.scheduled)
        });
        window_findings.push(Finding::new(
            codes::CHANGE_OUTSIDE_WINDOWS,
            format!(
                "{outside_count} of {clinical_changes} changes to clinical systems were scheduled outside the agreed change windows: {}",
                listing(listed, usize::try_from(outside_count).unwrap_or(usize::MAX))
            ),
            Some(Location::file(file)),
        ));
    }
    Ok(ChangeSummary {
        rows: streamed.rows,
        changes,
        clinical: clinical_changes,
        inside_windows: inside,
        share: share(inside, clinical_changes),
        outside_windows: outside,
        window_findings,
        findings: streamed.findings,
    })
}

/// What one row says, read on its own (before duplicates are known).
struct ReadChange {
    reference: Box<str>,
    clinical: bool,
    /// For a clinical change: whether it lies inside a window.
    inside: bool,
    start: Timestamp,
    end: Timestamp,
}

/// Whether `start..=end` lies inside one occurrence of one window. An
/// occurrence lasts at most a day, so only occurrences opening on the local
/// day of `start` or the two days before can hold it.
fn inside_a_window(start: Timestamp, end: Timestamp, zone: &Zone, windows: &[Window]) -> bool {
    let start_day = zone.local(start).date();
    let days = [
        start_day.yesterday().ok().and_then(|d| d.yesterday().ok()),
        start_day.yesterday().ok(),
        Some(start_day),
    ];
    days.into_iter().flatten().any(|day| {
        windows.iter().any(|window| {
            window.days.contains(day.weekday())
                && occurrence(window, day, zone)
                    .is_some_and(|(open, close)| open <= start && end <= close)
        })
    })
}

/// The real interval of a window's occurrence opening on `day`.
fn occurrence(window: &Window, day: Date, zone: &Zone) -> Option<(Timestamp, Timestamp)> {
    let close_day = if window.to.minutes() <= window.from.minutes() {
        day.tomorrow().ok()?
    } else {
        day
    };
    Some((
        zone.instant(wall_clock(day, window.from)?)?,
        zone.instant(wall_clock(close_day, window.to)?)?,
    ))
}

/// The wall-clock reading of `time` on `day` (`24:00` is the next midnight).
fn wall_clock(day: Date, time: ClockTime) -> Option<DateTime> {
    match time {
        ClockTime::At(time) => Some(day.to_datetime(time)),
        ClockTime::EndOfDay => Some(day.tomorrow().ok()?.to_datetime(Time::midnight())),
    }
}

/// A scheduled interval in local time, e.g. `Tue 2008-03-04 09:00–11:00` or
/// `Tue 2008-03-04 22:00–Wed 02:00`.
fn describe(start: Timestamp, end: Timestamp, tz: &TimeZone) -> String {
    let (start, end) = (tz.to_datetime(start), tz.to_datetime(end));
    let end_format = if start.date() == end.date() {
        "%H:%M"
    } else {
        "%a %Y-%m-%d %H:%M"
    };
    format!(
        "{}–{}",
        start.strftime("%a %Y-%m-%d %H:%M"),
        end.strftime(end_format)
    )
}
