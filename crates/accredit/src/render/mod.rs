//! Renderers: each output format is one module with the same `render` shape,
//! taking the same [`Assessment`] value. Computation never knows the format.

pub mod json;
pub mod text;

use accredit_core::assess::Assessment;
use clap::ValueEnum;

use crate::terminal::Style;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Verdict, scores and fix-first gaps for people.
    Text,
    /// The full, versioned result.
    Json,
}

impl Format {
    /// Renders `assessment` in this format.
    pub fn render(self, assessment: &Assessment, style: Style) -> String {
        match self {
            Format::Text => text::render(assessment, style),
            Format::Json => json::render(assessment),
        }
    }
}

/// `--format FORMAT` or `--format FORMAT=PATH`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatTarget {
    /// The format.
    pub format: Format,
    /// Where to write it; standard output when absent.
    pub path: Option<std::path::PathBuf>,
}

/// Parses `FORMAT[=PATH]` for clap.
pub fn parse_format_target(text: &str) -> Result<FormatTarget, String> {
    let (name, path) = match text.split_once('=') {
        Some((name, path)) if !path.is_empty() => (name, Some(path.into())),
        Some(_) => return Err(format!("`{text}`: give a path after `=`")),
        None => (text, None),
    };
    let format = Format::from_str(name, true).map_err(|_| {
        let names: Vec<String> = Format::value_variants()
            .iter()
            .filter_map(|f| f.to_possible_value().map(|v| v.get_name().to_string()))
            .collect();
        format!("unknown format `{name}`; choose from {}", names.join(", "))
    })?;
    Ok(FormatTarget { format, path })
}
