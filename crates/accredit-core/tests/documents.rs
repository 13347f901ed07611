//! The documentation requirements (ITIL-01..08, DOC-01..05, NAK-02, CHG-02)
//! on the complete pack, on its one-defect overlays, and on broken Markdown:
//! exact findings with their places, credits, and never a crash.

use std::path::Path;

use accredit_core::assess::{Assessment, RequirementResult, assess};
use accredit_core::diagnostic::{Code, Severity};
use accredit_core::evidence::Evidence;
use accredit_core::fixtures::{copy_tree, pack_dir, repository};
use accredit_core::load::{LoadOptions, load_pack};
use accredit_core::ruleset::Ruleset;

/// The requirements this suite is about.
const DOCUMENT_REQUIREMENTS: [&str; 15] = [
    "ITIL-01", "ITIL-02", "ITIL-03", "ITIL-04", "ITIL-05", "ITIL-06", "ITIL-07", "ITIL-08",
    "DOC-01", "DOC-02", "DOC-03", "DOC-04", "DOC-05", "NAK-02", "CHG-02",
];

/// The complete pack with a ruleset-test overlay laid over it, in a temp dir.
fn with_overlay(overlay: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&pack_dir("complete"), dir.path());
    if !overlay.is_empty() {
        copy_tree(
            &repository()
                .join("fixtures/ruleset-tests/overlays")
                .join(overlay),
            dir.path(),
        );
    }
    dir
}

fn load(dir: &Path) -> Evidence {
    let options = LoadOptions {
        known_applications: Ruleset::builtin().application_ids(),
        ..LoadOptions::default()
    };
    load_pack(dir, &options).unwrap()
}

fn assessed(dir: &Path) -> Assessment {
    assess(
        &load(dir),
        &Ruleset::builtin(),
        "2008-09-01".parse().unwrap(),
    )
    .unwrap()
}

fn result<'a>(assessment: &'a Assessment, id: &str) -> &'a RequirementResult {
    assessment
        .requirements
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("{id} is not in the ruleset"))
}

/// `file:line:column: message` of each finding.
fn findings(result: &RequirementResult) -> Vec<String> {
    result
        .findings
        .iter()
        .map(|f| {
            format!(
                "{}:{}:{}: {}",
                f.file.as_deref().unwrap_or("-"),
                f.line.unwrap_or(0),
                f.column.unwrap_or(0),
                f.message
            )
        })
        .collect()
}

#[test]
fn the_complete_pack_meets_every_documentation_requirement_without_warnings() {
    let dir = with_overlay("");
    let evidence = load(dir.path());
    assert!(
        evidence.diagnostics.is_empty(),
        "{:#?}",
        evidence.diagnostics
    );
    let assessment = assessed(dir.path());
    for id in DOCUMENT_REQUIREMENTS {
        let r = result(&assessment, id);
        assert_eq!(r.result.as_str(), "pass", "{id}: {:?}", findings(r));
        assert!(r.findings.is_empty(), "{id}: {:?}", findings(r));
    }
}

#[test]
fn a_change_procedure_without_clinical_impact_names_the_section_at_its_title() {
    let dir = with_overlay("itil-02-no-clinical-impact");
    let assessment = assessed(dir.path());
    let r = result(&assessment, "ITIL-02");
    assert_eq!(r.result.as_str(), "partial");
    assert!((r.credit - 0.8571).abs() < 1e-4, "{}", r.credit);
    assert_eq!(
        findings(r),
        [
            "procedures/change.md:12:1: procedures/change.md has no \"clinical impact\" section (it has: purpose, scope, roles, assessment and approval, scheduling, review)"
        ]
    );
    assert_eq!(assessment.verdict.as_str(), "not-ready");
}

#[test]
fn a_tbc_is_reported_at_its_line_and_credit_is_the_share_of_clean_documents() {
    let dir = with_overlay("doc-02-tbc-placeholder");
    let assessment = assessed(dir.path());
    let r = result(&assessment, "DOC-02");
    assert_eq!(r.result.as_str(), "partial");
    // 15 Procedures and Documents, one with a placeholder.
    assert!((r.credit - 14.0 / 15.0).abs() < 1e-4, "{}", r.credit);
    assert_eq!(
        findings(r),
        [
            "procedures/incident.md:63:17: placeholder text \"TBC\" left in procedures/incident.md: \"Manager (deputy TBC) is made for every severity…\""
        ]
    );
}

#[test]
fn a_link_to_changes_md_is_a_finding_and_a_validation_warning() {
    let dir = with_overlay("doc-03-link-to-changes-md");
    let evidence = load(dir.path());
    let message = "link to changes.md#review at line 46 does not resolve (no such file in the pack; did you mean change.md?)";
    let warnings: Vec<String> = evidence
        .diagnostics
        .iter()
        .map(|d| {
            assert_eq!((d.code, d.severity), (Code::BrokenLink, Severity::Warning));
            format!("{}: {}", d.location.as_ref().unwrap(), d.message)
        })
        .collect();
    assert_eq!(warnings, [format!("procedures/problem.md:46:1: {message}")]);
    assert!(!evidence.has_errors());
    let assessment = assessed(dir.path());
    let r = result(&assessment, "DOC-03");
    assert_eq!(r.result.as_str(), "partial");
    assert_eq!(
        findings(r),
        [format!("procedures/problem.md:46:1: {message}")]
    );
    assert!(r.credit > 0.9 && r.credit < 1.0, "{}", r.credit);
}

