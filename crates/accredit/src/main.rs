//! The `accredit` command.

/// Writes to standard output; a closed pipe (`accredit … | head`) is not an
/// error, any other write error makes the command exit 2 (see [`output`]).
macro_rules! out {
    ($($arg:tt)*) => {{
        $crate::output::print(format_args!($($arg)*));
    }};
}

/// [`out!`] with a newline.
macro_rules! outln {
    ($($arg:tt)*) => {{
        $crate::output::print(format_args!("{}\n", format_args!($($arg)*)));
    }};
}

mod cli;
mod completion;
mod diagnostics;
mod diff;
mod encode;
mod exit;
mod finding_codes;
mod gate;
mod guide;
mod init;
mod output;
mod plan;
mod portfolio;
mod render;
mod report;
mod rules;
mod rules_test;
mod ruleset_choice;
mod run;
mod schema;
mod score;
mod signing;
mod terminal;
mod timeline;
mod validate;
mod validate_formats;
mod words;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};
use exit::Exit;
use terminal::Style;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let style = Style::detect(cli.color);
    let outcome = match &cli.command {
        Command::Validate(args) => validate::run(args, style, cli.quiet),
        Command::Score(args) => score::run(args, style, cli.quiet),
        Command::Report(args) => report::run(args, style, cli.quiet),
        Command::Rules(args) => run_rules(args),
        Command::Schema { kind, draft } => schema::run(kind.as_deref(), *draft),
        Command::Guide { kind } => guide::run(kind.as_deref()),
        Command::Init {
            dir,
            organisation,
            ods,
            lsp,
            start,
        } => init::run(
            dir,
            &init::Applicant {
                organisation,
                ods,
                lsp,
                start: *start,
            },
        ),
        Command::Portfolio(args) => portfolio::run(args),
        Command::Timeline(args) => timeline::run(args, style),
        Command::Plan(args) => plan::run(args, style),
        Command::Diff { old, new, format } => diff::run(old, new, *format, style),
        Command::Keygen { key } => signing::keygen(key, cli.quiet),
        Command::Verify(args) => signing::verify::run(args),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut command, "accredit", &mut script);
            out!("{}", String::from_utf8_lossy(&script));
            Ok(Exit::Passed)
        }
    };
    // Output that could not be written completely is a failure (exit 2).
    let outcome = outcome.and_then(|exit| output::finish_stdout().map(|()| exit));
    match outcome {
        Ok(exit) => exit.into(),
        Err(failure) => {
            failure.report(style);
            Exit::CannotAssess.into()
        }
    }
}

fn run_rules(args: &cli::RulesArgs) -> Result<Exit, exit::Failure> {
    let ruleset = ruleset_choice::choose(args.ruleset.as_deref())?;
    match &args.action {
        None | Some(cli::RulesAction::List) => rules::print(&rules::list(&ruleset)),
        Some(cli::RulesAction::Show { id }) => rules::print(&rules::show(&ruleset, id)?),
        Some(cli::RulesAction::Docs) => rules::print(&rules::markdown(&ruleset)),
        Some(cli::RulesAction::Codes) => rules::print(&finding_codes::page(&ruleset)),
        Some(cli::RulesAction::Test { dir }) => rules_test::run(dir, &ruleset),
    }
}
