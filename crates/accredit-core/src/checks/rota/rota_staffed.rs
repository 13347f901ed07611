//! `rota-staffed`: the rota staffs the desk with at least `min_staff` people
//! at every instant of the assessment window, clock-change nights and bank
//! holidays included.
//!
//! Reads the `Rota` (pattern or shifts CSV). The rota is expanded over real
//! (UTC) time and swept for gaps; each gap is a finding with its local start
//! and end (with UTC offset) and its real length in minutes. The measure is
//! the share of the window's real time that is staffed (target 100%).

use serde::{Deserialize, Serialize};

use super::cover_memo::rota_cover;
use crate::checks::{CheckKind, Codes, Context, Outcome, from_analysis};
use crate::cover::CoverParams;
use crate::model::Kind;

/// Parameters of `rota-staffed`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RotaStaffed {
    /// Fewest desk staff (on-call excluded) needed at every instant.
    pub min_staff: u32,
}

impl crate::checks::ParameterSchema for RotaStaffed {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "min_staff": {
          "type": "integer",
          "minimum": 1,
          "maximum": 1000,
          "description": "Fewest desk staff needed at every instant."
        }
      },
      "required": ["min_staff"]
    }"#;
}

impl RotaStaffed {
    /// The analysis parameters this check uses: its own staffing level, and
    /// the rest as the ruleset's cover requirements share them (so one
    /// analysis serves them all).
    pub fn params(&self, shared: CoverParams) -> CoverParams {
        CoverParams {
            min_staff: self.min_staff,
            ..shared
        }
    }
}

impl CheckKind for RotaStaffed {
    const CODES: Codes = &[crate::cover::codes::CODES];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::Rota]
    }

    fn method(&self) -> String {
        format!(
            "Expands the Rota over the assessment window in real (UTC) time — clock changes, bank holidays and exceptions included — and lists every interval with fewer than {} desk staff (on-call staff do not count). Measured as the share of the window that is staffed; target 100%.",
            self.min_staff
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let params = self.params(context.shared.cover);
        from_analysis(rota_cover(context, params), |analysis| {
            let mut findings: Vec<_> = analysis.gaps.iter().map(|g| g.finding.clone()).collect();
            findings.extend(analysis.findings.iter().cloned());
            let staffed = if analysis.window_minutes > 0 {
                100.0 * analysis.staffed_minutes as f64 / analysis.window_minutes as f64
            } else {
                0.0
            };
            if analysis.gaps.is_empty() {
                Outcome::measured(100.0, 100.0, "%", findings)
            } else {
                // Any gap, however short, keeps it from passing: the share
                // is held below 100%.
                Outcome::measured(staffed.min(99.99), 100.0, "%", findings)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::checks::test_support::{AS_OF, code_names, complete_pack, measure, place, run};
    use crate::model::RotaException;

    const CHECK: RotaStaffed = RotaStaffed { min_staff: 1 };

    /// Minutes in the window 2008-10-06 to 2008-12-28 in real time: 84 days
    /// and the hour gained when the clocks went back on 26 October.
    const WINDOW_MINUTES: f64 = 84.0 * 1440.0 + 60.0;

    /// A rota exception, as it would be written in the Rota.
    fn exception(json: serde_json::Value) -> RotaException {
        serde_json::from_value(json).expect("the exception is typed")
    }

    #[test]
    fn the_complete_pack_is_staffed_throughout() {
        let outcome = run(&CHECK, &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
        assert_eq!(measure(&outcome), (100.0, 100.0));
    }

    #[test]
    fn a_closed_day_is_one_gap_and_measured_as_the_staffed_share() {
        let mut evidence = complete_pack();
        // Shifts that start on a closed day do not run: 08:00 to 08:00 next day.
        let closed = exception(serde_json::json!({"date": "2008-11-20", "closed": true}));
        evidence.rotas[0].value.exceptions.push(closed);
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Partial);
        assert_eq!(code_names(&outcome), ["cover-gap"]);
        let expected = 100.0 * (WINDOW_MINUTES - 1440.0) / WINDOW_MINUTES;
        assert!(
            (measure(&outcome).0 - expected).abs() < 1e-9,
            "{outcome:#?}"
        );
    }

    #[test]
    fn a_gap_however_short_keeps_the_measure_below_the_target() {
        let mut evidence = complete_pack();
        let one_minute = exception(serde_json::json!({"date": "2008-11-20", "pattern": [
            {"start": "08:00", "end": "19:59", "staff": 4},
            {"start": "20:00", "end": "08:00", "staff": 2},
        ]}));
        evidence.rotas[0].value.exceptions.push(one_minute);
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(code_names(&outcome), ["cover-gap"]);
        assert_eq!(measure(&outcome), (99.99, 100.0));
        assert_eq!(outcome.status, Status::Partial);
    }

    #[test]
    fn bank_holidays_the_rota_closes_are_gaps_at_the_setting() {
        let mut evidence = complete_pack();
        let rota = &mut evidence.rotas[0].value;
        rota.bank_holidays = Some(crate::model::BankHolidayRule {
            staffed_as: crate::model::BankHolidayStaffing::Closed,
        });
        // The built-in calendar: Christmas Day and Boxing Day 2008, one gap
        // from 08:00 on the 25th (the night shift of the 24th ends) to 08:00 on the 27th.
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(code_names(&outcome), ["cover-gap"]);
        assert!(
            outcome.findings[0].message.ends_with(": 2,880 minutes"),
            "{}",
            outcome.findings[0].message
        );
        assert_eq!(place(&outcome, 0), "rota.yaml:31");
        // A list of the rota's own replaces the calendar.
        evidence.rotas[0].value.bank_holiday_dates = Some(vec![jiff::civil::date(2008, 11, 20)]);
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(code_names(&outcome), ["cover-gap"]);
        assert!(
            outcome.findings[0].message.contains("2008-11-20 08:00"),
            "{}",
            outcome.findings[0].message
        );
    }

    #[test]
    fn on_call_staff_do_not_count_and_min_staff_is_the_level() {
        let mut evidence = complete_pack();
        let pattern = evidence.rotas[0].value.pattern.as_mut().expect("a pattern");
        // The night shift is on call at home: only the on-call entries remain at night.
        pattern[1].on_call = true;
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_ne!(outcome.status, Status::Pass);
        assert!(code_names(&outcome).iter().all(|c| *c == "cover-gap"));
        // Three desk staff are more than the night shift's two.
        let outcome = run(&RotaStaffed { min_staff: 3 }, &complete_pack(), AS_OF);
        assert_eq!(code_names(&outcome).first(), Some(&"cover-gap"));
        assert!(measure(&outcome).0 < 60.0);
    }

    #[test]
    fn without_a_rota_the_evidence_is_missing() {
        let mut evidence = complete_pack();
        evidence.rotas.clear();
        assert_eq!(run(&CHECK, &evidence, AS_OF).status, Status::Missing);
    }
}
