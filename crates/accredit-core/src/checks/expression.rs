//! `expression`: a condition on evidence fields, written by a ruleset author
//! without Rust.
//!
//! The expression is a minijinja expression evaluated once per document of
//! `evidence` (or once per item of the list at `for_each` inside each
//! document) with these variables: `doc` (the document), `item` (the list
//! item, or the document), `pack` (the Pack), `window_start` and
//! `window_end` (dates as `YYYY-MM-DD` text). A true value meets the
//! requirement; each false one is a finding whose text is the `message`
//! template. Undefined values are errors (strict), and evaluation is bounded
//! in time and memory, so a broken or runaway expression yields an `error`
//! result at the item it was evaluating, never a crash, a hang or gigabytes:
//! - a fuel limit on the instructions run;
//! - text made by `replace` and `join` is limited to [`MAX_TEXT_BYTES`]
//!   (a chain of `replace` doubling a string is stopped at that size);
//! - the filters that make text of a size given as a number or a format
//!   (`indent`, `format`, `tojson`, `pprint`) are not available;
//! - a message is at most [`MAX_TEXT_BYTES`], and a message template holds
//!   only `{{ … }}` substitutions, no `{% … %}` statements (no `set` or
//!   `macro` to build text in steps).

use minijinja::{Environment, UndefinedBehavior, Value as Template};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{CheckKind, Codes, Context, Outcome, ParameterProblem, Status};
use crate::finding::{Area, Finding, FindingCode};
use crate::location::Location;
use crate::model::Kind;

pub(crate) const EXPRESSION_NOT_MET: FindingCode = FindingCode::new(
    Area::Expression,
    "expression-not-met",
    "The ruleset's expression is false for this pack.",
    "Change the evidence the expression reads (`accredit rules show ID` shows it).",
);

pub(crate) const EXPRESSION_FAILED: FindingCode = FindingCode::new(
    Area::Expression,
    "expression-failed",
    "The ruleset's expression could not be evaluated on this pack.",
    "Correct the expression in the ruleset, or the evidence it reads.",
);

/// Fuel for one evaluation: enough for any field condition, far too little for a loop bomb.
const FUEL: u64 = 20_000;

/// Longest text an expression may make with `replace` or `join`, or render
/// as a message (64 KiB: a finding is a sentence, not a document).
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// Filters that make text of a size set by a number or a format string.
const UNBOUNDED_FILTERS: [&str; 4] = ["indent", "format", "tojson", "pprint"];

fn too_long() -> minijinja::Error {
    minijinja::Error::new(
        minijinja::ErrorKind::InvalidOperation,
        format!("the text would be longer than the {MAX_TEXT_BYTES}-byte limit"),
    )
}

/// `replace`, refusing to make text past the limit (checked before it is made).
fn bounded_replace(value: &str, from: &str, to: &str) -> Result<String, minijinja::Error> {
    let count = if from.is_empty() {
        value.chars().count() + 1
    } else {
        value.matches(from).count()
    };
    let length = (value.len() - count.saturating_mul(from.len()).min(value.len()))
        .saturating_add(count.saturating_mul(to.len()));
    if length > MAX_TEXT_BYTES {
        return Err(too_long());
    }
    Ok(value.replace(from, to))
}

/// `join`, stopping as soon as the text passes the limit.
fn bounded_join(value: &Template, joiner: Option<&str>) -> Result<String, minijinja::Error> {
    let mut out = String::new();
    for (i, item) in value.try_iter()?.enumerate() {
        if i > 0 {
            out.push_str(joiner.unwrap_or(""));
        }
        match item.as_str() {
            Some(text) => out.push_str(text),
            None => {
                use std::fmt::Write;
                let _ = write!(out, "{item}");
            }
        }
        if out.len() > MAX_TEXT_BYTES {
            return Err(too_long());
        }
    }
    Ok(out)
}

/// A writer that refuses to hold more than the limit.
struct BoundedText(String);

impl std::io::Write for BoundedText {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.0.len() + bytes.len() > MAX_TEXT_BYTES {
            return Err(std::io::Error::other("message too long"));
        }
        self.0.push_str(&String::from_utf8_lossy(bytes));
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Renders a message within the limit.
fn render_message(
    template: &minijinja::Template<'_, '_>,
    variables: Template,
) -> Result<String, minijinja::Error> {
    let mut out = BoundedText(String::new());
    match template.render_captured_to(variables, &mut out) {
        Ok(_) => Ok(out.0),
        Err(e) if e.kind() == minijinja::ErrorKind::WriteFailure => Err(too_long()),
        Err(e) => Err(e),
    }
}

/// Parameters of `expression`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpressionCheck {
    /// Evidence kind whose documents are examined, e.g. `ServiceDesk`.
    pub evidence: String,
    /// JSON pointer to a list inside each document; each item is checked.
    #[serde(default)]
    pub for_each: Option<String>,
    /// The condition, e.g. `item.ods_code is defined`.
    pub expression: String,
    /// Finding text for an item that fails, a template over the same variables.
    pub message: String,
    /// Result when there is nothing to check: `missing` (default), `not-applicable` or `fail`.
    #[serde(default)]
    pub when_none: WhenNone,
}

