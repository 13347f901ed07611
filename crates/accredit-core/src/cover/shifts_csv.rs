//! The shifts-CSV form of a rota: one row per person per shift, with columns
//! `staff_id,start,end,role[,on_call]` (header names the columns, order free,
//! extra columns ignored), read one row at a time.
//!
//! A bad row is a finding with its line number and is skipped; only the
//! first [`super::MAX_ROW_FINDINGS`] are reported one by one, the rest are
//! counted.
//! The same person on two overlapping shifts is counted once
//! ([`super::person_overlaps`]): what is kept is each person's open shift and
//! the staffing changes within the window, so memory does not grow with the
//! rows. When a person's rows are out of time order the file is read a
//! second time, with that person's rows kept and sorted.

use std::collections::{HashMap, HashSet};
use std::io::Read;

use jiff::tz::TimeZone;

use super::ShiftsFile;
use super::bad_rows::RowFindings;
use super::codes::{
    SHIFT_BAD_ROW, SHIFT_BAD_TIME, SHIFT_ENDS_BEFORE_START, SHIFT_OVERLAP, SHIFT_RAGGED_ROW,
    SHIFTS_MISSING_COLUMN, SHIFTS_UNREADABLE,
};
use super::local_time::parse_shift_time;
use super::person_overlaps::{PersonDuty, PersonMerge, PersonShift};
use super::sweep::{RealInterval, StaffingChanges};
use crate::finding::{Finding, FindingCode};
use crate::location::Location;

/// Columns every shifts CSV must have.
const REQUIRED_COLUMNS: [&str; 4] = ["staff_id", "start", "end", "role"];

/// What a shifts CSV contributes: staffing changes within the span it was
/// read for, and findings about its rows.
#[derive(Debug, Clone)]
pub(super) struct ShiftsFromCsv {
    /// Desk staff, each person counted once.
    pub desk: StaffingChanges,
    /// On-call managers, each counted once.
    pub on_call: StaffingChanges,
    /// Findings about bad rows and overlaps.
    pub findings: Vec<Finding>,
}

/// Reads a shifts CSV, keeping the staffing changes within `span` (the
/// window: shifts outside it cost nothing but being read). `Err` holds the
/// findings that make the file unusable as a whole: unreadable, or a
/// required column missing.
pub(super) fn read_shifts_csv(
    file: &str,
    csv: &mut dyn ShiftsFile,
    zone: &TimeZone,
    span: RealInterval,
) -> Result<ShiftsFromCsv, Vec<Finding>> {
    let first = read_once(file, open(file, csv)?, zone, span, &HashSet::new())?;
    if first.out_of_order.is_empty() {
        return Ok(first.shifts);
    }
    let again = read_once(file, open(file, csv)?, zone, span, &first.out_of_order)?;
    Ok(again.shifts)
}

/// The file from its start; `Err` is the `shifts-unreadable` finding.
fn open<'c>(file: &str, csv: &'c mut dyn ShiftsFile) -> Result<Box<dyn Read + 'c>, Vec<Finding>> {
    csv.open().map_err(|e| {
        let message = format!("the shifts file {file} cannot be read: {e}");
        vec![Finding::new(
            SHIFTS_UNREADABLE,
            message,
            Some(Location::file(file)),
        )]
    })
}

/// One reading of the file.
struct Reading {
    shifts: ShiftsFromCsv,
    /// People found with rows out of time order (not set aside this time).
    out_of_order: HashSet<PersonDuty>,
}

/// Reads the file once, merging each person's shifts as the rows come,
/// except those of `set_aside` (merged after sorting).
fn read_once(
    file: &str,
    content: impl Read,
    zone: &TimeZone,
    span: RealInterval,
    set_aside: &HashSet<PersonDuty>,
) -> Result<Reading, Vec<Finding>> {
    let mut rows = RowFindings::new(file);
    let mut merge = PersonMerge::new(span, set_aside);
    let names = read_rows(file, content, zone, &mut rows, |row| merge.add(row))?;
    let merged = merge.finish();
    let (first, count) = merged.overlaps.into_first();
    let listed = first.len() as u64;
    for overlap in first {
        report_overlap(
            &mut rows,
            &names,
            overlap.earlier,
            overlap.line,
            overlap.person,
        );
    }
    rows.count_unlisted(count - listed);
    Ok(Reading {
        shifts: ShiftsFromCsv {
            desk: merged.desk,
            on_call: merged.on_call,
            findings: rows.finish(),
        },
        out_of_order: merged.out_of_order,
    })
}

