//! Command-line arguments (clap derive), parsed close to the flags; commands
//! validate and derive what they need from them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Check an NHS trust's service desk evidence against the Local Service Desk
/// (LSD) accreditation standard.
#[derive(Debug, Parser)]
#[command(name = "accredit", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, display_order = help_order::GLOBAL)]
    pub color: ColorChoice,
    /// Print only what the gate needs (diagnostics and the verdict line).
    #[arg(short, long, global = true, display_order = help_order::GLOBAL + 1)]
    pub quiet: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load the pack, check every file against its schema and every reference.
    Validate(ValidateArgs),
    /// Validate, evaluate the ruleset, print scores, verdict and gaps.
    Score(ScoreArgs),
    /// Write the HTML gap report (the same evaluation and gate as `score`).
    Report(ReportArgs),
    /// The ruleset's requirements: what satisfies each and how it is measured.
    Rules(RulesArgs),
    /// Print the JSON Schema of an evidence kind (for editors), the ruleset or the result.
    Schema {
        /// Kind: Pack, ServiceDesk, Rota, … or ruleset, result. Without it, lists them.
        #[arg(value_parser = crate::completion::schema_names(), hide_possible_values = true)]
        kind: Option<String>,
        /// JSON Schema draft: 2020-12 (as shipped) or 7 (for yaml-language-server).
        #[arg(long, value_enum, default_value_t = crate::schema::Draft::Draft2020)]
        draft: crate::schema::Draft,
    },
    /// The pack format guide: every kind of evidence, with an example that validates.
    Guide {
        /// Kind: Pack, ServiceDesk, Rota, EscalationPlan, … Without it, the whole guide.
        #[arg(value_parser = crate::completion::kind_names(), hide_possible_values = true)]
        kind: Option<String>,
    },
    /// Start a new evidence pack: one annotated file of every kind.
    Init {
        /// Directory to create (must be new or empty).
        dir: PathBuf,
        /// The applicant trust's name.
        #[arg(long, default_value = "Example Hospitals NHS Trust")]
        organisation: String,
        /// Its ODS code.
        #[arg(long, default_value = "RXX")]
        ods: String,
        /// The Local Service Provider.
        #[arg(long, default_value = "BT Health")]
        lsp: String,
        /// Planned first day of the assessment window (default: the first Monday at least 12 weeks away).
        #[arg(long, value_name = "DATE")]
        start: Option<jiff::civil::Date>,
    },
    /// Score many packs (an assessor's caseload) into one summary.
    Portfolio(crate::portfolio::PortfolioArgs),
    /// Readiness by assessment start date: runs, the earliest ready date, the lapse calendar.
    Timeline(crate::timeline::TimelineArgs),
    /// The improvement plan: one item per gap with its action, owner and due date.
    Plan(crate::plan::PlanArgs),
    /// What changed between two scored results: score movement, closed and new gaps.
    Diff {
        /// The earlier result (`score --format json`).
        old: PathBuf,
        /// The later result.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = crate::diff::DiffFormat::Text)]
        format: crate::diff::DiffFormat,
    },
    /// Make an Ed25519 signing key pair: KEY (private, mode 0600) and KEY.pub.
    Keygen {
        /// Where to write the private key; the public key goes to KEY.pub. Neither may exist.
        key: PathBuf,
    },
    /// Check a signed result (`--attest`): its signature, and optionally the pack and the result file.
    Verify(VerifyArgs),
    /// Print shell completions.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// `accredit rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// What to show.
    #[command(subcommand)]
    pub action: Option<RulesAction>,
    /// Ruleset: the built-in id, a file, or a directory holding ruleset.yaml.
    #[arg(long, global = true, value_name = "ID|PATH")]
    pub ruleset: Option<String>,
}

