//! Rich comparison (CPython's `do_richcompare`): the reflected operation
//! first when the right operand's type is a proper subclass, then the left
//! operand's slot, then the reflected one; `==`/`!=` fall back to
//! identity; the others raise "'<' not supported between instances of…".
//! Also `in` (`__contains__`, else iteration).

use crate::error::{type_error, PyResult};
use crate::object::{downcast, type_of};
use crate::ops::CompareOp;
use crate::types::string::StrObject;
use crate::Value;

/// `a <op> b`.
pub fn rich_compare(a: Value, b: Value, op: CompareOp) -> PyResult {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Ok(Value::from_bool(op.holds(x.cmp(&y))));
    }
    if let (Some(x), Some(y)) = (a.as_f64(), b.as_f64()) {
        return Ok(Value::from_bool(match x.partial_cmp(&y) {
            Some(o) => op.holds(o),
            None => op == CompareOp::Ne,
        }));
    }
    if let (Some(x), Some(y)) = (downcast::<StrObject>(a), downcast::<StrObject>(b)) {
        // Two exact strs (`ch < "0"`): their slot's result, without dispatch.
        return Ok(Value::from_bool(
            op.holds(crate::types::string::str_order(x, y)),
        ));
    }
    compare_by_slots(a, b, op)
}

/// `a <op> b` through the types' `richcompare` slots, in CPython's order.
/// Kept out of line so that [`rich_compare`]'s common cases (two small
/// ints, two floats, two exact strs) stay a short leaf function.
#[inline(never)]
fn compare_by_slots(a: Value, b: Value, op: CompareOp) -> PyResult {
    let (ta, tb) = (type_of(a), type_of(b));
    let mut checked_reverse = false;
    if !std::ptr::eq(ta, tb) && tb.is_subtype(ta) {
        if let Some(f) = tb.slots.richcompare.get() {
            checked_reverse = true;
            let r = f(b, a, op.swapped())?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    if let Some(f) = ta.slots.richcompare.get() {
        let r = f(a, b, op)?;
        if r != Value::NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    if !checked_reverse {
        if let Some(f) = tb.slots.richcompare.get() {
            let r = f(b, a, op.swapped())?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    match op {
        CompareOp::Eq => Ok(Value::from_bool(a == b)),
        CompareOp::Ne => Ok(Value::from_bool(a != b)),
        _ => Err(type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            ta.name(),
            tb.name()
        ))),
    }
}

/// `a == b` for two different words (the caller has checked identity),
/// when it can be decided without running Python code: two exact strs,
/// two small ints, two floats or ints as floats, a str and a number.
/// None when `__eq__` must decide. Dicts, sets and tuple comparisons use
/// it before `rich_compare_bool`.
pub fn eq_without_python(a: Value, b: Value) -> Option<bool> {
    if let (Some(x), Some(y)) = (downcast::<StrObject>(a), downcast::<StrObject>(b)) {
        return Some(crate::types::string::str_eq(x, y));
    }
    if a.is_small_int() && b.is_small_int() {
        return Some(false);
    }
    if let (Some(x), Some(y)) = (a.as_f64(), b.as_f64()) {
        return Some(x == y);
    }
    let str_vs_number = |s: Value, n: Value| {
        downcast::<StrObject>(s).is_some() && (n.is_small_int() || n.is_float() || n.is_immediate())
    };
    if str_vs_number(a, b) || str_vs_number(b, a) {
        return Some(false);
    }
    None
}

/// `a <op> b` as a Rust bool (identity implies equality, as CPython's
/// `PyObject_RichCompareBool`).
pub fn rich_compare_bool(a: Value, b: Value, op: CompareOp) -> PyResult<bool> {
    // Unboxed floats have no identity: equal NaN words count as the same object.
    if a == b {
        match op {
            CompareOp::Eq => return Ok(true),
            CompareOp::Ne => return Ok(false),
            _ => {}
        }
    }
    let r = rich_compare(a, b, op)?;
    crate::ops::object::is_true(r)
}

/// `item in container`.
pub fn contains(container: Value, item: Value) -> PyResult<bool> {
    let ty = type_of(container);
    if let Some(f) = ty.slots.contains.get() {
        return f(container, item);
    }
    if ty.slots.iter.get().is_none() && ty.slots.getitem.get().is_none() {
        return Err(type_error(format!(
            "argument of type '{}' is not iterable",
            ty.name()
        )));
    }
    let it = crate::ops::iter::iter(container)?;
    while let Some(x) = crate::ops::iter::next(it)? {
        if x == item || rich_compare_bool(x, item, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::string::new_str;

    #[test]
    fn mixed_comparisons() {
        let i = Value::small_int;
        assert_eq!(
            rich_compare(i(1), Value::from_f64(1.0), CompareOp::Eq).unwrap(),
            Value::TRUE
        );
        assert_eq!(
            rich_compare(Value::from_f64(0.5), i(1), CompareOp::Lt).unwrap(),
            Value::TRUE
        );
        assert_eq!(
            rich_compare(Value::TRUE, i(1), CompareOp::Eq).unwrap(),
            Value::TRUE
        );
        assert_eq!(
            rich_compare(i(1), new_str("a"), CompareOp::Eq).unwrap(),
            Value::FALSE
        );
        assert_eq!(
            rich_compare(i(1), new_str("a"), CompareOp::Ne).unwrap(),
            Value::TRUE
        );
        assert!(rich_compare(i(1), new_str("a"), CompareOp::Lt).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "'<' not supported between instances of 'int' and 'str'"
        );
        let nan = Value::from_f64(f64::NAN);
        assert_eq!(rich_compare(nan, nan, CompareOp::Eq).unwrap(), Value::FALSE);
    }

    #[test]
    fn membership() {
        let l = crate::types::list::new_list(vec![Value::small_int(1), new_str("x")]);
        assert!(contains(l, new_str("x")).unwrap());
        assert!(!contains(l, Value::small_int(2)).unwrap());
        assert!(contains(Value::small_int(1), Value::small_int(1)).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "argument of type 'int' is not iterable"
        );
    }
}
