//! The change-log CSV reader on any bytes.
#![no_main]

use accredit_core::logs::changes::analyse_changes;
use accredit_core::model::Window;
use libfuzzer_sys::fuzz_target;

fn london() -> &'static jiff::tz::TimeZone {
    static ZONE: std::sync::OnceLock<jiff::tz::TimeZone> = std::sync::OnceLock::new();
    ZONE.get_or_init(|| jiff::tz::TimeZone::get("Europe/London").expect("bundled zone"))
}

fuzz_target!(|data: &[u8]| {
    let windows: Vec<Window> = serde_json::from_value(serde_json::json!([
        {"days": "weekdays", "from": "18:00", "to": "08:00"},
        {"days": "weekends", "from": "00:00", "to": "24:00"}
    ]))
    .expect("windows");
    let _ = analyse_changes(data, "logs/changes.csv", london(), &windows);
});
