//! Test helpers (compiled only for tests): Python functions whose bodies
//! are Rust functions, run through the same `entry` + `bind_arguments`
//! path an executor uses, and classes built with `type(name, bases, ns)`.

use crate::error::PyResult;
use crate::object::downcast;
use crate::ops::call::call;
use crate::types::bind::{bind_arguments, bound_slot_count};
use crate::types::dict::DictObject;
use crate::types::function::{new_function_with_entry, CodeInfo, FunctionObject};
use crate::types::string::{as_str, intern, new_str};
use crate::types::tuple::new_tuple;
use crate::Value;

/// A function body: the bound parameters in order.
pub type Body = fn(&[Value]) -> PyResult;

fn trampoline(func: Value, args: &[Value], kwnames: Option<Value>) -> PyResult {
    let f = downcast::<FunctionObject>(func).expect("a function");
    // Rooted: the body may collect (the bound `*args`/`**kwargs` live only here).
    let mut out = crate::gc::RootedVec::from_vec(vec![Value::NULL; bound_slot_count(f.code_info)]);
    bind_arguments(f, args, kwnames, &mut out)?;
    // SAFETY: `code` was made from a `Body` by `pyfunc`.
    let body: Body = unsafe { std::mem::transmute::<*const (), Body>(f.code) };
    body(&out)
}

/// A Python function `qualname(params…)` running `body`.
pub fn pyfunc(qualname: &str, params: &[&str], body: Body) -> Value {
    let name = qualname.rsplit('.').next().unwrap_or(qualname);
    let info = CodeInfo::new(
        new_str(name),
        new_str(qualname),
        new_str("test.py"),
        1,
        params.len() as u32,
        0,
        0,
        0,
        params.iter().map(|p| intern(p)).collect(),
    );
    let globals = crate::runtime::new_module_globals("__main__");
    new_function_with_entry(
        Box::leak(Box::new(info)),
        body as *const (),
        globals,
        entry_for_tests,
    )
}

fn entry_for_tests(func: Value, args: &[Value], kwnames: Option<Value>) -> PyResult {
    trampoline(func, args, kwnames)
}

/// `type(name, bases, {attrs…})`.
pub fn class(name: &str, bases: &[Value], attrs: &[(&str, Value)]) -> PyResult {
    let ns = DictObject::new_value();
    let d = DictObject::cast_dict(ns).expect("dict");
    d.set_str(intern("__module__"), new_str("__main__"));
    for (k, v) in attrs {
        d.set_str(intern(k), *v);
    }
    let t = crate::types::registry::types().type_.as_value();
    call(t, &[new_str(name), new_tuple(bases), ns], None)
}

/// `str(v)` as a Rust string.
pub fn s(v: Value) -> String {
    crate::ops::object::str_string(v).expect("str()")
}

/// The text of a str value.
pub fn text(v: Value) -> &'static str {
    as_str(v).expect("a str")
}

/// The message of the pending exception (cleared), prefixed by its type.
pub fn err() -> String {
    let e = crate::error::take_exception().expect("an exception");
    format!("{}: {}", crate::object::type_of(e).name(), s(e))
}
