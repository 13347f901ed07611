//! `accredit portfolio PACK…`: an assessor's caseload scored in parallel into
//! one summary — each pack's verdict, score, mandatory failures and days to
//! start, and the gaps most common across the caseload.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::io::IsTerminal;
use std::path::PathBuf;

use accredit_core::assess::{Assessment, assess};
use accredit_core::load::{LoadOptions, load_pack};
use accredit_core::ruleset::Ruleset;
use jiff::civil::Date;
use rayon::prelude::*;
use serde::Serialize;

use crate::encode::markdown::inline as cell;
use crate::encode::text::text as enc;
use crate::exit::{Exit, Failure};
use crate::output::{self, Destination};

/// One pack's line in the portfolio.
#[derive(Debug, Serialize)]
pub struct CaseLine {
    /// The pack path as given.
    pub pack: String,
    /// Organisation (or the path when the pack could not be assessed).
    pub organisation: String,
    /// Verdict, or `could-not-assess`.
    pub verdict: String,
    /// Overall score.
    pub score: Option<f64>,
    /// Mandatory requirements not met.
    pub mandatory_failures: Vec<String>,
    /// Days from the run date to the assessment start.
    pub days_to_start: Option<i64>,
    /// Why it could not be assessed.
    pub problem: Option<String>,
    /// Files with validation errors (0 when the evidence is valid): such a
    /// pack never passes the gate.
    pub invalid_files: usize,
}

/// The portfolio.
#[derive(Debug, Serialize)]
pub struct Portfolio {
    /// Ruleset id and version.
    pub ruleset: String,
    /// Run date.
    pub as_of: Date,
    /// One line per pack, in the order given.
    pub packs: Vec<CaseLine>,
    /// Requirement ids with the number of packs where each is a gap, most common first.
    pub common_gaps: Vec<(String, usize)>,
}

/// Scores every pack (in parallel, with a progress bar on a terminal).
pub fn build(packs: &[PathBuf], ruleset: &Ruleset, as_of: Date) -> Portfolio {
    let options = LoadOptions {
        known_applications: ruleset.application_ids(),
        ..LoadOptions::default()
    };
    let progress = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(packs.len() as u64);
        bar.set_message("scoring packs");
        bar
    });
    let results: Vec<(String, Result<Assessment, String>)> = packs
        .par_iter()
        .map(|path| {
            let outcome = load_pack(path, &options)
                .map_err(|e| e.to_string())
                .and_then(|evidence| assess(&evidence, ruleset, as_of).map_err(|e| e.to_string()));
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            (path.display().to_string(), outcome)
        })
        .collect();
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let lines = results
        .into_iter()
        .map(|(pack, outcome)| match outcome {
            Ok(a) => {
                for gap in &a.gaps {
                    *counts.entry(gap.clone()).or_default() += 1;
                }
                CaseLine {
                    pack,
                    organisation: a.applicant.organisation.clone(),
                    verdict: a.verdict.as_str().to_string(),
                    score: Some(a.score.overall),
                    mandatory_failures: a
                        .requirements
                        .iter()
                        .filter(|r| r.mandatory && r.result.is_gap())
                        .map(|r| r.id.clone())
                        .collect(),
                    days_to_start: Some(a.applicant.days_to_start),
                    problem: None,
                    invalid_files: if a.evidence_invalid() {
                        a.evidence.invalid_files.max(1)
                    } else {
                        0
                    },
                }
            }
            Err(problem) => CaseLine {
                organisation: pack.clone(),
                pack,
                verdict: "could-not-assess".to_string(),
                score: None,
                mandatory_failures: Vec::new(),
                days_to_start: None,
                problem: Some(problem),
                invalid_files: 0,
            },
        })
        .collect();
    let mut common_gaps: Vec<(String, usize)> = counts.into_iter().collect();
    common_gaps.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Portfolio {
        ruleset: ruleset.reference(),
        as_of,
        packs: lines,
        common_gaps,
    }
}

