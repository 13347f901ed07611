//! Where outputs go, and writing them so that nothing is lost or overwritten:
//!
//! - a file is written to a temporary file beside it, flushed to disk and
//!   renamed into place, so a failed run (a full disk, a crash) leaves the
//!   previous file as it was; a symbolic link at the path is replaced by the
//!   new file, never written through;
//! - no output may be written inside a pack being assessed (it would change
//!   the evidence and the next result): [`check`] refuses it before any work;
//! - two outputs to one destination (two formats on standard output, one
//!   path twice) are a usage error;
//! - a write error on standard output or a file is an error (exit 2), except
//!   a closed pipe (`accredit … | head`), after which output stops quietly.

use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::exit::Failure;

/// Where one output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// Standard output.
    Stdout,
    /// A file.
    File(PathBuf),
}

impl Destination {
    /// `-` is standard output; anything else a file.
    pub fn from_path(path: &Path) -> Destination {
        if path.as_os_str() == "-" {
            Destination::Stdout
        } else {
            Destination::File(path.to_path_buf())
        }
    }

    /// For messages: `standard output` or the path.
    pub fn describe(&self) -> String {
        match self {
            Destination::Stdout => "standard output".to_string(),
            Destination::File(path) => path.display().to_string(),
        }
    }
}

/// Where a single-output command (`plan`, `timeline`) writes, and in which
/// format: checked against `packs` before any work, the format from
/// `--format`, else the extension of `-o` among `choices`, else `default`.
///
/// # Errors
/// An output inside a pack, or an extension not among `choices`.
pub fn destination_and_format<F: Copy>(
    output: Option<&Path>,
    format: Option<F>,
    default: F,
    choices: &[(&str, F)],
    packs: &[&Path],
) -> Result<(Destination, F), Failure> {
    let destination = output.map_or(Destination::Stdout, Destination::from_path);
    check([&destination], packs)?;
    let format = match (format, &destination) {
        (Some(format), _) => format,
        (None, Destination::File(path)) => format_for_path(path, choices)?,
        (None, Destination::Stdout) => default,
    };
    Ok((destination, format))
}

/// The format an output path's extension names, from a command's `choices`
/// (`("txt", …)`; `""` is the choice for a path without an extension).
pub fn format_for_path<F: Copy>(path: &Path, choices: &[(&str, F)]) -> Result<F, Failure> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    choices
        .iter()
        .find(|(ext, _)| *ext == extension)
        .map(|(_, format)| *format)
        .ok_or_else(|| {
            let names: Vec<String> = choices
                .iter()
                .map(|(ext, _)| {
                    if ext.is_empty() {
                        "no extension".to_string()
                    } else {
                        format!(".{ext}")
                    }
                })
                .collect();
            Failure::msg(format!(
                "cannot tell the format of {} from its extension: use {}, or give --format",
                path.display(),
                names.join(", ")
            ))
        })
}

/// Refuses, before any work: two outputs to one destination, and any output
/// inside one of `packs` (compared after resolving links; the output's
/// directory need not exist yet).
pub fn check<'a>(
    destinations: impl IntoIterator<Item = &'a Destination>,
    packs: &[&Path],
) -> Result<(), Failure> {
    let roots: Vec<(&Path, PathBuf)> = packs
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok().map(|c| (*p, c)))
        .collect();
    let mut seen: Vec<(PathBuf, &Destination)> = Vec::new();
    let mut stdout = false;
    for destination in destinations {
        let Destination::File(path) = destination else {
            if stdout {
                return Err(Failure::msg(
                    "two outputs would go to standard output; give all but one a file \
                     (--format FORMAT=PATH or -o PATH)",
                ));
            }
            stdout = true;
            continue;
        };
        let resolved = resolve(path)
            .map_err(|e| Failure::msg(format!("cannot write {}: {e}", path.display())))?;
        if let Some((pack, _)) = roots.iter().find(|(_, root)| resolved.starts_with(root)) {
            return Err(Failure::msg(format!(
                "refusing to write {}: it is inside the pack {} being assessed, and writing \
                 there would change the evidence; write outputs outside the pack",
                path.display(),
                pack.display()
            )));
        }
        if let Some((_, first)) = seen.iter().find(|(r, _)| *r == resolved) {
            return Err(Failure::msg(format!(
                "two outputs would go to the same file ({} and {}); give each its own path",
                first.describe(),
                path.display()
            )));
        }
        seen.push((resolved, destination));
    }
    Ok(())
}

