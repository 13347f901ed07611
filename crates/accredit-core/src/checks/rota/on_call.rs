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
