//! One pack, loaded and ready to assess: what [`AssessArgs`] resolve to, once,
//! for `score`, `report`, `plan` and `timeline`.

use std::path::PathBuf;

use accredit_core::assess::{Assessment, assess_with_overrides};
use accredit_core::evidence::{Evidence, Located};
use accredit_core::load::{LoadOptions, load_overrides, load_pack};
use accredit_core::model::Override;
use accredit_core::ruleset::Ruleset;
use accredit_core::timeline::Timeline;
use jiff::civil::Date;

use crate::cli::AssessArgs;
use crate::exit::Failure;
use crate::ruleset_choice;
use crate::terminal::Style;

/// What an assessment is made from: the pack, the ruleset, the run date
/// and the assessor's overrides.
pub struct Run {
    /// The pack's directory.
    pub pack: PathBuf,
    /// The pack's evidence (with a valid Pack document).
    pub evidence: Evidence,
    /// The ruleset.
    pub ruleset: Ruleset,
    /// The run date.
    pub as_of: Date,
    /// The assessor's overrides.
    pub overrides: Vec<Located<Override>>,
}

impl Run {
    /// Loads the ruleset, the pack and the overrides. A pack without a
    /// valid `kind: Pack` document, a ruleset that does not load or the one
    /// the pack names not being used, and invalid overrides cannot be
    /// assessed (their diagnostics are printed first).
    pub fn load(args: &AssessArgs, style: Style) -> Result<Run, Failure> {
        let ruleset = ruleset_choice::choose(args.ruleset.as_deref())?;
        let options = LoadOptions {
            max_file_bytes: args.pack.max_file_size,
            known_applications: ruleset.application_ids(),
            // Assessed next: each CSV export is hashed by the stream that reads it.
            hash_exports_in_stream: true,
            ..LoadOptions::default()
        };
        let pack = &args.pack.pack;
        let evidence = load_pack(pack, &options).map_err(Failure::load)?;
        let Some(pack_document) = &evidence.pack else {
            eprint!("{}", crate::diagnostics::render(&evidence, style));
            return Err(Failure::msg(format!(
                "{} has no valid `kind: Pack` document, so it cannot be assessed",
                pack.display()
            )));
        };
        if args.ruleset.is_none() {
            ruleset_choice::check_pack_reference(pack_document.value.ruleset.as_deref(), &ruleset)?;
        }
        let overrides = match &args.overrides {
            None => Vec::new(),
            Some(dir) => {
                let loaded = load_overrides(dir, &options).map_err(Failure::load)?;
                if loaded.diagnostics.iter().any(|d| d.is_error()) {
                    for d in &loaded.diagnostics {
                        eprintln!("{}: {}", dir.display(), crate::diagnostics::line(d, style));
                    }
                    return Err(Failure::msg(format!(
                        "the overrides in {} are invalid",
                        dir.display()
                    )));
                }
                loaded.overrides
            }
        };
        Ok(Run {
            pack: pack.clone(),
            evidence,
            ruleset,
            as_of: args.as_of.unwrap_or_else(today),
            overrides,
        })
    }

    /// The assessment of the pack against the ruleset on the run date.
    pub fn assess(&self) -> Result<Assessment, Failure> {
        assess_with_overrides(&self.evidence, &self.ruleset, self.as_of, &self.overrides)
            .map_err(|e| Failure::new(&e))
    }

    /// Readiness by start date from `from` to `to`, the run date fixed.
    pub fn timeline(&self, from: Date, to: Date) -> Result<Timeline, Failure> {
        accredit_core::timeline::timeline(
            &self.evidence,
            &self.ruleset,
            self.as_of,
            from,
            to,
            &self.overrides,
        )
        .map_err(|e| Failure::new(&e))
    }

    /// The HTML report's "Readiness by start date": the 26 weeks from the
    /// run date, as `timeline` shows them by default.
    pub fn readiness(&self) -> Result<Timeline, Failure> {
        let (from, to) = crate::timeline::default_range(self.as_of)?;
        self.timeline(from, to)
    }
}

/// Today's date in England (the date an assessor's calendar shows).
pub fn today() -> Date {
    jiff::Timestamp::now()
        .to_zoned(
            jiff::tz::db()
                .get("Europe/London")
                .unwrap_or(jiff::tz::TimeZone::UTC),
        )
        .date()
}
