//! Findings: what an analysis measured or found wrong, in words a desk manager
//! understands, with the place in the evidence it concerns.

use serde::Serialize;

use crate::location::Location;

mod code;

pub use code::{Area, FindingCode};

/// One observation behind a requirement's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable code, e.g. `cover-gap` (see [`FindingCode`]).
    pub code: FindingCode,
    /// Plain-English message.
    pub message: String,
    /// Where in the pack it is, if anywhere.
    pub location: Option<Location>,
}

impl Finding {
    /// A finding at a location.
    pub fn new(
        code: FindingCode,
        message: impl Into<String>,
        location: Option<Location>,
    ) -> Finding {
        Finding {
            code,
            message: message.into(),
            location,
        }
    }
}
