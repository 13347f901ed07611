//! Evidence text is data: every piece of trust-supplied text (names, titles,
//! findings, file names, paths) is encoded here for the consumer it goes to,
//! one module per consumer, before any renderer writes it.
//!
//! - [`text`]: terminals and CI logs. Control characters become visible
//!   escapes, so a value is always one line and never an escape sequence.
//! - [`github`]: GitHub Actions workflow commands (message and properties).
//! - [`markdown`]: pull-request comments and job summaries: inline text that
//!   parses as text only, and code spans that hold anything.
//! - [`xml`]: JUnit (XML 1.0): no character a parser rejects.
//! - [`json`]: hardening of serialised JSON for terminals and script contexts.
//! - [`csv`]: RFC 4180 cells, defused against spreadsheet formulas.
//!
//! Renderers call these functions; they never write evidence text raw.

pub mod csv;
pub mod github;
pub mod json;
pub mod markdown;
pub mod text;
pub mod xml;
