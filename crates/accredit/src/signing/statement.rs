//! The in-toto Statement (v1) that a signed result carries: the pack's files
//! are its `subject` (pack-relative path and SHA-256, exactly the evidence
//! index of the result), and its predicate — of the type
//! [`PREDICATE_TYPE`] — says what the tool concluded from them: tool
//! version, ruleset id, version and SHA-256, the as-of date, the applicant,
//! the verdict, the overall score, every requirement's result and credit,
//! and the SHA-256 of the JSON result (`score --format json` for the same
//! run). Key names in the predicate are those of the JSON result, so each
//! value can be compared with the result it vouches for.

use std::collections::BTreeMap;

use accredit_core::assess::Assessment;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The in-toto Statement type.
pub const STATEMENT_TYPE: &str = "https://in-toto.io/Statement/v1";

/// The predicate type of an accredit result (a URI under the project's own
/// placeholder address; it names a format, it is never fetched).
pub const PREDICATE_TYPE: &str = "https://example.invalid/accredit/attestation/result/v1";

/// An in-toto Statement v1 of an accredit result.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Statement {
    /// [`STATEMENT_TYPE`].
    #[serde(rename = "_type")]
    pub statement_type: String,
    /// The pack's files.
    pub subject: Vec<Subject>,
    /// [`PREDICATE_TYPE`].
    #[serde(rename = "predicateType")]
    pub predicate_type: String,
    /// What the tool concluded.
    pub predicate: ResultPredicate,
}

/// One file of the pack.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Subject {
    /// Pack-relative path, `/`-separated.
    pub name: String,
    /// `{"sha256": "…"}`.
    pub digest: BTreeMap<String, String>,
}

/// The predicate: the result, in brief, and the digest of the whole of it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ResultPredicate {
    /// The tool that assessed the pack.
    pub tool: ToolRef,
    /// The ruleset applied.
    pub ruleset: RulesetRef,
    /// The run date.
    pub as_of: Date,
    /// Who was assessed.
    pub applicant: ApplicantRef,
    /// `ready`, `approaching` or `not-ready`.
    pub verdict: String,
    /// The overall score.
    pub score: ScoreRef,
    /// How many validation errors the pack had (an invalid pack never passes a gate).
    pub validation_errors: usize,
    /// Every requirement's result, in ruleset order.
    pub requirements: Vec<RequirementRef>,
    /// The JSON result this statement vouches for.
    pub result: ResultRef,
}

/// Tool name and version.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ToolRef {
    /// `accredit`.
    pub name: String,
    /// Its version.
    pub version: String,
}

/// Which ruleset, exactly.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RulesetRef {
    /// The ruleset's id, e.g. `lsd-accreditation`.
    pub id: String,
    /// The ruleset's version as written in it, e.g. `1.0.0`.
    pub version: String,
    /// SHA-256 of the ruleset file.
    pub sha256: String,
}

/// The applicant.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ApplicantRef {
    /// Trust name.
    pub organisation: String,
    /// ODS code as written.
    pub ods_code: Option<String>,
    /// First day of the assessment window.
    pub assessment_start: Date,
}

/// The overall score.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ScoreRef {
    /// The weighted overall score, percent (two decimals).
    pub overall: f64,
}

/// One requirement's result.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RequirementRef {
    /// Requirement id.
    pub id: String,
    /// `pass`, `partial`, `fail`, … as in the JSON result.
    pub result: String,
    /// Credit, 0 to 1.
    pub credit: f64,
    /// When an assessor's override (`--overrides`) decided the result: the
    /// tool's own result, which it replaced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automated_result: Option<String>,
}

/// The JSON result's digest.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ResultRef {
    /// `application/json`.
    pub media_type: String,
    /// SHA-256 of its exact bytes, lower-case hex.
    pub sha256: String,
}

