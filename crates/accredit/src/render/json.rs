//! `--format json`: the full result, pretty-printed, keys in a fixed order,
//! byte-identical for the same inputs.

use accredit_core::assess::Assessment;

/// Renders the assessment as JSON.
pub fn render(assessment: &Assessment) -> String {
    let mut text = serde_json::to_string_pretty(assessment)
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot serialise the result: {e}\"}}"));
    text.push('\n');
    text
}
