//! Every finding code, declared once (in the manner of cargo-deny's
//! `diags.rs`): its stable kebab-case name, what it means in a desk manager's
//! words, and how to fix it. `Finding::new` takes a [`FindingCode`], so a code
//! that is not declared here cannot be emitted; each check declares the codes
//! it emits (`CheckKind::CODES`), and `accredit rules show`, the SARIF rules
//! table and `docs/finding-codes.md` are all built from this one list.
//!
//! A name never changes once released: a test snapshots the whole list.

use serde::{Serialize, Serializer};

/// Which evidence a code is about, for grouping codes in documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Area {
    /// The evidence a requirement needs is absent or invalid (any check).
    Evidence,
    /// The rota and its cover analysis.
    Rota,
    /// The service desk description and the pack document.
    Desk,
    /// The CSV exports: incident, training and change logs, the staff register.
    Logs,
    /// The escalation plan and its rehearsals (escalation and scenario tests).
    Escalation,
    /// The Markdown Procedures and Documents.
    Documents,
    /// Expression checks written in a ruleset.
    Expression,
}

impl Area {
    /// Every area, in documentation order.
    pub const ALL: &'static [Area] = &[
        Area::Evidence,
        Area::Rota,
        Area::Desk,
        Area::Logs,
        Area::Escalation,
        Area::Documents,
        Area::Expression,
    ];

    /// A heading for the area.
    pub fn title(self) -> &'static str {
        match self {
            Area::Evidence => "Any requirement",
            Area::Rota => "Rota and cover",
            Area::Desk => "Service desk and applicant",
            Area::Logs => "Logs and registers (CSV exports)",
            Area::Escalation => "Escalation plan and tests",
            Area::Documents => "Procedures and documents",
            Area::Expression => "Expression checks",
        }
    }
}

macro_rules! finding_codes {
    ($($area:ident {
        $($variant:ident => $name:literal, $meaning:literal, $fix:literal;)*
    })*) => {
        /// A stable finding code. It serializes as its kebab-case name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum FindingCode {
            $($(#[doc = $meaning] $variant,)*)*
        }

        impl FindingCode {
            /// Every code, grouped by area.
            pub const ALL: &'static [FindingCode] = &[$($(FindingCode::$variant,)*)*];

            /// The stable kebab-case name written in reports.
            pub fn name(self) -> &'static str {
                match self { $($(FindingCode::$variant => $name,)*)* }
            }

            /// What the finding means, in plain words.
            pub fn meaning(self) -> &'static str {
                match self { $($(FindingCode::$variant => $meaning,)*)* }
            }

            /// What to change in the pack (or ruleset) to clear it.
            pub fn fix(self) -> &'static str {
                match self { $($(FindingCode::$variant => $fix,)*)* }
            }

            /// The evidence the code is about.
            pub fn area(self) -> Area {
                match self { $($(FindingCode::$variant => Area::$area,)*)* }
            }
        }
    };
}

impl FindingCode {
    /// The code with this name, if there is one.
    pub fn from_name(name: &str) -> Option<FindingCode> {
        FindingCode::ALL.iter().copied().find(|c| c.name() == name)
    }
}

impl std::fmt::Display for FindingCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for FindingCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl PartialEq<&str> for FindingCode {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}

impl PartialEq<str> for FindingCode {
    fn eq(&self, other: &str) -> bool {
        self.name() == other
    }
}

