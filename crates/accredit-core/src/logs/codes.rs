//! The finding codes the log analyses produce, defined here with their
//! meanings and fixes, and listed by the export they come from so a check can
//! declare the codes of the analysis it measures on (the finding-code
//! registry collects the lists).

use crate::finding::{Area, FindingCode};

/// A required column is missing from the header row.
pub(crate) const MISSING_COLUMN: FindingCode = FindingCode::new(
    Area::Logs,
    "csv-missing-column",
    "A required column is missing from a CSV export's header row; that log cannot be analysed.",
    "Export the log again with the column named in the finding.",
);

/// The CSV could not be read at all.
pub(crate) const UNREADABLE: FindingCode = FindingCode::new(
    Area::Logs,
    "csv-unreadable",
    "A CSV export could not be read; that log cannot be analysed.",
    "Export the log again as UTF-8 CSV.",
);

/// The log's time zone is not a known IANA name.
pub(crate) const UNKNOWN_TIMEZONE: FindingCode = FindingCode::new(
    Area::Logs,
    "log-unknown-timezone",
    "A log names a time zone that is not a known IANA name; that log cannot be analysed.",
    "Write an IANA name such as `Europe/London` in the log's `timezone`.",
);

/// A row has more or fewer fields than the header.
pub(crate) const RAGGED_ROW: FindingCode = FindingCode::new(
    Area::Logs,
    "csv-ragged-row",
    "A CSV row has more or fewer fields than the header row; the row was skipped.",
    "Correct the row so it has one field per column.",
);

/// A field is longer than 1 MiB.
pub(crate) const FIELD_TOO_LONG: FindingCode = FindingCode::new(
    Area::Logs,
    "csv-field-too-long",
    "A CSV field is longer than 1 MiB; the row was skipped.",
    "Correct the row (usually an unclosed quote).",
);

/// A field holds a value that is not allowed in its column.
pub(crate) const INVALID_VALUE: FindingCode = FindingCode::new(
    Area::Logs,
    "csv-invalid-value",
    "A CSV field holds a value its column does not allow (a time, date, severity or listed value); the row was skipped.",
    "Correct the value named in the finding.",
);

/// Bad rows beyond the first twenty, counted.
pub(crate) const MORE_BAD_ROWS: FindingCode = FindingCode::new(
    Area::Logs,
    "csv-more-bad-rows",
    "Bad rows beyond the first twenty in a CSV export, counted; they were skipped.",
    "Fix the listed rows, then assess again to see the rest.",
);

/// An incident reference used before in the same log.
pub(crate) const DUPLICATE_REFERENCE: FindingCode = FindingCode::new(
    Area::Logs,
    "incident-duplicate-reference",
    "An incident reference appears again in the incident logs (the same file or another); only its first occurrence is counted.",
    "Remove the repeated row, or give it its own reference.",
);

/// A change reference used before, in the same change log or another.
pub(crate) const DUPLICATE_CHANGE: FindingCode = FindingCode::new(
    Area::Logs,
    "change-duplicate-reference",
    "A change reference appears again in the change logs (the same file or another); only its first occurrence is counted.",
    "Remove the repeated row, or give it its own reference.",
);

/// A staff ID listed in more than one staff register export.
pub(crate) const DUPLICATE_STAFF: FindingCode = FindingCode::new(
    Area::Logs,
    "staff-in-several-registers",
    "A staff ID is listed in more than one staff register export; the rows are combined.",
    "List each person in one register.",
);

/// A training row naming an application the ruleset does not know.
pub(crate) const TRAINING_UNKNOWN_APPLICATION: FindingCode = FindingCode::new(
    Area::Logs,
    "training-unknown-application",
    "A training row names an application that is neither in scope nor known to the ruleset; the row was skipped.",
    "Use the application ids of the ruleset (`accredit rules` lists them).",
);

/// An incident responded to before it was opened.
pub(crate) const RESPONDED_BEFORE_OPENED: FindingCode = FindingCode::new(
    Area::Logs,
    "incident-responded-before-opened",
    "An incident's response time is before the time it was opened; the row was skipped.",
    "Correct the row's opened or responded time.",
);

/// Hour-of-week slots in which no incident was opened.
pub(crate) const SLOTS_WITHOUT_INCIDENTS: FindingCode = FindingCode::new(
    Area::Logs,
    "incident-hour-slots-without-incidents",
    "Hours of the week (local time) in which the incident log shows no incident opened.",
    "Show the desk takes calls at every hour: export a log covering the whole window.",
);

