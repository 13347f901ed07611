//! `accredit rules list` and `accredit rules show ID`: the ruleset's
//! requirements, built from the ruleset data and the check kinds' own
//! descriptions — never from a second, hand-kept copy.

use std::fmt::Write;

use accredit_core::ruleset::{Requirement, Ruleset};

use crate::exit::{Exit, Failure};

/// The list: one line per requirement, grouped by domain.
pub fn list(ruleset: &Ruleset) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} — {}",
        ruleset.id, ruleset.version, ruleset.title
    );
    for domain in &ruleset.domains {
        let members: Vec<&Requirement> = ruleset
            .requirements
            .iter()
            .filter(|r| r.domain == domain.id)
            .collect();
        if members.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n{} {} (domain weight {})",
            domain.id,
            domain.title,
            number(domain.weight)
        );
        for r in members {
            let _ = writeln!(
                out,
                "  {:<8} {}({}) {}",
                r.id,
                if r.mandatory { "M" } else { "W" },
                number(r.weight),
                r.title
            );
        }
    }
    out
}

/// One requirement in full: what satisfies it, how it is measured, what to do.
pub fn show(ruleset: &Ruleset, id: &str) -> Result<String, Failure> {
    let r = ruleset
        .requirements
        .iter()
        .find(|r| r.id.eq_ignore_ascii_case(id))
        .ok_or_else(|| {
            Failure::msg(format!(
                "{id} is not a requirement of {}; see `accredit rules list`",
                ruleset.reference()
            ))
        })?;
    let domain = ruleset
        .domain(&r.domain)
        .map_or(r.domain.as_str(), |d| d.title.as_str());
    let kinds: Vec<&str> = r.check.evidence().iter().map(|k| k.name()).collect();
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", r.id, r.title);
    let _ = writeln!(
        out,
        "{} · weight {} in {} ({}) · {}",
        if r.mandatory {
            "mandatory (gates the verdict)"
        } else {
            "weighted"
        },
        number(r.weight),
        domain,
        r.domain,
        if r.is_waivable() {
            "waivable"
        } else {
            "not waivable"
        }
    );
    let _ = writeln!(out, "\nWhat satisfies it\n  {}", r.description.trim());
    let _ = writeln!(out, "\nHow it is measured\n  {}", r.check.method());
    let _ = writeln!(
        out,
        "  Evidence read: {}. Check kind: `{}`.",
        kinds.join(", "),
        r.check.kind_name()
    );
    let _ = writeln!(out, "\nHow to fix\n  {}", r.remediation.trim());
    Ok(out)
}

/// Prints `text` and ends well.
pub fn print(text: &str) -> Result<Exit, Failure> {
    print!("{text}");
    Ok(Exit::Passed)
}

/// A weight without a needless `.0`.
pub fn number(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        format!("{n}")
    }
}
