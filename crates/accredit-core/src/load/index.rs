//! Re-hashing a pack without loading it: the same walk as
//! [`load_pack`](super::load_pack) (sorted, hidden entries skipped, links
//! never followed or read), each regular file streamed through SHA-256. This
//! is what a signed result is checked against: the evidence index of the
//! result and this list agree file for file on an unchanged pack.

use std::path::Path;

use rayon::prelude::*;

use super::{LoadFailure, unreadable, walk};
use crate::diagnostic::{Code, Diagnostic};

/// One regular file of the pack and its digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HashedFile {
    /// Pack-relative path, `/`-separated (as in the evidence index).
    pub path: String,
    /// SHA-256 of its content, lower-case hex.
    pub sha256: String,
}

/// Every regular file of a pack with its digest, and what could not be read.
#[derive(Debug, Clone, Default)]
pub struct PackDigests {
    /// The files that were read, sorted by path.
    pub files: Vec<HashedFile>,
    /// Parts of the pack (files or folders) that could not be read, so their
    /// digests are unknown.
    pub unreadable: Vec<Diagnostic>,
}

/// Hashes every file of the pack at `root` that [`load_pack`](super::load_pack)
/// would index. Links are skipped as the loader skips them (they are not in
/// the evidence index either).
pub fn hash_pack(root: &Path) -> Result<PackDigests, LoadFailure> {
    if !root.is_dir() {
        return Err(LoadFailure::NotADirectory(root.display().to_string()));
    }
    let mut walk_problems = Vec::new();
    let found = walk::walk(root, &mut walk_problems);
    let hashed: Vec<Result<HashedFile, Diagnostic>> = found
        .par_iter()
        .map(|file| {
            walk::sha256_file(&root.join(&file.path), file.bytes)
                .map(|sha256| HashedFile {
                    path: file.path.clone(),
                    sha256,
                })
                .map_err(|error| unreadable(&file.path, &error))
        })
        .collect();
    let mut digests = PackDigests {
        unreadable: walk_problems
            .into_iter()
            .filter(|d| d.code == Code::Unreadable)
            .collect(),
        ..PackDigests::default()
    };
    for outcome in hashed {
        match outcome {
            Ok(file) => digests.files.push(file),
            Err(problem) => digests.unreadable.push(problem),
        }
    }
    Ok(digests)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digests_are_those_of_the_evidence_index() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/packs/complete");
        let evidence = super::super::load_pack(&root, &super::super::LoadOptions::default())
            .expect("the complete pack loads");
        let digests = hash_pack(&root).expect("the complete pack hashes");
        let indexed: Vec<HashedFile> = evidence
            .files
            .iter()
            .map(|f| HashedFile {
                path: f.path.clone(),
                sha256: f.sha256.clone(),
            })
            .collect();
        assert!(!indexed.is_empty());
        assert_eq!(digests.files, indexed);
        assert!(digests.unreadable.is_empty());
    }

    #[test]
    fn hidden_entries_are_skipped_and_links_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("pack.yaml"), "kind: Pack\n").unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        std::fs::write(dir.path().join(".git/HEAD"), "ref").unwrap();
        std::fs::write(dir.path().join(".hidden.yaml"), "x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink("/etc/passwd", dir.path().join("link.txt")).unwrap();
        let digests = hash_pack(dir.path()).unwrap();
        let paths: Vec<&str> = digests.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["pack.yaml"]);
        assert_eq!(digests.files[0].sha256, walk::sha256_bytes(b"kind: Pack\n"));
    }
}
