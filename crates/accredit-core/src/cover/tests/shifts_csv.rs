//! Scenarios for rotas whose shifts come from a CSV.

use serde_json::json;

use super::*;

/// A rota whose shifts are in `shifts.csv`, plus `extra` fields.
fn csv_rota(extra: serde_json::Value) -> Rota {
    let mut value = json!({
        "period": {"from": "2008-01-01", "to": "2008-12-31"},
        "shifts": "shifts.csv",
        "bank_holidays": {"as": "normal"},
    });
    if let (Some(fields), serde_json::Value::Object(extra)) = (value.as_object_mut(), extra) {
        fields.extend(extra);
    }
    rota(value)
}

/// Analyses `csv` as the shifts of `rota` over `days` from `first_day`.
fn analyse_csv(
    rota: &Rota,
    csv: &str,
    first_day: &str,
    days: u32,
) -> Result<CoverAnalysis, Vec<crate::finding::Finding>> {
    analyse_cover_with_shifts(&input(rota, first_day, days), "shifts.csv", csv.as_bytes())
        .map(checked)
}

#[test]
fn rows_in_either_time_form_with_columns_in_any_order() {
    let csv = "role,end,staff_id,start,notes\n\
               first-line,2008-10-26 08:00,A,2008-10-25 20:00,night\n\
               first-line,2008-10-26T20:00:00Z,B,2008-10-26T08:00:00+00:00,day\n";
    let analysis = analyse_csv(&csv_rota(json!({})), csv, "2008-10-25", 2).unwrap();
    assert_eq!(
        gap_shapes(&analysis.gaps),
        [
            (
                "2008-10-25T00:00+01:00".into(),
                "2008-10-25T20:00+01:00".into(),
                1200,
                0
            ),
            (
                "2008-10-26T20:00+00:00".into(),
                "2008-10-27T00:00+00:00".into(),
                240,
                0
            ),
        ]
    );
    assert!(
        analysis
            .gaps
            .iter()
            .all(|g| place(&g.finding) == "rota.yaml#/shifts")
    );
    // The night from 20:00 BST to 08:00 GMT is 13 real hours.
    assert_eq!(analysis.staffed_minutes, 13 * 60 + 12 * 60);
    assert!(analysis.findings.is_empty(), "{:?}", analysis.findings);
}

#[test]
fn bad_rows_are_findings_with_their_line_and_are_skipped() {
    let csv = "staff_id,start,end,role,on_call\n\
               A,2008-07-07 08:00,2008-07-07 20:00,first-line,false\n\
               B,2008-07-07 8am,2008-07-07 20:00,first-line,false\n\
               C,2008-07-07 20:00,2008-07-07 08:00,first-line,\n\
               D,2008-07-07 08:00\n\
               ,2008-07-07 08:00,2008-07-07 20:00,first-line,\n\
               E,2008-07-07 08:00,2008-07-07 20:00,manager,maybe\n\
               F,2008-07-07 20:00,2008-07-08 00:00,first-line,\n";
    let analysis = analyse_csv(&csv_rota(json!({})), csv, "2008-07-07", 1).unwrap();
    let found: Vec<(&str, Option<u32>)> = analysis
        .findings
        .iter()
        .map(|f| (f.code.name(), f.location.as_ref().and_then(|l| l.line())))
        .collect();
    assert_eq!(
        found,
        [
            ("shift-bad-time", Some(3)),
            ("shift-ends-before-start", Some(4)),
            ("shift-ragged-row", Some(5)),
            ("shift-bad-row", Some(6)),
            ("shift-bad-row", Some(7)),
        ]
    );
    assert!(
        analysis.findings[0]
            .message
            .contains("`2008-07-07 8am` in column `start`")
    );
    assert!(analysis.findings.iter().all(|f| place(f) == "shifts.csv"));
    assert_eq!(
        gap_shapes(&analysis.gaps),
        [(
            "2008-07-07T00:00+01:00".into(),
            "2008-07-07T08:00+01:00".into(),
            480,
            0
        )]
    );
}

#[test]
fn only_the_first_twenty_bad_rows_are_listed() {
    let mut csv = String::from("staff_id,start,end,role\n");
    for _ in 0..25 {
        csv.push_str("A,yesterday,today,first-line\n");
    }
    let analysis = analyse_csv(&csv_rota(json!({})), &csv, "2008-07-07", 1).unwrap();
    assert_eq!(analysis.findings.len(), MAX_ROW_FINDINGS + 1);
    let last = &analysis.findings[MAX_ROW_FINDINGS];
    assert_eq!(last.code, "shifts-more-bad-rows");
    assert_eq!(
        last.message,
        "5 more rows of shifts.csv have problems (not listed)"
    );
}

#[test]
fn a_missing_column_stops_the_analysis_naming_file_and_column() {
    let findings = analyse_csv(
        &csv_rota(json!({})),
        "staff_id,start,notes\nA,x,y\n",
        "2008-07-07",
        1,
    )
    .unwrap_err();
    assert_eq!(
        codes(&findings),
        ["shifts-missing-column", "shifts-missing-column"]
    );
    assert_eq!(
        findings[0].message,
        "the shifts file shifts.csv has no `end` column"
    );
    assert_eq!(
        findings[1].message,
        "the shifts file shifts.csv has no `role` column"
    );
}

