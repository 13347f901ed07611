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
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print only what the gate needs (diagnostics and the verdict line).
    #[arg(short, long, global = true)]
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

/// `accredit rules list|show|test`.
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
    /// Run the ruleset over fixture packs and compare with expected results (*.test.yaml).
    Test {
        /// Directory of *.test.yaml files.
        dir: PathBuf,
    },
}

/// Options shared by every command that reads a pack.
#[derive(Debug, Args)]
pub struct PackArgs {
    /// The evidence pack directory.
    #[arg(default_value = ".")]
    pub pack: PathBuf,
    /// Largest YAML or Markdown file read, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 16 * 1024 * 1024)]
    pub max_file_size: u64,
}

/// `accredit validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The pack.
    #[command(flatten)]
    pub pack: PackArgs,
    /// Ruleset whose application ids are known: the built-in id, a file, or a directory holding ruleset.yaml.
    #[arg(long, value_name = "ID|PATH")]
    pub ruleset: Option<String>,
    /// Output format: text (diagnostics and a summary), json, github (annotations), sarif, junit.
    #[arg(long, value_enum, default_value_t = crate::validate_formats::ValidateFormat::Text)]
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

/// `accredit score`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The pack.
    #[command(flatten)]
    pub pack: PackArgs,
    /// Ruleset: the built-in id (`lsd-accreditation` or `lsd-accreditation@1`), a file, or a directory holding ruleset.yaml.
    #[arg(long, value_name = "ID|PATH")]
    pub ruleset: Option<String>,
    /// The run date (YYYY-MM-DD); evidence dated after it is not counted. Default: today. Pin it for reproducible results.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<jiff::civil::Date>,
    /// Output format — text, json, markdown, junit, sarif, github, html — or FORMAT=PATH to write it to a file; may be repeated.
    #[arg(long, value_name = "FORMAT[=PATH]", value_parser = crate::completion::FormatTargetParser)]
    pub format: Vec<crate::render::FormatTarget>,
    /// Write the first format given without a path to this file (never inside the pack); without --format its extension names the format: .txt or none, .html, .json, .md, .sarif, .xml (JUnit).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Lowest verdict that passes the gate. Default `ready`; with --baseline, no verdict gate unless given.
    #[arg(long, value_enum)]
    pub require: Option<Require>,
    /// A directory of assessor `kind: Override` files: their results are scored, beside the tool's.
    #[arg(long, value_name = "DIR")]
    pub overrides: Option<PathBuf>,
    /// A previous JSON result (`--format json`): each format reports what changed since it, and
    /// the gate fails on any new or worse gap. Without --require the verdict is not gated (a
    /// not-ready pack that did not regress passes); with --require the verdict must also reach it.
    /// --fail-under still applies, and invalid evidence still fails.
    #[arg(long, value_name = "OLD.json")]
    pub baseline: Option<PathBuf>,
    /// Fail the gate when the overall score is below N (percent).
    #[arg(long, value_name = "N")]
    pub fail_under: Option<f64>,
    /// Signing the result.
    #[command(flatten)]
    pub attest: AttestArgs,
}

impl ScoreArgs {
    /// The `score` options with which another command (`report`, `plan`,
    /// `timeline`, `portfolio`) assesses one pack: no outputs, no baseline,
    /// no signing and no gate options (set those with struct update syntax).
    pub fn assessing(
        pack: &PackArgs,
        ruleset: Option<String>,
        as_of: Option<jiff::civil::Date>,
        overrides: Option<PathBuf>,
    ) -> ScoreArgs {
        ScoreArgs {
            pack: PackArgs {
                pack: pack.pack.clone(),
                max_file_size: pack.max_file_size,
            },
            ruleset,
            as_of,
            format: Vec::new(),
            output: None,
            require: None,
            overrides,
            baseline: None,
            fail_under: None,
            attest: AttestArgs::default(),
        }
    }
}

/// `accredit report`: the evaluation options of `score`, one output (the HTML report).
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The pack.
    #[command(flatten)]
    pub pack: PackArgs,
    /// Ruleset: the built-in id (`lsd-accreditation` or `lsd-accreditation@1`), a file, or a directory holding ruleset.yaml.
    #[arg(long, value_name = "ID|PATH")]
    pub ruleset: Option<String>,
    /// The run date (YYYY-MM-DD); evidence dated after it is not counted. Default: today. Pin it for reproducible results.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<jiff::civil::Date>,
    /// Where to write the report, e.g. report.html (`-` for standard output).
    #[arg(short, long, value_name = "FILE.html", required = true)]
    pub output: PathBuf,
    /// Lowest verdict that passes the gate.
    #[arg(long, value_enum, default_value_t = Require::Ready)]
    pub require: Require,
    /// A directory of assessor `kind: Override` files: their results are scored, beside the tool's.
    #[arg(long, value_name = "DIR")]
    pub overrides: Option<PathBuf>,
    /// Fail the gate when the overall score is below N (percent).
    #[arg(long, value_name = "N")]
    pub fail_under: Option<f64>,
    /// Signing the result.
    #[command(flatten)]
    pub attest: AttestArgs,
}

/// `--attest FILE --key KEY`: sign the result (for every command that writes one).
#[derive(Debug, Clone, Default, Args)]
pub struct AttestArgs {
    /// Also write a signed DSSE envelope of an in-toto statement of this result and the pack's files (never inside the pack); needs --key.
    #[arg(long, value_name = "FILE", requires = "key")]
    pub attest: Option<PathBuf>,
    /// The Ed25519 private key that signs --attest (from `accredit keygen`).
    #[arg(long, value_name = "KEY", requires = "attest")]
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
