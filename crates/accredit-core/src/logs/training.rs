//! The training log: national-application training of the front-line staff
//! per in-scope application (NAK-01) and ITIL Foundation (NAK-03).

use std::collections::HashMap;
use std::io::Read;

use jiff::civil::Date;
use serde::Serialize;

use super::BadRow;
use super::reader::{Row, Strategy, stream_exports};
use super::staff::FrontLineStaff;
use super::zone::Zone;
use super::{LogSource, LogUnreadable, MAX_LISTED, RowTally, codes, listing, share};
use crate::finding::{Finding, FindingCode};
use crate::location::Location;
use crate::wording::is_listed_value;

/// Columns a training log must have (the same as
/// [`crate::model::TRAINING_COLUMNS`]).
const COLUMNS: [&str; 6] = crate::model::TRAINING_COLUMNS;

/// What the training is measured against.
#[derive(Debug, Clone, Copy)]
pub struct TrainingScope<'a> {
    /// Front-line staff (from the staff register).
    pub front_line: &'a FrontLineStaff,
    /// The pack's in-scope applications, e.g. `choose-and-book`.
    pub applications: &'a [String],
    /// Every application the ruleset knows, `(id, display name)`: a row for
    /// one of them outside the scope is not counted, silently; a row for an
    /// application in neither list is reported.
    pub known_applications: &'a [(String, String)],
    /// Earliest completion date counted for application training
    /// (the assessment start − 730 days).
    pub counted_from: Date,
    /// Latest completion date counted for application training (the
    /// assessment start).
    pub counted_to: Date,
    /// The run date: training completed after it is future-dated and never counted.
    pub as_of: Date,
}

/// What the training log shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrainingSummary {
    /// Rows read and skipped.
    pub rows: RowTally,
    /// How many front-line staff are measured.
    pub front_line_staff: usize,
    /// National-application training, one entry per in-scope application (NAK-01).
    pub applications: Vec<ApplicationTraining>,
    /// ITIL Foundation (NAK-03).
    pub itil_foundation: StaffTrained,
    /// Bad rows and future-dated training, each with its line.
    pub findings: Vec<Finding>,
}

/// National-application training for one application.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApplicationTraining {
    /// The application, e.g. `choose-and-book`.
    pub application: String,
    /// Front-line staff with a counted pass, and who lacks one.
    pub staff: StaffTrained,
}

/// How many front-line staff hold a pass.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StaffTrained {
    /// Front-line staff with a pass.
    pub trained: usize,
    /// `trained / front-line staff`; `None` when there are no front-line staff.
    pub share: Option<f64>,
    /// The first front-line staff IDs without one (at most 20).
    pub untrained: Vec<String>,
    /// What was found.
    pub findings: Vec<Finding>,
}

