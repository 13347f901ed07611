//! Assessor overrides: `kind: Override` files kept outside the pack, in a
//! directory passed with `--overrides DIR`. Loaded with the same defences as a
//! pack (no links followed, size and depth limits, schema with locations).

use std::path::Path;

use crate::diagnostic::{Code, Diagnostic};
use crate::evidence::Located;
use crate::location::Location;
use crate::model::{Kind, Override};

use super::document::{FileOutcome, decode, read_yaml, typed};
use super::{LoadFailure, LoadOptions, walk};

/// The overrides found, and any problems with them.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// Valid overrides, in path order.
    pub overrides: Vec<Located<Override>>,
    /// Problems, each pointing into its file.
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads every YAML file under `dir` as an Override.
pub fn load_overrides(dir: &Path, options: &LoadOptions) -> Result<Overrides, LoadFailure> {
    if !dir.is_dir() {
        return Err(LoadFailure::NotADirectory(dir.display().to_string()));
    }
    let mut out = Overrides::default();
    for file in walk::walk(dir, &mut out.diagnostics) {
        if crate::evidence::FileType::of(&file.path) != crate::evidence::FileType::Yaml {
            continue;
        }
        if file.bytes > options.max_file_bytes {
            out.diagnostics.push(Diagnostic::error(
                Code::FileTooLarge,
                "the file is over the size limit",
                Some(Location::file(&file.path)),
            ));
            continue;
        }
        let bytes = match std::fs::read(dir.join(&file.path)) {
            Ok(bytes) => bytes,
            Err(e) => {
                out.diagnostics.push(Diagnostic::error(
                    Code::Unreadable,
                    format!("cannot read the file: {e}"),
                    Some(Location::file(&file.path)),
                ));
                continue;
            }
        };
        let text = match decode(&file.path, &bytes) {
            Ok(text) => text,
            Err(diagnostic) => {
                out.diagnostics.push(diagnostic);
                continue;
            }
        };
        let mut diagnostics = Vec::new();
        if let FileOutcome::Document(parsed) =
            read_override(&file.path, text, options, &mut diagnostics)
        {
            if parsed.kind != Kind::Override {
                diagnostics.push(Diagnostic::error(
                    Code::UnknownKind,
                    format!(
                        "the overrides directory holds only `kind: Override` files, not {}",
                        parsed.kind
                    ),
                    Some(Location::at(&file.path, 1, 1)),
                ));
            } else if let Some(value) = parsed.value
                && let Some(value) = typed(&file.path, value, &mut diagnostics)
            {
                out.overrides.push(Located {
                    file: file.path.clone(),
                    value,
                    index: parsed.index,
                });
            }
        }
        out.diagnostics.extend(diagnostics);
    }
    Ok(out)
}

/// Reads one YAML file, accepting `kind: Override` (which a pack rejects).
fn read_override(
    file: &str,
    text: &str,
    options: &LoadOptions,
    diagnostics: &mut Vec<Diagnostic>,
) -> FileOutcome {
    let mut own = Vec::new();
    let outcome = read_yaml(file, text, options.yaml_limits, &mut own);
    // A pack rejects Override files; here they are the point, so that one
    // diagnostic is replaced by reading the file as an Override.
    if own
        .iter()
        .any(|d| d.code == Code::UnknownKind && d.message.contains("Override"))
    {
        return match crate::yaml::parse_document(text, 1, options.yaml_limits) {
            Ok(document) => {
                let errors =
                    crate::schema::validate(Kind::Override, &document.value, file, &document.index);
                let valid = errors.is_empty();
                diagnostics.extend(errors);
                let mut value = document.value;
                if let serde_json::Value::Object(map) = &mut value {
                    map.shift_remove("apiVersion");
                    map.shift_remove("kind");
                }
                FileOutcome::Document(super::document::ParsedDocument {
                    kind: Kind::Override,
                    value: valid.then_some(value),
                    index: document.index,
                })
            }
            Err(error) => {
                diagnostics.push(super::document::yaml_diagnostic(file, &error));
                FileOutcome::Broken
            }
        };
    }
    diagnostics.extend(own);
    outcome
}
