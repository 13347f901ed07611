//! The caseload as one self-contained HTML page, under the gap report's
//! rules: the same template environment (every value HTML-escaped, control
//! characters made visible, undefined values an error), no script, no
//! external request, the same Content-Security-Policy, status words beside
//! every colour and symbol, and print rules with page numbers.
//!
//! The view is prepared here; `templates/portfolio.html` only lays it out.

use accredit_core::assess::Verdict;
use serde::Serialize;

use super::caseload::{COULD_NOT_ASSESS, Caseload, PackRow};
use super::formats::{COMMON_GAPS_SHOWN, counts_line, gate_line};
use crate::render::html::{StatusView, status};
use crate::words;

const TEMPLATE: &str = include_str!("../../templates/portfolio.html");
const STYLE: &str = include_str!("../../templates/portfolio.css");

/// The legend of the matrix: every result, its symbol and word.
const RESULTS: &[(&str, StatusView)] = &[
    ("pass", status("✓", "pass", "good")),
    ("partial", status("◐", "partial", "warn")),
    ("fail", status("✗", "fail", "bad")),
    ("missing", status("?", "missing evidence", "bad")),
    ("error", status("!", "evidence in error", "bad")),
    ("not-applicable", status("–", "not applicable", "neutral")),
    ("waived", status("⊘", "waived", "neutral")),
];

const NOT_ASSESSED: StatusView = status("·", "not assessed", "neutral");

fn result_status(result: Option<&String>) -> StatusView {
    result
        .and_then(|r| RESULTS.iter().find(|(id, _)| id == r))
        .map_or(NOT_ASSESSED, |(_, s)| s.clone())
}

fn verdict_status(verdict: &str) -> StatusView {
    match verdict {
        "ready" => status("✓", words::verdict(Verdict::Ready), "good"),
        "approaching" => status("◐", words::verdict(Verdict::Approaching), "warn"),
        "not-ready" => status("✗", words::verdict(Verdict::NotReady), "bad"),
        _ => status("!", "could not assess", "bad"),
    }
}

fn gate_status(gate: &str) -> StatusView {
    match gate {
        "passed" => status("✓", "passed", "good"),
        "failed" => status("✗", "failed", "bad"),
        _ => status("!", "could not assess", "bad"),
    }
}

#[derive(Debug, Serialize)]
struct Page {
    title: String,
    tool: String,
    ruleset: String,
    ruleset_sha256: String,
    as_of: String,
    pack_count: usize,
    counts: String,
    gate: String,
    verdicts: Vec<(StatusView, usize)>,
    invalid_packs: usize,
    rows: Vec<RowView>,
    domains: Vec<ColumnView>,
    common_gaps: Vec<GapView>,
    matrix: Vec<MatrixBlock>,
    legend: Vec<StatusView>,
}

#[derive(Debug, Serialize)]
struct RowView {
    number: usize,
    anchor: String,
    path: String,
    organisation: String,
    ods_code: String,
    verdict: StatusView,
    overall: String,
    mandatory: String,
    validation_errors: usize,
    invalid: Option<String>,
    problem: Option<String>,
    days: String,
    gate: StatusView,
    gate_reason: Option<String>,
    report: Option<String>,
    domains: Vec<String>,
}

#[derive(Debug, Serialize)]
struct ColumnView {
    id: String,
    title: String,
    mandatory: bool,
}

#[derive(Debug, Serialize)]
struct GapView {
    id: String,
    title: String,
    mandatory: bool,
    packs: usize,
    share: String,
}

#[derive(Debug, Serialize)]
struct MatrixBlock {
    id: String,
    title: String,
    requirements: Vec<ColumnView>,
    rows: Vec<MatrixRow>,
}

#[derive(Debug, Serialize)]
struct MatrixRow {
    number: usize,
    anchor: String,
    label: String,
    cells: Vec<StatusView>,
}

fn percent(value: Option<f64>) -> String {
    words::percent_or(value, "—")
}

