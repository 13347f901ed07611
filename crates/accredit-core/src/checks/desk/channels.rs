//! `channels-24x7`: the named channels are each declared available 24x7.
//!
//! Reads the `ServiceDesk`. Passes when every channel type in `channels` has
//! at least one declared channel whose `hours` is `24x7`. A channel that is
//! declared with limited hours, or not declared at all, is a finding.

use serde::{Deserialize, Serialize};

use crate::checks::{CheckKind, Codes, Context, Outcome, first};
use crate::finding::{Area, Finding, FindingCode};
use crate::location::Location;
use crate::model::{ChannelType, Kind};

pub(crate) const CHANNEL_NOT_24X7: FindingCode = FindingCode::new(
    Area::Desk,
    "channel-not-24x7",
    "A contact channel the requirement asks for is not available 24 hours a day, 7 days a week.",
    "Make the channel available 24x7 and set its `hours` to `24x7` in the service desk document.",
);

/// Parameters of `channels-24x7`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channels24x7 {
    /// Channel types that must each be available 24x7.
    pub channels: Vec<ChannelType>,
}

impl crate::checks::ParameterSchema for Channels24x7 {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "channels": {
          "type": "array",
          "minItems": 1,
          "items": {
            "enum": ["phone", "fax", "email", "web", "walk-in"]
          },
          "description": "Channel types that must each be declared 24x7."
        }
      },
      "required": ["channels"]
    }"#;
}

impl CheckKind for Channels24x7 {
    const CODES: Codes = &[&[CHANNEL_NOT_24X7]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::ServiceDesk]
    }

    fn method(&self) -> String {
        let names: Vec<&str> = self.channels.iter().map(|c| c.as_str()).collect();
        format!(
            "Looks at the channels in the ServiceDesk document: {} must each be declared available around the clock: `hours: 24x7`, or windows that together cover every minute of every day.",
            names.join(", ")
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let Some(desk) = first(&context.evidence.service_desks) else {
            return Outcome::missing(vec![]);
        };
        let mut findings = Vec::new();
        for wanted in &self.channels {
            let declared: Vec<(usize, bool)> = desk
                .value
                .channels
                .iter()
                .enumerate()
                .filter(|(_, c)| c.channel_type == *wanted)
                .map(|(i, c)| (i, c.hours.is_24x7()))
                .collect();
            let name = wanted.as_str();
            if declared.iter().any(|(_, all_hours)| *all_hours) {
                continue;
            }
            let (message, location): (String, Location) = match declared.first() {
                Some((i, _)) => (
                    format!("the {name} channel is not available 24x7: its hours are limited"),
                    desk.at_key(&format!("/channels/{i}/hours")),
                ),
                None => (
                    format!(
                        "no {name} channel is declared; the desk must take {name} contact 24 hours a day"
                    ),
                    desk.at_key("/channels"),
                ),
            };
            findings.push(Finding::new(CHANNEL_NOT_24X7, message, Some(location)));
        }
        Outcome::pass_if(findings.is_empty(), findings)
    }
}
