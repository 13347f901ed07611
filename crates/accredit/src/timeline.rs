//! `accredit timeline`: readiness by assessment start date, as text, JSON
//! (`schemas/timeline.schema.json`) or Markdown. Evidence text goes through
//! [`crate::encode`] for each consumer.

use std::path::PathBuf;

use accredit_core::timeline::{Lapse, Timeline};
use clap::{Args, ValueEnum};
use jiff::civil::Date;

use crate::cli::{AssessArgs, RULESET_HELP, help_order};
use crate::encode;
use crate::exit::{Exit, Failure};
use crate::output;
use crate::run::Run;
use crate::terminal::Style;

/// `accredit timeline`.
#[derive(Debug, Args)]
#[command(
    mut_arg("ruleset", |a| a.help(RULESET_HELP)),
    mut_arg("as_of", |a| a.help("The run date (YYYY-MM-DD), fixed for every start: evidence dated after it is not counted. Default: today")),
    mut_arg("overrides", |a| a.help("A directory of assessor `kind: Override` files")),
)]
pub struct TimelineArgs {
    /// The pack, ruleset, run date and overrides.
    #[command(flatten)]
    pub assess: AssessArgs,
    /// First candidate start date (default: the --as-of date).
    #[arg(long, value_name = "DATE", display_order = help_order::BEFORE_RULESET)]
    pub from: Option<Date>,
    /// Last candidate start date (default: --from + 26 weeks).
    #[arg(long, value_name = "DATE", display_order = help_order::BEFORE_RULESET + 1)]
    pub to: Option<Date>,
    /// Output format (default: text, or what the extension of --output names: .txt, .json, .md).
    #[arg(long, value_enum, display_order = help_order::AFTER_OVERRIDES)]
    pub format: Option<TimelineFormat>,
    /// Write to this file instead of standard output (never inside the pack).
    #[arg(short, long, value_name = "FILE", display_order = help_order::AFTER_OVERRIDES + 1)]
    pub output: Option<PathBuf>,
}

/// Timeline formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimelineFormat {
    /// Runs, reasons and the lapse calendar for people.
    Text,
    /// The full timeline (`schemas/timeline.schema.json`).
    Json,
    /// Tables for a pull request or a board paper.
    Markdown,
}

const EXTENSIONS: &[(&str, TimelineFormat)] = &[
    ("txt", TimelineFormat::Text),
    ("", TimelineFormat::Text),
    ("json", TimelineFormat::Json),
    ("md", TimelineFormat::Markdown),
];

/// The default range: 26 weeks after `from`.
const DEFAULT_WEEKS: i64 = 26;

/// The default range from `from`: 26 weeks after it.
pub fn default_range(from: Date) -> Result<(Date, Date), Failure> {
    let to = from
        .checked_add(jiff::Span::new().weeks(DEFAULT_WEEKS))
        .map_err(|e| Failure::msg(format!("cannot add 26 weeks to {from}: {e}")))?;
    Ok((from, to))
}

/// Runs `timeline`.
pub fn run(args: &TimelineArgs, style: Style) -> Result<Exit, Failure> {
    let (destination, format) = output::destination_and_format(
        args.output.as_deref(),
        args.format,
        TimelineFormat::Text,
        EXTENSIONS,
        &[&args.assess.pack.pack],
    )?;
    let run = Run::load(&args.assess, style)?;
    let from = args.from.unwrap_or(run.as_of);
    let to = match args.to {
        Some(to) => to,
        None => default_range(from)?.1,
    };
    let made = run.timeline(from, to)?;
    let text = render(&made, format);
    output::emit(&destination, &text)?;
    Ok(Exit::Passed)
}

/// The timeline in `format`.
pub fn render(timeline: &Timeline, format: TimelineFormat) -> String {
    match format {
        TimelineFormat::Text => text(timeline),
        TimelineFormat::Json => json(timeline),
        TimelineFormat::Markdown => markdown(timeline),
    }
}

/// Pretty JSON, keys in a fixed order, hardened like every JSON output.
pub fn json(timeline: &Timeline) -> String {
    let mut text = serde_json::to_string_pretty(timeline)
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot serialise the timeline: {e}\"}}"));
    text.push('\n');
    encode::json::harden(text)
}

