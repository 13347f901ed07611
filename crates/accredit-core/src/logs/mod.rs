//! Streaming analyses of the desk's CSV exports: the incident log, the
//! training log, the change log and the staff register.
//!
//! Every analysis reads its CSV row by row into small accumulators, so memory
//! stays flat however long the log is. The plumbing shared by all of them
//! lives here: the header check, bad-row reporting and time parsing.
//!
//! - The header row names the columns; order is free and unknown columns are
//!   ignored. A missing required column makes the log unreadable
//!   ([`LogUnreadable`], scored `error`), with one `csv-missing-column`
//!   finding per missing column.
//! - A bad row (ragged, an unparsable value, a field over 1 MiB, …) is skipped
//!   and reported at its CSV line. Only the first [`MAX_LISTED`] bad rows of a
//!   file are reported one by one; the rest are counted in one
//!   `csv-more-bad-rows` finding.
//! - Times are RFC 3339 instants with an offset, or local
//!   `YYYY-MM-DD HH:MM[:SS]` in the log's time zone (see [`parse_instant`]).

pub mod changes;
pub mod incidents;
pub mod staff;
pub mod training;

mod chunks;
pub(crate) mod codes;
mod reader;
mod references;
mod time;
mod zone;

use serde::Serialize;

use crate::finding::{Finding, FindingCode};

pub use crate::clock::local_instant;
pub(crate) use chunks::{read_header_row, split_header};
pub use time::{log_time_zone, parse_date, parse_instant};

/// At most this many bad rows, references or staff IDs are listed one by one;
/// the rest are counted.
pub const MAX_LISTED: usize = 20;

/// A field longer than this (1 MiB) makes its row bad.
pub const MAX_FIELD_BYTES: usize = 1 << 20;

/// A log whose analysis cannot run: a required column is missing, the file
/// could not be read, or its time zone is unknown. The requirements that
/// need the log score `error`; the findings say why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LogUnreadable {
    /// Why the log cannot be analysed (at least one finding).
    pub findings: Vec<Finding>,
}

impl std::fmt::Display for LogUnreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut first = true;
        for finding in &self.findings {
            if !first {
                f.write_str("; ")?;
            }
            first = false;
            match &finding.location {
                Some(location) => write!(f, "{location}: {}", finding.message)?,
                None => f.write_str(&finding.message)?,
            }
        }
        Ok(())
    }
}

impl std::error::Error for LogUnreadable {}

/// How many data rows (after the header) a log had and how many were skipped
/// as bad.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RowTally {
    /// Data rows read.
    pub rows: u64,
    /// Rows skipped because they were bad (each reported, or counted in
    /// `csv-more-bad-rows`).
    pub skipped: u64,
}

impl RowTally {
    /// Adds another file's tally (exports of one kind combine).
    fn add(&mut self, other: RowTally) {
        self.rows += other.rows;
        self.skipped += other.skipped;
    }
}

/// One CSV export to stream: its pack path, its content and the time zone
/// of its local times. Several exports of one kind combine: their rows are
/// analysed together, in the order given.
pub struct LogSource<R> {
    /// Pack-relative path, for findings.
    pub file: String,
    /// The CSV text.
    pub reader: R,
    /// Time zone of local times in the file.
    pub tz: jiff::tz::TimeZone,
}

/// Why one row was skipped: a finding code and a message (the plumbing adds
/// the file and line).
#[derive(Debug)]
struct BadRow {
    code: FindingCode,
    message: String,
}

impl BadRow {
    /// A bad row with its own code.
    fn new(code: FindingCode, message: impl Into<String>) -> BadRow {
        BadRow {
            code,
            message: message.into(),
        }
    }
}

/// `part / whole` as a share from 0 to 1, or `None` when there is nothing to
/// measure.
fn share(part: u64, whole: u64) -> Option<f64> {
    // Counts stay far below 2^52, so the conversions are exact.
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Joins listed items with `, ` and adds `, …` when more were left out.
fn listing(items: impl IntoIterator<Item = String>, total: usize) -> String {
    let mut shown = 0;
    let mut out = String::new();
    for item in items {
        if shown > 0 {
            out.push_str(", ");
        }
        out.push_str(&item);
        shown += 1;
    }
    if total > shown {
        out.push_str(", …");
    }
    out
}

#[cfg(test)]
mod tests;
