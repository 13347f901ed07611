//! Reading one file: UTF-8 and size checks, YAML or front matter with node
//! places, `apiVersion`/`kind`, the kind's schema, then its Rust type.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::diagnostic::{Code, Diagnostic};
use crate::location::{LineIndex, Location};
use crate::markdown::{FrontMatterSplit, split_front_matter};
use crate::model::{API_VERSION, Kind};
use crate::yaml::{NodeIndex, ValueProblem, YamlError, YamlErrorCause, YamlLimits, parse_document};

/// A file that parsed as an evidence document of a kind.
pub(crate) struct ParsedDocument {
    /// Its kind.
    pub kind: Kind,
    /// The document (apiVersion and kind removed) if it is valid.
    pub value: Option<Value>,
    /// Node places.
    pub index: NodeIndex,
}

/// The outcome of reading a YAML or Markdown file.
pub(crate) enum FileOutcome {
    /// An evidence document (valid or not).
    Document(ParsedDocument),
    /// Not evidence (Markdown without evidence front matter).
    Attachment,
    /// Could not be read as evidence at all.
    Broken,
}

/// Decodes bytes as UTF-8, or says where the first bad byte is.
pub(crate) fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let text = std::str::from_utf8(valid).unwrap_or_default();
        let position = LineIndex::new(text).position(text, text.len());
        Diagnostic::error(
            Code::NotUtf8,
            "the file is not UTF-8 text; save it as UTF-8",
            Some(Location::at(file, position.line, position.column)),
        )
    })
}

/// Reads a YAML evidence file.
pub(crate) fn read_yaml(
    file: &str,
    text: &str,
    limits: YamlLimits,
    diagnostics: &mut Vec<Diagnostic>,
) -> FileOutcome {
    let document = match parse_document(text, 1, limits) {
        Ok(document) => document,
        Err(error) => {
            diagnostics.push(yaml_diagnostic(file, &error));
            return FileOutcome::Broken;
        }
    };
    let Value::Object(map) = &document.value else {
        diagnostics.push(Diagnostic::error(
            Code::NotAMapping,
            "an evidence file must be a mapping starting with `apiVersion: accredit/v1` and `kind:`",
            Some(Location::at(file, 1, 1)),
        ));
        return FileOutcome::Broken;
    };
    let at = |pointer: &str| {
        let p = document.index.locate(pointer);
        Some(Location::at(file, p.line, p.column))
    };
    match map.get("apiVersion") {
        Some(Value::String(v)) if v == API_VERSION => {}
        Some(other) => {
            diagnostics.push(Diagnostic::error(
                Code::UnknownApiVersion,
                format!("apiVersion {other} is not supported; this tool reads `{API_VERSION}`"),
                at("/apiVersion"),
            ));
            return FileOutcome::Broken;
        }
        None => {
            diagnostics.push(Diagnostic::error(
                Code::UnknownApiVersion,
                format!("every YAML file in a pack is evidence and must start with `apiVersion: {API_VERSION}`"),
                at(""),
            ));
            return FileOutcome::Broken;
        }
    }
    let Some(kind) = kind_of(file, map, &document.index, diagnostics, false) else {
        return FileOutcome::Broken;
    };
    FileOutcome::Document(validated(
        kind,
        file,
        document.value,
        document.index,
        diagnostics,
    ))
}

/// Reads a Markdown file: evidence when its front matter names a Markdown kind.
pub(crate) fn read_markdown(
    file: &str,
    text: &str,
    limits: YamlLimits,
    diagnostics: &mut Vec<Diagnostic>,
) -> FileOutcome {
    let front_matter = match split_front_matter(text) {
        FrontMatterSplit::Absent => return FileOutcome::Attachment,
        FrontMatterSplit::Unclosed(unclosed) => {
            diagnostics.push(Diagnostic::error(
                Code::FrontMatter,
                "front matter opened with `---` is never closed by a `---` line",
                Some(Location::at(file, unclosed.line, 1)),
            ));
            return FileOutcome::Broken;
        }
        FrontMatterSplit::Found(front_matter) => front_matter,
    };
    let document = match parse_document(&front_matter.yaml, front_matter.first_line, limits) {
        Ok(document) => document,
        Err(YamlError::Empty) => return FileOutcome::Attachment,
        Err(error) => {
            diagnostics.push(yaml_diagnostic(file, &error));
            return FileOutcome::Broken;
        }
    };
    let Value::Object(map) = &document.value else {
        return FileOutcome::Attachment;
    };
    if !map.contains_key("kind") {
        return FileOutcome::Attachment;
    }
    let Some(kind) = kind_of(file, map, &document.index, diagnostics, true) else {
        return FileOutcome::Broken;
    };
    FileOutcome::Document(validated(
        kind,
        file,
        document.value,
        document.index,
        diagnostics,
    ))
}

