//! `ruleset` depends on `checks` (the parameter types, what checks share),
//! never the reverse: no code in `checks` outside test support reads
//! `crate::ruleset`. Test support (modules declared `#[cfg(test)]`, and the
//! `#[cfg(test)] mod tests` block ending a file) may load the built-in ruleset.

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

#[test]
fn no_check_code_reads_the_ruleset() {
    let checks = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/checks");
    let mut files = Vec::new();
    rust_files(&checks, &mut files);
    assert!(
        files.len() > 10,
        "found {} files in {}",
        files.len(),
        checks.display()
    );
    let mut test_only = BTreeSet::new();
    for file in &files {
        test_only_modules(file, &mut test_only);
    }
    let mut reading = Vec::new();
    for file in &files {
        if test_only.iter().any(|t| file.starts_with(t)) {
            continue;
        }
        let code = without_tests(&std::fs::read_to_string(file).unwrap());
        if code.contains("crate::ruleset") || code.contains("super::ruleset") {
            reading.push(file.display().to_string());
        }
    }
    assert!(
        reading.is_empty(),
        "check code reads the ruleset: {reading:?}"
    );
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
