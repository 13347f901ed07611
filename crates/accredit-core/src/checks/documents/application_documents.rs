//! `document-per-application`: a Document of a type covers each national
//! application in scope (NAK-02: a knowledge article per application).
//!
//! Reads the `Document`s of `type` and the Pack's `applications_in_scope`.
//! A document covers the application named by its `application` field.
//! Credit is the share of in-scope applications covered; each one not
//! covered is a finding at its entry in the Pack. Not applicable when no
//! application is in scope.

use serde::{Deserialize, Serialize};

use super::pack_documents::percent;
use crate::checks::{CheckKind, Codes, Context, Outcome};
use crate::finding::{Area, Finding, FindingCode};
use crate::model::{DocumentType, Kind};

pub(crate) const APPLICATION_NOT_COVERED: FindingCode = FindingCode::new(
    Area::Documents,
    "application-not-covered",
    "An application in scope has no Document of the type the requirement asks for.",
    "Add a Document of that type with `application:` naming the application.",
);

/// Parameters of `document-per-application`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentPerApplication {
    /// The document type, e.g. `knowledge-article`.
    #[serde(rename = "type")]
    pub document_type: DocumentType,
}

impl crate::checks::ParameterSchema for DocumentPerApplication {
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
          "description": "The Document type that must cover each in-scope application (through its application field)."
        }
      },
      "required": ["type"]
    }"#;
}

impl CheckKind for DocumentPerApplication {
    const CODES: Codes = &[&[APPLICATION_NOT_COVERED]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::Document, Kind::Pack]
    }

    fn method(&self) -> String {
        format!(
            "For each application in the Pack's `applications_in_scope`, looks for a Document with `type: {}` whose `application` names it. Credit is the share of applications covered.",
            self.document_type.as_str()
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let in_scope = &context.pack.value.applications_in_scope;
        if in_scope.is_empty() {
            return Outcome::not_applicable(vec![]);
        }
        let type_name = self.document_type.as_str();
        let mut findings = Vec::new();
        let mut covered = 0;
        for (i, application) in in_scope.iter().enumerate() {
            let found = context.evidence.documents.iter().any(|d| {
                d.value.front.document_type == self.document_type
                    && d.value.front.application.as_deref() == Some(application.as_str())
            });
            if found {
                covered += 1;
                continue;
            }
            let name = context
                .shared
                .application_name(application)
                .unwrap_or(application);
            findings.push(Finding::new(
                APPLICATION_NOT_COVERED,
                format!(
                    "no `{type_name}` Document covers {name}: add one with `type: {type_name}` and `application: {application}`"
                ),
                Some(context.pack.at(&format!("/applications_in_scope/{i}"))),
            ));
        }
        Outcome::measured(percent(covered, in_scope.len()), 100.0, "%", findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_support::documents::{document, evidence, run};
    use crate::checks::{Check, Status};

    fn article(
        application: &str,
    ) -> crate::evidence::Located<crate::evidence::MarkdownEvidence<crate::model::Document>> {
        let mut doc = document(
            &format!("documents/knowledge/{application}.md"),
            "knowledge-article",
            "# Article\n",
        );
        doc.value.front.application = Some(application.to_owned());
        doc
    }

    #[test]
    fn credit_is_the_share_of_applications_covered_and_findings_name_the_rest() {
        let evidence = evidence(
            vec![],
            vec![
                article("care-records-service"),
                article("pacs"),
                article("choose-and-book"),
                document("documents/sla.md", "sla", "# SLA\n"),
            ],
        );
        let check = Check::DocumentPerApplication(DocumentPerApplication {
            document_type: DocumentType::KnowledgeArticle,
        });
        let outcome = run(&check, &evidence);
        assert_eq!(outcome.status, Status::Partial);
        assert!((outcome.credit - 0.75).abs() < 1e-9);
        assert_eq!(outcome.findings.len(), 1);
        assert_eq!(
            outcome.findings[0].message,
            "no `knowledge-article` Document covers Electronic Prescription Service: add one with `type: knowledge-article` and `application: electronic-prescription-service`"
        );
        assert_eq!(
            outcome.findings[0].location.as_ref().unwrap().to_string(),
            "pack.yaml:4:64"
        );
    }
}
