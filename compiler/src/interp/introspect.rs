//! The running frames, for the builtins that look at the caller's scope
//! (`globals()`, `locals()`, `dir()`, `vars()`): every [`eval::run`] pushes
//! its frame while it runs, and [`VM_INTROSPECTION`] answers for the
//! innermost one. The same registry makes every running frame a root of
//! the collector ([`trace_running`]).
//!
//! [`eval::run`]: super::eval::run

use std::cell::RefCell;

use krait_runtime::error::PyResult;
use krait_runtime::runtime::frames::{locals_snapshot, FrameIntrospection};
use krait_runtime::types::string::intern;
use krait_runtime::Value;

use super::frame::Frame;

thread_local! {
    static RUNNING: RefCell<Vec<*const Frame>> = const { RefCell::new(Vec::new()) };
}

/// Marks a frame as running until dropped.
pub struct ActiveFrame;

impl ActiveFrame {
    pub fn enter(frame: &Frame) -> ActiveFrame {
        RUNNING.with(|r| r.borrow_mut().push(frame as *const Frame));
        ActiveFrame
    }
}

impl Drop for ActiveFrame {
    fn drop(&mut self) {
        RUNNING.with(|r| {
            r.borrow_mut().pop();
        });
    }
}

/// Calls the visitor on every value held by the running frames (their
/// locals, cells and operand stacks live in Rust heap memory, which the
/// collector's stack scan does not see).
pub fn trace_running(visit: &mut dyn FnMut(Value)) {
    RUNNING.with(|r| {
        for &ptr in r.borrow().iter() {
            // SAFETY: as in `with_innermost`: every registered frame's
            // `run` is still on the stack, suspended in the call that
            // reached the collector.
            unsafe { &*ptr }.trace(visit);
        }
    });
}

/// Runs `f` on the innermost running frame.
fn with_innermost<R>(f: impl FnOnce(&Frame) -> R) -> Option<R> {
    let ptr = RUNNING.with(|r| r.borrow().last().copied())?;
    // SAFETY: the pointer was pushed by `ActiveFrame::enter` for a frame
    // whose `run` is still on the stack (it pops on drop), so the frame is
    // alive; it is suspended inside the call that led here and nothing
    // writes to it until that call returns.
    Some(f(unsafe { &*ptr }))
}

fn globals() -> Option<Value> {
    with_innermost(|frame| frame.globals)
}

/// The namespace at module level and in class bodies; in a function, a
/// snapshot of its bound locals, cells and free variables.
fn locals() -> PyResult<Option<Value>> {
    let Some(result) = with_innermost(|frame| -> PyResult {
        if !frame.locals.is_null() {
            return Ok(frame.locals);
        }
        let code = &frame.code.code;
        let names: Vec<Value> = code
            .cellvars
            .iter()
            .chain(&code.freevars)
            .map(|n| intern(n))
            .collect();
        locals_snapshot(
            &frame.code.info.varnames,
            &frame.fast,
            &names,
            code.cellvars.len(),
            &frame.cells,
        )
    }) else {
        return Ok(None);
    };
    result.map(Some)
}

pub static VM_INTROSPECTION: FrameIntrospection = FrameIntrospection { globals, locals };
