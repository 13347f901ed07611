//! `accredit plan`: the improvement plan — one item per gap, invalid
//! evidence first, with action, owner and due date — as text, Markdown,
//! CSV, JSON (`schemas/plan.schema.json`) or an OSCAL POA&M.
//!
//! Every format is written through [`write_plan`], so that a signed
//! statement of the plan (`--attest`) can be added in one place.

use std::path::PathBuf;

use accredit_core::plan::{Plan, plan};
use clap::{Args, ValueEnum};

use crate::cli::{AssessArgs, RULESET_HELP, help_order};
use crate::exit::{Exit, Failure};
use crate::output::{self, Destination};
use crate::render::plan as render;
use crate::run::Run;
use crate::terminal::Style;

/// `accredit plan`.
#[derive(Debug, Args)]
#[command(
    mut_arg("ruleset", |a| a.help(RULESET_HELP)),
    mut_arg("as_of", |a| a.help("The run date (YYYY-MM-DD): evidence dated after it is not counted; the OSCAL timestamps. Default: today")),
    mut_arg("overrides", |a| a.help("A directory of assessor `kind: Override` files: their results are planned from, as in `score`")),
)]
pub struct PlanArgs {
    /// The pack, ruleset, run date and overrides.
    #[command(flatten)]
    pub assess: AssessArgs,
    /// Output format (default: text, or what the extension of --output names: .txt, .md, .csv, .json).
    #[arg(long, value_enum, display_order = help_order::AFTER_OVERRIDES)]
    pub format: Option<PlanFormat>,
    /// Write to this file instead of standard output (never inside the pack).
    #[arg(short, long, value_name = "FILE", display_order = help_order::AFTER_OVERRIDES + 1)]
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
        &[&args.assess.pack.pack],
    )?;
    let run = Run::load(&args.assess, style)?;
    let assessment = run.assess()?;
    let made = plan(&run.evidence, &run.ruleset, &assessment);
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
