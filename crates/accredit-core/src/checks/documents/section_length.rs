//! `section-length`: every section the ITIL requirements ask for has enough
//! words to say something (DOC-05).
//!
//! Reads the `Procedure`s. The sections are those of every
//! `procedure-sections` requirement in the ruleset (ITIL-01 to ITIL-07),
//! found in the procedure that requirement counts. Words are counted in the
//! section and its subsections, headings excluded; where several headings
//! match one section, the longest counts. Credit is the share of the
//! sections found that have at least `min_section_words` words. Sections
//! that are missing are the ITIL requirements' findings, not this one's.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::pack_documents::percent;
use crate::checks::{CheckKind, Codes, Context, Outcome};
use crate::finding::{Area, Finding, FindingCode};
use crate::location::Location;
use crate::model::Kind;

pub(crate) const SECTION_TOO_SHORT: FindingCode = FindingCode::new(
    Area::Documents,
    "section-too-short",
    "A Procedure section is shorter than the requirement asks.",
    "Describe the section's subject in more words.",
);

pub(crate) const NO_REQUIRED_SECTIONS: FindingCode = FindingCode::new(
    Area::Documents,
    "no-required-sections",
    "No Procedure has any of the sections the requirement measures.",
    "Add the sections to the Procedures.",
);

pub(crate) const NO_SECTIONS_ASKED: FindingCode = FindingCode::new(
    Area::Documents,
    "no-sections-asked",
    "The ruleset names no sections for this requirement to measure (a ruleset problem).",
    "In the ruleset, give the requirement sections, or the Procedure requirement it follows.",
);

/// Parameters of `section-length`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionLength {
    /// The fewest words a required section may have.
    pub min_section_words: usize,
}

impl crate::checks::ParameterSchema for SectionLength {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "min_section_words": {
          "type": "integer",
          "minimum": 0,
          "maximum": 100000,
          "description": "The fewest words each section asked for by the procedure-sections requirements may have."
        }
      },
      "required": ["min_section_words"]
    }"#;
}

impl CheckKind for SectionLength {
    const CODES: Codes = &[&[NO_REQUIRED_SECTIONS, NO_SECTIONS_ASKED, SECTION_TOO_SHORT]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::Procedure]
    }

    fn method(&self) -> String {
        format!(
            "Counts the words in each section that the `procedure-sections` requirements ask for, in the procedure each of them counts (subsections included, headings excluded); each must have at least {} words. Credit is the share of these sections that do.",
            self.min_section_words
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let mut counted: BTreeSet<(&str, usize)> = BTreeSet::new();
        let mut long_enough = 0;
        let mut findings = Vec::new();
        let mut any_asked = false;
        for sections in &context.shared.documented_sections {
            any_asked = true;
            let Some((procedure, coverage)) = sections.best_procedure(context.evidence) else {
                continue;
            };
            for (required, found) in sections.sections.iter().zip(&coverage.found) {
                let Some(longest) = found.iter().max_by_key(|s| s.words) else {
                    continue;
                };
                if !counted.insert((procedure.file.as_str(), longest.heading.offset)) {
                    continue;
                }
                if longest.words >= self.min_section_words {
                    long_enough += 1;
                    continue;
                }
                let words = match longest.words {
                    1 => "1 word".to_owned(),
                    n => format!("{n} words"),
                };
                findings.push(Finding::new(
                    SECTION_TOO_SHORT,
                    format!(
                        "the \"{}\" section of {} has {words}; it needs at least {}",
                        required.name, procedure.file, self.min_section_words
                    ),
                    Some(Location::at(
                        &procedure.file,
                        longest.heading.position.line,
                        longest.heading.position.column,
                    )),
                ));
            }
        }
        if !any_asked {
            return Outcome::not_applicable(vec![Finding::new(
                NO_SECTIONS_ASKED,
                "the ruleset asks for no procedure sections, so there is nothing to measure",
                None,
            )]);
        }
        if counted.is_empty() {
            return Outcome::fail(vec![Finding::new(
                NO_REQUIRED_SECTIONS,
                "none of the sections the ITIL requirements ask for was found in the procedures, so none can be measured",
                None,
            )]);
        }
        Outcome::measured(percent(long_enough, counted.len()), 100.0, "%", findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_support::documents::{evidence, procedure, run};
    use crate::checks::{Check, Status};

    fn words(n: usize) -> String {
        "word ".repeat(n)
    }

    #[test]
    fn short_required_sections_are_named_with_their_word_count_at_the_heading() {
        let body = format!(
            "# Change\n\n## Purpose\n\n{}\n\n## Scope\n\nToo short.\n\n## Roles\n\n### Change manager\n\n{}\n\n## Appendix\n\nshort\n",
            words(30),
            words(31)
        );
        let evidence = evidence(
            vec![procedure("procedures/change.md", "change", &body)],
            vec![],
        );
        let outcome = run(
            &Check::SectionLength(SectionLength {
                min_section_words: 30,
            }),
            &evidence,
        );
        assert_eq!(outcome.status, Status::Partial);
        assert!(
            (outcome.credit - 2.0 / 3.0).abs() < 1e-9,
            "{}",
            outcome.credit
        );
        assert_eq!(outcome.findings.len(), 1);
        assert_eq!(outcome.findings[0].code, "section-too-short");
        assert_eq!(
            outcome.findings[0].message,
            "the \"scope\" section of procedures/change.md has 2 words; it needs at least 30"
        );
        assert_eq!(
            outcome.findings[0].location.as_ref().unwrap().to_string(),
            "procedures/change.md:17:1"
        );
    }

    #[test]
    fn no_required_section_found_fails() {
        let evidence = evidence(
            vec![procedure("p.md", "change", "# C\n\n## Other\n")],
            vec![],
        );
        let outcome = run(
            &Check::SectionLength(SectionLength {
                min_section_words: 30,
            }),
            &evidence,
        );
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(outcome.findings[0].code, "no-required-sections");
    }
}
