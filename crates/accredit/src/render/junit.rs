//! `--format junit`: one test suite per domain, one test case per
//! requirement; gaps are failures, waived and not-applicable are skipped.
//! When the evidence is invalid, a first suite says so with a failing case.
//! The document is written by [`super::junit_xml`], which encodes every value.

use accredit_core::assess::{Assessment, RequirementResult, Status};

use super::junit_xml::{Case, Outcome, Report, Suite};
use super::{RenderOptions, invalid_evidence};

/// Renders JUnit XML.
pub fn render(a: &Assessment, options: &RenderOptions) -> String {
    let mut report = Report::new(format!(
        "accredit {} {}",
        a.ruleset.id, a.applicant.organisation
    ));
    if let Some(invalid) = invalid_evidence(a) {
        let description: Vec<String> = a
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| {
                let place = d
                    .location
                    .as_ref()
                    .map_or_else(|| "pack".to_string(), |l| options.path(&l.to_string()));
                format!("{place}: {}", d.message)
            })
            .collect();
        let outcome = Outcome::Failed {
            error: false,
            message: invalid.headline(),
            kind: "invalid-evidence".to_string(),
            description: description.join("\n"),
        };
        let mut suite = Suite::new("evidence");
        suite.add(Case::new(
            "the evidence is valid",
            "accredit.evidence",
            outcome,
        ));
        report.add(suite);
    }
    for domain in &a.score.domains {
        let members: Vec<&RequirementResult> = a
            .requirements
            .iter()
            .filter(|r| r.domain == domain.id)
            .collect();
        if members.is_empty() {
            continue;
        }
        let mut suite = Suite::new(format!("{} {}", domain.id, domain.title));
        for r in members {
            suite.add(case(r, options));
        }
        report.add(suite);
    }
    report.to_xml()
}

fn case(r: &RequirementResult, options: &RenderOptions) -> Case {
    let outcome = match r.result {
        Status::Pass => Outcome::Passed,
        Status::Waived | Status::NotApplicable => Outcome::Skipped {
            message: r.result.as_str().to_string(),
        },
        other => {
            let tag = if r.mandatory { "mandatory" } else { "weighted" };
            Outcome::Failed {
                error: other == Status::Error,
                message: format!(
                    "{} ({tag}, credit {:.2}, +{:.1} points if fixed)",
                    other.as_str(),
                    crate::words::towards_zero(r.credit, 2),
                    r.points_at_stake
                ),
                kind: other.as_str().to_string(),
                description: details(r, options),
            }
        }
    };
    Case::new(
        format!("{} {}", r.id, r.title),
        format!("accredit.{}", r.domain),
        outcome,
    )
}

fn details(r: &RequirementResult, options: &RenderOptions) -> String {
    let mut lines: Vec<String> = r
        .findings
        .iter()
        .map(|f| match (&f.file, f.line) {
            (Some(file), Some(line)) => format!("{}:{line}: {}", options.path(file), f.message),
            (Some(file), None) => format!("{}: {}", options.path(file), f.message),
            _ => f.message.clone(),
        })
        .collect();
    lines.push(format!("How to fix: {}", r.remediation));
    lines.join("\n")
}
