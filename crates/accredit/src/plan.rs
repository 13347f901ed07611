//! `accredit plan`: the improvement plan — one item per gap, invalid
//! evidence first, with action, owner and due date — as text, Markdown,
//! CSV, JSON (`schemas/plan.schema.json`) or an OSCAL POA&M.
//!
//! Every format is written through [`write_plan`], so that a signed
//! statement of the plan (`--attest`) can be added in one place.

use std::path::PathBuf;

use accredit_core::plan::{Plan, plan};
use clap::{Args, ValueEnum};

use crate::cli::{PackArgs, ScoreArgs};
use crate::exit::{Exit, Failure};
use crate::output::{self, Destination};
use crate::render::plan as render;
use crate::score;
use crate::terminal::Style;

/// `accredit plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The pack.
    #[command(flatten)]
    pub pack: PackArgs,
    /// Ruleset: the built-in id, a file, or a directory holding ruleset.yaml.
    #[arg(long, value_name = "ID|PATH")]
    pub ruleset: Option<String>,
    /// The run date (YYYY-MM-DD): evidence dated after it is not counted; the OSCAL timestamps. Default: today.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<jiff::civil::Date>,
    /// A directory of assessor `kind: Override` files: their results are planned from, as in `score`.
    #[arg(long, value_name = "DIR")]
    pub overrides: Option<PathBuf>,
    /// Output format (default: text, or what the extension of --output names: .txt, .md, .csv, .json).
    #[arg(long, value_enum)]
    pub format: Option<PlanFormat>,
    /// Write to this file instead of standard output (never inside the pack).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Plan formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    /// The plan for people.
    Text,
    /// The plan as Markdown.
    Markdown,
    /// One row per item, UTF-8 with BOM, for spreadsheets.
    Csv,
    /// The full plan (`schemas/plan.schema.json`).
    Json,
    /// OSCAL 1.1 plan of action and milestones (JSON).
    Oscal,
}

const EXTENSIONS: &[(&str, PlanFormat)] = &[
    ("txt", PlanFormat::Text),
    ("", PlanFormat::Text),
    ("md", PlanFormat::Markdown),
    ("csv", PlanFormat::Csv),
    ("json", PlanFormat::Json),
];

/// Runs `plan`: exit 0 when the plan was written (a plan is not a gate).
pub fn run(args: &PlanArgs, style: Style) -> Result<Exit, Failure> {
    let (destination, format) = output::destination_and_format(
        args.output.as_deref(),
        args.format,
        PlanFormat::Text,
        EXTENSIONS,
        &[&args.pack.pack],
    )?;
    let score_args = ScoreArgs::assessing(
        &args.pack,
        args.ruleset.clone(),
        args.as_of,
        args.overrides.clone(),
    );
    let loaded = match score::load_for_assessment(&score_args, style)? {
        Ok(loaded) => loaded,
        Err(exit) => return Ok(exit),
    };
    let assessment = accredit_core::assess::assess_with_overrides(
        &loaded.evidence,
        &loaded.ruleset,
        loaded.as_of,
        &loaded.overrides,
    )
    .map_err(|e| Failure::new(&e))?;
    let made = plan(&loaded.evidence, &loaded.ruleset, &assessment);
    let digest = render::oscal::pack_digest(&assessment.files);
    write_plan(&made, &digest, format, &destination)?;
    Ok(Exit::Passed)
}

/// Renders the plan in `format` and writes it to `destination` (atomically
/// for a file). `digest` is the pack's digest, which the OSCAL UUIDs derive from.
pub fn write_plan(
    plan: &Plan,
    digest: &str,
    format: PlanFormat,
    destination: &Destination,
) -> Result<(), Failure> {
    let text = match format {
        PlanFormat::Text => render::text(plan),
        PlanFormat::Markdown => render::markdown(plan),
        PlanFormat::Csv => render::csv(plan),
        PlanFormat::Json => render::json(plan),
        PlanFormat::Oscal => render::oscal::render(plan, digest),
    };
    output::emit(destination, &text)
}
