//! Running a built executable for `krait run`, so that it looks to the
//! caller as if the program itself had run.
//!
//! This module owns the child process: [`run_executable`] starts it with
//! krait's stdin, stdout and stderr, waits, and reports how it ended as a
//! [`Termination`]; [`Termination::reraise`] then makes krait end the same
//! way — the same exit code, or death by the same signal (so a shell prints
//! `Segmentation fault` and sees status 139, and `krait run p.py | head`
//! dies of SIGPIPE as the program did). The caller removes its temporary
//! files in between, since a process killed by a signal runs no destructors.
//!
//! While the child runs, krait ignores SIGINT and SIGQUIT, as `system(3)`
//! does: Ctrl-C reaches the whole foreground process group, and the program
//! decides what it means; if the program dies of it, krait re-raises it
//! afterwards. The child starts with krait's original dispositions of those
//! signals (restored between fork and exec, which is why the child is
//! forked rather than `posix_spawn`ed), and runs are serialised within a
//! process so that "original" is well defined.
//!
//! Like the driver, this module does IO and is called only from the driver
//! and the CLI; it does not print anything.

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::io;
use std::os::unix::process::{CommandExt as _, ExitStatusExt as _};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};
use std::sync::Mutex;

/// How a program ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Termination {
    /// It exited with this code (0 to 255).
    Exited(i32),
    /// It was killed by this signal.
    Signaled(i32),
}

/// Why a program could not be run.
#[derive(Debug)]
pub struct RunError {
    pub exe: PathBuf,
    pub error: io::Error,
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot run '{}': {}", self.exe.display(), self.error)
    }
}

impl std::error::Error for RunError {}

/// Held while a child runs; see the module documentation.
static RUNNING: Mutex<()> = Mutex::new(());

/// Runs `exe` with `arg0` as its `argv[0]` and then `args`, inheriting
/// stdin, stdout and stderr, and waits for it to end.
pub fn run_executable(
    exe: &Path,
    arg0: &OsStr,
    args: &[OsString],
) -> Result<Termination, RunError> {
    let run_error = |error| RunError {
        exe: exe.to_path_buf(),
        error,
    };
    // A poisoned lock only means another run panicked; the dispositions
    // were restored by its guard.
    let _running = RUNNING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    // Ignored before the child exists, so that no Ctrl-C can fall between
    // its start and krait's ignoring it; the child gets krait's original
    // dispositions back before it executes the program.
    let ignoring = IgnoreInterrupts::install();
    let original = ignoring.saved;
    let mut command = Command::new(exe);
    command.arg0(arg0).args(args);
    // SAFETY: the closure runs in the forked child before exec, where only
    // async-signal-safe functions may be called; it calls only sigaction.
    unsafe {
        command.pre_exec(move || {
            restore(&original);
            Ok(())
        });
    }
    let mut child = command.spawn().map_err(run_error)?;
    let status = child.wait().map_err(run_error)?;
    drop(ignoring);
    Ok(Termination::from_status(status))
}

impl Termination {
    fn from_status(status: ExitStatus) -> Termination {
        match (status.code(), status.signal()) {
            (Some(code), _) => Termination::Exited(code),
            (None, Some(signal)) => Termination::Signaled(signal),
            // A wait() status is either an exit or a signal; std reports
            // stopped children only through other calls.
            (None, None) => Termination::Exited(1),
        }
    }

    /// The status a shell reports: the exit code, or 128 + the signal.
    pub fn shell_status(self) -> i32 {
        match self {
            Termination::Exited(code) => code,
            Termination::Signaled(signal) => 128 + signal,
        }
    }

    /// Ends krait the way the program ended, if it died of a signal:
    /// restores the signal's default action and raises it. Otherwise (or if
    /// krait survives that, which no fatal signal allows) returns
    /// [`Termination::shell_status`], for krait to exit with.
    pub fn reraise(self) -> i32 {
        if let Termination::Signaled(signal) = self {
            raise_default(signal);
        }
        self.shell_status()
    }
}

