//! Markdown analysis (outline, anchors, links, placeholders, raw HTML) on any text.
#![no_main]

use accredit_core::markdown::analyse_markdown;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let report = analyse_markdown(text);
    assert_eq!(report.anchors.len(), report.outline.headings.len());
    let _ = report.has_anchor("scope");
});
