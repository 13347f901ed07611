//! Loading an evidence pack: walk the directory, classify every file by its
//! content, parse and validate evidence, check references and Markdown links,
//! index every file.
//!
//! Nothing outside the pack root is ever opened: the walk never follows links,
//! and every path written in evidence is resolved against the walk's index of
//! regular files, never against the filesystem.

mod document;
mod index;
mod links;
mod overrides;
mod references;
mod several;
mod streamed;
mod walk;

use std::path::Path;

use rayon::prelude::*;

use serde_json::Value;

use crate::diagnostic::{Code, Diagnostic};
pub use crate::evidence::{DigestingReader, StreamedDigests};
use crate::evidence::{Evidence, FileRole, FileType, Located, MarkdownEvidence, PackFile};
use crate::location::Location;
use crate::model::Kind;
use crate::yaml::{NodeIndex, YamlLimits};
pub(crate) use document::yaml_diagnostic;
use document::{FileOutcome, ParsedDocument, decode, read_markdown, read_yaml, typed};
pub use index::{HashedFile, PackDigests, hash_pack};
pub use links::check_links;
pub use overrides::{Overrides, load_overrides};
pub use streamed::files_with_digests;

/// Settings for loading a pack.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Largest YAML or Markdown file read, in bytes (default 16 MiB). CSV
    /// exports are streamed and attachments only hashed, so they have no limit.
    pub max_file_bytes: u64,
    /// Limits on YAML nesting and aliases.
    pub yaml_limits: YamlLimits,
    /// Application ids the ruleset knows; others are diagnostics.
    pub known_applications: Vec<String>,
    /// Leave the digest of each CSV export to the analysis that streams it
    /// (see [`StreamedDigests`]), for a caller that assesses the pack and
    /// takes the evidence index from [`files_with_digests`]. Off, every
    /// file is hashed while the pack loads.
    pub hash_exports_in_stream: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_bytes: 16 * 1024 * 1024,
            yaml_limits: YamlLimits::default(),
            known_applications: Vec::new(),
            hash_exports_in_stream: false,
        }
    }
}

/// Why a pack could not be assessed at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadFailure {
    /// The path is not a directory.
    #[error("`{0}` is not a directory")]
    NotADirectory(String),
}

/// Loads the pack at `root`.
pub fn load_pack(root: &Path, options: &LoadOptions) -> Result<Evidence, LoadFailure> {
    if !root.is_dir() {
        return Err(LoadFailure::NotADirectory(root.display().to_string()));
    }
    let mut evidence = Evidence {
        root: root.to_path_buf(),
        ..Evidence::default()
    };
    let mut diagnostics = Vec::new();
    let found = walk::walk(root, &mut diagnostics);
    if found.is_empty() {
        diagnostics.push(Diagnostic::error(
            Code::EmptyPack,
            "the pack directory holds no files; start one with `accredit init`",
            None,
        ));
    }
    // Files are read and parsed in parallel, then merged in path order, so
    // the result is the same whatever the scheduling.
    let loaded: Vec<LoadedFile> = found
        .par_iter()
        .map(|file| load_file(root, file, options))
        .collect();
    let mut packs: Vec<Located<Value>> = Vec::new();
    // Files not yet hashed: those that may be CSV exports.
    let mut unhashed: Vec<usize> = Vec::new();
    for (file, loaded) in found.iter().zip(loaded) {
        if loaded.hash_later {
            unhashed.push(evidence.files.len());
        }
        let has_diagnostics = !loaded.diagnostics.is_empty();
        diagnostics.extend(loaded.diagnostics);
        match loaded.document {
            Some(Stored::Pack(pack)) => packs.push(pack),
            Some(Stored::Typed(put)) => put(&mut evidence),
            None => {}
        }
        diagnostics.extend(loaded.typing);
        let text = loaded.text.unwrap_or_default();
        // Kept only where a diagnostic may show a snippet of it.
        if has_diagnostics {
            evidence.sources.insert(file.path.clone(), text);
        }
        if let (FileRole::Evidence(kind), false) = (loaded.role, loaded.valid) {
            evidence
                .invalid
                .entry(kind)
                .or_default()
                .push(file.path.clone());
        }
        evidence.files.push(PackFile {
            path: file.path.clone(),
            role: loaded.role,
            bytes: file.bytes,
            sha256: loaded.sha256,
            valid: loaded.valid,
        });
    }
    choose_pack(&mut evidence, packs, &found, &mut diagnostics);
    several::check(&mut evidence, &mut diagnostics);
    references::check(&mut evidence, options, &mut diagnostics);
    hash_or_defer(&mut evidence, &unhashed, &mut diagnostics);
    links::report(&mut evidence, &mut diagnostics);
    diagnostics.sort_by(|a, b| a.location.cmp(&b.location).then(a.code.cmp(&b.code)));
    // A file with an error is invalid in the evidence index, whatever found it.
    for diagnostic in diagnostics.iter().filter(|d| d.is_error()) {
        if let Some(location) = &diagnostic.location
            && let Ok(i) = evidence
                .files
                .binary_search_by(|f| f.path.as_str().cmp(&location.file))
        {
            evidence.files[i].valid = false;
        }
    }
    evidence.diagnostics = diagnostics;
    Ok(evidence)
}

