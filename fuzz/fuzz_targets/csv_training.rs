//! The training-log CSV reader on any bytes.
#![no_main]

use accredit_core::logs::staff::FrontLineStaff;
use accredit_core::logs::training::{TrainingScope, analyse_training};
use jiff::civil::date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let front_line = FrontLineStaff::new(["S001".to_string(), "S002".to_string()]);
    let applications = ["choose-and-book".to_string(), "pacs".to_string()];
    let known_applications = [
        ("choose-and-book".to_string(), "Choose and Book".to_string()),
        ("pacs".to_string(), "PACS".to_string()),
        ("care-records-service".to_string(), "Care Records Service".to_string()),
    ];
    let scope = TrainingScope {
        front_line: &front_line,
        applications: &applications,
        known_applications: &known_applications,
        counted_from: date(2006, 10, 6),
        counted_to: date(2008, 10, 6),
        as_of: date(2008, 9, 1),
    };
    let _ = analyse_training(data, "logs/training.csv", &scope);
});
