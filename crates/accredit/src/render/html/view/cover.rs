//! Section 4, `sections/cover.html`: the rota's 24/7 cover (the heatmap is
//! [`crate::render::html::charts`]).

use accredit_core::assess::CoverSummary;
use serde::Serialize;

use super::{FileAnchors, LocationView};
use crate::render::html::charts::{self, Heatmap};
use crate::words::{duration, percent, thousands};

/// The 24/7 cover analysis.
#[derive(Debug, Serialize)]
pub struct CoverView {
    /// Rota file.
    pub rota: LocationView,
    /// Its time zone.
    pub timezone: String,
    /// Fewest staff that count as staffed.
    pub min_staff: u32,
    /// Staff that avoid lone working.
    pub pair_staff: u32,
    /// `2,016 hours`.
    pub window: String,
    /// `0 minutes` or `1 h 30 min (90 minutes)`.
    pub gap_total: String,
    /// Whether the window has any gap.
    pub has_gaps: bool,
    /// `87.5%`.
    pub paired_share: String,
    /// The 7 × 24 chart.
    pub heatmap: Heatmap,
    /// Every gap interval.
    pub gaps: Vec<CoverGapView>,
}

/// One cover gap.
#[derive(Debug, Serialize)]
pub struct CoverGapView {
    /// Local start with offset, as given (for `<time datetime>`).
    pub start_iso: String,
    /// `2008-10-25 08:00 +01:00`.
    pub start: String,
    /// Local end with offset, as given.
    pub end_iso: String,
    /// `2008-10-25 09:30 +01:00`.
    pub end: String,
    /// The gap's real length in minutes.
    pub minutes: i64,
    /// `1 h 30 min`.
    pub duration: String,
    /// Fewest staff on duty during it.
    pub staff: u32,
}

pub(super) fn cover_view(c: &CoverSummary, anchors: &FileAnchors<'_>) -> CoverView {
    CoverView {
        rota: anchors.location(&c.rota, None),
        timezone: c.timezone.clone(),
        min_staff: c.min_staff,
        pair_staff: c.pair_staff,
        window: format!("{} hours", thousands(c.window_minutes / 60)),
        gap_total: if c.gap_minutes == 0 {
            "none".to_string()
        } else {
            format!(
                "{} ({} minutes)",
                duration(c.gap_minutes),
                thousands(c.gap_minutes)
            )
        },
        has_gaps: c.gap_minutes > 0 || !c.gaps.is_empty(),
        paired_share: percent(c.paired_share * 100.0),
        heatmap: charts::heatmap(&c.heatmap, c.min_staff, c.pair_staff),
        gaps: c
            .gaps
            .iter()
            .map(|g| CoverGapView {
                start_iso: g.start.clone(),
                start: local_time(&g.start),
                end_iso: g.end.clone(),
                end: local_time(&g.end),
                minutes: g.minutes,
                duration: duration(g.minutes),
                staff: g.staff,
            })
            .collect(),
    }
}

/// `2008-10-25T08:00:00+01:00` → `2008-10-25 08:00 +01:00`; anything else as given.
fn local_time(text: &str) -> String {
    let Some((date, rest)) = text.split_once('T') else {
        return text.to_string();
    };
    let split = rest.find(['+', '-', 'Z']).unwrap_or(rest.len());
    let (time, offset) = rest.split_at(split);
    let time = time
        .strip_suffix(":00")
        .filter(|t| t.len() == 5)
        .unwrap_or(time);
    let offset = if offset == "Z" { "+00:00" } else { offset };
    format!("{date} {time} {offset}").trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_in_their_own_offset() {
        assert_eq!(
            local_time("2008-10-25T08:00:00+01:00"),
            "2008-10-25 08:00 +01:00"
        );
        assert_eq!(
            local_time("2008-10-26T01:30:00Z"),
            "2008-10-26 01:30 +00:00"
        );
        assert_eq!(local_time("not a time"), "not a time");
    }
}
