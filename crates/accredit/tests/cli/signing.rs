//! Signed results (issue 16): `keygen`, `score|report --attest FILE --key KEY`
//! and `verify ENVELOPE --key KEY.pub [--pack DIR] [--result RESULT.json]`.
//! Each tampering — one byte of one file, an extra file, a removed file, a
//! changed payload, another key, another result — is rejected with exit 1
//! and named; what cannot be checked exits 2.

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

use super::{copy, pack, run};

const AS_OF: &str = "2008-09-01";

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A temp dir with a key pair `key`/`key.pub` and a copy of the complete pack.
struct Signing {
    dir: tempfile::TempDir,
}

impl Signing {
    fn new() -> Signing {
        let dir = tempfile::tempdir().unwrap();
        copy(&pack("complete"), &dir.path().join("pack"));
        let signing = Signing { dir };
        let (code, _, stderr) = run(&["keygen", s(&signing.key())]);
        assert_eq!(code, 0, "{stderr}");
        signing
    }
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    fn pack(&self) -> PathBuf {
        self.path("pack")
    }
    fn key(&self) -> PathBuf {
        self.path("key")
    }
    fn public(&self) -> PathBuf {
        self.path("key.pub")
    }
    /// `score PACK --attest ENVELOPE --key key --format json=result.json`: (code, stderr).
    fn sign(&self, envelope: &str) -> (i32, String) {
        let (code, _, stderr) = run(&[
            "score",
            s(&self.pack()),
            "--as-of",
            AS_OF,
            "--format",
            &format!("json={}", s(&self.path("result.json"))),
            "--attest",
            s(&self.path(envelope)),
            "--key",
            s(&self.key()),
        ]);
        (code, stderr)
    }
    /// `verify ENVELOPE --key key.pub EXTRA…`: (code, stdout, stderr).
    fn verify(&self, envelope: &str, extra: &[&str]) -> (i32, String, String) {
        let envelope = self.path(envelope);
        let public = self.public();
        let mut args = vec!["verify", s(&envelope), "--key", s(&public)];
        args.extend_from_slice(extra);
        run(&args)
    }
    fn verify_pack(&self, envelope: &str) -> (i32, String, String) {
        let pack = self.pack();
        self.verify(envelope, &["--pack", s(&pack)])
    }
}

fn envelope(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn statement(envelope: &serde_json::Value) -> serde_json::Value {
    let payload = STANDARD
        .decode(envelope["payload"].as_str().unwrap())
        .unwrap();
    serde_json::from_slice(&payload).unwrap()
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn keygen_writes_a_0600_private_key_and_never_overwrites_one() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("assessor");
    let (code, stdout, stderr) = run(&["keygen", s(&key)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("Fingerprint: Ed25519 key SHA256:"),
        "{stdout}"
    );
    assert_eq!(mode(&key), 0o600);
    let private = std::fs::read_to_string(&key).unwrap();
    let public = std::fs::read_to_string(dir.path().join("assessor.pub")).unwrap();
    assert!(
        private.starts_with("-----BEGIN PRIVATE KEY-----\n"),
        "{private}"
    );
    assert!(
        public.starts_with("-----BEGIN PUBLIC KEY-----\n"),
        "{public}"
    );

    let (code, _, stderr) = run(&["keygen", s(&key)]);
    assert_eq!(code, 2);
    assert!(stderr.contains("already exists"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&key).unwrap(), private);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("assessor.pub")).unwrap(),
        public
    );

    // A public key alone at KEY.pub is not overwritten either, and no private key is made.
    let other = dir.path().join("other");
    std::fs::write(dir.path().join("other.pub"), "keep me").unwrap();
    let (code, _, stderr) = run(&["keygen", s(&other)]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("other.pub already exists"), "{stderr}");
    assert!(!other.exists());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("other.pub")).unwrap(),
        "keep me"
    );
    // Nothing but the keys: no temporary file left behind.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["assessor", "assessor.pub", "other.pub"]);
}

#[test]
fn a_signed_score_verifies_against_its_pack_and_result() {
    let t = Signing::new();
    let (code, stderr) = t.sign("r.intoto.json");
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("Signed "), "{stderr}");
    let (code, stdout, stderr) = t.verify(
        "r.intoto.json",
        &[
            "--pack",
            s(&t.pack()),
            "--result",
            s(&t.path("result.json")),
        ],
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("Signature: valid, Ed25519 key SHA256:"),
        "{stdout}"
    );
    assert!(stdout.contains("all 39 files as signed"), "{stdout}");
    assert!(
        stdout.contains("Verified: the signature, the pack and the result all match."),
        "{stdout}"
    );
}

