//! `accredit validate`: exit codes and exact diagnostics, line and column
//! included, for the complete pack and every one-defect pack.

use super::{pack, run};

fn validate(name: &str) -> (i32, String) {
    let dir = pack(name);
    let (code, stdout, stderr) = run(&["validate", dir.to_str().unwrap()]);
    assert!(stderr.is_empty(), "unexpected stderr: {stderr}");
    (code, stdout)
}

/// The diagnostic lines (everything but the summary line).
fn diagnostics(stdout: &str) -> Vec<&str> {
    let lines: Vec<&str> = stdout.lines().collect();
    lines[..lines.len().saturating_sub(1)].to_vec()
}

#[test]
fn complete_pack_is_valid() {
    let (code, stdout) = validate("complete");
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.ends_with(": 0 errors, 0 warnings\n"), "{stdout}");
}

#[test]
fn minimal_pack_is_valid() {
    let (code, stdout) = validate("minimal");
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(
        stdout,
        "2 files, 2 evidence documents: 0 errors, 0 warnings\n"
    );
}

/// Each defect pack: its exit code and exact diagnostics.
#[test]
fn each_defect_is_reported_at_its_line_and_column() {
    let cases: &[(&str, i32, &[&str])] = &[
        (
            "defect-malformed-yaml",
            1,
            &[
                "service-desk.yaml:5:26: error[yaml-syntax]: malformed YAML: mapping values are not allowed in this context",
            ],
        ),
        (
            "defect-duplicate-key",
            1,
            &["pack.yaml:14:3: error[duplicate-key]: the same key appears twice in one mapping"],
        ),
        (
            "defect-alias-bomb",
            1,
            &[
                "laughs.yaml:9:36: error[alias-limit]: aliases (`*name`) expand to too many values; write the values out instead",
            ],
        ),
        (
            "defect-deep-nesting",
            1,
            &["deep.yaml:7:129: error[nesting-too-deep]: nesting deeper than 64 levels"],
        ),
        (
            "defect-invalid-utf8",
            1,
            &["pack.yaml:7:42: error[not-utf8]: the file is not UTF-8 text; save it as UTF-8"],
        ),
        (
            "defect-unknown-kind",
            1,
            &[
                "rota.yaml:2:7: error[unknown-kind]: unknown kind `Roster`; expected one of Pack, ServiceDesk, Rota, EscalationPlan, EscalationTest, ScenarioTest, IncidentLog, TrainingLog, ChangeLog, StaffRegister, Waiver",
            ],
        ),
        (
            "defect-unknown-api-version",
            1,
            &[
                "service-desk.yaml:1:13: error[unknown-api-version]: apiVersion \"accredit/v2\" is not supported; this tool reads `accredit/v1`",
            ],
        ),
        (
            "defect-no-pack",
            2,
            &[
                "pack: error[no-pack]: no `kind: Pack` document: add a pack.yaml naming the trust, its desk, its LSP and the assessment start",
            ],
        ),
        (
            "defect-two-packs",
            1,
            &[
                "pack.yaml:2:7: error[several-packs]: a second `kind: Pack` document; the pack already has archive/pack-2007.yaml",
            ],
        ),
        (
            "defect-impossible-date",
            1,
            &[
                "pack.yaml:13:10: error[invalid-date]: assessment.start: `2008-02-30` is not a real date written YYYY-MM-DD",
            ],
        ),
        (
            "defect-unknown-timezone",
            1,
            &[
                "rota.yaml:3:11: error[unknown-timezone]: `Europe/Londn` is not a time zone in the IANA database (for England and Wales use Europe/London)",
            ],
        ),
        (
            "defect-absolute-path",
            1,
            &[
                "service-desk.yaml:13:13: error[path-absolute]: `/etc/passwd` is an absolute path; write it relative to this file",
            ],
        ),
        (
            "defect-path-escapes",
            1,
            &[
                "service-desk.yaml:13:13: error[path-outside-pack]: `../../outside.pdf` leads outside the pack; nothing outside the pack is read",
            ],
        ),
        (
            "defect-missing-sample",
            1,
            &[
                "service-desk.yaml:13:13: error[path-not-found]: `samples/monthly-incident-report.pdf` does not exist in the pack (looked for samples/monthly-incident-report.pdf)",
            ],
        ),
        (
            "defect-symlink",
            1,
            &[
                "samples/weekly-report.pdf: error[symlink]: symbolic link to the absolute path `/etc/hostname`; links are never followed — copy the file into the pack",
            ],
        ),
        (
            "defect-schema",
            1,
            &[
                "escalation-plan.yaml:16:5: error[schema]: levels[1].party is required",
                "escalation-plan.yaml:26:7: error[schema]: levels[2].contact.phnoe is not a known field",
            ],
        ),
        (
            "defect-unknown-application",
            1,
            &[
                "pack.yaml:12:5: error[unknown-application]: `summary-care-record` is not an application the ruleset knows (care-records-service, choose-and-book, electronic-prescription-service, pacs)",
            ],
        ),
    ];
    for (name, expected_code, expected) in cases {
        let (code, stdout) = validate(name);
        assert_eq!(diagnostics(&stdout), *expected, "{name}");
        assert_eq!(code, *expected_code, "{name}: {stdout}");
    }
}

#[test]
fn a_file_over_the_size_limit_is_reported_not_read() {
    let dir = pack("minimal");
    let (code, stdout, _) = run(&["validate", dir.to_str().unwrap(), "--max-file-size", "100"]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("pack.yaml: error[file-too-large]: the file is "),
        "{stdout}"
    );
}

#[test]
fn an_empty_directory_cannot_be_assessed() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, _) = run(&["validate", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        stdout.starts_with("pack: error[empty-pack]: the pack directory holds no files"),
        "{stdout}"
    );
}

#[test]
fn a_missing_directory_cannot_be_assessed() {
    let (code, stdout, stderr) = run(&["validate", "/definitely/not/here"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert_eq!(stderr, "error: `/definitely/not/here` is not a directory\n");
}

#[test]
fn hidden_entries_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = pack("minimal");
    for file in ["pack.yaml", "service-desk.yaml"] {
        std::fs::copy(minimal.join(file), dir.path().join(file)).unwrap();
    }
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join(".git/config.yaml"), "not: evidence").unwrap();
    let (code, stdout, _) = run(&["validate", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}");
}

/// A Markdown link to a file that is not in the pack is a `broken-link`
/// warning at the link: the pack is still valid.
#[test]
fn a_broken_markdown_link_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let complete = pack("complete");
    let problem = std::fs::read_to_string(complete.join("procedures/problem.md"))
        .unwrap()
        .replace("(change.md#review)", "(changes.md#review)");
    super::copy(&complete, dir.path());
    std::fs::write(dir.path().join("procedures/problem.md"), problem).unwrap();
    let (code, stdout, _) = run(&["validate", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(
        diagnostics(&stdout),
        [
            "procedures/problem.md:46:1: warning[broken-link]: link to changes.md#review at line 46 does not resolve (no such file in the pack; did you mean change.md?)"
        ]
    );
    assert!(stdout.ends_with(": 0 errors, 1 warning\n"), "{stdout}");
}
