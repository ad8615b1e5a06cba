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
use crate::types::list::sort_prefix::{self, Prefix, Schema};
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
    // The keys travel with their items' positions, so merging reads keys
    // in sequence rather than through an index array. `keys` stays
    // rooted (it is `items` or `computed_keys`) while these copies sort.
    let kind = key_order(keys);
    let sorted: Vec<Value> = match prefix_schema(keys, kind) {
        Some(schema) => {
            let entries = keys.iter().zip(0..).map(|(&key, position)| Prefixed {
                key,
                position,
                prefix: schema.prefix(key),
            });
            sorted_positions(entries.collect(), kind)?
        }
        None => sorted_positions(keys.iter().copied().zip(0..).collect(), kind)?,
    }
    .into_iter()
    .map(|i| items[i])
    .collect();
    *items = sorted;
    if reverse {
        items.reverse();
    }
    Ok(())
}

/// The entries sorted by key, as their items' positions.
fn sorted_positions<E: SortEntry>(mut entries: Vec<E>, kind: KeyOrder) -> PyResult<Vec<usize>> {
    let mut scratch = Vec::with_capacity(entries.len() / 2);
    merge_sort(&mut entries, &mut scratch, kind)?;
    Ok(entries.iter().map(|e| e.position()).collect())
}

/// Keys worth encoding into prefixes: enough of them, and not small ints
/// (already compared in place). None when the first key has no prefix.
fn prefix_schema(keys: &[Value], kind: KeyOrder) -> Option<Schema> {
    if keys.len() < MIN_PREFIXED || matches!(kind, KeyOrder::SmallInts) {
        return None;
    }
    Schema::of(keys[0])
}

/// Shorter lists sort without prefixes.
const MIN_PREFIXED: usize = 16;

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

fn lt(x: Value, y: Value, order: KeyOrder) -> PyResult<bool> {
    match order {
        KeyOrder::SmallInts => Ok(x.as_small_int() < y.as_small_int()),
        KeyOrder::Strs => match (downcast::<StrObject>(x), downcast::<StrObject>(y)) {
            (Some(x), Some(y)) => Ok(crate::types::string::str_order(x, y).is_lt()),
            _ => rich_compare_bool(x, y, CompareOp::Lt),
        },
        KeyOrder::Tuples => match (downcast::<TupleObject>(x), downcast::<TupleObject>(y)) {
            (Some(x), Some(y)) => is_true(compare_slices(x.items(), y.items(), CompareOp::Lt)?),
            _ => rich_compare_bool(x, y, CompareOp::Lt),
        },
        KeyOrder::Any => rich_compare_bool(x, y, CompareOp::Lt),
    }
}

/// What the merge sort moves: a key and the position of its item.
trait SortEntry: Copy {
    /// `self < other` by key.
    fn less(&self, other: &Self, kind: KeyOrder) -> PyResult<bool>;
    fn position(&self) -> usize;
}

impl SortEntry for (Value, usize) {
    #[inline]
    fn less(&self, other: &Self, kind: KeyOrder) -> PyResult<bool> {
        lt(self.0, other.0, kind)
    }

    fn position(&self) -> usize {
        self.1
    }
}

/// An entry with its key's prefix, which decides most comparisons
/// without reading the key.
#[derive(Clone, Copy)]
struct Prefixed {
    key: Value,
    position: usize,
    prefix: Prefix,
}

impl SortEntry for Prefixed {
    #[inline]
    fn less(&self, other: &Self, kind: KeyOrder) -> PyResult<bool> {
        match sort_prefix::order(&self.prefix, &other.prefix) {
            Some(o) => Ok(o.is_lt()),
            None => lt(self.key, other.key, kind),
        }
    }

    fn position(&self) -> usize {
        self.position
    }
}

/// Sorts `v` by key, stably, in CPython's outline: natural runs
/// (strictly descending ones reversed) extended to a minimum length by
/// binary insertion, then merged. A list shorter than 64 is one run plus
/// binary insertion, so its comparisons are exactly CPython's; longer
/// lists merge adjacent runs pairwise (no galloping), skipping merges of
/// runs already in order.
fn merge_sort<E: SortEntry>(v: &mut [E], scratch: &mut Vec<E>, kind: KeyOrder) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let minrun = min_run(n);
    let mut runs = Vec::new();
    let mut lo = 0;
    while lo < n {
        let mut len = count_run(&mut v[lo..], kind)?;
        if len < minrun {
            let force = minrun.min(n - lo);
            binary_sort(&mut v[lo..lo + force], len, kind)?;
            len = force;
        }
        runs.push(lo);
        lo += len;
    }
    runs.push(n);
    // `runs` holds the runs' starts and then the end: merge neighbouring
    // pairs until one run is left.
    while runs.len() > 2 {
        let mut next = Vec::with_capacity(runs.len() / 2 + 1);
        let mut w = 0;
        while w + 1 < runs.len() {
            next.push(runs[w]);
            if w + 2 < runs.len() {
                let (a, mid, b) = (runs[w], runs[w + 1], runs[w + 2]);
                merge(&mut v[a..b], mid - a, scratch, kind)?;
            }
            w += 2;
        }
        next.push(n);
        runs = next;
    }
    Ok(())
}

/// CPython's `merge_compute_minrun`: `n`'s six leading bits, plus one if
/// any lower bit is set (`n` itself below 64).
fn min_run(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// The length of the run at the start of `v`: ascending (non-decreasing),
/// or strictly descending, which is reversed in place.
fn count_run<E: SortEntry>(v: &mut [E], kind: KeyOrder) -> PyResult<usize> {
    let n = v.len();
    if n < 2 {
        return Ok(n);
    }
    let mut k = 2;
    if v[1].less(&v[0], kind)? {
        while k < n && v[k].less(&v[k - 1], kind)? {
            k += 1;
        }
        v[..k].reverse();
    } else {
        while k < n && !v[k].less(&v[k - 1], kind)? {
            k += 1;
        }
    }
    Ok(k)
}

/// Binary insertion of `v[start..]` into the sorted `v[..start]`; an
/// item goes after the items equal to it (stability).
fn binary_sort<E: SortEntry>(v: &mut [E], start: usize, kind: KeyOrder) -> PyResult<()> {
    for i in start.max(1)..v.len() {
        let pivot = v[i];
        let (mut l, mut r) = (0, i);
        while l < r {
            let p = l + (r - l) / 2;
            if pivot.less(&v[p], kind)? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        v.copy_within(l..i, l + 1);
        v[l] = pivot;
    }
    Ok(())
}

/// Merges the sorted `v[..mid]` and `v[mid..]` (`scratch` holds the left
/// run); nothing to do when they are already in order.
fn merge<E: SortEntry>(
    v: &mut [E],
    mid: usize,
    scratch: &mut Vec<E>,
    kind: KeyOrder,
) -> PyResult<()> {
    let n = v.len();
    if !v[mid].less(&v[mid - 1], kind)? {
        return Ok(());
    }
    scratch.clear();
    scratch.extend_from_slice(&v[..mid]);
    // Writing at `k` never passes the unread right run at `j` (k <= j).
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < scratch.len() && j < n {
        // Take from the right only when strictly smaller: stability.
        if v[j].less(&scratch[i], kind)? {
            v[k] = v[j];
            j += 1;
        } else {
            v[k] = scratch[i];
            i += 1;
        }
        k += 1;
    }
    for &x in &scratch[i..] {
        v[k] = x;
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
