//! The HTML report, checked structurally: the output is parsed with
//! `scraper` and asserted on elements, never on substrings.

use accredit_core::assess::{
    Applicant, Assessment, AssessorJudgement, CoverGap, CoverSummary, DomainScore, FindingOut,
    HeatmapSlot, OverrideState, OverrideStatus, RESULT_FORMAT, RequirementResult, RulesetInfo,
    Score, Status, Tool, Verdict, WaiverResult, WaiverStatus,
};
use accredit_core::diagnostic::{Code, Diagnostic};
use accredit_core::evidence::{FileRole, PackFile};
use accredit_core::location::Location;
use accredit_core::model::Kind;
use jiff::civil::date;
use scraper::{ElementRef, Html, Selector};

use super::view::FINDINGS_SHOWN;

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// The sections of the report, in the order the spec gives.
const SECTION_ORDER: [&str; 7] = [
    "summary",
    "domains",
    "fix-first",
    "cover",
    "requirements",
    "waivers",
    "evidence",
];

fn select<'a>(html: &'a Html, selector: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(selector).unwrap_or_else(|e| panic!("{selector}: {e:?}"));
    html.select(&selector).collect()
}

fn select_in<'a>(element: ElementRef<'a>, selector: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(selector).unwrap_or_else(|e| panic!("{selector}: {e:?}"));
    element.select(&selector).collect()
}

fn text(element: ElementRef<'_>) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn requirement(
    id: &str,
    domain: &str,
    mandatory: bool,
    result: Status,
    credit: f64,
    points: f64,
) -> RequirementResult {
    RequirementResult {
        id: id.to_string(),
        domain: domain.to_string(),
        title: format!("Requirement {id}"),
        mandatory,
        weight: 1.0,
        result,
        credit,
        points_at_stake: points,
        measured: None,
        findings: Vec::new(),
        description: format!("What *{id}* asks for."),
        remediation: format!("Fix `{id}` by adding **evidence**."),
        waived_by: None,
        assessor: None,
        check: "",
    }
}

fn finding(message: &str, file: Option<&str>, line: Option<u32>) -> FindingOut {
    FindingOut {
        code: "test-finding",
        message: message.to_string(),
        file: file.map(str::to_string),
        line,
        column: line.map(|_| 1),
    }
}

fn file(path: &str, role: FileRole, n: usize) -> PackFile {
    PackFile {
        path: path.to_string(),
        role,
        bytes: 1000 + n as u64,
        sha256: format!("{n:064x}"),
        valid: true,
    }
}

/// 168 slots, all staffed by `staffed`, except Saturday 08:00–10:00 at 0 and
/// the last Sunday hour, which the window never reaches.
fn heatmap(staffed: u32) -> Vec<HeatmapSlot> {
    (0..168)
        .map(|n| {
            let day = DAYS[n / 24];
            let hour = (n % 24) as u8;
            let gap = day == "Sat" && (8..10).contains(&hour);
            let unseen = day == "Sun" && hour == 23;
            HeatmapSlot {
                day,
                hour,
                lowest: if gap {
                    0
                } else {
                    staffed + u32::from(hour % 3 == 0)
                },
                typical: staffed + 1,
                occurrences: if unseen { 0 } else { 12 },
            }
        })
        .collect()
}

