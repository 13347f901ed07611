//! Signing keys: Ed25519, the private key as PKCS#8 PEM (mode 0600), the
//! public key as SubjectPublicKeyInfo PEM, and the key's **fingerprint**:
//! `SHA256:` and the unpadded standard base64 of the SHA-256 of the public
//! key's SubjectPublicKeyInfo DER. The fingerprint is the DSSE `keyid` of
//! every signature and the line the HTML report shows. Anyone can compute it
//! without accredit:
//! `openssl pkey -pubin -in KEY.pub -outform DER | openssl dgst -sha256 -binary | base64 | tr -d =`.

use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine;
use ed25519_dalek::pkcs8::spki::der::pem::LineEnding;
use ed25519_dalek::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey};
use ed25519_dalek::{SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::exit::Failure;

/// The fingerprint of a public key (see the module documentation).
pub fn fingerprint(key: &VerifyingKey) -> String {
    let der = key
        .to_public_key_der()
        .map(|d| d.as_bytes().to_vec())
        // Encoding a 32-byte key into its fixed SPKI structure cannot fail;
        // the raw key is a sound fallback all the same.
        .unwrap_or_else(|_| key.to_bytes().to_vec());
    format!(
        "SHA256:{}",
        base64::engine::general_purpose::STANDARD_NO_PAD.encode(Sha256::digest(der))
    )
}

/// The path of the public key written beside `key`: `KEY.pub`.
pub fn public_path(key: &Path) -> PathBuf {
    let mut name = key.as_os_str().to_os_string();
    name.push(".pub");
    PathBuf::from(name)
}

/// `accredit keygen KEY`: a new key pair, `KEY` (mode 0600) and `KEY.pub`.
/// Neither file may exist; each is written whole to a temporary file and
/// linked into place only if its name is still free, so an existing key is
/// never overwritten (not even by a run racing this one) and a failed run
/// leaves no half-written key. Returns the fingerprint.
pub fn generate(key_path: &Path) -> Result<String, Failure> {
    let public = public_path(key_path);
    for path in [key_path, public.as_path()] {
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(Failure::msg(format!(
                "{} already exists; keygen never overwrites a key — choose another name, or remove it yourself",
                path.display()
            )));
        }
    }
    let mut secret = [0u8; ed25519_dalek::SECRET_KEY_LENGTH];
    getrandom::fill(&mut secret).map_err(|e| {
        Failure::msg(format!(
            "cannot get random bytes from the operating system: {e}"
        ))
    })?;
    let signing = SigningKey::from_bytes(&secret);
    secret.fill(0);
    let private_pem = private_pem(&signing)?;
    let public_pem = signing
        .verifying_key()
        .to_public_key_pem(LineEnding::LF)
        .map_err(|e| Failure::msg(format!("cannot encode the public key: {e}")))?;
    create_new(key_path, private_pem.as_bytes(), 0o600)?;
    if let Err(failure) = create_new(&public, public_pem.as_bytes(), 0o644) {
        // No private key without its public half: this run made it, so it goes.
        let _ = std::fs::remove_file(key_path);
        return Err(failure);
    }
    Ok(fingerprint(&signing.verifying_key()))
}

/// The private key as PKCS#8 v1 PEM (RFC 8410 `PrivateKeyInfo`, the secret
/// key alone). Not v2 with the public key inside, which ed25519-dalek writes
/// by default: OpenSSL 3 and Python's `cryptography` refuse that form, and a
/// key only accredit can read would lock the assessor in.
fn private_pem(
    signing: &SigningKey,
) -> Result<ed25519_dalek::pkcs8::spki::der::zeroize::Zeroizing<String>, Failure> {
    let secret_only = ed25519_dalek::pkcs8::KeypairBytes {
        secret_key: signing.to_bytes(),
        public_key: None,
    };
    secret_only
        .to_pkcs8_pem(LineEnding::LF)
        .map_err(|e| Failure::msg(format!("cannot encode the private key: {e}")))
}

/// Writes `contents` to a new file at `path` with `mode` (before the umask),
/// refusing if the name exists when the file is linked into place.
fn create_new(path: &Path, contents: &[u8], mode: u32) -> Result<(), Failure> {
    let cannot = |e: std::io::Error| Failure::msg(format!("cannot write {}: {e}", path.display()));
    let directory = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".accredit-key.").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = mode;
    let mut temporary = builder.tempfile_in(directory).map_err(cannot)?;
    temporary.write_all(contents).map_err(cannot)?;
    temporary.as_file().sync_all().map_err(cannot)?;
    temporary.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            Failure::msg(format!(
                "{} already exists; keygen never overwrites a key",
                path.display()
            ))
        } else {
            cannot(e.error)
        }
    })?;
    Ok(())
}

