//! Training sessions for the lapse calendar: the passed training records of
//! the TrainingLog exports, one entry per course, application and date (a
//! session of many staff ages out on one day).

use std::collections::BTreeMap;

use jiff::Span;
use jiff::civil::Date;

use super::lapses::{Lapse, LapseCause};
use crate::evidence::Evidence;
use crate::location::Location;
use crate::ruleset::Ruleset;

/// A session: course, application and date, with the staff trained and the
/// place of its first row.
type Sessions = BTreeMap<(String, String, Date), (usize, Location)>;

/// One lapse per passed training session and training requirement.
pub(super) fn training_lapses(evidence: &Evidence, ruleset: &Ruleset) -> Vec<Lapse> {
    let lookbacks = &ruleset.shared().training;
    if lookbacks.is_empty() {
        return vec![];
    }
    let mut sessions = Sessions::new();
    for log in &evidence.training_logs {
        let Some(path) = evidence.path_at(log, "/source") else {
            continue;
        };
        let Some(full) = evidence.indexed_path(path) else {
            continue;
        };
        // An unreadable export is reported by the training requirements.
        if let Ok(file) = std::fs::File::open(full) {
            read_sessions(path, file, &mut sessions);
        }
    }
    let mut out = Vec::new();
    for ((course, application, date), (staff, location)) in sessions {
        for lookback in lookbacks {
            if course != lookback.course {
                continue;
            }
            let days = lookback.max_age_days;
            let on = if application.is_empty() {
                String::new()
            } else {
                format!(" on {application}")
            };
            out.push(Lapse {
                from: date
                    .checked_add(Span::new().days(i64::from(days) + 1))
                    .unwrap_or(date),
                requirement: lookback.requirement.clone(),
                cause: LapseCause::TrainingAge,
                dated: date,
                evidence: format!("the {course} training{on} of {date} ({staff} staff)"),
                reason: format!("is more than {days} days old"),
                location: location.to_string(),
            });
        }
    }
    out
}

/// Column names as the exports write them: trimmed, lower case, a BOM removed.
fn column(header: &str) -> String {
    header.trim_start_matches('\u{feff}').trim().to_lowercase()
}

fn read_sessions(path: &str, file: std::fs::File, sessions: &mut Sessions) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(std::io::BufReader::new(file));
    let Ok(headers) = reader.headers() else {
        return;
    };
    let find = |name: &str| headers.iter().position(|h| column(h) == name);
    let (Some(course), Some(date), Some(result)) =
        (find("course"), find("completed_on"), find("result"))
    else {
        return;
    };
    let application = find("application");
    for row in reader.records().flatten() {
        let passed = row
            .get(result)
            .map(|r| matches!(r.trim().to_lowercase().as_str(), "pass" | "passed"));
        let Some(on) = row.get(date).and_then(|d| d.trim().parse::<Date>().ok()) else {
            continue;
        };
        if passed != Some(true) {
            continue;
        }
        let key = (
            row.get(course).unwrap_or_default().trim().to_lowercase(),
            application
                .and_then(|a| row.get(a))
                .unwrap_or_default()
                .trim()
                .to_lowercase(),
            on,
        );
        let line = row.position().map_or(0, |p| p.line());
        let entry = sessions
            .entry(key)
            .or_insert_with(|| (0, Location::at(path, u32::try_from(line).unwrap_or(0), 1)));
        entry.0 += 1;
    }
}
