//! The `ServiceDesk` kind: channels, the desk tool, reports and change windows.

use serde::{Deserialize, Serialize};

use super::common::{Hours, Window};

/// The desk's declared channels, tool and reporting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceDesk {
    /// Ways users reach the desk.
    #[serde(default)]
    pub channels: Vec<Channel>,
    /// The desk's logging and reporting system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool: Option<DeskTool>,
    /// Reports the desk produces.
    #[serde(default)]
    pub reports: Vec<Report>,
    /// Windows agreed with clinical users as low-impact for change.
    #[serde(default)]
    pub change_windows: Vec<Window>,
}

/// A contact channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    /// phone, fax, email, web or walk-in.
    #[serde(rename = "type")]
    pub channel_type: ChannelType,
    /// Number, address or URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// When the channel is staffed.
    pub hours: Hours,
}

/// Kinds of channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChannelType {
    /// `phone`: a telephone line.
    Phone,
    /// `fax`: a fax number.
    Fax,
    /// `email`: an e-mail address.
    Email,
    /// Web portal.
    Web,
    /// `walk-in`: a desk to visit in person.
    WalkIn,
}

impl ChannelType {
    /// The name as written in evidence.
    pub fn as_str(self) -> &'static str {
        match self {
            ChannelType::Phone => "phone",
            ChannelType::Fax => "fax",
            ChannelType::Email => "email",
            ChannelType::Web => "web",
            ChannelType::WalkIn => "walk-in",
        }
    }
}

/// The desk system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeskTool {
    /// Product name.
    pub name: String,
    /// What it can do (`incident-logging`, `audit-trail`, ...).
    #[serde(default)]
    pub capabilities: Vec<String>,
}

/// A report the desk produces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Report name.
    pub name: String,
    /// How often it is produced.
    pub frequency: Frequency,
    /// Who receives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    /// Path of an example report inside the pack.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample: Option<String>,
}

/// Report cadence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Frequency {
    /// Every day.
    Daily,
    /// Every week.
    Weekly,
    /// Every month.
    Monthly,
    /// Every quarter.
    Quarterly,
}
