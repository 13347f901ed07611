//! The shifts CSV read as it streams against the straightforward path (every
//! row held, sorted and merged): the same findings, in the same order, and
//! the same staffing, on generated files with rows in any order, overlaps
//! of the same person, desk and on-call rows, bad rows, both time forms
//! across the Europe/London clock changes, and rows outside the window.

use std::cell::Cell;
use std::fmt::Write;
use std::io::Read;

use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use proptest::prelude::*;

use super::super::ShiftsFile;
use super::super::shifts_csv::{read_every_row, read_shifts_csv};
use super::super::sweep::{RealInterval, staffing_steps};

fn london() -> TimeZone {
    jiff::tz::db().get("Europe/London").unwrap()
}

/// A row as generated: what kind of row, whose, when (minutes after the
/// base instant) and how long, on-call.
#[derive(Debug, Clone)]
struct GenRow {
    kind: u8,
    person: u8,
    start: i64,
    minutes: i64,
    on_call: bool,
    local: bool,
}

fn gen_row() -> impl Strategy<Value = GenRow> {
    (
        0u8..20,
        0u8..5,
        -2 * 1440i64..6 * 1440,
        1i64..20 * 60,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(kind, person, start, minutes, on_call, local)| GenRow {
            kind,
            person,
            start: start / 15 * 15 + start % 3, // mostly quarter hours, a few odd minutes
            minutes,
            on_call,
            local,
        })
}

/// The base instant: Fri 2008-10-24 23:00 UTC (the autumn change is two
/// days on), or Fri 2008-03-28 00:00 UTC (the spring one).
fn base(spring: bool) -> Timestamp {
    let text = if spring {
        "2008-03-28T00:00:00Z"
    } else {
        "2008-10-24T23:00:00Z"
    };
    text.parse().unwrap()
}

/// An instant as a CSV writes it: local `YYYY-MM-DD HH:MM`, or RFC 3339.
fn written(at: Timestamp, local: bool) -> String {
    let zoned = at.to_zoned(london());
    if local {
        zoned.strftime("%Y-%m-%d %H:%M").to_string()
    } else {
        zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
    }
}

/// The start of `row` as the reader reads it back from the CSV.
fn read_start(row: &GenRow, spring: bool) -> Timestamp {
    let start = base(spring).checked_add(row.start.minutes()).unwrap();
    super::super::local_time::parse_shift_time(&written(start, row.local), &london()).unwrap()
}

/// The CSV of `rows` (in their order), most good, some bad.
fn csv_of(rows: &[GenRow], spring: bool) -> String {
    let base = base(spring);
    let mut csv = String::from("staff_id,start,end,role,on_call\n");
    for r in rows {
        let start = base.checked_add(r.start.minutes()).unwrap();
        let end = start.checked_add(r.minutes.minutes()).unwrap();
        let (from, to) = (written(start, r.local), written(end, r.local));
        let id = format!("P{}", r.person);
        let on_call = r.on_call;
        let _ = match r.kind {
            0 => writeln!(csv, "{id},{from},soon,first-line,{on_call}"),
            1 => writeln!(csv, "{id},{to},{from},first-line,{on_call}"),
            2 => writeln!(csv, "{id},{from},{to}"),
            3 => writeln!(csv, ",{from},{to},first-line,{on_call}"),
            4 => writeln!(csv, "{id},{from},{to},manager,maybe"),
            _ => writeln!(csv, "{id},{from},{to},first-line,{on_call}"),
        };
    }
    csv
}

/// A window of `days` from local midnight of the base's next day.
fn window(spring: bool, days: i64) -> RealInterval {
    let first = base(spring).to_zoned(london()).date().tomorrow().unwrap();
    let start = first.to_zoned(london()).unwrap().timestamp();
    let end = first
        .checked_add(days.days())
        .unwrap()
        .to_zoned(london())
        .unwrap()
        .timestamp();
    RealInterval { start, end }
}

/// A CSV in memory that counts how often it is opened.
struct Counted<'a> {
    bytes: &'a [u8],
    opened: &'a Cell<u32>,
}

impl ShiftsFile for Counted<'_> {
    fn open(&mut self) -> std::io::Result<Box<dyn Read + '_>> {
        self.opened.set(self.opened.get() + 1);
        Ok(Box::new(self.bytes))
    }
}

