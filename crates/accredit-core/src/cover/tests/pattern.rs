//! Scenarios for rotas written as a weekly pattern.

use serde_json::json;

use super::*;

#[test]
fn closing_the_saturday_before_the_clocks_go_back_leaves_one_gap_of_1500_minutes() {
    let rota = day_and_night_rota(json!({
        "bank_holidays": {"as": "normal"},
        "exceptions": [{"date": "2008-10-25", "closed": true}],
    }));
    let analysis = analyse(&rota, "2008-10-06", 84);
    assert_eq!(
        gap_shapes(&analysis.gaps),
        [(
            "2008-10-25T08:00+01:00".into(),
            "2008-10-26T08:00+00:00".into(),
            1500,
            0
        )]
    );
    let finding = &analysis.gaps[0].finding;
    assert_eq!(finding.code, "cover-gap");
    assert_eq!(
        finding.message,
        "no desk staff from Sat 2008-10-25 08:00 (+01:00) to Sun 2008-10-26 08:00 (+00:00): 1,500 minutes"
    );
    assert_eq!(place(finding), "rota.yaml#/exceptions/0");
    // The window holds the extra hour of the autumn change.
    assert_eq!(analysis.window_minutes, 84 * 1440 + 60);
    assert_eq!(analysis.gap_minutes, 1500);
    assert!(analysis.findings.is_empty(), "{:?}", analysis.findings);
}

#[test]
fn a_24x7_desk_across_the_spring_change_and_easter_has_no_gaps() {
    let rota = day_and_night_rota(json!({"bank_holidays": {"as": "sun"}}));
    let analysis = analyse(&rota, "2008-03-10", 84);
    assert!(analysis.gaps.is_empty(), "{:?}", gap_shapes(&analysis.gaps));
    assert_eq!(analysis.window_minutes, 84 * 1440 - 60);
    assert_eq!(analysis.staffed_minutes, analysis.window_minutes);
    // Sunday 01:00 does not happen on 2008-03-30: 11 of 12 Sundays.
    let sunday_one = &analysis.heatmap[6 * 24 + 1];
    assert_eq!(
        (sunday_one.weekday, sunday_one.hour, sunday_one.occurrences),
        ("sun", 1, 11)
    );
    assert!(
        analysis
            .heatmap
            .iter()
            .all(|s| s.lowest == Some(1) && s.typical == Some(1))
    );
}

#[test]
fn closing_a_sunday_keeps_the_saturday_night_shift() {
    let rota = day_and_night_rota(json!({
        "bank_holidays": {"as": "normal"},
        "exceptions": [{"date": "2008-07-13", "closed": true}],
    }));
    let analysis = analyse(&rota, "2008-07-07", 14);
    assert_eq!(
        gap_shapes(&analysis.gaps),
        [(
            "2008-07-13T08:00+01:00".into(),
            "2008-07-14T08:00+01:00".into(),
            1440,
            0
        )]
    );
}

#[test]
fn an_exception_pattern_replaces_the_day_and_the_first_of_two_wins() {
    let rota = day_and_night_rota(json!({
        "bank_holidays": {"as": "normal"},
        "exceptions": [
            {"date": "2008-07-09", "pattern": [
                {"start": "08:00", "end": "12:00", "staff": 1},
                {"start": "14:00", "end": "08:00", "staff": 1},
            ]},
            {"date": "2008-07-09", "closed": true},
        ],
    }));
    let analysis = analyse(&rota, "2008-07-07", 7);
    assert_eq!(
        gap_shapes(&analysis.gaps),
        [(
            "2008-07-09T12:00+01:00".into(),
            "2008-07-09T14:00+01:00".into(),
            120,
            0
        )]
    );
    assert_eq!(place(&analysis.gaps[0].finding), "rota.yaml#/exceptions/0");
    assert_eq!(codes(&analysis.findings), ["rota-duplicate-exception"]);
    assert_eq!(place(&analysis.findings[0]), "rota.yaml#/exceptions/1/date");
}

