//! The finding-code type. Every finding has a [`FindingCode`]: its stable
//! kebab-case name, what it means in a desk manager's words, how to fix it,
//! and the [`Area`] of evidence it is about.
//!
//! A code is a `const` declared by the module that emits it (in the manner of
//! cargo-deny's `diags.rs`): a check's own codes in its module under
//! `checks/`, codes several checks of a group share in the group's shared
//! module, the analyses' codes in `cover/codes.rs` and `logs/codes.rs`. Each
//! check kind lists the codes it can emit (`CheckKind::CODES`), and the
//! registry, [`FindingCode::all`] (in `checks/codes.rs`), is the union of
//! those lists: `accredit rules codes`, `rules show`, the SARIF rules table
//! and `docs/finding-codes.md` are built from it.
//!
//! A name never changes once released: a test snapshots the whole list.

use serde::{Serialize, Serializer};

/// Which evidence a code is about, for grouping codes in documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Area {
    /// The evidence a requirement needs is absent or invalid (any check).
    Evidence,
    /// The rota and its cover analysis.
    Rota,
    /// The service desk description and the pack document.
    Desk,
    /// The CSV exports: incident, training and change logs, the staff register.
    Logs,
    /// The escalation plan and its rehearsals (escalation and scenario tests).
    Escalation,
    /// The Markdown Procedures and Documents.
    Documents,
    /// Expression checks written in a ruleset.
    Expression,
}

impl Area {
    /// Every area, in documentation order.
    pub const ALL: &'static [Area] = &[
        Area::Evidence,
        Area::Rota,
        Area::Desk,
        Area::Logs,
        Area::Escalation,
        Area::Documents,
        Area::Expression,
    ];

    /// A heading for the area.
    pub fn title(self) -> &'static str {
        match self {
            Area::Evidence => "Any requirement",
            Area::Rota => "Rota and cover",
            Area::Desk => "Service desk and applicant",
            Area::Logs => "Logs and registers (CSV exports)",
            Area::Escalation => "Escalation plan and tests",
            Area::Documents => "Procedures and documents",
            Area::Expression => "Expression checks",
        }
    }
}

/// A stable finding code. Two codes are the same code when they have the
/// same name (a test holds every declaration of a name to one meaning and
/// fix); it serializes as its name.
#[derive(Debug, Clone, Copy)]
pub struct FindingCode {
    name: &'static str,
    area: Area,
    meaning: &'static str,
    fix: &'static str,
}

impl FindingCode {
    /// Declares a code. A name that is not kebab-case, or a meaning or fix
    /// that is not a sentence, stops the build (the check runs when the
    /// `const` is evaluated).
    pub const fn new(
        area: Area,
        name: &'static str,
        meaning: &'static str,
        fix: &'static str,
    ) -> FindingCode {
        assert!(is_kebab_case(name), "a finding code's name is kebab-case");
        assert!(
            ends_with_full_stop(meaning),
            "a code's meaning is a sentence"
        );
        assert!(ends_with_full_stop(fix), "a code's fix is a sentence");
        FindingCode {
            name,
            area,
            meaning,
            fix,
        }
    }

    /// The stable kebab-case name written in reports.
    pub const fn name(self) -> &'static str {
        self.name
    }

    /// What the finding means, in plain words.
    pub const fn meaning(self) -> &'static str {
        self.meaning
    }

    /// What to change in the pack (or ruleset) to clear it.
    pub const fn fix(self) -> &'static str {
        self.fix
    }

    /// The evidence the code is about.
    pub const fn area(self) -> Area {
        self.area
    }
}

/// Lower-case ASCII letters and digits in words joined by single hyphens.
const fn is_kebab_case(name: &str) -> bool {
    let bytes = name.as_bytes();
    if bytes.is_empty() || bytes[0] == b'-' || bytes[bytes.len() - 1] == b'-' {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let word_char = b.is_ascii_lowercase() || b.is_ascii_digit();
        if !(word_char || (b == b'-' && bytes[i + 1] != b'-')) {
            return false;
        }
        i += 1;
    }
    true
}

const fn ends_with_full_stop(text: &str) -> bool {
    let bytes = text.as_bytes();
    !bytes.is_empty() && bytes[bytes.len() - 1] == b'.'
}

impl PartialEq for FindingCode {
    fn eq(&self, other: &FindingCode) -> bool {
        self.name == other.name
    }
}

impl Eq for FindingCode {}

impl PartialOrd for FindingCode {
    fn partial_cmp(&self, other: &FindingCode) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FindingCode {
    fn cmp(&self, other: &FindingCode) -> std::cmp::Ordering {
        self.name.cmp(other.name)
    }
}

impl std::hash::Hash for FindingCode {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name.hash(state);
    }
}

impl std::fmt::Display for FindingCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

impl Serialize for FindingCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name)
    }
}

impl PartialEq<&str> for FindingCode {
    fn eq(&self, other: &&str) -> bool {
        self.name == *other
    }
}

impl PartialEq<str> for FindingCode {
    fn eq(&self, other: &str) -> bool {
        self.name == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: FindingCode = FindingCode::new(
        Area::Rota,
        "example-code",
        "An example meaning.",
        "An example fix.",
    );

    #[test]
    fn a_code_serializes_and_displays_as_its_name() {
        assert_eq!(
            serde_json::to_string(&[EXAMPLE]).unwrap(),
            r#"["example-code"]"#
        );
        assert_eq!(EXAMPLE.to_string(), "example-code");
        assert_eq!(EXAMPLE, "example-code");
        assert_eq!(EXAMPLE.area(), Area::Rota);
        assert_eq!(EXAMPLE.meaning(), "An example meaning.");
        assert_eq!(EXAMPLE.fix(), "An example fix.");
    }

    #[test]
    fn codes_are_equal_and_ordered_by_name() {
        let other_words = FindingCode::new(Area::Logs, "example-code", "Other.", "Other.");
        let later = FindingCode::new(Area::Evidence, "fexample", "A.", "B.");
        assert_eq!(EXAMPLE, other_words);
        assert!(EXAMPLE < later, "by name, not by area");
    }

    #[test]
    fn only_kebab_case_names_are_codes() {
        for good in ["cover-gap", "level-not-reachable-24x7", "x"] {
            assert!(is_kebab_case(good), "{good}");
        }
        for bad in [
            "",
            "-gap",
            "gap-",
            "cover--gap",
            "Cover-gap",
            "cover_gap",
            "cover gap",
        ] {
            assert!(!is_kebab_case(bad), "{bad:?}");
        }
        assert!(ends_with_full_stop("A sentence."));
        assert!(!ends_with_full_stop("no stop"));
        assert!(!ends_with_full_stop(""));
    }
}
