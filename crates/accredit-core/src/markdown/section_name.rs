//! Normalised heading text, for matching headings to the sections a ruleset
//! asks for.

/// Heading text normalised for section matching.
///
/// The rules, in order:
/// 1. A leading section number is dropped: digits with optional dotted
///    parts (`1`, `2.3`, `4.1.2`), then `.`, `)` or whitespace — so
///    "1. Purpose" matches "purpose". A heading that is only a number keeps
///    it, and so does "3.5mm jacks" (no separator after the number).
/// 2. `&` reads as the word "and", so "Roles & Responsibilities" and
///    "Roles and Responsibilities" are the same section (the ruleset names
///    its sections with "and": "resolution and closure", "assessment and
///    approval"). The word "and" itself is kept.
/// 3. Letters and digits (any script) are lower-cased; every other
///    character (punctuation, symbols, emoji) becomes a space.
/// 4. Runs of whitespace become one space, and the ends are trimmed.
///
/// So "Roles & Responsibilities:" becomes "roles and responsibilities" and
/// "3.2 Back-out" becomes "back out".
pub fn normalise_heading(text: &str) -> String {
    let text = without_section_number(text);
    let mut spaced = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '&' {
            spaced.push_str(" and ");
        } else if c.is_alphanumeric() {
            spaced.extend(c.to_lowercase());
        } else {
            spaced.push(' ');
        }
    }
    let mut name = String::with_capacity(spaced.len());
    for word in spaced.split_whitespace() {
        if !name.is_empty() {
            name.push(' ');
        }
        name.push_str(word);
    }
    name
}

/// `text` without a leading section number such as `1.`, `2.3` or `4)`,
/// unless nothing with a letter or digit would remain.
fn without_section_number(text: &str) -> &str {
    let mut rest = text.trim_start();
    let mut closed = false;
    loop {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 {
            return text;
        }
        rest = &rest[digits..];
        match rest.strip_prefix('.') {
            Some(after_dot) if after_dot.starts_with(|c: char| c.is_ascii_digit()) => {
                rest = after_dot
            }
            Some(after_dot) => {
                (rest, closed) = (after_dot, true);
                break;
            }
            None => {
                if let Some(after_parenthesis) = rest.strip_prefix(')') {
                    (rest, closed) = (after_parenthesis, true);
                }
                break;
            }
        }
    }
    let title = rest.trim_start();
    let separated = closed || title.len() < rest.len();
    if separated && title.chars().any(char::is_alphanumeric) {
        title
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_and_case_are_ignored() {
        assert_eq!(
            normalise_heading("  Logging  and\tCategorisation! "),
            "logging and categorisation"
        );
        assert_eq!(
            normalise_heading("Clinical impact (minimising disruption)"),
            "clinical impact minimising disruption"
        );
        assert_eq!(
            normalise_heading("Communication to users/staff"),
            "communication to users staff"
        );
        assert_eq!(normalise_heading("Service-Level"), "service level");
        assert_eq!(normalise_heading("Désk Rôles"), "désk rôles");
        assert_eq!(normalise_heading("🚀 Release"), "release");
        assert_eq!(normalise_heading("?!"), "");
    }

    #[test]
    fn ampersand_reads_as_and() {
        assert_eq!(
            normalise_heading("Roles & Responsibilities:"),
            "roles and responsibilities"
        );
        assert_eq!(
            normalise_heading("Roles&Responsibilities"),
            "roles and responsibilities"
        );
        assert_eq!(
            normalise_heading("Roles and Responsibilities"),
            "roles and responsibilities"
        );
    }

    #[test]
    fn leading_section_numbers_are_dropped() {
        assert_eq!(normalise_heading("1. Purpose"), "purpose");
        assert_eq!(normalise_heading("1 Purpose"), "purpose");
        assert_eq!(normalise_heading("  2.3 Scope"), "scope");
        assert_eq!(
            normalise_heading("4.1.2. Assessment & approval"),
            "assessment and approval"
        );
        assert_eq!(normalise_heading("5) Review"), "review");
        assert_eq!(normalise_heading("1.Purpose"), "purpose");
    }

    #[test]
    fn numbers_that_are_not_section_numbers_stay() {
        assert_eq!(normalise_heading("24/7 cover"), "24 7 cover");
        assert_eq!(normalise_heading("3.5mm jacks"), "3 5mm jacks");
        assert_eq!(normalise_heading("2.3"), "2 3");
        assert_eq!(normalise_heading("7 -"), "7");
        assert_eq!(
            normalise_heading("Level 2 escalation"),
            "level 2 escalation"
        );
    }
}
