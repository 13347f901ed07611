//! GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`).
//!
//! The runner decodes `%25`, `%0D` and `%0A` in a message, and also `%3A` and
//! `%2C` in a property value; these functions apply exactly those escapes, so
//! a message may hold several lines (shown in the annotation) but never ends
//! the command line, and a property never ends its property or the property
//! list. Every other control character is shown as a visible escape
//! ([`super::text`]), so no terminal sequence reaches the log, and the older
//! `##[command]` form is defused as in text.

use super::text::{is_escaped, opens_runner_command, push_escape};

/// A command's message (after the second `::`).
pub fn data(value: &str) -> String {
    encode(value, false)
}

/// A command's property value (`file=`, `title=`).
pub fn property(value: &str) -> String {
    encode(value, true)
}

fn encode(value: &str, property: bool) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    for (i, c) in value.char_indices() {
        match c {
            // The older `##[command]` form is recognised anywhere in a line.
            '#' if opens_runner_command(&value[i..]) => out.push_str("\\x23"),
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c if is_escaped(c) => push_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// One complete command line: `::LEVEL PROPERTIES::MESSAGE` and a newline,
/// with every property value and the message encoded.
pub fn command(level: &str, properties: &[(&str, String)], message: &str) -> String {
    let properties: Vec<String> = properties
        .iter()
        .map(|(name, value)| format!("{name}={}", property(value)))
        .collect();
    let separator = if properties.is_empty() { "" } else { " " };
    format!(
        "::{level}{separator}{}::{}\n",
        properties.join(","),
        data(message)
    )
}

/// Decodes a message as the runner does (for tests).
#[cfg(test)]
pub fn decode_data(value: &str) -> String {
    value
        .replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%25", "%")
}

/// Decodes a property value as the runner does (for tests).
#[cfg(test)]
pub fn decode_property(value: &str) -> String {
    value
        .replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn messages_and_properties_are_escaped() {
        assert_eq!(
            data("50% done\r\n::add-mask::x"),
            "50%25 done%0D%0A::add-mask::x"
        );
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(data("\u{1b}]52;c;x\u{7}"), "\\x1b]52;c;x\\x07");
        assert_eq!(
            command(
                "error",
                &[("file", "a,b.yaml".into()), ("title", "T::x".into())],
                "m\nn"
            ),
            "::error file=a%2Cb.yaml,title=T%3A%3Ax::m%0An\n"
        );
        assert_eq!(command("notice", &[], "x"), "::notice::x\n");
    }

    proptest! {
        #[test]
        fn a_message_never_holds_a_line_break_or_control(value in any::<String>()) {
            let encoded = data(&value);
            prop_assert!(!encoded.contains(['\r', '\n']));
            prop_assert!(!encoded.chars().any(is_escaped));
            prop_assert!(!encoded.contains("##["));
        }

        #[test]
        fn a_property_never_holds_a_separator(value in any::<String>()) {
            let encoded = property(&value);
            prop_assert!(!encoded.contains([':', ',', '\r', '\n']));
            prop_assert!(!encoded.chars().any(is_escaped));
        }

        #[test]
        fn text_without_controls_round_trips(value in "[^#\\p{Cc}\u{2028}\u{2029}\u{200e}\u{200f}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{feff}\u{fffe}\u{ffff}]*") {
            prop_assert_eq!(decode_data(&data(&value)), value.clone());
            prop_assert_eq!(decode_property(&property(&value)), value);
        }

        #[test]
        fn a_command_is_one_line(message in any::<String>(), file in any::<String>()) {
            let line = command("warning", &[("file", file)], &message);
            prop_assert_eq!(line.matches('\n').count(), 1);
            prop_assert!(line.ends_with('\n'));
            prop_assert!(!line.contains('\r'));
        }
    }
}