/// A hand-made assessment: not ready, three gaps (one with more findings than
/// are shown), a waiver, a cover analysis with two gap hours, four files.
fn assessment() -> Assessment {
    let mut cov01 = requirement("COV-01", "COV", true, Status::Fail, 0.0, 31.25);
    cov01.findings = vec![
        finding(
            "no fax channel is declared",
            Some("service-desk.yaml"),
            Some(3),
        ),
        finding("the pack has no Rota document", None, None),
    ];
    let mut cov02 = requirement("COV-02", "COV", true, Status::Partial, 0.5, 12.5);
    cov02.findings = (0..FINDINGS_SHOWN + 3)
        .map(|n| {
            finding(
                &format!("gap {n} in cover"),
                Some("rota.yaml"),
                Some(10 + n as u32),
            )
        })
        .collect();
    let mut tool03 = requirement("TOOL-03", "TOOL", false, Status::Missing, 0.0, 5.36);
    tool03.findings = vec![finding("no tool", Some("service-desk.yaml"), Some(1))];
    let mut org02 = requirement("ORG-02", "ORG", false, Status::Waived, 0.0, 0.0);
    org02.waived_by = Some("waivers/org-02.yaml".to_string());
    let requirements = vec![
        cov01,
        cov02,
        requirement("TOOL-01", "TOOL", true, Status::Pass, 1.0, 0.0),
        tool03,
        requirement("ORG-01", "ORG", true, Status::Pass, 1.0, 0.0),
        org02,
        requirement("ORG-03", "ORG", false, Status::NotApplicable, 0.0, 0.0),
    ];
    let domain = |id: &str, title: &str, score: Option<f64>, mm: usize, mt: usize| DomainScore {
        id: id.to_string(),
        title: title.to_string(),
        weight: 20.0,
        score,
        passed: 1,
        counted: 2,
        mandatory_met: mm,
        mandatory_total: mt,
    };
    Assessment {
        format: RESULT_FORMAT,
        tool: Tool {
            name: "accredit",
            version: "0.1.0",
        },
        ruleset: RulesetInfo {
            id: "lsd-accreditation".to_string(),
            version: "1.0.0".to_string(),
            title: "Local Service Desk accreditation".to_string(),
            sha256: "ab".repeat(32),
        },
        as_of: date(2008, 9, 1),
        applicant: Applicant {
            organisation: "Harbourne Valley Hospitals NHS Trust".to_string(),
            ods_code: Some("RZZ".to_string()),
            service_desk: "Harbourne Valley IT Service Desk".to_string(),
            lsp: "BT Health".to_string(),
            applications: vec!["choose-and-book".to_string(), "pacs".to_string()],
            assessment_start: date(2008, 10, 6),
            assessment_end: date(2008, 12, 28),
            days_to_start: 35,
        },
        verdict: Verdict::NotReady,
        score: Score {
            overall: 51.25,
            ready_threshold: 85.0,
            passed: 2,
            counted: 5,
            mandatory_met: 2,
            mandatory_total: 4,
            domains: vec![
                domain("COV", "24/7/365 cover", Some(25.0), 0, 2),
                domain("ESC", "Escalation", None, 0, 0),
                domain("TOOL", "Desk system and reporting", Some(75.0), 1, 1),
                domain("ORG", "Applicant", Some(100.0), 1, 1),
            ],
        },
        requirements,
        gaps: vec![
            "COV-01".to_string(),
            "COV-02".to_string(),
            "TOOL-03".to_string(),
        ],
        waivers: vec![
            WaiverResult {
                requirement: "ORG-02".to_string(),
                status: WaiverStatus::Active,
                message: "applied".to_string(),
                justification: "Customers are listed in the SLA instead.".to_string(),
                approved_by: "Dr Alan Pryce, Director of IM&T".to_string(),
                expires: date(2009, 6, 30),
                file: "waivers/org-02.yaml".to_string(),
                line: Some(3),
            },
            WaiverResult {
                requirement: "SCN-09".to_string(),
                status: WaiverStatus::UnknownRequirement,
                message: "SCN-09 is not a requirement".to_string(),
                justification: "Old.".to_string(),
                approved_by: "Someone".to_string(),
                expires: date(2008, 1, 1),
                file: "waivers/org-02.yaml".to_string(),
                line: None,
            },
        ],
        cover: Some(CoverSummary {
            rota: "rota.yaml".to_string(),
            timezone: "Europe/London".to_string(),
            min_staff: 2,
            pair_staff: 2,
            window_minutes: 84 * 24 * 60 + 60,
            gap_minutes: 150,
            paired_share: 0.9876,
            gaps: vec![
                CoverGap {
                    start: "2008-10-25T08:00:00+01:00".to_string(),
                    end: "2008-10-25T09:30:00+01:00".to_string(),
                    minutes: 90,
                    staff: 0,
                },
                CoverGap {
                    start: "2008-11-01T08:00:00+00:00".to_string(),
                    end: "2008-11-01T09:00:00+00:00".to_string(),
                    minutes: 60,
                    staff: 1,
                },
            ],
            heatmap: heatmap(2),
        }),
        overrides: Vec::new(),
        evidence: accredit_core::assess::EvidenceValidity {
            valid: true,
            invalid_files: 0,
            errors: 0,
        },
        files: vec![
            file("pack.yaml", FileRole::Evidence(Kind::Pack), 1),
            file("rota.yaml", FileRole::Evidence(Kind::Rota), 2),
            file(
                "service-desk.yaml",
                FileRole::Evidence(Kind::ServiceDesk),
                3,
            ),
            file("samples/report.pdf", FileRole::Attachment, 4),
            file("waivers/org-02.yaml", FileRole::Evidence(Kind::Waiver), 5),
        ],
        diagnostics: vec![Diagnostic::warning(
            Code::BrokenLink,
            "a link does not resolve",
            Some(Location::at("rota.yaml", 4, 2)),
        )],
    }
}

