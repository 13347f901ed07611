//! The scoring model (XCCDF's default model, one level deep): domain score =
//! Σ(weight × credit) / Σ(weight) over counted requirements; overall = the
//! same over domains with their weights. Points at stake = how much the
//! overall score rises if a gap is closed.

use std::cmp::Ordering;

use super::result::{DomainScore, RequirementResult, Score, Status, Verdict};
use super::{round, shown_score};
use crate::ruleset::Ruleset;

/// Scores the results and fills in each gap's points at stake.
pub(super) fn score(ruleset: &Ruleset, results: &mut [RequirementResult]) -> Score {
    let mut domains = Vec::new();
    // (domain weight, counted requirement weight) for domains that count.
    let mut active: Vec<(String, f64, f64)> = Vec::new();
    let mut weighted_sum = 0.0;
    for domain in &ruleset.domains {
        let members: Vec<&RequirementResult> =
            results.iter().filter(|r| r.domain == domain.id).collect();
        let counted: Vec<&&RequirementResult> =
            members.iter().filter(|r| r.result.is_counted()).collect();
        let weight_total: f64 = counted.iter().map(|r| r.weight).sum();
        let score = (weight_total > 0.0).then(|| {
            100.0 * counted.iter().map(|r| r.weight * r.credit).sum::<f64>() / weight_total
        });
        if let Some(s) = score
            && domain.weight > 0.0
        {
            active.push((domain.id.clone(), domain.weight, weight_total));
            weighted_sum += domain.weight * s;
        }
        let mandatory: Vec<&&RequirementResult> = members.iter().filter(|r| r.mandatory).collect();
        domains.push(DomainScore {
            id: domain.id.clone(),
            title: domain.title.clone(),
            weight: domain.weight,
            score: score.map(|s| shown_score(s, 100.0)),
            passed: counted.iter().filter(|r| r.result == Status::Pass).count(),
            counted: counted.len(),
            mandatory_met: mandatory.iter().filter(|r| mandatory_met(r)).count(),
            mandatory_total: mandatory.len(),
        });
    }
    let domain_weight_total: f64 = active.iter().map(|(_, w, _)| w).sum();
    let overall = if domain_weight_total > 0.0 {
        weighted_sum / domain_weight_total
    } else {
        0.0
    };
    for result in results.iter_mut() {
        if !result.result.is_counted() {
            continue;
        }
        if let Some((_, domain_weight, requirement_weight)) =
            active.iter().find(|(id, _, _)| *id == result.domain)
        {
            let rise = 100.0
                * (domain_weight / domain_weight_total)
                * result.weight
                * (1.0 - result.credit)
                / requirement_weight;
            result.points_at_stake = round(rise, 2);
        }
    }
    let counted: Vec<&RequirementResult> =
        results.iter().filter(|r| r.result.is_counted()).collect();
    let mandatory: Vec<&RequirementResult> = results.iter().filter(|r| r.mandatory).collect();
    Score {
        overall: shown_score(overall, 100.0),
        ready_threshold: ruleset.ready_threshold,
        passed: counted.iter().filter(|r| r.result == Status::Pass).count(),
        counted: counted.len(),
        mandatory_met: mandatory.iter().filter(|r| mandatory_met(r)).count(),
        mandatory_total: mandatory.len(),
        domains,
    }
}

/// A mandatory requirement is met when it passes, is validly waived or does not apply.
fn mandatory_met(result: &RequirementResult) -> bool {
    matches!(
        result.result,
        Status::Pass | Status::Waived | Status::NotApplicable
    )
}

/// `not-ready` if any mandatory requirement is unmet; else `ready` at or above
/// the threshold, `approaching` below it.
pub(super) fn verdict(ruleset: &Ruleset, results: &[RequirementResult], overall: f64) -> Verdict {
    if results.iter().any(|r| r.mandatory && !mandatory_met(r)) {
        Verdict::NotReady
    } else if round(overall, 2) >= ruleset.ready_threshold {
        Verdict::Ready
    } else {
        Verdict::Approaching
    }
}

/// Gap ids: mandatory first, then by points at stake (most first), then in
/// ruleset order.
pub(super) fn fix_first(results: &[RequirementResult]) -> Vec<String> {
    let mut gaps: Vec<(usize, &RequirementResult)> = results
        .iter()
        .enumerate()
        .filter(|(_, r)| r.result.is_gap())
        .collect();
    gaps.sort_by(|(ia, a), (ib, b)| {
        b.mandatory
            .cmp(&a.mandatory)
            .then(
                b.points_at_stake
                    .partial_cmp(&a.points_at_stake)
                    .unwrap_or(Ordering::Equal),
            )
            .then(ia.cmp(ib))
    });
    gaps.into_iter().map(|(_, r)| r.id.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ruleset::Ruleset;

    fn result(
        id: &str,
        domain: &str,
        mandatory: bool,
        weight: f64,
        result: Status,
        credit: f64,
    ) -> RequirementResult {
        RequirementResult {
            id: id.into(),
            domain: domain.into(),
            title: String::new(),
            mandatory,
            weight,
            result,
            credit,
            points_at_stake: 0.0,
            measured: None,
            findings: vec![],
            description: String::new(),
            remediation: String::new(),
            waived_by: None,
            assessor: None,
            check: "",
        }
    }

    #[test]
    fn scores_points_at_stake_and_fix_first_order() {
        let ruleset = Ruleset::builtin();
        // COV (20): 5 pass + 3 fail; TOOL (15): 3 pass + 1 partial(0.5); ORG (5): 2 pass, 1 waived.
        let mut results = vec![
            result("COV-01", "COV", true, 5.0, Status::Pass, 1.0),
            result("COV-03", "COV", true, 3.0, Status::Fail, 0.0),
            result("TOOL-01", "TOOL", true, 3.0, Status::Pass, 1.0),
            result("TOOL-03", "TOOL", false, 1.0, Status::Partial, 0.5),
            result("ORG-01", "ORG", true, 2.0, Status::Pass, 1.0),
            result("ORG-02", "ORG", false, 1.0, Status::Waived, 0.0),
        ];
        let score = score(&ruleset, &mut results);
        // COV 62.5, TOOL 87.5, ORG 100 → (20·62.5 + 15·87.5 + 5·100) / 40 = 76.5625
        assert_eq!(score.overall, 76.56);
        assert_eq!(
            score.domains.iter().find(|d| d.id == "COV").unwrap().score,
            Some(62.5)
        );
        // closing COV-03 adds 20/40 · 3/8 · 100 = 18.75; TOOL-03 adds 15/40 · 0.5/4 · 100 = 4.6875
        assert_eq!(results[1].points_at_stake, 18.75);
        assert_eq!(results[3].points_at_stake, 4.69);
        assert_eq!(
            results[5].points_at_stake, 0.0,
            "waived requirements have nothing at stake"
        );
        assert_eq!(score.counted, 5);
        assert_eq!(score.mandatory_met, 3);
        assert_eq!(
            verdict(&ruleset, &results, score.overall),
            Verdict::NotReady
        );
        assert_eq!(fix_first(&results), ["COV-03", "TOOL-03"]);
        results[1].result = Status::Pass;
        results[1].credit = 1.0;
        let score = super::score(&ruleset, &mut results);
        assert_eq!(score.overall, 95.31);
        assert_eq!(verdict(&ruleset, &results, score.overall), Verdict::Ready);
    }
}
