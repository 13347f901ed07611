//! Broken rulesets are diagnostics in the ruleset file with exit 2; broken
//! expressions at evaluation time are `error` results, never crashes.

use super::{pack, run};

fn ruleset(name: &str) -> String {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/rulesets")
        .join(format!("{name}.yaml"))
        .display()
        .to_string()
}

fn score_with(name: &str, format: &str) -> (i32, String) {
    let dir = pack("complete");
    let file = ruleset(name);
    let (code, stdout, stderr) = run(&[
        "score",
        dir.to_str().unwrap(),
        "--as-of",
        "2008-09-01",
        "--ruleset",
        &file,
        "--format",
        format,
    ]);
    // Ruleset problems go to standard error, followed by a summary line.
    let output = if code == 2 {
        assert!(stdout.is_empty(), "{stdout}");
        let lines: Vec<&str> = stderr.lines().collect();
        assert!(
            lines.last().unwrap().starts_with("error: the ruleset "),
            "{stderr}"
        );
        lines[..lines.len() - 1].join("\n")
    } else {
        stdout
    };
    (code, output.replace(&file, "RULESET"))
}

#[test]
fn each_broken_ruleset_is_a_located_diagnostic_with_exit_2() {
    let cases = [
        (
            "bad-duplicate-id",
            "RULESET:75:9: error[duplicate-id]: requirement id `COV-01` is used twice",
        ),
        (
            "bad-negative-weight",
            "RULESET:79:13: error[bad-weight]: requirements[1].weight is too small: `-3` (minimum 0)",
        ),
        (
            "bad-weight-too-large",
            "RULESET:79:13: error[bad-weight]: requirements[1].weight is too large: `1000000` (maximum 100)",
        ),
        (
            "bad-window-days",
            "RULESET:15:14: error[schema]: window_days is too large: `99999999` (maximum 3660)",
        ),
        (
            "bad-zero-weights",
            "RULESET:29:3: error[bad-weight]: every domain weight is zero, so no score can be formed",
        ),
        (
            "bad-expression",
            "RULESET:171:19: error[bad-parameter]: the expression does not compile: syntax error: unexpected end of input, expected expression (in <expression>:1)",
        ),
        (
            "bad-parameter-type",
            "RULESET:155:26: error[bad-parameter]: requirements[5].check.ods_suffix_length must be a whole number (found `two`)",
        ),
    ];
    for (name, expected) in cases {
        let (code, stdout) = score_with(name, "text");
        assert_eq!(code, 2, "{name}: {stdout}");
        assert_eq!(stdout.trim_end(), expected, "{name}");
    }
}

#[test]
fn an_unknown_check_kind_lists_the_kinds_there_are() {
    let (code, stdout) = score_with("bad-unknown-check-kind", "text");
    assert_eq!(code, 2);
    let line = stdout.trim_end();
    assert!(
        line.starts_with(
            "RULESET:88:13: error[unknown-check-kind]: requirements[1].check.kind must be one of "
        ),
        "{line}"
    );
    assert!(line.ends_with(" (found `bank-holiday-stated`)"), "{line}");
    for kind in accredit_core::Check::KINDS {
        assert!(line.contains(kind), "{kind} missing from {line}");
    }
}

