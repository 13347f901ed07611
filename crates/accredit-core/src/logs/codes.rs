//! The stable codes of every finding the log analyses produce, each with the
//! description that reports (e.g. a SARIF rules table) show for it.

/// A required column is missing from the header row.
pub(super) const MISSING_COLUMN: &str = "csv-missing-column";
/// The CSV could not be read at all.
pub(super) const UNREADABLE: &str = "csv-unreadable";
/// The log's time zone is not a known IANA name.
pub(super) const UNKNOWN_TIMEZONE: &str = "log-unknown-timezone";
/// A row has more or fewer fields than the header.
pub(super) const RAGGED_ROW: &str = "csv-ragged-row";
/// A field is longer than 1 MiB.
pub(super) const FIELD_TOO_LONG: &str = "csv-field-too-long";
/// A field holds a value that is not allowed in its column.
pub(super) const INVALID_VALUE: &str = "csv-invalid-value";
/// Bad rows beyond the first twenty, counted.
pub(super) const MORE_BAD_ROWS: &str = "csv-more-bad-rows";
/// An incident reference used before in the same log.
pub(super) const DUPLICATE_REFERENCE: &str = "incident-duplicate-reference";
/// A change reference used before, in the same change log or another.
pub(super) const DUPLICATE_CHANGE: &str = "change-duplicate-reference";
/// A staff ID listed in more than one staff register export.
pub(super) const DUPLICATE_STAFF: &str = "staff-in-several-registers";
/// A training row naming an application the ruleset does not know.
pub(super) const TRAINING_UNKNOWN_APPLICATION: &str = "training-unknown-application";
/// An incident responded to before it was opened.
pub(super) const RESPONDED_BEFORE_OPENED: &str = "incident-responded-before-opened";
/// Hour-of-week slots in which no incident was opened.
pub(super) const SLOTS_WITHOUT_INCIDENTS: &str = "incident-hour-slots-without-incidents";
/// Referrals to the LSP or national desk without an external reference.
pub(super) const REFERRAL_WITHOUT_REFERENCE: &str = "referral-without-external-reference";
/// Incidents not responded to within their severity's target.
pub(super) const RESPONSE_LATE: &str = "incident-response-late";
/// Incidents whose severity has no response target.
pub(super) const SEVERITY_WITHOUT_TARGET: &str = "incident-severity-without-target";
/// Training dated after the as-of date.
pub(super) const TRAINING_FUTURE_DATED: &str = "training-future-dated";
/// Front-line staff without a counted national-application pass.
pub(super) const APPLICATION_TRAINING_MISSING: &str = "training-application-missing";
/// Front-line staff without an ITIL Foundation pass.
pub(super) const ITIL_FOUNDATION_MISSING: &str = "training-itil-foundation-missing";
/// A staff register row that ends before it starts.
pub(super) const STAFF_LEFT_BEFORE_START: &str = "staff-left-before-start";
/// No first-line staff in post during the assessment window.
pub(super) const NO_FRONT_LINE_STAFF: &str = "staff-no-front-line";
/// A change scheduled to end before it starts.
pub(super) const CHANGE_ENDS_BEFORE_START: &str = "change-ends-before-start";
/// Clinical changes scheduled outside every change window.
pub(super) const CHANGE_OUTSIDE_WINDOWS: &str = "change-outside-windows";

/// Every finding code of the log analyses with its description.
pub const FINDING_CODES: &[(&str, &str)] = &[
    (
        MISSING_COLUMN,
        "A required column is missing from a CSV export's header row; that log cannot be analysed.",
    ),
    (
        UNREADABLE,
        "A CSV export could not be read; that log cannot be analysed.",
    ),
    (
        UNKNOWN_TIMEZONE,
        "A log names a time zone that is not a known IANA name; that log cannot be analysed.",
    ),
    (
        RAGGED_ROW,
        "A CSV row has more or fewer fields than the header row; the row was skipped.",
    ),
    (
        FIELD_TOO_LONG,
        "A CSV field is longer than 1 MiB; the row was skipped.",
    ),
    (
        INVALID_VALUE,
        "A CSV field holds a value its column does not allow (a time, date, severity or listed value); the row was skipped.",
    ),
    (
        MORE_BAD_ROWS,
        "Bad rows beyond the first twenty in a CSV export, counted; they were skipped.",
    ),
    (
        DUPLICATE_REFERENCE,
        "An incident reference appears again in the incident logs (the same file or another); only its first occurrence is counted.",
    ),
    (
        DUPLICATE_CHANGE,
        "A change reference appears again in the change logs (the same file or another); only its first occurrence is counted.",
    ),
    (
        DUPLICATE_STAFF,
        "A staff ID is listed in more than one staff register export; the rows are combined.",
    ),
    (
        TRAINING_UNKNOWN_APPLICATION,
        "A training row names an application that is neither in scope nor known to the ruleset; the row was skipped.",
    ),
    (
        RESPONDED_BEFORE_OPENED,
        "An incident's response time is before the time it was opened; the row was skipped.",
    ),
    (
        SLOTS_WITHOUT_INCIDENTS,
        "Hours of the week (local time) in which the incident log shows no incident opened.",
    ),
    (
        REFERRAL_WITHOUT_REFERENCE,
        "Incidents referred to the LSP or the national service desk that carry no external reference.",
    ),
    (
        RESPONSE_LATE,
        "Incidents not responded to within their severity's response target.",
    ),
    (
        SEVERITY_WITHOUT_TARGET,
        "Incidents whose severity has no response target in the escalation plan; they are not measured.",
    ),
    (
        TRAINING_FUTURE_DATED,
        "Training dated after the as-of date; it is not counted.",
    ),
    (
        APPLICATION_TRAINING_MISSING,
        "Front-line staff without a pass in national-application training for an in-scope application within the counted period.",
    ),
    (
        ITIL_FOUNDATION_MISSING,
        "Front-line staff without an ITIL Foundation pass.",
    ),
    (
        STAFF_LEFT_BEFORE_START,
        "A staff register row whose end date is before its start date; the row was skipped.",
    ),
    (
        NO_FRONT_LINE_STAFF,
        "The staff register shows no first-line staff in post during the assessment window.",
    ),
    (
        CHANGE_ENDS_BEFORE_START,
        "A change scheduled to end before it starts; the row was skipped.",
    ),
    (
        CHANGE_OUTSIDE_WINDOWS,
        "Changes to clinical systems scheduled outside every agreed change window.",
    ),
];
