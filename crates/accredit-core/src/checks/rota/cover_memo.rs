//! The rota's cover analysis, computed once per set of parameters and shared
//! by the cover requirements and the report's heatmap.

use std::cell::RefCell;
use std::rc::Rc;

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::PathBuf;

use jiff::civil::Date;
use sha2::{Digest, Sha256};

use crate::cover::{
    CoverAnalysis, CoverInput, CoverParams, PartShifts, RotaPart, ShiftsFile, ShiftsRead,
    analyse_rotas, read_shifts,
};
use crate::evidence::Located;
use crate::finding::Finding;
use crate::load::DigestingReader;
use crate::location::Location;
use crate::model::Rota;

use crate::checks::Context;
use crate::cover::codes::{SHIFTS_NOT_READ, SHIFTS_UNREADABLE};

/// The analysis, or the findings that stopped it (unknown zone, unreadable shifts…).
pub type CoverResult = Result<CoverAnalysis, Vec<Finding>>;

/// Analyses already made in this assessment.
#[derive(Default)]
pub struct CoverMemo {
    made: RefCell<Vec<(CoverParams, Rc<CoverResult>)>>,
    /// Shifts CSVs read once for every date of a timeline.
    shifts: Option<Rc<SharedShifts>>,
}

/// The pack's shifts CSVs read once for windows starting on any date of a
/// range (the readiness timeline's), shared by the assessments of those
/// dates: each window's analysis takes what it needs from the one reading.
#[derive(Debug)]
pub struct SharedShifts {
    /// The first and last start.
    starts: (Date, Date),
    /// Each rota's reading (by position in the evidence), made on first use.
    read: RefCell<Vec<(usize, Rc<ShiftsRead>)>>,
}

impl SharedShifts {
    /// Nothing read yet, for windows starting from `first` to `last`.
    pub fn new(first: Date, last: Date) -> Rc<SharedShifts> {
        Rc::new(SharedShifts {
            starts: (first, last),
            read: RefCell::new(Vec::new()),
        })
    }
}

impl CoverMemo {
    /// No analysis made yet; shifts CSVs are read through `shifts`.
    pub fn sharing(shifts: &Rc<SharedShifts>) -> CoverMemo {
        CoverMemo {
            made: RefCell::default(),
            shifts: Some(Rc::clone(shifts)),
        }
    }
}

impl CoverMemo {
    /// How many analyses have been made.
    #[cfg(test)]
    pub(crate) fn analyses(&self) -> usize {
        self.made.borrow().len()
    }
}

impl std::fmt::Debug for CoverMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CoverMemo")
    }
}

/// The cover analysis of the pack's Rota documents with `params` (several
/// combine: a rota per quarter covers the window as one would); `None` when
/// there is no Rota.
pub fn rota_cover(context: &Context<'_>, params: CoverParams) -> Option<Rc<CoverResult>> {
    let rotas = &context.evidence.rotas;
    if rotas.is_empty() {
        return None;
    }
    if let Some((_, made)) = context
        .cover
        .made
        .borrow()
        .iter()
        .find(|(p, _)| *p == params)
    {
        return Some(Rc::clone(made));
    }
    let result = Rc::new(analyse(context, rotas, params));
    context
        .cover
        .made
        .borrow_mut()
        .push((params, Rc::clone(&result)));
    Some(result)
}

/// Maps a JSON pointer in one rota to its place.
type Locate<'a> = dyn Fn(&str) -> Option<Location> + 'a;

