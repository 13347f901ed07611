//! The caseload: every pack assessed on its own (in parallel), each reduced
//! to its row and matrix line as soon as it is scored — its gap report
//! written then — so memory is bounded by the largest pack, not the caseload.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::Path;

use accredit_core::assess::{Assessment, OverrideState, assess_with_overrides};
use accredit_core::load::{LoadOptions, load_overrides, load_pack};
use accredit_core::ruleset::Ruleset;
use jiff::civil::Date;
use rayon::prelude::*;
use serde::Serialize;

use super::discover::Entry;
use crate::exit::{Exit, Failure};
use crate::gate::Gate;

/// `format` of the JSON portfolio (versioned by `schemas/portfolio.schema.json`).
pub const FORMAT: &str = "accredit-portfolio/1";

/// The verdict word of a pack that could not be assessed.
pub const COULD_NOT_ASSESS: &str = "could-not-assess";

/// The whole caseload.
#[derive(Debug, Serialize)]
pub struct Caseload {
    /// [`FORMAT`].
    pub format: &'static str,
    /// `accredit` and its version.
    pub tool: Tool,
    /// The ruleset every pack was assessed against.
    pub ruleset: RulesetRef,
    /// The run date.
    pub as_of: Date,
    /// The gate applied to every pack.
    pub gate: GateSummary,
    /// Packs per verdict (`could-not-assess` included).
    pub verdict_counts: VerdictCounts,
    /// Packs whose evidence has validation errors.
    pub invalid_packs: usize,
    /// Requirements that are gaps in at least one pack, most common first.
    pub common_gaps: Vec<CommonGap>,
    /// The ruleset's domains, in order (the columns of `packs[].domains`).
    pub domains: Vec<DomainRef>,
    /// The ruleset's requirements, in order (the columns of the matrix).
    pub requirements: Vec<RequirementRef>,
    /// One row per pack, in discovery order.
    pub packs: Vec<PackRow>,
}

/// Tool name and version.
#[derive(Debug, Serialize)]
pub struct Tool {
    /// `accredit`.
    pub name: &'static str,
    /// Its version.
    pub version: &'static str,
}

/// Ruleset id, version and SHA-256.
#[derive(Debug, Serialize)]
pub struct RulesetRef {
    /// The ruleset's id, e.g. `lsd-accreditation`.
    pub id: String,
    /// The ruleset's version as written in it.
    pub version: String,
    /// SHA-256 of its text.
    pub sha256: String,
}

/// A domain column.
#[derive(Debug, Serialize)]
pub struct DomainRef {
    /// Id, e.g. `COV`.
    pub id: String,
    /// The domain's title from the ruleset.
    pub title: String,
}

/// A requirement column.
#[derive(Debug, Serialize)]
pub struct RequirementRef {
    /// Id, e.g. `COV-02`.
    pub id: String,
    /// Its domain.
    pub domain: String,
    /// The requirement's title from the ruleset.
    pub title: String,
    /// Whether it must be met to be ready.
    pub mandatory: bool,
}

/// What the gate required, and how many packs passed it.
#[derive(Debug, Serialize)]
pub struct GateSummary {
    /// `ready`, `approaching` or `any`.
    pub require: &'static str,
    /// `--fail-under`, when given.
    pub fail_under: Option<f64>,
    /// Packs that passed.
    pub passed: usize,
    /// Packs that failed (invalid evidence, verdict or score).
    pub failed: usize,
    /// Packs that could not be assessed.
    pub could_not_assess: usize,
}

/// Packs per verdict.
#[derive(Debug, Default, Serialize)]
pub struct VerdictCounts {
    /// `ready`.
    pub ready: usize,
    /// `approaching`.
    pub approaching: usize,
    /// `not-ready`.
    #[serde(rename = "not-ready")]
    pub not_ready: usize,
    /// `could-not-assess`.
    #[serde(rename = "could-not-assess")]
    pub could_not_assess: usize,
}

