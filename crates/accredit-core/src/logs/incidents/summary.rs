//! The incident log summary: what was measured for TOOL-04..06 and the
//! findings that explain it.

use serde::Serialize;

use super::{IncidentTally, SLOTS_PER_WEEK, SeverityTally, SeverityTargets};
use crate::finding::Finding;
use crate::location::Location;
use crate::logs::{RowTally, codes, listing, share};

/// What the incident log shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncidentSummary {
    /// Rows read and skipped.
    pub rows: RowTally,
    /// Distinct incidents counted (valid rows, first occurrence of each reference).
    pub incidents: u64,
    /// Hour-of-week slots with an incident opened (TOOL-04).
    pub hour_of_week: HourOfWeekCoverage,
    /// External references on referrals (TOOL-05).
    pub referrals: ReferralSummary,
    /// Responses within target (TOOL-06).
    pub responses: ResponseSummary,
    /// Bad rows and duplicate references, each with its line.
    pub findings: Vec<Finding>,
}

/// Which of the 168 local hour-of-week slots had at least one incident opened.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HourOfWeekCoverage {
    /// Slots with an incident (0 to 168).
    pub slots_with_incidents: u32,
    /// `slots_with_incidents / 168`.
    pub share: f64,
    /// The slots without one, e.g. `Sun 03:00–04:00`.
    pub missing: Vec<String>,
    /// What was found, for TOOL-04.
    pub findings: Vec<Finding>,
}

/// Incidents referred to the LSP or the national service desk.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReferralSummary {
    /// Incidents referred to `lsp` or `national`.
    pub referred: u64,
    /// Of those, how many carry an external reference.
    pub with_external_reference: u64,
    /// `with_external_reference / referred`; `None` when nothing was referred.
    pub share: Option<f64>,
    /// The first referrals without an external reference (at most 20).
    pub without_external_reference: Vec<LoggedIncident>,
    /// What was found, for TOOL-05.
    pub findings: Vec<Finding>,
}

/// An incident named in a finding: its reference and CSV line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoggedIncident {
    /// The desk's incident reference.
    pub reference: String,
    /// Line in the CSV.
    pub line: u32,
}

/// Responses measured against each severity's target, over real time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResponseSummary {
    /// Incidents whose severity has a target.
    pub measured: u64,
    /// Of those, responded to within the target.
    pub on_time: u64,
    /// `on_time / measured`; `None` when nothing could be measured.
    pub share: Option<f64>,
    /// The same per severity, 1 to 5.
    pub severities: Vec<SeverityResponse>,
    /// What was found, for TOOL-06.
    pub findings: Vec<Finding>,
}

/// Responses for one severity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeverityResponse {
    /// 1 (worst) to 5.
    pub severity: u8,
    /// The target, if the plan sets one.
    pub respond_within_minutes: Option<u32>,
    /// Incidents of this severity.
    pub incidents: u64,
    /// Responded to within the target.
    pub on_time: u64,
    /// With no response recorded (never on time).
    pub not_responded: u64,
}

impl IncidentTally {
    /// The summary of a finished pass over the log.
    pub(super) fn into_summary(
        self,
        rows: RowTally,
        findings: Vec<Finding>,
        targets: &SeverityTargets,
        file: &str,
    ) -> IncidentSummary {
        IncidentSummary {
            rows,
            incidents: self.incidents,
            hour_of_week: hour_of_week(&self.slots, file),
            referrals: referrals(&self, file),
            responses: responses(&self.severities, targets, file),
            findings,
        }
    }
}

/// A readable name for a run of slots `first..=last`, e.g. `Sun 03:00–04:00`
/// or `Sat 22:00–Sun 02:00`.
fn slot_label(first: usize, last: usize) -> String {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let day = |slot: usize| DAYS[slot / 24 % 7];
    let (start_day, start_hour) = (day(first), first % 24);
    let end_hour = last % 24 + 1;
    if first / 24 == last / 24 {
        format!("{start_day} {start_hour:02}:00–{end_hour:02}:00")
    } else {
        format!(
            "{start_day} {start_hour:02}:00–{} {end_hour:02}:00",
            day(last)
        )
    }
}

