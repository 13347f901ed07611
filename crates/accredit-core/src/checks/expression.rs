//! `expression`: a condition on evidence fields, written by a ruleset author
//! without Rust.
//!
//! The expression is a minijinja expression evaluated once per document of
//! `evidence` (or once per item of the list at `for_each` inside each
//! document) with these variables: `doc` (the document), `item` (the list
//! item, or the document), `pack` (the Pack), `window_start` and
//! `window_end` (dates as `YYYY-MM-DD` text). A true value meets the
//! requirement; each false one is a finding whose text is the `message`
//! template. Undefined values are errors (strict), and evaluation has a fuel
//! limit, so a broken or runaway expression yields an `error` result, never a
//! crash or a hang.

use minijinja::{Environment, UndefinedBehavior, Value as Template};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{CheckKind, Context, Outcome, ParameterProblem, Status};
use crate::evidence::{Evidence, Located};
use crate::finding::Finding;
use crate::location::Location;
use crate::model::Kind;
use crate::ruleset::Ruleset;

/// Fuel for one evaluation: enough for any field condition, far too little for a loop bomb.
const FUEL: u64 = 20_000;

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

/// Result when there are no documents or items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WhenNone {
    /// `missing`.
    #[default]
    Missing,
    /// `not-applicable`.
    NotApplicable,
    /// `fail`.
    Fail,
}

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(FUEL));
    env
}

impl ExpressionCheck {
    fn kind(&self) -> Option<Kind> {
        Kind::from_name(&self.evidence).filter(|k| *k != Kind::Override)
    }
}

impl CheckKind for ExpressionCheck {
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

    fn prepare(&self, _ruleset: &Ruleset) -> Result<(), ParameterProblem> {
        if self.kind().is_none() {
            return Err(ParameterProblem {
                field: "evidence".into(),
                message: format!("`{}` is not an evidence kind", self.evidence),
            });
        }
        let env = environment();
        env.compile_expression(&self.expression)
            .map_err(|e| ParameterProblem {
                field: "expression".into(),
                message: format!("the expression does not compile: {e}"),
            })?;
        env.template_from_str(&self.message)
            .map_err(|e| ParameterProblem {
                field: "message".into(),
                message: format!("the message template does not compile: {e}"),
            })?;
        Ok(())
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let Some(kind) = self.kind() else {
            return Outcome::error(vec![]);
        };
        let env = environment();
        let (expression, template) = match (
            env.compile_expression(&self.expression),
            env.template_from_str(&self.message),
        ) {
            (Ok(e), Ok(t)) => (e, t),
            (Err(e), _) | (_, Err(e)) => return Outcome::error(vec![broken(&e)]),
        };
        let pack = serde_json::to_value(&context.pack.value).unwrap_or(Value::Null);
        let mut checked = 0usize;
        let mut findings = Vec::new();
        for (file, index, doc) in documents(context.evidence, kind) {
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
                    Ok(_) => {
                        let text = template
                            .render(variables)
                            .unwrap_or_else(|e| broken(&e).message);
                        findings.push(Finding::new("expression-not-met", text, location));
                    }
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
        _ => "could not be evaluated",
    };
    Finding::new(
        "expression-failed",
        format!("the ruleset's expression {why}: {error}"),
        None,
    )
}

/// Every valid document of `kind` as JSON, with its file and node places.
fn documents(evidence: &Evidence, kind: Kind) -> Vec<(&str, &crate::yaml::NodeIndex, Value)> {
    fn all<T: Serialize>(docs: &[Located<T>]) -> Vec<(&str, &crate::yaml::NodeIndex, Value)> {
        docs.iter()
            .map(|d| {
                (
                    d.file.as_str(),
                    &d.index,
                    serde_json::to_value(&d.value).unwrap_or(Value::Null),
                )
            })
            .collect()
    }
    fn fronts<T: Serialize>(
        docs: &[Located<crate::evidence::MarkdownEvidence<T>>],
    ) -> Vec<(&str, &crate::yaml::NodeIndex, Value)> {
        docs.iter()
            .map(|d| {
                (
                    d.file.as_str(),
                    &d.index,
                    serde_json::to_value(&d.value.front).unwrap_or(Value::Null),
                )
            })
            .collect()
    }
    match kind {
        Kind::Pack => evidence
            .pack
            .as_ref()
            .map(std::slice::from_ref)
            .map(all)
            .unwrap_or_default(),
        Kind::ServiceDesk => all(&evidence.service_desks),
        Kind::Rota => all(&evidence.rotas),
        Kind::EscalationPlan => all(&evidence.escalation_plans),
        Kind::EscalationTest => all(&evidence.escalation_tests),
        Kind::ScenarioTest => all(&evidence.scenario_tests),
        Kind::Procedure => fronts(&evidence.procedures),
        Kind::Document => fronts(&evidence.documents),
        Kind::IncidentLog => all(&evidence.incident_logs),
        Kind::TrainingLog => all(&evidence.training_logs),
        Kind::ChangeLog => all(&evidence.change_logs),
        Kind::StaffRegister => all(&evidence.staff_registers),
        Kind::Waiver => all(&evidence.waivers),
        Kind::Override => Vec::new(),
    }
}
