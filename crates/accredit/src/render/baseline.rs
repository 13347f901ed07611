//! Baseline mode (`--baseline OLD.json`): each format carries the comparison
//! with the baseline in its own form, and nothing else is added to its
//! stream:
//! - text: the comparison after the assessment;
//! - json: a `baseline` field (the comparison, and whether anything regressed);
//! - markdown: a "Since the baseline" section;
//! - sarif: `baselineState` on every result (in `sarif.rs`);
//! - github: annotations only for new or worse gaps, and a notice with the
//!   comparison;
//! - junit, html: unchanged (one test case per requirement; the full report).

use std::fmt::Write;

use accredit_core::assess::Assessment;
use accredit_core::compare::Comparison;

use super::RenderOptions;

impl RenderOptions {
    /// Whether a gap gets an annotation: always, except in baseline mode,
    /// where only new or worse gaps do (the old ones were accepted).
    pub fn annotates(&self, id: &str) -> bool {
        self.baseline
            .as_deref()
            .is_none_or(|c| c.new_gaps.iter().chain(&c.worsened).any(|g| g == id))
    }
}

/// The JSON result with a `baseline` field holding the comparison.
pub fn json(a: &Assessment, c: &Comparison) -> String {
    let mut value = match serde_json::to_value(a) {
        Ok(value) => value,
        Err(_) => return super::json::render(a),
    };
    if let (Some(object), Ok(mut comparison)) = (value.as_object_mut(), serde_json::to_value(c)) {
        comparison["regressed"] = serde_json::Value::Bool(c.has_regressions());
        object.insert("baseline".to_string(), comparison);
    }
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// The "Since the baseline" section of the Markdown summary.
pub fn markdown(c: &Comparison) -> String {
    format!("\n### Since the baseline\n\n{}", crate::diff::markdown(c))
}

/// The comparison after the text assessment.
pub fn text(c: &Comparison, style: crate::terminal::Style) -> String {
    format!("\nSince the baseline:\n{}", crate::diff::text(c, style))
}

/// With `-q`: one line saying what got worse (or that nothing did), so a
/// failing gate still says why.
pub fn quiet_line(c: &Comparison) -> String {
    let list = |ids: &[String]| {
        if ids.is_empty() {
            "none".to_string()
        } else {
            crate::encode::text::text(&ids.join(", ")).into_owned()
        }
    };
    format!(
        "Since the baseline: new gaps {}; worse {}; closed {}\n",
        list(&c.new_gaps),
        list(&c.worsened),
        list(&c.closed_gaps)
    )
}

/// The workflow-command notice that sums up the comparison (the gaps already
/// in the baseline get no annotation).
pub fn github_notice(c: &Comparison) -> String {
    let mut out = String::new();
    let list = |ids: &[String]| {
        if ids.is_empty() {
            "none".to_string()
        } else {
            crate::encode::github::data(&ids.join(" "))
        }
    };
    let _ = writeln!(
        out,
        "::notice title=accredit baseline::overall {:.1}% → {:.1}%; new gaps: {}; worse: {}; closed: {} (gaps already in the baseline are not annotated)",
        c.overall.old,
        c.overall.new,
        list(&c.new_gaps),
        list(&c.worsened),
        list(&c.closed_gaps)
    );
    out
}
