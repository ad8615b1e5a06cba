//! Linking and running native executables: small C programs stand in for
//! generated objects. They define
//! `main`, call the runtime archive's C ABI, and are linked by
//! `krait::link` exactly as generated objects will be; `krait::run_native`
//! runs them and passes their exit code or fatal signal on.

use krait::link::{self, LinkOptions};
use krait::run_native::{run_executable, Termination};
use std::ffi::{OsStr, OsString};
use std::os::unix::process::ExitStatusExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use tempfile::TempDir;

/// `main` that calls the runtime: 2 + 40 on NaN-boxed small ints (tag
/// 0xFFFF in the top 16 bits, 48-bit two's-complement payload), then
/// 2 + None, which raises TypeError and returns the error word 0, then
/// flushes the runtime's stdout. Exits with 7 if all went as expected.
const CALLS_THE_RUNTIME: &str = r#"
#include <stdint.h>
#include <stdio.h>

uint64_t krait_binary_add(uint64_t a, uint64_t b);
int32_t krait_runtime_exit(void);

#define SMALL_INT(n) (0xFFFF000000000000ull | ((uint64_t)(int64_t)(n) & 0x0000FFFFFFFFFFFFull))
#define NONE 0x2ull
#define ERROR 0x0ull

int main(int argc, char **argv) {
    uint64_t sum = krait_binary_add(SMALL_INT(2), SMALL_INT(40));
    printf("2 + 40 = %llx\n", (unsigned long long)sum);
    uint64_t bad = krait_binary_add(SMALL_INT(2), NONE);
    printf("2 + None = %llx\n", (unsigned long long)bad);
    fflush(stdout);
    if (krait_runtime_exit() != 0) return 1;
    return sum == SMALL_INT(42) && bad == ERROR ? 7 : 1;
}
"#;

/// Libraries an executable may load: the C library and its companions.
const LIBC_LEVEL: &[&str] = &[
    "linux-vdso.so.1",
    "libc.so.6",
    "libm.so.6",
    "libpthread.so.0",
    "libdl.so.2",
    "librt.so.1",
    "libutil.so.1",
    "libgcc_s.so.1",
    "ld-linux-x86-64.so.2",
    "ld-linux-aarch64.so.1",
];

/// The size limit for a stripped executable that barely uses the runtime
/// (the C program above: 1,290,872 bytes). Every builtin type with all
/// its methods, mimalloc and num-bigint are in every program; the Rust
/// modules of the standard library are not, except io (`sys.stdout`) and
/// `_random.Random` (a builtin type). The archive has no unwind tables (`compiler/build.rs`)
/// and executables replace std's panic handlers, which would link std's
/// backtrace printer (`krait_runtime::native::abort`). This limit leaves a
/// little room and stops further growth; `tests/cli.rs` checks a hello
/// world against issue 4's 1.5 MB.
const SMALL_EXECUTABLE_BYTES: u64 = 1_310_000;

/// Compiles C `source` with the system `cc`: to an object with `-c` in
/// `args`, else to an executable.
fn cc(dir: &TempDir, name: &str, source: &str, args: &[&str]) -> PathBuf {
    let c_file = dir.path().join(format!("{name}.c"));
    std::fs::write(&c_file, source).expect("cannot write the C file");
    let out = dir.path().join(if args.contains(&"-c") {
        format!("{name}.o")
    } else {
        name.to_owned()
    });
    let status = Command::new("cc")
        .args(args)
        .arg("-o")
        .arg(&out)
        .arg(&c_file)
        .status()
        .expect("cannot run cc");
    assert!(status.success(), "cc failed on {name}.c: {status}");
    out
}

/// An executable linked by `krait::link` from [`CALLS_THE_RUNTIME`].
fn runtime_program(options: &LinkOptions) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("cannot create a temporary directory");
    let object = cc(&dir, "main", CALLS_THE_RUNTIME, &["-c", "-O1"]);
    let exe = dir.path().join("prog");
    if let Err(error) = link::link_executable_with(&[&object], &exe, options) {
        panic!("{error}\n{}", error.cc_stderr().unwrap_or(""));
    }
    (dir, exe)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every function of the ABI table, and the data generated code reads,
