//! The error convention: `PyResult`, the thread's current-exception slot,
//! the stack of exceptions being handled, and constructors for the
//! exceptions the runtime raises itself (with CPython's messages).
//!
//! A runtime function that fails stores the exception in the thread's
//! current-exception slot and returns `Err(Raised)`; `Raised` carries no
//! data, so `PyResult<Value>` is one word plus a tag and `?` propagates for
//! free. The extern "C" layer (`abi`) turns `Err(Raised)` into
//! [`Value::ERROR`]. Executors also keep the stack of exceptions currently
//! being handled (the `except` blocks that are running) here, because
//! `raise` needs it to set `__context__` and `sys.exc_info()` reads it.

use std::cell::{Cell, RefCell};

use crate::exceptions;
use crate::object::type_of;
use crate::typeobj::TypeObject;
use crate::types::registry::types;
use crate::Value;

/// "An exception is pending in the thread's current-exception slot."
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use = "a raised exception must be propagated or cleared"]
pub struct Raised;

/// The result of every fallible runtime function.
pub type PyResult<T = Value> = Result<T, Raised>;

thread_local! {
    static CURRENT: Cell<Value> = const { Cell::new(Value::NULL) };
    static HANDLED: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// Raises `exc` (an exception instance): sets its `__context__` to the
/// exception being handled, if any (breaking cycles as CPython does), and
/// stores it in the current-exception slot.
/// The collector's roots here: the current exception and the handled ones.
pub fn trace_roots(visit: &mut dyn FnMut(Value)) {
    visit(CURRENT.with(|c| c.get()));
    HANDLED.with(|h| h.borrow().iter().for_each(|&v| visit(v)));
}

pub fn raise(exc: Value) -> Raised {
    let handled = handled_exception();
    if !handled.is_null() && handled != exc {
        if let (Some(new), Some(_)) = (
            exceptions::as_exception(exc),
            exceptions::as_exception(handled),
        ) {
            // Break a cycle: if `exc` is already in `handled`'s context chain, cut it there.
            let mut o = handled;
            while let Some(e) = exceptions::as_exception(o) {
                let ctx = e.context.get();
                if ctx == exc {
                    e.context.set(Value::NULL);
                    break;
                }
                o = ctx;
            }
            new.context.set(handled);
        }
    }
    CURRENT.with(|c| c.set(exc));
    Raised
}

/// Stores `exc` in the current-exception slot without touching its context
/// (re-raising an exception that already propagated, e.g. a bare `raise`).
pub fn restore(exc: Value) -> Raised {
    CURRENT.with(|c| c.set(exc));
    Raised
}

/// The pending exception, if any.
pub fn current_exception() -> Option<Value> {
    let v = CURRENT.with(|c| c.get());
    (!v.is_null()).then_some(v)
}

/// Takes the pending exception out of the slot (the executor's `except`).
pub fn take_exception() -> Option<Value> {
    let v = CURRENT.with(|c| c.replace(Value::NULL));
    (!v.is_null()).then_some(v)
}

/// Clears the pending exception.
pub fn clear_exception() {
    CURRENT.with(|c| c.set(Value::NULL));
}

/// True when an exception is pending and is an instance of `ty`.
pub fn exception_matches(ty: &TypeObject) -> bool {
    current_exception().is_some_and(|e| type_of(e).is_subtype(ty))
}

/// Clears the pending exception if it is an instance of `ty`; true if it was.
pub fn clear_if(ty: &TypeObject) -> bool {
    if exception_matches(ty) {
        clear_exception();
        true
    } else {
        false
    }
}

/// Entering an `except`/`finally` handler: `exc` becomes the handled
/// exception (`sys.exc_info()`, the `__context__` of new exceptions).
pub fn push_handled_exception(exc: Value) {
    HANDLED.with(|h| h.borrow_mut().push(exc));
}

/// Leaving the handler entered by the matching [`push_handled_exception`].
pub fn pop_handled_exception() {
    HANDLED.with(|h| {
        h.borrow_mut().pop();
    });
}

/// Leaves the innermost handler and returns its exception (NULL if none
/// was being handled). A generator that suspends inside an `except` block
/// takes its handled exceptions with this and pushes them back when it
/// resumes.
pub fn take_handled_exception() -> Value {
    HANDLED.with(|h| h.borrow_mut().pop().unwrap_or(Value::NULL))
}

/// A suspending generator's `count` innermost handled exceptions, taken
/// off the stack (outermost first), for [`restore_handled`] on resumption.
pub fn save_handled(count: usize) -> Vec<Value> {
    if count == 0 {
        // Nearly every generator yields outside `except`.
        return Vec::new();
    }
    let mut saved: Vec<Value> = (0..count).map(|_| take_handled_exception()).collect();
    saved.reverse();
    saved
}

/// Pushes back the handled exceptions [`save_handled`] took, emptying `saved`.
pub fn restore_handled(saved: &mut Vec<Value>) {
    for exc in saved.drain(..) {
        push_handled_exception(exc);
    }
}

/// The innermost exception being handled, or `Value::NULL`.
pub fn handled_exception() -> Value {
    HANDLED.with(|h| {
        h.borrow()
            .iter()
            .rev()
            .find(|v| !v.is_none() && !v.is_null())
            .copied()
            .unwrap_or(Value::NULL)
    })
}

/// Raises a new instance of `ty` with `msg` as its only argument.
pub fn raise_new(ty: &'static TypeObject, msg: &str) -> Raised {
    raise(exceptions::new_exception(ty, msg))
}

macro_rules! error_ctors {
    ($($(#[$m:meta])* $fname:ident => $field:ident;)*) => {$(
        $(#[$m])*
        pub fn $fname(msg: impl AsRef<str>) -> Raised {
            raise_new(types().exc.$field, msg.as_ref())
        }
    )*};
}

error_ctors! {
    /// `TypeError(msg)`.
    type_error => TypeError;
    /// `ValueError(msg)`.
    value_error => ValueError;
    /// `IndexError(msg)`.
    index_error => IndexError;
    /// `OverflowError(msg)`.
    overflow_error => OverflowError;
    /// `ZeroDivisionError(msg)`.
    zero_division => ZeroDivisionError;
    /// `RuntimeError(msg)`.
    runtime_error => RuntimeError;
    /// `SystemError(msg)`: a broken runtime invariant, never the user's fault.
    system_error => SystemError;
    /// `RecursionError(msg)`.
    recursion_error => RecursionError;
    /// `AttributeError(msg)`.
    attribute_error => AttributeError;
    /// `NotImplementedError(msg)`.
    not_implemented_error => NotImplementedError;
    /// `UnboundLocalError(msg)`.
    unbound_local_error => UnboundLocalError;
    /// `AssertionError(msg)`.
    assertion_error => AssertionError;
}

/// `NameError: name 'x' is not defined`, with the `name` attribute set.
pub fn name_error(name: &str) -> Raised {
    let exc = exceptions::new_exception(
        types().exc.NameError,
        &format!("name '{name}' is not defined"),
    );
    exceptions::set_extra(exc, "name", crate::types::string::new_str(name));
    raise(exc)
}

/// `AttributeError: 'int' object has no attribute 'foo'` (CPython's wording
/// for instances, types and modules).
pub fn attribute_error_no_attr(obj: Value, name: &str) -> Raised {
    let ty = type_of(obj);
    let msg = if let Some(t) = crate::typeobj::as_type(obj) {
        format!("type object '{}' has no attribute '{name}'", t.name())
    } else if let Some(m) = crate::types::module::ModuleObject::cast(obj) {
        format!("module '{}' has no attribute '{name}'", m.name())
    } else {
        format!("'{}' object has no attribute '{name}'", ty.name())
    };
    let exc = exceptions::new_exception(types().exc.AttributeError, &msg);
    exceptions::set_extra(exc, "name", crate::types::string::new_str(name));
    exceptions::set_extra(exc, "obj", obj);
    raise(exc)
}

/// `KeyError(key)`: its str is the key's repr.
pub fn key_error(key: Value) -> Raised {
    let exc = exceptions::new_exception_args(types().exc.KeyError, &[key]);
    raise(exc)
}

/// `StopIteration(value)` (`value` NULL or None: no argument).
pub fn stop_iteration(value: Value) -> Raised {
    let args: &[Value] = if value.is_null() || value.is_none() {
        &[]
    } else {
        &[value]
    };
    raise(exceptions::new_exception_args(
        types().exc.StopIteration,
        args,
    ))
}

/// `TypeError: unhashable type: 'list'`.
pub fn unhashable(v: Value) -> Raised {
    type_error(format!("unhashable type: '{}'", type_of(v).name()))
}

/// A broken runtime invariant: raised as SystemError naming the place.
pub fn internal_error(what: &str) -> Raised {
    system_error(format!("krait runtime bug: {what}"))
}
