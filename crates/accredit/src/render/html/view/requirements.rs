//! Section 5, `sections/requirements.html`: every requirement by domain,
//! with its result, credit and where its evidence is.

use std::collections::{BTreeMap, BTreeSet};

use accredit_core::assess::{Assessment, RequirementResult, WaiverStatus};
use serde::Serialize;

use super::fix_first::gap_status;
use super::{
    FileAnchors, LOCATIONS_SHOWN, LocationView, StatusView, requirement_anchor, result_status,
};
use crate::words::{percent, percent_whole};

/// A domain's requirements.
#[derive(Debug, Serialize)]
pub struct RequirementGroup {
    /// Domain id.
    pub id: String,
    /// Domain title.
    pub title: String,
    /// `87.5%` or `not scored`.
    pub score: String,
    /// Its requirements, in ruleset order.
    pub requirements: Vec<RequirementView>,
}

/// One requirement's row.
#[derive(Debug, Serialize)]
pub struct RequirementView {
    /// The requirement id, e.g. `COV-01`.
    pub id: String,
    /// Row id.
    pub anchor: String,
    /// The requirement's title from the ruleset.
    pub title: String,
    /// Whether it gates the verdict.
    pub mandatory: bool,
    /// Result (the assessor's, when overridden).
    pub result: StatusView,
    /// What the tool found, when an assessor overrode it.
    pub automated: Option<StatusView>,
    /// For gaps: `measured 98.7% against a target of 100%`, beside the result.
    pub measured: Option<String>,
    /// `100%`.
    pub credit: String,
    /// `+31.2` for gaps, empty otherwise.
    pub points: Option<String>,
    /// Rank in the fix-first list, for gaps.
    pub gap_anchor: Option<String>,
    /// Where its findings (and its waiver) point.
    pub evidence: Vec<LocationView>,
    /// Locations not listed.
    pub evidence_hidden: usize,
}

pub(super) fn requirement_groups(
    a: &Assessment,
    anchors: &FileAnchors<'_>,
) -> Vec<RequirementGroup> {
    let gap_rank: BTreeMap<&str, usize> = a
        .gaps
        .iter()
        .enumerate()
        .map(|(n, id)| (id.as_str(), n))
        .collect();
    a.score
        .domains
        .iter()
        .filter_map(|d| {
            let requirements: Vec<RequirementView> = a
                .requirements
                .iter()
                .filter(|r| r.domain == d.id)
                .map(|r| requirement_view(r, a, anchors, gap_rank.contains_key(r.id.as_str())))
                .collect();
            (!requirements.is_empty()).then(|| RequirementGroup {
                id: d.id.clone(),
                title: d.title.clone(),
                score: d.score.map_or_else(|| "not scored".to_string(), percent),
                requirements,
            })
        })
        .collect()
}

fn requirement_view(
    r: &RequirementResult,
    a: &Assessment,
    anchors: &FileAnchors<'_>,
    is_gap: bool,
) -> RequirementView {
    let waiver = r.waived_by.as_ref().and_then(|_| {
        a.waivers
            .iter()
            .find(|w| w.requirement == r.id && w.status == WaiverStatus::Active)
    });
    let places = r
        .findings
        .iter()
        .filter_map(|f| anchors.finding(f))
        .chain(waiver.map(|w| anchors.location(&w.file, w.line)));
    // Each place once, in the order found.
    let mut seen = BTreeSet::new();
    let mut evidence: Vec<LocationView> = Vec::new();
    let mut evidence_hidden = 0;
    for place in places {
        if seen.insert(place.text.clone()) {
            if evidence.len() < LOCATIONS_SHOWN {
                evidence.push(place);
            } else {
                evidence_hidden += 1;
            }
        }
    }
    RequirementView {
        id: r.id.clone(),
        anchor: requirement_anchor(&r.id),
        title: r.title.clone(),
        mandatory: r.mandatory,
        result: if r.result.is_gap() {
            gap_status(r)
        } else {
            result_status(r.result)
        },
        automated: r
            .assessor
            .as_ref()
            .map(|j| result_status(j.automated_result)),
        measured: r
            .measured
            .as_ref()
            .filter(|_| r.result.is_gap())
            .map(crate::words::measured),
        credit: percent_whole(r.credit * 100.0),
        points: is_gap.then(|| format!("+{:.1}", r.points_at_stake)),
        gap_anchor: is_gap.then(|| format!("gap-{}", requirement_anchor(&r.id))),
        evidence,
        evidence_hidden,
    }
}
