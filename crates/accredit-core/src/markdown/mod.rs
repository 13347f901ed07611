//! Reading the Markdown of `Procedure` and `Document` files: front matter,
//! outline (headings, title, sections and their word counts), links,
//! placeholder text and raw HTML.
//!
//! Every position is relative to the start of the whole file, front matter
//! included, so a finding can point straight at `file:line:column`.
//! Nothing here panics on any input, and the work is linear in the size of
//! the file (a 1 MB paragraph is fine).

mod front_matter;
mod links;
mod locate;
mod outline;
mod placeholders;
mod raw_html;
mod section_name;
mod slug;
mod words;

#[cfg(test)]
mod tests;

pub use front_matter::{FrontMatter, FrontMatterSplit, UnclosedFrontMatter, split_front_matter};
pub use links::{Link, LinkKind, LinkReference, LinkStyle, LinkTarget, classify_destination};
pub use outline::{Heading, Outline, Section};
pub use placeholders::{Placeholder, find_placeholders};
pub use raw_html::{RawHtml, RawHtmlKind};
pub use section_name::normalise_heading;
pub use slug::{github_slug, heading_slugs};

use std::collections::HashSet;

use pulldown_cmark::{Options, Parser};
use serde::Serialize;

use crate::location::LineIndex;
use links::LinkCollector;
use locate::Locator;
use outline::OutlineBuilder;
use raw_html::RawHtmlCollector;

/// Everything read from one Markdown file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MarkdownReport {
    /// The front matter, if any (the YAML is parsed elsewhere). When it is
    /// unclosed, the whole file is read as the body.
    pub front_matter: FrontMatterSplit,
    /// Headings, title and sections of the body.
    pub outline: Outline,
    /// GitHub anchors of the headings, in the order of `outline.headings`.
    pub anchors: Vec<String>,
    /// Links and images in the body.
    pub links: Vec<Link>,
    /// Placeholder text anywhere in the file, front matter included.
    pub placeholders: Vec<Placeholder>,
    /// Raw HTML in the body.
    pub raw_html: Vec<RawHtml>,
}

impl MarkdownReport {
    /// Whether a link to `#anchor` in this file lands on something: a
    /// heading's GitHub anchor (matched as written or lower-cased, as GitHub
    /// does), a heading's `{#id}`, or the top of the page (`#` or `#top`).
    ///
    /// This scans the headings; to check many links against one file, make
    /// its [`Anchors`] once with [`MarkdownReport::anchor_set`].
    pub fn has_anchor(&self, anchor: &str) -> bool {
        self.anchor_set().contains(anchor)
    }

    /// The anchors of this file, for checking many links in constant time each.
    pub fn anchor_set(&self) -> Anchors {
        Anchors {
            slugs: self.anchors.iter().cloned().collect(),
            ids: self
                .outline
                .headings
                .iter()
                .filter_map(|heading| heading.id.clone())
                .collect(),
        }
    }
}

/// The anchors a link into one Markdown file may name (see
/// [`MarkdownReport::has_anchor`]), hashed.
#[derive(Debug, Clone, Default)]
pub struct Anchors {
    slugs: HashSet<String>,
    ids: HashSet<String>,
}

impl Anchors {
    /// Whether `#anchor` lands on something in the file.
    pub fn contains(&self, anchor: &str) -> bool {
        if anchor.is_empty() || anchor.eq_ignore_ascii_case("top") {
            return true;
        }
        self.slugs.contains(anchor)
            || self.ids.contains(anchor)
            || self.slugs.contains(&anchor.to_lowercase())
    }
}

/// Reads a whole Markdown file (front matter included).
pub fn analyse_markdown(text: &str) -> MarkdownReport {
    let front_matter = split_front_matter(text);
    let body_offset = match front_matter.body_offset() {
        0 if text.starts_with(BYTE_ORDER_MARK) => BYTE_ORDER_MARK.len_utf8(),
        offset => offset,
    };
    let body = text.get(body_offset..).unwrap_or_default();
    let line_index = LineIndex::new(text);

    let mut locator = Locator::new(text, &line_index);
    let mut outline = OutlineBuilder::default();
    let mut links = LinkCollector::default();
    let mut raw_html = RawHtmlCollector::default();
    let mut events = Parser::new_ext(body, parser_options()).into_offset_iter();
    while let Some((event, range)) = events.next() {
        let offset = body_offset + range.start;
        outline.observe(&event, offset, &mut locator);
        links.observe(
            &event,
            offset,
            body_offset,
            events.reference_definitions(),
            &mut locator,
        );
        raw_html.observe(&event, offset, text, &mut locator);
    }

    let outline = outline.finish();
    MarkdownReport {
        front_matter,
        anchors: heading_slugs(&outline),
        outline,
        links: links.finish(&mut Locator::new(text, &line_index)),
        placeholders: placeholders::find_placeholders_with(
            text,
            &mut Locator::new(text, &line_index),
        ),
        raw_html: raw_html.finish(),
    }
}

/// The mark some Windows editors put at the start of a UTF-8 file; it is
/// not part of the body.
const BYTE_ORDER_MARK: char = '\u{feff}';

/// The CommonMark extensions evidence may use: tables, footnotes,
/// strikethrough and heading attributes (`{#id}`).
fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}
