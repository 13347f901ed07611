//! The layers of the core, held by test (issue 14: no module cycle between
//! `checks` and `ruleset`, or between `load` and `evidence`):
//!
//! - `ruleset` depends on `checks` (the parameter types, what checks share),
//!   never the reverse: no code in `checks` reads `crate::ruleset`.
//! - `load` builds the `evidence` (and the `model` types in it), never the
//!   reverse: no code in `evidence.rs` or `model/` reads `crate::load`.
//! - The checks measure on the shared analyses (`cover/`, `logs/`,
//!   `markdown/`), never the reverse: no analysis reads `crate::checks` or
//!   `crate::assess` (the matching rules they share are in `wording.rs`).
//!
//! Test support (modules declared `#[cfg(test)]`, and the `#[cfg(test)] mod
//! tests` block ending a file) may cross a layer, e.g. to load the built-in
//! ruleset or a pack.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The files and folders of the modules `file` declares under `#[cfg(test)]`.
fn test_only_modules(file: &Path, out: &mut BTreeSet<PathBuf>) {
    let text = std::fs::read_to_string(file).unwrap();
    let dir = file.parent().unwrap();
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for pair in lines.windows(2) {
        let declared = pair[1]
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("pub ")
            .strip_prefix("mod ")
            .and_then(|rest| rest.strip_suffix(';'));
        if let (Some(name), "#[cfg(test)]") = (declared, pair[0]) {
            out.insert(dir.join(format!("{name}.rs")));
            out.insert(dir.join(name));
        }
    }
}

/// A file's code without its closing `#[cfg(test)] mod tests { … }` block.
fn without_tests(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let end = lines
        .windows(2)
        .position(|pair| pair[0].trim() == "#[cfg(test)]" && pair[1].starts_with("mod tests"))
        .unwrap_or(lines.len());
    lines[..end].join("\n")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The non-test files of `paths` (files or folders under `src/`) whose code
/// names one of `forbidden` (module paths such as `crate::ruleset`).
fn files_reaching(paths: &[&str], forbidden: &[&str]) -> Vec<String> {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for path in paths {
        let path = src.join(path);
        if path.is_dir() {
            rust_files(&path, &mut files);
        } else {
            files.push(path);
        }
    }
    assert!(files.len() >= paths.len(), "found {files:?} for {paths:?}");
    let mut test_only = BTreeSet::new();
    for file in &files {
        test_only_modules(file, &mut test_only);
    }
    let mut reaching = Vec::new();
    for file in &files {
        if test_only.iter().any(|t| file.starts_with(t)) {
            continue;
        }
        let code = without_tests(&std::fs::read_to_string(file).unwrap());
        if forbidden.iter().any(|f| code.contains(f)) {
            reaching.push(file.strip_prefix(&src).unwrap().display().to_string());
        }
    }
    reaching
}

#[test]
fn no_check_code_reads_the_ruleset() {
    let reading = files_reaching(&["checks"], &["crate::ruleset", "super::ruleset"]);
    assert!(
        reading.is_empty(),
        "check code reads the ruleset: {reading:?}"
    );
}

#[test]
fn neither_the_evidence_nor_the_model_reads_the_loader() {
    let reading = files_reaching(&["evidence.rs", "model"], &["crate::load", "super::load"]);
    assert!(
        reading.is_empty(),
        "evidence or model code reads the loader: {reading:?}"
    );
}

#[test]
fn no_analysis_reads_the_checks() {
    let reading = files_reaching(
        &["cover", "logs", "markdown", "wording.rs"],
        &["crate::checks", "crate::assess"],
    );
    assert!(
        reading.is_empty(),
        "analysis code reads the checks: {reading:?}"
    );
}

#[test]
fn the_layer_test_sees_a_crossing() {
    // The loader reads the evidence, so the same search run the other way finds it.
    let reading = files_reaching(&["load"], &["crate::evidence"]);
    assert!(reading.iter().any(|f| f == "load/mod.rs"), "{reading:?}");
}

#[test]
fn test_support_and_closing_test_blocks_are_told_apart() {
    let text = "use a;\n#[cfg(test)]\nmod testing;\nfn f() {}\n#[cfg(test)]\nmod tests {\n    use crate::ruleset::Ruleset;\n}\n";
    let code = without_tests(text);
    assert!(
        code.contains("fn f() {}") && !code.contains("crate::ruleset"),
        "{code}"
    );
    let dir = std::env::temp_dir().join(format!("accredit-layering-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("mod.rs");
    std::fs::write(&file, text).unwrap();
    let mut found = BTreeSet::new();
    test_only_modules(&file, &mut found);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(found.contains(&dir.join("testing.rs")), "{found:?}");
}
