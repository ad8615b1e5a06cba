//! Linking: object files in, a standalone executable out.
//!
//! This module owns the runtime's static archive, which krait carries inside
//! its own binary (`build.rs` builds it with the `runtime-archive` profile),
//! and the one `cc` command that links it. [`link_executable`] finds `cc` on
//! `PATH`, writes the archive to a temporary directory, and runs
//!
//! ```text
//! cc -o OUT OBJECTS… libkrait_runtime.a -Wl,--as-needed -Wl,--gc-sections \
//!    -Wl,--defsym=STD_SYMBOL=REPLACEMENT… NATIVE_LIBS… -s
//! ```
//!
//! where `NATIVE_LIBS` are the system libraries rustc said the archive needs
//! (libc, libm, libgcc_s and, on older glibc, libpthread, libdl, librt,
//! libutil). The objects define the C `main`; the archive does not. With
//! `--gc-sections` only the runtime code a program can reach is kept; the
//! `--defsym`s point std's panic and allocation-error handlers at the
//! runtime's (`krait_runtime::native::abort`), which leaves std's backtrace
//! printer out; and `-s` strips symbols. A hello world is about 1.44 MB
//! (the archive also has no unwind tables, see `build.rs`). The
//! executable needs nothing of krait, Rust or Python at run time.
//!
//! The objects must be position-independent (LLVM's `RelocMode::PIC`):
//! Debian's `cc` links PIE executables by default.
//!
//! Like the driver, this module does IO (files, processes) and is called only
//! from the driver; it does not choose file names or print anything.

use std::ffi::OsString;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};

/// `libkrait_runtime.a`, built by `build.rs`.
static RUNTIME_ARCHIVE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/libkrait_runtime.a"));

/// The system libraries the archive needs (`-lc`, …), one linker argument
/// per line, as rustc's `--print native-static-libs` reported them.
const NATIVE_STATIC_LIBS: &str = include_str!(concat!(env!("OUT_DIR"), "/native-static-libs.txt"));

/// std's panic and allocation-error handlers and the runtime's
/// replacements, `SYMBOL=REPLACEMENT` per line (see `build.rs`); empty on
/// targets other than ELF.
const STD_OVERRIDES: &str = include_str!(concat!(env!("OUT_DIR"), "/std-overrides.txt"));

/// The name the archive is written under.
const ARCHIVE_NAME: &str = "libkrait_runtime.a";

/// The C compiler driver that links: the system's `cc`, found on `PATH`.
pub const CC: &str = "cc";

/// How many lines of `cc`'s stderr a [`LinkError`] shows on its one line.
const STDERR_LINES_SHOWN: usize = 20;

/// How to link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkOptions {
    /// Remove the symbol table (`cc -s`): smaller executables, but
    /// debuggers and profilers see no function names.
    pub strip: bool,
}

impl Default for LinkOptions {
    fn default() -> Self {
        LinkOptions { strip: true }
    }
}

/// Why linking failed.
#[derive(Debug)]
pub enum LinkError {
    /// There is no `cc` on `PATH`.
    NoCompiler { error: which::Error },
    /// The temporary directory for the runtime archive could not be created.
    TempDir { error: io::Error },
    /// The runtime archive could not be written to the temporary directory.
    WriteArchive { path: PathBuf, error: io::Error },
    /// `cc` could not be started.
    Spawn { cc: PathBuf, error: io::Error },
    /// `cc` ran and failed; `stderr` is what it said.
    Failed {
        cc: PathBuf,
        output: PathBuf,
        status: ExitStatus,
        stderr: String,
    },
}