#[test]
fn the_envelope_is_an_in_toto_statement_of_the_pack_and_the_result() {
    let t = Signing::new();
    assert_eq!(t.sign("r.intoto.json").0, 0);
    let envelope = envelope(&t.path("r.intoto.json"));
    assert_eq!(envelope["payloadType"], "application/vnd.in-toto+json");
    let signatures = envelope["signatures"].as_array().unwrap();
    assert_eq!(signatures.len(), 1);
    assert!(
        signatures[0]["keyid"]
            .as_str()
            .unwrap()
            .starts_with("SHA256:")
    );
    let statement = statement(&envelope);
    assert_eq!(statement["_type"], "https://in-toto.io/Statement/v1");
    assert_eq!(
        statement["predicateType"],
        "https://example.invalid/accredit/attestation/result/v1"
    );
    // The subject is the result's evidence index, file for file.
    let result_bytes = std::fs::read(t.path("result.json")).unwrap();
    let result: serde_json::Value = serde_json::from_slice(&result_bytes).unwrap();
    let indexed: Vec<(String, String)> = (result["files"].as_array().unwrap().iter())
        .map(|f| {
            (
                f["path"].as_str().unwrap().into(),
                f["sha256"].as_str().unwrap().into(),
            )
        })
        .collect();
    let subjects: Vec<(String, String)> = (statement["subject"].as_array().unwrap().iter())
        .map(|f| {
            (
                f["name"].as_str().unwrap().into(),
                f["digest"]["sha256"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(subjects.len(), 39);
    assert_eq!(subjects, indexed);
    let rota = std::fs::read(t.pack().join("rota.yaml")).unwrap();
    assert!(subjects.contains(&("rota.yaml".into(), sha256_hex(&rota))));
    // The predicate: what the result says, and the digest of the result's bytes.
    let predicate = &statement["predicate"];
    assert_eq!(predicate["tool"]["version"], result["tool"]["version"]);
    assert_eq!(predicate["ruleset"]["id"], result["ruleset"]["id"]);
    assert_eq!(
        predicate["ruleset"]["version"],
        result["ruleset"]["version"]
    );
    assert_eq!(predicate["ruleset"]["sha256"], result["ruleset"]["sha256"]);
    assert_eq!(predicate["as_of"], AS_OF);
    assert_eq!(predicate["verdict"], result["verdict"]);
    assert_eq!(predicate["score"]["overall"], result["score"]["overall"]);
    let requirements = predicate["requirements"].as_array().unwrap();
    let results = result["requirements"].as_array().unwrap();
    assert_eq!(requirements.len(), results.len());
    for (signed, full) in requirements.iter().zip(results) {
        assert_eq!(signed["id"], full["id"]);
        assert_eq!(signed["result"], full["result"]);
        assert_eq!(signed["credit"], full["credit"]);
    }
    assert_eq!(predicate["result"]["sha256"], sha256_hex(&result_bytes));
    // The same bytes `score --format json` writes to standard output.
    let (_, stdout, _) = run(&["score", s(&t.pack()), "--as-of", AS_OF, "--format", "json"]);
    assert_eq!(stdout.as_bytes(), result_bytes.as_slice());
}

#[test]
fn the_same_inputs_give_the_same_envelope() {
    let t = Signing::new();
    assert_eq!(t.sign("one.intoto.json").0, 0);
    assert_eq!(t.sign("two.intoto.json").0, 0);
    assert_eq!(
        std::fs::read(t.path("one.intoto.json")).unwrap(),
        std::fs::read(t.path("two.intoto.json")).unwrap()
    );
}

#[test]
fn one_changed_byte_of_one_evidence_file_fails_and_is_named() {
    let t = Signing::new();
    assert_eq!(t.sign("r.intoto.json").0, 0);
    let file = t.pack().join("procedures/incident.md");
    let mut bytes = std::fs::read(&file).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&file, bytes).unwrap();
    let (code, stdout, _) = t.verify_pack("r.intoto.json");
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("Signature: valid"), "{stdout}");
    assert!(
        stdout.contains("  changed: procedures/incident.md (signed SHA-256 "),
        "{stdout}"
    );
    assert!(stdout.contains("1 difference since signing"), "{stdout}");
    assert!(stdout.contains("Not verified: the pack"), "{stdout}");
    assert!(stdout.contains("(1 file changed)"), "{stdout}");
}

#[test]
fn an_extra_file_and_a_removed_file_fail_and_are_named() {
    let t = Signing::new();
    assert_eq!(t.sign("r.intoto.json").0, 0);
    std::fs::write(t.pack().join("samples/extra.pdf"), "%PDF-1.4").unwrap();
    let (code, stdout, _) = t.verify_pack("r.intoto.json");
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("  added: samples/extra.pdf (not in the signed result)"),
        "{stdout}"
    );
    std::fs::remove_file(t.pack().join("samples/extra.pdf")).unwrap();

    std::fs::remove_file(t.pack().join("waivers/scn-02-out-of-hours-scenario.yaml")).unwrap();
    let (code, stdout, _) = t.verify_pack("r.intoto.json");
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains(
            "  removed: waivers/scn-02-out-of-hours-scenario.yaml (signed, no longer in the pack)"
        ),
        "{stdout}"
    );
    assert!(!stdout.contains("added:"), "{stdout}");
}