/// Opens every rota's shifts CSV and runs the analysis over them all.
fn analyse(context: &Context<'_>, rotas: &[Located<Rota>], params: CoverParams) -> CoverResult {
    // The shifts CSVs, opened first so the parts can borrow them.
    let mut opened: Vec<Option<(String, PackShifts<'_>)>> = Vec::new();
    for rota in rotas {
        let Some(shifts) = &rota.value.shifts else {
            opened.push(None);
            continue;
        };
        let full = context.evidence.path_at(rota, "/shifts").and_then(|p| {
            context
                .evidence
                .indexed_path(p)
                .map(|full| (p.to_string(), full))
        });
        match full {
            Some((p, full)) => match File::open(&full) {
                Ok(file) => {
                    // Hashed as it is read when its digest was left to the stream.
                    let reader = context.evidence.streamed.reader(&p, BufReader::new(file));
                    let shifts = PackShifts::new(reader, full);
                    opened.push(Some((p, shifts)));
                }
                Err(e) => {
                    return Err(vec![Finding::new(
                        SHIFTS_UNREADABLE,
                        format!("the shifts file {p} cannot be read: {e}"),
                        Some(Location::file(p)),
                    )]);
                }
            },
            None => {
                return Err(vec![Finding::new(
                    SHIFTS_NOT_READ,
                    format!("the shifts file `{shifts}` is not in the pack"),
                    Some(rota.at("/shifts")),
                )]);
            }
        }
    }
    let window_days = u32::from(context.window.days);
    // Read once for the timeline's dates when shared (the first date reads).
    let mut readings: Vec<Option<Rc<ShiftsRead>>> = Vec::new();
    for (i, (rota, csv)) in rotas.iter().zip(opened.iter_mut()).enumerate() {
        let (Some(shared), Some((path, shifts))) = (&context.cover.shifts, csv) else {
            readings.push(None);
            continue;
        };
        let known = shared
            .read
            .borrow()
            .iter()
            .find(|(at, _)| *at == i)
            .map(|(_, r)| Rc::clone(r));
        let reading = known.or_else(|| {
            let read = read_shifts(
                &rotas[0].value,
                &rota.value,
                path,
                shifts,
                shared.starts,
                window_days,
            )?;
            let read = Rc::new(read);
            shared.read.borrow_mut().push((i, Rc::clone(&read)));
            Some(read)
        });
        readings.push(reading);
    }
    let locators: Vec<Box<Locate<'_>>> = rotas
        .iter()
        .map(|rota| {
            let locate: Box<Locate<'_>> = Box::new(move |pointer: &str| Some(rota.at(pointer)));
            locate
        })
        .collect();
    let parts: Vec<RotaPart<'_>> = rotas
        .iter()
        .zip(&locators)
        .zip(opened.iter_mut().zip(&readings))
        .map(|((rota, locate), (csv, reading))| {
            let input = CoverInput {
                rota: &rota.value,
                rota_file: &rota.file,
                locate: locate.as_ref(),
                window_start: context.window.start,
                window_days,
                params,
            };
            let shifts_csv = match (reading, csv) {
                (Some(read), _) if read.serves(&input) => Some(PartShifts::Read(read.as_ref())),
                (_, Some((path, shifts))) => Some(PartShifts::File(
                    path.as_str(),
                    shifts as &mut dyn ShiftsFile,
                )),
                (_, None) => None,
            };
            RotaPart { input, shifts_csv }
        })
        .collect();
    analyse_rotas(parts)
}

/// A shifts CSV of the pack: read first through the reader that hashes it,
/// then (when the analysis reads it again) straight from the file.
struct PackShifts<'e> {
    /// The first reading, hashed as it is read when its digest was left to
    /// the stream.
    first: Option<DigestingReader<'e, BufReader<File>>>,
    /// The file, to open again.
    full: PathBuf,
    /// SHA-256 of what the first reading has read so far.
    first_read: Sha256,
    /// What the first reading read, in full, once a second reading starts.
    first_digest: Option<Vec<u8>>,
}

impl<'e> PackShifts<'e> {
    fn new(first: DigestingReader<'e, BufReader<File>>, full: PathBuf) -> PackShifts<'e> {
        PackShifts {
            first: Some(first),
            full,
            first_read: Sha256::new(),
            first_digest: None,
        }
    }
}

impl ShiftsFile for PackShifts<'_> {
    fn open(&mut self) -> std::io::Result<Box<dyn Read + '_>> {
        if let Some(reader) = self.first.take() {
            return Ok(Box::new(Hashed {
                input: reader,
                hasher: &mut self.first_read,
            }));
        }
        let expected = self
            .first_digest
            .get_or_insert_with(|| std::mem::take(&mut self.first_read).finalize().to_vec())
            .clone();
        Ok(Box::new(SameBytes {
            input: BufReader::new(File::open(&self.full)?),
            hasher: Sha256::new(),
            expected,
        }))
    }
}

