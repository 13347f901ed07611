//! `bank-holidays-stated`: the rota says how bank holidays are staffed.
//!
//! Reads the `Rota`. Passes when `bank_holidays` is present and is not
//! `as: closed`.

use serde::{Deserialize, Serialize};

use crate::checks::{CheckKind, Codes, Context, Outcome};
use crate::cover::codes::BANK_HOLIDAYS_NOT_STATED;
use crate::finding::{Area, Finding, FindingCode};
use crate::location::Location;
use crate::model::{BankHolidayStaffing, Kind};

pub(crate) const BANK_HOLIDAYS_CLOSED: FindingCode = FindingCode::new(
    Area::Rota,
    "bank-holidays-closed",
    "The rota closes the desk on bank holidays, but support must run 365 days a year.",
    "Staff bank holidays like another day: set `bank_holidays: {as: sun}` or similar.",
);

/// Parameters of `bank-holidays-stated` (none).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankHolidaysStated {}

impl crate::checks::ParameterSchema for BankHolidaysStated {
    const SCHEMA: &'static str = "{}";
}

impl CheckKind for BankHolidaysStated {
    const CODES: Codes = &[&[BANK_HOLIDAYS_CLOSED, BANK_HOLIDAYS_NOT_STATED]];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::Rota]
    }

    fn method(&self) -> String {
        "Looks for `bank_holidays` in the Rota: it must be present, and not `as: closed`."
            .to_string()
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        // Every rota (one per quarter, say) must state it: each governs its
        // own period.
        if context.evidence.rotas.is_empty() {
            return Outcome::missing(vec![]);
        }
        let mut findings = Vec::new();
        for rota in &context.evidence.rotas {
            match &rota.value.bank_holidays {
                None => findings.push(Finding::new(
                    BANK_HOLIDAYS_NOT_STATED,
                    format!(
                        "the rota for {} to {} does not say how bank holidays are staffed (add `bank_holidays: {{as: sun}}` or similar)",
                        rota.value.period.from, rota.value.period.to
                    ),
                    Some(Location::at(&rota.file, 1, 1)),
                )),
                Some(rule) if rule.staffed_as == BankHolidayStaffing::Closed => {
                    findings.push(Finding::new(
                        BANK_HOLIDAYS_CLOSED,
                        "the rota closes the desk on bank holidays; support must run 365 days a year",
                        Some(rota.at("/bank_holidays/as")),
                    ));
                }
                Some(_) => {}
            }
        }
        Outcome::pass_if(findings.is_empty(), findings)
    }
}
