//! Walking the pack: sorted, deterministic, hidden entries skipped, symbolic
//! links reported and never followed or read; FIFOs, devices and sockets
//! reported and never opened; names that are not UTF-8 reported.
//!
//! Files are read through a bound: never more than the size the file
//! reported when it was listed, and 4 KiB more to notice a file that lies, so a pseudo-file such as `/proc/self/pagemap`, which reports 0 bytes
//! and streams without end, is refused at once; one that reports more than
//! the limit is refused unread.

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};
use walkdir::WalkDir;

use crate::diagnostic::{Code, Diagnostic};
use crate::digests::hex;
use crate::location::Location;

/// A regular file found in the pack.
#[derive(Debug, Clone)]
pub(crate) struct FoundFile {
    /// Pack-relative, `/`-separated.
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
}

/// Lists the regular files under `root`, sorted by path, and reports links,
/// special files and names that are not UTF-8.
pub(crate) fn walk(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<FoundFile> {
    let mut files = Vec::new();
    let first_diagnostic = diagnostics.len();
    // Not sorted while walking (walkdir would compare every file name through
    // its path, a few thousand times per folder): the files are sorted by
    // path below, and the walk's diagnostics by where they are.
    let mut walker = WalkDir::new(root)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error
                    .path()
                    .and_then(|p| relative(root, p))
                    .unwrap_or_else(|| ".".to_string());
                diagnostics.push(Diagnostic::error(
                    Code::Unreadable,
                    format!("cannot read this part of the pack: {error}"),
                    Some(Location::file(path)),
                ));
                continue;
            }
        };
        let Some(path) = relative(root, entry.path()) else {
            continue;
        };
        let file_type = entry.file_type();
        if entry.depth() > 0 && entry.file_name().to_str().is_none() {
            let what = if file_type.is_dir() {
                walker.skip_current_dir();
                "folder name is not UTF-8 text; nothing in it is read"
            } else {
                "file name is not UTF-8 text; the file is not read"
            };
            diagnostics.push(Diagnostic::error(
                Code::FileNameNotUtf8,
                format!(
                    "this {what} — rename it (evidence and reports can only name files whose names are text)"
                ),
                Some(Location::file(path)),
            ));
            continue;
        }
        if file_type.is_symlink() {
            diagnostics.push(symlink_diagnostic(root, entry.path(), &path));
        } else if file_type.is_file() {
            let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
            files.push(FoundFile { path, bytes });
        } else if !file_type.is_dir() {
            diagnostics.push(Diagnostic::warning(
                Code::NotARegularFile,
                format!(
                    "this is a {}, not a file: it is skipped and never opened",
                    special_kind(&file_type)
                ),
                Some(Location::file(path)),
            ));
        }
    }
    files.sort_unstable_by(|a, b| a.path.cmp(&b.path));
    diagnostics[first_diagnostic..]
        .sort_by(|a, b| a.location.cmp(&b.location).then(a.code.cmp(&b.code)));
    files
}

/// What a special file is, in plain words.
fn special_kind(file_type: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "named pipe (FIFO)";
        }
        if file_type.is_socket() {
            return "socket";
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return "device";
        }
    }
    let _ = file_type;
    "special file"
}

/// A link is reported, never followed. One that resolves outside the pack is
/// an error; one inside is a warning (the file it names is read directly).
fn symlink_diagnostic(root: &Path, link: &Path, path: &str) -> Diagnostic {
    let target = std::fs::read_link(link).unwrap_or_default();
    let parent = link.parent().unwrap_or(root);
    let inside = !target.is_absolute()
        && normalise(&parent.join(&target))
            .is_some_and(|t| t.starts_with(normalise(root).unwrap_or_default()));
    let shown = target.display();
    if target.is_absolute() {
        return Diagnostic::error(
            Code::Symlink,
            format!(
                "symbolic link to the absolute path `{shown}`; links are never followed — copy the file into the pack"
            ),
            Some(Location::file(path)),
        );
    }
    if inside {
        Diagnostic::warning(
            Code::Symlink,
            format!(
                "symbolic link to `{shown}` is not followed; the file it names is read where it is"
            ),
            Some(Location::file(path)),
        )
    } else {
        Diagnostic::error(
            Code::Symlink,
            format!(
                "symbolic link to `{shown}` leads outside the pack; it is never read — copy the file into the pack"
            ),
            Some(Location::file(path)),
        )
    }
}

/// Lexically normalises a path (no filesystem access); `None` if `..` climbs
/// above its start.
fn normalise(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    Some(out)
}

fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() {
        None
    } else {
        Some(parts.join("/"))
    }
}

/// Largest file hashed, in bytes (4 GiB): a file that reports more is
/// refused without being read.
pub(crate) const MAX_HASHED_BYTES: u64 = 4 << 30;

