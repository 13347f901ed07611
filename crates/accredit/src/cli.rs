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
