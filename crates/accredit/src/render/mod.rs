//! Renderers: each output format is one module with the same `render` shape,
//! taking the same [`Assessment`] value. Computation never knows the format.

pub mod baseline;
pub mod github;
pub mod html;
pub mod json;
pub mod junit;
pub mod junit_xml;
pub mod markdown;
pub mod plan;
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
    /// The timeline for the HTML report's "Readiness by start date" section.
    pub readiness: Option<std::sync::Arc<accredit_core::timeline::Timeline>>,
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
    /// The format each `-o` extension names when `--format` is not given.
    pub const EXTENSIONS: &'static [(&'static str, Format)] = &[
        ("txt", Format::Text),
        ("", Format::Text),
        ("html", Format::Html),
        ("htm", Format::Html),
        ("json", Format::Json),
        ("md", Format::Markdown),
        ("sarif", Format::Sarif),
        ("xml", Format::Junit),
    ];

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
            Format::Text if options.quiet => text::quiet(assessment, options.style),
            Format::Text => text::render(assessment, options.style),
            Format::Json => json::render(assessment),
            Format::Markdown => markdown::render(assessment, options),
            Format::Junit => junit::render(assessment, options),
            Format::Sarif => sarif::render(assessment, options),
            Format::Github => github::render(assessment, options),
            Format::Html => match &options.readiness {
                Some(timeline) => html::render_with_timeline(assessment, timeline),
                None => html::render(assessment),
            },
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

/// How much of the evidence is invalid: shown first in every output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidEvidence {
    /// Files with validation errors.
    pub files: usize,
    /// Validation errors.
    pub errors: usize,
}

impl InvalidEvidence {
    /// `The evidence is invalid: 2 files have validation errors (3 errors).`
    /// (without the final full stop).
    pub fn sentence(&self) -> String {
        let errors = crate::words::plural(self.errors, "error");
        match self.files {
            0 => format!("the evidence is invalid: the pack has {errors}"),
            1 => format!("the evidence is invalid: 1 file has validation errors ({errors})"),
            n => format!("the evidence is invalid: {n} files have validation errors ({errors})"),
        }
    }

    /// [`InvalidEvidence::sentence`] with a capital and what it means.
    pub fn headline(&self) -> String {
        let sentence = self.sentence();
        let mut chars = sentence.chars();
        let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
        format!(
            "{}{}. It cannot pass a gate until they are fixed; run `accredit validate` for details.",
            first.unwrap_or_default(),
            chars.as_str()
        )
    }
}

/// The evidence's invalidity, when any file or the pack has a validation error.
/// (The core's count: [`Assessment::evidence`].)
pub fn invalid_evidence(a: &Assessment) -> Option<InvalidEvidence> {
    a.evidence_invalid().then_some(InvalidEvidence {
        files: a.evidence.invalid_files,
        errors: a.evidence.errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_evidence_reads_as_a_sentence() {
        let two = InvalidEvidence {
            files: 2,
            errors: 3,
        };
        assert_eq!(
            two.headline(),
            "The evidence is invalid: 2 files have validation errors (3 errors). It cannot pass a gate until they are fixed; run `accredit validate` for details."
        );
        let one = InvalidEvidence {
            files: 1,
            errors: 1,
        };
        assert_eq!(
            one.sentence(),
            "the evidence is invalid: 1 file has validation errors (1 error)"
        );
    }
}
