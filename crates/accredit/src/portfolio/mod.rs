//! `accredit portfolio DIR…`: an assessor's caseload. Each DIR is a pack or a
//! folder of packs ([`discover`]); each pack is assessed on its own, in
//! parallel, and reduced to its row and matrix line ([`caseload`]); the
//! caseload is written as text, Markdown, JSON, CSV ([`formats`]) or one
//! self-contained HTML page ([`html`]), with a gap report per pack on request.

pub mod caseload;
pub mod discover;
pub mod formats;
pub mod html;

use std::path::{Component, Path, PathBuf};

use jiff::civil::Date;

use crate::cli::{GateArgs, help_order};
use crate::exit::{Exit, Failure};
use crate::gate::Gate;
use crate::output::{self, Destination};

/// `accredit portfolio`: options in the order of a caseload (its gate
/// after where its packs' overrides are read).
#[derive(Debug, clap::Args)]
#[command(
    mut_arg("require", |a| a
        .help("Lowest verdict with which a pack passes the gate (default: any; invalid evidence always fails)")
        .default_value("any")
        .display_order(help_order::AFTER_OVERRIDES + 1)),
    mut_arg("fail_under", |a| a
        .help("Fail the gate when any pack's overall score is below N (percent)")
        .display_order(help_order::AFTER_OVERRIDES + 2)),
)]
pub struct PortfolioArgs {
    /// Packs, or caseload folders whose immediate subfolders are packs.
    #[arg(required = true, value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Ruleset: the built-in id, a file, or a directory holding ruleset.yaml.
    #[arg(long, value_name = "ID|PATH", display_order = help_order::RULESET)]
    pub ruleset: Option<String>,
    /// The run date (YYYY-MM-DD). Default: today.
    #[arg(long, value_name = "DATE", display_order = help_order::AS_OF)]
    pub as_of: Option<Date>,
    /// Output format (default: text, or what the extension of --output names: .txt, .md, .json, .csv, .html).
    #[arg(long, value_enum, display_order = help_order::OUTPUTS)]
    pub format: Option<PortfolioFormat>,
    /// Write to this file instead of standard output (never inside a pack).
    #[arg(short, long, value_name = "FILE", display_order = help_order::OUTPUTS + 1)]
    pub output: Option<PathBuf>,
    /// Write one HTML gap report per pack into this directory; the HTML page links each.
    #[arg(long, value_name = "DIR", display_order = help_order::OUTPUTS + 2)]
    pub reports: Option<PathBuf>,
    /// Assessor overrides: those for a pack are read from DIR/<pack folder name>/.
    #[arg(long, value_name = "DIR", display_order = help_order::OVERRIDES)]
    pub overrides: Option<PathBuf>,
    /// The gate every pack is held to (`--require` defaults to `any`).
    #[command(flatten)]
    pub gate: GateArgs,
    /// Largest YAML or Markdown file read, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 16 * 1024 * 1024, display_order = help_order::AFTER_OVERRIDES + 3)]
    pub max_file_size: u64,
}

/// Output formats of `portfolio`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PortfolioFormat {
    /// A listing for people.
    Text,
    /// Tables for a report or wiki.
    Markdown,
    /// The caseload as JSON (schemas/portfolio.schema.json).
    Json,
    /// One row per pack with its matrix line, for a spreadsheet.
    Csv,
    /// One self-contained HTML page.
    Html,
}

