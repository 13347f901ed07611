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
        Failure { message }
    }

    /// From a pack that could not be loaded.
    pub fn load(error: accredit_core::load::LoadFailure) -> Failure {
        Failure::new(&error)
    }

    /// From a plain message.
    pub fn msg(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
        }
    }
}
