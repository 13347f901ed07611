//! A loaded evidence pack: every file indexed, every evidence document parsed
//! into its type with the places of its nodes, and the diagnostics found.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
pub use crate::digests::{DigestingReader, StreamedDigests};
use crate::location::{Location, Position};
use crate::markdown::{LinkKind, MarkdownReport, analyse_markdown};
use crate::model::{
    CsvExport, Document, EscalationPlan, EscalationTest, Kind, Pack, Procedure, Rota, ScenarioTest,
    ServiceDesk, Waiver,
};
use crate::yaml::NodeIndex;

/// A typed evidence document with the file it came from and its node places.
#[derive(Debug, Clone)]
pub struct Located<T> {
    /// Pack-relative path.
    pub file: String,
    /// The document.
    pub value: T,
    /// Places of its nodes (for YAML front matter, in file lines).
    pub index: NodeIndex,
}

impl<T> Located<T> {
    /// The location of the node at a JSON pointer (or its nearest ancestor).
    pub fn at(&self, pointer: &str) -> Location {
        let p = self.index.locate(pointer);
        Location::at(&self.file, p.line, p.column)
    }

    /// The location of a mapping key at a JSON pointer.
    pub fn at_key(&self, pointer: &str) -> Location {
        let p = self.index.locate_key(pointer);
        Location::at(&self.file, p.line, p.column)
    }

    /// Whether the node at `pointer` was written in the file.
    pub fn has(&self, pointer: &str) -> bool {
        self.index.contains(pointer)
    }
}

/// A Markdown evidence document: its front matter, its whole text and what
/// the Markdown analysis read from it.
#[derive(Debug, Clone)]
pub struct MarkdownEvidence<T> {
    /// Parsed front matter.
    pub front: T,
    /// The whole file text (front matter included), for the document analyses.
    pub text: String,
    /// Outline, links, placeholders and raw HTML of `text`, read once when
    /// the document is loaded (every position is file-relative).
    pub report: MarkdownReport,
}

impl<T> MarkdownEvidence<T> {
    /// A document with its front matter and text; analyses the text.
    pub fn new(front: T, text: String) -> MarkdownEvidence<T> {
        let report = analyse_markdown(&text);
        MarkdownEvidence {
            front,
            text,
            report,
        }
    }
}

/// What a file is by the extension of its name, the one rule for every
/// reader (the pack load, the overrides folder, link checks, the caseload
/// discovery). Extensions compare ignoring ASCII case: the contract names
/// `*.yaml`, `*.yml` and `*.md` without saying case matters, and trusts'
/// editors and exports write `.YML` and `.MD` as often; a file a trust
/// meant as evidence is read as evidence, never skipped as an attachment.
/// `.markdown` is Markdown too, as editors save it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    /// `.yaml` or `.yml`: an evidence document.
    Yaml,
    /// `.md` or `.markdown`: evidence when its front matter names a kind.
    Markdown,
    /// Any other name: never parsed.
    Other,
}

impl FileType {
    /// The type of the file at `path` (a name or a `/`-separated path).
    pub fn of(path: &str) -> FileType {
        let Some((_, extension)) = path.rsplit_once('.') else {
            return FileType::Other;
        };
        let is = |name: &str| extension.eq_ignore_ascii_case(name);
        if is("yaml") || is("yml") {
            FileType::Yaml
        } else if is("md") || is("markdown") {
            FileType::Markdown
        } else {
            FileType::Other
        }
    }
}

/// What a file in the pack is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRole {
    /// An evidence document of a kind.
    Evidence(Kind),
    /// A CSV export named by a log descriptor or rota.
    Export,
    /// Anything else: indexed, never parsed.
    Attachment,
}

impl FileRole {
    /// `evidence`, `export` or `attachment`.
    pub fn as_str(self) -> &'static str {
        match self {
            FileRole::Evidence(_) => "evidence",
            FileRole::Export => "export",
            FileRole::Attachment => "attachment",
        }
    }

    /// The evidence kind, for evidence documents.
    pub fn kind(self) -> Option<Kind> {
        match self {
            FileRole::Evidence(kind) => Some(kind),
            _ => None,
        }
    }
}

/// One file of the pack in the evidence index. In JSON: `path`, `role`
/// (`evidence`, `export`, `attachment`), `kind` (or null), `bytes`, `sha256`, `valid`.
#[derive(Debug, Clone)]
pub struct PackFile {
    /// Pack-relative path, `/`-separated.
    pub path: String,
    /// Its role.
    pub role: FileRole,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256 of its content, lower-case hex.
    pub sha256: String,
    /// Whether it loaded without errors.
    pub valid: bool,
}

/// How a `many` kind of the `evidence_kinds!` table is kept: a YAML document
/// as its type, a Markdown one with its text and analysis.
macro_rules! stored {
    (yaml $type:ty) => {
        $type
    };
    (markdown $type:ty) => {
        MarkdownEvidence<$type>
    };
}

