//! Section 7, `sections/evidence.html`: the evidence index (every file, its
//! kind, size, validity and hash) and the validation problems.

use std::collections::BTreeMap;

use accredit_core::assess::Assessment;
use accredit_core::diagnostic::Severity;
use accredit_core::evidence::PackFile;
use serde::Serialize;

use super::{FileAnchors, LocationView, StatusView, status};
use crate::words::size;

/// One file of the evidence index.
#[derive(Debug, Serialize)]
pub struct FileView {
    /// Row id.
    pub anchor: String,
    /// Pack-relative path.
    pub path: String,
    /// `evidence`, `export`, `attachment`.
    pub role: &'static str,
    /// Evidence kind, for evidence documents.
    pub kind: Option<&'static str>,
    /// `1.9 KiB`.
    pub size: String,
    /// Valid or not.
    pub status: StatusView,
    /// Diagnostics pointing into it.
    pub problems: usize,
    /// SHA-256, lower-case hex.
    pub sha256: String,
}

/// Counts for the evidence index.
#[derive(Debug, Serialize)]
pub struct EvidenceSummary {
    /// Files in the pack's index.
    pub files: usize,
    /// Files that loaded without errors.
    pub valid: usize,
    /// Error diagnostics.
    pub errors: usize,
    /// Warning diagnostics.
    pub warnings: usize,
}

/// A validation problem.
#[derive(Debug, Serialize)]
pub struct DiagnosticView {
    /// Error or warning.
    pub severity: StatusView,
    /// Stable code.
    pub code: &'static str,
    /// What validation found, as plain text.
    pub message: String,
    /// Where it is in the pack, when it has a place.
    pub location: Option<LocationView>,
}

/// The evidence index of `a`: one row per file, with its problems counted.
pub(super) fn files(a: &Assessment, anchors: &FileAnchors<'_>) -> Vec<FileView> {
    let problems = problems_by_file(a);
    a.files
        .iter()
        .map(|f| file_view(f, &problems, anchors))
        .collect()
}

/// The counts above the evidence index.
pub(super) fn evidence_summary(a: &Assessment) -> EvidenceSummary {
    EvidenceSummary {
        files: a.files.len(),
        valid: a.files.iter().filter(|f| f.valid).count(),
        errors: a.diagnostics.iter().filter(|d| d.is_error()).count(),
        warnings: a.diagnostics.iter().filter(|d| !d.is_error()).count(),
    }
}

/// The validation problems of `a`, linked to their files.
pub(super) fn diagnostics(a: &Assessment, anchors: &FileAnchors<'_>) -> Vec<DiagnosticView> {
    a.diagnostics
        .iter()
        .map(|d| DiagnosticView {
            severity: match d.severity {
                Severity::Error => status("✗", "error", "bad"),
                Severity::Warning => status("!", "warning", "warn"),
            },
            code: d.code.as_str(),
            message: d.message.clone(),
            location: d
                .location
                .as_ref()
                .map(|l| anchors.location(&l.file, l.line())),
        })
        .collect()
}

/// How many diagnostics point into each file.
fn problems_by_file(a: &Assessment) -> BTreeMap<&str, usize> {
    let mut counts = BTreeMap::new();
    for location in a.diagnostics.iter().filter_map(|d| d.location.as_ref()) {
        *counts.entry(location.file.as_str()).or_insert(0) += 1;
    }
    counts
}

fn file_view(
    f: &PackFile,
    problems: &BTreeMap<&str, usize>,
    anchors: &FileAnchors<'_>,
) -> FileView {
    FileView {
        anchor: anchors.anchor(&f.path).unwrap_or_default(),
        path: f.path.clone(),
        role: f.role.as_str(),
        kind: f.role.kind().map(|k| k.name()),
        size: size(f.bytes),
        status: if f.valid {
            status("✓", "valid", "good")
        } else {
            status("✗", "invalid", "bad")
        },
        problems: problems.get(f.path.as_str()).copied().unwrap_or(0),
        sha256: f.sha256.clone(),
    }
}