/// Runs `portfolio`: exit 2 when a pack could not be assessed, else 1 when
/// any pack fails the gate (invalid evidence always does), else 0.
pub fn run(args: &PortfolioArgs) -> Result<Exit, Failure> {
    let ruleset = &crate::ruleset_choice::choose(args.ruleset.as_deref())?;
    let destination = args
        .output
        .as_deref()
        .map_or(Destination::Stdout, Destination::from_path);
    let entries = discover::discover(&args.dirs);
    let roots: Vec<&Path> = entries.iter().map(|e| e.path.as_path()).collect();
    let mut destinations = vec![destination.clone()];
    if let Some(dir) = &args.reports {
        // Any report path stands for the directory: none may be inside a pack.
        destinations.push(Destination::File(dir.join("report.html")));
    }
    output::check(&destinations, &roots)?;
    let format = match (args.format, &destination) {
        (Some(format), _) => format,
        (None, Destination::Stdout) => PortfolioFormat::Text,
        (None, Destination::File(path)) => output::format_for_path(
            path,
            &[
                ("txt", PortfolioFormat::Text),
                ("", PortfolioFormat::Text),
                ("md", PortfolioFormat::Markdown),
                ("json", PortfolioFormat::Json),
                ("csv", PortfolioFormat::Csv),
                ("html", PortfolioFormat::Html),
                ("htm", PortfolioFormat::Html),
            ],
        )?,
    };
    let link_prefix = match &args.reports {
        Some(dir) => Some(link_prefix(&destination, dir)?),
        None => None,
    };
    let settings = caseload::Settings {
        ruleset,
        as_of: args.as_of.unwrap_or_else(crate::run::today),
        overrides: args.overrides.as_deref(),
        reports: args.reports.as_deref().zip(link_prefix),
        gate: Gate::of(&args.gate, false),
        max_file_bytes: args.max_file_size,
    };
    let caseload = caseload::build(&entries, &settings)?;
    let text = match format {
        PortfolioFormat::Text => formats::text(&caseload),
        PortfolioFormat::Markdown => formats::markdown(&caseload),
        PortfolioFormat::Csv => formats::csv(&caseload),
        PortfolioFormat::Json => formats::json(&caseload)
            .map_err(|e| Failure::msg(format!("cannot serialise the portfolio: {e}")))?,
        PortfolioFormat::Html => html::render(&caseload)
            .map_err(|e| Failure::msg(format!("cannot render the portfolio page: {e:#}")))?,
    };
    output::emit(&destination, &text)?;
    Ok(caseload.exit())
}

/// The relative link from the portfolio page (or the working directory,
/// for standard output) to the reports directory, percent-encoded, with a
/// trailing `/` (empty when they are the same directory).
fn link_prefix(page: &Destination, reports: &Path) -> Result<String, Failure> {
    let from = match page {
        Destination::File(path) => path.parent().unwrap_or(Path::new("")).to_path_buf(),
        Destination::Stdout => PathBuf::new(),
    };
    let absolute = |p: &Path| -> Result<Vec<String>, Failure> {
        let p = if p.as_os_str().is_empty() {
            Path::new(".")
        } else {
            p
        };
        let abs = std::path::absolute(p)
            .map_err(|e| Failure::msg(format!("cannot resolve {}: {e}", p.display())))?;
        let mut parts: Vec<String> = Vec::new();
        for c in abs.components() {
            match c {
                Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
                Component::ParentDir => {
                    parts.pop();
                }
                _ => {}
            }
        }
        Ok(parts)
    };
    let (from, to) = (absolute(&from)?, absolute(reports)?);
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut link = String::new();
    for _ in common..from.len() {
        link.push_str("../");
    }
    for part in &to[common..] {
        link.push_str(&percent_encode(part));
        link.push('/');
    }
    Ok(link)
}

/// A path segment for a URL: unreserved characters kept, the rest %XX.
fn percent_encode(segment: &str) -> String {
    let mut out = String::new();
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_reports_are_relative() {
        let page = Destination::File(PathBuf::from("/tmp/a/caseload.html"));
        assert_eq!(
            link_prefix(&page, Path::new("/tmp/a/reports")).unwrap(),
            "reports/"
        );
        assert_eq!(
            link_prefix(&page, Path::new("/tmp/b/my reports")).unwrap(),
            "../b/my%20reports/"
        );
        assert_eq!(link_prefix(&page, Path::new("/tmp/a")).unwrap(), "");
    }
}
