//! The incident log: hour-of-week cover, referrals, responses, bad rows.

use super::{codes_of, lines_of, london};
use crate::logs::incidents::{
    IncidentSummary, SLOTS_PER_WEEK, SeverityTargets, analyse_incidents, synthetic_incident_csv,
};
use crate::model::{EscalationPlan, INCIDENT_COLUMNS};

const HEADER: &str = "reference,opened_at,channel,severity,application,status,responded_at,resolved_at,referred_to,external_reference\n";

/// Severity 1: 15 minutes, 2: 30, 3: 60, 4: none, 5: 240.
fn targets() -> SeverityTargets {
    SeverityTargets {
        respond_within_minutes: [Some(15), Some(30), Some(60), None, Some(240)],
    }
}

fn analyse(rows: &str) -> IncidentSummary {
    let csv = format!("{HEADER}{rows}");
    analyse_incidents(csv.as_bytes(), "logs/incidents.csv", &london(), &targets()).unwrap()
}

/// A valid row: reference, opened, severity, responded, referral, external reference.
fn row(
    reference: &str,
    opened: &str,
    severity: u8,
    responded: &str,
    referred: &str,
    external: &str,
) -> String {
    format!(
        "{reference},{opened},phone,{severity},pacs,closed,{responded},,{referred},{external}\n"
    )
}

#[test]
fn the_columns_are_those_of_the_format() {
    let header: Vec<&str> = HEADER.trim_end().split(',').collect();
    assert_eq!(header, INCIDENT_COLUMNS);
}

#[test]
fn a_week_with_an_incident_every_hour_covers_every_slot() {
    // 2008-01-07 is a Monday.
    let mut rows = String::new();
    for hour in 0..SLOTS_PER_WEEK {
        let (day, hour) = (7 + hour / 24, hour % 24);
        rows += &row(
            &format!("I{day}-{hour}"),
            &format!("2008-01-{day:02} {hour:02}:10"),
            3,
            "",
            "none",
            "",
        );
    }
    let summary = analyse(&rows);
    assert_eq!(summary.incidents, 168);
    assert_eq!(summary.hour_of_week.slots_with_incidents, 168);
    assert_eq!(summary.hour_of_week.share, 1.0);
    assert!(summary.hour_of_week.missing.is_empty());
    assert!(summary.hour_of_week.findings.is_empty());
}

#[test]
fn missing_slots_are_named_in_local_time() {
    // 2008-07-13 is a Sunday in summer time: 02:30Z is 03:30 BST.
    let rows = row("A", "2008-07-13T02:30:00Z", 3, "", "none", "")
        + &row("B", "2008-07-07 00:00", 3, "", "none", "")
        + &row("C", "2008-07-07 01:59", 3, "", "none", "");
    let summary = analyse(&rows);
    assert_eq!(summary.hour_of_week.slots_with_incidents, 3);
    assert_eq!(summary.hour_of_week.missing.len(), 165);
    assert!(
        !summary
            .hour_of_week
            .missing
            .contains(&"Sun 03:00–04:00".to_string())
    );
    assert!(
        summary
            .hour_of_week
            .missing
            .contains(&"Sun 23:00–24:00".to_string())
    );
    let message = &summary.hour_of_week.findings[0].message;
    assert!(message.contains("165 of the 168 hours"), "{message}");
    assert!(
        message.contains("Mon 02:00–Sun 03:00, Sun 04:00–24:00"),
        "{message}"
    );
}

#[test]
fn referrals_need_an_external_reference() {
    let rows = row("A", "2008-01-07 09:00", 3, "", "lsp", "BTH-1")
        + &row("B", "2008-01-07 09:00", 3, "", "national", "")
        + &row("C", "2008-01-07 09:00", 3, "", "supplier", "")
        + &row("D", "2008-01-07 09:00", 3, "", "", "")
        + &row("E", "2008-01-07 09:00", 3, "", "LSP", "BTH-2");
    let referrals = analyse(&rows).referrals;
    assert_eq!(
        (referrals.referred, referrals.with_external_reference),
        (3, 2)
    );
    assert_eq!(referrals.share, Some(2.0 / 3.0));
    assert_eq!(referrals.without_external_reference.len(), 1);
    assert_eq!(referrals.without_external_reference[0].reference, "B");
    assert_eq!(referrals.without_external_reference[0].line, 3);
    assert!(
        referrals.findings[0]
            .message
            .starts_with("1 of 3 incidents referred")
    );
    assert!(referrals.findings[0].message.ends_with(": B (line 3)"));
}

