//! The shared CSV plumbing, exercised through the staff register (the
//! smallest log): header check, bad rows and the cap on listed bad rows.

use std::collections::HashSet;
use std::io::Read;

use jiff::civil::date;

use super::{codes_of, lines_of};
use crate::location::Location;
use crate::logs::staff::{StaffRegisterSummary, analyse_staff_register};
use crate::logs::{LogUnreadable, MAX_LISTED};
use crate::model::{Period, STAFF_COLUMNS};

fn register(csv: impl Read + Send) -> Result<StaffRegisterSummary, LogUnreadable> {
    let window = Period {
        from: date(2008, 1, 7),
        to: date(2008, 3, 30),
    };
    analyse_staff_register(csv, "staff/staff.csv", window)
}

#[test]
fn a_missing_column_is_one_finding_naming_it() {
    let error = register("staff_id,start_date\nS001,2007-01-01\n".as_bytes()).unwrap_err();
    assert_eq!(error.findings.len(), 1);
    let finding = &error.findings[0];
    assert_eq!(finding.code, "csv-missing-column");
    assert!(finding.message.contains("`role`"), "{}", finding.message);
    assert_eq!(
        finding.location,
        Some(Location::at("staff/staff.csv", 1, 1))
    );
    assert!(error.to_string().contains("staff/staff.csv:1:1"));
}

#[test]
fn every_missing_column_is_named_and_an_empty_file_lacks_them_all() {
    let error = register("".as_bytes()).unwrap_err();
    assert_eq!(
        codes_of(&error.findings),
        vec!["csv-missing-column"; STAFF_COLUMNS.len()]
    );
    for (finding, column) in error.findings.iter().zip(STAFF_COLUMNS) {
        assert!(finding.message.contains(&format!("`{column}`")));
    }
}

#[test]
fn column_order_is_free_and_unknown_columns_are_ignored() {
    let csv = "\u{feff}Start_Date , notes, ROLE,staff_id\n2007-01-01,x,first-line,S001\n";
    let summary = register(csv.as_bytes()).unwrap();
    assert_eq!(summary.front_line.iter().collect::<Vec<_>>(), ["S001"]);
    assert!(summary.findings.is_empty());
}

#[test]
fn ragged_rows_are_skipped_with_their_line() {
    let csv = "staff_id,role,start_date\nS001,first-line\nS002,first-line,2007-01-01,extra\nS003,first-line,2007-01-01\n";
    let summary = register(csv.as_bytes()).unwrap();
    assert_eq!(lines_of(&summary.findings, "csv-ragged-row"), [2, 3]);
    assert_eq!(summary.rows.rows, 3);
    assert_eq!(summary.rows.skipped, 2);
    assert_eq!(summary.front_line.iter().collect::<Vec<_>>(), ["S003"]);
}

#[test]
fn a_field_over_one_mebibyte_is_a_bad_row_and_reading_goes_on() {
    let huge = "x".repeat(2 << 20);
    let csv = format!(
        "staff_id,role,start_date\n{huge},first-line,2007-01-01\nS002,first-line,2007-01-01\n"
    );
    let summary = register(csv.as_bytes()).unwrap();
    assert_eq!(lines_of(&summary.findings, "csv-field-too-long"), [2]);
    assert!(summary.findings[0].message.contains("`staff_id`"));
    assert!(summary.findings[0].message.len() < 200);
    assert_eq!(summary.front_line.len(), 1);
}

#[test]
fn a_field_of_exactly_one_mebibyte_is_allowed() {
    let id = "x".repeat(1 << 20);
    let csv = format!("staff_id,role,start_date\n{id},first-line,2007-01-01\n");
    let summary = register(csv.as_bytes()).unwrap();
    assert!(summary.findings.is_empty());
    assert_eq!(summary.front_line.len(), 1);
}

#[test]
fn lines_count_newlines_inside_quoted_fields() {
    let csv = "staff_id,role,start_date\n\"S\n001\",first-line,2007-01-01\nS002,chef,2007-01-01\n";
    let summary = register(csv.as_bytes()).unwrap();
    assert_eq!(lines_of(&summary.findings, "csv-invalid-value"), [4]);
    assert!(
        summary.findings[0].message.contains("`role` is `chef`"),
        "{}",
        summary.findings[0].message
    );
}

#[test]
fn text_that_is_not_utf8_is_a_bad_value() {
    let mut csv = b"staff_id,role,start_date\n".to_vec();
    csv.extend_from_slice(b"S\xff01,first-line,2007-01-01\n");
    let summary = register(csv.as_slice()).unwrap();
    assert_eq!(lines_of(&summary.findings, "csv-invalid-value"), [2]);
}

fn rows_with_bad_roles(bad: usize) -> String {
    let mut csv = String::from("staff_id,role,start_date\nS000,first-line,2007-01-01\n");
    for n in 0..bad {
        csv.push_str(&format!("S{n:03},nurse,2007-01-01\n"));
    }
    csv
}

