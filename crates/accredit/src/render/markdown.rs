//! `--format markdown`: a summary sized for a pull-request comment or a CI
//! job summary: verdict, domain table, the first gaps, waivers, and the rest
//! folded away.

use std::fmt::Write;

use accredit_core::assess::{Assessment, Verdict, WaiverStatus};

use super::RenderOptions;

/// Gaps listed in full before folding.
const GAPS_SHOWN: usize = 10;
/// GitHub comments hold 65,536 characters; stay well inside.
const MAX_CHARS: usize = 60_000;

/// Renders the Markdown summary.
pub fn render(a: &Assessment, options: &RenderOptions) -> String {
    let mut out = String::new();
    let badge = match a.verdict {
        Verdict::Ready => "✅ **Ready**",
        Verdict::Approaching => "🟡 **Approaching**",
        Verdict::NotReady => "❌ **Not ready**",
    };
    let _ = writeln!(
        out,
        "## LSD accreditation: {}\n",
        cell(&a.applicant.organisation)
    );
    let _ = writeln!(
        out,
        "{badge} · overall **{:.1}%** (ready at {:.0}%) · {} of {} requirements passed · mandatory met {} of {}\n",
        a.score.overall,
        a.score.ready_threshold,
        a.score.passed,
        a.score.counted,
        a.score.mandatory_met,
        a.score.mandatory_total
    );
    let _ = writeln!(
        out,
        "Ruleset `{}` {} · assessment {} to {} · as of {}\n",
        a.ruleset.id,
        a.ruleset.version,
        a.applicant.assessment_start,
        a.applicant.assessment_end,
        a.as_of
    );
    let _ = writeln!(
        out,
        "| Domain | Score | Passed | Mandatory |\n|---|---:|---:|---:|"
    );
    for d in a
        .score
        .domains
        .iter()
        .filter(|d| d.counted > 0 || d.mandatory_total > 0)
    {
        let score = d
            .score
            .map_or_else(|| "—".to_string(), |s| format!("{s:.1}%"));
        let _ = writeln!(
            out,
            "| {} {} | {score} | {}/{} | {}/{} |",
            d.id, d.title, d.passed, d.counted, d.mandatory_met, d.mandatory_total
        );
    }
    out.push('\n');
    if a.gaps.is_empty() {
        out.push_str("No gaps: every counted requirement passes. 🎉\n");
    } else {
        let _ = writeln!(out, "### Fix first\n");
        for (n, id) in a.gaps.iter().enumerate() {
            if n == GAPS_SHOWN {
                let _ = writeln!(
                    out,
                    "\n<details><summary>{} more gap(s)</summary>\n",
                    a.gaps.len() - GAPS_SHOWN
                );
            }
            let Some(r) = a.requirements.iter().find(|r| &r.id == id) else {
                continue;
            };
            let tag = if r.mandatory {
                "**mandatory**"
            } else {
                "weighted"
            };
            // Nested items are indented by the width of this item's marker
            // (`10. ` is four columns), or they fall out of the list.
            let marker = format!("{}. ", n + 1);
            let indent = " ".repeat(marker.len());
            let _ = writeln!(
                out,
                "{marker}`{}` {} — {tag}, {}, +{:.1} points",
                r.id,
                cell(&r.title),
                r.result.as_str(),
                r.points_at_stake
            );
            for f in r.findings.iter().take(3) {
                let place = match (&f.file, f.line) {
                    (Some(file), Some(line)) => format!("`{}:{line}` ", options.path(file)),
                    (Some(file), None) => format!("`{}` ", options.path(file)),
                    _ => String::new(),
                };
                let _ = writeln!(out, "{indent}- {place}{}", cell(&f.message));
            }
            if r.findings.len() > 3 {
                let _ = writeln!(out, "{indent}- … and {} more", r.findings.len() - 3);
            }
        }
        if a.gaps.len() > GAPS_SHOWN {
            out.push_str("\n</details>\n");
        }
    }
    if !a.waivers.is_empty() {
        let _ = writeln!(out, "\n### Waivers\n");
        for w in &a.waivers {
            let mark = if w.status == WaiverStatus::Active {
                "✓"
            } else {
                "⚠"
            };
            let _ = writeln!(out, "- {mark} `{}` — {}", w.requirement, cell(&w.message));
        }
    }
    if out.len() > MAX_CHARS {
        let cut = (0..=MAX_CHARS)
            .rev()
            .find(|i| out.is_char_boundary(*i))
            .unwrap_or(0);
        out.truncate(cut);
        out.push_str("\n\n… (truncated; see the JSON or HTML report)\n");
    }
    out
}

/// Trust-supplied text made safe for one Markdown line: no raw HTML, no table breaks.
fn cell(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace('\n', " ")
}