/// The typed front of a stored document (what the schema validated).
macro_rules! front {
    (yaml $doc:expr) => {
        &$doc.value
    };
    (markdown $doc:expr) => {
        &$doc.value.front
    };
}

macro_rules! evidence {
    (one $pack:ident => $pack_field:ident: $pack_type:ty, $pack_schema:literal, $pack_doc:literal;
     many { $($kind:ident => $field:ident: $form:ident $type:ty, $schema:literal, $doc:literal;)* }
     apart $apart:ident => $apart_schema:literal, $apart_doc:literal;) => {
        /// Everything read from a pack: the index of its files, the problems
        /// found, and every valid evidence document by kind.
        #[derive(Debug, Clone, Default)]
        pub struct Evidence {
            /// The pack root as given.
            pub root: PathBuf,
            /// Every regular file, sorted by path.
            pub files: Vec<PackFile>,
            /// Problems found while loading.
            pub diagnostics: Vec<Diagnostic>,
            /// Source text of the YAML and Markdown files that have diagnostics, for snippets.
            pub sources: BTreeMap<String, String>,
            #[doc = concat!("The `", stringify!($pack), "` document (when exactly one valid one exists).")]
            pub $pack_field: Option<Located<$pack_type>>,
            $(
                #[doc = concat!("Every valid `", stringify!($kind), "` document, in path order.")]
                pub $field: Vec<Located<stored!($form $type)>>,
            )*
            /// Files of each kind that failed validation.
            pub invalid: BTreeMap<Kind, Vec<String>>,
            /// Every relative link in the Markdown evidence, resolved once at load.
            pub links: Vec<LinkCheck>,
            /// Every path written in evidence to another pack file (a log
            /// descriptor's `source`, a rota's `shifts`, a report's `sample`),
            /// resolved and confined to the pack once at load: keyed by the
            /// document's file and the JSON pointer of the path, holding the
            /// pack-relative path of an indexed file. A path that names no
            /// file of the pack is absent (and was a load diagnostic).
            pub paths: BTreeMap<(String, String), String>,
            /// The CSV exports whose digests are left to the analyses that
            /// stream them (none unless the load was asked to).
            pub streamed: StreamedDigests,
        }

        impl Evidence {
            /// How many valid documents of `kind` were loaded.
            pub fn count(&self, kind: Kind) -> usize {
                match kind {
                    Kind::$pack => usize::from(self.$pack_field.is_some()),
                    $(Kind::$kind => self.$field.len(),)*
                    Kind::$apart => 0,
                }
            }

            /// Drops the documents of `kind` that came from `files` (found
            /// invalid after loading, e.g. a second ServiceDesk).
            pub(crate) fn drop_documents(&mut self, kind: Kind, files: &[String]) {
                match kind {
                    Kind::$pack => {
                        if self.$pack_field.as_ref().is_some_and(|d| files.contains(&d.file)) {
                            self.$pack_field = None;
                        }
                    }
                    $(Kind::$kind => self.$field.retain(|d| !files.contains(&d.file)),)*
                    Kind::$apart => {}
                }
            }

            /// Every valid document of `kind` as JSON (a Markdown document's
            /// front matter), with its file and node places, in path order.
            pub fn documents_as_json(&self, kind: Kind) -> Vec<JsonDocument<'_>> {
                match kind {
                    Kind::$pack => self.$pack_field.iter().map(|d| JsonDocument::of(d, &d.value)).collect(),
                    $(Kind::$kind => self.$field.iter().map(|d| JsonDocument::of(d, front!($form d))).collect(),)*
                    Kind::$apart => Vec::new(),
                }
            }
        }
    };
}

crate::model::evidence_kinds!(evidence);

/// One evidence document as JSON, for checks written without Rust
/// (`expression`) and for the test that types and schemas agree.
#[derive(Debug, Clone)]
pub struct JsonDocument<'a> {
    /// Pack-relative path of its file.
    pub file: &'a str,
    /// Places of its nodes.
    pub index: &'a NodeIndex,
    /// The typed document serialised back to JSON.
    pub value: serde_json::Value,
}

impl<'a> JsonDocument<'a> {
    fn of<T, F: Serialize>(doc: &'a Located<T>, front: &F) -> JsonDocument<'a> {
        JsonDocument {
            file: &doc.file,
            index: &doc.index,
            value: serde_json::to_value(front).unwrap_or(serde_json::Value::Null),
        }
    }
}

impl Evidence {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// How many files of the pack are invalid (`valid: false` in the index),
    /// counting a problem that concerns no file (an empty pack) as one.
    pub fn invalid_file_count(&self) -> usize {
        let files = self.files.iter().filter(|f| !f.valid).count();
        let unplaced = self
            .diagnostics
            .iter()
            .any(|d| d.is_error() && d.location.is_none());
        files + usize::from(unplaced && files == 0)
    }

