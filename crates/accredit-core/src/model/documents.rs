//! The `Procedure` and `Document` kinds: Markdown with front matter.

use serde::{Deserialize, Serialize};

use super::common::DocumentControl;

/// Front matter of a `kind: Procedure` Markdown file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Procedure {
    /// The ITIL process it documents.
    pub process: Process,
    /// The procedure's title, as the report names it.
    pub title: String,
    /// Version, owner and approval.
    #[serde(flatten)]
    pub control: DocumentControl,
}

/// ITIL processes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Process {
    /// Incident management.
    Incident,
    /// Problem management.
    Problem,
    /// Change management.
    Change,
    /// Release management.
    Release,
    /// Configuration management.
    Configuration,
    /// Service-level management.
    ServiceLevel,
    /// Knowledge management.
    Knowledge,
    /// Access management.
    Access,
    /// Request fulfilment.
    Request,
    /// Service continuity.
    Continuity,
}

impl Process {
    /// The name as written in evidence.
    pub fn as_str(self) -> &'static str {
        match self {
            Process::Incident => "incident",
            Process::Problem => "problem",
            Process::Change => "change",
            Process::Release => "release",
            Process::Configuration => "configuration",
            Process::ServiceLevel => "service-level",
            Process::Knowledge => "knowledge",
            Process::Access => "access",
            Process::Request => "request",
            Process::Continuity => "continuity",
        }
    }
}

/// Front matter of a `kind: Document` Markdown file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// What sort of document it is.
    #[serde(rename = "type")]
    pub document_type: DocumentType,
    /// The document's title, as the report names it.
    pub title: String,
    /// For a knowledge article: the application it covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<String>,
    /// Version, owner and approval.
    #[serde(flatten)]
    pub control: DocumentControl,
}

/// Types of supporting document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentType {
    /// The desk's documentation standard.
    DocumentationStandard,
    /// The critical review of compliance with ITIL.
    ItilReview,
    /// A service level agreement.
    Sla,
    /// A knowledge article about an application.
    KnowledgeArticle,
    /// The forward schedule of change.
    ForwardScheduleOfChange,
    /// A KPI report.
    KpiReport,
    /// Anything else.
    Other,
}

impl DocumentType {
    /// The name as written in evidence.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentType::DocumentationStandard => "documentation-standard",
            DocumentType::ItilReview => "itil-review",
            DocumentType::Sla => "sla",
            DocumentType::KnowledgeArticle => "knowledge-article",
            DocumentType::ForwardScheduleOfChange => "forward-schedule-of-change",
            DocumentType::KpiReport => "kpi-report",
            DocumentType::Other => "other",
        }
    }
}
