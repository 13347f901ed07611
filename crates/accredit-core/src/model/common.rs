//! Value types shared by several evidence kinds: times of day, weekday sets,
//! opening hours and document control.

use jiff::civil::{Date, Time, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A local time of day as written in evidence (`HH:MM`), where `24:00` is
/// allowed as the end of a window and means the end of that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ClockTime {
    /// A time within the day, `00:00` to `23:59`.
    At(Time),
    /// `24:00`: midnight at the end of the day.
    EndOfDay,
}

impl ClockTime {
    /// Minutes since the start of the day (0 to 1440).
    pub fn minutes(self) -> i32 {
        match self {
            ClockTime::At(t) => i32::from(t.hour()) * 60 + i32::from(t.minute()),
            ClockTime::EndOfDay => 1440,
        }
    }

    /// Parses `HH:MM` (24-hour, `24:00` allowed).
    pub fn parse(text: &str) -> Option<ClockTime> {
        let (h, m) = text.split_once(':')?;
        if h.len() != 2 || m.len() != 2 {
            return None;
        }
        let h: i8 = h.parse().ok()?;
        let m: i8 = m.parse().ok()?;
        if h == 24 && m == 0 {
            return Some(ClockTime::EndOfDay);
        }
        Time::new(h, m, 0, 0).ok().map(ClockTime::At)
    }
}

impl std::fmt::Display for ClockTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClockTime::At(t) => write!(f, "{:02}:{:02}", t.hour(), t.minute()),
            ClockTime::EndOfDay => f.write_str("24:00"),
        }
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        ClockTime::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a time HH:MM")))
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// One weekday name or shorthand as written in evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DayName {
    /// `mon`: every Monday.
    Mon,
    /// `tue`: every Tuesday.
    Tue,
    /// `wed`: every Wednesday.
    Wed,
    /// `thu`: every Thursday.
    Thu,
    /// `fri`: every Friday.
    Fri,
    /// `sat`: every Saturday.
    Sat,
    /// `sun`: every Sunday.
    Sun,
    /// Monday to Friday.
    Weekdays,
    /// Saturday and Sunday.
    Weekends,
    /// Every day.
    Daily,
}

impl DayName {
    /// The weekdays this name stands for.
    pub fn weekdays(self) -> &'static [Weekday] {
        use Weekday::*;
        match self {
            DayName::Mon => &[Monday],
            DayName::Tue => &[Tuesday],
            DayName::Wed => &[Wednesday],
            DayName::Thu => &[Thursday],
            DayName::Fri => &[Friday],
            DayName::Sat => &[Saturday],
            DayName::Sun => &[Sunday],
            DayName::Weekdays => &[Monday, Tuesday, Wednesday, Thursday, Friday],
            DayName::Weekends => &[Saturday, Sunday],
            DayName::Daily => &[
                Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday,
            ],
        }
    }
}

/// A set of weekdays: one name (`mon`, `weekdays`) or a list of names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Days {
    /// A single name or shorthand.
    One(DayName),
    /// Several names or shorthands.
    Many(Vec<DayName>),
}

impl Days {
    /// Whether `weekday` is in the set.
    pub fn contains(&self, weekday: Weekday) -> bool {
        match self {
            Days::One(name) => name.weekdays().contains(&weekday),
            Days::Many(names) => names.iter().any(|n| n.weekdays().contains(&weekday)),
        }
    }
}

/// A recurring weekly window `{days, from, to}`; a `to` at or before `from`
/// runs overnight into the next day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// The days on which the window opens.
    pub days: Days,
    /// Local opening time.
    pub from: ClockTime,
    /// Local closing time.
    pub to: ClockTime,
}

/// Opening hours: `24x7` or a list of weekly windows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Hours {
    /// Around the clock, every day (`24x7`).
    AllHours(AllHours),
    /// Only within these windows.
    Windows(Vec<Window>),
}

