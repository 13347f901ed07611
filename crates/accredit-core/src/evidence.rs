//! A loaded evidence pack: every file indexed, every evidence document parsed
//! into its type with the places of its nodes, and the diagnostics found.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::location::Location;
use crate::markdown::{MarkdownReport, analyse_markdown};
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

/// Everything read from a pack.
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
    /// The `Pack` document (when exactly one valid one exists).
    pub pack: Option<Located<Pack>>,
    /// `ServiceDesk` documents.
    pub service_desks: Vec<Located<ServiceDesk>>,
    /// `Rota` documents.
    pub rotas: Vec<Located<Rota>>,
    /// `EscalationPlan` documents.
    pub escalation_plans: Vec<Located<EscalationPlan>>,
    /// `EscalationTest` documents.
    pub escalation_tests: Vec<Located<EscalationTest>>,
    /// `ScenarioTest` documents.
    pub scenario_tests: Vec<Located<ScenarioTest>>,
    /// `Procedure` Markdown documents.
    pub procedures: Vec<Located<MarkdownEvidence<Procedure>>>,
    /// `Document` Markdown documents.
    pub documents: Vec<Located<MarkdownEvidence<Document>>>,
    /// `IncidentLog` descriptors.
    pub incident_logs: Vec<Located<CsvExport>>,
    /// `TrainingLog` descriptors.
    pub training_logs: Vec<Located<CsvExport>>,
    /// `ChangeLog` descriptors.
    pub change_logs: Vec<Located<CsvExport>>,
    /// `StaffRegister` descriptors.
    pub staff_registers: Vec<Located<CsvExport>>,
    /// `Waiver` documents.
    pub waivers: Vec<Located<Waiver>>,
    /// Files of each kind that failed validation.
    pub invalid: BTreeMap<Kind, Vec<String>>,
    /// Every relative link in the Markdown evidence, resolved once at load.
    pub links: Vec<crate::load::LinkCheck>,
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

    /// How many valid documents of `kind` were loaded.
    pub fn count(&self, kind: Kind) -> usize {
        match kind {
            Kind::Pack => usize::from(self.pack.is_some()),
            Kind::ServiceDesk => self.service_desks.len(),
            Kind::Rota => self.rotas.len(),
            Kind::EscalationPlan => self.escalation_plans.len(),
            Kind::EscalationTest => self.escalation_tests.len(),
            Kind::ScenarioTest => self.scenario_tests.len(),
            Kind::Procedure => self.procedures.len(),
            Kind::Document => self.documents.len(),
            Kind::IncidentLog => self.incident_logs.len(),
            Kind::TrainingLog => self.training_logs.len(),
            Kind::ChangeLog => self.change_logs.len(),
            Kind::StaffRegister => self.staff_registers.len(),
            Kind::Waiver => self.waivers.len(),
            Kind::Override => 0,
        }
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
