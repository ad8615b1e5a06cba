//! The AST dump against CPython itself.
//!
//! `krait build --emit ast` promises output identical to CPython 3.11's
//! `ast.dump(ast.parse(src), indent=2)`, so CPython is the oracle for the AST:
//! the snapshots in `snapshots/ast/` only guard against changes, this test
//! guards against the snapshots having been accepted wrong. For every `.py`
//! under `tests/fixtures/ast/`, `examples/` and `../shared/conformance/`
//! (except its `syntax/` area, whose programs must be rejected), it compares
//! [`dump_module`] of [`parse_module`] with CPython's dump of the same file.
//!
//! `python3` runs once for all files (a short script that reads the paths
//! from stdin and writes NUL-separated dumps; `ast.dump` output never holds a
//! NUL, since reprs escape control characters), so the test takes about a
//! second. It is skipped with a notice when `python3` is missing or is not
//! 3.11; the corpus part is skipped with a notice when `../shared/conformance`
//! is absent.

use krait::syntax::dump::dump_module;
use krait::syntax::parse_module;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Reads NUL-separated paths from stdin; writes a header (`ok`, or `skip`
/// and the version), then for each path a NUL and either `ok\n` and the dump
/// or `error\n` and the exception. The file is parsed from its bytes, as
/// CPython does when it runs a file (BOM and newlines handled alike).
const ORACLE: &str = r#"
import ast, sys
if sys.version_info[:2] != (3, 11):
    sys.stdout.write("skip " + sys.version.split()[0])
    sys.exit(0)
out = sys.stdout.buffer
out.write(b"ok")
for path in sys.stdin.buffer.read().decode("utf-8").split("\0"):
    if not path:
        continue
    try:
        with open(path, "rb") as f:
            text = "ok\n" + ast.dump(ast.parse(f.read()), indent=2)
    except Exception as exc:
        text = "error\n" + repr(exc)
    out.write(b"\0" + text.encode("utf-8", "backslashreplace"))
"#;

/// CPython's verdict on one file: its dump, or the error it raised.
type Verdict = Result<String, String>;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// All `.py` files under `dir`, recursively, sorted; a top-level directory
/// named `skip` is left out.
fn python_files(dir: &Path, skip: Option<&str>) -> Vec<PathBuf> {
    fn walk(dir: &Path, skip: Option<&str>, out: &mut Vec<PathBuf>) {
        let entries =
            std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if skip.is_none_or(|s| entry.file_name() != s) {
                    walk(&path, None, out);
                }
            } else if path.extension().is_some_and(|e| e == "py") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, skip, &mut files);
    files.sort();
    files
}

/// Runs the oracle on `paths`; `Err` holds the reason to skip.
fn cpython_dumps(paths: &[PathBuf]) -> Result<Vec<Verdict>, String> {
    let mut child = match Command::new("python3")
        .arg("-c")
        .arg(ORACLE)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == ErrorKind::NotFound => return Err("python3 not found".into()),
        Err(e) => return Err(format!("cannot run python3: {e}")),
    };
    let mut input = Vec::new();
    for path in paths {
        input.extend_from_slice(path.to_str().expect("UTF-8 path").as_bytes());
        input.push(0);
    }
    let mut stdin = child.stdin.take().expect("piped stdin");
    // A Python other than 3.11 exits without reading; it says so on stdout.
    if let Err(e) = stdin.write_all(&input) {
        assert_eq!(e.kind(), ErrorKind::BrokenPipe, "writing to python3: {e}");
    }
    drop(stdin);
    let output = child.wait_with_output().expect("python3 runs");
    assert!(
        output.status.success(),
        "the CPython oracle failed ({}):\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).expect("the oracle writes UTF-8");
    let mut records = stdout.split('\0');
    match records.next() {
        Some("ok") => {}
        Some(header) if header.starts_with("skip ") => {
            return Err(format!("python3 is {}, not 3.11", &header[5..]))
        }
        header => panic!("unexpected oracle header {header:?}"),
    }
    let verdicts: Vec<Verdict> = records
        .map(|record| {
            if let Some(dump) = record.strip_prefix("ok\n") {
                Ok(dump.to_owned())
            } else if let Some(error) = record.strip_prefix("error\n") {
                Err(error.to_owned())
            } else {
                panic!("malformed oracle record {record:?}")
            }
        })
        .collect();
    assert_eq!(verdicts.len(), paths.len(), "one oracle record per file");
    Ok(verdicts)
}

/// Where two dumps first differ, as `line N: cpython ... / krait ...`.
fn first_difference(expected: &str, actual: &str) -> String {
    let mut expected_lines = expected.lines();
    let mut actual_lines = actual.lines();
    let mut number = 1;
    loop {
        match (expected_lines.next(), actual_lines.next()) {
            (Some(e), Some(a)) if e == a => number += 1,
            (None, None) => return "the dumps differ only in line endings".into(),
            (e, a) => {
                return format!(
                    "line {number}:\n    cpython: {}\n    krait:   {}",
                    e.unwrap_or("<end of dump>"),
                    a.unwrap_or("<end of dump>")
                )
            }
        }
    }
}

#[test]
fn ast_dump_matches_cpython() {
    let root = repo_root();
    let fixtures = python_files(&root.join("tests/fixtures/ast"), None);
    assert!(
        fixtures.len() >= 30,
        "expected at least 30 AST fixtures, found {}",
        fixtures.len()
    );
    let mut files = fixtures;
    files.extend(python_files(&root.join("examples"), None));
    let corpus = root.join("../shared/conformance");
    if corpus.is_dir() {
        let programs = python_files(&corpus, Some("syntax"));
        assert!(
            programs.len() > 100,
            "expected the corpus to hold hundreds of programs, found {}",
            programs.len()
        );
        files.extend(programs);
    } else {
        eprintln!("notice: ../shared/conformance not found; comparing without the corpus");
    }

    let verdicts = match cpython_dumps(&files) {
        Ok(verdicts) => verdicts,
        Err(reason) => {
            eprintln!("notice: {reason}; skipping the comparison with CPython's AST");
            return;
        }
    };

    let mut failures = Vec::new();
    for (path, verdict) in files.iter().zip(verdicts) {
        let name = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .display()
            .to_string();
        let source = match std::fs::read_to_string(path) {
            Ok(source) => source,
            Err(e) => {
                failures.push(format!("{name}: cannot read: {e}"));
                continue;
            }
        };
        let ours = parse_module(&source).map(|module| dump_module(&module, &source, false));
        match (verdict, ours) {
            (Ok(expected), Ok(actual)) if expected == actual => {}
            (Ok(expected), Ok(actual)) => {
                failures.push(format!("{name}: {}", first_difference(&expected, &actual)))
            }
            (Ok(_), Err(err)) => failures.push(format!("{name}: krait rejects it: {err}")),
            (Err(err), Ok(_)) => failures.push(format!("{name}: CPython rejects it: {err}")),
            (Err(theirs), Err(ours)) => failures.push(format!(
                "{name}: both reject it (CPython: {theirs}; krait: {ours})"
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} files differ from CPython's ast.dump:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    eprintln!("compared {} files with CPython's ast.dump", files.len());
}
