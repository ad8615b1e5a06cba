//! `list.sort(key=None, reverse=False)`: a stable merge sort that uses only
//! `<` and stops at the first failing comparison, as CPython's. The list is
//! emptied while sorting; a list that was modified by a key function or a
//! comparison raises "list modified during sort".
//!
//! Not `slice::sort_by`: a user `__lt__` need not be a total order, and the
//! standard sort may panic on inconsistent comparisons.

use crate::error::{value_error, PyResult};
use crate::gc::RootedVec;
use crate::object::downcast;
use crate::ops::call::call;
use crate::ops::compare::rich_compare_bool;
use crate::ops::object::is_true;
use crate::ops::CompareOp;
use crate::types::list::ListObject;
use crate::types::sequence::compare_slices;
use crate::types::string::StrObject;
use crate::types::tuple::TupleObject;
use crate::Value;

/// Sorts `list` in place.
pub fn sort_list(list: &ListObject, key: Value, reverse: bool) -> PyResult<()> {
    // Out of the list while keys and comparisons run: rooted here.
    let mut items = RootedVec::from_vec(list.to_vec());
    list.items.replace_all(Vec::new());
    let result = sort_values(&mut items, key, reverse);
    let modified = !list.is_empty();
    list.items.replace_all(items.into_vec());
    result?;
    if modified {
        return Err(value_error("list modified during sort"));
    }
    Ok(())
}

/// Sorts `items` (stable; `reverse` keeps equal items in order). Keys
/// and comparisons run Python code: the caller keeps `items` rooted.
pub fn sort_values(items: &mut Vec<Value>, key: Value, reverse: bool) -> PyResult<()> {
    if reverse {
        items.reverse();
    }
    let computed_keys;
    let keys: &[Value] = if key.is_null() || key.is_none() {
        items
    } else {
        computed_keys = key_values(items, key)?;
        &computed_keys
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    merge_sort(&mut order, keys, key_order(keys))?;
    let sorted: Vec<Value> = order.iter().map(|&i| items[i]).collect();
    *items = sorted;
    if reverse {
        items.reverse();
    }
    Ok(())
}

/// `key(item)` for every item.
fn key_values(items: &[Value], key: Value) -> PyResult<RootedVec> {
    let mut keys = RootedVec::with_capacity(items.len());
    for &v in items {
        keys.push(call(key, &[v], None)?);
    }
    Ok(keys)
}

/// How the keys compare. As CPython's sort does, the keys' types are
/// checked once: when all are small ints, strs or tuples (exact types),
/// `<` needs no dispatch through the type's slots per comparison.
#[derive(Clone, Copy)]
enum KeyOrder {
    SmallInts,
    Strs,
    Tuples,
    Any,
}

fn key_order(keys: &[Value]) -> KeyOrder {
    if keys.iter().all(|k| k.is_small_int()) {
        KeyOrder::SmallInts
    } else if keys.iter().all(|&k| downcast::<StrObject>(k).is_some()) {
        KeyOrder::Strs
    } else if keys.iter().all(|&k| downcast::<TupleObject>(k).is_some()) {
        KeyOrder::Tuples
    } else {
        KeyOrder::Any
    }
}

fn lt(keys: &[Value], order: KeyOrder, a: usize, b: usize) -> PyResult<bool> {
    let (x, y) = (keys[a], keys[b]);
    match order {
        KeyOrder::SmallInts => Ok(x.as_small_int() < y.as_small_int()),
        KeyOrder::Strs => match (downcast::<StrObject>(x), downcast::<StrObject>(y)) {
            (Some(x), Some(y)) => Ok(x.as_str() < y.as_str()),
            _ => rich_compare_bool(x, y, CompareOp::Lt),
        },
        KeyOrder::Tuples => match (downcast::<TupleObject>(x), downcast::<TupleObject>(y)) {
            (Some(x), Some(y)) => is_true(compare_slices(x.items(), y.items(), CompareOp::Lt)?),
            _ => rich_compare_bool(x, y, CompareOp::Lt),
        },
        KeyOrder::Any => rich_compare_bool(x, y, CompareOp::Lt),
    }
}

fn merge_sort(order: &mut [usize], keys: &[Value], kind: KeyOrder) -> PyResult<()> {
    let n = order.len();
    if n <= 16 {
        // Binary-free insertion sort: stable, few comparisons for small runs.
        for i in 1..n {
            let mut j = i;
            while j > 0 && lt(keys, kind, order[j], order[j - 1])? {
                order.swap(j, j - 1);
                j -= 1;
            }
        }
        return Ok(());
    }
    let mid = n / 2;
    merge_sort(&mut order[..mid], keys, kind)?;
    merge_sort(&mut order[mid..], keys, kind)?;
    let (left, right) = (order[..mid].to_vec(), order[mid..].to_vec());
    let (mut i, mut j, mut k) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        // Take from the right only when strictly smaller: stability.
        if lt(keys, kind, right[j], left[i])? {
            order[k] = right[j];
            j += 1;
        } else {
            order[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    for &x in &left[i..] {
        order[k] = x;
        k += 1;
    }
    for &x in &right[j..] {
        order[k] = x;
        k += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::tuple::new_tuple;

    #[test]
    fn sort_is_stable_with_key_and_reverse() {
        // Pairs (k, i): sort by k only; equal keys keep their order.
        let pairs: Vec<(i64, i64)> = (0..40).map(|i| ((i * 7) % 5, i)).collect();
        let mut items: Vec<Value> = pairs
            .iter()
            .map(|&(k, i)| new_tuple(&[Value::small_int(k), Value::small_int(i)]))
            .collect();
        let first = crate::types::builtin_func::new_builtin_function(
            "first",
            |a, _| Ok(crate::types::tuple::tuple_items(a[0]).unwrap()[0]),
            Value::NULL,
        );
        sort_values(&mut items, first, false).unwrap();
        let got: Vec<(i64, i64)> = items
            .iter()
            .map(|&t| {
                let it = crate::types::tuple::tuple_items(t).unwrap();
                (it[0].as_small_int().unwrap(), it[1].as_small_int().unwrap())
            })
            .collect();
        let mut want = pairs.clone();
        want.sort_by_key(|p| p.0);
        assert_eq!(got, want);
        sort_values(&mut items, first, true).unwrap();
        let got: Vec<(i64, i64)> = items
            .iter()
            .map(|&t| {
                let it = crate::types::tuple::tuple_items(t).unwrap();
                (it[0].as_small_int().unwrap(), it[1].as_small_int().unwrap())
            })
            .collect();
        let mut want = pairs;
        want.sort_by_key(|p| std::cmp::Reverse(p.0));
        assert_eq!(got, want);
    }

    #[test]
    fn failing_comparison_propagates() {
        let mut items = vec![Value::small_int(1), crate::types::string::new_str("a")];
        assert!(sort_values(&mut items, Value::NULL, false).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "'<' not supported between instances of 'str' and 'int'"
        );
    }
}