/// The finding for a row that overlaps an earlier shift of the same person.
fn report_overlap(
    rows: &mut RowFindings<'_>,
    names: &[String],
    earlier: u64,
    later: u64,
    person: u32,
) {
    let name = clip(names.get(person as usize).map_or("?", String::as_str));
    let message =
        format!("staff {name} is on two overlapping shifts (lines {earlier} and {later})");
    rows.report(later, SHIFT_OVERLAP, message);
}

/// Reads every row, reporting bad ones to `rows` and passing good ones to
/// `each`; gives each person's `staff_id` by number.
fn read_rows(
    file: &str,
    content: impl Read,
    zone: &TimeZone,
    rows: &mut RowFindings<'_>,
    mut each: impl FnMut(PersonShift),
) -> Result<Vec<String>, Vec<Finding>> {
    // The header row bounded (1 MiB, 10,000 columns) before the reader
    // holds it; the reader then sees every byte of the file, in order.
    let (header, rest) = match crate::logs::split_header(content) {
        Ok((header, _, rest)) => (header, rest),
        Err(e) => {
            let message = format!("the shifts file {file} cannot be read: {e}");
            let line = e
                .line()
                .map_or(1, |l| usize::try_from(l).unwrap_or(usize::MAX));
            let location = Some(Location::at(file, crate::location::to_u32(line), 1));
            return Err(vec![Finding::new(SHIFTS_UNREADABLE, message, location)]);
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(header.as_slice().chain(rest));
    let unreadable = |e: csv::Error| {
        let message = format!("the shifts file {file} cannot be read: {e}");
        let location = Some(Location::file(file));
        vec![Finding::new(SHIFTS_UNREADABLE, message, location)]
    };
    let header = reader.headers().map_err(unreadable)?;
    let columns = ShiftColumns::find(header, file)?;

    let mut people: HashMap<String, u32> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => match e.kind() {
                csv::ErrorKind::Utf8 { pos, .. } => {
                    let line = pos.as_ref().map_or(0, |p| p.line());
                    rows.report(line, SHIFT_BAD_ROW, "the row is not valid UTF-8".into());
                    continue;
                }
                _ => return Err(unreadable(e)),
            },
        }
        let line = record.position().map_or(0, |p| p.line());
        let row = match columns.read(&record, zone) {
            Ok(row) => row,
            Err((code, problem)) => {
                rows.report(line, code, problem);
                continue;
            }
        };
        let person = match people.get(row.staff_id) {
            Some(&person) => person,
            None => {
                let person = u32::try_from(names.len()).unwrap_or(u32::MAX);
                people.insert(row.staff_id.to_owned(), person);
                names.push(row.staff_id.to_owned());
                person
            }
        };
        each(PersonShift {
            person,
            on_call: row.on_call,
            line,
            during: row.during,
        });
    }
    Ok(names)
}

/// Merged shifts as `(on_call, during)`, and the findings about the rows.
#[cfg(test)]
pub(super) type EveryRow = (Vec<(bool, RealInterval)>, Vec<Finding>);

/// The straightforward path, kept as the test oracle: every row held,
/// sorted per person and merged.
#[cfg(test)]
pub(super) fn read_every_row(
    file: &str,
    content: impl Read,
    zone: &TimeZone,
) -> Result<EveryRow, Vec<Finding>> {
    let mut rows = RowFindings::new(file);
    let mut read: Vec<PersonShift> = Vec::new();
    let names = read_rows(file, content, zone, &mut rows, |row| read.push(row))?;
    let mut overlaps: Vec<super::person_overlaps::Overlap> = Vec::new();
    let shifts = super::person_overlaps::merge_sorted(read, |overlap| overlaps.push(overlap));
    for o in overlaps {
        report_overlap(&mut rows, &names, o.earlier, o.line, o.person);
    }
    Ok((shifts, rows.finish()))
}

