//! `list`: a mutable array of values (a [`ValueVec`]).
//!
//! This module owns the struct, construction and the slots (repr with the
//! `[...]` recursion guard, comparison, indexing and slice assignment,
//! `+`, `*`, `+=`, `*=`); the methods are in `methods`, sorting in `sort`
//! (with key prefixes from `sort_prefix`).
//! Operations that call Python code (comparisons) read items by index each
//! time, so a list mutated meanwhile is never read out of bounds.

pub mod methods;
pub mod sort;
pub mod sort_prefix;

use std::any::TypeId;
use std::mem::offset_of;

use crate::error::{index_error, type_error, value_error, PyResult};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, type_of, PyPayload};
use crate::ops::compare::rich_compare_bool;
use crate::ops::iter::collect;
use crate::ops::object::{repr_enter, repr_leave};
use crate::ops::{BinOp, CompareOp};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{flags, SlotDefs, TypeObject};
use crate::types::int::repeat_count;
use crate::types::registry::types;
use crate::types::sequence::{compare_sequences, normalize_index, repr_items};
use crate::types::slice::{SliceIndices, SliceObject};
use crate::types::string::new_string;
use crate::types::value_vec::{ValueVec, VALUE_VEC_LEN_OFFSET, VALUE_VEC_PTR_OFFSET};
use crate::Value;

/// A list.
#[repr(C)]
pub struct ListObject {
    pub header: Header,
    pub items: ValueVec,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for ListObject {}

/// Offset of the items pointer (generated code indexes lists directly).
pub const LIST_ITEMS_PTR_OFFSET: usize = offset_of!(ListObject, items) + VALUE_VEC_PTR_OFFSET;
/// Offset of the length.
pub const LIST_LEN_OFFSET: usize = offset_of!(ListObject, items) + VALUE_VEC_LEN_OFFSET;

impl ListObject {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.get(i)
    }

    pub fn push(&self, v: Value) {
        self.items.push(v);
    }

    /// A snapshot of the items.
    pub fn to_vec(&self) -> Vec<Value> {
        self.items.to_vec()
    }
}

/// A new list owning `items`.
pub fn new_list(items: Vec<Value>) -> Value {
    alloc_value(ListObject {
        header: Header::new(types().list),
        items: ValueVec::from_vec(items),
    })
}

fn this(v: Value) -> PyResult<&'static ListObject> {
    ListObject::cast(v).ok_or_else(|| crate::error::internal_error("list slot on a non-list"))
}

fn trace_list(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(l) = downcast::<ListObject>(v) {
        l.items.trace(visit);
    }
}

fn list_repr(v: Value) -> PyResult {
    let l = this(v)?;
    if l.is_empty() {
        return Ok(new_string("[]".into()));
    }
    if !repr_enter(v) {
        return Ok(new_string("[...]".into()));
    }
    // A snapshot: an item's `__repr__` may change the list.
    let items = crate::gc::RootedVec::from_vec(l.to_vec());
    let r = repr_items("[", "]", &items, false);
    repr_leave(v);
    Ok(new_string(r?))
}

