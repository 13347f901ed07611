//! Test helpers for the document checks: Procedures and Documents built from
//! front matter and a body, a pack around them, and a check run against it
//! (window 2008-10-06 to 2008-12-28, run date 2008-09-01).

use jiff::civil::{Date, date};
use serde::de::DeserializeOwned;

use crate::checks::{Check, Outcome};
use crate::evidence::{Evidence, FileRole, Located, MarkdownEvidence, PackFile};
use crate::model::{Document, Kind, Pack, Procedure};
use crate::yaml::{YamlLimits, parse_document};

/// The run date of every test.
pub(crate) const AS_OF: Date = date(2008, 9, 1);

/// A Markdown evidence document: `---`, `front` (YAML lines, `kind` first),
/// `---`, then `body`.
pub(crate) fn markdown<T: DeserializeOwned>(
    file: &str,
    front: &str,
    body: &str,
) -> Located<MarkdownEvidence<T>> {
    let text = format!("---\n{front}---\n{body}");
    let document = parse_document(front, 2, YamlLimits::default()).expect("front matter parses");
    let mut value = document.value;
    if let Some(map) = value.as_object_mut() {
        map.shift_remove("kind");
    }
    let front: T = serde_json::from_value(value).expect("front matter is typed");
    Located {
        file: file.to_owned(),
        value: MarkdownEvidence::new(front, text),
        index: document.index,
    }
}

/// Document control used by [`procedure`] and [`document`] (lines 4 to 8).
const CONTROL: &str = "version: \"1.0\"\nowner: Desk Manager\napproved_by: Head of IT\napproved_on: 2008-06-02\nreview_due: 2009-06-30\n";

/// A Procedure with complete control; its body starts on line 11.
pub(crate) fn procedure(
    file: &str,
    process: &str,
    body: &str,
) -> Located<MarkdownEvidence<Procedure>> {
    markdown(
        file,
        &format!("kind: Procedure\nprocess: {process}\ntitle: A procedure\n{CONTROL}"),
        body,
    )
}

/// A Document of `document_type` with complete control; its body starts on line 11.
pub(crate) fn document(
    file: &str,
    document_type: &str,
    body: &str,
) -> Located<MarkdownEvidence<Document>> {
    markdown(
        file,
        &format!("kind: Document\ntype: {document_type}\ntitle: A document\n{CONTROL}"),
        body,
    )
}

/// The pack document of every test pack: four applications in scope.
pub(crate) fn pack() -> Located<Pack> {
    let yaml = "organisation: {name: Test Trust, ods_code: RZZ}\nservice_desk: {name: Test Desk}\nlsp: {name: BT Health}\napplications_in_scope: [care-records-service, choose-and-book, electronic-prescription-service, pacs]\nassessment: {start: 2008-10-06}\n";
    let document = parse_document(yaml, 1, YamlLimits::default()).expect("pack parses");
    Located {
        file: "pack.yaml".to_owned(),
        value: serde_json::from_value(document.value).expect("pack is typed"),
        index: document.index,
    }
}

/// Evidence holding the pack, these documents and the `other_files`
/// (attachments), every one of them indexed.
pub(crate) fn evidence_with_files(
    procedures: Vec<Located<MarkdownEvidence<Procedure>>>,
    documents: Vec<Located<MarkdownEvidence<Document>>>,
    other_files: &[&str],
) -> Evidence {
    let mut files: Vec<PackFile> = procedures
        .iter()
        .map(|p| (p.file.as_str(), FileRole::Evidence(Kind::Procedure)))
        .chain(
            documents
                .iter()
                .map(|d| (d.file.as_str(), FileRole::Evidence(Kind::Document))),
        )
        .chain(other_files.iter().map(|f| (*f, FileRole::Attachment)))
        .chain(std::iter::once((
            "pack.yaml",
            FileRole::Evidence(Kind::Pack),
        )))
        .map(|(path, role)| PackFile {
            path: path.to_owned(),
            role,
            bytes: 0,
            sha256: String::new(),
            valid: true,
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let mut evidence = Evidence {
        files,
        pack: Some(pack()),
        procedures,
        documents,
        ..Evidence::default()
    };
    // As loading does: every link is resolved once and kept on the evidence.
    evidence.links = crate::load::check_links(&evidence);
    evidence
}

/// Evidence holding the pack and these documents.
pub(crate) fn evidence(
    procedures: Vec<Located<MarkdownEvidence<Procedure>>>,
    documents: Vec<Located<MarkdownEvidence<Document>>>,
) -> Evidence {
    evidence_with_files(procedures, documents, &[])
}

/// Runs `check` on `evidence` with the built-in ruleset.
pub(crate) fn run(check: &Check, evidence: &Evidence) -> Outcome {
    run_with(check, evidence, AS_OF)
}

/// Runs `check` on `evidence` with the built-in ruleset, on the run date `as_of`.
pub(crate) fn run_with(check: &Check, evidence: &Evidence, as_of: Date) -> Outcome {
    super::in_context(evidence, as_of, |context| check.evaluate(context))
}
