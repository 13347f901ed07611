//! The same person on overlapping shifts counts once: each person's rows of
//! a shifts CSV merged as they come, in memory bounded by the number of
//! people, not of rows.
//!
//! A rota export lists each person's shifts in time order (desk and on-call
//! apart). Then only the person's open shift — the union of their rows that
//! overlap so far — can meet the next row, and the open shift goes into the
//! staffing changes as soon as a row of theirs starts at or after its end.
//! A row that starts before its person's open shift is out of order: that
//! person (desk or on-call) is named in [`MergedShifts::out_of_order`], and
//! the caller reads the file again with their rows set aside, to be sorted
//! and merged at the end as the straightforward path does
//! ([`merge_sorted`]). Both ways give the same merged shifts and the same
//! overlaps, listed in the straightforward path's order: person by first
//! appearance, desk before on-call, then start, then line.

use std::collections::{BinaryHeap, HashSet};

use jiff::Timestamp;

use super::bad_rows::MAX_ROW_FINDINGS;
use super::sweep::{RealInterval, StaffingChanges};

/// A person (desk or on-call) whose rows are merged after sorting.
pub(super) type PersonDuty = (u32, bool);

/// A good row of a shifts CSV, before one person's overlapping shifts are merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct PersonShift {
    /// The person, numbered by first appearance.
    pub person: u32,
    /// An on-call row rather than a desk one.
    pub on_call: bool,
    /// Line of the row.
    pub line: u64,
    /// When it runs.
    pub during: RealInterval,
}

/// A row that overlaps an earlier shift of the same person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Overlap {
    /// The person.
    pub person: u32,
    /// On-call rather than desk.
    pub on_call: bool,
    /// Start of the later row.
    pub start: Timestamp,
    /// Line of the later row.
    pub line: u64,
    /// Line of the first row of the merged shift it joins.
    pub earlier: u64,
}

impl Overlap {
    /// `later` joining the merged shift whose first row is on line `earlier`.
    fn joining(later: &PersonShift, earlier: u64) -> Overlap {
        Overlap {
            person: later.person,
            on_call: later.on_call,
            start: later.during.start,
            line: later.line,
            earlier,
        }
    }
}

/// The first overlaps in the order they are listed (as many as can be
/// listed one by one), and how many there are in all.
#[derive(Debug, Default)]
pub(super) struct SmallestOverlaps {
    kept: BinaryHeap<Overlap>,
    count: u64,
}

impl SmallestOverlaps {
    /// Counts an overlap, keeping it if it is among the first.
    pub fn push(&mut self, overlap: Overlap) {
        self.count += 1;
        if self.kept.len() < MAX_ROW_FINDINGS {
            self.kept.push(overlap);
        } else if self.kept.peek().is_some_and(|last| overlap < *last) {
            self.kept.pop();
            self.kept.push(overlap);
        }
    }

    /// The first overlaps in order, and the number of all of them.
    pub fn into_first(self) -> (Vec<Overlap>, u64) {
        (self.kept.into_sorted_vec(), self.count)
    }
}

/// A person's open shift: the union so far of their rows that overlap.
#[derive(Debug, Clone, Copy)]
struct OpenShift {
    during: RealInterval,
    first_line: u64,
}

/// Each person's shifts merged as the rows come.
pub(super) struct PersonMerge<'s> {
    /// People whose rows are set aside to be merged after sorting.
    set_aside_people: &'s HashSet<PersonDuty>,
    set_aside: Vec<PersonShift>,
    /// Each person's open desk and on-call shift.
    open: Vec<[Option<OpenShift>; 2]>,
    merged: MergedShifts,
}

/// Each person's shifts merged: the staffing changes they make within the
/// span, and the overlaps.
#[derive(Debug)]
pub(super) struct MergedShifts {
    /// Desk staff.
    pub desk: StaffingChanges,
    /// On-call managers.
    pub on_call: StaffingChanges,
    /// Rows that overlap an earlier shift of the same person.
    pub overlaps: SmallestOverlaps,
    /// People with a row out of time order (not set aside): the merge is
    /// not exact, and must be redone with them set aside.
    pub out_of_order: HashSet<PersonDuty>,
}

impl<'s> PersonMerge<'s> {
    /// Nothing merged yet; staffing changes are kept within `span`, and the
    /// rows of `set_aside_people` are merged after sorting.
    pub fn new(span: RealInterval, set_aside_people: &'s HashSet<PersonDuty>) -> Self {
        PersonMerge {
            set_aside_people,
            set_aside: Vec::new(),
            open: Vec::new(),
            merged: MergedShifts {
                desk: StaffingChanges::within(span),
                on_call: StaffingChanges::within(span),
                overlaps: SmallestOverlaps::default(),
                out_of_order: HashSet::new(),
            },
        }
    }

    /// Merges the next row.
    pub fn add(&mut self, row: PersonShift) {
        let duty = (row.person, row.on_call);
        if !self.set_aside_people.is_empty() && self.set_aside_people.contains(&duty) {
            self.set_aside.push(row);
            return;
        }
        let person = row.person as usize;
        if self.open.len() <= person {
            self.open.resize(person + 1, [None, None]);
        }
        let slot = &mut self.open[person][usize::from(row.on_call)];
        match slot {
            Some(open) if row.during.start < open.during.start => {
                self.merged.out_of_order.insert(duty);
            }
            Some(open) if row.during.start < open.during.end => {
                self.merged
                    .overlaps
                    .push(Overlap::joining(&row, open.first_line));
                open.during.end = open.during.end.max(row.during.end);
            }
            _ => {
                let next = OpenShift {
                    during: row.during,
                    first_line: row.line,
                };
                if let Some(done) = slot.replace(next) {
                    self.merged.on_duty(row.on_call, done.during);
                }
            }
        }
    }

