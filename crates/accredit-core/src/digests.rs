//! Digests of the CSV exports left to the analyses that stream them (see
//! `load/streamed.rs`, which decides which, and fills in the rest when the
//! evidence index is made). The slots live on the [`Evidence`]; the reader
//! that fills one is handed out by [`StreamedDigests::reader`].
//!
//! [`Evidence`]: crate::evidence::Evidence

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::OnceLock;

use sha2::{Digest, Sha256};

/// The exports whose digests are left to the analyses, by pack path.
#[derive(Debug, Clone, Default)]
pub struct StreamedDigests {
    slots: BTreeMap<String, Slot>,
}

/// One export's digest, once known.
#[derive(Debug, Clone, Default)]
struct Slot {
    /// Its size when the pack was walked: a stream that reads another
    /// number of bytes read another file, and its digest is not kept.
    bytes: u64,
    digest: OnceLock<Digested>,
}

/// A digest and how it was made.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Digested {
    sha256: String,
    by_stream: bool,
}

impl StreamedDigests {
    /// Leaves the digest of `path` (`bytes` long) to the analyses.
    pub(crate) fn defer(&mut self, path: &str, bytes: u64) {
        self.slots.insert(
            path.to_string(),
            Slot {
                bytes,
                digest: OnceLock::new(),
            },
        );
    }

    /// `input` (the content of the pack file `path`), hashing what is read
    /// when `path`'s digest is still to be made: the digest is kept once
    /// the stream reaches the end having read exactly the file's size.
    pub(crate) fn reader<R: Read>(&self, path: &str, input: R) -> DigestingReader<'_, R> {
        let slot = self.slots.get(path).filter(|s| s.digest.get().is_none());
        DigestingReader {
            input,
            hashing: slot.map(|slot| (slot, Sha256::new(), 0)),
        }
    }

    /// The digest of `path` if it was left to the analyses: theirs, or
    /// `hash(bytes)` made now (once) when no stream read it to its end.
    pub(crate) fn digest_or_hash(
        &self,
        path: &str,
        hash: impl FnOnce(u64) -> String,
    ) -> Option<&str> {
        let slot = self.slots.get(path)?;
        let digested = slot.digest.get_or_init(|| Digested {
            sha256: hash(slot.bytes),
            by_stream: false,
        });
        Some(&digested.sha256)
    }

    /// Whether the digest of `path` was made by an analysis's stream (for
    /// the tests that show the export is read once).
    #[cfg(test)]
    pub(crate) fn made_by_stream(&self, path: &str) -> Option<bool> {
        Some(self.slots.get(path)?.digest.get()?.by_stream)
    }
}

/// A reader that hashes what passes through it (see [`StreamedDigests::reader`]).
pub struct DigestingReader<'d, R> {
    input: R,
    /// The slot to fill, the digest so far and the bytes read so far.
    hashing: Option<(&'d Slot, Sha256, u64)>,
}

impl<R> DigestingReader<'_, R> {
    /// Whether what is read is being hashed (a digest still to be made).
    #[cfg(test)]
    pub(crate) fn is_hashing(&self) -> bool {
        self.hashing.is_some()
    }
}

impl<R: Read> Read for DigestingReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.input.read(buf)?;
        if n > 0 {
            if let Some((_, hasher, read)) = &mut self.hashing {
                hasher.update(&buf[..n]);
                *read += n as u64;
            }
        } else if !buf.is_empty()
            && let Some((slot, hasher, read)) = self.hashing.take()
            && read == slot.bytes
        {
            let _ = slot.digest.set(Digested {
                sha256: hex(&hasher.finalize()),
                by_stream: true,
            });
        }
        Ok(n)
    }
}

/// A digest in lower-case hexadecimal, as every digest in the evidence
/// index and the results is written.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    s
}
