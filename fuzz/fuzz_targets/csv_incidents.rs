//! The incident-log CSV reader on any bytes.
#![no_main]

use std::sync::OnceLock;

use accredit_core::logs::incidents::{SeverityTargets, analyse_incidents};
use jiff::tz::TimeZone;
use libfuzzer_sys::fuzz_target;

fn london() -> &'static TimeZone {
    static ZONE: OnceLock<TimeZone> = OnceLock::new();
    ZONE.get_or_init(|| TimeZone::get("Europe/London").expect("bundled zone"))
}

fuzz_target!(|data: &[u8]| {
    let targets = SeverityTargets {
        respond_within_minutes: [Some(15), Some(60), Some(240), None, Some(1440)],
    };
    let _ = analyse_incidents(data, "logs/incidents.csv", london(), &targets);
});
