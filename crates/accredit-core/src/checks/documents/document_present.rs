//! `document-present`: the pack holds a Document of a type (DOC-04: the
//! documentation standard; CHG-02: the forward schedule of change).
//!
//! Reads the `Document`s. Passes when at least one has `type` equal to the
//! parameter; otherwise the finding names the type and how to add one.

use serde::{Deserialize, Serialize};

use super::pack_documents::DOCUMENT_MISSING;
use crate::checks::{CheckKind, Codes, Context, Outcome};
use crate::finding::Finding;
use crate::model::{DocumentType, Kind};

/// Parameters of `document-present`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentPresent {
    /// The document type that must be present, e.g. `documentation-standard`.
    #[serde(rename = "type")]
    pub document_type: DocumentType,
}

impl crate::checks::ParameterSchema for DocumentPresent {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "type": {
          "enum": [
            "documentation-standard",
            "itil-review",
            "sla",
            "knowledge-article",
            "forward-schedule-of-change",
            "kpi-report",
            "other"
          ],
          "description": "The Document type that must be present."
        }
      },
      "required": ["type"]
    }"#;
}

impl CheckKind for DocumentPresent {
    const CODES: Codes = &[&[DOCUMENT_MISSING]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::Document]
    }

    fn method(&self) -> String {
        format!(
            "Looks for a Document with `type: {}` in its front matter.",
            self.document_type.as_str()
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let present = context
            .evidence
            .documents
            .iter()
            .any(|d| d.value.front.document_type == self.document_type);
        if present {
            return Outcome::pass(vec![]);
        }
        let type_name = self.document_type.as_str();
        Outcome::fail(vec![Finding::new(
            DOCUMENT_MISSING,
            format!(
                "the pack has no Document of type `{type_name}`: add a Markdown file whose front matter has `kind: Document` and `type: {type_name}`"
            ),
            None,
        )])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_support::documents::{document, evidence, run};
    use crate::checks::{Check, Status};

    fn check(document_type: DocumentType) -> Check {
        Check::DocumentPresent(DocumentPresent { document_type })
    }

    #[test]
    fn a_document_of_the_type_passes_and_its_absence_fails() {
        let evidence = evidence(
            vec![],
            vec![document(
                "documents/standard.md",
                "documentation-standard",
                "# S\n",
            )],
        );
        assert_eq!(
            run(&check(DocumentType::DocumentationStandard), &evidence).status,
            Status::Pass
        );
        let outcome = run(&check(DocumentType::ForwardScheduleOfChange), &evidence);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(
            outcome.findings[0].message,
            "the pack has no Document of type `forward-schedule-of-change`: add a Markdown file whose front matter has `kind: Document` and `type: forward-schedule-of-change`"
        );
    }
}
