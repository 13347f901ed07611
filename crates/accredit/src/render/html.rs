//! `accredit report` and `--format html`: the HTML gap report. One
//! self-contained file, readable offline and printable: no script, no
//! external request, a Content-Security-Policy that forbids both.
//!
//! The assessment becomes a view-model ([`view::Report`]: plain values,
//! worded and formatted in Rust); the minijinja templates in
//! `crates/accredit/templates/` only lay it out. HTML auto-escaping is on for
//! every template and value, so trust-supplied text is always escaped; the
//! only HTML values are Markdown excerpts, sanitised by [`markdown`] first.
//! An undefined value is an error, so a template that names a missing field
//! fails the tests instead of printing an empty cell.

mod charts;
mod markdown;
#[cfg(test)]
mod tests;
mod view;

pub(crate) use view::{StatusView, status};

use accredit_core::assess::Assessment;
use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};

/// The Content-Security-Policy every page carries: no script runs, nothing
/// loads but the page's own inline style (and `data:` images, of which there
/// are none), and no base or form can send the reader elsewhere.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// The templates both pages (the gap report and the portfolio's caseload)
/// include: the head, the colours, and the small macros.
const SHARED_TEMPLATES: &[(&str, &str)] = &[
    (
        "head.html",
        include_str!("../../templates/shared/head.html"),
    ),
    (
        "palette.css",
        include_str!("../../templates/shared/palette.css"),
    ),
    ("macros.html", include_str!("../../templates/macros.html")),
];

/// The report's templates, by name; `report.html` is the page, including the rest.
const TEMPLATES: &[(&str, &str)] = &[
    ("report.html", include_str!("../../templates/report.html")),
    ("report.css", include_str!("../../templates/report.css")),
    (
        "summary.html",
        include_str!("../../templates/sections/summary.html"),
    ),
    (
        "domains.html",
        include_str!("../../templates/sections/domains.html"),
    ),
    (
        "fix_first.html",
        include_str!("../../templates/sections/fix_first.html"),
    ),
    (
        "cover.html",
        include_str!("../../templates/sections/cover.html"),
    ),
    (
        "requirements.html",
        include_str!("../../templates/sections/requirements.html"),
    ),
    (
        "waivers.html",
        include_str!("../../templates/sections/waivers.html"),
    ),
    (
        "readiness.html",
        include_str!("../../templates/sections/readiness.html"),
    ),
    (
        "evidence.html",
        include_str!("../../templates/sections/evidence.html"),
    ),
];

/// Renders the HTML report. Byte-identical for the same assessment.
pub fn render(assessment: &Assessment) -> String {
    try_render(assessment).unwrap_or_else(|error| failure_page(&error))
}

/// Renders the HTML report, or says why a template failed.
pub fn try_render(assessment: &Assessment) -> Result<String, minijinja::Error> {
    render_view(&view::Report::new(assessment))
}

/// [`render`] with the "Readiness by start date" section of `timeline`.
pub fn render_with_timeline(
    assessment: &Assessment,
    timeline: &accredit_core::timeline::Timeline,
) -> String {
    try_render_with_timeline(assessment, timeline, None)
        .unwrap_or_else(|error| failure_page(&error))
}

/// [`try_render`] with the "Readiness by start date" section of `timeline`;
/// `fingerprint` is the signing key's when the result is signed
/// (`report --attest … --key …`), which the header shows.
pub fn try_render_with_timeline(
    assessment: &Assessment,
    timeline: &accredit_core::timeline::Timeline,
    fingerprint: Option<&str>,
) -> Result<String, minijinja::Error> {
    let readiness = view::readiness::ReadinessView::new(timeline);
    let mut report = view::Report::new(assessment);
    report.signed_with = fingerprint.map(str::to_string);
    let env = environment()?;
    env.get_template("report.html")?
        .render(minijinja::context! {
            readiness => Serde(&readiness),
            ..Value::from(Serde(report))
        })
}

/// Lays out a prepared view.
fn render_view(report: &view::Report) -> Result<String, minijinja::Error> {
    let env = environment()?;
    env.get_template("report.html")?.render(Serde(report))
}

/// The template environment: every template escapes HTML, and an undefined
/// value is an error.
pub(crate) fn environment() -> Result<Environment<'static>, minijinja::Error> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    // Before HTML escaping, control characters (a parse error in HTML) become
    // visible escapes, as in every other format, and a runner's `##[command]`
    // is defused (the page may be printed to a CI log); line breaks and tabs stay.
    env.set_formatter(|out, state, value| match value.as_str() {
        Some(text)
            if !value.is_safe()
                && (text.chars().any(crate::encode::text::is_escaped) || text.contains("##")) =>
        {
            let visible = Value::from(crate::encode::xml::legible(text));
            minijinja::escape_formatter(out, state, &visible)
        }
        _ => minijinja::escape_formatter(out, state, value),
    });
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_syntax(
        SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()?,
    );
    // A constant of ours: marked safe so its quotes are written as they are.
    env.add_global(
        "content_security_policy",
        Value::from_safe_string(CONTENT_SECURITY_POLICY.to_string()),
    );
    // Text inside a style sheet (the running header in `@page`): a quoted
    // CSS string in which every character but letters, digits and spaces is
    // a hex escape, so no value can end the string, the rule or the element.
    env.add_filter("css_string", |value: String| {
        Value::from_safe_string(css_string(&value))
    });
    for (name, source) in SHARED_TEMPLATES.iter().chain(TEMPLATES) {
        env.add_template(name, source)?;
    }
    Ok(env)
}

/// `value` as a quoted CSS string: letters, digits and spaces as they are,
/// control characters dropped, anything else a hex escape (`\3c `).
pub(crate) fn css_string(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            out.push(c);
        } else if !c.is_control() {
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        }
    }
    out.push('"');
    out
}

/// What is written if a template fails (a bug the tests are there to catch):
/// a page that says so, rather than a report with holes in it.
fn failure_page(error: &minijinja::Error) -> String {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(&format!("\ncaused by: {cause}"));
        source = cause.source();
    }
    let escaped = message
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\"><title>Report could not be rendered</title></head>\
         <body><h1>The report could not be rendered</h1><p>This is a bug in accredit; the assessment itself is unaffected (see <code>--format json</code>).</p><pre>{escaped}</pre></body></html>\n"
    )
}
