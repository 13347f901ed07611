//! The finding codes each check kind can emit, for `accredit rules show`.
//!
//! The cover and log analyses keep their own lists with meanings
//! (`accredit_core::cover::FINDING_CODES`, `accredit_core::logs::FINDING_CODES`);
//! the codes a check writes itself are listed here, per kind. Tests keep the
//! table honest: every code named here occurs in the core's source, and every
//! code the checks emit on the fixture packs is listed for its kind.

/// Codes any check can emit: its evidence is missing or invalid.
const ANY_CHECK: &[&str] = &["evidence-missing", "evidence-invalid"];

/// Codes a check writes itself, per kind.
fn own_codes(kind: &str) -> &'static [&'static str] {
    match kind {
        "channels-24x7" => &["channel-not-24x7"],
        "lone-working" => &["lone-working"],
        "bank-holidays-stated" => &["bank-holidays-closed", "bank-holidays-not-stated"],
        "desk-tool-capabilities" => &["desk-tool-lacks-capability", "desk-tool-not-described"],
        "report-cadence" => &["no-regular-report", "report-sample-missing"],
        "incident-hours" => &[],
        "referral-references" => &["no-referrals"],
        "response-targets" => &["no-response-targets"],
        "application-training" | "itil-foundation" => {
            &["no-front-line-staff", "ruleset-training-ages-differ"]
        }
        "change-windows" => &["no-clinical-changes"],
        "applicant-declared" => &["lsp-not-named", "no-application-in-scope", "ods-code-form"],
        "escalation-plan" => &[
            "level-contact-missing",
            "lsp-level-misnamed",
            "no-lsp-level",
            "no-national-level",
            "plan-approved-after-start",
            "plan-not-approved",
            "too-few-escalation-levels",
            "future-dated-evidence",
        ],
        "escalation-reachable" => &[
            "level-not-reachable-24x7",
            "out-of-hours-route-incomplete",
            "future-dated-evidence",
        ],
        "severity-targets" => &[
            "severity-defined-twice",
            "severity-out-of-range",
            "severity-targets-loosen",
            "severity-undefined",
            "future-dated-evidence",
        ],
        "escalation-tested" => &[
            "no-recent-lsp-escalation-test",
            "escalation-test-not-counted",
            "future-dated-evidence",
        ],
        "escalation-test-coverage" => &[
            "no-out-of-hours-escalation-test",
            "no-severity-1-escalation-test",
            "escalation-test-not-counted",
            "future-dated-evidence",
        ],
        "test-actions-not-overdue" => &[
            "no-test-counted",
            "overdue-test-action",
            "undated-open-action",
            "future-dated-evidence",
        ],
        "scenario-tests-per-application" => &[
            "application-not-scenario-tested",
            "no-application-to-test",
            "scenario-test-not-counted",
            "future-dated-evidence",
        ],
        "out-of-hours-scenario" => &[
            "no-out-of-hours-scenario",
            "scenario-test-in-core-hours",
            "scenario-test-without-steps",
            "step-time-unreadable",
            "future-dated-evidence",
        ],
        "procedure-sections" => &[
            "further-section-missing",
            "procedure-missing",
            "section-missing",
        ],
        "document-approved" => &[
            "document-missing",
            "document-not-approved",
            "approved-after-start",
            "approval-too-old",
            "future-dated-evidence",
        ],
        "document-control" => &["document-control-incomplete", "review-due-in-window"],
        "no-placeholders" => &["placeholder-text"],
        "links-resolve" => &["broken-link"],
        "document-present" => &["document-missing"],
        "section-length" => &[
            "no-required-sections",
            "no-sections-asked",
            "section-too-short",
        ],
        "document-per-application" => &["application-not-covered"],
        "expression" => &["expression-failed", "expression-not-met"],
        _ => &[],
    }
}

/// Which shared analysis a kind measures on, and which of its codes apply.
fn analysis_codes(kind: &str) -> Vec<(&'static str, &'static str)> {
    let cover = || accredit_core::cover::FINDING_CODES.to_vec();
    let logs = |prefixes: &[&str]| -> Vec<(&'static str, &'static str)> {
        accredit_core::logs::FINDING_CODES
            .iter()
            .copied()
            .filter(|(code, _)| {
                code.starts_with("csv-")
                    || code.starts_with("log-")
                    || prefixes.iter().any(|p| code.starts_with(p))
            })
            .collect()
    };
    let mut codes = match kind {
        "rota-staffed" | "lone-working" | "on-call-cover" => cover(),
        "incident-hours" | "referral-references" | "response-targets" => {
            logs(&["incident-", "referral-"])
        }
        "application-training" | "itil-foundation" => logs(&["training-", "staff-"]),
        "change-windows" => logs(&["change-"]),
        _ => Vec::new(),
    };
    if matches!(
        kind,
        "incident-hours"
            | "referral-references"
            | "response-targets"
            | "application-training"
            | "itil-foundation"
            | "change-windows"
    ) {
        codes.push((
            "log-source-missing",
            "the CSV file a log names is not in the pack",
        ));
        codes.push(("log-unreadable", "the CSV file a log names cannot be read"));
    }
    codes
}

/// Every code a check of `kind` can emit, with a meaning where one is kept,
/// sorted by code.
pub fn codes(kind: &str) -> Vec<(&'static str, Option<&'static str>)> {
    let mut out: Vec<(&'static str, Option<&'static str>)> = ANY_CHECK
        .iter()
        .chain(own_codes(kind))
        .map(|c| (*c, None))
        .collect();
    for (code, meaning) in analysis_codes(kind) {
        match out.iter_mut().find(|(c, _)| *c == code) {
            Some(entry) => entry.1 = Some(meaning),
            None => out.push((code, Some(meaning))),
        }
    }
    out.sort_by_key(|(code, _)| *code);
    out.dedup_by_key(|(code, _)| *code);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string literal in the core's source (where codes are written).
    fn core_literals() -> String {
        let root =
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../accredit-core/src");
        let mut text = String::new();
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    text.push_str(&std::fs::read_to_string(path).unwrap());
                }
            }
        }
        text
    }

    #[test]
    fn every_listed_code_is_written_by_the_core() {
        let source = core_literals();
        for kind in accredit_core::Check::KINDS {
            let listed = codes(kind);
            assert!(
                listed.len() > ANY_CHECK.len() || *kind == "incident-hours",
                "{kind}"
            );
            for (code, _) in listed {
                assert!(
                    source.contains(&format!("\"{code}\"")),
                    "{kind}: {code} is not in the core"
                );
            }
        }
    }
}
