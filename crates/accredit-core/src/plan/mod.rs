//! The improvement plan (DSPT) or plan of action and milestones (OSCAL):
//! the fix-first gaps of an assessment turned into work, each with its
//! action made specific by the findings, an owner and a due date.
//!
//! - Invalid evidence comes first: one item naming each file with
//!   validation errors (nothing else can be relied on until it is fixed).
//! - Then one item per gap (every counted requirement not `pass` or validly
//!   `waived`), in the assessment's fix-first order.
//! - Owner: the `owner` of the Procedure, Document or EscalationPlan the
//!   gap's findings point at; otherwise the pack's `contact.name`;
//!   otherwise `unassigned`.
//! - Due: `assessment.start` − `plan_lead_days`, or the run date if that has passed.

use std::collections::BTreeSet;

use jiff::Span;
use jiff::civil::Date;
use serde::Serialize;

use crate::assess::{Assessment, FindingOut, Status, Verdict};
use crate::diagnostic::Diagnostic;
use crate::evidence::Evidence;
use crate::ruleset::Ruleset;

/// Version of the plan JSON format.
pub const PLAN_FORMAT: &str = "accredit-plan/1";

/// The id of the invalid-evidence item (it is no requirement's).
pub const INVALID_EVIDENCE: &str = "EVIDENCE";

/// How many findings an action names before it says how many more there are.
const ACTION_FINDINGS: usize = 8;

/// The improvement plan of one pack.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    /// Format version.
    pub format: &'static str,
    /// Trust name.
    pub organisation: String,
    /// ODS code as written.
    pub ods_code: Option<String>,
    /// The run date.
    pub as_of: Date,
    /// The assessment start.
    pub assessment_start: Date,
    /// The ruleset's `plan_lead_days`.
    pub plan_lead_days: u16,
    /// The verdict the plan works from.
    pub verdict: Verdict,
    /// The overall score now.
    pub overall: f64,
    /// The ruleset (`id@version`).
    pub ruleset: String,
    /// The work, in fix-first order.
    pub items: Vec<PlanItem>,
}

/// Where an item's owner comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OwnerSource {
    /// The `owner` of the evidence document the gap concerns.
    Document,
    /// The pack's `contact.name`.
    Contact,
    /// Nobody is named.
    Unassigned,
}

/// One piece of work.
#[derive(Debug, Clone, Serialize)]
pub struct PlanItem {
    /// Position, from 1.
    pub rank: usize,
    /// The requirement id, or `EVIDENCE` for invalid evidence.
    pub requirement: String,
    /// Its title.
    pub title: String,
    /// The requirement's domain (empty for invalid evidence).
    pub domain: String,
    /// Mandatory requirement (or invalid evidence): blocks a `ready` verdict.
    pub blocking: bool,
    /// Mandatory in the ruleset.
    pub mandatory: bool,
    /// The result now (`error` for invalid evidence).
    pub result: Status,
    /// How much the overall score rises when it is closed.
    pub points_at_stake: f64,
    /// What was found, where.
    pub findings: Vec<FindingOut>,
    /// What to do: the ruleset's remediation, made specific by the findings.
    pub action: String,
    /// Who does it.
    pub owner: String,
    /// Where the owner comes from.
    pub owner_source: OwnerSource,
    /// The evidence files the item concerns.
    pub files: Vec<String>,
    /// By when.
    pub due: Date,
}

