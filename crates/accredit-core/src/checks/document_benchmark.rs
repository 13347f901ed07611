//! A timing of the document requirements (ITIL, DOC, NAK-02, CHG-02) over
//! 1,000 procedures of about 3 KB each.
//! Run with `cargo test --release -p accredit-core -- --ignored --nocapture document_checks_per_thousand_procedures`.

use std::time::Instant;

use super::test_documents::{document, evidence_with_files, procedure, run};
use super::{Check, Status};
use crate::ruleset::Ruleset;

/// The processes the generated procedures cycle through.
const PROCESSES: [&str; 7] = [
    "incident",
    "change",
    "release",
    "problem",
    "configuration",
    "service-level",
    "knowledge",
];

/// The body of a generated procedure of about 3 KB; `number` varies it.
fn body(number: usize) -> String {
    let mut text = format!("# Procedure {number}\n\n");
    let sections = [
        "Purpose",
        "Scope",
        "Roles & Responsibilities",
        "Logging and categorisation",
        "Prioritisation",
        "Escalation",
        "Resolution and closure",
        "Reporting",
    ];
    for (index, section) in sections.iter().enumerate() {
        text.push_str(&format!(
            "## {}. {section}\n\nThe service desk records every call in the desk tool within five minutes, \
             assigns a category and priority, and follows the [escalation plan](../escalation.yaml) \
             when the *target* is at risk (ticket {number}-{index}). See [the next procedure](p{}.md#purpose) \
             and [this section](#scope).\n\n- Analyst: logs and triages\n- Lead: reviews breaches\n\n\
             | Priority | Response |\n|---|---|\n| P1 | 15 minutes |\n| P2 | 1 hour |\n\n",
            index + 1,
            (number + 1) % 1000
        ));
    }
    text
}

#[test]
#[ignore = "timing; run in release"]
fn document_checks_per_thousand_procedures() {
    let bodies: Vec<String> = (0..1000).map(body).collect();
    let bytes: usize = bodies.iter().map(String::len).sum();
    let started = Instant::now();
    let procedures = bodies
        .iter()
        .enumerate()
        .map(|(number, text)| {
            procedure(
                &format!("procedures/p{number}.md"),
                PROCESSES[number % PROCESSES.len()],
                text,
            )
        })
        .collect();
    let documents = vec![document(
        "documents/fsc.md",
        "forward-schedule-of-change",
        "# F\n",
    )];
    let evidence = evidence_with_files(procedures, documents, &["escalation.yaml"]);
    let analysed = started.elapsed();
    let ruleset = Ruleset::builtin();
    let checks: Vec<&Check> = ruleset
        .requirements
        .iter()
        .filter(|r| {
            ["ITIL-", "DOC-", "NAK-02", "CHG-02"]
                .iter()
                .any(|prefix| r.id.starts_with(prefix))
        })
        .map(|r| &r.check)
        .collect();
    assert_eq!(checks.len(), 15);
    let started = Instant::now();
    let outcomes: Vec<_> = checks.iter().map(|check| run(check, &evidence)).collect();
    let checked = started.elapsed();
    assert!(outcomes.iter().all(|o| o.status != Status::Error));
    let passed = outcomes.iter().filter(|o| o.status == Status::Pass).count();
    eprintln!(
        "document checks: {} procedures, {:.1} KB each on average; Markdown analysis (done once, at load) {:.1} ms; the 15 document requirements {:.1} ms ({passed} pass); {:.1} ms in all",
        bodies.len(),
        bytes as f64 / bodies.len() as f64 / 1024.0,
        analysed.as_secs_f64() * 1000.0,
        checked.as_secs_f64() * 1000.0,
        (analysed + checked).as_secs_f64() * 1000.0
    );
}
