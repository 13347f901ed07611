//! Which ruleset a run uses: `--ruleset ID|PATH`, else the one the pack names,
//! else the built-in LSD ruleset.

use std::path::Path;

use accredit_core::ruleset::{Ruleset, RulesetError, load_ruleset};

use crate::exit::Failure;

/// Loads the ruleset named by `choice` (an id, `id@major`, a file or a
/// directory holding `ruleset.yaml`), or the built-in one. A ruleset that
/// does not load is a [`Failure`] that carries its diagnostics.
pub fn choose(choice: Option<&str>) -> Result<Ruleset, Failure> {
    let builtin = Ruleset::builtin();
    let Some(choice) = choice else {
        return Ok(builtin);
    };
    if choice == builtin.id || choice == builtin.reference() {
        return Ok(builtin);
    }
    let path = Path::new(choice);
    let file = if path.is_dir() {
        path.join("ruleset.yaml")
    } else {
        path.to_path_buf()
    };
    if !file.is_file() {
        return Err(Failure::msg(format!(
            "no ruleset `{choice}`: give a ruleset file or directory, or the built-in `{}`",
            builtin.reference()
        )));
    }
    let text = std::fs::read_to_string(&file)
        .map_err(|e| Failure::msg(format!("cannot read the ruleset {}: {e}", file.display())))?;
    let name = file.display().to_string();
    load_ruleset(&text, &name).map_err(Failure::ruleset)
}

/// Checks the pack's own `ruleset:` reference against the chosen ruleset.
pub fn check_pack_reference(
    pack_reference: Option<&str>,
    ruleset: &Ruleset,
) -> Result<(), Failure> {
    match pack_reference {
        Some(reference) if reference != ruleset.reference() => Err(Failure::msg(format!(
            "the pack asks for ruleset `{reference}`, but this run uses `{}`; pass --ruleset with the ruleset it names",
            ruleset.reference()
        ))),
        _ => Ok(()),
    }
}

/// Prints a broken ruleset's diagnostics (on standard error, like every
/// reason a run could not assess), with the ruleset's lines as snippets.
pub fn report(error: &RulesetError, style: crate::terminal::Style) {
    let style = crate::terminal::Style {
        snippets: false,
        ..style
    };
    for diagnostic in &error.diagnostics {
        eprintln!("{}", crate::diagnostics::line(diagnostic, style));
    }
    eprintln!("error: {error}");
}
