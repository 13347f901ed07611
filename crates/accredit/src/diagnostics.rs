//! Printing validation diagnostics: one `file:line:col: error[code]: message`
//! line each, with a source snippet beneath when a person is reading.

use std::fmt::Write;

use accredit_core::diagnostic::{Diagnostic, Severity};
use accredit_core::evidence::Evidence;
use accredit_core::location::LineIndex;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::terminal::Style;

/// Renders every diagnostic of `evidence`.
pub fn render(evidence: &Evidence, style: Style) -> String {
    let mut out = String::new();
    for diagnostic in &evidence.diagnostics {
        out.push_str(&render_one(diagnostic, evidence, style));
    }
    out
}

/// The one-line form, `file:line:col: error[code]: message`.
pub fn line(diagnostic: &Diagnostic, style: Style) -> String {
    let (word, colour) = match diagnostic.severity {
        Severity::Error => ("error", "1;31"),
        Severity::Warning => ("warning", "1;33"),
    };
    // Evidence text (a file name, a quoted value) is encoded for the terminal,
    // and a path leading the line cannot make it a workflow command.
    let place = diagnostic.location.as_ref().map_or_else(
        || "pack".to_string(),
        |l| crate::encode::text::path_at_line_start(&l.to_string()),
    );
    format!(
        "{}: {}: {}",
        style.paint("1", &place),
        style.paint(colour, &format!("{word}[{}]", diagnostic.code.as_str())),
        crate::encode::text::text(&diagnostic.message)
    )
}

fn render_one(diagnostic: &Diagnostic, evidence: &Evidence, style: Style) -> String {
    let mut out = line(diagnostic, style);
    out.push('\n');
    if style.snippets
        && let Some(location) = &diagnostic.location
        && let Some(position) = location.position
        && let Some(source) = evidence.sources.get(&location.file)
    {
        let source = visible_source(source);
        let _ = write!(out, "{}", snippet(diagnostic, &source, position, style));
    }
    out
}

/// The source with each control character (but line ends and tabs) shown as
/// one visible character, so a snippet sends no terminal sequence and keeps
/// its columns: C0 as its Control Pictures symbol (ESC as `␛`), DEL as `␡`,
/// anything else [`crate::encode::text`] escapes as `�`.
fn visible_source(source: &str) -> std::borrow::Cow<'_, str> {
    let keep =
        |c: char, next: Option<char>| c == '\n' || c == '\t' || (c == '\r' && next == Some('\n'));
    let mut chars = source.chars().peekable();
    if !source.chars().any(crate::encode::text::is_escaped) {
        return std::borrow::Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        out.push(match c {
            c if keep(c, next) || !crate::encode::text::is_escaped(c) => c,
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            _ => '\u{fffd}',
        });
    }
    std::borrow::Cow::Owned(out)
}

fn snippet(
    diagnostic: &Diagnostic,
    source: &str,
    position: accredit_core::location::Position,
    style: Style,
) -> String {
    let index = LineIndex::new(source);
    let Some(line_start) = index.line_start(position.line) else {
        return String::new();
    };
    let line_end = source[line_start..]
        .find('\n')
        .map_or(source.len(), |i| line_start + i);
    let line_text = &source[line_start..line_end];
    let column_byte = line_text
        .char_indices()
        .nth(position.column.saturating_sub(1) as usize)
        .map_or(line_text.len(), |(i, _)| i);
    let start = line_start + column_byte;
    let token_end = source[start..line_end]
        .find([' ', ':', ',', ']', '}'])
        .map_or(line_end, |i| start + i.max(1));
    let end = token_end.max((start + 1).min(line_end)).min(source.len());
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let report = [Group::with_level(level).element(
        Snippet::source(source)
            .fold(true)
            .annotation(AnnotationKind::Primary.span(start..end.max(start))),
    )];
    let renderer = if style.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut text = renderer.render(&report);
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::visible_source;

    #[test]
    fn snippets_show_control_characters_one_for_one() {
        assert_eq!(
            visible_source("a: \u{1b}]52;c;x\u{7}\r\nb\rc\u{9b}\n"),
            "a: ␛]52;c;x␇\r\nb␍c\u{fffd}\n"
        );
        assert_eq!(visible_source("plain\n\ttext"), "plain\n\ttext");
    }
}
