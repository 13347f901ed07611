//! The outline of a Markdown body: its headings, title and sections, with
//! the number of words in each section.

use pulldown_cmark::{Event, Tag, TagEnd};
use serde::Serialize;

use super::locate::Locator;
use super::section_name::normalise_heading;
use super::words::WordCounter;
use crate::location::Position;

/// The headings of a document and the sections they open.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Outline {
    /// Every heading (levels 1–6), in document order.
    pub headings: Vec<Heading>,
    /// The title: the first level-1 heading, if any.
    pub title: Option<Heading>,
    /// One section per heading other than the title, in document order.
    pub sections: Vec<Section>,
    /// Words before the first heading.
    pub preamble_words: usize,
    /// Words in the whole body, headings excluded.
    pub words: usize,
}

/// A heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// Level, 1 to 6.
    pub level: u8,
    /// Its plain text: text and inline code, without markup, image text or
    /// a `{#id .class}` attribute block; line breaks become spaces; trimmed.
    pub text: String,
    /// The identifier given in a `{#id}` attribute block, if any.
    pub id: Option<String>,
    /// Byte offset of the heading in the file.
    pub offset: usize,
    /// Line and column of the heading in the file.
    pub position: Position,
}

/// A section: a heading and everything up to the next heading of the same
/// or a higher level (a smaller level number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// The heading that opens it.
    pub heading: Heading,
    /// The heading text normalised for matching ([`normalise_heading`]).
    pub name: String,
    /// Words in the section, its subsections included, headings excluded.
    pub words: usize,
    /// Words between this heading and the next heading of any level.
    pub own_words: usize,
}

/// A heading whose text is still being read.
#[derive(Debug)]
struct OpenHeading {
    /// Level, 1 to 6.
    level: u8,
    /// Text so far.
    text: String,
    /// `{#id}` identifier.
    id: Option<String>,
    /// Byte offset in the file.
    offset: usize,
    /// Position in the file.
    position: Position,
}

/// Builds an [`Outline`] from parser events.
#[derive(Debug, Default)]
pub(crate) struct OutlineBuilder {
    /// Headings finished so far.
    headings: Vec<Heading>,
    /// Words after each heading, up to the next heading.
    own_words: Vec<usize>,
    /// Words before the first heading.
    preamble_words: usize,
    /// The heading being read.
    open: Option<OpenHeading>,
    /// How many images we are inside (their text is not heading text).
    image_depth: usize,
    /// Word state across text events.
    counter: WordCounter,
}

impl OutlineBuilder {
    /// Takes in one event, whose range starts at file offset `offset`.
    pub(crate) fn observe(&mut self, event: &Event<'_>, offset: usize, locator: &mut Locator<'_>) {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                self.counter.break_word();
                self.open = Some(OpenHeading {
                    level: *level as u8,
                    text: String::new(),
                    id: id.as_ref().map(|id| id.to_string()),
                    offset,
                    position: locator.position(offset),
                });
            }
            Event::End(TagEnd::Heading(_)) => self.close_heading(),
            Event::Start(Tag::Image { .. }) => self.image_depth += 1,
            Event::End(TagEnd::Image) => self.image_depth = self.image_depth.saturating_sub(1),
            Event::Text(text) | Event::Code(text) => self.take_text(text),
            Event::SoftBreak | Event::HardBreak => match &mut self.open {
                Some(heading) => heading.text.push(' '),
                None => self.counter.break_word(),
            },
            Event::Start(tag) if !is_inline(&tag.to_end()) => self.counter.break_word(),
            Event::End(tag) if !is_inline(tag) => self.counter.break_word(),
            Event::Html(_) | Event::InlineHtml(_) | Event::Rule => self.counter.break_word(),
            _ => {}
        }
    }

    /// Adds text to the open heading, or counts its words.
    fn take_text(&mut self, text: &str) {
        match &mut self.open {
            Some(heading) => {
                if self.image_depth == 0 {
                    heading.text.push_str(text);
                }
            }
            None => {
                let words = self.counter.count(text);
                match self.own_words.last_mut() {
                    Some(own_words) => *own_words += words,
                    None => self.preamble_words += words,
                }
            }
        }
    }

    /// Finishes the open heading.
    fn close_heading(&mut self) {
        self.counter.break_word();
        if let Some(open) = self.open.take() {
            self.headings.push(Heading {
                level: open.level,
                text: open.text.trim().to_owned(),
                id: open.id,
                offset: open.offset,
                position: open.position,
            });
            self.own_words.push(0);
        }
    }

    /// The outline of everything observed.
    pub(crate) fn finish(mut self) -> Outline {
        self.close_heading();
        let words = section_words(&self.headings, &self.own_words);
        let title_index = self.headings.iter().position(|heading| heading.level == 1);
        let sections = self
            .headings
            .iter()
            .zip(words.iter().zip(&self.own_words))
            .enumerate()
            .filter(|(index, _)| Some(*index) != title_index)
            .map(|(_, (heading, (&words, &own_words)))| Section {
                heading: heading.clone(),
                name: normalise_heading(&heading.text),
                words,
                own_words,
            })
            .collect();
        Outline {
            title: title_index.and_then(|index| self.headings.get(index).cloned()),
            preamble_words: self.preamble_words,
            words: self.preamble_words + self.own_words.iter().sum::<usize>(),
            sections,
            headings: self.headings,
        }
    }
}

