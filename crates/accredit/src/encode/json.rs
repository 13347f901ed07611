//! Hardening of serialised JSON.
//!
//! `serde_json` already escapes C0 control characters, so its output is
//! valid for every parser. It writes C1 control characters (U+0080–U+009F,
//! which some terminals obey) and the line separators U+2028 and U+2029
//! (line breaks in JavaScript and some log viewers) and DEL as they are;
//! [`harden`] writes those as `\u` escapes too, and the `#` that would open a
//! CI runner's `##[command]` as `\u0023`, so JSON printed to a terminal or a
//! CI log, or pasted into a script, is inert. Outside strings these
//! characters never occur in JSON, so only string contents change, and the
//! value is the same.

use super::text::opens_runner_command;

/// `json` (valid JSON text) with C1 controls and line separators escaped.
pub fn harden(json: String) -> String {
    if !json.chars().any(needs_escape) && !json.contains("##") {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for (i, c) in json.char_indices() {
        if needs_escape(c) || (c == '#' && opens_runner_command(&json[i..])) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn needs_escape(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn runner_commands_and_c1_are_escaped_in_strings() {
        let json = serde_json::to_string(&serde_json::json!({ "m": "##[add-mask]x \u{9b}\u{7f}" }))
            .unwrap();
        assert_eq!(harden(json), r#"{"m":"\u0023#[add-mask]x \u009b\u007f"}"#);
    }

    proptest! {
        #[test]
        fn hardened_json_is_the_same_value_and_inert(value in any::<String>()) {
            let json = serde_json::to_string(&serde_json::json!({ "message": value })).unwrap();
            let hardened = harden(json);
            prop_assert!(!hardened.chars().any(|c| c.is_control()));
            prop_assert!(!hardened.contains("##["));
            let back: serde_json::Value = serde_json::from_str(&hardened).unwrap();
            prop_assert_eq!(back["message"].as_str(), Some(value.as_str()));
        }
    }
}
