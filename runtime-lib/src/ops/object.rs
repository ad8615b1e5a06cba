//! The object protocol: `repr`, `str`, `hash`, truth, `len`, `callable`,
//! and the recursion guard that `repr` of a container uses for `[...]`.

use std::cell::RefCell;

use crate::error::{type_error, PyResult};
use crate::object::downcast;
use crate::object::type_of;
use crate::types::string::{as_str, StrObject};
use crate::Value;

thread_local! {
    static REPR_STACK: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// The collector's roots here: the objects being repr'd.
pub fn trace_roots(visit: &mut dyn FnMut(Value)) {
    REPR_STACK.with(|s| s.borrow().iter().for_each(|&v| visit(v)));
}

/// Marks `v` as being repr'd; false if it already is (print `[...]`).
pub fn repr_enter(v: Value) -> bool {
    REPR_STACK.with(|s| {
        let mut s = s.borrow_mut();
        if s.contains(&v) {
            false
        } else {
            s.push(v);
            true
        }
    })
}

/// Ends the [`repr_enter`] of `v`.
pub fn repr_leave(v: Value) {
    REPR_STACK.with(|s| {
        let mut s = s.borrow_mut();
        if let Some(i) = s.iter().rposition(|&x| x == v) {
            s.remove(i);
        }
    });
}

/// `repr(v)`.
pub fn repr(v: Value) -> PyResult {
    crate::runtime::recursion::enter_recursive_call_for(" while getting the repr of an object")?;
    let r = match type_of(v).slots.repr.get() {
        Some(f) => f(v),
        None => Ok(crate::types::string::new_string(format!(
            "<{} object>",
            type_of(v).name()
        ))),
    };
    crate::runtime::recursion::leave_recursive_call();
    r
}

/// `repr(v)` as a Rust string.
pub fn repr_string(v: Value) -> PyResult<String> {
    let r = repr(v)?;
    Ok(as_str(r).unwrap_or("").to_owned())
}

/// `str(v)`.
pub fn str(v: Value) -> PyResult {
    if downcast::<StrObject>(v).is_some() {
        return Ok(v);
    }
    match type_of(v).slots.str.get() {
        Some(f) => f(v),
        None => repr(v),
    }
}

/// `str(v)` as a Rust string.
pub fn str_string(v: Value) -> PyResult<String> {
    let r = str(v)?;
    Ok(as_str(r).unwrap_or("").to_owned())
}

/// `hash(v)`.
pub fn hash(v: Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(crate::types::int::hash_small_int(i));
    }
    if let Some(s) = downcast::<StrObject>(v) {
        return Ok(s.hash());
    }
    match type_of(v).slots.hash.get() {
        Some(f) => f(v),
        None => Err(crate::error::unhashable(v)),
    }
}

/// The `hash` slot of unhashable types.
pub fn hash_not_implemented(v: Value) -> PyResult<i64> {
    Err(crate::error::unhashable(v))
}

/// `bool(v)`: `__bool__`, then `__len__`, else true.
pub fn is_true(v: Value) -> PyResult<bool> {
    match v {
        Value::TRUE => return Ok(true),
        Value::FALSE | Value::NONE => return Ok(false),
        _ => {}
    }
    if let Some(i) = v.as_small_int() {
        return Ok(i != 0);
    }
    if let Some(f) = v.as_f64() {
        return Ok(f != 0.0);
    }
    let ty = type_of(v);
    if let Some(f) = ty.slots.bool.get() {
        return f(v);
    }
    if let Some(f) = ty.slots.len.get() {
        return Ok(f(v)? > 0);
    }
    Ok(true)
}

/// `not v` as a bool value.
pub fn not(v: Value) -> PyResult {
    Ok(Value::from_bool(!is_true(v)?))
}

/// `len(v)`.
pub fn len(v: Value) -> PyResult<usize> {
    match type_of(v).slots.len.get() {
        Some(f) => f(v),
        None => Err(type_error(format!(
            "object of type '{}' has no len()",
            type_of(v).name()
        ))),
    }
}

/// `callable(v)`.
pub fn callable(v: Value) -> bool {
    type_of(v).slots.call.get().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::string::new_str;

    #[test]
    fn truth_values() {
        assert!(!is_true(Value::small_int(0)).unwrap());
        assert!(is_true(Value::from_f64(0.5)).unwrap());
        assert!(!is_true(new_str("")).unwrap());
        assert!(!is_true(crate::types::list::new_list(vec![])).unwrap());
        assert!(is_true(crate::types::tuple::new_tuple(&[Value::NONE])).unwrap());
    }

    #[test]
    fn hash_and_len_errors() {
        assert_eq!(hash(Value::small_int(-1)).unwrap(), -2);
        assert!(hash(crate::types::list::new_list(vec![])).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "unhashable type: 'list'"
        );
        assert!(len(Value::small_int(1)).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "object of type 'int' has no len()"
        );
        assert_eq!(hash(Value::from_f64(2.0)).unwrap(), 2);
    }
}