fn kind_of(
    file: &str,
    map: &serde_json::Map<String, Value>,
    index: &NodeIndex,
    diagnostics: &mut Vec<Diagnostic>,
    markdown: bool,
) -> Option<Kind> {
    let at = |pointer: &str| {
        let p = index.locate(pointer);
        Some(Location::at(file, p.line, p.column))
    };
    let name = match map.get("kind") {
        Some(Value::String(name)) => name.as_str(),
        Some(_) | None => {
            diagnostics.push(Diagnostic::error(
                Code::UnknownKind,
                "`kind:` must name an evidence kind (Pack, ServiceDesk, Rota, …)",
                at(if map.contains_key("kind") {
                    "/kind"
                } else {
                    ""
                }),
            ));
            return None;
        }
    };
    let kind = Kind::from_name(name);
    match kind {
        Some(Kind::Override) => {
            diagnostics.push(Diagnostic::error(
                Code::UnknownKind,
                "an Override is the assessor's, not the trust's: keep it outside the pack and pass its folder with --overrides",
                at("/kind"),
            ));
            None
        }
        Some(k) if k.is_markdown() != markdown => {
            let hint = if markdown {
                "Markdown front matter may only be `kind: Procedure` or `kind: Document`"
            } else {
                "Procedure and Document are Markdown files with front matter, not YAML files"
            };
            diagnostics.push(Diagnostic::error(
                Code::UnknownKind,
                format!("kind `{name}` here: {hint}"),
                at("/kind"),
            ));
            None
        }
        Some(k) => Some(k),
        None => {
            let known: Vec<&str> = Kind::ALL
                .iter()
                .filter(|k| **k != Kind::Override && k.is_markdown() == markdown)
                .map(|k| k.name())
                .collect();
            diagnostics.push(Diagnostic::error(
                Code::UnknownKind,
                format!(
                    "unknown kind `{name}`; expected one of {}",
                    known.join(", ")
                ),
                at("/kind"),
            ));
            None
        }
    }
}

fn validated(
    kind: Kind,
    file: &str,
    value: Value,
    index: NodeIndex,
    diagnostics: &mut Vec<Diagnostic>,
) -> ParsedDocument {
    let errors = crate::schema::validate(kind, &value, file, &index);
    let valid = errors.is_empty();
    diagnostics.extend(errors);
    let value = valid.then(|| strip_header(value));
    ParsedDocument { kind, value, index }
}

fn strip_header(mut value: Value) -> Value {
    if let Value::Object(map) = &mut value {
        map.shift_remove("apiVersion");
        map.shift_remove("kind");
    }
    value
}

/// Deserialises a schema-valid document into its type. A failure here means
/// the schema and the type disagree; it is reported, not panicked on.
pub(crate) fn typed<T: DeserializeOwned>(
    file: &str,
    value: Value,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    match serde_json::from_value(value) {
        Ok(v) => Some(v),
        Err(error) => {
            diagnostics.push(Diagnostic::error(
                Code::Schema,
                format!("the document could not be read: {error}"),
                Some(Location::file(file)),
            ));
            None
        }
    }
}

/// A YAML error as a diagnostic.
pub(crate) fn yaml_diagnostic(file: &str, error: &YamlError) -> Diagnostic {
    let code = match error {
        YamlError::Syntax {
            cause: YamlErrorCause::DuplicateKey,
            ..
        } => Code::DuplicateKey,
        YamlError::Syntax {
            cause: YamlErrorCause::AliasBomb,
            ..
        } => Code::AliasLimit,
        YamlError::Syntax { .. } => Code::YamlSyntax,
        YamlError::TooDeep { .. } => Code::NestingTooDeep,
        YamlError::Empty => Code::EmptyFile,
        YamlError::SeveralDocuments { .. } => Code::SeveralDocuments,
        YamlError::Value { cause, .. } => match cause {
            ValueProblem::Tag => Code::YamlTag,
            ValueProblem::NumberOutOfRange => Code::NumberOutOfRange,
            ValueProblem::YearOutOfRange => Code::YearOutOfRange,
        },
    };
    let location = match error.position() {
        Some(p) => Location::at(file, p.line, p.column),
        None => Location::file(file),
    };
    Diagnostic::error(code, error.to_string(), Some(location))
}
