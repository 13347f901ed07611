//! `accredit rules show ID`: an example of evidence that satisfies the
//! requirement, and the finding codes its check can report — which are
//! checked against every code the checks report on the fixture packs.

use std::collections::BTreeMap;

use super::{pack, run, score_json, with_overlay};

/// The codes `rules show ID` lists.
fn listed_codes(id: &str) -> Vec<String> {
    let (code, text, stderr) = run(&["rules", "show", id]);
    assert_eq!(code, 0, "{stderr}");
    let section = text
        .split("\nFinding codes its check")
        .nth(1)
        .unwrap_or_else(|| panic!("{id}: no finding codes section:\n{text}"));
    section
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.trim().split(' ').next().unwrap().to_string())
        .collect()
}

#[test]
fn show_has_an_example_that_the_example_pack_passes_with() {
    let (code, text, _) = run(&["rules", "show", "COV-02"]);
    assert_eq!(code, 0);
    assert!(text.contains("\nEvidence that satisfies it\n"), "{text}");
    assert!(
        text.contains("    kind: Rota\n"),
        "the Rota example: {text}"
    );
    assert!(text.contains("  cover-gap — "), "{text}");
    // The example pack the examples come from passes every requirement.
    let result = score_json(&pack("complete"), "2008-09-01");
    assert_eq!(result["verdict"], "ready");
    for r in result["requirements"].as_array().unwrap() {
        assert_eq!(r["result"], "pass", "{}", r["id"]);
    }
}

#[test]
fn every_code_the_checks_report_on_the_fixtures_is_listed_for_its_requirement() {
    let overlays = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/ruleset-tests/overlays");
    let mut results = vec![
        score_json(&pack("minimal"), "2008-09-01"),
        score_json(&pack("hostile"), "2008-09-01"),
    ];
    let scaffold = tempfile::tempdir().unwrap();
    let dir = scaffold.path().join("pack");
    run(&["init", dir.to_str().unwrap(), "--start", "2027-03-01"]);
    results.push(score_json(&dir, "2027-01-04"));
    results.push(score_json(&dir, "2027-06-01"));
    let mut names: Vec<String> = std::fs::read_dir(&overlays)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in &names {
        results.push(score_json(with_overlay(name).path(), "2008-09-01"));
    }
    let mut listed: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut seen = 0;
    let mut missing = std::collections::BTreeSet::new();
    for result in &results {
        for r in result["requirements"].as_array().unwrap() {
            let id = r["id"].as_str().unwrap().to_string();
            for finding in r["findings"].as_array().unwrap() {
                let code = finding["code"].as_str().unwrap();
                let codes = listed
                    .entry(id.clone())
                    .or_insert_with(|| listed_codes(&id));
                if !codes.iter().any(|c| c == code) {
                    missing.insert(format!(
                        "{id} reported `{code}`, which `rules show {id}` does not list"
                    ));
                }
                seen += 1;
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
    assert!(seen > 100, "only {seen} findings compared");
}