#[test]
fn referrals_without_references_are_listed_up_to_twenty() {
    let rows: String = (0..25)
        .map(|n| row(&format!("R{n}"), "2008-01-07 09:00", 3, "", "lsp", ""))
        .collect();
    let referrals = analyse(&rows).referrals;
    assert_eq!(referrals.without_external_reference.len(), 20);
    assert_eq!(referrals.share, Some(0.0));
    assert!(referrals.findings[0].message.ends_with("R19 (line 21), …"));
}

#[test]
fn nothing_referred_leaves_the_share_unmeasured() {
    let referrals = analyse(&row("A", "2008-01-07 09:00", 3, "", "none", "")).referrals;
    assert_eq!(referrals.share, None);
    assert!(referrals.findings.is_empty());
}

#[test]
fn responses_on_the_target_minute_are_on_time_and_one_minute_later_is_late() {
    let rows = row("A", "2008-01-07 09:00", 1, "2008-01-07 09:15", "none", "")
        + &row("B", "2008-01-07 09:00", 1, "2008-01-07 09:16", "none", "")
        + &row("C", "2008-01-07 09:00", 1, "", "none", "")
        + &row(
            "D",
            "2008-01-07 09:00",
            2,
            "2008-01-07T09:30:00+00:00",
            "none",
            "",
        );
    let responses = analyse(&rows).responses;
    assert_eq!((responses.measured, responses.on_time), (4, 2));
    assert_eq!(responses.share, Some(0.5));
    let severity_1 = &responses.severities[0];
    assert_eq!(
        (
            severity_1.incidents,
            severity_1.on_time,
            severity_1.not_responded
        ),
        (3, 1, 1)
    );
    assert_eq!(codes_of(&responses.findings), ["incident-response-late"]);
    assert!(
        responses.findings[0]
            .message
            .starts_with("severity 1: 2 of 3 incidents")
    );
}

#[test]
fn responses_are_measured_over_real_time_across_the_clock_change() {
    // Opened 01:50 BST (00:50Z); responded 01:10 GMT (01:10Z): 20 minutes later.
    let rows = row(
        "A",
        "2008-10-26 01:50",
        2,
        "2008-10-26T01:10:00+00:00",
        "none",
        "",
    ) + &row(
        "B",
        "2008-10-26 01:50",
        1,
        "2008-10-26T01:10:00+00:00",
        "none",
        "",
    );
    let responses = analyse(&rows).responses;
    assert_eq!(responses.severities[1].on_time, 1);
    assert_eq!(responses.severities[0].on_time, 0);
}

#[test]
fn a_severity_without_target_is_not_measured_but_reported() {
    let responses = analyse(&row(
        "A",
        "2008-01-07 09:00",
        4,
        "2008-01-07 09:01",
        "none",
        "",
    ))
    .responses;
    assert_eq!((responses.measured, responses.share), (0, None));
    assert_eq!(
        codes_of(&responses.findings),
        ["incident-severity-without-target"]
    );
}

#[test]
fn bad_rows_are_findings_at_their_line() {
    let rows = row("A", "2008-01-07 09:00", 7, "", "none", "")
        + &row("B", "07/01/2008 09:00", 3, "", "none", "")
        + &row("C", "2008-01-07 09:00", 3, "2008-01-07 08:59", "none", "")
        + &row("D", "2008-01-07 09:00", 3, "", "elsewhere", "")
        + &row("", "2008-01-07 09:00", 3, "", "none", "")
        + "F,2008-01-07 09:00,phone,3,pacs,closed,,yesterday,none,\n"
        + "G,2008-01-07 09:00,phone\n"
        + &row("H", "2008-01-07 09:00", 3, "", "none", "");
    let summary = analyse(&rows);
    assert_eq!(
        lines_of(&summary.findings, "csv-invalid-value"),
        [2, 3, 5, 6, 7]
    );
    assert_eq!(
        lines_of(&summary.findings, "incident-responded-before-opened"),
        [4]
    );
    assert_eq!(lines_of(&summary.findings, "csv-ragged-row"), [8]);
    assert!(
        summary.findings[0].message.contains("`severity` is `7`"),
        "{}",
        summary.findings[0].message
    );
    assert_eq!(
        (summary.rows.rows, summary.rows.skipped, summary.incidents),
        (8, 7, 1)
    );
}

