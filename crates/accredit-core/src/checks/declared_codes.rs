//! Every finding code a check emits is one its kind declares: every check of
//! the built-in ruleset (and the expression fixtures) runs on every fixture
//! pack, and each finding's code must be in its kind's [`Check::codes`].

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jiff::civil::date;

use crate::assess::assess;
use crate::checks::Check;
use crate::checks::{EVIDENCE_INVALID, EVIDENCE_MISSING};
use crate::finding::FindingCode;
use crate::load::{LoadOptions, load_pack};
use crate::ruleset::{Ruleset, load_ruleset};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// The pack directories under `dir`.
fn packs(dir: &Path) -> Vec<PathBuf> {
    let mut packs: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    packs.sort();
    packs
}

/// The rulesets run: the built-in one, and the fixture rulesets that load.
fn rulesets() -> Vec<Ruleset> {
    let mut rulesets = vec![Ruleset::builtin()];
    for entry in std::fs::read_dir(fixtures().join("rulesets"))
        .unwrap()
        .flatten()
    {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        if let Ok(ruleset) = load_ruleset(&text, "fixture.yaml") {
            rulesets.push(ruleset);
        }
    }
    rulesets
}

#[test]
fn every_code_a_check_emits_on_the_fixtures_is_declared_by_its_kind() {
    let mut seen = BTreeSet::new();
    let mut dirs = packs(&fixtures().join("packs"));
    dirs.extend(packs(&fixtures().join("caseload")));
    for ruleset in rulesets() {
        let options = LoadOptions {
            known_applications: ruleset.application_ids(),
            ..LoadOptions::default()
        };
        for dir in &dirs {
            let Ok(evidence) = load_pack(dir, &options) else {
                continue;
            };
            let Ok(assessment) = assess(&evidence, &ruleset, date(2008, 9, 1)) else {
                continue;
            };
            for result in &assessment.requirements {
                let check: &Check = &ruleset
                    .requirements
                    .iter()
                    .find(|r| r.id == result.id)
                    .unwrap()
                    .check;
                let declared = check.codes();
                for finding in &result.findings {
                    let code = FindingCode::from_name(finding.code).unwrap();
                    assert!(
                        declared.contains(&code),
                        "{} ({}) on {}: `{code}` is not in its CODES",
                        result.id,
                        check.kind_name(),
                        dir.display()
                    );
                    seen.insert(code);
                }
            }
        }
    }
    // The fixtures exercise a good share of the codes, so the test means something.
    assert!(seen.len() >= 20, "only {} codes seen: {seen:?}", seen.len());
}

#[test]
fn every_kind_declares_its_own_codes_and_the_evidence_codes() {
    for kind in Check::KINDS {
        let codes = Check::kind_codes(kind).unwrap();
        assert!(codes.contains(&EVIDENCE_MISSING));
        assert!(codes.contains(&EVIDENCE_INVALID));
        assert!(codes.len() > 2, "{kind}: declares no code of its own");
        assert!(codes.is_sorted_by_key(|c| c.name()));
    }
    assert_eq!(Check::kind_codes("no-such-kind"), None);
}

/// Every code in the registry is declared by some check kind: none is
/// registered and never used (`cover-no-rota` is the analysis's own guard,
/// which a pack never reaches: a pack without a rota is `missing`).
#[test]
fn every_registered_code_belongs_to_some_check_kind() {
    let declared: BTreeSet<FindingCode> = Check::KINDS
        .iter()
        .flat_map(|kind| Check::kind_codes(kind).unwrap())
        .collect();
    let unused: Vec<&str> = FindingCode::all()
        .iter()
        .filter(|c| !declared.contains(c))
        .map(|c| c.name())
        .collect();
    assert!(unused.is_empty(), "no check kind declares {unused:?}");
}
