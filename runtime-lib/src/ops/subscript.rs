//! Subscription: `v[k]`, `v[k] = x`, `del v[k]`, including
//! `Class[...]` through `__class_getitem__`, and building slices.

use crate::error::{type_error, PyResult};
use crate::object::type_of;
use crate::Value;

/// `v[key]`.
pub fn getitem(v: Value, key: Value) -> PyResult {
    let ty = type_of(v);
    if let Some(f) = ty.slots.getitem.get() {
        return f(v, key);
    }
    if let Some(t) = crate::typeobj::as_type(v) {
        if let Some(cg) = t.lookup_str("__class_getitem__") {
            let f = match type_of(cg).slots.descr_get.get() {
                Some(get) => get(cg, Value::NULL, v)?,
                None => cg,
            };
            return crate::ops::call::call(f, &[key], None);
        }
        return Err(type_error(format!(
            "type '{}' is not subscriptable",
            t.name()
        )));
    }
    Err(type_error(format!(
        "'{}' object is not subscriptable",
        ty.name()
    )))
}

/// `v[key] = value`.
pub fn setitem(v: Value, key: Value, value: Value) -> PyResult<()> {
    match type_of(v).slots.setitem.get() {
        Some(f) => f(v, key, value),
        None => Err(type_error(format!(
            "'{}' object does not support item assignment",
            type_of(v).name()
        ))),
    }
}

/// `del v[key]`.
pub fn delitem(v: Value, key: Value) -> PyResult<()> {
    match type_of(v).slots.setitem.get() {
        Some(f) => f(v, key, Value::NULL),
        None => Err(type_error(format!(
            "'{}' object doesn't support item deletion",
            type_of(v).name()
        ))),
    }
}

/// `start:stop:step` (absent parts None).
pub fn build_slice(start: Value, stop: Value, step: Value) -> Value {
    let none = |v: Value| if v.is_null() { Value::NONE } else { v };
    crate::types::slice::new_slice(none(start), none(stop), none(step))
}
