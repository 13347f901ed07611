//! `accredit verify ENVELOPE --key KEY.pub [--pack DIR] [--result RESULT.json]`:
//! checks a signed result, and says exactly what does not match.
//!
//! 1. The signature: some signature of the envelope verifies, with the
//!    public key, over the DSSE PAE of its payload. If none does, nothing in
//!    the payload can be trusted and nothing else is checked.
//! 2. With `--pack`, the pack is re-hashed (the walk of the evidence index:
//!    hidden entries skipped, links not followed) and every file added,
//!    removed or changed since signing is listed.
//! 3. With `--result`, the result file's SHA-256 is compared with the one
//!    signed.
//!
//! Exit 0 only when everything checked holds, 1 when anything does not
//! match, 2 when it cannot be checked (unreadable or malformed envelope or
//! key, a statement of another kind, an unreadable pack or result).
//! Everything taken from the envelope is shown encoded as text.

use std::collections::BTreeMap;
use std::path::Path;

use super::dsse::{Envelope, IN_TOTO_PAYLOAD_TYPE};
use super::keys;
use super::statement::{PREDICATE_TYPE, STATEMENT_TYPE, Statement};
use crate::cli::VerifyArgs;
use crate::encode::text::text;
use crate::exit::{Exit, Failure};
use crate::words::one_or_many as plural;

/// The largest envelope read (a pack of 100,000 files signs to about 15 MB).
const MAX_ENVELOPE_BYTES: u64 = 256 * 1024 * 1024;

/// Runs `verify`.
pub fn run(args: &VerifyArgs) -> Result<Exit, Failure> {
    let envelope = read_envelope(&args.envelope)?;
    let key = keys::read_public(&args.key)?;
    let fingerprint = keys::fingerprint(&key);
    let shown = text(&args.envelope.display().to_string()).into_owned();
    let cannot = |why: String| Failure::msg(format!("cannot check {shown}: {why}"));
    let signature = envelope.verified_by(&key).map_err(cannot)?;
    if signature.is_none() {
        outln!("Signature: DOES NOT MATCH");
        let named: Vec<String> = (envelope.signatures.iter())
            .filter_map(|s| s.keyid.as_deref())
            .filter(|id| *id != fingerprint)
            .map(|id| text(id).into_owned())
            .collect();
        if envelope.signatures.is_empty() {
            outln!("  the envelope carries no signature");
        } else if !named.is_empty() {
            outln!(
                "  signed by key {}, not by {} (Ed25519 key {fingerprint})",
                named.join(", "),
                text(&args.key.display().to_string())
            );
        } else {
            outln!(
                "  the signature of Ed25519 key {fingerprint} does not verify: the payload or its type changed after signing"
            );
        }
        outln!("Not verified: nothing in {shown} can be trusted, so nothing else was checked.");
        return Ok(Exit::GateFailed);
    }
    outln!("Signature: valid, Ed25519 key {fingerprint}");
    if envelope.payload_type != IN_TOTO_PAYLOAD_TYPE {
        return Err(cannot(format!(
            "the payload is `{}`, not an in-toto statement ({IN_TOTO_PAYLOAD_TYPE})",
            text(&envelope.payload_type)
        )));
    }
    let statement = read_statement(&envelope).map_err(cannot)?;
    describe(&statement);
    let mut mismatches = Vec::new();
    let mut unchecked = Vec::new();
    if let Some(pack) = &args.pack {
        check_pack(pack, &statement, &mut mismatches, &mut unchecked)?;
    }
    if let Some(result) = &args.result {
        check_result(result, &statement, &mut mismatches, &mut unchecked);
    }
    Ok(conclude(&mismatches, &unchecked, args))
}

