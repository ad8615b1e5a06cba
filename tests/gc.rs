//! The collector keeps memory bounded: programs that allocate far more
//! than they keep (short-lived objects, dropped cycles) run natively and
//! under the VM with a peak RSS that stays small, and print what CPython
//! prints. Peak RSS comes from `wait4`'s resource usage of the child.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const KRAIT: &str = env!("CARGO_BIN_EXE_krait");

fn program(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/programs")
        .join(name)
}

/// Runs `cmd`, returning its stdout and its peak resident set in MiB.
#[allow(clippy::zombie_processes)] // reaped by wait4, which std cannot do
fn run_measured(cmd: &mut Command) -> (String, u64) {
    let out_path = tempfile::NamedTempFile::new().expect("temp file");
    let child = cmd
        .stdout(Stdio::from(out_path.reopen().expect("reopen")))
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn");
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, once.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as i32, "wait4 failed");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{cmd:?} failed with status {status:#x}"
    );
    let stdout = std::fs::read_to_string(out_path.path()).expect("read stdout");
    (stdout, usage.ru_maxrss as u64 / 1024)
}

fn build(name: &str, dir: &Path) -> PathBuf {
    let exe = dir.join(name.trim_end_matches(".py"));
    let status = Command::new(KRAIT)
        .arg("build")
        .arg(program(name))
        .arg("-o")
        .arg(&exe)
        .status()
        .expect("krait build");
    assert!(status.success(), "krait build {name} failed");
    exe
}

/// Native and VM runs of `name` with argument `count` print `expected`
/// and peak below `limit_mib`.
fn check_bounded(name: &str, count: &str, expected: &str, limit_mib: u64) {
    let dir = tempfile::tempdir().expect("temp dir");
    let exe = build(name, dir.path());
    let (out, native_mib) = run_measured(Command::new(&exe).arg(count));
    assert_eq!(out.trim(), expected, "native output of {name}");
    assert!(
        native_mib < limit_mib,
        "native {name} {count}: peak RSS {native_mib} MiB (limit {limit_mib})"
    );
    let (out, vm_mib) = run_measured(
        Command::new(KRAIT)
            .args(["run", "--interpret"])
            .arg(program(name))
            .arg(count),
    );
    assert_eq!(out.trim(), expected, "VM output of {name}");
    assert!(
        vm_mib < limit_mib + 30,
        "VM {name} {count}: peak RSS {vm_mib} MiB (limit {})",
        limit_mib + 30
    );
}

#[test]
fn dropped_cycles_are_reclaimed() {
    // 20,000 rounds allocate about 2 million objects in cycles; without a
    // collector that reclaims cycles this needs hundreds of MiB.
    check_bounded("gc_cycles.py", "20000", "rounds 20000 check 25060000", 60);
}

#[test]
fn short_lived_objects_do_not_accumulate() {
    // Three million iterations, each allocating a tuple, an instance and
    // its attributes.
    check_bounded(
        "gc_short_lived.py",
        "3000000",
        "3000000 9000000000000 50 2999000",
        60,
    );
}
