//! `lone-working`: no lone working — at least `pair_staff` desk staff on duty.
//!
//! Reads the `Rota`. Measured as the share of the window's real time with at
//! least `pair_staff` desk staff on duty, against `target_percent` (100).

use serde::{Deserialize, Serialize};

use super::cover_memo::rota_cover;
use crate::checks::{CheckKind, Codes, Context, Outcome, from_analysis};
use crate::cover::CoverParams;
use crate::finding::{Area, Finding, FindingCode};
use crate::model::Kind;

pub(crate) const LONE_WORKING: FindingCode = FindingCode::new(
    Area::Rota,
    "lone-working",
    "For part of the window fewer desk staff are on duty than the pairing the requirement asks for.",
    "Add a second person to the shifts where one person works alone.",
);

/// Parameters of `lone-working`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoneWorking {
    /// Desk staff on duty that count as not working alone.
    pub pair_staff: u32,
    /// Share of the window (percent) that must meet it.
    pub target_percent: f64,
}

impl crate::checks::ParameterSchema for LoneWorking {
    const SCHEMA: &'static str = r#"{
      "properties": {
        "pair_staff": {
          "type": "integer",
          "minimum": 2,
          "maximum": 1000
        },
        "target_percent": {
          "type": "number",
          "minimum": 0,
          "maximum": 100
        }
      },
      "required": ["pair_staff", "target_percent"]
    }"#;
}

impl CheckKind for LoneWorking {
    const CODES: Codes = &[&[LONE_WORKING], crate::cover::codes::CODES];

    fn evidence(&self) -> Vec<Kind> {
        vec![Kind::Rota]
    }

    fn method(&self) -> String {
        format!(
            "Expands the Rota over the window in real time and measures the share of it with at least {} desk staff on duty; target {}%.",
            self.pair_staff, self.target_percent
        )
    }

    fn evaluate(&self, context: &Context<'_>) -> Outcome {
        let params = CoverParams {
            pair_staff: self.pair_staff,
            ..context.shared.cover
        };
        from_analysis(rota_cover(context, params), |analysis| {
            let share = 100.0 * analysis.paired_share;
            let mut findings = Vec::new();
            if share < self.target_percent {
                let alone = analysis.window_minutes - analysis.paired_minutes;
                findings.push(Finding::new(
                        LONE_WORKING,
                        format!(
                            "fewer than {} desk staff are on duty for {} of the window's {} minutes ({:.1}% paired)",
                            self.pair_staff,
                            thousands(alone),
                            thousands(analysis.window_minutes),
                            share
                        ),
                        context.evidence.rotas.first().map(|r| r.at("/pattern")),
                    ));
            }
            // Rota problems (bad shift rows, …) bear on this share too.
            findings.extend(analysis.findings.iter().cloned());
            Outcome::measured(share, self.target_percent, "%", findings)
        })
    }
}

/// 1500 → "1,500".
pub(crate) fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}
