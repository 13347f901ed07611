//! The desk's CSV exports, each streamed once per assessment and shared by the
//! requirements that read it.

use std::cell::OnceCell;
use std::io::BufReader;
use std::rc::Rc;

use jiff::civil::Date;

use crate::evidence::Located;
use crate::finding::{Finding, FindingCode};
use crate::load::DigestingReader;
use crate::location::Location;
use crate::logs::changes::{ChangeSummary, analyse_change_logs};
use crate::logs::incidents::{IncidentSummary, SeverityTargets, analyse_incident_logs};
use crate::logs::staff::{StaffRegisterSummary, analyse_staff_registers};
use crate::logs::training::{TrainingScope, TrainingSummary, analyse_training_logs};
use crate::logs::{LogSource, LogUnreadable, log_time_zone};
use crate::model::{CsvExport, Period};

use crate::checks::{Context, first};

/// Codes of finding a log's CSV export in the pack, for every log check.
pub(crate) const SOURCE_CODES: &[FindingCode] =
    &[FindingCode::LogSourceMissing, FindingCode::LogUnreadable];

/// An analysis, or the findings that stopped it (missing column, unknown zone…).
pub type LogResult<T> = Rc<Result<T, Vec<Finding>>>;

/// Analyses already made in this assessment.
#[derive(Default)]
pub struct LogMemo {
    incidents: OnceCell<Option<LogResult<IncidentSummary>>>,
    staff: OnceCell<Option<LogResult<StaffRegisterSummary>>>,
    training: OnceCell<Option<(Date, LogResult<TrainingSummary>)>>,
    changes: OnceCell<Option<LogResult<ChangeSummary>>>,
}

impl std::fmt::Debug for LogMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LogMemo")
    }
}

/// Opens the CSV a descriptor names (only a file the pack walk indexed),
/// hashing it as it is read when its digest was left to the stream.
fn open<'c>(
    context: &Context<'c>,
    log: &Located<CsvExport>,
) -> Result<(String, Streamed<'c>), Vec<Finding>> {
    let path = context.evidence.path_at(log, "/source").ok_or_else(|| {
        vec![Finding::new(
            FindingCode::LogSourceMissing,
            format!("`{}` is not a file in the pack", log.value.source),
            Some(log.at("/source")),
        )]
    })?;
    let full = context.evidence.indexed_path(path).unwrap_or_default();
    let file = std::fs::File::open(full).map_err(|e| {
        vec![Finding::new(
            FindingCode::LogUnreadable,
            format!("{path} cannot be read: {e}"),
            Some(Location::file(path)),
        )]
    })?;
    let reader = BufReader::with_capacity(256 * 1024, file);
    Ok((
        path.to_string(),
        context.evidence.streamed.reader(path, reader),
    ))
}

fn unreadable(error: LogUnreadable) -> Vec<Finding> {
    error.findings
}

/// An export's content as it is streamed.
type Streamed<'c> = DigestingReader<'c, BufReader<std::fs::File>>;

/// An export opened for streaming.
type OpenedLog<'c> = LogSource<Streamed<'c>>;

/// Every export of a kind, opened with its time zone, in path order: they
/// combine (`None` when there are none). A descriptor whose zone is unknown
/// or whose file cannot be opened stops the analysis with its findings.
fn sources<'c>(
    context: &Context<'c>,
    logs: &[Located<CsvExport>],
) -> Option<Result<Vec<OpenedLog<'c>>, Vec<Finding>>> {
    if logs.is_empty() {
        return None;
    }
    let opened = logs
        .iter()
        .map(|log| {
            let tz = log_time_zone(&log.value, &log.file).map_err(unreadable)?;
            let (file, reader) = open(context, log)?;
            Ok(LogSource { file, reader, tz })
        })
        .collect();
    Some(opened)
}

/// The incident log, analysed against the escalation plan's response targets.
pub fn incidents(context: &Context<'_>) -> Option<LogResult<IncidentSummary>> {
    context
        .logs
        .incidents
        .get_or_init(|| {
            let logs = sources(context, &context.evidence.incident_logs)?;
            let targets = first(&context.evidence.escalation_plans)
                .map(|plan| SeverityTargets::from_plan(&plan.value))
                .unwrap_or_default();
            let result = logs.and_then(|logs| {
                analyse_incident_logs(logs, &targets, Some(&context.pack.value.lsp.name))
                    .map_err(unreadable)
            });
            Some(Rc::new(result))
        })
        .clone()
}

/// The staff register: who is front-line during the window.
pub fn staff(context: &Context<'_>) -> Option<LogResult<StaffRegisterSummary>> {
    context
        .logs
        .staff
        .get_or_init(|| {
            let logs = sources(context, &context.evidence.staff_registers)?;
            let window = Period {
                from: context.window.start,
                to: context.window.last_day(),
            };
            let result =
                logs.and_then(|logs| analyse_staff_registers(logs, window).map_err(unreadable));
            Some(Rc::new(result))
        })
        .clone()
}

/// The training log for the front-line staff, counting national-application
/// training from `counted_from` to the window start. It is analysed once, so
/// the training requirements must count from the same date: a validated
/// ruleset guarantees it (their `max_age_days` agree), and checks run outside
/// one get the `ruleset-training-ages-differ` finding instead.
pub fn training(context: &Context<'_>, counted_from: Date) -> Option<LogResult<TrainingSummary>> {
    let made = context.logs.training.get_or_init(|| {
        let logs = sources(context, &context.evidence.training_logs)?;
        let known: Vec<(String, String)> = context
            .shared
            .applications
            .iter()
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect();
        let result = match staff(context)?.as_ref() {
            Err(findings) => Err(findings.clone()),
            Ok(register) => logs.and_then(|logs| {
                let scope = TrainingScope {
                    front_line: &register.front_line,
                    applications: &context.pack.value.applications_in_scope,
                    known_applications: &known,
                    counted_from,
                    counted_to: context.window.start,
                    as_of: context.as_of,
                };
                analyse_training_logs(logs, &scope).map_err(unreadable)
            }),
        };
        Some((counted_from, Rc::new(result)))
    });
    match made {
        Some((from, result)) if *from == counted_from => Some(Rc::clone(result)),
        Some(_) => Some(Rc::new(Err(vec![Finding::new(
            FindingCode::RulesetTrainingAgesDiffer,
            "the ruleset's training requirements use different age limits; give them the same `max_age_days`",
            None,
        )]))),
        None => None,
    }
}

/// The change log against the desk's change windows.
pub fn changes(context: &Context<'_>) -> Option<LogResult<ChangeSummary>> {
    context
        .logs
        .changes
        .get_or_init(|| {
            let logs = sources(context, &context.evidence.change_logs)?;
            let windows = first(&context.evidence.service_desks)
                .map(|d| d.value.change_windows.clone())
                .unwrap_or_default();
            let result =
                logs.and_then(|logs| analyse_change_logs(logs, &windows).map_err(unreadable));
            Some(Rc::new(result))
        })
        .clone()
}