/// What reading one file gave, before it is merged into the evidence.
struct LoadedFile {
    role: FileRole,
    sha256: String,
    valid: bool,
    diagnostics: Vec<Diagnostic>,
    /// The evidence document, already typed, when the file is one.
    document: Option<Stored>,
    /// Why a schema-valid document could not be typed (the schema and the
    /// type disagree: a defect of ours), reported after its other diagnostics.
    typing: Vec<Diagnostic>,
    /// The text of a YAML or Markdown file that was read as evidence (for snippets).
    text: Option<String>,
    /// Not hashed yet: it may be a CSV export, whose digest the analysis
    /// that streams it can make ([`hash_or_defer`]).
    hash_later: bool,
}

fn load_file(root: &Path, file: &walk::FoundFile, options: &LoadOptions) -> LoadedFile {
    let mut out = LoadedFile {
        role: FileRole::Attachment,
        sha256: String::new(),
        valid: true,
        diagnostics: Vec::new(),
        document: None,
        typing: Vec::new(),
        text: None,
        hash_later: false,
    };
    let is_yaml = FileType::of(&file.path) == FileType::Yaml;
    let is_markdown = FileType::of(&file.path) == FileType::Markdown;
    let full = root.join(&file.path);
    if !is_yaml && !is_markdown && options.hash_exports_in_stream {
        out.hash_later = true;
        return out;
    }
    if !is_yaml && !is_markdown {
        match walk::sha256_file(&full, file.bytes) {
            Ok(sha) => out.sha256 = sha,
            Err(error) => {
                out.diagnostics.push(unreadable(&file.path, &error));
                out.valid = false;
            }
        }
        return out;
    }
    if file.bytes > options.max_file_bytes {
        out.diagnostics.push(Diagnostic::error(
            Code::FileTooLarge,
            format!(
                "the file is {} bytes, over the {} byte limit for YAML and Markdown (raise it with --max-file-size)",
                file.bytes, options.max_file_bytes
            ),
            Some(Location::file(&file.path)),
        ));
        out.sha256 = walk::sha256_file(&full, file.bytes).unwrap_or_default();
        out.valid = false;
        return out;
    }
    let bytes = match walk::read_file(&full, file.bytes, options.max_file_bytes) {
        Ok(bytes) => bytes,
        Err(error) => {
            out.diagnostics.push(unreadable(&file.path, &error));
            out.valid = false;
            return out;
        }
    };
    out.sha256 = walk::sha256_bytes(&bytes);
    let text = match decode(&file.path, &bytes) {
        Ok(text) => text,
        Err(diagnostic) => {
            // A Markdown file that does not even start with front matter is an
            // attachment whatever its encoding.
            if !is_markdown || bytes.starts_with(b"---") {
                out.diagnostics.push(diagnostic);
                out.valid = false;
            }
            return out;
        }
    };
    let outcome = if is_yaml {
        read_yaml(&file.path, text, options.yaml_limits, &mut out.diagnostics)
    } else {
        read_markdown(&file.path, text, options.yaml_limits, &mut out.diagnostics)
    };
    let parsed = match outcome {
        FileOutcome::Attachment => return out,
        FileOutcome::Broken => None,
        FileOutcome::Document(parsed) => {
            out.role = FileRole::Evidence(parsed.kind);
            Some(parsed)
        }
    };
    out.valid = !out.diagnostics.iter().any(Diagnostic::is_error);
    // Markdown evidence keeps its text for the document analyses; any file
    // with diagnostics keeps it for snippets.
    if is_markdown || !out.diagnostics.is_empty() {
        out.text = Some(text.to_string());
    }
    // Typed here, in the worker, so the JSON value is dropped as soon as
    // it has been read: only typed documents wait for the merge.
    out.document =
        parsed.and_then(|parsed| typed_document(&file.path, text, parsed, &mut out.typing));
    out
}