/// Referrals to the LSP or national desk without an external reference.
pub(crate) const REFERRAL_WITHOUT_REFERENCE: FindingCode = FindingCode::new(
    Area::Logs,
    "referral-without-external-reference",
    "Incidents referred to the LSP or the national service desk that carry no external reference.",
    "Record the LSP's or national desk's reference on every referred incident.",
);

/// Incidents not responded to within their severity's target.
pub(crate) const RESPONSE_LATE: FindingCode = FindingCode::new(
    Area::Logs,
    "incident-response-late",
    "Incidents not responded to within their severity's response target.",
    "Respond within the targets of the escalation plan; the finding lists the late incidents.",
);

/// Incidents whose severity has no response target.
pub(crate) const SEVERITY_WITHOUT_TARGET: FindingCode = FindingCode::new(
    Area::Logs,
    "incident-severity-without-target",
    "Incidents whose severity has no response target in the escalation plan; they are not measured.",
    "Give every severity a response target in the escalation plan.",
);

/// Training dated after the as-of date.
pub(crate) const TRAINING_FUTURE_DATED: FindingCode = FindingCode::new(
    Area::Logs,
    "training-future-dated",
    "Training dated after the as-of date; it is not counted.",
    "Correct the date, or assess again once the training has taken place.",
);

/// Front-line staff without a counted national-application pass.
pub(crate) const APPLICATION_TRAINING_MISSING: FindingCode = FindingCode::new(
    Area::Logs,
    "training-application-missing",
    "Front-line staff without a pass in national-application training for an in-scope application within the counted period.",
    "Train the staff listed, and record their passes in the training log.",
);

/// Front-line staff without an ITIL Foundation pass.
pub(crate) const ITIL_FOUNDATION_MISSING: FindingCode = FindingCode::new(
    Area::Logs,
    "training-itil-foundation-missing",
    "Front-line staff without an ITIL Foundation pass.",
    "Train the staff listed, and record their passes in the training log.",
);

/// A staff register row that ends before it starts.
pub(crate) const STAFF_LEFT_BEFORE_START: FindingCode = FindingCode::new(
    Area::Logs,
    "staff-left-before-start",
    "A staff register row whose end date is before its start date; the row was skipped.",
    "Correct the row's start or end date.",
);

/// No first-line staff in post during the assessment window.
pub(crate) const NO_FRONT_LINE_STAFF: FindingCode = FindingCode::new(
    Area::Logs,
    "staff-no-front-line",
    "The staff register shows no first-line staff in post during the assessment window.",
    "List the desk's first-line staff, with their roles and dates, in the staff register.",
);

/// A change scheduled to end before it starts.
pub(crate) const CHANGE_ENDS_BEFORE_START: FindingCode = FindingCode::new(
    Area::Logs,
    "change-ends-before-start",
    "A change scheduled to end before it starts; the row was skipped.",
    "Correct the row's scheduled start or end.",
);

/// Clinical changes scheduled outside every change window.
pub(crate) const CHANGE_OUTSIDE_WINDOWS: FindingCode = FindingCode::new(
    Area::Logs,
    "change-outside-windows",
    "Changes to clinical systems scheduled outside every agreed change window.",
    "Schedule clinical changes inside the change windows of the service desk document.",
);

/// Codes of reading any CSV export: a bad file, a bad row.
pub const READING: &[FindingCode] = &[
    MISSING_COLUMN,
    UNREADABLE,
    UNKNOWN_TIMEZONE,
    RAGGED_ROW,
    FIELD_TOO_LONG,
    INVALID_VALUE,
    MORE_BAD_ROWS,
];

/// Codes of the incident log analysis.
pub const INCIDENTS: &[FindingCode] = &[
    DUPLICATE_REFERENCE,
    RESPONDED_BEFORE_OPENED,
    SLOTS_WITHOUT_INCIDENTS,
    REFERRAL_WITHOUT_REFERENCE,
    RESPONSE_LATE,
    SEVERITY_WITHOUT_TARGET,
];

/// Codes of the training log and staff register analysis.
pub const TRAINING: &[FindingCode] = &[
    DUPLICATE_STAFF,
    TRAINING_UNKNOWN_APPLICATION,
    TRAINING_FUTURE_DATED,
    APPLICATION_TRAINING_MISSING,
    ITIL_FOUNDATION_MISSING,
    STAFF_LEFT_BEFORE_START,
    NO_FRONT_LINE_STAFF,
];

/// Codes of the change log analysis.
pub const CHANGES: &[FindingCode] = &[
    DUPLICATE_CHANGE,
    CHANGE_ENDS_BEFORE_START,
    CHANGE_OUTSIDE_WINDOWS,
];
