//! The plan as an OSCAL 1.1 Plan of Action and Milestones (JSON): each gap
//! a `risk` with its deadline and a `poam-item`, each finding an
//! `observation`. Byte-identical between runs: every UUID is a version-5
//! UUID derived from the pack's digest and the requirement id, and every
//! timestamp is midnight UTC of a date (`--as-of`, the due date).

use accredit_core::evidence::PackFile;
use accredit_core::plan::{INVALID_EVIDENCE, Plan, PlanItem};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// The OSCAL version written.
pub const OSCAL_VERSION: &str = "1.1.2";

/// The identifier type of the system id: the NHS ODS code.
const ODS_IDENTIFIER_TYPE: &str = "https://digital.nhs.uk/services/organisation-data-service";

/// The pack's digest: SHA-256 over every file's path and SHA-256, in path order.
pub fn pack_digest(files: &[PackFile]) -> String {
    let mut hasher = Sha256::new();
    for file in files {
        hasher.update(file.path.as_bytes());
        hasher.update([0]);
        hasher.update(file.sha256.as_bytes());
        hasher.update(b"\n");
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// UUIDs of one document: version 5, in a namespace of the pack's digest.
struct Uuids {
    namespace: Uuid,
}

impl Uuids {
    fn new(digest: &str) -> Uuids {
        Uuids {
            namespace: Uuid::new_v5(
                &Uuid::NAMESPACE_URL,
                format!("urn:accredit:pack:sha256:{digest}").as_bytes(),
            ),
        }
    }

    /// The UUID of `what` (e.g. `COV-02/risk`).
    fn of(&self, what: &str) -> String {
        Uuid::new_v5(&self.namespace, what.as_bytes()).to_string()
    }
}

/// A date as an OSCAL date-time with time zone: midnight UTC.
fn timestamp(date: jiff::civil::Date) -> String {
    format!("{date}T00:00:00Z")
}

/// A pack path as a URI reference (RFC 3986): unreserved characters and `/`
/// kept, everything else percent-encoded.
fn uri_reference(path: &str) -> String {
    let mut out = String::new();
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// OSCAL strings must not be empty or all white space.
fn non_empty(text: &str, instead: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        instead.to_string()
    } else {
        text.to_string()
    }
}

fn observations(item: &PlanItem, uuids: &Uuids, collected: &str) -> Vec<Value> {
    if item.findings.is_empty() {
        return vec![json!({
            "uuid": uuids.of(&format!("{}/observation/0", item.requirement)),
            "title": format!("{} {}", item.requirement, non_empty(&item.title, "requirement")),
            "description": format!("{} is {}.", item.requirement, item.result.as_str()),
            "methods": ["EXAMINE"],
            "collected": collected,
        })];
    }
    item.findings
        .iter()
        .enumerate()
        .map(|(i, finding)| {
            let mut observation = json!({
                "uuid": uuids.of(&format!("{}/observation/{}", item.requirement, i + 1)),
                "title": format!("{} finding {}: {}", item.requirement, i + 1, finding.code),
                "description": non_empty(&finding.message, finding.code),
                "methods": ["EXAMINE"],
                "collected": collected,
            });
            if let Some(file) = &finding.file {
                let at = accredit_core::plan::place(finding).unwrap_or_else(|| file.clone());
                observation["relevant-evidence"] = json!([{
                    "href": uri_reference(file),
                    "description": format!("Evidence at {at}"),
                }]);
            }
            observation
        })
        .collect()
}

/// The POA&M document.
pub fn render(plan: &Plan, digest: &str) -> String {
    let uuids = Uuids::new(digest);
    let collected = timestamp(plan.as_of);
    let party = uuids.of("party/applicant");
    let mut all_observations = Vec::new();
    let mut risks = Vec::new();
    let mut items = Vec::new();
    for item in &plan.items {
        let observed = observations(item, &uuids, &collected);
        let related: Vec<Value> = observed
            .iter()
            .map(|o| json!({ "observation-uuid": o["uuid"] }))
            .collect();
        let risk = uuids.of(&format!("{}/risk", item.requirement));
        let what = if item.requirement == INVALID_EVIDENCE {
            "Invalid evidence".to_string()
        } else {
            format!(
                "{} {}",
                item.requirement,
                non_empty(&item.title, "requirement")
            )
        };
        let blocking = if item.blocking {
            "It is mandatory: the pack cannot be ready until it is closed."
        } else {
            "It is weighted: closing it raises the overall score."
        };
        risks.push(json!({
            "uuid": risk,
            "title": what,
            "description": format!(
                "{} is {}; {:.2} points of the overall score are at stake. {blocking}",
                item.requirement, item.result.as_str(), item.points_at_stake
            ),
            "statement": non_empty(&item.action, "See the findings."),
            "props": [
                { "name": "priority", "value": item.rank.to_string() },
            ],
            "status": "open",
            "deadline": timestamp(item.due),
            "related-observations": related,
        }));
        items.push(json!({
            "uuid": uuids.of(&format!("{}/poam-item", item.requirement)),
            "title": what,
            "description": format!(
                "{} Owner: {}. Due: {}.",
                non_empty(&item.action, "See the findings."),
                non_empty(&item.owner, "unassigned"),
                item.due
            ),
            "related-observations": related,
            "related-risks": [{ "risk-uuid": risk }],
        }));
        all_observations.extend(observed);
    }
    if items.is_empty() {
        // OSCAL requires at least one poam-item (ADR 0084): a plan with no
        // gap says so in one item that relates to no risk.
        items.push(json!({
            "uuid": uuids.of("no-gaps/poam-item"),
            "title": "No open items",
            "description": format!(
                "As of {}, every counted requirement of {} passes or is validly waived; the verdict is {}. There is nothing to remediate.",
                plan.as_of,
                plan.ruleset,
                plan.verdict.as_str()
            ),
        }));
    }
    let system_id = plan
        .ods_code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| c.to_ascii_uppercase())
        .unwrap_or_else(|| "unknown".to_string());
    let mut poam = json!({
        "uuid": uuids.of("poam"),
        "metadata": {
            "title": format!("Improvement plan: {}", non_empty(&plan.organisation, "applicant")),
            "last-modified": collected,
            "version": format!("{} as of {}", plan.ruleset, plan.as_of),
            "oscal-version": OSCAL_VERSION,
            "parties": [{
                "uuid": party,
                "type": "organization",
                "name": non_empty(&plan.organisation, "applicant"),
            }],
        },
        "system-id": {
            "identifier-type": ODS_IDENTIFIER_TYPE,
            "id": system_id,
        },
        "poam-items": items,
    });
    if !all_observations.is_empty() {
        poam["observations"] = Value::Array(all_observations);
        poam["risks"] = Value::Array(risks);
    }
    let document = json!({ "plan-of-action-and-milestones": poam });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    crate::encode::json::harden(text)
}
