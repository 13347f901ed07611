//! `desk-tool-capabilities`: the desk tool has the listed capabilities.
//!
//! Reads the `ServiceDesk`'s `tool.capabilities`. Passes when every listed
//! capability is declared; each missing one is a finding.

use serde::{Deserialize, Serialize};

use crate::checks::{CheckKind, Codes, Context, Outcome, first};
use crate::finding::{Finding, FindingCode};
use crate::model::Kind;

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
    const CODES: Codes = &[&[
        FindingCode::DeskToolLacksCapability,
        FindingCode::DeskToolNotDescribed,
    ]];

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
                FindingCode::DeskToolNotDescribed,
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
                    FindingCode::DeskToolLacksCapability,
                    format!("{} does not list the `{c}` capability", tool.name),
                    Some(desk.at_key("/tool/capabilities")),
                )
            })
            .collect();
        Outcome::pass_if(findings.is_empty(), findings)
    }
}
