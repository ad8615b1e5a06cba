//! The recursion limit. Executors call [`enter_recursive_call`] at each
//! Python-level call and [`leave_recursive_call`] when it returns; past
//! the limit (`sys.setrecursionlimit`, default 1000) the call raises
//! `RecursionError: maximum recursion depth exceeded`. The runtime also
//! guards its own recursive operations (repr of nested containers).

use std::cell::Cell;

use crate::error::{recursion_error, PyResult};

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    static LIMIT: Cell<u32> = const { Cell::new(1000) };
}

/// Enters one Python-level call; `RecursionError: maximum recursion depth
/// exceeded` past the limit.
pub fn enter_recursive_call() -> PyResult<()> {
    enter_recursive_call_for("")
}

/// Enters one level; RecursionError (with `suffix` appended to CPython's
/// message, e.g. " while getting the repr of an object") past the limit.
pub fn enter_recursive_call_for(suffix: &str) -> PyResult<()> {
    let d = DEPTH.with(|d| {
        let v = d.get() + 1;
        d.set(v);
        v
    });
    if d > limit() {
        DEPTH.with(|x| x.set(x.get() - 1));
        return Err(recursion_error(format!(
            "maximum recursion depth exceeded{suffix}"
        )));
    }
    Ok(())
}

/// Leaves the level entered by the matching successful [`enter_recursive_call`].
pub fn leave_recursive_call() {
    DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
}

/// The current depth.
pub fn depth() -> u32 {
    DEPTH.with(|d| d.get())
}

/// `sys.getrecursionlimit()`.
pub fn limit() -> u32 {
    LIMIT.with(|l| l.get())
}

/// `sys.setrecursionlimit(n)` (n >= 1, checked by the caller).
pub fn set_limit(n: u32) {
    LIMIT.with(|l| l.set(n));
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
