//! The staff register: who the front-line staff are, i.e. `first-line` staff
//! in post at any time during the assessment window (NAK-01, NAK-03).

use std::collections::BTreeSet;
use std::io::Read;

use serde::Serialize;

use super::BadRow;
use super::reader::LogReader;
use super::{LogUnreadable, RowTally, codes};
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
    let (mut log, [staff_id, role, start_date]) = LogReader::open(reader, file, COLUMNS)?;
    let end_date = log.column("end_date");
    let mut front_line = BTreeSet::new();
    log.for_each_row(|row| {
        let staff_id = row.required_text(staff_id)?;
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
