//! `accredit init DIR`: a new evidence pack with one annotated file of every
//! kind, so a trust starts from a template. The scaffold validates, and scores
//! `not-ready` with a gap list that reads as the applicant's to-do list.

use std::path::Path;

use accredit_core::model::Kind;
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use crate::exit::{Exit, Failure};

/// The scaffold's files: path and minijinja template.
const FILES: &[(&str, &str)] = &[
    ("README.md", include_str!("../scaffold/README.md")),
    ("pack.yaml", include_str!("../scaffold/pack.yaml")),
    (
        "service-desk.yaml",
        include_str!("../scaffold/service-desk.yaml"),
    ),
    ("rota.yaml", include_str!("../scaffold/rota.yaml")),
    (
        "escalation/escalation-plan.yaml",
        include_str!("../scaffold/escalation/escalation-plan.yaml"),
    ),
    (
        "tests/escalation-test.yaml",
        include_str!("../scaffold/tests/escalation-test.yaml"),
    ),
    (
        "tests/scenario-test.yaml",
        include_str!("../scaffold/tests/scenario-test.yaml"),
    ),
    (
        "procedures/incident.md",
        include_str!("../scaffold/procedures/incident.md"),
    ),
    (
        "documents/itil-review.md",
        include_str!("../scaffold/documents/itil-review.md"),
    ),
    (
        "logs/incident-log.yaml",
        include_str!("../scaffold/logs/incident-log.yaml"),
    ),
    (
        "logs/incidents.csv",
        include_str!("../scaffold/logs/incidents.csv"),
    ),
    (
        "logs/training-log.yaml",
        include_str!("../scaffold/logs/training-log.yaml"),
    ),
    (
        "logs/training.csv",
        include_str!("../scaffold/logs/training.csv"),
    ),
    (
        "logs/change-log.yaml",
        include_str!("../scaffold/logs/change-log.yaml"),
    ),
    (
        "logs/changes.csv",
        include_str!("../scaffold/logs/changes.csv"),
    ),
    (
        "logs/staff-register.yaml",
        include_str!("../scaffold/logs/staff-register.yaml"),
    ),
    ("logs/staff.csv", include_str!("../scaffold/logs/staff.csv")),
    (
        "waivers/cov-04-lone-working.yaml",
        include_str!("../scaffold/waivers/cov-04-lone-working.yaml"),
    ),
    (
        "samples/monthly-incident-report.md",
        include_str!("../scaffold/samples/monthly-incident-report.md"),
    ),
];

/// What the applicant tells `init`.
pub struct Applicant<'a> {
    /// Trust name.
    pub organisation: &'a str,
    /// ODS code.
    pub ods: &'a str,
    /// LSP name.
    pub lsp: &'a str,
    /// Planned first day of the window; default the first Monday at least 12 weeks from today.
    pub start: Option<Date>,
}

/// Writes the scaffold into `dir` (which must not exist or be empty).
pub fn run(dir: &Path, applicant: &Applicant<'_>) -> Result<Exit, Failure> {
    if dir.exists()
        && std::fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(Failure::msg(format!(
            "{} is not empty; give a new or empty directory",
            dir.display()
        )));
    }
    let today = today();
    let start = applicant.start.unwrap_or_else(|| default_start(today));
    let day = |days: i64| start.checked_add(days.days()).unwrap_or(start).to_string();
    // What the template records as done (an approval, a test) is dated the
    // day it is written, or the day before the window if that is earlier:
    // never after the run date, so nothing in the scaffold is future-dated.
    let written_on = today.min(start.yesterday().unwrap_or(start)).to_string();
    let context = minijinja::context! {
        organisation => applicant.organisation,
        ods => applicant.ods,
        lsp => applicant.lsp,
        start => start.to_string(),
        period_from => day(-28),
        period_to => day(120),
        review_due => day(365),
        approved_on => written_on.clone(),
        test_date => written_on,
        action_due => day(14),
        waiver_expires => day(120),
    };
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
    // Render everything first, so a template problem leaves nothing half-written.
    let mut rendered = Vec::with_capacity(FILES.len());
    for (path, template) in FILES {
        let text = env
            .render_str(template, &context)
            .map_err(|e| Failure::msg(format!("scaffold template {path}: {e}")))?;
        rendered.push((path, text));
    }
    for (path, text) in rendered {
        write(&dir.join(path), &text)?;
    }
    for kind in Kind::ALL {
        let path = dir.join(".accredit/schemas").join(kind.schema_file());
        write(&path, accredit_core::schema::schema_text(kind))?;
    }
    outln!(
        "Started an evidence pack for {} in {} ({} files). Next: `accredit validate {dir}` and `accredit score {dir}`.",
        applicant.organisation,
        dir.display(),
        FILES.len(),
        dir = dir.display()
    );
    Ok(Exit::Passed)
}

fn write(path: &Path, text: &str) -> Result<(), Failure> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| Failure::msg(format!("cannot create {}: {e}", parent.display())))?;
    }
    std::fs::write(path, text)
        .map_err(|e| Failure::msg(format!("cannot write {}: {e}", path.display())))
}

/// Today in England and Wales.
fn today() -> Date {
    jiff::Timestamp::now()
        .to_zoned(
            jiff::tz::db()
                .get("Europe/London")
                .unwrap_or(jiff::tz::TimeZone::UTC),
        )
        .date()
}

/// The first Monday at least 12 weeks from `today`.
fn default_start(today: Date) -> Date {
    let mut day = today.checked_add(84.days()).unwrap_or(today);
    while day.weekday() != Weekday::Monday {
        day = day.tomorrow().unwrap_or(day);
    }
    day
}
