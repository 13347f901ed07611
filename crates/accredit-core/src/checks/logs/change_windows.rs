//! `change-windows`: changes to clinical systems were scheduled wholly inside
//! the desk's agreed `change_windows` (overnight windows included). Not
//! applicable when the ChangeLog has no clinical changes.

use serde::{Deserialize, Serialize};

use super::logs_memo::changes;
use crate::checks::{CheckKind, Codes, Context, Outcome, from_analysis};
use crate::finding::{Area, Finding, FindingCode};
use crate::model::Kind;

pub(crate) const NO_CLINICAL_CHANGES: FindingCode = FindingCode::new(
    Area::Logs,
    "no-clinical-changes",
    "The change log has no changes to clinical systems, so there is nothing to measure.",
    "Nothing to fix if there were none; otherwise mark clinical changes in the log.",
);

/// Parameters of `change-windows`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeWindows {
    /// Share of clinical changes (percent) that must fit inside a window.
    pub target_percent: f64,
}

impl crate::checks::ParameterSchema for ChangeWindows {
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

impl CheckKind for ChangeWindows {
    const CODES: Codes = &[
        &[NO_CLINICAL_CHANGES],
        super::logs_memo::SOURCE_CODES,
        crate::logs::codes::READING,
        crate::logs::codes::CHANGES,
    ];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::ChangeLog, Kind::ServiceDesk]
    }

    fn method(&self) -> String {
        format!(
            "Streams the ChangeLog CSV: of the changes with `clinical: true`, the share whose scheduled start and end fall inside one occurrence of a ServiceDesk `change_windows` window; target {}%.",
            self.target_percent
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        from_analysis(changes(context), |summary| {
            let mut findings = summary.window_findings.clone();
            findings.extend(summary.findings.iter().cloned());
            match summary.share {
                None => Outcome::not_applicable(vec![Finding::new(
                    NO_CLINICAL_CHANGES,
                    "the change log has no changes to clinical systems",
                    None,
                )]),
                Some(share) => Outcome::measured(100.0 * share, self.target_percent, "%", findings),
            }
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

    const CHECK: ChangeWindows = ChangeWindows {
        target_percent: 90.0,
    };

    const HEADER: &str = "reference,system,clinical,scheduled_start,scheduled_end,outcome\n";

    #[test]
    fn the_complete_pack_meets_the_target() {
        let outcome = run(&CHECK, &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
    }

    #[test]
    fn clinical_changes_inside_a_window_count_and_others_are_named() {
        // The desk's windows: Tuesday and Thursday 20:00 to 06:00, Sunday 06:00 to 12:00.
        let rows = "\
            CHG-1,pacs,true,2008-09-02T20:00:00+01:00,2008-09-03T06:00:00+01:00,successful\n\
            CHG-2,pacs,true,2008-09-04T23:00:00+01:00,2008-09-05T02:00:00+01:00,successful\n\
            CHG-3,pacs,true,2008-09-07T11:00:00+01:00,2008-09-07T12:30:00+01:00,successful\n\
            CHG-4,intranet,false,2008-09-03T14:00:00+01:00,2008-09-03T15:00:00+01:00,successful\n\
            CHG-5,pacs,true,2008-09-03T20:00:00+01:00,2008-09-03T21:00:00+01:00,successful\n";
        let pack = TempPack::complete().write("logs/changes.csv", &format!("{HEADER}{rows}"));
        let outcome = run(&CHECK, &pack.load(), AS_OF);
        assert_eq!(outcome.status, Status::Partial);
        assert_eq!(measure(&outcome), (50.0, 90.0));
        assert_eq!(code_names(&outcome), ["change-outside-windows"]);
        let message = &outcome.findings[0].message;
        assert!(
            message.starts_with("2 of 4 changes to clinical systems were scheduled outside the agreed change windows: "),
            "{message}"
        );
        assert!(
            message.contains("CHG-3 (line 4") && message.contains("CHG-5 (line 6"),
            "{message}"
        );
        assert!(
            !message.contains("CHG-1") && !message.contains("CHG-2"),
            "{message}"
        );
        assert_eq!(place(&outcome, 0), "logs/changes.csv:0");
    }

    #[test]
    fn a_log_without_clinical_changes_is_not_applicable() {
        let rows =
            "CHG-4,intranet,false,2008-09-03T14:00:00+01:00,2008-09-03T15:00:00+01:00,successful\n";
        let pack = TempPack::complete().write("logs/changes.csv", &format!("{HEADER}{rows}"));
        let outcome = run(&CHECK, &pack.load(), AS_OF);
        assert_eq!(outcome.status, Status::NotApplicable);
        assert_eq!(code_names(&outcome), ["no-clinical-changes"]);
    }

    #[test]
    fn without_a_change_log_the_evidence_is_missing() {
        let mut evidence = complete_pack();
        evidence.change_logs.clear();
        assert_eq!(run(&CHECK, &evidence, AS_OF).status, Status::Missing);
    }
}
