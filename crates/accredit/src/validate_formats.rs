//! `accredit validate --format json|github|sarif|junit`: the validation
//! diagnostics in the forms CI reads. Text (the default) stays in
//! `validate.rs`; every format carries the same diagnostics and the exit code
//! does not depend on the format.

use std::collections::BTreeMap;
use std::fmt::Write;

use accredit_core::diagnostic::{Diagnostic, Severity};
use accredit_core::evidence::{Evidence, FileRole, PackFile};
use serde_json::json;

use crate::render::RenderOptions;
use crate::render::junit_xml::{Case, Outcome, Report, Suite};

/// Version of the JSON validation result.
pub const VALIDATION_FORMAT: &str = "accredit-validation/1";

/// Output formats of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ValidateFormat {
    /// `file:line:col: error[code]: message` lines and a summary.
    Text,
    /// The diagnostics and the files as JSON (format `accredit-validation/1`).
    Json,
    /// GitHub Actions workflow-command annotations.
    Github,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
    /// JUnit XML: one test case per evidence document.
    Junit,
}

/// Counts behind the summary line.
pub struct Counts {
    /// Files in the pack.
    pub files: usize,
    /// Evidence documents.
    pub documents: usize,
    /// Error diagnostics.
    pub errors: usize,
    /// Warning diagnostics.
    pub warnings: usize,
}

impl Counts {
    /// Counts of `evidence`.
    pub fn of(evidence: &Evidence) -> Counts {
        let errors = evidence.diagnostics.iter().filter(|d| d.is_error()).count();
        Counts {
            files: evidence.files.len(),
            documents: evidence
                .files
                .iter()
                .filter(|f| matches!(f.role, FileRole::Evidence(_)))
                .count(),
            errors,
            warnings: evidence.diagnostics.len() - errors,
        }
    }
}

/// Renders `evidence` in a machine format (not text).
pub fn render(format: ValidateFormat, evidence: &Evidence, options: &RenderOptions) -> String {
    match format {
        ValidateFormat::Text => String::new(),
        ValidateFormat::Json => json(evidence),
        ValidateFormat::Github => github(evidence, options),
        ValidateFormat::Sarif => {
            crate::render::sarif::render_validation(&evidence.diagnostics, &evidence.files, options)
        }
        ValidateFormat::Junit => junit(evidence, options),
    }
}

fn json(evidence: &Evidence) -> String {
    let counts = Counts::of(evidence);
    let value = json!({
        "format": VALIDATION_FORMAT,
        "tool": {"name": "accredit", "version": env!("CARGO_PKG_VERSION")},
        "valid": counts.errors == 0,
        "errors": counts.errors,
        "warnings": counts.warnings,
        "documents": counts.documents,
        "diagnostics": evidence.diagnostics,
        "files": evidence.files,
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

fn github(evidence: &Evidence, options: &RenderOptions) -> String {
    let mut out = String::new();
    for d in &evidence.diagnostics {
        let level = if d.severity == Severity::Error {
            "error"
        } else {
            "warning"
        };
        let mut properties = Vec::new();
        if let Some(location) = &d.location {
            properties.push(format!(
                "file={}",
                crate::encode::github::property(&options.path(&location.file))
            ));
            if let Some(p) = location.position {
                properties.push(format!("line={},col={}", p.line, p.column));
            }
        }
        properties.push(format!(
            "title={}",
            crate::encode::github::property(&format!("accredit {}", d.code.as_str()))
        ));
        let _ = writeln!(
            out,
            "::{level} {}::{}",
            properties.join(","),
            crate::encode::github::data(&d.message)
        );
    }
    let counts = Counts::of(evidence);
    let _ = writeln!(
        out,
        "::notice title=accredit validate::{}{}, {}: {}, {}",
        if counts.errors > 0 {
            "the evidence is invalid — "
        } else {
            ""
        },
        crate::words::plural(counts.files, "file"),
        crate::words::plural(counts.documents, "evidence document"),
        crate::words::plural(counts.errors, "error"),
        crate::words::plural(counts.warnings, "warning")
    );
    out
}

fn junit(evidence: &Evidence, options: &RenderOptions) -> String {
    let at = |d: &Diagnostic| match &d.location {
        Some(l) => match l.position {
            Some(p) => format!("{}:{}:{}", options.path(&l.file), p.line, p.column),
            None => options.path(&l.file),
        },
        None => options.path("."),
    };
    let describe = |diagnostics: &[&Diagnostic]| {
        diagnostics
            .iter()
            .map(|d| {
                format!(
                    "{}: {}[{}]: {}",
                    at(d),
                    if d.is_error() { "error" } else { "warning" },
                    d.code.as_str(),
                    d.message
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let case = |name: String, classname: String, diagnostics: &[&Diagnostic]| {
        let errors: Vec<&Diagnostic> = diagnostics
            .iter()
            .copied()
            .filter(|d| d.is_error())
            .collect();
        match errors.first() {
            Some(first) => Case::new(
                name,
                classname,
                Outcome::Failed {
                    error: false,
                    message: format!("{} ({} error(s))", first.message, errors.len()),
                    kind: first.code.as_str().to_string(),
                    description: describe(diagnostics),
                },
            ),
            None if !diagnostics.is_empty() => {
                Case::new(name, classname, Outcome::Passed).with_output(describe(diagnostics))
            }
            None => Case::new(name, classname, Outcome::Passed),
        }
    };
    // Each file's diagnostics, found once (diagnostics that name no file
    // belong to the pack as a whole).
    let mut by_file: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    let mut pack_level = Vec::new();
    for d in &evidence.diagnostics {
        match &d.location {
            Some(l) => by_file.entry(l.file.as_str()).or_default().push(d),
            None => pack_level.push(d),
        }
    }
    let mut suite = Suite::new("evidence documents");
    suite.add(case(
        "the pack as a whole".to_string(),
        "accredit.validate".to_string(),
        &pack_level,
    ));
    for file in evidence.files.iter().filter(|f| shown_in_junit(f)) {
        let diagnostics = by_file.remove(file.path.as_str()).unwrap_or_default();
        let kind = file.role.kind().map_or("file", |k| k.name());
        suite.add(case(
            options.path(&file.path),
            format!("accredit.validate.{kind}"),
            &diagnostics,
        ));
    }
    // Diagnostics on files the walk did not index as evidence (e.g. a
    // symbolic link that leaves the pack) get a case of their own, in path order.
    for (file, diagnostics) in by_file {
        suite.add(case(
            options.path(file),
            "accredit.validate.file".to_string(),
            &diagnostics,
        ));
    }
    let mut report = Report::new("accredit validate");
    report.add(suite);
    report.to_xml()
}

/// Evidence documents and CSV exports are test cases; attachments are not.
fn shown_in_junit(file: &PackFile) -> bool {
    !matches!(file.role, FileRole::Attachment)
}