#[test]
fn every_problem_validation_finds_is_reported_at_once_in_file_order() {
    let (code, stdout) = score_with("bad-many-problems", "text");
    assert_eq!(code, 2, "{stdout}");
    let expected = [
        "RULESET:29:9: error[duplicate-id]: application id `pacs` is used twice",
        "RULESET:79:9: error[duplicate-id]: requirement id `COV-01` is used twice",
        "RULESET:130:13: error[schema]: `TOOLS` is not one of the ruleset's domains",
        "RULESET:175:19: error[bad-parameter]: the expression does not compile: syntax error: unexpected end of input, expected expression (in <expression>:1)",
        "RULESET:176:16: error[bad-parameter]: a message template holds only `{{ … }}` substitutions, not `{% … %}` statements",
        "RULESET:189:17: error[bad-parameter]: `Override` is not an evidence kind",
        "RULESET:216:21: error[bad-parameter]: NAK-03 counts training from 730 days before the start, but NAK-01 from 365; the training log is read once, so give every training requirement the same `max_age_days`",
    ];
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn every_problem_the_schema_finds_is_reported_at_once_each_with_its_own_code() {
    let (code, stdout) = score_with("bad-many-schema-errors", "text");
    assert_eq!(code, 2, "{stdout}");
    let places_and_codes: Vec<&str> = stdout
        .lines()
        .map(|line| line.split(": ").take(2).last().unwrap_or_default())
        .collect();
    assert_eq!(
        places_and_codes,
        [
            "error[schema]",
            "error[unknown-check-kind]",
            "error[bad-weight]",
            "error[schema]",
            "error[bad-parameter]",
        ],
        "{stdout}"
    );
    let places: Vec<&str> = stdout
        .lines()
        .map(|line| line.split(": ").next().unwrap_or_default())
        .collect();
    assert_eq!(
        places,
        [
            "RULESET:16:14",
            "RULESET:89:13",
            "RULESET:129:13",
            "RULESET:130:5",
            "RULESET:157:26",
        ]
    );
    assert!(
        stdout.contains("requirements[4].owner is not a known field"),
        "{stdout}"
    );
}

#[test]
fn a_broken_ruleset_stops_every_command_that_reads_it_with_exit_2() {
    let file = ruleset("bad-many-problems");
    let dir = pack("complete");
    let dir = dir.to_str().unwrap();
    let commands: [&[&str]; 4] = [
        &["rules", "list", "--ruleset", &file],
        &["plan", dir, "--as-of", "2008-09-01", "--ruleset", &file],
        &["timeline", dir, "--as-of", "2008-09-01", "--ruleset", &file],
        &[
            "report",
            dir,
            "--as-of",
            "2008-09-01",
            "--ruleset",
            &file,
            "-o",
            "-",
        ],
    ];
    for args in commands {
        let (code, stdout, stderr) = run(args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{args:?}: {stdout}");
        assert!(
            stderr.trim_end().ends_with("is invalid (7 problem(s))"),
            "{args:?}: {stderr}"
        );
    }
}

fn org_02(stdout: &str) -> serde_json::Value {
    let value: serde_json::Value = serde_json::from_str(stdout).expect("JSON result");
    value["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "ORG-02")
        .cloned()
        .unwrap()
}

#[test]
fn an_expression_reading_a_missing_field_is_an_error_result() {
    let (code, stdout) = score_with("expression-missing-field", "json");
    assert_eq!(code, 0, "ORG-02 is weighted, so the pack is still ready");
    let r = org_02(&stdout);
    assert_eq!(r["result"], "error");
    assert_eq!(r["credit"], 0.0);
    let message = r["findings"][0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("the ruleset's expression reads a field that is not there"),
        "{message}"
    );
    assert_eq!(r["findings"][0]["file"], "pack.yaml");
}

#[test]
fn an_expression_that_runs_out_of_fuel_is_an_error_result() {
    let (_, stdout) = score_with("expression-out-of-fuel", "json");
    let r = org_02(&stdout);
    assert_eq!(r["result"], "error");
    let message = r["findings"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("ran too long and was stopped"),
        "{message}"
    );
}

#[test]
fn rules_list_and_show_come_from_the_ruleset_data() {
    let (code, stdout, _) = run(&["rules", "list"]);
    assert_eq!(code, 0);
    let ruleset = accredit_core::ruleset::Ruleset::builtin();
    for requirement in &ruleset.requirements {
        assert!(
            stdout.contains(&requirement.id),
            "{} missing from rules list",
            requirement.id
        );
        let (code, shown, _) = run(&["rules", "show", &requirement.id]);
        assert_eq!(code, 0);
        assert!(shown.contains(requirement.description.split_whitespace().next().unwrap()));
        assert!(
            shown.contains(&requirement.check.method()),
            "{}",
            requirement.id
        );
    }
    let (code, _, stderr) = run(&["rules", "show", "NOPE-01"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("NOPE-01 is not a requirement of lsd-accreditation@1"));
}

/// `docs/ruleset.md` is generated from the ruleset data; regenerate it with
/// `cargo run -p accredit -- rules docs > docs/ruleset.md`.
#[test]
fn docs_ruleset_md_is_generated_from_the_ruleset() {
    let (code, generated, _) = run(&["rules", "docs"]);
    assert_eq!(code, 0);
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/ruleset.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/ruleset.md is stale: run `cargo run -p accredit -- rules docs > docs/ruleset.md`"
    );
}

#[test]
fn an_expression_whose_text_would_grow_to_gigabytes_is_stopped_at_the_item() {
    let (code, stdout) = score_with("expression-text-bomb", "json");
    assert_eq!(code, 0, "ORG-02 is weighted, so the pack is still ready");
    let r = org_02(&stdout);
    assert_eq!(r["result"], "error");
    let finding = &r["findings"][0];
    let message = finding["message"].as_str().unwrap();
    assert!(
        message.contains("made text too long and was stopped")
            && message.contains("65536-byte limit"),
        "{message}"
    );
    // Located at the customer being checked, not nowhere.
    assert_eq!(finding["file"], "pack.yaml");
    assert!(finding["line"].as_u64().unwrap() > 1, "{finding}");
}
