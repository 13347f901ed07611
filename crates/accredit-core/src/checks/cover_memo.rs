//! The rota's cover analysis, computed once per set of parameters and shared
//! by the cover requirements and the report's heatmap.

use std::cell::RefCell;
use std::rc::Rc;

use crate::cover::{
    CoverAnalysis, CoverInput, CoverParams, analyse_cover, analyse_cover_with_shifts,
};
use crate::finding::Finding;
use crate::location::Location;

use super::{Context, first};

/// The analysis, or the findings that stopped it (unknown zone, unreadable shifts…).
pub type CoverResult = Result<CoverAnalysis, Vec<Finding>>;

/// Analyses already made in this assessment.
#[derive(Default)]
pub struct CoverMemo {
    made: RefCell<Vec<(CoverParams, Rc<CoverResult>)>>,
}

impl std::fmt::Debug for CoverMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CoverMemo")
    }
}

/// The cover analysis of the pack's (first) Rota with `params`; `None` when there is no Rota.
pub fn rota_cover(context: &Context<'_>, params: CoverParams) -> Option<Rc<CoverResult>> {
    let rota = first(&context.evidence.rotas)?;
    if let Some((_, made)) = context
        .cover
        .made
        .borrow()
        .iter()
        .find(|(p, _)| *p == params)
    {
        return Some(Rc::clone(made));
    }
    let locate = |pointer: &str| Some(rota.at(pointer));
    let input = CoverInput {
        rota: &rota.value,
        rota_file: &rota.file,
        locate: &locate,
        window_start: context.window.start,
        window_days: u32::from(context.window.days),
        params,
    };
    let result = match &rota.value.shifts {
        None => analyse_cover(&input),
        Some(shifts) => {
            let path = crate::load::resolve_in_pack(&rota.file, shifts);
            let opened = path
                .as_deref()
                .and_then(|p| {
                    context
                        .evidence
                        .indexed_path(p)
                        .map(|full| (p.to_string(), full))
                })
                .map(|(p, full)| (p, std::fs::File::open(full)));
            match opened {
                Some((p, Ok(file))) => {
                    analyse_cover_with_shifts(&input, &p, std::io::BufReader::new(file))
                }
                Some((p, Err(e))) => Err(vec![Finding::new(
                    "shifts-unreadable",
                    format!("the shifts file {p} cannot be read: {e}"),
                    Some(Location::file(p)),
                )]),
                None => Err(vec![Finding::new(
                    "shifts-not-read",
                    format!("the shifts file `{shifts}` is not in the pack"),
                    Some(rota.at("/shifts")),
                )]),
            }
        }
    };
    let result = Rc::new(result);
    context
        .cover
        .made
        .borrow_mut()
        .push((params, Rc::clone(&result)));
    Some(result)
}
