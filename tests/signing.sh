#!/usr/bin/env bash
# Signed results checked without accredit: makes a key with `accredit keygen`,
# signs the complete fixture pack's result (`score --attest`), and verifies
# the envelope with the in-toto reference implementation's DSSE code (PyPI
# `securesystemslib`: `dsse.Envelope.from_dict(...).verify([SSlibKey], 1)`,
# the Ed25519 key loaded from KEY.pub with `cryptography`). Then shows that
# securesystemslib rejects a tampered payload and a wrong key, and that
# `accredit verify` agrees on all three; and the other way round, that an
# envelope securesystemslib signs with the same key verifies in accredit. Exits non-zero on any failure; the
# last line is `N passed, M failed`.
#
#   tests/signing.sh     # installs securesystemslib[crypto] into a venv under
#                        # ${XDG_CACHE_HOME:-$HOME/.cache}/accredit-ci/ on first run
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="${XDG_CACHE_HOME:-$HOME/.cache}/accredit-ci/securesystemslib-venv"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok     $1"; }
fail() { failed=$((failed + 1)); echo "FAILED $1"; }
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit $?
}

# --- tools -------------------------------------------------------------------
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import securesystemslib, cryptography' 2>/dev/null; then
    echo "installing securesystemslib[crypto] into $VENV"
    python3 -m venv "$VENV" && "$VENV/bin/pip" install --quiet --disable-pip-version-check 'securesystemslib[crypto]' \
        || { fail "install securesystemslib"; finish; }
fi
PY="$VENV/bin/python"
echo "securesystemslib $("$PY" -c 'import importlib.metadata as m; print(m.version("securesystemslib"))')," \
    "cryptography $("$PY" -c 'import importlib.metadata as m; print(m.version("cryptography"))')"

echo "building accredit"
(cd "$ROOT" && cargo build --quiet -p accredit) || { fail "cargo build -p accredit"; finish; }
TARGET_DIR="${CARGO_TARGET_DIR:-$(cd "$ROOT" && cargo metadata --no-deps --format-version 1 | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')}"
ACCREDIT="$TARGET_DIR/debug/accredit"

# --- sign with accredit ------------------------------------------------------
cd "$WORK"
if "$ACCREDIT" keygen assessor >/dev/null && [ "$(stat -c %a assessor)" = 600 ]; then
    ok "accredit keygen writes a 0600 private key and assessor.pub"
else
    fail "accredit keygen"
fi
"$ACCREDIT" keygen other >/dev/null || fail "accredit keygen (second key)"
"$ACCREDIT" score "$ROOT/fixtures/packs/complete" --as-of 2008-09-01 -q \
    --format json=result.json --attest result.intoto.json --key assessor
code=$?
if [ "$code" -eq 0 ] && [ -s result.intoto.json ]; then
    ok "accredit score --attest writes the envelope"
else
    fail "accredit score --attest (exit $code)"
    finish
fi

# A tampered copy: the payload's verdict changed, the signature kept.
"$PY" - result.intoto.json tampered.intoto.json <<'PYTHON'
import base64, json, sys
envelope = json.load(open(sys.argv[1]))
statement = json.loads(base64.b64decode(envelope["payload"]))
statement["predicate"]["verdict"] = "ready" if statement["predicate"]["verdict"] != "ready" else "not-ready"
envelope["payload"] = base64.b64encode(json.dumps(statement).encode()).decode()
json.dump(envelope, open(sys.argv[2], "w"))
PYTHON

# --- verify with securesystemslib --------------------------------------------
# verify.py ENVELOPE KEY.pub: exit 0 when securesystemslib accepts it, 1 when
# it rejects it; prints what it checked.
cat >verify.py <<'PYTHON'
import base64, hashlib, json, sys
from cryptography.hazmat.primitives.serialization import (
    Encoding, PublicFormat, load_pem_public_key)
from securesystemslib.dsse import Envelope
from securesystemslib.exceptions import VerificationError
from securesystemslib.signer import SSlibKey

envelope_path, key_path = sys.argv[1], sys.argv[2]
public = load_pem_public_key(open(key_path, "rb").read())
# The key's fingerprint, computed here independently of accredit: SHA-256 of
# the SubjectPublicKeyInfo DER, unpadded base64 (the DSSE keyid accredit writes).
der = public.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
keyid = "SHA256:" + base64.b64encode(hashlib.sha256(der).digest()).decode().rstrip("=")
if len(sys.argv) > 3:  # a key that claims another's keyid, so only the cryptography can tell
    keyid = sys.argv[3]
key = SSlibKey.from_crypto(public, keyid=keyid, scheme="ed25519")
envelope = Envelope.from_dict(json.load(open(envelope_path)))
try:
    accepted = envelope.verify([key], 1)
except VerificationError as error:
    print(f"securesystemslib rejects {envelope_path}: {error}")
    sys.exit(1)
statement = json.loads(envelope.payload)
predicate = statement["predicate"]
print(f"securesystemslib accepts {envelope_path}: signed by {sorted(accepted)}, "
      f"{statement['_type']}, {statement['predicateType']}, {len(statement['subject'])} subjects, "
      f"verdict {predicate['verdict']}, overall {predicate['score']['overall']}")
