//! Iterators over a dict's keys, values and items. Each remembers the
//! dict's size when created and raises CPython's RuntimeError if it
//! changes.

use std::any::TypeId;
use std::cell::Cell;

use crate::error::{runtime_error, PyResult};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, PyPayload};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::SlotDefs;
use crate::types::dict::DictObject;
use crate::types::registry::types;
use crate::types::tuple::new_tuple;
use crate::Value;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

#[repr(C)]
pub struct DictIterObject {
    pub header: Header,
    pub dict: Value,
    pub pos: Cell<usize>,
    pub expected_len: Cell<usize>,
    pub kind: DictIterKind,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for DictIterObject {}

pub fn new_dict_iterator(dict: Value, kind: DictIterKind) -> Value {
    let t = types();
    let ty = match kind {
        DictIterKind::Keys => t.dict_keyiterator,
        DictIterKind::Values => t.dict_valueiterator,
        DictIterKind::Items => t.dict_itemiterator,
    };
    let len = DictObject::cast(dict).map_or(0, |d| d.len());
    alloc_value(DictIterObject {
        header: Header::new(ty),
        dict,
        pos: Cell::new(0),
        expected_len: Cell::new(len),
        kind,
    })
}

fn dict_iter_next(v: Value) -> PyResult<Option<Value>> {
    let Some(it) = downcast::<DictIterObject>(v) else {
        return Ok(None);
    };
    Ok(next_entry(it)?.map(|(k, x)| match it.kind {
        DictIterKind::Keys => k,
        DictIterKind::Values => x,
        DictIterKind::Items => new_tuple(&[k, x]),
    }))
}

/// An items iterator's next `(key, value)` written to `out` instead of a
/// new tuple (for `for k, v in d.items()`); None if `v` is another iterator.
pub fn items_next_into(v: Value, out: &mut [Value; 2]) -> Option<PyResult<bool>> {
    let it = downcast::<DictIterObject>(v).filter(|it| it.kind == DictIterKind::Items)?;
    Some(next_entry(it).map(|entry| entry.map(|(k, x)| *out = [k, x]).is_some()))
}

fn next_entry(it: &DictIterObject) -> PyResult<Option<(Value, Value)>> {
    if it.dict.is_null() {
        return Ok(None);
    }
    let Some(d) = DictObject::cast(it.dict) else {
        return Ok(None);
    };
    if d.len() != it.expected_len.get() {
        it.expected_len.set(usize::MAX);
        return Err(runtime_error("dictionary changed size during iteration"));
    }
    match d.next_entry(it.pos.get()) {
        Some((next, k, x)) => {
            it.pos.set(next);
            Ok(Some((k, x)))
        }
        None => Ok(None),
    }
}

fn self_iter(v: Value) -> PyResult {
    Ok(v)
}

fn trace(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(it) = downcast::<DictIterObject>(v) {
        visit(it.dict);
    }
}

fn spec(name: &'static str) -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            iter: Some(self_iter),
            next: Some(dict_iter_next),
            ..SlotDefs::default()
        },
        trace,
        ..TypeSpec::new(name, TypeId::of::<DictIterObject>())
    }
}

pub fn key_iterator_spec() -> TypeSpec {
    spec("dict_keyiterator")
}

pub fn value_iterator_spec() -> TypeSpec {
    spec("dict_valueiterator")
}

pub fn item_iterator_spec() -> TypeSpec {
    spec("dict_itemiterator")
}
