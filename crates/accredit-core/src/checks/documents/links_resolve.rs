//! `links-resolve`: every relative link between pack files resolves,
//! anchors included (DOC-03).
//!
//! Reads every link and image in every `Procedure` and `Document` whose
//! destination is a path or an `#anchor` (see [`crate::load::check_links`]
//! for what resolves). External links are not fetched and not counted.
//! Credit is the share of these links that resolve, so one typo among many
//! good links costs little; a pack with no such links passes. Each broken
//! link is a finding at its line and column.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::pack_documents::BROKEN_LINK;
use super::pack_documents::{capped, percent};
use crate::checks::{CheckKind, Codes, Context, Outcome};
use crate::evidence::LinkCheck;
use crate::finding::Finding;
use crate::model::Kind;

/// Parameters of `links-resolve` (none).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinksResolve {}

impl crate::checks::ParameterSchema for LinksResolve {
    const SCHEMA: &'static str = "{}";
}

impl CheckKind for LinksResolve {
    const CODES: Codes = &[&[BROKEN_LINK]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::Procedure, Kind::Document]
    }

    fn method(&self) -> String {
        "Follows every relative link and image in every Procedure and Document: it must name a file (or folder) inside the pack, and a `#heading` anchor into a Markdown file must match one of its headings. External links are not fetched. Credit is the share of relative links that resolve.".to_string()
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let links = &context.evidence.links;
        let resolved = links.iter().filter(|l| l.broken.is_none()).count();
        let mut by_file: BTreeMap<&str, Vec<&LinkCheck>> = BTreeMap::new();
        for link in links.iter().filter(|l| l.broken.is_some()) {
            by_file.entry(link.file.as_str()).or_default().push(link);
        }
        let findings = by_file
            .into_values()
            .flat_map(|broken| {
                capped(&broken, "broken links", |link| {
                    Finding::new(
                        BROKEN_LINK,
                        link.message().unwrap_or_default(),
                        Some(link.location()),
                    )
                })
            })
            .collect();
        Outcome::measured(percent(resolved, links.len()), 100.0, "%", findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_support::documents::{document, evidence_with_files, procedure, run};
    use crate::checks::{Check, Status};

    #[test]
    fn a_link_to_changes_md_when_only_change_md_exists_is_reported() {
        let evidence = evidence_with_files(
            vec![
                procedure(
                    "procedures/incident.md",
                    "incident",
                    "# Incident\n\n## Escalation\n\nSee the [change procedure](change.md#clinical-impact),\nthe [plan](../escalation/plan.yaml) and [changes](changes.md).\n",
                ),
                procedure(
                    "procedures/change.md",
                    "change",
                    "# Change\n\n## Clinical impact\n",
                ),
            ],
            vec![document(
                "documents/sla.md",
                "sla",
                "# SLA\n\n[site](https://nhs.uk)\n",
            )],
            &["escalation/plan.yaml"],
        );
        let outcome = run(&Check::LinksResolve(LinksResolve {}), &evidence);
        assert_eq!(outcome.status, Status::Partial);
        assert!((outcome.credit - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(outcome.findings.len(), 1);
        let finding = &outcome.findings[0];
        assert_eq!(finding.code, "broken-link");
        assert_eq!(
            finding.message,
            "link to changes.md at line 16 does not resolve (no such file in the pack; did you mean change.md?)"
        );
        assert_eq!(
            finding.location.as_ref().unwrap().to_string(),
            "procedures/incident.md:16:41"
        );
    }

    #[test]
    fn no_relative_links_pass() {
        let evidence = evidence_with_files(
            vec![procedure(
                "p.md",
                "change",
                "# C\n\n<div>raw <b>html</b></div>\n",
            )],
            vec![],
            &[],
        );
        let outcome = run(&Check::LinksResolve(LinksResolve {}), &evidence);
        assert_eq!(outcome.status, Status::Pass);
    }
}
