//! `--format junit`: one test suite per domain, one test case per
//! requirement; gaps are failures, waived and not-applicable are skipped.

use accredit_core::assess::{Assessment, RequirementResult, ResultKind};
use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use super::RenderOptions;

/// Renders JUnit XML.
pub fn render(a: &Assessment, options: &RenderOptions) -> String {
    let mut report = Report::new(format!(
        "accredit {} {}",
        a.ruleset.id, a.applicant.organisation
    ));
    for domain in &a.score.domains {
        let members: Vec<&RequirementResult> = a
            .requirements
            .iter()
            .filter(|r| r.domain == domain.id)
            .collect();
        if members.is_empty() {
            continue;
        }
        let mut suite = TestSuite::new(format!("{} {}", domain.id, domain.title));
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
        ResultKind::Pass => TestCaseStatus::success(),
        ResultKind::Waived | ResultKind::NotApplicable => {
            let mut status = TestCaseStatus::skipped();
            status.set_message(r.result.as_str());
            status
        }
        other => {
            let kind = if other == ResultKind::Error {
                NonSuccessKind::Error
            } else {
                NonSuccessKind::Failure
            };
            let mut status = TestCaseStatus::non_success(kind);
            let tag = if r.mandatory { "mandatory" } else { "weighted" };
            status.set_message(format!(
                "{} ({tag}, credit {:.2}, +{:.1} points if fixed)",
                other.as_str(),
                r.credit,
                r.points_at_stake
            ));
            status.set_type(other.as_str());
            status.set_description(details(r, options));
            status
        }
    };
    let mut case = TestCase::new(format!("{} {}", r.id, r.title), status);
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
