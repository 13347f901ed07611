//! Geometry of the report's two inline SVG charts, worked out here so the
//! templates only place elements: the domain-score bars and the 7 × 24
//! cover heatmap. Every mark also carries its value as text, so the charts
//! read in greyscale and without colour.

use accredit_core::assess::{DomainScore, HeatmapSlot};
use serde::Serialize;

/// Days of the heatmap's rows, Monday first (as [`HeatmapSlot::day`] spells them).
const DAYS: [(&str, &str); 7] = [
    ("Mon", "Monday"),
    ("Tue", "Tuesday"),
    ("Wed", "Wednesday"),
    ("Thu", "Thursday"),
    ("Fri", "Friday"),
    ("Sat", "Saturday"),
    ("Sun", "Sunday"),
];

/// Gap hours named in the heatmap's text alternative before "and N more".
const GAP_HOURS_NAMED: usize = 12;

/// A text placed in a chart.
#[derive(Debug, Serialize)]
pub struct Label {
    /// x.
    pub x: f64,
    /// y (baseline).
    pub y: f64,
    /// The text.
    pub text: String,
}

/// Horizontal bars of the domain scores, 0–100%, with the ready threshold.
#[derive(Debug, Serialize)]
pub struct BarChart {
    /// viewBox width.
    pub width: f64,
    /// viewBox height.
    pub height: f64,
    /// Where bars start.
    pub bar_x: f64,
    /// Bar thickness.
    pub bar_height: f64,
    /// Top of the plot.
    pub top: f64,
    /// Bottom of the plot.
    pub bottom: f64,
    /// Grid lines and their labels (0%, 25%, …).
    pub ticks: Vec<Label>,
    /// The `ready` threshold line and its label.
    pub threshold: Label,
    /// One row per domain.
    pub rows: Vec<BarRow>,
    /// Text alternative (`aria-label`).
    pub summary: String,
}

/// One domain's bar.
#[derive(Debug, Serialize)]
pub struct BarRow {
    /// Top of the bar.
    pub y: f64,
    /// Baseline of the row's texts.
    pub text_y: f64,
    /// Domain id.
    pub id: String,
    /// Domain title.
    pub title: String,
    /// Whether it has a score (otherwise "not scored" and no bar).
    pub scored: bool,
    /// Bar length.
    pub length: f64,
    /// Where the value text starts.
    pub value_x: f64,
    /// `87.5%` or `not scored`.
    pub value: String,
}

/// The domain-score chart.
pub fn domain_chart(domains: &[DomainScore], threshold: f64) -> BarChart {
    const WIDTH: f64 = 720.0;
    const BAR_X: f64 = 250.0;
    const PLOT: f64 = 400.0;
    const TOP: f64 = 26.0;
    const ROW: f64 = 28.0;
    const BAR: f64 = 16.0;
    let x_of = |percent: f64| round1(BAR_X + PLOT * percent.clamp(0.0, 100.0) / 100.0);
    let bottom = TOP + ROW * domains.len() as f64;
    let rows = domains
        .iter()
        .enumerate()
        .map(|(n, d)| {
            let y = TOP + ROW * n as f64 + (ROW - BAR) / 2.0;
            let length = d.score.map_or(0.0, |s| x_of(s) - BAR_X);
            BarRow {
                y: round1(y),
                text_y: round1(y + BAR - 3.5),
                id: d.id.clone(),
                title: d.title.clone(),
                scored: d.score.is_some(),
                length: round1(length),
                value_x: round1(BAR_X + length + 6.0),
                value: d
                    .score
                    .map_or_else(|| "not scored".to_string(), crate::words::percent),
            }
        })
        .collect();
    let summary = domains
        .iter()
        .map(|d| match d.score {
            Some(s) => format!("{} {}: {}", d.id, d.title, crate::words::percent(s)),
            None => format!("{} {}: not scored", d.id, d.title),
        })
        .collect::<Vec<_>>()
        .join("; ");
    BarChart {
        width: WIDTH,
        height: bottom + 22.0,
        bar_x: BAR_X,
        bar_height: BAR,
        top: TOP,
        bottom,
        ticks: [0.0, 25.0, 50.0, 75.0, 100.0]
            .into_iter()
            .map(|p| Label {
                x: x_of(p),
                y: bottom + 16.0,
                text: format!("{p:.0}%"),
            })
            .collect(),
        threshold: Label {
            x: x_of(threshold),
            y: TOP - 10.0,
            text: format!("ready at {}%", trim(threshold)),
        },
        rows,
        summary: format!(
            "Domain scores out of 100% (ready at {}% overall). {summary}.",
            trim(threshold)
        ),
    }
}

/// The 7 × 24 heatmap of the lowest desk staffing per local hour of the week.
#[derive(Debug, Serialize)]
pub struct Heatmap {
    /// viewBox width.
    pub width: f64,
    /// viewBox height.
    pub height: f64,
    /// Drawn cell width.
    pub cell_width: f64,
    /// Drawn cell height.
    pub cell_height: f64,
    /// Row labels (`Mon` … `Sun`).
    pub days: Vec<Label>,
    /// Column labels (`00` … `23`).
    pub hours: Vec<Label>,
    /// One per slot, Monday 00:00 first.
    pub cells: Vec<HeatCell>,
    /// Slots below the minimum.
    pub gap_slots: usize,
    /// Text alternative (`aria-label`).
    pub summary: String,
    /// What each shade means.
    pub legend: Vec<LegendEntry>,
}

