//! `--format json`: the full result, pretty-printed, keys in a fixed order,
//! byte-identical for the same inputs. Strings are exact (the data, not a
//! display of it); C1 controls and line separators are written as `\u`
//! escapes ([`crate::encode::json::harden`]).

use accredit_core::assess::Assessment;

/// Renders the assessment as JSON.
pub fn render(assessment: &Assessment) -> String {
    let mut text = serde_json::to_string_pretty(assessment)
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot serialise the result: {e}\"}}"));
    text.push('\n');
    crate::encode::json::harden(text)
}
