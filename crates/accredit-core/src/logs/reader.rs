//! Row-by-row reading of a CSV export: the header check, ragged and oversized
//! rows, field parsing and the capped list of bad rows.

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::{Mutex, mpsc};

use csv::ByteRecord;
use jiff::Timestamp;
use jiff::civil::Date;

use super::chunks::{Block, Chunker};
use super::time::{LogTime, parse_date, read_time};
use super::zone::Zone;
use super::{BadRow, LogUnreadable, MAX_FIELD_BYTES, MAX_LISTED, RowTally, codes};
use crate::finding::Finding;
use crate::location::{Location, to_u32};

/// What a time field should look like, for bad-value findings.
const TIME_EXPECTED: &str = "a time like 2008-10-26 01:30 or 2008-10-26T01:30:00+01:00";
/// What a date field should look like.
const DATE_EXPECTED: &str = "a date YYYY-MM-DD";

/// How a log is read: the defaults are the fast way; the tests also read the
/// straightforward way (one block, one thread, no remembered offset, every
/// reference kept as written) and compare.
#[derive(Debug, Clone, Copy)]
pub(super) struct Strategy {
    /// Bytes per block.
    pub(super) block_bytes: usize,
    /// Whether blocks are parsed on several threads.
    pub(super) parallel: bool,
    /// Whether zones remember their offset ([`Zone`]).
    pub(super) remembered_offsets: bool,
    /// Whether references are kept as runs ([`super::references::ReferenceSet`]).
    pub(super) reference_runs: bool,
}

impl Strategy {
    /// The fast way.
    pub(super) const FAST: Strategy = Strategy {
        block_bytes: super::chunks::BLOCK_BYTES,
        parallel: true,
        remembered_offsets: true,
        reference_runs: true,
    };

    /// The straightforward way, to compare with.
    #[cfg(test)]
    pub(super) const STRAIGHTFORWARD: Strategy = Strategy {
        block_bytes: usize::MAX,
        parallel: false,
        remembered_offsets: false,
        reference_runs: false,
    };
}

/// What [`stream_exports`] gives: the rows of every export, their bad-row
/// findings in file order, and the exports' paths in the order read.
pub(super) struct Streamed {
    pub(super) rows: RowTally,
    pub(super) findings: Vec<Finding>,
    pub(super) files: Vec<String>,
}

impl Streamed {
    /// The first export's path, where findings about the whole log go.
    pub(super) fn first_file(&self) -> &str {
        self.files.first().map_or("", String::as_str)
    }
}

/// One export as [`stream_exports`] hands it over: its reader (header read),
/// the required columns found, its time zone and where it stands among the
/// exports of its kind.
pub(super) struct Export<'s, R, const N: usize> {
    pub(super) log: LogReader<R>,
    pub(super) columns: [usize; N],
    pub(super) tz: &'s jiff::tz::TimeZone,
    pub(super) places: Places<'s>,
}

/// The exports of a kind read so far, the one being read last.
#[derive(Clone, Copy)]
pub(super) struct Places<'s> {
    files: &'s [String],
}

impl<'s> Places<'s> {
    /// The place of the export being read (0 for the first).
    pub(super) fn index(self) -> u32 {
        u32::try_from(self.files.len().saturating_sub(1)).unwrap_or(u32::MAX)
    }

    /// The pack path of the export being read.
    pub(super) fn file(self) -> &'s str {
        self.files.last().map_or("", String::as_str)
    }

    /// The pack path of the export at `index`.
    pub(super) fn file_at(self, index: u32) -> Option<&'s str> {
        self.files.get(index as usize).map(String::as_str)
    }
}

