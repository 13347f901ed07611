//! `response-targets`: incidents are responded to within their severity's
//! `respond_within_minutes` from the EscalationPlan, measured over real time.

use serde::{Deserialize, Serialize};

use super::logs_memo::incidents;
use crate::checks::{CheckKind, Codes, Context, Outcome, from_analysis};
use crate::finding::{Area, Finding, FindingCode};
use crate::model::Kind;

pub(crate) const NO_RESPONSE_TARGETS: FindingCode = FindingCode::new(
    Area::Logs,
    "no-response-targets",
    "No incident in the log has a severity with a response target, so response times cannot be measured.",
    "Give the severities response targets in the escalation plan.",
);

/// Parameters of `response-targets`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseTargets {
    /// Share of incidents (percent) that must be responded to on time.
    pub target_percent: f64,
}

impl crate::checks::ParameterSchema for ResponseTargets {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "target_percent": {
          "type": "number",
          "minimum": 0,
          "maximum": 100,
          "description": "Target share, percent."
        }
      },
      "required": ["target_percent"]
    }"#;
}

impl CheckKind for ResponseTargets {
    const CODES: Codes = &[
        &[NO_RESPONSE_TARGETS],
        super::logs_memo::SOURCE_CODES,
        crate::logs::codes::READING,
        crate::logs::codes::INCIDENTS,
    ];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::IncidentLog, Kind::EscalationPlan]
    }

    fn method(&self) -> String {
        format!(
            "Streams the IncidentLog CSV: for each incident, `responded_at − opened_at` in real time against its severity's `respond_within_minutes` in the EscalationPlan (no response counts as late); target {}% on time.",
            self.target_percent
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        from_analysis(incidents(context), |summary| {
            match summary.responses.share {
                None => Outcome::not_applicable(vec![Finding::new(
                    NO_RESPONSE_TARGETS,
                    "no incident in the log has a severity with a response target in the escalation plan",
                    None,
                )]),
                Some(share) => Outcome::measured(
                    100.0 * share,
                    self.target_percent,
                    "%",
                    summary
                        .responses
                        .findings
                        .iter()
                        .chain(&summary.findings)
                        .cloned()
                        .collect(),
                ),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::checks::test_support::{AS_OF, TempPack, code_names, complete_pack, measure, run};

    const CHECK: ResponseTargets = ResponseTargets {
        target_percent: 90.0,
    };

    /// Severity 1 must be responded to within 15 minutes, severity 3 within 60.
    fn three_incidents() -> TempPack {
        TempPack::complete().write(
            "logs/incidents.csv",
            "reference,opened_at,channel,severity,application,status,responded_at,resolved_at,referred_to,external_reference\n\
             INC1,2008-07-07 09:00,phone,1,,closed,2008-07-07 09:15,2008-07-07 12:00,none,\n\
             INC2,2008-07-07 10:00,phone,1,,closed,2008-07-07 10:16,2008-07-07 12:00,none,\n\
             INC3,2008-07-07 11:00,phone,3,,open,,,none,\n",
        )
    }

    #[test]
    fn the_complete_pack_meets_the_target() {
        let outcome = run(&CHECK, &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
    }

    #[test]
    fn a_response_on_the_minute_is_on_time_and_a_missing_one_is_late() {
        let outcome = run(&CHECK, &three_incidents().load(), AS_OF);
        assert_eq!(outcome.status, Status::Partial);
        assert_eq!(measure(&outcome), (100.0 * (1.0 / 3.0), 90.0));
        assert_eq!(
            code_names(&outcome),
            ["incident-response-late", "incident-response-late"]
        );
        assert_eq!(
            outcome.findings[0].message,
            "severity 1: 1 of 2 incidents were not responded to within 15 minutes (0 with no response recorded)"
        );
        assert!(
            outcome.findings[1]
                .message
                .starts_with("severity 3: 1 of 1 incidents were not responded to within 60 minutes (1 with no response recorded)"),
            "{}",
            outcome.findings[1].message
        );
    }

    #[test]
    fn without_targets_in_the_plan_it_is_not_applicable() {
        let pack = three_incidents();
        let mut evidence = pack.load();
        evidence.escalation_plans[0].value.severities.clear();
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(outcome.status, Status::NotApplicable);
        assert_eq!(code_names(&outcome), ["no-response-targets"]);
    }
}