fn list_compare(a: Value, b: Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (ListObject::cast(a), ListObject::cast(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    crate::runtime::recursion::in_comparison(|| {
        compare_sequences(&|i| x.get(i), &|i| y.get(i), &|| x.len(), &|| y.len(), op)
    })
}

fn list_len(v: Value) -> PyResult<usize> {
    Ok(this(v)?.len())
}

fn list_contains(v: Value, item: Value) -> PyResult<bool> {
    let l = this(v)?;
    let mut i = 0;
    while let Some(x) = l.get(i) {
        if x == item || rich_compare_bool(x, item, CompareOp::Eq)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn index_error_for(key: Value) -> crate::error::Raised {
    type_error(format!(
        "list indices must be integers or slices, not {}",
        type_of(key).name()
    ))
}

fn list_getitem(v: Value, key: Value) -> PyResult {
    let l = this(v)?;
    if let Some(i) = key.as_small_int() {
        return normalize_index(i, l.len())
            .and_then(|i| l.get(i))
            .ok_or_else(|| index_error("list index out of range"));
    }
    if let Some(sl) = SliceObject::cast(key) {
        return Ok(slice_of(l, sl.indices(l.len())?));
    }
    let Some(i) = crate::types::sequence::sequence_index(key)? else {
        return Err(index_error_for(key));
    };
    match normalize_index(i, l.len()).and_then(|i| l.get(i)) {
        Some(x) => Ok(x),
        None => Err(index_error("list index out of range")),
    }
}

/// `l[ix]`: a new list of the selected items.
pub fn slice_of(l: &ListObject, ix: SliceIndices) -> Value {
    // The indices are clamped to the list: every one is an item.
    let items: Vec<Value> = l.items.with_items(|s| {
        if ix.step == 1 {
            s[ix.start as usize..ix.start as usize + ix.len].to_vec()
        } else {
            ix.iter().map(|i| s[i]).collect()
        }
    });
    new_list(items)
}

fn list_setitem(v: Value, key: Value, value: Value) -> PyResult<()> {
    let l = this(v)?;
    if let (Some(i), false) = (key.as_small_int(), value.is_null()) {
        return match normalize_index(i, l.len()) {
            Some(i) if l.items.set(i, value) => Ok(()),
            _ => Err(index_error("list assignment index out of range")),
        };
    }
    if let Some(sl) = SliceObject::cast(key) {
        return set_slice(l, sl.indices(l.len())?, value);
    }
    let Some(i) = crate::types::sequence::sequence_index(key)? else {
        return Err(index_error_for(key));
    };
    let Some(i) = normalize_index(i, l.len()) else {
        return Err(index_error("list assignment index out of range"));
    };
    if value.is_null() {
        l.items.remove(i);
    } else {
        l.items.set(i, value);
    }
    Ok(())
}

/// `l[ix] = value`, or `del l[ix]` when `value` is null.
pub fn set_slice(l: &ListObject, ix: SliceIndices, value: Value) -> PyResult<()> {
    if value.is_null() {
        if ix.step == 1 {
            l.items
                .splice(ix.start as usize, ix.start as usize + ix.len, &[]);
        } else {
            let mut drop: Vec<usize> = ix.iter().collect();
            drop.sort_unstable();
            let kept: Vec<Value> = l
                .to_vec()
                .into_iter()
                .enumerate()
                .filter(|(i, _)| drop.binary_search(i).is_err())
                .map(|(_, v)| v)
                .collect();
            l.items.replace_all(kept);
        }
        return Ok(());
    }
    // Another list's items are read in place (and the list's own are
    // copied first): nothing below runs Python code, so they need no
    // rooting (the general case iterates).
    let (copied, rooted);
    let new_items: &[Value] = if let Some(src) = downcast::<ListObject>(value) {
        if !std::ptr::eq(src, l) {
            return src.items.with_items(|items| assign_items(l, ix, items));
        }
        copied = src.to_vec();
        &copied
    } else {
        rooted = collect(value).map_err(|e| {
            if crate::error::exception_matches(types().exc.TypeError) {
                crate::error::clear_exception();
                type_error("must assign iterable to extended slice")
            } else {
                e
            }
        })?;
        &rooted
    };
    assign_items(l, ix, new_items)
}

/// `l[ix] = new_items`.
fn assign_items(l: &ListObject, ix: SliceIndices, new_items: &[Value]) -> PyResult<()> {
    if ix.step == 1 {
        l.items
            .splice(ix.start as usize, ix.start as usize + ix.len, new_items);
        return Ok(());
    }
    if new_items.len() != ix.len {
        return Err(value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            new_items.len(),
            ix.len
        )));
    }
    for (i, &v) in ix.iter().zip(new_items.iter()) {
        l.items.set(i, v);
    }
    Ok(())
}

fn list_binary(op: BinOp, a: Value, b: Value) -> PyResult {
    match op {
        BinOp::Add => {
            let (Some(x), Some(y)) = (ListObject::cast(a), ListObject::cast(b)) else {
                return Ok(Value::NOT_IMPLEMENTED);
            };
            let mut items = Vec::with_capacity(x.len() + y.len());
            x.items.with_items(|s| items.extend_from_slice(s));
            y.items.with_items(|s| items.extend_from_slice(s));
            Ok(new_list(items))
        }
        BinOp::Mul => {
            let (l, n) = match (ListObject::cast(a), ListObject::cast(b)) {
                (Some(l), _) => (l, b),
                (None, Some(l)) => (l, a),
                _ => return Ok(Value::NOT_IMPLEMENTED),
            };
            let Some(n) = repeat_count(n)? else {
                return Ok(Value::NOT_IMPLEMENTED);
            };
            Ok(new_list(l.to_vec().repeat(n)))
        }
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn list_inplace(op: BinOp, a: Value, b: Value) -> PyResult {
    let Some(l) = ListObject::cast(a) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    match op {
        BinOp::Add => {
            let items = collect(b)?;
            l.items.extend(&items);
            Ok(a)
        }
        BinOp::Mul => {
            let Some(n) = repeat_count(b)? else {
                return Ok(Value::NOT_IMPLEMENTED);
            };
            l.items.replace_all(l.to_vec().repeat(n));
            Ok(a)
        }
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn list_iter(v: Value) -> PyResult {
    Ok(crate::types::iterators::new_list_iterator(v))
}

fn list_new(cls: &'static TypeObject, _a: &[Value], _k: Option<Value>) -> PyResult {
    let inner = new_list(Vec::new());
    if std::ptr::eq(cls, types().list) {
        return Ok(inner);
    }
    crate::types::instance::new_wrapped_instance(cls, inner)
}

/// `list.__init__(self, iterable=())`.
/// `list(it)` for an exact `list` call (the direct entry `krait_list_of`):
/// what `list.__new__` and `list.__init__` make of one iterable.
pub fn list_of(it: Value) -> PyResult {
    Ok(new_list(collect(it)?.into_vec()))
}

fn list_init(v: Value, a: &[Value], k: Option<Value>) -> PyResult<()> {
    let [it] = crate::args::between("list", a, k, 0)?;
    let l = this(v)?;
    let items = if it.is_null() {
        Vec::new()
    } else {
        collect(it)?.into_vec()
    };
    l.items.replace_all(items);
    Ok(())
}

pub fn spec() -> TypeSpec {
    TypeSpec {
        flags: flags::BASETYPE | flags::LIST_SUBCLASS,
        slots: SlotDefs {
            repr: Some(list_repr),
            hash: Some(crate::ops::object::hash_not_implemented),
            richcompare: Some(list_compare),
            len: Some(list_len),
            contains: Some(list_contains),
            getitem: Some(list_getitem),
            setitem: Some(list_setitem),
            binary: Some(list_binary),
            inplace: Some(list_inplace),
            iter: Some(list_iter),
            new: Some(list_new),
            init: Some(list_init),
            ..SlotDefs::default()
        },
        binary_ops: &[BinOp::Add, BinOp::Mul],
        inplace_ops: &[BinOp::Add, BinOp::Mul],
        unhashable: true,
        methods: methods::METHODS,
        trace: trace_list,
        ..TypeSpec::new("list", TypeId::of::<ListObject>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::string::as_str;

    fn ints(v: &[i64]) -> Value {
        new_list(v.iter().map(|&i| Value::small_int(i)).collect())
    }

    #[test]
    fn list_layout_constants() {
        assert_eq!(LIST_ITEMS_PTR_OFFSET, crate::heap::HEADER_SIZE);
        assert_eq!(LIST_LEN_OFFSET, crate::heap::HEADER_SIZE + 8);
    }

    #[test]
    fn repr_with_recursion_guard() {
        let l = ints(&[1, 2]);
        this(l).unwrap().push(l);
        assert_eq!(as_str(list_repr(l).unwrap()), Some("[1, 2, [...]]"));
    }

    #[test]
    fn slice_assignment() {
        let l = ints(&[0, 1, 2, 3, 4]);
        let sl =
            crate::types::slice::new_slice(Value::small_int(1), Value::small_int(3), Value::NONE);
        list_setitem(l, sl, ints(&[9, 9, 9])).unwrap();
        assert_eq!(as_str(list_repr(l).unwrap()), Some("[0, 9, 9, 9, 3, 4]"));
        let ext = crate::types::slice::new_slice(Value::NONE, Value::NONE, Value::small_int(2));
        list_setitem(l, ext, Value::NULL).unwrap();
        assert_eq!(as_str(list_repr(l).unwrap()), Some("[9, 9, 4]"));
        assert!(list_setitem(l, ext, ints(&[1])).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "attempt to assign sequence of size 1 to extended slice of size 2"
        );
    }
}