/// is defined by the runtime archive: a C program taking the address of
/// each links (with --gc-sections, an undefined symbol is an error) and
/// sees them all non-null.
#[test]
fn every_abi_entry_resolves_in_the_runtime_archive() {
    let mut names: Vec<&str> = krait_runtime::abi::ABI.iter().map(|f| f.name).collect();
    names.push("KRAIT_RECURSION");
    names.push("KRAIT_TYPE_EPOCH");
    names.push("KRAIT_DIRECT_BUILTINS");
    let mut source = String::new();
    for name in &names {
        source.push_str(&format!("extern char {name};\n"));
    }
    source.push_str("void *const symbols[] = {\n");
    for name in &names {
        source.push_str(&format!("    &{name},\n"));
    }
    source.push_str("};\nint main(void) {\n    int missing = 0;\n");
    source.push_str("    for (unsigned i = 0; i < sizeof symbols / sizeof *symbols; i++)\n");
    source.push_str("        missing += symbols[i] == 0;\n    return missing;\n}\n");
    let dir = tempfile::tempdir().expect("cannot create a temporary directory");
    let object = cc(&dir, "abi", &source, &["-c"]);
    let exe = dir.path().join("abi");
    if let Err(error) = link::link_executable(&[&object], &exe) {
        panic!("{error}\n{}", error.cc_stderr().unwrap_or(""));
    }
    let out = Command::new(&exe).output().expect("cannot run the program");
    assert_eq!(out.status.code(), Some(0), "{} ABI symbols", names.len());
    assert!(
        names.len() > 90,
        "the ABI table lists {} functions",
        names.len()
    );
}

#[test]
fn objects_link_against_the_runtime_archive_and_run() {
    let (_dir, exe) = runtime_program(&LinkOptions::default());
    let out = Command::new(&exe).output().expect("cannot run the program");
    assert_eq!(
        stdout(&out),
        "2 + 40 = ffff00000000002a\n2 + None = 0\n",
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(7));
}

#[test]
fn executables_need_only_libc_level_libraries_and_are_small() {
    let (_dir, exe) = runtime_program(&LinkOptions::default());
    let ldd = Command::new("ldd")
        .arg(&exe)
        .output()
        .expect("cannot run ldd");
    assert!(ldd.status.success(), "ldd failed: {:?}", ldd);
    let listing = stdout(&ldd);
    let libraries: Vec<&str> = listing
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert!(libraries.contains(&"libc.so.6"), "{listing}");
    for library in &libraries {
        let name = Path::new(library)
            .file_name()
            .and_then(OsStr::to_str)
            .unwrap_or(library);
        assert!(
            LIBC_LEVEL.contains(&name),
            "unexpected library {library}:\n{listing}"
        );
    }
    let size = std::fs::metadata(&exe).expect("no executable").len();
    eprintln!("stripped executable: {size} bytes; ldd:\n{listing}");
    assert!(size <= SMALL_EXECUTABLE_BYTES, "{size} bytes");
}

#[test]
fn strip_is_optional() {
    let (_dir, exe) = runtime_program(&LinkOptions { strip: false });
    let nm = Command::new("nm")
        .arg(&exe)
        .output()
        .expect("cannot run nm");
    assert!(
        stdout(&nm).contains(" T krait_binary_add"),
        "{}",
        String::from_utf8_lossy(&nm.stderr)
    );
    let (_dir, stripped) = runtime_program(&LinkOptions::default());
    let nm = Command::new("nm")
        .arg(&stripped)
        .output()
        .expect("cannot run nm");
    assert!(!stdout(&nm).contains("krait_binary_add"));
}

#[test]
fn exit_codes_pass_through() {
    let dir = tempfile::tempdir().unwrap();
    let exe = cc(
        &dir,
        "exit",
        "int main(int c, char **v) { return c == 3 ? 42 : 1; }",
        &[],
    );
    let args = [OsString::from("a"), OsString::from("b")];
    let ended = run_executable(&exe, OsStr::new("exit"), &args).unwrap();
    assert_eq!(ended, Termination::Exited(42));
    assert_eq!(ended.reraise(), 42);
    let ended = run_executable(&exe, OsStr::new("exit"), &[]).unwrap();
    assert_eq!(ended, Termination::Exited(1));
}

