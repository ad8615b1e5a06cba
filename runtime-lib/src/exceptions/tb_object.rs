//! `traceback` objects: what `exc.__traceback__` and `sys.exc_info()[2]`
//! return. An exception keeps its traceback as a `Vec<TracebackEntry>`
//! (see `traceback`); reading `__traceback__` builds a chain of these
//! objects from it, outermost frame first, linked by `tb_next`. Assigning
//! one (`__traceback__ = tb`, `with_traceback(tb)`) turns the chain back
//! into entries. `tb_frame` is None (krait has no frame objects) and
//! `tb_lasti` is -1.

use std::any::TypeId;

use crate::error::{type_error, PyResult};
use crate::exceptions::TracebackEntry;
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::downcast;
use crate::typeobj::builder::TypeSpec;
use crate::types::builtin_func::GetSetDef;
use crate::types::int::int_from_i64;
use crate::types::registry::types;
use crate::Value;

/// One frame of a traceback chain.
#[repr(C)]
pub struct TracebackObject {
    pub header: Header,
    pub entry: TracebackEntry,
    /// The next (inner) frame's traceback object, or None.
    pub next: Value,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for TracebackObject {}

/// The chain for `entries` (innermost first, as exceptions store them);
/// None when empty.
pub fn traceback_chain(entries: &[TracebackEntry]) -> Value {
    let mut next = Value::NONE;
    for &entry in entries {
        next = alloc_value(TracebackObject {
            header: Header::new(types().traceback),
            entry,
            next,
        });
    }
    next
}

/// The entries (innermost first) of a traceback chain; an error if `v` is
/// neither a traceback nor None.
pub fn traceback_entries(v: Value) -> PyResult<Vec<TracebackEntry>> {
    let mut out = Vec::new();
    let mut cur = v;
    while !cur.is_null() && !cur.is_none() {
        let Some(tb) = downcast::<TracebackObject>(cur) else {
            return Err(type_error("__traceback__ must be a traceback or None"));
        };
        out.push(tb.entry);
        cur = tb.next;
    }
    out.reverse();
    Ok(out)
}

fn this(v: Value) -> PyResult<&'static TracebackObject> {
    downcast::<TracebackObject>(v)
        .ok_or_else(|| crate::error::internal_error("traceback getter on a non-traceback"))
}

fn get_lineno(v: Value) -> PyResult {
    Ok(int_from_i64(this(v)?.entry.line as i64))
}

fn get_next(v: Value) -> PyResult {
    Ok(this(v)?.next)
}

fn get_frame(v: Value) -> PyResult {
    this(v)?;
    Ok(Value::NONE)
}

fn get_lasti(v: Value) -> PyResult {
    this(v)?;
    Ok(int_from_i64(-1))
}

fn trace(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(tb) = downcast::<TracebackObject>(v) {
        visit(tb.entry.name);
        visit(tb.entry.filename);
        visit(tb.next);
    }
}

const GETSETS: &[GetSetDef] = &[
    GetSetDef::readonly("tb_lineno", get_lineno),
    GetSetDef::readonly("tb_next", get_next),
    GetSetDef::readonly("tb_frame", get_frame),
    GetSetDef::readonly("tb_lasti", get_lasti),
];

pub fn spec() -> TypeSpec {
    TypeSpec {
        getsets: GETSETS,
        trace,
        ..TypeSpec::new("traceback", TypeId::of::<TracebackObject>())
    }
}
