//! Text for JUnit XML (XML 1.0).
//!
//! XML 1.0 forbids most C0 control characters (even as `&#27;`), and a parser
//! normalises line breaks and tabs in attributes to spaces. These functions
//! turn every character a parser would reject or silently change into a
//! visible escape ([`super::text`]), which also keeps terminal sequences out
//! of the CI pages that show JUnit messages, and escape the five markup
//! characters as entities. They are the only place XML text is encoded.

use super::text::{is_escaped, opens_runner_command, push_escape};

/// A value for an attribute (`name`, `message`, `type`): one line, ready to
/// go between double quotes.
pub fn attribute(value: &str) -> String {
    encode(value, false, true)
}

/// A value for element content (a failure's description): line breaks and
/// tabs are kept, everything else is as for [`attribute`].
pub fn content(value: &str) -> String {
    encode(value, true, true)
}

/// Element content for HTML, whose template engine escapes the markup
/// characters itself: as [`content`], without the entities.
pub fn legible(value: &str) -> String {
    encode(value, true, false)
}

fn encode(value: &str, keep_lines: bool, markup: bool) -> String {
    let mut out = String::with_capacity(value.len());
    for (i, c) in value.char_indices() {
        if c == '#' && opens_runner_command(&value[i..]) {
            // JUnit messages are printed in CI logs, where `##[…]` is a command.
            out.push_str("\\x23");
        } else if keep_lines && matches!(c, '\n' | '\t') {
            out.push(c);
        } else if let Some(entity) = entity(c).filter(|_| markup) {
            out.push_str(entity);
        } else if is_escaped(c) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// The entity for a markup character (both in attributes and in content, so
/// one rule serves both).
fn entity(c: char) -> Option<&'static str> {
    Some(match c {
        '<' => "&lt;",
        '>' => "&gt;",
        '&' => "&amp;",
        '\'' => "&apos;",
        '"' => "&quot;",
        _ => return None,
    })
}

/// Whether XML 1.0 allows `c` in a document.
#[cfg(test)]
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn markup_characters_become_entities() {
        assert_eq!(
            attribute("<a href=\"x\">it's & more</a>"),
            "&lt;a href=&quot;x&quot;&gt;it&apos;s &amp; more&lt;/a&gt;"
        );
        assert_eq!(content("a < b\n"), "a &lt; b\n");
    }

    #[test]
    fn forbidden_characters_become_visible() {
        assert_eq!(attribute("a\u{1b}[31m\u{0}b\r\n"), "a\\x1b[31m\\x00b\\r\\n");
        assert_eq!(
            content("line 1\n\tline 2\r\u{ffff}"),
            "line 1\n\tline 2\\r\\u{ffff}"
        );
    }

    proptest! {
        #[test]
        fn every_character_is_allowed_by_xml(value in any::<String>()) {
            prop_assert!(attribute(&value).chars().all(is_xml_char));
            prop_assert!(content(&value).chars().all(is_xml_char));
            prop_assert!(!attribute(&value).contains(['\n', '\r', '\t', '<', '"']));
            prop_assert!(!content(&value).contains(['<', '>']));
        }
    }
}
