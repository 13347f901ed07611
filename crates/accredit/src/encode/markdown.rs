//! Markdown for pull-request comments and CI job summaries (CommonMark with
//! the GitHub extensions: tables, strikethrough, autolinks, mentions).
//!
//! [`inline`] makes a value plain text wherever it stands in a line,
//! including a table cell: control characters become visible escapes (so the
//! value is one line and cannot start a block such as a heading, list, quote,
//! table or code block), every character that opens inline markup is
//! backslash-escaped (emphasis, strikethrough, code, a link, an image, raw
//! HTML, an autolink, an entity, maths, a table cell break), as is a leading
//! character that could start a block, and a zero-width space follows each `@`
//! and `#` and breaks up `www.` and `://`, so GitHub makes no mention
//! (`@user`, `@org/team`), issue reference or bare autolink (including e-mail
//! addresses) of it.
//!
//! [`code`] is a code span that holds any text: its fence is longer than any
//! run of backticks inside, padded with spaces when needed.

use super::text::{is_escaped, push_escape};

/// Breaks a GitHub mention, reference or autolink without showing anything.
const ZERO_WIDTH_SPACE: char = '\u{200b}';

/// `value` as plain inline text.
pub fn inline(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + value.len() / 4 + 8);
    let lower = value.to_ascii_lowercase();
    let marker = leading_block_marker(value);
    for (i, c) in value.char_indices() {
        // A leading space (indentation, or a code block at four) as an entity.
        if i == 0 && c == ' ' {
            out.push_str("&#32;");
            continue;
        }
        if Some(i) == marker {
            out.push('\\');
            out.push(c);
            continue;
        }
        if is_escaped(c) {
            let mut escape = String::new();
            push_escape(&mut escape, c);
            for e in escape.chars() {
                push_escaped_ascii(&mut out, e);
            }
            continue;
        }
        // `www.` opens a bare autolink; a zero-width space inside breaks it.
        if lower[i..].starts_with("www.") {
            out.push(c);
            out.push(ZERO_WIDTH_SPACE);
            continue;
        }
        push_escaped_ascii(&mut out, c);
        match c {
            '@' | '#' => out.push(ZERO_WIDTH_SPACE),
            ':' if value[i..].starts_with("://") => out.push(ZERO_WIDTH_SPACE),
            _ => {}
        }
    }
    out
}

/// Characters that open or close inline markup anywhere in a line.
const INLINE_MARKUP: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '!', '&', '|', '~', '#', '$', '^', '@',
];

fn push_escaped_ascii(out: &mut String, c: char) {
    if INLINE_MARKUP.contains(&c) {
        out.push('\\');
    }
    out.push(c);
}

/// The byte length of a leading block marker (`-`, `+`, `=`, `1.`, `1)`)
/// that must be escaped if the value were to start a line.
fn leading_block_marker(value: &str) -> Option<usize> {
    if value.starts_with(['-', '+', '=']) {
        return Some(0);
    }
    // An ordered-list marker is digits, `.` or `)`, then white space or the end.
    let digits = value.bytes().take_while(u8::is_ascii_digit).count();
    let after = value.get(digits + 1..).unwrap_or("");
    (digits > 0
        && value[digits..].starts_with(['.', ')'])
        && (after.is_empty() || after.starts_with([' ', '\t'])))
    .then_some(digits)
}

