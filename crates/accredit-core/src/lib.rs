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

// The modules behind the facade: inside the crate only, or public with the
// `test-support` feature, which the fuzz targets, the benches and this
// crate's integration tests turn on to reach the parsers and analyses
// directly. What only that surface uses (an analysis's entry point that the
// checks reach through a memo, say) is not dead code, so the lint is off for
// the build without it. Each is declared once per case as a plain `mod` item,
// not through a macro, so that rustfmt (and `cargo fmt --check`) sees them.
#[cfg(feature = "test-support")]
pub mod calendar;
#[cfg(not(feature = "test-support"))]
#[allow(dead_code, unused_imports)]
pub(crate) mod calendar;
#[cfg(feature = "test-support")]
pub mod checks;
#[cfg(not(feature = "test-support"))]
#[allow(dead_code, unused_imports)]
pub(crate) mod checks;
#[cfg(feature = "test-support")]
pub mod clock;
#[cfg(not(feature = "test-support"))]
#[allow(dead_code, unused_imports)]
pub(crate) mod clock;
#[cfg(feature = "test-support")]
pub mod cover;
#[cfg(not(feature = "test-support"))]
#[allow(dead_code, unused_imports)]
pub(crate) mod cover;
#[cfg(feature = "test-support")]
pub mod finding;
#[cfg(not(feature = "test-support"))]
#[allow(dead_code, unused_imports)]
pub(crate) mod finding;
#[cfg(feature = "test-support")]
pub mod logs;
#[cfg(not(feature = "test-support"))]
#[allow(dead_code, unused_imports)]
pub(crate) mod logs;
#[cfg(feature = "test-support")]
pub mod markdown;
#[cfg(not(feature = "test-support"))]
#[allow(dead_code, unused_imports)]
pub(crate) mod markdown;
#[cfg(feature = "test-support")]
pub mod wording;
#[cfg(not(feature = "test-support"))]
#[allow(dead_code, unused_imports)]
pub(crate) mod wording;
#[cfg(feature = "test-support")]
pub mod yaml;
#[cfg(not(feature = "test-support"))]
#[allow(dead_code, unused_imports)]
pub(crate) mod yaml;
