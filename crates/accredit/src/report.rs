//! `accredit report`: the same evaluation and gate as `score`, written as the
//! self-contained HTML gap report.

use crate::cli::{PackArgs, ReportArgs, ScoreArgs};
use crate::exit::{Exit, Failure};
use crate::render::html;
use crate::score;
use crate::terminal::Style;

/// Runs `report`.
pub fn run(args: &ReportArgs, style: Style, quiet: bool) -> Result<Exit, Failure> {
    let assessment = match score::assess_pack(&score_args(args), style)? {
        Ok(a) => a,
        Err(exit) => return Ok(exit),
    };
    let page = html::try_render(&assessment)
        .map_err(|e| Failure::msg(format!("cannot render the report: {e:#}")))?;
    let to_stdout = args.output.as_os_str() == "-";
    if to_stdout {
        out!("{page}");
    } else {
        std::fs::write(&args.output, &page)
            .map_err(|e| Failure::msg(format!("cannot write {}: {e}", args.output.display())))?;
    }
    if !quiet && !to_stdout {
        outln!(
            "Wrote {}: {}, overall {:.1}%, {} {}",
            args.output.display(),
            assessment.verdict.as_str(),
            assessment.score.overall,
            assessment.gaps.len(),
            if assessment.gaps.len() == 1 {
                "gap"
            } else {
                "gaps"
            }
        );
    }
    Ok(score::gate(&assessment, args.require, args.fail_under))
}

/// The `score` options this report is evaluated with.
fn score_args(args: &ReportArgs) -> ScoreArgs {
    ScoreArgs {
        pack: PackArgs {
            pack: args.pack.pack.clone(),
            max_file_size: args.pack.max_file_size,
        },
        ruleset: args.ruleset.clone(),
        as_of: args.as_of,
        format: Vec::new(),
        output: None,
        require: Some(args.require),
        overrides: args.overrides.clone(),
        baseline: None,
        fail_under: args.fail_under,
    }
}