/// `accredit rules list|show|docs|codes|test`.
#[derive(Debug, Subcommand)]
pub enum RulesAction {
    /// One line per requirement (the default).
    List,
    /// One requirement in full.
    Show {
        /// Requirement id, e.g. COV-02.
        #[arg(value_parser = crate::completion::requirement_ids(), hide_possible_values = true)]
        id: String,
    },
    /// The ruleset's documentation as Markdown.
    Docs,
    /// Every finding code, with its meaning, its fix and the requirements
    /// that can report it, as Markdown (docs/finding-codes.md).
    Codes,
    /// Run the ruleset over fixture packs and compare with expected results (*.test.yaml).
    Test {
        /// Directory of *.test.yaml files.
        dir: PathBuf,
    },
}

/// Options shared by every command that reads a pack.
#[derive(Debug, Clone, Args)]
pub struct PackArgs {
    /// The evidence pack directory.
    #[arg(default_value = ".")]
    pub pack: PathBuf,
    /// Largest YAML or Markdown file read, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 16 * 1024 * 1024, display_order = help_order::MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

/// `accredit validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The pack.
    #[command(flatten)]
    pub pack: PackArgs,
    /// Ruleset whose application ids are known: the built-in id, a file, or a directory holding ruleset.yaml.
    #[arg(long, value_name = "ID|PATH", display_order = help_order::RULESET)]
    pub ruleset: Option<String>,
    /// Output format: text (diagnostics and a summary), json, github (annotations), sarif, junit.
    #[arg(long, value_enum, default_value_t = crate::validate_formats::ValidateFormat::Text, display_order = help_order::OUTPUTS)]
    pub format: crate::validate_formats::ValidateFormat,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Where each option of the commands that assess appears in `--help`: clap
/// lists options by this number (then by name), so the options shared
/// through [`AssessArgs`] and [`GateArgs`] keep each command's own order.
pub mod help_order {
    /// `--max-file-size`.
    pub const MAX_FILE_SIZE: usize = 10;
    /// Options of a command that come before `--ruleset` (`timeline --from`).
    pub const BEFORE_RULESET: usize = 15;
    /// `--ruleset`.
    pub const RULESET: usize = 20;
    /// `--as-of`.
    pub const AS_OF: usize = 30;
    /// A command's own outputs (`--format`, `--output`) before the gate.
    pub const OUTPUTS: usize = 40;
    /// `--require`.
    pub const REQUIRE: usize = 60;
    /// `--overrides`.
    pub const OVERRIDES: usize = 70;
    /// A command's own options after `--overrides`.
    pub const AFTER_OVERRIDES: usize = 75;
    /// `--baseline`.
    pub const BASELINE: usize = 80;
    /// `--fail-under`.
    pub const FAIL_UNDER: usize = 90;
    /// `--attest` and `--key`.
    pub const ATTEST: usize = 100;
    /// `--color` and `--quiet`, after every command's own options.
    pub const GLOBAL: usize = 200;
}

/// The `--ruleset` help of the commands that do not gate (`plan`,
/// `timeline`, `portfolio`).
pub const RULESET_HELP: &str =
    "Ruleset: the built-in id, a file, or a directory holding ruleset.yaml";

/// How one pack is assessed (`score`, `report`, `plan`, `timeline`): the
/// pack, the ruleset, the run date and the assessor's overrides. Resolved
/// once into a [`crate::run::Run`]. Commands reword a help line with
/// `mut_arg` where their meaning differs.
#[derive(Debug, Clone, Args)]
pub struct AssessArgs {
    /// The pack.
    #[command(flatten)]
    pub pack: PackArgs,
    /// Ruleset: the built-in id (`lsd-accreditation` or `lsd-accreditation@1`), a file, or a directory holding ruleset.yaml.
    #[arg(long, value_name = "ID|PATH", display_order = help_order::RULESET)]
    pub ruleset: Option<String>,
    /// The run date (YYYY-MM-DD); evidence dated after it is not counted. Default: today. Pin it for reproducible results.
    #[arg(long, value_name = "DATE", display_order = help_order::AS_OF)]
    pub as_of: Option<jiff::civil::Date>,
    /// A directory of assessor `kind: Override` files: their results are scored, beside the tool's.
    #[arg(long, value_name = "DIR", display_order = help_order::OVERRIDES)]
    pub overrides: Option<PathBuf>,
}

/// The gate (`score`, `report`, `portfolio`): the lowest verdict and score
/// that pass. Resolved into a [`crate::gate::Gate`].
#[derive(Debug, Clone, Args)]
pub struct GateArgs {
    /// Lowest verdict that passes the gate. Default `ready`; with --baseline, no verdict gate unless given.
    #[arg(long, value_enum, display_order = help_order::REQUIRE)]
    pub require: Option<Require>,
    /// Fail the gate when the overall score is below N (percent).
    #[arg(long, value_name = "N", display_order = help_order::FAIL_UNDER)]
    pub fail_under: Option<f64>,
}

/// `accredit score`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The pack, ruleset, run date and overrides.
    #[command(flatten)]
    pub assess: AssessArgs,
    /// Output format — text, json, markdown, junit, sarif, github, html — or FORMAT=PATH to write it to a file; may be repeated.
    #[arg(long, value_name = "FORMAT[=PATH]", value_parser = crate::completion::FormatTargetParser, display_order = help_order::OUTPUTS)]
    pub format: Vec<crate::render::FormatTarget>,
    /// Write the first format given without a path to this file (never inside the pack); without --format its extension names the format: .txt or none, .html, .json, .md, .sarif, .xml (JUnit).
    #[arg(short, long, value_name = "FILE", display_order = help_order::OUTPUTS + 1)]
    pub output: Option<PathBuf>,
    /// The gate.
    #[command(flatten)]
    pub gate: GateArgs,
    /// A previous JSON result (`--format json`): each format reports what changed since it, and
    /// the gate fails on any new or worse gap. Without --require the verdict is not gated (a
    /// not-ready pack that did not regress passes); with --require the verdict must also reach it.
    /// --fail-under still applies, and invalid evidence still fails.
    #[arg(long, value_name = "OLD.json", display_order = help_order::BASELINE)]
    pub baseline: Option<PathBuf>,
    /// Signing the result.
    #[command(flatten)]
    pub attest: AttestArgs,
}

