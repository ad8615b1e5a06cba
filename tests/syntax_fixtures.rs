//! Fixture-driven tests of the syntax stage.
//!
//! - `tests/fixtures/ast/*.py`: each program's AST dump is snapshotted into
//!   `snapshots/ast/` (insta; the snapshot shows the source, then the AST).
//! - `tests/fixtures/syntax_errors/*.py`: each program ends with a comment
//!   `# expect: LINE:COL Class(kind-id): message` stating the exact error the
//!   front-end must report (line and column 1-based, as in diagnostics).
//!   The expectations were taken from CPython 3.11 where it reports the error.

use krait::scopes::check_module;
use krait::syntax::dump::dump_module;
use krait::syntax::{parse_module, LineIndex};
use std::path::{Path, PathBuf};

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    files
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[test]
fn ast_snapshots() {
    let files = fixtures("ast");
    assert!(
        files.len() >= 30,
        "expected at least 30 AST fixtures, found {}",
        files.len()
    );
    for path in files {
        let source = std::fs::read_to_string(&path).unwrap();
        let module = parse_module(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        check_module(&module).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let dump = dump_module(&module, &source, false);
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path("../snapshots/ast");
        settings.set_prepend_module_to_snapshot(false);
        settings.set_input_file(&path);
        settings.set_omit_expression(true);
        settings.bind(|| {
            insta::assert_snapshot!(
                stem(&path),
                format!("----- SOURCE\n{source}\n----- AST\n{dump}\n")
            );
        });
    }
}

/// Every snapshot must belong to a fixture: a stale one would otherwise sit
/// in `snapshots/` unreviewed (what `cargo insta --unreferenced=reject` does).
#[test]
fn no_unreferenced_ast_snapshots() {
    let fixtures: Vec<String> = fixtures("ast").iter().map(|p| stem(p)).collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../snapshots/ast");
    let mut stale = Vec::new();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        match name.strip_suffix(".snap") {
            Some(snapshot) if fixtures.iter().any(|f| f == snapshot) => {}
            _ => stale.push(name),
        }
    }
    assert!(
        stale.is_empty(),
        "snapshots/ast holds files with no fixture: {stale:?}"
    );
}

#[test]
fn syntax_error_fixtures() {
    let files = fixtures("syntax_errors");
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    for path in files {
        let source = std::fs::read_to_string(&path).unwrap();
        let expected: Vec<&str> = source
            .lines()
            .filter_map(|l| l.strip_prefix("# expect: "))
            .collect();
        assert_eq!(
            expected.len(),
            1,
            "{}: needs exactly one `# expect:` line",
            path.display()
        );
        let actual = match parse_module(&source).and_then(|m| check_module(&m)) {
            Ok(()) => "no error".to_owned(),
            Err(err) => {
                let (line, col) = LineIndex::new(&source).line_col(err.span.start);
                format!(
                    "{line}:{} {}({}): {}",
                    col + 1,
                    err.kind.class_name(),
                    err.kind.id(),
                    err.kind
                )
            }
        };
        if actual != expected[0] {
            failures.push(format!(
                "{}:\n  expected {}\n  actual   {actual}",
                stem(&path),
                expected[0]
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixtures differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
