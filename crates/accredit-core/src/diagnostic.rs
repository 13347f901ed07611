//! Validation diagnostics: problems with the evidence itself (as opposed to
//! findings, which are what the ruleset measures). Every diagnostic has a
//! stable code from [`Code`], a message in plain words and a location.

use serde::Serialize;

use crate::location::Location;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Evidence is invalid: `validate` fails.
    Error,
    /// Worth fixing, but the evidence can still be assessed.
    Warning,
}

macro_rules! codes {
    ($($variant:ident => $code:literal, $description:literal;)*) => {
        /// Stable diagnostic codes. The string form never changes once released.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(#[doc = $description] $variant,)*
        }

        impl Code {
            /// Every code, for documentation and the SARIF rules table.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable kebab-case code.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// What the code means, for documentation.
            pub fn description(self) -> &'static str {
                match self { $(Code::$variant => $description,)* }
            }
        }
    };
}

codes! {
    NotADirectory => "not-a-directory", "The pack path does not exist or is not a directory.";
    EmptyPack => "empty-pack", "The pack directory holds no files.";
    NoPack => "no-pack", "No `kind: Pack` document was found, so the pack cannot be assessed.";
    SeveralPacks => "several-packs", "More than one `kind: Pack` document was found.";
    SeveralOfKind => "several-of-kind", "A second ServiceDesk or EscalationPlan document; a pack has exactly one of each.";
    RotaPeriodsOverlap => "rota-periods-overlap", "Two Rota documents cover some of the same dates; rotas combine only when their periods do not overlap.";
    Unreadable => "unreadable", "A file could not be read.";
    NotUtf8 => "not-utf8", "A YAML or Markdown file is not valid UTF-8 text.";
    FileTooLarge => "file-too-large", "A YAML or Markdown file is larger than the size limit.";
    YamlSyntax => "yaml-syntax", "A YAML file (or Markdown front matter) is not well-formed YAML.";
    DuplicateKey => "duplicate-key", "The same key appears twice in one YAML mapping.";
    AliasLimit => "alias-limit", "YAML aliases expand to more values than allowed (an alias bomb).";
    NestingTooDeep => "nesting-too-deep", "YAML nesting is deeper than allowed.";
    SeveralDocuments => "several-documents", "A YAML file holds more than one document.";
    EmptyFile => "empty-file", "A YAML file holds no document.";
    NotAMapping => "not-a-mapping", "A YAML evidence document is not a mapping of fields.";
    UnknownApiVersion => "unknown-api-version", "A YAML file's `apiVersion` is not `accredit/v1`.";
    UnknownKind => "unknown-kind", "A YAML file's `kind` is not an evidence kind.";
    FrontMatter => "front-matter", "Markdown front matter is not closed by a `---` line.";
    Schema => "schema", "A document does not match the schema of its kind.";
    InvalidDate => "invalid-date", "A date is not a real calendar date written YYYY-MM-DD.";
    UnknownTimezone => "unknown-timezone", "A time zone is not in the IANA time-zone database.";
    UnknownApplication => "unknown-application", "An application id is not one the ruleset knows.";
    PathAbsolute => "path-absolute", "A path in evidence is absolute; paths must be relative to the file.";
    PathOutsidePack => "path-outside-pack", "A path in evidence leads outside the pack.";
    PathNotFound => "path-not-found", "A path in evidence names a file that does not exist in the pack.";
    Symlink => "symlink", "A symbolic link in the pack; links are never followed.";
    CsvMissingColumn => "csv-missing-column", "A CSV export lacks a required column.";
    CsvHeader => "csv-header", "A CSV export's header row cannot be read.";
    BrokenLink => "broken-link", "A Markdown link between pack files does not resolve.";
    UnknownCheckKind => "unknown-check-kind", "A ruleset requirement names a check kind that does not exist.";
    DuplicateId => "duplicate-id", "A ruleset uses the same requirement or domain id twice.";
    BadWeight => "bad-weight", "A ruleset weight is negative or over 100, or every weight in a group is zero.";
    BadParameter => "bad-parameter", "A ruleset check parameter is invalid (e.g. an expression that does not compile).";
    YamlTag => "yaml-tag", "A YAML value carries a tag (`!!binary`, `!custom`) or does not fit its tag; evidence holds plain values.";
    NumberOutOfRange => "number-out-of-range", "A number is too large to hold (past a 64-bit integer), infinite or not a number.";
    YearOutOfRange => "year-out-of-range", "A date's year is outside 0001 to 9999.";
    FileNameNotUtf8 => "file-name-not-utf8", "A file or folder name is not valid UTF-8, so the file cannot be named in evidence or reports.";
    NotARegularFile => "not-a-regular-file", "A FIFO, device or socket in the pack; it is listed and skipped, never read.";
}

/// One problem with the evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable code.
    #[serde(serialize_with = "serialize_code")]
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// Plain-words message.
    pub message: String,
    /// Where, if anywhere (an empty pack has no file).
    pub location: Option<Location>,
}

fn serialize_code<S: serde::Serializer>(code: &Code, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(code.as_str())
}

impl Diagnostic {
    /// An error.
    pub fn error(code: Code, message: impl Into<String>, location: Option<Location>) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            location,
        }
    }

    /// A warning.
    pub fn warning(code: Code, message: impl Into<String>, location: Option<Location>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message, location)
        }
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_and_described() {
        let mut seen = std::collections::BTreeSet::new();
        for code in Code::ALL {
            let s = code.as_str();
            assert!(seen.insert(s), "duplicate code {s}");
            assert!(
                s.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit())
            );
            assert!(code.description().ends_with('.'));
        }
    }
}
