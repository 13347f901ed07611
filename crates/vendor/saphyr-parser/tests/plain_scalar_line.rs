//! The fast path of `StrInput::fetch_plain_scalar_line` (the rest of a plain scalar's line at
//! once) against the trait's default (the rest of the word, one character at a time, as the
//! scanner read it before): the same events, with the same spans, or the same error, for any text.

use proptest::prelude::*;
use saphyr_parser::input::SkipTabs;
use saphyr_parser::{Event, Input, Parser, ScanError, Span, StrInput};

/// `StrInput` with the default `fetch_plain_scalar_line`: every other method is `StrInput`'s.
struct OneCharAtATime<'a>(StrInput<'a>);

impl Input for OneCharAtATime<'_> {
    fn lookahead(&mut self, count: usize) {
        self.0.lookahead(count)
    }
    fn buflen(&self) -> usize {
        self.0.buflen()
    }
    fn bufmaxlen(&self) -> usize {
        self.0.bufmaxlen()
    }
    fn buf_is_empty(&self) -> bool {
        self.0.buf_is_empty()
    }
    fn raw_read_ch(&mut self) -> char {
        self.0.raw_read_ch()
    }
    fn raw_read_non_breakz_ch(&mut self) -> Option<char> {
        self.0.raw_read_non_breakz_ch()
    }
    fn skip(&mut self) {
        self.0.skip()
    }
    fn skip_n(&mut self, count: usize) {
        self.0.skip_n(count)
    }
    fn peek(&self) -> char {
        self.0.peek()
    }
    fn peek_nth(&self, n: usize) -> char {
        self.0.peek_nth(n)
    }
    fn peek_opt(&self) -> Option<char> {
        self.0.peek_opt()
    }
    fn look_ch(&mut self) -> char {
        self.0.look_ch()
    }
    fn next_char_is(&self, c: char) -> bool {
        self.0.next_char_is(c)
    }
    fn nth_char_is(&self, n: usize, c: char) -> bool {
        self.0.nth_char_is(n, c)
    }
    fn next_2_are(&self, c1: char, c2: char) -> bool {
        self.0.next_2_are(c1, c2)
    }
    fn next_3_are(&self, c1: char, c2: char, c3: char) -> bool {
        self.0.next_3_are(c1, c2, c3)
    }
    fn next_is_document_indicator(&self) -> bool {
        self.0.next_is_document_indicator()
    }
    fn next_is_document_start(&self) -> bool {
        self.0.next_is_document_start()
    }
    fn next_is_document_end(&self) -> bool {
        self.0.next_is_document_end()
    }
    fn skip_ws_to_eol(&mut self, skip_tabs: SkipTabs) -> (usize, Result<SkipTabs, &'static str>) {
        self.0.skip_ws_to_eol(skip_tabs)
    }
    fn next_can_be_plain_scalar(&self, in_flow: bool) -> bool {
        self.0.next_can_be_plain_scalar(in_flow)
    }
    fn next_is_blank_or_break(&self) -> bool {
        self.0.next_is_blank_or_break()
    }
    fn next_is_blank_or_breakz(&self) -> bool {
        self.0.next_is_blank_or_breakz()
    }
    fn next_is_blank(&self) -> bool {
        self.0.next_is_blank()
    }
    fn next_is_break(&self) -> bool {
        self.0.next_is_break()
    }
    fn next_is_breakz(&self) -> bool {
        self.0.next_is_breakz()
    }
    fn next_is_z(&self) -> bool {
        self.0.next_is_z()
    }
    fn next_is_flow(&self) -> bool {
        self.0.next_is_flow()
    }
    fn next_is_digit(&self) -> bool {
        self.0.next_is_digit()
    }
    fn next_is_alpha(&self) -> bool {
        self.0.next_is_alpha()
    }
    fn skip_while_non_breakz(&mut self) -> usize {
        self.0.skip_while_non_breakz()
    }
    fn skip_while_blank(&mut self) -> usize {
        self.0.skip_while_blank()
    }
    fn fetch_while_is_alpha(&mut self, out: &mut String) -> usize {
        self.0.fetch_while_is_alpha(out)
    }
    fn fetch_while_is_yaml_non_space(&mut self, out: &mut String) -> usize {
        self.0.fetch_while_is_yaml_non_space(out)
    }
}

fn events<'a, T: saphyr_parser::Input>(
    parser: Parser<'a, T>,
) -> Result<Vec<(Event<'a>, Span)>, ScanError> {
    let mut out = Vec::new();
    for event in parser {
        out.push(event?);
    }
    Ok(out)
}

fn same(text: &str) {
    let fast = events(Parser::new_from_str(text));
    let slow = events(Parser::new(OneCharAtATime(StrInput::new(text))));
    assert_eq!(fast, slow, "text: {text:?}");
}

#[test]
fn lines_of_plain_scalars() {
    for text in [
        "a: b c d\n",
        "a: b  c\td  \n",
        "a: b c # comment\n",
        "a: b c #d\n  e f\n",
        "a: b c: d\n",
        "a: b c:d e\n",
        "key with spaces: value with spaces\n",
        "- a b\n- c d\n",
        "[a b, c d]\n",
        "{a b: c d, e: f g}\n",
        "[a b -, c]\n",
        "[a b -x, c]\n",
        "a: b \u{FEFF} c\n",
        "a: b c\u{FEFF}\n",
        "a: é è ü\n",
        "a: b c\r\n  d e\r\n",
        "a: b\0 c\n",
        "top level words here\n",
        "  a: b c\n  d: e f\n",
        "a:\n  b c\n d e\n",
        "a: b c  \n",
        "- b c :d\n",
        "a: [b c:, d]\n",
        "a: {b c:d}\n",
        "? a b\n: c d\n",
        "a: b c #\n",
        "a: 'b c' d\n",
        "a: b\tc\t#x\n",
        "-a b\n",
        "a b: c\n---\nd e\n",
    ] {
        same(text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]
    #[test]
    fn any_text_gives_the_same_events(
        pieces in prop::collection::vec(
            prop::sample::select(vec![
                " ", "  ", "\t", "\n", "\r\n", ":", ": ", "#", " #", "-", "- ", ",", "[", "]",
                "{", "}", "?", "'", "\"", "|", ">", "!", "&a", "*a", "a", "bc", "d e", "é", "\u{FEFF}",
                "\0", "---", "...", "  - ", "k: ", "x y z", "%",
            ]),
            0..40,
        )
    ) {
        same(&pieces.concat());
    }
}