/// Renders the portfolio for people.
pub fn text(p: &Portfolio) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Caseload of {} pack(s) · ruleset {} · as of {}\n",
        p.packs.len(),
        p.ruleset,
        p.as_of
    );
    let _ = writeln!(
        out,
        "{:<44} {:<17} {:>7} {:>6}  mandatory gaps",
        "organisation", "verdict", "score", "days"
    );
    for line in &p.packs {
        let score = line
            .score
            .map_or_else(|| "—".to_string(), crate::render::percent);
        let days = line
            .days_to_start
            .map_or_else(|| "—".to_string(), |d| d.to_string());
        let gaps = gaps_cell(line);
        let _ = writeln!(
            out,
            "{:<44} {:<17} {:>7} {:>6}  {}",
            truncate(
                &crate::encode::text::at_line_start(&line.organisation, "» "),
                44
            ),
            line.verdict,
            score,
            days,
            enc(&gaps)
        );
    }
    if !p.common_gaps.is_empty() {
        let _ = writeln!(out, "\nMost common gaps");
        for (id, count) in p.common_gaps.iter().take(10) {
            let _ = writeln!(out, "  {id:<8} in {count} of {} packs", p.packs.len());
        }
    }
    out
}

/// Renders the portfolio as Markdown.
pub fn markdown(p: &Portfolio) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## LSD caseload: {} pack(s)\n\nRuleset {} · as of {}\n",
        p.packs.len(),
        crate::encode::markdown::code(&p.ruleset),
        p.as_of
    );
    let _ = writeln!(
        out,
        "| Organisation | Verdict | Score | Days to start | Mandatory gaps |\n|---|---|---:|---:|---|"
    );
    for line in &p.packs {
        let score = line
            .score
            .map_or_else(|| "—".to_string(), crate::render::percent);
        let days = line
            .days_to_start
            .map_or_else(|| "—".to_string(), |d| d.to_string());
        let gaps = gaps_cell(line);
        let _ = writeln!(
            out,
            "| {} | {} | {score} | {days} | {} |",
            cell(&line.organisation),
            line.verdict,
            cell(&gaps)
        );
    }
    if !p.common_gaps.is_empty() {
        let _ = writeln!(
            out,
            "\n**Most common gaps:** {}",
            p.common_gaps
                .iter()
                .take(10)
                .map(|(id, n)| format!("`{id}` ({n})"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    out
}

/// The mandatory gaps, led by a flag when the evidence is invalid (such a
/// pack never passes a gate); or why the pack could not be assessed.
fn gaps_cell(line: &CaseLine) -> String {
    if let Some(problem) = &line.problem {
        return problem.clone();
    }
    let gaps = line.mandatory_failures.join(", ");
    match line.invalid_files {
        0 => gaps,
        1 => format!("✗ evidence invalid (1 file); {gaps}"),
        n => format!("✗ evidence invalid ({n} files); {gaps}"),
    }
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        text.chars().take(width - 1).collect::<String>() + "…"
    }
}

/// Runs `portfolio`: exit 2 when a pack could not be assessed, else 1 when a
/// pack's evidence is invalid (it never passes a gate), else 0.
pub fn run(
    packs: &[PathBuf],
    ruleset: &Ruleset,
    as_of: Date,
    format: Option<PortfolioFormat>,
    output: Option<&std::path::Path>,
) -> Result<Exit, Failure> {
    let destination = output.map_or(Destination::Stdout, Destination::from_path);
    let roots: Vec<&std::path::Path> = packs.iter().map(PathBuf::as_path).collect();
    output::check([&destination], &roots)?;
    let format = match (format, &destination) {
        (Some(format), _) => format,
        (None, Destination::Stdout) => PortfolioFormat::Text,
        (None, Destination::File(path)) => output::format_for_path(
            path,
            &[
                ("txt", PortfolioFormat::Text),
                ("", PortfolioFormat::Text),
                ("md", PortfolioFormat::Markdown),
                ("json", PortfolioFormat::Json),
            ],
        )?,
    };
    let portfolio = build(packs, ruleset, as_of);
    let text = match format {
        PortfolioFormat::Text => text(&portfolio),
        PortfolioFormat::Markdown => markdown(&portfolio),
        PortfolioFormat::Json => crate::encode::json::harden(
            serde_json::to_string_pretty(&portfolio)
                .map_err(|e| Failure::msg(format!("cannot serialise the portfolio: {e}")))?
                + "\n",
        ),
    };
    output::emit(&destination, &text)?;
    Ok(gate(&portfolio))
}

/// The portfolio's gate (see [`run`]).
pub fn gate(portfolio: &Portfolio) -> Exit {
    if portfolio.packs.iter().any(|l| l.problem.is_some()) {
        Exit::CannotAssess
    } else if portfolio.packs.iter().any(|l| l.invalid_files > 0) {
        Exit::GateFailed
    } else {
        Exit::Passed
    }
}

/// Output formats of `portfolio`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PortfolioFormat {
    /// A table for people.
    Text,
    /// A table for a report or wiki.
    Markdown,
    /// Every line as JSON.
    Json,
}
