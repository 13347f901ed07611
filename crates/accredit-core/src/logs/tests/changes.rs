//! The change log: clinical changes inside change windows, overnight ones included.

use super::{lines_of, london};
use crate::logs::changes::{ChangeSummary, analyse_changes};
use crate::model::{CHANGE_COLUMNS, ClockTime, DayName, Days, Window};

const HEADER: &str = "reference,system,clinical,scheduled_start,scheduled_end,outcome\n";

fn window(days: DayName, from: &str, to: &str) -> Window {
    Window {
        days: Days::One(days),
        from: ClockTime::parse(from).unwrap(),
        to: ClockTime::parse(to).unwrap(),
    }
}

fn analyse(windows: &[Window], rows: &str) -> ChangeSummary {
    let csv = format!("{HEADER}{rows}");
    analyse_changes(csv.as_bytes(), "changes.csv", &london(), windows).unwrap()
}

/// Whether one clinical change `start..end` is inside `windows`.
fn inside(windows: &[Window], start: &str, end: &str) -> bool {
    let summary = analyse(windows, &format!("C1,pas,true,{start},{end},done\n"));
    assert!(summary.findings.is_empty(), "{:?}", summary.findings);
    summary.inside_windows == 1
}

#[test]
fn the_columns_are_those_of_the_format() {
    assert_eq!(
        HEADER.trim_end().split(',').collect::<Vec<_>>(),
        CHANGE_COLUMNS
    );
}

#[test]
fn a_daytime_window_holds_changes_wholly_inside_it() {
    // 2008-03-04 is a Tuesday.
    let windows = [window(DayName::Tue, "09:00", "12:00")];
    assert!(inside(&windows, "2008-03-04 09:00", "2008-03-04 12:00"));
    assert!(!inside(&windows, "2008-03-04 08:59", "2008-03-04 10:00"));
    assert!(!inside(&windows, "2008-03-04 11:00", "2008-03-04 12:01"));
    assert!(!inside(&windows, "2008-03-05 09:00", "2008-03-05 10:00"));
}

#[test]
fn an_overnight_window_runs_into_the_next_day() {
    let windows = [window(DayName::Tue, "20:00", "06:00")];
    assert!(inside(&windows, "2008-03-04 22:00", "2008-03-05 02:00"));
    assert!(inside(&windows, "2008-03-05 05:00", "2008-03-05 06:00"));
    assert!(!inside(&windows, "2008-03-05 05:00", "2008-03-05 06:01"));
    assert!(!inside(&windows, "2008-03-04 05:00", "2008-03-04 06:00"));
    assert!(!inside(&windows, "2008-03-04 19:59", "2008-03-04 21:00"));
}

#[test]
fn a_window_to_midnight_and_a_whole_day_window() {
    let to_midnight = [window(DayName::Sat, "18:00", "24:00")];
    assert!(inside(&to_midnight, "2008-03-08 23:00", "2008-03-09 00:00"));
    assert!(!inside(
        &to_midnight,
        "2008-03-08 23:00",
        "2008-03-09 00:01"
    ));
    let whole_day = [window(DayName::Sun, "00:00", "00:00")];
    assert!(inside(
        &whole_day,
        "2008-03-09T00:00:00Z",
        "2008-03-10T00:00:00Z"
    ));
    assert!(!inside(&whole_day, "2008-03-09 00:00", "2008-03-10 00:01"));
}

#[test]
fn a_change_must_fit_one_occurrence_not_two_adjacent_ones() {
    let windows = [
        window(DayName::Weekdays, "20:00", "24:00"),
        window(DayName::Weekdays, "00:00", "06:00"),
    ];
    assert!(inside(&windows, "2008-03-04 21:00", "2008-03-04 23:00"));
    assert!(!inside(&windows, "2008-03-04 22:00", "2008-03-05 02:00"));
}

#[test]
fn windows_are_compared_in_real_time_on_clock_change_nights() {
    // Sunday 2008-03-30: 01:00–02:00 local never happened, so the window
    // 00:00–03:00 lasts two real hours.
    let windows = [window(DayName::Sun, "00:00", "03:00")];
    assert!(inside(
        &windows,
        "2008-03-30T00:00:00Z",
        "2008-03-30T02:00:00Z"
    ));
    assert!(!inside(
        &windows,
        "2008-03-30T00:00:00Z",
        "2008-03-30T02:01:00Z"
    ));
    // Sunday 2008-10-26: 01:00–02:00 happened twice, so it lasts four.
    assert!(inside(
        &windows,
        "2008-10-25T23:00:00Z",
        "2008-10-26T03:00:00Z"
    ));
}

#[test]
fn the_share_counts_clinical_changes_only_and_lists_those_outside() {
    let windows = [window(DayName::Daily, "20:00", "06:00")];
    let mut rows = String::new();
    for n in 0..9 {
        rows += &format!("C{n},pas,true,2008-03-04 21:00,2008-03-04 22:00,done\n");
    }
    rows += "C9,pas,TRUE,2008-03-04 09:00,2008-03-04 10:00,done\n";
    rows += "N1,email,false,2008-03-04 09:00,2008-03-04 10:00,done\n";
    let summary = analyse(&windows, &rows);
    assert_eq!(
        (summary.changes, summary.clinical, summary.inside_windows),
        (11, 10, 9)
    );
    assert_eq!(summary.share, Some(0.9));
    assert_eq!(summary.outside_windows.len(), 1);
    assert_eq!(summary.outside_windows[0].line, 11);
    assert_eq!(
        summary.outside_windows[0].scheduled,
        "Tue 2008-03-04 09:00–10:00"
    );
    assert_eq!(
        summary.window_findings[0].message,
        "1 of 10 changes to clinical systems were scheduled outside the agreed change windows: C9 (line 11, Tue 2008-03-04 09:00–10:00)"
    );
}

#[test]
fn changes_outside_are_listed_up_to_twenty() {
    let rows: String = (0..30)
        .map(|n| format!("C{n},pas,true,2008-03-04 09:00,2008-03-04 10:00,\n"))
        .collect();
    let summary = analyse(&[], &rows);
    assert_eq!(summary.outside_windows.len(), 20);
    assert_eq!(summary.share, Some(0.0));
    assert!(summary.window_findings[0].message.ends_with("…"));
}

#[test]
fn no_clinical_changes_leaves_the_share_unmeasured() {
    let summary = analyse(
        &[],
        "N1,email,false,2008-03-04 09:00,2008-03-04 10:00,done\n",
    );
    assert_eq!(summary.share, None);
    assert!(summary.window_findings.is_empty());
}

#[test]
fn bad_rows_are_findings_at_their_line() {
    let summary = analyse(
        &[],
        "C1,pas,maybe,2008-03-04 09:00,2008-03-04 10:00,done\n\
         C2,pas,true,2008-03-04 10:00,2008-03-04 09:00,done\n\
         C3,pas,true,2008-03-04 10:00,,done\n\
         C4,pas,true,2008-03-04 10:00\n",
    );
    assert_eq!(lines_of(&summary.findings, "csv-invalid-value"), [2, 4]);
    assert_eq!(lines_of(&summary.findings, "change-ends-before-start"), [3]);
    assert_eq!(lines_of(&summary.findings, "csv-ragged-row"), [5]);
    assert_eq!(summary.changes, 0);
}