#[test]
fn a_duplicate_reference_is_counted_once_and_each_repeat_reported() {
    let rows = row("A", "2008-01-07 09:00", 3, "", "lsp", "")
        + &row("A", "2008-01-07 10:00", 3, "", "lsp", "")
        + &row("B", "2008-01-07 09:00", 3, "", "none", "")
        + &row("A", "2008-01-07 11:00", 3, "", "lsp", "");
    let summary = analyse(&rows);
    assert_eq!(summary.incidents, 2);
    assert_eq!(summary.referrals.referred, 1);
    assert_eq!(
        lines_of(&summary.findings, "incident-duplicate-reference"),
        [3, 5]
    );
}

#[test]
fn targets_come_from_the_escalation_plan() {
    let plan: EscalationPlan = serde_json::from_value(serde_json::json!({
        "severities": [
            {"level": 2, "definition": "high", "respond_within_minutes": 30, "escalate_within_minutes": 60},
            {"level": 1, "definition": "critical", "respond_within_minutes": 15, "escalate_within_minutes": 30},
            {"level": 1, "definition": "again", "respond_within_minutes": 99, "escalate_within_minutes": 99},
            {"level": 9, "definition": "odd", "respond_within_minutes": 1, "escalate_within_minutes": 1}
        ]
    }))
    .unwrap();
    let targets = SeverityTargets::from_plan(&plan);
    assert_eq!(
        targets.respond_within_minutes,
        [Some(15), Some(30), None, None, None]
    );
    assert_eq!(targets.respond_within(0), None);
    assert_eq!(targets.respond_within(9), None);
}

#[test]
fn the_synthetic_log_is_clean_and_about_150_bytes_a_row() {
    let mut csv = Vec::new();
    synthetic_incident_csv(2000, &mut csv).unwrap();
    let per_row = csv.len() / 2000;
    assert!((120..=170).contains(&per_row), "{per_row} bytes a row");
    let summary =
        analyse_incidents(csv.as_slice(), "synthetic.csv", &london(), &targets()).unwrap();
    assert_eq!(summary.findings, []);
    assert_eq!(summary.incidents, 2000);
    assert!(summary.referrals.referred > 0 && summary.responses.on_time > 0);
}

#[test]
fn exports_combine_and_parties_may_be_named_as_desk_tools_write_them() {
    use crate::logs::LogSource;
    use crate::logs::incidents::analyse_incident_logs;
    let july = format!(
        "{HEADER}{}",
        row(
            "INC1",
            "2008-07-01 10:00",
            3,
            "2008-07-01 10:20",
            "BT Health Ltd",
            "BTH-1"
        )
    );
    // Headers in other case behind a byte-order mark; a repeat of INC1; a
    // referral to "National Service Desk" with `n/a` for its reference.
    let august = format!(
        "\u{feff}{}{}{}",
        HEADER.to_uppercase().replace(',', " , "),
        row(
            "INC1",
            "2008-08-01 10:00",
            3,
            "2008-08-01 10:20",
            "lsp",
            "BTH-2"
        ),
        row(
            "INC2",
            "2008-08-02 10:00",
            3,
            "2008-08-02 10:20",
            "National Service Desk",
            "n/a"
        ),
    );
    let source = |file: &str, text: String| LogSource {
        file: file.to_string(),
        reader: std::io::Cursor::new(text),
        tz: london(),
    };
    let summary = analyse_incident_logs(
        [source("july.csv", july), source("august.csv", august)],
        &targets(),
        Some("BT Health"),
    )
    .unwrap();
    assert_eq!(summary.incidents, 2);
    assert_eq!(summary.rows.rows, 3);
    assert_eq!(summary.referrals.referred, 2);
    assert_eq!(summary.referrals.with_external_reference, 1);
    assert_eq!(
        codes_of(&summary.findings),
        ["incident-duplicate-reference"]
    );
    assert_eq!(
        summary.findings[0].message,
        "incident reference INC1 appeared earlier in july.csv; counted once"
    );
    assert_eq!(
        lines_of(&summary.findings, "incident-duplicate-reference"),
        [2]
    );
    // Without the LSP's name, "BT Health Ltd" is a bad value, reported.
    let summary = analyse(&row(
        "INC3",
        "2008-07-01 10:00",
        3,
        "",
        "BT Health Ltd",
        "BTH-3",
    ));
    assert_eq!(codes_of(&summary.findings), ["csv-invalid-value"]);
}
