//! Exception objects: `BaseException` and every builtin exception type.
//!
//! An exception is an [`ExceptionObject`]: `args`, the traceback entries
//! added by executors as it propagates (see `traceback`), `__cause__`,
//! `__context__`, `__suppress_context__`, and attribute storage (so user
//! subclasses and extra attributes such as `SystemExit.code` or
//! `StopIteration.value` live there). This module owns the struct,
//! construction and `BaseException`'s behaviour; `hierarchy` declares the
//! builtin types (and their specialised `__init__`/`__str__`), `traceback`
//! prints uncaught exceptions, `tb_object` is the `traceback` type that
//! `__traceback__` returns.

pub mod group;
pub mod hierarchy;
#[cfg(test)]
mod raise_tests;
pub mod special;
pub mod tb_object;
pub mod traceback;

use std::cell::{Cell, RefCell};
use std::mem::offset_of;

use crate::args;
use crate::error::{type_error, PyResult};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, type_of};
use crate::typeobj::{flags, TypeObject};
use crate::types::shape::Attrs;
use crate::types::string::{as_str, intern, new_str, new_string};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::Value;

/// One frame an exception propagated through.
#[derive(Clone, Copy, Debug)]
pub struct TracebackEntry {
    /// The code object's name (`<module>`, `f`).
    pub name: Value,
    pub filename: Value,
    pub line: u32,
}

/// An exception instance.
#[repr(C)]
pub struct ExceptionObject {
    pub header: Header,
    pub attrs: Attrs,
    pub args: Cell<Value>,
    /// In propagation order: the innermost frame first.
    pub traceback: RefCell<Vec<TracebackEntry>>,
    /// NULL when unset.
    pub cause: Cell<Value>,
    pub context: Cell<Value>,
    pub suppress_context: Cell<bool>,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for ExceptionObject {}

pub const EXCEPTION_ATTRS_OFFSET: usize = offset_of!(ExceptionObject, attrs);
pub const EXCEPTION_ARGS_OFFSET: usize = offset_of!(ExceptionObject, args);

/// The exception struct if `v` is an exception instance.
pub fn as_exception(v: Value) -> Option<&'static ExceptionObject> {
    downcast::<ExceptionObject>(v)
}

/// A bare instance of the exception type `ty` with `args` (no `__init__`).
pub fn alloc_exception(ty: &TypeObject, args: Value) -> Value {
    let exc = alloc_value(ExceptionObject {
        header: Header::new(ty),
        attrs: Attrs::new(crate::types::instance::initial_shape(ty)),
        args: Cell::new(args),
        traceback: RefCell::new(Vec::new()),
        cause: Cell::new(Value::NULL),
        context: Cell::new(Value::NULL),
        suppress_context: Cell::new(false),
    });
    if let Some(e) = as_exception(exc) {
        e.attrs.use_inline_storage();
    }
    exc
}

/// `ty(*args)` for a builtin exception type (runs its `__init__`, so
/// `StopIteration.value`, `SystemExit.code`… are set).
pub fn new_exception_args(ty: &'static TypeObject, a: &[Value]) -> Value {
    let v = alloc_exception(ty, new_tuple(a));
    if let Some(init) = ty.slots.init.get() {
        // The builtin initialisers only store attributes; they cannot fail
        // for well-formed arguments.
        let _ = init(v, a, None);
    }
    v
}

/// `ty(msg)`.
pub fn new_exception(ty: &'static TypeObject, msg: &str) -> Value {
    new_exception_args(ty, &[new_str(msg)])
}

/// Stores an extra attribute (`name`, `obj`, `code`…) on an exception.
pub fn set_extra(exc: Value, name: &str, value: Value) {
    if let Some(e) = as_exception(exc) {
        e.attrs.set(intern(name), value);
    }
}

/// Reads an extra attribute of an exception.
pub fn get_extra(exc: Value, name: &str) -> Option<Value> {
    as_exception(exc).and_then(|e| e.attrs.get(intern(name)))
}

/// `str()` of the pending exception, which is cleared (for tests and
/// messages built from a failure).
pub fn str_of_current() -> String {
    match crate::error::take_exception() {
        Some(e) => crate::ops::object::str_string(e).unwrap_or_default(),
        None => String::from("<no exception>"),
    }
}

fn this(v: Value) -> PyResult<&'static ExceptionObject> {
    as_exception(v).ok_or_else(|| crate::error::internal_error("exception slot on a non-exception"))
}

/// `BaseException.__new__`: accepts any positional arguments.
pub fn base_new(cls: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let (pos, _) = args::split(a, k);
    Ok(alloc_exception(cls, new_tuple(pos)))
}

