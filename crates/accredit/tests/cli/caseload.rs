//! `accredit portfolio` over a caseload folder: discovery, every pack a row
//! told apart by its path, invalid evidence flagged in every format, each
//! format read with its real parser, overrides per pack, the gate per pack.

use std::path::{Path, PathBuf};

use super::{copy, pack, run};

fn caseload() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/caseload")
}

fn portfolio(dirs: &[&Path], extra: &[&str]) -> (i32, String, String) {
    let mut args: Vec<&str> = vec!["portfolio"];
    args.extend(dirs.iter().map(|d| d.to_str().unwrap()));
    args.extend(["--as-of", "2008-09-01"]);
    args.extend(extra);
    run(&args)
}

fn json(dirs: &[&Path], extra: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec!["--format", "json"];
    all.extend(extra);
    let (code, stdout, stderr) = portfolio(dirs, &all);
    let value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}{stderr}"));
    (code, value)
}

fn folders(value: &serde_json::Value) -> Vec<String> {
    value["packs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["folder"].as_str().unwrap().to_string())
        .collect()
}

fn row<'a>(value: &'a serde_json::Value, folder: &str) -> &'a serde_json::Value {
    value["packs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["folder"] == folder)
        .unwrap_or_else(|| panic!("no row {folder}"))
}

#[test]
fn a_caseload_folder_lists_each_visible_subfolder_as_a_row() {
    let (code, value) = json(&[&caseload()], &[]);
    assert_eq!(code, 2, "not-a-pack could not be assessed");
    assert_eq!(
        folders(&value),
        [
            "formula-trust",
            "invalid-schema",
            "not-a-pack",
            "st-elsewhere-north",
            "st-elsewhere-south"
        ],
        "sorted, the hidden .drafts skipped, the folder without a Pack kept"
    );
    let not_a_pack = row(&value, "not-a-pack");
    assert_eq!(not_a_pack["verdict"], "could-not-assess");
    assert!(
        not_a_pack["problem"]
            .as_str()
            .unwrap()
            .contains("kind: Pack")
    );
    assert_eq!(value["verdict_counts"]["not-ready"], 4);
    assert_eq!(value["verdict_counts"]["could-not-assess"], 1);
    // The matrix line of every assessed pack has every requirement.
    let requirements = value["requirements"].as_array().unwrap().len();
    assert!(requirements > 30);
    assert_eq!(
        row(&value, "st-elsewhere-north")["results"]
            .as_object()
            .unwrap()
            .len(),
        requirements
    );
    assert_eq!(
        row(&value, "st-elsewhere-north")["domains"]
            .as_array()
            .unwrap()
            .len(),
        9
    );
    // A pack given directly is one row; a pack and a caseload mix.
    let (code, value) = json(
        &[&pack("complete"), &caseload().join("st-elsewhere-north")],
        &[],
    );
    assert_eq!(code, 0);
    assert_eq!(folders(&value), ["complete", "st-elsewhere-north"]);
    assert_eq!(row(&value, "complete")["verdict"], "ready");
}

#[test]
fn the_json_validates_against_its_schema_and_is_deterministic() {
    let (_, value) = json(&[&caseload(), &pack("complete")], &[]);
    let (code, schema, _) = run(&["schema", "portfolio"]);
    assert_eq!(code, 0);
    let schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(value["format"], "accredit-portfolio/1");
    let (_, again) = json(&[&caseload(), &pack("complete")], &[]);
    assert_eq!(value, again);
}