#[test]
fn a_gap_in_the_weekly_pattern_points_at_the_shift_it_follows() {
    let rota = rota(json!({
        "period": {"from": "2008-01-01", "to": "2008-12-31"},
        "bank_holidays": {"as": "normal"},
        "pattern": [
            {"days": "daily", "start": "08:00", "end": "24:00", "staff": 1},
            {"days": "weekdays", "start": "00:00", "end": "08:00", "staff": 1},
        ],
    }));
    let analysis = analyse(&rota, "2008-07-07", 7);
    assert_eq!(
        gap_shapes(&analysis.gaps),
        [
            (
                "2008-07-12T00:00+01:00".into(),
                "2008-07-12T08:00+01:00".into(),
                480,
                0
            ),
            (
                "2008-07-13T00:00+01:00".into(),
                "2008-07-13T08:00+01:00".into(),
                480,
                0
            ),
        ]
    );
    assert_eq!(place(&analysis.gaps[0].finding), "rota.yaml#/pattern/0");
}

#[test]
fn a_period_that_does_not_span_the_window_leaves_gaps_at_the_period() {
    let rota = rota(json!({
        "period": {"from": "2008-07-08", "to": "2008-07-10"},
        "bank_holidays": {"as": "normal"},
        "pattern": [{"days": "daily", "start": "00:00", "end": "00:00", "staff": 1}],
    }));
    let analysis = analyse(&rota, "2008-07-07", 7);
    assert_eq!(
        gap_shapes(&analysis.gaps),
        [
            (
                "2008-07-07T00:00+01:00".into(),
                "2008-07-08T00:00+01:00".into(),
                1440,
                0
            ),
            (
                "2008-07-11T00:00+01:00".into(),
                "2008-07-14T00:00+01:00".into(),
                3 * 1440,
                0
            ),
        ]
    );
    assert!(
        analysis
            .gaps
            .iter()
            .all(|g| place(&g.finding) == "rota.yaml#/period")
    );
}

#[test]
fn a_reversed_period_is_a_finding_and_covers_nothing() {
    let rota = day_and_night_rota(json!({
        "period": {"from": "2008-07-10", "to": "2008-07-01"},
        "bank_holidays": {"as": "normal"},
    }));
    let analysis = analyse(&rota, "2008-07-07", 2);
    assert_eq!(codes(&analysis.findings), ["rota-period-reversed"]);
    assert_eq!(place(&analysis.findings[0]), "rota.yaml#/period/to");
    assert_eq!(analysis.gap_minutes, 2 * 1440);
}

#[test]
fn an_unknown_time_zone_stops_the_analysis_with_a_finding() {
    let rota = day_and_night_rota(json!({"timezone": "Europe/Atlantis"}));
    let findings = analyse_cover(&input(&rota, "2008-07-07", 7)).unwrap_err();
    assert_eq!(codes(&findings), ["rota-unknown-timezone"]);
    assert_eq!(place(&findings[0]), "rota.yaml#/timezone");
}

#[test]
fn a_rota_naming_a_shifts_file_needs_it() {
    let rota =
        rota(json!({"period": {"from": "2008-01-01", "to": "2008-12-31"}, "shifts": "shifts.csv"}));
    let findings = analyse_cover(&input(&rota, "2008-07-07", 7)).unwrap_err();
    assert_eq!(codes(&findings), ["shifts-not-read"]);
}

#[test]
fn a_window_beyond_the_calendar_is_a_finding_not_a_panic() {
    let rota = day_and_night_rota(json!({}));
    for (first_day, days) in [("9999-12-25", 84), ("2008-07-07", u32::MAX)] {
        let findings = analyse_cover(&input(&rota, first_day, days)).unwrap_err();
        assert_eq!(codes(&findings), ["cover-window-invalid"]);
    }
}