/// The absolute path a file would be written at: its directory with links
/// resolved (as far as it exists; the rest taken as written, `..` applied),
/// and its own name unresolved (a link there is replaced, not followed).
fn resolve(path: &Path) -> io::Result<PathBuf> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    let (directory, name) = match absolute.components().next_back() {
        Some(Component::Normal(name)) => (absolute.parent().unwrap_or(&absolute), Some(name)),
        _ => (absolute.as_path(), None),
    };
    // The longest part of the directory that exists, resolved; then the rest.
    let mut existing = directory;
    let mut rest = Vec::new();
    let mut resolved = loop {
        match std::fs::canonicalize(existing) {
            Ok(resolved) => break resolved,
            Err(_) => {
                let Some(parent) = existing.parent() else {
                    break PathBuf::from("/");
                };
                if let Some(last) = existing.components().next_back() {
                    rest.push(last.as_os_str().to_os_string());
                }
                existing = parent;
            }
        }
    };
    for part in rest.iter().rev() {
        match Path::new(part).components().next() {
            Some(Component::ParentDir) => {
                resolved.pop();
            }
            Some(Component::CurDir) | None => {}
            Some(_) => resolved.push(part),
        }
    }
    if let Some(name) = name {
        resolved.push(name);
    }
    Ok(resolved)
}

/// Writes `contents` to `path` safely (temporary file, fsync, rename).
pub fn write_file(path: &Path, contents: &[u8]) -> Result<(), Failure> {
    replace_with(path, |file| file.write_all(contents))
        .map_err(|e| Failure::msg(format!("cannot write {}: {e}", path.display())))
}

/// Replaces `path` with what `write` writes, or leaves it untouched when
/// anything fails: the text goes to a temporary file in the same directory,
/// which is flushed to disk and then renamed over `path` (replacing a link
/// there rather than following it). Missing directories are created.
pub fn replace_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(io::ErrorKind::InvalidInput, "the path does not name a file")
    })?;
    let directory = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(directory)?;
    let prefix = format!(".{}.", name.to_string_lossy());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".accredit-tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Readable as any file the user creates (the umask applies).
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temporary = builder.tempfile_in(directory)?;
    {
        let mut writer = io::BufWriter::new(temporary.as_file_mut());
        write(&mut writer)?;
        writer.flush()?;
    }
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|e| e.error)?;
    // Make the rename itself durable (not possible everywhere; best effort).
    if let Ok(dir) = std::fs::File::open(directory) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Set once standard output is found closed (`| head`): nothing more is written.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);
/// The first write error on standard output other than a closed pipe.
static STDOUT_ERROR: Mutex<Option<String>> = Mutex::new(None);

/// Writes `text` to standard output and flushes it. A closed pipe is not an
/// error (output just stops); any other failure is.
pub fn write_stdout(text: &str) -> Result<(), Failure> {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return Ok(());
    }
    let mut stdout = io::stdout().lock();
    let outcome = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
    stdout_outcome(outcome).map_err(Failure::msg)
}

/// For `out!`: writes, remembering a failure for [`finish_stdout`].
pub fn print(arguments: std::fmt::Arguments<'_>) {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let outcome = io::stdout().lock().write_fmt(arguments);
    if let Err(message) = stdout_outcome(outcome) {
        remember(message);
    }
}

/// Flushes standard output at the end of a command: the first write error
/// other than a closed pipe, if there was one.
pub fn finish_stdout() -> Result<(), Failure> {
    if !STDOUT_CLOSED.load(Ordering::Relaxed) {
        let outcome = io::stdout().lock().flush();
        if let Err(message) = stdout_outcome(outcome) {
            remember(message);
        }
    }
    match STDOUT_ERROR.lock().ok().and_then(|mut e| e.take()) {
        Some(message) => Err(Failure::msg(message)),
        None => Ok(()),
    }
}

fn remember(message: String) {
    if let Ok(mut first) = STDOUT_ERROR.lock() {
        first.get_or_insert(message);
    }
}

