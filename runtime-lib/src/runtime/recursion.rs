//! The recursion limit. Executors call [`enter_recursive_call`] at each
//! Python-level call and [`leave_recursive_call`] when it returns; past
//! the limit (`sys.setrecursionlimit`, default 1000) the call raises
//! `RecursionError: maximum recursion depth exceeded`. The runtime also
//! guards its own recursive operations (repr of nested containers).

//!
//! The counters live per thread, except in a native program: its one
//! Python thread uses [`KRAIT_RECURSION`], a global that generated code
//! updates inline on every call (see [`use_global_counters`]).

use std::cell::Cell;
use std::mem::offset_of;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering::Relaxed};

use crate::error::{recursion_error, PyResult};

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    static LIMIT: Cell<u32> = const { Cell::new(1000) };
    /// The lowest native stack address a Python call may start at.
    static STACK_LIMIT: Cell<usize> = const { Cell::new(0) };
}

/// The recursion counters of a native program's Python thread.
#[repr(C)]
pub struct GlobalCounters {
    pub depth: AtomicU32,
    pub limit: AtomicU32,
    /// The lowest native stack address a Python call may start at.
    pub stack_limit: AtomicUsize,
}

/// Read and written inline by generated code (field offsets below).
#[no_mangle]
pub static KRAIT_RECURSION: GlobalCounters = GlobalCounters {
    depth: AtomicU32::new(0),
    limit: AtomicU32::new(1000),
    stack_limit: AtomicUsize::new(0),
};

pub const COUNTERS_DEPTH: usize = offset_of!(GlobalCounters, depth);
pub const COUNTERS_LIMIT: usize = offset_of!(GlobalCounters, limit);
pub const COUNTERS_STACK_LIMIT: usize = offset_of!(GlobalCounters, stack_limit);

static GLOBAL: AtomicBool = AtomicBool::new(false);

/// The real stack limit while [`interrupt`] has raised the visible one.
static REAL_STACK_LIMIT: AtomicUsize = AtomicUsize::new(0);
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Makes generated code stop at its next function entry or loop back-edge
/// and call the runtime (for a requested collection): the stack limit it
/// reads inline becomes `usize::MAX`, which no stack pointer passes.
pub fn interrupt() {
    if global() && !INTERRUPTED.swap(true, Relaxed) {
        KRAIT_RECURSION.stack_limit.store(usize::MAX, Relaxed);
    }
}

/// Undoes [`interrupt`].
pub fn clear_interrupt() {
    if global() && INTERRUPTED.swap(false, Relaxed) {
        KRAIT_RECURSION
            .stack_limit
            .store(REAL_STACK_LIMIT.load(Relaxed), Relaxed);
    }
}

/// Switches the process to [`KRAIT_RECURSION`]; a native program calls
/// this on its Python thread before running anything.
pub fn use_global_counters() {
    GLOBAL.store(true, Relaxed);
}

#[inline]
fn global() -> bool {
    GLOBAL.load(Relaxed)
}

/// Records where the executor thread's stack ends: `size` bytes below the
/// caller's frame, less `margin` for the runtime's own recursion.
pub fn set_native_stack_limit(size: usize, margin: usize) {
    let here = approximate_stack_pointer();
    let limit = here.saturating_sub(size.saturating_sub(margin));
    if global() {
        REAL_STACK_LIMIT.store(limit, Relaxed);
        if !INTERRUPTED.load(Relaxed) {
            KRAIT_RECURSION.stack_limit.store(limit, Relaxed);
        }
    } else {
        STACK_LIMIT.with(|l| l.set(limit));
    }
}

#[inline(never)]
fn approximate_stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// RecursionError instead of a native stack overflow when the recursion
/// limit was raised past what the thread's stack holds.
pub fn check_native_stack() -> PyResult<()> {
    let limit = if global() {
        REAL_STACK_LIMIT.load(Relaxed)
    } else {
        STACK_LIMIT.with(|l| l.get())
    };
    if limit != 0 && approximate_stack_pointer() < limit {
        return Err(recursion_error("maximum recursion depth exceeded"));
    }
    Ok(())
}

