//! Raw HTML in a Markdown body. It is reported as content, and never
//! rendered raw anywhere.

use pulldown_cmark::{Event, Tag};
use serde::Serialize;

use super::locate::Locator;
use crate::location::Position;

/// The most characters of an occurrence kept in [`RawHtml::snippet`].
const SNIPPET_CHARS: usize = 80;

/// One raw HTML block or inline tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RawHtml {
    /// Block or inline.
    pub kind: RawHtmlKind,
    /// Its first line, trimmed, at most 80 characters (then ending in `…`).
    pub snippet: String,
    /// Whether it is an HTML comment (`<!-- … -->`).
    pub comment: bool,
    /// Byte offset in the file.
    pub offset: usize,
    /// Line and column in the file.
    pub position: Position,
}

/// Where raw HTML sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RawHtmlKind {
    /// An HTML block: lines of HTML standing on their own.
    Block,
    /// An HTML tag or comment inside a paragraph, heading or table cell.
    Inline,
}

/// Collects raw HTML from parser events.
#[derive(Debug, Default)]
pub(crate) struct RawHtmlCollector {
    /// Occurrences so far.
    occurrences: Vec<RawHtml>,
}

impl RawHtmlCollector {
    /// Takes in one event, whose source starts at file offset `offset` in
    /// `file_text`.
    pub(crate) fn observe(
        &mut self,
        event: &Event<'_>,
        offset: usize,
        file_text: &str,
        locator: &mut Locator<'_>,
    ) {
        let (kind, source) = match event {
            Event::Start(Tag::HtmlBlock) => (
                RawHtmlKind::Block,
                file_text.get(offset..).unwrap_or_default(),
            ),
            Event::InlineHtml(html) => (RawHtmlKind::Inline, html.as_ref()),
            _ => return,
        };
        let first_line = source.lines().next().unwrap_or_default().trim();
        self.occurrences.push(RawHtml {
            kind,
            snippet: snippet(first_line),
            comment: first_line.starts_with("<!--"),
            offset,
            position: locator.position(offset),
        });
    }

    /// The occurrences, in order.
    pub(crate) fn finish(self) -> Vec<RawHtml> {
        self.occurrences
    }
}

/// `line`, cut to [`SNIPPET_CHARS`] characters.
fn snippet(line: &str) -> String {
    match line.char_indices().nth(SNIPPET_CHARS) {
        Some((cut, _)) => format!("{}…", line.get(..cut).unwrap_or_default()),
        None => line.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::analyse_markdown;
    use super::*;

    #[test]
    fn blocks_and_inline_tags_are_reported_once_each() {
        let text = "---\ntitle: x\n---\n<div align=\"center\">\n  <img src=\"logo.png\">\n</div>\n\nCall <b>now</b>.<br>\n\n<!-- TODO: owner -->\n";
        let found: Vec<_> = analyse_markdown(text)
            .raw_html
            .into_iter()
            .map(|h| {
                (
                    h.kind,
                    h.snippet,
                    h.comment,
                    h.position.line,
                    h.position.column,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    RawHtmlKind::Block,
                    "<div align=\"center\">".to_owned(),
                    false,
                    4,
                    1
                ),
                (RawHtmlKind::Inline, "<b>".to_owned(), false, 8, 6),
                (RawHtmlKind::Inline, "</b>".to_owned(), false, 8, 12),
                (RawHtmlKind::Inline, "<br>".to_owned(), false, 8, 17),
                (
                    RawHtmlKind::Block,
                    "<!-- TODO: owner -->".to_owned(),
                    true,
                    10,
                    1
                ),
            ]
        );
    }

    #[test]
    fn long_html_is_cut_to_a_snippet() {
        let text = format!("<p>{}</p>\n", "é".repeat(200));
        let html = analyse_markdown(&text).raw_html;
        assert_eq!(html.len(), 1);
        assert_eq!(html[0].snippet.chars().count(), SNIPPET_CHARS + 1);
        assert!(html[0].snippet.ends_with('…'));
    }
}
