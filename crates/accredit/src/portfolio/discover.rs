//! Finding the packs of a caseload: each DIR given is a pack (a YAML file at
//! its top level holds a `kind: Pack` document), or a caseload folder whose
//! immediate subfolders are packs. Hidden folders are skipped; a subfolder
//! without a Pack is still listed, so it becomes a row that says so rather
//! than vanishing from the caseload.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use accredit_core::evidence::FileType;

/// How much of each top-level YAML file is read to find `kind: Pack`.
const SNIFF_BYTES: u64 = 64 * 1024;

/// One pack to assess.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The pack's directory, as found.
    pub path: PathBuf,
    /// Its folder name: where its overrides are looked up (`--overrides DIR/<folder>/`).
    pub folder: String,
    /// Its gap report's file name in `--reports DIR`, unique in the caseload.
    pub report_name: String,
}

/// The packs of `dirs`, in the order given, each caseload's packs by name.
pub fn discover(dirs: &[PathBuf]) -> Vec<Entry> {
    let mut paths = Vec::new();
    for dir in dirs {
        if !holds_pack(dir)
            && let Some(packs) = caseload_packs(dir)
        {
            paths.extend(packs);
        } else {
            paths.push(dir.clone());
        }
    }
    let mut taken = BTreeSet::new();
    paths
        .into_iter()
        .map(|path| {
            let folder = folder_name(&path);
            let report_name = unique(&file_stem(&folder), &mut taken);
            Entry {
                path,
                folder,
                report_name,
            }
        })
        .collect()
}

/// The visible subfolders of `dir`, sorted by name, when at least one of
/// them holds a Pack (so `dir` is a caseload, not a pack with sub-folders).
fn caseload_packs(dir: &Path) -> Option<Vec<PathBuf>> {
    let mut subfolders: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    subfolders.sort();
    subfolders
        .iter()
        .any(|p| holds_pack(p))
        .then_some(subfolders)
}

/// Whether a YAML file directly in `dir` holds a `kind: Pack` document.
pub fn holds_pack(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.filter_map(Result::ok).any(|entry| {
        let name = entry.file_name().to_string_lossy().into_owned();
        FileType::of(&name) == FileType::Yaml
            && entry.file_type().is_ok_and(|t| t.is_file())
            && names_pack(&entry.path())
    })
}

fn names_pack(file: &Path) -> bool {
    use std::io::Read;
    let mut text = Vec::new();
    let read = std::fs::File::open(file).and_then(|f| f.take(SNIFF_BYTES).read_to_end(&mut text));
    read.is_ok()
        && String::from_utf8_lossy(&text).lines().any(|line| {
            let Some(value) = line.strip_prefix("kind:") else {
                return false;
            };
            let value = value.split('#').next().unwrap_or("").trim();
            matches!(value, "Pack" | "\"Pack\"" | "'Pack'")
        })
}

fn folder_name(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    absolute
        .components()
        .rfind(|c| matches!(c, std::path::Component::Normal(_)))
        .map_or_else(
            || "pack".to_string(),
            |c| c.as_os_str().to_string_lossy().into_owned(),
        )
}

/// A folder name as a safe file stem: letters, digits, `.`, `-` and `_`; no leading dot.
fn file_stem(folder: &str) -> String {
    let stem: String = folder
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let stem = stem.trim_start_matches('.');
    if stem.is_empty() {
        "pack".to_string()
    } else {
        stem.chars().take(80).collect()
    }
}

/// `stem.html`, or `stem-2.html`, … when taken (compared ignoring case).
fn unique(stem: &str, taken: &mut BTreeSet<String>) -> String {
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}.html")
        } else {
            format!("{stem}-{n}.html")
        };
        if taken.insert(name.to_ascii_lowercase()) {
            return name;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_names_are_safe_and_unique() {
        let mut taken = BTreeSet::new();
        assert_eq!(unique(&file_stem("north"), &mut taken), "north.html");
        assert_eq!(unique(&file_stem("North"), &mut taken), "North-2.html");
        assert_eq!(
            unique(&file_stem("../=evil <x>"), &mut taken),
            "__evil__x_.html"
        );
        assert_eq!(unique(&file_stem(".."), &mut taken), "pack.html");
    }

    #[test]
    fn a_caseload_lists_every_visible_subfolder() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b", "a", ".hidden", "not-a-pack"] {
            std::fs::create_dir(dir.path().join(name)).unwrap();
        }
        for name in ["a", "b", ".hidden"] {
            std::fs::write(
                dir.path().join(name).join("pack.yaml"),
                "apiVersion: accredit/v1\nkind: Pack # the pack\n",
            )
            .unwrap();
        }
        let found = discover(&[dir.path().to_path_buf()]);
        let folders: Vec<&str> = found.iter().map(|e| e.folder.as_str()).collect();
        assert_eq!(folders, ["a", "b", "not-a-pack"]);
        // A pack given directly is one entry, not its subfolders.
        let one = discover(&[dir.path().join("a")]);
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].folder, "a");
    }
}
