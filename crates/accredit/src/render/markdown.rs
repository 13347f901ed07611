//! `--format markdown`: a summary sized for a pull-request comment or a CI
//! job summary: verdict, domain table, the first gaps, waivers, and the rest
//! folded away.

use std::fmt::Write;

use accredit_core::assess::{Assessment, RequirementResult, Verdict, WaiverStatus};

use super::text::result_with_share;
use super::{RenderOptions, invalid_evidence};
use crate::encode::markdown::{code, inline};
use crate::words::percent;

/// Gaps listed in full before folding.
const GAPS_SHOWN: usize = 10;
/// Findings listed under each gap.
const FINDINGS_SHOWN: usize = 3;
/// GitHub comments hold 65,536 characters; stay well inside.
const MAX_CHARS: usize = 60_000;

/// Renders the Markdown summary. Evidence text is encoded by
/// [`crate::encode::markdown`]: inline text for names, titles and messages,
/// code spans for paths.
pub fn render(a: &Assessment, options: &RenderOptions) -> String {
    let mut out = String::new();
    if let Some(invalid) = invalid_evidence(a) {
        let _ = writeln!(out, "**⚠ {}**\n", invalid.headline());
    }
    let mark = match a.verdict {
        Verdict::Ready => "✅",
        Verdict::Approaching => "🟡",
        Verdict::NotReady => "❌",
    };
    let badge = format!("{mark} **{}**", crate::words::verdict_sentence(a.verdict));
    let _ = writeln!(
        out,
        "## LSD accreditation: {}\n",
        inline(&a.applicant.organisation)
    );
    let _ = writeln!(
        out,
        "{badge} · overall **{}** (ready at {:.0}%) · {} of {} requirements passed · mandatory met {} of {}\n",
        percent(a.score.overall),
        a.score.ready_threshold,
        a.score.passed,
        a.score.counted,
        a.score.mandatory_met,
        a.score.mandatory_total
    );
    let _ = writeln!(
        out,
        "Ruleset {} {} · assessment {} to {} · as of {}\n",
        code(&a.ruleset.id),
        inline(&a.ruleset.version),
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
        let score = crate::words::percent_or(d.score, "—");
        let _ = writeln!(
            out,
            "| {} {} | {score} | {}/{} | {}/{} |",
            inline(&d.id),
            inline(&d.title),
            d.passed,
            d.counted,
            d.mandatory_met,
            d.mandatory_total
        );
    }
    out.push('\n');
    let mut folded = false;
    if a.gaps.is_empty() {
        out.push_str("No gaps: every counted requirement passes. 🎉\n");
    } else {
        let _ = writeln!(out, "### Fix first\n");
        for (n, id) in a.gaps.iter().enumerate() {
            if n == GAPS_SHOWN {
                folded = true;
                let _ = writeln!(
                    out,
                    "\n<details><summary>{} more gap(s)</summary>\n",
                    a.gaps.len() - GAPS_SHOWN
                );
            }
            let Some(r) = a.requirements.iter().find(|r| &r.id == id) else {
                continue;
            };
            gap(&mut out, n + 1, r, options);
        }
        if folded {
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
            let _ = writeln!(
                out,
                "- {mark} {} — {}",
                code(&w.requirement),
                inline(&w.message)
            );
        }
    }
    truncate(out, folded)
}

/// One gap: a numbered item, its findings a list nested inside it (indented
/// by the width of its number, so items from 10 on keep theirs).
fn gap(out: &mut String, number: usize, r: &RequirementResult, options: &RenderOptions) {
    let marker = format!("{number}. ");
    let indent = " ".repeat(marker.len());
    let tag = if r.mandatory {
        "**mandatory**"
    } else {
        "weighted"
    };
    let _ = writeln!(
        out,
        "{marker}{} {} — {tag}, {}, +{:.1} points",
        code(&r.id),
        inline(&r.title),
        inline(&result_with_share(r)),
        r.points_at_stake
    );
    for f in r.findings.iter().take(FINDINGS_SHOWN) {
        let place = match (&f.file, f.line) {
            (Some(file), Some(line)) => {
                format!("{} ", code(&format!("{}:{line}", options.path(file))))
            }
            (Some(file), None) => format!("{} ", code(&options.path(file))),
            _ => String::new(),
        };
        let _ = writeln!(out, "{indent}- {place}{}", inline(&f.message));
    }
    if r.findings.len() > FINDINGS_SHOWN {
        let _ = writeln!(
            out,
            "{indent}- … and {} more",
            r.findings.len() - FINDINGS_SHOWN
        );
    }
}

/// Keeps the summary inside a comment's limit, cutting at a line (each line
/// is whole Markdown) and closing the fold if the cut fell inside it.
fn truncate(mut out: String, folded: bool) -> String {
    if out.len() <= MAX_CHARS {
        return out;
    }
    let cut = out[..MAX_CHARS].rfind('\n').map_or(0, |i| i + 1);
    let fold_open =
        folded && !out[..cut].contains("</details>") && out[..cut].contains("<details>");
    out.truncate(cut);
    if fold_open {
        out.push_str("\n</details>\n");
    }
    out.push_str("\n… (truncated; see the JSON or HTML report)\n");
    out
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Event, Parser};

    use super::*;

    #[test]
    fn a_long_summary_is_cut_at_a_line_and_its_fold_closed() {
        let mut long =
            String::from("### Fix first\n\n1. first\n\n<details><summary>many</summary>\n\n");
        for n in 0..5000 {
            long.push_str(&format!(
                "{n}. `ID-{n:02}` a gap with a title long enough\n"
            ));
        }
        long.push_str("\n</details>\n");
        let cut = truncate(long, true);
        assert!(cut.len() <= MAX_CHARS + 100);
        assert!(
            cut.ends_with("\n</details>\n\n… (truncated; see the JSON or HTML report)\n"),
            "{}",
            &cut[cut.len() - 200..]
        );
        // Every line before the note is whole: it ends where a gap line ends.
        let body =
            cut.trim_end_matches("\n</details>\n\n… (truncated; see the JSON or HTML report)\n");
        assert!(
            body.ends_with("a gap with a title long enough\n"),
            "{}",
            &body[body.len() - 80..]
        );
        let html: Vec<String> = Parser::new(&cut)
            .filter_map(|e| match e {
                Event::Html(h) => Some(h.trim().to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(html, ["<details><summary>many</summary>", "</details>"]);
    }

    #[test]
    fn a_short_summary_is_left_alone() {
        assert_eq!(truncate("## x\n".to_string(), false), "## x\n");
    }
}
