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
                // Any gap fails the requirement, however short.
                Outcome::measured(staffed.min(99.99), 100.0, "%", findings)
            }
        })
    }
}
