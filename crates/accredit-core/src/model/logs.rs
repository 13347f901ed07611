//! YAML descriptors of CSV exports: `IncidentLog`, `TrainingLog`, `ChangeLog`
//! and `StaffRegister`. The rows themselves are streamed by the analyses.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::common::Period;

/// A descriptor of a CSV export from the desk's systems.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CsvExport {
    /// Path of the CSV file, relative to the descriptor.
    pub source: String,
    /// IANA zone of local times in the CSV (default `Europe/London`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// The system it was exported from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_from: Option<String>,
    /// When it was exported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_on: Option<Date>,
    /// The dates the export covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
}

impl CsvExport {
    /// The export's time zone name, defaulting to `Europe/London`.
    pub fn timezone_name(&self) -> &str {
        self.timezone
            .as_deref()
            .unwrap_or(crate::model::DEFAULT_TIMEZONE)
    }
}

/// Columns an `IncidentLog` CSV must have.
pub const INCIDENT_COLUMNS: [&str; 10] = [
    "reference",
    "opened_at",
    "channel",
    "severity",
    "application",
    "status",
    "responded_at",
    "resolved_at",
    "referred_to",
    "external_reference",
];

/// Columns a `TrainingLog` CSV must have.
pub const TRAINING_COLUMNS: [&str; 6] = [
    "staff_id",
    "role",
    "course",
    "application",
    "completed_on",
    "result",
];

/// Columns a `ChangeLog` CSV must have.
pub const CHANGE_COLUMNS: [&str; 6] = [
    "reference",
    "system",
    "clinical",
    "scheduled_start",
    "scheduled_end",
    "outcome",
];

/// Columns a `StaffRegister` CSV must have.
pub const STAFF_COLUMNS: [&str; 3] = ["staff_id", "role", "start_date"];

/// Columns a Rota shifts CSV must have.
pub const SHIFT_COLUMNS: &[&str] = &["staff_id", "start", "end", "role"];

/// A CSV column name as matched: surrounding spaces and a UTF-8 byte-order
/// mark removed, lower case. The one rule for CSV headers, used by
/// `validate` and by every analysis (so a file that scores also validates).
pub fn column_name(written: &str) -> String {
    written.trim_start_matches('\u{feff}').trim().to_lowercase()
}

/// Whether the header field `written` is the column `name` under
/// [`column_name`]'s rule, compared without allocating (a header row may hold
/// millions of fields).
pub fn is_column(written: &[u8], name: &str) -> bool {
    let written = String::from_utf8_lossy(written);
    let written = written.trim_start_matches('\u{feff}').trim();
    let name = name.trim_start_matches('\u{feff}').trim();
    written
        .chars()
        .flat_map(char::to_lowercase)
        .eq(name.chars().flat_map(char::to_lowercase))
}

/// Where the column `name` is in a header row (see [`column_name`]): one
/// pass over the fields, nothing kept.
pub fn find_column<'a>(header: impl IntoIterator<Item = &'a [u8]>, name: &str) -> Option<usize> {
    header
        .into_iter()
        .position(|written| is_column(written, name))
}

#[cfg(test)]
mod column_tests {
    use super::*;

    #[test]
    fn columns_match_ignoring_case_spaces_and_a_byte_order_mark() {
        let header: Vec<&[u8]> = vec!["\u{feff}Staff_ID".as_bytes(), b" Role ", b"START_DATE"];
        let names: Vec<String> = header
            .iter()
            .map(|h| column_name(&String::from_utf8_lossy(h)))
            .collect();
        assert_eq!(names, ["staff_id", "role", "start_date"]);
        assert_eq!(find_column(header.iter().copied(), "staff_id"), Some(0));
        assert_eq!(find_column(header.iter().copied(), " ROLE"), Some(1));
        assert_eq!(find_column(header.iter().copied(), "start_date"), Some(2));
        assert_eq!(find_column(header.iter().copied(), "end_date"), None);
        assert!(!is_column(b"start_dates", "start_date"));
    }
}
