//! Attribute access: `getattr`/`setattr`/`delattr` through the type's
//! slots, the generic algorithm (`object.__getattribute__`: data
//! descriptors on the type, then the instance's attributes, then other
//! descriptors and class attributes), and `load_method`, which skips
//! creating a bound method for `obj.meth(...)` calls.

use crate::error::{type_error, PyResult, Raised};
use crate::object::downcast;
use crate::object::type_of;
use crate::typeobj::flags;
use crate::types::builtin_func::MethodDescrObject;
use crate::types::function::FunctionObject;
use crate::types::instance::attrs_of;
use crate::types::registry::types;
use crate::types::string::{as_str, intern};
use crate::Value;

/// Checks that an attribute name is a str.
pub fn check_attr_name(name: Value) -> PyResult<Value> {
    if as_str(name).is_some() {
        Ok(name)
    } else {
        Err(type_error(format!(
            "attribute name must be string, not '{}'",
            type_of(name).name()
        )))
    }
}

/// The AttributeError for a missing attribute.
pub fn no_attribute(obj: Value, name: Value) -> Raised {
    crate::error::attribute_error_no_attr(obj, as_str(name).unwrap_or("?"))
}

/// `obj.name`.
pub fn getattr(obj: Value, name: Value) -> PyResult {
    match type_of(obj).slots.getattro.get() {
        Some(f) => match f(obj, name)? {
            Some(v) => Ok(v),
            None => Err(no_attribute(obj, name)),
        },
        None => Err(no_attribute(obj, name)),
    }
}

/// `obj.name` by a Rust string.
pub fn getattr_str(obj: Value, name: &str) -> PyResult {
    getattr(obj, intern(name))
}

/// `obj.name`, or None if it has no such attribute (AttributeError cleared).
pub fn getattr_opt(obj: Value, name: Value) -> PyResult<Option<Value>> {
    let Some(f) = type_of(obj).slots.getattro.get() else {
        return Ok(None);
    };
    match f(obj, name) {
        Ok(v) => Ok(v),
        Err(e) => {
            if crate::error::clear_if(types().exc.AttributeError) {
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

/// `hasattr(obj, name)`.
pub fn hasattr(obj: Value, name: Value) -> PyResult<bool> {
    Ok(getattr_opt(obj, name)?.is_some())
}

/// `obj.name = value`.
pub fn setattr(obj: Value, name: Value, value: Value) -> PyResult<()> {
    match type_of(obj).slots.setattro.get() {
        Some(f) => f(obj, name, value),
        None => Err(no_attribute(obj, name)),
    }
}

/// `del obj.name`.
pub fn delattr(obj: Value, name: Value) -> PyResult<()> {
    setattr(obj, name, Value::NULL)
}

/// `object.__getattribute__`: None when not found.
pub fn generic_getattr(obj: Value, name: Value) -> PyResult<Option<Value>> {
    let ty = type_of(obj);
    let descr = ty.lookup(name);
    if let Some(d) = descr {
        let dt = type_of(d);
        if dt.slots.descr_set.get().is_some() {
            if let Some(get) = dt.slots.descr_get.get() {
                return get(d, obj, ty.as_value()).map(Some);
            }
        }
    }
    if let Some(attrs) = attrs_of(obj) {
        if let Some(v) = attrs.get(name) {
            return Ok(Some(v));
        }
    }
    if let Some(d) = descr {
        if let Some(get) = type_of(d).slots.descr_get.get() {
            return get(d, obj, ty.as_value()).map(Some);
        }
        return Ok(Some(d));
    }
    Ok(None)
}

/// `object.__setattr__` / `object.__delattr__` (`value` NULL).
pub fn generic_setattr(obj: Value, name: Value, value: Value) -> PyResult<()> {
    check_attr_name(name)?;
    let ty = type_of(obj);
    let descr = ty.lookup(name);
    if let Some(d) = descr {
        if let Some(set) = type_of(d).slots.descr_set.get() {
            return set(d, obj, value);
        }
    }
    if let Some(attrs) = attrs_of(obj) {
        if ty.has_flag(flags::HAS_DICT) || attrs.may_have(name) {
            let ok = if value.is_null() {
                attrs.delete(name)
            } else {
                attrs.set(name, value)
            };
            if ok {
                return Ok(());
            }
            return Err(no_attribute(obj, name));
        }
    }
    if descr.is_some() {
        return Err(crate::error::attribute_error(format!(
            "'{}' object attribute '{}' is read-only",
            ty.name(),
            as_str(name).unwrap_or("")
        )));
    }
    Err(no_attribute(obj, name))
}

/// For `obj.name(args)`: `(function, obj)` when `name` is a plain method
/// found on the type (call it with `obj` prepended), else `(attribute, NULL)`.
pub fn load_method(obj: Value, name: Value) -> PyResult<(Value, Value)> {
    let ty = type_of(obj);
    let generic = ty
        .slots
        .getattro
        .get()
        .is_some_and(|f| std::ptr::fn_addr_eq(f, generic_getattr as crate::typeobj::GetAttrFn));
    if generic {
        if let Some(d) = ty.lookup(name) {
            let is_method = downcast::<FunctionObject>(d).is_some()
                || downcast::<MethodDescrObject>(d).is_some_and(|m| {
                    m.def.kind == crate::types::builtin_func::MethodKind::Instance
                });
            if is_method {
                if let Some(v) = attrs_of(obj).and_then(|a| a.get(name)) {
                    return Ok((v, Value::NULL));
                }
                return Ok((d, obj));
            }
        }
    }
    Ok((getattr(obj, name)?, Value::NULL))
}

/// A special method looked up on the type and bound to `obj` (as CPython's
/// `_PyObject_LookupSpecial`); None if the type lacks it.
pub fn lookup_special(obj: Value, name: &str) -> PyResult<Option<Value>> {
    let ty = type_of(obj);
    let Some(d) = ty.lookup_str(name) else {
        return Ok(None);
    };
    match type_of(d).slots.descr_get.get() {
        Some(get) => get(d, obj, ty.as_value()).map(Some),
        None => Ok(Some(d)),
    }
}