/// The last line, and the exit code: a mismatch (1) outranks what could not
/// be checked (2).
fn conclude(mismatches: &[String], unchecked: &[String], args: &VerifyArgs) -> Exit {
    if !mismatches.is_empty() {
        outln!("Not verified: {}.", mismatches.join("; "));
        return Exit::GateFailed;
    }
    if !unchecked.is_empty() {
        outln!("Not verified: could not check {}.", unchecked.join("; "));
        return Exit::CannotAssess;
    }
    let what = match (&args.pack, &args.result) {
        (Some(_), Some(_)) => "the signature, the pack and the result all match",
        (Some(_), None) => {
            "the signature and the pack match (give --result to check a result file too)"
        }
        (None, Some(_)) => {
            "the signature and the result match (give --pack to check the evidence too)"
        }
        (None, None) => {
            "the signature matches (give --pack and --result to check the evidence and the result file)"
        }
    };
    outln!("Verified: {what}.");
    Exit::Passed
}

fn read_envelope(path: &Path) -> Result<Envelope, Failure> {
    let cannot = |why: String| {
        Failure::msg(format!(
            "cannot read the envelope {}: {why}",
            path.display()
        ))
    };
    let size = std::fs::metadata(path)
        .map_err(|e| cannot(e.to_string()))?
        .len();
    if size > MAX_ENVELOPE_BYTES {
        return Err(cannot(format!(
            "it is {size} bytes, more than any envelope accredit writes"
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| cannot(e.to_string()))?;
    serde_json::from_slice(&bytes).map_err(|e| {
        cannot(format!(
            "it is not a DSSE envelope (JSON with payloadType, payload and signatures): {e}"
        ))
    })
}

fn read_statement(envelope: &Envelope) -> Result<Statement, String> {
    let payload = envelope.payload_bytes()?;
    let statement: Statement = serde_json::from_slice(&payload)
        .map_err(|e| format!("the payload is not an accredit result statement: {e}"))?;
    if statement.statement_type != STATEMENT_TYPE {
        return Err(format!(
            "the statement is `{}`, not {STATEMENT_TYPE}",
            text(&statement.statement_type)
        ));
    }
    if statement.predicate_type != PREDICATE_TYPE {
        return Err(format!(
            "the predicate is `{}`, not an accredit result ({PREDICATE_TYPE})",
            text(&statement.predicate_type)
        ));
    }
    Ok(statement)
}

/// What was signed, in brief.
fn describe(statement: &Statement) {
    let p = &statement.predicate;
    let ods = p
        .applicant
        .ods_code
        .as_deref()
        .map(|c| format!(" ({})", text(c)))
        .unwrap_or_default();
    outln!(
        "  signed result: {}{ods}, verdict {}, overall {}, as of {}",
        text(&p.applicant.organisation),
        text(&p.verdict),
        crate::words::percent(p.score.overall),
        p.as_of
    );
    outln!(
        "  by {} {} with ruleset {} version {} (SHA-256 {})",
        text(&p.tool.name),
        text(&p.tool.version),
        text(&p.ruleset.id),
        text(&p.ruleset.version),
        text(&p.ruleset.sha256)
    );
    if p.validation_errors > 0 {
        outln!(
            "  the evidence was invalid when signed: {} validation {} (invalid evidence never passes a gate)",
            p.validation_errors,
            plural(p.validation_errors, "error", "errors")
        );
    }
    outln!(
        "  {} pack files, {} requirements, JSON result SHA-256 {}",
        statement.subject.len(),
        p.requirements.len(),
        text(&p.result.sha256)
    );
}

/// How the pack on disk differs from the signed subject.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PackDifferences {
    /// In the pack, not signed.
    pub added: Vec<String>,
    /// Signed, no longer in the pack.
    pub removed: Vec<String>,
    /// In both, with another digest: (path, signed, now).
    pub changed: Vec<(String, String, String)>,
}

impl PackDifferences {
    /// The differences between the `signed` digests and the pack's `now`.
    pub fn between(signed: &BTreeMap<&str, &str>, now: &[accredit_core::load::HashedFile]) -> Self {
        let mut out = PackDifferences::default();
        let mut seen = std::collections::BTreeSet::new();
        for file in now {
            seen.insert(file.path.as_str());
            match signed.get(file.path.as_str()) {
                None => out.added.push(file.path.clone()),
                Some(digest) if *digest != file.sha256 => {
                    out.changed
                        .push((file.path.clone(), digest.to_string(), file.sha256.clone()));
                }
                Some(_) => {}
            }
        }
        out.removed = (signed.keys())
            .filter(|name| !seen.contains(*name))
            .map(|name| name.to_string())
            .collect();
        out
    }

    fn count(&self) -> usize {
        self.added.len() + self.removed.len() + self.changed.len()
    }
}

fn check_pack(
    pack: &Path,
    statement: &Statement,
    mismatches: &mut Vec<String>,
    unchecked: &mut Vec<String>,
) -> Result<(), Failure> {
    let shown = text(&pack.display().to_string()).into_owned();
    let digests = accredit_core::load::hash_pack(pack).map_err(Failure::load)?;
    let signed = statement.subject_digests();
    let differences = PackDifferences::between(&signed, &digests.files);
    for (path, was, now) in &differences.changed {
        outln!(
            "  changed: {} (signed SHA-256 {}, now {})",
            text(path),
            text(was),
            now
        );
    }
    for path in &differences.added {
        outln!("  added: {} (not in the signed result)", text(path));
    }
    for path in &differences.removed {
        outln!("  removed: {} (signed, no longer in the pack)", text(path));
    }
    for problem in &digests.unreadable {
        let place = problem.location.as_ref().map_or(".", |l| l.file.as_str());
        outln!("  unreadable: {}: {}", text(place), text(&problem.message));
    }
    let n = differences.count();
    if n > 0 {
        outln!(
            "Pack {shown}: {n} {} since signing",
            plural(n, "difference", "differences")
        );
        let mut parts = Vec::new();
        for (count, word) in [
            (differences.changed.len(), "changed"),
            (differences.added.len(), "added"),
            (differences.removed.len(), "removed"),
        ] {
            if count > 0 {
                parts.push(format!("{count} {} {word}", plural(count, "file", "files")));
            }
        }
        mismatches.push(format!("the pack {shown} differs ({})", parts.join(", ")));
    } else if digests.unreadable.is_empty() {
        outln!("Pack {shown}: all {} files as signed", digests.files.len());
    }
    if !digests.unreadable.is_empty() {
        unchecked.push(format!(
            "{} unreadable {} in the pack {shown}",
            digests.unreadable.len(),
            plural(digests.unreadable.len(), "part", "parts")
        ));
    }
    Ok(())
}

fn check_result(
    path: &Path,
    statement: &Statement,
    mismatches: &mut Vec<String>,
    unchecked: &mut Vec<String>,
) {
    let shown = text(&path.display().to_string()).into_owned();
    let signed = &statement.predicate.result.sha256;
    match sha256_file(path) {
        Err(error) => {
            outln!("Result {shown}: cannot read it: {error}");
            unchecked.push(format!("the result {shown}"));
        }
        Ok(now) if now == *signed => outln!("Result {shown}: matches the signed SHA-256"),
        Ok(now) => {
            outln!(
                "Result {shown}: DOES NOT MATCH (signed SHA-256 {}, the file's {now})",
                text(signed)
            );
            mismatches.push(format!("the result {shown} is not the one signed"));
        }
    }
}

/// SHA-256 of a file, streamed (a result may be large).
fn sha256_file(path: &Path) -> std::io::Result<String> {
    use sha2::Digest;
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let mut hasher = sha2::Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use accredit_core::load::HashedFile;

    fn file(path: &str, sha: &str) -> HashedFile {
        HashedFile {
            path: path.into(),
            sha256: sha.into(),
        }
    }

    #[test]
    fn every_added_removed_and_changed_file_is_found() {
        let signed = BTreeMap::from([("a.yaml", "1"), ("b.md", "2"), ("c.csv", "3")]);
        let now = [file("a.yaml", "1"), file("b.md", "9"), file("d.pdf", "4")];
        let differences = PackDifferences::between(&signed, &now);
        assert_eq!(differences.added, ["d.pdf"]);
        assert_eq!(differences.removed, ["c.csv"]);
        assert_eq!(
            differences.changed,
            [("b.md".to_string(), "2".to_string(), "9".to_string())]
        );
        let same = [file("a.yaml", "1"), file("b.md", "2"), file("c.csv", "3")];
        assert_eq!(
            PackDifferences::between(&signed, &same),
            PackDifferences::default()
        );
    }
}
