//! A synthetic incident log for benchmarks.

use std::io::Write;

use jiff::SignedDuration;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;

use super::COLUMNS;
use crate::logs::local_instant;

/// Writes a realistic synthetic incident log of `rows` rows (about 150 bytes
/// each) for benchmarks: a busy Europe/London desk around the clock from
/// 2008-01-01, with local and RFC 3339 times, referrals (a few without an
/// external reference) and an extra column that the analysis ignores.
#[doc(hidden)]
pub fn synthetic_incident_csv(rows: usize, out: &mut impl Write) -> std::io::Result<()> {
    const CHANNELS: [&str; 5] = ["phone", "phone", "email", "fax", "web"];
    const APPLICATIONS: [&str; 4] = [
        "care-records-service",
        "choose-and-book",
        "electronic-prescription-service",
        "pacs",
    ];
    const STATUSES: [&str; 4] = ["closed", "resolved", "in-progress", "awaiting-customer"];
    const GROUPS: [&str; 4] = [
        "service-desk",
        "second-line-pacs",
        "networks",
        "desktop-support",
    ];
    let london = jiff::tz::db().get("Europe/London").unwrap_or(TimeZone::UTC);
    writeln!(out, "{},assigned_group", COLUMNS.join(","))?;
    let start = jiff::civil::date(2008, 1, 1).at(0, 0, 0, 0);
    let mut random: u64 = 0x2545_f491_4f6c_dd1d;
    let mut seconds: i64 = 0;
    for n in 0..rows {
        // xorshift64: cheap, deterministic pseudo-random numbers.
        random ^= random << 13;
        random ^= random >> 7;
        random ^= random << 17;
        let pick = |range: u64, shift: u32| usize::try_from((random >> shift) % range).unwrap_or(0);
        let minutes =
            |range: u64, shift: u32| SignedDuration::from_mins(((random >> shift) % range) as i64);
        seconds += 20 + (random % 60) as i64;
        let later = |from: DateTime, by: SignedDuration| from.checked_add(by).unwrap_or(from);
        let opened = later(start, SignedDuration::from_secs(seconds));
        let responded = later(opened, minutes(90, 8) + SignedDuration::from_mins(1));
        let resolved = later(responded, minutes(600, 16) + SignedDuration::from_mins(30));
        let resolved = local_instant(resolved, &london).map_or(String::new(), |at| {
            at.to_zoned(london.clone())
                .strftime("%Y-%m-%dT%H:%M:%S%:z")
                .to_string()
        });
        let (referred, external) = match pick(20, 24) {
            0 => ("lsp", format!("BTH-{n:07}")),
            1 if n % 50 == 0 => ("national", String::new()),
            1 => ("national", format!("NSD{n:08}")),
            2 => ("supplier", String::new()),
            _ => ("none", String::new()),
        };
        writeln!(
            out,
            "INC-2008-{n:08},{},{},{},{},{},{},{resolved},{referred},{external},{}",
            opened.strftime("%Y-%m-%d %H:%M:%S"),
            CHANNELS[pick(5, 32)],
            1 + pick(5, 36),
            APPLICATIONS[pick(4, 40)],
            STATUSES[pick(4, 44)],
            responded.strftime("%Y-%m-%d %H:%M:%S"),
            GROUPS[pick(4, 48)],
        )?;
    }
    Ok(())
}