/// Raises `signal` on this thread with its default action, which for the
/// signals that kill a child kills all of krait. Core dumps are turned off
/// first: the program's crash is not krait's.
fn raise_default(signal: i32) {
    // SAFETY: these calls take plain values or pointers to initialised
    // locals, and changing krait's own signal state is their purpose.
    unsafe {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        if libc::getrlimit(libc::RLIMIT_CORE, &mut limit) == 0 {
            limit.rlim_cur = 0;
            libc::setrlimit(libc::RLIMIT_CORE, &limit);
        }
        libc::signal(signal, libc::SIG_DFL);
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, signal);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        // raise() rather than kill(getpid()): a thread-directed signal is
        // delivered before raise returns, a process-directed one may go to
        // another thread while this one carries on.
        libc::raise(signal);
    }
}

/// Ignores SIGINT and SIGQUIT until dropped, then restores what was there.
struct IgnoreInterrupts {
    saved: SavedActions,
}

impl IgnoreInterrupts {
    fn install() -> IgnoreInterrupts {
        IgnoreInterrupts {
            saved: [libc::SIGINT, libc::SIGQUIT].map(|signal| (signal, ignore(signal))),
        }
    }
}

impl Drop for IgnoreInterrupts {
    fn drop(&mut self) {
        restore(&self.saved);
    }
}

/// What [`IgnoreInterrupts`] replaced: each signal with its previous
/// action, if it could be changed.
type SavedActions = [(i32, Option<libc::sigaction>); 2];

/// Puts back the actions [`ignore`] returned. Async-signal-safe.
fn restore(saved: &SavedActions) {
    for (signal, old) in saved {
        if let Some(old) = old {
            // SAFETY: `old` is what sigaction returned for this signal.
            unsafe { libc::sigaction(*signal, old, std::ptr::null_mut()) };
        }
    }
}

/// Sets `signal` to be ignored; returns the previous action, or None if
/// it could not be changed.
fn ignore(signal: i32) -> Option<libc::sigaction> {
    // SAFETY: both structs are initialised (zeroed is a valid sigaction
    // and an empty mask), and SIG_IGN needs no handler.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = libc::SIG_IGN;
        libc::sigemptyset(&mut action.sa_mask);
        let mut old: libc::sigaction = std::mem::zeroed();
        (libc::sigaction(signal, &action, &mut old) == 0).then_some(old)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str) -> Result<Termination, RunError> {
        let args = [OsString::from("-c"), OsString::from(script)];
        run_executable(Path::new("/bin/sh"), OsStr::new("sh"), &args)
    }

    #[test]
    fn exit_codes_pass_through() {
        assert_eq!(sh("exit 0").unwrap(), Termination::Exited(0));
        assert_eq!(sh("exit 3").unwrap(), Termination::Exited(3));
        assert_eq!(sh("exit 255").unwrap().reraise(), 255);
    }

    #[test]
    fn death_by_signal_is_reported() {
        let ended = sh("kill -TERM $$").unwrap();
        assert_eq!(ended, Termination::Signaled(libc::SIGTERM));
        assert_eq!(ended.shell_status(), 128 + libc::SIGTERM);
    }

    #[test]
    fn arg0_and_arguments_reach_the_program() {
        // `sh -c SCRIPT NAME ARG` sets $0 to NAME; argv[0] is in /proc.
        let script = r#"[ "$(tr '\0' '\n' < /proc/$$/cmdline | head -n 1)" = prog.py ] &&
            [ "$0" = name ] && [ "$1" = "a b" ] && [ "$#" = 1 ]"#;
        let args = [
            OsString::from("-c"),
            OsString::from(script),
            OsString::from("name"),
            OsString::from("a b"),
        ];
        let ended = run_executable(Path::new("/bin/sh"), OsStr::new("prog.py"), &args).unwrap();
        assert_eq!(ended, Termination::Exited(0));
    }

    #[test]
    fn a_missing_executable_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let exe = dir.path().join("nothing");
        let error = run_executable(&exe, OsStr::new("nothing"), &[]).unwrap_err();
        assert_eq!(error.error.kind(), io::ErrorKind::NotFound);
        assert!(error.to_string().starts_with("cannot run '"), "{error}");
    }
}