/// One hour-of-week slot.
#[derive(Debug, Serialize)]
pub struct HeatCell {
    /// Left edge of the cell, in SVG user units.
    pub x: f64,
    /// Top edge of the cell, in SVG user units.
    pub y: f64,
    /// Centre of the number.
    pub text_x: f64,
    /// Baseline of the number.
    pub text_y: f64,
    /// Where the ✕ of a gap goes.
    pub mark_x: f64,
    /// Baseline of the ✕.
    pub mark_y: f64,
    /// Lowest staffing, or `–` when the window never reaches the slot.
    pub text: String,
    /// `gap`, `lone`, `paired`, `strong` or `unseen` (CSS class).
    pub level: &'static str,
    /// Below the minimum.
    pub gap: bool,
    /// Tooltip and accessible name.
    pub title: String,
}

/// A legend entry.
#[derive(Debug, Serialize)]
pub struct LegendEntry {
    /// The cell class it shows.
    pub level: &'static str,
    /// What it means.
    pub text: String,
}

/// Lays out `slots` (normally 168, Monday 00:00 first).
pub fn heatmap(slots: &[HeatmapSlot], min_staff: u32, pair_staff: u32) -> Heatmap {
    const LEFT: f64 = 40.0;
    const TOP: f64 = 20.0;
    const COLUMN: f64 = 30.0;
    const ROW: f64 = 26.0;
    const INSET: f64 = 1.0;
    let strong = pair_staff.max(min_staff) + 2;
    let mut gap_names = Vec::new();
    let cells: Vec<HeatCell> = slots
        .iter()
        .enumerate()
        .map(|(n, slot)| {
            let day = DAYS
                .iter()
                .position(|(short, _)| *short == slot.day)
                .unwrap_or(n / 24 % 7);
            let hour = f64::from(slot.hour.min(23));
            let x = LEFT + COLUMN * hour + INSET;
            let y = TOP + ROW * day as f64 + INSET;
            let seen = slot.occurrences > 0;
            let gap = seen && slot.lowest < min_staff;
            let level = match () {
                _ if !seen => "unseen",
                _ if gap => "gap",
                _ if slot.lowest >= strong => "strong",
                _ if slot.lowest >= pair_staff => "paired",
                _ => "lone",
            };
            let when = format!(
                "{} {:02}:00–{:02}:00",
                DAYS[day].1,
                slot.hour,
                (u32::from(slot.hour) + 1) % 24
            );
            if gap {
                gap_names.push(format!("{} {:02}:00", DAYS[day].0, slot.hour));
            }
            let title = if seen {
                format!(
                    "{when}: lowest {} desk staff, typically {} ({} {} in the window){}",
                    slot.lowest,
                    slot.typical,
                    slot.occurrences,
                    if slot.occurrences == 1 {
                        "time"
                    } else {
                        "times"
                    },
                    if gap {
                        format!(" — below the minimum of {min_staff}: a gap")
                    } else {
                        String::new()
                    }
                )
            } else {
                format!("{when}: not in the assessment window")
            };
            let centre = x + (COLUMN - 2.0 * INSET) / 2.0;
            HeatCell {
                x,
                y,
                // A gap's number moves left to make room for its ✕.
                text_x: if gap { centre - 5.0 } else { centre },
                text_y: y + 16.0,
                mark_x: centre + 6.0,
                mark_y: y + 16.0,
                text: if seen {
                    slot.lowest.to_string()
                } else {
                    "–".to_string()
                },
                level,
                gap,
                title,
            }
        })
        .collect();
    let gap_slots = gap_names.len();
    let summary = if gap_slots == 0 {
        format!(
            "Lowest desk staffing in each local hour of the week, Monday to Sunday. No hour falls below the minimum of {min_staff}."
        )
    } else {
        let mut named = gap_names
            .iter()
            .take(GAP_HOURS_NAMED)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if gap_slots > GAP_HOURS_NAMED {
            named.push_str(&format!(" and {} more", gap_slots - GAP_HOURS_NAMED));
        }
        format!(
            "Lowest desk staffing in each local hour of the week, Monday to Sunday. {gap_slots} of {} hours fall below the minimum of {min_staff} at some point in the window: {named}.",
            cells.len()
        )
    };
    let mut legend = vec![LegendEntry {
        level: "gap",
        text: format!("✕ gap: fewer than {min_staff} on duty"),
    }];
    if pair_staff > min_staff {
        legend.push(LegendEntry {
            level: "lone",
            text: format!("minimum met, below {pair_staff} (lone working)"),
        });
    }
    legend.push(LegendEntry {
        level: "paired",
        text: format!("{} or more", pair_staff.max(min_staff)),
    });
    legend.push(LegendEntry {
        level: "strong",
        text: format!("{strong} or more"),
    });
    legend.push(LegendEntry {
        level: "unseen",
        text: "– not in the window".to_string(),
    });
    Heatmap {
        width: LEFT + COLUMN * 24.0,
        height: TOP + ROW * 7.0,
        cell_width: COLUMN - 2.0 * INSET,
        cell_height: ROW - 2.0 * INSET,
        days: DAYS
            .iter()
            .enumerate()
            .map(|(n, (short, _))| Label {
                x: LEFT - 6.0,
                y: TOP + ROW * n as f64 + 17.0,
                text: (*short).to_string(),
            })
            .collect(),
        hours: (0..24)
            .map(|h| Label {
                x: LEFT + COLUMN * f64::from(h) + COLUMN / 2.0,
                y: TOP - 6.0,
                text: format!("{h:02}"),
            })
            .collect(),
        cells,
        gap_slots,
        summary,
        legend,
    }
}

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

fn trim(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}
