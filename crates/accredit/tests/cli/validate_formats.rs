//! `accredit validate --format json|github|sarif|junit`: the same diagnostics
//! and exit code in each machine format, nothing else on the stream, and
//! evidence text never escaping its encoding.

use super::{copy, pack, run};

fn validate(dir: &std::path::Path, format: &str) -> (i32, String) {
    let (code, stdout, stderr) = run(&["validate", dir.to_str().unwrap(), "--format", format]);
    assert!(stderr.is_empty(), "{stderr}");
    (code, stdout)
}

#[test]
fn json_lists_the_diagnostics_and_whether_the_pack_is_valid() {
    let (code, stdout) = validate(&pack("defect-schema"), "json");
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&stdout).expect("only JSON");
    assert_eq!(value["format"], "accredit-validation/1");
    assert_eq!(value["valid"], false);
    assert_eq!(value["errors"], 2);
    let first = &value["diagnostics"][0];
    assert_eq!(first["code"], "schema");
    assert_eq!(first["message"], "levels[1].party is required");
    assert_eq!(first["location"]["file"], "escalation-plan.yaml");
    assert_eq!(first["location"]["position"]["line"], 16);
    assert_eq!(value["files"].as_array().unwrap().len(), 3);
    let schema = |name: &str| -> serde_json::Value {
        let (code, text, _) = run(&["schema", name]);
        assert_eq!(code, 0);
        serde_json::from_str(&text).unwrap()
    };
    let validator = jsonschema::validator_for(&schema("validation")).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let (code, stdout) = validate(&pack("complete"), "json");
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(value["valid"], true);
    assert!(validator.is_valid(&value));
}

#[test]
fn github_annotates_each_diagnostic_at_its_line() {
    let (code, stdout) = validate(&pack("defect-schema"), "github");
    assert_eq!(code, 1);
    let lines: Vec<&str> = stdout.lines().collect();
    let file = format!("{}/escalation-plan.yaml", pack("defect-schema").display());
    assert_eq!(
        lines[0],
        format!(
            "::error file={},line=16,col=5,title=accredit schema::levels[1].party is required",
            file.replace(':', "%3A").replace(',', "%2C")
        )
    );
    assert!(lines.iter().all(|l| l.starts_with("::")), "{stdout}");
    assert!(
        lines
            .last()
            .unwrap()
            .starts_with("::notice title=accredit validate::the evidence is invalid — 3 files"),
        "{stdout}"
    );
}

#[test]
fn sarif_results_are_located_and_valid() {
    let (code, stdout) = validate(&pack("defect-schema"), "sarif");
    assert_eq!(code, 1);
    let log: serde_json::Value = serde_json::from_str(&stdout).expect("only SARIF");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    for r in results {
        assert_eq!(r["ruleId"], "schema");
        assert_eq!(r["level"], "error");
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.ends_with("/escalation-plan.yaml"), "{uri}");
    }
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules[0]["defaultConfiguration"]["level"], "error");
    // A pack-level diagnostic (no pack document at all) still has a location.
    let (code, stdout) = validate(&pack("defect-no-pack"), "sarif");
    assert_eq!(code, 2, "no pack: cannot assess, {stdout}");
    let log: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        assert!(!r["locations"].as_array().unwrap().is_empty(), "{r}");
    }
}

#[test]
fn junit_has_a_case_per_document_failing_where_the_errors_are() {
    let (code, stdout) = validate(&pack("defect-schema"), "junit");
    assert_eq!(code, 1);
    let document = roxmltree::Document::parse(&stdout).expect("only XML");
    let cases: Vec<roxmltree::Node> = document
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 4, "the pack as a whole and three documents");
    let failed: Vec<&str> = cases
        .iter()
        .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
        .map(|c| c.attribute("name").unwrap())
        .collect();
    assert_eq!(failed.len(), 1);
    assert!(failed[0].ends_with("/escalation-plan.yaml"), "{failed:?}");
    let failure = cases
        .iter()
        .flat_map(|c| c.children())
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    assert!(failure.text().unwrap().contains(
        "escalation-plan.yaml:26:7: error[schema]: levels[2].contact.phnoe is not a known field"
    ));
}

#[test]
fn control_characters_in_file_names_never_reach_ci() {
    let dir = tempfile::tempdir().unwrap();
    copy(&pack("minimal"), dir.path());
    std::fs::write(
        dir.path()
            .join("evil\u{1b}]8;;x\u{7}\r\n::error::forged.yaml"),
        "apiVersion: accredit/v1\nkind: Nonsense\n",
    )
    .unwrap();
    let (code, github) = validate(dir.path(), "github");
    assert_eq!(code, 1, "{github}");
    assert!(
        !github.contains('\u{1b}') && !github.contains('\u{7}'),
        "{github:?}"
    );
    assert!(
        github
            .lines()
            .all(|l| l.starts_with("::error ") || l.starts_with("::notice ")),
        "no forged line: {github}"
    );
    let (_, junit) = validate(dir.path(), "junit");
    roxmltree::Document::parse(&junit).expect("well-formed XML");
    let (_, sarif) = validate(dir.path(), "sarif");
    let log: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let uris: Vec<&str> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(
        uris.iter()
            .any(|u| u.ends_with("/evil%1B%5D8%3B%3Bx%07%0D%0A%3A%3Aerror%3A%3Aforged.yaml")),
        "{uris:?}"
    );
}
