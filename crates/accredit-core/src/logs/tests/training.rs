//! The training log: application training and ITIL Foundation of front-line staff.

use jiff::civil::date;

use super::lines_of;
use crate::logs::staff::FrontLineStaff;
use crate::logs::training::{TrainingScope, TrainingSummary, analyse_training};
use crate::model::TRAINING_COLUMNS;

const HEADER: &str = "staff_id,role,course,application,completed_on,result\n";

fn staff(ids: &[&str]) -> FrontLineStaff {
    FrontLineStaff::new(ids.iter().map(|id| id.to_string()))
}

/// Assessment start 2008-10-06, counted from 2006-10-07, run on 2008-12-01.
fn analyse(front_line: &FrontLineStaff, rows: &str) -> TrainingSummary {
    let applications = ["choose-and-book".to_string(), "pacs".to_string()];
    let scope = TrainingScope {
        front_line,
        applications: &applications,
        known_applications: &[],
        counted_from: date(2006, 10, 7),
        counted_to: date(2008, 10, 6),
        as_of: date(2008, 12, 1),
    };
    let csv = format!("{HEADER}{rows}");
    analyse_training(csv.as_bytes(), "training.csv", &scope).unwrap()
}

#[test]
fn the_columns_are_those_of_the_format() {
    assert_eq!(
        HEADER.trim_end().split(',').collect::<Vec<_>>(),
        TRAINING_COLUMNS
    );
}

#[test]
fn application_training_counts_within_the_period_inclusive() {
    let front_line = staff(&["S1", "S2", "S3", "S4", "S5"]);
    let summary = analyse(
        &front_line,
        "S1,first-line,national-application,choose-and-book,2006-10-07,pass\n\
         S2,first-line,national-application,choose-and-book,2006-10-06,pass\n\
         S3,first-line,national-application,choose-and-book,2008-10-06,pass\n\
         S4,first-line,national-application,choose-and-book,2008-10-07,pass\n\
         S5,first-line,national-application,choose-and-book,2008-01-01,fail\n\
         S5,first-line,national-application,PACS,2008-01-01,pass\n\
         X9,first-line,national-application,choose-and-book,2008-01-01,pass\n\
         S5,first-line,national-application,spine,2008-01-01,pass\n",
    );
    assert_eq!(summary.front_line_staff, 5);
    let choose_and_book = &summary.applications[0];
    assert_eq!(choose_and_book.application, "choose-and-book");
    assert_eq!(choose_and_book.staff.trained, 2);
    assert_eq!(choose_and_book.staff.share, Some(0.4));
    assert_eq!(choose_and_book.staff.untrained, ["S2", "S4", "S5"]);
    assert_eq!(
        choose_and_book.staff.findings[0].message,
        "3 of 5 front-line staff have no pass in choose-and-book training since 2006-10-07: S2, S4, S5"
    );
    assert_eq!(summary.applications[1].staff.trained, 1);
    // `spine` is no application anyone knows: reported at its line, never
    // silently dropped.
    assert_eq!(summary.findings.len(), 1);
    assert_eq!(summary.findings[0].code, "training-unknown-application");
    assert_eq!(
        summary.findings[0].location.as_ref().unwrap().to_string(),
        "training.csv:9:1"
    );
    assert_eq!(summary.rows.skipped, 1);
}

#[test]
fn training_logs_combine_and_name_applications_as_trusts_write_them() {
    use crate::logs::LogSource;
    use crate::logs::training::analyse_training_logs;
    let front_line = staff(&["S1", "S2"]);
    let applications = ["choose-and-book".to_string()];
    let known = [("choose-and-book".to_string(), "Choose and Book".to_string())];
    let scope = TrainingScope {
        front_line: &front_line,
        applications: &applications,
        known_applications: &known,
        counted_from: date(2006, 10, 7),
        counted_to: date(2008, 10, 6),
        as_of: date(2008, 12, 1),
    };
    let first =
        format!("{HEADER}S1,first-line,national-application,Choose and Book,2008-01-01,pass\n");
    let second =
        format!("{HEADER}S2,first-line,national-application,CHOOSE-AND-BOOK,2008-02-01,pass\n");
    let source = |file: &str, text: String| LogSource {
        file: file.to_string(),
        reader: std::io::Cursor::new(text),
        tz: jiff::tz::TimeZone::UTC,
    };
    let summary =
        analyse_training_logs([source("q1.csv", first), source("q2.csv", second)], &scope).unwrap();
    assert_eq!(summary.applications[0].staff.trained, 2);
    assert_eq!(summary.rows.rows, 2);
    assert!(summary.findings.is_empty());
}

#[test]
fn itil_foundation_counts_any_pass_up_to_the_as_of_date() {
    let front_line = staff(&["S1", "S2", "S3", "S4"]);
    let summary = analyse(
        &front_line,
        "S1,first-line,itil-foundation,,1999-01-01,pass\n\
         S2,first-line,itil-foundation,,2008-12-01,pass\n\
         S3,first-line,itil-foundation,,2008-12-02,pass\n\
         S4,first-line,itil-foundation,,2008-01-01,fail\n",
    );
    assert_eq!(summary.itil_foundation.trained, 2);
    assert_eq!(summary.itil_foundation.share, Some(0.5));
    assert_eq!(summary.itil_foundation.untrained, ["S3", "S4"]);
    assert_eq!(lines_of(&summary.findings, "training-future-dated"), [4]);
    assert!(summary.findings[0].message.contains("S3"));
}

#[test]
fn future_dated_application_training_is_reported_and_not_counted() {
    let front_line = staff(&["S1"]);
    let summary = analyse(
        &front_line,
        "S1,first-line,national-application,pacs,2009-01-01,pass\n",
    );
    assert_eq!(summary.applications[1].staff.trained, 0);
    assert_eq!(lines_of(&summary.findings, "training-future-dated"), [2]);
}

#[test]
fn untrained_staff_are_listed_up_to_twenty() {
    let ids: Vec<String> = (0..48).map(|n| format!("S{n:03}")).collect();
    let front_line = FrontLineStaff::new(ids);
    let summary = analyse(&front_line, "");
    let message = &summary.itil_foundation.findings[0].message;
    assert!(
        message.starts_with("48 of 48 front-line staff have no pass in itil-foundation: S000, ")
    );
    assert!(message.ends_with("S019, …"), "{message}");
    assert_eq!(summary.itil_foundation.untrained.len(), 20);
}

#[test]
fn no_front_line_staff_leaves_shares_unmeasured() {
    let summary = analyse(
        &FrontLineStaff::default(),
        "S1,first-line,itil-foundation,,2001-01-01,pass\n",
    );
    assert_eq!(summary.itil_foundation.share, None);
    assert_eq!(summary.applications[0].staff.share, None);
    assert!(summary.itil_foundation.findings.is_empty());
}

#[test]
fn bad_rows_are_findings_at_their_line() {
    let front_line = staff(&["S1"]);
    let summary = analyse(
        &front_line,
        "S1,first-line,prince2,,2008-01-01,pass\n\
         S1,first-line,national-application,,2008-01-01,pass\n\
         S1,first-line,itil-foundation,,2008-01-01,ok\n\
         S1,first-line,itil-foundation,,1/1/2008,pass\n\
         S1,first-line,itil-foundation,,2008-01-01,pass\n",
    );
    assert_eq!(
        lines_of(&summary.findings, "csv-invalid-value"),
        [2, 3, 4, 5]
    );
    assert_eq!(summary.itil_foundation.trained, 1);
}