/// A pass a row counts, for one front-line staff member (by their place
/// in [`FrontLineStaff::iter`]).
enum Pass {
    ItilFoundation {
        staff: usize,
    },
    /// On the in-scope application at `application`.
    Application {
        staff: usize,
        application: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Course {
    NationalApplication,
    ItilFoundation,
}

const COURSES: [(&str, Course); 2] = [
    ("national-application", Course::NationalApplication),
    ("itil-foundation", Course::ItilFoundation),
];

/// Streams a training log (CSV, `file` being its pack path) and measures,
/// for each in-scope application, the share of front-line staff with a
/// `pass` in `national-application` training on it completed within
/// `counted_from ..= counted_to`, and the share holding an `itil-foundation`
/// pass of any date up to `as_of`. Training dated after `as_of` is reported
/// and not counted. Only staff IDs are ever named.
///
/// # Errors
/// [`LogUnreadable`] when a required column is missing or the file cannot be read.
pub fn analyse_training(
    reader: impl Read + Send,
    file: &str,
    scope: &TrainingScope<'_>,
) -> Result<TrainingSummary, LogUnreadable> {
    let source = LogSource {
        file: file.to_owned(),
        reader,
        tz: jiff::tz::TimeZone::UTC,
    };
    analyse_training_logs([source], scope)
}

/// [`analyse_training`] over several exports combined: a pass in any of
/// them counts. Findings about the whole log are placed at the first file.
///
/// # Errors
/// [`LogUnreadable`] when a file lacks a required column or cannot be read.
pub fn analyse_training_logs<R: Read + Send>(
    sources: impl IntoIterator<Item = LogSource<R>>,
    scope: &TrainingScope<'_>,
) -> Result<TrainingSummary, LogUnreadable> {
    analyse_training_logs_with(sources, scope, Strategy::FAST)
}

/// [`analyse_training_logs`], read the way `strategy` says.
pub(super) fn analyse_training_logs_with<R: Read + Send>(
    sources: impl IntoIterator<Item = LogSource<R>>,
    scope: &TrainingScope<'_>,
    strategy: Strategy,
) -> Result<TrainingSummary, LogUnreadable> {
    // Staff IDs match ignoring case and surrounding spaces: the register and
    // the training system may write them differently (`hv1001`, `HV1001`).
    let staff_index: HashMap<String, usize> =
        scope.front_line.iter().map(staff_key).zip(0..).collect();
    let staff_count = staff_index.len();
    let mut application_passes = vec![vec![false; staff_count]; scope.applications.len()];
    let mut itil_passes = vec![false; staff_count];
    let streamed = stream_exports(sources, COLUMNS, strategy, |export| {
        let [
            staff_id,
            _,
            course,
            application_column,
            completed_on,
            result,
        ] = export.columns;
        // Each row read on its own: what, if anything, it marks as passed.
        let parse = |row: &Row<'_>, _: &Zone| {
            let staff_id = row.required_text(staff_id)?;
            let course = row.one_of(course, &COURSES)?;
            let application = row.text(application_column)?;
            let completed = row.date(completed_on)?;
            let passed = row.one_of(
                result,
                &[
                    ("pass", true),
                    ("fail", false),
                    ("passed", true),
                    ("failed", false),
                ],
            )?;
            if course == Course::NationalApplication && application.is_empty() {
                return Err(row.invalid(application_column, "the application trained on"));
            }
            if course == Course::NationalApplication && !known_application(scope, application) {
                return Err(unknown_application(application, scope));
            }
            if completed > scope.as_of {
                return Err(BadRow::new(
                    codes::TRAINING_FUTURE_DATED,
                    format!(
                        "training of {staff_id} is dated {completed}, after the as-of date {}; not counted",
                        scope.as_of
                    ),
                ));
            }
            let Some(&staff) = staff_index.get(&staff_key(staff_id)).filter(|_| passed) else {
                return Ok(None);
            };
            Ok(match course {
                Course::ItilFoundation => Some(Pass::ItilFoundation { staff }),
                Course::NationalApplication => {
                    let counted = (scope.counted_from..=scope.counted_to).contains(&completed);
                    let scoped = scope
                        .applications
                        .iter()
                        .position(|a| names_application(scope, a, application));
                    scoped
                        .filter(|_| counted)
                        .map(|application| Pass::Application { staff, application })
                }
            })
        };
        export
            .log
            .for_each_row_parallel(export.tz, parse, |pass, _| {
                match pass {
                    Some(Pass::ItilFoundation { staff }) => itil_passes[staff] = true,
                    Some(Pass::Application { staff, application }) => {
                        application_passes[application][staff] = true;
                    }
                    None => {}
                }
                Ok(())
            })?;
        Ok(Vec::new())
    })?;
    let first = streamed.first_file().to_owned();
    let file = first.as_str();
    let applications = scope
        .applications
        .iter()
        .zip(&application_passes)
        .map(|(application, passes)| {
            let what = format!("{application} training since {}", scope.counted_from);
            ApplicationTraining {
                application: application.clone(),
                staff: staff_trained(
                    scope.front_line,
                    passes,
                    &what,
                    codes::APPLICATION_TRAINING_MISSING,
                    file,
                ),
            }
        })
        .collect();
    let itil_foundation = staff_trained(
        scope.front_line,
        &itil_passes,
        "itil-foundation",
        codes::ITIL_FOUNDATION_MISSING,
        file,
    );
    Ok(TrainingSummary {
        rows: streamed.rows,
        front_line_staff: staff_count,
        applications,
        itil_foundation,
        findings: streamed.findings,
    })
}

/// A staff ID as matched: trimmed, upper case.
fn staff_key(id: &str) -> String {
    id.trim().to_uppercase()
}

/// Whether the training log's `written` application is the application
/// `id`: its id or its display name, ignoring case, spaces and joiners
/// (`Choose and Book` is `choose-and-book`).
fn names_application(scope: &TrainingScope<'_>, id: &str, written: &str) -> bool {
    is_listed_value(written, id)
        || scope
            .known_applications
            .iter()
            .any(|(known, name)| known == id && is_listed_value(written, name))
}

/// Whether `written` is an application in scope or known to the ruleset.
fn known_application(scope: &TrainingScope<'_>, written: &str) -> bool {
    scope
        .applications
        .iter()
        .any(|id| names_application(scope, id, written))
        || scope
            .known_applications
            .iter()
            .any(|(id, name)| is_listed_value(written, id) || is_listed_value(written, name))
}

/// The bad row for training on an application nobody knows.
fn unknown_application(written: &str, scope: &TrainingScope<'_>) -> BadRow {
    let mut ids: Vec<&str> = scope.applications.iter().map(String::as_str).collect();
    ids.extend(scope.known_applications.iter().map(|(id, _)| id.as_str()));
    ids.sort_unstable();
    ids.dedup();
    let value: String = written.chars().take(40).collect();
    BadRow::new(
        codes::TRAINING_UNKNOWN_APPLICATION,
        format!(
            "`application` is `{value}`, which is not an application in scope or known to the ruleset ({}); row not counted",
            ids.join(", ")
        ),
    )
}

/// Counts the front-line staff marked in `passes` (indexed like
/// [`FrontLineStaff::iter`]) and names the first who are not.
fn staff_trained(
    front_line: &FrontLineStaff,
    passes: &[bool],
    what: &str,
    code: FindingCode,
    file: &str,
) -> StaffTrained {
    let trained = passes.iter().filter(|&&pass| pass).count();
    let missing = front_line.len() - trained;
    let untrained: Vec<String> = front_line
        .iter()
        .zip(passes)
        .filter(|&(_, &pass)| !pass)
        .map(|(id, _)| id.to_owned())
        .take(MAX_LISTED)
        .collect();
    let mut findings = Vec::new();
    if missing > 0 {
        findings.push(Finding::new(
            code,
            format!(
                "{missing} of {} front-line staff have no pass in {what}: {}",
                front_line.len(),
                listing(untrained.iter().cloned(), missing)
            ),
            Some(Location::file(file)),
        ));
    }
    StaffTrained {
        trained,
        share: share(trained as u64, front_line.len() as u64),
        untrained,
        findings,
    }
}
