//! `accredit score`: validate, evaluate the ruleset, print scores, verdict and
//! gaps; gate on the verdict and the score.

use std::io::IsTerminal;
use std::path::Path;

use accredit_core::assess::Assessment;

use crate::cli::ScoreArgs;
use crate::exit::{Exit, Failure};
use crate::gate::Gate;
use crate::output::{self, Destination};
use crate::render::{Format, FormatTarget, RenderOptions};
use crate::run::Run;
use crate::terminal::Style;

/// Runs `score`.
pub fn run(args: &ScoreArgs, style: Style, quiet: bool) -> Result<Exit, Failure> {
    let pack = &args.assess.pack.pack;
    // Paths first (inside the pack, one file twice), then what the plan adds.
    let paths: Vec<Destination> = (args.format.iter().filter_map(|t| t.path.as_deref()))
        .chain(args.output.as_deref())
        .map(Destination::from_path)
        .collect();
    output::check(&paths, &[pack])?;
    let outputs = plan_outputs(&args.format, args.output.as_deref())?;
    output::check(outputs.iter().map(|(_, d)| d), &[pack])?;
    let signer = crate::signing::prepare(&args.attest, pack, outputs.iter().map(|(_, d)| d))?;
    let run = Run::load(&args.assess, style)?;
    let assessment = run.assess()?;
    // The HTML report's "Readiness by start date", as `report` writes it.
    let readiness = match outputs.iter().any(|(f, _)| *f == Format::Html) {
        true => Some(std::sync::Arc::new(run.readiness()?)),
        false => None,
    };
    let comparison = match &args.baseline {
        Some(path) => Some(std::sync::Arc::new(baseline_comparison(path, &assessment)?)),
        None => None,
    };
    let options = RenderOptions {
        style,
        quiet,
        path_prefix: RenderOptions::prefix_for(&run.pack),
        baseline: comparison.clone(),
        readiness,
    };
    write_outputs(&assessment, &outputs, &options)?;
    if let Some(signer) = &signer {
        signer.attest(&assessment, &options)?;
    }
    let gate = Gate::of(&args.gate, args.baseline.is_some());
    let exit = gate.exit(&assessment, comparison.as_deref());
    if !quiet && !outputs.iter().any(|(_, d)| *d == Destination::Stdout) {
        let stderr_style = Style {
            color: style.color && std::io::stderr().is_terminal(),
            snippets: false,
        };
        let mut summary = crate::render::text::quiet(&assessment, stderr_style);
        summary.extend(gate.reason(&assessment, exit));
        eprint!("{summary}");
    }
    Ok(exit)
}

/// Reads the baseline and compares the assessment with it.
fn baseline_comparison(
    path: &std::path::Path,
    assessment: &Assessment,
) -> Result<accredit_core::compare::Comparison, Failure> {
    Ok(accredit_core::compare::compare(
        &crate::diff::read_result(path)?,
        &digest(assessment)?,
    ))
}

/// The current assessment in the form a comparison reads.
fn digest(assessment: &Assessment) -> Result<accredit_core::compare::ResultDigest, Failure> {
    serde_json::to_value(assessment)
        .and_then(serde_json::from_value)
        .map_err(|e| Failure::msg(format!("cannot compare with the baseline: {e}")))
}

/// Which format goes where: each `--format FORMAT[=PATH]`, with `-o PATH`
/// the destination of the first format given without a path (or, when every
/// format has one or none is given, an output of its own whose format the
/// extension names). Text on standard output when nothing is asked for.
pub fn plan_outputs(
    targets: &[FormatTarget],
    output: Option<&Path>,
) -> Result<Vec<(Format, Destination)>, Failure> {
    let mut outputs: Vec<(Format, Destination)> = Vec::new();
    let mut output = output;
    for target in targets {
        let destination = match (&target.path, output) {
            (Some(path), _) => Destination::from_path(path),
            (None, Some(path)) => {
                output = None;
                Destination::from_path(path)
            }
            (None, None) => Destination::Stdout,
        };
        outputs.push((target.format, destination));
    }
    if let Some(path) = output {
        let format = match Destination::from_path(path) {
            Destination::Stdout => Format::Text,
            Destination::File(_) => output::format_for_path(path, Format::EXTENSIONS)?,
        };
        outputs.push((format, Destination::from_path(path)));
    }
    if outputs.is_empty() {
        outputs.push((Format::Text, Destination::Stdout));
    }
    Ok(outputs)
}

/// Writes each planned output; files never get colour or snippets.
pub fn write_outputs(
    assessment: &Assessment,
    outputs: &[(Format, Destination)],
    options: &RenderOptions,
) -> Result<(), Failure> {
    for (format, destination) in outputs {
        let style = match destination {
            Destination::File(_) => Style {
                color: false,
                snippets: false,
            },
            Destination::Stdout => Style {
                color: options.style.color,
                snippets: options.style.snippets && std::io::stdout().is_terminal(),
            },
        };
        let options = RenderOptions {
            style,
            ..options.clone()
        };
        output::emit(destination, &format.render(assessment, &options))?;
    }
    Ok(())
}
