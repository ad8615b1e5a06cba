//! Iteration: `iter()` (with the `__getitem__` sequence fallback),
//! `next()`, collecting an iterable, and the unpacking the executors need
//! for `a, b = x` and `a, *b, c = x`, with CPython's messages.

use crate::error::{type_error, value_error, PyResult};
use crate::gc::RootedVec;
use crate::object::{downcast, type_of};
use crate::types::list::{new_list, ListObject};
use crate::types::registry::types;
use crate::types::tuple::TupleObject;
use crate::Value;

/// `iter(v)`.
pub fn iter(v: Value) -> PyResult {
    let ty = type_of(v);
    if let Some(f) = ty.slots.iter.get() {
        let it = f(v)?;
        if type_of(it).slots.next.get().is_none() {
            return Err(type_error(format!(
                "iter() returned non-iterator of type '{}'",
                type_of(it).name()
            )));
        }
        return Ok(it);
    }
    if ty.slots.getitem.get().is_some() && !ty.is_subtype(types().dict) {
        return Ok(crate::types::iterators::new_seq_iterator(v));
    }
    Err(type_error(format!(
        "'{}' object is not iterable",
        ty.name()
    )))
}

/// `next(it)`: None when exhausted.
pub fn next(it: Value) -> PyResult<Option<Value>> {
    let ty = type_of(it);
    let t = types();
    if std::ptr::eq(ty, t.generator) {
        // The common iterator of `for` loops over calls: resumed inline.
        return crate::types::generator::gen_next(it);
    }
    if std::ptr::eq(ty, t.str_iterator) {
        // `enumerate(text)` and other wrappers of a str's iterator.
        return crate::types::iterators::str_next(it);
    }
    match ty.slots.next.get() {
        Some(f) => f(it),
        None => Err(type_error(format!(
            "'{}' object is not an iterator",
            type_of(it).name()
        ))),
    }
}

/// Every item of an iterable, rooted (the iterator runs Python code while
/// they are gathered, and callers often run more while holding them).
pub fn collect(v: Value) -> PyResult<RootedVec> {
    if let Some(t) = downcast::<TupleObject>(v) {
        return Ok(RootedVec::from_vec(t.items().to_vec()));
    }
    if let Some(l) = downcast::<ListObject>(v) {
        return Ok(RootedVec::from_vec(l.to_vec()));
    }
    let it = iter(v)?;
    let mut out = RootedVec::new();
    while let Some(x) = next(it)? {
        out.push(x);
    }
    Ok(out)
}

fn not_iterable_for_unpack(v: Value) -> crate::error::Raised {
    type_error(format!(
        "cannot unpack non-iterable {} object",
        type_of(v).name()
    ))
}

fn iter_for_unpack(v: Value) -> PyResult {
    let ty = type_of(v);
    if ty.slots.iter.get().is_none() && ty.slots.getitem.get().is_none() {
        return Err(not_iterable_for_unpack(v));
    }
    iter(v)
}

/// `a, b, c = v`: exactly `n` items (for the caller to store at once,
/// before it runs any Python code).
pub fn unpack_sequence(v: Value, n: usize) -> PyResult<Vec<Value>> {
    let mut out = vec![Value::NULL; n];
    unpack_sequence_into(v, &mut out)?;
    Ok(out)
}

