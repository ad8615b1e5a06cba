//! Calls, vectorcall-style: `call(callable, args, kwnames)` where the
//! keyword values follow the positional values in `args` and `kwnames` is
//! a tuple of str. Also the helpers that prepend a `self` without a heap
//! allocation for short argument lists, `call_method`, and `call_ex` for
//! `f(*args, **kwargs)`.

use crate::error::{type_error, PyResult};
use crate::gc::RootedVec;
use crate::object::type_of;
use crate::types::builtin_func::BuiltinFn;
use crate::types::string::{as_str, intern};
use crate::types::tuple::new_tuple;
use crate::Value;

/// `callable(*args, **kw)`.
pub fn call(callable: Value, args: &[Value], kwnames: Option<Value>) -> PyResult {
    match type_of(callable).slots.call.get() {
        Some(f) => f(callable, args, kwnames),
        None => Err(type_error(format!(
            "'{}' object is not callable",
            type_of(callable).name()
        ))),
    }
}

/// `f(a)`.
pub fn call1(f: Value, a: Value) -> PyResult {
    call(f, &[a], None)
}

/// `f(a, b)`.
pub fn call2(f: Value, a: Value, b: Value) -> PyResult {
    call(f, &[a, b], None)
}

fn with_prepended<R>(first: Value, args: &[Value], f: impl FnOnce(&[Value]) -> R) -> R {
    const N: usize = 8;
    if args.len() < N {
        let mut buf = [Value::NULL; N];
        buf[0] = first;
        buf[1..=args.len()].copy_from_slice(args);
        f(&buf[..=args.len()])
    } else {
        let mut v = RootedVec::with_capacity(args.len() + 1);
        v.push(first);
        v.extend_from_slice(args);
        f(&v)
    }
}

/// `callable(self_, *args, **kw)`.
pub fn call_prepending(
    callable: Value,
    self_: Value,
    args: &[Value],
    kwnames: Option<Value>,
) -> PyResult {
    with_prepended(self_, args, |all| call(callable, all, kwnames))
}

/// Calls a Rust builtin with `self_` as `args[0]`.
pub fn call_with_self(
    f: BuiltinFn,
    self_: Value,
    args: &[Value],
    kwnames: Option<Value>,
) -> PyResult {
    with_prepended(self_, args, |all| f(all, kwnames))
}

/// `obj.name(*args)`.
pub fn call_method(obj: Value, name: &str, args: &[Value]) -> PyResult {
    let (f, self_) = crate::ops::attr::load_method(obj, intern(name))?;
    if self_.is_null() {
        call(f, args, None)
    } else {
        call_prepending(f, self_, args, None)
    }
}

/// `f(*star, **dstar)`: `star` any iterable, `dstar` a mapping or NULL.
pub fn call_ex(f: Value, star: Value, dstar: Value) -> PyResult {
    let no_kwargs = dstar.is_null() || dstar.is_none();
    if let (Some(items), true) = (crate::types::tuple::tuple_items(star), no_kwargs) {
        return call(f, items, None);
    }
    if type_of(star).slots.iter.get().is_none() && type_of(star).slots.getitem.get().is_none() {
        return Err(type_error(format!(
            "{} argument after * must be an iterable, not {}",
            callable_name(f),
            type_of(star).name()
        )));
    }
    let mut args = crate::ops::iter::collect(star)?;
    if no_kwargs {
        return call(f, &args, None);
    }
    let Some(items) = crate::ops::build::mapping_items(dstar)? else {
        return Err(type_error(format!(
            "{} argument after ** must be a mapping, not {}",
            callable_name(f),
            type_of(dstar).name()
        )));
    };
    let mut names = Vec::with_capacity(items.len() / 2);
    for kv in items.chunks_exact(2) {
        if as_str(kv[0]).is_none() {
            return Err(type_error(format!(
                "{} keywords must be strings",
                callable_name(f)
            )));
        }
        names.push(kv[0]);
        args.push(kv[1]);
    }
    let kwnames = (!names.is_empty()).then(|| new_tuple(&names));
    call(f, &args, kwnames)
}

/// How CPython names a callable in argument errors (`_PyObject_FunctionStr`):
/// `mod.qualname()` (without the module for builtins), else `T object`.
pub fn callable_name(f: Value) -> String {
    let q = crate::ops::attr::getattr_opt(f, intern("__qualname__"))
        .ok()
        .flatten()
        .and_then(as_str);
    let Some(q) = q else {
        crate::error::clear_exception();
        return format!("{} object", type_of(f).name());
    };
    let module = crate::ops::attr::getattr_opt(f, intern("__module__"))
        .ok()
        .flatten()
        .and_then(as_str);
    crate::error::clear_exception();
    match module {
        Some(m) if m != "builtins" => format!("{m}.{q}()"),
        _ => format!("{q}()"),
    }
}