/// A requirement that is a gap in several packs.
#[derive(Debug, Serialize)]
pub struct CommonGap {
    /// Requirement id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Whether it is mandatory.
    pub mandatory: bool,
    /// In how many packs it is a gap.
    pub packs: usize,
}

/// One domain's score in one pack.
#[derive(Debug, Clone, Serialize)]
pub struct DomainCell {
    /// Domain id.
    pub id: String,
    /// Score in percent; absent when nothing in it was counted.
    pub score: Option<f64>,
}

/// One pack's row.
#[derive(Debug, Serialize)]
pub struct PackRow {
    /// The pack's directory as found (tells apart trusts with one name).
    pub path: String,
    /// Its folder name (where `--overrides DIR/<folder>/` is read).
    pub folder: String,
    /// Organisation, when the pack could be read.
    pub organisation: Option<String>,
    /// ODS code.
    pub ods_code: Option<String>,
    /// `ready`, `approaching`, `not-ready` or `could-not-assess`.
    pub verdict: String,
    /// Overall score in percent.
    pub overall: Option<f64>,
    /// Mandatory requirements met.
    pub mandatory_met: Option<usize>,
    /// Mandatory requirements counted.
    pub mandatory_total: Option<usize>,
    /// Mandatory requirements not met.
    pub mandatory_failures: Vec<String>,
    /// No validation error (`accredit validate` would pass).
    pub evidence_valid: bool,
    /// Validation errors.
    pub validation_errors: usize,
    /// Files with validation errors.
    pub invalid_files: usize,
    /// Days from the run date to the assessment start.
    pub days_to_start: Option<i64>,
    /// The nine (the ruleset's) domain scores, in ruleset order.
    pub domains: Vec<DomainCell>,
    /// The matrix line: each requirement's result, by requirement id.
    pub results: BTreeMap<String, String>,
    /// Gap ids in fix-first order.
    pub gaps: Vec<String>,
    /// Assessor overrides applied (from `--overrides DIR/<folder>/`).
    pub overrides_applied: usize,
    /// `passed`, `failed` or `could-not-assess`.
    pub gate: &'static str,
    /// Why the gate failed, in words.
    pub gate_reason: Option<String>,
    /// The gap report's relative link (with `--reports`).
    pub report: Option<String>,
    /// Why the pack could not be assessed.
    pub problem: Option<String>,
}

impl PackRow {
    /// Whether the evidence is invalid (flagged in every format).
    pub fn invalid(&self) -> bool {
        self.validation_errors > 0 || (!self.evidence_valid && self.problem.is_none())
    }

    /// `✗ INVALID EVIDENCE: 2 files, 3 errors`, when it is.
    pub fn invalid_flag(&self) -> Option<String> {
        self.invalid().then(|| {
            let errors = crate::words::plural(self.validation_errors, "error");
            match self.invalid_files {
                0 => format!("INVALID EVIDENCE: {errors}"),
                1 => format!("INVALID EVIDENCE: 1 file, {errors}"),
                n => format!("INVALID EVIDENCE: {n} files, {errors}"),
            }
        })
    }
}

/// What every pack is assessed with.
pub struct Settings<'a> {
    /// The ruleset.
    pub ruleset: &'a Ruleset,
    /// The run date.
    pub as_of: Date,
    /// `--overrides DIR`.
    pub overrides: Option<&'a Path>,
    /// `--reports DIR`, and the link prefix from the portfolio page to it.
    pub reports: Option<(&'a Path, String)>,
    /// `--require` and `--fail-under`.
    pub gate: Gate,
    /// `--max-file-size`.
    pub max_file_bytes: u64,
}

/// Assesses every pack (in parallel, a progress bar on a terminal) and sums up.
pub fn build(entries: &[Entry], settings: &Settings<'_>) -> Result<Caseload, Failure> {
    let ruleset = settings.ruleset;
    let options = LoadOptions {
        max_file_bytes: settings.max_file_bytes,
        known_applications: ruleset.application_ids(),
        // Assessed next: each CSV export is hashed by the stream that reads it.
        hash_exports_in_stream: true,
        ..LoadOptions::default()
    };
    let progress = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(entries.len() as u64);
        bar.set_message("scoring packs");
        bar
    });
    let rows: Vec<PackRow> = entries
        .par_iter()
        .map(|entry| {
            let row = assess_one(entry, settings, &options);
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            row
        })
        .collect::<Result<_, Failure>>()?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    Ok(summarise(rows, settings))
}

