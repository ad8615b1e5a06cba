//! The live views of a dict: `dict_keys`, `dict_values` and `dict_items`
//! (what `keys()`, `values()` and `items()` return). A view holds the dict
//! and reads it on every use, so it sees later changes. Keys and items
//! views are set-like: `&`, `|`, `-`, `^` return sets and comparisons
//! compare as sets (as CPython's `dictviews_*`). `reversed()` works on all
//! three through `__reversed__`.

use std::any::TypeId;

use crate::args;
use crate::error::PyResult;
use crate::gc::RootedVec;
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, type_of, PyPayload};
use crate::ops::compare::{rich_compare, rich_compare_bool};
use crate::ops::iter::collect;
use crate::ops::object::{repr_enter, repr_leave, repr_string};
use crate::ops::{BinOp, CompareOp};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::SlotDefs;
use crate::types::builtin_func::MethodDef;
use crate::types::dict::iter::{new_dict_iterator, DictIterKind};
use crate::types::dict::DictObject;
use crate::types::list::new_list;
use crate::types::registry::types;
use crate::types::set::{as_set, set_from_values};
use crate::types::string::new_string;
use crate::types::tuple::{new_tuple, TupleObject};
use crate::Value;

/// A view of `dict`'s keys, values or items.
#[repr(C)]
pub struct DictViewObject {
    pub header: Header,
    pub dict: Value,
    pub kind: DictIterKind,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for DictViewObject {}

/// A new live view of `dict` (a dict or a dict subclass instance).
pub fn new_dict_view(dict: Value, kind: DictIterKind) -> Value {
    let t = types();
    let ty = match kind {
        DictIterKind::Keys => t.dict_keys,
        DictIterKind::Values => t.dict_values,
        DictIterKind::Items => t.dict_items,
    };
    alloc_value(DictViewObject {
        header: Header::new(ty),
        dict,
        kind,
    })
}

fn this(v: Value) -> PyResult<(&'static DictViewObject, &'static DictObject)> {
    let view = downcast::<DictViewObject>(v)
        .ok_or_else(|| crate::error::internal_error("dict view slot on a non-view"))?;
    let d = DictObject::cast(view.dict)
        .ok_or_else(|| crate::error::internal_error("dict view of a non-dict"))?;
    Ok((view, d))
}

/// The view's elements, in order (a rooted snapshot).
fn elements(v: Value) -> PyResult<RootedVec> {
    let (view, d) = this(v)?;
    Ok(match view.kind {
        DictIterKind::Keys => RootedVec::from_vec(d.keys()),
        DictIterKind::Values => RootedVec::from_vec(d.values()),
        DictIterKind::Items => d
            .items()
            .into_iter()
            .map(|(k, x)| new_tuple(&[k, x]))
            .collect(),
    })
}

fn view_len(v: Value) -> PyResult<usize> {
    Ok(this(v)?.1.len())
}

fn view_iter(v: Value) -> PyResult {
    let (view, _) = this(v)?;
    Ok(new_dict_iterator(view.dict, view.kind))
}

fn view_contains(v: Value, x: Value) -> PyResult<bool> {
    let (view, d) = this(v)?;
    match view.kind {
        DictIterKind::Keys => Ok(d.get_item(x)?.is_some()),
        DictIterKind::Items => {
            let Some(t) = downcast::<TupleObject>(x) else {
                return Ok(false);
            };
            let items = t.items();
            if items.len() != 2 {
                return Ok(false);
            }
            match d.get_item(items[0])? {
                Some(found) => {
                    Ok(found == items[1] || rich_compare_bool(found, items[1], CompareOp::Eq)?)
                }
                None => Ok(false),
            }
        }
        DictIterKind::Values => {
            let values = RootedVec::from_vec(d.values());
            for &e in values.iter() {
                if e == x || rich_compare_bool(e, x, CompareOp::Eq)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn view_repr(v: Value) -> PyResult {
    let name = type_of(v).name();
    if !repr_enter(v) {
        return Ok(new_string("...".to_string()));
    }
    let r = (|| {
        let mut out = format!("{name}([");
        for (i, &e) in elements(v)?.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&repr_string(e)?);
        }
        out.push_str("])");
        Ok(out)
    })();
    repr_leave(v);
    Ok(new_string(r?))
}

fn is_set_like(v: Value) -> bool {
    as_set(v).is_some()
        || downcast::<DictViewObject>(v).is_some_and(|w| w.kind != DictIterKind::Values)
}

/// A set of `v`'s elements (a set is returned as is).
fn as_set_value(v: Value) -> PyResult {
    if as_set(v).is_some() {
        return Ok(v);
    }
    if downcast::<DictViewObject>(v).is_some() {
        return set_from_values(&elements(v)?);
    }
    set_from_values(&collect(v)?)
}

/// `keys & other` and friends: as `set(a) op set(b)`.
fn view_binary(op: BinOp, a: Value, b: Value) -> PyResult {
    if !matches!(op, BinOp::And | BinOp::Or | BinOp::Sub | BinOp::Xor) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let left = set_from_values(&match downcast::<DictViewObject>(a) {
        Some(_) => elements(a)?,
        None => collect(a)?,
    })?;
    let right = as_set_value(b)?;
    crate::ops::arith::binary_op(op, left, right)
}

fn view_compare(a: Value, b: Value, op: CompareOp) -> PyResult {
    if !is_set_like(a) || !is_set_like(b) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    rich_compare(as_set_value(a)?, as_set_value(b)?, op)
}

fn view_reversed(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("__reversed__", a, k, 0)?;
    let mut items = elements(s)?;
    items.reverse();
    crate::ops::iter::iter(new_list(items.into_vec()))
}

/// `dict.__reversed__`.
pub fn dict_reversed(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("__reversed__", a, k, 0)?;
    let d = DictObject::cast(s)
        .ok_or_else(|| crate::error::internal_error("dict method on a non-dict"))?;
    let mut keys = d.keys();
    keys.reverse();
    crate::ops::iter::iter(new_list(keys))
}

fn view_isdisjoint(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [other]) = args::method::<1>("isdisjoint", a, k, 1)?;
    let others = collect(other)?;
    for &x in others.iter() {
        if view_contains(s, x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

const METHODS: &[MethodDef] = &[
    MethodDef::new("__reversed__", view_reversed),
    MethodDef::new("isdisjoint", view_isdisjoint),
];

fn trace(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(view) = downcast::<DictViewObject>(v) {
        visit(view.dict);
    }
}

fn spec(name: &'static str, set_like: bool) -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            repr: Some(view_repr),
            len: Some(view_len),
            iter: Some(view_iter),
            contains: Some(view_contains),
            richcompare: set_like.then_some(view_compare as _),
            binary: set_like.then_some(view_binary as _),
            hash: set_like.then_some(crate::ops::object::hash_not_implemented as _),
            ..SlotDefs::default()
        },
        binary_ops: if set_like {
            &[BinOp::And, BinOp::Or, BinOp::Sub, BinOp::Xor]
        } else {
            &[]
        },
        unhashable: set_like,
        methods: METHODS,
        trace,
        ..TypeSpec::new(name, TypeId::of::<DictViewObject>())
    }
}

pub fn keys_spec() -> TypeSpec {
    spec("dict_keys", true)
}

pub fn values_spec() -> TypeSpec {
    spec("dict_values", false)
}

pub fn items_spec() -> TypeSpec {
    spec("dict_items", true)
}
