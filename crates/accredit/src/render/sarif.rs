//! `--format sarif`: SARIF 2.1.0. One rule per requirement (help text from
//! the ruleset) and one per validation code; one result per finding of a gap
//! with its file and line region. Waived requirements appear as suppressed
//! results so they stay visible.

use accredit_core::assess::{Assessment, FindingOut, RequirementResult, ResultKind};
use accredit_core::diagnostic::{Code, Severity};
use serde_json::{Value, json};

use super::RenderOptions;

/// Renders a SARIF log.
pub fn render(a: &Assessment, options: &RenderOptions) -> String {
    let mut rules: Vec<Value> = a.requirements.iter().map(rule).collect();
    let mut used_codes: Vec<Code> = a.diagnostics.iter().map(|d| d.code).collect();
    used_codes.sort();
    used_codes.dedup();
    rules.extend(used_codes.iter().map(|code| {
        json!({
            "id": code.as_str(),
            "name": code.as_str(),
            "shortDescription": {"text": code.description()},
            "defaultConfiguration": {"level": "error"},
        })
    }));
    let index_of = |id: &str| rules.iter().position(|r| r["id"] == id).unwrap_or(0);
    let mut results = Vec::new();
    for d in &a.diagnostics {
        let level = if d.severity == Severity::Error {
            "error"
        } else {
            "warning"
        };
        let location = d.location.as_ref().map(|l| {
            location(
                &l.file,
                l.position.map(|p| p.line),
                l.position.map(|p| p.column),
                options,
            )
        });
        results.push(json!({
            "ruleId": d.code.as_str(),
            "ruleIndex": index_of(d.code.as_str()),
            "level": level,
            "message": {"text": d.message},
            "locations": location.into_iter().collect::<Vec<_>>(),
        }));
    }
    for r in &a.requirements {
        let waived = r.result == ResultKind::Waived;
        if !(r.result.is_gap() || waived) {
            continue;
        }
        let level = if r.mandatory { "error" } else { "warning" };
        let findings: Vec<Option<&FindingOut>> = if r.findings.is_empty() {
            vec![None]
        } else {
            r.findings.iter().map(Some).collect()
        };
        for f in findings {
            let text = match f {
                Some(f) => format!("{} {}: {}", r.id, r.result.as_str(), f.message),
                None => format!("{} {}: {}", r.id, r.result.as_str(), r.title),
            };
            let location = f.and_then(|f| {
                f.file
                    .as_deref()
                    .map(|file| location(file, f.line, f.column, options))
            });
            let mut result = json!({
                "ruleId": r.id,
                "ruleIndex": index_of(&r.id),
                "level": level,
                "message": {"text": text},
                "locations": location.into_iter().collect::<Vec<_>>(),
                "properties": {"result": r.result.as_str(), "credit": r.credit, "pointsAtStake": r.points_at_stake},
            });
            if waived {
                result["suppressions"] = json!([{
                    "kind": "external",
                    "justification": format!("waived by {}", r.waived_by.clone().unwrap_or_default()),
                }]);
            }
            results.push(result);
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "accredit",
                "version": a.tool.version,
                "semanticVersion": a.tool.version,
                "rules": rules,
            }},
            "automationDetails": {"id": format!("accredit/{}/{}", a.ruleset.id, a.ruleset.version)},
            "properties": {
                "verdict": a.verdict.as_str(),
                "overall": a.score.overall,
                "asOf": a.as_of.to_string(),
            },
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

fn rule(r: &RequirementResult) -> Value {
    json!({
        "id": r.id,
        "name": r.id.replace('-', ""),
        "shortDescription": {"text": r.title},
        "fullDescription": {"text": r.description},
        "help": {
            "text": format!("{}\n\nHow to fix: {}", r.description, r.remediation),
            "markdown": format!("{}\n\n**How to fix.** {}", r.description, r.remediation),
        },
        "defaultConfiguration": {"level": if r.mandatory { "error" } else { "warning" }},
        "properties": {"domain": r.domain, "mandatory": r.mandatory, "weight": r.weight},
    })
}

fn location(file: &str, line: Option<u32>, column: Option<u32>, options: &RenderOptions) -> Value {
    let mut physical = json!({"artifactLocation": {"uri": options.path(file)}});
    if let Some(line) = line {
        let mut region = json!({"startLine": line});
        if let Some(column) = column {
            region["startColumn"] = json!(column);
        }
        physical["region"] = region;
    }
    json!({"physicalLocation": physical})
}