impl Hours {
    /// Whether these hours are around the clock: `24x7`, or windows that
    /// together cover every minute of every day of the week (e.g.
    /// `{days: daily, from: "00:00", to: "24:00"}`). The one rule for every
    /// check that reads hours.
    pub fn is_24x7(&self) -> bool {
        match self {
            Hours::AllHours(_) => true,
            Hours::Windows(windows) => windows_cover_the_week(windows),
        }
    }
}

/// Minutes in a week.
const WEEK_MINUTES: usize = 7 * 1440;

/// Whether `windows` cover every minute of the week. A window opens on each
/// of its days at `from` and closes at `to` that day, or the next day when
/// `to` is at or before `from` (so `00:00`–`00:00` is the whole day).
pub fn windows_cover_the_week(windows: &[Window]) -> bool {
    use jiff::civil::Weekday::*;
    let mut open = vec![false; WEEK_MINUTES];
    for window in windows {
        let from = usize::try_from(window.from.minutes()).unwrap_or(0);
        let to = usize::try_from(window.to.minutes()).unwrap_or(0);
        let length = if to > from {
            to - from
        } else {
            1440 - from + to
        };
        for (day, weekday) in [
            Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday,
        ]
        .into_iter()
        .enumerate()
        {
            if window.days.contains(weekday) {
                let start = day * 1440 + from;
                for minute in start..start + length {
                    open[minute % WEEK_MINUTES] = true;
                }
            }
        }
    }
    open.iter().all(|&minute| minute)
}

/// The literal `24x7`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AllHours {
    /// `24x7`: open every minute of every day.
    #[serde(rename = "24x7")]
    AllHours,
}

/// An inclusive range of dates `{from, to}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day.
    pub from: Date,
    /// Last day (inclusive).
    pub to: Date,
}

/// A document version: written as text (`"1.2"`) or a bare number (`1.2`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Version {
    /// Written as text.
    Text(String),
    /// Written as a bare number.
    Number(serde_json::Number),
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Version::Text(t) => f.write_str(t),
            Version::Number(n) => write!(f, "{n}"),
        }
    }
}

/// Document control: who owns and approved a document, and until when it is valid.
/// Every field is optional in the format; rules report what is missing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentControl {
    /// Document version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<Version>,
    /// Role or person who owns the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Who approved it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    /// When it was approved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_on: Option<Date>,
    /// When it is next due for review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_due: Option<Date>,
}

/// A contact point.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Person's name (pack owner) — optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Role (on escalation levels).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

#[cfg(test)]
mod hours_tests {
    use super::*;

    fn hours(json: serde_json::Value) -> Hours {
        serde_json::from_value(json).expect("hours")
    }

    #[test]
    fn windows_covering_every_minute_are_24x7() {
        use serde_json::json;
        for written in [
            json!("24x7"),
            json!([{"days": "daily", "from": "00:00", "to": "24:00"}]),
            json!([{"days": "daily", "from": "00:00", "to": "00:00"}]),
            json!([
                {"days": "weekdays", "from": "00:00", "to": "24:00"},
                {"days": ["sat", "sun"], "from": "00:00", "to": "24:00"}
            ]),
            json!([
                {"days": "daily", "from": "08:00", "to": "20:00"},
                {"days": "daily", "from": "20:00", "to": "08:00"}
            ]),
        ] {
            assert!(hours(written.clone()).is_24x7(), "{written}");
        }
        for written in [
            json!([{"days": "daily", "from": "00:00", "to": "23:59"}]),
            json!([{"days": "weekdays", "from": "00:00", "to": "24:00"}]),
            json!([
                {"days": "daily", "from": "08:00", "to": "20:00"},
                {"days": "daily", "from": "20:01", "to": "08:00"}
            ]),
            json!([]),
        ] {
            assert!(!hours(written.clone()).is_24x7(), "{written}");
        }
    }
}
