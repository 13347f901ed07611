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

/// Issue 12's large inputs, in process: a 1,000,000-key mapping, a
/// 2,000,000-item list and a Procedure with 100,000 headings (each must be
/// well under the 2 s end-to-end target that `benches/run.sh` measures).
fn bounded() {
    use accredit_core::yaml::{YamlLimits, parse_document};
    let map = format!(
        "notes: {{{}}}\n",
        (0..1_000_000)
            .map(|i| format!("k{i}: {}", i % 10))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let time = best_of(3, || {
        let doc = parse_document(&map, 1, YamlLimits::default()).expect("parses");
        assert_eq!(doc.index.len(), 1_000_002);
    });
    println!(
        "bounded: a 1,000,000-key YAML mapping ({} MB), parsed and indexed: best of 3 = {:.0} ms",
        map.len() / 1_000_000,
        time.as_secs_f64() * 1000.0
    );
    let list = format!("items: [{}]\n", vec!["pacs"; 2_000_000].join(", "));
    let time = best_of(3, || {
        let doc = parse_document(&list, 1, YamlLimits::default()).expect("parses");
        assert_eq!(doc.index.len(), 2_000_002);
        assert_eq!(doc.index.locate("/items/1999999").line, 1);
    });
    println!(
        "bounded: a 2,000,000-item YAML list ({} MB), parsed and indexed: best of 3 = {:.0} ms",
        list.len() / 1_000_000,
        time.as_secs_f64() * 1000.0
    );
    let mut procedure = String::from("---\nkind: Procedure\n---\n");
    for i in 0..100_000 {
        let name = ["Scope", "Scope-1", "Purpose", "Review"][i % 4];
        procedure.push_str(&format!("## {name}\n\nSee [it](#scope-{}).\n\n", i / 4));
    }
    let time = best_of(3, || {
        let report = analyse_markdown(&procedure);
        assert_eq!(report.anchors.len(), 100_000);
        let anchors = report.anchor_set();
        assert!(report.links.iter().all(|l| !l.destination.is_empty()));
        let _ = anchors.contains("scope-99");
    });
    println!(
        "bounded: a Procedure with 100,000 headings and 100,000 anchor links ({} MB), analysed: best of 3 = {:.0} ms",
        procedure.len() / 1_000_000,
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
    if wanted("bounded") {
        bounded();
    }
}
