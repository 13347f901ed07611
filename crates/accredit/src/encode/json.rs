//! Hardening of serialised JSON.
//!
//! `serde_json` already escapes C0 control characters, so its output is
//! valid for every parser. It writes C1 control characters (U+0080–U+009F,
//! which some terminals obey) and the line separators U+2028 and U+2029
//! (line breaks in JavaScript and some log viewers) as they are; [`harden`]
//! writes those as `\u` escapes too, so JSON printed to a terminal or pasted
//! into a script is inert. Outside strings JSON is ASCII, so the replacement
//! only ever touches string contents, and the value is unchanged.

/// `json` (valid JSON text) with C1 controls and line separators escaped.
pub fn harden(json: String) -> String {
    if !json.chars().any(needs_escape) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if needs_escape(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn needs_escape(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9f}' | '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn hardened_json_is_the_same_value_and_inert(value in any::<String>()) {
            let json = serde_json::to_string(&serde_json::json!({ "message": value })).unwrap();
            let hardened = harden(json);
            prop_assert!(!hardened.chars().any(|c| c.is_control()));
            let back: serde_json::Value = serde_json::from_str(&hardened).unwrap();
            prop_assert_eq!(back["message"].as_str(), Some(value.as_str()));
        }
    }
}