/// `BaseException.__init__`: `self.args = args`; no keyword arguments.
pub fn base_init(v: Value, a: &[Value], k: Option<Value>) -> PyResult<()> {
    if !args::kwnames_slice(k).is_empty() {
        return Err(type_error(format!(
            "{}() takes no keyword arguments",
            type_of(v).name()
        )));
    }
    let (pos, _) = args::split(a, k);
    this(v)?.args.set(new_tuple(pos));
    Ok(())
}

/// The `args` items.
pub fn args_of(v: Value) -> &'static [Value] {
    as_exception(v)
        .and_then(|e| tuple_items(e.args.get()))
        .unwrap_or(&[])
}

/// `BaseException.__str__`.
pub fn base_str(v: Value) -> PyResult {
    let a = args_of(v);
    match a.len() {
        0 => Ok(new_str("")),
        1 => crate::ops::object::str(a[0]),
        _ => crate::ops::object::str(this(v)?.args.get()),
    }
}

/// `BaseException.__repr__`: `ValueError('msg')`.
pub fn base_repr(v: Value) -> PyResult {
    let name = type_of(v).name();
    let a = args_of(v);
    let inner = if a.len() == 1 {
        crate::ops::object::repr_string(a[0])?
    } else {
        let r = crate::ops::object::repr_string(this(v)?.args.get())?;
        // The args tuple's repr without its own parentheses (0 or 2+
        // items, so no trailing comma).
        let r = r.strip_prefix('(').unwrap_or(&r);
        r.strip_suffix(')').unwrap_or(r).to_owned()
    };
    Ok(new_string(format!("{name}({inner})")))
}

fn get_args(v: Value) -> PyResult {
    Ok(this(v)?.args.get())
}

fn set_args(v: Value, x: Value) -> PyResult<()> {
    if x.is_null() {
        return Err(type_error("args may not be deleted"));
    }
    this(v)?.args.set(new_tuple(&crate::ops::iter::collect(x)?));
    Ok(())
}

fn or_none(v: Value) -> Value {
    if v.is_null() {
        Value::NONE
    } else {
        v
    }
}

fn get_cause(v: Value) -> PyResult {
    Ok(or_none(this(v)?.cause.get()))
}

fn check_exc_or_none(x: Value, what: &str) -> PyResult<Value> {
    if x.is_null() || x.is_none() {
        return Ok(Value::NULL);
    }
    if as_exception(x).is_none() {
        return Err(type_error(format!(
            "exception {what} must be None or derive from BaseException"
        )));
    }
    Ok(x)
}

fn set_cause(v: Value, x: Value) -> PyResult<()> {
    let e = this(v)?;
    e.cause.set(check_exc_or_none(x, "cause")?);
    e.suppress_context.set(true);
    Ok(())
}

fn get_context(v: Value) -> PyResult {
    Ok(or_none(this(v)?.context.get()))
}

fn set_context(v: Value, x: Value) -> PyResult<()> {
    this(v)?.context.set(check_exc_or_none(x, "context")?);
    Ok(())
}

fn get_suppress(v: Value) -> PyResult {
    Ok(Value::from_bool(this(v)?.suppress_context.get()))
}

fn set_suppress(v: Value, x: Value) -> PyResult<()> {
    this(v)?
        .suppress_context
        .set(!x.is_null() && crate::ops::object::is_true(x)?);
    Ok(())
}

/// `__traceback__`: a chain of `traceback` objects (see `tb_object`),
/// outermost frame first, or None.
fn get_traceback(v: Value) -> PyResult {
    Ok(tb_object::traceback_chain(&this(v)?.traceback.borrow()))
}

fn set_traceback(v: Value, x: Value) -> PyResult<()> {
    let e = this(v)?;
    let entries = tb_object::traceback_entries(x)?;
    *e.traceback.borrow_mut() = entries;
    Ok(())
}

fn with_traceback(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [tb]) = args::method::<1>("with_traceback", a, k, 1)?;
    set_traceback(s, tb)?;
    Ok(s)
}

fn add_note(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [note]) = args::method::<1>("add_note", a, k, 1)?;
    if as_str(note).is_none() {
        return Err(type_error(format!(
            "note must be a str, not '{}'",
            type_of(note).name()
        )));
    }
    let notes = match get_extra(s, "__notes__") {
        Some(n) => n,
        None => {
            let l = crate::types::list::new_list(Vec::new());
            set_extra(s, "__notes__", l);
            l
        }
    };
    crate::ops::call::call_method(notes, "append", &[note])?;
    Ok(Value::NONE)
}

pub(crate) fn trace_exception(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(e) = as_exception(v) {
        e.attrs.trace(visit);
        visit(e.args.get());
        visit(e.cause.get());
        visit(e.context.get());
        for t in e.traceback.borrow().iter() {
            visit(t.name);
            visit(t.filename);
        }
    }
}