/// `accredit report`: the evaluation options of `score`, one output (the HTML report).
#[derive(Debug, Args)]
#[command(mut_arg("require", |a| a.help("Lowest verdict that passes the gate").default_value("ready")))]
pub struct ReportArgs {
    /// The pack, ruleset, run date and overrides.
    #[command(flatten)]
    pub assess: AssessArgs,
    /// Where to write the report, e.g. report.html (`-` for standard output).
    #[arg(short, long, value_name = "FILE.html", required = true, display_order = help_order::OUTPUTS)]
    pub output: PathBuf,
    /// The gate (`--require` defaults to `ready`).
    #[command(flatten)]
    pub gate: GateArgs,
    /// Signing the result.
    #[command(flatten)]
    pub attest: AttestArgs,
}

/// `--attest FILE --key KEY`: sign the result (for every command that writes one).
#[derive(Debug, Clone, Default, Args)]
pub struct AttestArgs {
    /// Also write a signed DSSE envelope of an in-toto statement of this result and the pack's files (never inside the pack); needs --key.
    #[arg(long, value_name = "FILE", requires = "key", display_order = help_order::ATTEST)]
    pub attest: Option<PathBuf>,
    /// The Ed25519 private key that signs --attest (from `accredit keygen`).
    #[arg(long, value_name = "KEY", requires = "attest", display_order = help_order::ATTEST + 1)]
    pub key: Option<PathBuf>,
}

/// `accredit verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The signed envelope (written by --attest).
    pub envelope: PathBuf,
    /// The signer's public key (KEY.pub from `accredit keygen`).
    #[arg(long, value_name = "KEY.pub")]
    pub key: PathBuf,
    /// Re-hash this pack and list every file added, removed or changed since signing.
    #[arg(long, value_name = "DIR")]
    pub pack: Option<PathBuf>,
    /// Check that this JSON result (`score --format json`) is the one signed.
    #[arg(long, value_name = "RESULT.json")]
    pub result: Option<PathBuf>,
}

/// The verdict a gate requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Require {
    /// `ready`.
    Ready,
    /// `approaching` or better.
    Approaching,
    /// Any verdict.
    Any,
}
