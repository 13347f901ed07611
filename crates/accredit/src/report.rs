//! `accredit report`: the same evaluation and gate as `score`, written as the
//! self-contained HTML gap report.

use crate::cli::{ReportArgs, ScoreArgs};
use crate::exit::{Exit, Failure};
use crate::output::{self, Destination};
use crate::render::html;
use crate::score;
use crate::terminal::Style;

/// Runs `report`.
pub fn run(args: &ReportArgs, style: Style, quiet: bool) -> Result<Exit, Failure> {
    let destination = Destination::from_path(&args.output);
    output::check([&destination], &[&args.pack.pack])?;
    if let Destination::File(path) = &destination {
        output::format_for_path(path, &[("html", ()), ("htm", ())])?;
    }
    let signer = crate::signing::prepare(&args.attest, &args.pack.pack, [&destination])?;
    let score_args = score_args(args);
    let loaded = match score::load_for_assessment(&score_args, style)? {
        Ok(loaded) => loaded,
        Err(exit) => return Ok(exit),
    };
    let assessment = accredit_core::assess::assess_with_overrides(
        &loaded.evidence,
        &loaded.ruleset,
        loaded.as_of,
        &loaded.overrides,
    )
    .map_err(|e| Failure::new(&e))?;
    // Readiness by start date: 26 weeks from the run date, as `timeline`.
    let readiness = score::readiness(&loaded)?;
    let fingerprint = signer.as_ref().map(|s| s.fingerprint());
    let page = html::try_render_with_timeline(&assessment, &readiness, fingerprint)
        .map_err(|e| Failure::msg(format!("cannot render the report: {e:#}")))?;
    // The envelope first: a page that says it is signed never lacks one.
    if let Some(signer) = &signer {
        let options = crate::render::RenderOptions {
            style,
            quiet,
            path_prefix: crate::render::RenderOptions::prefix_for(&args.pack.pack),
            baseline: None,
            readiness: None,
        };
        signer.attest(&assessment, &options)?;
    }
    output::emit(&destination, &page)?;
    let exit = score::gate(&assessment, args.require, args.fail_under);
    let to_stdout = destination == Destination::Stdout;
    if !quiet && !to_stdout {
        outln!(
            "Wrote {}: {}, overall {}, {} {}",
            args.output.display(),
            assessment.verdict.as_str(),
            crate::render::percent(assessment.score.overall),
            assessment.gaps.len(),
            if assessment.gaps.len() == 1 {
                "gap"
            } else {
                "gaps"
            }
        );
        if let Some(reason) = score::gate_reason(&assessment, &score_args, exit) {
            let style = Style {
                color: style.color && std::io::IsTerminal::is_terminal(&std::io::stderr()),
                snippets: false,
            };
            eprint!(
                "{}{reason}",
                crate::render::text::invalid_line(&assessment, style)
            );
        }
    }
    Ok(exit)
}

/// The `score` options this report is evaluated with.
fn score_args(args: &ReportArgs) -> ScoreArgs {
    ScoreArgs {
        require: Some(args.require),
        fail_under: args.fail_under,
        ..ScoreArgs::assessing(
            &args.pack,
            args.ruleset.clone(),
            args.as_of,
            args.overrides.clone(),
        )
    }
}
