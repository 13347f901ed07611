//! Row-by-row reading of a CSV export: the header check, ragged and oversized
//! rows, field parsing and the capped list of bad rows.

use std::io::Read;

use csv::ByteRecord;
use jiff::Timestamp;
use jiff::civil::Date;

use super::time::{LogTime, parse_date, read_time};
use super::zone::Zone;
use super::{BadRow, LogUnreadable, MAX_FIELD_BYTES, MAX_LISTED, RowTally, codes};
use crate::finding::Finding;
use crate::location::{Location, to_u32};

/// What a time field should look like, for bad-value findings.
const TIME_EXPECTED: &str = "a time like 2008-10-26 01:30 or 2008-10-26T01:30:00+01:00";
/// What a date field should look like.
const DATE_EXPECTED: &str = "a date YYYY-MM-DD";

/// A CSV export being streamed: the reader, its header and one reused record.
pub(super) struct LogReader<R> {
    csv: csv::Reader<R>,
    /// How many fields the header row has.
    width: usize,
    /// The names of the columns looked up (index, name as written), for
    /// findings: never the whole header, which may hold millions of fields.
    names: Vec<(usize, String)>,
    record: ByteRecord,
    file: String,
    tally: RowTally,
    listed: Vec<Finding>,
}

impl<R: Read> LogReader<R> {
    /// Reads the header row and finds the `required` columns, returning their
    /// indices in the same order. Every missing column is one
    /// `csv-missing-column` finding, and the log is then unreadable.
    pub(super) fn open<const N: usize>(
        reader: R,
        file: &str,
        required: [&str; N],
    ) -> Result<(LogReader<R>, [usize; N]), LogUnreadable> {
        let mut csv = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(true)
            .from_reader(reader);
        let header_record = csv.byte_headers().map_err(|e| unreadable(file, &e))?;
        let header_line = header_record.position().map_or(1, |p| line_of(p.line()));
        let width = header_record.len();
        let mut names = Vec::with_capacity(N);
        let mut indices = [0; N];
        let mut findings = Vec::new();
        for (slot, name) in indices.iter_mut().zip(required) {
            match crate::model::find_column(header_record.iter(), name) {
                Some(index) => {
                    *slot = index;
                    names.push((index, crate::model::column_name(name)));
                }
                None => findings.push(Finding::new(
                    codes::MISSING_COLUMN,
                    format!(
                        "{file} has no `{name}` column in its header row, so it cannot be analysed"
                    ),
                    Some(Location::at(file, header_line, 1)),
                )),
            }
        }
        if !findings.is_empty() {
            return Err(LogUnreadable { findings });
        }
        let log = LogReader {
            csv,
            width,
            names,
            record: ByteRecord::new(),
            file: file.to_owned(),
            tally: RowTally::default(),
            listed: Vec::new(),
        };
        Ok((log, indices))
    }

    /// The index of an optional column, if the header has it.
    pub(super) fn column(&mut self, name: &str) -> Option<usize> {
        let index = crate::model::find_column(self.csv.byte_headers().ok()?.iter(), name)?;
        self.names.push((index, crate::model::column_name(name)));
        Some(index)
    }

    /// Streams every data row through `visit`. Ragged rows and rows with a
    /// field over 1 MiB are reported without being visited; a row that
    /// `visit` rejects is reported with its line. Only an I/O failure stops
    /// the stream.
    pub(super) fn for_each_row(
        &mut self,
        mut visit: impl FnMut(&Row<'_>) -> Result<(), BadRow>,
    ) -> Result<(), LogUnreadable> {
        loop {
            match self.csv.read_byte_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => return Ok(()),
                Err(e) => return Err(unreadable(&self.file, &e)),
            }
            self.tally.rows += 1;
            let line = self.record.position().map_or(0, |p| line_of(p.line()));
            let oversized = self.record.as_slice().len() > MAX_FIELD_BYTES;
            let row = Row {
                record: &self.record,
                names: &self.names,
                line,
            };
            let outcome = if self.record.len() != self.width {
                Err(BadRow::new(
                    codes::RAGGED_ROW,
                    format!(
                        "row has {} fields but the header has {}; row skipped",
                        self.record.len(),
                        self.width
                    ),
                ))
            } else if let Some(column) = oversized.then(|| row.oversized_column()).flatten() {
                Err(BadRow::new(
                    codes::FIELD_TOO_LONG,
                    format!("`{}` is longer than 1 MiB; row skipped", row.header(column)),
                ))
            } else {
                visit(&row)
            };
            if let Err(bad) = outcome {
                self.reject(line, bad);
            }
            if oversized {
                // Give back the memory a huge row took.
                self.record = ByteRecord::new();
            }
        }
    }

    /// Records a skipped row: listed while fewer than [`MAX_LISTED`] are.
    fn reject(&mut self, line: u32, bad: BadRow) {
        self.tally.skipped += 1;
        if self.listed.len() < MAX_LISTED {
            let location = Location::at(self.file.as_str(), line, 1);
            self.listed
                .push(Finding::new(bad.code, bad.message, Some(location)));
        }
    }

    /// The row tally and the bad-row findings, the rows beyond the first
    /// [`MAX_LISTED`] counted in one `csv-more-bad-rows` finding.
    pub(super) fn finish(self) -> (RowTally, Vec<Finding>) {
        let mut findings = self.listed;
        let more = self.tally.skipped.saturating_sub(findings.len() as u64);
        if more > 0 {
            findings.push(Finding::new(
                codes::MORE_BAD_ROWS,
                format!("{more} more bad rows in {} were skipped (only the first {MAX_LISTED} are listed)", self.file),
                Some(Location::file(self.file.as_str())),
            ));
        }
        (self.tally, findings)
    }
}

