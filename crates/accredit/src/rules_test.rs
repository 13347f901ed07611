//! `accredit rules test DIR`: runs a ruleset over fixture packs and compares
//! the results with what each `*.test.yaml` file in DIR expects.
//!
//! ```yaml
//! pack: ../packs/complete          # relative to this file
//! overlay: overlays/no-fax-24x7    # optional: files laid over a copy of the pack
//! remove: [rota.yaml]              # optional: files removed from the copy
//! as_of: 2008-09-01
//! expect:
//!   verdict: not-ready
//!   overall: 92.5                  # to within 0.05
//!   results: {COV-01: fail}
//!   others: pass                   # every requirement not listed has this result
//!   fix_first: [COV-01]            # the gaps, in order
//!   waivers: {COV-05: active}      # waiver statuses
//!   findings:                      # findings each requirement must carry
//!     COV-01:                      # (others may be there too)
//!       - {code: channel-not-24x7, at: "service-desk.yaml:12"}
//!   absent: [csv-missing-column]   # codes no requirement may carry
//!   evidence_valid: false          # whether `validate` would pass
//!   diagnostics:                   # validation diagnostics that must be there
//!     - {code: rota-periods-overlap, at: "rota-q2.yaml:6:3"}
//! ```
//!
//! `at` is `file`, `file:line` or `file:line:column` (pack-relative); a
//! finding matches when its code is the same and its place starts the same.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use accredit_core::assess::{Assessment, assess};
use accredit_core::load::{LoadOptions, load_pack};
use accredit_core::ruleset::Ruleset;
use accredit_core::{YamlLimits, parse_document};
use jiff::civil::Date;
use serde::Deserialize;

use crate::exit::{Exit, Failure};

/// One test file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesetTest {
    pack: PathBuf,
    #[serde(default)]
    overlay: Option<PathBuf>,
    #[serde(default)]
    remove: Vec<PathBuf>,
    as_of: Date,
    expect: Expectation,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expectation {
    #[serde(default)]
    verdict: Option<String>,
    #[serde(default)]
    overall: Option<f64>,
    #[serde(default)]
    results: BTreeMap<String, String>,
    #[serde(default)]
    others: Option<String>,
    #[serde(default)]
    fix_first: Option<Vec<String>>,
    #[serde(default)]
    waivers: BTreeMap<String, String>,
    #[serde(default)]
    findings: BTreeMap<String, Vec<ExpectedFinding>>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    evidence_valid: Option<bool>,
    #[serde(default)]
    diagnostics: Vec<ExpectedFinding>,
}

/// A finding (or diagnostic) a test expects: its code and, optionally, where.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedFinding {
    code: String,
    #[serde(default)]
    at: Option<String>,
}

impl ExpectedFinding {
    /// Whether a finding with `code` at `place` (`file:line:column`) matches.
    fn matches(&self, code: &str, place: &str) -> bool {
        code == self.code
            && self.at.as_deref().is_none_or(|at| {
                place == at
                    || place
                        .strip_prefix(at)
                        .is_some_and(|rest| rest.starts_with(':'))
            })
    }

    fn describe(&self) -> String {
        match &self.at {
            Some(at) => format!("{} at {at}", self.code),
            None => self.code.clone(),
        }
    }
}

/// `file:line:column`, `file:line` or `file` of a place.
fn place(file: Option<&str>, line: Option<u32>, column: Option<u32>) -> String {
    match (file, line, column) {
        (Some(f), Some(l), Some(c)) => format!("{f}:{l}:{c}"),
        (Some(f), Some(l), None) => format!("{f}:{l}"),
        (Some(f), None, _) => f.to_string(),
        (None, _, _) => String::new(),
    }
}

/// Runs every `*.test.yaml` in `dir`.
pub fn run(dir: &Path, ruleset: &Ruleset) -> Result<Exit, Failure> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Failure::msg(format!("cannot read {}: {e}", dir.display())))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.yaml"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(Failure::msg(format!(
            "no *.test.yaml files in {}",
            dir.display()
        )));
    }
    let (mut passed, mut failed) = (0, 0);
    for file in &files {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().replace(".test.yaml", ""))
            .unwrap_or_default();
        match run_one(file, ruleset) {
            Ok(problems) if problems.is_empty() => {
                passed += 1;
                outln!("ok      {name}");
            }
            Ok(problems) => {
                failed += 1;
                outln!("FAILED  {name}");
                for problem in problems {
                    outln!("        {problem}");
                }
            }
            Err(error) => {
                failed += 1;
                outln!("FAILED  {name}: {error}");
            }
        }
    }
    outln!("{passed} passed, {failed} failed");
    Ok(if failed == 0 {
        Exit::Passed
    } else {
        Exit::GateFailed
    })
}

