//! Section 2, `sections/domains.html`: the domain scores (the table; the
//! chart is [`crate::render::html::charts`]).

use accredit_core::assess::DomainScore;
use serde::Serialize;

use super::{StatusView, status};
use crate::words::{self, percent};

/// One domain's row in the score table.
#[derive(Debug, Serialize)]
pub struct DomainView {
    /// The domain id from the ruleset, e.g. `COV`.
    pub id: String,
    /// The domain's title, as the report heads it.
    pub title: String,
    /// `20`.
    pub weight: String,
    /// `87.5%` or `not scored`.
    pub score: String,
    /// Whether anything in it is counted.
    pub scored: bool,
    /// Requirements passed.
    pub passed: usize,
    /// Requirements counted.
    pub counted: usize,
    /// Mandatory requirements met.
    pub mandatory_met: usize,
    /// Mandatory requirements in all.
    pub mandatory_total: usize,
    /// All mandatory met, some not, or none to meet.
    pub mandatory: StatusView,
}

pub(super) fn domain_view(d: &DomainScore) -> DomainView {
    let mandatory = if d.mandatory_total == 0 {
        status("–", "none", "neutral")
    } else if d.mandatory_met >= d.mandatory_total {
        status("✓", "all met", "good")
    } else {
        status("✗", "not all met", "bad")
    };
    DomainView {
        id: d.id.clone(),
        title: d.title.clone(),
        weight: words::number(d.weight),
        score: d.score.map_or_else(|| "not scored".to_string(), percent),
        scored: d.score.is_some(),
        passed: d.passed,
        counted: d.counted,
        mandatory_met: d.mandatory_met,
        mandatory_total: d.mandatory_total,
        mandatory,
    }
}
