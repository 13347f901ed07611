//! Exit codes: 0 the gate passed, 1 the gate failed, 2 could not assess.

use std::process::ExitCode;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: the gate passed.
    Passed,
    /// 1: invalid evidence, or a verdict or score below the gate.
    GateFailed,
    /// 2: bad usage, no pack, unreadable input, an invalid ruleset.
    CannotAssess,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        match exit {
            Exit::Passed => ExitCode::SUCCESS,
            Exit::GateFailed => ExitCode::from(1),
            Exit::CannotAssess => ExitCode::from(2),
        }
    }
}

/// A reason the command could not assess anything (exit 2), printed with its causes.
#[derive(Debug)]
pub struct Failure {
    /// What went wrong, outermost first.
    pub message: String,
    /// The broken ruleset behind it, whose diagnostics are printed before
    /// the message (see [`crate::ruleset_choice::report`]).
    pub ruleset: Option<Box<accredit_core::ruleset::RulesetError>>,
}

impl Failure {
    /// From any error, with its source chain.
    pub fn new(error: &(dyn std::error::Error + 'static)) -> Failure {
        let mut message = error.to_string();
        let mut source = error.source();
        while let Some(cause) = source {
            message.push_str(&format!("\n  caused by: {cause}"));
            source = cause.source();
        }
        Failure {
            message,
            ruleset: None,
        }
    }

    /// From a pack that could not be loaded.
    pub fn load(error: accredit_core::load::LoadFailure) -> Failure {
        Failure::new(&error)
    }

    /// From a plain message.
    pub fn msg(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            ruleset: None,
        }
    }

    /// From a ruleset that failed to load: its diagnostics and its error.
    pub fn ruleset(error: accredit_core::ruleset::RulesetError) -> Failure {
        Failure {
            message: error.to_string(),
            ruleset: Some(Box::new(error)),
        }
    }

    /// Prints the failure on standard error: a broken ruleset's diagnostics,
    /// then `error: MESSAGE`.
    pub fn report(&self, style: crate::terminal::Style) {
        match &self.ruleset {
            Some(error) => crate::ruleset_choice::report(error, style),
            None => eprintln!("{}: {}", style.paint("1;31", "error"), self.message),
        }
    }
}
