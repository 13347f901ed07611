//! Checks that reach across files: paths written in evidence, CSV headers,
//! time zones and application ids.

use crate::diagnostic::{Code, Diagnostic};
use crate::evidence::{Evidence, FileRole, Located};
use crate::location::Location;
use crate::model::{
    CHANGE_COLUMNS, CsvExport, INCIDENT_COLUMNS, SHIFT_COLUMNS, STAFF_COLUMNS, TRAINING_COLUMNS,
};

use super::LoadOptions;
use super::walk::resolve_reference;

/// A kind of CSV export: its descriptors, required columns and kind name.
type LogColumns<'a> = (&'a [Located<CsvExport>], &'a [&'a str], &'a str);

/// Runs every cross-file check, marking referenced CSV files as exports.
pub(super) fn check(
    evidence: &mut Evidence,
    options: &LoadOptions,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut exports: Vec<String> = Vec::new();
    // Exports whose header row lacks a column or cannot be read.
    let mut broken: Vec<String> = Vec::new();
    // Every path resolved, for the analyses (`Evidence::paths`).
    let mut resolved: Vec<((String, String), String)> = Vec::new();
    for desk in &evidence.service_desks {
        for (i, report) in desk.value.reports.iter().enumerate() {
            if let Some(sample) = &report.sample {
                let pointer = format!("/reports/{i}/sample");
                if let Some(path) = resolve(evidence, desk, &pointer, sample, diagnostics) {
                    resolved.push(((desk.file.clone(), pointer), path));
                }
            }
        }
    }
    for rota in &evidence.rotas {
        check_timezone(
            rota,
            "/timezone",
            rota.value.timezone.as_deref(),
            diagnostics,
        );
        if let Some(shifts) = &rota.value.shifts
            && let Some(path) = resolve(evidence, rota, "/shifts", shifts, diagnostics)
        {
            if !check_columns(
                evidence,
                rota,
                &path,
                SHIFT_COLUMNS,
                "Rota shifts",
                diagnostics,
            ) {
                broken.push(path.clone());
            }
            resolved.push(((rota.file.clone(), "/shifts".to_string()), path.clone()));
            exports.push(path);
        }
    }
    let logs: [LogColumns<'_>; 4] = [
        (&evidence.incident_logs, &INCIDENT_COLUMNS, "IncidentLog"),
        (&evidence.training_logs, &TRAINING_COLUMNS, "TrainingLog"),
        (&evidence.change_logs, &CHANGE_COLUMNS, "ChangeLog"),
        (&evidence.staff_registers, &STAFF_COLUMNS, "StaffRegister"),
    ];
    for (descriptors, columns, kind) in logs {
        for log in descriptors {
            check_timezone(log, "/timezone", log.value.timezone.as_deref(), diagnostics);
            if let Some(path) = resolve(evidence, log, "/source", &log.value.source, diagnostics) {
                if !check_columns(evidence, log, &path, columns, kind, diagnostics) {
                    broken.push(path.clone());
                }
                resolved.push(((log.file.clone(), "/source".to_string()), path.clone()));
                exports.push(path);
            }
        }
    }
    evidence.paths.extend(resolved);
    check_applications(evidence, options, diagnostics);
    for file in &mut evidence.files {
        if file.role == FileRole::Attachment && exports.contains(&file.path) {
            file.role = FileRole::Export;
        }
        if file.role == FileRole::Export && broken.contains(&file.path) {
            file.valid = false;
        }
    }
}

/// Resolves a path written at `pointer` in `doc`; reports why if it cannot.
pub(crate) fn resolve<T>(
    evidence: &Evidence,
    doc: &Located<T>,
    pointer: &str,
    reference: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    let location = Some(doc.at(pointer));
    match resolve_reference(&doc.file, reference) {
        Ok(path) if evidence.indexed_path(&path).is_some() => Some(path),
        Ok(path) => {
            diagnostics.push(Diagnostic::error(
                Code::PathNotFound,
                format!("`{reference}` does not exist in the pack (looked for {path})"),
                location,
            ));
            None
        }
        Err(code) => {
            let why = match code {
                Code::PathAbsolute => "is an absolute path; write it relative to this file",
                Code::PathOutsidePack => "leads outside the pack; nothing outside the pack is read",
                _ => "does not name a file",
            };
            diagnostics.push(Diagnostic::error(
                code,
                format!("`{reference}` {why}"),
                location,
            ));
            None
        }
    }
}

/// Checks the header row of the CSV at `csv_path` has every `required`
/// column (by [`crate::model::column_name`]); `false` when it does not, or
/// cannot be read.
fn check_columns<T>(
    evidence: &Evidence,
    doc: &Located<T>,
    csv_path: &str,
    required: &[&str],
    kind: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let Some(full) = evidence.indexed_path(csv_path) else {
        return false;
    };
    let before = diagnostics.len();
    // Bounded: a header row over 1 MiB or 10,000 columns is refused
    // before it takes memory.
    let header = std::fs::File::open(&full)
        .map_err(|e| {
            (
                format!("the header row of {csv_path} cannot be read: {e}"),
                1,
            )
        })
        .and_then(|f| {
            crate::logs::read_header_row(f)
                .map(|(h, _)| {
                    (required.iter().copied())
                        .filter(|needed| crate::model::find_column(h.iter(), needed).is_none())
                        .collect::<Vec<&str>>()
                })
                .map_err(|e| match e.line() {
                    Some(line) => (format!("{csv_path} cannot be read: {e}"), line),
                    None => (
                        format!("the header row of {csv_path} cannot be read: {e}"),
                        1,
                    ),
                })
        });
    match header {
        Ok(missing) => {
            for needed in missing {
                diagnostics.push(Diagnostic::error(
                    Code::CsvMissingColumn,
                    format!(
                        "{csv_path} has no `{needed}` column, which {} {kind} needs (named by {})",
                        article(kind),
                        doc.file
                    ),
                    Some(Location::at(csv_path, 1, 1)),
                ));
            }
        }
        Err((error, line)) => diagnostics.push(Diagnostic::error(
            Code::CsvHeader,
            error,
            Some(Location::at(
                csv_path,
                crate::location::to_u32(usize::try_from(line).unwrap_or(usize::MAX)),
                1,
            )),
        )),
    }
    diagnostics.len() == before
}

