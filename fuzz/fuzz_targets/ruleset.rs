//! The ruleset loader (YAML, schema, check parameters) on any text.
#![no_main]

use accredit_core::ruleset::load_ruleset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = load_ruleset(text, "ruleset.yaml");
});
