//! `procedure-sections`: the Procedure for an ITIL process has the sections
//! the standard asks for (ITIL-01 to ITIL-07).
//!
//! Reads the `Procedure` documents whose `process` is the one named. Their
//! sections are the headings below the title (any level); a heading matches
//! a required section when its text, normalised by
//! [`normalise_heading`] (case, punctuation and leading section numbers
//! ignored, `&` read as "and"), contains the section's name or one of its
//! synonyms as whole words ("Purpose of this procedure" is the purpose
//! section; "Escalation to the LSP" the escalation section). `min_further_sections` asks for that many more sections that
//! match none of the named ones ("purpose, scope, roles and at least one
//! further section"). If several procedures cover the process, the one with
//! the most of what is asked counts. Credit is the share of what is asked
//! that is present; the requirement passes only when all of it is.

use serde::{Deserialize, Serialize};

use super::pack_documents::{in_words, percent, title_location};
use crate::checks::{CheckKind, Codes, Context, Outcome, ParameterProblem};
use crate::evidence::{Evidence, Located, MarkdownEvidence};
use crate::finding::{Area, Finding, FindingCode};
use crate::markdown::{Outline, Section, normalise_heading};
use crate::model::{Kind, Procedure, Process};

pub(crate) const PROCEDURE_MISSING: FindingCode = FindingCode::new(
    Area::Documents,
    "procedure-missing",
    "The pack has no Procedure for a process the requirement asks about.",
    "Add a Markdown Procedure with `kind: Procedure` and the process in its front matter.",
);

pub(crate) const SECTION_MISSING: FindingCode = FindingCode::new(
    Area::Documents,
    "section-missing",
    "A Procedure lacks a section the requirement asks for.",
    "Add a section (a heading) with the name given in the finding.",
);

pub(crate) const FURTHER_SECTION_MISSING: FindingCode = FindingCode::new(
    Area::Documents,
    "further-section-missing",
    "A Procedure has too few sections beyond the named ones describing how the process is carried out.",
    "Add sections describing how the process is carried out.",
);

/// The most section names listed in a finding's "(it has: …)".
const SECTIONS_LISTED: usize = 15;

/// Parameters of `procedure-sections`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureSections {
    /// The ITIL process whose Procedure is examined.
    pub process: Process,
    /// The sections it must have.
    pub sections: Vec<RequiredSection>,
    /// How many sections it must have besides the named ones (default 0).
    #[serde(default)]
    pub min_further_sections: usize,
}

impl crate::checks::ParameterSchema for ProcedureSections {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "process": {
          "enum": [
            "incident",
            "problem",
            "change",
            "release",
            "configuration",
            "service-level",
            "knowledge",
            "access",
            "request",
            "continuity"
          ],
          "description": "The ITIL process whose Procedure is examined."
        },
        "sections": {
          "type": "array",
          "minItems": 1,
          "description": "The sections the procedure must have: a name, or {name, synonyms} where synonyms are other headings that count as the same section. Headings match ignoring case, punctuation and section numbers.",
          "items": {
            "oneOf": [
              {
                "type": "string",
                "minLength": 1,
                "pattern": "[\\p{L}\\p{N}]"
              },
              {
                "type": "object",
                "additionalProperties": false,
                "required": ["name"],
                "properties": {
                  "name": {
                    "type": "string",
                    "minLength": 1,
                    "pattern": "[\\p{L}\\p{N}]"
                  },
                  "synonyms": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "minLength": 1,
                      "pattern": "[\\p{L}\\p{N}]"
                    }
                  }
                }
              }
            ]
          }
        },
        "min_further_sections": {
          "type": "integer",
          "minimum": 0,
          "maximum": 1000,
          "description": "How many sections the procedure must have besides the named ones (default 0)."
        }
      },
      "required": ["process", "sections"]
    }"#;
}

/// A section a procedure must have: its name, and other headings that count
/// as the same section. Written in a ruleset as a bare name (`purpose`) or
/// as `{name: roles, synonyms: [roles and responsibilities]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "SectionSpelling")]
pub struct RequiredSection {
    /// The section's name, as findings give it.
    pub name: String,
    /// Other headings that count as this section.
    pub synonyms: Vec<String>,
}

/// How a ruleset may write a [`RequiredSection`].
#[derive(Deserialize)]
#[serde(untagged)]
enum SectionSpelling {
    /// Just the name.
    Name(String),
    /// A name and synonyms.
    Full {
        /// The name.
        name: String,
        /// Other headings that count.
        #[serde(default)]
        synonyms: Vec<String>,
    },
}

