//! Expanding a rota's weekly pattern into real-time shifts.
//!
//! Each date has one plan — what starts that day: an exception's own
//! shifts, nothing (closed), or a weekday's pattern entries. Exceptions come
//! first, then the bank-holiday rule, then the date's own weekday. A shift
//! belongs to the date on which it starts, so closing a Sunday does not cut
//! short the Saturday night shift that runs into it.

use std::collections::BTreeMap;

use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;

use super::codes::{ROTA_DUPLICATE_EXCEPTION, ROTA_EXCEPTION_UNCLEAR};
use super::local_time::shift_instants;
use super::sweep::RealInterval;
use crate::calendar::BankHolidays;
use crate::finding::FindingCode;
use crate::model::{BankHolidayStaffing, Rota};

/// A shift of a weekly pattern in real time, with where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RotaShift {
    /// When it runs.
    pub during: RealInterval,
    /// People on it.
    pub staff: u32,
    /// An on-call manager rather than desk staff.
    pub on_call: bool,
    /// The evidence it came from.
    pub source: ShiftSource,
}

/// Where a shift is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ShiftSource {
    /// `/pattern/{0}`.
    Pattern(usize),
    /// `/exceptions/{exception}/pattern/{entry}`.
    Exception {
        /// Index into `exceptions`.
        exception: usize,
        /// Index into that exception's pattern.
        entry: usize,
    },
}

impl ShiftSource {
    /// JSON pointer into the rota document.
    pub fn pointer(self) -> String {
        match self {
            ShiftSource::Pattern(i) => format!("/pattern/{i}"),
            ShiftSource::Exception { exception, entry } => {
                format!("/exceptions/{exception}/pattern/{entry}")
            }
        }
    }
}

/// What starts on one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DayPlan {
    /// The date is outside the rota's period: nothing starts.
    OutsidePeriod,
    /// Exception `index` applies: its own shifts, or none if closed.
    Exception {
        /// Index into `exceptions`.
        index: usize,
        /// The exception closes the desk.
        closed: bool,
    },
    /// A bank holiday on which nothing starts; `stated` is false when the
    /// rota does not say how bank holidays are staffed.
    BankHolidayClosed {
        /// Whether `bank_holidays: {as: closed}` was written.
        stated: bool,
    },
    /// The pattern entries for this weekday start.
    Weekly(Weekday),
}

/// The plan of every date of a rota.
#[derive(Debug, Clone)]
pub(super) struct DayPlans<'r> {
    /// The rota.
    rota: &'r Rota,
    /// Each exception's date to its index (the first one on a date wins).
    exceptions: BTreeMap<Date, usize>,
    /// The calendar in use.
    bank_holidays: BankHolidays,
}

impl<'r> DayPlans<'r> {
    /// Indexes the rota's exceptions, reporting duplicates and unclear ones
    /// through `report(code, message, pointer)`.
    pub fn new(rota: &'r Rota, report: &mut dyn FnMut(FindingCode, String, String)) -> Self {
        let mut exceptions = BTreeMap::new();
        for (index, exception) in rota.exceptions.iter().enumerate() {
            let date = exception.date;
            if let Some(first) = exceptions.get(&date) {
                report(
                    ROTA_DUPLICATE_EXCEPTION,
                    format!(
                        "a second exception for {date}; the first one (exceptions[{first}]) applies"
                    ),
                    format!("/exceptions/{index}/date"),
                );
                continue;
            }
            match (exception.closed, &exception.pattern) {
                (true, Some(_)) => report(
                    ROTA_EXCEPTION_UNCLEAR,
                    format!(
                        "the exception for {date} is closed and has a pattern; it is read as closed"
                    ),
                    format!("/exceptions/{index}"),
                ),
                (false, None) => {
                    report(
                        ROTA_EXCEPTION_UNCLEAR,
                        format!(
                            "the exception for {date} is neither closed nor has a pattern; \
                             it changes nothing"
                        ),
                        format!("/exceptions/{index}"),
                    );
                    continue;
                }
                _ => {}
            }
            exceptions.insert(date, index);
        }
        let bank_holidays = BankHolidays::for_rota(rota.bank_holiday_dates.as_deref());
        DayPlans {
            rota,
            exceptions,
            bank_holidays,
        }
    }

