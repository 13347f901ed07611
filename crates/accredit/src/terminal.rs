//! What the output stream is: a terminal (colour, snippets) or not.

use std::io::IsTerminal;

use crate::cli::ColorChoice;

/// How to style output for the stream it goes to.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Use ANSI colour.
    pub color: bool,
    /// Show source snippets under diagnostics (only for people at a terminal).
    pub snippets: bool,
}

impl Style {
    /// Decides from the `--color` choice, `NO_COLOR` and whether stdout is a terminal.
    pub fn detect(choice: ColorChoice) -> Style {
        let terminal = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color,
        };
        Style {
            color,
            snippets: terminal,
        }
    }

    /// Wraps `text` in an ANSI style when colour is on.
    pub fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}