pub(crate) const BASE_GETSETS: &[crate::types::builtin_func::GetSetDef] = {
    use crate::types::builtin_func::GetSetDef as G;
    &[
        G::new("args", get_args, set_args),
        G::new("__cause__", get_cause, set_cause),
        G::new("__context__", get_context, set_context),
        G::new("__suppress_context__", get_suppress, set_suppress),
        G::new("__traceback__", get_traceback, set_traceback),
    ]
};

pub(crate) const BASE_METHODS: &[crate::types::builtin_func::MethodDef] = &[
    crate::types::builtin_func::MethodDef::new("with_traceback", with_traceback),
    crate::types::builtin_func::MethodDef::new("add_note", add_note),
];

/// The flags every builtin exception type has.
pub(crate) const EXC_FLAGS: u64 = flags::BASETYPE | flags::HAS_DICT | flags::EXC_SUBCLASS;

/// `raise exc from cause` (`cause` NULL: no `from`): instantiates classes,
/// checks both derive from BaseException, sets `__cause__` and
/// `__suppress_context__`, and raises. Always returns `Err`.
pub fn raise_value(exc: Value, cause: Value) -> PyResult {
    let exc = instantiate(exc, "exceptions must derive from BaseException")?;
    if !cause.is_null() {
        let e = this(exc)?;
        if cause.is_none() {
            e.cause.set(Value::NULL);
        } else {
            e.cause.set(instantiate(
                cause,
                "exception causes must derive from BaseException",
            )?);
        }
        e.suppress_context.set(true);
    }
    Err(crate::error::raise(exc))
}

/// A bare `raise`: re-raises the exception being handled.
pub fn reraise() -> PyResult {
    let e = crate::error::handled_exception();
    if e.is_null() {
        return Err(crate::error::runtime_error(
            "No active exception to reraise",
        ));
    }
    Err(crate::error::restore(e))
}

fn instantiate(v: Value, msg: &str) -> PyResult {
    if let Some(t) = crate::typeobj::as_type(v) {
        if t.has_flag(flags::EXC_SUBCLASS) {
            let inst = crate::ops::call::call(v, &[], None)?;
            if as_exception(inst).is_none() {
                return Err(type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    crate::ops::object::repr_string(v)?,
                    type_of(inst).name()
                )));
            }
            return Ok(inst);
        }
    }
    if as_exception(v).is_some() {
        return Ok(v);
    }
    Err(type_error(msg))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::registry::types;

    fn s(v: PyResult) -> String {
        as_str(v.unwrap()).unwrap().to_owned()
    }

    #[test]
    fn str_and_repr_like_cpython() {
        let t = &types().exc;
        let e = new_exception(t.ValueError, "bad");
        assert_eq!(s(base_str(e)), "bad");
        assert_eq!(s(base_repr(e)), "ValueError('bad')");
        let empty = new_exception_args(t.ValueError, &[]);
        assert_eq!(s(base_str(empty)), "");
        assert_eq!(s(base_repr(empty)), "ValueError()");
        let two = new_exception_args(t.ValueError, &[Value::small_int(1), Value::small_int(2)]);
        assert_eq!(s(base_str(two)), "(1, 2)");
        assert_eq!(s(base_repr(two)), "ValueError(1, 2)");
        let k = new_exception_args(t.KeyError, &[new_str("a")]);
        assert_eq!(crate::ops::object::str_string(k).unwrap(), "'a'");
        let k2 = new_exception_args(t.KeyError, &[new_str("a"), Value::small_int(1)]);
        assert_eq!(
            crate::ops::object::repr_string(k2).unwrap(),
            "KeyError('a', 1)"
        );
        let stop = new_exception_args(t.StopIteration, &[Value::small_int(5)]);
        assert_eq!(get_extra(stop, "value"), Some(Value::small_int(5)));
        let exit = new_exception_args(t.SystemExit, &[]);
        assert_eq!(get_extra(exit, "code"), Some(Value::NONE));
    }

    #[test]
    fn hierarchy_is_cpythons() {
        let t = &types().exc;
        assert!(t.ZeroDivisionError.is_subtype(t.ArithmeticError));
        assert!(t.KeyError.is_subtype(t.LookupError));
        assert!(t.FileNotFoundError.is_subtype(t.OSError));
        assert!(
            t.ExceptionGroup.is_subtype(t.BaseExceptionGroup)
                && t.ExceptionGroup.is_subtype(t.Exception)
        );
        assert!(!t.SystemExit.is_subtype(t.Exception));
        assert!(t.RecursionError.is_subtype(t.RuntimeError));
    }
}
