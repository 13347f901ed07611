//! DSSE (Dead Simple Signing Envelope, v1.0): the envelope JSON and the
//! pre-authentication encoding (PAE) that is actually signed, written by
//! hand from the specification
//! (<https://github.com/secure-systems-lab/dsse/blob/master/protocol.md>):
//!
//! ```text
//! PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body
//! ```
//!
//! where `LEN` is the byte length in ASCII decimal without leading zeros
//! and `SP` one space. Signing the PAE rather than the payload binds the
//! payload type to the signature, so neither can be swapped.

use base64::Engine;
use base64::engine::general_purpose::{
    STANDARD, STANDARD_PAD_INDIFFERENT, URL_SAFE_PAD_INDIFFERENT,
};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

/// The payload type of an in-toto Statement.
pub const IN_TOTO_PAYLOAD_TYPE: &str = "application/vnd.in-toto+json";

/// The pre-authentication encoding of `body` with `payload_type`.
pub fn pae(payload_type: &str, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload_type.len() + body.len() + 32);
    out.extend_from_slice(b"DSSEv1 ");
    out.extend_from_slice(payload_type.len().to_string().as_bytes());
    out.push(b' ');
    out.extend_from_slice(payload_type.as_bytes());
    out.push(b' ');
    out.extend_from_slice(body.len().to_string().as_bytes());
    out.push(b' ');
    out.extend_from_slice(body);
    out
}

/// A DSSE envelope as JSON: `payloadType`, base64 `payload`, `signatures`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Envelope {
    /// What the payload is.
    #[serde(rename = "payloadType")]
    pub payload_type: String,
    /// The payload, base64 (standard alphabet, padded, when written here).
    pub payload: String,
    /// One signature per signing key.
    pub signatures: Vec<EnvelopeSignature>,
}

/// One signature of an envelope.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EnvelopeSignature {
    /// The signing key's fingerprint (a hint for choosing the key; not signed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyid: Option<String>,
    /// The Ed25519 signature of the PAE, base64.
    pub sig: String,
}

impl Envelope {
    /// Signs `payload` as `payload_type` with `key`, naming it `keyid`.
    /// Deterministic: Ed25519 signatures depend only on the key and message.
    pub fn sign(payload_type: &str, payload: &[u8], key: &SigningKey, keyid: &str) -> Envelope {
        let signature = key.sign(&pae(payload_type, payload));
        Envelope {
            payload_type: payload_type.to_string(),
            payload: STANDARD.encode(payload),
            signatures: vec![EnvelopeSignature {
                keyid: Some(keyid.to_string()),
                sig: STANDARD.encode(signature.to_bytes()),
            }],
        }
    }

    /// The payload's bytes. DSSE readers accept standard or URL-safe base64,
    /// with or without padding.
    pub fn payload_bytes(&self) -> Result<Vec<u8>, String> {
        decode(&self.payload).map_err(|e| format!("the payload is not base64: {e}"))
    }

    /// The first signature that `key` verifies over this envelope's PAE
    /// (strict Ed25519 verification: no malleable or small-order forms).
    pub fn verified_by(&self, key: &VerifyingKey) -> Result<Option<&EnvelopeSignature>, String> {
        let message = pae(&self.payload_type, &self.payload_bytes()?);
        Ok(self.signatures.iter().find(|s| {
            decode(&s.sig)
                .ok()
                .and_then(|bytes| Signature::from_slice(&bytes).ok())
                .is_some_and(|sig| key.verify_strict(&message, &sig).is_ok())
        }))
    }
}

fn decode(text: &str) -> Result<Vec<u8>, base64::DecodeError> {
    STANDARD_PAD_INDIFFERENT
        .decode(text)
        .or_else(|_| URL_SAFE_PAD_INDIFFERENT.decode(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pae_is_the_specification_s_encoding() {
        // The example in the DSSE protocol's test vectors.
        assert_eq!(
            pae("http://example.com/HelloWorld", b"hello world"),
            b"DSSEv1 29 http://example.com/HelloWorld 11 hello world"
        );
        assert_eq!(pae("", b""), b"DSSEv1 0  0 ");
        // Lengths are of bytes, not characters.
        assert_eq!(pae("t", "é".as_bytes()), "DSSEv1 1 t 2 é".as_bytes());
    }

    fn key() -> SigningKey {
        SigningKey::from_bytes(&[7; 32])
    }

    #[test]
    fn a_signed_envelope_verifies_and_a_changed_one_does_not() {
        let envelope = Envelope::sign(IN_TOTO_PAYLOAD_TYPE, b"{\"a\":1}", &key(), "k");
        let public = key().verifying_key();
        assert!(envelope.verified_by(&public).unwrap().is_some());
        // The same inputs give the same envelope.
        let again = Envelope::sign(IN_TOTO_PAYLOAD_TYPE, b"{\"a\":1}", &key(), "k");
        assert_eq!(again.signatures[0].sig, envelope.signatures[0].sig);

        let mut payload = envelope.clone();
        payload.payload = STANDARD.encode(b"{\"a\":2}");
        assert!(payload.verified_by(&public).unwrap().is_none());
        let mut kind = envelope.clone();
        kind.payload_type = "application/json".into();
        assert!(kind.verified_by(&public).unwrap().is_none());
        let other = SigningKey::from_bytes(&[8; 32]).verifying_key();
        assert!(envelope.verified_by(&other).unwrap().is_none());
        let mut garbage = envelope;
        garbage.signatures[0].sig = "not base64!".into();
        assert!(garbage.verified_by(&public).unwrap().is_none());
        garbage.payload = "%%%".into();
        assert!(garbage.verified_by(&public).is_err());
    }

    #[test]
    fn url_safe_and_unpadded_payloads_are_read() {
        let bytes = [0xfb, 0xff, 0x01];
        let envelope = Envelope {
            payload_type: "t".into(),
            payload: base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes),
            signatures: Vec::new(),
        };
        assert_eq!(envelope.payload_bytes().unwrap(), bytes);
    }
}
