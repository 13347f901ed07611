//! The fast way of reading a log (blocks parsed in parallel, remembered UTC
//! offsets, references kept as runs) gives exactly what the straightforward
//! way gives (the whole file in one pass on one thread, every time converted
//! by the zone, every reference kept as written): the same counts and the
//! same findings, with the same lines, in the same order.
//!
//! The logs are generated: sequential, random and irregular references with
//! repeats within and across files, bad rows of every kind, quoted fields
//! holding commas, quotes and line breaks, CRLF and blank lines, and local
//! times around the Europe/London clock changes (the spring gap and the
//! autumn fold) as well as RFC 3339 times with offsets.

use proptest::prelude::*;

use super::london;
use crate::logs::LogSource;
use crate::logs::changes::analyse_change_logs_with;
use crate::logs::incidents::{SeverityTargets, analyse_incident_logs_with};
use crate::logs::reader::Strategy;
use crate::logs::staff::{FrontLineStaff, analyse_staff_registers_with};
use crate::logs::training::{TrainingScope, analyse_training_logs_with};
use crate::model::{ClockTime, DayName, Days, Window};

/// Small blocks, so that a generated log of a few hundred rows is cut into
/// many and read on several threads.
const SMALL_BLOCKS: Strategy = Strategy {
    block_bytes: 300,
    ..Strategy::FAST
};

/// A deterministic stream of pseudo-random numbers (xorshift64).
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % sides
    }
}

/// A local time around one of 2008's clock changes, or any time of the year,
/// written in one of the forms the logs take.
fn time(dice: &mut Dice) -> String {
    let (month, day) = match dice.roll(3) {
        0 => (3, 30),  // spring forward: 01:00–02:00 does not exist
        1 => (10, 26), // fall back: 01:00–02:00 happens twice
        _ => (1 + dice.roll(12) as i8, 1 + dice.roll(28) as i8),
    };
    let (hour, minute) = (dice.roll(4) as i8, dice.roll(60) as i8);
    let local = jiff::civil::date(2008, month, day).at(hour, minute, 0, 0);
    match dice.roll(6) {
        0 => format!("{}Z", local.strftime("%Y-%m-%dT%H:%M:%S")),
        1 => format!("{}+01:00", local.strftime("%Y-%m-%dT%H:%M:%S")),
        2 => local.strftime("%Y-%m-%d %H:%M").to_string(),
        _ => local.strftime("%Y-%m-%d %H:%M:%S").to_string(),
    }
}

/// A reference: mostly the next in sequence, sometimes a repeat, a jump, a
/// different prefix or one without digits.
fn reference(dice: &mut Dice, next: &mut u64, prefix: &str) -> String {
    match dice.roll(12) {
        0 => format!("{prefix}{:06}", dice.roll(*next + 1)), // a repeat, perhaps
        1 => format!("{prefix}{:06}", *next + 5 + dice.roll(50)), // ahead of the sequence
        2 => format!("X-{}", char::from(b'a' + dice.roll(6) as u8)), // irregular
        3 => format!("{prefix}{}", dice.roll(40)),           // no leading zeros
        _ => {
            *next += 1;
            format!("{prefix}{:06}", *next)
        }
    }
}

/// A field that needs quoting, now and then.
fn odd_field(dice: &mut Dice) -> &'static str {
    match dice.roll(8) {
        0 => "\"a, b\"",
        1 => "\"said \"\"hi\"\"\nthen left\"",
        2 => "\"\r\n\"",
        3 => "x\"y",
        _ => "phone",
    }
}

