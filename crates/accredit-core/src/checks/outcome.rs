//! What a check returns: a status, what was measured against what target, and
//! the findings behind it.

use serde::Serialize;

use crate::finding::Finding;

/// A requirement's result: what its check found (every variant but
/// [`Status::Waived`]), then what waivers and overrides made of it. The one
/// result enum, from a check's [`Outcome`] to the assessment's
/// `RequirementResult.result`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Fully met.
    Pass,
    /// Partly met: credit strictly between 0 and 1.
    Partial,
    /// Not met.
    Fail,
    /// No evidence of the kind it needs.
    Missing,
    /// The evidence it needs is invalid.
    Error,
    /// Does not apply to this pack.
    NotApplicable,
    /// Taken out of the score by a valid waiver (never a check's outcome).
    Waived,
}

impl Status {
    /// Its kebab-case name, as the JSON result and every report write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Partial => "partial",
            Status::Fail => "fail",
            Status::Missing => "missing",
            Status::Error => "error",
            Status::NotApplicable => "not-applicable",
            Status::Waived => "waived",
        }
    }

    /// Whether the requirement counts in the score.
    pub fn is_counted(self) -> bool {
        !matches!(self, Status::NotApplicable | Status::Waived)
    }

    /// Whether it is a gap to close.
    pub fn is_gap(self) -> bool {
        matches!(
            self,
            Status::Partial | Status::Fail | Status::Missing | Status::Error
        )
    }
}

/// A measured quantity and its target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measure {
    /// The value the check measured in the pack, in `unit`.
    pub value: f64,
    /// What the requirement asks for, in `unit`: credit is `value / target`,
    /// full at or above it.
    pub target: f64,
    /// Unit, e.g. `%` or `minutes`.
    pub unit: String,
}

/// What one check made of the pack, before waivers and overrides.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// Never [`Status::Waived`]: waivers are applied to outcomes afterwards.
    pub status: Status,
    /// Credit in [0, 1]: 1 for a pass, 0 for fail, missing, error and not
    /// applicable, in between for a partial.
    pub credit: f64,
    /// The measurement, for measured requirements.
    pub measured: Option<Measure>,
    /// The findings behind the status, each with its code and place; a
    /// passing outcome may still carry some (bad rows in a log that meets
    /// its target).
    pub findings: Vec<Finding>,
}

impl Outcome {
    /// Fully met, nothing measured: credit 1.
    pub fn pass(findings: Vec<Finding>) -> Outcome {
        Outcome {
            status: Status::Pass,
            credit: 1.0,
            measured: None,
            findings,
        }
    }

    /// Not met, nothing measured: credit 0.
    pub fn fail(findings: Vec<Finding>) -> Outcome {
        Outcome {
            status: Status::Fail,
            credit: 0.0,
            measured: None,
            findings,
        }
    }

    /// A pass when `met`, a fail otherwise (with the same findings).
    pub fn pass_if(met: bool, findings: Vec<Finding>) -> Outcome {
        if met {
            Outcome::pass(findings)
        } else {
            Outcome::fail(findings)
        }
    }

    /// Evidence of the kind needed is absent.
    pub fn missing(findings: Vec<Finding>) -> Outcome {
        Outcome {
            status: Status::Missing,
            credit: 0.0,
            measured: None,
            findings,
        }
    }

    /// Evidence is invalid or could not be evaluated.
    pub fn error(findings: Vec<Finding>) -> Outcome {
        Outcome {
            status: Status::Error,
            credit: 0.0,
            measured: None,
            findings,
        }
    }

    /// Does not apply to this pack (e.g. a log with no referrals): left out
    /// of the score.
    pub fn not_applicable(findings: Vec<Finding>) -> Outcome {
        Outcome {
            status: Status::NotApplicable,
            credit: 0.0,
            measured: None,
            findings,
        }
    }

    /// A measured requirement: credit `min(1, value / target)`; pass at credit 1.
    pub fn measured(value: f64, target: f64, unit: &str, findings: Vec<Finding>) -> Outcome {
        let credit = if target <= 0.0 {
            1.0
        } else {
            (value / target).clamp(0.0, 1.0)
        };
        Outcome::with_credit(
            credit,
            Some(Measure {
                value,
                target,
                unit: unit.to_string(),
            }),
            findings,
        )
    }

    /// Credit given directly (e.g. half for each of two tests).
    pub fn with_credit(credit: f64, measured: Option<Measure>, findings: Vec<Finding>) -> Outcome {
        let credit = credit.clamp(0.0, 1.0);
        let status = if credit >= 1.0 {
            Status::Pass
        } else if credit <= 0.0 {
            Status::Fail
        } else {
            Status::Partial
        };
        Outcome {
            status,
            credit,
            measured,
            findings,
        }
    }
}
