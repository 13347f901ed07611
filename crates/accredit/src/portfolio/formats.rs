//! The caseload as text, Markdown, CSV and JSON. Every trust-supplied value
//! (organisation, ODS code, path, problem) goes through the consumer's encoder.

use std::fmt::Write;

use super::caseload::{Caseload, PackRow};
use crate::encode::{csv, markdown as md, text};

/// Gaps listed under "most common gaps".
pub const COMMON_GAPS_SHOWN: usize = 10;

fn score(value: Option<f64>) -> String {
    crate::words::percent_or(value, "—")
}

fn mandatory(row: &PackRow) -> String {
    match (row.mandatory_met, row.mandatory_total) {
        (Some(met), Some(total)) => format!("{met}/{total}"),
        _ => "—".to_string(),
    }
}

fn days(row: &PackRow) -> String {
    row.days_to_start
        .map_or_else(|| "—".to_string(), |d| d.to_string())
}

/// What is wrong with a row, if anything: the invalid flag, or why it could not be assessed.
fn problem(row: &PackRow) -> Option<String> {
    match (&row.problem, row.invalid_flag()) {
        (Some(problem), Some(flag)) => Some(format!("{flag}; {problem}")),
        (Some(problem), None) => Some(format!("could not assess: {problem}")),
        (None, flag) => flag,
    }
}

/// Verdict counts in words: `2 ready · 1 approaching · 3 not ready · 1 could not assess`.
pub fn counts_line(c: &Caseload) -> String {
    let v = &c.verdict_counts;
    let mut line = format!(
        "{} ready · {} approaching · {} not ready",
        v.ready, v.approaching, v.not_ready
    );
    if v.could_not_assess > 0 {
        let _ = write!(line, " · {} could not assess", v.could_not_assess);
    }
    if c.invalid_packs > 0 {
        let _ = write!(line, " · ✗ {} with invalid evidence", c.invalid_packs);
    }
    line
}

/// The gate in words.
pub fn gate_line(c: &Caseload) -> String {
    let mut rule = format!("--require {}", c.gate.require);
    if let Some(n) = c.gate.fail_under {
        let _ = write!(rule, " --fail-under {n}");
    }
    format!(
        "Gate ({rule}, applied to every pack): {} passed, {} failed, {} could not be assessed",
        c.gate.passed, c.gate.failed, c.gate.could_not_assess
    )
}

/// For a terminal or a log.
pub fn text(c: &Caseload) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Caseload of {} pack(s) · ruleset {} {} · as of {}",
        c.packs.len(),
        text::text(&c.ruleset.id),
        text::text(&c.ruleset.version),
        c.as_of
    );
    let _ = writeln!(out, "{}", counts_line(c));
    let _ = writeln!(out, "{}\n", gate_line(c));
    for row in &c.packs {
        let name = row.organisation.as_deref().unwrap_or("(not assessed)");
        let _ = writeln!(
            out,
            "{}  {}",
            text::path_at_line_start(&row.path),
            text::text(name)
        );
        let _ = writeln!(
            out,
            "    ODS {} · {} · overall {} · mandatory {} · {} validation error(s) · {} days to start · gate {}",
            text::text(row.ods_code.as_deref().unwrap_or("—")),
            row.verdict,
            score(row.overall),
            mandatory(row),
            row.validation_errors,
            days(row),
            row.gate
        );
        if let Some(problem) = problem(row) {
            let _ = writeln!(out, "    ✗ {}", text::text(&problem));
        }
        if !row.mandatory_failures.is_empty() {
            let _ = writeln!(
                out,
                "    mandatory not met: {}",
                text::text(&row.mandatory_failures.join(", "))
            );
        }
        if !row.domains.is_empty() {
            let domains: Vec<String> = row
                .domains
                .iter()
                .map(|d| format!("{} {}", d.id, score(d.score)))
                .collect();
            let _ = writeln!(out, "    {}", text::text(&domains.join(" · ")));
        }
        if let Some(reason) = &row.gate_reason {
            let _ = writeln!(out, "    gate failed: {}", text::text(reason));
        }
    }
    if !c.common_gaps.is_empty() {
        let _ = writeln!(out, "\nMost common gaps");
        for gap in c.common_gaps.iter().take(COMMON_GAPS_SHOWN) {
            let _ = writeln!(
                out,
                "  {:<8} in {} of {} packs  {}",
                text::text(&gap.id),
                gap.packs,
                c.packs.len(),
                text::text(&gap.title)
            );
        }
    }
    out
}