/// A header row over 10,000 columns or 1 MiB stops the analysis at its
/// line, before it is held whole; a wide but sane one is read.
#[test]
fn a_header_row_too_wide_or_too_long_stops_the_analysis_at_its_line() {
    let rota = csv_rota(json!({}));
    let wide = format!("\nstaff_id,start,end,role{}\n", ",x".repeat(10_000));
    let long = format!("staff_id start end role {}\n", "x".repeat(2 << 20));
    for (csv, line, says) in [(wide, 2, "10000 columns"), (long, 1, "longer than 1 MiB")] {
        let findings = analyse_csv(&rota, &csv, "2008-07-07", 1).unwrap_err();
        assert_eq!(codes(&findings), ["shifts-unreadable"]);
        assert_eq!(
            findings[0].location,
            Some(crate::location::Location::at("shifts.csv", line, 1))
        );
        assert!(
            findings[0].message.contains(says),
            "{}",
            findings[0].message
        );
    }
    let sane = format!(
        "staff_id,start,end,role{}\nA,2008-07-07 00:00,2008-07-07 14:00,first-line{}\n",
        ",x".repeat(9_990),
        ",".repeat(9_990)
    );
    let analysis = analyse_csv(&rota, &sane, "2008-07-07", 1).unwrap();
    assert!(
        analysis
            .findings
            .iter()
            .all(|f| f.code != "shift-ragged-row")
    );
}

#[test]
fn one_person_on_overlapping_rows_counts_once() {
    let csv = "staff_id,start,end,role\n\
               A,2008-07-07 00:00,2008-07-07 14:00,first-line\n\
               A,2008-07-07 12:00,2008-07-08 00:00,first-line\n\
               B,2008-07-07 12:00,2008-07-07 13:00,first-line\n";
    let analysis = analyse_csv(&csv_rota(json!({})), csv, "2008-07-07", 1).unwrap();
    assert!(analysis.gaps.is_empty());
    assert_eq!(analysis.paired_minutes, 60);
    assert_eq!(codes(&analysis.findings), ["shift-overlap"]);
    assert_eq!(
        analysis.findings[0]
            .location
            .as_ref()
            .and_then(|l| l.line()),
        Some(3)
    );
}

#[test]
fn exceptions_and_bank_holiday_rules_do_not_change_listed_shifts() {
    let rota = csv_rota(
        json!({"bank_holidays": null, "exceptions": [{"date": "2008-12-25", "closed": true}]}),
    );
    let csv = "staff_id,start,end,role\nA,2008-12-25 00:00,2008-12-26 00:00,first-line\n";
    let analysis = analyse_csv(&rota, csv, "2008-12-25", 1).unwrap();
    assert!(analysis.gaps.is_empty());
    assert_eq!(codes(&analysis.findings), ["rota-exception-ignored"]);
    assert_eq!(place(&analysis.findings[0]), "rota.yaml#/exceptions/0");
}

#[test]
fn on_call_rows_count_only_as_on_call_cover() {
    let csv = "staff_id,start,end,role,on_call\n\
               A,2008-07-07 00:00,2008-07-08 00:00,first-line,no\n\
               M,2008-07-07 00:00,2008-07-07 08:00,manager,yes\n\
               M,2008-07-07 18:00,2008-07-08 00:00,manager,TRUE\n";
    let analysis = analyse_csv(&csv_rota(json!({})), csv, "2008-07-07", 1).unwrap();
    assert!(analysis.gaps.is_empty() && analysis.on_call_gaps.is_empty());
    assert_eq!(analysis.paired_minutes, 0);
}

#[test]
fn the_synthetic_rota_is_clean_and_staffed() {
    let csv = synthetic_shifts_csv(62, 35);
    assert!(
        csv.lines().count() > 62 * 35,
        "about 1.1 rows per person-day"
    );
    let rota = synthetic_rota(35);
    // From the second day: the first day's early hours follow no night shift.
    let analysis = analyse_csv(&rota, &csv, "2008-01-08", 28).unwrap();
    assert!(
        analysis.findings.is_empty(),
        "{:?}",
        &analysis.findings[..3.min(analysis.findings.len())]
    );
    assert!(analysis.gaps.is_empty() && analysis.on_call_gaps.is_empty());
    assert!(analysis.paired_share > 0.99);
}

#[test]
fn a_byte_order_mark_and_header_case_are_ignored() {
    let csv = "\u{feff}Staff_ID,Start,End,Role\nA,2008-07-07 00:00,2008-07-08 00:00,first-line\n";
    let analysis = analyse_csv(&csv_rota(json!({})), csv, "2008-07-07", 1).unwrap();
    assert!(analysis.gaps.is_empty() && analysis.findings.is_empty());
}
