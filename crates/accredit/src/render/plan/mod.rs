//! The improvement plan in each format. Evidence text goes through
//! [`crate::encode`] for each consumer: terminals, Markdown, CSV, JSON.

pub mod oscal;

use accredit_core::plan::{OwnerSource, Plan, PlanItem, place};

use crate::encode;

/// The due date and lead in words: "2008-09-22 (14 days before the start)".
fn due_line(plan: &Plan) -> String {
    format!(
        "items are due {} days before the assessment start {}, or on the run date {} if that has passed",
        plan.plan_lead_days, plan.assessment_start, plan.as_of
    )
}

fn owner_words(item: &PlanItem) -> &'static str {
    match item.owner_source {
        OwnerSource::Document => "document owner",
        OwnerSource::Contact => "pack contact",
        OwnerSource::Unassigned => "nobody is named",
    }
}

fn points(value: f64) -> String {
    format!("{value:.2}")
}

fn rank_label(item: &PlanItem) -> &'static str {
    if item.blocking {
        "blocking"
    } else {
        "weighted"
    }
}

/// Text for a terminal or a file.
pub fn text(plan: &Plan) -> String {
    use encode::text::text as t;
    let mut out = String::new();
    out.push_str(&format!(
        "Improvement plan: {}\n",
        encode::text::at_line_start(&plan.organisation, "organisation: ")
    ));
    out.push_str(&format!(
        "Verdict now: {}, overall {}; {}.\n",
        plan.verdict.as_str(),
        crate::words::percent(plan.overall),
        due_line(plan)
    ));
    if plan.items.is_empty() {
        out.push_str("\nNothing to do: every counted requirement passes or is validly waived.\n");
        return out;
    }
    for item in &plan.items {
        out.push_str(&format!(
            "\n{}. [{}] {} {} — {}, {} points at stake\n",
            item.rank,
            rank_label(item),
            t(&item.requirement),
            t(&item.title),
            item.result.as_str(),
            points(item.points_at_stake)
        ));
        out.push_str(&format!(
            "   Owner: {} ({})   Due: {}\n",
            t(&item.owner),
            owner_words(item),
            item.due
        ));
        out.push_str(&format!("   Action: {}\n", t(&item.action)));
    }
    out
}

/// Markdown: a summary table, then each item with its findings.
pub fn markdown(plan: &Plan) -> String {
    use encode::markdown::{code, inline};
    let mut out = String::new();
    out.push_str(&format!(
        "## Improvement plan: {}\n\nVerdict now: **{}**, overall {}; {}.\n\n",
        inline(&plan.organisation),
        plan.verdict.as_str(),
        crate::words::percent(plan.overall),
        due_line(plan)
    ));
    if plan.items.is_empty() {
        out.push_str("Nothing to do: every counted requirement passes or is validly waived.\n");
        return out;
    }
    out.push_str("| # | Requirement | Blocking | Result | Points | Owner | Due |\n|---:|---|---|---|---:|---|---|\n");
    for item in &plan.items {
        out.push_str(&format!(
            "| {} | {} {} | {} | {} | {} | {} | {} |\n",
            item.rank,
            inline(&item.requirement),
            inline(&item.title),
            if item.blocking { "yes" } else { "no" },
            item.result.as_str(),
            points(item.points_at_stake),
            inline(&item.owner),
            item.due
        ));
    }
    for item in &plan.items {
        out.push_str(&format!(
            "\n### {}. {} {}\n\n**Action:** {}\n\n**Owner:** {} ({}). **Due:** {}.\n",
            item.rank,
            inline(&item.requirement),
            inline(&item.title),
            inline(&item.action),
            inline(&item.owner),
            owner_words(item),
            item.due
        ));
        if !item.findings.is_empty() {
            out.push('\n');
            for finding in &item.findings {
                let at = place(finding)
                    .map(|p| format!(" {}", code(&p)))
                    .unwrap_or_default();
                out.push_str(&format!("- {}{at}\n", inline(&finding.message)));
            }
        }
    }
    out
}

/// The CSV columns, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "rank",
    "requirement",
    "title",
    "domain",
    "blocking",
    "result",
    "points_at_stake",
    "owner",
    "owner_source",
    "due",
    "files",
    "action",
    "findings",
];

/// CSV: UTF-8 with a byte-order mark (so spreadsheet programs read it as
/// UTF-8), one row per item, every cell defused against formulas. Control
/// characters in evidence text become visible escapes first (as on a
/// terminal), so `cat plan.csv` is as inert as a spreadsheet; the findings
/// cell keeps one finding per line.
pub fn csv(plan: &Plan) -> String {
    use encode::text::text as t;
    let mut out = String::from("\u{feff}");
    out.push_str(&encode::csv::record(CSV_COLUMNS.iter().copied()));
    for item in &plan.items {
        let findings: Vec<String> = item
            .findings
            .iter()
            .map(|f| match place(f) {
                Some(at) => t(&format!("{} ({at})", f.message)).into_owned(),
                None => t(&f.message).into_owned(),
            })
            .collect();
        let cells = [
            item.rank.to_string(),
            t(&item.requirement).into_owned(),
            t(&item.title).into_owned(),
            t(&item.domain).into_owned(),
            if item.blocking { "yes" } else { "no" }.to_string(),
            item.result.as_str().to_string(),
            points(item.points_at_stake),
            t(&item.owner).into_owned(),
            match item.owner_source {
                OwnerSource::Document => "document",
                OwnerSource::Contact => "contact",
                OwnerSource::Unassigned => "unassigned",
            }
            .to_string(),
            item.due.to_string(),
            t(&item.files.join("; ")).into_owned(),
            t(&item.action).into_owned(),
            findings.join("\n"),
        ];
        out.push_str(&encode::csv::record(cells.iter().map(String::as_str)));
    }
    out
}

/// Pretty JSON in a fixed key order, hardened like every JSON output.
pub fn json(plan: &Plan) -> String {
    let mut text = serde_json::to_string_pretty(plan)
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot serialise the plan: {e}\"}}"));
    text.push('\n');
    encode::json::harden(text)
}
