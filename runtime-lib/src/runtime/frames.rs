//! What builtins need from the running frame: `globals()`, `locals()`,
//! and the no-argument forms of `dir()` and `vars()`. Frames belong to the
//! executor, so it registers a [`FrameIntrospection`] (the VM one; native
//! code its own) that answers for the innermost running Python frame.

use std::cell::Cell;

use crate::args;
use crate::error::PyResult;
use crate::Value;

/// The executor's answers about the innermost running frame.
pub struct FrameIntrospection {
    /// The frame's globals dict, or None outside any frame.
    pub globals: fn() -> Option<Value>,
    /// The frame's locals: its namespace at module level and in class
    /// bodies, a fresh snapshot dict in functions; None outside any frame.
    pub locals: fn() -> PyResult<Option<Value>>,
}

thread_local! {
    static HOOK: Cell<Option<&'static FrameIntrospection>> = const { Cell::new(None) };
}

/// Registers the executor's frame introspection for this thread.
pub fn register_frame_introspection(hook: &'static FrameIntrospection) {
    HOOK.with(|h| h.set(Some(hook)));
}

fn no_frame(what: &str) -> crate::error::Raised {
    crate::error::system_error(format!("{what}: no current frame"))
}

/// The globals of the innermost running frame.
pub fn current_globals() -> PyResult {
    HOOK.with(|h| h.get())
        .and_then(|hook| (hook.globals)())
        .ok_or_else(|| no_frame("globals()"))
}

/// The locals of the innermost running frame.
pub fn current_locals() -> PyResult {
    match HOOK.with(|h| h.get()) {
        Some(hook) => (hook.locals)()?.ok_or_else(|| no_frame("locals()")),
        None => Err(no_frame("locals()")),
    }
}

/// `locals()` in a function: a fresh dict of its bound fast locals (those
/// that are not cell variables), then its bound cell and free variables.
/// `deref_names` are the cell variables' names then the free variables',
/// the first `ncellvars` of them cells; `cells` holds the cell objects in
/// that order.
pub fn locals_snapshot(
    varnames: &[Value],
    fast: &[Value],
    deref_names: &[Value],
    ncellvars: usize,
    cells: &[Value],
) -> PyResult {
    let d = crate::types::dict::DictObject::new_value();
    let Some(dict) = <crate::types::dict::DictObject as crate::object::PyPayload>::cast(d) else {
        return Ok(d);
    };
    let cellvars = &deref_names[..ncellvars.min(deref_names.len())];
    for (&name, &v) in varnames.iter().zip(fast) {
        if !v.is_null() && !cellvars.contains(&name) {
            dict.set_item(name, v)?;
        }
    }
    for (&name, &c) in deref_names.iter().zip(cells) {
        if let Some(v) = crate::types::cell::as_cell(c).map(|c| c.contents.get()) {
            if !v.is_null() {
                dict.set_item(name, v)?;
            }
        }
    }
    Ok(d)
}

/// `globals()`.
pub fn globals(a: &[Value], k: Option<Value>) -> PyResult {
    args::exact::<0>("globals", a, k)?;
    current_globals()
}

/// `locals()`.
pub fn locals(a: &[Value], k: Option<Value>) -> PyResult {
    args::exact::<0>("locals", a, k)?;
    current_locals()
}

/// The sorted keys of the current locals (`dir()` without arguments).
pub fn dir_of_locals() -> PyResult {
    let locals = current_locals()?;
    let keys = crate::ops::call::call_method(locals, "keys", &[])?;
    let mut items = crate::ops::iter::collect(keys)?;
    crate::types::list::sort::sort_values(&mut items, Value::NULL, false)?;
    Ok(crate::types::list::new_list(items.into_vec()))
}