/// Reads a private key (PKCS#8 PEM). A key that others may read gets a
/// warning on standard error: it still signs, but it should be `chmod 600`.
pub fn read_private(path: &Path) -> Result<SigningKey, Failure> {
    let text = read_key_file(path)?;
    if text.contains("-----BEGIN PUBLIC KEY-----") {
        return Err(Failure::msg(format!(
            "{} is a public key; sign with the private key (the file without .pub)",
            path.display()
        )));
    }
    let key = SigningKey::from_pkcs8_pem(&text).map_err(|e| {
        Failure::msg(format!(
            "{} is not an Ed25519 private key in PKCS#8 PEM (as `accredit keygen` writes): {e}",
            path.display()
        ))
    })?;
    if let Some(mode) = loose_mode(path) {
        eprintln!(
            "warning: the private key {} can be read by others (mode {mode:04o}); restrict it with `chmod 600 {}`",
            crate::encode::text::text(&path.display().to_string()),
            crate::encode::text::text(&path.display().to_string()),
        );
    }
    Ok(key)
}

/// A PEM key file's text. Ed25519 keys are a few hundred bytes; anything far
/// larger is not a key, and is not read into memory.
fn read_key_file(path: &Path) -> Result<String, Failure> {
    use std::io::Read;
    const MAX_KEY_BYTES: u64 = 16 * 1024;
    let cannot =
        |why: String| Failure::msg(format!("cannot read the key {}: {why}", path.display()));
    let file = std::fs::File::open(path).map_err(|e| cannot(e.to_string()))?;
    let mut text = String::new();
    file.take(MAX_KEY_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| cannot(e.to_string()))?;
    if text.len() as u64 > MAX_KEY_BYTES {
        return Err(cannot(format!(
            "it is larger than {MAX_KEY_BYTES} bytes, so it is not an Ed25519 key file"
        )));
    }
    Ok(text)
}

/// The file's permission bits when group or others have any access to it.
#[cfg(unix)]
fn loose_mode(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
    (mode & 0o077 != 0).then_some(mode)
}

#[cfg(not(unix))]
fn loose_mode(_path: &Path) -> Option<u32> {
    None
}

/// Reads a public key (SubjectPublicKeyInfo PEM, as `KEY.pub`).
pub fn read_public(path: &Path) -> Result<VerifyingKey, Failure> {
    let text = read_key_file(path)?;
    if text.contains("PRIVATE KEY-----") {
        return Err(Failure::msg(format!(
            "{} is a private key; verify with the public key ({}), which is the one to share",
            path.display(),
            public_path(path).display()
        )));
    }
    VerifyingKey::from_public_key_pem(&text).map_err(|e| {
        Failure::msg(format!(
            "{} is not an Ed25519 public key in SubjectPublicKeyInfo PEM (as `accredit keygen` writes KEY.pub): {e}",
            path.display()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_hashes_the_spki_der() {
        // RFC 8032 test 1 public key; its SPKI DER is a fixed 12-byte prefix and the key.
        let public: [u8; 32] = [
            0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe, 0xd3, 0xc9, 0x64,
            0x07, 0x3a, 0x0e, 0xe1, 0x72, 0xf3, 0xda, 0xa6, 0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68,
            0xf7, 0x07, 0x51, 0x1a,
        ];
        let key = VerifyingKey::from_bytes(&public).unwrap();
        let mut der = vec![
            0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
        ];
        der.extend_from_slice(&public);
        let expected = format!(
            "SHA256:{}",
            base64::engine::general_purpose::STANDARD_NO_PAD.encode(Sha256::digest(&der))
        );
        assert_eq!(fingerprint(&key), expected);
        assert_eq!(expected.len(), "SHA256:".len() + 43);
    }

    #[test]
    fn the_private_key_is_pkcs8_v1_as_openssl_reads_it() {
        let pem = private_pem(&SigningKey::from_bytes(&[9; 32])).unwrap();
        let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
        let der = base64::engine::general_purpose::STANDARD
            .decode(body)
            .unwrap();
        // SEQUENCE (46 bytes) { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32) } }
        let mut expected = vec![
            0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22,
            0x04, 0x20,
        ];
        expected.extend_from_slice(&[9; 32]);
        assert_eq!(der, expected);
        assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----\n"));
    }

    #[test]
    fn keys_round_trip_through_their_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("assessor");
        let shown = generate(&path).unwrap();
        let private = read_private(&path).unwrap();
        let public = read_public(&public_path(&path)).unwrap();
        assert_eq!(private.verifying_key(), public);
        assert_eq!(fingerprint(&public), shown);
        assert!(
            read_public(&path)
                .unwrap_err()
                .message
                .contains("is a private key")
        );
        let refused = read_private(&public_path(&path)).unwrap_err();
        assert!(
            refused.message.contains("is a public key"),
            "{}",
            refused.message
        );
        let large = dir.path().join("large.pem");
        std::fs::write(&large, vec![b'A'; 100_000]).unwrap();
        let refused = read_public(&large).unwrap_err();
        assert!(
            refused.message.contains("larger than"),
            "{}",
            refused.message
        );
    }
}