/// `value` as a code span (for file names and paths): the text shows as
/// written, except control characters, which show as visible escapes. Not for
/// table cells (a `|` there would still split the cell; use [`inline`]).
pub fn code(value: &str) -> String {
    let mut content = String::with_capacity(value.len());
    for c in value.chars() {
        if is_escaped(c) {
            push_escape(&mut content, c);
        } else {
            content.push(c);
        }
    }
    if content.is_empty() {
        return String::new();
    }
    let longest_run = content.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    // CommonMark strips one space from each end when both are spaces, so a
    // padded span shows its content exactly.
    let pad = (content.starts_with(['`', ' ']) || content.ends_with(['`', ' ']))
        && !content.chars().all(|c| c == ' ');
    let pad = if pad { " " } else { "" };
    format!("{fence}{pad}{content}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    use super::*;

    fn options() -> Options {
        Options::ENABLE_TABLES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_GFM
            | Options::ENABLE_MATH
            | Options::ENABLE_SUPERSCRIPT
            | Options::ENABLE_SUBSCRIPT
            | Options::ENABLE_WIKILINKS
            | Options::ENABLE_DEFINITION_LIST
    }

    /// The events of `markdown` other than the paragraph around them.
    fn events(markdown: &str) -> Vec<Event<'_>> {
        Parser::new_ext(markdown, options())
            .filter(|e| {
                !matches!(
                    e,
                    Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
                )
            })
            .collect()
    }

    fn shown(value: &str) -> String {
        let mut out = String::new();
        for c in value.chars() {
            if is_escaped(c) {
                push_escape(&mut out, c);
            } else {
                out.push(c);
            }
        }
        out
    }

    fn text_of(events: &[Event<'_>]) -> Option<String> {
        let mut text = String::new();
        for event in events {
            match event {
                Event::Text(t) => text.push_str(t),
                _ => return None,
            }
        }
        Some(text.replace(ZERO_WIDTH_SPACE, ""))
    }

    #[test]
    fn markup_in_evidence_is_text() {
        for hostile in [
            "@octocat and @nhs/desk-team",
            "[click](https://evil.example/) ![pixel](https://evil.example/p.png)",
            "<img src=x onerror=alert(1)> <https://evil.example/> www.evil.example",
            "# heading",
            "> quote",
            "- item",
            "1. item",
            "| a | b |",
            "*em* __strong__ ~~gone~~ `code`",
            "servicedesk@trust.nhs.uk",
            "&amp; &#64; \\",
            "line\n# heading\n\n<script>x</script>",
        ] {
            let line = format!("a {} z", inline(hostile));
            let events = events(&line);
            assert_eq!(
                text_of(&events),
                Some(format!("a {} z", shown(hostile))),
                "{hostile:?} gave {events:?}"
            );
        }
    }

    #[test]
    fn mentions_and_autolinks_are_broken_invisibly() {
        assert_eq!(inline("@octocat"), "\\@\u{200b}octocat");
        assert_eq!(inline("#12"), "\\#\u{200b}12");
        assert_eq!(inline("https://x"), "https:\u{200b}//x");
        assert_eq!(inline("WWW.x"), "W\u{200b}WW.x");
        assert_eq!(inline("Phone, fax and e-mail"), "Phone, fax and e-mail");
        assert_eq!(inline("- item"), "\\- item");
        assert_eq!(inline("12. item"), "12\\. item");
        assert_eq!(inline("1.0.0"), "1.0.0");
    }

    #[test]
    fn a_table_cell_stays_one_cell() {
        let table = format!(
            "| h | i |\n|---|---|\n| {} | end |\n",
            inline("a | b \\| c")
        );
        let cells = Parser::new_ext(&table, options())
            .filter(|e| matches!(e, Event::Start(Tag::TableCell)))
            .count();
        assert_eq!(cells, 4);
    }

    #[test]
    fn code_spans_hold_any_text() {
        assert_eq!(code("a.md"), "`a.md`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x`"), "`` `x` ``");
        assert_eq!(code("my ``file``.md"), "```my ``file``.md```");
        assert_eq!(code("a\u{1b}b"), "`a\\x1bb`");
        assert_eq!(code(""), "");
    }

    /// Strings made of Markdown's own tokens, which random text rarely holds.
    fn markup() -> impl Strategy<Value = String> {
        let tokens = vec![
            "@",
            "#",
            "www.",
            "http://",
            "https://x.y",
            "[",
            "]",
            "(",
            ")",
            "!",
            "<",
            ">",
            "*",
            "**",
            "_",
            "`",
            "```",
            "~",
            "~~",
            "|",
            "&",
            "amp;",
            "&#64;",
            "$",
            "$$",
            "^",
            "-",
            "+",
            "=",
            "1.",
            "2)",
            " ",
            "  ",
            "\n",
            "\t",
            "a",
            "x@y.z",
            ":",
            "\\",
            "<script>",
            "#1",
            "    ",
            "> ",
            "- [ ]",
            "[^1]",
            "[[w]]",
            "\r\n",
            "<!--",
            "-->",
            "\u{1b}[",
        ];
        prop::collection::vec(prop::sample::select(tokens), 0..24).prop_map(|t| t.concat())
    }

    proptest! {
        #[test]
        fn markup_tokens_parse_as_text_only(value in markup()) {
            let at_start = format!("{} z", inline(&value));
            let start_events = events(&at_start);
            if !value.is_empty() {
                prop_assert_eq!(text_of(&start_events), Some(format!("{} z", shown(&value))), "{:?}", start_events);
            }
            for line in [format!("a {} z", inline(&value)), format!("| {} | z |\n|---|---|\n", inline(&value))] {
                let texts: String = Parser::new_ext(&line, options())
                    .filter_map(|e| match e {
                        Event::Text(t) => Some(t.into_string()),
                        Event::Start(Tag::Paragraph | Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell)
                        | Event::End(TagEnd::Paragraph | TagEnd::Table | TagEnd::TableHead | TagEnd::TableRow | TagEnd::TableCell) => None,
                        other => Some(format!("\u{0}{other:?}")),
                    })
                    .collect();
                // A NUL marks a non-text event (the encoder escapes every NUL in the value).
                prop_assert!(!texts.contains('\u{0}'), "{:?} gave {:?}", line, texts);
                prop_assert!(texts.replace(ZERO_WIDTH_SPACE, "").contains(shown(&value).trim()), "{:?} gave {}", line, texts);
            }
        }

        #[test]
        fn inline_text_parses_as_text_only(value in any::<String>()) {
            let line = format!("a {} z", inline(&value));
            let inside = events(&line);
            prop_assert_eq!(text_of(&inside), Some(format!("a {} z", shown(&value))), "{:?}", inside);
            // Where a value starts the line, it is text too.
            let line = format!("{} z", inline(&value));
            let at_start = events(&line);
            if !value.is_empty() {
                prop_assert_eq!(text_of(&at_start), Some(format!("{} z", shown(&value))), "{:?}", at_start);
            }
        }

        #[test]
        fn inline_text_has_no_mention(value in "[@a-z/ .#-]{0,40}") {
            // (The entity of a leading space is the encoder's own.)
            let encoded = inline(&value).replacen("&#32;", " ", 1);
            for (i, _) in encoded.match_indices(['@', '#']) {
                let next = encoded[i + 1..].chars().next();
                prop_assert_eq!(next, Some(ZERO_WIDTH_SPACE));
            }
        }

        #[test]
        fn a_code_span_shows_its_content(value in any::<String>()) {
            let span = code(&value);
            let line = format!("a {span} z");
            let events = events(&line);
            if shown(&value).is_empty() {
                prop_assert_eq!(span, "");
            } else {
                let codes: Vec<&Event<'_>> = events.iter().filter(|e| matches!(e, Event::Code(_))).collect();
                prop_assert_eq!(events.len(), 3, "{:?}", events);
                prop_assert_eq!(codes.len(), 1);
                // Line endings inside a span become spaces; there are none.
                let expected = shown(&value);
                prop_assert_eq!(codes[0], &Event::Code(expected.as_str().into()));
            }
        }
    }
}
