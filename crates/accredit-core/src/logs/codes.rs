//! The finding codes the log analyses produce (their names, meanings and
//! fixes are in [`FindingCode`]), grouped by the export they come from so a
//! check can declare the codes of the analysis it measures on.

use crate::finding::FindingCode;

/// A required column is missing from the header row.
pub(super) const MISSING_COLUMN: FindingCode = FindingCode::CsvMissingColumn;
/// The CSV could not be read at all.
pub(super) const UNREADABLE: FindingCode = FindingCode::CsvUnreadable;
/// The log's time zone is not a known IANA name.
pub(super) const UNKNOWN_TIMEZONE: FindingCode = FindingCode::LogUnknownTimezone;
/// A row has more or fewer fields than the header.
pub(super) const RAGGED_ROW: FindingCode = FindingCode::CsvRaggedRow;
/// A field is longer than 1 MiB.
pub(super) const FIELD_TOO_LONG: FindingCode = FindingCode::CsvFieldTooLong;
/// A field holds a value that is not allowed in its column.
pub(super) const INVALID_VALUE: FindingCode = FindingCode::CsvInvalidValue;
/// Bad rows beyond the first twenty, counted.
pub(super) const MORE_BAD_ROWS: FindingCode = FindingCode::CsvMoreBadRows;
/// An incident reference used before in the same log.
pub(super) const DUPLICATE_REFERENCE: FindingCode = FindingCode::IncidentDuplicateReference;
/// A change reference used before, in the same change log or another.
pub(super) const DUPLICATE_CHANGE: FindingCode = FindingCode::ChangeDuplicateReference;
/// A staff ID listed in more than one staff register export.
pub(super) const DUPLICATE_STAFF: FindingCode = FindingCode::StaffInSeveralRegisters;
/// A training row naming an application the ruleset does not know.
pub(super) const TRAINING_UNKNOWN_APPLICATION: FindingCode =
    FindingCode::TrainingUnknownApplication;
/// An incident responded to before it was opened.
pub(super) const RESPONDED_BEFORE_OPENED: FindingCode = FindingCode::IncidentRespondedBeforeOpened;
/// Hour-of-week slots in which no incident was opened.
pub(super) const SLOTS_WITHOUT_INCIDENTS: FindingCode =
    FindingCode::IncidentHourSlotsWithoutIncidents;
/// Referrals to the LSP or national desk without an external reference.
pub(super) const REFERRAL_WITHOUT_REFERENCE: FindingCode =
    FindingCode::ReferralWithoutExternalReference;
/// Incidents not responded to within their severity's target.
pub(super) const RESPONSE_LATE: FindingCode = FindingCode::IncidentResponseLate;
/// Incidents whose severity has no response target.
pub(super) const SEVERITY_WITHOUT_TARGET: FindingCode = FindingCode::IncidentSeverityWithoutTarget;
/// Training dated after the as-of date.
pub(super) const TRAINING_FUTURE_DATED: FindingCode = FindingCode::TrainingFutureDated;
/// Front-line staff without a counted national-application pass.
pub(super) const APPLICATION_TRAINING_MISSING: FindingCode =
    FindingCode::TrainingApplicationMissing;
/// Front-line staff without an ITIL Foundation pass.
pub(super) const ITIL_FOUNDATION_MISSING: FindingCode = FindingCode::TrainingItilFoundationMissing;
/// A staff register row that ends before it starts.
pub(super) const STAFF_LEFT_BEFORE_START: FindingCode = FindingCode::StaffLeftBeforeStart;
/// No first-line staff in post during the assessment window.
pub(super) const NO_FRONT_LINE_STAFF: FindingCode = FindingCode::StaffNoFrontLine;
/// A change scheduled to end before it starts.
pub(super) const CHANGE_ENDS_BEFORE_START: FindingCode = FindingCode::ChangeEndsBeforeStart;
/// Clinical changes scheduled outside every change window.
pub(super) const CHANGE_OUTSIDE_WINDOWS: FindingCode = FindingCode::ChangeOutsideWindows;

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