/// `FOR_ITER` and then `UNPACK_SEQUENCE out.len()`: the iterator's next
/// item unpacked into `out`, or false when it is exhausted. The items of
/// `enumerate`, `zip` and `dict.items()` iterators are handed over
/// without the tuple they would otherwise make for each step.
pub fn next_unpacked(it: Value, out: &mut [Value]) -> PyResult<bool> {
    if let Ok(pair) = <&mut [Value; 2]>::try_from(&mut *out) {
        // `for i, x in enumerate(...)`, tested first: the common loop.
        if let Some(e) = crate::types::iterators::as_enumerate(it) {
            return crate::types::iterators::enumerate_step(e, pair);
        }
    }
    let ty = type_of(it);
    let t = types();
    if let Ok(pair) = <&mut [Value; 2]>::try_from(&mut *out) {
        if std::ptr::eq(ty, t.dict_itemiterator) {
            if let Some(r) = crate::types::dict::iter::items_next_into(it, pair) {
                return r;
            }
        }
    }
    if std::ptr::eq(ty, t.zip) {
        if let Some(r) = crate::types::iterators::zip_next_into(it, out) {
            return r;
        }
    }
    match next(it)? {
        Some(item) => {
            unpack_sequence_into(item, out)?;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// `unpack_sequence` into `out` (`out.len()` items): a tuple or list of
/// the right length is copied without an intermediate allocation.
pub fn unpack_sequence_into(v: Value, out: &mut [Value]) -> PyResult<()> {
    let n = out.len();
    // Exact tuples and lists only: a subclass may define `__iter__`.
    if let Some(t) = downcast::<TupleObject>(v) {
        return copy_exact(t.items(), out);
    }
    if let Some(l) = downcast::<ListObject>(v) {
        return l.items.with_items(|items| copy_exact(items, out));
    }
    let it = iter_for_unpack(v)?;
    let mut got = RootedVec::with_capacity(n);
    while got.len() < n {
        match next(it)? {
            Some(x) => got.push(x),
            None => {
                return Err(value_error(format!(
                    "not enough values to unpack (expected {n}, got {})",
                    got.len()
                )))
            }
        }
    }
    if next(it)?.is_some() {
        return Err(value_error(format!(
            "too many values to unpack (expected {n})"
        )));
    }
    out.copy_from_slice(&got);
    Ok(())
}

/// The items of a tuple or list into `out`, which they must fill exactly.
fn copy_exact(items: &[Value], out: &mut [Value]) -> PyResult<()> {
    let n = out.len();
    if items.len() == n {
        out.copy_from_slice(items);
        return Ok(());
    }
    if items.len() < n {
        return Err(value_error(format!(
            "not enough values to unpack (expected {n}, got {})",
            items.len()
        )));
    }
    Err(value_error(format!(
        "too many values to unpack (expected {n})"
    )))
}

/// `a, *b, c = v`: `before` items, a list of the middle, `after` items
/// (for the caller to store at once, as `unpack_sequence`).
pub fn unpack_ex(v: Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
    let it = iter_for_unpack(v)?;
    let mut items = RootedVec::new();
    while let Some(x) = next(it)? {
        items.push(x);
    }
    if items.len() < before + after {
        return Err(value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let mut out: Vec<Value> = items[..before].to_vec();
    out.push(new_list(items[before..items.len() - after].to_vec()));
    out.extend_from_slice(&items[items.len() - after..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exceptions::str_of_current;
    use crate::object::PyPayload;

    #[test]
    fn unpacking_messages() {
        let t = crate::types::tuple::new_tuple(&[Value::small_int(1), Value::small_int(2)]);
        assert_eq!(unpack_sequence(t, 2).unwrap().len(), 2);
        assert!(unpack_sequence(t, 3).is_err());
        assert_eq!(
            str_of_current(),
            "not enough values to unpack (expected 3, got 2)"
        );
        assert!(unpack_sequence(t, 1).is_err());
        assert_eq!(str_of_current(), "too many values to unpack (expected 1)");
        assert!(unpack_sequence(Value::small_int(1), 1).is_err());
        assert_eq!(str_of_current(), "cannot unpack non-iterable int object");
        let r = crate::types::range::new_range(0, 5, 1);
        let parts = unpack_ex(r, 1, 1).unwrap();
        assert_eq!(parts.len(), 3);
        assert_eq!(ListObject::cast(parts[1]).unwrap().len(), 3);
        assert!(unpack_ex(t, 2, 1).is_err());
        assert_eq!(
            str_of_current(),
            "not enough values to unpack (expected at least 3, got 2)"
        );
    }
}
