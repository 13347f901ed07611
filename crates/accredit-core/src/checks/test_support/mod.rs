//! Test support: the complete fixture pack, loaded once per test, and a way to
//! run one check on it (usually after changing the typed evidence).

pub(crate) mod documents;

use std::path::Path;

use jiff::civil::{Date, date};

use crate::checks::SharedParams;
use crate::checks::{AssessmentWindow, CheckKind, Context, Outcome};
use crate::evidence::{Evidence, Located, MarkdownEvidence};
use crate::load::{LoadOptions, load_pack};
use crate::model::{Document, Procedure};

/// The run date the fixture tests use.
pub(crate) const AS_OF: Date = date(2008, 9, 1);

/// `fixtures/packs/complete`, loaded.
pub(crate) fn complete_pack() -> Evidence {
    let evidence = fixture_pack("complete");
    assert!(!evidence.has_errors(), "{:#?}", evidence.diagnostics);
    evidence
}

/// `fixtures/packs/<name>`, loaded (diagnostics and all).
pub(crate) fn fixture_pack(name: &str) -> Evidence {
    load(&crate::fixtures::pack_dir(name))
}

/// The pack at `root`, loaded as `accredit` loads it (with the built-in
/// ruleset's applications).
fn load(root: &Path) -> Evidence {
    let options = LoadOptions {
        known_applications: builtin_shared().application_ids(),
        ..LoadOptions::default()
    };
    load_pack(root, &options).expect("the pack loads")
}

/// What the checks share from the built-in ruleset (test support is the one
/// place in `checks` that reads a ruleset).
pub(crate) fn builtin_shared() -> SharedParams {
    crate::ruleset::Ruleset::builtin().shared
}

/// Evaluates `check` on `evidence` with the built-in ruleset, as of `as_of`.
pub(crate) fn run(check: &impl CheckKind, evidence: &Evidence, as_of: Date) -> Outcome {
    in_context(evidence, as_of, |context| check.evaluate(context))
}

/// Calls `f` with the context of one assessment of `evidence` with the
/// built-in ruleset, as of `as_of`: checks evaluated in it share its analyses.
pub(crate) fn in_context<T>(
    evidence: &Evidence,
    as_of: Date,
    f: impl FnOnce(&Context<'_>) -> T,
) -> T {
    in_context_with(evidence, as_of, &builtin_shared(), f)
}

/// [`in_context`] with what the checks share given (as a ruleset other
/// than the built-in one would derive it). The window is the pack's start
/// and the built-in ruleset's length.
pub(crate) fn in_context_with<T>(
    evidence: &Evidence,
    as_of: Date,
    shared: &SharedParams,
    f: impl FnOnce(&Context<'_>) -> T,
) -> T {
    let pack = evidence.pack.as_ref().expect("the pack has a Pack");
    let context = Context {
        evidence,
        pack,
        window: AssessmentWindow {
            start: pack.value.assessment.start,
            days: crate::ruleset::Ruleset::builtin().window_days,
        },
        as_of,
        shared,
        cover: Default::default(),
        rehearsals: Default::default(),
        logs: Default::default(),
    };
    f(&context)
}

/// The Procedure loaded from `file`, to change it.
pub(crate) fn procedure_mut<'a>(
    evidence: &'a mut Evidence,
    file: &str,
) -> &'a mut Located<MarkdownEvidence<Procedure>> {
    (evidence.procedures.iter_mut())
        .find(|p| p.file == file)
        .unwrap_or_else(|| panic!("the pack has no Procedure {file}"))
}

/// The Document loaded from `file`, to change it.
pub(crate) fn document_mut<'a>(
    evidence: &'a mut Evidence,
    file: &str,
) -> &'a mut Located<MarkdownEvidence<Document>> {
    (evidence.documents.iter_mut())
        .find(|d| d.file == file)
        .unwrap_or_else(|| panic!("the pack has no Document {file}"))
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

/// The codes of an outcome's findings by name, in order (names survive any
/// change to how the codes are declared).
pub(crate) fn code_names(outcome: &Outcome) -> Vec<&'static str> {
    outcome.findings.iter().map(|f| f.code.name()).collect()
}

/// The measured value and target of a measured outcome.
pub(crate) fn measure(outcome: &Outcome) -> (f64, f64) {
    let measured = outcome.measured.as_ref().expect("the outcome is measured");
    (measured.value, measured.target)
}

/// A copy of `fixtures/packs/complete` in a temporary directory, for tests
/// that change files the checks read from disk (the CSV exports, samples).
/// Keep it alive while its evidence is used: the logs are streamed from it.
pub(crate) struct TempPack {
    dir: tempfile::TempDir,
}

impl TempPack {
    /// The complete pack, copied.
    pub(crate) fn complete() -> TempPack {
        let dir = tempfile::tempdir().expect("a temporary directory");
        crate::fixtures::copy_tree(&crate::fixtures::pack_dir("complete"), dir.path());
        TempPack { dir }
    }

    /// Writes `text` to the pack file `path` (replacing it if it exists).
    pub(crate) fn write(self, path: &str, text: &str) -> TempPack {
        let full = self.dir.path().join(path);
        std::fs::create_dir_all(full.parent().expect("a pack path has a parent"))
            .expect("the folder is made");
        std::fs::write(full, text).expect("the file is written");
        self
    }

    /// Removes the pack file `path`.
    pub(crate) fn remove(self, path: &str) -> TempPack {
        std::fs::remove_file(self.dir.path().join(path)).expect("the file is removed");
        self
    }

    /// The pack as it now is, loaded.
    pub(crate) fn load(&self) -> Evidence {
        load(self.dir.path())
    }
}
