//! The `Rota` kind: who staffs the desk, when.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::common::{ClockTime, Days, Period};

/// The desk's staffing plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rota {
    /// IANA time zone of the local times (default `Europe/London`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// Dates the rota covers (inclusive).
    pub period: Period,
    /// Weekly pattern of shifts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<Vec<PatternEntry>>,
    /// Path of a per-person shifts CSV, relative to this file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shifts: Option<String>,
    /// How bank holidays are staffed; `None` means not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank_holidays: Option<BankHolidayRule>,
    /// Replaces the built-in England and Wales calendar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank_holiday_dates: Option<Vec<Date>>,
    /// Planned deviations from the pattern.
    #[serde(default)]
    pub exceptions: Vec<RotaException>,
}

impl Rota {
    /// The rota's time zone name, defaulting to `Europe/London`.
    pub fn timezone_name(&self) -> &str {
        self.timezone
            .as_deref()
            .unwrap_or(crate::model::DEFAULT_TIMEZONE)
    }
}

/// One line of the weekly pattern.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternEntry {
    /// Days on which this shift starts.
    pub days: Days,
    /// Local start time.
    pub start: ClockTime,
    /// Local end time; at or before `start` means it ends the next day.
    pub end: ClockTime,
    /// Number of people on the shift.
    pub staff: u32,
    /// Role on the shift.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// An on-call manager at home: does not count as desk staff.
    #[serde(default)]
    pub on_call: bool,
}

/// How bank holidays are staffed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankHolidayRule {
    /// `normal`, `closed`, or a weekday name whose pattern applies.
    #[serde(rename = "as")]
    pub staffed_as: BankHolidayStaffing,
}

/// The value of `bank_holidays.as`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BankHolidayStaffing {
    /// The date's own weekday pattern.
    Normal,
    /// The desk is closed.
    Closed,
    /// Monday's pattern.
    Mon,
    /// Tuesday's pattern.
    Tue,
    /// Wednesday's pattern.
    Wed,
    /// Thursday's pattern.
    Thu,
    /// Friday's pattern.
    Fri,
    /// Saturday's pattern.
    Sat,
    /// Sunday's pattern.
    Sun,
}

/// A planned deviation on one date: closed, or a pattern of its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RotaException {
    /// The date.
    pub date: Date,
    /// The desk is closed that day.
    #[serde(default)]
    pub closed: bool,
    /// The shifts that start that day instead of the usual ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<Vec<ExceptionEntry>>,
}

/// A shift on an exception date (no `days`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExceptionEntry {
    /// Local start time.
    pub start: ClockTime,
    /// Local end time; at or before `start` means it ends the next day.
    pub end: ClockTime,
    /// Number of people.
    pub staff: u32,
    /// The role worked on the shift, as the trust names it (on-call is `on_call`, not this).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// On-call (not desk staff).
    #[serde(default)]
    pub on_call: bool,
}