finding_codes! {
    Evidence {
        EvidenceMissing => "evidence-missing",
            "The pack has no document of a kind this requirement needs, so it cannot be assessed.",
            "Add the evidence the requirement reads (`accredit rules show ID` names the kinds).";
        EvidenceInvalid => "evidence-invalid",
            "A document this requirement reads is invalid, so the requirement cannot be assessed.",
            "Run `accredit validate` and fix the problems it lists in that file.";
    }
    Rota {
        CoverGap => "cover-gap",
            "Fewer desk staff than required are on duty at some time in the assessment window.",
            "Add shifts (or staff to shifts) so the required number is on duty at every hour shown.";
        OnCallGap => "on-call-gap",
            "No on-call manager is on duty at some time outside weekday core hours.",
            "Add an on-call shift covering the times shown.";
        BankHolidaysNotStated => "bank-holidays-not-stated",
            "The rota does not say how bank holidays are staffed, so they count as unstaffed.",
            "Add `bank_holidays: {as: sun}` (or the day whose pattern applies) to the rota.";
        BankHolidaysClosed => "bank-holidays-closed",
            "The rota closes the desk on bank holidays, but support must run 365 days a year.",
            "Staff bank holidays like another day: set `bank_holidays: {as: sun}` or similar.";
        LoneWorking => "lone-working",
            "For part of the window fewer desk staff are on duty than the pairing the requirement asks for.",
            "Add a second person to the shifts where one person works alone.";
        RotaUnknownTimezone => "rota-unknown-timezone",
            "The rota names a time zone that is not in the IANA time-zone database.",
            "Write an IANA name such as `Europe/London` in the rota's `timezone`.";
        RotaPeriodReversed => "rota-period-reversed",
            "The rota period ends before it starts.",
            "Correct `period.from` and `period.to` in the rota.";
        RotaDuplicateException => "rota-duplicate-exception",
            "Two exceptions in the rota are for the same date; only the first applies.",
            "Keep one exception per date.";
        RotaExceptionUnclear => "rota-exception-unclear",
            "A rota exception is both closed and staffed, or neither.",
            "Give the exception either `closed: true` or its shifts, not both.";
        RotaExceptionIgnored => "rota-exception-ignored",
            "An exception in a rota whose shifts come from a CSV file changes nothing.",
            "Put the change in the shifts CSV, and remove the exception.";
        CoverNoRota => "cover-no-rota",
            "The cover analysis was given no rota (never from a pack: a pack without a rota is `missing`).",
            "Add a Rota document to the pack.";
        CoverWindowInvalid => "cover-window-invalid",
            "The assessment window lies outside the range of dates that can be analysed.",
            "Check the pack's assessment start and the `--as-of` date.";
        ShiftsNotRead => "shifts-not-read",
            "The rota names a shifts CSV file that is not in the pack.",
            "Add the shifts file to the pack, or correct the rota's `shifts` path.";
        ShiftsUnreadable => "shifts-unreadable",
            "The shifts CSV file cannot be read.",
            "Export the shifts file again as UTF-8 CSV.";
        ShiftsMissingColumn => "shifts-missing-column",
            "The shifts CSV file lacks a required column.",
            "Add the column named in the finding to the header row.";
        ShiftBadTime => "shift-bad-time",
            "A shift row has a start or end that is not a valid date and time.",
            "Write the start and end as instants with an offset, e.g. `2008-10-06T08:00:00+01:00`.";
        ShiftEndsBeforeStart => "shift-ends-before-start",
            "A shift row ends at or before it starts.",
            "Correct the row's start or end.";
        ShiftRaggedRow => "shift-ragged-row",
            "A shift row has a different number of fields from the header row.",
            "Correct the row so it has one field per column.";
        ShiftBadRow => "shift-bad-row",
            "A shift row is unreadable, has no staff_id, or has a bad on_call value.",
            "Correct the row named in the finding.";
        ShiftOverlap => "shift-overlap",
            "The same person is on two overlapping shifts; they are counted once.",
            "Remove or shorten one of the two shifts.";
        ShiftsMoreBadRows => "shifts-more-bad-rows",
            "More bad shift rows than are listed one by one; this counts the rest.",
            "Fix the listed rows, then assess again to see the rest.";
    }
    Desk {
        ChannelNot24x7 => "channel-not-24x7",
            "A contact channel the requirement asks for is not available 24 hours a day, 7 days a week.",
            "Make the channel available 24x7 and set its `hours` to `24x7` in the service desk document.";
        DeskToolNotDescribed => "desk-tool-not-described",
            "The service desk document does not describe the desk tool.",
            "Add `tool:` with its name and capabilities to the service desk document.";
        DeskToolLacksCapability => "desk-tool-lacks-capability",
            "The desk tool does not list a capability the requirement asks for.",
            "Add the capability to `tool.capabilities`, once the tool has it.";
        NoRegularReport => "no-regular-report",
            "No report is produced as often as the requirement asks.",
            "Produce a report at least as often as asked and list it under `reports`.";
        ReportSampleMissing => "report-sample-missing",
            "A report is listed without a sample in the pack.",
            "Add a sample of the report to the pack and name it in the report's `sample`.";
        OdsCodeForm => "ods-code-form",
            "The pack's ODS code is not in the form of an NHS trust code.",
            "Write the trust's ODS code (e.g. `RXW`) in the pack document.";
        LspNotNamed => "lsp-not-named",
            "The pack does not name its Local Service Provider.",
            "Write the LSP's name in `lsp.name` in the pack document.";
        NoApplicationInScope => "no-application-in-scope",
            "The pack declares no national application in scope.",
            "List the national applications the desk supports in `applications_in_scope`.";
    }
    Logs {
        LogSourceMissing => "log-source-missing",
            "The CSV file a log names is not in the pack.",
            "Add the CSV export to the pack, or correct the log's `source` path.";
        LogUnreadable => "log-unreadable",
            "The CSV file a log names cannot be opened.",
            "Check the file is a readable regular file in the pack.";
        CsvMissingColumn => "csv-missing-column",
            "A required column is missing from a CSV export's header row; that log cannot be analysed.",
            "Export the log again with the column named in the finding.";
        CsvUnreadable => "csv-unreadable",
            "A CSV export could not be read; that log cannot be analysed.",
            "Export the log again as UTF-8 CSV.";
        LogUnknownTimezone => "log-unknown-timezone",
            "A log names a time zone that is not a known IANA name; that log cannot be analysed.",
            "Write an IANA name such as `Europe/London` in the log's `timezone`.";
        CsvRaggedRow => "csv-ragged-row",
            "A CSV row has more or fewer fields than the header row; the row was skipped.",
            "Correct the row so it has one field per column.";
        CsvFieldTooLong => "csv-field-too-long",
            "A CSV field is longer than 1 MiB; the row was skipped.",
            "Correct the row (usually an unclosed quote).";
        CsvInvalidValue => "csv-invalid-value",
            "A CSV field holds a value its column does not allow (a time, date, severity or listed value); the row was skipped.",
            "Correct the value named in the finding.";
        CsvMoreBadRows => "csv-more-bad-rows",
            "Bad rows beyond the first twenty in a CSV export, counted; they were skipped.",
            "Fix the listed rows, then assess again to see the rest.";
        IncidentDuplicateReference => "incident-duplicate-reference",
            "An incident reference appears again in the incident logs (the same file or another); only its first occurrence is counted.",
            "Remove the repeated row, or give it its own reference.";
        IncidentRespondedBeforeOpened => "incident-responded-before-opened",
            "An incident's response time is before the time it was opened; the row was skipped.",
            "Correct the row's opened or responded time.";
        IncidentHourSlotsWithoutIncidents => "incident-hour-slots-without-incidents",
            "Hours of the week (local time) in which the incident log shows no incident opened.",
            "Show the desk takes calls at every hour: export a log covering the whole window.";
        ReferralWithoutExternalReference => "referral-without-external-reference",
            "Incidents referred to the LSP or the national service desk that carry no external reference.",
            "Record the LSP's or national desk's reference on every referred incident.";
        IncidentResponseLate => "incident-response-late",
            "Incidents not responded to within their severity's response target.",
            "Respond within the targets of the escalation plan; the finding lists the late incidents.";
        IncidentSeverityWithoutTarget => "incident-severity-without-target",
            "Incidents whose severity has no response target in the escalation plan; they are not measured.",
            "Give every severity a response target in the escalation plan.";
        NoReferrals => "no-referrals",
            "No incident in the log was referred to the LSP or the national service desk, so there is nothing to measure.",
            "Nothing to fix if none was referred; otherwise record the referrals in the log.";
        NoResponseTargets => "no-response-targets",
            "No incident in the log has a severity with a response target, so response times cannot be measured.",
            "Give the severities response targets in the escalation plan.";
        ChangeDuplicateReference => "change-duplicate-reference",
            "A change reference appears again in the change logs (the same file or another); only its first occurrence is counted.",
            "Remove the repeated row, or give it its own reference.";
        ChangeEndsBeforeStart => "change-ends-before-start",
            "A change scheduled to end before it starts; the row was skipped.",
            "Correct the row's scheduled start or end.";
        ChangeOutsideWindows => "change-outside-windows",
            "Changes to clinical systems scheduled outside every agreed change window.",
            "Schedule clinical changes inside the change windows of the service desk document.";
        NoClinicalChanges => "no-clinical-changes",
            "The change log has no changes to clinical systems, so there is nothing to measure.",
            "Nothing to fix if there were none; otherwise mark clinical changes in the log.";
        StaffInSeveralRegisters => "staff-in-several-registers",
            "A staff ID is listed in more than one staff register export; the rows are combined.",
            "List each person in one register.";
        StaffLeftBeforeStart => "staff-left-before-start",
            "A staff register row whose end date is before its start date; the row was skipped.",
            "Correct the row's start or end date.";
        StaffNoFrontLine => "staff-no-front-line",
            "The staff register shows no first-line staff in post during the assessment window.",
            "List the desk's first-line staff, with their roles and dates, in the staff register.";
        NoFrontLineStaff => "no-front-line-staff",
            "The staff register lists no first-line staff in post in the window, so training cannot be measured.",
            "List the desk's first-line staff, with their roles and dates, in the staff register.";
        TrainingUnknownApplication => "training-unknown-application",
            "A training row names an application that is neither in scope nor known to the ruleset; the row was skipped.",
            "Use the application ids of the ruleset (`accredit rules` lists them).";
        TrainingFutureDated => "training-future-dated",
            "Training dated after the as-of date; it is not counted.",
            "Correct the date, or assess again once the training has taken place.";
        TrainingApplicationMissing => "training-application-missing",
            "Front-line staff without a pass in national-application training for an in-scope application within the counted period.",
            "Train the staff listed, and record their passes in the training log.";
        TrainingItilFoundationMissing => "training-itil-foundation-missing",
            "Front-line staff without an ITIL Foundation pass.",
            "Train the staff listed, and record their passes in the training log.";
    }
    Escalation {
        PlanNotApproved => "plan-not-approved",
            "The escalation plan does not say who approved it or when.",
            "Write `approved_by` and `approved_on` in the escalation plan.";
        PlanApprovedAfterStart => "plan-approved-after-start",
            "The escalation plan was approved after the assessment start; it must be in force before.",
            "Approve the plan before the assessment starts.";
        TooFewEscalationLevels => "too-few-escalation-levels",
            "The escalation plan has fewer levels than the requirement asks.",
            "Add the missing escalation levels.";
        NoLspLevel => "no-lsp-level",
            "No escalation level is the Local Service Provider (`party: lsp`).",
            "Add a level for the LSP with `party: lsp`.";
        LspLevelMisnamed => "lsp-level-misnamed",
            "The LSP escalation level does not name the pack's LSP.",
            "Name the pack's LSP in the level's `name`.";
        NoNationalLevel => "no-national-level",
            "No escalation level is the national service desk (`party: national`).",
            "Add a level for the national service desk with `party: national`.";
        LevelContactMissing => "level-contact-missing",
            "An escalation level has no contact phone number or e-mail address.",
            "Add the level's `contact` phone and e-mail.";
        LevelNotReachable24x7 => "level-not-reachable-24x7",
            "An escalation level cannot be reached at all hours, and no out-of-hours route covers it.",
            "Make the level reachable 24x7, or add an `out_of_hours` route with a role and phone number.";
        OutOfHoursRouteIncomplete => "out-of-hours-route-incomplete",
            "The plan's out-of-hours route lacks a role or a phone number.",
            "Give `out_of_hours` both a role and a phone number.";
        SeverityUndefined => "severity-undefined",
            "A severity the requirement asks for is not defined in the escalation plan.",
            "Define every severity from 1 to the highest asked.";
        SeverityDefinedTwice => "severity-defined-twice",
            "A severity is defined more than once in the escalation plan.",
            "Keep one definition of each severity.";
        SeverityOutOfRange => "severity-out-of-range",
            "The escalation plan defines a severity outside the range the requirement uses.",
            "Remove the severity, or renumber it within the range.";
        SeverityTargetsLoosen => "severity-targets-loosen",
            "A more severe incident has a slower target than a less severe one.",
            "Make each severity's targets at least as fast as those of the severity below it.";
        FutureDatedEvidence => "future-dated-evidence",
            "Evidence is dated after the run date (`--as-of`), so it is not counted.",
            "Correct the date, or assess again once the event has taken place.";
        NoRecentLspEscalationTest => "no-recent-lsp-escalation-test",
            "No passed escalation test with the LSP is dated recently enough.",
            "Run an escalation test with the LSP and add its record to the pack.";
        EscalationTestNotCounted => "escalation-test-not-counted",
            "An escalation test in the pack does not count (failed, too old, or without the LSP).",
            "The finding says why; run a new test if it cannot be corrected.";
        NoOutOfHoursEscalationTest => "no-out-of-hours-escalation-test",
            "No passed out-of-hours escalation test is dated in the period asked.",
            "Run an escalation test out of hours and add its record to the pack.";
        NoSeverity1EscalationTest => "no-severity-1-escalation-test",
            "No passed severity-1 escalation test is dated in the period asked.",
            "Run a severity-1 escalation test and add its record to the pack.";
        NoTestCounted => "no-test-counted",
            "No escalation or scenario test counts, so their follow-up actions cannot be measured.",
            "Run the tests and add their records to the pack.";
        OverdueTestAction => "overdue-test-action",
            "An action from a test is still open after its due date.",
            "Close the action (record `closed_on`) or agree a new due date.";
        UndatedOpenAction => "undated-open-action",
            "An open action from a test has no due date.",
            "Give the action a `due` date.";
        NoApplicationToTest => "no-application-to-test",
            "The pack declares no application in scope, so no scenario test can cover one.",
            "List the applications in scope in the pack document.";
        ApplicationNotScenarioTested => "application-not-scenario-tested",
            "An application in scope has no passed end-to-end scenario test with the LSP in the period asked.",
            "Run a scenario test for the application with the LSP and add its record.";
        ScenarioTestNotCounted => "scenario-test-not-counted",
            "A scenario test in the pack does not count (failed, too old, or without the LSP).",
            "The finding says why; run a new test if it cannot be corrected.";
        NoOutOfHoursScenario => "no-out-of-hours-scenario",
            "No passed scenario test ran out of hours.",
            "Run a scenario test out of hours and add its record with timed steps.";
        ScenarioTestInCoreHours => "scenario-test-in-core-hours",
            "A scenario test started within core hours, so it does not show out-of-hours working.",
            "Nothing to fix for this test; run another out of hours.";
        ScenarioTestWithoutSteps => "scenario-test-without-steps",
            "A scenario test has no steps, so when it ran is not known.",
            "Record the test's steps with their times.";
        StepTimeUnreadable => "step-time-unreadable",
            "A scenario test's first step time is neither a time HH:MM nor an instant with an offset.",
            "Write the step's `at` as `HH:MM` or an instant such as `2008-10-06T22:15:00+01:00`.";
    }
    Documents {
        ProcedureMissing => "procedure-missing",
            "The pack has no Procedure for a process the requirement asks about.",
            "Add a Markdown Procedure with `kind: Procedure` and the process in its front matter.";
        SectionMissing => "section-missing",
            "A Procedure lacks a section the requirement asks for.",
            "Add a section (a heading) with the name given in the finding.";
        FurtherSectionMissing => "further-section-missing",
            "A Procedure has too few sections beyond the named ones describing how the process is carried out.",
            "Add sections describing how the process is carried out.";
        DocumentMissing => "document-missing",
            "The pack has no Document of a type the requirement asks for.",
            "Add a Markdown Document with `kind: Document` and that `type` in its front matter.";
        DocumentNotApproved => "document-not-approved",
            "A Document has no approval date.",
            "Record `approved_on` (and who approved it) in the document's front matter.";
        ApprovedAfterStart => "approved-after-start",
            "A Document was approved after the assessment start; it must be in force before.",
            "Approve the document before the assessment starts.";
        ApprovalTooOld => "approval-too-old",
            "A Document's approval is older than the requirement allows.",
            "Review and approve the document again, and record the new `approved_on`.";
        DocumentControlIncomplete => "document-control-incomplete",
            "A document lacks document-control details (owner, version, review date or approval).",
            "Fill in the document-control fields named in the finding.";
        ReviewDueInWindow => "review-due-in-window",
            "A document's review falls due during the assessment window.",
            "Review the document before the window starts and record the next review date.";
        PlaceholderText => "placeholder-text",
            "Template placeholder text (such as TBC or lorem ipsum) is left in a document.",
            "Replace the placeholder with the real content.";
        BrokenLink => "broken-link",
            "A Markdown link between pack files does not resolve.",
            "Correct the link, or add the file or heading it points to.";
        SectionTooShort => "section-too-short",
            "A Procedure section is shorter than the requirement asks.",
            "Describe the section's subject in more words.";
        NoRequiredSections => "no-required-sections",
            "No Procedure has any of the sections the requirement measures.",
            "Add the sections to the Procedures.";
        NoSectionsAsked => "no-sections-asked",
            "The ruleset names no sections for this requirement to measure (a ruleset problem).",
            "In the ruleset, give the requirement sections, or the Procedure requirement it follows.";
        ApplicationNotCovered => "application-not-covered",
            "An application in scope has no Document of the type the requirement asks for.",
            "Add a Document of that type with `application:` naming the application.";
    }
    Expression {
        ExpressionNotMet => "expression-not-met",
            "The ruleset's expression is false for this pack.",
            "Change the evidence the expression reads (`accredit rules show ID` shows it).";
        ExpressionFailed => "expression-failed",
            "The ruleset's expression could not be evaluated on this pack.",
            "Correct the expression in the ruleset, or the evidence it reads.";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case_and_meanings_and_fixes_are_sentences() {
        let mut seen = std::collections::BTreeSet::new();
        for code in FindingCode::ALL {
            let name = code.name();
            assert!(seen.insert(name), "{name} is declared twice");
            assert!(
                !name.starts_with('-')
                    && !name.ends_with('-')
                    && !name.contains("--")
                    && name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{name} is not kebab-case"
            );
            assert!(code.meaning().ends_with('.'), "{name}: meaning");
            assert!(code.fix().ends_with('.'), "{name}: fix");
            assert_eq!(FindingCode::from_name(name), Some(*code));
        }
        assert_eq!(FindingCode::from_name("no-such-code"), None);
    }

    #[test]
    fn codes_serialize_as_their_names() {
        let json =
            serde_json::to_string(&[FindingCode::CoverGap, FindingCode::BrokenLink]).unwrap();
        assert_eq!(json, r#"["cover-gap","broken-link"]"#);
    }

    /// The full list, so a renamed or removed code shows in review.
    #[test]
    fn the_list_of_codes_is_stable() {
        let list: String = FindingCode::ALL
            .iter()
            .map(|c| format!("{:?} {} — {}\n", c.area(), c.name(), c.meaning()))
            .collect();
        insta::assert_snapshot!(list);
    }

    /// Validation diagnostics are a separate system; a name in both must
    /// mean the same problem (one found by `validate`, one by `assess`).
    #[test]
    fn no_name_means_two_things_across_findings_and_diagnostics() {
        use crate::diagnostic::Code;
        let same_problem = [
            (FindingCode::BrokenLink, Code::BrokenLink),
            (FindingCode::CsvMissingColumn, Code::CsvMissingColumn),
        ];
        for code in FindingCode::ALL {
            let Some(diagnostic) = Code::ALL.iter().find(|d| d.as_str() == code.name()) else {
                continue;
            };
            assert!(
                same_problem.contains(&(*code, *diagnostic)),
                "`{code}` is both a finding and a diagnostic code: rename one, or list the pair as one problem"
            );
        }
        for (finding, diagnostic) in same_problem {
            assert_eq!(finding.name(), diagnostic.as_str());
        }
    }
}
