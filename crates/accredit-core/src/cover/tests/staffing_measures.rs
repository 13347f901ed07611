//! Lone working, on-call cover and the heatmap.

use serde_json::json;

use super::*;

#[test]
fn lone_working_and_minimum_staff_above_one() {
    let rota = rota(json!({
        "period": {"from": "2008-01-01", "to": "2008-12-31"},
        "bank_holidays": {"as": "normal"},
        "pattern": [
            {"days": "daily", "start": "08:00", "end": "20:00", "staff": 2},
            {"days": "daily", "start": "20:00", "end": "08:00", "staff": 1},
        ],
    }));
    let analysis = analyse(&rota, "2008-07-07", 7);
    assert_eq!(analysis.paired_minutes, 7 * 12 * 60);
    assert!((analysis.paired_share - 0.5).abs() < 1e-12);

    let mut needs_two = input(&rota, "2008-07-07", 1);
    needs_two.params.min_staff = 2;
    let analysis = checked(analyse_cover(&needs_two).unwrap());
    assert_eq!(
        analysis.gaps[0].finding.message,
        "fewer than 2 desk staff from Mon 2008-07-07 00:00 (+01:00) to Mon 2008-07-07 08:00 (+01:00): 480 minutes"
    );
    assert_eq!(analysis.gaps[0].lowest_staff, 1);
}

#[test]
fn on_call_managers_cover_outside_core_hours_but_are_not_desk_staff() {
    let rota = rota(json!({
        "period": {"from": "2008-01-01", "to": "2008-12-31"},
        "bank_holidays": {"as": "normal"},
        "pattern": [
            {"days": "daily", "start": "00:00", "end": "00:00", "staff": 1},
            {"days": "weekdays", "start": "18:00", "end": "08:00", "staff": 1, "on_call": true},
        ],
    }));
    let analysis = analyse(&rota, "2008-07-07", 14);
    assert!(analysis.gaps.is_empty());
    assert_eq!(analysis.paired_minutes, 0);
    assert_eq!(
        gap_shapes(&analysis.on_call_gaps),
        [
            // Sunday night has no on-call manager: nothing starts at weekends after 18:00.
            (
                "2008-07-07T00:00+01:00".into(),
                "2008-07-07T08:00+01:00".into(),
                480,
                0
            ),
            (
                "2008-07-12T08:00+01:00".into(),
                "2008-07-14T08:00+01:00".into(),
                2880,
                0
            ),
            (
                "2008-07-19T08:00+01:00".into(),
                "2008-07-21T00:00+01:00".into(),
                2400,
                0
            ),
        ]
    );
    let finding = &analysis.on_call_gaps[1].finding;
    assert_eq!(finding.code, "on-call-gap");
    assert!(
        finding
            .message
            .starts_with("no on-call manager from Sat 2008-07-12 08:00 (+01:00)")
    );
}

#[test]
fn the_heatmap_counts_the_repeated_autumn_hour_twice() {
    let rota = rota(json!({
        "period": {"from": "2008-01-01", "to": "2008-12-31"},
        "bank_holidays": {"as": "normal"},
        "pattern": [{"days": "daily", "start": "00:00", "end": "00:00", "staff": 2}],
        "exceptions": [{"date": "2008-10-27", "pattern": [{"start": "00:00", "end": "00:00", "staff": 1}]}],
    }));
    let analysis = analyse(&rota, "2008-10-20", 14);
    let slot = |day: usize, hour: usize| &analysis.heatmap[day * 24 + hour];
    assert_eq!(slot(6, 1).occurrences, 3);
    assert_eq!(slot(6, 2).occurrences, 2);
    // Monday 27th has one person, Monday 20th two: lowest 1, typical (lower median) 1.
    assert_eq!(
        (slot(0, 10).lowest, slot(0, 10).typical),
        (Some(1), Some(1))
    );
    assert_eq!(
        (slot(2, 10).lowest, slot(2, 10).typical),
        (Some(2), Some(2))
    );
}

#[test]
fn an_empty_window_has_nothing_to_report() {
    let rota = day_and_night_rota(json!({}));
    let analysis = analyse(&rota, "2008-07-07", 0);
    assert_eq!(
        (
            analysis.window_minutes,
            analysis.gap_minutes,
            analysis.paired_share
        ),
        (0, 0, 0.0)
    );
    assert!(
        analysis
            .heatmap
            .iter()
            .all(|s| s.occurrences == 0 && s.lowest.is_none())
    );
}
