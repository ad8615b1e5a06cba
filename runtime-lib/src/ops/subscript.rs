//! Subscription: `v[k]`, `v[k] = x`, `del v[k]`, including
//! `Class[...]` through `__class_getitem__`, and building slices (the
//! builtin sequences are sliced from the bounds, without a slice object).

use crate::error::{type_error, PyResult};
use crate::object::{downcast, type_of};
use crate::types::list::{self, ListObject};
use crate::types::slice::SliceBounds;
use crate::types::string::{self, StrObject};
use crate::types::tuple::{self, TupleObject};
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
    bounds(start, stop, step).to_object()
}

/// A slice's bounds from `BUILD_SLICE`'s operands (null: absent).
fn bounds(start: Value, stop: Value, step: Value) -> SliceBounds {
    let none = |v: Value| if v.is_null() { Value::NONE } else { v };
    SliceBounds {
        start: none(start),
        stop: none(stop),
        step: none(step),
    }
}

/// `v[start:stop:step]` (`BUILD_SLICE` then `BINARY_SUBSCR`): lists,
/// tuples and strs (exact types) are sliced without a slice object.
pub fn getitem_slice(v: Value, start: Value, stop: Value, step: Value) -> PyResult {
    let b = bounds(start, stop, step);
    if let Some(l) = downcast::<ListObject>(v) {
        return Ok(list::slice_of(l, b.indices(l.len())?));
    }
    if let Some(t) = downcast::<TupleObject>(v) {
        return Ok(tuple::slice_of(t, b.indices(t.len)?));
    }
    if let Some(s) = downcast::<StrObject>(v) {
        return Ok(string::slice_str(s, &b.indices(s.char_len)?));
    }
    getitem(v, b.to_object())
}

/// `v[start:stop:step] = value`, or `del v[start:stop:step]` when `value`
/// is null: exact lists without a slice object.
pub fn setitem_slice(
    v: Value,
    start: Value,
    stop: Value,
    step: Value,
    value: Value,
) -> PyResult<()> {
    let b = bounds(start, stop, step);
    if let Some(l) = downcast::<ListObject>(v) {
        return list::set_slice(l, b.indices(l.len())?, value);
    }
    if value.is_null() {
        delitem(v, b.to_object())
    } else {
        setitem(v, b.to_object(), value)
    }
}
