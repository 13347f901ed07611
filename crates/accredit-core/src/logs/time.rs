//! Times and dates as written in the desk's CSV exports.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{Offset, TimeZone};

use crate::clock::local_instant;

use super::zone::Zone;
use super::{LogUnreadable, codes};
use crate::finding::Finding;
use crate::location::Location;
use crate::model::CsvExport;

/// Looks up the time zone of a CSV export (`Europe/London` unless its
/// descriptor names another). `descriptor` is the pack path of the YAML
/// descriptor, used as the finding's location when the name is unknown.
pub fn log_time_zone(export: &CsvExport, descriptor: &str) -> Result<TimeZone, LogUnreadable> {
    let name = export.timezone_name();
    jiff::tz::db().get(name).map_err(|_| LogUnreadable {
        findings: vec![Finding::new(
            codes::UNKNOWN_TIMEZONE,
            format!("`{name}` is not a known time zone (an IANA name such as Europe/London)"),
            Some(Location::file(descriptor)),
        )],
    })
}

/// Parses a time from a CSV export: an RFC 3339 instant with an offset
/// (`2008-10-26T01:30:00+01:00`, `…Z`) or a local `YYYY-MM-DD HH:MM[:SS]`
/// reading in `tz` (resolved by [`crate::clock::local_instant`]). A `T` may stand for the
/// space and fractional seconds are allowed. `None` if it is neither.
pub fn parse_instant(text: &str, tz: &TimeZone) -> Option<Timestamp> {
    read_time(text, |local| local_instant(local, tz)).map(|time| time.instant)
}

/// A time read from a CSV export.
#[derive(Debug, Clone, Copy)]
pub(super) struct LogTime {
    /// The instant it stands for.
    pub(super) instant: Timestamp,
    /// The wall-clock reading as written, when it was written as local time.
    pub(super) written_local: Option<DateTime>,
}

impl LogTime {
    /// The wall-clock reading in `zone`: as written, or the instant's.
    pub(super) fn local(&self, zone: &Zone) -> DateTime {
        self.written_local
            .unwrap_or_else(|| zone.local(self.instant))
    }
}

/// [`parse_instant`], keeping a local reading as written; `resolve` gives
/// the instant of a local reading.
pub(super) fn read_time(
    text: &str,
    resolve: impl FnOnce(DateTime) -> Option<Timestamp>,
) -> Option<LogTime> {
    let bytes = text.as_bytes();
    let date = parse_date(text.get(..10)?)?;
    if !matches!(bytes.get(10), Some(b' ' | b'T' | b't')) {
        return None;
    }
    let hour = two_digits(bytes, 11)?;
    if bytes.get(13) != Some(&b':') {
        return None;
    }
    let minute = two_digits(bytes, 14)?;
    let mut at = 16;
    let (mut second, mut nanos) = (0, 0);
    if bytes.get(at) == Some(&b':') {
        // RFC 3339 allows a leap second (60); civil time holds it as 59.
        second = two_digits(bytes, at + 1)?.min(59);
        at += 3;
        if bytes.get(at) == Some(&b'.') {
            (nanos, at) = fraction(bytes, at + 1)?;
        }
    }
    let local = date.to_datetime(Time::new(hour, minute, second, nanos).ok()?);
    match bytes.get(at) {
        None => {
            return resolve(local).map(|instant| LogTime {
                instant,
                written_local: Some(local),
            });
        }
        Some(b'Z' | b'z') if at + 1 == bytes.len() => Offset::UTC.to_timestamp(local).ok(),
        Some(&sign @ (b'+' | b'-')) if at + 6 == bytes.len() && bytes[at + 3] == b':' => {
            let (hours, minutes) = (two_digits(bytes, at + 1)?, two_digits(bytes, at + 4)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = i32::from(hours) * 3600 + i32::from(minutes) * 60;
            let offset =
                Offset::from_seconds(if sign == b'-' { -seconds } else { seconds }).ok()?;
            offset.to_timestamp(local).ok()
        }
        Some(_) => None,
    }
    .map(|instant| LogTime {
        instant,
        written_local: None,
    })
}

/// Parses a date written `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = i16::from(two_digits(bytes, 0)?) * 100 + i16::from(two_digits(bytes, 2)?);
    Date::new(year, two_digits(bytes, 5)?, two_digits(bytes, 8)?).ok()
}

/// Two ASCII digits at `at` as a number.
fn two_digits(bytes: &[u8], at: usize) -> Option<i8> {
    match bytes.get(at..at + 2)? {
        &[tens @ b'0'..=b'9', units @ b'0'..=b'9'] => {
            // At most 99: fits an i8.
            Some(((tens - b'0') * 10 + (units - b'0')) as i8)
        }
        _ => None,
    }
}

/// Fractional-second digits (1 to 9) starting at `at`: nanoseconds and the
/// index after them.
fn fraction(bytes: &[u8], at: usize) -> Option<(i32, usize)> {
    let digits = bytes[at.min(bytes.len())..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if !(1..=9).contains(&digits) {
        return None;
    }
    let mut nanos = 0i32;
    for (i, digit) in bytes[at..at + digits].iter().enumerate() {
        nanos += i32::from(digit - b'0') * 10i32.pow(8 - i as u32);
    }
    Some((nanos, at + digits))
}
