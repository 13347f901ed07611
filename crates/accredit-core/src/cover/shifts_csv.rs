//! The shifts-CSV form of a rota: one row per person per shift, with columns
//! `staff_id,start,end,role[,on_call]` (header names the columns, order free,
//! extra columns ignored), read one row at a time.
//!
//! A bad row is a finding with its line number and is skipped; only the
//! first [`super::MAX_ROW_FINDINGS`] are reported one by one, the rest are
//! counted.
//! The same person on two overlapping shifts is counted once.

use std::collections::HashMap;
use std::io::Read;

use jiff::tz::TimeZone;

use super::bad_rows::RowFindings;
use super::codes::{
    SHIFT_BAD_ROW, SHIFT_BAD_TIME, SHIFT_ENDS_BEFORE_START, SHIFT_OVERLAP, SHIFT_RAGGED_ROW,
    SHIFTS_MISSING_COLUMN, SHIFTS_UNREADABLE,
};
use super::expand::{RotaShift, ShiftSource};
use super::local_time::parse_shift_time;
use super::sweep::RealInterval;
use crate::finding::{Finding, FindingCode};
use crate::location::Location;

/// Columns every shifts CSV must have.
const REQUIRED_COLUMNS: [&str; 4] = ["staff_id", "start", "end", "role"];

/// Shifts read from a CSV, and findings about its rows.
#[derive(Debug, Default)]
pub(super) struct ShiftsFromCsv {
    /// The shifts, one person each.
    pub shifts: Vec<RotaShift>,
    /// Findings about bad rows.
    pub findings: Vec<Finding>,
}

/// A row as read, before one person's overlapping shifts are merged.
struct PersonShift {
    person: u32,
    on_call: bool,
    line: u64,
    during: RealInterval,
}

/// Reads a shifts CSV. `Err` holds the findings that make the file unusable
/// as a whole: unreadable, or a required column missing.
pub(super) fn read_shifts_csv(
    file: &str,
    content: impl Read,
    zone: &TimeZone,
) -> Result<ShiftsFromCsv, Vec<Finding>> {
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

    let mut rows = RowFindings::new(file);
    let mut people: HashMap<String, u32> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut read: Vec<PersonShift> = Vec::new();
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
        let next_id = u32::try_from(names.len()).unwrap_or(u32::MAX);
        let person = *people.entry(row.staff_id.to_owned()).or_insert_with(|| {
            names.push(row.staff_id.to_owned());
            next_id
        });
        let (on_call, during) = (row.on_call, row.during);
        read.push(PersonShift {
            person,
            on_call,
            line,
            during,
        });
    }
    let shifts = merge_each_persons_overlaps(read, |earlier, later, person| {
        let name = clip(names.get(person as usize).map_or("?", String::as_str));
        let message =
            format!("staff {name} is on two overlapping shifts (lines {earlier} and {later})");
        rows.report(later, SHIFT_OVERLAP, message);
    });
    let findings = rows.finish();
    Ok(ShiftsFromCsv { shifts, findings })
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

/// Merges each person's overlapping shifts (desk and on-call apart), calling
/// `overlap(earlier_line, later_line, person)` for each overlap.
fn merge_each_persons_overlaps(
    mut read: Vec<PersonShift>,
    mut overlap: impl FnMut(u64, u64, u32),
) -> Vec<RotaShift> {
    read.sort_unstable_by_key(|s| (s.person, s.on_call, s.during.start, s.line));
    let mut shifts: Vec<RotaShift> = Vec::with_capacity(read.len());
    let mut open: Option<PersonShift> = None;
    let as_shift = |s: &PersonShift| RotaShift {
        during: s.during,
        staff: 1,
        on_call: s.on_call,
        source: ShiftSource::ShiftsCsv,
    };
    for next in read {
        match open.as_mut() {
            Some(cur)
                if cur.person == next.person
                    && cur.on_call == next.on_call
                    && next.during.start < cur.during.end =>
            {
                overlap(cur.line, next.line, next.person);
                cur.during.end = cur.during.end.max(next.during.end);
            }
            _ => {
                if let Some(done) = open.replace(next) {
                    shifts.push(as_shift(&done));
                }
            }
        }
    }
    shifts.extend(open.as_ref().map(as_shift));
    shifts
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
