//! `accredit validate`: load the pack, print every diagnostic, gate on errors.

use accredit_core::diagnostic::Code;
use accredit_core::load::{LoadOptions, load_pack};

use crate::cli::ValidateArgs;
use crate::diagnostics;
use crate::exit::{Exit, Failure};
use crate::terminal::Style;

/// Runs `validate`.
pub fn run(args: &ValidateArgs, style: Style, quiet: bool) -> Result<Exit, Failure> {
    let ruleset = match crate::ruleset_choice::choose(args.ruleset.as_deref())? {
        Ok(ruleset) => ruleset,
        Err(problem) => {
            crate::ruleset_choice::report(&problem, style);
            return Ok(Exit::CannotAssess);
        }
    };
    let options = LoadOptions {
        max_file_bytes: args.pack.max_file_size,
        known_applications: ruleset.application_ids(),
        ..LoadOptions::default()
    };
    let evidence = load_pack(&args.pack.pack, &options).map_err(Failure::load)?;
    out!("{}", diagnostics::render(&evidence, style));
    let errors = evidence.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = evidence.diagnostics.len() - errors;
    let documents = evidence
        .files
        .iter()
        .filter(|f| matches!(f.role, accredit_core::evidence::FileRole::Evidence(_)))
        .count();
    if !quiet {
        outln!(
            "{}, {}: {}, {}",
            plural(evidence.files.len(), "file"),
            plural(documents, "evidence document"),
            plural(errors, "error"),
            plural(warnings, "warning")
        );
    }
    let cannot_assess = evidence
        .diagnostics
        .iter()
        .any(|d| matches!(d.code, Code::EmptyPack | Code::NoPack | Code::NotADirectory));
    // The process ends next: freeing every parsed document one by one would
    // only cost time (a large pack holds millions of small allocations).
    std::mem::forget(evidence);
    Ok(if cannot_assess {
        Exit::CannotAssess
    } else if errors > 0 {
        Exit::GateFailed
    } else {
        Exit::Passed
    })
}

/// `1 error`, `2 errors`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
