//! `desk-tool-capabilities`: the desk tool has the listed capabilities.
//!
//! Reads the `ServiceDesk`'s `tool.capabilities`. Passes when every listed
//! capability is declared; each missing one is a finding.

use serde::{Deserialize, Serialize};

use crate::checks::{CheckKind, Codes, Context, Outcome, first};
use crate::finding::{Area, Finding, FindingCode};
use crate::model::Kind;

pub(crate) const DESK_TOOL_NOT_DESCRIBED: FindingCode = FindingCode::new(
    Area::Desk,
    "desk-tool-not-described",
    "The service desk document does not describe the desk tool.",
    "Add `tool:` with its name and capabilities to the service desk document.",
);

pub(crate) const DESK_TOOL_LACKS_CAPABILITY: FindingCode = FindingCode::new(
    Area::Desk,
    "desk-tool-lacks-capability",
    "The desk tool does not list a capability the requirement asks for.",
    "Add the capability to `tool.capabilities`, once the tool has it.",
);

/// Parameters of `desk-tool-capabilities`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeskToolCapabilities {
    /// Capabilities that must all be declared.
    pub capabilities: Vec<String>,
}

impl crate::checks::ParameterSchema for DeskToolCapabilities {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "capabilities": {
          "type": "array",
          "minItems": 1,
          "items": {
            "type": "string"
          },
          "description": "Capabilities the desk tool must list."
        }
      },
      "required": ["capabilities"]
    }"#;
}

impl CheckKind for DeskToolCapabilities {
    const CODES: Codes = &[&[DESK_TOOL_LACKS_CAPABILITY, DESK_TOOL_NOT_DESCRIBED]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::ServiceDesk]
    }

    fn method(&self) -> String {
        format!(
            "Looks at `tool.capabilities` in the ServiceDesk document; it must list {}.",
            self.capabilities.join(", ")
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let Some(desk) = first(&context.evidence.service_desks) else {
            return Outcome::missing(vec![]);
        };
        let Some(tool) = &desk.value.tool else {
            return Outcome::fail(vec![Finding::new(
                DESK_TOOL_NOT_DESCRIBED,
                format!(
                    "the desk tool is not described; add `tool:` with its capabilities ({})",
                    self.capabilities.join(", ")
                ),
                Some(desk.at("")),
            )]);
        };
        let findings: Vec<Finding> = self
            .capabilities
            .iter()
            .filter(|c| !tool.capabilities.contains(c))
            .map(|c| {
                Finding::new(
                    DESK_TOOL_LACKS_CAPABILITY,
                    format!("{} does not list the `{c}` capability", tool.name),
                    Some(desk.at_key("/tool/capabilities")),
                )
            })
            .collect();
        Outcome::pass_if(findings.is_empty(), findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::checks::test_support::{AS_OF, code_names, complete_pack, place, run};

    fn check(capabilities: &[&str]) -> DeskToolCapabilities {
        DeskToolCapabilities {
            capabilities: capabilities.iter().map(|c| c.to_string()).collect(),
        }
    }

    #[test]
    fn a_tool_with_every_capability_passes() {
        let check = check(&["incident-logging", "audit-trail", "lsp-referral"]);
        let outcome = run(&check, &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
    }

    #[test]
    fn each_missing_capability_is_a_finding_at_the_list() {
        let check = check(&["remote-control", "audit-trail", "self-service"]);
        let outcome = run(&check, &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(
            code_names(&outcome),
            ["desk-tool-lacks-capability", "desk-tool-lacks-capability"]
        );
        assert_eq!(
            outcome.findings[0].message,
            "Meridian ServiceDesk 5.1 does not list the `remote-control` capability"
        );
        assert!(outcome.findings[1].message.contains("`self-service`"));
        assert_eq!(place(&outcome, 1), "service-desk.yaml:24");
    }

    #[test]
    fn an_undescribed_tool_fails_with_the_capabilities_to_add() {
        let mut evidence = complete_pack();
        evidence.service_desks[0].value.tool = None;
        let outcome = run(&check(&["attachments", "knowledge-base"]), &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(code_names(&outcome), ["desk-tool-not-described"]);
        assert_eq!(
            outcome.findings[0].message,
            "the desk tool is not described; add `tool:` with its capabilities (attachments, knowledge-base)"
        );
        assert!(place(&outcome, 0).starts_with("service-desk.yaml:"));
    }

    #[test]
    fn without_a_service_desk_the_evidence_is_missing() {
        let mut evidence = complete_pack();
        evidence.service_desks.clear();
        assert_eq!(
            run(&check(&["attachments"]), &evidence, AS_OF).status,
            Status::Missing
        );
    }
}