/// The lapses the text and Markdown show: those from a date in the range,
/// with how many fall before it (already lapsed) and after it.
fn shown_lapses(timeline: &Timeline) -> (Vec<&Lapse>, usize, usize) {
    let shown = timeline
        .lapses
        .iter()
        .filter(|l| l.from >= timeline.from && l.from <= timeline.to)
        .collect();
    let before = timeline
        .lapses
        .iter()
        .filter(|l| l.from < timeline.from)
        .count();
    let after = timeline
        .lapses
        .iter()
        .filter(|l| l.from > timeline.to)
        .count();
    (shown, before, after)
}

fn earliest(timeline: &Timeline) -> String {
    match (timeline.earliest_ready, timeline.ready_until) {
        (Some(from), Some(until)) => format!("{from}, ready until {until}"),
        _ => format!("never ready between {} and {}", timeline.from, timeline.to),
    }
}

fn text(timeline: &Timeline) -> String {
    use encode::text::text as t;
    let mut out = String::new();
    out.push_str(&format!(
        "Readiness by start date: {}\n",
        encode::text::at_line_start(&timeline.organisation, "organisation: ")
    ));
    out.push_str(&format!(
        "Start dates {} to {} (as of {}; planned start {}; window {} days)\n",
        timeline.from, timeline.to, timeline.as_of, timeline.planned_start, timeline.window_days
    ));
    out.push_str(&format!("Earliest ready: {}\n\nRuns\n", earliest(timeline)));
    for run in &timeline.runs {
        let unmet = if run.unmet.is_empty() {
            "no gaps".to_string()
        } else {
            format!("unmet: {}", t(&run.unmet.join(", ")))
        };
        out.push_str(&format!(
            "  {} to {}  {:<11}  {:>7}  {unmet}\n",
            run.from,
            run.to,
            run.verdict.as_str(),
            crate::words::percent(run.overall)
        ));
        for change in &run.changes {
            out.push_str(&format!("      {}\n", t(&change.reason)));
        }
    }
    let (shown, before, after) = shown_lapses(timeline);
    out.push_str(
        "\nLapse calendar (the start date from which each piece of evidence stops counting)\n",
    );
    if shown.is_empty() {
        out.push_str("  nothing lapses in the range\n");
    }
    for lapse in shown {
        out.push_str(&format!(
            "  {}  {:<8} {:<15}  {}\n",
            lapse.from,
            t(&lapse.requirement),
            lapse.cause.as_str(),
            t(&lapse.sentence())
        ));
    }
    if before + after > 0 {
        out.push_str(&format!(
            "  ({before} lapsed before {}, {after} lapse after {}; --format json lists every one)\n",
            timeline.from, timeline.to
        ));
    }
    out
}

fn markdown(timeline: &Timeline) -> String {
    use encode::markdown::{code, inline};
    let mut out = String::new();
    out.push_str(&format!(
        "## Readiness by start date: {}\n\n",
        inline(&timeline.organisation)
    ));
    out.push_str(&format!(
        "Start dates {} to {} (as of {}; planned start {}; window {} days).\n\n**Earliest ready:** {}.\n\n",
        timeline.from,
        timeline.to,
        timeline.as_of,
        timeline.planned_start,
        timeline.window_days,
        earliest(timeline)
    ));
    out.push_str("| From | To | Verdict | Overall | Unmet |\n|---|---|---|---:|---|\n");
    for run in &timeline.runs {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            run.from,
            run.to,
            run.verdict.as_str(),
            crate::words::percent(run.overall),
            if run.unmet.is_empty() {
                "none".to_string()
            } else {
                inline(&run.unmet.join(", "))
            }
        ));
    }
    let changes: Vec<_> = timeline.runs.iter().flat_map(|r| &r.changes).collect();
    if !changes.is_empty() {
        out.push_str("\n### What changes\n\n");
        for change in changes {
            out.push_str(&format!("- {}\n", inline(&change.reason)));
        }
    }
    let (shown, before, after) = shown_lapses(timeline);
    out.push_str("\n### Lapse calendar\n\n");
    if shown.is_empty() {
        out.push_str("Nothing lapses in the range.\n");
    } else {
        out.push_str("| From | Requirement | Cause | Evidence | Where |\n|---|---|---|---|---|\n");
        for lapse in shown {
            out.push_str(&format!(
                "| {} | {} | {} | {} {} | {} |\n",
                lapse.from,
                inline(&lapse.requirement),
                lapse.cause.as_str(),
                inline(&lapse.evidence),
                inline(&lapse.reason),
                code(&lapse.location)
            ));
        }
    }
    if before + after > 0 {
        out.push_str(&format!(
            "\n{before} lapsed before {} and {after} lapse after {}; `--format json` lists every one.\n",
            timeline.from, timeline.to
        ));
    }
    out
}
