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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::checks::test_support::{AS_OF, code_names, complete_pack, place, run};
    use crate::model::BankHolidayRule;

    fn staffed_as(staffed_as: BankHolidayStaffing) -> Option<BankHolidayRule> {
        Some(BankHolidayRule { staffed_as })
    }

    #[test]
    fn a_rota_staffing_bank_holidays_passes() {
        let outcome = run(&BankHolidaysStated {}, &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
        let mut evidence = complete_pack();
        evidence.rotas[0].value.bank_holidays = staffed_as(BankHolidayStaffing::Normal);
        assert_eq!(
            run(&BankHolidaysStated {}, &evidence, AS_OF).status,
            Status::Pass
        );
    }

    #[test]
    fn a_rota_that_does_not_say_is_named_with_its_period() {
        let mut evidence = complete_pack();
        evidence.rotas[0].value.bank_holidays = None;
        let outcome = run(&BankHolidaysStated {}, &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(code_names(&outcome), ["bank-holidays-not-stated"]);
        assert_eq!(
            outcome.findings[0].message,
            "the rota for 2008-09-01 to 2009-01-31 does not say how bank holidays are staffed (add `bank_holidays: {as: sun}` or similar)"
        );
        assert_eq!(place(&outcome, 0), "rota.yaml:1");
    }

    #[test]
    fn closing_on_bank_holidays_fails_at_the_setting() {
        let mut evidence = complete_pack();
        evidence.rotas[0].value.bank_holidays = staffed_as(BankHolidayStaffing::Closed);
        let outcome = run(&BankHolidaysStated {}, &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(code_names(&outcome), ["bank-holidays-closed"]);
        assert_eq!(place(&outcome, 0), "rota.yaml:31");
    }

    #[test]
    fn every_rota_must_say_for_its_own_period() {
        let mut evidence = complete_pack();
        let mut next_quarter = evidence.rotas[0].clone();
        next_quarter.file = "rota-2009.yaml".into();
        next_quarter.value.bank_holidays = None;
        evidence.rotas.push(next_quarter);
        let outcome = run(&BankHolidaysStated {}, &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(code_names(&outcome), ["bank-holidays-not-stated"]);
        assert_eq!(place(&outcome, 0), "rota-2009.yaml:1");
    }

    #[test]
    fn without_a_rota_the_evidence_is_missing() {
        let mut evidence = complete_pack();
        evidence.rotas.clear();
        assert_eq!(
            run(&BankHolidaysStated {}, &evidence, AS_OF).status,
            Status::Missing
        );
    }
}