/// Hashes the files at `unhashed` (indices into the evidence index) that
/// are not CSV exports, in parallel, and leaves the exports' digests to the
/// analyses that stream them ([`StreamedDigests`]). An export that cannot
/// be opened, or is too large to hash, is hashed (or refused) now, with the
/// same diagnostic as any file.
fn hash_or_defer(evidence: &mut Evidence, unhashed: &[usize], diagnostics: &mut Vec<Diagnostic>) {
    let root = evidence.root.clone();
    let files = &evidence.files;
    let outcomes: Vec<(usize, Option<std::io::Result<String>>)> = unhashed
        .par_iter()
        .map(|&i| {
            let file = &files[i];
            let full = root.join(&file.path);
            let streamed = file.role == FileRole::Export
                && file.bytes <= walk::MAX_HASHED_BYTES
                && std::fs::File::open(&full).is_ok();
            (i, (!streamed).then(|| walk::sha256_file(&full, file.bytes)))
        })
        .collect();
    for (i, outcome) in outcomes {
        let file = &mut evidence.files[i];
        match outcome {
            None => evidence.streamed.defer(&file.path, file.bytes),
            Some(Ok(sha)) => file.sha256 = sha,
            Some(Err(error)) => {
                diagnostics.push(unreadable(&file.path, &error));
                file.valid = false;
            }
        }
    }
}

/// An evidence document read into its type, waiting to be put in its list
/// (in path order, when the files are merged).
enum Stored {
    /// A Pack document, kept untyped until we know there is exactly one.
    Pack(Located<Value>),
    /// A document of any other kind: puts itself in its list.
    Typed(Box<dyn FnOnce(&mut Evidence) + Send>),
}