/// One data row, valid in shape (as many fields as the header, none too long).
pub(super) struct Row<'r> {
    record: &'r ByteRecord,
    names: &'r [(usize, String)],
    line: u32,
}

impl<'r> Row<'r> {
    /// The row's 1-based line in the file (where the row starts).
    pub(super) fn line(&self) -> u32 {
        self.line
    }

    /// A field as text, trimmed of surrounding whitespace.
    pub(super) fn text(&self, column: usize) -> Result<&'r str, BadRow> {
        let bytes = self.record.get(column).unwrap_or_default();
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(text.trim()),
            Err(_) => Err(BadRow::new(
                codes::INVALID_VALUE,
                format!(
                    "`{}` is not valid UTF-8 text; row skipped",
                    self.header(column)
                ),
            )),
        }
    }

    /// A field that must not be empty.
    pub(super) fn required_text(&self, column: usize) -> Result<&'r str, BadRow> {
        let text = self.text(column)?;
        if text.is_empty() {
            return Err(BadRow::new(
                codes::INVALID_VALUE,
                format!("`{}` is empty; row skipped", self.header(column)),
            ));
        }
        Ok(text)
    }

    /// A bad-value finding: the column, what it holds and what was expected.
    pub(super) fn invalid(&self, column: usize, expected: &str) -> BadRow {
        let value: String = self.text(column).unwrap_or("").chars().take(40).collect();
        BadRow::new(
            codes::INVALID_VALUE,
            format!(
                "`{}` is `{value}`, expected {expected}; row skipped",
                self.header(column)
            ),
        )
    }

    /// A time that must be present (see [`parse_instant`]).
    pub(super) fn instant(&self, column: usize, zone: &Zone) -> Result<Timestamp, BadRow> {
        Ok(self.time(column, zone)?.instant)
    }

    /// A time that must be present, with its local reading as written.
    pub(super) fn time(&self, column: usize, zone: &Zone) -> Result<LogTime, BadRow> {
        let text = self.text(column)?;
        read_time(text, |local| zone.instant(local))
            .ok_or_else(|| self.invalid(column, TIME_EXPECTED))
    }

    /// A time, or `None` when the field is empty.
    pub(super) fn optional_instant(
        &self,
        column: usize,
        zone: &Zone,
    ) -> Result<Option<Timestamp>, BadRow> {
        let instant = |text: &str| read_time(text, |local| zone.instant(local)).map(|t| t.instant);
        self.unless_empty(column, instant, TIME_EXPECTED)
    }

    /// A date `YYYY-MM-DD`, or `None` when the field is empty.
    pub(super) fn optional_date(&self, column: usize) -> Result<Option<Date>, BadRow> {
        self.unless_empty(column, parse_date, DATE_EXPECTED)
    }

    /// A date `YYYY-MM-DD` that must be present.
    pub(super) fn date(&self, column: usize) -> Result<Date, BadRow> {
        self.optional_date(column)?
            .ok_or_else(|| self.invalid(column, DATE_EXPECTED))
    }

    /// An optional field read by `parse`: `None` when empty, a bad value
    /// (`expected` saying what it should be) when `parse` fails.
    fn unless_empty<T>(
        &self,
        column: usize,
        parse: impl FnOnce(&str) -> Option<T>,
        expected: &str,
    ) -> Result<Option<T>, BadRow> {
        let text = self.text(column)?;
        if text.is_empty() {
            return Ok(None);
        }
        parse(text)
            .map(Some)
            .ok_or_else(|| self.invalid(column, expected))
    }

    /// One of a fixed list of values, matched ignoring case, surrounding
    /// spaces and whether words are joined by `-`, `_` or spaces
    /// (`First Line` is `first-line`; see [`crate::checks::wording::listed_value`]).
    pub(super) fn one_of<T: Copy>(
        &self,
        column: usize,
        choices: &[(&str, T)],
    ) -> Result<T, BadRow> {
        let text = self.text(column)?;
        choices
            .iter()
            .find(|(name, _)| crate::checks::wording::is_listed_value(text, name))
            .map(|&(_, value)| value)
            .ok_or_else(|| {
                let names: Vec<&str> = choices
                    .iter()
                    .map(|(name, _)| *name)
                    .filter(|n| !n.is_empty())
                    .collect();
                self.invalid(column, &format!("one of {}", names.join(", ")))
            })
    }

    /// The name of a column.
    fn header(&self, column: usize) -> &str {
        self.names
            .iter()
            .find(|(index, _)| *index == column)
            .map_or("?", |(_, name)| name.as_str())
    }

    /// The first column whose field is longer than [`MAX_FIELD_BYTES`].
    fn oversized_column(&self) -> Option<usize> {
        self.record
            .iter()
            .position(|field| field.len() > MAX_FIELD_BYTES)
    }
}

/// A 1-based line number as stored in a [`Location`].
fn line_of(line: u64) -> u32 {
    to_u32(usize::try_from(line).unwrap_or(usize::MAX))
}

/// The finding for a CSV that could not be read.
fn unreadable(file: &str, error: &csv::Error) -> LogUnreadable {
    LogUnreadable {
        findings: vec![Finding::new(
            codes::UNREADABLE,
            format!("{file} could not be read: {error}"),
            Some(Location::file(file)),
        )],
    }
}
