//! Tests of the log analyses, one file per log plus the shared plumbing.

mod changes;
mod fast_and_straightforward;
mod incidents;
mod never_panics;
mod reader;
mod staff;
mod time;
mod training;

use jiff::tz::TimeZone;

use crate::finding::Finding;

/// Europe/London from the bundled database.
fn london() -> TimeZone {
    jiff::tz::db().get("Europe/London").expect("bundled zone")
}

/// The lines of the findings with `code`, in order.
fn lines_of(findings: &[Finding], code: &str) -> Vec<u32> {
    findings
        .iter()
        .filter(|f| f.code == code)
        .filter_map(|f| f.location.as_ref().and_then(|l| l.line()))
        .collect()
}

/// The codes of the findings, in order.
fn codes_of(findings: &[Finding]) -> Vec<crate::finding::FindingCode> {
    findings.iter().map(|f| f.code).collect()
}