/// A parsed, schema-valid document as its type (`None` when it is invalid).
fn typed_document(
    file: &str,
    text: &str,
    parsed: ParsedDocument,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Stored> {
    let ParsedDocument { kind, value, index } = parsed;
    if kind == Kind::Pack {
        return Some(Stored::Pack(Located {
            file: file.to_string(),
            value: value.unwrap_or(Value::Null),
            index,
        }));
    }
    let value = value?;
    fn located<T>(file: &str, value: T, index: NodeIndex) -> Located<T> {
        Located {
            file: file.to_string(),
            value,
            index,
        }
    }
    macro_rules! push {
        ($list:ident) => {
            typed(file, value, diagnostics).map(|v| {
                let document = located(file, v, index);
                Stored::Typed(Box::new(move |evidence: &mut Evidence| {
                    evidence.$list.push(document)
                }))
            })
        };
    }
    macro_rules! push_markdown {
        ($list:ident) => {
            typed(file, value, diagnostics).map(|front| {
                let doc = MarkdownEvidence::new(front, text.to_string());
                let document = located(file, doc, index);
                Stored::Typed(Box::new(move |evidence: &mut Evidence| {
                    evidence.$list.push(document)
                }))
            })
        };
    }
    // Each `many` kind of the table goes to its list in the evidence.
    macro_rules! store_by_kind {
        (one $pack:ident => $pack_field:ident: $pack_type:ty, $pack_schema:literal, $pack_doc:literal;
         many { $($kind:ident => $field:ident: $form:ident $type:ty, $schema:literal, $doc:literal;)* }
         apart $apart:ident => $apart_schema:literal, $apart_doc:literal;) => {
            match kind {
                $(Kind::$kind => push_form!($form $field),)*
                Kind::$pack | Kind::$apart => None,
            }
        };
    }
    macro_rules! push_form {
        (yaml $list:ident) => {
            push!($list)
        };
        (markdown $list:ident) => {
            push_markdown!($list)
        };
    }
    crate::model::evidence_kinds!(store_by_kind)
}

/// Exactly one Pack document: none means the pack cannot be assessed.
fn choose_pack(
    evidence: &mut Evidence,
    packs: Vec<Located<Value>>,
    found: &[walk::FoundFile],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let declared = evidence
        .files
        .iter()
        .filter(|f| f.role == FileRole::Evidence(Kind::Pack))
        .count();
    // A YAML file too broken to say its kind may be the Pack: its own error says enough.
    let unclassified = evidence.files.iter().any(|f| {
        FileType::of(&f.path) == FileType::Yaml && !f.valid && f.role == FileRole::Attachment
    });
    if declared == 0 && !found.is_empty() && !unclassified {
        diagnostics.push(Diagnostic::error(
            Code::NoPack,
            "no `kind: Pack` document: add a pack.yaml naming the trust, its desk, its LSP and the assessment start",
            None,
        ));
    }
    if packs.len() > 1 {
        for extra in &packs[1..] {
            diagnostics.push(Diagnostic::error(
                Code::SeveralPacks,
                format!(
                    "a second `kind: Pack` document; the pack already has {}",
                    packs[0].file
                ),
                Some(extra.at("/kind")),
            ));
        }
        return;
    }
    if let Some(pack) = packs.into_iter().next()
        && !pack.value.is_null()
        && let Some(value) = typed(&pack.file, pack.value, diagnostics)
    {
        evidence.pack = Some(Located {
            file: pack.file,
            value,
            index: pack.index,
        });
    }
}

fn unreadable(file: &str, error: &std::io::Error) -> Diagnostic {
    if error.kind() == std::io::ErrorKind::FileTooLarge {
        return Diagnostic::error(
            Code::FileTooLarge,
            format!("{error}; it is not read or hashed"),
            Some(Location::file(file)),
        );
    }
    Diagnostic::error(
        Code::Unreadable,
        format!("cannot read the file: {error}"),
        Some(Location::file(file)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::FileType;

    /// `.YML`, `.Yaml` and `.MD` are read as evidence like their lower-case
    /// forms: the one [`FileType::of`] rule.
    #[test]
    fn upper_case_extensions_are_read_as_evidence() {
        let minimal = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/packs/minimal");
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(minimal.join("pack.yaml"), dir.path().join("PACK.YML")).unwrap();
        std::fs::copy(
            minimal.join("service-desk.yaml"),
            dir.path().join("Service-Desk.Yaml"),
        )
        .unwrap();
        std::fs::write(
            dir.path().join("INCIDENT.MD"),
            "---\napiVersion: accredit/v1\nkind: Procedure\n---\n# Incident\n",
        )
        .unwrap();
        let evidence = load_pack(dir.path(), &LoadOptions::default()).unwrap();
        assert!(evidence.pack.is_some(), "{:#?}", evidence.diagnostics);
        assert_eq!(evidence.count(Kind::ServiceDesk), 1);
        let roles: Vec<FileRole> = evidence.files.iter().map(|f| f.role).collect();
        assert_eq!(
            roles,
            [
                FileRole::Evidence(Kind::Procedure),
                FileRole::Evidence(Kind::Pack),
                FileRole::Evidence(Kind::ServiceDesk),
            ]
        );
        assert_eq!(FileType::of("INCIDENT.MD"), FileType::Markdown);
    }

    /// A broken `PACK.YAML` that cannot say its kind is not also reported as
    /// "no Pack document" (its own error says enough), whatever its case.
    #[test]
    fn a_broken_upper_case_yaml_file_may_be_the_pack() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("PACK.YAML"), "kind: [unclosed\n").unwrap();
        let evidence = load_pack(dir.path(), &LoadOptions::default()).unwrap();
        assert!(evidence.has_errors());
        assert!(
            !evidence.diagnostics.iter().any(|d| d.code == Code::NoPack),
            "{:#?}",
            evidence.diagnostics
        );
    }
}