impl fmt::Display for LinkError {
    /// One line, for the CLI: `cc`'s stderr lines are joined with `; `.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NoCompiler { error } => write!(
                f,
                "cannot link: no C compiler found: `{CC}` is not on PATH ({error}); \
                 install one (on Debian: apt-get install gcc)"
            ),
            LinkError::TempDir { error } => {
                write!(
                    f,
                    "cannot link: cannot create a temporary directory: {error}"
                )
            }
            LinkError::WriteArchive { path, error } => write!(
                f,
                "cannot link: cannot write the runtime archive to '{}': {error}",
                path.display()
            ),
            LinkError::Spawn { cc, error } => {
                write!(f, "cannot link: cannot run '{}': {error}", cc.display())
            }
            LinkError::Failed {
                cc,
                output,
                status,
                stderr,
            } => {
                write!(
                    f,
                    "cannot link '{}': '{}' failed ({status})",
                    output.display(),
                    cc.display()
                )?;
                let lines: Vec<&str> = stderr
                    .lines()
                    .map(str::trim)
                    .filter(|line| !line.is_empty())
                    .collect();
                if !lines.is_empty() {
                    let shown = &lines[..lines.len().min(STDERR_LINES_SHOWN)];
                    write!(f, ": {}", shown.join("; "))?;
                    if lines.len() > shown.len() {
                        write!(f, "; … ({} more lines)", lines.len() - shown.len())?;
                    }
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LinkError {}

/// Links `objects`, which define `main`, with the runtime into the
/// executable `output`, stripped.
pub fn link_executable(objects: &[&Path], output: &Path) -> Result<(), LinkError> {
    link_executable_with(objects, output, &LinkOptions::default())
}

/// [`link_executable`] with explicit options.
pub fn link_executable_with(
    objects: &[&Path],
    output: &Path,
    options: &LinkOptions,
) -> Result<(), LinkError> {
    let cc = find_cc(std::env::var_os("PATH"))?;
    let dir = tempfile::Builder::new()
        .prefix("krait-link-")
        .tempdir()
        .map_err(|error| LinkError::TempDir { error })?;
    let archive = dir.path().join(ARCHIVE_NAME);
    std::fs::write(&archive, RUNTIME_ARCHIVE).map_err(|error| LinkError::WriteArchive {
        path: archive.clone(),
        error,
    })?;
    let result = Command::new(&cc)
        .args(cc_args(objects, &archive, output, options))
        .output()
        .map_err(|error| LinkError::Spawn {
            cc: cc.clone(),
            error,
        })?;
    if result.status.success() {
        return Ok(());
    }
    Err(LinkError::Failed {
        cc,
        output: output.to_path_buf(),
        status: result.status,
        stderr: String::from_utf8_lossy(&result.stderr).into_owned(),
    })
}

/// The size in bytes of the runtime archive this krait carries.
pub fn runtime_archive_len() -> usize {
    RUNTIME_ARCHIVE.len()
}

/// The system libraries the runtime archive needs, as linker arguments.
pub fn native_static_libs() -> impl Iterator<Item = &'static str> {
    NATIVE_STATIC_LIBS.split_whitespace()
}

/// Finds `cc` in the directories of `path` (a `PATH` value).
fn find_cc(path: Option<OsString>) -> Result<PathBuf, LinkError> {
    // A relative entry in PATH is relative to the current directory; if
    // there is none, only the absolute entries are searched.
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
    which::which_in(CC, path, cwd).map_err(|error| LinkError::NoCompiler { error })
}

/// The arguments of the `cc` command. Order matters to the linker: the
/// objects come before the archive so that the archive members they use
/// are pulled in, and the system libraries come last.
fn cc_args(
    objects: &[&Path],
    archive: &Path,
    output: &Path,
    options: &LinkOptions,
) -> Vec<OsString> {
    let mut args: Vec<OsString> = vec!["-o".into(), output.into()];
    args.extend(objects.iter().map(OsString::from));
    args.push(archive.into());
    if cfg!(target_vendor = "apple") {
        args.push("-Wl,-dead_strip".into());
    } else {
        // Libraries that no object uses are not recorded as needed.
        args.push("-Wl,--as-needed".into());
        args.push("-Wl,--gc-sections".into());
        // std's handlers print backtraces; the runtime's do not, so std's
        // symboliser is left out (see runtime-lib's `native::abort`).
        args.extend(
            STD_OVERRIDES
                .split_whitespace()
                .map(|pair| OsString::from(format!("-Wl,--defsym={pair}"))),
        );
    }
    args.extend(native_static_libs().map(OsString::from));
    if options.strip {
        args.push("-s".into());
    }
    args
}

impl LinkError {
    /// `cc`'s complete stderr, when `cc` ran and failed.
    pub fn cc_stderr(&self) -> Option<&str> {
        match self {
            LinkError::Failed { stderr, .. } => Some(stderr),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_is_embedded_with_its_native_libraries() {
        // An ar archive starts with its magic string.
        assert!(RUNTIME_ARCHIVE.starts_with(b"!<arch>\n"));
        assert!(runtime_archive_len() > 100_000, "{}", runtime_archive_len());
        let libs: Vec<_> = native_static_libs().collect();
        assert!(!libs.is_empty());
        assert!(libs.iter().all(|lib| lib.starts_with('-')), "{libs:?}");
        if cfg!(target_os = "linux") {
            assert!(libs.contains(&"-lc"), "{libs:?}");
        }
    }

    #[test]
    fn objects_come_before_the_archive_and_libraries_last() {
        let args = cc_args(
            &[Path::new("a.o"), Path::new("b.o")],
            Path::new("/tmp/x/libkrait_runtime.a"),
            Path::new("prog"),
            &LinkOptions::default(),
        );
        let args: Vec<_> = args.iter().map(|a| a.to_string_lossy()).collect();
        assert_eq!(
            args[..5],
            ["-o", "prog", "a.o", "b.o", "/tmp/x/libkrait_runtime.a"]
        );
        let last_lib = args.iter().rposition(|a| a.starts_with("-l"));
        assert!(last_lib > Some(4), "{args:?}");
        assert_eq!(args.last().map(|a| a.as_ref()), Some("-s"));
        let unstripped = cc_args(
            &[],
            Path::new("r.a"),
            Path::new("p"),
            &LinkOptions { strip: false },
        );
        assert!(!unstripped.iter().any(|a| a == "-s"));
    }

    #[test]
    fn std_handlers_are_replaced_on_linux() {
        if !cfg!(target_os = "linux") {
            return;
        }
        let args = cc_args(
            &[],
            Path::new("r.a"),
            Path::new("p"),
            &LinkOptions::default(),
        );
        let mut replacements: Vec<_> = args
            .iter()
            .filter_map(|a| a.to_str()?.strip_prefix("-Wl,--defsym="))
            .filter_map(|pair| pair.split_once('=').map(|(_, to)| to))
            .collect();
        replacements.sort_unstable();
        assert_eq!(
            replacements,
            ["krait_alloc_error_handler", "krait_panic_handler"],
            "{args:?}"
        );
    }

    #[test]
    fn missing_cc_is_a_clear_error() {
        let empty = tempfile::tempdir().unwrap();
        let error = find_cc(Some(empty.path().into())).unwrap_err();
        assert!(matches!(error, LinkError::NoCompiler { .. }));
        let message = error.to_string();
        assert!(
            message.starts_with("cannot link: no C compiler found: `cc` is not on PATH"),
            "{message}"
        );
        assert!(!message.contains('\n'));
    }

    #[test]
    fn cc_failure_shows_stderr_on_one_line() {
        let dir = tempfile::tempdir().unwrap();
        let bogus = dir.path().join("bogus.o");
        std::fs::write(&bogus, "not an object file\n").unwrap();
        let output = dir.path().join("prog");
        let error = link_executable(&[&bogus], &output).unwrap_err();
        let message = error.to_string();
        assert!(matches!(error, LinkError::Failed { .. }), "{message}");
        assert!(message.starts_with("cannot link '"), "{message}");
        assert!(message.contains("bogus.o"), "{message}");
        assert!(!message.contains('\n'), "{message}");
        assert!(error.cc_stderr().is_some_and(|s| !s.is_empty()));
        assert!(!output.exists());
    }
}
