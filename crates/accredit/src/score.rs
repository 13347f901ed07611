//! `accredit score`: validate, evaluate the ruleset, print scores, verdict and
//! gaps; gate on the verdict and the score.

use std::io::IsTerminal;

use accredit_core::assess::{Assessment, Verdict, assess_with_overrides};
use accredit_core::load::{LoadOptions, load_overrides, load_pack};
use jiff::civil::Date;

use crate::cli::{Require, ScoreArgs};
use crate::exit::{Exit, Failure};
use crate::render::{Format, FormatTarget, RenderOptions};
use crate::ruleset_choice;
use crate::terminal::Style;

/// Runs `score`.
pub fn run(args: &ScoreArgs, style: Style, quiet: bool) -> Result<Exit, Failure> {
    let assessment = match assess_pack(args, style)? {
        Ok(a) => a,
        Err(exit) => return Ok(exit),
    };
    let comparison = match &args.baseline {
        Some(path) => Some(std::sync::Arc::new(baseline_comparison(path, &assessment)?)),
        None => None,
    };
    let options = RenderOptions {
        style,
        quiet,
        path_prefix: RenderOptions::prefix_for(&args.pack.pack),
        baseline: comparison.clone(),
    };
    write_outputs(&assessment, &args.format, args.output.as_deref(), &options)?;
    Ok(match comparison {
        None => gate(
            &assessment,
            args.require.unwrap_or(Require::Ready),
            args.fail_under,
        ),
        Some(comparison) => baseline_gate(&assessment, &comparison, args),
    })
}

/// The gate in baseline mode: any new or worse gap fails it, and so does
/// invalid evidence; the verdict counts only when `--require` is given, the
/// score only with `--fail-under`.
pub fn baseline_gate(
    assessment: &Assessment,
    comparison: &accredit_core::compare::Comparison,
    args: &ScoreArgs,
) -> Exit {
    let others = gate(
        assessment,
        args.require.unwrap_or(Require::Any),
        args.fail_under,
    );
    let invalid = assessment.diagnostics.iter().any(|d| d.is_error());
    if comparison.has_regressions() || invalid {
        Exit::GateFailed
    } else {
        others
    }
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

/// Loads the ruleset and the pack and assesses it; `Err(exit)` when it
/// cannot be assessed (after printing why).
pub fn assess_pack(args: &ScoreArgs, style: Style) -> Result<Result<Assessment, Exit>, Failure> {
    let ruleset = match ruleset_choice::choose(args.ruleset.as_deref())? {
        Ok(r) => r,
        Err(problem) => {
            ruleset_choice::report(&problem, style);
            return Ok(Err(Exit::CannotAssess));
        }
    };
    let options = LoadOptions {
        max_file_bytes: args.pack.max_file_size,
        known_applications: ruleset.application_ids(),
        ..LoadOptions::default()
    };
    let evidence = load_pack(&args.pack.pack, &options).map_err(Failure::load)?;
    let Some(pack) = &evidence.pack else {
        eprint!("{}", crate::diagnostics::render(&evidence, style));
        return Err(Failure::msg(format!(
            "{} has no valid `kind: Pack` document, so it cannot be assessed",
            args.pack.pack.display()
        )));
    };
    if args.ruleset.is_none() {
        ruleset_choice::check_pack_reference(pack.value.ruleset.as_deref(), &ruleset)?;
    }
    let as_of = args.as_of.unwrap_or_else(today);
    let overrides = match &args.overrides {
        None => Vec::new(),
        Some(dir) => {
            let loaded = load_overrides(dir, &options).map_err(Failure::load)?;
            if loaded.diagnostics.iter().any(|d| d.is_error()) {
                for d in &loaded.diagnostics {
                    eprintln!("{}: {}", dir.display(), crate::diagnostics::line(d, style));
                }
                return Err(Failure::msg(format!(
                    "the overrides in {} are invalid",
                    dir.display()
                )));
            }
            loaded.overrides
        }
    };
    assess_with_overrides(&evidence, &ruleset, as_of, &overrides)
        .map(Ok)
        .map_err(|e| Failure::new(&e))
}

/// Today's date in England (the date an assessor's calendar shows).
pub fn today() -> Date {
    jiff::Timestamp::now()
        .to_zoned(
            jiff::tz::db()
                .get("Europe/London")
                .unwrap_or(jiff::tz::TimeZone::UTC),
        )
        .date()
}

/// Writes each requested format (text when none is given: people and CI
/// logs both read it); files never get colour.
pub fn write_outputs(
    assessment: &Assessment,
    targets: &[FormatTarget],
    output: Option<&std::path::Path>,
    options: &RenderOptions,
) -> Result<(), Failure> {
    let style = options.style;
    let default = [FormatTarget {
        format: Format::Text,
        path: None,
    }];
    let targets = if targets.is_empty() {
        &default[..]
    } else {
        targets
    };
    for (i, target) in targets.iter().enumerate() {
        let path = target
            .path
            .as_deref()
            .or(if i == 0 { output } else { None });
        let file_style = Style {
            color: false,
            snippets: false,
        };
        match path {
            Some(path) => {
                let file_options = RenderOptions {
                    style: file_style,
                    ..options.clone()
                };
                let text = target.format.render(assessment, &file_options);
                std::fs::write(path, text)
                    .map_err(|e| Failure::msg(format!("cannot write {}: {e}", path.display())))?;
            }
            None => {
                let style = if std::io::stdout().is_terminal() {
                    style
                } else {
                    Style {
                        color: style.color,
                        snippets: false,
                    }
                };
                let options = RenderOptions {
                    style,
                    ..options.clone()
                };
                out!("{}", target.format.render(assessment, &options));
            }
        }
    }
    Ok(())
}

/// The gate: verdict at least `require` and score at least `fail_under`.
pub fn gate(assessment: &Assessment, require: Require, fail_under: Option<f64>) -> Exit {
    let verdict_ok = match require {
        Require::Ready => assessment.verdict == Verdict::Ready,
        Require::Approaching => assessment.verdict >= Verdict::Approaching,
        Require::Any => true,
    };
    let score_ok = fail_under.is_none_or(|n| assessment.score.overall >= n);
    if verdict_ok && score_ok {
        Exit::Passed
    } else {
        Exit::GateFailed
    }
}
