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