/// SHA-256 of a regular file that reported `reported` bytes when listed,
/// streamed. Never reads more than `reported` bytes and 4 KiB more.
///
/// # Errors
/// `FileTooLarge` when it reports more than [`MAX_HASHED_BYTES`], or holds
/// more than it reported (a pseudo-file or a file being written); any read
/// error.
pub(crate) fn sha256_file(path: &Path, reported: u64) -> std::io::Result<String> {
    let mut hasher = Sha256::new();
    read_bounded(path, reported, MAX_HASHED_BYTES, |chunk| {
        hasher.update(chunk)
    })?;
    Ok(hex(&hasher.finalize()))
}

/// The bytes of a regular file that reported `reported` bytes (at most `limit`).
///
/// # Errors
/// As [`sha256_file`], with `limit` as the size limit.
pub(crate) fn read_file(path: &Path, reported: u64, limit: u64) -> std::io::Result<Vec<u8>> {
    check_reported(reported, limit)?;
    // Read straight into a buffer of the reported size: no chunk buffer to
    // clear and copy from for each of thousands of small files.
    let mut bytes = Vec::with_capacity(usize::try_from(reported).unwrap_or(0));
    let mut file = std::fs::File::open(path)?.take(reported.saturating_add(4096));
    file.read_to_end(&mut bytes)?;
    if bytes.len() as u64 > reported {
        return Err(holds_more(reported));
    }
    Ok(bytes)
}

fn check_reported(reported: u64, limit: u64) -> std::io::Result<()> {
    if reported > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!("the file is {reported} bytes, over the {limit} byte limit"),
        ));
    }
    Ok(())
}

fn holds_more(reported: u64) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::FileTooLarge,
        format!(
            "the file reported {reported} bytes but holds more (a pseudo-file, such as those in /proc, or a file still being written)"
        ),
    )
}

/// Streams a file to `take`, one chunk at a time, within the bounds.
fn read_bounded(
    path: &Path,
    reported: u64,
    limit: u64,
    mut take: impl FnMut(&[u8]),
) -> std::io::Result<()> {
    use std::io::ErrorKind;
    check_reported(reported, limit)?;
    // A little more than reported shows a file that does not end there (a
    // whole page: some pseudo-files refuse reads shorter than a word).
    let mut file = std::fs::File::open(path)?.take(reported.saturating_add(4096));
    // No larger than the file needs (most attachments are small).
    let size = reported.saturating_add(4096).min(64 * 1024);
    let mut buffer = vec![0u8; usize::try_from(size).unwrap_or(64 * 1024)];
    let mut read: u64 = 0;
    loop {
        let n = match file.read(&mut buffer) {
            Ok(n) => n,
            Err(error) if error.kind() == ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if n == 0 {
            return Ok(());
        }
        read += n as u64;
        if read > reported {
            return Err(holds_more(reported));
        }
        take(&buffer[..n]);
    }
}

/// SHA-256 of bytes already in memory.
pub(crate) fn sha256_bytes(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Resolves `reference`, written in the file at `from` (pack-relative), to a
/// pack-relative path. Errors say why it is not allowed.
pub(crate) fn resolve_reference(from: &str, reference: &str) -> Result<String, Code> {
    let looks_absolute = reference.starts_with('/')
        || reference.starts_with('\\')
        || reference.as_bytes().get(1) == Some(&b':');
    if looks_absolute {
        return Err(Code::PathAbsolute);
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for segment in reference.split(['/', '\\']) {
        match segment {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err(Code::PathOutsidePack);
                }
            }
            other => parts.push(other),
        }
    }
    if parts.is_empty() {
        return Err(Code::PathNotFound);
    }
    Ok(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn files_and_the_walk_diagnostics_come_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.yaml", "a/z.yaml", "a-b.yaml", "c/d/e.md", "a.yaml"] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        for link in ["zz-link", "c/link", "0-link"] {
            std::os::unix::fs::symlink("/etc/passwd", dir.path().join(link)).unwrap();
        }
        let mut diagnostics = Vec::new();
        let files = walk(dir.path(), &mut diagnostics);
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            ["a-b.yaml", "a.yaml", "a/z.yaml", "b.yaml", "c/d/e.md"]
        );
        let at: Vec<&str> = diagnostics
            .iter()
            .map(|d| d.location.as_ref().unwrap().file.as_str())
            .collect();
        assert_eq!(at, ["0-link", "c/link", "zz-link"]);
    }

    #[test]
    fn references_resolve_relative_to_their_file_and_stay_inside() {
        assert_eq!(
            resolve_reference("logs/incidents.yaml", "incidents.csv"),
            Ok("logs/incidents.csv".into())
        );
        assert_eq!(
            resolve_reference("logs/a.yaml", "../samples/r.pdf"),
            Ok("samples/r.pdf".into())
        );
        assert_eq!(
            resolve_reference("a.yaml", "../outside.pdf"),
            Err(Code::PathOutsidePack)
        );
        assert_eq!(
            resolve_reference("x/a.yaml", "../../outside.pdf"),
            Err(Code::PathOutsidePack)
        );
        assert_eq!(
            resolve_reference("a.yaml", "/etc/passwd"),
            Err(Code::PathAbsolute)
        );
        assert_eq!(
            resolve_reference("a.yaml", "C:\\x"),
            Err(Code::PathAbsolute)
        );
    }
}