/// One pack, on its own: its row, with its gap report written.
fn assess_one(
    entry: &Entry,
    settings: &Settings<'_>,
    options: &LoadOptions,
) -> Result<PackRow, Failure> {
    let mut row = empty_row(entry);
    let evidence = match load_pack(&entry.path, options) {
        Ok(evidence) => evidence,
        Err(e) => return Ok(row.cannot(e.to_string())),
    };
    row.validation_errors = evidence.diagnostics.iter().filter(|d| d.is_error()).count();
    if evidence.pack.is_none() {
        return Ok(row.cannot(
            "no valid `kind: Pack` document, so it cannot be assessed (run `accredit validate` on it)"
                .to_string(),
        ));
    }
    let overrides = match settings.overrides.map(|dir| dir.join(&entry.folder)) {
        Some(dir) if dir.is_dir() => match load_overrides(&dir, options) {
            Ok(loaded) if loaded.diagnostics.iter().any(|d| d.is_error()) => {
                return Ok(row.cannot(format!(
                    "the overrides in {} are invalid (run `accredit score --overrides` on it for details)",
                    dir.display()
                )));
            }
            Ok(loaded) => loaded.overrides,
            Err(e) => return Ok(row.cannot(e.to_string())),
        },
        _ => Vec::new(),
    };
    let assessment =
        match assess_with_overrides(&evidence, settings.ruleset, settings.as_of, &overrides) {
            Ok(a) => a,
            Err(e) => return Ok(row.cannot(Failure::new(&e).message)),
        };
    drop(evidence);
    if let Some((dir, prefix)) = &settings.reports {
        let page = crate::render::html::try_render(&assessment)
            .map_err(|e| Failure::msg(format!("cannot render the report: {e:#}")))?;
        crate::output::write_file(&dir.join(&entry.report_name), page.as_bytes())?;
        row.report = Some(format!("{prefix}{}", entry.report_name));
    }
    fill(&mut row, &assessment, settings);
    Ok(row)
}

fn empty_row(entry: &Entry) -> PackRow {
    PackRow {
        path: entry.path.display().to_string(),
        folder: entry.folder.clone(),
        organisation: None,
        ods_code: None,
        verdict: COULD_NOT_ASSESS.to_string(),
        overall: None,
        mandatory_met: None,
        mandatory_total: None,
        mandatory_failures: Vec::new(),
        evidence_valid: false,
        validation_errors: 0,
        invalid_files: 0,
        days_to_start: None,
        domains: Vec::new(),
        results: BTreeMap::new(),
        gaps: Vec::new(),
        overrides_applied: 0,
        gate: COULD_NOT_ASSESS,
        gate_reason: None,
        report: None,
        problem: None,
    }
}

impl PackRow {
    fn cannot(mut self, problem: String) -> PackRow {
        self.problem = Some(problem);
        self
    }
}

