//! Renderers: each output format is one module with the same `render` shape,
//! taking the same [`Assessment`] value. Computation never knows the format.

pub mod baseline;
pub mod github;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;
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
    /// A summary for a pull-request comment or CI job summary.
    Markdown,
    /// JUnit XML: one test case per requirement.
    Junit,
    /// SARIF 2.1.0 for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow-command annotations.
    Github,
    /// The self-contained HTML gap report (as `accredit report`).
    Html,
}

/// What every renderer may need besides the assessment.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Colour and snippets.
    pub style: Style,
    /// `-q`: the text format prints only the verdict line.
    pub quiet: bool,
    /// Prefix that turns pack-relative paths into paths from where the command
    /// ran (the PACK argument as typed), for CI annotations; empty for `.`.
    pub path_prefix: String,
    /// `--baseline`: the comparison with the baseline, which each format
    /// carries in its own form (see [`baseline`]).
    pub baseline: Option<std::sync::Arc<accredit_core::compare::Comparison>>,
}

impl RenderOptions {
    /// A pack-relative path as seen from where the command ran.
    pub fn path(&self, file: &str) -> String {
        if self.path_prefix.is_empty() {
            file.to_string()
        } else {
            format!("{}/{file}", self.path_prefix)
        }
    }

    /// The prefix for a PACK argument: its relative form, `.` segments dropped.
    pub fn prefix_for(pack: &std::path::Path) -> String {
        let parts: Vec<String> = pack
            .components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        parts.join("/").replace("//", "/")
    }
}

impl Format {
    /// Renders `assessment` in this format.
    pub fn render(self, assessment: &Assessment, options: &RenderOptions) -> String {
        let alone = || self.render_alone(assessment, options);
        match (self, options.baseline.as_deref()) {
            (Format::Json, Some(c)) => baseline::json(assessment, c),
            (Format::Text, Some(c)) if options.quiet => alone() + &baseline::quiet_line(c),
            (Format::Text, Some(c)) => alone() + &baseline::text(c, options.style),
            (Format::Markdown, Some(c)) => alone() + &baseline::markdown(c),
            (Format::Github, Some(c)) => alone() + &baseline::github_notice(c),
            _ => alone(),
        }
    }

    /// Renders `assessment` in this format, without the baseline comparison.
    fn render_alone(self, assessment: &Assessment, options: &RenderOptions) -> String {
        match self {
            Format::Text if options.quiet => text::verdict_line(assessment, options.style),
            Format::Text => text::render(assessment, options.style),
            Format::Json => json::render(assessment),
            Format::Markdown => markdown::render(assessment, options),
            Format::Junit => junit::render(assessment, options),
            Format::Sarif => sarif::render(assessment, options),
            Format::Github => github::render(assessment, options),
            Format::Html => html::render(assessment),
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
