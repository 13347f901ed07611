//! The staff register: who the front-line staff are, i.e. `first-line` staff
//! in post at any time during the assessment window (NAK-01, NAK-03).

use std::collections::{BTreeSet, HashMap};
use std::io::Read;

use serde::Serialize;

use super::BadRow;
use super::reader::{Export, Row, Strategy, stream_exports};
use super::zone::Zone;
use super::{LogSource, LogUnreadable, RowTally, codes};
use crate::finding::Finding;
use crate::location::Location;
use crate::model::Period;

/// Columns a staff register must have (the same as
/// [`crate::model::STAFF_COLUMNS`]); `end_date` is optional.
const COLUMNS: [&str; 3] = crate::model::STAFF_COLUMNS;

/// A role in the staff register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StaffRole {
    FirstLine,
    SecondLine,
    Manager,
    Other,
}

const ROLES: [(&str, StaffRole); 4] = [
    ("first-line", StaffRole::FirstLine),
    ("second-line", StaffRole::SecondLine),
    ("manager", StaffRole::Manager),
    ("other", StaffRole::Other),
];

/// The IDs of the front-line staff, in order. Staff are identified by ID only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct FrontLineStaff {
    ids: BTreeSet<String>,
}

impl FrontLineStaff {
    /// A set of front-line staff from their IDs.
    pub fn new(ids: impl IntoIterator<Item = String>) -> FrontLineStaff {
        FrontLineStaff {
            ids: ids.into_iter().collect(),
        }
    }

    /// Whether `staff_id` is front-line staff.
    pub fn contains(&self, staff_id: &str) -> bool {
        self.ids.contains(staff_id)
    }

    /// How many front-line staff there are.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The staff IDs in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.ids.iter().map(String::as_str)
    }
}

/// What the staff register shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StaffRegisterSummary {
    /// Rows read and skipped.
    pub rows: RowTally,
    /// `first-line` staff in post at any time during the window.
    pub front_line: FrontLineStaff,
    /// Bad rows, and a finding when there are no front-line staff.
    pub findings: Vec<Finding>,
}

/// Streams a staff register (CSV, `file` being its pack path) and finds the
/// front-line staff: `first-line` staff whose `start_date ..= end_date` (an
/// empty or absent `end_date` means still in post) meets the assessment
/// `window` (inclusive dates). A person listed in several rows (several
/// spells or roles) is front-line if any `first-line` row qualifies.
///
/// # Errors
/// [`LogUnreadable`] when a required column is missing or the file cannot be read.
pub fn analyse_staff_register(
    reader: impl Read + Send,
    file: &str,
    window: Period,
) -> Result<StaffRegisterSummary, LogUnreadable> {
    let source = LogSource {
        file: file.to_owned(),
        reader,
        tz: jiff::tz::TimeZone::UTC,
    };
    analyse_staff_registers([source], window)
}

/// [`analyse_staff_register`] over several exports combined: a person is
/// front-line if any row in any of them qualifies. A staff ID listed in more
/// than one export is reported (once, at its first row in the later file).
///
/// # Errors
/// [`LogUnreadable`] when a file lacks a required column or cannot be read.
pub fn analyse_staff_registers<R: Read + Send>(
    sources: impl IntoIterator<Item = LogSource<R>>,
    window: Period,
) -> Result<StaffRegisterSummary, LogUnreadable> {
    analyse_staff_registers_with(sources, window, Strategy::FAST)
}

/// [`analyse_staff_registers`], read the way `strategy` says.
pub(super) fn analyse_staff_registers_with<R: Read + Send>(
    sources: impl IntoIterator<Item = LogSource<R>>,
    window: Period,
    strategy: Strategy,
) -> Result<StaffRegisterSummary, LogUnreadable> {
    let mut front_line = BTreeSet::new();
    // Each staff ID with the file it was first listed in.
    let mut listed_in: HashMap<String, String> = HashMap::new();
    let streamed = stream_exports(sources, COLUMNS, strategy, |export| {
        stream_register(export, window, &mut front_line, &mut listed_in)
    })?;
    let first = streamed.first_file().to_owned();
    let file = first.as_str();
    let no_front_line = front_line.is_empty().then(|| {
        Finding::new(
            codes::NO_FRONT_LINE_STAFF,
            format!(
                "no first-line staff are in post between {} and {}",
                window.from, window.to
            ),
            Some(Location::file(file)),
        )
    });
    let mut findings = streamed.findings;
    findings.extend(no_front_line);
    Ok(StaffRegisterSummary {
        rows: streamed.rows,
        front_line: FrontLineStaff { ids: front_line },
        findings,
    })
}

/// Streams one staff register export, adding its front-line staff; the
/// findings are the staff IDs it shares with an earlier export.
fn stream_register<R: Read + Send>(
    export: &mut Export<'_, R, 3>,
    window: Period,
    front_line: &mut BTreeSet<String>,
    listed_in: &mut HashMap<String, String>,
) -> Result<Vec<Finding>, LogUnreadable> {
    let [staff_id, role, start_date] = export.columns;
    let end_date = export.log.column("end_date");
    // Each row on its own: its staff ID, and whether it is front-line in
    // post (or why the rest of the row is bad).
    let parse = |row: &Row<'_>, _: &Zone| {
        let staff_id = row.required_text(staff_id)?;
        let front_line = (|| {
            let role = row.one_of(role, &ROLES)?;
            let start = row.date(start_date)?;
            let end = match end_date {
                Some(column) => row.optional_date(column)?,
                None => None,
            };
            if end.is_some_and(|end| end < start) {
                return Err(BadRow::new(
                    codes::STAFF_LEFT_BEFORE_START,
                    format!(
                        "staff member {staff_id} has an end date before their start date; row skipped"
                    ),
                ));
            }
            let in_post = start <= window.to && end.is_none_or(|end| end >= window.from);
            Ok(role == StaffRole::FirstLine && in_post)
        })();
        Ok((Box::<str>::from(staff_id), front_line))
    };
    let file = export.places.file();
    let mut repeated: BTreeSet<String> = BTreeSet::new();
    let mut elsewhere = Vec::new();
    // In file order: a staff ID is listed (and a repeat across exports
    // found) even when the rest of its row is bad.
    export
        .log
        .for_each_row_parallel(export.tz, parse, |(staff_id, front), line| {
            let staff_id = &*staff_id;
            match listed_in.get(staff_id) {
                Some(earlier) if earlier != file && !repeated.contains(staff_id) => {
                    repeated.insert(staff_id.to_owned());
                    elsewhere.push(Finding::new(
                    codes::DUPLICATE_STAFF,
                    format!(
                        "staff member {staff_id} is also listed in {earlier}; the rows are combined"
                    ),
                    Some(Location::at(file, line, 1)),
                ));
                }
                Some(_) => {}
                None => {
                    listed_in.insert(staff_id.to_owned(), file.to_owned());
                }
            }
            if front? && !front_line.contains(staff_id) {
                front_line.insert(staff_id.to_owned());
            }
            Ok(())
        })?;
    Ok(elsewhere)
}