/// The row of an assessed pack; the gate as `score` applies it.
fn fill(row: &mut PackRow, a: &Assessment, settings: &Settings<'_>) {
    row.organisation = Some(a.applicant.organisation.clone());
    row.ods_code = a.applicant.ods_code.clone();
    row.verdict = a.verdict.as_str().to_string();
    row.overall = Some(a.score.overall);
    row.mandatory_met = Some(a.score.mandatory_met);
    row.mandatory_total = Some(a.score.mandatory_total);
    row.mandatory_failures = a
        .requirements
        .iter()
        .filter(|r| r.mandatory && r.result.is_gap())
        .map(|r| r.id.clone())
        .collect();
    row.evidence_valid = !a.evidence_invalid();
    row.validation_errors = a.evidence.errors;
    row.invalid_files = a.evidence.invalid_files;
    row.days_to_start = Some(a.applicant.days_to_start);
    row.domains = a
        .score
        .domains
        .iter()
        .map(|d| DomainCell {
            id: d.id.clone(),
            score: d.score,
        })
        .collect();
    row.results = a
        .requirements
        .iter()
        .map(|r| (r.id.clone(), r.result.as_str().to_string()))
        .collect();
    row.gaps = a.gaps.clone();
    row.overrides_applied = a
        .overrides
        .iter()
        .filter(|o| o.status == OverrideState::Applied)
        .count();
    let exit = settings.gate.exit(a, None);
    row.gate = if exit == Exit::Passed {
        "passed"
    } else {
        "failed"
    };
    row.gate_reason = settings.gate.reason(a, exit).map(|reason| {
        reason
            .trim_end()
            .trim_start_matches("Gate failed: ")
            .trim_end_matches('.')
            .to_string()
    });
}

/// Counts, common gaps and the ruleset's columns around the rows.
fn summarise(packs: Vec<PackRow>, settings: &Settings<'_>) -> Caseload {
    let ruleset = settings.ruleset;
    let mut verdict_counts = VerdictCounts::default();
    let mut gap_counts: BTreeMap<&str, usize> = BTreeMap::new();
    for row in &packs {
        match row.verdict.as_str() {
            "ready" => verdict_counts.ready += 1,
            "approaching" => verdict_counts.approaching += 1,
            "not-ready" => verdict_counts.not_ready += 1,
            _ => verdict_counts.could_not_assess += 1,
        }
        for gap in &row.gaps {
            *gap_counts.entry(gap.as_str()).or_default() += 1;
        }
    }
    let mut common_gaps: Vec<CommonGap> = gap_counts
        .into_iter()
        .map(|(id, count)| {
            let requirement = ruleset.requirement(id);
            CommonGap {
                id: id.to_string(),
                title: requirement.map(|r| r.title.clone()).unwrap_or_default(),
                mandatory: requirement.is_some_and(|r| r.mandatory),
                packs: count,
            }
        })
        .collect();
    common_gaps.sort_by(|a, b| b.packs.cmp(&a.packs).then_with(|| a.id.cmp(&b.id)));
    let count = |gate: &str| packs.iter().filter(|r| r.gate == gate).count();
    Caseload {
        format: FORMAT,
        tool: Tool {
            name: "accredit",
            version: env!("CARGO_PKG_VERSION"),
        },
        ruleset: RulesetRef {
            id: ruleset.id.clone(),
            version: ruleset.version.clone(),
            sha256: ruleset.sha256.clone(),
        },
        as_of: settings.as_of,
        gate: GateSummary {
            require: settings.gate.require.as_str(),
            fail_under: settings.gate.fail_under,
            passed: count("passed"),
            failed: count("failed"),
            could_not_assess: count(COULD_NOT_ASSESS),
        },
        verdict_counts,
        invalid_packs: packs.iter().filter(|r| r.invalid()).count(),
        common_gaps,
        domains: ruleset
            .domains
            .iter()
            .map(|d| DomainRef {
                id: d.id.clone(),
                title: d.title.clone(),
            })
            .collect(),
        requirements: ruleset
            .requirements
            .iter()
            .map(|r| RequirementRef {
                id: r.id.clone(),
                domain: r.domain.clone(),
                title: r.title.clone(),
                mandatory: r.mandatory,
            })
            .collect(),
        packs,
    }
}

impl Caseload {
    /// The gate: 2 when a pack could not be assessed, else 1 when any pack
    /// failed (invalid evidence, verdict below `--require`, score below
    /// `--fail-under`), else 0.
    pub fn exit(&self) -> Exit {
        if self.gate.could_not_assess > 0 {
            Exit::CannotAssess
        } else if self.gate.failed > 0 {
            Exit::GateFailed
        } else {
            Exit::Passed
        }
    }
}
