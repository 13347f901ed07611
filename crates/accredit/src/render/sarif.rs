//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning ingests it.
//!
//! One rule per requirement (help text from the ruleset) and one per
//! validation code, each with `defaultConfiguration.level`. One result per
//! finding of a gap, and per validation diagnostic. Every result has a
//! physical location: a finding without a file (a pack-level finding, such as
//! evidence of a kind that is missing) points at the pack document
//! (`pack.yaml`), which declares what the pack holds. URIs are percent-encoded
//! relative references (absolute `file:` URIs when the pack was given as an
//! absolute path). Waived requirements appear as results with `suppressions`
//! so they stay visible; each result carries a `partialFingerprints` entry
//! that depends only on what was found, never on the run; in baseline mode
//! each result has its `baselineState`.

use std::collections::BTreeMap;

use accredit_core::assess::{Assessment, FindingOut, RequirementResult, Status};
use accredit_core::compare::Comparison;
use accredit_core::diagnostic::{Code, Diagnostic, Severity};
use accredit_core::evidence::{FileRole, PackFile};
use accredit_core::model::Kind;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::RenderOptions;

/// The key of our entry in `partialFingerprints`.
const FINGERPRINT_KEY: &str = "accreditFinding/v1";

/// Renders a SARIF log.
pub fn render(a: &Assessment, options: &RenderOptions) -> String {
    render_log(a, options, options.baseline.as_deref())
}