impl Statement {
    /// The statement of `assessment`, whose JSON result hashes to
    /// `result_sha256`. Fails when a file of the pack could not be read (its
    /// digest is unknown, so the pack cannot be vouched for).
    pub fn new(assessment: &Assessment, result_sha256: String) -> Result<Statement, String> {
        let mut subject = Vec::with_capacity(assessment.files.len());
        for file in &assessment.files {
            if file.sha256.is_empty() {
                return Err(format!(
                    "{} could not be read, so its digest is unknown",
                    crate::encode::text::text(&file.path)
                ));
            }
            subject.push(Subject {
                name: file.path.clone(),
                digest: BTreeMap::from([("sha256".to_string(), file.sha256.clone())]),
            });
        }
        let a = assessment;
        Ok(Statement {
            statement_type: STATEMENT_TYPE.to_string(),
            subject,
            predicate_type: PREDICATE_TYPE.to_string(),
            predicate: ResultPredicate {
                tool: ToolRef {
                    name: a.tool.name.to_string(),
                    version: a.tool.version.to_string(),
                },
                ruleset: RulesetRef {
                    id: a.ruleset.id.clone(),
                    version: a.ruleset.version.clone(),
                    sha256: a.ruleset.sha256.clone(),
                },
                as_of: a.as_of,
                applicant: ApplicantRef {
                    organisation: a.applicant.organisation.clone(),
                    ods_code: a.applicant.ods_code.clone(),
                    assessment_start: a.applicant.assessment_start,
                },
                verdict: a.verdict.as_str().to_string(),
                score: ScoreRef {
                    overall: a.score.overall,
                },
                validation_errors: a.diagnostics.iter().filter(|d| d.is_error()).count(),
                requirements: a
                    .requirements
                    .iter()
                    .map(|r| RequirementRef {
                        id: r.id.clone(),
                        result: r.result.as_str().to_string(),
                        credit: r.credit,
                        automated_result: (r.assessor.as_ref())
                            .map(|j| j.automated_result.as_str().to_string()),
                    })
                    .collect(),
                result: ResultRef {
                    media_type: "application/json".to_string(),
                    sha256: result_sha256,
                },
            },
        })
    }

    /// The payload bytes: compact JSON, keys in a fixed order.
    pub fn to_payload(&self) -> Vec<u8> {
        // Plain strings, numbers and maps of strings: serialising cannot fail.
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// The SHA-256 of each subject, by name (a subject without one maps to "").
    pub fn subject_digests(&self) -> BTreeMap<&str, &str> {
        self.subject
            .iter()
            .map(|s| {
                (
                    s.name.as_str(),
                    s.digest.get("sha256").map_or("", String::as_str),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use accredit_core::assess::assess_with_overrides;
    use accredit_core::load::{LoadOptions, load_pack};

    use super::*;

    fn complete() -> Assessment {
        let Ok(ruleset) = crate::ruleset_choice::choose(None) else {
            panic!("the built-in ruleset loads");
        };
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/packs/complete");
        let options = LoadOptions {
            known_applications: ruleset.application_ids(),
            ..LoadOptions::default()
        };
        let evidence = load_pack(&root, &options).expect("the complete pack loads");
        assess_with_overrides(&evidence, &ruleset, jiff::civil::date(2008, 9, 1), &[])
            .expect("the complete pack is assessed")
    }

    #[test]
    fn a_file_whose_digest_is_unknown_is_not_vouched_for() {
        let mut assessment = complete();
        let statement = Statement::new(&assessment, "ab".repeat(32)).unwrap();
        assert_eq!(statement.subject.len(), assessment.files.len());
        assert_eq!(statement.predicate.result.sha256, "ab".repeat(32));
        assessment.files[3].sha256.clear();
        let refused = Statement::new(&assessment, String::new()).unwrap_err();
        assert!(refused.contains(&assessment.files[3].path), "{refused}");
    }

    #[test]
    fn the_payload_reads_back_as_the_statement_it_was() {
        let statement = Statement::new(&complete(), "cd".repeat(32)).unwrap();
        let payload = statement.to_payload();
        let read: Statement = serde_json::from_slice(&payload).unwrap();
        assert_eq!(read.to_payload(), payload);
        assert_eq!(read.subject_digests().len(), statement.subject.len());
        // Compact, keys in the order in-toto documents them.
        let text = String::from_utf8(payload).unwrap();
        assert!(
            text.starts_with(
                "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":"
            ),
            "{text}"
        );
    }
}
