//! `referral-references`: incidents referred to the LSP or the national desk
//! carry the external reference they were given. Not applicable when the log
//! has no such referrals.

use serde::{Deserialize, Serialize};

use super::logs_memo::incidents;
use crate::checks::{CheckKind, Codes, Context, Outcome, from_analysis};
use crate::finding::{Area, Finding, FindingCode};
use crate::model::Kind;

pub(crate) const NO_REFERRALS: FindingCode = FindingCode::new(
    Area::Logs,
    "no-referrals",
    "No incident in the log was referred to the LSP or the national service desk, so there is nothing to measure.",
    "Nothing to fix if none was referred; otherwise record the referrals in the log.",
);

/// Parameters of `referral-references`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferralReferences {
    /// Share of referrals (percent) that must carry an external reference.
    pub target_percent: f64,
}

impl crate::checks::ParameterSchema for ReferralReferences {
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

impl CheckKind for ReferralReferences {
    const CODES: Codes = &[
        &[NO_REFERRALS],
        super::logs_memo::SOURCE_CODES,
        crate::logs::codes::READING,
        crate::logs::codes::INCIDENTS,
    ];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::IncidentLog]
    }

    fn method(&self) -> String {
        format!(
            "Streams the IncidentLog CSV: of the incidents with `referred_to` lsp or national, the share with a non-empty `external_reference`; target {}%.",
            self.target_percent
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        from_analysis(incidents(context), |summary| {
            match summary.referrals.share {
                None => Outcome::not_applicable(vec![Finding::new(
                    NO_REFERRALS,
                    "no incident in the log was referred to the LSP or the national service desk",
                    None,
                )]),
                Some(share) => Outcome::measured(
                    100.0 * share,
                    self.target_percent,
                    "%",
                    summary
                        .referrals
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
    use crate::evidence::Evidence;

    const CHECK: ReferralReferences = ReferralReferences {
        target_percent: 95.0,
    };

    /// The complete pack with an incident log of these rows (after the header).
    fn incidents(rows: &str) -> (TempPack, Evidence) {
        let pack = TempPack::complete().write(
            "logs/incidents.csv",
            &format!(
                "reference,opened_at,channel,severity,application,status,responded_at,resolved_at,referred_to,external_reference\n{rows}"
            ),
        );
        let evidence = pack.load();
        (pack, evidence)
    }

    #[test]
    fn the_complete_pack_meets_the_target() {
        let outcome = run(&CHECK, &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
    }

    #[test]
    fn a_referral_without_a_reference_is_named_and_measured() {
        let (_pack, evidence) = incidents(
            "INC1,2008-07-07 09:10,phone,3,pacs,closed,2008-07-07 09:20,2008-07-07 12:00,lsp,BTH-1\n\
             INC2,2008-07-07 10:10,phone,3,,closed,2008-07-07 10:20,2008-07-07 12:00,national,\n\
             INC3,2008-07-07 11:10,phone,3,,closed,2008-07-07 11:20,2008-07-07 12:00,none,\n",
        );
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Partial);
        assert_eq!(measure(&outcome), (50.0, 95.0));
        assert_eq!(
            code_names(&outcome),
            ["referral-without-external-reference"]
        );
        let message = &outcome.findings[0].message;
        assert!(
            message.starts_with("1 of 2 incidents referred to the LSP or the national service desk carry no external reference: "),
            "{message}"
        );
        assert!(
            message.contains("INC2") && !message.contains("INC1"),
            "{message}"
        );
    }

    #[test]
    fn every_referral_with_its_reference_passes() {
        let (_pack, evidence) = incidents(
            "INC1,2008-07-07 09:10,phone,3,pacs,closed,2008-07-07 09:20,2008-07-07 12:00,lsp,BTH-1\n",
        );
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Pass);
        assert_eq!(measure(&outcome), (100.0, 95.0));
    }

    #[test]
    fn a_log_without_referrals_is_not_applicable() {
        let (_pack, evidence) = incidents(
            "INC3,2008-07-07 11:10,phone,3,,closed,2008-07-07 11:20,2008-07-07 12:00,none,\n",
        );
        let outcome = run(&CHECK, &evidence, AS_OF);
        assert_eq!(outcome.status, Status::NotApplicable);
        assert_eq!(code_names(&outcome), ["no-referrals"]);
        assert!(outcome.findings[0].location.is_none());
    }
}
