//! Findings about bad rows of a CSV, with a cap on how many are listed one
//! by one: a file with thousands of bad rows gets the first few and a count.

use super::codes::{SHIFT_OVERLAP, SHIFTS_MORE_BAD_ROWS};
use crate::finding::{Finding, FindingCode};
use crate::location::Location;

/// Bad rows reported one by one per file; the rest are counted in one finding.
pub const MAX_ROW_FINDINGS: usize = 20;

/// Row findings of one file, with the cap on how many are listed.
pub(super) struct RowFindings<'f> {
    file: &'f str,
    findings: Vec<Finding>,
    more: usize,
}

impl<'f> RowFindings<'f> {
    /// No findings yet.
    pub fn new(file: &'f str) -> Self {
        RowFindings {
            file,
            findings: Vec::new(),
            more: 0,
        }
    }

    /// Reports a problem with the row at `line`.
    pub fn report(&mut self, line: u64, code: FindingCode, problem: String) {
        if self.findings.len() >= MAX_ROW_FINDINGS {
            self.more += 1;
            return;
        }
        let outcome = if code == SHIFT_OVERLAP {
            "; counted once"
        } else {
            "; row skipped"
        };
        let line = u32::try_from(line).unwrap_or(u32::MAX);
        let location = Location::at(self.file, line, 1);
        self.findings.push(Finding::new(
            code,
            format!("{problem}{outcome}"),
            Some(location),
        ));
    }

    /// Counts `more` problems that are not listed (the cap is reached).
    pub fn count_unlisted(&mut self, more: u64) {
        let more = usize::try_from(more).unwrap_or(usize::MAX);
        self.more = self.more.saturating_add(more);
    }

    /// The findings, with the count of those not listed.
    pub fn finish(mut self) -> Vec<Finding> {
        if self.more > 0 {
            let message = format!(
                "{} more rows of {} have problems (not listed)",
                self.more, self.file
            );
            self.findings.push(Finding::new(
                SHIFTS_MORE_BAD_ROWS,
                message,
                Some(Location::file(self.file)),
            ));
        }
        self.findings
    }
}
