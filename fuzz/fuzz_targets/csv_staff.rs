//! The staff-register CSV reader on any bytes.
#![no_main]

use accredit_core::logs::staff::analyse_staff_register;
use accredit_core::model::Period;
use jiff::civil::date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let window = Period {
        from: date(2008, 10, 6),
        to: date(2008, 12, 28),
    };
    let _ = analyse_staff_register(data, "logs/staff.csv", window);
});
