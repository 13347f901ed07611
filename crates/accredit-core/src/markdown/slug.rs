//! Heading anchors the way GitHub makes them, so that `#scope` in a link can
//! be checked against the headings of the file it points to.

use std::collections::HashMap;

use super::outline::Outline;

/// The anchor GitHub gives a heading with this text.
///
/// GitHub lower-cases the text, removes every character that is not a
/// letter, digit, combining mark, connector (`_`), hyphen or space, and turns
/// each space into a hyphen (runs of spaces are not collapsed). Letters of
/// any script are kept. So "Roles & Responsibilities" becomes
/// `roles--responsibilities`.
pub fn github_slug(heading_text: &str) -> String {
    let mut slug = String::with_capacity(heading_text.len());
    for c in heading_text.chars().flat_map(char::to_lowercase) {
        if c == ' ' {
            slug.push('-');
        } else if c == '-' || is_word_character(c) {
            slug.push(c);
        }
    }
    slug
}

/// The anchors of the outline's headings, in heading order, with GitHub's
/// de-duplication: the second "Scope" is `scope-1`, the third `scope-2`, and a
/// suffix already taken by another heading is skipped.
pub fn heading_slugs(outline: &Outline) -> Vec<String> {
    let mut occurrences: HashMap<String, usize> = HashMap::new();
    let mut slugs = Vec::with_capacity(outline.headings.len());
    for heading in &outline.headings {
        let original = github_slug(&heading.text);
        let mut slug = original.clone();
        while occurrences.contains_key(&slug) {
            let count = occurrences.entry(original.clone()).or_insert(0);
            *count += 1;
            slug = format!("{original}-{count}");
        }
        occurrences.insert(slug.clone(), 0);
        slugs.push(slug);
    }
    slugs
}

/// Whether `c` is a "word" character in GitHub's sense (`\p{Word}`): a
/// letter, digit, mark, connector punctuation or joiner. Marks outside the
/// letters Rust calls alphabetic are approximated by the combining blocks.
fn is_word_character(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '_' | '\u{203f}'
                | '\u{2040}'
                | '\u{2054}'
                | '\u{fe33}'
                | '\u{fe34}'
                | '\u{fe4d}'..='\u{fe4f}'
                | '\u{ff3f}'
                | '\u{200c}'
                | '\u{200d}'
                | '\u{0300}'..='\u{036f}'
                | '\u{1ab0}'..='\u{1aff}'
                | '\u{1dc0}'..='\u{1dff}'
                | '\u{20d0}'..='\u{20ff}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{fe20}'..='\u{fe2f}'
        )
}

#[cfg(test)]
mod tests {
    use super::super::analyse_markdown;
    use super::*;

    #[test]
    fn slugs_follow_github() {
        assert_eq!(
            github_slug("Roles & Responsibilities"),
            "roles--responsibilities"
        );
        assert_eq!(github_slug("1. Purpose"), "1-purpose");
        assert_eq!(github_slug("Back-out plan (v2.1)"), "back-out-plan-v21");
        assert_eq!(github_slug("snake_case_name"), "snake_case_name");
        assert_eq!(github_slug("Café Öffnungszeiten"), "café-öffnungszeiten");
        assert_eq!(github_slug("Cafe\u{301}"), "cafe\u{301}");
        assert_eq!(github_slug("🚀 Launch"), "-launch");
        assert_eq!(github_slug("日本語 見出し"), "日本語-見出し");
        assert_eq!(github_slug(""), "");
    }

    #[test]
    fn repeated_headings_get_numbered_suffixes() {
        let outline =
            analyse_markdown("# Scope\n## Scope\n## Scope-1\n## Scope\n## Scope!\n").outline;
        assert_eq!(
            heading_slugs(&outline),
            ["scope", "scope-1", "scope-1-1", "scope-2", "scope-3"]
        );
    }
}
