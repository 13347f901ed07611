//! England and Wales bank holidays, computed by rule.
//!
//! The built-in calendar covers the years in [`SUPPORTED_YEARS`]. It applies
//! the standing rules — New Year's Day, Good Friday, Easter Monday, the early
//! May, spring and summer bank holidays, Christmas Day and Boxing Day, with
//! substitute weekdays when a holiday falls at a weekend — and the one-off
//! changes proclaimed since 1995 (VE Day anniversaries, jubilees, the
//! millennium, a royal wedding, a state funeral and a coronation).
//!
//! A rota may replace the whole calendar with its own `bank_holiday_dates`
//! (for a trust outside England and Wales, say): see [`BankHolidays::for_rota`].

use std::ops::RangeInclusive;

use jiff::civil::{Date, Weekday};

/// The years the built-in calendar knows; outside them it has no bank holidays.
pub const SUPPORTED_YEARS: RangeInclusive<i16> = 1995..=2100;

/// The set of dates that are bank holidays for cover purposes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankHolidays {
    /// Sorted, without duplicates.
    dates: Vec<Date>,
    /// Whether this is the built-in England and Wales calendar.
    built_in: bool,
}

impl BankHolidays {
    /// The built-in England and Wales calendar for every supported year.
    pub fn england_and_wales() -> BankHolidays {
        let dates = SUPPORTED_YEARS.flat_map(england_and_wales).collect();
        BankHolidays {
            dates,
            built_in: true,
        }
    }

    /// A calendar of exactly these dates (a pack's `bank_holiday_dates`).
    pub fn from_dates(dates: impl IntoIterator<Item = Date>) -> BankHolidays {
        let mut dates: Vec<Date> = dates.into_iter().collect();
        dates.sort_unstable();
        dates.dedup();
        BankHolidays {
            dates,
            built_in: false,
        }
    }

    /// The calendar a rota uses: its explicit `bank_holiday_dates` when it
    /// gives them (even an empty list), else the built-in calendar.
    pub fn for_rota(explicit_dates: Option<&[Date]>) -> BankHolidays {
        match explicit_dates {
            Some(dates) => BankHolidays::from_dates(dates.iter().copied()),
            None => BankHolidays::england_and_wales(),
        }
    }

    /// Whether `date` is a bank holiday.
    pub fn contains(&self, date: Date) -> bool {
        self.dates.binary_search(&date).is_ok()
    }

    /// The bank holidays from `first` to `last` inclusive, in date order.
    pub fn between(&self, first: Date, last: Date) -> &[Date] {
        let from = self.dates.partition_point(|d| *d < first);
        let to = self.dates.partition_point(|d| *d <= last).max(from);
        &self.dates[from..to]
    }

    /// Whether this is the built-in England and Wales calendar rather than a
    /// pack's own list.
    pub fn is_built_in(&self) -> bool {
        self.built_in
    }
}

