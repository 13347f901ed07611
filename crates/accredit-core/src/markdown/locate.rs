//! Turning many byte offsets into lines and columns in linear time.
//!
//! [`LineIndex::position`] counts the characters from the start of the line
//! on every call, so asking it for thousands of places on one long line (a
//! 1 MB paragraph full of links) would be quadratic. A [`Locator`] remembers
//! where it last was and only counts forward from there; a request behind
//! that point falls back to the [`LineIndex`].

use crate::location::{LineIndex, Position, to_u32};

/// A forward-moving cursor that maps byte offsets of one text to positions.
#[derive(Debug)]
pub(crate) struct Locator<'a> {
    /// The text the offsets refer to (the whole file).
    text: &'a str,
    /// Its line starts.
    lines: &'a LineIndex,
    /// 1-based line of `offset`.
    line: u32,
    /// Byte offset at which the next line starts, if there is one.
    next_line_start: Option<usize>,
    /// The offset last located.
    offset: usize,
    /// 0-based character column of `offset`.
    column: usize,
}

impl<'a> Locator<'a> {
    /// A cursor at the start of `text`, which `lines` indexes.
    pub(crate) fn new(text: &'a str, lines: &'a LineIndex) -> Locator<'a> {
        Locator {
            text,
            lines,
            line: 1,
            next_line_start: lines.line_start(2),
            offset: 0,
            column: 0,
        }
    }

    /// The position of byte `offset` (clamped to the text, and moved back to
    /// the start of the character it falls in).
    pub(crate) fn position(&mut self, offset: usize) -> Position {
        let offset = char_boundary_at_or_before(self.text, offset);
        if offset < self.offset {
            return self.jump_back(offset);
        }
        while let Some(next_line_start) = self.next_line_start {
            if next_line_start > offset {
                break;
            }
            self.line = self.line.saturating_add(1);
            self.next_line_start = self.lines.line_start(self.line.saturating_add(1));
            self.offset = next_line_start;
            self.column = 0;
        }
        let walked = self
            .text
            .get(self.offset..offset)
            .map_or(0, |s| s.chars().count());
        self.column += walked;
        self.offset = offset;
        Position {
            line: self.line,
            column: to_u32(self.column + 1),
        }
    }

    /// Repositions the cursor at an offset behind it, via the line index.
    fn jump_back(&mut self, offset: usize) -> Position {
        let position = self.lines.position(self.text, offset);
        self.line = position.line;
        self.next_line_start = self.lines.line_start(position.line.saturating_add(1));
        self.offset = offset;
        self.column = (position.column as usize).saturating_sub(1);
        position
    }
}

/// `offset` clamped to `text` and moved back to a character boundary.
fn char_boundary_at_or_before(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locator_agrees_with_the_line_index_forwards_and_backwards() {
        let text = "ab\r\né x\n\nlast é line";
        let lines = LineIndex::new(text);
        let mut locator = Locator::new(text, &lines);
        let offsets: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for &offset in offsets.iter().chain(offsets.iter().rev()) {
            assert_eq!(
                locator.position(offset),
                lines.position(text, offset),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let text = "é\nb";
        let lines = LineIndex::new(text);
        let mut locator = Locator::new(text, &lines);
        assert_eq!(locator.position(1), Position { line: 1, column: 1 });
        assert_eq!(locator.position(99), Position { line: 2, column: 2 });
    }
}
