//! Counting words across the pieces of text a Markdown parser hands out.

/// Counts whitespace-separated words over a stream of text pieces.
///
/// A word may continue from one piece into the next (`**in**complete` comes
/// as two pieces but is one word) unless [`WordCounter::break_word`] is called
/// between them, as it is at block boundaries and line breaks. Each character
/// is looked at once, so counting is linear in the text.
#[derive(Debug, Default)]
pub(crate) struct WordCounter {
    /// Whether the last character seen was part of a word.
    in_word: bool,
}

impl WordCounter {
    /// The number of words that start in `piece`.
    pub(crate) fn count(&mut self, piece: &str) -> usize {
        let mut words = 0;
        for c in piece.chars() {
            if c.is_whitespace() {
                self.in_word = false;
            } else if !self.in_word {
                self.in_word = true;
                words += 1;
            }
        }
        words
    }

    /// Ends the current word: the next piece starts a new one.
    pub(crate) fn break_word(&mut self) {
        self.in_word = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_of_non_whitespace() {
        let mut counter = WordCounter::default();
        assert_eq!(counter.count("  Log the call,\tthen\u{a0}assign it  "), 6);
        assert_eq!(counter.count(""), 0);
        assert_eq!(counter.count(" - "), 1);
    }

    #[test]
    fn a_word_split_over_pieces_counts_once_unless_broken() {
        let mut counter = WordCounter::default();
        assert_eq!(counter.count("in"), 1);
        assert_eq!(counter.count("complete form"), 1);
        counter.break_word();
        assert_eq!(counter.count("next"), 1);
    }
}
