//! CSV exports hashed by the analysis that streams them.
//!
//! When [`LoadOptions::hash_exports_in_stream`](super::LoadOptions) is set,
//! the load does not hash the CSV files a log descriptor or a rota names:
//! it leaves a slot for each, and the analysis that streams the file fills
//! it with the SHA-256 of the bytes it reads ([`StreamedDigests::reader`](crate::evidence::StreamedDigests::reader)),
//! so a scored export is read once. When the evidence index is made
//! ([`files_with_digests`]), an export that no analysis read to its end is
//! hashed then, once. Either way the digest is that of the whole file,
//! exactly as hashing it at load gives.

use super::walk;
use crate::evidence::{Evidence, PackFile};

/// The evidence index with every digest: those the analyses made, and the
/// others made now (each file at most once, however many assessments ask).
/// A file that cannot be read now keeps an empty digest, as at load.
pub fn files_with_digests(evidence: &Evidence) -> Vec<PackFile> {
    let mut files = evidence.files.clone();
    for file in &mut files {
        let digest = evidence.streamed.digest_or_hash(&file.path, |bytes| {
            walk::sha256_file(&evidence.root.join(&file.path), bytes).unwrap_or_default()
        });
        if let Some(digest) = digest {
            file.sha256 = digest.to_string();
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use std::io::Read;
    use std::path::Path;

    use super::*;
    use crate::evidence::{FileRole, StreamedDigests};
    use crate::load::{LoadOptions, load_pack};

    fn complete() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/packs/complete")
    }

    fn load(root: &Path, in_stream: bool) -> Evidence {
        let options = LoadOptions {
            hash_exports_in_stream: in_stream,
            ..LoadOptions::default()
        };
        load_pack(root, &options).expect("the pack loads")
    }

    fn digests(files: &[PackFile]) -> Vec<(String, String)> {
        files
            .iter()
            .map(|f| (f.path.clone(), f.sha256.clone()))
            .collect()
    }

    /// Scoring the complete pack hashes each of its four CSV exports in the
    /// stream that analyses it (the load leaves them unhashed), and the
    /// evidence index is the one hashing at load gives.
    #[test]
    fn a_scored_pack_hashes_each_export_in_the_stream_that_reads_it() {
        let evidence = load(&complete(), true);
        let exports: Vec<&PackFile> = evidence
            .files
            .iter()
            .filter(|f| f.role == FileRole::Export)
            .collect();
        assert_eq!(exports.len(), 4, "{:?}", digests(&evidence.files));
        assert!(exports.iter().all(|f| f.sha256.is_empty()));
        let ruleset = crate::ruleset::Ruleset::builtin();
        let assessment =
            crate::assess::assess(&evidence, &ruleset, jiff::civil::date(2008, 9, 1)).unwrap();
        for export in &exports {
            assert_eq!(
                evidence.streamed.made_by_stream(&export.path),
                Some(true),
                "{}",
                export.path
            );
        }
        let at_load = load(&complete(), false);
        assert!(at_load.files.iter().all(|f| f.sha256.len() == 64));
        assert_eq!(digests(&assessment.files), digests(&at_load.files));
    }

    /// An export no analysis read is hashed when the index is made, once:
    /// a second index (another assessment, a timeline date) reuses it.
    #[test]
    fn an_export_no_analysis_read_is_hashed_when_the_index_is_made() {
        let evidence = load(&complete(), true);
        let first = files_with_digests(&evidence);
        assert_eq!(
            evidence.streamed.made_by_stream("logs/incidents.csv"),
            Some(false)
        );
        assert_eq!(digests(&first), digests(&load(&complete(), false).files));
        assert_eq!(digests(&files_with_digests(&evidence)), digests(&first));
    }

    /// A stream that stops before the end (a missing column stops an
    /// analysis at the header) or reads another size keeps no digest: the
    /// whole file is hashed when the index is made.
    #[test]
    fn a_stream_that_stops_early_or_reads_another_size_keeps_no_digest() {
        let dir = tempfile::tempdir().unwrap();
        let content = "reference,opened_at\nINC1,2008-01-01 09:00\n".repeat(100);
        std::fs::write(dir.path().join("log.csv"), &content).unwrap();
        let mut evidence = Evidence {
            root: dir.path().to_path_buf(),
            files: vec![PackFile {
                path: "log.csv".into(),
                role: FileRole::Export,
                bytes: content.len() as u64,
                sha256: String::new(),
                valid: true,
            }],
            ..Evidence::default()
        };
        evidence.streamed.defer("log.csv", content.len() as u64);
        let mut partial = evidence.streamed.reader("log.csv", content.as_bytes());
        let mut header = [0u8; 20];
        partial.read_exact(&mut header).unwrap();
        drop(partial);
        let mut other = Vec::new();
        let longer = format!("{content}x");
        (evidence.streamed.reader("log.csv", longer.as_bytes()))
            .read_to_end(&mut other)
            .unwrap();
        assert_eq!(evidence.streamed.made_by_stream("log.csv"), None);
        let files = files_with_digests(&evidence);
        assert_eq!(files[0].sha256, walk::sha256_bytes(content.as_bytes()));
        assert_eq!(evidence.streamed.made_by_stream("log.csv"), Some(false));
    }

    /// What a stream reads passes through unchanged, and a stream over a
    /// file whose digest is made costs no hashing.
    #[test]
    fn the_reader_passes_the_bytes_through() {
        let mut streamed = StreamedDigests::default();
        streamed.defer("a.csv", 5);
        let mut out = String::new();
        (streamed.reader("a.csv", "a,b\n\n".as_bytes()))
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, "a,b\n\n");
        assert_eq!(streamed.made_by_stream("a.csv"), Some(true));
        assert!(!streamed.reader("a.csv", "".as_bytes()).is_hashing());
        assert!(!streamed.reader("other.csv", "".as_bytes()).is_hashing());
    }
}
