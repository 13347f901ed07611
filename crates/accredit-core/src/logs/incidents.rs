//! The incident log: 24/7 operation by hour-of-week slot (TOOL-04), external
//! references on referrals (TOOL-05) and response within each severity's
//! target (TOOL-06), measured in one streaming pass.

use std::io::Read;

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use super::BadRow;
use super::reader::{Export, Row, Strategy, Streamed, stream_exports};
use super::references::ReferenceSet;
use super::zone::Zone;
use super::{LogSource, LogUnreadable, MAX_LISTED, codes};
use crate::model::EscalationPlan;

mod summary;
#[cfg(any(test, feature = "test-support"))]
mod synthetic;

pub use summary::{
    HourOfWeekCoverage, IncidentSummary, LoggedIncident, ReferralSummary, ResponseSummary,
    SeverityResponse,
};
#[cfg(any(test, feature = "test-support"))]
pub use synthetic::synthetic_incident_csv;

/// Columns an incident log must have (the same as
/// [`crate::model::INCIDENT_COLUMNS`]), in the order used below.
const COLUMNS: [&str; 10] = crate::model::INCIDENT_COLUMNS;

/// Hour-of-week slots: 7 days × 24 hours, Monday 00:00–01:00 first.
pub const SLOTS_PER_WEEK: usize = 168;

/// Response targets per severity: `respond_within_minutes` for severities 1
/// to 5, `None` where the escalation plan sets none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SeverityTargets {
    /// Index 0 is severity 1.
    pub respond_within_minutes: [Option<u32>; 5],
}

impl SeverityTargets {
    /// Takes the targets from an escalation plan; the first definition of a
    /// level wins and levels outside 1–5 are ignored.
    pub fn from_plan(plan: &EscalationPlan) -> SeverityTargets {
        let mut targets = SeverityTargets::default();
        for severity in &plan.severities {
            if let Some(slot) = targets.slot(severity.level) {
                slot.get_or_insert(severity.respond_within_minutes);
            }
        }
        targets
    }

    /// The response target of `severity` (1–5), in minutes.
    pub fn respond_within(&self, severity: u8) -> Option<u32> {
        let index = usize::from(severity).checked_sub(1)?;
        self.respond_within_minutes.get(index).copied().flatten()
    }

    fn slot(&mut self, severity: u8) -> Option<&mut Option<u32>> {
        let index = usize::from(severity).checked_sub(1)?;
        self.respond_within_minutes.get_mut(index)
    }
}

/// Where an incident was referred.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Referral {
    None,
    Lsp,
    National,
    Supplier,
}

/// `referred_to` values; an empty field means not referred.
const REFERRALS: [(&str, Referral); 5] = [
    ("none", Referral::None),
    ("", Referral::None),
    ("lsp", Referral::Lsp),
    ("national", Referral::National),
    ("supplier", Referral::Supplier),
];

/// Streams an incident log (CSV, `file` being its pack path) and measures
/// hour-of-week coverage, referral references and responses against
/// `targets`. Local times are read in `tz`.
///
/// A bad row is skipped and reported with its line; a repeated `reference`
/// is counted once (its first valid occurrence) and each repeat reported.
/// References issued in sequence are kept as runs, so memory stays small
/// (see [`ReferenceSet`]); others take a 64-bit hash each.
///
/// # Errors
/// [`LogUnreadable`] when a required column is missing or the file cannot be read.
pub fn analyse_incidents(
    reader: impl Read + Send,
    file: &str,
    tz: &TimeZone,
    targets: &SeverityTargets,
) -> Result<IncidentSummary, LogUnreadable> {
    let source = LogSource {
        file: file.to_owned(),
        reader,
        tz: tz.clone(),
    };
    analyse_incident_logs([source], targets, None)
}

/// [`analyse_incidents`] over several exports combined (an export per
/// month, say): their rows are measured together, and a reference that
/// appears in two files is counted once and reported, like one repeated in
/// a file. Findings about the whole log are placed at the first file.
///
/// With `lsp` (the pack's `lsp.name`), a `referred_to` that names the LSP
/// ("BT Health", "BT Health Ltd") reads as `lsp`, and one with the word
/// "national" ("National Service Desk") as `national`: desk tools export the
/// party's name as often as its code.
///
/// # Errors
/// [`LogUnreadable`] when a file lacks a required column or cannot be read.
pub fn analyse_incident_logs<R: Read + Send>(
    sources: impl IntoIterator<Item = LogSource<R>>,
    targets: &SeverityTargets,
    lsp: Option<&str>,
) -> Result<IncidentSummary, LogUnreadable> {
    analyse_incident_logs_with(sources, targets, lsp, Strategy::FAST)
}

/// [`analyse_incident_logs`], read the way `strategy` says.
pub(super) fn analyse_incident_logs_with<R: Read + Send>(
    sources: impl IntoIterator<Item = LogSource<R>>,
    targets: &SeverityTargets,
    lsp: Option<&str>,
    strategy: Strategy,
) -> Result<IncidentSummary, LogUnreadable> {
    let mut tally = IncidentTally::new(strategy);
    let streamed = stream_exports(sources, COLUMNS, strategy, |export| {
        stream_incidents(export, &mut tally, targets, lsp)?;
        Ok(Vec::new())
    })?;
    let first = streamed.first_file().to_owned();
    let Streamed { rows, findings, .. } = streamed;
    Ok(tally.into_summary(rows, findings, targets, &first))
}

