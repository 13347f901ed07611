//! Text for terminals and CI logs.
//!
//! [`text`] shows every control character — C0 (ESC, BEL, CR, LF, TAB…),
//! DEL and C1 — as a visible escape (`\x1b`, `\r`, `\n`, `\u{9b}`), as well
//! as the Unicode line and paragraph separators, bidirectional overrides
//! (which can reorder what a reader sees) and the non-characters U+FFFE and
//! U+FFFF. The result is one line that a terminal prints as it is: no escape
//! sequence (colour, cursor, OSC 52 clipboard write, hyperlink) and no line
//! break, so a value never starts a line of its own and cannot forge a
//! `::workflow-command::`. The runner's older `##[command]` form, recognised
//! anywhere in a line (as is Azure's `##vso[`), is defused too.
//!
//! Renderers still start every line with their own words, so that no value
//! stands at the start of a line either (see [`path_at_line_start`]).

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` is shown as an escape rather than printed.
pub fn is_escaped(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' // line and paragraph separators
                | '\u{200e}' | '\u{200f}' // left-to-right and right-to-left marks
                | '\u{202a}'..='\u{202e}' // bidirectional embeddings and overrides
                | '\u{2066}'..='\u{2069}' // bidirectional isolates
                | '\u{feff}' // byte-order mark / zero-width no-break space
                | '\u{fffe}' | '\u{ffff}' // non-characters
        )
}

/// Pushes the visible escape of `c` (one of [`is_escaped`]).
pub fn push_escape(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if (c as u32) < 0x80 => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
}

/// `value` for a terminal or log: one line, control characters escaped.
pub fn text(value: &str) -> Cow<'_, str> {
    if !value.chars().any(is_escaped) && !value.contains("##") {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 8);
    for (i, c) in value.char_indices() {
        if is_escaped(c) {
            push_escape(&mut out, c);
        } else if c == '#' && opens_runner_command(&value[i..]) {
            out.push_str("\\x23");
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether `rest` starts a `##[command]` or `##vso[command]` (recognised by
/// CI runners anywhere in a line).
pub fn opens_runner_command(rest: &str) -> bool {
    let Some(after) = rest.strip_prefix("##") else {
        return false;
    };
    after.starts_with('[')
        || after
            .get(..4)
            .is_some_and(|s| s.eq_ignore_ascii_case("vso["))
}

/// Several lines of text written by the tool around values it does not
/// control line by line (a ruleset's descriptions in `rules show` and
/// `rules docs`): line breaks are kept, every other control character is a
/// visible escape, `##[` is defused, and a line that would start with `::`
/// (after white space) starts with `\::` instead (which Markdown shows as
/// `::`).
pub fn block(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for (n, line) in value.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let encoded = text(line);
        let indent = encoded.len() - encoded.trim_start().len();
        if encoded[indent..].starts_with("::") {
            out.push_str(&encoded[..indent]);
            out.push('\\');
            out.push_str(&encoded[indent..]);
        } else {
            out.push_str(&encoded);
        }
    }
    out
}

/// Whether encoded text may start a line as it is: it starts with a letter or
/// a digit, so the line can be neither a workflow command (`::…`, after any
/// white space) nor anything else a CI runner reads.
pub fn starts_safely(encoded: &str) -> bool {
    encoded.starts_with(char::is_alphanumeric)
}

/// A value that starts a line (an organisation in a heading line): encoded,
/// and led by `label` when it does not [start safely](starts_safely).
pub fn at_line_start(value: &str, label: &str) -> String {
    let encoded = text(value);
    if starts_safely(&encoded) {
        encoded.into_owned()
    } else {
        format!("{label}{encoded}")
    }
}

/// A path that a line starts with, as in `file:line:col: error…`: encoded
/// with [`text`], and led by `./` unless it starts with a letter, digit, `.`,
/// `_` or `/`, so that no value can make a line start with `::`, `-` or a space.
pub fn path_at_line_start(path: &str) -> String {
    let encoded = text(path);
    if starts_safely(&encoded) || encoded.starts_with(['.', '_', '/']) {
        encoded.into_owned()
    } else {
        format!("./{encoded}")
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn control_characters_are_visible_escapes() {
        assert_eq!(text("plain — text ✓"), "plain — text ✓");
        assert_eq!(
            text("a\u{1b}]52;c;ZXZpbA==\u{7}b"),
            "a\\x1b]52;c;ZXZpbA==\\x07b"
        );
        assert_eq!(text("x\r\n::add-mask::s"), "x\\r\\n::add-mask::s");
        assert_eq!(text("\u{9b}31m\u{7f}\t"), "\\u{9b}31m\\x7f\\t");
        assert_eq!(text("\u{202e}gpj.exe"), "\\u{202e}gpj.exe");
        assert_eq!(text("a\u{2028}b"), "a\\u{2028}b");
    }

    #[test]
    fn runner_commands_anywhere_in_a_line_are_defused() {
        assert_eq!(text("x ##[add-mask]s"), "x \\x23#[add-mask]s");
        assert_eq!(
            text("##vso[task.setvariable]"),
            "\\x23#vso[task.setvariable]"
        );
        assert_eq!(text("### heading ## two"), "### heading ## two");
    }

    #[test]
    fn a_path_never_leads_a_line_with_markup_or_a_command() {
        assert_eq!(path_at_line_start("procedures/a.md"), "procedures/a.md");
        assert_eq!(path_at_line_start("::add-mask::x.md"), "./::add-mask::x.md");
        assert_eq!(path_at_line_start(" x"), "./ x");
        assert_eq!(path_at_line_start("\u{1b}[2J"), "./\\x1b[2J");
        assert_eq!(path_at_line_start("/tmp/x"), "/tmp/x");
        assert_eq!(at_line_start("Harbourne", "Applicant: "), "Harbourne");
        assert_eq!(
            at_line_start(" ::add-mask::x", "Applicant: "),
            "Applicant:  ::add-mask::x"
        );
    }

    #[test]
    fn blocks_keep_their_lines_and_lose_their_commands() {
        assert_eq!(
            block("a\n  ::add-mask::x\nb\u{1b}"),
            "a\n  \\::add-mask::x\nb\\x1b"
        );
    }

    proptest! {
        #[test]
        fn a_block_has_no_command_line(value in any::<String>()) {
            let encoded = block(&value);
            prop_assert_eq!(encoded.matches('\n').count(), value.matches('\n').count());
            for line in encoded.lines() {
                prop_assert!(!line.trim_start().starts_with("::"));
                prop_assert!(!line.chars().any(is_escaped));
            }
        }

        #[test]
        fn the_encoding_never_holds_a_control_character(value in any::<String>()) {
            let encoded = text(&value);
            prop_assert!(!encoded.chars().any(is_escaped), "{encoded:?}");
            prop_assert!(!encoded.contains("##["));
            prop_assert!(!encoded.to_ascii_lowercase().contains("##vso["));
        }

        #[test]
        fn text_without_control_characters_is_unchanged(value in "[^\\p{Cc}#\u{2028}\u{2029}\u{200e}\u{200f}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{feff}\u{fffe}\u{ffff}]*") {
            prop_assert_eq!(text(&value), value.as_str());
        }

        #[test]
        fn a_line_start_value_never_starts_with_a_colon_or_space(value in any::<String>()) {
            for line in [path_at_line_start(&value), at_line_start(&value, "Name: ")] {
                prop_assert!(!line.trim_start().starts_with("::"));
                prop_assert!(!line.starts_with(char::is_whitespace));
            }
        }
    }
}
