//! What the escalation-test and scenario-test checks share: which tests count,
//! whether the pack's LSP took part, and why a test does not count, in words.
//!
//! **The LSP took part** when a participant has `party: lsp` *and* its
//! `organisation` names the pack's `lsp.name` (contains it as whole words,
//! ignoring case, spacing and punctuation: "BT Health Ltd" names BT Health). Both are needed: the party says the
//! organisation acted as the Local Service Provider, the name says it was the
//! trust's own LSP — a rehearsal with another provider, or with the LSP's
//! company acting as a mere supplier, is not a rehearsal with the LSP. The
//! escalation plan's `lsp` level is matched to the pack the same way (ESC-01).

use std::cell::OnceCell;

use jiff::civil::Date;

use super::dates::{Lookback, future_dated};
use crate::checks::Context;
use crate::evidence::{Evidence, Located};
use crate::finding::{Area, Finding, FindingCode};
use crate::model::{EscalationTest, Party, ScenarioTest, TestRecord, TestResult};

pub(crate) const ESCALATION_TEST_NOT_COUNTED: FindingCode = FindingCode::new(
    Area::Escalation,
    "escalation-test-not-counted",
    "An escalation test in the pack does not count (failed, too old, or without the LSP).",
    "The finding says why; run a new test if it cannot be corrected.",
);

/// An escalation or scenario test, as the shared rules see it.
pub(crate) trait Rehearsal {
    /// Every valid test of the kind in the pack.
    fn all(evidence: &Evidence) -> &[Located<Self>]
    where
        Self: Sized;
    /// Where `memo` keeps what [`counted`] finds for the kind.
    fn sorted_out(memo: &RehearsalMemo) -> &OnceCell<SortedOut>
    where
        Self: Sized;
    /// The fields common to both kinds.
    fn record(&self) -> &TestRecord;
    /// What kind of test it is, e.g. "escalation test", "PACS scenario test".
    fn noun(&self, context: &Context<'_>) -> String;
    /// The test in words, e.g. "the escalation test of 2008-06-18".
    fn describe(&self, context: &Context<'_>) -> String {
        format!("the {} of {}", self.noun(context), self.record().date)
    }
}

impl Rehearsal for EscalationTest {
    fn all(evidence: &Evidence) -> &[Located<Self>] {
        &evidence.escalation_tests
    }

    fn sorted_out(memo: &RehearsalMemo) -> &OnceCell<SortedOut> {
        &memo.escalation
    }

    fn record(&self) -> &TestRecord {
        &self.record
    }

    fn noun(&self, _context: &Context<'_>) -> String {
        "escalation test".to_string()
    }
}

impl Rehearsal for ScenarioTest {
    fn all(evidence: &Evidence) -> &[Located<Self>] {
        &evidence.scenario_tests
    }

    fn sorted_out(memo: &RehearsalMemo) -> &OnceCell<SortedOut> {
        &memo.scenario
    }

    fn record(&self) -> &TestRecord {
        &self.record
    }

    fn noun(&self, context: &Context<'_>) -> String {
        format!(
            "{} scenario test",
            application_name(context, &self.application)
        )
    }
}

/// The ruleset's display name of an application id, or the id itself.
pub(crate) fn application_name(context: &Context<'_>, id: &str) -> String {
    context
        .shared
        .application_name(id)
        .unwrap_or(id)
        .to_string()
}

/// What [`counted`] finds, made once per kind and shared by every check that
/// asks, and by every start date of a readiness timeline (which lends one
/// memo to all its dates): which tests count and the findings for the
/// future-dated ones depend on the run date and the pack, not on the start.
/// A memo belongs to one run date and ruleset.
#[derive(Debug, Default)]
pub struct RehearsalMemo {
    escalation: OnceCell<SortedOut>,
    scenario: OnceCell<SortedOut>,
}

/// The tests of one kind sorted out as of a run date.
#[derive(Debug)]
pub(crate) struct SortedOut {
    /// The run date it was made for.
    as_of: Date,
    /// Positions of the tests that count, in pack order.
    counted: Vec<usize>,
    /// A `future-dated-evidence` finding for each of the others, in pack order.
    future: Vec<Finding>,
    /// Positions of the tests that count and have an open action (one not
    /// `closed`), in pack order.
    open: Vec<usize>,
}

/// The tests that count: those not dated after the run date. Each
/// future-dated one is reported in `findings` and left out.
pub(crate) fn counted<'a, T: Rehearsal>(
    context: &Context<'a>,
    findings: &mut Vec<Finding>,
) -> Vec<&'a Located<T>> {
    let (tests, made) = sorted_out::<T>(context);
    findings.extend(made.future.iter().cloned());
    made.counted.iter().map(|&i| &tests[i]).collect()
}

