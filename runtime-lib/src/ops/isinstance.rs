//! `isinstance`/`issubclass` (tuples, `__instancecheck__` and
//! `__subclasscheck__` on metaclasses) and the `except` clause's match.

use crate::error::{type_error, PyResult};
use crate::object::type_of;
use crate::typeobj::{as_type, flags, TypeObject};
use crate::types::tuple::tuple_items;
use crate::Value;

/// `isinstance(obj, cls)` without `__instancecheck__` (also `__class__`).
pub fn recursive_isinstance(obj: Value, cls: &TypeObject) -> PyResult<bool> {
    if type_of(obj).is_subtype(cls) {
        return Ok(true);
    }
    if let Some(c) = crate::ops::attr::getattr_opt(obj, crate::types::string::intern("__class__"))?
    {
        if let Some(ct) = as_type(c) {
            return Ok(ct.is_subtype(cls));
        }
    }
    Ok(false)
}

/// `issubclass(derived, cls)` without `__subclasscheck__`.
pub fn recursive_issubclass(derived: Value, cls: &TypeObject) -> PyResult<bool> {
    match as_type(derived) {
        Some(d) => Ok(d.is_subtype(cls)),
        None => Err(type_error("issubclass() arg 1 must be a class")),
    }
}

fn overrides_check(cls: &TypeObject, name: &str) -> Option<Value> {
    let meta = type_of(cls.as_value());
    if !meta.is_heap_type() {
        return None;
    }
    meta.lookup_str(name)
}

/// `isinstance(obj, cls_or_tuple)`.
pub fn isinstance(obj: Value, cls: Value) -> PyResult<bool> {
    if let Some(t) = as_type(cls) {
        if type_of(obj).is_subtype(t) {
            return Ok(true);
        }
        if let Some(check) = overrides_check(t, "__instancecheck__") {
            let r = crate::typeobj::heap_slots::call_special(check, cls, &[obj])?;
            return crate::ops::object::is_true(r);
        }
        return recursive_isinstance(obj, t);
    }
    if let Some(items) = tuple_items(cls) {
        for &c in items {
            if isinstance(obj, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(check) = type_of(cls).lookup_str("__instancecheck__") {
        // Any object whose type defines `__instancecheck__` (typing's aliases).
        let r = crate::typeobj::heap_slots::call_special(check, cls, &[obj])?;
        return crate::ops::object::is_true(r);
    }
    Err(type_error(
        "isinstance() arg 2 must be a type, a tuple of types, or a union",
    ))
}

/// `issubclass(derived, cls_or_tuple)`.
pub fn issubclass(derived: Value, cls: Value) -> PyResult<bool> {
    if let Some(t) = as_type(cls) {
        if let Some(check) = overrides_check(t, "__subclasscheck__") {
            let r = crate::typeobj::heap_slots::call_special(check, cls, &[derived])?;
            return crate::ops::object::is_true(r);
        }
        return recursive_issubclass(derived, t);
    }
    if let Some(items) = tuple_items(cls) {
        for &c in items {
            if issubclass(derived, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(check) = type_of(cls).lookup_str("__subclasscheck__") {
        let r = crate::typeobj::heap_slots::call_special(check, cls, &[derived])?;
        return crate::ops::object::is_true(r);
    }
    if as_type(derived).is_none() {
        return Err(type_error("issubclass() arg 1 must be a class"));
    }
    Err(type_error(
        "issubclass() arg 2 must be a class, a tuple of classes, or a union",
    ))
}

/// `except cls_or_tuple:` — does the exception `exc` match? Raises
/// TypeError for classes that are not exceptions.
pub fn exception_matches_class(exc: Value, cls: Value) -> PyResult<bool> {
    let check = |c: Value| -> PyResult<&'static TypeObject> {
        match as_type(c) {
            Some(t) if t.has_flag(flags::EXC_SUBCLASS) => Ok(t),
            _ => Err(type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    };
    if let Some(items) = tuple_items(cls) {
        let mut found = false;
        for &c in items {
            found |= type_of(exc).is_subtype(check(c)?);
        }
        return Ok(found);
    }
    Ok(type_of(exc).is_subtype(check(cls)?))
}
