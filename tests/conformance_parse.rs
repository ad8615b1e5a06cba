//! The front-end against the shared acceptance corpus: every program outside
//! `syntax/` must get through lexing, parsing and the early checks, and every
//! program in `syntax/` must be rejected with a SyntaxError. Skipped, with a
//! notice, when `../shared/conformance` is absent.

use krait::scopes::check_module;
use krait::syntax::parse_module;
use std::path::{Path, PathBuf};

fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/conformance");
    dir.is_dir().then_some(dir)
}

fn python_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Ok(areas) = std::fs::read_dir(dir) else {
        return files;
    };
    for area in areas.flatten() {
        if !area.path().is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(area.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "py") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn front_end(source: &str) -> Result<(), krait::syntax::SyntaxError> {
    let module = parse_module(source)?;
    check_module(&module)
}

#[test]
fn corpus_programs_parse_and_syntax_errors_are_rejected() {
    let Some(dir) = corpus_dir() else {
        eprintln!("notice: ../shared/conformance not found; skipping the corpus parse test");
        return;
    };
    let files = python_files(&dir);
    assert!(
        files.len() > 100,
        "expected the corpus to hold hundreds of programs"
    );
    let mut failures = Vec::new();
    for path in &files {
        let source = std::fs::read_to_string(path).expect("corpus files are UTF-8");
        let in_syntax_area = path
            .parent()
            .and_then(|p| p.file_name())
            .is_some_and(|n| n == "syntax");
        let name = path
            .strip_prefix(&dir)
            .unwrap_or(path)
            .display()
            .to_string();
        match (front_end(&source), in_syntax_area) {
            (Ok(()), false) | (Err(_), true) => {}
            (Err(err), false) => failures.push(format!("{name}: unexpected {err}")),
            (Ok(()), true) => {
                failures.push(format!("{name}: accepted, but it holds a syntax error"))
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} files wrong:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
