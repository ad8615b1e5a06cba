//! What the frame-level instructions compute, for both executors: name
//! stores and deletes in namespaces, the errors of unbound locals and
//! cells, `LOAD_CLASSDEREF`'s namespace probe, `PUSH_EXC_INFO`,
//! `MAKE_FUNCTION`'s function object, and zero-argument `super()`. The
//! executor owns the frame; these functions get the pieces they need.

use crate::error::{self, name_error, unbound_local_error, PyResult, Raised};
use crate::object::{type_of, PyPayload};
use crate::ops;
use crate::types::dict::DictObject;
use crate::types::function::{new_function_with_entry, CodeInfo, FunctionEntry, FunctionObject};
use crate::types::registry::types;
use crate::types::string::as_str;
use crate::types::tuple::tuple_items;
use crate::Value;

/// `STORE_NAME`/`STORE_GLOBAL`: `ns[name] = v` (a plain dict directly).
pub fn store_name(ns: Value, name: Value, v: Value) -> PyResult<()> {
    match DictObject::cast(ns) {
        Some(d) if std::ptr::eq(type_of(ns), types().dict) => d.set_item(name, v),
        _ => ops::subscript::setitem(ns, name, v),
    }
}

/// `DELETE_NAME`/`DELETE_GLOBAL`: `del ns[name]`, NameError if absent.
pub fn delete_name(ns: Value, name: Value) -> PyResult<()> {
    if let Err(e) = ops::subscript::delitem(ns, name) {
        if error::clear_if(types().exc.KeyError) {
            return Err(name_error(as_str(name).unwrap_or("?")));
        }
        return Err(e);
    }
    Ok(())
}

/// The error of reading the unbound local `name`.
pub fn unbound_local(name: &str) -> Raised {
    unbound_local_error(format!(
        "cannot access local variable '{name}' where it is not associated with a value"
    ))
}

/// CPython's `format_exc_unbound`: a cell variable (`is_cellvar`) is a
/// local, a free variable belongs to an enclosing scope.
pub fn unbound_deref(name: &str, is_cellvar: bool) -> Raised {
    if is_cellvar {
        unbound_local(name)
    } else {
        error::raise_new(
            types().exc.NameError,
            &format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            ),
        )
    }
}

/// `LOAD_CLASSDEREF`'s first step: `name` in the class namespace `ns`, or
/// None (then the cell is read).
pub fn class_namespace_lookup(ns: Value, name: Value) -> PyResult<Option<Value>> {
    match DictObject::cast(ns) {
        Some(d) => d.get_item(name),
        None => match ops::subscript::getitem(ns, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                if !error::clear_if(types().exc.KeyError) {
                    return Err(e);
                }
                Ok(None)
            }
        },
    }
}

/// `PUSH_EXC_INFO`: makes `exc` the handled exception and returns the one
/// it replaces (None if there was none).
pub fn push_exc_info(exc: Value) -> Value {
    let previous = error::handled_exception();
    error::push_handled_exception(exc);
    if previous.is_null() {
        Value::NONE
    } else {
        previous
    }
}

/// `SETUP_ANNOTATIONS`: an empty `__annotations__` dict in `ns` unless
/// there is one.
pub fn setup_annotations(ns: Value) -> PyResult<()> {
    let key = crate::types::string::intern("__annotations__");
    if !ops::compare::contains(ns, key)? {
        store_name(ns, key, DictObject::new_value())?;
    }
    Ok(())
}

/// The optional parts of `MAKE_FUNCTION` (each absent one is None).
pub struct FunctionParts {
    pub defaults: Option<Value>,
    pub kwdefaults: Option<Value>,
    pub closure: Option<Value>,
    /// 3.11's flat tuple of (name, value) pairs.
    pub annotations: Option<Value>,
    /// The code's first constant (the docstring when it is a str).
    pub first_constant: Option<Value>,
}

/// `MAKE_FUNCTION`: a function for the executor's `code` with `entry`.
pub fn make_function(
    info: &'static CodeInfo,
    code: *const (),
    globals: Value,
    entry: FunctionEntry,
    parts: FunctionParts,
) -> PyResult {
    let f = new_function_with_entry(info, code, globals, entry);
    let Some(func) = FunctionObject::cast(f) else {
        return Err(error::internal_error("new function is not a function"));
    };
    if let Some(d) = parts.defaults {
        func.defaults.set(d);
    }
    if let Some(k) = parts.kwdefaults {
        func.kwdefaults.set(k);
    }
    if let Some(c) = parts.closure {
        func.closure.set(c);
    }
    if let Some(a) = parts.annotations {
        func.annotations.set(annotation_dict(a)?);
    }
    if let Some(doc) = parts.first_constant {
        if as_str(doc).is_some() {
            func.doc.set(doc);
        }
    }
    Ok(f)
}

/// 3.11 passes annotations as a flat tuple of (name, value) pairs.
fn annotation_dict(a: Value) -> PyResult {
    let Some(items) = tuple_items(a) else {
        return Ok(a);
    };
    let d = DictObject::new_value();
    if let Some(dict) = DictObject::cast(d) {
        for pair in items.chunks_exact(2) {
            dict.set_item(pair[0], pair[1])?;
        }
    }
    Ok(d)
}

/// A call with no arguments: `super()` finds its class in the method's
/// `__class__` cell and its instance in the first argument (both may be
/// NULL); anything else is an ordinary call.
pub fn call_no_args(callable: Value, class_cell: Value, first_arg: Value) -> PyResult {
    if callable == types().super_.as_value() {
        crate::types::super_::zero_arg_super(class_cell, first_arg)
    } else {
        ops::call::call(callable, &[], None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::string::intern;

    #[test]
    fn names_store_and_delete_with_cpython_errors() {
        let ns = DictObject::new_value();
        let x = intern("x");
        store_name(ns, x, Value::small_int(1)).unwrap();
        assert_eq!(
            DictObject::cast(ns).unwrap().get_item(x).unwrap(),
            Some(Value::small_int(1))
        );
        delete_name(ns, x).unwrap();
        assert!(delete_name(ns, x).is_err());
        let exc = error::take_exception().unwrap();
        assert!(std::ptr::eq(type_of(exc), types().exc.NameError));
        assert_eq!(class_namespace_lookup(ns, x).unwrap(), None);
    }

    #[test]
    fn push_exc_info_returns_the_previous_handled_exception() {
        let exc = crate::exceptions::new_exception(types().exc.ValueError, "v");
        assert_eq!(push_exc_info(exc), Value::NONE);
        let inner = crate::exceptions::new_exception(types().exc.KeyError, "k");
        assert_eq!(push_exc_info(inner), exc);
        error::pop_handled_exception();
        error::pop_handled_exception();
    }
}
