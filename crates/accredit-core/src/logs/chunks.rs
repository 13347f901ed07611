//! A CSV export cut into blocks of whole records.
//!
//! Each block ends where a record ends, so blocks can be parsed on their own,
//! in parallel, and still give the rows, fields and line numbers that one
//! reader over the whole file gives. Where a record ends is found by
//! following the CSV reader's quoting rules byte by byte (a line break inside
//! a quoted field does not end the record); a block without a quote needs
//! only a search for its last line break.

use std::io::{ErrorKind, Read};

use csv::ByteRecord;

/// About this many bytes are read for a block (more when one record is longer).
pub(super) const BLOCK_BYTES: usize = 1 << 20;

/// The longest header row read, in bytes (1 MiB, with any blank lines
/// before it): a header names the columns and is never nearly that long,
/// so a longer one is a broken export, refused before it takes memory.
pub(crate) const MAX_HEADER_BYTES: usize = 1 << 20;

/// The most columns a header row may have (exports have a few dozen).
pub(crate) const MAX_HEADER_COLUMNS: usize = 10_000;

/// Why a header row could not be read.
#[derive(Debug)]
pub(crate) enum HeaderError {
    /// Reading failed.
    Read(std::io::Error),
    /// The header row starting at `line` runs past [`MAX_HEADER_BYTES`].
    TooLong {
        /// Its 1-based line.
        line: u64,
    },
    /// The header row starting at `line` has more than [`MAX_HEADER_COLUMNS`] columns.
    TooWide {
        /// Its 1-based line.
        line: u64,
    },
}

impl HeaderError {
    /// The line of the header row, when the problem is the row itself.
    pub(crate) fn line(&self) -> Option<u64> {
        match self {
            HeaderError::Read(_) => None,
            HeaderError::TooLong { line } | HeaderError::TooWide { line } => Some(*line),
        }
    }
}

impl std::fmt::Display for HeaderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HeaderError::Read(error) => error.fmt(f),
            HeaderError::TooLong { .. } => write!(
                f,
                "its header row is longer than {} MiB (a header row names the columns: is a line break missing?)",
                MAX_HEADER_BYTES >> 20
            ),
            HeaderError::TooWide { .. } => write!(
                f,
                "its header row has more than {MAX_HEADER_COLUMNS} columns (a header row names the columns: is the separator a comma?)"
            ),
        }
    }
}

/// Reads the header row of a CSV export on its own (for the checks made
/// when a pack is loaded): the record and its line, bounded as
/// [`Chunker::header_row`] is.
///
/// # Errors
/// As [`Chunker::header_row`].
pub(crate) fn read_header_row(input: impl Read) -> Result<(ByteRecord, u64), HeaderError> {
    // Small reads: most headers are in the first few hundred bytes.
    Chunker::new(input, 64 * 1024).header_row()
}

/// Where the quoting rules stand after a byte, as the `csv` crate reads:
/// a quote opens a quoted field only at the start of a field, and `""`
/// inside one is a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quoting {
    /// At the start of a field (or a record).
    FieldStart,
    /// In a field that did not start with a quote.
    Unquoted,
    /// In a quoted field.
    Quoted,
    /// Just after a quote in a quoted field: the field's end, or `""`.
    QuoteInQuoted,
}

/// A block of whole records and the line it starts on.
pub(super) struct Block {
    /// The records' bytes.
    pub(super) bytes: Vec<u8>,
    /// The 1-based line of the block's first byte.
    pub(super) first_line: u64,
}

/// The header row of a CSV export (its bytes and the line it starts on),
/// bounded as [`Chunker::header_row`] is, and the rest of the input after
/// it, for a reader that reads the whole file itself (the shifts CSV):
/// `header` then `rest` are exactly the input's bytes.
///
/// # Errors
/// As [`Chunker::header_row`].
pub(crate) fn split_header<R: Read>(input: R) -> Result<(Vec<u8>, u64, impl Read), HeaderError> {
    let mut chunks = Chunker::new(input, 64 * 1024);
    let (header, line) = chunks.header()?;
    let rest = std::io::Cursor::new(chunks.buffer).chain(chunks.input);
    Ok((header, line, rest))
}