/// Where the columns of a shifts CSV are.
struct ShiftColumns {
    staff_id: usize,
    start: usize,
    end: usize,
    on_call: Option<usize>,
    width: usize,
}

/// One good row.
struct ShiftRow<'r> {
    staff_id: &'r str,
    on_call: bool,
    during: RealInterval,
}

impl ShiftColumns {
    /// Finds the columns by name (any case); `Err` names each missing one.
    fn find(header: &csv::StringRecord, file: &str) -> Result<ShiftColumns, Vec<Finding>> {
        let column = |name: &str| crate::model::find_column(header.iter().map(str::as_bytes), name);
        match REQUIRED_COLUMNS.map(column) {
            [Some(staff_id), Some(start), Some(end), Some(_role)] => Ok(ShiftColumns {
                staff_id,
                start,
                end,
                on_call: column("on_call"),
                width: header.len(),
            }),
            found => Err(REQUIRED_COLUMNS
                .iter()
                .zip(found)
                .filter(|(_, at)| at.is_none())
                .map(|(name, _)| {
                    let message = format!("the shifts file {file} has no `{name}` column");
                    let location = Some(Location::at(file, 1, 1));
                    Finding::new(SHIFTS_MISSING_COLUMN, message, location)
                })
                .collect()),
        }
    }

    /// Reads one row; `Err` is a finding code and the problem.
    fn read<'r>(
        &self,
        record: &'r csv::StringRecord,
        zone: &TimeZone,
    ) -> Result<ShiftRow<'r>, (FindingCode, String)> {
        if record.len() != self.width {
            let problem = format!(
                "the row has {} fields where the header has {}",
                record.len(),
                self.width
            );
            return Err((SHIFT_RAGGED_ROW, problem));
        }
        let field = |i: usize| record.get(i).unwrap_or_default();
        let staff_id = field(self.staff_id);
        if staff_id.is_empty() {
            return Err((SHIFT_BAD_ROW, "the row has no staff_id".into()));
        }
        let on_call_text = self.on_call.map_or("", field);
        let on_call = parse_flag(on_call_text).ok_or_else(|| {
            let value = clip(on_call_text);
            (
                SHIFT_BAD_ROW,
                format!("`{value}` in column `on_call` is not true or false"),
            )
        })?;
        let time = |name: &str, i: usize| {
            parse_shift_time(field(i), zone).ok_or_else(|| {
                let value = clip(field(i));
                let problem = format!(
                    "`{value}` in column `{name}` is not a time \
                     (RFC 3339 with an offset, or local YYYY-MM-DD HH:MM)"
                );
                (SHIFT_BAD_TIME, problem)
            })
        };
        let (start, end) = (time("start", self.start)?, time("end", self.end)?);
        if end <= start {
            let (from, to) = (clip(field(self.start)), clip(field(self.end)));
            let problem = format!("the shift ends ({to}) at or before it starts ({from})");
            return Err((SHIFT_ENDS_BEFORE_START, problem));
        }
        let during = RealInterval { start, end };
        Ok(ShiftRow {
            staff_id,
            on_call,
            during,
        })
    }
}

/// `on_call` values: empty, `false`, `no`, `0` or `true`, `yes`, `1`.
fn parse_flag(text: &str) -> Option<bool> {
    match text.to_ascii_lowercase().as_str() {
        "" | "false" | "no" | "n" | "0" => Some(false),
        "true" | "yes" | "y" | "1" => Some(true),
        _ => None,
    }
}

/// A field value shortened for a message.
fn clip(text: &str) -> String {
    const LONGEST: usize = 40;
    match text.char_indices().nth(LONGEST) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}
