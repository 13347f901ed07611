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
