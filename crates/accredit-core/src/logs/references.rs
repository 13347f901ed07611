//! The references seen so far in a log, to count each incident or change
//! once, in memory that stays small however long the log is.
//!
//! Desk tools issue references in sequence (`INC000123`, `INC000124`, …), so
//! a reference whose text ends in digits is split into its prefix, its digit
//! count and its number, and the numbers of each prefix are kept as runs
//! `first..=last` (a run per file, so a repeat can say where the reference
//! was first seen). A million sequential references take one run. Only the
//! irregular rest (no trailing digits) goes to a hash set of 64-bit hashes.
//!
//! The split is exact: the prefix, the digit count and the number give back
//! the reference as written, so two references are the same exactly when
//! their texts are.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, DefaultHasher, Hash, Hasher};

/// At most this many trailing digits are read as the number (a `u64` holds
/// any 19 digits); digits before them are part of the prefix.
const MAX_DIGITS: usize = 19;

/// Every reference seen, each with the index of the file it was first seen in.
#[derive(Default)]
pub(super) struct ReferenceSet {
    /// The series of the last numbered reference, kept out of the map so
    /// that references sharing a prefix, as they nearly always do, cost no
    /// lookup.
    current: Option<(Series, Runs)>,
    /// The other series of numbered references.
    numbered: HashMap<Series, Runs>,
    /// References without trailing digits: their hash and first file.
    irregular: HashMap<u64, u32, BuildHasherDefault<PreHashed>>,
    /// With `plain`, every reference as written (the straightforward way,
    /// which the tests compare with).
    plain: Option<HashMap<String, u32>>,
}

/// A series of numbered references: their prefix and digit count.
type Series = (Box<str>, u8);

impl ReferenceSet {
    /// An empty set: runs where references are numbered, or with
    /// `runs` false every reference kept as written.
    pub(super) fn new(runs: bool) -> ReferenceSet {
        ReferenceSet {
            plain: (!runs).then(HashMap::new),
            ..ReferenceSet::default()
        }
    }

    /// Records `reference` as seen in file `file`, or returns the file it
    /// was first seen in when it was seen before (and then records nothing).
    pub(super) fn first_sight(&mut self, reference: &str, file: u32) -> Result<(), u32> {
        if let Some(plain) = &mut self.plain {
            if let Some(&earlier) = plain.get(reference) {
                return Err(earlier);
            }
            plain.insert(reference.to_owned(), file);
            return Ok(());
        }
        let Some((prefix, digits, number)) = split(reference) else {
            let hash = hash_reference(reference);
            if let Some(&earlier) = self.irregular.get(&hash) {
                return Err(earlier);
            }
            self.irregular.insert(hash, file);
            return Ok(());
        };
        let same_series = self
            .current
            .as_ref()
            .is_some_and(|((p, d), _)| **p == *prefix && *d == digits);
        if !same_series {
            if let Some((series, runs)) = self.current.take() {
                self.numbered.insert(series, runs);
            }
            let series: Series = (prefix.into(), digits);
            let runs = self.numbered.remove(&series).unwrap_or_default();
            self.current = Some((series, runs));
        }
        match &mut self.current {
            Some((_, runs)) => runs.first_sight(number, file),
            None => Ok(()),
        }
    }

    /// The runs of a series, wherever they are kept.
    #[cfg(test)]
    fn runs(&self, series: &Series) -> Option<&Runs> {
        match &self.current {
            Some((current, runs)) if current == series => Some(runs),
            _ => self.numbered.get(series),
        }
    }
}

/// Splits a reference into its prefix, its count of trailing digits (1 to
/// 19) and their number; `None` when it does not end in a digit.
fn split(reference: &str) -> Option<(&str, u8, u64)> {
    let bytes = reference.as_bytes();
    let digits = bytes
        .iter()
        .rev()
        .take(MAX_DIGITS)
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits == 0 {
        return None;
    }
    let at = bytes.len() - digits;
    let number = bytes[at..]
        .iter()
        .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    // `at` follows ASCII digits only, so it is a character boundary.
    Some((&reference[..at], u8::try_from(digits).ok()?, number))
}

/// The numbers of one series, as runs `first..=last` of one file each.
#[derive(Default)]
struct Runs {
    /// Closed runs by first number: (last number, file).
    closed: BTreeMap<u64, (u64, u32)>,
    /// The run being extended, kept out of the map so that the next number
    /// in sequence costs no lookup: (first, last, file, where the next
    /// closed run starts).
    open: Option<OpenRun>,
}

#[derive(Clone, Copy)]
struct OpenRun {
    first: u64,
    last: u64,
    file: u32,
    /// The first number of the closed run after this one (`u64::MAX` when
    /// none): the open run can grow up to it without a lookup.
    next_closed: u64,
}