/// A reading that hashes what it reads into `hasher`.
struct Hashed<'h, R> {
    input: R,
    hasher: &'h mut Sha256,
}

impl<R: Read> Read for Hashed<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.input.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

/// A second reading of a file, which fails at its end unless it read the
/// bytes the first reading read: the analysis never mixes two versions of
/// a file (the digest in the results is the first reading's).
struct SameBytes<R> {
    input: R,
    hasher: Sha256,
    expected: Vec<u8>,
}

impl<R: Read> Read for SameBytes<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.input.read(buf)?;
        self.hasher.update(&buf[..n]);
        if n == 0 && !buf.is_empty() && self.hasher.clone().finalize().as_slice() != self.expected {
            return Err(std::io::Error::other(
                "the file changed while it was being read; assess the pack again when nothing is writing to it",
            ));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_support::{AS_OF, complete_pack, in_context};
    use crate::digests::StreamedDigests;

    /// Reads `file` through a `PackShifts` once, lets `between` change it,
    /// then reads it a second time.
    fn read_twice(between: impl FnOnce(&std::path::Path)) -> std::io::Result<Vec<u8>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shifts.csv");
        std::fs::write(
            &path,
            "staff_id,start,end,role\nS1,2008-09-01 08:00,2008-09-01 16:00,analyst\n",
        )
        .unwrap();
        let digests = StreamedDigests::default();
        let first = digests.reader(
            "rota/shifts.csv",
            BufReader::new(File::open(&path).unwrap()),
        );
        let mut shifts = PackShifts::new(first, path.clone());
        let mut once = Vec::new();
        shifts.open()?.read_to_end(&mut once)?;
        between(&path);
        let mut again = Vec::new();
        shifts.open()?.read_to_end(&mut again)?;
        assert_eq!(once, again);
        Ok(again)
    }

    #[test]
    fn a_second_reading_reads_what_the_first_read() {
        assert!(read_twice(|_| {}).is_ok());
    }

    #[test]
    fn a_file_changed_between_the_readings_is_an_error_not_a_mix() {
        let error = read_twice(|path| {
            std::fs::write(
                path,
                "staff_id,start,end,role\nS2,2008-09-01 08:00,2008-09-01 20:00,analyst\n",
            )
            .unwrap();
        })
        .expect_err("the second reading read other bytes");
        assert!(
            error
                .to_string()
                .contains("the file changed while it was being read"),
            "{error}"
        );
    }

    #[test]
    fn one_set_of_parameters_is_analysed_once() {
        let evidence = complete_pack();
        in_context(&evidence, AS_OF, |context| {
            let params = CoverParams::default();
            let first = rota_cover(context, params).expect("the pack has a rota");
            let again = rota_cover(context, params).expect("the pack has a rota");
            assert!(Rc::ptr_eq(&first, &again));
            assert_eq!(context.cover.analyses(), 1);
            let other = CoverParams {
                pair_staff: 3,
                ..params
            };
            let third = rota_cover(context, other).expect("the pack has a rota");
            assert!(!Rc::ptr_eq(&first, &third));
            assert_eq!(context.cover.analyses(), 2);
            let analysis = first.as_ref().as_ref().expect("the rota is analysed");
            assert!(analysis.gaps.is_empty());
        });
    }

    #[test]
    fn a_timeline_reads_each_shifts_csv_once_for_all_its_dates() {
        use crate::checks::test_support::{TempPack, builtin_shared};
        use crate::checks::{AssessmentWindow, Context};
        use jiff::civil::date;
        let rota = "apiVersion: accredit/v1\nkind: Rota\ntimezone: Europe/London\n\
                    period:\n  from: 2008-01-07\n  to: 2009-01-31\nshifts: shifts.csv\n\
                    bank_holidays:\n  as: normal\n";
        let csv = crate::cover::synthetic_shifts_csv(12, 200); // to 2008-07-24
        let pack = TempPack::complete()
            .write("rota.yaml", rota)
            .write("shifts.csv", &csv);
        let evidence = pack.load();
        let pack = evidence.pack.as_ref().expect("the pack has a Pack");
        let shared = builtin_shared();
        let context = |start, cover| Context {
            evidence: &evidence,
            pack,
            window: AssessmentWindow { start, days: 84 },
            as_of: AS_OF,
            shared: &shared,
            cover,
            logs: Default::default(),
            rehearsals: Default::default(),
        };
        let (first, last) = (date(2008, 6, 2), date(2008, 7, 14));
        let shifts = SharedShifts::new(first, last);
        // The last is outside the range: read for its own window.
        for start in [first, date(2008, 7, 1), last, date(2008, 5, 1)] {
            let once = rota_cover(
                &context(start, CoverMemo::sharing(&shifts)),
                Default::default(),
            );
            let alone = rota_cover(&context(start, CoverMemo::default()), Default::default());
            let (once, alone) = (once.expect("a rota"), alone.expect("a rota"));
            assert_eq!(*once, *alone, "{start}");
            let analysis = once.as_ref().as_ref().expect("the rota is analysed");
            assert!(analysis.staffed_minutes > 0, "{start}");
        }
        assert_eq!(shifts.read.borrow().len(), 1);
        let late = rota_cover(&context(last, CoverMemo::default()), Default::default());
        let late = late.expect("a rota");
        let gaps = &late.as_ref().as_ref().expect("the rota is analysed").gaps;
        assert!(!gaps.is_empty(), "the CSV ends inside the last window");
    }

    #[test]
    fn a_pack_shifts_csv_out_of_order_is_read_again_from_the_file() {
        use crate::checks::test_support::TempPack;
        let rota = "apiVersion: accredit/v1\nkind: Rota\ntimezone: Europe/London\n\
                    period:\n  from: 2008-01-01\n  to: 2009-12-31\nshifts: shifts.csv\n\
                    bank_holidays:\n  as: normal\n";
        // A's line 4 starts before line 3 and overlaps it.
        let csv = "staff_id,start,end,role\n\
                   A,2008-10-06 08:00,2008-10-06 12:00,first-line\n\
                   A,2008-10-06 16:00,2008-10-06 20:00,first-line\n\
                   A,2008-10-06 14:00,2008-10-06 17:00,first-line\n";
        let pack = TempPack::complete()
            .write("rota.yaml", rota)
            .write("shifts.csv", csv);
        let evidence = pack.load();
        in_context(&evidence, AS_OF, |context| {
            let made = rota_cover(context, CoverParams::default()).expect("the pack has a rota");
            let analysis = made.as_ref().as_ref().expect("the rota is analysed");
            let messages: Vec<&str> = analysis
                .findings
                .iter()
                .map(|f| f.message.as_str())
                .collect();
            assert_eq!(
                messages,
                ["staff A is on two overlapping shifts (lines 4 and 3); counted once"]
            );
            // 08:00-12:00 and 14:00-20:00 staffed on the first day, nothing after.
            assert_eq!(analysis.staffed_minutes, 4 * 60 + 6 * 60);
        });
    }

    #[test]
    fn without_a_rota_there_is_no_analysis() {
        let mut evidence = complete_pack();
        evidence.rotas.clear();
        in_context(&evidence, AS_OF, |context| {
            assert!(rota_cover(context, CoverParams::default()).is_none());
            assert_eq!(context.cover.analyses(), 0);
        });
    }

    #[test]
    fn a_shifts_file_not_in_the_pack_stops_the_analysis() {
        let mut evidence = complete_pack();
        evidence.rotas[0].value.shifts = Some("rota/shifts.csv".into());
        in_context(&evidence, AS_OF, |context| {
            let made = rota_cover(context, CoverParams::default()).expect("the pack has a rota");
            let findings = made.as_ref().as_ref().expect_err("the analysis stops");
            assert_eq!(findings.len(), 1);
            assert_eq!(findings[0].code.name(), "shifts-not-read");
            assert_eq!(
                findings[0].message,
                "the shifts file `rota/shifts.csv` is not in the pack"
            );
            let location = findings[0].location.as_ref().expect("a location");
            assert_eq!(location.file, "rota.yaml");
        });
    }
}
