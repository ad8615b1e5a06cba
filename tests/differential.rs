//! Differential tests: every program in `tests/programs/` and `examples/`
//! runs under CPython 3.11 (`python3`), under `krait run --interpret` and
//! natively (`krait run`, which builds an executable); stdout, the last
//! non-empty line of stderr and the exit code must agree.
//!
//! A program may have a `NAME.in` file beside it, fed to its stdin (empty
//! otherwise), and a `NAME.args` file whose whitespace-separated words are
//! its arguments. Each run gets a fresh temporary working directory.
//! Programs run in parallel; the failure message lists every mismatch.
//! Without a `python3` that is CPython 3.11, the test prints a notice and
//! passes (the oracle is missing, not the behaviour).

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const KRAIT: &str = env!("CARGO_BIN_EXE_krait");
const TIMEOUT: Duration = Duration::from_secs(60);

/// What a run produced, as the comparison sees it.
#[derive(Debug, PartialEq, Eq)]
struct Outcome {
    stdout: String,
    last_stderr_line: String,
    code: Option<i32>,
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the compiler crate sits in the repository")
        .to_path_buf()
}

fn programs() -> Vec<PathBuf> {
    let root = repo_root();
    let mut out = Vec::new();
    for dir in ["tests/programs", "examples"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "py") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// True if `python3` is CPython 3.11.
fn python_is_311() -> bool {
    Command::new("python3")
        .args([
            "-c",
            "import sys; print(sys.implementation.name, sys.version_info[:2])",
        ])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "cpython (3, 11)")
        .unwrap_or(false)
}

fn sidecar(program: &Path, ext: &str) -> Option<String> {
    std::fs::read_to_string(program.with_extension(ext)).ok()
}

/// Runs `cmd args... program program-args...` in a fresh directory.
fn run(cmd: &str, args: &[&str], program: &Path) -> Result<Outcome, String> {
    run_with_env(cmd, args, program, &[])
}

/// [`run`] with extra environment variables.
fn run_with_env(
    cmd: &str,
    args: &[&str],
    program: &Path,
    env: &[(&str, &str)],
) -> Result<Outcome, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let extra = sidecar(program, "args").unwrap_or_default();
    let mut child = Command::new(cmd)
        .envs(env.iter().copied())
        .args(args)
        .arg(program)
        .args(extra.split_whitespace())
        .current_dir(dir.path())
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONUTF8", "1")
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {cmd}: {e}"))?;
    let input = sidecar(program, "in").unwrap_or_default();
    if let Some(mut stdin) = child.stdin.take() {
        // A program that does not read its input closes the pipe early.
        let _ = stdin.write_all(input.as_bytes());
    }
    let mut stdout_pipe = child.stdout.take().ok_or("no stdout pipe")?;
    let mut stderr_pipe = child.stderr.take().ok_or("no stderr pipe")?;
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout_pipe.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr_pipe.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("timed out after {TIMEOUT:?}"));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    let stderr = String::from_utf8_lossy(&stderr);
    Ok(Outcome {
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        last_stderr_line: stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .to_owned(),
        code: status.code(),
    })
}

/// The first line where two texts differ, for the failure message.
fn first_difference(expected: &str, got: &str) -> String {
    for (i, (e, g)) in expected.lines().zip(got.lines()).enumerate() {
        if e != g {
            return format!("line {}: expected {e:?}, got {g:?}", i + 1);
        }
    }
    let (ne, ng) = (expected.lines().count(), got.lines().count());
    if ne != ng {
        return format!("expected {ne} lines, got {ng}");
    }
    "trailing newline differs".to_owned()
}

fn compare(program: &Path) -> Option<String> {
    let name = program
        .strip_prefix(repo_root())
        .unwrap_or(program)
        .display()
        .to_string();
    let expected = match run("python3", &[], program) {
        Ok(o) => o,
        Err(e) => return Some(format!("{name}: python3: {e}")),
    };
    let mut problems = Vec::new();
    for (column, args) in [
        ("interpret", &["run", "--interpret"][..]),
        ("native", &["run"][..]),
    ] {
        match run(KRAIT, args, program) {
            Ok(got) => {
                if let Some(p) = differences(&expected, &got) {
                    problems.push(format!("{column}: {p}"));
                }
            }
            Err(e) => problems.push(format!("{column}: {e}")),
        }
    }
    (!problems.is_empty()).then(|| format!("{name}: {}", problems.join("; ")))
}

/// How `got` differs from `expected`, if it does.
fn differences(expected: &Outcome, got: &Outcome) -> Option<String> {
    let mut problems = Vec::new();
    if expected.stdout != got.stdout {
        problems.push(format!(
            "stdout: {}",
            first_difference(&expected.stdout, &got.stdout)
        ));
    }
    if expected.last_stderr_line != got.last_stderr_line {
        problems.push(format!(
            "stderr: expected {:?}, got {:?}",
            expected.last_stderr_line, got.last_stderr_line
        ));
    }
    if expected.code != got.code {
        problems.push(format!(
            "exit code: expected {:?}, got {:?}",
            expected.code, got.code
        ));
    }
    (!problems.is_empty()).then(|| problems.join(", "))
}

#[test]
fn interpreter_and_native_code_match_cpython() {
    if !python_is_311() {
        println!("differential: skipped (python3 is not CPython 3.11)");
        return;
    }
    let programs = programs();
    assert!(!programs.is_empty(), "no programs found");
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(4)
        .min(8);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failures = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(program) = programs.get(i) else {
                    break;
                };
                if let Some(problem) = compare(program) {
                    failures
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(problem);
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    failures.sort();
    assert!(
        failures.is_empty(),
        "{} of {} programs differ from CPython:\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n")
    );
    println!(
        "differential: {} programs agree with CPython, interpreted and native",
        programs.len()
    );
}

/// The VM's roots: `tests/gc/vm_state.py` keeps values only in VM state
/// (locals, cells, operand stacks, suspended generators, handlers) and
/// must behave as in CPython with a collection at every safe point.
#[test]
fn vm_state_survives_collections_at_every_safe_point() {
    if !python_is_311() {
        println!("differential: skipped (python3 is not CPython 3.11)");
        return;
    }
    let program = repo_root().join("tests/gc/vm_state.py");
    let expected = run("python3", &[], &program).expect("python3 runs");
    let got = run_with_env(
        KRAIT,
        &["run", "--interpret"],
        &program,
        &[("KRAIT_GC_STRESS", "1")],
    )
    .expect("krait runs");
    if let Some(problem) = differences(&expected, &got) {
        panic!("vm_state.py under KRAIT_GC_STRESS=1: {problem}");
    }
}