impl Runs {
    fn first_sight(&mut self, number: u64, file: u32) -> Result<(), u32> {
        if let Some(open) = &mut self.open {
            if number >= open.first && number <= open.last {
                return Err(open.file);
            }
            if open.file == file && number == open.last + 1 && number < open.next_closed {
                open.last = number;
                return Ok(());
            }
        }
        self.close_open();
        self.insert(number, file)
    }

    /// Puts the open run back into the map.
    fn close_open(&mut self) {
        if let Some(open) = self.open.take() {
            self.closed.insert(open.first, (open.last, open.file));
        }
    }

    /// The general case: finds the runs around `number`, then joins it to
    /// the one before when it follows it, and opens it as the run to extend.
    fn insert(&mut self, number: u64, file: u32) -> Result<(), u32> {
        let before = self
            .closed
            .range(..=number)
            .next_back()
            .map(|(&first, &(last, run_file))| (first, last, run_file));
        if let Some((_, last, run_file)) = before
            && number <= last
        {
            return Err(run_file);
        }
        let after = number
            .checked_add(1)
            .and_then(|next| self.closed.range(next..).next())
            .map(|(&first, &(last, run_file))| (first, last, run_file));
        let mut open = OpenRun {
            first: number,
            last: number,
            file,
            next_closed: after.map_or(u64::MAX, |(first, ..)| first),
        };
        if let Some((first, last, run_file)) = before
            && run_file == file
            && last + 1 == number
        {
            self.closed.remove(&first);
            open.first = first;
        }
        if let Some((first, last, run_file)) = after
            && run_file == file
            && first == number + 1
        {
            // Joining the run after: it becomes part of the open run.
            self.closed.remove(&first);
            open.last = last;
            open.next_closed = self
                .closed
                .range(last.saturating_add(1)..)
                .next()
                .map_or(u64::MAX, |(&first, _)| first);
        }
        self.open = Some(open);
        Ok(())
    }
}

/// A fixed-key 64-bit hash of a reference (collisions are negligible below
/// billions of references).
fn hash_reference(reference: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    reference.hash(&mut hasher);
    hasher.finish()
}

/// A hasher for keys that are already 64-bit hashes: it passes them through.
#[derive(Default)]
struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_split_gives_back_the_reference() {
        assert_eq!(split("INC000123"), Some(("INC", 6, 123)));
        assert_eq!(split("INC-2008-00000001"), Some(("INC-2008-", 8, 1)));
        assert_eq!(split("7"), Some(("", 1, 7)));
        assert_eq!(split("ABC"), None);
        assert_eq!(split(""), None);
        // More than 19 digits: the leading ones stay in the prefix.
        assert_eq!(
            split("X12345678901234567890"),
            Some(("X1", 19, 2_345_678_901_234_567_890))
        );
        assert_eq!(split("é9"), Some(("é", 1, 9)));
    }

    #[test]
    fn a_million_sequential_references_take_one_run() {
        let mut set = ReferenceSet::new(true);
        for n in 0..1_000_000u32 {
            assert_eq!(set.first_sight(&format!("INC{n:09}"), 0), Ok(()));
        }
        let runs = set.runs(&(Box::from("INC"), 9)).expect("the series");
        assert!(runs.closed.is_empty());
        assert_eq!(runs.open.map(|o| (o.first, o.last)), Some((0, 999_999)));
        assert_eq!(set.first_sight("INC000000042", 1), Err(0));
    }

    #[test]
    fn leading_zeros_and_prefixes_tell_references_apart() {
        let mut set = ReferenceSet::new(true);
        assert_eq!(set.first_sight("INC01", 0), Ok(()));
        assert_eq!(set.first_sight("INC1", 0), Ok(()));
        assert_eq!(set.first_sight("CHG01", 0), Ok(()));
        assert_eq!(set.first_sight("INC01", 1), Err(0));
        assert_eq!(set.first_sight("ABC", 2), Ok(()));
        assert_eq!(set.first_sight("ABC", 3), Err(2));
    }

    proptest! {
        /// The runs answer as a plain map of every reference seen would.
        #[test]
        fn the_runs_agree_with_a_plain_map(
            sightings in proptest::collection::vec((0u64..60, 0u32..3, 0u8..3), 0..400),
        ) {
            let mut set = ReferenceSet::new(true);
            let mut plain: HashMap<String, u32> = HashMap::new();
            for (number, file, style) in sightings {
                let reference = match style {
                    0 => format!("INC{number:04}"),
                    1 => format!("INC{number}"),
                    _ => format!("R{}", char::from(b'a' + (number % 26) as u8)),
                };
                let expected = match plain.get(&reference) {
                    Some(&earlier) => Err(earlier),
                    None => {
                        plain.insert(reference.clone(), file);
                        Ok(())
                    }
                };
                prop_assert_eq!(set.first_sight(&reference, file), expected, "{}", reference);
            }
        }
    }
}