    /// Every shift merged, the set-aside rows too.
    pub fn finish(self) -> MergedShifts {
        let PersonMerge {
            set_aside,
            open,
            mut merged,
            ..
        } = self;
        for shifts in open {
            for (on_call, shift) in [false, true].into_iter().zip(shifts) {
                if let Some(shift) = shift {
                    merged.on_duty(on_call, shift.during);
                }
            }
        }
        let mut overlaps = std::mem::take(&mut merged.overlaps);
        for (on_call, during) in merge_sorted(set_aside, |overlap| overlaps.push(overlap)) {
            merged.on_duty(on_call, during);
        }
        merged.overlaps = overlaps;
        merged
    }
}

impl MergedShifts {
    /// One person on duty throughout `during`.
    fn on_duty(&mut self, on_call: bool, during: RealInterval) {
        let changes = if on_call {
            &mut self.on_call
        } else {
            &mut self.desk
        };
        changes.add(during, 1);
    }
}

/// The straightforward merge: sorts the rows by person, desk before on-call,
/// start and line, and merges each person's overlapping shifts, calling
/// `overlap` for each overlap in that order. Gives each merged shift as
/// `(on_call, during)`.
pub(super) fn merge_sorted(
    mut read: Vec<PersonShift>,
    mut overlap: impl FnMut(Overlap),
) -> Vec<(bool, RealInterval)> {
    read.sort_unstable_by_key(|s| (s.person, s.on_call, s.during.start, s.line));
    let mut shifts: Vec<(bool, RealInterval)> = Vec::new();
    let mut open: Option<PersonShift> = None;
    for next in read {
        match open.as_mut() {
            Some(cur)
                if cur.person == next.person
                    && cur.on_call == next.on_call
                    && next.during.start < cur.during.end =>
            {
                overlap(Overlap::joining(&next, cur.line));
                cur.during.end = cur.during.end.max(next.during.end);
            }
            _ => {
                if let Some(done) = open.replace(next) {
                    shifts.push((done.on_call, done.during));
                }
            }
        }
    }
    shifts.extend(open.map(|s| (s.on_call, s.during)));
    shifts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(minute: i64) -> Timestamp {
        Timestamp::from_second(minute * 60).unwrap()
    }

    fn row(person: u32, line: u64, from: i64, to: i64) -> PersonShift {
        PersonShift {
            person,
            on_call: false,
            line,
            during: RealInterval {
                start: t(from),
                end: t(to),
            },
        }
    }

    fn window() -> RealInterval {
        RealInterval {
            start: t(0),
            end: t(1000),
        }
    }

    /// Merges `rows` as they come, `set_aside` after sorting.
    fn merge(rows: &[PersonShift], set_aside: &HashSet<PersonDuty>) -> MergedShifts {
        let mut merge = PersonMerge::new(window(), set_aside);
        for row in rows {
            merge.add(*row);
        }
        merge.finish()
    }

    #[test]
    fn rows_in_time_order_merge_with_the_open_shift_only() {
        let rows = [
            row(0, 2, 0, 10),
            row(1, 3, 5, 20),
            row(0, 4, 5, 30),  // overlaps line 2
            row(0, 5, 30, 40), // touches: a new shift
            row(0, 6, 35, 36), // overlaps line 5
        ];
        let merged = merge(&rows, &HashSet::new());
        assert!(merged.out_of_order.is_empty());
        let (first, count) = merged.overlaps.into_first();
        assert_eq!(count, 2);
        let lines: Vec<(u64, u64)> = first.iter().map(|o| (o.earlier, o.line)).collect();
        assert_eq!(lines, [(2, 4), (5, 6)]);
        let staff: Vec<(i64, u32)> = merged
            .desk
            .steps(window())
            .iter()
            .map(|s| (s.during.start.as_second() / 60, s.staff))
            .collect();
        assert_eq!(staff, [(0, 1), (5, 2), (20, 1), (40, 0)]);
    }

    #[test]
    fn a_row_before_its_persons_open_shift_is_out_of_order_and_set_aside_gives_the_sorted_merge() {
        // Line 4 starts before line 3 and joins it; in sorted order line 4
        // comes first, so line 3 is the overlap (with line 4 as the earlier).
        let rows = [row(0, 2, 0, 10), row(0, 3, 50, 60), row(0, 4, 40, 55)];
        let once = merge(&rows, &HashSet::new());
        assert_eq!(once.out_of_order, HashSet::from([(0, false)]));
        let again = merge(&rows, &once.out_of_order);
        assert!(again.out_of_order.is_empty());
        let (first, count) = again.overlaps.into_first();
        assert_eq!(count, 1);
        assert_eq!((first[0].earlier, first[0].line), (4, 3));
        let sorted = merge_sorted(rows.to_vec(), |_| {});
        let mut expected = StaffingChanges::within(window());
        for (_, during) in sorted {
            expected.add(during, 1);
        }
        assert_eq!(again.desk.steps(window()), expected.steps(window()));
    }

    #[test]
    fn only_the_first_overlaps_are_kept_but_all_are_counted() {
        let mut smallest = SmallestOverlaps::default();
        for line in (0..100u64).rev() {
            smallest.push(Overlap {
                person: 0,
                on_call: false,
                start: t(0),
                line,
                earlier: 0,
            });
        }
        let (first, count) = smallest.into_first();
        assert_eq!(count, 100);
        let lines: Vec<u64> = first.iter().map(|o| o.line).collect();
        assert_eq!(lines, (0..MAX_ROW_FINDINGS as u64).collect::<Vec<_>>());
    }
}
