//! Times and dates in CSV exports, clock changes included.

use jiff::Timestamp;
use jiff::civil::date;

use super::london;
use crate::logs::{local_instant, log_time_zone, parse_date, parse_instant};
use crate::model::CsvExport;

fn instant(text: &str) -> Option<Timestamp> {
    parse_instant(text, &london())
}

fn utc(text: &str) -> Timestamp {
    text.parse().unwrap()
}

#[test]
fn rfc3339_instants_keep_their_offset() {
    assert_eq!(
        instant("2008-10-26T01:30:00+01:00"),
        Some(utc("2008-10-26T00:30:00Z"))
    );
    assert_eq!(
        instant("2008-10-26T01:30:00Z"),
        Some(utc("2008-10-26T01:30:00Z"))
    );
    assert_eq!(
        instant("2008-10-26t01:30:00-05:30"),
        Some(utc("2008-10-26T07:00:00Z"))
    );
    assert_eq!(
        instant("2008-10-26T01:30:00.25+00:00"),
        Some(utc("2008-10-26T01:30:00.25Z"))
    );
}

#[test]
fn local_times_are_read_in_the_log_zone() {
    assert_eq!(
        instant("2008-01-15 09:00"),
        Some(utc("2008-01-15T09:00:00Z"))
    );
    assert_eq!(
        instant("2008-07-15 09:00:30"),
        Some(utc("2008-07-15T08:00:30Z"))
    );
    assert_eq!(
        instant("2008-07-15T09:00"),
        Some(utc("2008-07-15T08:00:00Z"))
    );
    let paris = jiff::tz::db().get("Europe/Paris").unwrap();
    assert_eq!(
        parse_instant("2008-07-15 09:00", &paris),
        Some(utc("2008-07-15T07:00:00Z"))
    );
}

#[test]
fn a_time_in_the_spring_gap_is_the_first_instant_after_it() {
    // Clocks went forward at 01:00 GMT on 2008-03-30: 01:00–02:00 never happened.
    assert_eq!(
        instant("2008-03-30 01:30"),
        Some(utc("2008-03-30T01:00:00Z"))
    );
    assert_eq!(
        instant("2008-03-30 01:00"),
        Some(utc("2008-03-30T01:00:00Z"))
    );
    assert_eq!(
        instant("2008-03-30 00:59"),
        Some(utc("2008-03-30T00:59:00Z"))
    );
    assert_eq!(
        instant("2008-03-30 02:00"),
        Some(utc("2008-03-30T01:00:00Z"))
    );
    assert_eq!(
        instant("2008-03-30 02:01"),
        Some(utc("2008-03-30T01:01:00Z"))
    );
}

#[test]
fn an_ambiguous_autumn_time_is_its_first_occurrence() {
    // Clocks went back at 02:00 BST on 2008-10-26: 01:00–02:00 happened twice.
    assert_eq!(
        instant("2008-10-26 01:30"),
        Some(utc("2008-10-26T00:30:00Z"))
    );
    assert_eq!(
        instant("2008-10-26 02:00"),
        Some(utc("2008-10-26T02:00:00Z"))
    );
}

#[test]
fn local_instant_is_none_only_at_the_edge_of_time() {
    let tz = jiff::tz::db().get("Pacific/Kiritimati").unwrap();
    assert_eq!(local_instant(date(-9999, 1, 1).at(0, 0, 0, 0), &tz), None);
    assert!(local_instant(date(2008, 1, 1).at(0, 0, 0, 0), &tz).is_some());
}

#[test]
fn malformed_times_are_rejected() {
    for text in [
        "",
        "2008-01-15",
        "09:00",
        "2008-02-30 09:00",
        "2008-01-15 24:00",
        "2008-01-15 09:60",
        "2008-01-15 9:00",
        "2008-01-15_09:00",
        "2008-01-15 09:00 ",
        "2008-01-15T09:00:00+24:00",
        "2008-01-15T09:00:00+01",
        "2008-01-15T09:00:00.+01:00",
        "2008-01-15T09:00:00.1234567890Z",
        "2008-01-15T09:00:00Zjunk",
        "15/01/2008 09:00",
        "２００８-01-15 09:00",
    ] {
        assert_eq!(instant(text), None, "{text:?}");
    }
}

#[test]
fn dates_are_yyyy_mm_dd() {
    assert_eq!(parse_date("2006-10-07"), Some(date(2006, 10, 7)));
    assert_eq!(parse_date("2008-02-29"), Some(date(2008, 2, 29)));
    for text in [
        "2007-02-29",
        "2006-10-7",
        "2006/10/07",
        "2006-10-07 ",
        "07-10-2006",
        "",
    ] {
        assert_eq!(parse_date(text), None, "{text:?}");
    }
}

#[test]
fn the_log_zone_defaults_to_london_and_unknown_names_are_findings() {
    let mut export = CsvExport {
        source: "incidents.csv".into(),
        timezone: None,
        exported_from: None,
        exported_on: None,
        period: None,
    };
    assert_eq!(
        log_time_zone(&export, "incidents.yaml")
            .unwrap()
            .iana_name(),
        Some("Europe/London")
    );
    export.timezone = Some("Mars/Olympus_Mons".into());
    let error = log_time_zone(&export, "incidents.yaml").unwrap_err();
    assert_eq!(error.findings[0].code, "log-unknown-timezone");
    assert!(error.findings[0].message.contains("Mars/Olympus_Mons"));
}
