//! `accredit guide [KIND]`: the pack format guide, built into the binary.
//!
//! The guide's text lives in `crates/accredit/guide/*.md`, one part per
//! section, embedded here; `docs/evidence-pack.md` is all the parts in order
//! (`accredit guide > docs/evidence-pack.md`; a test fails when it is
//! stale). `accredit guide KIND` prints the part for that kind, whose
//! examples are tested to validate.

use accredit_core::model::Kind;

use crate::exit::{Exit, Failure};

/// One part of the guide: its file, its text and the kinds it documents.
pub struct Part {
    /// File name under `crates/accredit/guide/`.
    pub file: &'static str,
    /// The Markdown.
    pub text: &'static str,
    /// The kinds whose section this is.
    pub kinds: &'static [Kind],
}

macro_rules! part {
    ($file:literal, [$($kind:ident),*]) => {
        Part {
            file: $file,
            text: include_str!(concat!("../guide/", $file)),
            kinds: &[$(Kind::$kind),*],
        }
    };
}

/// The guide, in order.
pub const PARTS: &[Part] = &[
    part!("intro.md", []),
    part!("pack.md", [Pack]),
    part!("service-desk.md", [ServiceDesk]),
    part!("rota.md", [Rota]),
    part!("escalation-plan.md", [EscalationPlan]),
    part!("rehearsals.md", [EscalationTest, ScenarioTest]),
    part!("documents.md", [Procedure, Document]),
    part!(
        "logs.md",
        [IncidentLog, TrainingLog, ChangeLog, StaffRegister]
    ),
    part!("waiver.md", [Waiver]),
    part!("override.md", [Override]),
    part!("csv-exports.md", []),
    part!("checking.md", []),
];

/// The whole guide (what `docs/evidence-pack.md` holds).
pub fn full() -> String {
    PARTS.iter().map(|p| p.text).collect()
}

/// The guide for one kind: its section, and the CSV columns for kinds that
/// name a CSV file.
pub fn for_kind(kind: Kind) -> String {
    let mut out = String::new();
    for part in PARTS.iter().filter(|p| p.kinds.contains(&kind)) {
        out.push_str(part.text);
    }
    let names_csv = matches!(
        kind,
        Kind::Rota | Kind::IncidentLog | Kind::TrainingLog | Kind::ChangeLog | Kind::StaffRegister
    );
    if names_csv && let Some(csv) = PARTS.iter().find(|p| p.file == "csv-exports.md") {
        out.push('\n');
        out.push_str(csv.text);
    }
    out.push_str(&format!(
        "\nThe JSON Schema of a {name} is `accredit schema {name}`; the whole guide is `accredit guide`; \
         check a pack with `accredit validate PACK`.\n",
        name = kind.name()
    ));
    out
}

/// The first example document of `kind` in its section (a fenced YAML or
/// Markdown block holding `kind: KIND`), without the fences.
pub fn example(kind: Kind) -> Option<String> {
    let wanted = format!("kind: {}", kind.name());
    let part = PARTS.iter().find(|p| p.kinds.contains(&kind))?;
    let mut lines = part.text.lines();
    while let Some(line) = lines.next() {
        if line != "```yaml" && line != "```markdown" {
            continue;
        }
        let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
        if body.contains(&wanted.as_str()) {
            return Some(body.join("\n") + "\n");
        }
    }
    None
}

/// Finds a kind by its name, ignoring case (`rota`, `ServiceDesk`, `service-desk`).
pub fn kind_named(name: &str) -> Option<Kind> {
    let wanted: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    Kind::ALL
        .into_iter()
        .find(|k| k.name().to_ascii_lowercase() == wanted)
}

/// Runs `accredit guide [KIND]`.
pub fn run(kind: Option<&str>) -> Result<Exit, Failure> {
    let text = match kind {
        None => full(),
        Some(name) => {
            let kind = kind_named(name).ok_or_else(|| {
                let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
                Failure::msg(format!(
                    "no kind `{name}`; choose from {}",
                    names.join(", ")
                ))
            })?;
            for_kind(kind)
        }
    };
    out!("{text}");
    Ok(Exit::Passed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_section() {
        for kind in Kind::ALL {
            assert!(
                PARTS.iter().any(|p| p.kinds.contains(&kind)),
                "{} has no section",
                kind.name()
            );
            assert!(for_kind(kind).contains(&format!("kind: {}", kind.name())));
            let example = example(kind).unwrap_or_else(|| panic!("no example of {}", kind.name()));
            assert!(example.contains(&format!("\nkind: {}\n", kind.name())));
        }
    }

    #[test]
    fn kinds_are_found_by_any_spelling() {
        assert_eq!(kind_named("rota"), Some(Kind::Rota));
        assert_eq!(kind_named("service-desk"), Some(Kind::ServiceDesk));
        assert_eq!(kind_named("EscalationPlan"), Some(Kind::EscalationPlan));
        assert_eq!(kind_named("nonsense"), None);
    }
}
