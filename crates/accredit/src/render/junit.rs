//! `--format junit`: one test suite per domain, one test case per
//! requirement; gaps are failures, waived and not-applicable are skipped.
//! When the evidence is invalid, a first suite says so with a failing case.
//! Every value is encoded by [`crate::encode::xml`] (the XML writer escapes
//! markup; the encoder removes what XML 1.0 forbids).

use accredit_core::assess::{Assessment, RequirementResult, Status};
use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use super::{RenderOptions, invalid_evidence};
use crate::encode::xml::{attribute, content};

/// Renders JUnit XML.
pub fn render(a: &Assessment, options: &RenderOptions) -> String {
    let mut report = Report::new(attribute(&format!(
        "accredit {} {}",
        a.ruleset.id, a.applicant.organisation
    )));
    if let Some(invalid) = invalid_evidence(a) {
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
        status.set_message(attribute(&invalid.headline()));
        status.set_type("invalid-evidence");
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
        status.set_description(content(&description.join("\n")));
        let mut case = TestCase::new("the evidence is valid", status);
        case.set_classname("accredit.evidence");
        let mut suite = TestSuite::new("evidence");
        suite.add_test_case(case);
        report.add_test_suite(suite);
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
        let mut suite = TestSuite::new(attribute(&format!("{} {}", domain.id, domain.title)));
        for r in members {
            suite.add_test_case(case(r, options));
        }
        report.add_test_suite(suite);
    }
    report
        .to_string()
        .unwrap_or_else(|e| format!("<!-- cannot write JUnit: {e} -->\n"))
}

fn case(r: &RequirementResult, options: &RenderOptions) -> TestCase {
    let status = match r.result {
        Status::Pass => TestCaseStatus::success(),
        Status::Waived | Status::NotApplicable => {
            let mut status = TestCaseStatus::skipped();
            status.set_message(r.result.as_str());
            status
        }
        other => {
            let kind = if other == Status::Error {
                NonSuccessKind::Error
            } else {
                NonSuccessKind::Failure
            };
            let mut status = TestCaseStatus::non_success(kind);
            let tag = if r.mandatory { "mandatory" } else { "weighted" };
            status.set_message(format!(
                "{} ({tag}, credit {:.2}, +{:.1} points if fixed)",
                other.as_str(),
                crate::words::towards_zero(r.credit, 2),
                r.points_at_stake
            ));
            status.set_type(other.as_str());
            status.set_description(content(&details(r, options)));
            status
        }
    };
    let mut case = TestCase::new(attribute(&format!("{} {}", r.id, r.title)), status);
    case.set_classname(format!("accredit.{}", r.domain));
    case
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
