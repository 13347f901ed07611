//! # accredit-core
//!
//! Loading, validation, analyses and scoring of Local Service Desk (LSD)
//! accreditation evidence packs. This crate never prints and never exits:
//! every problem is returned as a value ([`diagnostic::Diagnostic`]).
#![deny(missing_docs)]

pub mod assess;
pub mod calendar;
pub mod checks;
pub mod clock;
pub mod compare;
pub mod cover;
pub mod diagnostic;
pub mod evidence;
pub mod finding;
pub mod load;
pub mod location;
pub mod logs;
pub mod markdown;
pub mod model;
pub mod plan;
pub mod ruleset;
pub mod schema;
pub mod timeline;
pub mod yaml;