fn run_one(file: &Path, ruleset: &Ruleset) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    let document = parse_document(&text, 1, YamlLimits::default()).map_err(|e| {
        let at = e
            .position()
            .map(|p| format!("{}:{}: ", p.line, p.column))
            .unwrap_or_default();
        format!("{at}{e}")
    })?;
    let test: RulesetTest =
        serde_json::from_value(document.value).map_err(|e| format!("not a ruleset test: {e}"))?;
    let base = file.parent().unwrap_or(Path::new("."));
    let scratch = Scratch::new();
    let pack_dir = if test.overlay.is_some() || !test.remove.is_empty() {
        copy_tree(&base.join(&test.pack), scratch.path())
            .map_err(|e| format!("cannot copy the pack: {e}"))?;
        if let Some(overlay) = &test.overlay {
            copy_tree(&base.join(overlay), scratch.path())
                .map_err(|e| format!("cannot lay the overlay: {e}"))?;
        }
        for removed in &test.remove {
            std::fs::remove_file(scratch.path().join(removed))
                .map_err(|e| format!("cannot remove {}: {e}", removed.display()))?;
        }
        scratch.path().to_path_buf()
    } else {
        base.join(&test.pack)
    };
    let options = LoadOptions {
        known_applications: ruleset.application_ids(),
        ..LoadOptions::default()
    };
    let evidence = load_pack(&pack_dir, &options).map_err(|e| e.to_string())?;
    let assessment = assess(&evidence, ruleset, test.as_of).map_err(|e| e.to_string())?;
    Ok(compare(&test.expect, &assessment))
}

fn compare(expect: &Expectation, a: &Assessment) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(verdict) = &expect.verdict
        && verdict != a.verdict.as_str()
    {
        problems.push(format!(
            "verdict: expected {verdict}, got {}",
            a.verdict.as_str()
        ));
    }
    if let Some(overall) = expect.overall
        && (overall - a.score.overall).abs() > 0.05
    {
        problems.push(format!(
            "overall: expected {overall}, got {}",
            a.score.overall
        ));
    }
    for r in &a.requirements {
        let wanted = expect.results.get(&r.id).or(expect.others.as_ref());
        if let Some(wanted) = wanted
            && wanted != r.result.as_str()
        {
            let mut line = format!("{}: expected {wanted}, got {}", r.id, r.result.as_str());
            if let Some(f) = r.findings.first() {
                let _ = write!(line, " ({})", f.message);
            }
            problems.push(line);
        }
    }
    for id in expect.results.keys() {
        if !a.requirements.iter().any(|r| &r.id == id) {
            problems.push(format!("{id}: not a requirement of the ruleset"));
        }
    }
    if let Some(order) = &expect.fix_first
        && order != &a.gaps
    {
        problems.push(format!(
            "fix_first: expected [{}], got [{}]",
            order.join(", "),
            a.gaps.join(", ")
        ));
    }
    for (id, wanted) in &expect.waivers {
        let statuses: Vec<String> = a
            .waivers
            .iter()
            .filter(|w| &w.requirement == id)
            .map(|w| {
                serde_json::to_value(w.status)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default()
            })
            .collect();
        if !statuses.contains(wanted) {
            problems.push(format!(
                "waiver {id}: expected {wanted}, got [{}]",
                statuses.join(", ")
            ));
        }
    }
    compare_findings(expect, a, &mut problems);
    problems
}

/// The `findings`, `absent`, `evidence_valid` and `diagnostics` expectations.
fn compare_findings(expect: &Expectation, a: &Assessment, problems: &mut Vec<String>) {
    for (id, wanted) in &expect.findings {
        let Some(r) = a.requirements.iter().find(|r| &r.id == id) else {
            problems.push(format!("{id}: not a requirement of the ruleset"));
            continue;
        };
        for finding in wanted {
            let found = r
                .findings
                .iter()
                .any(|f| finding.matches(f.code, &place(f.file.as_deref(), f.line, f.column)));
            if !found {
                let got: Vec<String> = r
                    .findings
                    .iter()
                    .map(|f| {
                        format!(
                            "{} at {}",
                            f.code,
                            place(f.file.as_deref(), f.line, f.column)
                        )
                    })
                    .collect();
                problems.push(format!(
                    "{id}: expected a finding {}, got [{}]",
                    finding.describe(),
                    got.join(", ")
                ));
            }
        }
    }
    for code in &expect.absent {
        for r in &a.requirements {
            if let Some(f) = r.findings.iter().find(|f| f.code == code) {
                problems.push(format!(
                    "{}: carries {code} at {}, expected none",
                    r.id,
                    place(f.file.as_deref(), f.line, f.column)
                ));
            }
        }
    }
    if let Some(valid) = expect.evidence_valid
        && valid != a.evidence.valid
    {
        problems.push(format!(
            "evidence_valid: expected {valid}, got {} ({} invalid files)",
            a.evidence.valid, a.evidence.invalid_files
        ));
    }
    for wanted in &expect.diagnostics {
        let found = a.diagnostics.iter().any(|d| {
            let at = d
                .location
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            wanted.matches(d.code.as_str(), &at)
        });
        if !found {
            let got: Vec<String> = a
                .diagnostics
                .iter()
                .map(|d| {
                    let at = d
                        .location
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    format!("{} at {at}", d.code.as_str())
                })
                .collect();
            problems.push(format!(
                "diagnostics: expected {}, got [{}]",
                wanted.describe(),
                got.join(", ")
            ));
        }
    }
}

/// A scratch directory removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Scratch {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("accredit-rules-test-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        Scratch(path)
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Copies regular files and folders (never links) from `from` into `to`.
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else if kind.is_file() {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
