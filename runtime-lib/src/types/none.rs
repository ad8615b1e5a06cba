//! The singleton types of the immediates: `NoneType`, `NotImplementedType`
//! and `ellipsis`. Their values are fixed words (see `value`), so these
//! types never allocate instances.

use std::any::TypeId;

use crate::error::{type_error, PyResult};
use crate::heap::{Header, HeapObject};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{SlotDefs, TypeObject};
use crate::types::string::intern;
use crate::Value;

/// Never instantiated: names the layout of the immediate singletons.
#[repr(C)]
pub struct ImmediateLayout {
    pub header: Header,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for ImmediateLayout {}

fn none_repr(_: Value) -> PyResult {
    Ok(intern("None"))
}

fn none_bool(_: Value) -> PyResult<bool> {
    Ok(false)
}

fn no_args(name: &str, args: &[Value], kwnames: Option<Value>) -> PyResult<()> {
    if args.is_empty() && kwnames.is_none() {
        Ok(())
    } else {
        Err(type_error(format!("{name} takes no arguments")))
    }
}

fn none_new(_: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    no_args("NoneType", a, k)?;
    Ok(Value::NONE)
}

pub fn none_spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            repr: Some(none_repr),
            bool: Some(none_bool),
            new: Some(none_new),
            ..SlotDefs::default()
        },
        ..TypeSpec::new("NoneType", TypeId::of::<ImmediateLayout>())
    }
}

fn not_implemented_repr(_: Value) -> PyResult {
    Ok(intern("NotImplemented"))
}

fn not_implemented_new(_: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    no_args("NotImplementedType", a, k)?;
    Ok(Value::NOT_IMPLEMENTED)
}

pub fn not_implemented_spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            repr: Some(not_implemented_repr),
            new: Some(not_implemented_new),
            ..SlotDefs::default()
        },
        ..TypeSpec::new("NotImplementedType", TypeId::of::<ImmediateLayout>())
    }
}

fn ellipsis_repr(_: Value) -> PyResult {
    Ok(intern("Ellipsis"))
}

fn ellipsis_new(_: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    no_args("ellipsis", a, k)?;
    Ok(Value::ELLIPSIS)
}

pub fn ellipsis_spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            repr: Some(ellipsis_repr),
            new: Some(ellipsis_new),
            ..SlotDefs::default()
        },
        ..TypeSpec::new("ellipsis", TypeId::of::<ImmediateLayout>())
    }
}
