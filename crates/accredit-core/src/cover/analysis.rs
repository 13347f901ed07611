//! The analysis itself: rota → shifts → staffing steps → gaps, shares and
//! the heatmap.

use jiff::Span;
use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;

use super::codes::{
    BANK_HOLIDAYS_NOT_STATED, COVER_NO_ROTA, COVER_WINDOW_INVALID, ROTA_EXCEPTION_IGNORED,
    ROTA_PERIOD_REVERSED, ROTA_UNKNOWN_TIMEZONE,
};
use super::expand::{DayPlans, RotaShift};
use super::gap_report::GapSources;
use super::heatmap::staffing_heatmap;
use super::local_time::{shift_instants, start_of_day};
use std::borrow::Cow;

use super::shifts_csv::{ShiftsFromCsv, read_shifts_csv};
use super::sweep::{RealInterval, StaffingChanges, seconds_with_at_least, shortfalls};
use super::{CoverAnalysis, CoverInput, ShiftsFile, ShiftsRead};
use crate::finding::Finding;
use crate::location::Location;
use crate::model::Rota;

/// Runs the analysis; `shifts_csv` is `(pack-relative path, content)`.
pub(super) fn analyse<'a>(
    input: &CoverInput<'a>,
    shifts_csv: Option<(&'a str, &'a mut dyn ShiftsFile)>,
) -> Result<CoverAnalysis, Vec<Finding>> {
    analyse_parts(vec![RotaPart {
        input: *input,
        shifts_csv: shifts_csv.map(|(file, csv)| PartShifts::File(file, csv)),
    }])
}

/// One rota of several that combine, with its shifts CSV if it has one.
pub struct RotaPart<'a> {
    /// The rota and the window (every part has the same window and parameters).
    pub input: CoverInput<'a>,
    /// Its shifts CSV, if it has one.
    pub shifts_csv: Option<PartShifts<'a>>,
}

/// A rota's shifts CSV: to read for this window, or already read.
pub enum PartShifts<'a> {
    /// `(pack-relative path, content)`, read for the window.
    File(&'a str, &'a mut dyn ShiftsFile),
    /// Read once for a span of windows that holds this one ([`read_shifts`]).
    ///
    /// [`read_shifts`]: super::read_shifts
    Read(&'a ShiftsRead),
}

/// What one rota contributes: its shifts, its day plans and where its
/// gaps are explained.
struct Contribution<'a> {
    input: CoverInput<'a>,
    zone: TimeZone,
    plans: DayPlans<'a>,
    /// Desk shifts of the weekly pattern (a gap may be explained by one).
    desk: Vec<RotaShift>,
    /// On-call shifts of the weekly pattern.
    on_call: Vec<RotaShift>,
    /// What the shifts CSV adds: staffing changes within the window (its
    /// rows never explain a gap: they have no place in the rota document).
    from_csv: Option<Cow<'a, ShiftsFromCsv>>,
}

