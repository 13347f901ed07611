//! The gate of `score`, `report` and `portfolio`: valid evidence, a verdict
//! at least `--require`, a score at least `--fail-under`, and with
//! `--baseline` no new or worse gap.

use accredit_core::assess::{Assessment, Verdict};
use accredit_core::compare::Comparison;

use crate::cli::{GateArgs, Require};
use crate::exit::Exit;

/// The gate's conditions, resolved from [`GateArgs`].
#[derive(Debug, Clone, Copy)]
pub struct Gate {
    /// The lowest verdict that passes.
    pub require: Require,
    /// The lowest overall score (percent) that passes.
    pub fail_under: Option<f64>,
    /// Whether new or worse gaps since a baseline fail it.
    pub baseline: bool,
}

impl Gate {
    /// The gate `args` ask for. Without `--require` the verdict must be
    /// `ready`, except with a baseline, where the verdict is not gated.
    pub fn of(args: &GateArgs, baseline: bool) -> Gate {
        let default = if baseline {
            Require::Any
        } else {
            Require::Ready
        };
        Gate {
            require: args.require.unwrap_or(default),
            fail_under: args.fail_under,
            baseline,
        }
    }

    /// Whether `assessment` passes. Evidence with validation errors never
    /// does, whatever `--require` says (the core's
    /// [`Assessment::evidence_invalid`]); nor, with a baseline, a
    /// `comparison` with regressions.
    pub fn exit(&self, assessment: &Assessment, comparison: Option<&Comparison>) -> Exit {
        if assessment.evidence_invalid()
            || comparison.is_some_and(Comparison::has_regressions)
            || !self.verdict_ok(assessment.verdict)
        {
            return Exit::GateFailed;
        }
        if self
            .fail_under
            .is_none_or(|n| assessment.score.overall >= n)
        {
            Exit::Passed
        } else {
            Exit::GateFailed
        }
    }

    fn verdict_ok(&self, verdict: Verdict) -> bool {
        match self.require {
            Require::Ready => verdict == Verdict::Ready,
            Require::Approaching => verdict >= Verdict::Approaching,
            Require::Any => true,
        }
    }

    /// `Gate failed: …` and a newline, when `exit` is a failed gate.
    pub fn reason(&self, assessment: &Assessment, exit: Exit) -> Option<String> {
        if exit != Exit::GateFailed {
            return None;
        }
        let mut reasons = Vec::new();
        if let Some(invalid) = crate::render::invalid_evidence(assessment) {
            reasons.push(invalid.sentence());
        }
        if !self.verdict_ok(assessment.verdict) {
            reasons.push(format!(
                "the verdict {} is below --require {}",
                assessment.verdict.as_str(),
                self.require.as_str()
            ));
        }
        if let Some(n) = self.fail_under
            && assessment.score.overall < n
        {
            reasons.push(format!(
                "the overall score {} is below --fail-under {n}",
                crate::words::percent(assessment.score.overall)
            ));
        }
        if reasons.is_empty() && self.baseline {
            reasons.push("there are new or worse gaps since the baseline".to_string());
        }
        if reasons.is_empty() {
            reasons.push("the gate's conditions are not met".to_string());
        }
        Some(format!("Gate failed: {}.\n", reasons.join("; ")))
    }
}

impl Require {
    /// The value as given on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Require::Ready => "ready",
            Require::Approaching => "approaching",
            Require::Any => "any",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_require_the_verdict_must_be_ready_unless_a_baseline_gates() {
        let args = |require| GateArgs {
            require,
            fail_under: Some(90.0),
        };
        assert_eq!(Gate::of(&args(None), false).require, Require::Ready);
        assert_eq!(Gate::of(&args(None), true).require, Require::Any);
        let given = Gate::of(&args(Some(Require::Approaching)), true);
        assert_eq!(given.require, Require::Approaching);
        assert_eq!(given.fail_under, Some(90.0));
        assert!(given.baseline);
    }

    #[test]
    fn require_reads_as_given_on_the_command_line() {
        assert_eq!(Require::Ready.as_str(), "ready");
        assert_eq!(Require::Approaching.as_str(), "approaching");
        assert_eq!(Require::Any.as_str(), "any");
    }
}
