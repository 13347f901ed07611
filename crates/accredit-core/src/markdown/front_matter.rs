//! Splitting a Markdown file into its YAML front matter and its body.
//!
//! Front matter is a YAML block at the very top of the file: the first line is
//! exactly `---` (trailing spaces, tabs and a `\r` allowed; a UTF-8 byte-order
//! mark before it is tolerated, since Windows editors add one), and the block
//! ends at the first later line that is `---` or `...` (same tolerance). The
//! YAML itself is parsed elsewhere; this module only gives exact offsets.

use serde::Serialize;

/// What the top of a Markdown file holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum FrontMatterSplit {
    /// No front matter: the file is a plain Markdown attachment (a README).
    Absent,
    /// A complete front-matter block.
    Found(FrontMatter),
    /// An opening `---` line with no closing `---` or `...` line.
    Unclosed(UnclosedFrontMatter),
}

impl FrontMatterSplit {
    /// Byte offset at which the Markdown body starts: after the closing line
    /// when front matter was found, otherwise 0 (the whole file is the body).
    pub fn body_offset(&self) -> usize {
        match self {
            FrontMatterSplit::Found(front_matter) => front_matter.body_offset,
            FrontMatterSplit::Absent | FrontMatterSplit::Unclosed(_) => 0,
        }
    }
}

/// A front-matter block and where it sits in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FrontMatter {
    /// The YAML text between the opening and closing lines, exactly as in
    /// the file (line endings included).
    pub yaml: String,
    /// Byte offset of the YAML text in the file.
    pub yaml_offset: usize,
    /// 1-based line number, in the file, of the YAML's first line.
    pub first_line: u32,
    /// Byte offset in the file at which the body starts (just after the
    /// closing line).
    pub body_offset: usize,
}

/// Front matter that is opened but never closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct UnclosedFrontMatter {
    /// 1-based line of the opening `---`.
    pub line: u32,
}

impl std::fmt::Display for UnclosedFrontMatter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("front matter has no closing `---`")
    }
}

impl std::error::Error for UnclosedFrontMatter {}

/// Splits `text` (a whole Markdown file) into front matter and body.
pub fn split_front_matter(text: &str) -> FrontMatterSplit {
    let mut lines = lines_with_offsets(text);
    let Some((opening_offset, opening)) = lines.next() else {
        return FrontMatterSplit::Absent;
    };
    let opening = opening.strip_prefix('\u{feff}').unwrap_or(opening);
    if opening_offset != 0 || !is_fence(opening, &["---"]) {
        return FrontMatterSplit::Absent;
    }
    let yaml_offset = opening_offset + line_len_with_ending(text, opening_offset);
    for (offset, line) in lines {
        if is_fence(line, &["---", "..."]) {
            let yaml = text.get(yaml_offset..offset).unwrap_or_default();
            return FrontMatterSplit::Found(FrontMatter {
                yaml: yaml.to_owned(),
                yaml_offset,
                first_line: 2,
                body_offset: offset + line_len_with_ending(text, offset),
            });
        }
    }
    FrontMatterSplit::Unclosed(UnclosedFrontMatter { line: 1 })
}

/// Whether `line` (without its `\n`) is one of `fences`, allowing a trailing
/// `\r` and trailing spaces or tabs.
fn is_fence(line: &str, fences: &[&str]) -> bool {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let line = line.trim_end_matches([' ', '\t']);
    fences.contains(&line)
}

/// Each line of `text` without its `\n`, with the byte offset it starts at.
fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |offset, line| {
        let start = *offset;
        *offset += line.len();
        Some((start, line.strip_suffix('\n').unwrap_or(line)))
    })
}

/// Length in bytes of the line starting at `offset`, its `\n` included.
fn line_len_with_ending(text: &str, offset: usize) -> usize {
    let rest = text.get(offset..).unwrap_or_default();
    rest.find('\n').map_or(rest.len(), |newline| newline + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> FrontMatter {
        match split_front_matter(text) {
            FrontMatterSplit::Found(front_matter) => front_matter,
            other => panic!("expected front matter, got {other:?}"),
        }
    }

    #[test]
    fn front_matter_gives_yaml_and_body_offsets() {
        let text = "---\nkind: Procedure\ntitle: Incident\n---\n# Incident\n";
        let front_matter = found(text);
        assert_eq!(front_matter.yaml, "kind: Procedure\ntitle: Incident\n");
        assert_eq!(front_matter.yaml_offset, 4);
        assert_eq!(front_matter.first_line, 2);
        assert_eq!(&text[front_matter.body_offset..], "# Incident\n");
    }

    #[test]
    fn closing_line_may_be_dots_and_fences_may_have_trailing_spaces_and_crlf() {
        let text = "---  \r\nkind: Document\r\n...\t\r\nBody";
        let front_matter = found(text);
        assert_eq!(front_matter.yaml, "kind: Document\r\n");
        assert_eq!(front_matter.yaml_offset, 7);
        assert_eq!(&text[front_matter.body_offset..], "Body");
    }

    #[test]
    fn empty_front_matter_and_closing_line_at_end_of_file() {
        let front_matter = found("---\n---");
        assert_eq!(front_matter.yaml, "");
        assert_eq!(front_matter.body_offset, 7);
    }

    #[test]
    fn byte_order_mark_before_the_opening_line_is_tolerated() {
        let text = "\u{feff}---\nkind: Procedure\n---\n";
        let front_matter = found(text);
        assert_eq!(front_matter.yaml, "kind: Procedure\n");
        assert_eq!(front_matter.body_offset, text.len());
    }

    #[test]
    fn no_front_matter_is_absent() {
        assert_eq!(split_front_matter(""), FrontMatterSplit::Absent);
        assert_eq!(
            split_front_matter("# Readme\n---\n"),
            FrontMatterSplit::Absent
        );
        assert_eq!(
            split_front_matter("----\na: 1\n----\n"),
            FrontMatterSplit::Absent
        );
        assert_eq!(
            split_front_matter(" ---\na: 1\n---\n"),
            FrontMatterSplit::Absent
        );
        assert_eq!(
            split_front_matter("\n---\na: 1\n---\n"),
            FrontMatterSplit::Absent
        );
        assert_eq!(split_front_matter("# Readme").body_offset(), 0);
    }

    #[test]
    fn unclosed_front_matter_is_an_error_at_the_opening_line() {
        for text in ["---", "---\n", "---\r\nkind: Procedure\n# Title\n----\n"] {
            let split = split_front_matter(text);
            assert_eq!(
                split,
                FrontMatterSplit::Unclosed(UnclosedFrontMatter { line: 1 }),
                "{text:?}"
            );
            assert_eq!(split.body_offset(), 0);
        }
        let error = UnclosedFrontMatter { line: 1 };
        assert_eq!(error.to_string(), "front matter has no closing `---`");
    }
}
