//! A whole pack: load, assess with the built-in ruleset, and serialise the
//! result to JSON (the core's serialisation; the renderers live in the binary).
//!
//! The input is a small archive of files (see `decode`): each file starts
//! with a line `=== relative/path` and runs to the next such line. The core
//! loads packs from a directory, so the files are written into a fresh
//! temporary directory (on /dev/shm when it exists) per input.
#![no_main]

use accredit_core::assess::assess;
use accredit_core::load::{LoadOptions, load_pack};
use accredit_core::ruleset::Ruleset;
use jiff::civil::date;
use libfuzzer_sys::fuzz_target;

const MAX_FILES: usize = 24;

/// The files of the archive, with safe relative paths only.
fn decode(data: &[u8]) -> Vec<(String, &[u8])> {
    let mut files: Vec<(String, &[u8])> = Vec::new();
    let mut rest = data;
    while let Some(start) = find(rest, b"=== ") {
        let after = &rest[start + 4..];
        let line_end = after
            .iter()
            .position(|&b| b == b'\n')
            .unwrap_or(after.len());
        let name = &after[..line_end];
        let body = after.get(line_end + 1..).unwrap_or_default();
        let end = find(body, b"\n=== ").map_or(body.len(), |i| i + 1);
        if let Some(path) = safe_path(name)
            && files.len() < MAX_FILES
            && !files.iter().any(|(p, _)| *p == path)
        {
            files.push((path, &body[..end]));
        }
        rest = &body[end..];
    }
    files
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn safe_path(name: &[u8]) -> Option<String> {
    let name = std::str::from_utf8(name).ok()?;
    let parts: Vec<&str> = name.split('/').collect();
    let fine = !name.is_empty()
        && parts.len() <= 4
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 40
                && *p != "."
                && *p != ".."
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
        });
    fine.then(|| name.to_string())
}

fuzz_target!(|data: &[u8]| {
    let files = decode(data);
    if files.is_empty() {
        return;
    }
    let base = std::path::Path::new("/dev/shm");
    let dir = if base.is_dir() {
        tempfile::tempdir_in(base)
    } else {
        tempfile::tempdir()
    }
    .expect("temporary directory");
    for (path, body) in &files {
        let full = dir.path().join(path);
        if let Some(parent) = full.parent() {
            // A path may name an existing file as a directory: skip it.
            if std::fs::create_dir_all(parent).is_err() {
                continue;
            }
        }
        let _ = std::fs::write(&full, body);
    }
    let ruleset = Ruleset::builtin();
    let options = LoadOptions {
        known_applications: ruleset.application_ids(),
        ..LoadOptions::default()
    };
    let evidence = load_pack(dir.path(), &options).expect("a directory loads");
    if let Ok(assessment) = assess(&evidence, &ruleset, date(2008, 9, 1)) {
        let json = serde_json::to_string(&assessment).expect("serialises");
        assert!(json.starts_with('{'));
    }
    let _ = serde_json::to_string(&evidence.diagnostics).expect("diagnostics serialise");
});
