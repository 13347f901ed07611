//! `no-placeholders`: no Procedure or Document still holds placeholder
//! text (DOC-02).
//!
//! Reads the whole text of every `Procedure` and `Document`, front matter,
//! code and HTML comments included, through the Markdown analysis's
//! placeholder scan: `TODO`, `TBC`, `TBD` and `XXX` in capitals as whole
//! words, "lorem ipsum" and "[insert" in any case. `markers` chooses which
//! of these count. Each occurrence is a finding at its line and column;
//! credit is the share of documents with none.

use serde::{Deserialize, Serialize};

use super::pack_documents::{capped, in_words, pack_documents, percent};
use crate::checks::{CheckKind, Codes, Context, Outcome, ParameterProblem};
use crate::finding::{Area, Finding, FindingCode};
use crate::location::Location;
use crate::markdown::Placeholder;
use crate::model::Kind;

pub(crate) const PLACEHOLDER_TEXT: FindingCode = FindingCode::new(
    Area::Documents,
    "placeholder-text",
    "Template placeholder text (such as TBC or lorem ipsum) is left in a document.",
    "Replace the placeholder with the real content.",
);

/// The markers the Markdown analysis finds, in its canonical spelling.
pub const KNOWN_MARKERS: [&str; 6] = ["TODO", "TBC", "TBD", "XXX", "lorem ipsum", "[insert"];

/// Characters of context shown on each side of a placeholder.
const CONTEXT_CHARS: usize = 30;

/// Parameters of `no-placeholders`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoPlaceholders {
    /// The placeholder markers that count (from [`KNOWN_MARKERS`]).
    pub markers: Vec<String>,
}

impl crate::checks::ParameterSchema for NoPlaceholders {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "markers": {
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "enum": ["TODO", "TBC", "TBD", "XXX", "lorem ipsum", "[insert"]
          },
          "description": "The placeholder text that counts."
        }
      },
      "required": ["markers"]
    }"#;
}

impl CheckKind for NoPlaceholders {
    const CODES: Codes = &[&[PLACEHOLDER_TEXT]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::Procedure, Kind::Document]
    }

    fn method(&self) -> String {
        let markers: Vec<String> = self.markers.iter().map(|m| format!("\"{m}\"")).collect();
        format!(
            "Scans the whole text of every Procedure and Document, front matter and comments included, for placeholder text: {} (TODO, TBC, TBD and XXX only in capitals as whole words). Credit is the share of documents with none.",
            in_words(&markers)
        )
    }

    fn parameter_problems(&self) -> Vec<ParameterProblem> {
        let unknown = self
            .markers
            .iter()
            .enumerate()
            .filter(|(_, marker)| !KNOWN_MARKERS.contains(&marker.as_str()));
        unknown
            .map(|(i, marker)| ParameterProblem {
                field: format!("markers/{i}"),
                message: format!(
                    "`{marker}` is not a placeholder the tool finds ({})",
                    KNOWN_MARKERS.join(", ")
                ),
            })
            .collect()
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let documents = pack_documents(context.evidence);
        let mut findings = Vec::new();
        let mut clean = 0;
        for document in &documents {
            let found: Vec<&Placeholder> = document
                .report
                .placeholders
                .iter()
                .filter(|p| self.markers.iter().any(|m| m == p.marker))
                .collect();
            if found.is_empty() {
                clean += 1;
            }
            findings.extend(capped(&found, "placeholders", |p| {
                Finding::new(
                    PLACEHOLDER_TEXT,
                    format!(
                        "placeholder text \"{}\" left in {}: \"{}\"",
                        p.text.split_whitespace().collect::<Vec<_>>().join(" "),
                        document.file,
                        excerpt(document.text, p.offset, p.text.len())
                    ),
                    Some(Location::at(
                        document.file,
                        p.position.line,
                        p.position.column,
                    )),
                )
            }));
        }
        Outcome::measured(percent(clean, documents.len()), 100.0, "%", findings)
    }
}

