//! `tuple`: an immutable array of values stored inline after the header.
//!
//! Hashing follows CPython 3.11's xxHash-based `tuplehash`, so tuples hash
//! (and therefore order in sets) as in CPython.

use std::any::TypeId;
use std::mem::offset_of;

use crate::error::{index_error, type_error, PyResult};
use crate::heap::{alloc_with_items, Header, HeapObject};
use crate::object::{downcast, type_of, PyPayload};
use crate::ops::compare::rich_compare_bool;
use crate::ops::object::{hash, repr_enter, repr_leave};
use crate::ops::{BinOp, CompareOp};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{flags, SlotDefs, TypeObject};
use crate::types::builtin_func::MethodDef;
use crate::types::int::{int_from_usize, repeat_count};
use crate::types::registry::types;
use crate::types::sequence::{compare_slices, normalize_index, repr_items};
use crate::types::string::new_string;
use crate::Value;

/// A tuple; `len` values follow the struct in memory.
#[repr(C)]
pub struct TupleObject {
    pub header: Header,
    pub len: usize,
    items: [Value; 0],
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for TupleObject {}

pub const TUPLE_LEN_OFFSET: usize = offset_of!(TupleObject, len);
pub const TUPLE_ITEMS_OFFSET: usize = offset_of!(TupleObject, items);

impl TupleObject {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn items(&self) -> &'static [Value] {
        // SAFETY: `len` values were written after the struct by `alloc_with_items`.
        unsafe { std::slice::from_raw_parts(self.items.as_ptr(), self.len) }
    }

    pub fn get(&self, i: usize) -> Option<Value> {
        self.items().get(i).copied()
    }
}

/// A new tuple of `items`.
pub fn new_tuple(items: &[Value]) -> Value {
    new_tuple_of_type(items, types().tuple)
}

fn new_tuple_of_type(items: &[Value], ty: &TypeObject) -> Value {
    let head = TupleObject {
        header: Header::new(ty),
        len: items.len(),
        items: [],
    };
    Value::from_ptr(alloc_with_items(head, items))
}

/// The items of a tuple (or tuple subclass instance).
pub fn tuple_items(v: Value) -> Option<&'static [Value]> {
    TupleObject::cast(v).map(|t| t.items())
}

fn this(v: Value) -> PyResult<&'static TupleObject> {
    TupleObject::cast(v).ok_or_else(|| crate::error::internal_error("tuple slot on a non-tuple"))
}

fn trace_tuple(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(t) = downcast::<TupleObject>(v) {
        t.items().iter().for_each(|&x| visit(x));
    }
}

fn tuple_repr(v: Value) -> PyResult {
    let t = this(v)?;
    if t.is_empty() {
        return Ok(new_string("()".into()));
    }
    if !repr_enter(v) {
        return Ok(new_string("(...)".into()));
    }
    let r = repr_items("(", ")", t.items(), true);
    repr_leave(v);
    Ok(new_string(r?))
}

