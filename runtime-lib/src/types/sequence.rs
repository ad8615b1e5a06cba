//! Helpers shared by the sequence types (tuple, list, range, str):
//! lexicographic rich comparison, index normalisation, and `repr` of a
//! run of items with the recursion guard.
//!
//! A list's items are read through accessor closures, not borrowed
//! slices, because comparing two items can run Python code that mutates
//! the list; tuples compare their item slices directly.

use crate::error::PyResult;
use crate::object::downcast;
use crate::ops::compare::{eq_without_python, rich_compare, rich_compare_bool};
use crate::ops::CompareOp;
use crate::runtime::recursion::in_comparison;
use crate::types::string::StrObject;
use crate::types::tuple::TupleObject;
use crate::Value;
use std::cmp::Ordering;

/// Compares two sequences item by item, as `tuple`/`list` do.
pub fn compare_sequences(
    a: &dyn Fn(usize) -> Option<Value>,
    b: &dyn Fn(usize) -> Option<Value>,
    len_a: &dyn Fn() -> usize,
    len_b: &dyn Fn() -> usize,
    op: CompareOp,
) -> PyResult {
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && len_a() != len_b() {
        return Ok(Value::from_bool(op == CompareOp::Ne));
    }
    let mut i = 0;
    while let (Some(x), Some(y)) = (a(i), b(i)) {
        if x != y && !rich_compare_bool(x, y, CompareOp::Eq)? {
            return match op {
                CompareOp::Eq => Ok(Value::FALSE),
                CompareOp::Ne => Ok(Value::TRUE),
                _ => rich_compare(x, y, op),
            };
        }
        i += 1;
    }
    Ok(Value::from_bool(op.holds(len_a().cmp(&len_b()))))
}

/// Compares two item slices as tuples do (the first unequal pair decides,
/// then the lengths). For tuples, whose items cannot change while
/// comparisons run Python code. Small ints and strs are compared here
/// without dispatch: sorting by tuple keys spends its time in this loop.
pub fn compare_slices(x: &[Value], y: &[Value], op: CompareOp) -> PyResult {
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && x.len() != y.len() {
        return Ok(Value::from_bool(op == CompareOp::Ne));
    }
    let ordering = !matches!(op, CompareOp::Eq | CompareOp::Ne);
    for (&a, &b) in x.iter().zip(y) {
        if a == b {
            continue;
        }
        if ordering {
            match order_without_python(a, b, 0) {
                Some(Ordering::Equal) => continue,
                Some(o) => return Ok(Value::from_bool(op.holds(o))),
                None => {}
            }
        }
        if items_equal(a, b)? {
            continue;
        }
        return match op {
            CompareOp::Eq => Ok(Value::FALSE),
            CompareOp::Ne => Ok(Value::TRUE),
            _ => compare_items(a, b, op),
        };
    }
    Ok(Value::from_bool(op.holds(x.len().cmp(&y.len()))))
}

/// How many tuples deep [`order_without_python`] looks before leaving the
/// comparison to the guarded general path.
const ORDER_DEPTH: u32 = 8;

/// The order of `a` and `b` when both are small ints, exact strs, floats
/// (not NaN) or exact tuples of these, whose `==` and `<` agree with one
/// total order: one pass decides what `==` and then `<` would (a sort by
/// tuple keys compares each pair once instead of twice). None when any
/// pair needs the general path.
fn order_without_python(a: Value, b: Value, depth: u32) -> Option<Ordering> {
    if a == b {
        return Some(Ordering::Equal);
    }
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Some(x.cmp(&y));
    }
    if let (Some(x), Some(y)) = (a.as_f64(), b.as_f64()) {
        return x.partial_cmp(&y);
    }
    if let (Some(x), Some(y)) = (downcast::<StrObject>(a), downcast::<StrObject>(b)) {
        return Some(crate::types::string::str_order(x, y));
    }
    if depth >= ORDER_DEPTH {
        return None;
    }
    let (x, y) = (downcast::<TupleObject>(a)?, downcast::<TupleObject>(b)?);
    for (&p, &q) in x.items().iter().zip(y.items()) {
        match order_without_python(p, q, depth + 1)? {
            Ordering::Equal => continue,
            o => return Some(o),
        }
    }
    Some(x.len().cmp(&y.len()))
}

/// `a == b` for two different words.
fn items_equal(a: Value, b: Value) -> PyResult<bool> {
    if let Some(eq) = eq_without_python(a, b) {
        return Ok(eq);
    }
    if let (Some(x), Some(y)) = (downcast::<TupleObject>(a), downcast::<TupleObject>(b)) {
        return Ok(
            in_comparison(|| compare_slices(x.items(), y.items(), CompareOp::Eq))? == Value::TRUE,
        );
    }
    rich_compare_bool(a, b, CompareOp::Eq)
}

/// `a <op> b` for an ordering `op`, for pairs [`order_without_python`]
/// left undecided (small ints and strs never reach here).
fn compare_items(a: Value, b: Value, op: CompareOp) -> PyResult {
    if let (Some(x), Some(y)) = (downcast::<TupleObject>(a), downcast::<TupleObject>(b)) {
        return in_comparison(|| compare_slices(x.items(), y.items(), op));
    }
    rich_compare(a, b, op)
}

/// A subscript's index (`__index__` of `key`), or None if `key` is not an
/// integer. An index past the i64 range is IndexError, as CPython's
/// `PyNumber_AsSsize_t(key, PyExc_IndexError)`.
pub fn sequence_index(key: Value) -> PyResult<Option<i64>> {
    match crate::types::int::index_value(key) {
        Err(e) => {
            if crate::error::clear_if(crate::types::registry::types().exc.OverflowError) {
                return Err(crate::error::index_error(
                    "cannot fit 'int' into an index-sized integer",
                ));
            }
            Err(e)
        }
        ok => ok,
    }
}

/// A Python index (negative from the end) into `0..len`, or None.
pub fn normalize_index(i: i64, len: usize) -> Option<usize> {
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    (0..n).contains(&j).then_some(j as usize)
}

/// `open item, item close` with each item's repr; `one_comma` adds the
/// trailing comma of a 1-tuple.
pub fn repr_items(open: &str, close: &str, items: &[Value], one_comma: bool) -> PyResult<String> {
    let mut out = String::from(open);
    for (i, &v) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&crate::ops::object::repr_string(v)?);
    }
    if one_comma && items.len() == 1 {
        out.push(',');
    }
    out.push_str(close);
    Ok(out)
}

/// The `[start, stop)` range of `seq.index(x, start, stop)` over `len`
/// items: absent bounds are the ends, negative ones count from the end,
/// both clamp to the sequence (CPython's `_PyEval_SliceIndexNotNone`).
pub fn index_bounds(
    start: Value,
    stop: Value,
    len: usize,
) -> crate::error::PyResult<(usize, usize)> {
    let n = len as i64;
    let bound = |v: Value, default: i64| -> crate::error::PyResult<i64> {
        if v.is_null() {
            return Ok(default);
        }
        let i = match crate::types::int::index_value(v)? {
            Some(i) => i,
            None => {
                return Err(crate::error::type_error(
                    "slice indices must be integers or have an __index__ method",
                ))
            }
        };
        Ok(if i < 0 { (i + n).max(0) } else { i.min(n) })
    };
    Ok((bound(start, 0)? as usize, bound(stop, n)? as usize))
}