/// Cuts a reader into blocks of whole records.
pub(super) struct Chunker<R> {
    input: R,
    /// Bytes read and not yet given out; all of them scanned.
    buffer: Vec<u8>,
    /// The quoting state after the last byte of `buffer`.
    quoting: Quoting,
    /// Whether the record being read so far has any content.
    content: bool,
    /// The end of the last whole record in `buffer`, if any.
    last_end: Option<usize>,
    /// The 1-based line of `buffer`'s first byte.
    line: u64,
    ended: bool,
    /// A block is given out once this many bytes are buffered.
    block_bytes: usize,
}

impl<R: Read> Chunker<R> {
    /// Blocks of about `block_bytes` (at least one record each).
    pub(super) fn new(input: R, block_bytes: usize) -> Chunker<R> {
        Chunker {
            block_bytes: block_bytes.max(1),
            input,
            buffer: Vec::new(),
            quoting: Quoting::FieldStart,
            content: false,
            last_end: None,
            line: 1,
            ended: false,
        }
    }

    /// The first record that has any content, with any empty lines before
    /// it: the header row, as the `csv` reader finds it, and the line it
    /// starts on. The whole input when no record ends.
    ///
    /// # Errors
    /// A read error, or a header row longer than [`MAX_HEADER_BYTES`] or
    /// with more than [`MAX_HEADER_COLUMNS`] columns: found while it is
    /// scanned, so no more than that is ever held.
    fn header(&mut self) -> Result<(Vec<u8>, u64), HeaderError> {
        let mut quoting = Quoting::FieldStart;
        let mut content = false;
        let mut line = self.line;
        let mut separators = 0usize;
        let mut scanned = 0;
        loop {
            for (i, &byte) in self.buffer.iter().enumerate().skip(scanned) {
                if byte == b',' && quoting != Quoting::Quoted {
                    separators += 1;
                    if separators >= MAX_HEADER_COLUMNS {
                        return Err(HeaderError::TooWide { line });
                    }
                }
                let ends = step(&mut quoting, byte);
                if ends && content {
                    let header = self.take(i + 1);
                    self.quoting = Quoting::FieldStart;
                    self.content = false;
                    self.last_end = None;
                    self.scan(0);
                    return Ok((header, line));
                }
                if !content && byte == b'\n' {
                    line += 1;
                }
                content |= !ends;
            }
            scanned = self.buffer.len();
            if self.ended {
                return Ok((self.take(scanned), line));
            }
            if scanned >= MAX_HEADER_BYTES {
                return Err(HeaderError::TooLong { line });
            }
            self.fill_raw().map_err(HeaderError::Read)?;
            if scanned == self.buffer.len() {
                self.ended = true;
            }
        }
    }

    /// The header row as one record, and the line it starts on (see
    /// [`Self::header`]); an empty record for an empty input.
    ///
    /// # Errors
    /// As [`Self::header`].
    pub(super) fn header_row(&mut self) -> Result<(ByteRecord, u64), HeaderError> {
        let (bytes, line) = self.header()?;
        let mut record = ByteRecord::new();
        // Read from memory, so it cannot fail; `flexible` as every CSV
        // reader here is.
        let _ = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(false)
            .from_reader(bytes.as_slice())
            .read_byte_record(&mut record);
        Ok((record, line))
    }

    /// The next block of whole records, `None` at the end.
    ///
    /// # Errors
    /// A read error.
    pub(super) fn next_block(&mut self) -> std::io::Result<Option<Block>> {
        loop {
            if self.buffer.len() >= self.block_bytes
                && let Some(end) = self.last_end
            {
                return Ok(Some(self.block(end)));
            }
            if self.ended {
                if self.buffer.is_empty() {
                    return Ok(None);
                }
                return Ok(Some(self.block(self.buffer.len())));
            }
            let from = self.buffer.len();
            self.fill_raw()?;
            if from == self.buffer.len() {
                self.ended = true;
            } else {
                self.scan(from);
            }
        }
    }

