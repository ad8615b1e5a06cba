//! How an executable dies of a bug: a Rust panic in the runtime, or an
//! allocation that fails.
//!
//! std's panic handler (`rust_begin_unwind`) runs the panic hook, and std's
//! default panic hook and its default allocation-error hook can print a
//! backtrace, so every executable that links them carries std's
//! symboliser (gimli, addr2line, rustc-demangle, miniz_oxide: about 200 KB
//! of a hello world) although it is never used. krait's link command
//! (`compiler/src/link.rs`) points those two std entry points at the
//! functions here instead (`--defsym`; `compiler/build.rs` finds their
//! mangled names), and nothing references the rest. The replacements have
//! the same Rust signatures as std's functions they stand in for.
//!
//! The VM and the tests, which use the runtime as an ordinary library,
//! keep std's handlers.

use std::fmt::Display;
use std::io::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set by the first report, so that a panic while reporting one aborts.
static REPORTING: AtomicBool = AtomicBool::new(false);

/// Replaces std's panic handler in executables: reports the panic (a bug
/// in the runtime, which is built with `panic = "abort"`) and exits with
/// status 101, as the compiler does on a panic.
#[no_mangle]
pub fn krait_panic_handler(info: &core::panic::PanicInfo<'_>) -> ! {
    internal_error(info)
}

/// Replaces std's allocation-error handler in executables; reports like
/// std's default hook and aborts, as std does.
#[no_mangle]
pub fn krait_alloc_error_handler(size: usize, _align: usize) -> ! {
    if !REPORTING.swap(true, Ordering::Relaxed) {
        let _ = writeln!(
            std::io::stderr(),
            "memory allocation of {size} bytes failed"
        );
    }
    std::process::abort()
}

/// Reports `panic` (std's "panicked at FILE:LINE:COL:\nMESSAGE") on stderr
/// and exits with status 101.
pub fn internal_error(panic: &dyn Display) -> ! {
    if REPORTING.swap(true, Ordering::Relaxed) {
        std::process::abort();
    }
    let _ = writeln!(
        std::io::stderr(),
        "krait: internal error (a bug in krait's runtime): {panic}"
    );
    std::process::exit(101)
}