/// Renders a SARIF log, with `baselineState` on every result when a
/// comparison with a baseline is given.
pub fn render_log(
    a: &Assessment,
    options: &RenderOptions,
    baseline: Option<&Comparison>,
) -> String {
    let pack_file = pack_document(&a.files);
    let mut rules: Vec<Value> = a.requirements.iter().map(rule).collect();
    rules.extend(diagnostic_rules(&a.diagnostics));
    let index_of = |id: &str| rules.iter().position(|r| r["id"] == id).unwrap_or(0);
    let mut fingerprints = Fingerprints::default();
    let mut results = diagnostic_results(
        &a.diagnostics,
        pack_file,
        &index_of,
        &mut fingerprints,
        options,
        baseline,
    );
    for r in &a.requirements {
        let waived = r.result == Status::Waived;
        if !(r.result.is_gap() || waived) {
            continue;
        }
        let findings: Vec<Option<&FindingOut>> = if r.findings.is_empty() {
            vec![None]
        } else {
            r.findings.iter().map(Some).collect()
        };
        for f in findings {
            let (text, code) = match f {
                Some(f) => (
                    format!("{} {}: {}", r.id, r.result.as_str(), f.message),
                    f.code,
                ),
                None => (format!("{} {}: {}", r.id, r.result.as_str(), r.title), ""),
            };
            let (file, line, column) = match f.and_then(|f| f.file.as_deref().map(|p| (p, f))) {
                Some((file, f)) => (file, f.line, f.column),
                None => (pack_file, None, None),
            };
            let mut result = json!({
                "ruleId": r.id,
                "ruleIndex": index_of(&r.id),
                "level": level(r.mandatory),
                "message": {"text": text},
                "locations": [location(file, line, column, options)],
                "partialFingerprints": {
                    FINGERPRINT_KEY: fingerprints.next(&[&r.id, code, file, f.map_or("", |f| f.message.as_str())]),
                },
                "properties": {
                    "result": r.result.as_str(),
                    "credit": r.credit,
                    "pointsAtStake": r.points_at_stake,
                    "findingCode": code,
                },
            });
            if waived {
                result["suppressions"] = json!([{
                    "kind": "external",
                    "status": "accepted",
                    "justification": format!("waived by {}", r.waived_by.clone().unwrap_or_default()),
                }]);
            }
            if let Some(c) = baseline {
                result["baselineState"] = json!(requirement_state(c, &r.id));
            }
            results.push(result);
        }
    }
    let mut run = json!({
        "tool": {"driver": {
            "name": "accredit",
            "version": a.tool.version,
            "semanticVersion": a.tool.version,
            "rules": rules,
        }},
        "automationDetails": {"id": format!("accredit/{}/{}/", a.ruleset.id, a.ruleset.version)},
        "columnKind": "unicodeCodePoints",
        "properties": {
            "verdict": a.verdict.as_str(),
            "overall": a.score.overall,
            "asOf": a.as_of.to_string(),
        },
        "results": results,
    });
    if let Some(c) = baseline {
        run["properties"]["baseline"] = json!({
            "newGaps": c.new_gaps,
            "worseGaps": c.worsened,
            "closedGaps": c.closed_gaps,
            "overall": {"old": c.overall.old, "new": c.overall.new},
            "verdict": {"old": c.verdict.old, "new": c.verdict.new},
        });
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

/// `accredit validate --format sarif`: the validation diagnostics alone.
pub fn render_validation(
    diagnostics: &[Diagnostic],
    files: &[PackFile],
    options: &RenderOptions,
) -> String {
    let rules = diagnostic_rules(diagnostics);
    let index_of = |id: &str| rules.iter().position(|r| r["id"] == id).unwrap_or(0);
    let results = diagnostic_results(
        diagnostics,
        pack_document(files),
        &index_of,
        &mut Fingerprints::default(),
        options,
        None,
    );
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "accredit",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "automationDetails": {"id": "accredit/validate/"},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

/// The pack document's path (where pack-level findings point).
fn pack_document(files: &[PackFile]) -> &str {
    files
        .iter()
        .find(|f| f.role == FileRole::Evidence(Kind::Pack))
        .map_or("pack.yaml", |f| f.path.as_str())
}

/// One rule per validation code used, at the level of its worst diagnostic.
fn diagnostic_rules(diagnostics: &[Diagnostic]) -> Vec<Value> {
    let mut used_codes: BTreeMap<Code, Severity> = BTreeMap::new();
    for d in diagnostics {
        let level = used_codes.entry(d.code).or_insert(d.severity);
        if d.severity == Severity::Error {
            *level = Severity::Error;
        }
    }
    used_codes
        .iter()
        .map(|(code, severity)| {
            json!({
                "id": code.as_str(),
                "name": rule_name(code.as_str()),
                "shortDescription": {"text": code.description()},
                "fullDescription": {"text": code.description()},
                "help": {"text": code.description()},
                "defaultConfiguration": {"level": level(*severity == Severity::Error)},
            })
        })
        .collect()
}

/// One result per validation diagnostic; one without a file points at the pack document.
fn diagnostic_results(
    diagnostics: &[Diagnostic],
    pack_file: &str,
    index_of: &dyn Fn(&str) -> usize,
    fingerprints: &mut Fingerprints,
    options: &RenderOptions,
    baseline: Option<&Comparison>,
) -> Vec<Value> {
    let mut results = Vec::new();
    for d in diagnostics {
        let (file, line, column) = match &d.location {
            Some(l) => (
                l.file.as_str(),
                l.position.map(|p| p.line),
                l.position.map(|p| p.column),
            ),
            None => (pack_file, None, None),
        };
        let mut result = json!({
            "ruleId": d.code.as_str(),
            "ruleIndex": index_of(d.code.as_str()),
            "level": level(d.severity == Severity::Error),
            "message": {"text": d.message},
            "locations": [location(file, line, column, options)],
            "partialFingerprints": {
                FINGERPRINT_KEY: fingerprints.next(&[d.code.as_str(), file, &d.message]),
            },
        });
        if let Some(c) = baseline {
            result["baselineState"] = json!(diagnostic_state(c, d.code.as_str(), &d.message));
        }
        results.push(result);
    }
    results
}

fn level(error: bool) -> &'static str {
    if error { "error" } else { "warning" }
}

/// `baselineState` of a requirement's results: `new` for a new gap, `updated`
/// for a gap whose credit fell, `unchanged` for a gap already in the baseline.
fn requirement_state(c: &Comparison, id: &str) -> &'static str {
    if c.new_gaps.iter().any(|g| g == id) {
        "new"
    } else if c.worsened.iter().any(|g| g == id) {
        "updated"
    } else {
        "unchanged"
    }
}

/// `baselineState` of a validation diagnostic: `unchanged` when the baseline
/// had the same code and message, else `new`.
fn diagnostic_state(c: &Comparison, code: &str, message: &str) -> &'static str {
    if c.old_diagnostics
        .iter()
        .any(|d| d.code == code && d.message == message)
    {
        "unchanged"
    } else {
        "new"
    }
}

