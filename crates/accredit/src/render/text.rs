//! The default terminal report: verdict, scores, then the gaps in fix-first
//! order, each with its findings and where the evidence is.

use std::fmt::Write;

use accredit_core::assess::{
    Assessment, OverrideState, RequirementResult, Status, Verdict, WaiverStatus,
};

use super::invalid_evidence;
use crate::encode::text::{at_line_start, path_at_line_start, starts_safely, text as enc};
use crate::terminal::Style;
use crate::words::percent;

/// Findings shown per gap before "and N more".
const FINDINGS_SHOWN: usize = 5;

/// Renders the text report. Every line starts with the report's own words
/// (never with evidence text), and evidence text is encoded by
/// [`crate::encode::text`].
pub fn render(a: &Assessment, style: Style) -> String {
    let mut out = invalid_line(a, style);
    if !out.is_empty() {
        out.push('\n');
    }
    let applicant = &a.applicant;
    let ods = applicant
        .ods_code
        .as_deref()
        .map(|c| format!(" ({})", enc(c)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{}{ods} — {}",
        style.paint("1", &at_line_start(&applicant.organisation, "Applicant: ")),
        enc(&applicant.service_desk)
    );
    let _ = writeln!(
        out,
        "LSP {} · ruleset {} {} · window {} to {} · as of {} ({})",
        enc(&applicant.lsp),
        a.ruleset.id,
        enc(&a.ruleset.version),
        applicant.assessment_start,
        applicant.assessment_end,
        a.as_of,
        crate::words::days_to_go(applicant.days_to_start)
    );
    out.push('\n');
    out.push_str(&verdict_line(a, style));
    out.push('\n');
    let _ = writeln!(out, "{}", style.paint("1", "Domains"));
    for d in &a.score.domains {
        let score = crate::words::percent_or(d.score, "—");
        let _ = writeln!(
            out,
            "  {:<5} {:<34} {score:>6}   passed {}/{} · mandatory {}/{}",
            d.id,
            enc(&d.title),
            d.passed,
            d.counted,
            d.mandatory_met,
            d.mandatory_total
        );
    }
    out.push('\n');
    if a.gaps.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            style.paint("1;32", "No gaps: every counted requirement passes.")
        );
    } else {
        let _ = writeln!(out, "{}", style.paint("1", "Fix first"));
        for (n, id) in a.gaps.iter().enumerate() {
            if let Some(r) = a.requirements.iter().find(|r| &r.id == id) {
                gap(&mut out, n + 1, r, style);
            }
        }
    }
    if !a.waivers.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{}", style.paint("1", "Waivers"));
        for w in &a.waivers {
            let mark = if w.status == WaiverStatus::Active {
                "✓"
            } else {
                "!"
            };
            let line = w.line.map(|l| format!(":{l}")).unwrap_or_default();
            let _ = writeln!(
                out,
                "  {mark} {} [{}] {}{line}: {}",
                enc(&w.requirement),
                crate::words::waiver(w.status),
                enc(&w.file),
                enc(&w.message)
            );
        }
    }
    if !a.overrides.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{}", style.paint("1", "Assessor overrides (scored)"));
        for o in &a.overrides {
            let mark = if o.status == OverrideState::Applied {
                "✓"
            } else {
                "!"
            };
            let _ = writeln!(
                out,
                "  {mark} {} [{}] {}: {}",
                enc(&o.requirement),
                o.status.as_str(),
                enc(&o.file),
                enc(&o.message)
            );
        }
    }
    let errors = a.diagnostics.iter().filter(|d| d.is_error()).count();
    if errors > 0 {
        out.push('\n');
        let _ = writeln!(
            out,
            "{} the pack has {errors} validation error(s); requirements that need that evidence are `error`. Run `accredit validate` for details.",
            style.paint("1;31", "!")
        );
    }
    out
}