    /// Files of `kind` that failed validation.
    pub fn invalid_files(&self, kind: Kind) -> &[String] {
        self.invalid.get(&kind).map_or(&[], Vec::as_slice)
    }

    /// The pack file named by the path written at `pointer` in `doc`, as
    /// resolved at load (see [`Evidence::paths`]); `None` when it names none.
    pub fn path_at<T>(&self, doc: &Located<T>, pointer: &str) -> Option<&str> {
        self.paths
            .get(&(doc.file.clone(), pointer.to_string()))
            .map(String::as_str)
    }

    /// The absolute path of a pack file that the walk indexed as a regular file.
    /// Returns `None` for anything not in the index, so nothing outside the pack
    /// (or behind a link) is ever opened.
    pub fn indexed_path(&self, path: &str) -> Option<PathBuf> {
        self.files
            .binary_search_by(|f| f.path.as_str().cmp(path))
            .ok()
            .map(|_| self.root.join(path))
    }
}

impl Serialize for PackFile {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("PackFile", 6)?;
        out.serialize_field("path", &self.path)?;
        out.serialize_field("role", self.role.as_str())?;
        out.serialize_field("kind", &self.role.kind().map(Kind::name))?;
        out.serialize_field("bytes", &self.bytes)?;
        out.serialize_field("sha256", &self.sha256)?;
        out.serialize_field("valid", &self.valid)?;
        out.end()
    }
}

/// A relative link in a Procedure or Document, and whether it resolves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkCheck {
    /// The linking document, pack-relative.
    pub file: String,
    /// A link or an image.
    pub kind: LinkKind,
    /// The destination as written.
    pub destination: String,
    /// Where the link is in the file.
    pub position: Position,
    /// Why it does not resolve; `None` when it does.
    pub broken: Option<BrokenLink>,
}

/// Why a link does not resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrokenLink {
    /// The destination is an absolute path.
    Absolute,
    /// The destination climbs out of the pack.
    OutsidePack,
    /// No file or folder in the pack has that path.
    NoSuchFile {
        /// The pack path looked for.
        path: String,
        /// A file of a similar name in the same folder, if there is one.
        suggestion: Option<String>,
    },
    /// The Markdown file has no heading with that anchor.
    NoSuchAnchor {
        /// The pack path of the file (the linking file for `#anchor`).
        path: String,
        /// The anchor, without `#`.
        anchor: String,
        /// Whether the link points into its own document.
        same_document: bool,
    },
}

impl BrokenLink {
    /// Why, in words.
    pub fn reason(&self) -> String {
        match self {
            BrokenLink::Absolute => "it is an absolute path; write it relative to this file".into(),
            BrokenLink::OutsidePack => {
                "it leads outside the pack; nothing outside the pack is read".into()
            }
            BrokenLink::NoSuchFile {
                suggestion: Some(name),
                ..
            } => format!("no such file in the pack; did you mean {name}?"),
            BrokenLink::NoSuchFile { .. } => "no such file in the pack".into(),
            BrokenLink::NoSuchAnchor {
                same_document: true,
                anchor,
                ..
            } => format!("this document has no heading with the anchor #{anchor}"),
            BrokenLink::NoSuchAnchor { path, anchor, .. } => {
                format!("{path} has no heading with the anchor #{anchor}")
            }
        }
    }
}

impl LinkCheck {
    /// Where the link is.
    pub fn location(&self) -> Location {
        Location::at(&self.file, self.position.line, self.position.column)
    }

    /// "link to changes.md at line 12 does not resolve (no such file in the
    /// pack)", for a broken link.
    pub fn message(&self) -> Option<String> {
        let broken = self.broken.as_ref()?;
        let what = match self.kind {
            LinkKind::Link => "link to",
            LinkKind::Image => "image",
        };
        Some(format!(
            "{what} {} at line {} does not resolve ({})",
            self.destination,
            self.position.line,
            broken.reason()
        ))
    }
}

#[cfg(test)]
mod file_type_tests {
    use super::FileType;

    #[test]
    fn file_types_go_by_the_extension_ignoring_case() {
        for yaml in ["pack.yaml", "rota.yml", "logs/INCIDENTS.YML", "Desk.Yaml"] {
            assert_eq!(FileType::of(yaml), FileType::Yaml, "{yaml}");
        }
        for markdown in ["incident.md", "docs/CHANGE.MD", "guide.markdown"] {
            assert_eq!(FileType::of(markdown), FileType::Markdown, "{markdown}");
        }
        for other in [
            "incidents.csv",
            "yaml",
            "notes.yaml.bak",
            "folder.yml/readme.txt",
            ".md.pdf",
            "README",
            "",
        ] {
            assert_eq!(FileType::of(other), FileType::Other, "{other}");
        }
    }
}
