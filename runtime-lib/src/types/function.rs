//! Python functions: `CodeInfo` (what the runtime needs to know about a
//! code object: names, argument counts, flags, parameter names) and
//! `FunctionObject` (code + globals + defaults + closure + attributes).
//!
//! The executable code is opaque to the runtime: `code` points at the
//! executor's code object and `entry` is the executor's trampoline
//! (`fn(func, args, kwnames) -> PyResult`), which binds the arguments with
//! `types::bind::bind_arguments` and runs the body. The VM registers its
//! interpreter loop; native code registers one entry per compiled function.

use std::any::TypeId;
use std::cell::Cell;
use std::mem::offset_of;

use crate::error::PyResult;
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, id_of, PyPayload};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{flags, SlotDefs};
use crate::types::builtin_func::GetSetDef;
use crate::types::dict::DictObject;
use crate::types::registry::types;
use crate::types::shape::{Attrs, Shape};
use crate::types::string::{as_str, intern, new_string};
use crate::Value;

/// `co_flags` bits the runtime reads (CPython's values).
pub mod code_flags {
    pub const VARARGS: u32 = 0x04;
    pub const VARKEYWORDS: u32 = 0x08;
    pub const GENERATOR: u32 = 0x20;
    pub const COROUTINE: u32 = 0x80;
}

/// What the runtime knows about a code object.
pub struct CodeInfo {
    pub name: Value,
    pub qualname: Value,
    pub filename: Value,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// `code_flags` bits.
    pub flags: u32,
    /// Parameter names first (positional, keyword-only, `*args`,
    /// `**kwargs`), then the other locals if the executor wishes.
    pub varnames: Vec<Value>,
}

impl CodeInfo {
    /// Visits the values it holds (for the trace functions of the objects
    /// that point at it).
    pub fn trace(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.name);
        visit(self.qualname);
        visit(self.filename);
        self.varnames.iter().for_each(|&v| visit(v));
    }

    #[allow(clippy::too_many_arguments)]
    pub fn new(
        name: Value,
        qualname: Value,
        filename: Value,
        firstlineno: u32,
        argcount: u32,
        posonlyargcount: u32,
        kwonlyargcount: u32,
        flags: u32,
        varnames: Vec<Value>,
    ) -> CodeInfo {
        CodeInfo {
            name,
            qualname,
            filename,
            firstlineno,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            varnames,
        }
    }

    pub fn total_args(&self) -> usize {
        (self.argcount + self.kwonlyargcount) as usize
    }

    pub fn has_varargs(&self) -> bool {
        self.flags & code_flags::VARARGS != 0
    }

    pub fn has_varkw(&self) -> bool {
        self.flags & code_flags::VARKEYWORDS != 0
    }

    pub fn qualname(&self) -> &'static str {
        as_str(self.qualname).unwrap_or("?")
    }
}

/// An executor's entry point for a function.
pub type FunctionEntry = fn(Value, &[Value], Option<Value>) -> PyResult;

/// A Python function.
#[repr(C)]
pub struct FunctionObject {
    pub header: Header,
    pub entry: Cell<FunctionEntry>,
    /// The executor's code object (opaque to the runtime).
    pub code: *const (),
    pub code_info: &'static CodeInfo,
    /// The module's dict.
    pub globals: Value,
    pub name: Cell<Value>,
    pub qualname: Cell<Value>,
    pub module: Cell<Value>,
    /// Tuple of positional defaults, or None.
    pub defaults: Cell<Value>,
    /// Dict of keyword-only defaults, or None.
    pub kwdefaults: Cell<Value>,
    /// Tuple of cells, or None.
    pub closure: Cell<Value>,
    pub annotations: Cell<Value>,
    pub doc: Cell<Value>,
    pub attrs: Attrs,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for FunctionObject {}

pub const FUNCTION_ENTRY_OFFSET: usize = offset_of!(FunctionObject, entry);
pub const FUNCTION_CODE_OFFSET: usize = offset_of!(FunctionObject, code);
pub const FUNCTION_GLOBALS_OFFSET: usize = offset_of!(FunctionObject, globals);
pub const FUNCTION_CLOSURE_OFFSET: usize = offset_of!(FunctionObject, closure);

fn no_entry(_: Value, _: &[Value], _: Option<Value>) -> PyResult {
    Err(crate::error::system_error(
        "function has no entry point registered",
    ))
}

/// A new function for `code_info`; the executor sets `entry` (or passes it
/// to [`new_function_with_entry`]) and the optional parts (defaults,
/// kwdefaults, closure, annotations) through their cells.
pub fn new_function(code_info: &'static CodeInfo, code: *const (), globals: Value) -> Value {
    new_function_with_entry(code_info, code, globals, no_entry)
}

pub fn new_function_with_entry(
    code_info: &'static CodeInfo,
    code: *const (),
    globals: Value,
    entry: FunctionEntry,
) -> Value {
    let module = DictObject::cast(globals)
        .and_then(|d| d.get_str(intern("__name__")))
        .unwrap_or(Value::NONE);
    let f = alloc_value(FunctionObject {
        header: Header::new(types().function),
        entry: Cell::new(entry),
        code,
        code_info,
        globals,
        name: Cell::new(code_info.name),
        qualname: Cell::new(code_info.qualname),
        module: Cell::new(module),
        defaults: Cell::new(Value::NONE),
        kwdefaults: Cell::new(Value::NONE),
        closure: Cell::new(Value::NONE),
        annotations: Cell::new(Value::NULL),
        doc: Cell::new(Value::NONE),
        attrs: Attrs::new(Shape::root()),
    });
    if let Some(func) = downcast::<FunctionObject>(f) {
        func.attrs.use_inline_storage();
    }
    f
}

fn this(v: Value) -> PyResult<&'static FunctionObject> {
    downcast::<FunctionObject>(v)
        .ok_or_else(|| crate::error::internal_error("function slot on a non-function"))
}

