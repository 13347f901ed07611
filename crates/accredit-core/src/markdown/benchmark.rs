//! A timing of [`analyse_markdown`] over a pack-sized batch of procedures.
//! Run with `cargo test --release -- --ignored --nocapture procedures_per_second`.

use std::time::Instant;

use super::analyse_markdown;

/// A generated procedure of about 3 KB; `number` varies its wording.
fn procedure(number: usize) -> String {
    let mut text = format!(
        "---\nkind: Procedure\nprocess: incident\ntitle: Incident procedure {number}\nversion: \"1.{number}\"\nowner: Service Desk Manager\napproved_by: Head of IT\napproved_on: 2025-01-15\nreview_due: 2026-01-15\n---\n# Incident procedure {number}\n\n"
    );
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
             when the *target* is at risk (ticket {number}-{index}). See [change](change.md#scope) \
             and ![flow](img/flow-{index}.png).\n\n- Analyst: logs and triages\n- Lead: reviews breaches\n\n\
             | Priority | Response |\n|---|---|\n| P1 | 15 minutes |\n| P2 | 1 hour |\n\n",
            index + 1
        ));
    }
    text.push_str("```\nincident --log --priority P1\n```\n\n[^1]: Footnote with <br> html.\n");
    text
}

#[test]
#[ignore = "timing; run in release"]
fn procedures_per_second() {
    let procedures: Vec<String> = (0..1000).map(procedure).collect();
    let bytes: usize = procedures.iter().map(String::len).sum();
    let started = Instant::now();
    let mut sections = 0;
    for text in &procedures {
        sections += analyse_markdown(text).outline.sections.len();
    }
    let elapsed = started.elapsed();
    assert_eq!(sections, 8000);
    eprintln!(
        "analyse_markdown: {} procedures, {:.1} KB each on average, {:.1} ms in all",
        procedures.len(),
        bytes as f64 / procedures.len() as f64 / 1024.0,
        elapsed.as_secs_f64() * 1000.0
    );
}