/// CPython 3.11's tuple hash.
pub fn hash_items(items: &[Value]) -> PyResult<i64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc = P5;
    for &item in items {
        let lane = hash(item)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(items.len() as u64 ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

fn tuple_hash(v: Value) -> PyResult<i64> {
    hash_items(this(v)?.items())
}

fn tuple_compare(a: Value, b: Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (TupleObject::cast(a), TupleObject::cast(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    crate::runtime::recursion::in_comparison(|| compare_slices(x.items(), y.items(), op))
}

fn tuple_len(v: Value) -> PyResult<usize> {
    Ok(this(v)?.len)
}

fn tuple_contains(v: Value, item: Value) -> PyResult<bool> {
    for &x in this(v)?.items() {
        if x == item || rich_compare_bool(x, item, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `t[ix]`: a new tuple of the selected items.
pub fn slice_of(t: &TupleObject, ix: crate::types::slice::SliceIndices) -> Value {
    if ix.step == 1 {
        return new_tuple(&t.items()[ix.start as usize..ix.start as usize + ix.len]);
    }
    let items: Vec<Value> = ix.iter().map(|i| t.items()[i]).collect();
    new_tuple(&items)
}

fn tuple_getitem(v: Value, key: Value) -> PyResult {
    let t = this(v)?;
    if let Some(i) = key.as_small_int() {
        return normalize_index(i, t.len)
            .map(|i| t.items()[i])
            .ok_or_else(|| index_error("tuple index out of range"));
    }
    if let Some(sl) = crate::types::slice::SliceObject::cast(key) {
        return Ok(slice_of(t, sl.indices(t.len)?));
    }
    let Some(i) = crate::types::sequence::sequence_index(key)? else {
        return Err(type_error(format!(
            "tuple indices must be integers or slices, not {}",
            type_of(key).name()
        )));
    };
    match normalize_index(i, t.len) {
        Some(i) => Ok(t.items()[i]),
        None => Err(index_error("tuple index out of range")),
    }
}

fn tuple_binary(op: BinOp, a: Value, b: Value) -> PyResult {
    match op {
        BinOp::Add => {
            let (Some(x), Some(y)) = (TupleObject::cast(a), TupleObject::cast(b)) else {
                return Ok(Value::NOT_IMPLEMENTED);
            };
            let mut items = x.items().to_vec();
            items.extend_from_slice(y.items());
            Ok(new_tuple(&items))
        }
        BinOp::Mul => {
            let (t, n) = match (TupleObject::cast(a), TupleObject::cast(b)) {
                (Some(t), _) => (t, b),
                (None, Some(t)) => (t, a),
                _ => return Ok(Value::NOT_IMPLEMENTED),
            };
            let Some(n) = repeat_count(n)? else {
                return Ok(Value::NOT_IMPLEMENTED);
            };
            Ok(new_tuple(&t.items().repeat(n)))
        }
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn tuple_iter(v: Value) -> PyResult {
    Ok(crate::types::iterators::new_tuple_iterator(v))
}

/// `tuple(iterable=())`.
/// `tuple(it)`: `it` itself when it is an exact tuple, else a tuple of
/// its items (also the direct entry `krait_tuple_of`).
pub fn tuple_of(it: Value) -> PyResult {
    if downcast::<TupleObject>(it).is_some() {
        return Ok(it);
    }
    Ok(new_tuple(&crate::ops::iter::collect(it)?))
}

fn tuple_new(cls: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let [it] = crate::args::between("tuple", a, k, 0)?;
    let value = if it.is_null() {
        new_tuple(&[])
    } else {
        tuple_of(it)?
    };
    if std::ptr::eq(cls, types().tuple) {
        return Ok(value);
    }
    crate::types::instance::new_wrapped_instance(cls, value)
}

fn index(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [x, start, stop]) = crate::args::method::<3>("index", a, k, 1)?;
    let items = this(s)?.items();
    let (start, stop) = crate::types::sequence::index_bounds(start, stop, items.len())?;
    for (i, &item) in items.iter().enumerate().take(stop).skip(start) {
        if item == x || rich_compare_bool(item, x, CompareOp::Eq)? {
            return Ok(int_from_usize(i));
        }
    }
    Err(crate::error::value_error("tuple.index(x): x not in tuple"))
}

fn count(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [x]) = crate::args::method::<1>("tuple.count", a, k, 1)?;
    let mut n = 0;
    for &item in this(s)?.items() {
        if item == x || rich_compare_bool(item, x, CompareOp::Eq)? {
            n += 1;
        }
    }
    Ok(int_from_usize(n))
}

pub fn spec() -> TypeSpec {
    TypeSpec {
        flags: flags::BASETYPE | flags::TUPLE_SUBCLASS,
        slots: SlotDefs {
            repr: Some(tuple_repr),
            hash: Some(tuple_hash),
            richcompare: Some(tuple_compare),
            len: Some(tuple_len),
            contains: Some(tuple_contains),
            getitem: Some(tuple_getitem),
            binary: Some(tuple_binary),
            iter: Some(tuple_iter),
            new: Some(tuple_new),
            ..SlotDefs::default()
        },
        binary_ops: &[BinOp::Add, BinOp::Mul],
        methods: const {
            &[
                MethodDef::new("index", index),
                MethodDef::new("count", count),
            ]
        },
        trace: trace_tuple,
        ..TypeSpec::new("tuple", TypeId::of::<TupleObject>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tuple_layout_constants() {
        assert_eq!(TUPLE_LEN_OFFSET, crate::heap::HEADER_SIZE);
        assert_eq!(TUPLE_ITEMS_OFFSET, TUPLE_LEN_OFFSET + 8);
    }

    #[test]
    fn hashes_match_cpython_3_11() {
        let t = new_tuple(&[Value::small_int(1), Value::small_int(2)]);
        assert_eq!(tuple_hash(t).unwrap(), -3550055125485641917);
        assert_eq!(tuple_hash(new_tuple(&[])).unwrap(), 5740354900026072187);
    }

    #[test]
    fn repr_and_indexing() {
        let one = new_tuple(&[Value::small_int(1)]);
        assert_eq!(
            crate::types::string::as_str(tuple_repr(one).unwrap()),
            Some("(1,)")
        );
        let t = new_tuple(&[Value::small_int(1), Value::NONE]);
        assert_eq!(
            crate::types::string::as_str(tuple_repr(t).unwrap()),
            Some("(1, None)")
        );
        assert_eq!(tuple_getitem(t, Value::small_int(-1)).unwrap(), Value::NONE);
        assert!(tuple_getitem(t, Value::small_int(2)).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "tuple index out of range"
        );
        let lt = tuple_compare(one, t, CompareOp::Lt).unwrap();
        assert_eq!(lt, Value::TRUE);
    }
}
