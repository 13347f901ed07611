//! The YAML-to-located-value reader: any bytes give a document or a located
//! error, never a panic, a hang or unbounded memory; every node it reports
//! can be located.
#![no_main]

use accredit_core::yaml::{YamlLimits, parse_document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(document) = parse_document(text, 1, YamlLimits::default()) {
        let position = document.index.locate("/a/0/b");
        assert!(position.line >= 1 && position.column >= 1);
    }
});
