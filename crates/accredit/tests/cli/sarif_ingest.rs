//! SARIF as GitHub code scanning ingests it, for the complete pack, a
//! not-ready pack and the `init` scaffold: valid against the vendored OASIS
//! schema, every result located, rule levels, stable fingerprints.
//! (`tests/sarif.sh` runs Microsoft's SARIF multitool on the same packs.)

use super::{pack, run};

fn schema() -> jsonschema::Validator {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../schemas/vendor/sarif-schema-2.1.0.json");
    let mut schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    // The published `language` pattern has a stray `]` that an ECMA-262
    // regex engine rejects; accredit never writes `language`.
    for definition in schema["definitions"].as_object_mut().unwrap().values_mut() {
        if let Some(language) = definition.pointer_mut("/properties/language/pattern") {
            *language = serde_json::json!("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
        }
    }
    jsonschema::validator_for(&schema).unwrap()
}

fn sarif(dir: &std::path::Path, as_of: &str) -> (String, serde_json::Value) {
    let (code, stdout, stderr) = run(&[
        "score",
        dir.to_str().unwrap(),
        "--as-of",
        as_of,
        "--format",
        "sarif",
    ]);
    assert!(code == 0 || code == 1, "{stderr}");
    let log = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    (stdout, log)
}

fn scaffold() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(&[
        "init",
        dir.path().join("pack").to_str().unwrap(),
        "--start",
        "2027-03-01",
    ]);
    assert_eq!(code, 0, "{stderr}");
    dir
}

#[test]
fn every_result_is_located_and_the_log_is_valid() {
    let validator = schema();
    let init = scaffold();
    let packs = [
        (pack("complete"), "2008-09-01"),
        (pack("minimal"), "2008-09-01"),
        (init.path().join("pack"), "2027-01-04"),
    ];
    for (dir, as_of) in &packs {
        let (_, log) = sarif(dir, as_of);
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", dir.display());
        let run = &log["runs"][0];
        for rule in run["tool"]["driver"]["rules"].as_array().unwrap() {
            let level = rule["defaultConfiguration"]["level"].as_str().unwrap();
            assert!(["error", "warning"].contains(&level), "{rule}");
        }
        for result in run["results"].as_array().unwrap() {
            let locations = result["locations"].as_array().unwrap();
            assert!(!locations.is_empty(), "{result}");
            let uri = locations[0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            assert!(uri.starts_with("file:///"), "absolute pack path: {uri}");
            assert!(locations[0]["physicalLocation"]["region"]["startLine"].as_u64() >= Some(1));
            assert!(result["partialFingerprints"]["accreditFinding/v1"].is_string());
        }
    }
}

#[test]
fn a_pack_level_finding_points_at_pack_yaml_and_fingerprints_are_stable() {
    let (first, log) = sarif(&pack("minimal"), "2008-09-01");
    let results = log["runs"][0]["results"].as_array().unwrap();
    let rota = results
        .iter()
        .find(|r| r["ruleId"] == "COV-02")
        .expect("COV-02: no rota");
    let uri = rota["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert!(uri.ends_with("/minimal/pack.yaml"), "{uri}");
    // Same pack, another run date: the fingerprints do not move.
    let (_, later) = sarif(&pack("minimal"), "2008-09-02");
    let prints = |log: &serde_json::Value| -> Vec<String> {
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["partialFingerprints"]["accreditFinding/v1"].to_string())
            .collect()
    };
    assert_eq!(prints(&log), prints(&later));
    let mut unique = prints(&log);
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), results.len(), "one fingerprint per result");
    let (again, _) = sarif(&pack("minimal"), "2008-09-01");
    assert_eq!(first, again, "byte-identical");
}

#[test]
fn uris_are_relative_and_percent_encoded_when_the_pack_path_is() {
    let dir = tempfile::tempdir().unwrap();
    super::copy(&pack("minimal"), &dir.path().join("my pack"));
    let output = super::accredit()
        .current_dir(dir.path())
        .args([
            "score",
            "my pack",
            "--as-of",
            "2008-09-01",
            "--format",
            "sarif",
        ])
        .output()
        .unwrap();
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
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
    assert!(uris.contains(&"my%20pack/service-desk.yaml"), "{uris:?}");
    assert!(uris.contains(&"my%20pack/pack.yaml"), "{uris:?}");
}
