//! The rota's cover analysis, computed once per set of parameters and shared
//! by the cover requirements and the report's heatmap.

use std::cell::RefCell;
use std::rc::Rc;

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::PathBuf;

use crate::cover::{CoverAnalysis, CoverInput, CoverParams, RotaPart, ShiftsFile, analyse_rotas};
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
                    let shifts = PackShifts {
                        first: Some(reader),
                        full,
                    };
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
        .zip(opened.iter_mut())
        .map(|((rota, locate), csv)| RotaPart {
            input: CoverInput {
                rota: &rota.value,
                rota_file: &rota.file,
                locate: locate.as_ref(),
                window_start: context.window.start,
                window_days: u32::from(context.window.days),
                params,
            },
            shifts_csv: csv
                .as_mut()
                .map(|(path, shifts)| (path.as_str(), shifts as &mut dyn ShiftsFile)),
        })
        .collect();
    analyse_rotas(parts)
}

/// A shifts CSV of the pack: read first through the reader that hashes it,
/// then (when the analysis reads it again) straight from the file.
struct PackShifts<'e> {
    first: Option<DigestingReader<'e, BufReader<File>>>,
    full: PathBuf,
}

impl ShiftsFile for PackShifts<'_> {
    fn open(&mut self) -> std::io::Result<Box<dyn Read + '_>> {
        match self.first.take() {
            Some(reader) => Ok(Box::new(reader)),
            None => Ok(Box::new(BufReader::new(File::open(&self.full)?))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_support::{AS_OF, complete_pack, in_context};

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
