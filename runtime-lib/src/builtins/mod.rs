//! The `builtins` module: one table of functions (one line each), the
//! builtin types, the exception types and the constants.
//!
//! Adding a builtin function: write it (a `BuiltinFn`) in the submodule
//! for its area — `core` (objects and attributes), `numeric`, `iteration`,
//! `print` — and add one line to [`FUNCTIONS`].

pub mod core;
pub mod direct;
pub mod iteration;
pub mod numeric;
pub mod print;
#[cfg(test)]
mod tests;

use crate::typeobj::builder::builtin_function;
use crate::types::builtin_func::BuiltinFn;
use crate::types::module::{new_module, ModuleObject};
use crate::types::registry::types;
use crate::types::string::intern;
use crate::Value;

/// Every builtin function.
pub const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("print", print::print),
    ("repr", core::repr),
    ("ascii", core::ascii),
    ("len", core::len),
    ("isinstance", core::isinstance),
    ("issubclass", core::issubclass),
    ("id", core::id),
    ("hash", core::hash),
    ("callable", core::callable),
    ("getattr", core::getattr),
    ("setattr", core::setattr),
    ("hasattr", core::hasattr),
    ("delattr", core::delattr),
    ("vars", core::vars),
    ("dir", core::dir),
    ("globals", crate::runtime::frames::globals),
    ("locals", crate::runtime::frames::locals),
    ("input", crate::runtime::stdin::input),
    ("open", crate::runtime::io::open),
    ("format", core::format),
    ("__build_class__", core::build_class),
    ("abs", numeric::abs),
    ("divmod", numeric::divmod),
    ("pow", numeric::pow),
    ("round", numeric::round),
    ("chr", numeric::chr),
    ("ord", numeric::ord),
    ("bin", numeric::bin),
    ("oct", numeric::oct),
    ("hex", numeric::hex),
    ("iter", iteration::iter),
    ("next", iteration::next),
    ("min", iteration::min),
    ("max", iteration::max),
    ("sum", iteration::sum),
    ("any", iteration::any),
    ("all", iteration::all),
    ("sorted", iteration::sorted),
];

/// Builds this thread's `builtins` module.
pub(crate) fn make_builtins_module() -> Value {
    let m = new_module("builtins");
    let Some(d) = ModuleObject::cast(m).map(|m| m.dict()) else {
        return m;
    };
    let set = |k: &str, v: Value| d.set_str(intern(k), v);
    for (name, f) in FUNCTIONS {
        set(name, builtin_function(name, *f));
    }
    let t = types();
    for ty in [
        t.object,
        t.type_,
        t.int,
        t.bool,
        t.float,
        t.complex,
        t.str,
        t.bytes,
        t.bytearray,
        t.tuple,
        t.list,
        t.dict,
        t.set,
        t.frozenset,
        t.range,
        t.slice,
        t.enumerate,
        t.zip,
        t.map,
        t.filter,
        t.reversed,
        t.super_,
        t.staticmethod,
        t.classmethod,
        t.property,
    ] {
        set(ty.name(), ty.as_value());
    }
    for ty in t.exc.all() {
        if std::ptr::eq(ty, t.exc.UnsupportedOperation) {
            continue; // io.UnsupportedOperation
        }
        set(ty.name(), ty.as_value());
    }
    for (alias, target) in crate::exceptions::hierarchy::ALIASES {
        if let Some(v) = d.get_str(intern(target)) {
            set(alias, v);
        }
    }
    set("None", Value::NONE);
    set("True", Value::TRUE);
    set("False", Value::FALSE);
    set("Ellipsis", Value::ELLIPSIS);
    set("NotImplemented", Value::NOT_IMPLEMENTED);
    set("__debug__", Value::TRUE);
    m
}

/// A builtin by name (None if there is no such builtin).
pub fn lookup_builtin(name: &str) -> Option<Value> {
    crate::runtime::builtins_dict().get_str(intern(name))
}