/// For a report, wiki or pull request.
pub fn markdown(c: &Caseload) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## LSD caseload: {} pack(s)\n\nRuleset {} {} · as of {}\n\n{}\n\n{}\n",
        c.packs.len(),
        md::code(&c.ruleset.id),
        md::code(&c.ruleset.version),
        c.as_of,
        counts_line(c),
        md::inline(&gate_line(c))
    );
    let _ = writeln!(
        out,
        "| Pack | Organisation | ODS | Verdict | Overall | Mandatory met | Validation errors | Days to start | Gate |\n|---|---|---|---|---:|---:|---:|---:|---|"
    );
    for row in &c.packs {
        let errors = match problem(row) {
            Some(p) => format!("**{}** — {}", row.validation_errors, md::inline(&p)),
            None => row.validation_errors.to_string(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {errors} | {} | {} |",
            md::code(&row.path),
            md::inline(row.organisation.as_deref().unwrap_or("—")),
            md::inline(row.ods_code.as_deref().unwrap_or("—")),
            row.verdict,
            score(row.overall),
            mandatory(row),
            days(row),
            row.gate
        );
    }
    let _ = writeln!(out, "\n### Domain scores\n");
    let _ = write!(out, "| Pack |");
    for d in &c.domains {
        let _ = write!(out, " {} |", md::inline(&d.id));
    }
    let _ = writeln!(out, "\n|---|{}", "---:|".repeat(c.domains.len()));
    for row in &c.packs {
        let _ = write!(out, "| {} |", md::code(&row.path));
        for d in &c.domains {
            let cell = row
                .domains
                .iter()
                .find(|x| x.id == d.id)
                .and_then(|x| x.score);
            let _ = write!(out, " {} |", score(cell));
        }
        out.push('\n');
    }
    if !c.common_gaps.is_empty() {
        let _ = writeln!(out, "\n### Most common gaps\n");
        for gap in c.common_gaps.iter().take(COMMON_GAPS_SHOWN) {
            let _ = writeln!(
                out,
                "- {} {} — in {} of {} packs",
                md::code(&gap.id),
                md::inline(&gap.title),
                gap.packs,
                c.packs.len()
            );
        }
    }
    out
}

/// RFC 4180 with a byte-order mark (so spreadsheets read UTF-8): one record
/// per pack, its domain scores and then its result for every requirement
/// (the matrix). Every cell is formula-safe.
pub fn csv(c: &Caseload) -> String {
    let mut header: Vec<String> = [
        "path",
        "folder",
        "organisation",
        "ods_code",
        "verdict",
        "overall",
        "mandatory_met",
        "mandatory_total",
        "evidence_valid",
        "validation_errors",
        "invalid_files",
        "days_to_start",
        "gate",
        "problem",
        "report",
    ]
    .map(str::to_string)
    .to_vec();
    header.extend(c.domains.iter().map(|d| format!("domain {}", d.id)));
    header.extend(c.requirements.iter().map(|r| r.id.clone()));
    let mut out = String::from("\u{feff}");
    out.push_str(&csv::record(header.iter().map(String::as_str)));
    for row in &c.packs {
        let number = |v: Option<f64>| v.map(|v| format!("{v:.1}")).unwrap_or_default();
        let mut cells: Vec<String> = vec![
            row.path.clone(),
            row.folder.clone(),
            row.organisation.clone().unwrap_or_default(),
            row.ods_code.clone().unwrap_or_default(),
            row.verdict.clone(),
            row.overall
                .map(|v| format!("{:.1}", crate::words::towards_zero(v, 1)))
                .unwrap_or_default(),
            row.mandatory_met.map(|n| n.to_string()).unwrap_or_default(),
            row.mandatory_total
                .map(|n| n.to_string())
                .unwrap_or_default(),
            (!row.invalid()).to_string(),
            row.validation_errors.to_string(),
            row.invalid_files.to_string(),
            row.days_to_start.map(|d| d.to_string()).unwrap_or_default(),
            row.gate.to_string(),
            problem(row).unwrap_or_default(),
            row.report.clone().unwrap_or_default(),
        ];
        for d in &c.domains {
            let cell = row
                .domains
                .iter()
                .find(|x| x.id == d.id)
                .and_then(|x| x.score);
            cells.push(number(cell.map(|v| crate::words::towards_zero(v, 1))));
        }
        for r in &c.requirements {
            cells.push(row.results.get(&r.id).cloned().unwrap_or_default());
        }
        out.push_str(&csv::record(cells.iter().map(String::as_str)));
    }
    out
}

/// The caseload as JSON (`schemas/portfolio.schema.json`).
pub fn json(c: &Caseload) -> Result<String, serde_json::Error> {
    Ok(crate::encode::json::harden(
        serde_json::to_string_pretty(c)? + "\n",
    ))
}
