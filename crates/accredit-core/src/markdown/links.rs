//! Links and images in a Markdown body, and what their destinations point at.
//!
//! Files are not resolved here: the loader does that. A link is reported
//! where it starts (its `[`, `![` or `<`); a reference-style link also gives
//! the position of the definition that supplies its destination. Reference
//! definitions that no link uses are not links and are not reported.

use pulldown_cmark::{Event, LinkType, RefDefs, Tag};
use serde::Serialize;

use super::locate::Locator;
use crate::location::Position;

/// A link or image in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// Link or image.
    pub kind: LinkKind,
    /// How the destination was written.
    pub style: LinkStyle,
    /// The destination as Markdown gives it (escapes and entities resolved,
    /// percent-encoding kept).
    pub destination: String,
    /// What the destination points at.
    pub target: LinkTarget,
    /// For a reference-style link, its label and definition.
    pub reference: Option<LinkReference>,
    /// Byte offset of the link in the file.
    pub offset: usize,
    /// Line and column of the link in the file.
    pub position: Position,
}

/// Whether a link is a hyperlink or an embedded image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    /// `[text](destination)`.
    Link,
    /// `![alt](destination)`.
    Image,
}

/// How a link's destination is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkStyle {
    /// `[text](destination)`.
    Inline,
    /// `[text][label]`, `[label][]` or `[label]`, with `[label]: destination`
    /// elsewhere.
    Reference,
    /// `<https://…>` or `<someone@nhs.net>`.
    Autolink,
}

/// The label and definition of a reference-style link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkReference {
    /// The label as written in the link.
    pub label: String,
    /// Where the `[label]: destination` definition is, when found.
    pub definition: Option<Position>,
}

/// What a link's destination points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum LinkTarget {
    /// Somewhere outside the pack: the destination has a URL scheme
    /// (`https:`, `mailto:`, `tel:`; at least two characters, so `C:\` is
    /// not one) or starts with `//`.
    External {
        /// The scheme, lower-cased (`mailto` for an e-mail autolink; empty
        /// for `//host/…`).
        scheme: String,
    },
    /// A heading in the same file: `#section`.
    Anchor {
        /// The anchor without `#`, percent-decoded (may be empty: `#`).
        anchor: String,
    },
    /// A file, relative to the linking file unless it starts with `/`.
    Path {
        /// The path, percent-decoded, without any `?query` or `#anchor`.
        path: String,
        /// The anchor after `#`, percent-decoded, if any.
        anchor: Option<String>,
    },
    /// An empty destination: `[text]()`.
    Empty,
}

/// Collects links from parser events.
#[derive(Debug, Default)]
pub(crate) struct LinkCollector {
    /// Links so far.
    links: Vec<Link>,
    /// For reference links: the link's index and its definition's file offset.
    definitions: Vec<(usize, usize)>,
}

impl LinkCollector {
    /// Takes in one event, whose range starts at file offset `offset`;
    /// `body_offset` is where the body (which the parser sees) starts.
    pub(crate) fn observe(
        &mut self,
        event: &Event<'_>,
        offset: usize,
        body_offset: usize,
        reference_definitions: &RefDefs<'_>,
        locator: &mut Locator<'_>,
    ) {
        let (kind, link_type, destination, label) = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                id,
                ..
            }) => (LinkKind::Link, link_type, dest_url, id),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                id,
                ..
            }) => (LinkKind::Image, link_type, dest_url, id),
            _ => return,
        };
        let style = match link_type {
            LinkType::Autolink | LinkType::Email => LinkStyle::Autolink,
            LinkType::Inline | LinkType::WikiLink { .. } => LinkStyle::Inline,
            _ => LinkStyle::Reference,
        };
        let reference = (style == LinkStyle::Reference).then(|| {
            if let Some(definition) = reference_definitions.get(label) {
                self.definitions
                    .push((self.links.len(), body_offset + definition.span.start));
            }
            LinkReference {
                label: label.to_string(),
                definition: None,
            }
        });
        let target = match link_type {
            LinkType::Email => LinkTarget::External {
                scheme: "mailto".to_owned(),
            },
            _ => classify_destination(destination),
        };
        self.links.push(Link {
            kind,
            style,
            destination: destination.to_string(),
            target,
            reference,
            offset,
            position: locator.position(offset),
        });
    }

    /// The links, with the positions of their definitions filled in (located
    /// in offset order, so the cost stays linear).
    pub(crate) fn finish(mut self, locator: &mut Locator<'_>) -> Vec<Link> {
        self.definitions
            .sort_by_key(|&(_, definition_offset)| definition_offset);
        for (index, definition_offset) in self.definitions {
            let position = locator.position(definition_offset);
            if let Some(reference) = self
                .links
                .get_mut(index)
                .and_then(|link| link.reference.as_mut())
            {
                reference.definition = Some(position);
            }
        }
        self.links
    }
}

/// Classifies a destination as external, an anchor, a path or empty.
pub fn classify_destination(destination: &str) -> LinkTarget {
    if destination.is_empty() {
        return LinkTarget::Empty;
    }
    if let Some(scheme) = url_scheme(destination) {
        return LinkTarget::External { scheme };
    }
    if destination.starts_with("//") {
        return LinkTarget::External {
            scheme: String::new(),
        };
    }
    let (before_anchor, anchor) = match destination.split_once('#') {
        Some((before, anchor)) => (before, Some(percent_decode(anchor))),
        None => (destination, None),
    };
    let path = before_anchor
        .split_once('?')
        .map_or(before_anchor, |(path, _)| path);
    match (path.is_empty(), anchor) {
        (true, Some(anchor)) => LinkTarget::Anchor { anchor },
        (true, None) => LinkTarget::Empty,
        (false, anchor) => LinkTarget::Path {
            path: percent_decode(path),
            anchor,
        },
    }
}

