//! The rota shifts CSV reader (and the cover analysis over it) on any bytes.
#![no_main]

use accredit_core::cover::{CoverInput, analyse_cover_with_shifts, synthetic_rota};
use accredit_core::location::Location;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let rota = synthetic_rota(28);
    let locate = |_: &str| Some(Location::file("rota.yaml"));
    let input = CoverInput::new(&rota, "rota.yaml", &locate, rota.period.from);
    let _ = analyse_cover_with_shifts(&input, "shifts.csv", data);
});
