//! # accredit-core
//!
//! Loading, validation, analyses and scoring of Local Service Desk (LSD)
//! accreditation evidence packs. This crate never prints and never exits:
//! every problem is returned as a value ([`diagnostic::Diagnostic`]).
#![deny(missing_docs)]

pub mod model;
pub mod finding;
pub mod location;
