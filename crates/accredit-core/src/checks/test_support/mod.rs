//! Test support: the complete fixture pack, loaded once per test, and a way to
//! run one check on it (usually after changing the typed evidence).

pub(crate) mod documents;

use std::path::PathBuf;

use jiff::civil::{Date, date};

use crate::checks::SharedParams;
use crate::checks::{AssessmentWindow, CheckKind, Context, Outcome};
use crate::evidence::Evidence;
use crate::load::{LoadOptions, load_pack};

/// The run date the fixture tests use.
pub(crate) const AS_OF: Date = date(2008, 9, 1);

/// `fixtures/packs/complete`, loaded.
pub(crate) fn complete_pack() -> Evidence {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/packs/complete");
    let options = LoadOptions {
        known_applications: builtin_shared().application_ids(),
        ..LoadOptions::default()
    };
    let evidence = load_pack(&root, &options).expect("the complete pack loads");
    assert!(!evidence.has_errors(), "{:#?}", evidence.diagnostics);
    evidence
}

/// What the checks share from the built-in ruleset (test support is the one
/// place in `checks` that reads a ruleset).
pub(crate) fn builtin_shared() -> SharedParams {
    crate::ruleset::Ruleset::builtin().shared
}

/// Evaluates `check` on `evidence` with the built-in ruleset, as of `as_of`.
pub(crate) fn run(check: &impl CheckKind, evidence: &Evidence, as_of: Date) -> Outcome {
    let ruleset = crate::ruleset::Ruleset::builtin();
    let pack = evidence.pack.as_ref().expect("the pack has a Pack");
    let context = Context {
        evidence,
        pack,
        window: AssessmentWindow {
            start: pack.value.assessment.start,
            days: ruleset.window_days,
        },
        as_of,
        shared: &ruleset.shared,
        cover: Default::default(),
        logs: Default::default(),
    };
    check.evaluate(&context)
}

/// The codes of an outcome's findings, in order.
pub(crate) fn codes(outcome: &Outcome) -> Vec<crate::finding::FindingCode> {
    outcome.findings.iter().map(|f| f.code).collect()
}

/// The `file:line` of the finding at `index`.
pub(crate) fn place(outcome: &Outcome, index: usize) -> String {
    outcome.findings[index]
        .location
        .as_ref()
        .map(|l| format!("{}:{}", l.file, l.line().unwrap_or(0)))
        .unwrap_or_default()
}
