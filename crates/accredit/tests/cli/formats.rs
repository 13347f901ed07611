//! Machine formats on a one-defect pack: SARIF validates against the official
//! 2.1.0 schema, JUnit parses and its counts match, GitHub annotations carry
//! the right file, line and column, Markdown stays comment-sized.

use super::{copy, overlay, run, with_overlay};

/// The complete pack with the fax channel limited to office hours (COV-01 fails
/// at service-desk.yaml line 9) and TOOL-03 waived, in a temp dir.
fn defect_pack() -> tempfile::TempDir {
    let dir = with_overlay("cov-01-fax-office-hours");
    // Only the waiver: the overlay's service desk would undo COV-01's.
    copy(
        &overlay("waiver-tool-03-active").join("waivers"),
        &dir.path().join("waivers"),
    );
    let desk = dir.path().join("service-desk.yaml");
    let text = std::fs::read_to_string(&desk)
        .unwrap()
        .replace("    - attachments\n", "");
    std::fs::write(desk, text).unwrap();
    dir
}

fn score(dir: &std::path::Path, format: &str) -> (i32, String) {
    let (code, stdout, stderr) = run(&[
        "score",
        dir.to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--format",
        format,
    ]);
    assert!(stderr.is_empty(), "{stderr}");
    (code, stdout)
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let dir = defect_pack();
    let (code, stdout) = score(dir.path(), "sarif");
    assert_eq!(code, 1);
    let schema_path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../schemas/vendor/sarif-schema-2.1.0.json");
    let mut schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    // The published schema's `language` patterns have a stray `]` that an
    // ECMA-262 regex engine rejects; we never write `language`, so relax them.
    for definition in schema["definitions"].as_object_mut().unwrap().values_mut() {
        if let Some(language) = definition.pointer_mut("/properties/language/pattern") {
            *language = serde_json::json!("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
        }
    }
    let validator = jsonschema::validator_for(&schema).unwrap();
    let log: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ruleset = accredit_core::ruleset::Ruleset::builtin();
    for requirement in &ruleset.requirements {
        let rule = rules
            .iter()
            .find(|r| r["id"] == requirement.id.as_str())
            .expect("one rule per requirement");
        assert!(
            rule["help"]["text"]
                .as_str()
                .unwrap()
                .contains(requirement.remediation.trim())
        );
    }
    let cov01 = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "COV-01")
        .unwrap();
    assert_eq!(cov01["level"], "error");
    let location = &cov01["locations"][0]["physicalLocation"];
    assert!(
        location["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .ends_with("/service-desk.yaml")
    );
    assert_eq!(location["region"]["startLine"], 9);
    let waived = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "TOOL-03")
        .unwrap();
    assert_eq!(waived["suppressions"][0]["kind"], "external");
}

#[test]
fn junit_parses_and_its_counts_match_the_results() {
    let dir = defect_pack();
    let (_, stdout) = score(dir.path(), "junit");
    let document = roxmltree::Document::parse(&stdout).expect("well-formed XML");
    let cases: Vec<roxmltree::Node> = document
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    let ruleset = accredit_core::ruleset::Ruleset::builtin();
    assert_eq!(cases.len(), ruleset.requirements.len());
    let failed: Vec<&str> = cases
        .iter()
        .filter(|c| {
            c.children()
                .any(|n| n.has_tag_name("failure") || n.has_tag_name("error"))
        })
        .map(|c| c.attribute("name").unwrap())
        .collect();
    assert_eq!(failed.len(), 1);
    assert!(failed[0].starts_with("COV-01 "));
    let skipped: Vec<&str> = cases
        .iter()
        .filter(|c| c.children().any(|n| n.has_tag_name("skipped")))
        .map(|c| c.attribute("name").unwrap())
        .collect();
    assert!(
        skipped.iter().any(|name| name.starts_with("TOOL-03 ")),
        "waived is skipped: {skipped:?}"
    );
    let root = document.root_element();
    assert_eq!(root.attribute("tests").unwrap(), cases.len().to_string());
    assert_eq!(root.attribute("failures").unwrap(), "1");
}

#[test]
fn github_annotations_carry_file_line_and_column() {
    let dir = defect_pack();
    let (_, stdout) = score(dir.path(), "github");
    let line = stdout
        .lines()
        .find(|l| l.contains("title=COV-01"))
        .expect("a COV-01 annotation");
    let prefix = format!(
        "::error file={}/service-desk.yaml,line=9,col=5,title=COV-01 ",
        dir.path().display()
    );
    assert!(line.starts_with(&prefix), "{line}");
    assert!(
        line.contains("::the fax channel is not available 24x7"),
        "{line}"
    );
    assert!(
        stdout
            .lines()
            .last()
            .unwrap()
            .starts_with("::notice title=accredit verdict::not-ready")
    );
}

#[test]
fn markdown_is_a_comment_sized_summary() {
    let dir = defect_pack();
    let (_, stdout) = score(dir.path(), "markdown");
    assert!(stdout.starts_with("## LSD accreditation: Harbourne Valley Hospitals NHS Trust\n"));
    assert!(stdout.contains("❌ **Not ready**"));
    assert!(stdout.contains("1. `COV-01` Phone, fax and e-mail are each available 24 hours a day, 7 days a week — **mandatory**, not met"));
    assert!(stdout.len() < 60_100);
}

#[test]
fn several_formats_are_written_in_one_run() {
    let dir = defect_pack();
    let out = tempfile::tempdir().unwrap();
    let json = out.path().join("r.json");
    let sarif = out.path().join("r.sarif");
    let (code, stdout, _) = run(&[
        "score",
        dir.path().to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--format",
        &format!("json={}", json.display()),
        "--format",
        &format!("sarif={}", sarif.display()),
        "--format",
        "text",
    ]);
    assert_eq!(code, 1);
    assert!(stdout.contains("Verdict: NOT READY"));
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
    assert_eq!(value["gaps"][0], "COV-01");
    assert!(
        std::fs::read_to_string(sarif)
            .unwrap()
            .contains("\"version\": \"2.1.0\"")
    );
}
