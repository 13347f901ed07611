//! A time zone with its current UTC offset remembered: a log's times fall
//! months apart from a clock change far more often than near one, so the
//! offset found for one row serves the rows after it until the next change.
//!
//! Between two transitions a zone's offset is constant, so within that
//! interval converting is plain arithmetic. Near a transition (three days
//! either side) and in zones whose transitions come closer than that, every
//! conversion goes to the zone itself; the answers are the same either way.

use std::cell::Cell;

use jiff::civil::DateTime;
use jiff::tz::{Offset, TimeZone};
use jiff::{SignedDuration, Timestamp};

use crate::clock::local_instant;

/// Kept clear of transitions by this much: offsets differ by less than two
/// days (jiff bounds them to ±26 hours), so a local reading this far from a
/// transition has one instant, at the remembered offset.
const MARGIN: SignedDuration = SignedDuration::from_hours(72);

/// A time zone and the interval around the last time converted in which its
/// offset is known.
pub struct Zone {
    tz: TimeZone,
    known: Cell<Option<KnownOffset>>,
    /// Whether offsets are remembered at all (the tests compare both ways).
    remembering: bool,
}

/// An interval of constant offset, shrunk by [`MARGIN`] at each end, as
/// instants and as local readings.
#[derive(Clone, Copy)]
struct KnownOffset {
    offset: Offset,
    from: Timestamp,
    until: Timestamp,
    local_from: DateTime,
    local_until: DateTime,
}

impl Zone {
    /// `tz`, nothing yet remembered; with `remembering` false, every
    /// conversion goes to the zone.
    pub fn new(tz: TimeZone, remembering: bool) -> Zone {
        Zone {
            tz,
            known: Cell::new(None),
            remembering,
        }
    }

    /// [`local_instant`]: the instant a wall-clock reading stands for.
    pub fn instant(&self, local: DateTime) -> Option<Timestamp> {
        if let Some(known) = self.known.get()
            && known.local_from <= local
            && local < known.local_until
        {
            return known.offset.to_timestamp(local).ok();
        }
        let instant = local_instant(local, &self.tz)?;
        self.learn(instant);
        Some(instant)
    }

    /// The wall-clock reading of an instant ([`TimeZone::to_datetime`]).
    pub fn local(&self, instant: Timestamp) -> DateTime {
        if let Some(known) = self.known.get()
            && known.from <= instant
            && instant < known.until
        {
            return known.offset.to_datetime(instant);
        }
        self.learn(instant);
        self.tz.to_datetime(instant)
    }

    /// Remembers the interval of constant offset around `instant`, when
    /// there is one clear of transitions.
    fn learn(&self, instant: Timestamp) {
        if !self.remembering {
            return;
        }
        if let Some(known) = self.interval_around(instant) {
            self.known.set(Some(known));
        }
    }

    fn interval_around(&self, instant: Timestamp) -> Option<KnownOffset> {
        let offset = self.tz.to_offset(instant);
        let from = match self.tz.preceding(instant).next() {
            Some(transition) => transition.timestamp().checked_add(MARGIN).ok()?,
            None => Timestamp::MIN,
        };
        let until = match self.tz.following(instant).next() {
            Some(transition) => transition.timestamp().checked_sub(MARGIN).ok()?,
            None => Timestamp::MAX,
        };
        // No transition lies strictly between the two found, but `instant`
        // itself may be one: the offset must hold at both ends.
        if from >= until || self.tz.to_offset(from) != offset || self.tz.to_offset(until) != offset
        {
            return None;
        }
        let local_from = offset.to_datetime(from);
        let local_until = offset.to_datetime(until);
        // At the ends of the supported range the local readings clamp: keep
        // only bounds that convert back exactly.
        if offset.to_timestamp(local_from).ok() != Some(from)
            || offset.to_timestamp(local_until).ok() != Some(until)
        {
            return None;
        }
        Some(KnownOffset {
            offset,
            from,
            until,
            local_from,
            local_until,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn london() -> TimeZone {
        jiff::tz::db().get("Europe/London").expect("bundled")
    }

    proptest! {
        /// Whatever order readings come in, around clock changes or not, the
        /// remembered offset gives what the zone gives.
        #[test]
        fn the_remembered_offset_agrees_with_the_zone(
            minutes in proptest::collection::vec(0i64..(3 * 366 * 1440), 1..200),
            zone_name in prop_oneof![Just("Europe/London"), Just("UTC"), Just("America/New_York"), Just("Pacific/Apia"), Just("Australia/Lord_Howe")],
        ) {
            let tz = jiff::tz::db().get(zone_name).expect("bundled");
            let zone = Zone::new(tz.clone(), true);
            let start = jiff::civil::date(2010, 1, 1).at(0, 0, 0, 0);
            for m in minutes {
                let local = start.checked_add(SignedDuration::from_mins(m)).expect("in range");
                let instant = zone.instant(local);
                prop_assert_eq!(instant, local_instant(local, &tz), "{}", local);
                let instant = instant.expect("in range");
                prop_assert_eq!(zone.local(instant), tz.to_datetime(instant));
            }
        }
    }

    #[test]
    fn readings_in_the_gap_and_the_fold_are_resolved_as_the_zone_does() {
        let tz = london();
        let zone = Zone::new(tz.clone(), true);
        // Learn the summer offset, then read around the autumn change.
        let summer = jiff::civil::date(2008, 8, 1).at(12, 0, 0, 0);
        assert_eq!(zone.instant(summer), local_instant(summer, &tz));
        for (month, day, hour, minute) in [
            (10, 26, 1, 30),
            (10, 26, 0, 59),
            (10, 26, 2, 0),
            (3, 30, 1, 30),
        ] {
            let local = jiff::civil::date(2008, month, day).at(hour, minute, 0, 0);
            assert_eq!(zone.instant(local), local_instant(local, &tz), "{local}");
        }
        let extreme = DateTime::MAX;
        assert_eq!(zone.instant(extreme), local_instant(extreme, &tz));
        assert_eq!(zone.local(Timestamp::MAX), tz.to_datetime(Timestamp::MAX));
        assert_eq!(zone.local(Timestamp::MIN), tz.to_datetime(Timestamp::MIN));
    }
}