assert envelope.payload_type == "application/vnd.in-toto+json", envelope.payload_type
assert statement["_type"] == "https://in-toto.io/Statement/v1"
sys.exit(0)
PYTHON

"$PY" verify.py result.intoto.json assessor.pub
code=$?
if [ "$code" -eq 0 ]; then ok "securesystemslib verifies the envelope accredit signed"; else fail "securesystemslib verifies the envelope (exit $code)"; fi

"$PY" verify.py tampered.intoto.json assessor.pub
code=$?
if [ "$code" -eq 1 ]; then ok "securesystemslib rejects a tampered payload"; else fail "securesystemslib rejects a tampered payload (exit $code)"; fi

"$PY" verify.py result.intoto.json other.pub
code=$?
if [ "$code" -eq 1 ]; then ok "securesystemslib rejects the envelope with another key"; else fail "securesystemslib rejects another key (exit $code)"; fi

signer_keyid="$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["signatures"][0]["keyid"])' result.intoto.json)"
"$PY" verify.py result.intoto.json other.pub "$signer_keyid"
code=$?
if [ "$code" -eq 1 ]; then ok "securesystemslib rejects another key even under the signer's keyid"; else fail "securesystemslib rejects another key under the signer's keyid (exit $code)"; fi

# The subjects are the pack's files with the digests sha256sum gives.
"$PY" - result.intoto.json "$ROOT/fixtures/packs/complete" <<'PYTHON'
import base64, hashlib, json, os, sys
statement = json.loads(base64.b64decode(json.load(open(sys.argv[1]))["payload"]))
root = sys.argv[2]
for subject in statement["subject"]:
    with open(os.path.join(root, subject["name"]), "rb") as f:
        assert hashlib.sha256(f.read()).hexdigest() == subject["digest"]["sha256"], subject["name"]
print(f"{len(statement['subject'])} subject digests match the files")
PYTHON
code=$?
if [ "$code" -eq 0 ]; then ok "every subject digest is the file's SHA-256"; else fail "subject digests"; fi

if [ "$(sha256sum result.json | cut -d' ' -f1)" = "$("$PY" -c 'import base64,json,sys; print(json.loads(base64.b64decode(json.load(open(sys.argv[1]))["payload"]))["predicate"]["result"]["sha256"])' result.intoto.json)" ]; then
    ok "the predicate carries the JSON result's SHA-256"
else
    fail "the predicate's result digest"
fi

# The other direction: securesystemslib signs (the same statement, with the
# assessor's private key), and accredit verifies; the same PAE on both sides
# gives the same Ed25519 signature.
"$PY" - result.intoto.json assessor resigned.intoto.json <<'PYTHON'
import base64, hashlib, json, sys
from cryptography.hazmat.primitives.serialization import (
    Encoding, PublicFormat, load_pem_private_key)
from securesystemslib.dsse import Envelope
from securesystemslib.signer import CryptoSigner, SSlibKey

original = json.load(open(sys.argv[1]))
private = load_pem_private_key(open(sys.argv[2], "rb").read(), password=None)
der = private.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
keyid = "SHA256:" + base64.b64encode(hashlib.sha256(der).digest()).decode().rstrip("=")
signer = CryptoSigner(private, SSlibKey.from_crypto(private.public_key(), keyid=keyid, scheme="ed25519"))
envelope = Envelope(base64.b64decode(original["payload"]), original["payloadType"], {})
envelope.sign(signer)
resigned = envelope.to_dict()
json.dump(resigned, open(sys.argv[3], "w"))
same = resigned["signatures"][0]["sig"] == original["signatures"][0]["sig"]
print(f"securesystemslib signed the statement again: signature {'identical to' if same else 'DIFFERENT FROM'} accredit's")
sys.exit(0 if same else 1)
PYTHON
code=$?
if [ "$code" -eq 0 ]; then ok "securesystemslib's signature of the same statement is accredit's, byte for byte"; else fail "securesystemslib re-signing (exit $code)"; fi
"$ACCREDIT" verify resigned.intoto.json --key assessor.pub --pack "$ROOT/fixtures/packs/complete" >/dev/null
code=$?
if [ "$code" -eq 0 ]; then ok "accredit verify accepts the envelope securesystemslib signed"; else fail "accredit verify of securesystemslib's envelope (exit $code)"; fi

# --- accredit verify agrees --------------------------------------------------
"$ACCREDIT" verify result.intoto.json --key assessor.pub --pack "$ROOT/fixtures/packs/complete" --result result.json >verify.out
code=$?
tail -1 verify.out
if [ "$code" -eq 0 ]; then ok "accredit verify accepts it (pack and result)"; else fail "accredit verify (exit $code)"; fi
"$ACCREDIT" verify tampered.intoto.json --key assessor.pub >/dev/null
code=$?
if [ "$code" -eq 1 ]; then ok "accredit verify rejects the tampered payload"; else fail "accredit verify tampered (exit $code)"; fi
"$ACCREDIT" verify result.intoto.json --key other.pub >/dev/null
code=$?
if [ "$code" -eq 1 ]; then ok "accredit verify rejects another key"; else fail "accredit verify other key (exit $code)"; fi

finish
