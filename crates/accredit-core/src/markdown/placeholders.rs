//! Placeholder text left in a document: `TODO`, `TBC`, `TBD`, `XXX`,
//! "lorem ipsum" and "[insert …]".
//!
//! The scan covers the whole file, front matter, code and HTML comments
//! included, in one pass over its bytes.

use serde::Serialize;

use super::locate::Locator;
use crate::location::{LineIndex, Position};

/// Placeholder text found in a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Placeholder {
    /// Which placeholder, in its canonical spelling: `TODO`, `TBC`, `TBD`,
    /// `XXX`, `lorem ipsum` or `[insert`.
    pub marker: &'static str,
    /// The text as written (for "lorem ipsum", with the whitespace between
    /// the words as written).
    pub text: String,
    /// Byte offset in the file.
    pub offset: usize,
    /// Line and column in the file.
    pub position: Position,
}

/// Markers matched case-sensitively, as whole words.
const WHOLE_WORD_MARKERS: [&str; 4] = ["TODO", "TBC", "TBD", "XXX"];

/// Finds every placeholder in `text` (a whole file), in order.
///
/// `TODO`, `TBC`, `TBD` and `XXX` count only in capitals and as whole words
/// (not next to a letter, digit or `_`), so "todo" in prose, "XXXL" and
/// `TODO_LIST` are not placeholders. "lorem ipsum" (any case, any whitespace
/// between the words, line breaks included) and "[insert" (any case) count
/// wherever they appear.
pub fn find_placeholders(text: &str) -> Vec<Placeholder> {
    let lines = LineIndex::new(text);
    let mut locator = Locator::new(text, &lines);
    find_placeholders_with(text, &mut locator)
}

/// [`find_placeholders`] with a locator for `text` already at hand.
pub(crate) fn find_placeholders_with(text: &str, locator: &mut Locator<'_>) -> Vec<Placeholder> {
    let bytes = text.as_bytes();
    let mut placeholders = Vec::new();
    let mut index = 0;
    while index < bytes.len() {
        let Some((marker, len)) = marker_at(text, index) else {
            index += 1;
            continue;
        };
        let matched = text.get(index..index + len).unwrap_or_default();
        placeholders.push(Placeholder {
            marker,
            text: matched.to_owned(),
            offset: index,
            position: locator.position(index),
        });
        index += len;
    }
    placeholders
}

/// The placeholder starting at byte `index`, with its length in bytes.
fn marker_at(text: &str, index: usize) -> Option<(&'static str, usize)> {
    let rest = text.as_bytes().get(index..)?;
    match rest.first()? {
        b'T' | b'X' => WHOLE_WORD_MARKERS
            .into_iter()
            .find(|marker| {
                rest.starts_with(marker.as_bytes()) && is_whole_word(text, index, marker.len())
            })
            .map(|marker| (marker, marker.len())),
        b'l' | b'L' => lorem_ipsum_len(rest).map(|len| ("lorem ipsum", len)),
        b'[' => starts_with_ignoring_case(rest, b"[insert").then_some(("[insert", "[insert".len())),
        _ => None,
    }
}

/// Whether the `len` bytes at `index` are not joined to a word character on
/// either side.
fn is_whole_word(text: &str, index: usize, len: usize) -> bool {
    let before = text
        .get(..index)
        .and_then(|before| before.chars().next_back());
    let after = text
        .get(index + len..)
        .and_then(|after| after.chars().next());
    !before.is_some_and(is_word_character) && !after.is_some_and(is_word_character)
}

/// A letter, digit or `_`.
fn is_word_character(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Length of "lorem", whitespace, "ipsum" (any case) at the start of `rest`.
fn lorem_ipsum_len(rest: &[u8]) -> Option<usize> {
    if !starts_with_ignoring_case(rest, b"lorem") {
        return None;
    }
    let after_lorem = rest.get(b"lorem".len()..)?;
    let spaces = after_lorem
        .iter()
        .take_while(|b| b.is_ascii_whitespace())
        .count();
    let ipsum = after_lorem.get(spaces..)?;
    (spaces > 0 && starts_with_ignoring_case(ipsum, b"ipsum"))
        .then_some(b"lorem".len() + spaces + b"ipsum".len())
}

/// Whether `bytes` starts with the ASCII `prefix`, ignoring case.
fn starts_with_ignoring_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&'static str, &str, u32, u32)> {
        find_placeholders(text)
            .into_iter()
            .map(|p| {
                (
                    p.marker,
                    &text[p.offset..p.offset + p.text.len()],
                    p.position.line,
                    p.position.column,
                )
            })
            .collect()
    }

    #[test]
    fn whole_word_markers_are_found_in_capitals_only() {
        let text = "owner: TBC\n# Scope (TODO)\nSizes XXXL and XXXX; todo list, TODO_LIST, TODOs.\nPhone 0113 XXX XXXX. TBD.";
        assert_eq!(
            found(text),
            [
                ("TBC", "TBC", 1, 8),
                ("TODO", "TODO", 2, 10),
                ("XXX", "XXX", 4, 12),
                ("TBD", "TBD", 4, 22)
            ]
        );
    }

    #[test]
    fn lorem_ipsum_and_insert_ignore_case() {
        let text = "Lorem Ipsum dolor.\n[Insert name here] and [INSERT date]\r\nlorem\r\n  ipsum, loremipsum";
        assert_eq!(
            found(text),
            [
                ("lorem ipsum", "Lorem Ipsum", 1, 1),
                ("[insert", "[Insert", 2, 1),
                ("[insert", "[INSERT", 2, 24),
                ("lorem ipsum", "lorem\r\n  ipsum", 3, 1),
            ]
        );
    }

    #[test]
    fn columns_count_characters_and_neighbouring_letters_may_be_unicode() {
        assert_eq!(found("Ünïcode — TODO"), [("TODO", "TODO", 1, 11)]);
        assert_eq!(found("éTODO TODOé"), []);
    }

    #[test]
    fn a_megabyte_line_of_markers_is_scanned_quickly() {
        let text = "TODO x ".repeat(150_000);
        let placeholders = find_placeholders(&text);
        assert_eq!(placeholders.len(), 150_000);
        assert_eq!(placeholders[149_999].position.column, 149_999 * 7 + 1);
    }
}
