//! Timeline tests on one-defect overlays of the complete pack: each moves one
//! date so that readiness ends (or begins) on a day the contract gives.

use jiff::civil::{Date, date};

use super::*;
use crate::checks::test_support::{
    AS_OF, complete_pack, document_mut, fixture_pack, procedure_mut,
};

/// The complete pack is ready on every start of this range (see
/// `the_complete_pack_is_ready_in_the_quiet_range`).
const FROM: Date = date(2008, 9, 6);
const TO: Date = date(2008, 10, 31);

fn over(evidence: &Evidence, from: Date, to: Date) -> Timeline {
    timeline(evidence, &Ruleset::builtin(), AS_OF, from, to, &[]).expect("a timeline")
}

/// `(from, to, verdict, unmet)` of every run.
fn boundaries(t: &Timeline) -> Vec<(Date, Date, Verdict, Vec<String>)> {
    t.runs
        .iter()
        .map(|r| (r.from, r.to, r.verdict, r.unmet.clone()))
        .collect()
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The reasons of the second run's changes.
fn reasons(t: &Timeline) -> Vec<String> {
    t.runs[1].changes.iter().map(|c| c.reason.clone()).collect()
}

#[test]
fn the_complete_pack_is_ready_in_the_quiet_range() {
    let t = over(&complete_pack(), FROM, TO);
    assert_eq!(boundaries(&t), vec![(FROM, TO, Verdict::Ready, vec![])]);
    assert_eq!(t.earliest_ready, Some(FROM));
    assert_eq!(t.ready_until, Some(TO));
}

#[test]
fn readiness_ends_when_an_escalation_test_ages_past_183_days() {
    let mut evidence = complete_pack();
    let test = evidence
        .escalation_tests
        .iter_mut()
        .find(|t| t.file.contains("2008-06-18"))
        .expect("the sev-1 test");
    test.value.record.date = date(2008, 4, 1);
    let t = over(&evidence, FROM, TO);
    assert_eq!(
        boundaries(&t),
        vec![
            (FROM, date(2008, 10, 1), Verdict::Ready, vec![]),
            (date(2008, 10, 2), TO, Verdict::NotReady, ids(&["ESC-04"])),
        ]
    );
    assert_eq!(
        reasons(&t),
        vec![
            "from 2008-10-02 ESC-04 fails: the escalation test of 2008-04-01 \
             (tests/escalation/2008-06-18-sev1-out-of-hours-bt-health.yaml:3:7) is more than 183 days old"
        ]
    );
    assert_eq!(t.ready_until, Some(date(2008, 10, 1)));
}

#[test]
fn readiness_ends_when_training_ages_past_730_days() {
    let t = over(&complete_pack(), FROM, date(2008, 11, 5));
    assert_eq!(
        boundaries(&t),
        vec![
            (FROM, date(2008, 11, 1), Verdict::Ready, vec![]),
            (
                date(2008, 11, 2),
                date(2008, 11, 5),
                Verdict::NotReady,
                ids(&["NAK-01"])
            ),
        ]
    );
    assert_eq!(
        reasons(&t),
        vec![
            "from 2008-11-02 NAK-01 is partial: the national-application training on \
             care-records-service of 2006-11-02 (1 staff) (logs/training.csv:34:1) is more than 730 days old"
        ]
    );
}

#[test]
fn readiness_ends_when_a_review_falls_due_inside_the_window() {
    let mut evidence = complete_pack();
    let procedure = procedure_mut(&mut evidence, "procedures/incident.md");
    procedure.value.front.control.review_due = Some(date(2008, 12, 1));
    let t = over(&evidence, FROM, TO);
    // Start 2008-09-10: the 84-day window ends 2008-12-02, after the review.
    assert_eq!(
        boundaries(&t),
        vec![
            (FROM, date(2008, 9, 9), Verdict::Ready, vec![]),
            (date(2008, 9, 10), TO, Verdict::NotReady, ids(&["DOC-01"])),
        ]
    );
    assert_eq!(
        reasons(&t),
        vec![
            "from 2008-09-10 DOC-01 is partial: the review of procedures/incident.md due on \
             2008-12-01 (procedures/incident.md:10:13) falls before the end of the assessment window"
        ]
    );
}

#[test]
fn readiness_ends_when_the_window_outruns_the_rota_period() {
    let mut evidence = complete_pack();
    evidence.rotas[0].value.period.to = date(2008, 12, 15);
    let t = over(&evidence, FROM, TO);
    let unmet = ids(&["COV-02", "COV-04", "COV-05"]);
    assert_eq!(
        boundaries(&t),
        vec![
            (FROM, date(2008, 9, 23), Verdict::Ready, vec![]),
            (date(2008, 9, 24), TO, Verdict::NotReady, unmet),
        ]
    );
    assert!(
        reasons(&t)[0].starts_with(
            "from 2008-09-24 COV-02 is partial: the rota period ending 2008-12-15 (rota.yaml:6:7) \
             ends before the assessment window does"
        ),
        "{:?}",
        reasons(&t)
    );
}

#[test]
fn a_waiver_that_expires_inside_the_window_stops_counting() {
    let mut evidence = complete_pack();
    // The out-of-hours scenario run in the day: SCN-02 fails, and the waiver counts.
    for test in &mut evidence.scenario_tests {
        for step in &mut test.value.record.steps {
            step.at = "10:00".to_string();
        }
    }
    evidence.waivers[0].value.expires = date(2008, 12, 20);
    let t = over(&evidence, FROM, TO);
    // SCN-02 is weighted: the pack stays ready, with one gap more.
    assert_eq!(
        boundaries(&t),
        vec![
            (FROM, date(2008, 9, 28), Verdict::Ready, vec![]),
            (date(2008, 9, 29), TO, Verdict::Ready, ids(&["SCN-02"])),
        ]
    );
    assert_eq!(
        reasons(&t),
        vec![
            "from 2008-09-29 SCN-02 fails: the waiver waivers/scn-02-out-of-hours-scenario.yaml expiring \
             2008-12-20 (waivers/scn-02-out-of-hours-scenario.yaml:10:10) expires before the end of the assessment window"
        ]
    );
}

#[test]
fn readiness_ends_when_the_itil_review_approval_ages_past_730_days() {
    let mut evidence = complete_pack();
    let review = document_mut(&mut evidence, "documents/itil-review.md");
    review.value.front.control.approved_on = Some(date(2006, 10, 1));
    let t = over(&evidence, FROM, TO);
    assert_eq!(
        boundaries(&t),
        vec![
            (FROM, date(2008, 9, 30), Verdict::Ready, vec![]),
            (date(2008, 10, 1), TO, Verdict::NotReady, ids(&["ITIL-08"])),
        ]
    );
    // 730 days after 2006-10-01 is 2008-09-30 (2008 is a leap year).
    assert_eq!(
        reasons(&t),
        vec![
            "from 2008-10-01 ITIL-08 fails: the itil-review approval of 2006-10-01 \
             (documents/itil-review.md:8:14) is more than 730 days old"
        ]
    );
}

#[test]
fn a_future_rota_period_makes_a_later_start_ready() {
    // ADR 0081: the rota may be planned ahead; its first night shift starts
    // at 20:00 on the period's first day, so the first start covered from
    // midnight is the day after.
    let mut evidence = complete_pack();
    evidence.rotas[0].value.period.from = date(2008, 9, 20);
    let t = over(&evidence, FROM, TO);
    let unmet = ids(&["COV-02", "COV-04", "COV-05"]);
    assert_eq!(
        boundaries(&t),
        vec![
            (FROM, date(2008, 9, 20), Verdict::NotReady, unmet),
            (date(2008, 9, 21), TO, Verdict::Ready, vec![]),
        ]
    );
    assert_eq!(t.earliest_ready, Some(date(2008, 9, 21)));
    assert!(reasons(&t)[0].starts_with("from 2008-09-21 COV-02 passes: no longer: no desk staff"));
}

#[test]
fn a_pack_never_ready_in_the_range() {
    let evidence = fixture_pack("minimal");
    let t = over(&evidence, AS_OF, date(2009, 3, 2));
    assert_eq!(t.earliest_ready, None);
    assert_eq!(t.ready_until, None);
    assert!(t.runs.iter().all(|r| r.verdict == Verdict::NotReady));
    assert_eq!(t.runs.first().map(|r| r.from), Some(AS_OF));
    assert_eq!(t.runs.last().map(|r| r.to), Some(date(2009, 3, 2)));
}

#[test]
fn runs_cover_the_range_without_gaps_or_overlaps() {
    let t = over(&complete_pack(), AS_OF, date(2009, 3, 2));
    let mut expected = AS_OF;
    for run in &t.runs {
        assert_eq!(run.from, expected);
        assert_eq!(
            i64::from(run.from.until(run.to).unwrap().get_days()) + 1,
            run.days
        );
        expected = next_day(run.to);
    }
    assert_eq!(t.runs.last().map(|r| r.to), Some(date(2009, 3, 2)));
    assert!(t.lapses.windows(2).all(|w| w[0].from <= w[1].from));
}

#[test]
fn requirements_said_not_to_depend_on_the_start_do_not() {
    // Every requirement the timeline evaluates once must give the same
    // outcome on starts far apart.
    let ruleset = Ruleset::builtin();
    let evidence = complete_pack();
    let pack = evidence.pack.as_ref().unwrap();
    let memo = Default::default;
    let early = start_independent(&evidence, &ruleset, AS_OF, date(2008, 9, 1), pack, &memo());
    let late = start_independent(&evidence, &ruleset, AS_OF, date(2010, 6, 1), pack, &memo());
    assert_eq!(early, late);
    let at =
        |start| crate::assess::assess_at(&evidence, &ruleset, AS_OF, start, &[], None).unwrap();
    let (a, b) = (at(date(2008, 9, 1)), at(date(2010, 6, 1)));
    for (requirement, (x, y)) in ruleset
        .requirements
        .iter()
        .zip(a.requirements.iter().zip(&b.requirements))
    {
        if !requirement.check.depends_on_start() {
            assert_eq!(
                (x.result, x.credit),
                (y.result, y.credit),
                "{}",
                requirement.id
            );
        }
    }
}

#[test]
fn a_backwards_or_overlong_range_is_refused() {
    let evidence = complete_pack();
    let ruleset = Ruleset::builtin();
    assert!(matches!(
        timeline(&evidence, &ruleset, AS_OF, TO, FROM, &[]),
        Err(TimelineError::Backwards { .. })
    ));
    assert!(matches!(
        timeline(&evidence, &ruleset, AS_OF, FROM, date(2012, 1, 1), &[]),
        Err(TimelineError::TooLong { .. })
    ));
}

/// What the timeline reads at each start date (the start-independent
/// outcomes evaluated once, the checks' short cuts, no evidence index) is
/// the straightforward assessment at that start, field for field, on
/// packs where the escalation tests count, stop counting and never count
/// (and some are future-dated).
#[test]
fn each_start_is_assessed_as_a_straightforward_assessment_would() {
    let ruleset = Ruleset::builtin();
    let mut without_lsp = complete_pack();
    for test in &mut without_lsp.escalation_tests {
        for p in &mut test.value.record.participants {
            p.organisation = "CSC".into();
        }
    }
    for test in &mut without_lsp.scenario_tests {
        test.value.end_to_end = false;
    }
    // Open actions: overdue from some starts on, or undated.
    for test in &mut without_lsp.escalation_tests {
        for action in &mut test.value.record.actions {
            action.closed = false;
            action.due = Some(date(2008, 12, 1));
        }
    }
    let last = &mut without_lsp.scenario_tests.last_mut().unwrap().value.record;
    last.actions[0].closed = false;
    last.actions[0].due = None;
    // Dated after the run date: reported at every start, never counted.
    without_lsp.escalation_tests[0].value.record.date = date(2008, 11, 15);
    without_lsp.scenario_tests[0].value.record.date = date(2008, 11, 15);
    let packs = [
        ("complete", complete_pack()),
        ("without the LSP", without_lsp),
        ("trust-written", fixture_pack("trust-written")),
        ("minimal", fixture_pack("minimal")),
    ];
    let comparable = |mut a: Assessment| {
        a.files.clear();
        a.diagnostics.clear();
        a.cover = None;
        serde_json::to_value(&a).unwrap()
    };
    for (name, evidence) in &packs {
        let Some(pack) = evidence.pack.as_ref() else {
            continue;
        };
        let (from, to) = (AS_OF, date(2009, 3, 2));
        let rehearsals = Default::default();
        let prepared = Prepared {
            known: start_independent(evidence, &ruleset, AS_OF, from, pack, &rehearsals),
            rehearsals,
            shifts: Some(crate::checks::rota::cover_memo::SharedShifts::new(from, to)),
        };
        let mut day = from;
        while day <= to {
            let quick = assess_at(evidence, &ruleset, AS_OF, day, &[], Some(&prepared));
            let plain = assess_at(evidence, &ruleset, AS_OF, day, &[], None);
            assert_eq!(
                quick.map(comparable),
                plain.map(comparable),
                "{name} from {day}"
            );
            day = day.checked_add(jiff::Span::new().days(11)).unwrap();
        }
    }
}
