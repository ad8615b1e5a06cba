//! The `gc` and `weakref` modules: the collector's switches and weak
//! references (`types::weakref`).

use crate::args;
use crate::error::PyResult;
use crate::typeobj::builder::builtin_function;
use crate::types::builtin_func::BuiltinFn;
use crate::types::int::int_from_i64;
use crate::types::module::{new_module, ModuleObject};
use crate::types::registry::types;
use crate::types::string::intern;
use crate::Value;

fn module_with(name: &str, functions: &[(&'static str, BuiltinFn)]) -> Value {
    let m = new_module(name);
    if let Some(d) = ModuleObject::cast(m).map(|m| m.dict()) {
        for (fname, f) in functions {
            d.set_str(intern(fname), builtin_function(fname, *f));
        }
    }
    m
}

/// Builds the `gc` module.
pub fn make_gc_module() -> Value {
    module_with(
        "gc",
        &[
            ("collect", collect),
            ("enable", enable),
            ("disable", disable),
            ("isenabled", isenabled),
        ],
    )
}

/// Builds the `weakref` module.
pub fn make_weakref_module() -> Value {
    let m = module_with("weakref", &[]);
    if let Some(d) = ModuleObject::cast(m).map(|m| m.dict()) {
        let ref_type = types().weakref.as_value();
        d.set_str(intern("ref"), ref_type);
        d.set_str(intern("ReferenceType"), ref_type);
    }
    m
}

/// `gc.collect(generation=2)`: the number of objects freed.
fn collect(a: &[Value], k: Option<Value>) -> PyResult {
    args::parse::<1>("collect", a, k, ["generation"], 0)?;
    Ok(int_from_i64(crate::gc::collect() as i64))
}

fn enable(a: &[Value], k: Option<Value>) -> PyResult {
    args::exact::<0>("enable", a, k)?;
    crate::gc::enable();
    Ok(Value::NONE)
}

fn disable(a: &[Value], k: Option<Value>) -> PyResult {
    args::exact::<0>("disable", a, k)?;
    crate::gc::disable();
    Ok(Value::NONE)
}

fn isenabled(a: &[Value], k: Option<Value>) -> PyResult {
    args::exact::<0>("isenabled", a, k)?;
    Ok(Value::from_bool(crate::gc::is_enabled()))
}
