//! `accredit schema [--draft 7] [KIND]`: the JSON Schemas shipped in
//! `schemas/`, for editors (`# yaml-language-server: $schema=…`) and other
//! tools; `--draft 7` gives their draft-07 form for language servers that do
//! not read draft 2020-12.

use accredit_core::model::Kind;

use crate::exit::{Exit, Failure};

const RESULT_SCHEMA: &str = include_str!("../../../schemas/result.schema.json");
const VALIDATION_SCHEMA: &str = include_str!("../../../schemas/validation.schema.json");
const TIMELINE_SCHEMA: &str = include_str!("../../../schemas/timeline.schema.json");
const PLAN_SCHEMA: &str = include_str!("../../../schemas/plan.schema.json");
const PORTFOLIO_SCHEMA: &str = include_str!("../../../schemas/portfolio.schema.json");

/// The JSON Schema dialect to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Draft {
    /// Draft 2020-12, as shipped in `schemas/` and used by `validate`.
    #[value(name = "2020-12")]
    Draft2020,
    /// Draft-07, for yaml-language-server and other older validators.
    #[value(name = "7")]
    Draft7,
}

/// Prints one schema, or lists what there is.
pub fn run(kind: Option<&str>, draft: Draft) -> Result<Exit, Failure> {
    let Some(name) = kind else {
        outln!("Schemas (accredit schema NAME; --draft 7 for draft-07):");
        for kind in Kind::ALL {
            outln!("  {:<16} schemas/{}", kind.name(), kind.schema_file());
        }
        outln!("  {:<16} schemas/ruleset.schema.json", "ruleset");
        outln!("  {:<16} schemas/result.schema.json", "result");
        outln!("  {:<16} schemas/validation.schema.json", "validation");
        outln!("  {:<16} schemas/timeline.schema.json", "timeline");
        outln!("  {:<16} schemas/plan.schema.json", "plan");
        outln!("  {:<16} schemas/portfolio.schema.json", "portfolio");
        return Ok(Exit::Passed);
    };
    let text = match name.to_ascii_lowercase().as_str() {
        "ruleset" => accredit_core::ruleset::schema_text(),
        "result" => RESULT_SCHEMA,
        "validation" => VALIDATION_SCHEMA,
        "timeline" => TIMELINE_SCHEMA,
        "plan" => PLAN_SCHEMA,
        "portfolio" => PORTFOLIO_SCHEMA,
        _ => {
            let kind = Kind::ALL
                .into_iter()
                .find(|k| {
                    k.name().eq_ignore_ascii_case(name)
                        || k.schema_file().trim_end_matches(".schema.json") == name
                })
                .ok_or_else(|| {
                    Failure::msg(format!(
                        "no schema `{name}`; run `accredit schema` for the list"
                    ))
                })?;
            accredit_core::schema::schema_text(kind)
        }
    };
    match draft {
        Draft::Draft2020 => out!("{text}"),
        Draft::Draft7 => {
            let schema: serde_json::Value = serde_json::from_str(text)
                .map_err(|e| Failure::msg(format!("embedded schema `{name}`: {e}")))?;
            let mut converted =
                serde_json::to_string_pretty(&accredit_core::schema::to_draft7(&schema))
                    .unwrap_or_default();
            converted.push('\n');
            out!("{converted}");
        }
    }
    Ok(Exit::Passed)
}
