//! In-process benchmarks of the analyses, with the targets from the issues.
//! Run with `cargo bench -p accredit-core --bench analyses` (release build);
//! `benches/run.sh` runs these and the end-to-end measurements.

use std::time::{Duration, Instant};

use accredit_core::cover::{
    CoverInput, analyse_cover_with_shifts, synthetic_rota, synthetic_shifts_csv,
};
use accredit_core::location::Location;
use accredit_core::markdown::analyse_markdown;

/// Best of `runs` timings of `work`.
fn best_of(runs: usize, mut work: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn cover() {
    let csv = synthetic_shifts_csv(62, 365);
    let rows = csv.lines().count() - 1;
    let rota = synthetic_rota(365);
    let locate = |_: &str| Some(Location::file("rota.yaml"));
    let start = rota.period.from;
    let time = best_of(20, || {
        let mut input = CoverInput::new(&rota, "rota.yaml", &locate, start);
        input.window_days = 365;
        let analysis =
            analyse_cover_with_shifts(&input, "shifts.csv", csv.as_bytes()).expect("analyses");
        assert_eq!(analysis.heatmap.len(), 168);
    });
    println!(
        "cover: a year of per-person shifts for 62 staff ({rows} rows), gaps + heatmap: best of 20 = {:.1} ms (target 50 ms)",
        time.as_secs_f64() * 1000.0
    );
}

fn procedure(n: usize) -> String {
    let mut text = format!(
        "---\nkind: Procedure\nprocess: incident\ntitle: Procedure {n}\nversion: \"1.{n}\"\nowner: Service Desk Manager\napproved_by: Director of IM&T\napproved_on: 2008-07-01\nreview_due: 2009-07-01\n---\n\n# Incident procedure {n}\n\n"
    );
    for section in [
        "Purpose",
        "Scope",
        "Roles and responsibilities",
        "Logging and categorisation",
        "Prioritisation",
        "Escalation",
        "Resolution and closure",
        "Reporting",
    ] {
        text.push_str(&format!("## {section}\n\n"));
        text.push_str("The duty analyst records every call in the desk tool with the caller, the application and the impact on patient care, then agrees the priority with the caller and refers national application faults to the LSP with the [escalation plan](escalation.md#levels). ");
        text.push_str("Severity 1 incidents are reported to the duty manager at once.\n\n");
    }
    text
}

fn documents() {
    let procedures: Vec<String> = (0..1000).map(procedure).collect();
    let bytes: usize = procedures.iter().map(String::len).sum();
    let time = best_of(10, || {
        for p in &procedures {
            let report = analyse_markdown(p);
            assert!(report.outline.sections.len() >= 8);
        }
    });
    println!(
        "documents: 1,000 procedures ({} KB), Markdown analysis: best of 10 = {:.1} ms (target 300 ms for the document checks)",
        bytes / 1024,
        time.as_secs_f64() * 1000.0
    );
}

fn main() {
    // `cargo bench` passes `--bench`; any other argument filters by name.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let wanted = |name: &str| filter.is_empty() || filter.iter().any(|f| name.contains(f.as_str()));
    if wanted("cover") {
        cover();
    }
    if wanted("documents") {
        documents();
    }
}