fn render(a: &Assessment) -> Html {
    let html = super::try_render(a).unwrap_or_else(|e| panic!("{e:#}"));
    Html::parse_document(&html)
}

#[test]
fn sections_come_in_the_spec_order() {
    let html = render(&assessment());
    let ids: Vec<&str> = select(&html, "main > section[id]")
        .into_iter()
        .filter_map(|s| s.value().attr("id"))
        .filter(|id| SECTION_ORDER.contains(id))
        .collect();
    assert_eq!(ids, SECTION_ORDER);
}

#[test]
fn the_page_is_english_titled_and_headings_do_not_skip_levels() {
    let html = render(&assessment());
    let root = select(&html, "html")[0];
    assert_eq!(root.value().attr("lang"), Some("en-GB"));
    assert_eq!(select(&html, "h1").len(), 1);
    let levels: Vec<u8> = select(&html, "h1, h2, h3, h4")
        .into_iter()
        .map(|h| h.value().name()[1..].parse().unwrap())
        .collect();
    assert_eq!(levels[0], 1);
    for pair in levels.windows(2) {
        assert!(pair[1] <= pair[0] + 1, "heading levels {levels:?}");
    }
}

#[test]
fn the_header_names_the_applicant_ruleset_dates_and_verdict() {
    let html = render(&assessment());
    let summary = select(&html, "section#summary")[0];
    assert_eq!(
        text(select_in(summary, "h1")[0]),
        "Harbourne Valley Hospitals NHS Trust (RZZ)"
    );
    let facts: Vec<(String, String)> = select_in(summary, "dl.facts dt")
        .into_iter()
        .zip(select_in(summary, "dl.facts dd"))
        .map(|(dt, dd)| (text(dt), text(dd)))
        .collect();
    let fact = |name: &str| {
        facts
            .iter()
            .find(|(dt, _)| dt == name)
            .map(|(_, dd)| dd.as_str())
            .unwrap_or_else(|| panic!("no {name} in {facts:?}"))
    };
    assert_eq!(fact("Service desk"), "Harbourne Valley IT Service Desk");
    assert_eq!(fact("Local Service Provider"), "BT Health");
    assert_eq!(
        fact("Ruleset"),
        "Local Service Desk accreditation: lsd-accreditation version 1.0.0"
    );
    assert_eq!(fact("Run date (as of)"), "1 September 2008");
    assert_eq!(fact("Assessment starts"), "6 October 2008: 35 days to go");
    assert_eq!(text(select(&html, "#verdict")[0]), "✗ NOT READY");
    assert_eq!(text(select(&html, "#overall-score")[0]), "51.2%");
}

#[test]
fn the_verdict_badge_has_a_word_and_a_symbol_for_each_verdict() {
    for (verdict, badge) in [
        (Verdict::Ready, "✓ READY"),
        (Verdict::Approaching, "◐ APPROACHING"),
        (Verdict::NotReady, "✗ NOT READY"),
    ] {
        let mut a = assessment();
        a.verdict = verdict;
        let html = render(&a);
        assert_eq!(text(select(&html, "#verdict")[0]), badge);
    }
}

#[test]
fn domain_scores_have_an_accessible_chart_and_a_table() {
    let html = render(&assessment());
    let svg = select(&html, "section#domains svg")[0];
    assert_eq!(svg.value().attr("role"), Some("img"));
    let label = svg.value().attr("aria-label").unwrap();
    assert!(label.starts_with("Domain scores out of 100%"), "{label}");
    assert_eq!(select_in(svg, "title").len(), 1);
    assert_eq!(select_in(svg, "rect.bar").len(), 3, "ESC is not scored");
    let rows = select(&html, "section#domains table tbody tr");
    assert_eq!(rows.len(), 4);
    let cov: Vec<String> = select_in(rows[0], "th, td").into_iter().map(text).collect();
    assert_eq!(
        cov,
        [
            "COV 24/7/365 cover",
            "20",
            "25.0%",
            "1 of 2",
            "✗ not all met (0 of 2)"
        ]
    );
    assert_eq!(select(&html, "section#domains table caption").len(), 1);
}