/// The England and Wales bank holidays of `year`, in date order; empty for a
/// year outside [`SUPPORTED_YEARS`].
pub fn england_and_wales(year: i16) -> Vec<Date> {
    if !SUPPORTED_YEARS.contains(&year) {
        return Vec::new();
    }
    let on = |month: i8, day: i8| Date::new(year, month, day).ok();
    let easter = easter_sunday(year);
    let early_may = match year {
        1995 | 2020 => on(5, 8), // VE Day anniversaries
        _ => monday_of_may(year, 1),
    };
    let spring = match year {
        2002 | 2012 => on(6, 4), // Golden and Diamond Jubilees
        2022 => on(6, 2),        // Platinum Jubilee
        _ => monday_of_may(year, -1),
    };
    let summer = Date::new(year, 8, 1)
        .and_then(|d| d.nth_weekday_of_month(-1, Weekday::Monday))
        .ok();
    let one_offs: &[(i8, i8)] = match year {
        1999 => &[(12, 31)],        // millennium
        2002 => &[(6, 3)],          // Golden Jubilee
        2011 => &[(4, 29)],         // royal wedding
        2012 => &[(6, 5)],          // Diamond Jubilee
        2022 => &[(6, 3), (9, 19)], // Platinum Jubilee, state funeral
        2023 => &[(5, 8)],          // coronation
        _ => &[],
    };
    let mut dates: Vec<Date> = [
        on(1, 1).map(new_year_observed),
        easter.and_then(|e| e.checked_sub(jiff::Span::new().days(2)).ok()),
        easter.and_then(|e| e.tomorrow().ok()),
        early_may,
        spring,
        summer,
    ]
    .into_iter()
    .chain(christmas_and_boxing_day(year))
    .chain(one_offs.iter().map(|&(m, d)| on(m, d)))
    .flatten()
    .collect();
    dates.sort_unstable();
    dates.dedup();
    dates
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous
/// Gregorian computus of Meeus, Jones and Butcher).
pub fn easter_sunday(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// The `nth` Monday of May (`-1` for the last).
fn monday_of_may(year: i16, nth: i8) -> Option<Date> {
    Date::new(year, 5, 1)
        .and_then(|d| d.nth_weekday_of_month(nth, Weekday::Monday))
        .ok()
}

/// New Year's Day, or the Monday after when it falls at a weekend.
fn new_year_observed(new_year: Date) -> Date {
    let ahead = match new_year.weekday() {
        Weekday::Saturday => 2,
        Weekday::Sunday => 1,
        _ => 0,
    };
    new_year
        .checked_add(jiff::Span::new().days(ahead))
        .unwrap_or(new_year)
}

/// Christmas Day and Boxing Day as observed: a holiday at a weekend moves to
/// the next weekday that is not already a holiday.
fn christmas_and_boxing_day(year: i16) -> [Option<Date>; 2] {
    let day = |d: i8| Date::new(year, 12, d).ok();
    match day(25).map(|d| d.weekday()) {
        Some(Weekday::Friday) => [day(25), day(28)],
        Some(Weekday::Saturday) => [day(27), day(28)],
        Some(Weekday::Sunday) => [day(26), day(27)],
        _ => [day(25), day(26)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses space-separated `MM-DD` dates of one year.
    fn dates(year: i16, days: &str) -> Vec<Date> {
        days.split_whitespace()
            .map(|md| format!("{year}-{md}").parse().unwrap())
            .collect()
    }

    #[track_caller]
    fn assert_year(year: i16, days: &str) {
        assert_eq!(england_and_wales(year), dates(year, days), "{year}");
    }

    #[test]
    fn ordinary_years() {
        assert_year(2008, "01-01 03-21 03-24 05-05 05-26 08-25 12-25 12-26");
        assert_year(2019, "01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26");
    }

    #[test]
    fn christmas_on_saturday_moves_both_to_monday_and_tuesday() {
        assert_year(2004, "01-01 04-09 04-12 05-03 05-31 08-30 12-27 12-28");
        assert_year(2010, "01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28");
        assert_year(2021, "01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28");
        assert_year(2027, "01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28");
    }

    #[test]
    fn christmas_on_sunday_and_new_year_at_weekends() {
        // 2011: New Year on Saturday, the royal wedding, Christmas on Sunday.
        assert_year(
            2011,
            "01-03 04-22 04-25 04-29 05-02 05-30 08-29 12-26 12-27",
        );
        assert_year(2016, "01-01 03-25 03-28 05-02 05-30 08-29 12-26 12-27");
        // 2012: New Year on Sunday, the Diamond Jubilee.
        assert_year(
            2012,
            "01-02 04-06 04-09 05-07 06-04 06-05 08-27 12-25 12-26",
        );
    }

    #[test]
    fn boxing_day_on_saturday_moves_to_monday() {
        assert_year(2020, "01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28");
    }

    #[test]
    fn one_off_changes() {
        assert_year(1995, "01-02 04-14 04-17 05-08 05-29 08-28 12-25 12-26");
        assert_year(
            1999,
            "01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28 12-31",
        );
        assert_year(
            2002,
            "01-01 03-29 04-01 05-06 06-03 06-04 08-26 12-25 12-26",
        );
        assert_year(
            2022,
            "01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27",
        );
        assert_year(
            2023,
            "01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26",
        );
    }

    #[test]
    fn easter_by_computus() {
        for (year, day) in [
            (2000, "04-23"),
            (2008, "03-23"),
            (2038, "04-25"),
            (2100, "03-28"),
        ] {
            assert_eq!(easter_sunday(year), dates(year, day).first().copied());
        }
    }

    #[test]
    fn every_supported_year_has_eight_to_ten_weekday_holidays() {
        for year in SUPPORTED_YEARS {
            let days = england_and_wales(year);
            assert!((8..=10).contains(&days.len()), "{year}: {days:?}");
            assert!(
                days.iter().all(|d| d.weekday().to_monday_zero_offset() < 5),
                "{year}"
            );
        }
        assert!(england_and_wales(1994).is_empty());
        assert!(england_and_wales(2101).is_empty());
    }

    #[test]
    fn explicit_dates_replace_the_built_in_calendar() {
        let christmas: Date = "2008-12-25".parse().unwrap();
        let own: Date = "2008-11-30".parse().unwrap();
        let built_in = BankHolidays::for_rota(None);
        assert!(built_in.is_built_in() && built_in.contains(christmas));
        let replaced = BankHolidays::for_rota(Some(&[own, own]));
        assert!(!replaced.is_built_in());
        assert!(replaced.contains(own) && !replaced.contains(christmas));
        let december =
            built_in.between("2008-12-01".parse().unwrap(), "2008-12-31".parse().unwrap());
        assert_eq!(december, dates(2008, "12-25 12-26"));
        assert!(built_in.between(christmas, own).is_empty());
    }
}