/// The one loop every log analysis runs: each export of a kind in turn,
/// its header read for the `required` columns, handed to `each` (which
/// streams its rows), then its tally and bad-row findings added, followed
/// by any findings `each` returns about that export.
pub(super) fn stream_exports<R: Read, const N: usize>(
    sources: impl IntoIterator<Item = super::LogSource<R>>,
    required: [&str; N],
    strategy: Strategy,
    mut each: impl FnMut(&mut Export<'_, R, N>) -> Result<Vec<Finding>, LogUnreadable>,
) -> Result<Streamed, LogUnreadable> {
    let mut streamed = Streamed {
        rows: RowTally::default(),
        findings: Vec::new(),
        files: Vec::new(),
    };
    for super::LogSource { file, reader, tz } in sources {
        streamed.files.push(file);
        let file = streamed.files.last().map_or("", String::as_str);
        let (log, columns) = LogReader::open_with(reader, file, required, strategy)?;
        let mut export = Export {
            log,
            columns,
            tz: &tz,
            places: Places {
                files: &streamed.files,
            },
        };
        let more = each(&mut export)?;
        let (rows, mut findings) = export.log.finish();
        streamed.rows.add(rows);
        streamed.findings.append(&mut findings);
        streamed.findings.extend(more);
    }
    Ok(streamed)
}

/// A CSV export being streamed: its blocks of records, its header and the
/// bad rows found so far.
pub(super) struct LogReader<R> {
    chunks: Chunker<R>,
    /// The header row (its fields are looked up by name).
    header: ByteRecord,
    /// How many fields the header row has.
    width: usize,
    /// The names of the columns looked up (index, name as written), for
    /// findings: never the whole header, which may hold millions of fields.
    names: Vec<(usize, String)>,
    file: String,
    tally: RowTally,
    listed: Vec<Finding>,
    strategy: Strategy,
}

/// What one block's rows gave: each row's line and what parsing it gave.
type ParsedBlock<T> = Vec<(u32, Result<T, BadRow>)>;

/// Blocks read ahead of the one being merged, at most: memory stays at a
/// few blocks whatever the file's size.
const BLOCKS_IN_FLIGHT: usize = 8;

impl<R: Read> LogReader<R> {
    /// Reads the header row and finds the `required` columns, returning their
    /// indices in the same order, the log to be read the way `strategy`
    /// says. Every missing column is one `csv-missing-column` finding, and
    /// the log is then unreadable.
    pub(super) fn open_with<const N: usize>(
        reader: R,
        file: &str,
        required: [&str; N],
        strategy: Strategy,
    ) -> Result<(LogReader<R>, [usize; N]), LogUnreadable> {
        let mut chunks = Chunker::new(reader, strategy.block_bytes);
        let (header_record, header_line) = chunks.header_row().map_err(|e| match e.line() {
            Some(line) => unreadable_at(file, line_of(line), &e),
            None => unreadable(file, &e),
        })?;
        let header_line = line_of(header_line);
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
            chunks,
            header: header_record,
            width,
            names,
            file: file.to_owned(),
            tally: RowTally::default(),
            listed: Vec::new(),
            strategy,
        };
        Ok((log, indices))
    }

    /// The index of an optional column, if the header has it.
    pub(super) fn column(&mut self, name: &str) -> Option<usize> {
        let index = crate::model::find_column(self.header.iter(), name)?;
        self.names.push((index, crate::model::column_name(name)));
        Some(index)
    }

    /// Streams every data row in two steps: `parse` reads each row on its
    /// own (on several threads, a block of rows at a time), then `merge`
    /// takes what it gave, row by row in file order, on this thread. Ragged
    /// rows and rows with a field over 1 MiB are reported without being
    /// parsed; rows rejected by `parse` or `merge` are reported with their
    /// line, in file order, so the outcome is the same as one pass and does
    /// not depend on timing. Only an I/O failure stops the stream.
    ///
    /// `parse` reads local times in `tz` through a [`Zone`] of its own.
    pub(super) fn for_each_row_parallel<T: Send>(
        &mut self,
        tz: &jiff::tz::TimeZone,
        parse: impl Fn(&Row<'_>, &Zone) -> Result<T, BadRow> + Sync,
        mut merge: impl FnMut(T, u32) -> Result<(), BadRow>,
    ) -> Result<(), LogUnreadable>
    where
        R: Send,
    {
        let Some(first) = self.next_block()? else {
            return Ok(());
        };
        let (width, names, strategy) = (self.width, self.names.as_slice(), self.strategy);
        let parse_block = |block: &Block| {
            let mut parsed: ParsedBlock<T> = Vec::new();
            let zone = Zone::new(tz.clone(), strategy.remembered_offsets);
            rows_of(block, width, names, |line, row| {
                parsed.push((line, row.and_then(|row| parse(row, &zone))));
            });
            parsed
        };
        let mut outcomes: Vec<(u32, BadRow)> = Vec::new();
        let mut rows = 0;
        let mut take = |parsed: ParsedBlock<T>| {
            for (line, outcome) in parsed {
                rows += 1;
                if let Err(reason) = outcome.and_then(|value| merge(value, line)) {
                    outcomes.push((line, reason));
                }
            }
        };
        let read = if self.chunks.is_done() || !strategy.parallel {
            // One block: no threads needed.
            take(parse_block(&first));
            let mut read = Ok(());
            while let Some(block) = self.chunks.next_block().transpose() {
                match block {
                    Ok(block) => take(parse_block(&block)),
                    Err(e) => {
                        read = Err(e);
                        break;
                    }
                }
            }
            read
        } else {
            in_parallel(&mut self.chunks, first, &parse_block, &mut take)
        };
        self.tally.rows += rows;
        for (line, reason) in outcomes {
            self.reject(line, reason);
        }
        read.map_err(|e| unreadable(&self.file, &e))
    }

    /// The next block of records.
    fn next_block(&mut self) -> Result<Option<Block>, LogUnreadable> {
        self.chunks
            .next_block()
            .map_err(|e| unreadable(&self.file, &e))
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

/// Reads blocks on one thread and parses them on others, handing what each
/// gave to `take` in file order. At most [`BLOCKS_IN_FLIGHT`] blocks are
/// read ahead of the one `take` waits for.
fn in_parallel<R: Read + Send, T: Send>(
    chunks: &mut Chunker<R>,
    first: Block,
    parse_block: &(impl Fn(&Block) -> ParsedBlock<T> + Sync),
    take: &mut impl FnMut(ParsedBlock<T>),
) -> std::io::Result<()> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let (block_tx, block_rx) = mpsc::sync_channel::<(usize, Block)>(BLOCKS_IN_FLIGHT);
    let block_rx = Mutex::new(block_rx);
    let (parsed_tx, parsed_rx) = mpsc::channel::<(usize, ParsedBlock<T>)>();
    // A token per block that may be read ahead; one comes back as each
    // block is taken.
    let (token_tx, token_rx) = mpsc::sync_channel::<()>(BLOCKS_IN_FLIGHT);
    for _ in 1..BLOCKS_IN_FLIGHT {
        let _ = token_tx.send(());
    }
    let _ = block_tx.send((0, first));
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || -> std::io::Result<()> {
            let mut sequence = 1;
            while token_rx.recv().is_ok() {
                let Some(block) = chunks.next_block()? else {
                    break;
                };
                if block_tx.send((sequence, block)).is_err() {
                    break;
                }
                sequence += 1;
            }
            Ok(())
        });
        for _ in 0..workers {
            let parsed_tx = parsed_tx.clone();
            let block_rx = &block_rx;
            scope.spawn(move || {
                loop {
                    let next = block_rx
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .recv();
                    let Ok((sequence, block)) = next else {
                        break;
                    };
                    if parsed_tx.send((sequence, parse_block(&block))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(parsed_tx);
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (sequence, parsed) in parsed_rx {
            waiting.insert(sequence, parsed);
            while let Some(parsed) = waiting.remove(&next) {
                take(parsed);
                next += 1;
                let _ = token_tx.send(());
            }
        }
        drop(token_tx);
        reader
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// Reads the rows of a block, giving each its line and, when its shape is
/// right (as many fields as the header, none over 1 MiB), the row itself.
fn rows_of(
    block: &Block,
    width: usize,
    names: &[(usize, String)],
    mut each: impl FnMut(u32, Result<&Row<'_>, BadRow>),
) {
    let mut csv = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(block.bytes.as_slice());
    let mut record = ByteRecord::new();
    // Reading from memory cannot fail, and `flexible` takes ragged rows.
    while let Ok(true) = csv.read_byte_record(&mut record) {
        let line = record
            .position()
            .map_or(0, |p| line_of(block.first_line + p.line() - 1));
        let oversized = record.as_slice().len() > MAX_FIELD_BYTES;
        let row = Row {
            record: &record,
            names,
        };
        if record.len() != width {
            each(
                line,
                Err(BadRow::new(
                    codes::RAGGED_ROW,
                    format!(
                        "row has {} fields but the header has {width}; row skipped",
                        record.len(),
                    ),
                )),
            );
        } else if let Some(column) = oversized.then(|| row.oversized_column()).flatten() {
            each(
                line,
                Err(BadRow::new(
                    codes::FIELD_TOO_LONG,
                    format!("`{}` is longer than 1 MiB; row skipped", row.header(column)),
                )),
            );
        } else {
            each(line, Ok(&row));
        }
        if oversized {
            // Give back the memory a huge row took.
            record = ByteRecord::new();
        }
    }
}

/// One data row, valid in shape (as many fields as the header, none too long).
pub(super) struct Row<'r> {
    record: &'r ByteRecord,
    names: &'r [(usize, String)],
}

impl<'r> Row<'r> {
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
    /// (`First Line` is `first-line`; see [`crate::wording::listed_value`]).
    pub(super) fn one_of<T: Copy>(
        &self,
        column: usize,
        choices: &[(&str, T)],
    ) -> Result<T, BadRow> {
        let text = self.text(column)?;
        // Written exactly as listed, as nearly every row is: no need to
        // normalise (the choices' listed forms differ from each other, so
        // the exact match is the one the normalised comparison finds).
        if let Some(&(_, value)) = choices.iter().find(|(name, _)| *name == text) {
            return Ok(value);
        }
        choices
            .iter()
            .find(|(name, _)| crate::wording::is_listed_value(text, name))
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

/// The finding for a CSV whose line `line` could not be read.
fn unreadable_at(file: &str, line: u32, error: &dyn std::fmt::Display) -> LogUnreadable {
    LogUnreadable {
        findings: vec![Finding::new(
            codes::UNREADABLE,
            format!("{file} could not be read: {error}"),
            Some(Location::at(file, line, 1)),
        )],
    }
}

/// The finding for a CSV that could not be read.
fn unreadable(file: &str, error: &dyn std::fmt::Display) -> LogUnreadable {
    LogUnreadable {
        findings: vec![Finding::new(
            codes::UNREADABLE,
            format!("{file} could not be read: {error}"),
            Some(Location::file(file)),
        )],
    }
}
