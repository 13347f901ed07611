//! `accredit diff OLD.json NEW.json` and the `--baseline` section of `score`:
//! score movement, closed gaps (celebrated), new gaps, changed results.

use std::fmt::Write;
use std::path::Path;

use accredit_core::compare::{Comparison, ResultDigest, compare};

use crate::exit::{Exit, Failure};
use crate::terminal::Style;

/// Reads a JSON result written by `score --format json`.
pub fn read_result(path: &Path) -> Result<ResultDigest, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::msg(format!("cannot read {}: {e}", path.display())))?;
    serde_json::from_str(&text).map_err(|e| {
        Failure::msg(format!(
            "{} is not an accredit JSON result (write one with `accredit score --format json`): {e}",
            path.display()
        ))
    })
}

/// Runs `diff`: exit 1 when anything regressed, so CI can gate on it.
pub fn run(old: &Path, new: &Path, format: DiffFormat, style: Style) -> Result<Exit, Failure> {
    let comparison = compare(&read_result(old)?, &read_result(new)?);
    let text = match format {
        DiffFormat::Text => text(&comparison, style),
        DiffFormat::Markdown => markdown(&comparison),
        DiffFormat::Json => serde_json::to_string_pretty(&comparison).unwrap_or_default() + "\n",
    };
    out!("{text}");
    Ok(if comparison.has_regressions() {
        Exit::GateFailed
    } else {
        Exit::Passed
    })
}

/// Output formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// For people.
    Text,
    /// For a pull-request comment.
    Markdown,
    /// The comparison as JSON.
    Json,
}

fn signed(delta: f64) -> String {
    if delta >= 0.0 {
        format!("+{delta:.1}")
    } else {
        format!("{delta:.1}")
    }
}

fn score(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| format!("{v:.1}%"))
}

/// The comparison for a terminal.
pub fn text(c: &Comparison, style: Style) -> String {
    // Ids and results come from result files, which anyone can edit: data.
    let t =
        |value: &dyn std::fmt::Display| crate::encode::text::text(&value.to_string()).into_owned();
    let list = |ids: &[String]| t(&ids.join(", "));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Overall {:.1}% → {:.1}% ({})   verdict {} → {}",
        c.overall.old,
        c.overall.new,
        signed(c.overall.new - c.overall.old),
        t(&c.verdict.old),
        t(&c.verdict.new)
    );
    for d in c.domains.iter().filter(|d| d.old != d.new) {
        let delta = d.new.unwrap_or(0.0) - d.old.unwrap_or(0.0);
        let _ = writeln!(
            out,
            "  {:<5} {} → {} ({})",
            t(&d.id),
            score(d.old),
            score(d.new),
            signed(delta)
        );
    }
    if !c.closed_gaps.is_empty() {
        let _ = writeln!(
            out,
            "{} {}",
            style.paint("1;32", "Closed gaps 🎉"),
            list(&c.closed_gaps)
        );
    }
    if !c.new_gaps.is_empty() {
        let _ = writeln!(
            out,
            "{} {}",
            style.paint("1;31", "New gaps"),
            list(&c.new_gaps)
        );
    }
    if !c.worsened.is_empty() {
        let _ = writeln!(
            out,
            "{} {}",
            style.paint("1;31", "Worse"),
            list(&c.worsened)
        );
    }
    for r in &c.changed {
        let _ = writeln!(
            out,
            "  {:<8} {} → {}",
            t(&r.id),
            t(&r.old.as_deref().unwrap_or("(new requirement)")),
            t(&r.new.as_deref().unwrap_or("(removed)"))
        );
    }
    if c.changed.is_empty() {
        out.push_str("No requirement changed.\n");
    }
    out
}

/// The comparison for a pull-request comment.
pub fn markdown(c: &Comparison) -> String {
    let inline =
        |value: &dyn std::fmt::Display| crate::encode::markdown::inline(&value.to_string());
    let mut out = String::new();
    let _ = writeln!(
        out,
        "**Since the baseline:** overall {:.1}% → {:.1}% ({}), verdict {} → {}\n",
        c.overall.old,
        c.overall.new,
        signed(c.overall.new - c.overall.old),
        inline(&c.verdict.old),
        inline(&c.verdict.new)
    );
    if !c.closed_gaps.is_empty() {
        let _ = writeln!(
            out,
            "- 🎉 closed: {}",
            c.closed_gaps
                .iter()
                .map(|g| crate::encode::markdown::code(g))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if !c.new_gaps.is_empty() {
        let _ = writeln!(
            out,
            "- ❌ new gaps: {}",
            c.new_gaps
                .iter()
                .map(|g| crate::encode::markdown::code(g))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if !c.worsened.is_empty() {
        let _ = writeln!(
            out,
            "- ⚠ worse: {}",
            c.worsened
                .iter()
                .map(|g| crate::encode::markdown::code(g))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if c.changed.is_empty() {
        out.push_str("- no requirement changed\n");
    }
    out
}