/// The text around `len` bytes at `offset` on their line, at most
/// [`CONTEXT_CHARS`] characters each side (cut at a word where it can be),
/// with `…` where it is cut. Only a few hundred bytes around the placeholder
/// are looked at, so a megabyte-long line costs no more than a short one.
fn excerpt(text: &str, offset: usize, len: usize) -> String {
    let window = CONTEXT_CHARS * 4;
    let offset = floor_boundary(text, offset);
    let end = floor_boundary(text, offset.saturating_add(len));
    let from = floor_boundary(text, offset.saturating_sub(window));
    let region = text.get(from..offset).unwrap_or_default();
    let (before, mut before_cut) = match region.rfind(['\n', '\r']) {
        Some(newline) => (region.get(newline + 1..).unwrap_or_default(), false),
        None => (
            region,
            from > 0 && !text.get(..from).unwrap_or_default().ends_with(['\n', '\r']),
        ),
    };
    let count = before.chars().count();
    let before: String = before
        .chars()
        .skip(count.saturating_sub(CONTEXT_CHARS))
        .collect();
    before_cut |= count > CONTEXT_CHARS;
    let to = ceil_boundary(text, end.saturating_add(window));
    let region = text.get(end..to).unwrap_or_default();
    let (after, mut after_cut) = match region.find(['\n', '\r']) {
        Some(newline) => (region.get(..newline).unwrap_or_default(), false),
        None => (region, to < text.len()),
    };
    after_cut |= after.chars().nth(CONTEXT_CHARS).is_some();
    let after: String = after.chars().take(CONTEXT_CHARS).collect();
    let before = match before.split_once(char::is_whitespace) {
        Some((_, whole_words)) if before_cut => whole_words,
        _ => before.as_str(),
    };
    let after = match after.rsplit_once(char::is_whitespace) {
        Some((whole_words, _)) if after_cut => whole_words,
        _ => after.as_str(),
    };
    let matched = text.get(offset..end).unwrap_or_default();
    let mut excerpt = String::new();
    if before_cut {
        excerpt.push('…');
    }
    excerpt.push_str(before.trim_start());
    excerpt.push_str(matched.lines().next().unwrap_or_default());
    if matched.contains('\n') {
        excerpt.push('…');
    } else {
        excerpt.push_str(after.trim_end());
        if after_cut {
            excerpt.push('…');
        }
    }
    excerpt
}

/// `offset` clamped to `text` and moved back to a character boundary.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// `offset` clamped to `text` and moved on to a character boundary.
fn ceil_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_support::documents::{document, evidence, procedure, run};
    use crate::checks::{Check, Status};
    use crate::markdown::find_placeholders;

    fn check() -> Check {
        Check::NoPlaceholders(NoPlaceholders {
            markers: KNOWN_MARKERS.iter().map(|m| (*m).to_owned()).collect(),
        })
    }

    #[test]
    fn the_known_markers_are_those_the_analysis_finds() {
        let text = "TODO TBC TBD XXX lorem ipsum [insert";
        let found: Vec<&str> = find_placeholders(text).iter().map(|p| p.marker).collect();
        assert_eq!(found, KNOWN_MARKERS);
    }

    #[test]
    fn a_tbc_is_reported_at_its_line_and_credit_is_the_share_of_clean_documents() {
        let body =
            "# Incident\n\n## Escalation\n\nThe on-call manager's number is TBC until March.\n";
        let evidence = evidence(
            vec![
                procedure("procedures/incident.md", "incident", body),
                procedure("procedures/change.md", "change", "# Change\n"),
            ],
            vec![
                document("documents/sla.md", "sla", "# SLA\n"),
                document("documents/fsc.md", "forward-schedule-of-change", "# FSC\n"),
            ],
        );
        let outcome = run(&check(), &evidence);
        assert_eq!(outcome.status, Status::Partial);
        assert!((outcome.credit - 0.75).abs() < 1e-9);
        assert_eq!(outcome.findings.len(), 1);
        let finding = &outcome.findings[0];
        assert_eq!(finding.code, "placeholder-text");
        assert_eq!(
            finding.location.as_ref().unwrap().to_string(),
            "procedures/incident.md:15:33"
        );
        assert_eq!(
            finding.message,
            "placeholder text \"TBC\" left in procedures/incident.md: \"…on-call manager's number is TBC until March.\""
        );
    }

    #[test]
    fn markers_not_chosen_are_ignored_and_unknown_ones_are_refused() {
        let evidence = evidence(
            vec![procedure("p.md", "change", "# C\n\nSee XXX.\n")],
            vec![],
        );
        let only_todo = NoPlaceholders {
            markers: vec!["TODO".to_owned()],
        };
        assert_eq!(
            run(&Check::NoPlaceholders(only_todo.clone()), &evidence).status,
            Status::Pass
        );
        let wrong = NoPlaceholders {
            markers: vec!["FIXME".to_owned(), "TODO".to_owned(), "todo".to_owned()],
        };
        let fields: Vec<String> = wrong
            .parameter_problems()
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(fields, ["markers/0", "markers/2"]);
        assert!(only_todo.parameter_problems().is_empty());
    }

    #[test]
    fn many_placeholders_in_one_document_are_capped() {
        let body = format!("# C\n\n{}\n", "TODO ".repeat(100_000));
        let evidence = evidence(vec![procedure("p.md", "change", &body)], vec![]);
        let outcome = run(&check(), &evidence);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(outcome.findings.len(), 21);
        assert_eq!(
            outcome.findings[20].message,
            "… and 99980 more placeholders in p.md"
        );
    }

    #[test]
    fn excerpts_stay_on_the_line_and_are_cut_at_character_boundaries() {
        let text = "first\nowner: TBC\nnext";
        assert_eq!(excerpt(text, 13, 3), "owner: TBC");
        let long = format!("{}TODO{}", "é".repeat(50), "ü".repeat(50));
        let at = long.find("TODO").unwrap();
        let cut = excerpt(&long, at, 4);
        assert!(cut.starts_with('…') && cut.ends_with('…') && cut.contains("TODO"));
        assert_eq!(excerpt("lorem\n ipsum", 0, 12), "lorem…");
    }
}
