//! The registry of finding codes: the union of what every part that emits
//! findings declares. A code is defined (a `const` [`FindingCode`]) by the
//! module that emits it; the registry collects the lists that name them:
//!
//! - the evidence codes any check can have ([`super::EVIDENCE_CODES`]);
//! - every registered check kind's `CheckKind::CODES` (which include the
//!   lists of the shared analyses it measures on);
//! - the analyses' own lists (`cover::codes`, `logs::codes`, the log memo's).
//!
//! So a new check kind with a new code touches only its own module: the code
//! reaches `rules codes`, `rules show`, SARIF and `docs/finding-codes.md`
//! through the kind's `CODES`. Order: by area (documentation order), then by
//! name.

use std::sync::OnceLock;

use super::{Check, EVIDENCE_CODES};
use crate::finding::FindingCode;

/// Every list of codes the crate declares, in no particular order, with
/// repeats (a shared analysis's list is in several kinds' `CODES`).
fn declarations() -> impl Iterator<Item = FindingCode> {
    let analyses: [&[FindingCode]; 6] = [
        crate::cover::codes::CODES,
        crate::logs::codes::READING,
        crate::logs::codes::INCIDENTS,
        crate::logs::codes::TRAINING,
        crate::logs::codes::CHANGES,
        super::logs::logs_memo::SOURCE_CODES,
    ];
    std::iter::once(EVIDENCE_CODES)
        .chain(
            Check::KIND_CODES
                .iter()
                .flat_map(|codes| codes.iter().copied()),
        )
        .chain(analyses)
        .flat_map(|codes| codes.iter().copied())
}

impl FindingCode {
    /// Every finding code, each once, by area and then by name.
    pub fn all() -> &'static [FindingCode] {
        static ALL: OnceLock<Vec<FindingCode>> = OnceLock::new();
        ALL.get_or_init(|| {
            let mut all: Vec<FindingCode> = declarations().collect();
            all.sort_by_key(|code| (code.area(), code.name()));
            all.dedup();
            all
        })
    }

    /// The code with this name, if there is one.
    pub fn from_name(name: &str) -> Option<FindingCode> {
        FindingCode::all()
            .iter()
            .copied()
            .find(|code| code.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::Path;

    use super::*;

    /// Two declarations of one name are one definition: same area, meaning
    /// and fix (a code is equal to another by name alone).
    #[test]
    fn no_two_different_definitions_share_a_name() {
        let mut by_name: BTreeMap<&str, FindingCode> = BTreeMap::new();
        for code in declarations() {
            let first = *by_name.entry(code.name()).or_insert(code);
            assert!(
                (first.area(), first.meaning(), first.fix())
                    == (code.area(), code.meaning(), code.fix()),
                "`{code}` has two definitions"
            );
        }
        assert_eq!(by_name.len(), FindingCode::all().len());
    }

    #[test]
    fn the_registry_is_in_order_and_finds_codes_by_name() {
        let all = FindingCode::all();
        assert!(all.is_sorted_by_key(|code| (code.area(), code.name())));
        for code in all {
            assert_eq!(FindingCode::from_name(code.name()), Some(*code));
            // `FindingCode::new` held the name to kebab-case and the words to sentences.
            assert!(code.meaning().ends_with('.') && code.fix().ends_with('.'));
        }
        assert_eq!(FindingCode::from_name("no-such-code"), None);
        assert!(all.len() > 100, "only {} codes", all.len());
    }

    /// Every `FindingCode::new` in the source is the one definition of its
    /// name, and the registry has it: a code defined but in no list (so
    /// missing from `rules codes` and the docs) fails here.
    #[test]
    fn every_code_defined_in_the_source_is_in_the_registry_once() {
        let pattern = concat!("FindingCode", "::new(");
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut defined: BTreeMap<String, String> = BTreeMap::new();
        for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
            let entry = entry.unwrap();
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("finding/code.rs") {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            for definition in text.split(pattern).skip(1) {
                let name = definition.split('"').nth(1).unwrap().to_string();
                let file = path.strip_prefix(&src).unwrap().display().to_string();
                if let Some(before) = defined.insert(name.clone(), file.clone()) {
                    panic!("`{name}` is defined in {before} and in {file}");
                }
                assert!(
                    FindingCode::from_name(&name).is_some(),
                    "`{name}` ({file}) is in no check's CODES nor an analysis's list"
                );
            }
        }
        assert_eq!(defined.len(), FindingCode::all().len());
    }

    /// The full list, so a renamed, reworded or removed code shows in review.
    #[test]
    fn the_list_of_codes_is_stable() {
        let list: String = FindingCode::all()
            .iter()
            .map(|c| {
                format!(
                    "{:?} {} — {}\n    fix: {}\n",
                    c.area(),
                    c.name(),
                    c.meaning(),
                    c.fix()
                )
            })
            .collect();
        insta::assert_snapshot!(list);
    }

    /// Validation diagnostics are a separate system; a name in both must
    /// mean the same problem (one found by `validate`, one by `assess`).
    #[test]
    fn no_name_means_two_things_across_findings_and_diagnostics() {
        use crate::diagnostic::Code;
        let same_problem = [
            (
                super::super::documents::pack_documents::BROKEN_LINK,
                Code::BrokenLink,
            ),
            (crate::logs::codes::MISSING_COLUMN, Code::CsvMissingColumn),
        ];
        for code in FindingCode::all() {
            let Some(diagnostic) = Code::ALL.iter().find(|d| d.as_str() == code.name()) else {
                continue;
            };
            assert!(
                same_problem.contains(&(*code, *diagnostic)),
                "`{code}` is both a finding and a diagnostic code: rename one, or list the pair as one problem"
            );
        }
        for (finding, diagnostic) in same_problem {
            assert_eq!(finding.name(), diagnostic.as_str());
        }
    }
}