#[test]
fn death_by_signal_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let exe = cc(
        &dir,
        "abort",
        "#include <stdlib.h>\nint main(void) { abort(); }",
        &[],
    );
    let ended = run_executable(&exe, OsStr::new("abort"), &[]).unwrap();
    assert_eq!(ended, Termination::Signaled(libc::SIGABRT));
    assert_eq!(ended.shell_status(), 134);
}

// ---- krait's own process: stdio, exit code and fatal signals ----------------
//
// `reraise` ends the calling process, so these tests run this test binary
// again as the "krait" in the middle: `relay` (ignored unless asked for by
// name) runs the program named by the environment and exits as it did.

/// The program `relay` runs, and the arguments it passes.
const RELAY_EXE: &str = "KRAIT_TEST_RELAY_EXE";

#[test]
#[ignore = "run by the relay tests, in a child process"]
fn relay() {
    let Some(exe) = std::env::var_os(RELAY_EXE) else {
        return;
    };
    let args = [OsString::from("first"), OsString::from("second arg")];
    let ended = run_executable(Path::new(&exe), OsStr::new("prog.py"), &args);
    std::process::exit(ended.expect("cannot run").reraise());
}

/// Runs `exe` through `relay` in a child process, with `stdin` as input.
fn relay_run(exe: &Path, stdin: &str) -> Output {
    use std::io::Write as _;
    let mut child = Command::new(std::env::current_exe().expect("no test binary"))
        .args([
            "relay",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(RELAY_EXE, exe)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot run the test binary");
    let mut input = child.stdin.take().expect("stdin is piped");
    input
        .write_all(stdin.as_bytes())
        .expect("cannot write to the relay");
    drop(input);
    child.wait_with_output().expect("cannot wait for the relay")
}

const ECHO: &str = r#"
#include <stdio.h>
int main(int argc, char **argv) {
    char line[100];
    if (!fgets(line, sizeof line, stdin)) return 1;
    printf("argv: %s|%s|%s (%d)\n", argv[0], argv[1], argv[2], argc);
    printf("stdin: %s", line);
    fprintf(stderr, "to stderr\n");
    return 5;
}
"#;

#[test]
fn relay_passes_stdio_arguments_and_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let exe = cc(&dir, "echo", ECHO, &[]);
    let out = relay_run(&exe, "hello\n");
    let stdout = stdout(&out);
    assert!(
        stdout.contains("argv: prog.py|first|second arg (3)\nstdin: hello\n"),
        "{stdout}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("to stderr\n"));
    assert_eq!(out.status.code(), Some(5));
}

#[test]
fn relay_dies_of_the_programs_signal() {
    let dir = tempfile::tempdir().unwrap();
    let exe = cc(
        &dir,
        "segv",
        "#include <signal.h>\nint main(void) { raise(SIGSEGV); return 0; }",
        &[],
    );
    let out = relay_run(&exe, "");
    assert_eq!(out.status.code(), None, "{out:?}");
    assert_eq!(out.status.signal(), Some(libc::SIGSEGV), "{out:?}");
    assert!(!out.status.core_dumped(), "{out:?}");
}

#[test]
fn relay_survives_ctrl_c_that_the_program_handles() {
    // The program sends SIGINT to its whole process group, as a terminal's
    // Ctrl-C does, and exits normally; only the relay's own handling of
    // SIGINT decides whether it survives.
    let dir = tempfile::tempdir().unwrap();
    let exe = cc(
        &dir,
        "interrupt",
        r#"
#include <signal.h>
#include <unistd.h>
int main(void) {
    signal(SIGINT, SIG_IGN);
    kill(0, SIGINT);
    usleep(100000);
    return 3;
}
"#,
        &[],
    );
    // In its own process group, so that the test runner is not hit.
    let mut relay = Command::new(std::env::current_exe().unwrap());
    relay
        .args([
            "relay",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(RELAY_EXE, &exe)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    std::os::unix::process::CommandExt::process_group(&mut relay, 0);
    let out = relay.output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{out:?}");
}
