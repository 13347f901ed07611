//! What can be wrong with a ruleset, as kinds: each kind has its diagnostic
//! code, so a code never depends on how a message is worded.

use jsonschema::error::ValidationErrorKind;

use crate::diagnostic::{Code, Diagnostic};
use crate::location::Location;

/// The kinds of problem a ruleset can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// The shape is wrong: a missing or unknown field, a value of the wrong
    /// type or out of range (outside weights and check parameters).
    Schema,
    /// A requirement names a check kind that does not exist.
    UnknownCheckKind,
    /// A requirement names a domain the ruleset does not have.
    UnknownDomain,
    /// Two domains or two requirements share an id.
    DuplicateId,
    /// A weight is negative or too large, or every weight of a group is zero.
    BadWeight,
    /// A check's parameters are unusable (an expression that does not
    /// compile, a marker the tool cannot find, a section no heading can match).
    BadParameter,
    /// The training requirements count training over different look-backs,
    /// but the training log is analysed once for all of them.
    TrainingLookbacksDiffer,
}

impl ProblemKind {
    /// The diagnostic code of a problem of this kind.
    pub fn code(self) -> Code {
        match self {
            ProblemKind::Schema | ProblemKind::UnknownDomain => Code::Schema,
            ProblemKind::UnknownCheckKind => Code::UnknownCheckKind,
            ProblemKind::DuplicateId => Code::DuplicateId,
            ProblemKind::BadWeight => Code::BadWeight,
            ProblemKind::BadParameter | ProblemKind::TrainingLookbacksDiffer => Code::BadParameter,
        }
    }

    /// The kind of a ruleset schema error, from what the schema found
    /// (`error`) and where (the JSON pointer of the node).
    pub(crate) fn of_schema_error(error: &ValidationErrorKind, pointer: &str) -> ProblemKind {
        use ValidationErrorKind as E;
        let segments: Vec<&str> = pointer.split('/').skip(1).collect();
        let about_a_field = matches!(
            error,
            E::Required { .. } | E::AdditionalProperties { .. } | E::UnevaluatedProperties { .. }
        );
        let out_of_range = matches!(
            error,
            E::Minimum { .. }
                | E::Maximum { .. }
                | E::ExclusiveMinimum { .. }
                | E::ExclusiveMaximum { .. }
        );
        match segments.as_slice() {
            ["requirements", _, "check", "kind"] if matches!(error, E::Enum { .. }) => {
                ProblemKind::UnknownCheckKind
            }
            [.., "weight"] if out_of_range => ProblemKind::BadWeight,
            ["requirements", _, "check", _, ..] => ProblemKind::BadParameter,
            ["requirements", _, "check"] if about_a_field => ProblemKind::BadParameter,
            _ => ProblemKind::Schema,
        }
    }
}

/// One problem found by validation, at a node of the ruleset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulesetProblem {
    /// What kind of problem it is (this gives the code).
    pub kind: ProblemKind,
    /// The JSON pointer of the node it concerns, e.g. `/requirements/3/weight`.
    pub pointer: String,
    /// What is wrong, for the ruleset's author.
    pub message: String,
}

impl RulesetProblem {
    /// A problem of `kind` at `pointer`.
    pub fn new(kind: ProblemKind, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        RulesetProblem {
            kind,
            pointer: pointer.into(),
            message: message.into(),
        }
    }

    /// The diagnostic, placed by `locate` (a pointer → its place in the file).
    pub fn diagnostic(&self, locate: &dyn Fn(&str) -> Location) -> Diagnostic {
        Diagnostic::error(
            self.kind.code(),
            self.message.clone(),
            Some(locate(&self.pointer)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_schema_error_is_classed_by_its_kind_and_place_not_its_words() {
        let too_small = ValidationErrorKind::Minimum { limit: json!(0) };
        let required = ValidationErrorKind::Required {
            property: json!("channels"),
        };
        let not_listed = ValidationErrorKind::Enum {
            options: std::sync::Arc::new(json!(["rota-staffed"])),
        };
        let class = ProblemKind::of_schema_error;
        assert_eq!(
            class(&too_small, "/requirements/1/weight"),
            ProblemKind::BadWeight
        );
        assert_eq!(
            class(&too_small, "/domains/0/weight"),
            ProblemKind::BadWeight
        );
        assert_eq!(class(&too_small, "/window_days"), ProblemKind::Schema);
        assert_eq!(
            class(&too_small, "/requirements/1/check/min_staff"),
            ProblemKind::BadParameter
        );
        assert_eq!(
            class(&required, "/requirements/1/check"),
            ProblemKind::BadParameter
        );
        assert_eq!(class(&required, "/requirements/1"), ProblemKind::Schema);
        assert_eq!(
            class(&not_listed, "/requirements/1/check/kind"),
            ProblemKind::UnknownCheckKind
        );
        assert_eq!(
            class(&not_listed, "/requirements/1/check/channels/0"),
            ProblemKind::BadParameter
        );
    }
}
