//! The fixture packs under `fixtures/`, for this crate's tests, benches and
//! fuzz targets (built with `test`, or with the `test-support` feature):
//! where a pack is, and one way to copy a pack or lay an overlay over a copy.

use std::path::{Path, PathBuf};

/// `fixtures/packs/<name>` in the repository this crate was built from.
pub fn pack_dir(name: &str) -> PathBuf {
    repository().join("fixtures/packs").join(name)
}

/// The repository this crate was built from.
pub fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Copies every file under `from` to the same place under `to`, making the
/// folders; a file already at `to` is replaced (so copying an overlay over a
/// copied pack changes just the overlay's files).
///
/// # Panics
/// When a file cannot be read or written: this is test support.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("the folder is made");
    for entry in std::fs::read_dir(from).expect("the folder is read") {
        let entry = entry.expect("the entry is read");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("the entry has a type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("the file is copied");
        }
    }
}
