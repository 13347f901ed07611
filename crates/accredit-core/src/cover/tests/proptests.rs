//! Property tests of the cover arithmetic. The checks live in plain
//! functions (so they are formatted and readable); the `proptest!` block only
//! draws the inputs.

use std::fmt::Write;

use jiff::civil::{Date, Weekday};
use jiff::{Timestamp, ToSpan};
use proptest::prelude::*;
use serde_json::{Value, json};

use super::*;

/// `HH:MM` for minutes of the day (1440 → `24:00`).
fn clock(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A pattern entry: some days, start and end on a quarter hour, 0–3 staff.
fn pattern_entry() -> impl Strategy<Value = Value> {
    let names = vec!["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let days = prop::sample::subsequence(names, 1..=7);
    (days, 0u32..=96, 0u32..=96, 0u32..=3).prop_map(|(days, start, end, staff)| {
        json!({"days": days, "start": clock(start * 15), "end": clock(end * 15), "staff": staff})
    })
}

/// A first day from 1996 to 2030.
fn first_day() -> impl Strategy<Value = Date> {
    (0i64..35 * 365).prop_map(|n| jiff::civil::date(1996, 1, 1).checked_add(n.days()).unwrap())
}

/// The window's real length in minutes, computed directly with jiff.
fn real_minutes(first: Date, days: u32) -> i64 {
    let zone = jiff::tz::db().get("Europe/London").unwrap();
    let start = first.to_zoned(zone.clone()).unwrap();
    let end = first.checked_add(i64::from(days).days()).unwrap();
    let end = end.to_zoned(zone).unwrap();
    start.timestamp().duration_until(end.timestamp()).as_secs() / 60
}

fn check_time_adds_up(entries: Vec<Value>, first: Date, days: u32, closed: Option<i64>, min: u32) {
    let exceptions: Vec<Value> = closed
        .map(|n| json!({"date": first.checked_add(n.days()).unwrap(), "closed": true}))
        .into_iter()
        .collect();
    let rota = rota(json!({
        "period": {"from": "1995-06-01", "to": "2030-12-31"},
        "bank_holidays": {"as": "closed"},
        "pattern": entries,
        "exceptions": exceptions,
    }));
    let mut input = input(&rota, &first.to_string(), days);
    input.params.min_staff = min;
    let analysis = checked(analyse_cover(&input).unwrap());

    let real = real_minutes(first, days);
    assert_eq!(analysis.window_minutes, real);
    assert_eq!(analysis.staffed_minutes + analysis.gap_minutes, real);
    for pair in analysis.gaps.windows(2) {
        assert!(pair[0].end < pair[1].start, "gaps are maximal and in order");
    }
    for gap in &analysis.gaps {
        assert!(gap.lowest_staff < min && gap.minutes > 0);
        assert!(analysis.window_start <= gap.start && gap.end <= analysis.window_end);
    }
    // Every real hour is one occurrence of a local hour.
    let hours: u32 = analysis.heatmap.iter().map(|s| s.occurrences).sum();
    assert_eq!(i64::from(hours), real / 60);
}

/// Minutes staffed by a single `sat` entry over the weekend of `saturday`.
fn saturday_shift_minutes(saturday: Date, start: u32, end: u32) -> i64 {
    let rota = rota(json!({
        "period": {"from": "1990-01-01", "to": "2110-12-31"},
        "bank_holidays": {"as": "normal"},
        "pattern": [{"days": "sat", "start": clock(start), "end": clock(end), "staff": 1}],
    }));
    analyse(&rota, &saturday.to_string(), 2).staffed_minutes
}

fn check_clock_change_nights(year: i16, start: u32, end: u32) {
    let saturday_before = |month| {
        let first = Date::new(year, month, 1).unwrap();
        let sunday = first.nth_weekday_of_month(-1, Weekday::Sunday).unwrap();
        sunday.yesterday().unwrap()
    };
    let wall_clock = i64::from(1440 - start + end);
    let autumn = saturday_shift_minutes(saturday_before(10), start, end);
    let spring = saturday_shift_minutes(saturday_before(3), start, end);
    assert_eq!((autumn, spring), (wall_clock + 60, wall_clock - 60));
}

/// A shift row: person, start and end in seconds after Fri 2008-10-24 23:00 UTC, on-call.
type Row = (String, i64, i64, bool);

fn shifts_csv(rows: &[Row]) -> String {
    let base: Timestamp = "2008-10-24T23:00:00Z".parse().unwrap();
    let at = |second: i64| base.checked_add(second.seconds()).unwrap();
    let mut csv = String::from("staff_id,start,end,role,on_call\n");
    for (id, start, end, on_call) in rows {
        let _ = writeln!(csv, "{id},{},{},first-line,{on_call}", at(*start), at(*end));
    }
    csv
}

fn check_split_changes_nothing(whole: Vec<Row>, which: usize, cut: usize) {
    let mut split = whole.clone();
    let (id, start, end, on_call) = split.remove(which);
    let middle = start + 1 + i64::try_from(cut).unwrap();
    assert!(start < middle && middle < end);
    split.push((id.clone(), start, middle, on_call));
    split.push((id, middle, end, on_call));

    let rota =
        rota(json!({"period": {"from": "2008-01-01", "to": "2008-12-31"}, "shifts": "s.csv"}));
    let input = input(&rota, "2008-10-25", 3);
    let run = |rows: &[Row]| {
        let csv = shifts_csv(rows);
        checked(analyse_cover_with_shifts(&input, "s.csv", csv.as_bytes()).unwrap())
    };
    let (before, after) = (run(&whole), run(&split));
    assert_eq!(before.gaps, after.gaps);
    assert_eq!(before.on_call_gaps, after.on_call_gaps);
    assert_eq!(before.heatmap, after.heatmap);
    assert_eq!(before.paired_minutes, after.paired_minutes);
    assert!(after.findings.is_empty(), "{:?}", after.findings);
}

fn read_without_panicking(csv: &[u8]) -> bool {
    let rota =
        rota(json!({"period": {"from": "2008-01-01", "to": "2008-12-31"}, "shifts": "s.csv"}));
    analyse_cover_with_shifts(&input(&rota, "2008-03-29", 2), "s.csv", csv).is_ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn staffed_and_gap_time_add_up_to_the_real_window(
        entries in prop::collection::vec(pattern_entry(), 0..4),
        first in first_day(),
        days in 0u32..120,
        closed in prop::option::of(0i64..120),
        min_staff in 0u32..3,
    ) {
        check_time_adds_up(entries, first, days, closed, min_staff);
    }

    #[test]
    fn night_shifts_last_an_hour_more_in_autumn_and_less_in_spring(
        year in 1996i16..=2100,
        start in 48u32..96, // quarter hours from 12:00
        end in 8u32..48,    // quarter hours from 02:00 to 11:45
    ) {
        check_clock_change_nights(year, start * 15, end * 15);
    }

    #[test]
    fn splitting_a_shift_at_any_instant_changes_nothing(
        shifts in prop::collection::vec((0i64..72 * 60, 2i64..24 * 60, any::<bool>()), 1..12),
        which in any::<prop::sample::Index>(),
        cut in any::<prop::sample::Index>(),
    ) {
        let rows: Vec<Row> = shifts
            .iter()
            .enumerate()
            .map(|(i, &(start, minutes, on_call))| {
                (format!("P{i}"), start * 60, (start + minutes) * 60, on_call)
            })
            .collect();
        let which = which.index(rows.len());
        let cut = cut.index(usize::try_from(rows[which].2 - rows[which].1 - 1).unwrap());
        check_split_changes_nothing(rows, which, cut);
    }

    #[test]
    fn any_bytes_in_a_shifts_file_are_read_without_panicking(
        content in prop::collection::vec(any::<u8>(), 0..400),
    ) {
        let mut csv = b"staff_id,start,end,role,on_call\n".to_vec();
        csv.extend(content);
        read_without_panicking(&csv);
    }

    #[test]
    fn odd_shift_rows_are_findings_not_failures(row in "[0-9A-Za-z:+ ,.TZ-]{0,80}") {
        let csv = format!("staff_id,start,end,role\n{row}\n");
        prop_assert!(read_without_panicking(csv.as_bytes()));
    }
}

#[test]
fn the_2008_clock_change_nights_last_13_and_11_hours() {
    assert_eq!(
        saturday_shift_minutes(jiff::civil::date(2008, 10, 25), 1200, 480),
        13 * 60
    );
    assert_eq!(
        saturday_shift_minutes(jiff::civil::date(2008, 3, 29), 1200, 480),
        11 * 60
    );
}
