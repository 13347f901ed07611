//! The staff register: who the front-line staff are, i.e. `first-line` staff
//! in post at any time during the assessment window (NAK-01, NAK-03).

use std::collections::BTreeSet;
use std::io::Read;

use serde::Serialize;

use super::BadRow;
use super::reader::LogReader;
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
    reader: impl Read,
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
pub fn analyse_staff_registers<R: Read>(
    sources: impl IntoIterator<Item = LogSource<R>>,
    window: Period,
) -> Result<StaffRegisterSummary, LogUnreadable> {
    let mut front_line = BTreeSet::new();
    let mut rows = RowTally::default();
    let mut findings = Vec::new();
    // Each staff ID with the file it was first listed in.
    let mut listed_in: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut first_file: Option<String> = None;
    for LogSource { file, reader, .. } in sources {
        first_file.get_or_insert_with(|| file.clone());
        let (file_rows, mut file_findings) =
            stream_register(reader, &file, window, &mut front_line, &mut listed_in)?;
        rows.add(file_rows);
        findings.append(&mut file_findings);
    }
    let file = first_file.unwrap_or_default();
    let file = file.as_str();
    if front_line.is_empty() {
        findings.push(Finding::new(
            codes::NO_FRONT_LINE_STAFF,
            format!(
                "no first-line staff are in post between {} and {}",
                window.from, window.to
            ),
            Some(Location::file(file)),
        ));
    }
    Ok(StaffRegisterSummary {
        rows,
        front_line: FrontLineStaff { ids: front_line },
        findings,
    })
}

/// Streams one staff register export, adding its front-line staff.
fn stream_register(
    reader: impl Read,
    file: &str,
    window: Period,
    front_line: &mut BTreeSet<String>,
    listed_in: &mut std::collections::HashMap<String, String>,
) -> Result<(RowTally, Vec<Finding>), LogUnreadable> {
    let (mut log, [staff_id, role, start_date]) = LogReader::open(reader, file, COLUMNS)?;
    let mut repeated: BTreeSet<String> = BTreeSet::new();
    let mut elsewhere = Vec::new();
    let end_date = log.column("end_date");
    log.for_each_row(|row| {
        let staff_id = row.required_text(staff_id)?;
        match listed_in.get(staff_id) {
            Some(earlier) if earlier != file && !repeated.contains(staff_id) => {
                repeated.insert(staff_id.to_owned());
                elsewhere.push(Finding::new(
                    codes::DUPLICATE_STAFF,
                    format!(
                        "staff member {staff_id} is also listed in {earlier}; the rows are combined"
                    ),
                    Some(Location::at(file, row.line(), 1)),
                ));
            }
            Some(_) => {}
            None => {
                listed_in.insert(staff_id.to_owned(), file.to_owned());
            }
        }
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
        if role == StaffRole::FirstLine && in_post && !front_line.contains(staff_id) {
            front_line.insert(staff_id.to_owned());
        }
        Ok(())
    })?;
    let (rows, mut findings) = log.finish();
    findings.append(&mut elsewhere);
    Ok((rows, findings))
}