impl From<SectionSpelling> for RequiredSection {
    fn from(spelling: SectionSpelling) -> RequiredSection {
        match spelling {
            SectionSpelling::Name(name) => RequiredSection {
                name,
                synonyms: Vec::new(),
            },
            SectionSpelling::Full { name, synonyms } => RequiredSection { name, synonyms },
        }
    }
}

impl RequiredSection {
    /// The normalised headings that count as this section.
    fn accepted(&self) -> Vec<String> {
        std::iter::once(&self.name)
            .chain(&self.synonyms)
            .map(|name| normalise_heading(name))
            .filter(|name| !name.is_empty())
            .collect()
    }

    /// The name and synonyms in words, for documentation.
    fn described(&self) -> String {
        if self.synonyms.is_empty() {
            self.name.clone()
        } else {
            let synonyms: Vec<String> = self.synonyms.iter().map(|s| format!("\"{s}\"")).collect();
            format!("{} (or {})", self.name, synonyms.join(", "))
        }
    }
}

/// How well one procedure covers what is asked.
#[derive(Debug)]
pub(crate) struct Coverage<'a> {
    /// For each required section (in parameter order), the procedure's
    /// sections that match it.
    pub found: Vec<Vec<&'a Section>>,
    /// Sections that match no required section.
    pub further: usize,
}

impl Coverage<'_> {
    /// Required sections present.
    fn present(&self) -> usize {
        self.found.iter().filter(|found| !found.is_empty()).count()
    }
}

impl ProcedureSections {
    /// What is asked: the named sections and the further ones.
    fn asked(&self) -> usize {
        self.sections.len() + self.min_further_sections
    }

    /// What `coverage` meets of what is asked.
    fn met(&self, coverage: &Coverage<'_>) -> usize {
        coverage.present() + coverage.further.min(self.min_further_sections)
    }

    /// How the sections of `outline` cover the required ones.
    pub(crate) fn coverage<'a>(&self, outline: &'a Outline) -> Coverage<'a> {
        let accepted: Vec<Vec<String>> = self.sections.iter().map(|s| s.accepted()).collect();
        let mut found: Vec<Vec<&Section>> = vec![Vec::new(); self.sections.len()];
        let mut further = 0;
        for section in &outline.sections {
            let mut matched = false;
            for (names, found) in accepted.iter().zip(found.iter_mut()) {
                if names
                    .iter()
                    .any(|name| crate::wording::contains_words(&section.name, name))
                {
                    found.push(section);
                    matched = true;
                }
            }
            if !matched && !section.name.is_empty() {
                further += 1;
            }
        }
        Coverage { found, further }
    }

    /// The procedure for the process that meets most of what is asked (the
    /// first such in file order), with its coverage.
    pub(crate) fn best_procedure<'a>(
        &self,
        evidence: &'a Evidence,
    ) -> Option<(&'a Located<MarkdownEvidence<Procedure>>, Coverage<'a>)> {
        let mut best: Option<(&Located<MarkdownEvidence<Procedure>>, Coverage<'_>)> = None;
        for procedure in &evidence.procedures {
            if procedure.value.front.process != self.process {
                continue;
            }
            let coverage = self.coverage(&procedure.value.report.outline);
            let better = best
                .as_ref()
                .is_none_or(|(_, so_far)| self.met(&coverage) > self.met(so_far));
            if better {
                best = Some((procedure, coverage));
            }
        }
        best
    }
}

