//! The staff register: who is front-line during the window.

use jiff::civil::date;

use super::{codes_of, lines_of};
use crate::logs::staff::{FrontLineStaff, StaffRegisterSummary, analyse_staff_register};
use crate::model::{Period, STAFF_COLUMNS};

/// The window 2008-01-07 ..= 2008-03-30.
fn register(csv: &str) -> StaffRegisterSummary {
    let window = Period {
        from: date(2008, 1, 7),
        to: date(2008, 3, 30),
    };
    analyse_staff_register(csv.as_bytes(), "staff.csv", window).unwrap()
}

fn ids(staff: &FrontLineStaff) -> Vec<&str> {
    staff.iter().collect()
}

#[test]
fn the_required_columns_are_those_of_the_format() {
    assert_eq!(STAFF_COLUMNS, ["staff_id", "role", "start_date"]);
}

#[test]
fn first_line_staff_in_post_at_any_time_in_the_window_are_front_line() {
    let summary = register(
        "staff_id,role,start_date,end_date\n\
         S01,first-line,2008-03-30,\n\
         S02,first-line,2008-03-31,\n\
         S03,first-line,2005-01-01,2008-01-07\n\
         S04,first-line,2005-01-01,2008-01-06\n\
         S05,First-Line,2005-01-01,2009-01-01\n\
         S06,second-line,2005-01-01,\n\
         S07,manager,2005-01-01,\n\
         S08,other,2005-01-01,\n",
    );
    assert_eq!(ids(&summary.front_line), ["S01", "S03", "S05"]);
    assert!(summary.findings.is_empty());
    assert!(summary.front_line.contains("S03") && !summary.front_line.contains("S04"));
}

#[test]
fn without_an_end_date_column_everyone_is_still_in_post() {
    let summary = register("staff_id,role,start_date\nS01,first-line,2001-01-01\n");
    assert_eq!(ids(&summary.front_line), ["S01"]);
}

#[test]
fn a_person_with_several_spells_counts_once_if_any_qualifies() {
    let summary = register(
        "staff_id,role,start_date,end_date\n\
         S01,first-line,2001-01-01,2002-01-01\n\
         S01,second-line,2002-01-02,2008-02-01\n\
         S01,first-line,2008-02-02,\n",
    );
    assert_eq!(ids(&summary.front_line), ["S01"]);
}

#[test]
fn bad_rows_are_findings_at_their_line() {
    let summary = register(
        "staff_id,role,start_date,end_date\n\
         S01,nurse,2005-01-01,\n\
         S02,first-line,2005-13-01,\n\
         S03,first-line,2005-01-01,2004-12-31\n\
         ,first-line,2005-01-01,\n\
         S05,first-line,2005-01-01,soon\n\
         S06,first-line,2005-01-01,\n",
    );
    assert_eq!(
        lines_of(&summary.findings, "csv-invalid-value"),
        [2, 3, 5, 6]
    );
    assert_eq!(lines_of(&summary.findings, "staff-left-before-start"), [4]);
    assert_eq!(ids(&summary.front_line), ["S06"]);
}

#[test]
fn no_front_line_staff_is_a_finding() {
    let summary = register("staff_id,role,start_date\nS01,manager,2001-01-01\n");
    assert!(summary.front_line.is_empty());
    assert_eq!(codes_of(&summary.findings), ["staff-no-front-line"]);
}

#[test]
fn front_line_staff_serialise_as_a_list_of_ids() {
    let staff = FrontLineStaff::new(["S2".to_string(), "S1".to_string()]);
    assert_eq!(serde_json::to_string(&staff).unwrap(), r#"["S1","S2"]"#);
    assert_eq!(staff.len(), 2);
}