impl crate::checks::ParameterSchema for ExpressionCheck {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "evidence": {
          "type": "string",
          "description": "Evidence kind examined, e.g. ServiceDesk."
        },
        "for_each": {
          "type": "string",
          "pattern": "^(/.*)?$",
          "description": "JSON pointer to a list inside each document."
        },
        "expression": {
          "type": "string",
          "minLength": 1,
          "description": "minijinja expression; true meets the requirement."
        },
        "message": {
          "type": "string",
          "minLength": 1,
          "description": "Finding text template for an item that fails."
        },
        "when_none": {
          "enum": ["missing", "not-applicable", "fail"]
        }
      },
      "required": ["evidence", "expression", "message"]
    }"#;
}

/// Result when there are no documents or items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WhenNone {
    /// `missing`: nothing to check counts as no evidence.
    #[default]
    Missing,
    /// `not-applicable`: nothing to check means the requirement does not apply.
    NotApplicable,
    /// `fail`: nothing to check fails the requirement.
    Fail,
}

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(FUEL));
    for name in UNBOUNDED_FILTERS {
        env.remove_filter(name);
    }
    env.add_filter("replace", |value: &str, from: &str, to: &str| {
        bounded_replace(value, from, to)
    });
    env.add_filter("join", |value: Template, joiner: Option<&str>| {
        bounded_join(&value, joiner)
    });
    env
}

/// An expression check's parameters made ready to run: the evidence kind,
/// the compiled expression and the message template.
struct Program<'env> {
    kind: Kind,
    expression: minijinja::Expression<'env, 'env>,
    template: minijinja::Template<'env, 'env>,
}

impl ExpressionCheck {
    fn kind(&self) -> Option<Kind> {
        Kind::from_name(&self.evidence).filter(|k| *k != Kind::Override)
    }

    /// The parameters made ready to run, or every problem with them. This
    /// is the one test of usable parameters: validation reports its problems
    /// (a ruleset with any does not load) and evaluation runs its program.
    fn program<'env>(
        &'env self,
        env: &'env Environment<'static>,
    ) -> Result<Program<'env>, Vec<ParameterProblem>> {
        let mut problems = Vec::new();
        let mut problem = |field: &str, message: String| {
            problems.push(ParameterProblem {
                field: field.into(),
                message,
            });
        };
        let kind = self.kind();
        if kind.is_none() {
            problem(
                "evidence",
                format!("`{}` is not an evidence kind", self.evidence),
            );
        }
        let expression = env
            .compile_expression(&self.expression)
            .map_err(|e| {
                problem(
                    "expression",
                    format!("the expression does not compile: {e}"),
                )
            })
            .ok();
        let template = match env.template_from_str(&self.message) {
            Err(e) => {
                problem(
                    "message",
                    format!("the message template does not compile: {e}"),
                );
                None
            }
            Ok(_) if self.message.contains("{%") => {
                problem(
                    "message",
                    "a message template holds only `{{ … }}` substitutions, not `{% … %}` statements"
                        .into(),
                );
                None
            }
            Ok(template) => Some(template),
        };
        match (kind, expression, template) {
            (Some(kind), Some(expression), Some(template)) => Ok(Program {
                kind,
                expression,
                template,
            }),
            _ => Err(problems),
        }
    }
}

impl CheckKind for ExpressionCheck {
    const CODES: Codes = &[&[EXPRESSION_NOT_MET, EXPRESSION_FAILED]];

    fn evidence(&self) -> Vec<Kind> {
        self.kind().into_iter().collect()
    }

    fn method(&self) -> String {
        let over = match &self.for_each {
            Some(pointer) => format!(
                "each item of `{pointer}` in every {} document",
                self.evidence
            ),
            None => format!("every {} document", self.evidence),
        };
        format!(
            "Evaluates `{}` for {over}; each false result is a finding.",
            self.expression
        )
    }

