//! Builtins about objects and attributes: repr, len, isinstance,
//! issubclass, id, hash, callable, getattr/setattr/hasattr/delattr, vars,
//! format, `__build_class__`.

use crate::args;
use crate::error::{type_error, PyResult};
use crate::object::id_of;
use crate::types::int::{int_from_i64, int_from_usize};
use crate::Value;

pub fn repr(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("repr", a, k)?;
    crate::ops::object::repr(x)
}

/// `ascii(obj)`: the repr with non-ASCII characters escaped.
pub fn ascii(a: &[Value], k: Option<Value>) -> PyResult {
    let [v] = args::exact::<1>("ascii", a, k)?;
    crate::ops::format::ascii(v)
}

pub fn len(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("len", a, k)?;
    len_of(x)
}

/// `len(x)` once the arguments are parsed (also the direct entry).
pub fn len_of(x: Value) -> PyResult {
    Ok(int_from_usize(crate::ops::object::len(x)?))
}

pub fn isinstance(a: &[Value], k: Option<Value>) -> PyResult {
    let [x, cls] = args::exact::<2>("isinstance", a, k)?;
    isinstance_of(x, cls)
}

/// `isinstance(x, cls)` once the arguments are parsed (also the direct
/// entry).
pub fn isinstance_of(x: Value, cls: Value) -> PyResult {
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

fn attr_name(name: Value, _fname: &str) -> PyResult<Value> {
    crate::ops::attr::check_attr_name(name)
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

/// `dir(obj)`: the sorted names of `obj.__dir__()`; `dir()`: the sorted
/// names of the calling scope.
pub fn dir(a: &[Value], k: Option<Value>) -> PyResult {
    let [obj] = args::between("dir", a, k, 0)?;
    if obj.is_null() {
        return crate::runtime::frames::dir_of_locals();
    }
    let names = crate::ops::call::call_method(obj, "__dir__", &[])?;
    let mut items = crate::ops::iter::collect(names)?;
    crate::types::list::sort::sort_values(&mut items, Value::NULL, false)?;
    Ok(crate::types::list::new_list(items.into_vec()))
}

pub fn vars(a: &[Value], k: Option<Value>) -> PyResult {
    let [obj] = args::between("vars", a, k, 0)?;
    if obj.is_null() {
        return crate::runtime::frames::current_locals();
    }
    match crate::ops::attr::getattr_opt(obj, crate::types::string::intern("__dict__"))? {
        Some(d) => Ok(d),
        None => Err(type_error("vars() argument must have __dict__ attribute")),
    }
}

/// `format(value, spec='')`.
pub fn format(a: &[Value], k: Option<Value>) -> PyResult {
    let [v, spec] = args::between("format", a, k, 1)?;
    crate::ops::format::format(v, spec)
}

pub fn build_class(a: &[Value], k: Option<Value>) -> PyResult {
    crate::typeobj::class::build_class(a, k)
}
