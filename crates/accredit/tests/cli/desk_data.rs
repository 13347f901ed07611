//! The desk's CSV exports: bad rows are findings with their line, the pack is
//! still scored, and absent logs make their requirements `missing`.

use super::{pack, run, score_json, with_overlay};

fn requirement<'a>(result: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    result["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap()
}

#[test]
fn bad_rows_are_findings_with_their_lines_and_the_pack_is_still_scored() {
    let dir = with_overlay("tool-logs-with-bad-rows");
    let result = score_json(dir.path(), "2008-09-01");
    assert_eq!(result["verdict"], "ready");
    let tool04 = requirement(&result, "TOOL-04");
    assert_eq!(tool04["result"], "pass");
    let lines: Vec<(u64, &str)> = tool04["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["file"] == "logs/incidents.csv")
        .map(|f| (f["line"].as_u64().unwrap(), f["message"].as_str().unwrap()))
        .collect();
    assert_eq!(
        lines.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        [7, 8, 9],
        "{lines:#?}"
    );
}

#[test]
fn absent_logs_make_their_requirements_missing_not_passing() {
    let dir = tempfile::tempdir().unwrap();
    super::copy(&pack("minimal"), dir.path());
    let result = score_json(dir.path(), "2008-09-01");
    for id in [
        "TOOL-04", "TOOL-05", "TOOL-06", "NAK-01", "NAK-03", "CHG-01", "COV-02",
    ] {
        assert_eq!(requirement(&result, id)["result"], "missing", "{id}");
    }
    assert_eq!(result["verdict"], "not-ready");
    let (code, _, _) = run(&[
        "score",
        dir.path().to_str().unwrap(),
        "--as-of",
        "2008-09-01",
    ]);
    assert_eq!(code, 1);
}