    fn parameter_problems(&self) -> Vec<ParameterProblem> {
        self.program(&environment()).err().unwrap_or_default()
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let env = environment();
        let Ok(Program {
            kind,
            expression,
            template,
        }) = self.program(&env)
        else {
            // Parameters with problems stop the ruleset at validation
            // (decision 0110): a loaded ruleset's expression always runs.
            return Outcome::error(vec![]);
        };
        let pack = serde_json::to_value(&context.pack.value).unwrap_or(Value::Null);
        let mut checked = 0usize;
        let mut findings = Vec::new();
        for crate::evidence::JsonDocument {
            file,
            index,
            value: doc,
        } in context.evidence.documents_as_json(kind)
        {
            let items: Vec<(String, Value)> = match &self.for_each {
                Some(pointer) => match doc.pointer(pointer) {
                    Some(Value::Array(list)) => list
                        .iter()
                        .enumerate()
                        .map(|(i, v)| (format!("{pointer}/{i}"), v.clone()))
                        .collect(),
                    _ => Vec::new(),
                },
                None => vec![(String::new(), doc.clone())],
            };
            for (pointer, item) in items {
                checked += 1;
                let variables = minijinja::context! {
                    doc => Template::from(minijinja::value::Serde(&doc)),
                    item => Template::from(minijinja::value::Serde(&item)),
                    pack => Template::from(minijinja::value::Serde(&pack)),
                    window_start => context.window.start.to_string(),
                    window_end => context.window.last_day().to_string(),
                };
                let place = index.locate(&pointer);
                let location = Some(Location::at(file, place.line, place.column));
                match expression.eval(variables.clone()) {
                    Ok(value) if value.is_true() => {}
                    Ok(_) => match render_message(&template, variables) {
                        Ok(text) => {
                            findings.push(Finding::new(EXPRESSION_NOT_MET, text, location));
                        }
                        Err(e) => {
                            let mut finding = broken(&e);
                            finding.location = location;
                            return Outcome::error(vec![finding]);
                        }
                    },
                    Err(e) => {
                        let mut finding = broken(&e);
                        finding.location = location;
                        return Outcome::error(vec![finding]);
                    }
                }
            }
        }
        if checked == 0 {
            return match self.when_none {
                WhenNone::Missing => Outcome::missing(vec![]),
                WhenNone::NotApplicable => Outcome::not_applicable(vec![]),
                WhenNone::Fail => Outcome::fail(vec![]),
            };
        }
        let outcome = Outcome::pass_if(findings.is_empty(), findings);
        debug_assert!(outcome.status != Status::Error);
        outcome
    }
}

fn broken(error: &minijinja::Error) -> Finding {
    let why = match error.kind() {
        minijinja::ErrorKind::UndefinedError => "reads a field that is not there",
        minijinja::ErrorKind::OutOfFuel => "ran too long and was stopped",
        minijinja::ErrorKind::InvalidOperation if error.to_string().contains("byte limit") => {
            "made text too long and was stopped"
        }
        _ => "could not be evaluated",
    };
    Finding::new(
        EXPRESSION_FAILED,
        format!("the ruleset's expression {why}: {error}"),
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(expression: &str) -> Result<Template, minijinja::Error> {
        let env = environment();
        let expression = env.compile_expression(expression)?;
        expression.eval(minijinja::context! { name => "Harbourne and Wyke" })
    }

    #[test]
    fn a_chain_of_replace_stops_at_the_text_limit_not_gigabytes() {
        let chain = "name".to_string() + &"|replace('a', 'aaaaaaaaaa')".repeat(40);
        let error = eval(&(chain + "|length")).unwrap_err();
        assert!(error.to_string().contains("65536-byte limit"), "{error}");
        // Ordinary use still works.
        let value = eval("name|replace('and', '&')").unwrap();
        assert_eq!(value.as_str(), Some("Harbourne & Wyke"));
        assert_eq!(bounded_replace("ab", "", "-").unwrap(), "-a-b-");
    }

    #[test]
    fn join_stops_at_the_text_limit_and_size_setting_filters_are_gone() {
        let error = eval("([name * 1000] * 1000)|join(',')").unwrap_err();
        assert!(error.to_string().contains("byte limit"), "{error}");
        assert_eq!(eval("['a', 'b']|join('-')").unwrap().as_str(), Some("a-b"));
        for filter in UNBOUNDED_FILTERS {
            let error = eval(&format!("name|{filter}(1000000000)")).unwrap_err();
            assert_eq!(
                error.kind(),
                minijinja::ErrorKind::UnknownFilter,
                "{filter}"
            );
        }
    }

    #[test]
    fn messages_are_bounded_and_hold_no_statements() {
        let env = environment();
        let template = env.template_from_str("{{ name * 70000 }}").unwrap();
        let error = render_message(&template, minijinja::context! { name => "x" }).unwrap_err();
        assert!(error.to_string().contains("byte limit"), "{error}");
        let check = ExpressionCheck {
            evidence: "Pack".into(),
            for_each: None,
            expression: "true".into(),
            message: "{% set x = doc %}{{ x }}".into(),
            when_none: WhenNone::Missing,
        };
        let problems = check.parameter_problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].field, "message");
    }
}
