//! `accredit plan`: formats, schema, CSV read by Python and the csv crate,
//! OSCAL determinism, owners and invalid evidence first.

use crate::{pack, run};

fn minimal() -> String {
    pack("minimal").display().to_string()
}

fn plan(pack_dir: &str, format: &str) -> String {
    let (code, stdout, stderr) = run(&[
        "plan",
        pack_dir,
        "--as-of",
        "2008-09-01",
        "--format",
        format,
    ]);
    assert_eq!(code, 0, "{stderr}");
    stdout
}

#[test]
fn json_follows_its_schema_in_fix_first_order() {
    let value: serde_json::Value = serde_json::from_str(&plan(&minimal(), "json")).unwrap();
    let (_, schema, _) = run(&["schema", "plan"]);
    let validator = jsonschema::validator_for(&serde_json::from_str(&schema).unwrap()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let items = value["items"].as_array().unwrap();
    assert_eq!(items[0]["requirement"], "SCN-01");
    assert_eq!(items[0]["owner"], "unassigned");
    assert_eq!(items[0]["due"], "2008-09-22");
    // Mandatory (blocking) items come before weighted ones.
    let blocking: Vec<bool> = items
        .iter()
        .map(|i| i["blocking"].as_bool().unwrap())
        .collect();
    assert!(blocking.windows(2).all(|w| w[0] >= w[1]), "{blocking:?}");
}

#[test]
fn invalid_evidence_is_the_first_item() {
    let value: serde_json::Value =
        serde_json::from_str(&plan(&pack("defect-schema").display().to_string(), "json")).unwrap();
    let first = &value["items"][0];
    assert_eq!(first["requirement"], "EVIDENCE");
    assert_eq!(first["result"], "error");
    assert_eq!(first["files"][0], "escalation-plan.yaml");
    assert!(
        first["action"]
            .as_str()
            .unwrap()
            .contains("escalation-plan.yaml:16:5"),
        "{first}"
    );
}

#[test]
fn csv_has_a_bom_and_reads_back_with_the_csv_crate_and_python() {
    let text = plan(&minimal(), "csv");
    assert!(text.starts_with('\u{feff}'));
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers[..3], ["rank", "requirement", "title"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let json: serde_json::Value = serde_json::from_str(&plan(&minimal(), "json")).unwrap();
    assert_eq!(rows.len(), json["items"].as_array().unwrap().len());
    assert!(rows.iter().all(|r| r.len() == headers.len()));
    assert_eq!(&rows[0][1], "SCN-01");
    // Python's csv module, as a spreadsheet user's script would read it.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.csv");
    std::fs::write(&file, &text).unwrap();
    let script = "import csv,sys\n\
        rows=list(csv.reader(open(sys.argv[1],encoding='utf-8-sig',newline='')))\n\
        assert len({len(r) for r in rows})==1, 'ragged rows'\n\
        print(len(rows)-1, rows[0][1], rows[1][1], rows[1][9])\n";
    let output = std::process::Command::new("python3")
        .args(["-c", script, &file.display().to_string()])
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        format!("{} requirement SCN-01 2008-09-22", rows.len())
    );
}

#[test]
fn csv_cells_are_defused_against_formulas() {
    let dir = tempfile::tempdir().unwrap();
    crate::copy(&pack("minimal"), dir.path());
    let pack_file = dir.path().join("pack.yaml");
    let text = std::fs::read_to_string(&pack_file).unwrap();
    let text = if text.contains("contact:") {
        text
    } else {
        format!("{text}contact:\n  name: \"=HYPERLINK(\\\"http://x\\\")\"\n")
    };
    std::fs::write(&pack_file, text).unwrap();
    let csv = plan(&dir.path().display().to_string(), "csv");
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{csv}");
    assert!(!csv.contains(",=HYPERLINK"));
}

#[test]
fn oscal_is_byte_identical_with_v5_uuids_and_as_of_timestamps() {
    let first = plan(&minimal(), "oscal");
    assert_eq!(first, plan(&minimal(), "oscal"));
    let value: serde_json::Value = serde_json::from_str(&first).unwrap();
    let poam = &value["plan-of-action-and-milestones"];
    assert_eq!(poam["metadata"]["oscal-version"], "1.1.2");
    assert_eq!(poam["metadata"]["last-modified"], "2008-09-01T00:00:00Z");
    let uuid = poam["uuid"].as_str().unwrap();
    assert_eq!(&uuid[14..15], "5", "{uuid}");
    let items = poam["poam-items"].as_array().unwrap();
    let risks = poam["risks"].as_array().unwrap();
    assert_eq!(items.len(), risks.len());
    assert_eq!(risks[0]["deadline"], "2008-09-22T00:00:00Z");
    assert_eq!(items[0]["related-risks"][0]["risk-uuid"], risks[0]["uuid"]);
}

#[test]
fn markdown_and_text_name_owner_and_due() {
    let md = plan(&minimal(), "markdown");
    assert!(md.contains("| 1 | SCN-01 "), "{md}");
    let text = plan(&minimal(), "text");
    assert!(text.contains("1. [blocking] SCN-01"), "{text}");
    assert!(
        text.contains("Owner: unassigned (nobody is named)   Due: 2008-09-22"),
        "{text}"
    );
}
