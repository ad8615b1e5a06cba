//! `cell`: a box holding a variable captured by a closure. Executors read
//! and write `contents` directly (NULL when the variable is unbound).

use std::any::TypeId;
use std::cell::Cell;
use std::mem::offset_of;

use crate::error::{value_error, PyResult};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, id_of, type_of};
use crate::ops::CompareOp;
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{SlotDefs, TypeObject};
use crate::types::builtin_func::GetSetDef;
use crate::types::registry::types;
use crate::types::string::new_string;
use crate::Value;

#[repr(C)]
pub struct CellObject {
    pub header: Header,
    pub contents: Cell<Value>,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for CellObject {}

pub const CELL_CONTENTS_OFFSET: usize = offset_of!(CellObject, contents);

/// A new cell holding `v` (NULL: empty).
pub fn new_cell(v: Value) -> Value {
    alloc_value(CellObject {
        header: Header::new(types().cell),
        contents: Cell::new(v),
    })
}

/// The cell struct behind `v`.
pub fn as_cell(v: Value) -> Option<&'static CellObject> {
    downcast::<CellObject>(v)
}

fn cell_repr(v: Value) -> PyResult {
    let Some(c) = as_cell(v) else {
        return Ok(new_string("<cell>".into()));
    };
    let x = c.contents.get();
    Ok(new_string(if x.is_null() {
        format!("<cell at {:#x}: empty>", id_of(v))
    } else {
        format!(
            "<cell at {:#x}: {} object at {:#x}>",
            id_of(v),
            type_of(x).name(),
            id_of(x)
        )
    }))
}

fn cell_compare(a: Value, b: Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (as_cell(a), as_cell(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let (p, q) = (x.contents.get(), y.contents.get());
    match (p.is_null(), q.is_null()) {
        (false, false) => crate::ops::compare::rich_compare(p, q, op),
        (a_empty, b_empty) => Ok(Value::from_bool(op.holds((!a_empty).cmp(&!b_empty)))),
    }
}

fn get_contents(v: Value) -> PyResult {
    let x = as_cell(v).map_or(Value::NULL, |c| c.contents.get());
    if x.is_null() {
        return Err(value_error("Cell is empty"));
    }
    Ok(x)
}

fn set_contents(v: Value, x: Value) -> PyResult<()> {
    if let Some(c) = as_cell(v) {
        c.contents.set(x);
    }
    Ok(())
}

fn cell_new(_: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = crate::args::between("cell", a, k, 0)?;
    Ok(new_cell(x))
}

fn trace(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(c) = as_cell(v) {
        visit(c.contents.get());
    }
}

pub fn spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            repr: Some(cell_repr),
            richcompare: Some(cell_compare),
            hash: Some(crate::ops::object::hash_not_implemented),
            new: Some(cell_new),
            ..SlotDefs::default()
        },
        unhashable: true,
        getsets: const { &[GetSetDef::new("cell_contents", get_contents, set_contents)] },
        trace,
        ..TypeSpec::new("cell", TypeId::of::<CellObject>())
    }
}
