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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::checks::test_support::{AS_OF, code_names, complete_pack, measure, place, run};
    use crate::evidence::Evidence;

    const CHECK: LoneWorking = LoneWorking {
        pair_staff: 2,
        target_percent: 100.0,
    };

    /// The complete pack with one analyst alone on the day shift of
    /// Thursday 20 November (720 minutes).
    fn one_lone_day() -> Evidence {
        let mut evidence = complete_pack();
        let exception =
            serde_json::from_value(serde_json::json!({"date": "2008-11-20", "pattern": [
                {"start": "08:00", "end": "20:00", "staff": 1},
                {"start": "20:00", "end": "08:00", "staff": 2},
            ]}))
            .expect("the exception is typed");
        evidence.rotas[0].value.exceptions.push(exception);
        evidence
    }

    #[test]
    fn a_rota_with_two_on_duty_throughout_passes() {
        let outcome = run(&CHECK, &complete_pack(), AS_OF);
        assert_eq!(outcome.status, Status::Pass, "{:#?}", outcome.findings);
        assert_eq!(measure(&outcome), (100.0, 100.0));
    }

    #[test]
    fn time_alone_is_measured_and_named_at_the_pattern() {
        let outcome = run(&CHECK, &one_lone_day(), AS_OF);
        assert_eq!(outcome.status, Status::Partial);
        assert_eq!(code_names(&outcome), ["lone-working"]);
        assert_eq!(
            outcome.findings[0].message,
            "fewer than 2 desk staff are on duty for 720 of the window's 121,020 minutes (99.4% paired)"
        );
        assert_eq!(place(&outcome, 0), "rota.yaml:8");
        let expected = 100.0 * (121_020.0 - 720.0) / 121_020.0;
        assert!((measure(&outcome).0 - expected).abs() < 1e-9);
    }

    #[test]
    fn a_share_that_meets_the_target_exactly_passes_without_a_finding() {
        let evidence = one_lone_day();
        let (share, _) = measure(&run(&CHECK, &evidence, AS_OF));
        let exactly = LoneWorking {
            target_percent: share,
            ..CHECK
        };
        let outcome = run(&exactly, &evidence, AS_OF);
        assert_eq!(outcome.status, Status::Pass);
        assert!(outcome.findings.is_empty(), "{:#?}", outcome.findings);
    }

    #[test]
    fn pair_staff_sets_the_level() {
        let three = LoneWorking {
            pair_staff: 3,
            ..CHECK
        };
        let outcome = run(&three, &complete_pack(), AS_OF);
        assert_eq!(code_names(&outcome), ["lone-working"]);
        assert!(
            outcome.findings[0]
                .message
                .starts_with("fewer than 3 desk staff")
        );
    }

    #[test]
    fn without_a_rota_the_evidence_is_missing() {
        let mut evidence = complete_pack();
        evidence.rotas.clear();
        assert_eq!(run(&CHECK, &evidence, AS_OF).status, Status::Missing);
    }

    #[test]
    fn thousands_are_separated_by_commas() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(121_020), "121,020");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(-1_500), "-1,500");
    }
}
