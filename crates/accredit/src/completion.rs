//! Value parsers that also tell clap (and so the shell completions of
//! `accredit completions SHELL`) the values an argument takes: `--format`
//! names, requirement ids of the built-in ruleset, evidence kinds. They
//! accept what the commands accept (a custom ruleset's ids, `FORMAT=PATH`);
//! the candidates are only for completion.

use std::sync::OnceLock;

use accredit_core::model::Kind;
use clap::ValueEnum;
use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};

use crate::render::{Format, FormatTarget};

/// `--format FORMAT[=PATH]`, completing the format names.
#[derive(Debug, Clone, Copy)]
pub struct FormatTargetParser;

impl TypedValueParser for FormatTargetParser {
    type Value = FormatTarget;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<FormatTarget, clap::Error> {
        let parse: fn(&str) -> Result<FormatTarget, String> = crate::render::parse_format_target;
        parse.parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            Format::value_variants()
                .iter()
                .filter_map(ValueEnum::to_possible_value),
        ))
    }
}

/// Any string, completed from a list of names.
#[derive(Debug, Clone, Copy)]
pub struct NamesParser {
    names: fn() -> &'static [&'static str],
}

impl TypedValueParser for NamesParser {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new((self.names)().iter().map(PossibleValue::new)))
    }
}

fn kinds() -> &'static [&'static str] {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| Kind::ALL.iter().map(|k| k.name()).collect())
}

fn schemas() -> &'static [&'static str] {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = kinds().to_vec();
        names.extend(["ruleset", "result", "validation", "portfolio"]);
        names
    })
}

fn requirements() -> &'static [&'static str] {
    static IDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    IDS.get_or_init(|| {
        // Built once per process; leaking the few ids gives them the
        // 'static lifetime clap's candidates need.
        accredit_core::ruleset::Ruleset::builtin()
            .requirements
            .iter()
            .map(|r| &*Box::leak(r.id.clone().into_boxed_str()))
            .collect()
    })
}

/// Evidence kinds (`guide KIND`).
pub fn kind_names() -> NamesParser {
    NamesParser { names: kinds }
}

/// Schema names (`schema KIND`): the kinds, `ruleset` and `result`.
pub fn schema_names() -> NamesParser {
    NamesParser { names: schemas }
}

/// The built-in ruleset's requirement ids (`rules show ID`).
pub fn requirement_ids() -> NamesParser {
    NamesParser {
        names: requirements,
    }
}