#[test]
fn fix_first_lists_every_gap_in_order_with_findings_and_remediation() {
    let a = assessment();
    let html = render(&a);
    let gaps = select(&html, "section#fix-first li.gap");
    assert_eq!(gaps.len(), a.gaps.len());
    let ids: Vec<String> = gaps
        .iter()
        .map(|g| text(select_in(*g, "h3 .req-id")[0]))
        .collect();
    assert_eq!(ids, a.gaps);
    let first = gaps[0];
    assert_eq!(
        text(select_in(first, ".points")[0]),
        "+31.2 points at stake"
    );
    let findings: Vec<Vec<String>> = select_in(first, "tr.finding")
        .into_iter()
        .map(|row| select_in(row, "td").into_iter().map(text).collect())
        .collect();
    assert_eq!(
        findings,
        [
            [
                "no fax channel is declared test-finding",
                "service-desk.yaml:3"
            ],
            [
                "the pack has no Rota document test-finding",
                "the pack as a whole"
            ]
        ]
    );
    let link = select_in(first, "a.location")[0];
    assert_eq!(link.value().attr("href"), Some("#file-3"));
    assert_eq!(select(&html, "tr#file-3 code.path").len(), 1);
    let remediation = select_in(first, ".remediation")[0];
    assert_eq!(text(select_in(remediation, "code")[0]), "COV-01");
    assert_eq!(text(select_in(remediation, "strong")[0]), "evidence");
    let description = select_in(first, ".requirement-text")[0];
    assert_eq!(text(description), "What is required What COV-01 asks for.");
    assert_eq!(text(select_in(description, "em")[0]), "COV-01");
    // COV-02 has more findings than are shown.
    assert_eq!(select_in(gaps[1], "tr.finding").len(), FINDINGS_SHOWN);
    assert_eq!(
        text(select_in(gaps[1], "p.more")[0]),
        "… and 3 more findings; accredit score --format json lists them all."
    );
}

#[test]
fn no_gaps_says_so() {
    let mut a = assessment();
    a.gaps.clear();
    let html = render(&a);
    assert_eq!(select(&html, "section#fix-first li.gap").len(), 0);
    assert_eq!(select(&html, "section#fix-first .all-clear").len(), 1);
}

#[test]
fn the_heatmap_has_168_numbered_cells_and_marks_gaps() {
    let html = render(&assessment());
    let svg = select(&html, "section#cover svg#heatmap")[0];
    let cells = select_in(svg, "g.slot");
    assert_eq!(cells.len(), 168);
    for cell in &cells {
        assert_eq!(select_in(*cell, "rect.cell").len(), 1);
        assert_eq!(select_in(*cell, "title").len(), 1);
        assert!(!text(select_in(*cell, "text.slot-value")[0]).is_empty());
    }
    let gaps = select_in(svg, "g.slot.gap");
    assert_eq!(gaps.len(), 2, "Saturday 08:00 and 09:00");
    for gap in &gaps {
        let rect = select_in(*gap, "rect.cell")[0];
        assert_eq!(rect.value().attr("fill"), Some("url(#hatch)"));
        assert_eq!(text(select_in(*gap, "text.gap-mark")[0]), "✕");
        assert_eq!(text(select_in(*gap, "text.slot-value")[0]), "0");
        assert!(text(select_in(*gap, "title")[0]).starts_with("Saturday 0"));
    }
    assert_eq!(select_in(svg, "pattern#hatch").len(), 1);
    assert_eq!(select_in(svg, "g.slot.unseen").len(), 1);
    assert_eq!(select_in(svg, "text.gap-mark").len(), 2);
    let label = svg.value().attr("aria-label").unwrap();
    assert!(label.contains("Sat 08:00, Sat 09:00"), "{label}");
}