/// Runs the analysis over rotas that combine (periods that do not overlap,
/// checked when the pack is loaded): their shifts are swept together, so
/// a rota per quarter covers the window as one would. Local times of the
/// result are in the first rota's zone; each gap is explained by the rota
/// whose period holds its start (else the next one to begin, else the last).
pub(super) fn analyse_parts(parts: Vec<RotaPart<'_>>) -> Result<CoverAnalysis, Vec<Finding>> {
    let mut findings = Vec::new();
    // Every part is read for the window in the first part's zone.
    let span = parts.first().and_then(|part| {
        let zone = jiff::tz::db().get(part.input.rota.timezone_name()).ok()?;
        let (_, window) = real_window(&zone, part.input.window_start, part.input.window_days)?;
        Some(window)
    });
    let mut contributions: Vec<Contribution<'_>> = Vec::new();
    for part in parts {
        contributions.push(contribute(part, span, &mut findings)?);
    }
    let Some(first) = contributions.first() else {
        findings.push(Finding::new(
            COVER_NO_ROTA,
            "there is no rota to analyse",
            None,
        ));
        return Err(findings);
    };
    let input = first.input;
    let zone = first.zone.clone();
    let zone_name = input.rota.timezone_name().to_owned();
    let first_day = input.window_start;
    let Some((last_day, window)) = real_window(&zone, first_day, input.window_days) else {
        let message = format!(
            "a window of {} days from {first_day} is outside the dates this tool handles",
            input.window_days
        );
        findings.push(Finding::new(COVER_WINDOW_INVALID, message, None));
        return Err(findings);
    };

    let params = input.params;
    let mut desk = StaffingChanges::within(window);
    let mut on_call = StaffingChanges::within(window);
    for c in &contributions {
        for s in &c.desk {
            desk.add(s.during, s.staff);
        }
        for s in &c.on_call {
            on_call.add(s.during, s.staff);
        }
        if let Some(csv) = &c.from_csv {
            desk.extend(&csv.desk);
            on_call.extend(&csv.on_call);
        }
    }
    for (core, staff) in weekday_core_hours(&zone, first_day, last_day, &input) {
        on_call.add(core, staff);
    }
    let desk_steps = desk.steps(window);
    let on_call_steps = on_call.steps(window);

    let sources: Vec<(GapSources<'_>, &Contribution<'_>)> = contributions
        .iter()
        .map(|c| {
            let rota = c.input.rota;
            let sources = GapSources {
                zone: &zone,
                rota_file: c.input.rota_file,
                locate: c.input.locate,
                plans: rota.pattern.is_some().then_some(&c.plans),
                period: period_in_real_time(&c.zone, rota),
                shifts_pointer: if rota.pattern.is_some() {
                    "/pattern"
                } else {
                    "/shifts"
                },
            };
            (sources, c)
        })
        .collect();
    let explained_by = |start: jiff::Timestamp| {
        sources
            .iter()
            .find(|(s, _)| s.period.is_some_and(|p| p.start <= start && start < p.end))
            .or_else(|| {
                sources
                    .iter()
                    .filter(|(s, _)| s.period.is_some_and(|p| start < p.start))
                    .min_by_key(|(s, _)| s.period.map(|p| p.start))
            })
            .or_else(|| sources.last())
    };
    let gaps: Vec<_> = shortfalls(&desk_steps, params.min_staff)
        .into_iter()
        .filter_map(|gap| {
            let (s, c) = explained_by(gap.during.start)?;
            Some(s.desk_gap(gap, params.min_staff, &c.desk))
        })
        .collect();
    let on_call_gaps = shortfalls(&on_call_steps, 1)
        .into_iter()
        .filter_map(|gap| {
            let (s, c) = explained_by(gap.during.start)?;
            Some(s.on_call_gap(gap, &c.on_call))
        })
        .collect();

    let window_seconds = window.seconds();
    let window_minutes = window_seconds / 60;
    let gap_minutes = gaps.iter().map(|gap| gap.minutes).sum();
    let paired_seconds = seconds_with_at_least(&desk_steps, params.pair_staff);
    let paired_share = if window_seconds > 0 {
        paired_seconds as f64 / window_seconds as f64
    } else {
        0.0
    };
    Ok(CoverAnalysis {
        timezone: zone_name,
        window_start: window.start.to_zoned(zone.clone()),
        window_end: window.end.to_zoned(zone.clone()),
        window_minutes,
        staffed_minutes: window_minutes - gap_minutes,
        gap_minutes,
        paired_minutes: paired_seconds / 60,
        paired_share,
        heatmap: staffing_heatmap(&zone, window, &desk_steps),
        gaps,
        on_call_gaps,
        findings,
    })
}