fn check_timezone<T>(
    doc: &Located<T>,
    pointer: &str,
    zone: Option<&str>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if let Some(zone) = zone
        && jiff::tz::db().get(zone).is_err()
    {
        diagnostics.push(Diagnostic::error(
            Code::UnknownTimezone,
            format!("`{zone}` is not a time zone in the IANA database (for England and Wales use Europe/London)"),
            Some(doc.at(pointer)),
        ));
    }
}

fn check_applications(
    evidence: &Evidence,
    options: &LoadOptions,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if options.known_applications.is_empty() {
        return;
    }
    let known = |id: &str| options.known_applications.iter().any(|k| k == id);
    let mut report = |location: Location, id: &str| {
        diagnostics.push(Diagnostic::error(
            Code::UnknownApplication,
            format!(
                "`{id}` is not an application the ruleset knows ({})",
                options.known_applications.join(", ")
            ),
            Some(location),
        ));
    };
    if let Some(pack) = &evidence.pack {
        for (i, id) in pack.value.applications_in_scope.iter().enumerate() {
            if !known(id) {
                report(pack.at(&format!("/applications_in_scope/{i}")), id);
            }
        }
    }
    for test in &evidence.scenario_tests {
        if !known(&test.value.application) {
            report(test.at("/application"), &test.value.application);
        }
    }
    for doc in &evidence.documents {
        if let Some(id) = &doc.value.front.application
            && !known(id)
        {
            report(doc.at("/application"), id);
        }
    }
}

/// `a` or `an` before a kind name.
fn article(kind: &str) -> &'static str {
    if kind.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::load::{LoadOptions, load_pack};

    fn pack(name: &str) -> crate::evidence::Evidence {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/packs");
        load_pack(&root.join(name), &LoadOptions::default()).unwrap()
    }

    /// The complete pack copied to a temporary directory.
    fn complete_copy() -> tempfile::TempDir {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/packs/complete");
        let dir = tempfile::tempdir().unwrap();
        for entry in walkdir::WalkDir::new(&root) {
            let entry = entry.unwrap();
            let to = dir.path().join(entry.path().strip_prefix(&root).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(entry.path(), &to).unwrap();
            }
        }
        dir
    }

    /// A CSV export whose header row is too wide or too long is a
    /// `csv-header` error at the header's line, found without holding it.
    #[test]
    fn a_header_row_too_wide_or_too_long_is_a_csv_header_error_at_its_line() {
        use crate::diagnostic::Code;
        use crate::location::Location;
        let dir = complete_copy();
        let staff = dir.path().join("logs/staff.csv");
        let cases = [
            (
                format!("\nstaff_id,role,start_date{}\n", ",c".repeat(20_000)),
                2,
                "10000 columns",
            ),
            (
                format!("staff_id role {}\n", "x".repeat(3 << 20)),
                1,
                "longer than 1 MiB",
            ),
        ];
        for (header, line, says) in cases {
            std::fs::write(&staff, header).unwrap();
            let evidence = load_pack(dir.path(), &LoadOptions::default()).unwrap();
            let errors: Vec<_> = evidence
                .diagnostics
                .iter()
                .filter(|d| d.code == Code::CsvHeader)
                .collect();
            assert_eq!(errors.len(), 1, "{:#?}", evidence.diagnostics);
            assert_eq!(
                errors[0].location,
                Some(Location::at("logs/staff.csv", line, 1))
            );
            assert!(errors[0].message.contains(says), "{}", errors[0].message);
            assert!(
                errors[0]
                    .message
                    .starts_with("logs/staff.csv cannot be read")
            );
        }
    }

    #[test]
    fn paths_written_in_evidence_are_resolved_once_relative_to_their_file() {
        let evidence = pack("complete");
        let log = &evidence.incident_logs[0];
        assert_eq!(log.value.source, "incidents.csv");
        assert_eq!(evidence.path_at(log, "/source"), Some("logs/incidents.csv"));
        let desk = &evidence.service_desks[0];
        assert_eq!(
            evidence.path_at(desk, "/reports/0/sample"),
            Some("samples/monthly-incident-report.pdf")
        );
        assert_eq!(evidence.path_at(desk, "/reports/99/sample"), None);
    }

    #[test]
    fn a_path_leaving_the_pack_or_naming_no_file_is_not_resolved() {
        for name in [
            "defect-path-escapes",
            "defect-absolute-path",
            "defect-missing-sample",
        ] {
            let evidence = pack(name);
            let desk = &evidence.service_desks[0];
            let sample = desk.value.reports[0].sample.as_deref();
            assert!(sample.is_some(), "{name}");
            assert_eq!(evidence.path_at(desk, "/reports/0/sample"), None, "{name}");
            assert!(evidence.has_errors(), "{name}");
        }
    }
}