#[test]
fn cover_gaps_are_listed_in_local_time_with_offsets() {
    let html = render(&assessment());
    let rows: Vec<Vec<String>> = select(&html, "section#cover tr.cover-gap")
        .into_iter()
        .map(|r| select_in(r, "th, td").into_iter().map(text).collect())
        .collect();
    assert_eq!(
        rows,
        [
            [
                "1",
                "2008-10-25 08:00 +01:00",
                "2008-10-25 09:30 +01:00",
                "90",
                "1 h 30 min",
                "0"
            ],
            [
                "2",
                "2008-11-01 08:00 +00:00",
                "2008-11-01 09:00 +00:00",
                "60",
                "1 h",
                "1"
            ]
        ]
    );
    let time = select(&html, "section#cover tr.cover-gap time")[0];
    assert_eq!(
        time.value().attr("datetime"),
        Some("2008-10-25T08:00:00+01:00")
    );
}

#[test]
fn without_a_cover_analysis_the_report_says_the_rota_could_not_be_analysed() {
    let mut a = assessment();
    a.cover = None;
    let html = render(&a);
    assert_eq!(select(&html, "section#cover svg").len(), 0);
    let notice = text(select(&html, "section#cover p.notice")[0]);
    assert!(
        notice.starts_with("? The rota could not be analysed"),
        "{notice}"
    );
}

