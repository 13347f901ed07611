//! `accredit score`: validate, evaluate the ruleset, print scores, verdict and
//! gaps; gate on the verdict and the score.

use std::io::IsTerminal;
use std::path::Path;

use accredit_core::assess::{Assessment, Verdict, assess_with_overrides};
use accredit_core::load::{LoadOptions, load_overrides, load_pack};
use jiff::civil::Date;

use crate::cli::{Require, ScoreArgs};
use crate::exit::{Exit, Failure};
use crate::output::{self, Destination};
use crate::render::{Format, FormatTarget, RenderOptions};
use crate::ruleset_choice;
use crate::terminal::Style;

/// Runs `score`.
pub fn run(args: &ScoreArgs, style: Style, quiet: bool) -> Result<Exit, Failure> {
    // Paths first (inside the pack, one file twice), then what the plan adds.
    let paths: Vec<Destination> = (args.format.iter().filter_map(|t| t.path.as_deref()))
        .chain(args.output.as_deref())
        .map(Destination::from_path)
        .collect();
    output::check(&paths, &[&args.pack.pack])?;
    let outputs = plan_outputs(&args.format, args.output.as_deref())?;
    output::check(outputs.iter().map(|(_, d)| d), &[&args.pack.pack])?;
    let signer = crate::signing::prepare(
        &args.attest,
        &args.pack.pack,
        outputs.iter().map(|(_, d)| d),
    )?;
    let loaded = match load_for_assessment(args, style)? {
        Ok(loaded) => loaded,
        Err(exit) => return Ok(exit),
    };
    let assessment = assess_with_overrides(
        &loaded.evidence,
        &loaded.ruleset,
        loaded.as_of,
        &loaded.overrides,
    )
    .map_err(|e| Failure::new(&e))?;
    // The HTML report's "Readiness by start date", as `report` writes it.
    let readiness = match outputs.iter().any(|(f, _)| *f == Format::Html) {
        true => Some(std::sync::Arc::new(readiness(&loaded)?)),
        false => None,
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
        readiness,
    };
    write_outputs(&assessment, &outputs, &options)?;
    if let Some(signer) = &signer {
        signer.attest(&assessment, &options)?;
    }
    let exit = match &comparison {
        None => gate(
            &assessment,
            args.require.unwrap_or(Require::Ready),
            args.fail_under,
        ),
        Some(comparison) => baseline_gate(&assessment, comparison, args),
    };
    if !quiet && !outputs.iter().any(|(_, d)| *d == Destination::Stdout) {
        let stderr_style = Style {
            color: style.color && std::io::stderr().is_terminal(),
            snippets: false,
        };
        eprint!(
            "{}",
            terminal_summary(&assessment, args, exit, stderr_style)
        );
    }
    Ok(exit)
}

/// The gate in baseline mode: any new or worse gap fails it, and so does
/// invalid evidence (as in [`gate`]); the verdict counts only when
/// `--require` is given, the score only with `--fail-under`.
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
    if comparison.has_regressions() {
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

/// The timeline of the 26 weeks from the run date, for the HTML report.
pub fn readiness(loaded: &Loaded) -> Result<accredit_core::timeline::Timeline, Failure> {
    let (from, to) = crate::timeline::default_range(loaded.as_of)?;
    accredit_core::timeline::timeline(
        &loaded.evidence,
        &loaded.ruleset,
        loaded.as_of,
        from,
        to,
        &loaded.overrides,
    )
    .map_err(|e| Failure::new(&e))
}

/// What an assessment is made from: the pack, the ruleset, the run date
/// and the assessor's overrides (`timeline` and `plan` use them too).
pub struct Loaded {
    /// The pack's evidence (with a valid Pack document).
    pub evidence: accredit_core::evidence::Evidence,
    /// The ruleset.
    pub ruleset: accredit_core::ruleset::Ruleset,
    /// The run date.
    pub as_of: Date,
    /// The assessor's overrides.
    pub overrides: Vec<accredit_core::evidence::Located<accredit_core::model::Override>>,
}

/// Loads the ruleset, the pack and the overrides as `score` does;
/// `Err(exit)` when the pack cannot be assessed (after printing why).
pub fn load_for_assessment(
    args: &ScoreArgs,
    style: Style,
) -> Result<Result<Loaded, Exit>, Failure> {
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
    Ok(Ok(Loaded {
        evidence,
        ruleset,
        as_of,
        overrides,
    }))
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

/// What reaches the terminal (standard error) when every output went to a
/// file: the invalid-evidence line, the verdict line, and why the gate failed.
fn terminal_summary(assessment: &Assessment, args: &ScoreArgs, exit: Exit, style: Style) -> String {
    let mut out = crate::render::text::quiet(assessment, style);
    if let Some(reason) = gate_reason(assessment, args, exit) {
        out.push_str(&reason);
    }
    out
}

/// `Gate failed: …` and a newline, when `exit` is a failed gate.
pub fn gate_reason(assessment: &Assessment, args: &ScoreArgs, exit: Exit) -> Option<String> {
    if exit != Exit::GateFailed {
        return None;
    }
    let mut reasons = Vec::new();
    if let Some(invalid) = crate::render::invalid_evidence(assessment) {
        reasons.push(invalid.sentence());
    }
    let require = args.require.unwrap_or(if args.baseline.is_some() {
        Require::Any
    } else {
        Require::Ready
    });
    let verdict_ok = match require {
        Require::Ready => assessment.verdict == Verdict::Ready,
        Require::Approaching => assessment.verdict >= Verdict::Approaching,
        Require::Any => true,
    };
    if !verdict_ok {
        reasons.push(format!(
            "the verdict {} is below --require {}",
            assessment.verdict.as_str(),
            match require {
                Require::Ready => "ready",
                Require::Approaching => "approaching",
                Require::Any => "any",
            }
        ));
    }
    if let Some(n) = args.fail_under
        && assessment.score.overall < n
    {
        reasons.push(format!(
            "the overall score {} is below --fail-under {n}",
            crate::render::percent(assessment.score.overall)
        ));
    }
    if reasons.is_empty() && args.baseline.is_some() {
        reasons.push("there are new or worse gaps since the baseline".to_string());
    }
    if reasons.is_empty() {
        reasons.push("the gate's conditions are not met".to_string());
    }
    Some(format!("Gate failed: {}.\n", reasons.join("; ")))
}

/// The gate: valid evidence, verdict at least `require` and score at least
/// `fail_under`. Evidence with validation errors never passes, whatever
/// `--require` says (the core's [`Assessment::evidence_invalid`]).
pub fn gate(assessment: &Assessment, require: Require, fail_under: Option<f64>) -> Exit {
    if assessment.evidence_invalid() {
        return Exit::GateFailed;
    }
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
