//! The Procedures and Documents of a pack seen together, for the checks that
//! look at every Markdown evidence document (DOC-01 to DOC-03): the file,
//! its document control, where its front matter nodes are, and what the
//! Markdown analysis read from it.

use crate::evidence::{Evidence, Located, MarkdownEvidence};
use crate::finding::{Area, Finding, FindingCode};
use crate::location::{Location, to_u32};
use crate::markdown::MarkdownReport;
use crate::model::DocumentControl;
use crate::yaml::NodeIndex;

pub(crate) const DOCUMENT_MISSING: FindingCode = FindingCode::new(
    Area::Documents,
    "document-missing",
    "The pack has no Document of a type the requirement asks for.",
    "Add a Markdown Document with `kind: Document` and that `type` in its front matter.",
);

pub(crate) const BROKEN_LINK: FindingCode = FindingCode::new(
    Area::Documents,
    "broken-link",
    "A Markdown link between pack files does not resolve.",
    "Correct the link, or add the file or heading it points to.",
);

/// The most findings of one kind reported for one document; the rest are
/// counted in a last finding, so a document full of `TODO`s cannot bury
/// everything else.
pub(crate) const FINDINGS_PER_DOCUMENT: usize = 20;

/// A Procedure or a Document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PackDocument<'a> {
    /// Pack-relative path.
    pub file: &'a str,
    /// Version, owner, approval and review date.
    pub control: &'a DocumentControl,
    /// Places of its front matter nodes, in file lines.
    pub index: &'a NodeIndex,
    /// The whole file text.
    pub text: &'a str,
    /// What the Markdown analysis read.
    pub report: &'a MarkdownReport,
}

impl<'a> PackDocument<'a> {
    fn of<T>(
        document: &'a Located<MarkdownEvidence<T>>,
        control: &'a DocumentControl,
    ) -> PackDocument<'a> {
        PackDocument {
            file: &document.file,
            control,
            index: &document.index,
            text: &document.value.text,
            report: &document.value.report,
        }
    }

    /// The place of a front matter node (or its nearest ancestor).
    pub fn at(&self, pointer: &str) -> Location {
        let p = self.index.locate(pointer);
        Location::at(self.file, p.line, p.column)
    }
}

/// Every valid Procedure and Document, ordered by file.
pub(crate) fn pack_documents(evidence: &Evidence) -> Vec<PackDocument<'_>> {
    let mut documents: Vec<PackDocument<'_>> = evidence
        .procedures
        .iter()
        .map(|p| PackDocument::of(p, &p.value.front.control))
        .chain(
            evidence
                .documents
                .iter()
                .map(|d| PackDocument::of(d, &d.value.front.control)),
        )
        .collect();
    documents.sort_by(|a, b| a.file.cmp(b.file));
    documents
}

/// Where a finding about a document as a whole points: its title (the
/// first level-1 heading), else its first heading, else the first line of
/// its body.
pub(crate) fn title_location(file: &str, text: &str, report: &MarkdownReport) -> Location {
    let heading = report
        .outline
        .title
        .as_ref()
        .or_else(|| report.outline.headings.first());
    match heading {
        Some(heading) => Location::at(file, heading.position.line, heading.position.column),
        None => {
            let body_offset = report.front_matter.body_offset();
            let before = text.get(..body_offset).unwrap_or_default();
            let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
            Location::at(file, to_u32(line), 1)
        }
    }
}

/// The findings for the first [`FINDINGS_PER_DOCUMENT`] of `items` (each
/// made by `finding`), and, when there are more, one more finding at the
/// first left out saying how many `what` were left out. Only the findings
/// shown are made.
pub(crate) fn capped<T>(items: &[T], what: &str, finding: impl Fn(&T) -> Finding) -> Vec<Finding> {
    let mut findings: Vec<Finding> = items
        .iter()
        .take(FINDINGS_PER_DOCUMENT)
        .map(&finding)
        .collect();
    if let Some(first_left_out) = items.get(FINDINGS_PER_DOCUMENT) {
        let first_left_out = finding(first_left_out);
        let location = first_left_out.location;
        let file = location
            .as_ref()
            .map(|l| format!(" in {}", l.file))
            .unwrap_or_default();
        findings.push(Finding::new(
            first_left_out.code,
            format!(
                "… and {} more {what}{file}",
                items.len() - FINDINGS_PER_DOCUMENT
            ),
            location,
        ));
    }
    findings
}

/// `part` of `whole` as a percentage (100 when there is nothing to count).
pub(crate) fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

/// A list in words: "a", "a and b", "a, b and c".
pub(crate) fn in_words<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", rest.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::analyse_markdown;

    #[test]
    fn title_location_falls_back_to_the_first_heading_then_the_body() {
        let text = "---\nkind: Document\n---\n\n## Scope\n\n# Title\n";
        let report = analyse_markdown(text);
        assert_eq!(
            title_location("a.md", text, &report).to_string(),
            "a.md:7:1"
        );
        let text = "---\nkind: Document\n---\n\n### Only\n";
        let report = analyse_markdown(text);
        assert_eq!(
            title_location("a.md", text, &report).to_string(),
            "a.md:5:1"
        );
        let text = "---\nkind: Document\n---\nNo headings at all.\n";
        let report = analyse_markdown(text);
        assert_eq!(
            title_location("a.md", text, &report).to_string(),
            "a.md:4:1"
        );
    }

    #[test]
    fn findings_are_capped_with_a_count_of_the_rest() {
        let lines: Vec<u32> = (1..=25).collect();
        let capped = capped(&lines, "placeholders", |line| {
            Finding::new(BROKEN_LINK, "x", Some(Location::at("a.md", *line, 1)))
        });
        assert_eq!(capped.len(), FINDINGS_PER_DOCUMENT + 1);
        let last = capped.last().unwrap();
        assert_eq!(last.message, "… and 5 more placeholders in a.md");
        assert_eq!(last.location.as_ref().and_then(Location::line), Some(21));
    }

    #[test]
    fn lists_read_as_words() {
        assert_eq!(in_words::<&str>(&[]), "");
        assert_eq!(in_words(&["a"]), "a");
        assert_eq!(in_words(&["a", "b", "c"]), "a, b and c");
        assert_eq!(percent(1, 4), 25.0);
        assert_eq!(percent(0, 0), 100.0);
    }
}
