//! `weakref.ref` (`weakref.ReferenceType`): a reference that does not keep
//! its referent alive. The referent slot is registered with the collector,
//! which sets it to NULL when the referent is collected; calling the
//! reference then answers None. A callback given at creation is called
//! with the reference after the collection that cleared it.
//!
//! As in CPython, only objects that can carry a `__weakref__` are
//! accepted: instances of user classes, classes, functions, sets,
//! frozensets, generators and coroutines.

use std::any::TypeId;
use std::cell::Cell;

use crate::error::{type_error, PyResult};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, id_of, type_of};
use crate::ops::CompareOp;
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{flags, SlotDefs, TypeObject};
use crate::types::registry::types;
use crate::types::string::new_string;
use crate::Value;

#[repr(C)]
pub struct WeakRefObject {
    pub header: Header,
    /// The referent; NULL once it has been collected (not traced).
    referent: Cell<Value>,
    /// Called with this reference when the referent dies, or NULL.
    callback: Cell<Value>,
    /// The referent's hash, once asked for (-1: not yet).
    hash: Cell<i64>,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for WeakRefObject {}

fn weakrefable(ty: &TypeObject) -> bool {
    let t = types();
    ty.flags.get() & flags::HEAPTYPE != 0
        || [
            t.type_,
            t.function,
            t.set,
            t.frozenset,
            t.generator,
            t.coroutine,
        ]
        .iter()
        .any(|b| ty.is_subtype(b))
}

/// `weakref.ref(obj[, callback])`; `callback` NULL or None when absent.
pub fn new_weakref(obj: Value, callback: Value) -> PyResult {
    if !obj.is_pointer() || !weakrefable(type_of(obj)) {
        return Err(type_error(format!(
            "cannot create weak reference to '{}' object",
            type_of(obj).name()
        )));
    }
    let callback = if callback.is_none() {
        Value::NULL
    } else {
        callback
    };
    let r = alloc_value(WeakRefObject {
        header: Header::new(types().weakref),
        referent: Cell::new(obj),
        callback: Cell::new(callback),
        hash: Cell::new(-1),
    });
    if let Some(w) = downcast::<WeakRefObject>(r) {
        crate::gc::register_weak(r, &w.referent);
    }
    Ok(r)
}

/// The referent, or None once it is gone.
fn referent(r: &WeakRefObject) -> Value {
    let v = r.referent.get();
    if v.is_null() {
        Value::NONE
    } else {
        v
    }
}

/// Calls the callbacks of references the last collection cleared (an
/// exception in one is reported as CPython's "Exception ignored" and
/// dropped).
pub fn run_callbacks(cleared: &[Value]) {
    for &r in cleared {
        let Some(w) = downcast::<WeakRefObject>(r) else {
            continue;
        };
        let cb = w.callback.replace(Value::NULL);
        if cb.is_null() {
            continue;
        }
        let saved = crate::error::take_exception();
        if crate::ops::call::call(cb, &[r], None).is_err() {
            crate::exceptions::traceback::report_ignored(cb);
        }
        if let Some(e) = saved {
            let _ = crate::error::restore(e);
        }
    }
}

fn ref_new(_: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let [obj, cb] = crate::args::between("__new__", a, k, 1)?;
    new_weakref(obj, cb)
}

fn ref_call(f: Value, a: &[Value], k: Option<Value>) -> PyResult {
    crate::args::exact::<0>("weakref", a, k)?;
    Ok(downcast::<WeakRefObject>(f).map_or(Value::NONE, referent))
}

fn ref_repr(v: Value) -> PyResult {
    let Some(w) = downcast::<WeakRefObject>(v) else {
        return Ok(new_string("<weakref>".into()));
    };
    let o = w.referent.get();
    Ok(new_string(if o.is_null() {
        format!("<weakref at {:#x}; dead>", id_of(v))
    } else {
        format!(
            "<weakref at {:#x}; to '{}' at {:#x}>",
            id_of(v),
            type_of(o).name(),
            id_of(o)
        )
    }))
}

fn ref_hash(v: Value) -> PyResult<i64> {
    let Some(w) = downcast::<WeakRefObject>(v) else {
        return Ok(id_of(v));
    };
    if w.hash.get() != -1 {
        return Ok(w.hash.get());
    }
    let o = w.referent.get();
    if o.is_null() {
        return Err(type_error("weak object has gone away"));
    }
    let h = crate::ops::object::hash(o)?;
    w.hash.set(h);
    Ok(h)
}

fn ref_compare(a: Value, b: Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (downcast::<WeakRefObject>(a), downcast::<WeakRefObject>(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (p, q) = (x.referent.get(), y.referent.get());
    if p.is_null() || q.is_null() {
        let same = a == b;
        return Ok(Value::from_bool(same == (op == CompareOp::Eq)));
    }
    crate::ops::compare::rich_compare(p, q, op)
}

fn trace(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(w) = downcast::<WeakRefObject>(v) {
        visit(w.callback.get());
    }
}

pub fn spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            repr: Some(ref_repr),
            hash: Some(ref_hash),
            richcompare: Some(ref_compare),
            call: Some(ref_call),
            new: Some(ref_new),
            ..SlotDefs::default()
        },
        module: "weakref",
        trace,
        ..TypeSpec::new("ReferenceType", TypeId::of::<WeakRefObject>())
    }
}