#[test]
fn hidden_entries_are_not_part_of_the_pack_as_in_the_evidence_index() {
    let t = Signing::new();
    assert_eq!(t.sign("r.intoto.json").0, 0);
    std::fs::create_dir(t.pack().join(".git")).unwrap();
    std::fs::write(t.pack().join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    let (code, stdout, _) = t.verify_pack("r.intoto.json");
    assert_eq!(code, 0, "{stdout}");
}

#[test]
fn a_tampered_payload_fails_the_signature() {
    let t = Signing::new();
    assert_eq!(t.sign("r.intoto.json").0, 0);
    let mut envelope = envelope(&t.path("r.intoto.json"));
    let mut statement = statement(&envelope);
    statement["predicate"]["verdict"] = "ready".into();
    statement["predicate"]["score"]["overall"] = 99.0.into();
    envelope["payload"] = STANDARD
        .encode(serde_json::to_vec(&statement).unwrap())
        .into();
    std::fs::write(
        t.path("tampered.json"),
        serde_json::to_vec(&envelope).unwrap(),
    )
    .unwrap();
    let (code, stdout, _) = t.verify_pack("tampered.json");
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("Signature: DOES NOT MATCH"), "{stdout}");
    assert!(
        stdout.contains("the payload or its type changed after signing"),
        "{stdout}"
    );
    assert!(stdout.contains("nothing else was checked"), "{stdout}");
    assert!(!stdout.contains("files as signed"), "{stdout}");
}

#[test]
fn another_key_fails_the_signature_and_both_keys_are_named() {
    let t = Signing::new();
    assert_eq!(t.sign("r.intoto.json").0, 0);
    let other = t.path("other");
    assert_eq!(run(&["keygen", s(&other)]).0, 0);
    let keyid = envelope(&t.path("r.intoto.json"))["signatures"][0]["keyid"]
        .as_str()
        .unwrap()
        .to_string();
    let (code, stdout, _) = run(&[
        "verify",
        s(&t.path("r.intoto.json")),
        "--key",
        s(&t.path("other.pub")),
        "--pack",
        s(&t.pack()),
    ]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("Signature: DOES NOT MATCH"), "{stdout}");
    assert!(
        stdout.contains(&format!("signed by key {keyid}, not by ")),
        "{stdout}"
    );
}

#[test]
fn a_result_file_that_is_not_the_one_signed_fails() {
    let t = Signing::new();
    assert_eq!(t.sign("r.intoto.json").0, 0);
    let other = t.path("other-result.json");
    let (_, stdout, _) = run(&[
        "score",
        s(&t.pack()),
        "--as-of",
        "2008-10-01",
        "--format",
        "json",
    ]);
    std::fs::write(&other, stdout).unwrap();
    let (code, stdout, _) = t.verify("r.intoto.json", &["--result", s(&other)]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("DOES NOT MATCH (signed SHA-256 "),
        "{stdout}"
    );
    assert!(stdout.contains("is not the one signed"), "{stdout}");
}

#[cfg(unix)]
#[test]
fn a_private_key_others_can_read_gets_a_warning_but_still_signs() {
    use std::os::unix::fs::PermissionsExt;
    let t = Signing::new();
    let (_, stderr) = t.sign("quiet.intoto.json");
    assert!(!stderr.contains("warning"), "{stderr}");
    std::fs::set_permissions(t.key(), std::fs::Permissions::from_mode(0o644)).unwrap();
    let (code, stderr) = t.sign("r.intoto.json");
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: the private key") && stderr.contains("(mode 0644)"),
        "{stderr}"
    );
    assert!(stderr.contains("chmod 600"), "{stderr}");
    assert_eq!(t.verify_pack("r.intoto.json").0, 0);
}

