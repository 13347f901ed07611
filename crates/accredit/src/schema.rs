//! `accredit schema [KIND]`: the JSON Schemas shipped in `schemas/`, for
//! editors (`# yaml-language-server: $schema=…`) and other tools.

use accredit_core::model::Kind;

use crate::exit::{Exit, Failure};

const RESULT_SCHEMA: &str = include_str!("../../../schemas/result.schema.json");

/// Prints one schema, or lists what there is.
pub fn run(kind: Option<&str>) -> Result<Exit, Failure> {
    let Some(name) = kind else {
        outln!("Schemas (accredit schema NAME):");
        for kind in Kind::ALL {
            outln!("  {:<16} schemas/{}", kind.name(), kind.schema_file());
        }
        outln!("  {:<16} schemas/ruleset.schema.json", "ruleset");
        outln!("  {:<16} schemas/result.schema.json", "result");
        return Ok(Exit::Passed);
    };
    let text = match name.to_ascii_lowercase().as_str() {
        "ruleset" => accredit_core::ruleset::SCHEMA_TEXT,
        "result" => RESULT_SCHEMA,
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
    out!("{text}");
    Ok(Exit::Passed)
}