#[test]
fn a_review_date_inside_the_window_fails_doc_01_at_the_field() {
    let dir = with_overlay("doc-01-review-due-in-window");
    let assessment = assessed(dir.path());
    let r = result(&assessment, "DOC-01");
    assert_eq!(r.result.as_str(), "partial");
    assert_eq!(
        findings(r),
        ["documents/sla.md:9:13: review due 2008-11-30, before the window ends 2008-12-28"]
    );
    assert_eq!(assessment.verdict.as_str(), "not-ready");
}

#[test]
fn a_missing_knowledge_article_names_the_application() {
    let dir = with_overlay("nak-02-no-pacs-article");
    let assessment = assessed(dir.path());
    let r = result(&assessment, "NAK-02");
    assert_eq!(r.result.as_str(), "partial");
    assert_eq!(r.credit, 0.75);
    assert_eq!(
        findings(r),
        [
            "pack.yaml:22:5: no `knowledge-article` Document covers Picture Archiving and Communications System (PACS): add one with `type: knowledge-article` and `application: pacs`"
        ]
    );
}

/// Broken Markdown is reported, never a crash: bad front matter YAML is a
/// diagnostic at its line and makes the requirements reading Procedures
/// `error`; an unclosed front matter, non-UTF-8 bytes, a body with no
/// headings, a 1 MB paragraph and raw HTML are all read without panicking.
#[test]
fn broken_markdown_is_reported_never_a_crash() {
    let dir = with_overlay("");
    let procedures = dir.path().join("procedures");
    let control = "version: \"1\"\nowner: O\napproved_by: A\napproved_on: 2008-06-02\nreview_due: 2009-06-30\n";
    std::fs::write(
        procedures.join("access.md"),
        format!(
            "---\nkind: Procedure\nprocess: access\ntitle: Access\n{control}---\n{}\n\n<script>alert('x')</script>\n<div onclick=\"x()\">TODO</div>\n",
            "word ".repeat(200_000)
        ),
    )
    .unwrap();
    std::fs::write(
        procedures.join("unclosed.md"),
        "---\nkind: Procedure\nprocess: request\n# Request\n",
    )
    .unwrap();
    std::fs::write(
        procedures.join("latin1.md"),
        b"---\nkind: Procedure\ntitle: Caf\xe9\n---\n",
    )
    .unwrap();
    let evidence = load(dir.path());
    let errors: Vec<String> = evidence
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{}: {}", d.location.as_ref().unwrap(), d.code.as_str()))
        .collect();
    assert_eq!(
        errors,
        [
            "procedures/latin1.md:3:11: not-utf8",
            "procedures/unclosed.md:1:1: front-matter"
        ]
    );
    let assessment = assessed(dir.path());
    let r = result(&assessment, "DOC-02");
    assert_eq!(r.result.as_str(), "partial");
    assert_eq!(r.findings[0].file.as_deref(), Some("procedures/access.md"));
    assert_eq!(r.findings[0].line, Some(14));
    for id in DOCUMENT_REQUIREMENTS
        .into_iter()
        .filter(|id| *id != "DOC-02")
    {
        assert_eq!(result(&assessment, id).result.as_str(), "pass", "{id}");
    }

    // Front matter that is not YAML: a diagnostic at its line; the file
    // cannot say its kind, so it is not counted as a Procedure.
    std::fs::write(
        procedures.join("bad-yaml.md"),
        "---\nkind: Procedure\nprocess: incident\ntitle: [Incident\n---\n# Incident\n",
    )
    .unwrap();
    let evidence = load(dir.path());
    let yaml = evidence
        .diagnostics
        .iter()
        .find(|d| {
            d.location
                .as_ref()
                .is_some_and(|l| l.file == "procedures/bad-yaml.md")
        })
        .expect("a diagnostic for the bad YAML");
    assert_eq!(yaml.code, Code::YamlSyntax);
    assert!(
        yaml.location
            .as_ref()
            .and_then(|l| l.line())
            .is_some_and(|line| line >= 4)
    );
    assert_eq!(
        result(&assessed(dir.path()), "ITIL-01").result.as_str(),
        "pass"
    );

    // A Procedure whose front matter breaks its schema is invalid: every
    // requirement that reads Procedures is `error`.
    std::fs::write(
        procedures.join("bad-schema.md"),
        "---\nkind: Procedure\nprocess: incidents\ntitle: Incident\n---\n# Incident\n",
    )
    .unwrap();
    let assessment = assessed(dir.path());
    for id in ["ITIL-01", "ITIL-07", "DOC-01", "DOC-02", "DOC-03", "DOC-05"] {
        assert_eq!(result(&assessment, id).result.as_str(), "error", "{id}");
    }
    assert_eq!(result(&assessment, "ITIL-08").result.as_str(), "pass");
}