#[test]
fn an_invalid_pack_is_flagged_in_every_format() {
    let (_, value) = json(&[&caseload()], &[]);
    let invalid = row(&value, "invalid-schema");
    assert_eq!(invalid["evidence_valid"], false);
    assert_eq!(invalid["validation_errors"], 2);
    assert_eq!(invalid["gate"], "failed");
    assert_eq!(value["invalid_packs"], 2, "invalid-schema and not-a-pack");
    assert_eq!(row(&value, "st-elsewhere-north")["evidence_valid"], true);

    let (_, text, _) = portfolio(&[&caseload()], &[]);
    let block: String = text
        .split("\nfixtures")
        .chain(text.split('\n'))
        .find(|b| b.contains("invalid-schema  Brackenfield"))
        .unwrap_or_default()
        .to_string();
    assert!(
        text.contains("INVALID EVIDENCE: 1 file, 2 errors"),
        "{text}"
    );
    assert!(!block.is_empty(), "{text}");

    let (_, md, _) = portfolio(&[&caseload()], &["--format", "markdown"]);
    let line = md.lines().find(|l| l.contains("invalid-schema")).unwrap();
    assert!(line.contains("INVALID EVIDENCE"), "{line}");

    let (_, csv_text, _) = portfolio(&[&caseload()], &["--format", "csv"]);
    let records = csv_records(&csv_text);
    let header = &records[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let invalid = records
        .iter()
        .find(|r| r[col("folder")] == *"invalid-schema")
        .unwrap();
    assert_eq!(&invalid[col("evidence_valid")], "false");
    assert_eq!(&invalid[col("validation_errors")], "2");
    assert!(invalid[col("problem")].contains("INVALID EVIDENCE"));

    let page = html(&[&caseload()], None);
    let doc = scraper::Html::parse_document(&page);
    let rows = scraper::Selector::parse("table.packs tbody tr").unwrap();
    let invalid_row = doc
        .select(&rows)
        .find(|r| r.text().collect::<String>().contains("invalid-schema"))
        .unwrap();
    assert!(invalid_row.value().classes().any(|c| c == "invalid"));
    assert!(
        invalid_row
            .text()
            .collect::<String>()
            .contains("INVALID EVIDENCE: 1 file, 2 errors")
    );
}

fn csv_records(text: &str) -> Vec<csv::StringRecord> {
    let body = text
        .strip_prefix('\u{feff}')
        .expect("UTF-8 byte-order mark");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes());
    reader.records().map(|r| r.unwrap()).collect()
}

#[test]
fn the_csv_parses_and_no_cell_is_a_formula() {
    let (_, text, _) = portfolio(&[&caseload()], &["--format", "csv"]);
    let records = csv_records(&text);
    assert_eq!(records.len(), 1 + 5);
    let width = records[0].len();
    assert!(records.iter().all(|r| r.len() == width));
    for record in &records {
        for cell in record {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula-leading cell {cell:?}"
            );
        }
    }
    let header = &records[0];
    let organisation = header.iter().position(|h| h == "organisation").unwrap();
    let formula = records
        .iter()
        .find(|r| r[organisation].contains("HYPERLINK"))
        .unwrap();
    assert_eq!(
        &formula[organisation],
        "'=HYPERLINK(\"http://example.invalid\",\"click\")"
    );
    let cov = header.iter().position(|h| h == "COV-01").unwrap();
    assert_eq!(&formula[cov], "fail");
}

fn html(dirs: &[&Path], reports: Option<&Path>) -> String {
    let out = tempfile::tempdir().unwrap();
    let page = out.path().join("caseload.html");
    let mut extra = vec!["-o", page.to_str().unwrap()];
    if let Some(r) = reports {
        extra.extend(["--reports", r.to_str().unwrap()]);
    }
    portfolio(dirs, &extra);
    std::fs::read_to_string(&page).unwrap()
}

