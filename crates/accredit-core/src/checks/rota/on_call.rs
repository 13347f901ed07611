//! `on-call-cover`: an on-call manager (`on_call: true`) covers every hour
//! outside weekday core hours.
//!
//! Reads the `Rota`. Outside core hours means every time except Monday to
//! Friday `core_start`–`core_end` local (a bank holiday on a weekday keeps its
//! core hours). Each uncovered interval is a finding.

use serde::{Deserialize, Serialize};

use super::cover_memo::rota_cover;
use crate::checks::{CheckKind, Codes, Context, Outcome, from_analysis};
use crate::cover::CoverParams;
use crate::model::{ClockTime, Kind};

/// Parameters of `on-call-cover`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OnCallCover {
    /// Start of weekday core hours, e.g. `08:00`.
    pub core_start: ClockTime,
    /// End of weekday core hours, e.g. `18:00`.
    pub core_end: ClockTime,
}

impl crate::checks::ParameterSchema for OnCallCover {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "core_start": {
          "type": "string",
          "pattern": "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$"
        },
        "core_end": {
          "type": "string",
          "pattern": "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$"
        }
      },
      "required": ["core_start", "core_end"]
    }"#;
}

impl CheckKind for OnCallCover {
    const CODES: Codes = &[crate::cover::codes::CODES];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::Rota]
    }

    fn method(&self) -> String {
        format!(
            "Expands the Rota's on-call entries over the window in real time; every moment outside weekdays {}–{} must have an on-call manager. Each uncovered interval is a finding.",
            self.core_start, self.core_end
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let params = CoverParams {
            core_start: self.core_start,
            core_end: self.core_end,
            ..context.shared.cover
        };
        from_analysis(rota_cover(context, params), |analysis| {
            let mut findings: Vec<_> = analysis
                .on_call_gaps
                .iter()
                .map(|g| g.finding.clone())
                .collect();
            let covered = findings.is_empty();
            // Rota problems (bad shift rows, …) are reported whatever the result.
            findings.extend(analysis.findings.iter().cloned());
            Outcome::pass_if(covered, findings)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::checks::test_support::{AS_OF, code_names, complete_pack, run};

    fn check(core_start: &str, core_end: &str) -> OnCallCover {
        OnCallCover {
            core_start: ClockTime::parse(core_start).expect("a time"),
            core_end: ClockTime::parse(core_end).expect("a time"),
        }
    }

    #[test]
    fn on_call_from_the_end_of_core_hours_to_their_start_passes() {
        let outcome = run(&check("08:00", "18:00"), &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
    }

    #[test]
    fn longer_core_hours_need_less_on_call() {
        let outcome = run(&check("07:00", "19:00"), &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
    }

    #[test]
    fn each_weekday_hour_left_outside_core_hours_is_a_gap() {
        // Weekday on call ends at 08:00; core hours from 09:00 leave an hour
        // uncovered on each of the window's 60 weekdays but Christmas and
        // Boxing Day, bank holidays that this rota staffs as a Sunday (its
        // on-call runs all day).
        let outcome = run(&check("09:00", "18:00"), &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(code_names(&outcome), vec!["on-call-gap"; 58]);
        let first = &outcome.findings[0].message;
        assert!(first.contains("2008-10-06 08:00"), "{first}");
        assert!(first.contains("2008-10-06 09:00"), "{first}");
        let outcome = run(&check("08:00", "17:00"), &complete_pack(), AS_OF);
        assert_eq!(code_names(&outcome), vec!["on-call-gap"; 58]);
    }

    #[test]
    fn weekends_without_on_call_are_gaps() {
        let mut evidence = complete_pack();
        let pattern = evidence.rotas[0].value.pattern.as_mut().expect("a pattern");
        // The fourth entry is the weekend on-call manager, Saturday and Sunday 08:00 to 08:00.
        assert_eq!(pattern[3].start, pattern[3].end);
        assert!(pattern[3].on_call);
        pattern.remove(3);
        let outcome = run(&check("08:00", "18:00"), &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Fail);
        assert!(!outcome.findings.is_empty());
        assert!(code_names(&outcome).iter().all(|c| *c == "on-call-gap"));
    }

    #[test]
    fn without_a_rota_the_evidence_is_missing() {
        let mut evidence = complete_pack();
        evidence.rotas.clear();
        assert_eq!(
            run(&check("08:00", "18:00"), &evidence, AS_OF).status,
            Status::Missing
        );
    }
}