    /// Whether every byte has been given out.
    pub(super) fn is_done(&self) -> bool {
        self.ended && self.buffer.is_empty()
    }

    /// Gives out `buffer[..end]` as a block.
    fn block(&mut self, end: usize) -> Block {
        let first_line = self.line;
        let bytes = self.take(end);
        Block { bytes, first_line }
    }

    /// Takes `buffer[..end]`, keeping the line count and the last record end.
    fn take(&mut self, end: usize) -> Vec<u8> {
        let rest = self.buffer.split_off(end);
        let taken = std::mem::replace(&mut self.buffer, rest);
        self.line += taken.iter().filter(|&&b| b == b'\n').count() as u64;
        self.last_end = self
            .last_end
            .and_then(|e| e.checked_sub(end))
            .filter(|&e| e > 0);
        taken
    }

    /// Reads up to [`BLOCK_BYTES`] more (or a block's size, if smaller)
    /// into `buffer`.
    fn fill_raw(&mut self) -> std::io::Result<()> {
        let from = self.buffer.len();
        self.buffer
            .resize(from + BLOCK_BYTES.min(self.block_bytes), 0);
        let mut filled = from;
        while filled < self.buffer.len() {
            match self.input.read(&mut self.buffer[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => {
                    self.buffer.truncate(filled);
                    return Err(e);
                }
            }
        }
        self.buffer.truncate(filled);
        Ok(())
    }

    /// Follows the quoting rules over `buffer[from..]`, noting the last
    /// record end.
    ///
    /// A block is cut right after the byte that ends a record with content
    /// (a `\n`, or the `\r` of a `\r\n`), never after a blank line: the
    /// `csv` reader gives a record the line where the previous record's
    /// terminator left it, so a block that starts there numbers its rows as
    /// one reader over the whole file does.
    fn scan(&mut self, from: usize) {
        let new = &self.buffer[from..];
        let outside = matches!(self.quoting, Quoting::FieldStart | Quoting::Unquoted);
        if outside && !new.contains(&b'"') {
            // No quote: every line break ends a record. Find the last one
            // that ends a record with content.
            let content_before = |p: usize| match p.checked_sub(1) {
                Some(q) => !is_break(new[q]),
                None => self.content,
            };
            if let Some(p) = (0..new.len())
                .rev()
                .find(|&p| is_break(new[p]) && content_before(p))
            {
                self.last_end = Some(from + p + 1);
            }
            if let Some(&last) = new.last() {
                self.content = !is_break(last);
                self.quoting = if last == b',' || is_break(last) {
                    Quoting::FieldStart
                } else {
                    Quoting::Unquoted
                };
            }
            return;
        }
        let (mut quoting, mut content) = (self.quoting, self.content);
        for (i, &byte) in new.iter().enumerate() {
            if step(&mut quoting, byte) {
                if content {
                    self.last_end = Some(from + i + 1);
                }
                content = false;
            } else {
                content = true;
            }
        }
        (self.quoting, self.content) = (quoting, content);
    }
}

/// A line-break byte.
fn is_break(byte: u8) -> bool {
    byte == b'\n' || byte == b'\r'
}

/// Moves the quoting state over one byte; `true` when the byte ends a
/// record (a `\r` or `\n` outside a quoted field).
fn step(quoting: &mut Quoting, byte: u8) -> bool {
    use Quoting::{FieldStart, QuoteInQuoted, Quoted, Unquoted};
    let (next, ends) = match (*quoting, byte) {
        (Quoted, b'"') => (QuoteInQuoted, false),
        (Quoted, _) => (Quoted, false),
        (FieldStart, b'"') | (QuoteInQuoted, b'"') => (Quoted, false),
        (_, b',') => (FieldStart, false),
        (_, b'\n' | b'\r') => (FieldStart, true),
        (_, _) => (Unquoted, false),
    };
    *quoting = next;
    ends
}