fn incident_log(seed: u64, rows: usize, prefix: &str) -> String {
    let mut dice = Dice(seed | 1);
    let mut next = 0;
    let mut csv = String::from(
        "reference,opened_at,channel,severity,application,status,responded_at,resolved_at,referred_to,external_reference\n",
    );
    for _ in 0..rows {
        let reference = reference(&mut dice, &mut next, prefix);
        let opened = time(&mut dice);
        let responded = match dice.roll(5) {
            0 => String::new(),
            _ => time(&mut dice),
        };
        let severity = ["1", "2", "3", "4", "5", "6", " 3 "][dice.roll(7) as usize];
        let referred = [
            "lsp",
            "national",
            "none",
            "",
            "BT Health",
            "National Service Desk",
            "elsewhere",
        ][dice.roll(7) as usize];
        let external = ["BTH-1", "", "n/a", "tbc"][dice.roll(4) as usize];
        let resolved = ["", "2008-13-01 00:00", "2008-06-01 10:00"][dice.roll(3) as usize];
        let channel = odd_field(&mut dice);
        let line = match dice.roll(30) {
            0 => format!("{reference},{opened},{channel}\n"), // ragged
            1 => "\n".to_owned(),                             // blank
            2 => format!(",{opened},{channel},1,pacs,closed,,,none,\n"), // no reference
            3 => format!("{reference},yesterday,{channel},1,pacs,closed,,,none,\r\n"),
            _ => format!(
                "{reference},{opened},{channel},{severity},pacs,closed,{responded},{resolved},{referred},{external}\n"
            ),
        };
        csv.push_str(&line);
    }
    csv
}

fn change_log(seed: u64, rows: usize) -> String {
    let mut dice = Dice(seed | 1);
    let mut next = 0;
    let mut csv = String::from("reference,system,clinical,scheduled_start,scheduled_end,outcome\n");
    for _ in 0..rows {
        let reference = reference(&mut dice, &mut next, "CHG");
        let (start, end) = (time(&mut dice), time(&mut dice));
        let clinical = ["true", "false", "yes", "maybe"][dice.roll(4) as usize];
        let system = odd_field(&mut dice);
        csv.push_str(&match dice.roll(25) {
            0 => format!("{reference},{system}\n"),
            _ => format!("{reference},{system},{clinical},{start},{end},done\n"),
        });
    }
    csv
}

/// A staff ID, in one of the ways a register or a training system writes it.
fn staff_id(dice: &mut Dice) -> String {
    let n = dice.roll(40);
    match dice.roll(5) {
        0 => format!("hv{n:03}"),
        1 => format!(" HV{n:03} "),
        2 => String::new(),
        _ => format!("HV{n:03}"),
    }
}

fn training_log(seed: u64, rows: usize) -> String {
    let mut dice = Dice(seed | 1);
    let mut csv = String::from("staff_id,role,course,application,completed_on,result\n");
    for _ in 0..rows {
        let id = staff_id(&mut dice);
        let course = [
            "national-application",
            "itil-foundation",
            "National Application",
            "first-aid",
        ][dice.roll(4) as usize];
        let application =
            ["pacs", "Choose and Book", "", "lorenzo", "gp2gp"][dice.roll(5) as usize];
        let completed = [
            "2008-01-10",
            "2006-10-06",
            "2006-10-07",
            "2008-10-06",
            "2009-01-01",
            "2008-02-30",
        ][dice.roll(6) as usize];
        let result = ["pass", "fail", "Passed", "absent"][dice.roll(4) as usize];
        let role = odd_field(&mut dice);
        csv.push_str(&match dice.roll(20) {
            0 => format!("{id},{role}\n"),
            1 => "\r\n".to_owned(),
            _ => format!("{id},{role},{course},{application},{completed},{result}\n"),
        });
    }
    csv
}

fn staff_register(seed: u64, rows: usize) -> String {
    let mut dice = Dice(seed | 1);
    let mut csv = String::from("staff_id,role,start_date,end_date,notes\n");
    for _ in 0..rows {
        let id = staff_id(&mut dice).trim().to_uppercase();
        let role = ["first-line", "second-line", "First Line", "chef"][dice.roll(4) as usize];
        let start = ["2007-01-01", "2008-05-01", "2009-01-01", "someday"][dice.roll(4) as usize];
        let end = ["", "2007-06-01", "2008-02-01", "2006-01-01"][dice.roll(4) as usize];
        let notes = odd_field(&mut dice);
        csv.push_str(&match dice.roll(20) {
            0 => format!("{id},{role}\n"),
            _ => format!("{id},{role},{start},{end},{notes}\n"),
        });
    }
    csv
}