/// Streams one incident export into `tally`.
fn stream_incidents<R: Read + Send>(
    export: &mut Export<'_, R, 10>,
    tally: &mut IncidentTally,
    targets: &SeverityTargets,
    lsp: Option<&str>,
) -> Result<(), LogUnreadable> {
    let [
        reference,
        opened_at,
        _,
        severity,
        _,
        _,
        responded_at,
        resolved_at,
        referred_to,
        external_reference,
    ] = export.columns;
    let parse = |row: &Row<'_>, zone: &Zone| {
        let reference = row.required_text(reference)?;
        let opened_time = row.time(opened_at, zone)?;
        let opened = opened_time.instant;
        let severity = row.one_of(
            severity,
            &[("1", 1), ("2", 2), ("3", 3), ("4", 4), ("5", 5)],
        )?;
        let responded = row.optional_instant(responded_at, zone)?;
        row.optional_instant(resolved_at, zone)?;
        let referral = row.one_of(referred_to, &REFERRALS).or_else(|bad| {
            let written = row.text(referred_to)?;
            if lsp.is_some_and(|lsp| crate::wording::names_organisation(written, lsp)) {
                Ok(Referral::Lsp)
            } else if crate::wording::contains_words(written, "national") {
                Ok(Referral::National)
            } else {
                Err(bad)
            }
        })?;
        let external_reference = row.text(external_reference)?;
        if responded.is_some_and(|at| at < opened) {
            return Err(BadRow::new(
                codes::RESPONDED_BEFORE_OPENED,
                format!("incident {reference} was responded to before it was opened; row skipped"),
            ));
        }
        let response = match (responded, targets.respond_within(severity)) {
            (None, _) => Response::None,
            (Some(at), Some(minutes)) if on_time(opened, at, minutes) => Response::OnTime,
            (Some(_), _) => Response::Late,
        };
        let referred = matches!(referral, Referral::Lsp | Referral::National);
        Ok(ReadIncident {
            reference: reference.into(),
            slot: u8::try_from(slot_of(opened_time.local(zone))).unwrap_or(0),
            severity,
            referred: referred.then(|| !no_reference(external_reference)),
            response,
        })
    };
    let places = export.places;
    let file_index = places.index();
    export
        .log
        .for_each_row_parallel(export.tz, parse, |incident, line| {
            let reference = &*incident.reference;
            if let Err(earlier) = tally.seen.first_sight(reference, file_index) {
                let place = match places.file_at(earlier) {
                    Some(other) if earlier != file_index => format!("in {other}"),
                    _ => "in the log".to_owned(),
                };
                return Err(BadRow::new(
                    codes::DUPLICATE_REFERENCE,
                    format!(
                        "incident reference {reference} appeared earlier {place}; counted once"
                    ),
                ));
            }
            tally.incidents += 1;
            tally.slots[usize::from(incident.slot)] = true;
            if let Some(with_reference) = incident.referred {
                tally.referred += 1;
                if with_reference {
                    tally.with_reference += 1;
                } else if tally.without_reference.len() < MAX_LISTED {
                    tally.without_reference.push(LoggedIncident {
                        reference: reference.to_owned(),
                        line,
                    });
                }
            }
            let response = &mut tally.severities[usize::from(incident.severity - 1)];
            response.incidents += 1;
            match incident.response {
                Response::None => response.not_responded += 1,
                Response::OnTime => response.on_time += 1,
                Response::Late => {}
            }
            Ok(())
        })
}

/// What one row says, read on its own (before duplicates are known).
struct ReadIncident {
    reference: Box<str>,
    /// The hour-of-week slot it was opened in.
    slot: u8,
    /// 1 to 5.
    severity: u8,
    /// For a referral to the LSP or the national desk: whether it carries
    /// an external reference.
    referred: Option<bool>,
    response: Response,
}

/// How an incident was responded to, against its severity's target.
#[derive(Clone, Copy)]
enum Response {
    None,
    OnTime,
    /// Late, or no target to measure against.
    Late,
}

/// Whether an `external_reference` field holds no reference: empty, or a
/// stand-in a desk tool or a person writes for "none" (`n/a`, `-`, `none`,
/// `tbc`, `unknown`), any case.
fn no_reference(text: &str) -> bool {
    const NONE: [&str; 8] = ["", "-", "n/a", "na", "none", "tbc", "tba", "unknown"];
    NONE.iter().any(|n| n.eq_ignore_ascii_case(text.trim()))
}

/// The running counts of one pass over the log.
struct IncidentTally {
    /// Each reference, with the index of the file it was first seen in.
    seen: ReferenceSet,
    incidents: u64,
    slots: [bool; SLOTS_PER_WEEK],
    referred: u64,
    with_reference: u64,
    without_reference: Vec<LoggedIncident>,
    severities: [SeverityTally; 5],
}

#[derive(Default)]
struct SeverityTally {
    incidents: u64,
    on_time: u64,
    not_responded: u64,
}

impl IncidentTally {
    fn new(strategy: Strategy) -> IncidentTally {
        IncidentTally {
            seen: ReferenceSet::new(strategy.reference_runs),
            incidents: 0,
            slots: [false; SLOTS_PER_WEEK],
            referred: 0,
            with_reference: 0,
            without_reference: Vec::new(),
            severities: Default::default(),
        }
    }
}

/// Whether a response came within `minutes` of opening, over real time.
fn on_time(opened: Timestamp, responded: Timestamp, minutes: u32) -> bool {
    responded.duration_since(opened) <= SignedDuration::from_mins(i64::from(minutes))
}

/// The hour-of-week slot of a local time (Monday 00:00–01:00 is 0).
fn slot_of(local: DateTime) -> usize {
    let day = usize::from(local.weekday().to_monday_zero_offset().unsigned_abs());
    let hour = usize::from(local.hour().unsigned_abs());
    (day * 24 + hour) % SLOTS_PER_WEEK
}
