//! Local wall-clock times in the rota's zone, turned into real instants.
//!
//! Two rules settle the clock-change cases: a local time that does not exist
//! (01:30 on the spring change day in London) is the first instant after the
//! gap — the transition itself — and a local time that happens twice (01:30
//! on the autumn day) is its first occurrence.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;

use crate::model::ClockTime;

/// The real instant of a local date and time in `zone` (the format's
/// clock-change rule, [`crate::clock::local_instant`]).
pub(super) fn instant_of(zone: &TimeZone, local: DateTime) -> Option<Timestamp> {
    crate::clock::local_instant(local, zone)
}

/// The local date and time of `clock` on `date`; `24:00` is midnight at the
/// start of the next day.
pub(super) fn on_date(date: Date, clock: ClockTime) -> Option<DateTime> {
    match clock {
        ClockTime::At(time) => Some(date.to_datetime(time)),
        ClockTime::EndOfDay => Some(date.tomorrow().ok()?.to_datetime(Time::midnight())),
    }
}

/// The real interval of a shift that starts on `date`: an `end` at or before
/// `start` ends on the next day, so `end == start` is a full day.
pub(super) fn shift_instants(
    zone: &TimeZone,
    date: Date,
    start: ClockTime,
    end: ClockTime,
) -> Option<(Timestamp, Timestamp)> {
    let end_date = if end.minutes() <= start.minutes() {
        date.tomorrow().ok()?
    } else {
        date
    };
    let start = instant_of(zone, on_date(date, start)?)?;
    let end = instant_of(zone, on_date(end_date, end)?)?;
    Some((start, end))
}

/// Midnight at the start of `date`, as a real instant.
pub(super) fn start_of_day(zone: &TimeZone, date: Date) -> Option<Timestamp> {
    instant_of(zone, date.to_datetime(Time::midnight()))
}

/// Reads an instant written in a shifts CSV: RFC 3339 with an offset
/// (`2008-10-26T01:30:00+01:00`), or local `YYYY-MM-DD HH:MM[:SS]` in `zone`,
/// read as every CSV export is. Fractions of a second are dropped.
pub(super) fn parse_shift_time(text: &str, zone: &TimeZone) -> Option<Timestamp> {
    let instant = crate::logs::parse_instant(text.trim(), zone)?;
    Timestamp::from_second(instant.as_second()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn london() -> TimeZone {
        jiff::tz::db().get("Europe/London").unwrap()
    }

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn a_time_in_the_spring_gap_is_the_transition() {
        let local: DateTime = "2008-03-30T01:30".parse().unwrap();
        assert_eq!(
            instant_of(&london(), local),
            Some(at("2008-03-30T01:00:00Z"))
        );
    }

    #[test]
    fn a_repeated_autumn_time_is_its_first_occurrence() {
        let local: DateTime = "2008-10-26T01:30".parse().unwrap();
        assert_eq!(
            instant_of(&london(), local),
            Some(at("2008-10-26T00:30:00Z"))
        );
    }

    #[test]
    fn overnight_shifts_follow_real_time() {
        let zone = london();
        let night = |date: &str| {
            let (s, e) = shift_instants(
                &zone,
                date.parse().unwrap(),
                ClockTime::parse("20:00").unwrap(),
                ClockTime::parse("08:00").unwrap(),
            )
            .unwrap();
            e.as_second() - s.as_second()
        };
        assert_eq!(night("2008-10-25"), 13 * 3600);
        assert_eq!(night("2008-03-29"), 11 * 3600);
        assert_eq!(night("2008-06-01"), 12 * 3600);
    }

    #[test]
    fn shift_times_in_both_forms() {
        let zone = london();
        let parse = |text| parse_shift_time(text, &zone);
        assert_eq!(
            parse("2008-10-26T01:30:00+01:00"),
            Some(at("2008-10-26T00:30:00Z"))
        );
        assert_eq!(
            parse("2008-10-26T01:30:00Z"),
            Some(at("2008-10-26T01:30:00Z"))
        );
        assert_eq!(
            parse(" 2008-07-01 09:15 "),
            Some(at("2008-07-01T08:15:00Z"))
        );
        assert_eq!(
            parse("2008-07-01 09:15:30"),
            Some(at("2008-07-01T08:15:30Z"))
        );
        assert_eq!(parse("2008-03-30 01:30"), Some(at("2008-03-30T01:00:00Z")));
        for bad in [
            "",
            "2008-07-01",
            "2008-07-01 9:15",
            "2008-02-30 09:00",
            "2008-07-01 24:00",
            "next Tuesday",
            "２００８-07-01 09:15",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
