//! `bank-holidays-stated`: the rota says how bank holidays are staffed.
//!
//! Reads the `Rota`. Passes when `bank_holidays` is present and is not
//! `as: closed`.

use serde::{Deserialize, Serialize};

use super::{CheckKind, Context, Outcome, first};
use crate::finding::Finding;
use crate::location::Location;
use crate::model::{BankHolidayStaffing, Kind};

/// Parameters of `bank-holidays-stated` (none).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankHolidaysStated {}

impl CheckKind for BankHolidaysStated {
    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::Rota]
    }

    fn method(&self) -> String {
        "Looks for `bank_holidays` in the Rota: it must be present, and not `as: closed`."
            .to_string()
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let Some(rota) = first(&context.evidence.rotas) else {
            return Outcome::missing(vec![]);
        };
        match &rota.value.bank_holidays {
            None => Outcome::fail(vec![Finding::new(
                "bank-holidays-not-stated",
                "the rota does not say how bank holidays are staffed (add `bank_holidays: {as: sun}` or similar)",
                Some(Location::at(&rota.file, 1, 1)),
            )]),
            Some(rule) if rule.staffed_as == BankHolidayStaffing::Closed => {
                Outcome::fail(vec![Finding::new(
                    "bank-holidays-closed",
                    "the rota closes the desk on bank holidays; support must run 365 days a year",
                    Some(rota.at("/bank_holidays/as")),
                )])
            }
            Some(_) => Outcome::pass(vec![]),
        }
    }
}
