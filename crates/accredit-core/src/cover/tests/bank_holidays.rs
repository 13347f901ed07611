//! Scenarios for bank holidays in a weekly pattern.

use serde_json::json;

use super::*;

#[test]
fn closed_bank_holidays_leave_christmas_boxing_day_and_new_year_gaps() {
    let rota = day_and_night_rota(json!({"bank_holidays": {"as": "closed"}}));
    let analysis = analyse(&rota, "2008-12-01", 84);
    assert_eq!(
        gap_shapes(&analysis.gaps),
        [
            (
                "2008-12-25T08:00+00:00".into(),
                "2008-12-27T08:00+00:00".into(),
                2880,
                0
            ),
            (
                "2009-01-01T08:00+00:00".into(),
                "2009-01-02T08:00+00:00".into(),
                1440,
                0
            ),
        ]
    );
    assert!(
        analysis
            .gaps
            .iter()
            .all(|g| place(&g.finding) == "rota.yaml#/bank_holidays/as")
    );
    assert!(analysis.findings.is_empty());
}

#[test]
fn unstated_bank_holidays_count_as_closed_with_one_finding() {
    let rota = day_and_night_rota(json!({}));
    let analysis = analyse(&rota, "2008-12-01", 84);
    assert_eq!(analysis.gaps.len(), 2);
    assert_eq!(place(&analysis.gaps[0].finding), "rota.yaml#");
    assert_eq!(codes(&analysis.findings), ["bank-holidays-not-stated"]);
    assert!(
        analysis.findings[0]
            .message
            .ends_with("2008-12-25, 2008-12-26, 2009-01-01 unstaffed")
    );
}

#[test]
fn explicit_bank_holiday_dates_replace_the_calendar() {
    let rota = day_and_night_rota(json!({
        "bank_holidays": {"as": "closed"},
        "bank_holiday_dates": ["2008-12-03"],
    }));
    let analysis = analyse(&rota, "2008-12-01", 31);
    assert_eq!(
        gap_shapes(&analysis.gaps),
        [(
            "2008-12-03T08:00+00:00".into(),
            "2008-12-04T08:00+00:00".into(),
            1440,
            0
        )]
    );
}

#[test]
fn an_exception_takes_precedence_over_the_bank_holiday_rule() {
    let rota = day_and_night_rota(json!({
        "bank_holidays": {"as": "closed"},
        "exceptions": [{"date": "2008-12-25", "pattern": [{"start": "08:00", "end": "08:00", "staff": 1}]}],
    }));
    let analysis = analyse(&rota, "2008-12-22", 7);
    assert_eq!(
        gap_shapes(&analysis.gaps),
        [(
            "2008-12-26T08:00+00:00".into(),
            "2008-12-27T08:00+00:00".into(),
            1440,
            0
        )]
    );
}
