//! `accredit validate`: load the pack, print every diagnostic, gate on errors.

use accredit_core::diagnostic::Code;
use accredit_core::load::{LoadOptions, load_pack};

use crate::cli::ValidateArgs;
use crate::diagnostics;
use crate::exit::{Exit, Failure};
use crate::terminal::Style;
use crate::validate_formats::{self, Counts, ValidateFormat};
use crate::words::plural;

/// Runs `validate`.
pub fn run(args: &ValidateArgs, style: Style, quiet: bool) -> Result<Exit, Failure> {
    let ruleset = crate::ruleset_choice::choose(args.ruleset.as_deref())?;
    let options = LoadOptions {
        max_file_bytes: args.pack.max_file_size,
        known_applications: ruleset.application_ids(),
        ..LoadOptions::default()
    };
    let evidence = load_pack(&args.pack.pack, &options).map_err(Failure::load)?;
    if args.format == ValidateFormat::Text {
        out!("{}", diagnostics::render(&evidence, style));
        let counts = Counts::of(&evidence);
        if !quiet {
            outln!(
                "{}, {}: {}, {}",
                plural(counts.files, "file"),
                plural(counts.documents, "evidence document"),
                plural(counts.errors, "error"),
                plural(counts.warnings, "warning")
            );
        }
    } else {
        let options = crate::render::RenderOptions {
            style,
            quiet,
            path_prefix: crate::render::RenderOptions::prefix_for(&args.pack.pack),
            baseline: None,
            readiness: None,
        };
        out!(
            "{}",
            validate_formats::render(args.format, &evidence, &options)
        );
    }
    let errors = Counts::of(&evidence).errors;
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
