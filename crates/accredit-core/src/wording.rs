//! How names and values written by a trust are matched: one rule for each
//! kind of text, shared by every check and analysis that asks the question
//! (it sits below both: the CSV analyses in `logs/` match listed values and
//! the LSP's name with it too).
//!
//! - **A name names an organisation** (the LSP, in escalation levels and test
//!   participants) when it contains the organisation's name as whole words,
//!   ignoring case, spacing and punctuation: "BT Health Ltd" and "B.T. Health
//!   LSP service desk" name BT Health; "BT Healthcare" does not.
//! - **A heading names a required section** when it contains the section's
//!   name or a synonym as whole words: "Purpose of this procedure" is the
//!   purpose section, "Escalation to the LSP" the escalation section.
//! - **A listed value** (a channel type, a capability, a report frequency, an
//!   application id) matches ignoring case, surrounding spaces, and whether
//!   words are joined by `-`, `_` or spaces: `Incident Logging` is
//!   `incident-logging`.

/// The words of `text`, lower-cased: letters and digits, split at anything
/// else. Dots and apostrophes inside a word are dropped rather than split at,
/// so `B.T.` is `bt` and `St Mary's` is `st marys`.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if matches!(c, '.' | '\'' | '\u{2019}') {
            // Joined: "B.T." → "bt", "Mary's" → "marys".
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Whether `name` names the organisation called `organisation`: its words
/// appear in `name`, together and in order, as whole words. An organisation
/// with no words in its name is named by nothing.
pub fn names_organisation(name: &str, organisation: &str) -> bool {
    contains_words(name, organisation)
}

/// Whether `text` contains the words of `phrase`, together and in order, as
/// whole words (see [`words`]); a phrase without words is in nothing.
pub fn contains_words(text: &str, phrase: &str) -> bool {
    // Each side as its words, each followed by one space: no word holds a
    // space, so the phrase's words are a run of the text's exactly when the
    // joined phrase occurs in the joined text at a word's start. Two strings
    // are made, not a string per word.
    let wanted = spaced_words(phrase);
    if wanted.is_empty() {
        return false;
    }
    let written = spaced_words(text);
    written
        .match_indices(&wanted)
        .any(|(at, _)| at == 0 || written.as_bytes()[at - 1] == b' ')
}

/// The [`words`] of `text`, each followed by a space.
fn spaced_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    let mut in_word = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            in_word = true;
        } else if matches!(c, '.' | '\'' | '\u{2019}') {
            // Joined, as in `words`.
        } else if in_word {
            out.push(' ');
            in_word = false;
        }
    }
    if in_word {
        out.push(' ');
    }
    out
}

/// A value written in evidence in its canonical listed form: lower case,
/// words joined by `-` (`" Incident Logging "` → `incident-logging`).
pub fn listed_value(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|part| !part.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

/// Whether `written` is the listed value `expected` (see [`listed_value`]).
pub fn is_listed_value(written: &str, expected: &str) -> bool {
    listed_value(written) == listed_value(expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lsp_is_named_by_whole_words_whatever_the_case_spacing_or_punctuation() {
        for name in [
            "BT Health",
            "BT Health Ltd",
            "BT Health LSP service desk",
            "  bt   HEALTH ",
            "B.T. Health",
            "BT-Health (London)",
            "The LSP: BT Health, Ltd.",
        ] {
            assert!(names_organisation(name, "BT Health"), "{name}");
        }
        for name in ["BT Healthcare", "BT", "Health BT", "CSC", "", "BTHealth"] {
            assert!(!names_organisation(name, "BT Health"), "{name}");
        }
        assert!(!names_organisation("anything", " "));
        assert!(!names_organisation("anything", "--"));
    }

    #[test]
    fn a_heading_names_a_section_by_whole_words() {
        assert!(contains_words("purpose of this procedure", "purpose"));
        assert!(contains_words("escalation to the lsp", "escalation"));
        assert!(contains_words(
            "roles and responsibilities",
            "roles and responsibilities"
        ));
        assert!(!contains_words("scoped changes", "scope"));
        assert!(!contains_words(
            "responsibilities and roles",
            "roles and responsibilities"
        ));
    }

    proptest::proptest! {
        /// `contains_words` is the windows of `words` compared, for any text
        /// and phrase (letters, digits, joiners, punctuation, other scripts).
        #[test]
        fn contains_words_is_a_run_of_the_words(
            before in "[a-cA-C0-9 .,'\u{2019}İßé-]{0,12}",
            phrase in "[a-cA-C0-9 .,'\u{2019}İßé-]{0,8}",
            after in "[a-cA-C0-9 .,'\u{2019}İßé-]{0,12}",
        ) {
            let by_words = |text: &str| {
                let wanted = words(&phrase);
                !wanted.is_empty()
                    && words(text).windows(wanted.len()).any(|w| w == wanted.as_slice())
            };
            for text in [before.clone(), format!("{before}{phrase}{after}")] {
                proptest::prop_assert_eq!(contains_words(&text, &phrase), by_words(&text), "{:?}", text);
            }
        }
    }

    #[test]
    fn listed_values_ignore_case_spaces_and_joiners() {
        assert!(is_listed_value(" Incident Logging ", "incident-logging"));
        assert!(is_listed_value("E_Mail", "e-mail"));
        assert!(is_listed_value("WALK IN", "walk-in"));
        assert!(!is_listed_value("incident", "incident-logging"));
        assert!(!is_listed_value("email", "e-mail"));
    }
}
