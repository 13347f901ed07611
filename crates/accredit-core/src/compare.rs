//! Comparing two scored results: what closed, what is new, what got worse.
//! Used by `--baseline` (CI fails only on regressions) and `accredit diff`.
//!
//! Results are read from their JSON form (format `accredit-result/1`), so a
//! baseline written by an older run of the tool can be compared.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The parts of a JSON result that a comparison reads.
#[derive(Debug, Clone, Deserialize)]
pub struct ResultDigest {
    /// `ready`, `approaching` or `not-ready`.
    pub verdict: String,
    /// The overall and domain scores.
    pub score: ScoreDigest,
    /// Requirement results.
    pub requirements: Vec<RequirementDigest>,
    /// Gap ids in fix-first order.
    pub gaps: Vec<String>,
    /// Validation diagnostics (absent from hand-written digests).
    #[serde(default)]
    pub diagnostics: Vec<DiagnosticDigest>,
}

/// A validation diagnostic in a result: enough to tell whether it is new.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct DiagnosticDigest {
    /// Stable code.
    pub code: String,
    /// Its words, compared with the code to tell a new problem from an old one.
    pub message: String,
}

/// Scores in a result.
#[derive(Debug, Clone, Deserialize)]
pub struct ScoreDigest {
    /// Overall score.
    pub overall: f64,
    /// Per-domain scores.
    pub domains: Vec<DomainDigest>,
}

/// One domain's score.
#[derive(Debug, Clone, Deserialize)]
pub struct DomainDigest {
    /// Domain id.
    pub id: String,
    /// Score, if anything in it counted.
    pub score: Option<f64>,
}

/// One requirement's result.
#[derive(Debug, Clone, Deserialize)]
pub struct RequirementDigest {
    /// The requirement id, e.g. `COV-01`. that pairs it with the other result.
    pub id: String,
    /// The requirement's title (absent from hand-written digests).
    #[serde(default)]
    pub title: String,
    /// Whether the requirement must pass for the pack to be ready.
    #[serde(default)]
    pub mandatory: bool,
    /// Result word.
    pub result: String,
    /// Credit earned, from 0 to 1.
    pub credit: f64,
}

/// What changed between two results.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// Verdict before and after.
    pub verdict: Change<String>,
    /// Overall score before and after.
    pub overall: Change<f64>,
    /// Domain scores before and after (domains in either result).
    pub domains: Vec<DomainChange>,
    /// Gaps in the old result that are no longer gaps.
    pub closed_gaps: Vec<String>,
    /// Gaps that were not gaps before (or did not exist).
    pub new_gaps: Vec<String>,
    /// Gaps in both whose credit fell.
    pub worsened: Vec<String>,
    /// Every requirement whose result or credit changed.
    pub changed: Vec<RequirementChange>,
    /// The baseline's validation diagnostics (to tell new ones from old).
    #[serde(skip)]
    pub old_diagnostics: Vec<DiagnosticDigest>,
}

/// A value before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change<T> {
    /// The value in the baseline (older) result.
    pub old: T,
    /// The value in the newer result.
    pub new: T,
}

/// A domain's score before and after.
#[derive(Debug, Clone, Serialize)]
pub struct DomainChange {
    /// Domain id.
    pub id: String,
    /// Before (None: not scored).
    pub old: Option<f64>,
    /// Score in the newer result (None: not scored).
    pub new: Option<f64>,
}

/// A requirement whose result changed.
#[derive(Debug, Clone, Serialize)]
pub struct RequirementChange {
    /// The requirement id, e.g. `COV-01`.
    pub id: String,
    /// The requirement's title, from the newer result where it has one.
    pub title: String,
    /// Result before (None: not in the old ruleset).
    pub old: Option<String>,
    /// Result after (None: no longer in the ruleset).
    pub new: Option<String>,
    /// Credit before.
    pub old_credit: Option<f64>,
    /// Credit after.
    pub new_credit: Option<f64>,
}

impl Comparison {
    /// Whether anything got worse: a new gap or a gap with less credit.
    pub fn has_regressions(&self) -> bool {
        !self.new_gaps.is_empty() || !self.worsened.is_empty()
    }
}