#[test]
fn requirements_show_result_word_and_symbol_credit_and_evidence() {
    let a = assessment();
    let html = render(&a);
    let rows = select(&html, "section#requirements tr.requirement");
    assert_eq!(rows.len(), a.requirements.len());
    let results: Vec<(String, String)> = rows
        .iter()
        .map(|r| {
            (
                r.value().attr("id").unwrap().to_string(),
                text(select_in(*r, ".status")[0]),
            )
        })
        .collect();
    assert_eq!(
        results,
        [
            // Mandatory gaps read "not met", whatever their partial credit.
            ("req-COV-01", "✗ not met"),
            ("req-COV-02", "✗ not met"),
            ("req-TOOL-01", "✓ pass"),
            ("req-TOOL-03", "? missing"),
            ("req-ORG-01", "✓ pass"),
            ("req-ORG-02", "⊘ waived"),
            ("req-ORG-03", "– not applicable"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    let cov02 = rows[1];
    assert_eq!(text(select_in(cov02, "td.num")[0]), "50%");
    // 28 findings in one file: each line once, the first 8 shown.
    assert_eq!(select_in(cov02, "a.location").len(), 8);
    assert_eq!(text(select_in(cov02, ".more")[0]), "and 20 more");
    let org02 = rows[5];
    let waiver = select_in(org02, "a.location")[0];
    assert_eq!(text(waiver), "waivers/org-02.yaml:3");
    assert_eq!(waiver.value().attr("href"), Some("#file-5"));
    assert_eq!(
        select(&html, "section#requirements h3")
            .into_iter()
            .map(text)
            .collect::<Vec<_>>(),
        [
            "COV 24/7/365 cover 25.0%",
            "TOOL Desk system and reporting 75.0%",
            "ORG Applicant 100.0%"
        ]
    );
}

#[test]
fn waivers_are_listed_and_overrides_only_when_present() {
    let html = render(&assessment());
    let rows = select(&html, "section#waivers tr.waiver");
    assert_eq!(rows.len(), 2);
    let cells: Vec<String> = select_in(rows[0], "th, td").into_iter().map(text).collect();
    assert_eq!(
        cells,
        [
            "ORG-02 waivers/org-02.yaml:3",
            "✓ active applied",
            "Customers are listed in the SLA instead.",
            "Dr Alan Pryce, Director of IM&T",
            "30 June 2009"
        ]
    );
    assert_eq!(
        text(select_in(rows[1], ".status")[0]),
        "? unknown requirement"
    );
    assert_eq!(select(&html, "section#waivers table.overrides").len(), 0);
    assert_eq!(select(&html, "section#waivers h3").len(), 0);
}

#[test]
fn assessor_overrides_show_both_results_and_the_files_not_applied() {
    let mut a = assessment();
    let tool01 = a
        .requirements
        .iter_mut()
        .find(|r| r.id == "TOOL-01")
        .unwrap();
    tool01.assessor = Some(AssessorJudgement {
        result: Status::Pass,
        credit: 1.0,
        automated_result: Status::Fail,
        automated_credit: 0.0,
        assessor: "J. Assessor, NHS CFH".to_string(),
        date: date(2008, 9, 15),
        remark: "Seen working on site.".to_string(),
        file: "tool-01.yaml".to_string(),
    });
    a.overrides = vec![OverrideStatus {
        requirement: "XYZ-01".to_string(),
        status: OverrideState::UnknownRequirement,
        message: "XYZ-01 is not a requirement of the ruleset; ignored".to_string(),
        file: "xyz.yaml".to_string(),
    }];
    let html = render(&a);
    let rows = select(&html, "section#waivers tr.override");
    assert_eq!(rows.len(), 1);
    let cells: Vec<String> = select_in(rows[0], "th, td").into_iter().map(text).collect();
    assert_eq!(
        cells,
        [
            "TOOL-01 tool-01.yaml",
            "✗ fail",
            "✓ pass",
            "0% → 100%",
            "J. Assessor, NHS CFH",
            "15 September 2008",
            "Seen working on site."
        ]
    );
    let not_applied = select(&html, "section#waivers tr.override-not-applied");
    assert_eq!(not_applied.len(), 1);
    assert_eq!(
        text(select_in(not_applied[0], ".status")[0]),
        "? unknown requirement"
    );
    let row = select(&html, "tr#req-TOOL-01")[0];
    assert_eq!(
        text(select_in(row, ".status-note")[0]),
        "assessor's result; the tool found ✗ fail"
    );
}

#[test]
fn the_evidence_index_has_one_row_per_file_with_its_sha256() {
    let a = assessment();
    let html = render(&a);
    let rows = select(&html, "section#evidence table.files tbody tr");
    assert_eq!(rows.len(), a.files.len());
    for (row, file) in rows.iter().zip(&a.files) {
        assert_eq!(text(select_in(*row, "code.path")[0]), file.path);
        assert_eq!(text(select_in(*row, "code.hash")[0]), file.sha256);
    }
    assert_eq!(text(select_in(rows[1], ".status")[0]), "✓ valid");
    assert_eq!(text(select_in(rows[1], ".count")[0]), "(1 problem)");
    assert_eq!(select(&html, "section#evidence tr.diagnostic").len(), 1);
}

#[test]
fn tables_have_captions_and_scoped_headers() {
    let html = render(&assessment());
    for table in select(&html, "table") {
        assert_eq!(select_in(table, "caption").len(), 1);
        for th in select_in(table, "th") {
            assert!(
                matches!(th.value().attr("scope"), Some("col" | "row")),
                "{}",
                th.html()
            );
        }
    }
}

#[test]
fn the_page_is_self_contained_with_no_script_and_a_strict_policy() {
    let html = render(&assessment());
    assert_eq!(select(&html, "script").len(), 0);
    let csp = select(&html, "head meta[http-equiv=\"Content-Security-Policy\"]");
    assert_eq!(csp.len(), 1);
    assert_eq!(
        csp[0].value().attr("content"),
        Some(
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
        )
    );
    // Nothing that loads: no external style sheet, image, frame, object or font.
    assert_eq!(
        select(
            &html,
            "link, img, iframe, object, embed, video, audio, source, base, form"
        )
        .len(),
        0
    );
    assert_eq!(select(&html, "[src], [srcset]").len(), 0);
    // Every link stays in the page.
    for a in select(&html, "[href]") {
        let href = a.value().attr("href").unwrap();
        assert!(href.starts_with('#'), "{href}");
    }
}

#[test]
fn the_report_is_byte_identical_for_the_same_assessment() {
    let a = assessment();
    assert_eq!(super::render(&a), super::render(&a));
}

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "<img src=x onerror=alert(1)>";
const LINK: &str = "[click](javascript:alert(1))";
const TEMPLATE: &str = "{{ 7*7 }}";

fn hostile() -> Assessment {
    let payload = format!("{SCRIPT} {IMG} {LINK} {TEMPLATE}");
    let mut a = assessment();
    a.applicant.organisation = format!("Trust {payload}");
    a.applicant.service_desk = format!("Desk {payload}");
    a.applicant.lsp = format!("LSP {payload}");
    a.ruleset.title = format!("Ruleset {payload}");
    for r in &mut a.requirements {
        r.title = format!("Title {payload}");
        r.remediation = format!("Remediation {payload}\n\n<script>alert(2)</script>\n\n{IMG}");
        for f in &mut r.findings {
            f.message = format!("Finding {payload}");
            f.file = Some(format!("\"><script>alert(3)</script>{TEMPLATE}.yaml"));
        }
    }
    for w in &mut a.waivers {
        w.justification = format!("Because {payload}");
        w.approved_by = format!("Approver {payload}");
    }
    a.files[0].path = format!("{IMG}{TEMPLATE}.md");
    a
}

#[test]
fn trust_text_is_escaped_and_markdown_is_neutralised() {
    let html = render(&hostile());
    assert_eq!(select(&html, "script").len(), 0);
    assert_eq!(select(&html, "img").len(), 0);
    assert_eq!(select(&html, "[onerror]").len(), 0);
    for element in select(&html, "*") {
        for (name, value) in element.value().attrs() {
            assert!(!name.starts_with("on"), "{}", element.html());
            assert!(
                !value.trim().to_ascii_lowercase().starts_with("javascript:"),
                "{}",
                element.html()
            );
        }
    }
    let payload = format!("{SCRIPT} {IMG} {LINK} {TEMPLATE}");
    // The text arrives intact, as text, template syntax not evaluated.
    assert_eq!(
        text(select(&html, "h1")[0]),
        format!("Trust {payload} (RZZ)")
    );
    assert_eq!(
        text(select(&html, "title")[0]),
        format!("LSD accreditation gap report — Trust {payload}")
    );
    let finding = select(&html, "tr.finding td")[0];
    assert_eq!(text(finding), format!("Finding {payload} test-finding"));
    // Remediation is Markdown: raw HTML shows as text, the javascript: link is no link.
    let remediation = select(&html, "li.gap .remediation")[0];
    assert_eq!(
        text(remediation),
        format!(
            "How to fix Remediation {SCRIPT} {IMG} click {TEMPLATE} <script>alert(2)</script> {IMG}"
        )
    );
    for a in select_in(remediation, "a") {
        assert_eq!(a.value().attr("href"), None, "{}", a.html());
    }
    let all_text: String = select(&html, "body")[0].text().collect();
    assert!(!all_text.contains("49"), "{{ 7*7 }} was evaluated");
    assert_eq!(
        text(select(&html, "section#evidence code.path")[0]),
        format!("{IMG}{TEMPLATE}.md")
    );
}

#[test]
fn a_real_pack_renders() {
    let root =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/packs/complete");
    let ruleset = accredit_core::ruleset::Ruleset::builtin();
    let options = accredit_core::load::LoadOptions {
        known_applications: ruleset.application_ids(),
        ..accredit_core::load::LoadOptions::default()
    };
    let evidence = accredit_core::load::load_pack(&root, &options).unwrap();
    let mut a = accredit_core::assess::assess(&evidence, &ruleset, date(2008, 9, 1)).unwrap();
    let html = render(&a);
    assert_eq!(text(select(&html, "#verdict")[0]), "✓ READY");
    assert_eq!(
        select(&html, "section#evidence table.files tbody tr").len(),
        a.files.len()
    );
    assert_eq!(select(&html, "section#fix-first li.gap").len(), 0);
    a.cover = Some(CoverSummary {
        rota: "rota.yaml".to_string(),
        timezone: "Europe/London".to_string(),
        min_staff: 2,
        pair_staff: 2,
        window_minutes: 120_960,
        gap_minutes: 0,
        paired_share: 1.0,
        gaps: Vec::new(),
        heatmap: heatmap(2),
    });
    let html = render(&a);
    assert_eq!(select(&html, "svg#heatmap g.slot").len(), 168);
}

#[test]
fn a_template_failure_gives_a_safe_page_that_says_so() {
    let error = minijinja::Error::new(
        minijinja::ErrorKind::UndefinedError,
        "<script>alert(1)</script> is undefined",
    );
    let html = Html::parse_document(&super::failure_page(&error));
    assert_eq!(select(&html, "script").len(), 0);
    assert_eq!(
        select(&html, "meta[http-equiv=\"Content-Security-Policy\"]")[0]
            .value()
            .attr("content"),
        Some(super::CONTENT_SECURITY_POLICY)
    );
    assert_eq!(
        text(select(&html, "h1")[0]),
        "The report could not be rendered"
    );
    assert!(text(select(&html, "pre")[0]).contains("<script>alert(1)</script> is undefined"));
}
