//! 24/7 cover over real time, asserted to the minute on fixture overlays.

use super::{score_json, with_overlay};

fn requirement<'a>(result: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    result["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap()
}

#[test]
fn a_saturday_closed_when_the_clocks_go_back_is_one_gap_of_1500_minutes() {
    let dir = with_overlay("cov-02-closed-saturday-clocks-back");
    let result = score_json(dir.path(), "2008-09-01");
    let gaps = result["cover"]["gaps"].as_array().unwrap();
    assert_eq!(gaps.len(), 1, "{gaps:#?}");
    assert_eq!(gaps[0]["start"], "2008-10-25T08:00:00+01:00");
    assert_eq!(gaps[0]["end"], "2008-10-26T08:00:00+00:00");
    assert_eq!(gaps[0]["minutes"], 1500);
    let cov02 = requirement(&result, "COV-02");
    assert_eq!(cov02["result"], "partial");
    assert_eq!(
        cov02["findings"][0]["message"],
        "no desk staff from Sat 2008-10-25 08:00 (+01:00) to Sun 2008-10-26 08:00 (+00:00): 1,500 minutes"
    );
    assert_eq!(cov02["findings"][0]["file"], "rota.yaml");
    assert_eq!(
        cov02["findings"][0]["line"], 34,
        "points at the closing exception"
    );
    // The window's real length: 84 days plus the hour the clocks go back.
    assert_eq!(result["cover"]["window_minutes"], 84 * 1440 + 60);
}

#[test]
fn a_spring_window_with_easter_and_the_clock_change_has_no_gaps() {
    let dir = with_overlay("cov-02-spring-window");
    let result = score_json(dir.path(), "2008-03-01");
    let cover = &result["cover"];
    assert_eq!(cover["gaps"].as_array().unwrap().len(), 0);
    assert_eq!(cover["gap_minutes"], 0);
    assert_eq!(
        cover["window_minutes"],
        84 * 1440 - 60,
        "the spring-forward hour does not exist"
    );
    assert_eq!(requirement(&result, "COV-02")["result"], "pass");
    // Sunday 01:00 does not occur on 2008-03-30, so that slot has one fewer occurrence.
    let slots = cover["heatmap"].as_array().unwrap();
    assert_eq!(slots.len(), 168);
    let sunday_1am = slots
        .iter()
        .find(|s| s["day"] == "Sun" && s["hour"] == 1)
        .unwrap();
    let sunday_2am = slots
        .iter()
        .find(|s| s["day"] == "Sun" && s["hour"] == 2)
        .unwrap();
    assert_eq!(
        sunday_1am["occurrences"].as_u64().unwrap() + 1,
        sunday_2am["occurrences"].as_u64().unwrap()
    );
}

#[test]
fn closed_bank_holidays_give_the_christmas_gaps_and_fail_cov_03() {
    let dir = with_overlay("cov-03-bank-holidays-closed");
    let result = score_json(dir.path(), "2008-09-01");
    let gaps = result["cover"]["gaps"].as_array().unwrap();
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0]["start"], "2008-12-25T08:00:00+00:00");
    assert_eq!(gaps[0]["end"], "2008-12-27T08:00:00+00:00");
    assert_eq!(gaps[0]["minutes"], 2880);
    assert_eq!(requirement(&result, "COV-03")["result"], "fail");
    assert_eq!(requirement(&result, "COV-02")["result"], "partial");
}

#[test]
fn the_complete_pack_has_full_cover_and_heatmap_data() {
    let dir = with_overlay("org-02-customer-without-ods");
    let result = score_json(dir.path(), "2008-09-01");
    let cover = &result["cover"];
    assert_eq!(cover["gap_minutes"], 0);
    assert_eq!(cover["paired_share"], 1.0);
    let slots = cover["heatmap"].as_array().unwrap();
    let monday_9am = slots
        .iter()
        .find(|s| s["day"] == "Mon" && s["hour"] == 9)
        .unwrap();
    assert_eq!(monday_9am["lowest"], 4);
    assert_eq!(monday_9am["typical"], 4);
    let monday_3am = slots
        .iter()
        .find(|s| s["day"] == "Mon" && s["hour"] == 3)
        .unwrap();
    assert_eq!(monday_3am["lowest"], 2);
}