fn function_call(f: Value, args: &[Value], kwnames: Option<Value>) -> PyResult {
    let func = this(f)?;
    (func.entry.get())(f, args, kwnames)
}

fn function_get(f: Value, obj: Value, _owner: Value) -> PyResult {
    if obj.is_null() {
        return Ok(f);
    }
    Ok(crate::types::method::new_method(f, obj))
}

fn function_repr(v: Value) -> PyResult {
    let f = this(v)?;
    Ok(new_string(format!(
        "<function {} at {:#x}>",
        as_str(f.qualname.get()).unwrap_or("?"),
        id_of(v)
    )))
}

fn trace(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(f) = downcast::<FunctionObject>(v) {
        for c in [
            &f.name,
            &f.qualname,
            &f.module,
            &f.defaults,
            &f.kwdefaults,
            &f.closure,
            &f.annotations,
            &f.doc,
        ] {
            visit(c.get());
        }
        visit(f.globals);
        f.code_info.trace(visit);
        f.attrs.trace(visit);
    }
}

fn get_name(v: Value) -> PyResult {
    Ok(this(v)?.name.get())
}

fn set_str_field(
    v: Value,
    x: Value,
    what: &str,
    field: fn(&FunctionObject) -> &Cell<Value>,
) -> PyResult<()> {
    if as_str(x).is_none() {
        return Err(crate::error::type_error(format!(
            "{what} must be set to a string object"
        )));
    }
    field(this(v)?).set(x);
    Ok(())
}

fn set_name(v: Value, x: Value) -> PyResult<()> {
    set_str_field(v, x, "__name__", |f| &f.name)
}

fn get_qualname(v: Value) -> PyResult {
    Ok(this(v)?.qualname.get())
}

fn set_qualname(v: Value, x: Value) -> PyResult<()> {
    set_str_field(v, x, "__qualname__", |f| &f.qualname)
}

fn get_module(v: Value) -> PyResult {
    Ok(this(v)?.module.get())
}

fn set_module(v: Value, x: Value) -> PyResult<()> {
    this(v)?
        .module
        .set(if x.is_null() { Value::NONE } else { x });
    Ok(())
}

fn get_defaults(v: Value) -> PyResult {
    Ok(this(v)?.defaults.get())
}

fn set_defaults(v: Value, x: Value) -> PyResult<()> {
    let x = if x.is_null() { Value::NONE } else { x };
    if !x.is_none() && crate::types::tuple::TupleObject::cast(x).is_none() {
        return Err(crate::error::type_error(
            "__defaults__ must be set to a tuple object",
        ));
    }
    this(v)?.defaults.set(x);
    Ok(())
}

fn get_kwdefaults(v: Value) -> PyResult {
    Ok(this(v)?.kwdefaults.get())
}

fn set_kwdefaults(v: Value, x: Value) -> PyResult<()> {
    this(v)?
        .kwdefaults
        .set(if x.is_null() { Value::NONE } else { x });
    Ok(())
}

fn get_globals(v: Value) -> PyResult {
    Ok(this(v)?.globals)
}

fn get_closure(v: Value) -> PyResult {
    Ok(this(v)?.closure.get())
}

fn get_doc(v: Value) -> PyResult {
    Ok(this(v)?.doc.get())
}

fn set_doc(v: Value, x: Value) -> PyResult<()> {
    this(v)?.doc.set(if x.is_null() { Value::NONE } else { x });
    Ok(())
}

fn get_annotations(v: Value) -> PyResult {
    let f = this(v)?;
    if f.annotations.get().is_null() || f.annotations.get().is_none() {
        f.annotations.set(DictObject::new_value());
    }
    Ok(f.annotations.get())
}

fn set_annotations(v: Value, x: Value) -> PyResult<()> {
    this(v)?
        .annotations
        .set(if x.is_null() { Value::NULL } else { x });
    Ok(())
}

fn get_dict(v: Value) -> PyResult {
    Ok(this(v)?.attrs.to_dict())
}

pub fn spec() -> TypeSpec {
    TypeSpec {
        attrs_offset: offset_of!(FunctionObject, attrs),
        flags: flags::HAS_DICT,
        slots: SlotDefs {
            call: Some(function_call),
            descr_get: Some(function_get),
            repr: Some(function_repr),
            ..SlotDefs::default()
        },
        getsets: const {
            &[
                GetSetDef::new("__name__", get_name, set_name),
                GetSetDef::new("__qualname__", get_qualname, set_qualname),
                GetSetDef::new("__module__", get_module, set_module),
                GetSetDef::new("__defaults__", get_defaults, set_defaults),
                GetSetDef::new("__kwdefaults__", get_kwdefaults, set_kwdefaults),
                GetSetDef::readonly("__globals__", get_globals),
                GetSetDef::readonly("__closure__", get_closure),
                GetSetDef::new("__doc__", get_doc, set_doc),
                GetSetDef::new("__annotations__", get_annotations, set_annotations),
                GetSetDef::readonly("__dict__", get_dict),
            ]
        },
        trace,
        ..TypeSpec::new("function", TypeId::of::<FunctionObject>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_layout_constants() {
        assert_eq!(FUNCTION_ENTRY_OFFSET, crate::heap::HEADER_SIZE);
        assert_eq!(FUNCTION_CODE_OFFSET, FUNCTION_ENTRY_OFFSET + 8);
        assert_eq!(FUNCTION_GLOBALS_OFFSET, FUNCTION_CODE_OFFSET + 16);
    }
}
