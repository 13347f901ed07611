//! Timeline tests on one-defect overlays of the complete pack.

use jiff::civil::{Date, date};

use super::*;
use crate::checks::testing::{AS_OF, complete_pack};

fn builtin() -> Ruleset {
    Ruleset::builtin()
}

fn run_over(evidence: &Evidence, from: Date, to: Date) -> Timeline {
    timeline(evidence, &builtin(), AS_OF, from, to, &[]).expect("a timeline")
}

#[test]
fn the_complete_pack_over_26_weeks() {
    let evidence = complete_pack();
    let t = run_over(&evidence, AS_OF, date(2009, 3, 2));
    for run in &t.runs {
        eprintln!("{} {} {:?} {} {:?}", run.from, run.to, run.verdict, run.overall, run.unmet);
        for c in &run.changes {
            eprintln!("   {}", c.reason);
        }
    }
    for l in &t.lapses {
        eprintln!("{} {} {}", l.from, l.requirement, l.sentence());
    }
    assert_eq!(t.runs.first().map(|r| r.from), Some(AS_OF));
}
