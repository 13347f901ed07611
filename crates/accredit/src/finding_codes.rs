//! The finding codes each check kind can emit, for `accredit rules show`: read
//! from the core's one registry (`accredit_core::finding::FindingCode`), where
//! every code has its meaning and fix, and each check kind declares its codes.

use accredit_core::Check;

/// Every code a check of `kind` can emit, with its meaning, sorted by code.
pub fn codes(kind: &str) -> Vec<(&'static str, &'static str)> {
    Check::kind_codes(kind)
        .unwrap_or_default()
        .into_iter()
        .map(|code| (code.name(), code.meaning()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_lists_its_codes_with_meanings() {
        for kind in Check::KINDS {
            let listed = codes(kind);
            assert!(listed.len() > 2, "{kind}");
            assert!(listed.iter().any(|(c, _)| *c == "evidence-missing"));
            assert!(listed.iter().all(|(_, meaning)| meaning.ends_with('.')));
        }
        assert!(codes("rota-staffed").iter().any(|(c, _)| *c == "cover-gap"));
        assert!(codes("no-such-kind").is_empty());
    }
}
