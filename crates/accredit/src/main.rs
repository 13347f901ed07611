//! The `accredit` command.

mod cli;
mod diagnostics;
mod exit;
mod render;
mod ruleset_choice;
mod score;
mod terminal;
mod validate;

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
        Command::Score(args) => score::run(args, style),
    };
    match outcome {
        Ok(exit) => exit.into(),
        Err(failure) => {
            eprintln!("{}: {}", style.paint("1;31", "error"), failure.message);
            Exit::CannotAssess.into()
        }
    }
}
