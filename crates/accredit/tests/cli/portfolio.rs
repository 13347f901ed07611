//! `accredit portfolio`: a caseload scored into one summary, in input order.

use super::{pack, run, with_overlay};

#[test]
fn a_caseload_is_summarised_with_the_most_common_gaps() {
    let (a, b) = (
        with_overlay("cov-01-fax-office-hours"),
        with_overlay("nak-01-no-choose-and-book-training"),
    );
    let complete = pack("complete");
    let broken = pack("defect-no-pack");
    let args = [
        "portfolio",
        complete.to_str().unwrap(),
        a.path().to_str().unwrap(),
        b.path().to_str().unwrap(),
        broken.to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--format",
        "json",
    ];
    let (code, stdout, _) = run(&args);
    assert_eq!(code, 2, "one pack could not be assessed");
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let verdicts: Vec<&str> = value["packs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(
        verdicts,
        ["ready", "not-ready", "not-ready", "could-not-assess"]
    );
    assert_eq!(
        value["packs"][1]["mandatory_failures"],
        serde_json::json!(["COV-01"])
    );
    assert_eq!(
        value["packs"][2]["mandatory_failures"],
        serde_json::json!(["NAK-01"])
    );
    assert_eq!(value["packs"][0]["days_to_start"], 35);
    let gaps: Vec<&str> = value["common_gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_str().unwrap())
        .collect();
    assert!(
        gaps.contains(&"COV-01") && gaps.contains(&"NAK-01"),
        "{gaps:?}"
    );
    // The same caseload gives the same bytes, whatever the thread scheduling.
    let (_, again, _) = run(&args);
    assert_eq!(stdout, again);
}
