//! `--format github`: GitHub Actions workflow commands. Each finding of a gap
//! becomes an annotation on its file and line (`::error` for mandatory,
//! `::warning` for weighted), validation errors too, then a notice with the verdict.
//! When the evidence is invalid, an error saying so comes first. Every
//! message and property is encoded by [`crate::encode::github`], so evidence
//! text can neither end a command nor start one.

use accredit_core::assess::{Assessment, WaiverStatus};
use accredit_core::diagnostic::Severity;

use super::{RenderOptions, invalid_evidence};
use crate::encode::github as encode;
use crate::words::percent;

/// Renders workflow commands.
pub fn render(a: &Assessment, options: &RenderOptions) -> String {
    let mut out = String::new();
    if let Some(invalid) = invalid_evidence(a) {
        out.push_str(&encode::command(
            "error",
            &[("title", "accredit: evidence invalid".to_string())],
            &invalid.headline(),
        ));
    }
    for d in &a.diagnostics {
        let level = if d.severity == Severity::Error {
            "error"
        } else {
            "warning"
        };
        let place = d
            .location
            .as_ref()
            .map(|l| (l.file.as_str(), l.position.map(|p| (p.line, p.column))));
        command(
            &mut out,
            level,
            place,
            options,
            &format!("accredit {}", d.code.as_str()),
            &d.message,
        );
    }
    for id in a.gaps.iter().filter(|id| options.annotates(id)) {
        let Some(r) = a.requirements.iter().find(|r| &r.id == id) else {
            continue;
        };
        let level = if r.mandatory { "error" } else { "warning" };
        let title = format!("{} {}", r.id, r.title);
        if r.findings.is_empty() {
            command(
                &mut out,
                level,
                None,
                options,
                &title,
                &format!("{}: {}", r.result.as_str(), r.remediation),
            );
        }
        for f in &r.findings {
            let place = f.file.as_deref().map(|file| (file, f.line.zip(f.column)));
            let message = format!("{} — {}", f.message, r.remediation);
            command(&mut out, level, place, options, &title, &message);
        }
    }
    for w in a
        .waivers
        .iter()
        .filter(|w| w.status != WaiverStatus::Active)
    {
        let place = Some((w.file.as_str(), w.line.map(|l| (l, 1))));
        command(
            &mut out,
            "warning",
            place,
            options,
            &format!("waiver {}", w.requirement),
            &w.message,
        );
    }
    out.push_str(&encode::command(
        "notice",
        &[("title", "accredit verdict".to_string())],
        &format!(
            "{} — overall {}, {} of {} requirements passed, {} gap(s)",
            a.verdict.as_str(),
            percent(a.score.overall),
            a.score.passed,
            a.score.counted,
            a.gaps.len()
        ),
    ));
    out
}

fn command(
    out: &mut String,
    level: &str,
    place: Option<(&str, Option<(u32, u32)>)>,
    options: &RenderOptions,
    title: &str,
    message: &str,
) {
    let mut properties = Vec::new();
    if let Some((file, position)) = place {
        properties.push(("file", options.path(file)));
        if let Some((line, column)) = position {
            properties.push(("line", line.to_string()));
            properties.push(("col", column.to_string()));
        }
    }
    properties.push(("title", title.to_string()));
    out.push_str(&encode::command(level, &properties, message));
}
