//! Checks that read the Markdown documents (Procedures and Documents):
//! sections, approval, document control, placeholders, links and coverage;
//! [`pack_documents`] is their shared view of the pack's documents.

mod application_documents;
mod document_approved;
mod document_control;
mod document_present;
mod links_resolve;
pub(crate) mod pack_documents;
mod placeholder_text;
mod procedure_sections;
mod section_length;

pub use application_documents::DocumentPerApplication;
pub use document_approved::DocumentApproved;
pub use document_control::DocumentControlComplete;
pub use document_present::DocumentPresent;
pub use links_resolve::LinksResolve;
pub use placeholder_text::NoPlaceholders;
pub use procedure_sections::ProcedureSections;
pub use section_length::SectionLength;