impl CheckKind for ProcedureSections {
    const CODES: Codes = &[&[PROCEDURE_MISSING, SECTION_MISSING, FURTHER_SECTION_MISSING]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::Procedure]
    }

    fn method(&self) -> String {
        let sections: Vec<String> = self
            .sections
            .iter()
            .map(RequiredSection::described)
            .collect();
        let further = match self.min_further_sections {
            0 => String::new(),
            1 => " and at least one further section".to_owned(),
            n => format!(" and at least {n} further sections"),
        };
        format!(
            "Looks at the headings below the title of the Procedure with `process: {}` (the best one if there are several). It must have sections {}{further}. Headings match whatever their level, ignoring case, punctuation and section numbers. Credit is the share of these sections present.",
            self.process.as_str(),
            in_words(&sections),
        )
    }

    fn parameter_problems(&self) -> Vec<ParameterProblem> {
        let mut problems: Vec<ParameterProblem> = self
            .sections
            .iter()
            .enumerate()
            .filter(|(_, section)| section.accepted().len() != 1 + section.synonyms.len())
            .map(|(i, section)| ParameterProblem {
                field: format!("sections/{i}"),
                message: format!(
                    "section \"{}\" has a name or synonym with no letters or digits, which no heading can match",
                    section.name
                ),
            })
            .collect();
        if self.asked() == 0 {
            problems.push(ParameterProblem {
                field: "sections".into(),
                message: "no section is asked for".into(),
            });
        }
        problems
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let process = self.process.as_str();
        let Some((procedure, coverage)) = self.best_procedure(context.evidence) else {
            let names: Vec<&str> = self.sections.iter().map(|s| s.name.as_str()).collect();
            return Outcome::fail(vec![Finding::new(
                PROCEDURE_MISSING,
                format!(
                    "the pack has no {process} Procedure: add a Markdown file whose front matter has `kind: Procedure` and `process: {process}`, with sections {}",
                    in_words(&names)
                ),
                None,
            )]);
        };
        let file = procedure.file.as_str();
        let report = &procedure.value.report;
        let at = title_location(file, &procedure.value.text, report);
        let has = sections_it_has(&report.outline);
        let mut findings = Vec::new();
        for (section, found) in self.sections.iter().zip(&coverage.found) {
            if found.is_empty() {
                findings.push(Finding::new(
                    SECTION_MISSING,
                    format!("{file} has no \"{}\" section ({has})", section.name),
                    Some(at.clone()),
                ));
            }
        }
        if coverage.further < self.min_further_sections {
            let names: Vec<&str> = self.sections.iter().map(|s| s.name.as_str()).collect();
            let wanted = match self.min_further_sections {
                1 => "a section".to_owned(),
                n => format!("{n} sections"),
            };
            findings.push(Finding::new(
                FURTHER_SECTION_MISSING,
                format!(
                    "{file} needs {wanted} beyond {} describing how the {process} process is carried out ({has})",
                    in_words(&names)
                ),
                Some(at.clone()),
            ));
        }
        let share = percent(self.met(&coverage), self.asked());
        Outcome::measured(share, 100.0, "%", findings)
    }
}