/// Reads `csv` both ways over `window`, asserts they agree, and gives how
/// often the streaming path opened the file.
fn check_same_as_every_row(csv: &str, window: RealInterval) -> u32 {
    let zone = london();
    let opened = Cell::new(0);
    let mut file = Counted {
        bytes: csv.as_bytes(),
        opened: &opened,
    };
    let streamed = read_shifts_csv("s.csv", &mut file, &zone, window).unwrap();
    let (shifts, findings) = read_every_row("s.csv", csv.as_bytes(), &zone).unwrap();
    assert_eq!(streamed.findings, findings);
    for on_call in [false, true] {
        let duties = shifts
            .iter()
            .filter(|(c, _)| *c == on_call)
            .map(|(_, during)| (*during, 1));
        let expected = staffing_steps(window, duties);
        let changes = if on_call {
            &streamed.on_call
        } else {
            &streamed.desk
        };
        assert_eq!(changes.steps(window), expected, "on-call {on_call}");
    }
    opened.get()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn rows_in_any_order_read_as_every_row_held(
        rows in prop::collection::vec(gen_row(), 0..60),
        spring in any::<bool>(),
        days in 0i64..4,
    ) {
        check_same_as_every_row(&csv_of(&rows, spring), window(spring, days));
    }

    #[test]
    fn rows_in_time_order_are_read_once_and_as_every_row_held(
        mut rows in prop::collection::vec(gen_row(), 0..60),
        spring in any::<bool>(),
        days in 0i64..4,
    ) {
        // In the order the reader sees: a local time in the hour the autumn
        // change repeats is read as its first occurrence.
        rows.sort_by_key(|r| read_start(r, spring));
        let opened = check_same_as_every_row(&csv_of(&rows, spring), window(spring, days));
        prop_assert_eq!(opened, 1);
    }
}

#[test]
fn a_persons_rows_out_of_order_are_read_twice_and_merged_exactly() {
    // P0's line 4 starts before line 3 and overlaps it: in time order line 4
    // comes first, so line 3 is the overlap and line 4 the earlier one.
    let csv = "staff_id,start,end,role,on_call\n\
               P0,2008-10-25 08:00,2008-10-25 12:00,first-line,\n\
               P0,2008-10-25 16:00,2008-10-25 20:00,first-line,\n\
               P0,2008-10-25 14:00,2008-10-25 17:00,first-line,\n\
               P1,2008-10-25 09:00,2008-10-25 10:00,first-line,\n";
    let window = window(false, 1);
    assert_eq!(check_same_as_every_row(csv, window), 2);
    let streamed = read_shifts_csv("s.csv", &mut csv.as_bytes(), &london(), window).unwrap();
    let messages: Vec<&str> = streamed
        .findings
        .iter()
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(
        messages,
        ["staff P0 is on two overlapping shifts (lines 4 and 3); counted once"]
    );
}

#[test]
fn rows_outside_the_window_leave_no_staffing_changes() {
    let mut csv = String::from("staff_id,start,end,role\n");
    for day in 0..200 {
        let date = jiff::civil::date(2008, 1, 1)
            .checked_add(day.days())
            .unwrap();
        let _ = writeln!(csv, "P0,{date} 08:00,{date} 16:00,first-line");
        let _ = writeln!(csv, "P1,{date} 12:00,{date} 20:00,first-line");
    }
    let window = window(false, 1); // 2008-10-25: after every row
    let streamed = read_shifts_csv("s.csv", &mut csv.as_bytes(), &london(), window).unwrap();
    assert_eq!(streamed.desk.instants(), 0);
    assert_eq!(streamed.desk.steps(window).len(), 1);
    assert!(streamed.findings.is_empty());
    check_same_as_every_row(&csv, window);
}

#[test]
fn more_overlaps_than_are_listed_are_counted_after_the_bad_rows() {
    let mut csv = String::from("staff_id,start,end,role\n");
    for i in 0..5 {
        let _ = writeln!(csv, "P{i},2008-10-25 08:00,later,first-line");
    }
    for i in 0..30 {
        let _ = writeln!(
            csv,
            "P0,2008-10-25 {:02}:00,2008-10-25 23:00,first-line",
            i % 20
        );
    }
    let window = window(false, 1);
    check_same_as_every_row(&csv, window);
    let streamed = read_shifts_csv("s.csv", &mut csv.as_bytes(), &london(), window).unwrap();
    let codes: Vec<&str> = streamed.findings.iter().map(|f| f.code.name()).collect();
    assert_eq!(&codes[..5], ["shift-bad-time"; 5]);
    assert_eq!(&codes[5..20], ["shift-overlap"; 15]);
    assert_eq!(
        streamed.findings[20].message,
        "14 more rows of s.csv have problems (not listed)"
    );
}