/// The tests [`counted`] keeps that have an open action (one not `closed`),
/// in pack order: only their actions can be overdue or undated.
pub(crate) fn with_open_actions<'a, T: Rehearsal>(context: &Context<'a>) -> Vec<&'a Located<T>> {
    let (tests, made) = sorted_out::<T>(context);
    made.open.iter().map(|&i| &tests[i]).collect()
}

/// The tests of the kind and what the context's memo holds for them,
/// worked out on first use.
fn sorted_out<'c, 'a, T: Rehearsal>(context: &'c Context<'a>) -> (&'a [Located<T>], &'c SortedOut) {
    let tests = T::all(context.evidence);
    let made = T::sorted_out(&context.rehearsals).get_or_init(|| sort_out(context, tests));
    debug_assert_eq!(
        made.as_of, context.as_of,
        "a rehearsal memo lent to another run date"
    );
    (tests, made)
}

/// [`counted`] worked out.
fn sort_out<T: Rehearsal>(context: &Context<'_>, tests: &[Located<T>]) -> SortedOut {
    let mut counted = Vec::new();
    let mut future = Vec::new();
    for (i, test) in tests.iter().enumerate() {
        let date = test.value.record().date;
        if date <= context.as_of {
            counted.push(i);
            continue;
        }
        let what = format!("the {}", test.value.noun(context));
        future.extend(future_dated(context, date, &what, test.at("/date")));
    }
    let open = (counted.iter().copied())
        .filter(|&i| tests[i].value.record().actions.iter().any(|a| !a.closed))
        .collect();
    SortedOut {
        as_of: context.as_of,
        counted,
        future,
        open,
    }
}

/// Whether `name` names the LSP called `lsp`: it contains the LSP's name as
/// whole words, ignoring case, spacing and punctuation (see
/// [`crate::wording::names_organisation`]).
pub(crate) fn names_lsp(name: &str, lsp: &str) -> bool {
    crate::wording::names_organisation(name, lsp)
}

/// Whether the pack's LSP took part: a participant of party `lsp` whose
/// organisation names it.
pub(crate) fn lsp_took_part(record: &TestRecord, lsp: &str) -> bool {
    record
        .participants
        .iter()
        .any(|p| p.party == Party::Lsp && names_lsp(&p.organisation, lsp))
}

/// Why the LSP does not count as a participant, in words.
fn lsp_absence(record: &TestRecord, lsp: &str) -> String {
    if let Some(other) = record
        .participants
        .iter()
        .find(|p| p.party == Party::Lsp && !names_lsp(&p.organisation, lsp))
    {
        return format!(
            "its LSP participant is written `{}`, which does not name the pack's LSP: expected a name containing `{lsp}`",
            other.organisation.trim()
        );
    }
    if let Some(wrong_party) = record
        .participants
        .iter()
        .find(|p| names_lsp(&p.organisation, lsp))
    {
        return format!(
            "{} took part as `{}`, not as the LSP (`party: lsp`)",
            wrong_party.organisation,
            party_name(wrong_party.party)
        );
    }
    format!("{lsp} is not among its participants")
}

/// A party as written in evidence.
pub(crate) fn party_name(party: Party) -> &'static str {
    match party {
        Party::Local => "local",
        Party::Resolver => "resolver",
        Party::Lsp => "lsp",
        Party::National => "national",
        Party::Supplier => "supplier",
    }
}

/// A test result as written in evidence.
fn result_name(result: TestResult) -> &'static str {
    match result {
        TestResult::Pass => "pass",
        TestResult::Fail => "fail",
        TestResult::Partial => "partial",
    }
}

/// What a test must show to count, for [`shortfalls`].
pub(crate) struct Needs<'a> {
    /// The period it must fall in.
    pub lookback: Lookback,
    /// The LSP that must have taken part, if any.
    pub lsp: Option<&'a str>,
}

/// Whether a test counts: [`shortfalls`] would find none. The cheap
/// questions come first (the date, the result) and the LSP's name is matched
/// last, so a check that only needs to know whether *some* test counts (a
/// readiness timeline asks at each of its start dates) words nothing; the
/// reasons are made only for a check that reports them.
pub(crate) fn counts(record: &TestRecord, needs: &Needs<'_>) -> bool {
    needs.lookback.contains(record.date)
        && record.result == TestResult::Pass
        && needs.lsp.is_none_or(|lsp| lsp_took_part(record, lsp))
}

