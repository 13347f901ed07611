//! Tests of the cover analysis through its public API, with helpers shared
//! by the scenario files.

mod bank_holidays;
mod pattern;
mod proptests;
mod shifts_csv;
mod shifts_oracle;
mod staffing_measures;

use serde_json::{Value, json};

use super::*;
use crate::location::Location;

/// The rota file name used in every test.
const ROTA_FILE: &str = "rota.yaml";

/// A locator that writes the JSON pointer after the file name, so tests can
/// see which rota entry a finding points at.
fn locate(pointer: &str) -> Option<Location> {
    Some(Location::file(format!("{ROTA_FILE}#{pointer}")))
}

/// Builds a rota from its JSON form.
fn rota(value: Value) -> Rota {
    serde_json::from_value(value).unwrap()
}

/// A desk staffed around the clock by one person: days 08:00–20:00 and
/// nights 20:00–08:00, every day, over 2008–2009, plus `extra` fields.
fn day_and_night_rota(extra: Value) -> Rota {
    let mut value = json!({
        "period": {"from": "2008-01-01", "to": "2009-12-31"},
        "pattern": [
            {"days": "daily", "start": "08:00", "end": "20:00", "staff": 1},
            {"days": "daily", "start": "20:00", "end": "08:00", "staff": 1},
        ],
    });
    if let (Some(fields), Value::Object(extra)) = (value.as_object_mut(), extra) {
        fields.extend(extra);
    }
    rota(value)
}

/// The input for `rota` with a window of `days` from `first_day`.
fn input<'a>(rota: &'a Rota, first_day: &str, days: u32) -> CoverInput<'a> {
    CoverInput {
        rota,
        rota_file: ROTA_FILE,
        locate: &locate,
        window_start: first_day.parse().unwrap(),
        window_days: days,
        params: CoverParams::default(),
    }
}

/// Analyses a pattern rota, checking the invariants every result keeps.
fn analyse(rota: &Rota, first_day: &str, days: u32) -> CoverAnalysis {
    checked(analyse_cover(&input(rota, first_day, days)).unwrap())
}

/// Checks the invariants of a result and returns it.
#[track_caller]
fn checked(analysis: CoverAnalysis) -> CoverAnalysis {
    let known = crate::cover::codes::CODES;
    let all = analysis
        .findings
        .iter()
        .chain(analysis.gaps.iter().map(|g| &g.finding))
        .chain(analysis.on_call_gaps.iter().map(|g| &g.finding));
    for finding in all {
        assert!(
            known.contains(&finding.code),
            "unlisted code {}",
            finding.code
        );
    }
    assert_eq!(
        analysis.staffed_minutes + analysis.gap_minutes,
        analysis.window_minutes
    );
    assert_eq!(
        analysis.gaps.iter().map(|g| g.minutes).sum::<i64>(),
        analysis.gap_minutes
    );
    assert_eq!(analysis.heatmap.len(), HOURS_IN_WEEK);
    analysis
}

/// `(start, end, minutes, lowest)` of each gap, times as RFC 3339 local.
fn gap_shapes(gaps: &[CoverGap]) -> Vec<(String, String, i64, u32)> {
    let local = |z: &jiff::Zoned| z.strftime("%Y-%m-%dT%H:%M%:z").to_string();
    gaps.iter()
        .map(|g| (local(&g.start), local(&g.end), g.minutes, g.lowest_staff))
        .collect()
}

/// The codes of some findings.
fn codes(findings: &[crate::finding::Finding]) -> Vec<crate::finding::FindingCode> {
    findings.iter().map(|f| f.code).collect()
}

/// The file (with pointer) of a finding's location.
fn place(finding: &crate::finding::Finding) -> &str {
    finding.location.as_ref().map_or("", |l| l.file.as_str())
}

/// Every code defined in `cover/codes.rs` is in its `CODES` (which the rota
/// checks declare), and nothing else is: the list is complete.
#[test]
fn every_code_defined_for_the_analysis_is_listed() {
    let source = include_str!("../codes.rs");
    let defined: Vec<&str> = source
        .split(concat!("FindingCode", "::new("))
        .skip(1)
        .map(|definition| definition.split('"').nth(1).unwrap())
        .collect();
    let listed: Vec<&str> = crate::cover::codes::CODES
        .iter()
        .map(|code| code.name())
        .collect();
    assert_eq!(defined, listed);
    assert!(defined.len() >= 15, "only {} codes found", defined.len());
}

#[test]
fn the_analysis_serialises_to_json() {
    let rota = day_and_night_rota(json!({"bank_holidays": {"as": "normal"}}));
    let analysis = analyse(&rota, "2008-10-06", 7);
    let value = serde_json::to_value(&analysis).unwrap();
    assert_eq!(
        value["window_start"],
        "2008-10-06T00:00:00+01:00[Europe/London]"
    );
    assert_eq!(value["heatmap"][0]["weekday"], "mon");
    assert_eq!(value["heatmap"][167]["hour"], 23);
    assert_eq!(value["paired_share"], 0.0);
}