#[test]
fn twenty_bad_rows_are_all_listed() {
    let summary = register(rows_with_bad_roles(MAX_LISTED).as_bytes()).unwrap();
    assert_eq!(summary.findings.len(), MAX_LISTED);
    assert_eq!(
        lines_of(&summary.findings, "csv-invalid-value"),
        (3..23).collect::<Vec<u32>>()
    );
}

#[test]
fn bad_rows_after_the_twentieth_collapse_into_a_count() {
    let summary = register(rows_with_bad_roles(MAX_LISTED + 5).as_bytes()).unwrap();
    assert_eq!(summary.findings.len(), MAX_LISTED + 1);
    let more = &summary.findings[MAX_LISTED];
    assert_eq!(more.code, "csv-more-bad-rows");
    assert!(
        more.message
            .starts_with("5 more bad rows in staff/staff.csv"),
        "{}",
        more.message
    );
    assert_eq!(more.location, Some(Location::file("staff/staff.csv")));
    assert_eq!(summary.rows.skipped, 25);
}

/// A reader that fails after its first bytes.
struct FailingReader(Option<&'static [u8]>);

impl Read for FailingReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self.0.take() {
            Some(bytes) => {
                buf[..bytes.len()].copy_from_slice(bytes);
                Ok(bytes.len())
            }
            None => Err(std::io::Error::other("disk gone")),
        }
    }
}

#[test]
fn a_read_failure_makes_the_log_unreadable() {
    let error = register(FailingReader(Some(b"staff_id,role,start_date\nS001,"))).unwrap_err();
    assert_eq!(codes_of(&error.findings), ["csv-unreadable"]);
    assert!(error.findings[0].message.contains("disk gone"));
}

#[test]
fn each_code_belongs_to_one_group_of_log_codes() {
    use crate::logs::codes::{CHANGES, INCIDENTS, READING, TRAINING};
    let mut seen = HashSet::new();
    for code in [READING, INCIDENTS, TRAINING, CHANGES].concat() {
        assert!(seen.insert(code), "{code} listed twice");
    }
    assert_eq!(seen.len(), 23);
}

/// An endless reader of `unit` repeated, counting the bytes it gives.
struct Endless {
    unit: &'static [u8],
    given: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.unit.len() * 1024);
        for (i, byte) in buf[..n].iter_mut().enumerate() {
            *byte = self.unit[i % self.unit.len()];
        }
        self.given
            .fetch_add(n, std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
}

/// A header row that never ends (a file of one endless line) is refused
/// after about 1 MiB has been read, at the line it starts on: it is never
/// held whole, and reading does not go on for ever.
#[test]
fn a_header_row_over_one_mebibyte_is_refused_at_its_line_unread_beyond() {
    let given = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let endless = Endless {
        unit: b"staff_id role start_date ",
        given: std::sync::Arc::clone(&given),
    };
    let blank_lines_first = "\n\r\n".as_bytes().chain(endless);
    let error = register(blank_lines_first).unwrap_err();
    assert_eq!(codes_of(&error.findings), ["csv-unreadable"]);
    let finding = &error.findings[0];
    assert_eq!(
        finding.location,
        Some(Location::at("staff/staff.csv", 3, 1))
    );
    assert!(
        finding.message.contains("header row is longer than 1 MiB"),
        "{}",
        finding.message
    );
    assert!(
        given.load(std::sync::atomic::Ordering::Relaxed) <= 3 << 20,
        "read {} bytes",
        given.load(std::sync::atomic::Ordering::Relaxed)
    );
}

/// A header row of more than 10,000 columns is refused as it is scanned
/// (a 10-million-column header once took hundreds of MB); 10,000 is fine.
#[test]
fn a_header_row_of_more_than_ten_thousand_columns_is_refused() {
    let given = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let endless = Endless {
        unit: b"c,",
        given: std::sync::Arc::clone(&given),
    };
    let error = register("staff_id,role,start_date,".as_bytes().chain(endless)).unwrap_err();
    assert_eq!(codes_of(&error.findings), ["csv-unreadable"]);
    assert_eq!(
        error.findings[0].location,
        Some(Location::at("staff/staff.csv", 1, 1))
    );
    assert!(
        error.findings[0]
            .message
            .contains("more than 10000 columns"),
        "{}",
        error.findings[0].message
    );
    assert!(
        given.load(std::sync::atomic::Ordering::Relaxed) <= 2 << 20,
        "read {} bytes",
        given.load(std::sync::atomic::Ordering::Relaxed)
    );

    let wide = format!(
        "staff_id,role,start_date{}\nS001,first-line,2007-01-01{}\n",
        ",c".repeat(9_997),
        ",".repeat(9_997)
    );
    let summary = register(wide.as_bytes()).unwrap();
    assert!(summary.findings.is_empty(), "{:?}", summary.findings);
    assert_eq!(summary.front_line.len(), 1);
}

/// Commas inside a quoted column name are not separators.
#[test]
fn commas_inside_a_quoted_header_name_do_not_count_as_columns() {
    let csv = format!(
        "staff_id,role,start_date,\"{}\"\nS001,first-line,2007-01-01,x\n",
        ",".repeat(20_000)
    );
    let summary = register(csv.as_bytes()).unwrap();
    assert!(summary.findings.is_empty(), "{:?}", summary.findings);
}