/// `! The evidence is invalid: …` and a newline, when it is; otherwise empty.
/// Every output says this first.
pub fn invalid_line(a: &Assessment, style: Style) -> String {
    invalid_evidence(a).map_or_else(String::new, |invalid| {
        format!("{} {}\n", style.paint("1;31", "!"), invalid.headline())
    })
}

/// `Verdict: READY   overall 97.9% …`, with a newline (after the
/// invalid-evidence line when the evidence is invalid: `-q` prints this).
pub fn quiet(a: &Assessment, style: Style) -> String {
    invalid_line(a, style) + &verdict_line(a, style)
}

/// `Verdict: READY   overall 97.9% …`, with a newline.
pub fn verdict_line(a: &Assessment, style: Style) -> String {
    let colour = match a.verdict {
        Verdict::Ready => "1;32",
        Verdict::Approaching => "1;33",
        Verdict::NotReady => "1;31",
    };
    let word = crate::words::verdict_heading(a.verdict);
    format!(
        "Verdict: {}   overall {} (ready at {:.0}%) · {} of {} requirements passed · mandatory met {} of {}\n",
        style.paint(colour, word),
        percent(a.score.overall),
        a.score.ready_threshold,
        a.score.passed,
        a.score.counted,
        a.score.mandatory_met,
        a.score.mandatory_total
    )
}

fn gap(out: &mut String, n: usize, r: &RequirementResult, style: Style) {
    let tag = if r.mandatory {
        style.paint("1;31", "[M]")
    } else {
        "[W]".to_string()
    };
    let _ = writeln!(
        out,
        "  {n:>2}. {tag} {} {} — {} · +{:.1} points",
        style.paint("1", &r.id),
        enc(&r.title),
        result_with_share(r),
        r.points_at_stake
    );
    if let Some(judgement) = &r.assessor {
        let _ = writeln!(
            out,
            "      assessor {} ({}): {} — the tool found {}",
            enc(&judgement.assessor),
            judgement.date,
            enc(&judgement.remark),
            judgement.automated_result.as_str()
        );
    }
    for f in r.findings.iter().take(FINDINGS_SHOWN) {
        // The line starts with the path (or the message): neither may make it a command.
        let message = enc(&f.message);
        let place = match (&f.file, f.line, f.column) {
            (Some(file), Some(line), Some(col)) => {
                format!("{}:{line}:{col}: ", path_at_line_start(file))
            }
            (Some(file), Some(line), None) => format!("{}:{line}: ", path_at_line_start(file)),
            (Some(file), _, _) => format!("{}: ", path_at_line_start(file)),
            _ if starts_safely(&message) => String::new(),
            _ => "· ".to_string(),
        };
        let _ = writeln!(out, "      {}{message}", style.paint("2", &place));
    }
    if r.findings.len() > FINDINGS_SHOWN {
        let _ = writeln!(
            out,
            "      … and {} more (see --format json)",
            r.findings.len() - FINDINGS_SHOWN
        );
    }
    let _ = writeln!(
        out,
        "      {} {}",
        style.paint("36", "How to fix:"),
        // Ruleset prose: its line breaks are layout, not content.
        enc(&r
            .remediation
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "))
    );
}

/// `not met — measured 98.8% against a target of 100%`: a mandatory
/// requirement that is not met reads "not met" whatever its partial credit,
/// with the measured share beside the words, never in their place.
pub fn result_with_share(r: &RequirementResult) -> String {
    let word = match (r.mandatory, r.result) {
        (true, Status::Partial | Status::Fail) => "not met",
        (true, Status::Missing) => "not met (no evidence)",
        (true, Status::Error) => "not met (could not be assessed)",
        (_, result) => result_word(result),
    };
    match &r.measured {
        Some(m) => format!("{word} — {}", crate::words::measured(m)),
        None => word.to_string(),
    }
}

fn result_word(result: Status) -> &'static str {
    match result {
        Status::Pass => "pass",
        Status::Partial => "partly met",
        Status::Fail => "not met",
        Status::Missing => "no evidence",
        Status::Error => "could not be assessed",
        Status::NotApplicable => "not applicable",
        Status::Waived => "waived",
    }
}