/// Words in each heading's section: its own words plus those of every later
/// heading until one of the same or a higher level. The stack of open
/// sections is at most six deep, so this is linear.
fn section_words(headings: &[Heading], own_words: &[usize]) -> Vec<usize> {
    let mut words = own_words.to_vec();
    let mut open: Vec<(usize, u8)> = Vec::new();
    for (index, heading) in headings.iter().enumerate() {
        while open
            .last()
            .is_some_and(|&(_, level)| level >= heading.level)
        {
            open.pop();
        }
        let own = own_words.get(index).copied().unwrap_or(0);
        for &(enclosing, _) in &open {
            if let Some(words) = words.get_mut(enclosing) {
                *words += own;
            }
        }
        open.push((index, heading.level));
    }
    words
}

/// Whether a tag is inline (a word can run through it).
fn is_inline(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

#[cfg(test)]
mod tests {
    use super::super::analyse_markdown;
    use super::*;

    fn outline(text: &str) -> Outline {
        analyse_markdown(text).outline
    }

    #[test]
    fn headings_have_level_text_and_file_position() {
        let text = "---\nkind: Procedure\n---\n# Incident *procedure*\n\n  ## 1. Scope `desk` {#scope}\n\nSetext\n------\n";
        let outline = outline(text);
        let found: Vec<_> = outline
            .headings
            .iter()
            .map(|h| {
                (
                    h.level,
                    h.text.as_str(),
                    h.id.as_deref(),
                    h.position.line,
                    h.position.column,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (1, "Incident procedure", None, 4, 1),
                (2, "1. Scope desk", Some("scope"), 6, 3),
                (2, "Setext", None, 8, 1),
            ]
        );
        assert_eq!(outline.headings[1].offset, text.find("## 1.").unwrap());
    }

    #[test]
    fn title_is_the_first_level_one_heading_and_sections_are_the_rest() {
        let outline = outline("## Version history\n\n# Incident\n\n## Purpose\n\n# Appendix\n");
        assert_eq!(outline.title.map(|h| h.text), Some("Incident".to_owned()));
        let names: Vec<_> = outline.sections.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["version history", "purpose", "appendix"]);
    }

    #[test]
    fn section_words_include_subsections_but_not_headings() {
        let text = "Intro words here.\n\n# Title\n\nOne two.\n\n## Escalation\n\nCall the **on**call lead.\n\n### Level 1\n\n- first line\n- second\n\n```\nlog it now\n```\n\n## Review\n\nYearly `review` cycle.\n";
        let outline = outline(text);
        assert_eq!(outline.preamble_words, 3);
        let sections: Vec<_> = outline
            .sections
            .iter()
            .map(|s| (s.name.as_str(), s.words, s.own_words))
            .collect();
        assert_eq!(
            sections,
            [("escalation", 10, 4), ("level 1", 6, 6), ("review", 3, 3)]
        );
        assert_eq!(outline.words, 3 + 2 + 4 + 6 + 3);
    }

    #[test]
    fn words_split_by_markup_count_once_but_blocks_and_breaks_separate_them() {
        let outline = outline(
            "# T\n\nin**complete** ca[ll](x.md)\nnext\n\n| a | b |\n|---|---|\n| c | d |\n",
        );
        assert_eq!(outline.words, 3 + 4);
    }

    #[test]
    fn heading_text_skips_images_and_html_but_keeps_link_text() {
        let outline = outline("## ![logo](l.png) Roles <b>and</b> [duties](#d)\n");
        assert_eq!(outline.headings[0].text, "Roles and duties");
    }

    #[test]
    fn a_document_without_headings_has_an_empty_outline() {
        let outline = outline("Just a paragraph\nof five words.\n");
        assert!(outline.headings.is_empty() && outline.sections.is_empty());
        assert_eq!(outline.title, None);
        assert_eq!((outline.preamble_words, outline.words), (6, 6));
    }
}