fn front_line() -> FrontLineStaff {
    FrontLineStaff::new((0..30).map(|n| format!("HV{n:03}")))
}

fn training_scope<'a>(
    front_line: &'a FrontLineStaff,
    applications: &'a [String],
    known: &'a [(String, String)],
) -> TrainingScope<'a> {
    TrainingScope {
        front_line,
        applications,
        known_applications: known,
        counted_from: jiff::civil::date(2006, 10, 7),
        counted_to: jiff::civil::date(2008, 10, 6),
        as_of: jiff::civil::date(2008, 12, 1),
    }
}

fn sources<'a>(logs: &'a [(String, &str)]) -> Vec<LogSource<&'a [u8]>> {
    logs.iter()
        .map(|(csv, file)| LogSource {
            file: (*file).to_owned(),
            reader: csv.as_bytes(),
            tz: london(),
        })
        .collect()
}

fn targets() -> SeverityTargets {
    SeverityTargets {
        respond_within_minutes: [Some(15), Some(60), None, Some(240), Some(480)],
    }
}

fn windows() -> Vec<Window> {
    let window = |days, from, to| Window {
        days,
        from: ClockTime::parse(from).expect("a time"),
        to: ClockTime::parse(to).expect("a time"),
    };
    vec![
        window(Days::One(DayName::Sun), "00:30", "03:30"),
        window(Days::One(DayName::Tue), "22:00", "02:00"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn incident_logs_read_fast_give_what_they_give_read_straightforwardly(
        seed in any::<u64>(),
        rows in 0usize..600,
        second in 0usize..200,
    ) {
        let logs = [
            (incident_log(seed, rows, "INC"), "logs/a.csv"),
            (incident_log(seed.rotate_left(17), second, "INC"), "logs/b.csv"),
        ];
        let lsp = Some("BT Health");
        let plain = analyse_incident_logs_with(sources(&logs), &targets(), lsp, Strategy::STRAIGHTFORWARD);
        let fast = analyse_incident_logs_with(sources(&logs), &targets(), lsp, Strategy::FAST);
        let small = analyse_incident_logs_with(sources(&logs), &targets(), lsp, SMALL_BLOCKS);
        prop_assert_eq!(&fast, &plain);
        prop_assert_eq!(&small, &plain);
    }

    #[test]
    fn change_logs_read_fast_give_what_they_give_read_straightforwardly(
        seed in any::<u64>(),
        rows in 0usize..500,
    ) {
        let logs = [
            (change_log(seed, rows), "logs/changes-1.csv"),
            (change_log(seed ^ 0x5555, rows / 3), "logs/changes-2.csv"),
        ];
        let plain = analyse_change_logs_with(sources(&logs), &windows(), Strategy::STRAIGHTFORWARD);
        let small = analyse_change_logs_with(sources(&logs), &windows(), SMALL_BLOCKS);
        prop_assert_eq!(small, plain);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn training_logs_read_fast_give_what_they_give_read_straightforwardly(
        seed in any::<u64>(),
        rows in 0usize..500,
    ) {
        let logs = [
            (training_log(seed, rows), "logs/training-1.csv"),
            (training_log(seed ^ 0xaaaa, rows / 2), "logs/training-2.csv"),
        ];
        let (staff, applications) = (front_line(), ["pacs".to_string(), "choose-and-book".to_string()]);
        let known = [("choose-and-book".to_string(), "Choose and Book".to_string()), ("gp2gp".to_string(), "GP2GP".to_string())];
        let scope = training_scope(&staff, &applications, &known);
        let plain = analyse_training_logs_with(sources(&logs), &scope, Strategy::STRAIGHTFORWARD);
        let small = analyse_training_logs_with(sources(&logs), &scope, SMALL_BLOCKS);
        prop_assert_eq!(small, plain);
    }

    #[test]
    fn staff_registers_read_fast_give_what_they_give_read_straightforwardly(
        seed in any::<u64>(),
        rows in 0usize..400,
    ) {
        let logs = [
            (staff_register(seed, rows), "logs/staff-1.csv"),
            (staff_register(seed.rotate_left(9), rows / 2), "logs/staff-2.csv"),
        ];
        let window = crate::model::Period {
            from: jiff::civil::date(2008, 1, 7),
            to: jiff::civil::date(2008, 3, 30),
        };
        let plain = analyse_staff_registers_with(sources(&logs), window, Strategy::STRAIGHTFORWARD);
        let small = analyse_staff_registers_with(sources(&logs), window, SMALL_BLOCKS);
        prop_assert_eq!(small, plain);
    }
}

/// The generated training logs and registers hold passes, bad rows and
/// staff listed in both registers, so the comparison above compares them.
#[test]
fn the_generated_training_logs_and_registers_hold_what_the_comparison_needs() {
    let logs = [(training_log(11, 300), "logs/t.csv")];
    let (staff, applications) = (front_line(), ["pacs".to_string()]);
    let scope = training_scope(&staff, &applications, &[]);
    let summary =
        analyse_training_logs_with(sources(&logs), &scope, SMALL_BLOCKS).expect("readable");
    assert!(
        summary.itil_foundation.trained > 3,
        "{:?}",
        summary.itil_foundation
    );
    assert!(summary.applications[0].staff.trained > 3);
    let codes: std::collections::BTreeSet<&str> =
        summary.findings.iter().map(|f| f.code.name()).collect();
    for code in ["csv-ragged-row", "csv-invalid-value", "csv-more-bad-rows"] {
        assert!(codes.contains(code), "{code} missing from {codes:?}");
    }
    let registers = [
        (staff_register(3, 200), "logs/a.csv"),
        (staff_register(5, 200), "logs/b.csv"),
    ];
    let window = crate::model::Period {
        from: jiff::civil::date(2008, 1, 7),
        to: jiff::civil::date(2008, 3, 30),
    };
    let summary =
        analyse_staff_registers_with(sources(&registers), window, SMALL_BLOCKS).expect("readable");
    assert!(summary.front_line.len() > 5);
    let codes: std::collections::BTreeSet<&str> =
        summary.findings.iter().map(|f| f.code.name()).collect();
    for code in [
        "staff-in-several-registers",
        "csv-invalid-value",
        "staff-left-before-start",
    ] {
        assert!(codes.contains(code), "{code} missing from {codes:?}");
    }
}

#[test]
fn the_generated_logs_hold_what_the_comparison_needs() {
    let logs = [(incident_log(7, 100, "INC"), "logs/a.csv")];
    let summary = analyse_incident_logs_with(sources(&logs), &targets(), None, SMALL_BLOCKS)
        .expect("readable");
    let codes: std::collections::BTreeSet<&str> =
        summary.findings.iter().map(|f| f.code.name()).collect();
    for code in ["csv-ragged-row", "csv-invalid-value", "csv-more-bad-rows"] {
        assert!(codes.contains(code), "{code} missing from {codes:?}");
    }
    assert!(logs[0].0.contains("\"\r\n\"") && logs[0].0.contains("2008-10-26 01:"));
    assert!(summary.incidents > 15, "{}", summary.incidents);
    // Read twice, every incident of the second copy is a duplicate.
    let twice = [logs[0].clone(), (logs[0].0.clone(), "logs/b.csv")];
    let again = analyse_incident_logs_with(sources(&twice), &targets(), None, SMALL_BLOCKS)
        .expect("readable");
    assert_eq!(again.incidents, summary.incidents);
    assert_eq!(
        again.rows.skipped,
        summary.rows.skipped * 2 + summary.incidents
    );
}

#[test]
fn a_log_of_several_megabytes_is_read_in_parallel_blocks_alike() {
    let mut csv = Vec::new();
    crate::logs::incidents::synthetic_incident_csv(40_000, &mut csv).expect("written");
    let logs = [(String::from_utf8(csv).expect("UTF-8"), "logs/big.csv")];
    let plain =
        analyse_incident_logs_with(sources(&logs), &targets(), None, Strategy::STRAIGHTFORWARD);
    let fast = analyse_incident_logs_with(sources(&logs), &targets(), None, Strategy::FAST);
    assert!(logs[0].0.len() > 3 * crate::logs::chunks::BLOCK_BYTES);
    assert_eq!(fast, plain);
}