#[test]
fn the_report_shows_the_fingerprint_of_the_key_it_is_signed_with() {
    let t = Signing::new();
    let html = t.path("report.html");
    let envelope_path = t.path("report.intoto.json");
    let (code, _, stderr) = run(&[
        "report",
        s(&t.pack()),
        "--as-of",
        AS_OF,
        "-o",
        s(&html),
        "--attest",
        s(&envelope_path),
        "--key",
        s(&t.key()),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let page = std::fs::read_to_string(&html).unwrap();
    let keyid = envelope(&envelope_path)["signatures"][0]["keyid"]
        .as_str()
        .unwrap()
        .to_string();
    // Read as a browser reads it (the HTML escapes `/`, which base64 may hold).
    let document = scraper::Html::parse_document(&page);
    let line = scraper::Selector::parse("#summary header #signed-with").unwrap();
    let shown: String = document
        .select(&line)
        .next()
        .expect("the signed line")
        .text()
        .collect();
    assert!(
        shown.starts_with(&format!("Signed with Ed25519 key {keyid} ")),
        "{shown}"
    );
    assert_eq!(t.verify_pack("report.intoto.json").0, 0);
    // Unsigned, no such line.
    let (code, _, _) = run(&["report", s(&t.pack()), "--as-of", AS_OF, "-o", s(&html)]);
    assert_eq!(code, 0);
    assert!(
        !std::fs::read_to_string(&html)
            .unwrap()
            .contains("Signed with")
    );
}

#[test]
fn what_cannot_be_checked_exits_2() {
    let t = Signing::new();
    assert_eq!(t.sign("r.intoto.json").0, 0);
    std::fs::write(t.path("broken.json"), "{\"payloadType\": ").unwrap();
    let (code, _, stderr) = t.verify("broken.json", &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("is not a DSSE envelope"), "{stderr}");
    let (code, _, stderr) = t.verify("missing.json", &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read the envelope"), "{stderr}");
    // The private key given where the public one belongs.
    let (code, _, stderr) = run(&["verify", s(&t.path("r.intoto.json")), "--key", s(&t.key())]);
    assert_eq!(code, 2);
    assert!(stderr.contains("is a private key"), "{stderr}");
    // A public key given to sign with.
    let (code, _, stderr) = run(&[
        "score",
        s(&t.pack()),
        "--as-of",
        AS_OF,
        "--attest",
        s(&t.path("x.json")),
        "--key",
        s(&t.public()),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("is a public key"), "{stderr}");
    // A result file that cannot be read.
    let (code, stdout, _) = t.verify("r.intoto.json", &["--result", s(&t.path("nope.json"))]);
    assert_eq!(code, 2, "{stdout}");
}

#[test]
fn the_envelope_is_never_written_inside_the_pack_and_needs_a_key() {
    let t = Signing::new();
    let inside = t.pack().join("r.intoto.json");
    let (code, _, stderr) = run(&[
        "score",
        s(&t.pack()),
        "--as-of",
        AS_OF,
        "--attest",
        s(&inside),
        "--key",
        s(&t.key()),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("inside the pack"), "{stderr}");
    assert!(!inside.exists());
    let (code, _, stderr) = run(&["score", s(&t.pack()), "--attest", s(&t.path("r.json"))]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--key"), "{stderr}");
    // The envelope and another output at the same path.
    let same = t.path("same.json");
    let (code, _, stderr) = run(&[
        "score",
        s(&t.pack()),
        "--as-of",
        AS_OF,
        "--format",
        &format!("json={}", s(&same)),
        "--attest",
        s(&same),
        "--key",
        s(&t.key()),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("same file"), "{stderr}");
}

#[test]
fn an_assessor_s_override_is_signed_with_the_tool_s_own_result_beside_it() {
    let t = Signing::new();
    let overrides = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/overrides");
    let (code, _, stderr) = run(&[
        "score",
        s(&t.pack()),
        "--as-of",
        AS_OF,
        "--overrides",
        s(&overrides),
        "--format",
        &format!("json={}", s(&t.path("result.json"))),
        "--attest",
        s(&t.path("r.intoto.json")),
        "--key",
        s(&t.key()),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let statement = statement(&envelope(&t.path("r.intoto.json")));
    let requirements = statement["predicate"]["requirements"].as_array().unwrap();
    let tool03 = requirements.iter().find(|r| r["id"] == "TOOL-03").unwrap();
    assert_eq!(tool03["result"], "partial");
    assert_eq!(tool03["credit"], 0.5);
    assert_eq!(tool03["automated_result"], "pass");
    let cov01 = requirements.iter().find(|r| r["id"] == "COV-01").unwrap();
    assert!(cov01.get("automated_result").is_none(), "{cov01}");
    let result = t.path("result.json");
    assert_eq!(t.verify("r.intoto.json", &["--result", s(&result)]).0, 0);
}

/// No control character but the line break reaches the terminal.
fn assert_inert(output: &str) {
    let bad: Vec<char> = (output.chars())
        .filter(|c| (c.is_control() && *c != '\n') || ('\u{80}'..='\u{9f}').contains(c))
        .collect();
    assert!(bad.is_empty(), "control characters {bad:?} in {output}");
    assert!(
        !output.lines().any(|l| l.trim_start().starts_with("::")),
        "{output}"
    );
}

#[test]
fn evidence_text_and_an_unsigned_keyid_are_shown_inert() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("key");
    assert_eq!(run(&["keygen", s(&key)]).0, 0);
    let hostile = pack("hostile-output");
    let envelope_path = dir.path().join("h.intoto.json");
    let (code, _, stderr) = run(&[
        "score",
        s(&hostile),
        "--as-of",
        AS_OF,
        "-q",
        "--attest",
        s(&envelope_path),
        "--key",
        s(&key),
    ]);
    assert!(code == 0 || code == 1, "{stderr}");
    let public = dir.path().join("key.pub");
    let (code, stdout, stderr) = run(&[
        "verify",
        s(&envelope_path),
        "--key",
        s(&public),
        "--pack",
        s(&hostile),
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("\\x1b]52;"), "{stdout}");
    assert_inert(&stdout);
    assert_inert(&stderr);

    // The keyid is not signed: anyone can put anything there.
    let mut envelope = envelope(&envelope_path);
    envelope["signatures"][0]["keyid"] = "\u{1b}[2J\n::error::forged".into();
    std::fs::write(&envelope_path, serde_json::to_vec(&envelope).unwrap()).unwrap();
    let (code, stdout, _) = run(&["verify", s(&envelope_path), "--key", s(&public)]);
    assert_eq!(code, 0, "the keyid is a hint only: {stdout}");
    let other = dir.path().join("other");
    assert_eq!(run(&["keygen", s(&other)]).0, 0);
    let (code, stdout, stderr) = run(&[
        "verify",
        s(&envelope_path),
        "--key",
        s(&dir.path().join("other.pub")),
    ]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("signed by key \\x1b[2J\\n::error::forged"),
        "{stdout}"
    );
    assert_inert(&stdout);
    assert_inert(&stderr);
}

#[test]
fn anyone_can_reproduce_the_signed_result_from_a_copy_of_the_pack() {
    let t = Signing::new();
    assert_eq!(t.sign("r.intoto.json").0, 0);
    let elsewhere = t.path("received/another-copy");
    copy(&t.pack(), &elsewhere);
    let mine = t.path("mine.json");
    let (code, _, stderr) = run(&[
        "score",
        s(&elsewhere),
        "--as-of",
        AS_OF,
        "--ruleset",
        "lsd-accreditation@1",
        "--format",
        &format!("json={}", s(&mine)),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, _) = t.verify(
        "r.intoto.json",
        &["--pack", s(&elsewhere), "--result", s(&mine)],
    );
    assert_eq!(code, 0, "{stdout}");
}

#[test]
fn a_result_of_invalid_evidence_is_signed_and_says_so() {
    let t = Signing::new();
    let invalid = pack("defect-schema");
    let envelope_path = t.path("invalid.intoto.json");
    let (code, _, stderr) = run(&[
        "score",
        s(&invalid),
        "--as-of",
        AS_OF,
        "--attest",
        s(&envelope_path),
        "--key",
        s(&t.key()),
    ]);
    assert_eq!(code, 1, "the gate fails, the envelope is written: {stderr}");
    let statement = statement(&envelope(&envelope_path));
    assert!(
        statement["predicate"]["validation_errors"]
            .as_u64()
            .unwrap()
            > 0
    );
    let (code, stdout, _) = t.verify("invalid.intoto.json", &["--pack", s(&invalid)]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains("the evidence was invalid when signed"),
        "{stdout}"
    );
    assert!(stdout.contains("verdict not-ready"), "{stdout}");
}
