//! `accredit report`: the same evaluation and gate as `score`, written as the
//! self-contained HTML gap report.

use crate::cli::ReportArgs;
use crate::exit::{Exit, Failure};
use crate::gate::Gate;
use crate::output::{self, Destination};
use crate::render::html;
use crate::run::Run;
use crate::terminal::Style;

/// Runs `report`.
pub fn run(args: &ReportArgs, style: Style, quiet: bool) -> Result<Exit, Failure> {
    let pack = &args.assess.pack.pack;
    let destination = Destination::from_path(&args.output);
    output::check([&destination], &[pack])?;
    if let Destination::File(path) = &destination {
        output::format_for_path(path, &[("html", ()), ("htm", ())])?;
    }
    let signer = crate::signing::prepare(&args.attest, pack, [&destination])?;
    let run = Run::load(&args.assess, style)?;
    let assessment = run.assess()?;
    // Readiness by start date: 26 weeks from the run date, as `timeline`.
    let readiness = run.readiness()?;
    let fingerprint = signer.as_ref().map(|s| s.fingerprint());
    let page = html::try_render_with_timeline(&assessment, &readiness, fingerprint)
        .map_err(|e| Failure::msg(format!("cannot render the report: {e:#}")))?;
    // The envelope first: a page that says it is signed never lacks one.
    if let Some(signer) = &signer {
        let options = crate::render::RenderOptions {
            style,
            quiet,
            path_prefix: crate::render::RenderOptions::prefix_for(&run.pack),
            baseline: None,
            readiness: None,
        };
        signer.attest(&assessment, &options)?;
    }
    output::emit(&destination, &page)?;
    let gate = Gate::of(&args.gate, false);
    let exit = gate.exit(&assessment, None);
    let to_stdout = destination == Destination::Stdout;
    if !quiet && !to_stdout {
        outln!(
            "Wrote {}: {}, overall {}, {}",
            args.output.display(),
            assessment.verdict.as_str(),
            crate::words::percent(assessment.score.overall),
            crate::words::plural(assessment.gaps.len(), "gap"),
        );
        if let Some(reason) = gate.reason(&assessment, exit) {
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
