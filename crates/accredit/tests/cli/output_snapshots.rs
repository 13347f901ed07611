//! A snapshot of every output format of `score` — text without colour, JSON,
//! Markdown, JUnit, SARIF, GitHub annotations — and the outline of the HTML
//! report (its sections, headings, tables and ids), for the complete pack
//! (ready) and the minimal pack (not ready), `--as-of 2008-09-01`. A change
//! to any output is seen in review (`cargo insta review` to accept one).
//!
//! Run from the repository root on `fixtures/packs/NAME`, as
//! `/work/tools/golden.sh` does, so the paths in the outputs are the same.

use std::path::PathBuf;

use scraper::{ElementRef, Html};

use super::accredit;

const PACKS: [&str; 2] = ["complete", "minimal"];

/// `accredit score fixtures/packs/PACK --as-of 2008-09-01 ARGS…` from the
/// repository root: its standard output, the tool's version masked.
fn score(pack: &str, args: &[&str]) -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let output = accredit()
        .current_dir(&root)
        .args([
            "score",
            &format!("fixtures/packs/{pack}"),
            "--as-of",
            "2008-09-01",
        ])
        .args(args)
        .output()
        .expect("runs");
    let code = output.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "{pack} {args:?}: exit {code:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("UTF-8")
        .replace(env!("CARGO_PKG_VERSION"), "[version]")
}

#[test]
fn every_format_of_a_ready_and_a_not_ready_pack_is_snapshotted() {
    for pack in PACKS {
        for format in ["text", "json", "markdown", "junit", "sarif", "github"] {
            let out = score(pack, &["--format", format]);
            insta::assert_snapshot!(format!("{pack}_{format}"), out);
        }
    }
}

#[test]
fn the_html_report_outline_is_snapshotted() {
    for pack in PACKS {
        let page = score(pack, &["--format", "html"]);
        let outline = outline(&Html::parse_document(&page));
        assert!(outline.contains("section#summary"), "{outline}");
        insta::assert_snapshot!(format!("{pack}_html_outline"), outline);
    }
}

/// The page's structure, one line per landmark, section, heading, table or
/// element with an id, indented by nesting: `section#fix-first`,
/// `h2 "3 Fix first"`, `table (12 rows) "Domain scores"`.
fn outline(page: &Html) -> String {
    let mut out = String::new();
    walk(page.root_element(), 0, &mut out);
    out
}

fn walk(element: ElementRef<'_>, depth: usize, out: &mut String) {
    let name = element.value().name();
    let id = element.value().id();
    let shown = matches!(
        name,
        "main" | "header" | "footer" | "nav" | "section" | "table" | "h1" | "h2" | "h3" | "h4"
    ) || id.is_some();
    let depth = if shown {
        let mut line = format!("{}{name}", "  ".repeat(depth));
        if let Some(id) = id {
            line.push_str(&format!("#{id}"));
        }
        if name == "table" {
            let rows = element
                .descendants()
                .filter_map(ElementRef::wrap)
                .filter(|e| e.value().name() == "tr")
                .count();
            line.push_str(&format!(" ({rows} rows)"));
            if let Some(caption) = element
                .children()
                .filter_map(ElementRef::wrap)
                .find(|e| e.value().name() == "caption")
            {
                line.push_str(&format!(" {:?}", words(caption)));
            }
        }
        if name.len() == 2 && name.starts_with('h') {
            line.push_str(&format!(" {:?}", words(element)));
        }
        out.push_str(&line);
        out.push('\n');
        depth + 1
    } else {
        depth
    };
    for child in element.children().filter_map(ElementRef::wrap) {
        if name != "table" && !(name.len() == 2 && name.starts_with('h')) {
            walk(child, depth, out);
        }
    }
}

/// The element's text with its white space collapsed.
fn words(element: ElementRef<'_>) -> String {
    element
        .text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
