//! `incident-hours`: the IncidentLog shows 24/7 operation — incidents opened
//! in at least `target_percent` of the 168 local hour-of-week slots over the
//! log's period.

use serde::{Deserialize, Serialize};

use super::logs_memo::incidents;
use crate::checks::{CheckKind, Codes, Context, Outcome, from_analysis};
use crate::model::Kind;

/// Parameters of `incident-hours`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncidentHours {
    /// Share of the 168 hour-of-week slots (percent) that must have incidents.
    pub target_percent: f64,
}

impl crate::checks::ParameterSchema for IncidentHours {
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

impl CheckKind for IncidentHours {
    const CODES: Codes = &[
        super::logs_memo::SOURCE_CODES,
        crate::logs::codes::READING,
        crate::logs::codes::INCIDENTS,
    ];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::IncidentLog]
    }

    fn method(&self) -> String {
        format!(
            "Streams the IncidentLog CSV and counts the local hour-of-week slots (Monday 00:00 to Sunday 23:00, 168 in all) in which incidents were opened; target {}% of them. Bad rows are reported with their line and skipped.",
            self.target_percent
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        from_analysis(incidents(context), |summary| {
            let mut findings = summary.hour_of_week.findings.clone();
            findings.extend(summary.findings.iter().cloned());
            Outcome::measured(
                100.0 * summary.hour_of_week.share,
                self.target_percent,
                "%",
                findings,
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::checks::test_support::{
        AS_OF, TempPack, code_names, complete_pack, measure, place, run,
    };

    const CHECK: IncidentHours = IncidentHours {
        target_percent: 90.0,
    };

    #[test]
    fn a_log_with_incidents_around_the_clock_passes() {
        let outcome = run(&CHECK, &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
        assert_eq!(measure(&outcome).1, 90.0);
    }

    #[test]
    fn the_share_of_hour_of_week_slots_with_incidents_is_measured() {
        // Two incidents in Monday 09:00-10:00 and one on Tuesday at 10:00:
        // two of the 168 slots.
        let pack = TempPack::complete().write(
            "logs/incidents.csv",
            "reference,opened_at,channel,severity,application,status,responded_at,resolved_at,referred_to,external_reference\n\
             INC1,2008-07-07 09:10,phone,3,,closed,2008-07-07 09:20,2008-07-07 12:00,none,\n\
             INC2,2008-07-07 09:50,phone,3,,closed,2008-07-07 10:20,2008-07-07 12:00,none,\n\
             INC3,2008-07-08 10:00,phone,3,,closed,2008-07-08 10:20,2008-07-08 12:00,none,\n",
        );
        let outcome = run(&CHECK, &pack.load(), AS_OF);
        assert_eq!(outcome.status, Status::Partial);
        assert_eq!(measure(&outcome), (100.0 * (2.0 / 168.0), 90.0));
        assert_eq!(
            code_names(&outcome),
            ["incident-hour-slots-without-incidents"]
        );
        assert!(
            outcome.findings[0].message.starts_with(
                "no incident was opened in 166 of the 168 hours of the week (local time): "
            ),
            "{}",
            outcome.findings[0].message
        );
    }

    #[test]
    fn a_log_whose_export_is_not_in_the_pack_is_an_error_at_its_source() {
        let pack = TempPack::complete().remove("logs/incidents.csv");
        let outcome = run(&CHECK, &pack.load(), AS_OF);
        assert_eq!(outcome.status, Status::Error, "{outcome:#?}");
        assert_eq!(code_names(&outcome), ["log-source-missing"]);
        assert_eq!(place(&outcome, 0), "logs/incident-log.yaml:3");
    }

    #[test]
    fn without_an_incident_log_the_evidence_is_missing() {
        let mut evidence = complete_pack();
        evidence.incident_logs.clear();
        assert_eq!(run(&CHECK, &evidence, AS_OF).status, Status::Missing);
    }
}
