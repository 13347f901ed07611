//! The desk's CSV exports, each streamed once per assessment and shared by the
//! requirements that read it.

use std::cell::{OnceCell, RefCell};
use std::io::BufReader;
use std::rc::Rc;

use jiff::civil::Date;

use crate::evidence::Located;
use crate::finding::{Area, Finding, FindingCode};
use crate::load::DigestingReader;
use crate::location::Location;
use crate::logs::changes::{ChangeSummary, analyse_change_logs};
use crate::logs::incidents::{IncidentSummary, SeverityTargets, analyse_incident_logs};
use crate::logs::staff::{StaffRegisterSummary, analyse_staff_registers};
use crate::logs::training::{TrainingScope, TrainingSummary, analyse_training_logs};
use crate::logs::{LogSource, LogUnreadable, log_time_zone};
use crate::model::{CsvExport, Period};

use crate::checks::{Context, first};

pub(crate) const LOG_SOURCE_MISSING: FindingCode = FindingCode::new(
    Area::Logs,
    "log-source-missing",
    "The CSV file a log names is not in the pack.",
    "Add the CSV export to the pack, or correct the log's `source` path.",
);

pub(crate) const LOG_UNREADABLE: FindingCode = FindingCode::new(
    Area::Logs,
    "log-unreadable",
    "The CSV file a log names cannot be opened.",
    "Check the file is a readable regular file in the pack.",
);

/// Codes of finding a log's CSV export in the pack, for every log check.
pub(crate) const SOURCE_CODES: &[FindingCode] = &[LOG_SOURCE_MISSING, LOG_UNREADABLE];

/// An analysis, or the findings that stopped it (missing column, unknown zone…).
pub type LogResult<T> = Rc<Result<T, Vec<Finding>>>;

/// Analyses already made in this assessment.
#[derive(Default)]
pub struct LogMemo {
    incidents: OnceCell<Option<LogResult<IncidentSummary>>>,
    staff: OnceCell<Option<LogResult<StaffRegisterSummary>>>,
    /// By the date training is counted from (one in a validated ruleset).
    training: RefCell<Vec<(Date, Option<LogResult<TrainingSummary>>)>>,
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
            LOG_SOURCE_MISSING,
            format!("`{}` is not a file in the pack", log.value.source),
            Some(log.at("/source")),
        )]
    })?;
    let full = context.evidence.indexed_path(path).unwrap_or_default();
    let file = std::fs::File::open(full).map_err(|e| {
        vec![Finding::new(
            LOG_UNREADABLE,
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
/// training from `counted_from` to the window start: analysed once for each
/// date it is counted from. A validated ruleset gives every training
/// requirement the same look-back (their `max_age_days` agree; decision
/// 0110), so in an assessment the log is read once.
pub fn training(context: &Context<'_>, counted_from: Date) -> Option<LogResult<TrainingSummary>> {
    let made = context
        .logs
        .training
        .borrow()
        .iter()
        .find(|(from, _)| *from == counted_from)
        .map(|(_, made)| made.clone());
    if let Some(made) = made {
        return made;
    }
    let made = analyse_training(context, counted_from);
    context
        .logs
        .training
        .borrow_mut()
        .push((counted_from, made.clone()));
    made
}

fn analyse_training(
    context: &Context<'_>,
    counted_from: Date,
) -> Option<LogResult<TrainingSummary>> {
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
    Some(Rc::new(result))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::logs::{ApplicationTraining, ItilFoundation};
    use crate::checks::test_support::{
        AS_OF, TempPack, builtin_shared, complete_pack, in_context, run,
    };
    use crate::checks::{AssessmentWindow, CheckKind, Status};

    #[test]
    fn training_counted_from_two_dates_is_analysed_for_each_not_an_error() {
        let evidence = complete_pack();
        let pack = evidence.pack.as_ref().unwrap();
        let shared = builtin_shared();
        let context = Context {
            evidence: &evidence,
            pack,
            window: AssessmentWindow {
                start: pack.value.assessment.start,
                days: 84,
            },
            as_of: AS_OF,
            shared: &shared,
            cover: Default::default(),
            rehearsals: Default::default(),
            logs: Default::default(),
        };
        let year = ApplicationTraining {
            max_age_days: 365,
            target_percent: 90.0,
        };
        let month = ApplicationTraining {
            max_age_days: 30,
            ..year.clone()
        };
        let itil = ItilFoundation {
            max_age_days: 365,
            target_percent: 50.0,
        };
        let together = [
            year.evaluate(&context),
            month.evaluate(&context),
            itil.evaluate(&context),
        ];
        assert_eq!(context.logs.training.borrow().len(), 2);
        assert!(
            together.iter().all(|o| o.status != Status::Error),
            "{together:?}"
        );
        // Each is what it is alone, in a fresh assessment, and the look-back
        // matters: fewer passes fall in the last month than the last year.
        assert_eq!(together[0], run(&year, &evidence, AS_OF));
        assert_eq!(together[1], run(&month, &evidence, AS_OF));
        assert_eq!(together[2], run(&itil, &evidence, AS_OF));
        assert_ne!(together[0].measured, together[1].measured);
    }

    #[test]
    fn each_export_is_analysed_once_per_assessment() {
        let evidence = complete_pack();
        in_context(&evidence, AS_OF, |context| {
            let first = incidents(context).expect("the pack has an incident log");
            let again = incidents(context).expect("the pack has an incident log");
            assert!(Rc::ptr_eq(&first, &again));
            let register = staff(context).expect("the pack has a staff register");
            assert!(Rc::ptr_eq(
                &register,
                &staff(context).expect("the pack has a staff register")
            ));
            let first = changes(context).expect("the pack has a change log");
            assert!(Rc::ptr_eq(&first, &changes(context).expect("a change log")));
            assert!(first.as_ref().is_ok());
        });
    }

    #[test]
    fn a_kind_the_pack_lacks_has_no_analysis() {
        let mut evidence = complete_pack();
        evidence.change_logs.clear();
        evidence.training_logs.clear();
        in_context(&evidence, AS_OF, |context| {
            assert!(changes(context).is_none());
            assert!(training(context, context.window.start).is_none());
        });
    }

    #[test]
    fn an_unknown_time_zone_or_a_missing_export_stops_the_analysis() {
        let mut evidence = complete_pack();
        evidence.incident_logs[0].value.timezone = Some("Europe/Harbourne".into());
        in_context(&evidence, AS_OF, |context| {
            let made = incidents(context).expect("the pack has an incident log");
            let findings = made.as_ref().as_ref().expect_err("the zone is unknown");
            assert_eq!(findings[0].code.name(), "log-unknown-timezone");
        });
        let pack = TempPack::complete().remove("logs/changes.csv");
        let evidence = pack.load();
        in_context(&evidence, AS_OF, |context| {
            let made = changes(context).expect("the pack has a change log");
            let findings = made.as_ref().as_ref().expect_err("the export is missing");
            assert_eq!(findings[0].code.name(), "log-source-missing");
            assert_eq!(
                findings[0].message,
                "`changes.csv` is not a file in the pack"
            );
        });
    }
}
