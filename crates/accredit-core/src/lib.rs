//! # accredit-core
//!
//! Loading, validation, analyses and scoring of Local Service Desk (LSD)
//! accreditation evidence packs. This crate never prints and never exits:
//! every problem is returned as a value ([`diagnostic::Diagnostic`]).
#![deny(missing_docs)]

// The facade: what the binary reads and writes.
pub mod assess;
pub mod compare;
pub mod diagnostic;
pub mod evidence;
pub mod load;
pub mod location;
pub mod model;
pub mod plan;
pub mod ruleset;
pub mod schema;
pub mod timeline;

// Test support: the fixture packs, for tests, benches and fuzz targets.
#[cfg(any(test, feature = "test-support"))]
pub mod fixtures;

mod digests;
#[cfg(test)]
mod layering_tests;

pub use assess::{Assessment, Status, Verdict, assess, assess_with_overrides};
pub use checks::{Check, Measure};
pub use diagnostic::{Code, Diagnostic, Severity};
pub use evidence::Evidence;
pub use finding::{Area, Finding, FindingCode};
pub use load::{LoadOptions, load_pack};
pub use ruleset::Ruleset;
pub use yaml::{YamlLimits, parse_document};

/// Declares the modules behind the facade: inside the crate only, or public
/// with the `test-support` feature, which the fuzz targets, the benches and
/// this crate's integration tests turn on to reach the parsers and analyses
/// directly. What only that surface uses (an analysis's entry point that the
/// checks reach through a memo, say) is not dead code, so the lint is off for
/// the build without it; the crate's own builds with the feature on see every
/// module as public, as before.
macro_rules! internal {
    ($($name:ident,)*) => {
        $(
            #[cfg(feature = "test-support")]
            pub mod $name;
            #[cfg(not(feature = "test-support"))]
            #[allow(dead_code, unused_imports)]
            pub(crate) mod $name;
        )*
    };
}

internal! {
    calendar,
    checks,
    clock,
    cover,
    finding,
    logs,
    markdown,
    wording,
    yaml,
}