fn row_view(n: usize, row: &PackRow, c: &Caseload) -> RowView {
    RowView {
        number: n,
        anchor: format!("pack-{n}"),
        path: row.path.clone(),
        organisation: row
            .organisation
            .clone()
            .unwrap_or_else(|| "(not assessed)".to_string()),
        ods_code: row.ods_code.clone().unwrap_or_else(|| "—".to_string()),
        verdict: verdict_status(&row.verdict),
        overall: percent(row.overall),
        mandatory: match (row.mandatory_met, row.mandatory_total) {
            (Some(m), Some(t)) => format!("{m} / {t}"),
            _ => "—".to_string(),
        },
        validation_errors: row.validation_errors,
        invalid: row.invalid_flag(),
        problem: row.problem.clone(),
        days: row
            .days_to_start
            .map_or_else(|| "—".to_string(), |d| d.to_string()),
        gate: gate_status(row.gate),
        gate_reason: row.gate_reason.clone(),
        report: row.report.clone(),
        domains: c
            .domains
            .iter()
            .map(|d| {
                percent(
                    row.domains
                        .iter()
                        .find(|x| x.id == d.id)
                        .and_then(|x| x.score),
                )
            })
            .collect(),
    }
}

fn page(c: &Caseload) -> Page {
    let total = c.packs.len();
    let v = &c.verdict_counts;
    Page {
        title: format!("LSD accreditation caseload — {total} packs"),
        tool: format!("{} {}", c.tool.name, c.tool.version),
        ruleset: format!("{} {}", c.ruleset.id, c.ruleset.version),
        ruleset_sha256: c.ruleset.sha256.clone(),
        as_of: c.as_of.to_string(),
        pack_count: total,
        counts: counts_line(c),
        gate: gate_line(c),
        verdicts: vec![
            (verdict_status("ready"), v.ready),
            (verdict_status("approaching"), v.approaching),
            (verdict_status("not-ready"), v.not_ready),
            (verdict_status(COULD_NOT_ASSESS), v.could_not_assess),
        ],
        invalid_packs: c.invalid_packs,
        rows: c
            .packs
            .iter()
            .enumerate()
            .map(|(i, row)| row_view(i + 1, row, c))
            .collect(),
        domains: c
            .domains
            .iter()
            .map(|d| ColumnView {
                id: d.id.clone(),
                title: d.title.clone(),
                mandatory: false,
            })
            .collect(),
        common_gaps: c
            .common_gaps
            .iter()
            .take(COMMON_GAPS_SHOWN)
            .map(|g| GapView {
                id: g.id.clone(),
                title: g.title.clone(),
                mandatory: g.mandatory,
                packs: g.packs,
                share: crate::words::percent_whole(100.0 * g.packs as f64 / total.max(1) as f64),
            })
            .collect(),
        matrix: c
            .domains
            .iter()
            .filter_map(|d| {
                let requirements: Vec<_> =
                    c.requirements.iter().filter(|r| r.domain == d.id).collect();
                (!requirements.is_empty()).then(|| MatrixBlock {
                    id: d.id.clone(),
                    title: d.title.clone(),
                    requirements: requirements
                        .iter()
                        .map(|r| ColumnView {
                            id: r.id.clone(),
                            title: r.title.clone(),
                            mandatory: r.mandatory,
                        })
                        .collect(),
                    rows: c
                        .packs
                        .iter()
                        .enumerate()
                        .map(|(i, row)| MatrixRow {
                            number: i + 1,
                            anchor: format!("pack-{}", i + 1),
                            label: row
                                .organisation
                                .clone()
                                .unwrap_or_else(|| row.folder.clone()),
                            cells: requirements
                                .iter()
                                .map(|r| result_status(row.results.get(&r.id)))
                                .collect(),
                        })
                        .collect(),
                })
            })
            .collect(),
        legend: RESULTS
            .iter()
            .map(|(_, s)| s.clone())
            .chain([NOT_ASSESSED])
            .collect(),
    }
}

/// Renders the portfolio page. Byte-identical for the same caseload.
pub fn render(c: &Caseload) -> Result<String, minijinja::Error> {
    let mut env = crate::render::html::environment()?;
    env.add_template("portfolio.css", STYLE)?;
    env.add_template("portfolio.html", TEMPLATE)?;
    env.get_template("portfolio.html")?
        .render(minijinja::value::Serde(page(c)))
}