fn hour_of_week(slots: &[bool; SLOTS_PER_WEEK], file: &str) -> HourOfWeekCoverage {
    let missing_slots: Vec<usize> = (0..SLOTS_PER_WEEK).filter(|&s| !slots[s]).collect();
    let covered = SLOTS_PER_WEEK - missing_slots.len();
    let mut findings = Vec::new();
    if !missing_slots.is_empty() {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for &slot in &missing_slots {
            match runs.last_mut() {
                Some((_, last)) if *last + 1 == slot => *last = slot,
                _ => runs.push((slot, slot)),
            }
        }
        let labels: Vec<String> = runs.iter().map(|&(a, b)| slot_label(a, b)).collect();
        findings.push(Finding::new(
            codes::SLOTS_WITHOUT_INCIDENTS,
            format!(
                "no incident was opened in {} of the {SLOTS_PER_WEEK} hours of the week (local time): {}",
                missing_slots.len(),
                labels.join(", ")
            ),
            Some(Location::file(file)),
        ));
    }
    HourOfWeekCoverage {
        slots_with_incidents: u32::try_from(covered).unwrap_or(0),
        share: share(covered as u64, SLOTS_PER_WEEK as u64).unwrap_or(0.0),
        missing: missing_slots.iter().map(|&s| slot_label(s, s)).collect(),
        findings,
    }
}

fn referrals(tally: &IncidentTally, file: &str) -> ReferralSummary {
    let lacking = tally.referred - tally.with_reference;
    let mut findings = Vec::new();
    if lacking > 0 {
        let listed = tally
            .without_reference
            .iter()
            .map(|i| format!("{} (line {})", i.reference, i.line));
        findings.push(Finding::new(
            codes::REFERRAL_WITHOUT_REFERENCE,
            format!(
                "{lacking} of {} incidents referred to the LSP or the national service desk carry no external reference: {}",
                tally.referred,
                listing(listed, usize::try_from(lacking).unwrap_or(usize::MAX))
            ),
            Some(Location::file(file)),
        ));
    }
    ReferralSummary {
        referred: tally.referred,
        with_external_reference: tally.with_reference,
        share: share(tally.with_reference, tally.referred),
        without_external_reference: tally.without_reference.clone(),
        findings,
    }
}

fn responses(
    severities: &[SeverityTally; 5],
    targets: &SeverityTargets,
    file: &str,
) -> ResponseSummary {
    let mut summary = ResponseSummary {
        measured: 0,
        on_time: 0,
        share: None,
        severities: Vec::new(),
        findings: Vec::new(),
    };
    for (severity, counts) in (1u8..).zip(severities) {
        let target = targets.respond_within(severity);
        let late = counts.incidents - counts.on_time;
        match target {
            Some(minutes) => {
                summary.measured += counts.incidents;
                summary.on_time += counts.on_time;
                if late > 0 {
                    summary.findings.push(Finding::new(
                        codes::RESPONSE_LATE,
                        format!(
                            "severity {severity}: {late} of {} incidents were not responded to within {minutes} minutes ({} with no response recorded)",
                            counts.incidents, counts.not_responded
                        ),
                        Some(Location::file(file)),
                    ));
                }
            }
            None if counts.incidents > 0 => summary.findings.push(Finding::new(
                codes::SEVERITY_WITHOUT_TARGET,
                format!(
                    "severity {severity} has no response target in the escalation plan, so its {} incidents are not measured",
                    counts.incidents
                ),
                Some(Location::file(file)),
            )),
            None => {}
        }
        summary.severities.push(SeverityResponse {
            severity,
            respond_within_minutes: target,
            incidents: counts.incidents,
            on_time: counts.on_time,
            not_responded: counts.not_responded,
        });
    }
    summary.share = share(summary.on_time, summary.measured);
    summary
}
