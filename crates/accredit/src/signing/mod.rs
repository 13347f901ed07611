//! Signed results: `keygen`, `--attest FILE --key KEY` and `verify`.
//!
//! A command that writes a result signs it in two calls: [`prepare`] before
//! any work (it reads the key, so a bad key or an envelope path inside the
//! pack fails at once, and gives the fingerprint the HTML report shows), and
//! [`Signer::attest`] once the outputs are written. The envelope is a DSSE
//! envelope ([`dsse`]) of an in-toto Statement ([`statement`]); the same
//! inputs give the same bytes.

pub mod dsse;
pub mod keys;
pub mod statement;
pub mod verify;

use std::path::{Path, PathBuf};

use accredit_core::assess::Assessment;
use ed25519_dalek::SigningKey;
use sha2::{Digest, Sha256};

use crate::cli::AttestArgs;
use crate::exit::Failure;
use crate::output::{self, Destination};
use crate::render::{Format, RenderOptions};

/// A key ready to sign, and where the envelope goes.
pub struct Signer {
    key: SigningKey,
    fingerprint: String,
    envelope: Destination,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("fingerprint", &self.fingerprint)
            .field("envelope", &self.envelope)
            .finish_non_exhaustive()
    }
}

/// For `--attest FILE --key KEY` (`None` when not asked): checks that FILE
/// is neither inside `pack` nor one of `outputs`, and reads the key.
pub fn prepare<'a>(
    args: &AttestArgs,
    pack: &Path,
    outputs: impl IntoIterator<Item = &'a Destination>,
) -> Result<Option<Signer>, Failure> {
    let (Some(envelope), Some(key)) = (&args.attest, &args.key) else {
        return Ok(None);
    };
    let envelope = Destination::from_path(envelope);
    let destinations: Vec<&Destination> = outputs.into_iter().collect();
    output::check(
        destinations.into_iter().chain(std::iter::once(&envelope)),
        &[pack],
    )?;
    let key = keys::read_private(key)?;
    let fingerprint = keys::fingerprint(&key.verifying_key());
    Ok(Some(Signer {
        key,
        fingerprint,
        envelope,
    }))
}

impl Signer {
    /// The signing key's fingerprint, `SHA256:…`.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Writes the signed envelope of `assessment`: its statement names the
    /// JSON result that `options` would render (the bytes `--format json`
    /// writes for this run).
    pub fn attest(&self, assessment: &Assessment, options: &RenderOptions) -> Result<(), Failure> {
        let envelope = self.envelope_text(assessment, options)?;
        output::emit(&self.envelope, &envelope)?;
        if !options.quiet && self.envelope != Destination::Stdout {
            eprintln!(
                "Signed {} with Ed25519 key {}",
                crate::encode::text::text(&self.envelope.describe()),
                self.fingerprint
            );
        }
        Ok(())
    }

    /// The envelope, as JSON text with a final newline.
    fn envelope_text(
        &self,
        assessment: &Assessment,
        options: &RenderOptions,
    ) -> Result<String, Failure> {
        let result = Format::Json.render(assessment, options);
        let statement = statement::Statement::new(assessment, sha256_hex(result.as_bytes()))
            .map_err(|why| Failure::msg(format!("cannot sign the result: {why}")))?;
        let envelope = dsse::Envelope::sign(
            dsse::IN_TOTO_PAYLOAD_TYPE,
            &statement.to_payload(),
            &self.key,
            &self.fingerprint,
        );
        let mut text = serde_json::to_string_pretty(&envelope)
            .map_err(|e| Failure::msg(format!("cannot write the envelope: {e}")))?;
        text.push('\n');
        Ok(text)
    }
}

/// SHA-256, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// `accredit keygen KEY`.
pub fn keygen(key: &Path, quiet: bool) -> Result<crate::exit::Exit, Failure> {
    let fingerprint = keys::generate(key)?;
    if !quiet {
        let public: PathBuf = keys::public_path(key);
        outln!(
            "Wrote the private key {} (keep it secret: mode 0600) and the public key {} (share it with whoever verifies)",
            crate::encode::text::text(&key.display().to_string()),
            crate::encode::text::text(&public.display().to_string()),
        );
        outln!("Fingerprint: Ed25519 key {fingerprint}");
    }
    Ok(crate::exit::Exit::Passed)
}