#[test]
fn the_html_page_is_self_contained_and_links_each_report() {
    let out = tempfile::tempdir().unwrap();
    let page_path = out.path().join("caseload.html");
    let reports = out.path().join("reports");
    let (code, _, stderr) = portfolio(
        &[&caseload(), &pack("complete")],
        &[
            "-o",
            page_path.to_str().unwrap(),
            "--reports",
            reports.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 2, "{stderr}");
    let page = std::fs::read_to_string(&page_path).unwrap();
    let doc = scraper::Html::parse_document(&page);
    let select = |s: &str| scraper::Selector::parse(s).unwrap();
    assert_eq!(doc.select(&select("script")).count(), 0);
    let csp = doc
        .select(&select("meta[http-equiv=\"Content-Security-Policy\"]"))
        .next()
        .expect("CSP meta");
    assert!(
        csp.value()
            .attr("content")
            .unwrap()
            .contains("default-src 'none'")
    );
    for attribute in ["src", "srcset"] {
        assert_eq!(doc.select(&select(&format!("[{attribute}]"))).count(), 0);
    }
    // The same-named trusts are told apart by their paths.
    let text: String = doc.root_element().text().collect();
    assert!(text.contains("st-elsewhere-north") && text.contains("st-elsewhere-south"));
    assert_eq!(
        text.matches("St Elsewhere Hospitals NHS Trust").count() % 2,
        0
    );
    // One report per assessed pack, each linked relatively and present.
    let links: Vec<String> = doc
        .select(&select("a.report-link"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(links.len(), 5, "{links:?}");
    for link in &links {
        assert!(link.starts_with("reports/"), "{link}");
        let report = std::fs::read_to_string(out.path().join(link)).unwrap();
        assert!(report.contains("LSD accreditation gap report"));
    }
    // Status words beside symbols; the matrix has one table per domain.
    assert!(doc.select(&select("table.matrix")).count() >= 9);
    assert!(text.contains("missing evidence") && text.contains("not ready"));
    // Evidence text is escaped, never markup.
    assert!(page.contains("=HYPERLINK(&quot;http:"));
}

#[test]
fn reports_are_never_written_inside_a_pack() {
    let (code, _, stderr) = portfolio(
        &[&caseload()],
        &[
            "--reports",
            caseload()
                .join("st-elsewhere-north/reports")
                .to_str()
                .unwrap(),
        ],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("inside"), "{stderr}");
    assert!(!caseload().join("st-elsewhere-north/reports").exists());
}

#[test]
fn overrides_are_read_per_pack_folder() {
    let overrides = tempfile::tempdir().unwrap();
    let north = overrides.path().join("st-elsewhere-north");
    std::fs::create_dir_all(&north).unwrap();
    std::fs::write(
        north.join("cov-03.yaml"),
        "apiVersion: accredit/v1\nkind: Override\nrequirement: COV-03\nresult: pass\nassessor: A. Assessor\ndate: 2008-09-01\nremark: Bank-holiday staffing was shown on the site visit.\n",
    )
    .unwrap();
    let (_, value) = json(
        &[
            &caseload().join("st-elsewhere-north"),
            &caseload().join("st-elsewhere-south"),
        ],
        &["--overrides", overrides.path().to_str().unwrap()],
    );
    let (north, south) = (
        row(&value, "st-elsewhere-north"),
        row(&value, "st-elsewhere-south"),
    );
    assert_eq!(north["overrides_applied"], 1);
    assert_eq!(north["results"]["COV-03"], "pass");
    assert_eq!(south["overrides_applied"], 0);
    assert_eq!(south["results"]["COV-03"], "missing");
}

#[test]
fn the_gate_applies_to_every_pack() {
    let complete = pack("complete");
    let minimal = pack("minimal");
    let (code, value) = json(&[&complete], &["--require", "ready"]);
    assert_eq!(code, 0);
    assert_eq!(value["gate"]["passed"], 1);
    let (code, value) = json(&[&complete, &minimal], &["--require", "ready"]);
    assert_eq!(code, 1, "minimal is not ready");
    assert_eq!(row(&value, "minimal")["gate"], "failed");
    assert!(
        row(&value, "minimal")["gate_reason"]
            .as_str()
            .unwrap()
            .contains("--require ready")
    );
    assert_eq!(row(&value, "complete")["gate"], "passed");
    let (code, _) = json(&[&complete, &minimal], &["--require", "any"]);
    assert_eq!(code, 0);
    let (code, _) = json(&[&complete, &minimal], &["--fail-under", "50"]);
    assert_eq!(code, 1, "minimal scores under 50");
    // Invalid evidence fails whatever --require says.
    let (code, _) = json(
        &[&complete, &caseload().join("invalid-schema")],
        &["--require", "any"],
    );
    assert_eq!(code, 1);
}

#[test]
fn the_fixture_packs_walk_as_a_caseload_without_crashing() {
    let packs = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/packs");
    let (code, value) = json(&[&packs], &[]);
    assert_eq!(code, 2, "defect-no-pack cannot be assessed");
    let listed = folders(&value);
    let mut expected: Vec<String> = std::fs::read_dir(&packs)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    expected.sort();
    assert_eq!(listed, expected);
    assert_eq!(row(&value, "complete")["verdict"], "ready");
    for defect in listed.iter().filter(|n| n.starts_with("defect-")) {
        let r = row(&value, defect);
        assert!(
            r["evidence_valid"] == false || r["problem"].is_string(),
            "{defect} is flagged: {r}"
        );
    }
}

#[test]
fn same_named_packs_in_two_caseloads_get_distinct_reports() {
    let root = tempfile::tempdir().unwrap();
    for side in ["a", "b"] {
        copy(&pack("minimal"), &root.path().join(side).join("trust"));
    }
    let reports = root.path().join("out/reports");
    let (_, value) = json(
        &[&root.path().join("a"), &root.path().join("b")],
        &["--reports", reports.to_str().unwrap()],
    );
    let links: Vec<&str> = value["packs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["report"].as_str().unwrap())
        .collect();
    assert_eq!(links.len(), 2);
    assert_ne!(links[0], links[1]);
    assert!(reports.join("trust.html").exists() && reports.join("trust-2.html").exists());
}