/// Compares `old` with `new`.
pub fn compare(old: &ResultDigest, new: &ResultDigest) -> Comparison {
    let old_reqs: BTreeMap<&str, &RequirementDigest> = old
        .requirements
        .iter()
        .map(|r| (r.id.as_str(), r))
        .collect();
    let new_reqs: BTreeMap<&str, &RequirementDigest> = new
        .requirements
        .iter()
        .map(|r| (r.id.as_str(), r))
        .collect();
    let closed_gaps = old
        .gaps
        .iter()
        .filter(|g| !new.gaps.contains(g))
        .cloned()
        .collect();
    let new_gaps = new
        .gaps
        .iter()
        .filter(|g| !old.gaps.contains(g))
        .cloned()
        .collect();
    let worsened = new
        .gaps
        .iter()
        .filter(|g| old.gaps.contains(g))
        .filter(
            |g| match (old_reqs.get(g.as_str()), new_reqs.get(g.as_str())) {
                (Some(o), Some(n)) => n.credit < o.credit,
                _ => false,
            },
        )
        .cloned()
        .collect();
    let mut ids: Vec<&str> = new.requirements.iter().map(|r| r.id.as_str()).collect();
    ids.extend(
        old.requirements
            .iter()
            .map(|r| r.id.as_str())
            .filter(|id| !new_reqs.contains_key(id)),
    );
    let changed = ids
        .into_iter()
        .filter_map(|id| {
            let (o, n) = (old_reqs.get(id), new_reqs.get(id));
            let same = matches!((o, n), (Some(o), Some(n)) if o.result == n.result && o.credit == n.credit);
            (!same).then(|| RequirementChange {
                id: id.to_string(),
                title: n.or(o).map(|r| r.title.clone()).unwrap_or_default(),
                old: o.map(|r| r.result.clone()),
                new: n.map(|r| r.result.clone()),
                old_credit: o.map(|r| r.credit),
                new_credit: n.map(|r| r.credit),
            })
        })
        .collect();
    let mut domain_ids: Vec<&str> = new.score.domains.iter().map(|d| d.id.as_str()).collect();
    domain_ids.extend(
        old.score
            .domains
            .iter()
            .map(|d| d.id.as_str())
            .filter(|id| !new.score.domains.iter().any(|d| d.id == *id)),
    );
    let score_of = |digest: &ResultDigest, id: &str| {
        digest
            .score
            .domains
            .iter()
            .find(|d| d.id == id)
            .and_then(|d| d.score)
    };
    Comparison {
        verdict: Change {
            old: old.verdict.clone(),
            new: new.verdict.clone(),
        },
        overall: Change {
            old: old.score.overall,
            new: new.score.overall,
        },
        domains: domain_ids
            .into_iter()
            .map(|id| DomainChange {
                id: id.to_string(),
                old: score_of(old, id),
                new: score_of(new, id),
            })
            .collect(),
        closed_gaps,
        new_gaps,
        worsened,
        changed,
        old_diagnostics: old.diagnostics.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digest(verdict: &str, overall: f64, reqs: &[(&str, &str, f64)]) -> ResultDigest {
        ResultDigest {
            verdict: verdict.into(),
            score: ScoreDigest {
                overall,
                domains: vec![DomainDigest {
                    id: "COV".into(),
                    score: Some(overall),
                }],
            },
            requirements: reqs
                .iter()
                .map(|(id, result, credit)| RequirementDigest {
                    id: (*id).into(),
                    title: String::new(),
                    mandatory: false,
                    result: (*result).into(),
                    credit: *credit,
                })
                .collect(),
            gaps: reqs
                .iter()
                .filter(|(_, r, _)| *r != "pass")
                .map(|(id, _, _)| (*id).into())
                .collect(),
            diagnostics: Vec::new(),
        }
    }

    #[test]
    fn closed_new_and_worsened_gaps() {
        let old = digest(
            "not-ready",
            80.0,
            &[
                ("A-01", "fail", 0.0),
                ("A-02", "pass", 1.0),
                ("A-03", "partial", 0.8),
            ],
        );
        let new = digest(
            "not-ready",
            78.0,
            &[
                ("A-01", "pass", 1.0),
                ("A-02", "fail", 0.0),
                ("A-03", "partial", 0.5),
            ],
        );
        let c = compare(&old, &new);
        assert_eq!(c.closed_gaps, ["A-01"]);
        assert_eq!(c.new_gaps, ["A-02"]);
        assert_eq!(c.worsened, ["A-03"]);
        assert_eq!(c.changed.len(), 3);
        assert!(c.has_regressions());
        let same = compare(&new, &new);
        assert!(!same.has_regressions());
        assert!(same.changed.is_empty());
    }
}