/// A Python-level call: a collector safe point, the native stack check,
/// then [`enter_recursive_call`].
pub fn enter_python_call() -> PyResult<()> {
    crate::gc::safepoint();
    check_native_stack()?;
    enter_recursive_call()
}

/// Enters one Python-level call; `RecursionError: maximum recursion depth
/// exceeded` past the limit. Inline for a native program's counters
/// (generators are entered here at every resumption).
#[inline]
pub fn enter_recursive_call() -> PyResult<()> {
    if global() {
        let depth = KRAIT_RECURSION.depth.load(Relaxed);
        if depth < KRAIT_RECURSION.limit.load(Relaxed) {
            KRAIT_RECURSION.depth.store(depth + 1, Relaxed);
            return Ok(());
        }
    }
    enter_recursive_call_for("")
}

/// Enters one level; RecursionError (with `suffix` appended to CPython's
/// message, e.g. " while getting the repr of an object") past the limit.
pub fn enter_recursive_call_for(suffix: &str) -> PyResult<()> {
    let d = depth() + 1;
    set_depth(d);
    if d > limit() {
        set_depth(d - 1);
        return Err(recursion_error(format!(
            "maximum recursion depth exceeded{suffix}"
        )));
    }
    Ok(())
}

/// Runs a comparison of containers one level deeper, with CPython's
/// limit and message (`maximum recursion depth exceeded in comparison`):
/// comparing nested tuples, lists or dicts recurses once per level.
#[inline]
pub fn in_comparison(compare: impl FnOnce() -> PyResult) -> PyResult {
    if global() {
        // A native program's counters, read once (sorting by tuple keys
        // comes here for every comparison).
        let depth = KRAIT_RECURSION.depth.load(Relaxed);
        if depth < KRAIT_RECURSION.limit.load(Relaxed) {
            KRAIT_RECURSION.depth.store(depth + 1, Relaxed);
            let r = compare();
            KRAIT_RECURSION.depth.store(depth, Relaxed);
            return r;
        }
    }
    enter_recursive_call_for(" in comparison")?;
    let r = compare();
    leave_recursive_call();
    r
}

/// Leaves the level entered by the matching successful [`enter_recursive_call`].
#[inline]
pub fn leave_recursive_call() {
    set_depth(depth().saturating_sub(1));
}

/// The current depth.
#[inline]
pub fn depth() -> u32 {
    if global() {
        KRAIT_RECURSION.depth.load(Relaxed)
    } else {
        DEPTH.with(|d| d.get())
    }
}

#[inline]
fn set_depth(d: u32) {
    if global() {
        KRAIT_RECURSION.depth.store(d, Relaxed);
    } else {
        DEPTH.with(|x| x.set(d));
    }
}

/// `sys.getrecursionlimit()`.
pub fn limit() -> u32 {
    if global() {
        KRAIT_RECURSION.limit.load(Relaxed)
    } else {
        LIMIT.with(|l| l.get())
    }
}

/// `sys.setrecursionlimit(n)` (n >= 1, checked by the caller).
pub fn set_limit(n: u32) {
    if global() {
        KRAIT_RECURSION.limit.store(n, Relaxed);
    } else {
        LIMIT.with(|l| l.set(n));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_is_enforced() {
        set_limit(5);
        let base = depth();
        let mut entered = 0;
        while enter_recursive_call().is_ok() {
            entered += 1;
        }
        assert_eq!(
            crate::exceptions::str_of_current(),
            "maximum recursion depth exceeded"
        );
        assert_eq!(base + entered, 5);
        for _ in 0..entered {
            leave_recursive_call();
        }
        set_limit(1000);
    }
}
