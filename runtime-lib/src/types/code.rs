//! `code`: the runtime face of an executor's code object.
//!
//! A code object's instructions belong to the executor (the VM's loaded
//! bytecode, or a native function); the runtime only needs a value that can
//! sit on an operand stack or in a constant table until `MAKE_FUNCTION`
//! turns it into a function, and that answers the introspection attributes
//! (`co_name`, `co_argcount`, `co_varnames`…). [`CodeObject`] holds the
//! executor's opaque `handle` beside the [`CodeInfo`] the runtime reads.

use std::any::TypeId;

use crate::error::PyResult;
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, id_of};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::SlotDefs;
use crate::types::builtin_func::GetSetDef;
use crate::types::function::CodeInfo;
use crate::types::int::int_from_i64;
use crate::types::registry::types;
use crate::types::string::{as_str, new_string};
use crate::types::tuple::new_tuple;
use crate::Value;

#[repr(C)]
pub struct CodeObject {
    pub header: Header,
    /// The executor's code (opaque to the runtime).
    pub handle: *const (),
    pub info: &'static CodeInfo,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for CodeObject {}

/// A code value for the executor's `handle`, described by `info`.
pub fn new_code(handle: *const (), info: &'static CodeInfo) -> Value {
    alloc_value(CodeObject {
        header: Header::new(types().code),
        handle,
        info,
    })
}

/// The code struct behind `v`, if `v` is a code object.
pub fn as_code(v: Value) -> Option<&'static CodeObject> {
    downcast::<CodeObject>(v)
}

fn this(v: Value) -> PyResult<&'static CodeInfo> {
    as_code(v)
        .map(|c| c.info)
        .ok_or_else(|| crate::error::internal_error("code slot on a non-code"))
}

fn code_repr(v: Value) -> PyResult {
    let info = this(v)?;
    Ok(new_string(format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        as_str(info.name).unwrap_or("?"),
        id_of(v),
        as_str(info.filename).unwrap_or("?"),
        info.firstlineno
    )))
}

fn co_name(v: Value) -> PyResult {
    Ok(this(v)?.name)
}

fn co_qualname(v: Value) -> PyResult {
    Ok(this(v)?.qualname)
}

fn co_filename(v: Value) -> PyResult {
    Ok(this(v)?.filename)
}

fn co_firstlineno(v: Value) -> PyResult {
    Ok(int_from_i64(i64::from(this(v)?.firstlineno)))
}

fn co_argcount(v: Value) -> PyResult {
    Ok(int_from_i64(i64::from(this(v)?.argcount)))
}

fn co_posonlyargcount(v: Value) -> PyResult {
    Ok(int_from_i64(i64::from(this(v)?.posonlyargcount)))
}

fn co_kwonlyargcount(v: Value) -> PyResult {
    Ok(int_from_i64(i64::from(this(v)?.kwonlyargcount)))
}

fn co_flags(v: Value) -> PyResult {
    Ok(int_from_i64(i64::from(this(v)?.flags)))
}

fn co_varnames(v: Value) -> PyResult {
    Ok(new_tuple(&this(v)?.varnames))
}

fn co_nlocals(v: Value) -> PyResult {
    Ok(int_from_i64(this(v)?.varnames.len() as i64))
}

/// Traces a code object: the values of its `CodeInfo` (the executor's
/// code is the executor's to keep alive).
fn trace(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(c) = as_code(v) {
        c.info.trace(visit);
    }
}

pub fn spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            repr: Some(code_repr),
            ..SlotDefs::default()
        },
        getsets: const {
            &[
                GetSetDef::readonly("co_name", co_name),
                GetSetDef::readonly("co_qualname", co_qualname),
                GetSetDef::readonly("co_filename", co_filename),
                GetSetDef::readonly("co_firstlineno", co_firstlineno),
                GetSetDef::readonly("co_argcount", co_argcount),
                GetSetDef::readonly("co_posonlyargcount", co_posonlyargcount),
                GetSetDef::readonly("co_kwonlyargcount", co_kwonlyargcount),
                GetSetDef::readonly("co_flags", co_flags),
                GetSetDef::readonly("co_varnames", co_varnames),
                GetSetDef::readonly("co_nlocals", co_nlocals),
            ]
        },
        trace,
        ..TypeSpec::new("code", TypeId::of::<CodeObject>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::string::new_str;

    #[test]
    fn code_answers_introspection() {
        let info = Box::leak(Box::new(CodeInfo::new(
            new_str("f"),
            new_str("f"),
            new_str("t.py"),
            3,
            2,
            0,
            0,
            0,
            vec![new_str("a"), new_str("b")],
        )));
        let c = new_code(std::ptr::null(), info);
        assert!(as_code(c).is_some());
        let n = crate::ops::attr::getattr_str(c, "co_argcount").unwrap();
        assert_eq!(n, Value::small_int(2));
        let r = crate::ops::object::repr_string(c).unwrap();
        assert!(r.starts_with("<code object f at 0x"), "{r}");
        assert!(r.ends_with("file \"t.py\", line 3>"), "{r}");
    }
}