    /// The calendar in use.
    pub fn bank_holidays(&self) -> &BankHolidays {
        &self.bank_holidays
    }

    /// What starts on `date`.
    pub fn plan(&self, date: Date) -> DayPlan {
        let period = self.rota.period;
        if date < period.from || date > period.to {
            return DayPlan::OutsidePeriod;
        }
        if let Some(&index) = self.exceptions.get(&date) {
            let closed = self.rota.exceptions.get(index).is_none_or(|e| e.closed);
            return DayPlan::Exception { index, closed };
        }
        if !self.bank_holidays.contains(date) {
            return DayPlan::Weekly(date.weekday());
        }
        let staffed_as = match self.rota.bank_holidays.as_ref().map(|rule| rule.staffed_as) {
            None => return DayPlan::BankHolidayClosed { stated: false },
            Some(BankHolidayStaffing::Closed) => {
                return DayPlan::BankHolidayClosed { stated: true };
            }
            Some(BankHolidayStaffing::Normal) => date.weekday(),
            Some(BankHolidayStaffing::Mon) => Weekday::Monday,
            Some(BankHolidayStaffing::Tue) => Weekday::Tuesday,
            Some(BankHolidayStaffing::Wed) => Weekday::Wednesday,
            Some(BankHolidayStaffing::Thu) => Weekday::Thursday,
            Some(BankHolidayStaffing::Fri) => Weekday::Friday,
            Some(BankHolidayStaffing::Sat) => Weekday::Saturday,
            Some(BankHolidayStaffing::Sun) => Weekday::Sunday,
        };
        DayPlan::Weekly(staffed_as)
    }

    /// The real-time shifts that start on each date from `first` to `last`.
    pub fn expand(&self, zone: &TimeZone, first: Date, last: Date) -> Vec<RotaShift> {
        let mut shifts = Vec::new();
        let mut date = first;
        while date <= last {
            self.expand_day(zone, date, &mut shifts);
            match date.tomorrow() {
                Ok(next) => date = next,
                Err(_) => break,
            }
        }
        shifts
    }

    /// Appends the shifts that start on `date`.
    fn expand_day(&self, zone: &TimeZone, date: Date, shifts: &mut Vec<RotaShift>) {
        let mut add = |start, end, staff, on_call, source| {
            let instants = shift_instants(zone, date, start, end).filter(|(s, e)| s < e);
            if let Some((start, end)) = instants {
                let during = RealInterval { start, end };
                shifts.push(RotaShift {
                    during,
                    staff,
                    on_call,
                    source,
                });
            }
        };
        match self.plan(date) {
            DayPlan::OutsidePeriod | DayPlan::BankHolidayClosed { .. } => {}
            DayPlan::Exception { closed: true, .. } => {}
            DayPlan::Exception {
                index,
                closed: false,
            } => {
                let entries = self
                    .rota
                    .exceptions
                    .get(index)
                    .and_then(|e| e.pattern.as_deref());
                for (entry, e) in entries.unwrap_or_default().iter().enumerate() {
                    let source = ShiftSource::Exception {
                        exception: index,
                        entry,
                    };
                    add(e.start, e.end, e.staff, e.on_call, source);
                }
            }
            DayPlan::Weekly(weekday) => {
                let entries = self.rota.pattern.as_deref().unwrap_or_default();
                for (i, e) in entries
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.days.contains(weekday))
                {
                    add(e.start, e.end, e.staff, e.on_call, ShiftSource::Pattern(i));
                }
            }
        }
    }
}