/// Expands one rota into its shifts, reading its shifts CSV for `span` (or
/// else its own window) (`Err` with every finding so far when its zone is
/// unknown or its shifts CSV cannot be read).
fn contribute<'a>(
    part: RotaPart<'a>,
    span: Option<RealInterval>,
    findings: &mut Vec<Finding>,
) -> Result<Contribution<'a>, Vec<Finding>> {
    let RotaPart { input, shifts_csv } = part;
    let rota = input.rota;
    let locate =
        |pointer: &str| (input.locate)(pointer).unwrap_or_else(|| Location::file(input.rota_file));

    let zone_name = rota.timezone_name();
    let Ok(zone) = jiff::tz::db().get(zone_name) else {
        let message =
            format!("`{zone_name}` is not a known IANA time zone, so cover cannot be computed");
        findings.push(Finding::new(
            ROTA_UNKNOWN_TIMEZONE,
            message,
            Some(locate("/timezone")),
        ));
        return Err(std::mem::take(findings));
    };
    let first_day = input.window_start;
    let Some((last_day, own_window)) = real_window(&zone, first_day, input.window_days) else {
        let message = format!(
            "a window of {} days from {first_day} is outside the dates this tool handles",
            input.window_days
        );
        findings.push(Finding::new(COVER_WINDOW_INVALID, message, None));
        return Err(std::mem::take(findings));
    };

    let period = rota.period;
    if period.to < period.from {
        let message = format!(
            "the rota period ends ({}) before it starts ({}), so it covers no days",
            period.to, period.from
        );
        findings.push(Finding::new(
            ROTA_PERIOD_REVERSED,
            message,
            Some(locate("/period/to")),
        ));
    }
    let mut report = |code, message, pointer: String| {
        findings.push(Finding::new(code, message, Some(locate(&pointer))))
    };
    let plans = DayPlans::new(rota, &mut report);

    let mut shifts: Vec<RotaShift> = Vec::new();
    if rota.pattern.is_some() {
        // Shifts that start the day before the window can run into it.
        let from = first_day.yesterday().unwrap_or(first_day);
        shifts = plans.expand(&zone, from, last_day);
        if rota.bank_holidays.is_none() {
            let closed = plans
                .bank_holidays()
                .between(first_day.max(period.from), last_day.min(period.to));
            findings.push(bank_holidays_not_stated(closed, locate("")));
        }
    }
    let mut from_csv = None;
    if let Some(csv) = shifts_csv {
        let (file, read) = match csv {
            PartShifts::File(file, csv) => {
                let span = span.unwrap_or(own_window);
                (
                    file,
                    read_shifts_csv(file, csv, &zone, span).map(Cow::Owned),
                )
            }
            PartShifts::Read(read) => (
                read.file.as_str(),
                read.read.as_ref().map(Cow::Borrowed).map_err(Clone::clone),
            ),
        };
        let read = read.map_err(|mut fatal| {
            findings.append(&mut fatal);
            std::mem::take(findings)
        })?;
        findings.extend(read.findings.iter().cloned());
        from_csv = Some(read);
        if rota.pattern.is_none() {
            for (i, exception) in rota.exceptions.iter().enumerate() {
                let message = format!(
                    "the exception for {} changes nothing: exceptions apply to a weekly \
                     pattern, and this rota's shifts come from {file}",
                    exception.date
                );
                let location = locate(&format!("/exceptions/{i}"));
                findings.push(Finding::new(
                    ROTA_EXCEPTION_IGNORED,
                    message,
                    Some(location),
                ));
            }
        }
    }
    let (on_call, desk): (Vec<RotaShift>, Vec<RotaShift>) =
        shifts.into_iter().partition(|s| s.on_call);
    Ok(Contribution {
        input,
        zone,
        plans,
        desk,
        on_call,
        from_csv,
    })
}

/// The window's last day and its real span: from local midnight of
/// `first_day` to local midnight `days` days later.
pub(super) fn real_window(
    zone: &TimeZone,
    first_day: Date,
    days: u32,
) -> Option<(Date, RealInterval)> {
    let end_day = first_day
        .checked_add(Span::new().try_days(days).ok()?)
        .ok()?;
    let last_day = end_day.yesterday().ok()?;
    let start = start_of_day(zone, first_day)?;
    let end = start_of_day(zone, end_day)?.max(start);
    Some((last_day, RealInterval { start, end }))
}

/// The rota period as real time, `None` if it is reversed.
fn period_in_real_time(zone: &TimeZone, rota: &Rota) -> Option<RealInterval> {
    let start = start_of_day(zone, rota.period.from)?;
    let end = start_of_day(zone, rota.period.to.tomorrow().ok()?)?;
    (start < end).then_some(RealInterval { start, end })
}

/// Weekday core hours in the window, as duties of one (they count as
/// on-call cover, so on-call gaps are found only outside them).
fn weekday_core_hours(
    zone: &TimeZone,
    first_day: Date,
    last_day: Date,
    input: &CoverInput<'_>,
) -> Vec<(RealInterval, u32)> {
    let (core_start, core_end) = (input.params.core_start, input.params.core_end);
    let mut core = Vec::new();
    let mut date = first_day;
    while date <= last_day {
        let weekday = !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday);
        let hours = weekday.then(|| shift_instants(zone, date, core_start, core_end));
        if let Some(Some((start, end))) = hours {
            core.push((RealInterval { start, end }, 1));
        }
        let Ok(next) = date.tomorrow() else { break };
        date = next;
    }
    core
}

/// The finding for a rota that does not say how bank holidays are staffed.
fn bank_holidays_not_stated(closed: &[Date], location: Location) -> Finding {
    let which = match closed {
        [] => "none falls in the assessment window".to_owned(),
        [one] => format!("that makes {one} unstaffed"),
        many => {
            let dates: Vec<String> = many.iter().map(Date::to_string).collect();
            format!("that makes {} unstaffed", dates.join(", "))
        }
    };
    let message = format!(
        "bank-holiday staffing is not stated (no `bank_holidays`), so bank holidays count \
         as unstaffed; {which}"
    );
    Finding::new(BANK_HOLIDAYS_NOT_STATED, message, Some(location))
}