/// The lower-cased URL scheme of `destination` (RFC 3986: a letter, then
/// letters, digits, `+`, `-` or `.`, then `:`), if it has one of at least two
/// characters.
fn url_scheme(destination: &str) -> Option<String> {
    let (scheme, _) = destination.split_once(':')?;
    let mut chars = scheme.chars();
    let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_valid = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (starts_with_letter && rest_valid && scheme.len() >= 2).then(|| scheme.to_ascii_lowercase())
}

/// `text` with `%XX` escapes decoded; unchanged if the result is not UTF-8.
fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        let escaped = match (byte, bytes.get(index + 1..index + 3)) {
            (b'%', Some(&[high, low])) => hex_value(high).zip(hex_value(low)),
            _ => None,
        };
        match escaped {
            Some((high, low)) => {
                decoded.push(high * 16 + low);
                index += 3;
            }
            None => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8(decoded).unwrap_or_else(|_| text.to_owned())
}

/// The value of one hexadecimal digit.
fn hex_value(digit: u8) -> Option<u8> {
    char::from(digit)
        .to_digit(16)
        .and_then(|value| u8::try_from(value).ok())
}

#[cfg(test)]
mod tests {
    use super::super::analyse_markdown;
    use super::*;

    fn path(path: &str, anchor: Option<&str>) -> LinkTarget {
        LinkTarget::Path {
            path: path.to_owned(),
            anchor: anchor.map(str::to_owned),
        }
    }

    fn external(scheme: &str) -> LinkTarget {
        LinkTarget::External {
            scheme: scheme.to_owned(),
        }
    }

    #[test]
    fn destinations_are_classified() {
        assert_eq!(
            classify_destination("https://www.nhs.uk/x#y"),
            external("https")
        );
        assert_eq!(
            classify_destination("MAILTO:desk@nhs.net"),
            external("mailto")
        );
        assert_eq!(classify_destination("tel:+441131234567"), external("tel"));
        assert_eq!(classify_destination("//cdn.example/x.png"), external(""));
        assert_eq!(
            classify_destination("#roles--responsibilities"),
            LinkTarget::Anchor {
                anchor: "roles--responsibilities".to_owned()
            }
        );
        assert_eq!(
            classify_destination("#"),
            LinkTarget::Anchor {
                anchor: String::new()
            }
        );
        assert_eq!(
            classify_destination("change.md#scope"),
            path("change.md", Some("scope"))
        );
        assert_eq!(
            classify_destination("../procedures/change.md"),
            path("../procedures/change.md", None)
        );
        assert_eq!(
            classify_destination("/pack/x.md?plain=1#a"),
            path("/pack/x.md", Some("a"))
        );
        assert_eq!(
            classify_destination("C:\\docs\\x.md"),
            path("C:\\docs\\x.md", None)
        );
        assert_eq!(
            classify_destination("major%20incident.md#caf%C3%A9"),
            path("major incident.md", Some("café"))
        );
        assert_eq!(
            classify_destination("bad%FF%zz.md"),
            path("bad%FF%zz.md", None)
        );
        assert_eq!(classify_destination(""), LinkTarget::Empty);
        assert_eq!(classify_destination("?x"), LinkTarget::Empty);
    }

    #[test]
    fn links_and_images_are_reported_with_file_positions() {
        let text = "---\nkind: Procedure\n---\n# Incident\n\nSee [change](change.md#scope) and ![chart](img/chart.png).\n\n* <https://nhs.uk> or <desk@nhs.net>, [top](#incident)\n";
        let links = analyse_markdown(text).links;
        let found: Vec<_> = links
            .iter()
            .map(|l| {
                (
                    l.kind,
                    l.style,
                    l.destination.as_str(),
                    l.position.line,
                    l.position.column,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (LinkKind::Link, LinkStyle::Inline, "change.md#scope", 6, 5),
                (LinkKind::Image, LinkStyle::Inline, "img/chart.png", 6, 35),
                (LinkKind::Link, LinkStyle::Autolink, "https://nhs.uk", 8, 3),
                (LinkKind::Link, LinkStyle::Autolink, "desk@nhs.net", 8, 23),
                (LinkKind::Link, LinkStyle::Inline, "#incident", 8, 39),
            ]
        );
        assert_eq!(links[0].target, path("change.md", Some("scope")));
        assert_eq!(links[3].target, external("mailto"));
        assert_eq!(links[0].offset, text.find("[change]").unwrap());
    }

    #[test]
    fn reference_links_give_label_and_definition_position() {
        let text = "# T\n\nSee [the change procedure][chg], [Release] and [ref][].\n\n[chg]: change.md#scope\n[release]: <release process.md>\n";
        let links = analyse_markdown(text).links;
        let found: Vec<_> = links
            .iter()
            .map(|l| {
                let reference = l.reference.as_ref().unwrap();
                (
                    l.style,
                    l.position.column,
                    reference.label.as_str(),
                    reference.definition.map(|p| (p.line, p.column)),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (LinkStyle::Reference, 5, "chg", Some((5, 1))),
                (LinkStyle::Reference, 34, "Release", Some((6, 1))),
            ]
        );
        assert_eq!(links[1].target, path("release process.md", None));
    }
}
