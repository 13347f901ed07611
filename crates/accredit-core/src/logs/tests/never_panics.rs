//! Property tests: no CSV input, however malformed, makes an analysis panic.

use jiff::civil::date;
use proptest::prelude::*;

use super::london;
use crate::logs::changes::analyse_changes;
use crate::logs::incidents::{SeverityTargets, analyse_incidents};
use crate::logs::staff::{FrontLineStaff, analyse_staff_register};
use crate::logs::training::{TrainingScope, analyse_training};
use crate::model::{ClockTime, DayName, Days, Period, Window};

/// Runs every analysis over `csv`; each must return, never panic.
fn analyse_everything(csv: &[u8]) {
    let tz = london();
    let targets = SeverityTargets {
        respond_within_minutes: [Some(15), Some(30), None, Some(120), Some(0)],
    };
    let _ = analyse_incidents(csv, "i.csv", &tz, &targets);
    let window = Period {
        from: date(2008, 1, 7),
        to: date(2008, 3, 30),
    };
    let staff = analyse_staff_register(csv, "s.csv", window)
        .map(|s| s.front_line)
        .unwrap_or_else(|_| FrontLineStaff::new(["S1".to_string()]));
    let applications = ["pacs".to_string()];
    let scope = TrainingScope {
        front_line: &staff,
        applications: &applications,
        known_applications: &[],
        counted_from: date(2006, 1, 8),
        counted_to: date(2008, 1, 7),
        as_of: date(2008, 6, 1),
    };
    let _ = analyse_training(csv, "t.csv", &scope);
    let windows = [Window {
        days: Days::One(DayName::Daily),
        from: ClockTime::EndOfDay,
        to: ClockTime::EndOfDay,
    }];
    let _ = analyse_changes(csv, "c.csv", &tz, &windows);
}

/// Headers that name every column any log needs, so rows get parsed.
const HEADERS: [&str; 4] = [
    "reference,opened_at,channel,severity,application,status,responded_at,resolved_at,referred_to,external_reference",
    "staff_id,role,start_date,end_date",
    "staff_id,role,course,application,completed_on,result",
    "reference,system,clinical,scheduled_start,scheduled_end,outcome",
];

/// Field values near the edges of what the parsers accept.
fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{4}-[0-9]{2}-[0-9]{2}( |T)[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{0,10})?)?(Z|[+-][0-9]{2}:[0-9]{2})?",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "-?[0-9]{1,3}",
        "(first-line|lsp|national|pass|fail|true|false|itil-foundation|national-application|pacs|none)",
        "\"[^\"]{0,8}\"",
        ".{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        analyse_everything(&bytes);
    }

    #[test]
    fn plausible_rows_never_panic(
        header in 0..HEADERS.len(),
        rows in proptest::collection::vec(proptest::collection::vec(field(), 0..12), 0..24),
    ) {
        let mut csv = format!("{}\n", HEADERS[header]);
        for row in rows {
            csv.push_str(&row.join(","));
            csv.push('\n');
        }
        analyse_everything(csv.as_bytes());
    }
}

proptest! {
    #[test]
    fn any_text_parses_as_a_time_or_not_without_panicking(text in ".{0,40}") {
        let tz = london();
        let _ = crate::logs::parse_instant(&text, &tz);
        let _ = crate::logs::parse_date(&text);
    }
}