/// Why a test does not count: each shortfall in words (empty when it counts).
pub(crate) fn shortfalls(record: &TestRecord, needs: &Needs<'_>) -> Vec<String> {
    let mut out = Vec::new();
    if record.result != TestResult::Pass {
        out.push(format!(
            "it did not pass (result: {})",
            result_name(record.result)
        ));
    }
    if let Some(lsp) = needs.lsp
        && !lsp_took_part(record, lsp)
    {
        out.push(lsp_absence(record, lsp));
    }
    out.extend(needs.lookback.outside(record.date));
    out
}

/// A finding for a test that does not count, naming every shortfall, at its date.
pub(crate) fn not_counted<T: Rehearsal>(
    code: FindingCode,
    context: &Context<'_>,
    test: &Located<T>,
    reasons: &[String],
) -> Finding {
    Finding::new(
        code,
        format!(
            "{} does not count: {}",
            test.value.describe(context),
            reasons.join("; ")
        ),
        Some(test.at("/date")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Participant;
    use jiff::civil::date;

    fn record(participants: &[(&str, Party)]) -> TestRecord {
        TestRecord {
            date: date(2008, 6, 18),
            title: "test".into(),
            result: TestResult::Pass,
            participants: participants
                .iter()
                .map(|(organisation, party)| Participant {
                    organisation: (*organisation).into(),
                    party: *party,
                    role: None,
                })
                .collect(),
            steps: vec![],
            actions: vec![],
        }
    }

    proptest::proptest! {
        /// `counts` is `shortfalls` finding none, whatever the test's date,
        /// result and participants and whichever needs are asked.
        #[test]
        fn a_test_counts_exactly_when_it_has_no_shortfall(
            day in 0i64..400,
            result in 0usize..3,
            participants in proptest::collection::vec(
                (proptest::sample::select(vec!["BT Health", "bt  health ltd", "CSC", "BT Healthcare", ""]),
                 0usize..5),
                0..4,
            ),
            lookback_days in 1u32..200,
            start_day in 0i64..400,
            lsp in proptest::option::of(proptest::sample::select(vec!["BT Health", "CSC", " "])),
        ) {
            let parties = [Party::Local, Party::Resolver, Party::Lsp, Party::National, Party::Supplier];
            let base = date(2008, 1, 1);
            let mut test = record(&[]);
            test.date = base.checked_add(jiff::Span::new().days(day)).unwrap();
            test.result = [TestResult::Pass, TestResult::Fail, TestResult::Partial][result];
            test.participants = participants
                .iter()
                .map(|(organisation, party)| Participant {
                    organisation: (*organisation).into(),
                    party: parties[*party],
                    role: None,
                })
                .collect();
            let window = crate::checks::AssessmentWindow {
                start: base.checked_add(jiff::Span::new().days(start_day)).unwrap(),
                days: 84,
            };
            let needs = Needs {
                lookback: Lookback::before_start(&window, lookback_days),
                lsp,
            };
            proptest::prop_assert_eq!(counts(&test, &needs), shortfalls(&test, &needs).is_empty());
        }
    }

    #[test]
    fn the_lsp_must_take_part_as_the_lsp_under_its_own_name() {
        assert!(names_lsp("  bt   HEALTH ", "BT Health"));
        assert!(names_lsp("BT Health Ltd", "BT Health"));
        assert!(!names_lsp("BT Healthcare", "BT Health"));
        assert!(!names_lsp("", " "));
        assert!(lsp_took_part(
            &record(&[("bt health", Party::Lsp)]),
            "BT Health"
        ));
        let as_supplier = record(&[("BT Health", Party::Supplier)]);
        assert!(!lsp_took_part(&as_supplier, "BT Health"));
        assert_eq!(
            lsp_absence(&as_supplier, "BT Health"),
            "BT Health took part as `supplier`, not as the LSP (`party: lsp`)"
        );
        let other = record(&[("CSC", Party::Lsp)]);
        assert!(!lsp_took_part(&other, "BT Health"));
        assert_eq!(
            lsp_absence(&other, "BT Health"),
            "its LSP participant is written `CSC`, which does not name the pack's LSP: expected a name containing `BT Health`"
        );
        assert_eq!(
            lsp_absence(&record(&[]), "BT Health"),
            "BT Health is not among its participants"
        );
    }
}
