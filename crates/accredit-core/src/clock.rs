//! Local wall-clock times resolved to real instants, by the evidence
//! format's rule for clock changes (one place, used by the rota expansion and
//! by every CSV export).

use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::tz::{AmbiguousOffset, TimeZone};

/// The instant a wall-clock reading in `tz` stands for. A reading that does
/// not exist (in the spring-forward gap) means the first instant after the
/// gap, i.e. the transition itself; an ambiguous one (in the autumn fold)
/// means its first occurrence. `None` only at the edges of the supported
/// range (years -9999 and 9999).
pub fn local_instant(local: DateTime, tz: &TimeZone) -> Option<Timestamp> {
    let ambiguous = tz.to_ambiguous_timestamp(local);
    // `earlier` takes the fold's first occurrence; in a gap it gives an
    // instant just before the transition, from which we step to it.
    let earlier = ambiguous.earlier().ok()?;
    match ambiguous.offset() {
        AmbiguousOffset::Gap { .. } => tz.following(earlier).next().map(|t| t.timestamp()),
        AmbiguousOffset::Unambiguous { .. } | AmbiguousOffset::Fold { .. } => Some(earlier),
    }
}
