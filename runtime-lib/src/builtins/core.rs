//! Builtins about objects and attributes: repr, len, isinstance,
//! issubclass, id, hash, callable, getattr/setattr/hasattr/delattr, vars,
//! format, `__build_class__`.

use crate::args;
use crate::error::{type_error, PyResult};
use crate::object::{id_of, type_of};
use crate::types::int::{int_from_i64, int_from_usize};
use crate::types::string::as_str;
use crate::Value;

pub fn repr(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("repr", a, k)?;
    crate::ops::object::repr(x)
}

pub fn len(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("len", a, k)?;
    Ok(int_from_usize(crate::ops::object::len(x)?))
}

pub fn isinstance(a: &[Value], k: Option<Value>) -> PyResult {
    let [x, cls] = args::exact::<2>("isinstance", a, k)?;
    Ok(Value::from_bool(crate::ops::isinstance::isinstance(
        x, cls,
    )?))
}

pub fn issubclass(a: &[Value], k: Option<Value>) -> PyResult {
    let [x, cls] = args::exact::<2>("issubclass", a, k)?;
    Ok(Value::from_bool(crate::ops::isinstance::issubclass(
        x, cls,
    )?))
}

pub fn id(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("id", a, k)?;
    Ok(int_from_i64(id_of(x)))
}

pub fn hash(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("hash", a, k)?;
    Ok(int_from_i64(crate::ops::object::hash(x)?))
}

pub fn callable(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("callable", a, k)?;
    Ok(Value::from_bool(crate::ops::object::callable(x)))
}

fn attr_name(name: Value, fname: &str) -> PyResult<Value> {
    if as_str(name).is_none() {
        return Err(type_error(format!(
            "{fname}(): attribute name must be string"
        )));
    }
    Ok(name)
}

pub fn getattr(a: &[Value], k: Option<Value>) -> PyResult {
    let [obj, name, default] = args::between("getattr", a, k, 2)?;
    let name = attr_name(name, "getattr")?;
    if default.is_null() {
        return crate::ops::attr::getattr(obj, name);
    }
    Ok(crate::ops::attr::getattr_opt(obj, name)?.unwrap_or(default))
}

pub fn setattr(a: &[Value], k: Option<Value>) -> PyResult {
    let [obj, name, value] = args::exact::<3>("setattr", a, k)?;
    crate::ops::attr::setattr(obj, attr_name(name, "setattr")?, value)?;
    Ok(Value::NONE)
}

pub fn hasattr(a: &[Value], k: Option<Value>) -> PyResult {
    let [obj, name] = args::exact::<2>("hasattr", a, k)?;
    Ok(Value::from_bool(crate::ops::attr::hasattr(
        obj,
        attr_name(name, "hasattr")?,
    )?))
}

pub fn delattr(a: &[Value], k: Option<Value>) -> PyResult {
    let [obj, name] = args::exact::<2>("delattr", a, k)?;
    crate::ops::attr::delattr(obj, attr_name(name, "delattr")?)?;
    Ok(Value::NONE)
}

pub fn vars(a: &[Value], k: Option<Value>) -> PyResult {
    let [obj] = args::exact::<1>("vars", a, k)?;
    match crate::ops::attr::getattr_opt(obj, crate::types::string::intern("__dict__"))? {
        Some(d) => Ok(d),
        None => Err(type_error("vars() argument must have __dict__ attribute")),
    }
}

/// `format(value, spec='')`: the mini-language itself is follow-up work;
/// this dispatches to `__format__`.
pub fn format(a: &[Value], k: Option<Value>) -> PyResult {
    let [v, spec] = args::between("format", a, k, 1)?;
    let spec = if spec.is_null() {
        crate::types::string::new_str("")
    } else {
        spec
    };
    if as_str(spec).is_none() {
        return Err(type_error(format!(
            "format() argument 2 must be str, not {}",
            type_of(spec).name()
        )));
    }
    if as_str(spec) == Some("") {
        return crate::ops::object::str(v);
    }
    crate::ops::call::call_method(v, "__format__", &[spec])
}

pub fn build_class(a: &[Value], k: Option<Value>) -> PyResult {
    crate::typeobj::class::build_class(a, k)
}
