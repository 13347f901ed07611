//! Fixture packs for the CLI tests: the repository's packs and ruleset-test
//! overlays, and temporary packs made by laying overlays over a copy.

use std::path::{Path, PathBuf};

/// The repository's `fixtures/packs/NAME`.
pub fn pack(name: &str) -> PathBuf {
    fixtures().join("packs").join(name)
}

/// The repository's `fixtures/ruleset-tests/overlays/NAME`: files that
/// replace or add to a pack's.
pub fn overlay(name: &str) -> PathBuf {
    fixtures().join("ruleset-tests/overlays").join(name)
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// Copies a directory tree (files and folders) into `to`, over what is there.
pub fn copy(from: &Path, to: &Path) {
    for file in files_under(from) {
        let target = to.join(file.strip_prefix(from).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&file, target).unwrap();
    }
    std::fs::create_dir_all(to).unwrap();
}

/// Every regular file under `dir`, at any depth.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// A temporary copy of the fixture pack `base` with each overlay laid
/// over it in turn.
pub fn pack_with(base: &str, overlays: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy(&pack(base), dir.path());
    for name in overlays {
        copy(&overlay(name), dir.path());
    }
    dir
}

/// The complete pack with one ruleset-test overlay laid over it, in a temp dir.
pub fn with_overlay(name: &str) -> tempfile::TempDir {
    pack_with("complete", &[name])
}
