//! Several documents of one kind (evidence-pack.md, "Several documents of
//! one kind"): nothing is ever silently ignored because another file came
//! first in path order.
//!
//! - ServiceDesk and EscalationPlan: exactly one each. A second is an error
//!   naming both files; it is marked invalid, so the requirements that read
//!   the kind score `error` rather than silently scoring the first.
//! - Rota: documents combine when their periods do not overlap. Overlapping
//!   periods are an error naming both files and the dates they share; the
//!   later rota (in period order) is marked invalid.
//! - Logs and registers combine (see `checks::logs_memo`); Pack is handled
//!   where it is chosen.

use crate::diagnostic::{Code, Diagnostic};
use crate::evidence::{Evidence, Located};
use crate::model::Kind;

/// Runs the checks, marking the documents they reject as invalid.
pub(super) fn check(evidence: &mut Evidence, diagnostics: &mut Vec<Diagnostic>) {
    let extra_desks = exactly_one(&evidence.service_desks, Kind::ServiceDesk, diagnostics);
    mark_invalid(evidence, Kind::ServiceDesk, &extra_desks);
    let extra_plans = exactly_one(
        &evidence.escalation_plans,
        Kind::EscalationPlan,
        diagnostics,
    );
    mark_invalid(evidence, Kind::EscalationPlan, &extra_plans);
    let overlapping = overlapping_rotas(evidence, diagnostics);
    mark_invalid(evidence, Kind::Rota, &overlapping);
}

/// The files of every document after the first, each reported.
fn exactly_one<T>(
    documents: &[Located<T>],
    kind: Kind,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let Some((first, rest)) = documents.split_first() else {
        return Vec::new();
    };
    rest.iter()
        .map(|extra| {
            diagnostics.push(Diagnostic::error(
                Code::SeveralOfKind,
                format!(
                    "a second `kind: {kind}` document: {} and {} are both {kind} documents, and a pack has exactly one; merge them or remove one",
                    first.file, extra.file
                ),
                Some(extra.at("/kind")),
            ));
            extra.file.clone()
        })
        .collect()
}

/// Rotas whose period overlaps an earlier one's, each reported.
fn overlapping_rotas(evidence: &Evidence, diagnostics: &mut Vec<Diagnostic>) -> Vec<String> {
    let mut rotas: Vec<&Located<crate::model::Rota>> = evidence
        .rotas
        .iter()
        .filter(|r| r.value.period.from <= r.value.period.to)
        .collect();
    rotas.sort_by(|a, b| {
        (a.value.period.from, a.file.as_str()).cmp(&(b.value.period.from, b.file.as_str()))
    });
    let mut rejected = Vec::new();
    // The accepted rota that reaches furthest so far (sorted by start, an
    // overlap with any accepted rota is an overlap with that one).
    let mut furthest: Option<&Located<crate::model::Rota>> = None;
    for rota in rotas {
        let period = rota.value.period;
        match furthest {
            Some(earlier) if period.from <= earlier.value.period.to => {
                let to = period.to.min(earlier.value.period.to);
                let shared = if to == period.from {
                    format!("{to}")
                } else {
                    format!("{} to {to}", period.from)
                };
                diagnostics.push(Diagnostic::error(
                    Code::RotaPeriodsOverlap,
                    format!(
                        "the rota periods of {} ({} to {}) and {} ({} to {}) overlap on {shared}; rotas combine only when their periods do not overlap",
                        earlier.file,
                        earlier.value.period.from,
                        earlier.value.period.to,
                        rota.file,
                        period.from,
                        period.to
                    ),
                    Some(rota.at("/period")),
                ));
                rejected.push(rota.file.clone());
            }
            _ => {
                if furthest.is_none_or(|f| period.to > f.value.period.to) {
                    furthest = Some(rota);
                }
            }
        }
    }
    rejected
}

/// Marks `files` invalid in the index and among the invalid files of `kind`,
/// and drops their documents.
fn mark_invalid(evidence: &mut Evidence, kind: Kind, files: &[String]) {
    if files.is_empty() {
        return;
    }
    for file in &mut evidence.files {
        if files.contains(&file.path) {
            file.valid = false;
        }
    }
    let invalid = evidence.invalid.entry(kind).or_default();
    invalid.extend(files.iter().cloned());
    invalid.sort();
    invalid.dedup();
    evidence.drop_documents(kind, files);
}
