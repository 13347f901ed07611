//! The words and numbers the outputs share: shares in percent, durations,
//! sizes, counts, days to the start, and the verdict and waiver wording.
//! Every renderer (text, Markdown, HTML, JUnit, GitHub, the plan, the
//! timeline, the portfolio) words these through here, so one change of
//! wording reaches every format.

use accredit_core::Measure;
use accredit_core::assess::{Verdict, WaiverStatus};

/// A share in percent with one decimal, rounded towards zero, so a partial
/// result never shows as 100% (99.96 → `99.9%`).
pub fn percent(value: f64) -> String {
    format!("{:.1}%", towards_zero(value, 1))
}

/// A share in whole percent, rounded towards zero (99.6 → `99%`).
pub fn percent_whole(value: f64) -> String {
    format!("{:.0}%", towards_zero(value, 0))
}

/// [`percent`], or `none` when nothing was scored.
pub fn percent_or(value: Option<f64>, none: &str) -> String {
    value.map_or_else(|| none.to_string(), percent)
}

/// `value` cut to `decimals` places towards zero; values within floating-point
/// error of the next step (98.8 stored as 98.79999…) keep that step.
pub fn towards_zero(value: f64, decimals: i32) -> f64 {
    if !value.is_finite() {
        return value;
    }
    let scale = 10f64.powi(decimals);
    let scaled = value * scale;
    let nudge = 1e-9 * scaled.abs().max(1.0);
    (scaled + nudge.copysign(scaled)).trunc() / scale
}

/// `measured 98.8% against a target of 100%` (units other than `%` spaced,
/// the value rounded towards zero).
pub fn measured(m: &Measure) -> String {
    let number = |v: f64| {
        let text = format!("{:.1}", towards_zero(v, 1));
        text.strip_suffix(".0").map(str::to_string).unwrap_or(text)
    };
    let unit = if m.unit == "%" || m.unit.is_empty() {
        m.unit.clone()
    } else {
        format!(" {}", crate::encode::text::text(&m.unit))
    };
    format!(
        "measured {}{unit} against a target of {}{unit}",
        number(m.value),
        number(m.target)
    )
}

/// `20`, `2.5`: no trailing `.0`.
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// `2,016`.
pub fn thousands(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::new();
    for (n, c) in digits.chars().enumerate() {
        if n > 0 && (digits.len() - n) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if value < 0 { format!("-{out}") } else { out }
}

/// `1 h 30 min`, `45 min`, `2 h`.
pub fn duration(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// `512 B`, `1.9 KiB`, `3.4 MiB`.
pub fn size(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} B")
    } else if b < KIB * KIB {
        format!("{:.1} KiB", b / KIB)
    } else {
        format!("{:.1} MiB", b / (KIB * KIB))
    }
}

/// `1 error`, `2 errors`.
pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {}", one_or_many(n, word, &format!("{word}s")))
}

/// `one` when `n` is 1, else `many`.
pub fn one_or_many<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// `35 days to go`, `starts today`, `started 3 days ago`.
pub fn days_to_go(days: i64) -> String {
    match days {
        0 => "starts today".to_string(),
        1 => "1 day to go".to_string(),
        d if d > 1 => format!("{d} days to go"),
        -1 => "started yesterday".to_string(),
        d => format!("started {} days ago", -d),
    }
}

/// The verdict in words: `ready`, `approaching`, `not ready`.
pub fn verdict(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Ready => "ready",
        Verdict::Approaching => "approaching",
        Verdict::NotReady => "not ready",
    }
}

/// The verdict as a heading: `READY`, `APPROACHING`, `NOT READY`.
pub fn verdict_heading(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Ready => "READY",
        Verdict::Approaching => "APPROACHING",
        Verdict::NotReady => "NOT READY",
    }
}

/// The verdict as a sentence starts: `Ready`, `Approaching`, `Not ready`.
pub fn verdict_sentence(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Ready => "Ready",
        Verdict::Approaching => "Approaching",
        Verdict::NotReady => "Not ready",
    }
}

/// What became of a waiver, in words: `active`, `not waivable`, …
pub fn waiver(status: WaiverStatus) -> &'static str {
    match status {
        WaiverStatus::Active => "active",
        WaiverStatus::Expired => "expired",
        WaiverStatus::NotWaivable => "not waivable",
        WaiverStatus::UnknownRequirement => "unknown requirement",
        WaiverStatus::Stale => "stale",
        WaiverStatus::Duplicate => "duplicate",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_towards_zero() {
        assert_eq!(percent(99.96), "99.9%");
        assert_eq!(percent(99.99), "99.9%");
        assert_eq!(percent(100.0), "100.0%");
        assert_eq!(percent(98.8), "98.8%");
        assert_eq!(percent(0.1 + 0.7), "0.8%");
        assert_eq!(percent(0.0), "0.0%");
        assert_eq!(percent_whole(99.6), "99%");
        assert_eq!(percent_whole(100.0), "100%");
        assert_eq!(percent_whole(33.333), "33%");
        assert_eq!(percent_or(None, "—"), "—");
    }

    #[test]
    fn numbers_times_and_sizes_read_for_people() {
        assert_eq!(number(20.0), "20");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(thousands(2016), "2,016");
        assert_eq!(thousands(120_960), "120,960");
        assert_eq!(thousands(-1234), "-1,234");
        assert_eq!(duration(90), "1 h 30 min");
        assert_eq!(duration(45), "45 min");
        assert_eq!(duration(120), "2 h");
        assert_eq!(size(1924), "1.9 KiB");
        assert_eq!(size(12), "12 B");
        assert_eq!(size(3 * 1024 * 1024), "3.0 MiB");
    }

    #[test]
    fn counts_and_days_agree_in_number() {
        assert_eq!(plural(1, "gap"), "1 gap");
        assert_eq!(plural(0, "gap"), "0 gaps");
        assert_eq!(plural(2, "error"), "2 errors");
        assert_eq!(days_to_go(35), "35 days to go");
        assert_eq!(days_to_go(1), "1 day to go");
        assert_eq!(days_to_go(0), "starts today");
        assert_eq!(days_to_go(-1), "started yesterday");
        assert_eq!(days_to_go(-3), "started 3 days ago");
    }

    #[test]
    fn verdicts_have_one_wording_in_three_cases() {
        for v in [Verdict::Ready, Verdict::Approaching, Verdict::NotReady] {
            assert_eq!(verdict_heading(v), verdict(v).to_uppercase());
            let sentence = verdict_sentence(v);
            assert_eq!(sentence.to_lowercase(), verdict(v));
            assert!(sentence.starts_with(|c: char| c.is_uppercase()));
        }
    }
}