/// `partialFingerprints` values: a hash of what was found (rule, finding
/// code, file, message), never of the run; the n-th identical finding gets
/// `:n` so each stays distinct.
#[derive(Default)]
struct Fingerprints {
    seen: BTreeMap<String, usize>,
}

impl Fingerprints {
    fn next(&mut self, parts: &[&str]) -> String {
        let mut hasher = Sha256::new();
        for part in parts {
            hasher.update(part.as_bytes());
            hasher.update([0]);
        }
        let hex: String = hasher
            .finalize()
            .iter()
            .take(16)
            .map(|b| format!("{b:02x}"))
            .collect();
        let n = self.seen.entry(hex.clone()).or_insert(0);
        *n += 1;
        format!("{hex}:{n}")
    }
}

/// A SARIF rule `name`: an identifier in PascalCase (`COV-02` → `Cov02`,
/// `invalid-date` → `InvalidDate`).
fn rule_name(id: &str) -> String {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let lower = w.to_ascii_lowercase();
            let mut chars = lower.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

fn rule(r: &RequirementResult) -> Value {
    json!({
        "id": r.id,
        "name": rule_name(&r.id),
        "shortDescription": {"text": r.title},
        "fullDescription": {"text": r.description},
        "help": {
            "text": format!("{}\n\nHow to fix: {}", r.description, r.remediation),
            "markdown": format!("{}\n\n**How to fix.** {}", r.description, r.remediation),
        },
        "defaultConfiguration": {"level": level(r.mandatory)},
        "properties": {
            "domain": r.domain,
            "mandatory": r.mandatory,
            "weight": r.weight,
            "findingCodes": accredit_core::Check::kind_codes(r.check)
                .unwrap_or_default()
                .iter()
                .map(|c| c.name())
                .collect::<Vec<_>>(),
        },
    })
}

fn location(file: &str, line: Option<u32>, column: Option<u32>, options: &RenderOptions) -> Value {
    let mut physical = json!({"artifactLocation": {"uri": uri(&options.path(file))}});
    let mut region = json!({"startLine": line.unwrap_or(1).max(1)});
    if let Some(column) = column.filter(|_| line.is_some()) {
        region["startColumn"] = json!(column.max(1));
    }
    physical["region"] = region;
    json!({"physicalLocation": physical})
}

/// A path as a URI: a percent-encoded relative reference, or a `file:` URI
/// for an absolute path. Only unreserved characters and `/` pass unencoded.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let absolute = path.starts_with('/');
    if absolute {
        out.push_str("file://");
    }
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(byte));
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    // A relative reference whose first segment holds `:` would read as a scheme.
    if !absolute && out.split('/').next().is_some_and(|s| s.contains(':')) {
        out.insert_str(0, "./");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded_relative_references() {
        assert_eq!(uri("evidence/rota.yaml"), "evidence/rota.yaml");
        assert_eq!(uri("my pack/50% #1?.md"), "my%20pack/50%25%20%231%3F.md");
        assert_eq!(uri("café/a.yaml"), "caf%C3%A9/a.yaml");
        assert_eq!(uri("/tmp/p q/a.yaml"), "file:///tmp/p%20q/a.yaml");
        assert_eq!(uri("../pack/a.yaml"), "../pack/a.yaml");
    }

    #[test]
    fn rule_names_are_identifiers() {
        assert_eq!(rule_name("COV-02"), "Cov02");
        assert_eq!(rule_name("invalid-date"), "InvalidDate");
    }

    #[test]
    fn fingerprints_depend_on_content_and_stay_distinct() {
        let mut a = Fingerprints::default();
        let mut b = Fingerprints::default();
        let first = a.next(&["COV-01", "x", "f.yaml", "m"]);
        assert_eq!(first, b.next(&["COV-01", "x", "f.yaml", "m"]));
        let second = a.next(&["COV-01", "x", "f.yaml", "m"]);
        assert_ne!(first, second);
        assert_ne!(first, a.next(&["COV-01", "x", "f.yaml", "other"]));
    }
}