fn stdout_outcome(outcome: io::Result<()>) -> Result<(), String> {
    match outcome {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
            Ok(())
        }
        Err(e) => {
            // Nothing more is written after a failure: the output is incomplete.
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
            Err(format!("cannot write to standard output: {e}"))
        }
    }
}

/// Writes `text` to `destination`.
pub fn emit(destination: &Destination, text: &str) -> Result<(), Failure> {
    match destination {
        Destination::Stdout => write_stdout(text),
        Destination::File(path) => write_file(path, text.as_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that takes `limit` bytes and then fails as a full disk does.
    struct FullDisk<'a> {
        inner: &'a mut dyn Write,
        limit: usize,
    }

    impl Write for FullDisk<'_> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.limit == 0 {
                return Err(io::Error::from_raw_os_error(28));
            }
            let n = buf.len().min(self.limit);
            self.limit -= n;
            self.inner.write(&buf[..n])
        }
        fn flush(&mut self) -> io::Result<()> {
            self.inner.flush()
        }
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let report = dir.path().join("report.html");
        std::fs::write(&report, "old report").unwrap();
        let error = replace_with(&report, |file| {
            let mut full = FullDisk {
                inner: file,
                limit: 3,
            };
            full.write_all(&[b'x'; 100_000])
        })
        .unwrap_err();
        assert_eq!(error.raw_os_error(), Some(28));
        assert_eq!(std::fs::read_to_string(&report).unwrap(), "old report");
        assert_eq!(entries(dir.path()), ["report.html"]);
    }

    #[test]
    fn a_write_replaces_the_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let report = dir.path().join("sub/dir/report.json");
        write_file(&report, b"one").unwrap();
        write_file(&report, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&report).unwrap(), "two");
        assert_eq!(entries(&dir.path().join("sub/dir")), ["report.json"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_at_the_path_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("evidence.yaml");
        std::fs::write(&target, "kind: Pack").unwrap();
        let link = dir.path().join("out.json");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_file(&link, b"{}").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "kind: Pack");
        assert!(!std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(std::fs::read_to_string(&link).unwrap(), "{}");
    }

    #[test]
    fn outputs_inside_the_pack_are_refused_even_through_dot_dot() {
        let dir = tempfile::tempdir().unwrap();
        let pack = dir.path().join("pack");
        std::fs::create_dir_all(pack.join("procedures")).unwrap();
        let inside = [
            pack.join("pack.yaml"),
            pack.join("new/dir/x.html"),
            pack.join("new/../pack.yaml"),
            dir.path().join("elsewhere/../pack/x.json"),
            pack.clone(),
        ];
        for path in inside {
            let refused = check([&Destination::File(path.clone())], &[&pack]);
            assert!(refused.is_err(), "{} was allowed", path.display());
        }
        let outside = Destination::File(dir.path().join("pack-report.html"));
        assert!(check([&outside], &[&pack]).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_directory_linked_into_the_pack_is_inside_it() {
        let dir = tempfile::tempdir().unwrap();
        let pack = dir.path().join("pack");
        std::fs::create_dir_all(&pack).unwrap();
        std::os::unix::fs::symlink(&pack, dir.path().join("reports")).unwrap();
        let path = Destination::File(dir.path().join("reports/x.html"));
        assert!(check([&path], &[&pack]).is_err());
    }

    #[test]
    fn one_destination_twice_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let a = Destination::File(dir.path().join("a.json"));
        let same = Destination::File(dir.path().join("./x/../a.json"));
        assert!(check([&a, &same], &[]).is_err());
        assert!(check([&Destination::Stdout, &Destination::Stdout], &[]).is_err());
        let b = Destination::File(dir.path().join("b.json"));
        assert!(check([&a, &b, &Destination::Stdout], &[]).is_ok());
    }

    #[test]
    fn the_extension_names_the_format() {
        let choices = [("txt", 1), ("", 1), ("html", 2), ("json", 3)];
        assert_eq!(format_for_path(Path::new("x.HTML"), &choices).unwrap(), 2);
        assert_eq!(format_for_path(Path::new("out"), &choices).unwrap(), 1);
        let error = format_for_path(Path::new("x.pdf"), &choices).unwrap_err();
        assert!(
            error.message.contains(".txt, no extension, .html, .json"),
            "{}",
            error.message
        );
    }
}