/// "it has: purpose, scope, …" for a finding.
fn sections_it_has(outline: &Outline) -> String {
    if outline.headings.is_empty() {
        return "it has no headings".to_owned();
    }
    let mut names: Vec<&str> = Vec::new();
    for section in &outline.sections {
        if !section.name.is_empty() && !names.contains(&section.name.as_str()) {
            names.push(&section.name);
        }
    }
    match names.len() {
        0 => "it has no sections below its title".to_owned(),
        n if n > SECTIONS_LISTED => format!(
            "it has: {}, … {} more",
            names[..SECTIONS_LISTED].join(", "),
            n - SECTIONS_LISTED
        ),
        _ => format!("it has: {}", names.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_support::documents::{procedure, run};
    use crate::checks::{Check, Status};

    fn change_check() -> ProcedureSections {
        let yaml = r#"
process: change
sections:
  - purpose
  - scope
  - {name: roles, synonyms: [roles and responsibilities, responsibilities]}
  - assessment and approval
  - clinical impact
  - scheduling
  - review
"#;
        serde_json::from_value(
            crate::yaml::parse_document(yaml, 1, Default::default())
                .unwrap()
                .value,
        )
        .unwrap()
    }

    const CHANGE_BODY: &str = "# Change procedure\n\n## 1. Purpose\n\nWhy.\n\n## Scope\n\nWhat.\n\n## Roles & Responsibilities\n\nWho.\n\n### Assessment and approval\n\nHow.\n\n## Clinical Impact:\n\nWards.\n\n## Scheduling\n\nWhen.\n\n## Review\n\nAfter.\n";

    #[test]
    fn every_section_present_passes_whatever_the_heading_level_and_spelling() {
        let check = change_check();
        let evidence = crate::checks::test_support::documents::evidence(
            vec![procedure("procedures/change.md", "change", CHANGE_BODY)],
            vec![],
        );
        let outcome = run(&Check::ProcedureSections(check), &evidence);
        assert_eq!(outcome.status, Status::Pass, "{:?}", outcome.findings);
        assert!(outcome.findings.is_empty());
    }

    #[test]
    fn a_missing_section_is_named_with_the_sections_there_are_at_the_title() {
        let body = CHANGE_BODY.replace("## Clinical Impact:\n\nWards.\n\n", "");
        let evidence = crate::checks::test_support::documents::evidence(
            vec![procedure("procedures/change.md", "change", &body)],
            vec![],
        );
        let outcome = run(&Check::ProcedureSections(change_check()), &evidence);
        assert_eq!(outcome.status, Status::Partial);
        assert!((outcome.credit - 6.0 / 7.0).abs() < 1e-9);
        assert_eq!(outcome.findings.len(), 1);
        let finding = &outcome.findings[0];
        assert_eq!(finding.code, "section-missing");
        assert_eq!(
            finding.message,
            "procedures/change.md has no \"clinical impact\" section (it has: purpose, scope, roles and responsibilities, assessment and approval, scheduling, review)"
        );
        assert_eq!(
            finding.location.as_ref().unwrap().to_string(),
            "procedures/change.md:11:1"
        );
    }

    #[test]
    fn the_best_of_several_procedures_counts() {
        let evidence = crate::checks::test_support::documents::evidence(
            vec![
                procedure(
                    "procedures/a-change-draft.md",
                    "change",
                    "# Draft\n\n## Purpose\n\nx\n",
                ),
                procedure("procedures/change.md", "change", CHANGE_BODY),
                procedure("procedures/incident.md", "incident", "# Incident\n"),
            ],
            vec![],
        );
        let outcome = run(&Check::ProcedureSections(change_check()), &evidence);
        assert_eq!(outcome.status, Status::Pass);
    }

    #[test]
    fn no_procedure_for_the_process_fails_saying_which_is_needed() {
        let evidence = crate::checks::test_support::documents::evidence(
            vec![procedure("procedures/incident.md", "incident", CHANGE_BODY)],
            vec![],
        );
        let outcome = run(&Check::ProcedureSections(change_check()), &evidence);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(outcome.findings[0].code, "procedure-missing");
        assert!(outcome.findings[0].message.starts_with(
            "the pack has no change Procedure: add a Markdown file whose front matter has `kind: Procedure` and `process: change`"
        ));
    }

    #[test]
    fn further_sections_are_counted_beyond_the_named_ones() {
        let check = ProcedureSections {
            process: Process::Problem,
            sections: vec!["purpose".to_owned(), "scope".to_owned(), "roles".to_owned()]
                .into_iter()
                .map(|name| RequiredSection {
                    name,
                    synonyms: vec![],
                })
                .collect(),
            min_further_sections: 1,
        };
        let body = "# Problem\n\n## Purpose\n\nx\n\n## Scope\n\nx\n\n## Roles\n\nx\n";
        let evidence = crate::checks::test_support::documents::evidence(
            vec![procedure("p.md", "problem", body)],
            vec![],
        );
        let outcome = run(&Check::ProcedureSections(check.clone()), &evidence);
        assert_eq!(outcome.status, Status::Partial);
        assert!((outcome.credit - 0.75).abs() < 1e-9);
        assert_eq!(outcome.findings[0].code, "further-section-missing");
        assert_eq!(
            outcome.findings[0].message,
            "p.md needs a section beyond purpose, scope and roles describing how the problem process is carried out (it has: purpose, scope, roles)"
        );
        let body = format!("{body}\n## Known errors\n\nx\n");
        let evidence = crate::checks::test_support::documents::evidence(
            vec![procedure("p.md", "problem", &body)],
            vec![],
        );
        assert_eq!(
            run(&Check::ProcedureSections(check), &evidence).status,
            Status::Pass
        );
    }

    #[test]
    fn a_document_without_headings_fails_without_crashing() {
        let body = format!("{}\n", "word ".repeat(200_000));
        let evidence = crate::checks::test_support::documents::evidence(
            vec![procedure("procedures/change.md", "change", &body)],
            vec![],
        );
        let outcome = run(&Check::ProcedureSections(change_check()), &evidence);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(outcome.findings.len(), 7);
        assert!(
            outcome.findings[0]
                .message
                .ends_with("(it has no headings)")
        );
        assert_eq!(
            outcome.findings[0].location.as_ref().unwrap().to_string(),
            "procedures/change.md:11:1"
        );
    }

    #[test]
    fn sections_may_be_written_as_names_or_with_synonyms() {
        let check = change_check();
        assert_eq!(
            check.sections[0],
            RequiredSection {
                name: "purpose".into(),
                synonyms: vec![]
            }
        );
        assert_eq!(check.sections[2].synonyms.len(), 2);
        assert!(
            check
                .method()
                .contains("roles (or \"roles and responsibilities\", \"responsibilities\")")
        );
    }
}
