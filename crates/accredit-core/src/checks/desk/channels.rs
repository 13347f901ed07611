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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::checks::test_support::{AS_OF, code_names, complete_pack, place, run};

    fn check(channels: &[ChannelType]) -> Channels24x7 {
        Channels24x7 {
            channels: channels.to_vec(),
        }
    }

    #[test]
    fn channels_declared_24x7_pass() {
        let check = check(&[ChannelType::Phone, ChannelType::Fax, ChannelType::Email]);
        let outcome = run(&check, &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
    }

    #[test]
    fn a_channel_with_limited_hours_is_named_at_its_hours() {
        let outcome = run(&check(&[ChannelType::WalkIn]), &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(code_names(&outcome), ["channel-not-24x7"]);
        assert_eq!(
            outcome.findings[0].message,
            "the walk-in channel is not available 24x7: its hours are limited"
        );
        assert_eq!(place(&outcome, 0), "service-desk.yaml:18");
    }

    #[test]
    fn one_channel_of_a_type_open_24x7_is_enough() {
        let mut evidence = complete_pack();
        let channels = &mut evidence.service_desks[0].value.channels;
        let mut all_hours = channels[0].clone();
        all_hours.channel_type = ChannelType::WalkIn;
        channels.push(all_hours);
        let outcome = run(&check(&[ChannelType::WalkIn]), &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
    }

    #[test]
    fn windows_that_cover_every_minute_of_the_week_count_as_24x7() {
        let mut evidence = complete_pack();
        let walk_in = &mut evidence.service_desks[0].value.channels[4];
        assert_eq!(walk_in.channel_type, ChannelType::WalkIn);
        let windows = |json| serde_json::from_value(json).expect("hours are typed");
        // Weekdays overnight 18:00 to 08:00 the next day, weekend days whole.
        walk_in.hours = windows(serde_json::json!([
            {"days": "weekdays", "from": "08:00", "to": "18:00"},
            {"days": "weekdays", "from": "18:00", "to": "08:00"},
            {"days": "weekends", "from": "08:00", "to": "08:00"},
        ]));
        let outcome = run(&check(&[ChannelType::WalkIn]), &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
        // Without the weekday nights, the week is not covered.
        let walk_in = &mut evidence.service_desks[0].value.channels[4];
        walk_in.hours = windows(serde_json::json!([
            {"days": "weekdays", "from": "08:00", "to": "18:00"},
            {"days": "weekends", "from": "08:00", "to": "08:00"},
        ]));
        let outcome = run(&check(&[ChannelType::WalkIn]), &evidence, AS_OF);
        assert_eq!(code_names(&outcome), ["channel-not-24x7"]);
    }

    #[test]
    fn an_undeclared_channel_is_named_at_the_channel_list() {
        let mut evidence = complete_pack();
        let channels = &mut evidence.service_desks[0].value.channels;
        channels.retain(|c| c.channel_type != ChannelType::Fax);
        let check = check(&[ChannelType::Phone, ChannelType::Fax]);
        let outcome = run(&check, &evidence, AS_OF);
        assert_eq!(code_names(&outcome), ["channel-not-24x7"]);
        assert_eq!(
            outcome.findings[0].message,
            "no fax channel is declared; the desk must take fax contact 24 hours a day"
        );
        assert_eq!(place(&outcome, 0), "service-desk.yaml:3");
    }

    #[test]
    fn without_a_service_desk_the_evidence_is_missing() {
        let mut evidence = complete_pack();
        evidence.service_desks.clear();
        let outcome = run(&check(&[ChannelType::Phone]), &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Missing);
        assert!(outcome.findings.is_empty());
    }
}