/// The plan for `assessment` of `evidence` under `ruleset`.
pub fn plan(evidence: &Evidence, ruleset: &Ruleset, assessment: &Assessment) -> Plan {
    let start = assessment.applicant.assessment_start;
    let lead = start
        .checked_sub(Span::new().days(i64::from(ruleset.plan_lead_days)))
        .unwrap_or(start);
    let due = lead.max(assessment.as_of);
    let contact = evidence
        .pack
        .as_ref()
        .and_then(|p| p.value.contact.as_ref())
        .and_then(|c| c.name.as_deref())
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let owner_of = |files: &[String]| -> (String, OwnerSource) {
        if let Some(owner) = files.iter().find_map(|f| document_owner(evidence, f)) {
            return (owner, OwnerSource::Document);
        }
        match contact {
            Some(name) => (name.to_string(), OwnerSource::Contact),
            None => ("unassigned".to_string(), OwnerSource::Unassigned),
        }
    };
    let mut items = Vec::new();
    if assessment.evidence_invalid() {
        let errors: Vec<&Diagnostic> = evidence
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .collect();
        let findings: Vec<FindingOut> = errors.iter().map(|d| diagnostic_finding(d)).collect();
        let files: Vec<String> = unique_files(&findings);
        let (owner, owner_source) = owner_of(&files);
        let named = if files.is_empty() {
            "the pack".to_string()
        } else {
            files.join(", ")
        };
        items.push(PlanItem {
            rank: 0,
            requirement: INVALID_EVIDENCE.to_string(),
            title: "Make the evidence valid".to_string(),
            domain: String::new(),
            blocking: true,
            mandatory: true,
            result: Status::Error,
            points_at_stake: 0.0,
            action: specific(
                &format!(
                    "Fix the validation errors in {named}; `accredit validate` shows each one. No gate passes while evidence is invalid."
                ),
                &findings,
            ),
            findings,
            owner,
            owner_source,
            files,
            due,
        });
    }
    for id in &assessment.gaps {
        let Some(result) = assessment.requirements.iter().find(|r| &r.id == id) else {
            continue;
        };
        let files = unique_files(&result.findings);
        let (owner, owner_source) = owner_of(&files);
        items.push(PlanItem {
            rank: 0,
            requirement: result.id.clone(),
            title: result.title.clone(),
            domain: result.domain.clone(),
            blocking: result.mandatory,
            mandatory: result.mandatory,
            result: result.result,
            points_at_stake: result.points_at_stake,
            action: specific(&result.remediation, &result.findings),
            findings: result.findings.clone(),
            owner,
            owner_source,
            files,
            due,
        });
    }
    for (i, item) in items.iter_mut().enumerate() {
        item.rank = i + 1;
    }
    Plan {
        format: PLAN_FORMAT,
        organisation: assessment.applicant.organisation.clone(),
        ods_code: assessment.applicant.ods_code.clone(),
        as_of: assessment.as_of,
        assessment_start: start,
        plan_lead_days: ruleset.plan_lead_days,
        verdict: assessment.verdict,
        overall: assessment.score.overall,
        ruleset: format!("{}@{}", assessment.ruleset.id, assessment.ruleset.version),
        items,
    }
}

/// The `owner` written in the Procedure, Document or EscalationPlan at `file`.
fn document_owner(evidence: &Evidence, file: &str) -> Option<String> {
    let owner = evidence
        .procedures
        .iter()
        .find(|d| d.file == file)
        .and_then(|d| d.value.front.control.owner.clone())
        .or_else(|| {
            evidence
                .documents
                .iter()
                .find(|d| d.file == file)
                .and_then(|d| d.value.front.control.owner.clone())
        })
        .or_else(|| {
            evidence
                .escalation_plans
                .iter()
                .find(|d| d.file == file)
                .and_then(|d| d.value.control.owner.clone())
        })?;
    let owner = owner.trim();
    (!owner.is_empty()).then(|| owner.to_string())
}

/// The files findings point at, in order of first appearance.
fn unique_files(findings: &[FindingOut]) -> Vec<String> {
    let mut seen = BTreeSet::new();
    findings
        .iter()
        .filter_map(|f| f.file.clone())
        .filter(|f| seen.insert(f.clone()))
        .collect()
}

/// A finding's place: `file:line:col`, `file:line` or `file`.
pub fn place(finding: &FindingOut) -> Option<String> {
    finding
        .file
        .as_ref()
        .map(|file| match (finding.line, finding.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
            (Some(l), None) => format!("{file}:{l}"),
            _ => file.clone(),
        })
}

/// The remediation followed by what this pack must change: each finding
/// (which names the files, staff IDs and dates) with its place.
fn specific(remediation: &str, findings: &[FindingOut]) -> String {
    let remediation = remediation.split_whitespace().collect::<Vec<_>>().join(" ");
    if findings.is_empty() {
        return remediation;
    }
    let mut parts: Vec<String> = findings
        .iter()
        .take(ACTION_FINDINGS)
        .map(|f| match place(f) {
            Some(at) => format!("{} ({at})", f.message),
            None => f.message.clone(),
        })
        .collect();
    if findings.len() > ACTION_FINDINGS {
        parts.push(format!(
            "and {} more finding(s)",
            findings.len() - ACTION_FINDINGS
        ));
    }
    format!("{remediation} In this pack: {}.", parts.join("; "))
}

/// A validation error as a plan finding.
fn diagnostic_finding(diagnostic: &Diagnostic) -> FindingOut {
    let location = diagnostic.location.as_ref();
    FindingOut {
        code: diagnostic.code.as_str(),
        message: diagnostic.message.clone(),
        file: location.map(|l| l.file.clone()),
        line: location.and_then(|l| l.line()),
        column: location.and_then(|l| l.position.map(|p| p.column)),
    }
}

#[cfg(test)]
mod tests;
