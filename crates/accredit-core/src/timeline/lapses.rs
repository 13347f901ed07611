//! The lapse calendar: every dated piece of evidence and the first
//! assessment start from which it stops counting, derived from the ruleset's
//! parameters (look-back lengths, the window length).

use jiff::Span;
use jiff::civil::Date;
use serde::Serialize;

use crate::checks::Check;
use crate::checks::escalation::rehearsals::lsp_took_part;
use crate::evidence::Evidence;
use crate::location::Location;
use crate::model::TestResult;
use crate::ruleset::Ruleset;

/// Why a piece of evidence stops counting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LapseCause {
    /// A test ages past its look-back.
    TestAge,
    /// Training ages past its look-back.
    TrainingAge,
    /// A document's approval ages past its look-back.
    ApprovalAge,
    /// A document's `review_due` falls before the window ends.
    ReviewDue,
    /// The rota's period ends before the window does.
    RotaPeriodEnd,
    /// A waiver expires before the window ends.
    WaiverExpiry,
    /// An open test action falls overdue at the start.
    ActionDue,
}

impl LapseCause {
    /// As written in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            LapseCause::TestAge => "test-age",
            LapseCause::TrainingAge => "training-age",
            LapseCause::ApprovalAge => "approval-age",
            LapseCause::ReviewDue => "review-due",
            LapseCause::RotaPeriodEnd => "rota-period-end",
            LapseCause::WaiverExpiry => "waiver-expiry",
            LapseCause::ActionDue => "action-due",
        }
    }
}

/// One entry of the lapse calendar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lapse {
    /// The first assessment start on which the evidence no longer counts.
    pub from: Date,
    /// The requirement it counts for.
    pub requirement: String,
    /// Why it stops counting.
    pub cause: LapseCause,
    /// The date written in the evidence.
    pub dated: Date,
    /// The evidence, e.g. "the escalation test of 2008-05-03".
    pub evidence: String,
    /// Why, from `from` on: "is more than 183 days old".
    pub reason: String,
    /// Where the date is written (`file:line:col`).
    pub location: String,
}

impl Lapse {
    /// The sentence the timeline gives as a reason:
    /// "the escalation test of 2008-05-03 (escalation/test.yaml:3:7) is more than 183 days old".
    pub fn sentence(&self) -> String {
        format!("{} ({}) {}", self.evidence, self.location, self.reason)
    }
}

fn plus_days(date: Date, days: i64) -> Date {
    date.checked_add(Span::new().days(days)).unwrap_or(date)
}

/// The first start on which a look-back of `days` no longer reaches `dated`.
fn aged_out(dated: Date, days: u32) -> Date {
    plus_days(dated, i64::from(days) + 1)
}

/// The first start whose window (of `window_days`) ends after `last`.
fn window_passes(last: Date, window_days: u16) -> Date {
    plus_days(last, 2 - i64::from(window_days))
}

