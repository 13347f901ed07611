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
    let warnings = mismatches(&identity(old), &identity(new));
    for warning in &warnings {
        eprintln!(
            "{}: {}",
            style.paint("1;33", "warning"),
            crate::encode::text::text(warning)
        );
    }
    let text = match format {
        DiffFormat::Text => {
            let lines: String = warnings
                .iter()
                .map(|w| format!("⚠ Warning: {}\n", crate::encode::text::text(w)))
                .collect();
            lines + &text(&comparison, style)
        }
        DiffFormat::Markdown => {
            let lines: String = warnings
                .iter()
                .map(|w| {
                    format!(
                        "> ⚠ **Warning:** {}\n\n",
                        crate::encode::markdown::inline(w)
                    )
                })
                .collect();
            lines + &markdown(&comparison)
        }
        DiffFormat::Json => serde_json::to_string_pretty(&comparison).unwrap_or_default() + "\n",
    };
    out!("{text}");
    Ok(if comparison.has_regressions() {
        Exit::GateFailed
    } else {
        Exit::Passed
    })
}

/// Who and what a result is about: enough to tell two packs or rulesets apart.
#[derive(Debug, Default, serde::Deserialize)]
struct Identity {
    #[serde(default)]
    applicant: Option<ApplicantId>,
    #[serde(default)]
    ruleset: Option<RulesetId>,
}

#[derive(Debug, serde::Deserialize)]
struct ApplicantId {
    #[serde(default)]
    organisation: Option<String>,
    #[serde(default)]
    ods_code: Option<String>,
}

#[derive(Debug, serde::Deserialize)]
struct RulesetId {
    id: String,
    version: String,
}

/// The identity of a result file (empty when it has none, as a hand-written digest).
fn identity(path: &Path) -> Identity {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Why the two results may not be comparable: different trusts (by ODS
/// code; by organisation name when either has no ODS code) or rulesets.
fn mismatches(old: &Identity, new: &Identity) -> Vec<String> {
    let mut out = Vec::new();
    if let (Some(a), Some(b)) = (&old.applicant, &new.applicant) {
        let ods = |x: &ApplicantId| {
            x.ods_code
                .as_deref()
                .map(|c| c.trim().to_ascii_uppercase())
                .filter(|c| !c.is_empty())
        };
        match (ods(a), ods(b)) {
            (Some(x), Some(y)) if x != y => out.push(format!(
                "the two results are of different packs: ODS code {x} and {y}"
            )),
            (Some(_), Some(_)) => {}
            _ if a.organisation != b.organisation => out.push(format!(
                "the two results are of different packs: {} and {}",
                a.organisation.as_deref().unwrap_or("(no organisation)"),
                b.organisation.as_deref().unwrap_or("(no organisation)")
            )),
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (&old.ruleset, &new.ruleset)
        && (a.id != b.id || a.version != b.version)
    {
        out.push(format!(
            "the two results were scored with different rulesets: {} {} and {} {}",
            a.id, a.version, b.id, b.version
        ));
    }
    out
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