/// Every lapse of the pack's evidence under `ruleset`, sorted by date, then
/// requirement and location. Tests, training and approvals dated after the
/// run date `as_of` are left out: they are future-dated and never count.
pub fn lapse_calendar(evidence: &Evidence, ruleset: &Ruleset, as_of: Date) -> Vec<Lapse> {
    let mut out = Vec::new();
    let lsp = evidence
        .pack
        .as_ref()
        .map(|p| p.value.lsp.name.trim().to_string())
        .unwrap_or_default();
    for requirement in &ruleset.requirements {
        let id = requirement.id.as_str();
        let mut push = |from, cause, dated, evidence: String, reason: String, at: Location| {
            out.push(Lapse {
                from,
                requirement: id.to_string(),
                cause,
                dated,
                evidence,
                reason,
                location: at.to_string(),
            });
        };
        match &requirement.check {
            Check::EscalationTested(c) => {
                for test in &evidence.escalation_tests {
                    let record = &test.value.record;
                    if record.result == TestResult::Pass && lsp_took_part(record, &lsp) {
                        push(
                            aged_out(record.date, c.max_age_days),
                            LapseCause::TestAge,
                            record.date,
                            format!("the escalation test of {}", record.date),
                            format!("is more than {} days old", c.max_age_days),
                            test.at("/date"),
                        );
                    }
                }
            }
            Check::EscalationTestCoverage(c) => {
                for test in &evidence.escalation_tests {
                    let record = &test.value.record;
                    let counts = test.value.out_of_hours || test.value.severity == Some(1);
                    if record.result == TestResult::Pass && counts {
                        push(
                            aged_out(record.date, c.within_days),
                            LapseCause::TestAge,
                            record.date,
                            format!("the escalation test of {}", record.date),
                            format!("is more than {} days old", c.within_days),
                            test.at("/date"),
                        );
                    }
                }
            }
            Check::ScenarioTestsPerApplication(c) => {
                for test in &evidence.scenario_tests {
                    let record = &test.value.record;
                    if record.result == TestResult::Pass && test.value.end_to_end {
                        push(
                            aged_out(record.date, c.within_days),
                            LapseCause::TestAge,
                            record.date,
                            format!(
                                "the {} scenario test of {}",
                                test.value.application, record.date
                            ),
                            format!("is more than {} days old", c.within_days),
                            test.at("/date"),
                        );
                    }
                }
            }
            Check::DocumentApproved(c) => {
                for document in &evidence.documents {
                    let front = &document.value.front;
                    if front.document_type != c.document_type {
                        continue;
                    }
                    if let Some(on) = front.control.approved_on {
                        push(
                            aged_out(on, c.max_age_days),
                            LapseCause::ApprovalAge,
                            on,
                            format!("the {} approval of {on}", c.document_type.as_str()),
                            format!("is more than {} days old", c.max_age_days),
                            document.at("/approved_on"),
                        );
                    }
                }
            }
            Check::DocumentControl(_) => {
                let procedures = evidence.procedures.iter().map(|d| {
                    (
                        d.file.as_str(),
                        d.value.front.control.review_due,
                        d.at("/review_due"),
                    )
                });
                let documents = evidence.documents.iter().map(|d| {
                    (
                        d.file.as_str(),
                        d.value.front.control.review_due,
                        d.at("/review_due"),
                    )
                });
                for (file, due, at) in procedures.chain(documents) {
                    if let Some(due) = due {
                        push(
                            window_passes(due, ruleset.window_days),
                            LapseCause::ReviewDue,
                            due,
                            format!("the review of {file} due on {due}"),
                            "falls before the end of the assessment window".to_string(),
                            at,
                        );
                    }
                }
            }
            Check::RotaStaffed(_) => {
                for rota in &evidence.rotas {
                    let to = rota.value.period.to;
                    push(
                        window_passes(to, ruleset.window_days),
                        LapseCause::RotaPeriodEnd,
                        to,
                        format!("the rota period ending {to}"),
                        "ends before the assessment window does, leaving it unstaffed".to_string(),
                        rota.at("/period/to"),
                    );
                }
            }
            Check::TestActionsNotOverdue(_) => {
                let escalation = evidence
                    .escalation_tests
                    .iter()
                    .map(|t| (&t.value.record, t.file.as_str(), t as &dyn Locate));
                let scenario = evidence
                    .scenario_tests
                    .iter()
                    .map(|t| (&t.value.record, t.file.as_str(), t as &dyn Locate));
                for (record, file, test) in escalation.chain(scenario) {
                    for (i, action) in record.actions.iter().enumerate() {
                        if let (false, Some(due)) = (action.closed, action.due) {
                            push(
                                plus_days(due, 1),
                                LapseCause::ActionDue,
                                due,
                                format!(
                                    "the open action \"{}\" from {file} due on {due}",
                                    action.description.trim()
                                ),
                                "is overdue at the assessment start".to_string(),
                                test.locate(&format!("/actions/{i}/due")),
                            );
                        }
                    }
                }
            }
            _ => {}
        }
    }
    for waiver in &evidence.waivers {
        let expires = waiver.value.expires;
        out.push(Lapse {
            from: window_passes(expires, ruleset.window_days),
            requirement: waiver.value.requirement.clone(),
            cause: LapseCause::WaiverExpiry,
            dated: expires,
            evidence: format!("the waiver {} expiring {expires}", waiver.file),
            reason: "expires before the end of the assessment window".to_string(),
            location: waiver.at("/expires").to_string(),
        });
    }
    out.extend(super::training::training_lapses(evidence, ruleset));
    out.retain(|l| {
        let dated_evidence = matches!(
            l.cause,
            LapseCause::TestAge | LapseCause::TrainingAge | LapseCause::ApprovalAge
        );
        !dated_evidence || l.dated <= as_of
    });
    out.sort_by(|a, b| {
        (a.from, &a.requirement, &a.location, &a.evidence).cmp(&(
            b.from,
            &b.requirement,
            &b.location,
            &b.evidence,
        ))
    });
    out
}

/// A located document, whatever its type.
trait Locate {
    fn locate(&self, pointer: &str) -> Location;
}

impl<T> Locate for crate::evidence::Located<T> {
    fn locate(&self, pointer: &str) -> Location {
        self.at(pointer)
    }
}
