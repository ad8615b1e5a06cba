//! Builtin functions and the descriptors that put Rust code in type dicts:
//! `builtin_function_or_method` (a Rust fn pointer, optionally bound to a
//! `self`), `method_descriptor` / `classmethod_descriptor` (a builtin
//! type's methods, bound on attribute access), and `getset_descriptor`
//! (computed attributes such as `function.__name__`).
//!
//! Every builtin callable has the vectorcall signature [`BuiltinFn`]:
//! positional arguments then keyword values, with the keyword names in a
//! tuple of str. A method receives its `self` as `args[0]`.

use std::any::TypeId;

use crate::error::{type_error, PyResult};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, id_of, type_of};
use crate::ops::call::call_with_self;
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{as_type, SlotDefs, TypeObject};
use crate::types::registry::types;
use crate::types::string::new_str;
use crate::Value;

/// A builtin function: `(args, kwnames)`; methods get `self` as `args[0]`.
pub type BuiltinFn = fn(&[Value], Option<Value>) -> PyResult;
/// A computed attribute's getter.
pub type Getter = fn(Value) -> PyResult;
/// A computed attribute's setter; the value is NULL to delete.
pub type Setter = fn(Value, Value) -> PyResult<()>;

/// How a builtin type's method binds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum MethodKind {
    /// Bound to the instance (`list.append`).
    Instance,
    /// Bound to the class (`dict.fromkeys`).
    Class,
    /// Not bound (`str.maketrans`).
    Static,
}

/// A builtin type's method.
pub struct MethodDef {
    pub name: &'static str,
    pub func: BuiltinFn,
    pub kind: MethodKind,
}

impl MethodDef {
    pub const fn new(name: &'static str, func: BuiltinFn) -> MethodDef {
        MethodDef {
            name,
            func,
            kind: MethodKind::Instance,
        }
    }

    pub const fn class(name: &'static str, func: BuiltinFn) -> MethodDef {
        MethodDef {
            name,
            func,
            kind: MethodKind::Class,
        }
    }

    pub const fn static_(name: &'static str, func: BuiltinFn) -> MethodDef {
        MethodDef {
            name,
            func,
            kind: MethodKind::Static,
        }
    }
}

/// A builtin type's computed attribute.
pub struct GetSetDef {
    pub name: &'static str,
    pub get: Getter,
    pub set: Option<Setter>,
}

impl GetSetDef {
    pub const fn readonly(name: &'static str, get: Getter) -> GetSetDef {
        GetSetDef {
            name,
            get,
            set: None,
        }
    }

    pub const fn new(name: &'static str, get: Getter, set: Setter) -> GetSetDef {
        GetSetDef {
            name,
            get,
            set: Some(set),
        }
    }
}

/// `builtin_function_or_method`.
#[repr(C)]
pub struct BuiltinFunctionObject {
    pub header: Header,
    pub name: &'static str,
    pub func: BuiltinFn,
    /// The bound `self` (NULL for a plain function).
    pub self_: Value,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for BuiltinFunctionObject {}

/// A plain builtin function (`len`) or one bound to `self_` (`[].append`).
pub fn new_builtin_function(name: &'static str, func: BuiltinFn, self_: Value) -> Value {
    alloc_value(BuiltinFunctionObject {
        header: Header::new(types().builtin_function),
        name,
        func,
        self_,
    })
}

fn trace_builtin(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(f) = downcast::<BuiltinFunctionObject>(v) {
        visit(f.self_);
    }
}

fn builtin_call(callable: Value, args: &[Value], kwnames: Option<Value>) -> PyResult {
    let Some(f) = downcast::<BuiltinFunctionObject>(callable) else {
        return Err(crate::error::internal_error(
            "builtin call on a non-builtin",
        ));
    };
    if f.self_.is_null() {
        (f.func)(args, kwnames)
    } else {
        call_with_self(f.func, f.self_, args, kwnames)
    }
}

fn builtin_repr(v: Value) -> PyResult {
    let Some(f) = downcast::<BuiltinFunctionObject>(v) else {
        return Ok(new_str("<built-in function>"));
    };
    if f.self_.is_null() || crate::types::module::ModuleObject::cast(f.self_).is_some() {
        return Ok(new_str(&format!("<built-in function {}>", f.name)));
    }
    if let Some(t) = as_type(f.self_) {
        return Ok(new_str(&format!(
            "<built-in method {} of type object at {:#x}>",
            f.name,
            id_of(t.as_value())
        )));
    }
    Ok(new_str(&format!(
        "<built-in method {} of {} object at {:#x}>",
        f.name,
        type_of(f.self_).name(),
        id_of(f.self_)
    )))
}

fn builtin_name(v: Value) -> PyResult {
    let f = downcast::<BuiltinFunctionObject>(v).map_or("", |f| f.name);
    Ok(new_str(f))
}

fn builtin_qualname(v: Value) -> PyResult {
    let Some(f) = downcast::<BuiltinFunctionObject>(v) else {
        return Ok(new_str(""));
    };
    if f.self_.is_null() || crate::types::module::ModuleObject::cast(f.self_).is_some() {
        return Ok(new_str(f.name));
    }
    let owner = as_type(f.self_).unwrap_or_else(|| type_of(f.self_));
    Ok(new_str(&format!("{}.{}", owner.qualname(), f.name)))
}

fn builtin_self(v: Value) -> PyResult {
    let s = downcast::<BuiltinFunctionObject>(v).map_or(Value::NONE, |f| f.self_);
    Ok(if s.is_null() { Value::NONE } else { s })
}

pub fn builtin_function_spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            call: Some(builtin_call),
            repr: Some(builtin_repr),
            ..SlotDefs::default()
        },
        getsets: const {
            &[
                GetSetDef::readonly("__name__", builtin_name),
                GetSetDef::readonly("__qualname__", builtin_qualname),
                GetSetDef::readonly("__self__", builtin_self),
            ]
        },
        trace: trace_builtin,
        ..TypeSpec::new(
            "builtin_function_or_method",
            TypeId::of::<BuiltinFunctionObject>(),
        )
    }
}

/// `method_descriptor` / `classmethod_descriptor`: a builtin type's method.
#[repr(C)]
pub struct MethodDescrObject {
    pub header: Header,
    pub def: &'static MethodDef,
    pub objclass: &'static TypeObject,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for MethodDescrObject {}

/// The dict entry for a builtin type's method.
pub fn new_method_descr(def: &'static MethodDef, objclass: &'static TypeObject) -> Value {
    let t = types();
    let ty = match def.kind {
        MethodKind::Instance => t.method_descriptor,
        MethodKind::Class => t.classmethod_descriptor,
        MethodKind::Static => return new_builtin_function(def.name, def.func, Value::NULL),
    };
    alloc_value(MethodDescrObject {
        header: Header::new(ty),
        def,
        objclass,
    })
}

fn method_descr_call(callable: Value, args: &[Value], kwnames: Option<Value>) -> PyResult {
    let Some(d) = downcast::<MethodDescrObject>(callable) else {
        return Err(crate::error::internal_error("method descriptor call"));
    };
    call_method_descr(d, args, kwnames)
}

/// Calls a builtin type's method with `args` (self first). Inline: the
/// common case, an instance method called on an instance of exactly its
/// type, is one compare before the call (`LOAD_METHOD`/`CALL` pairs come
/// here straight from generated code).
#[inline]
pub fn call_method_descr(
    d: &MethodDescrObject,
    args: &[Value],
    kwnames: Option<Value>,
) -> PyResult {
    match args.first() {
        Some(&first)
            if d.def.kind != MethodKind::Class && std::ptr::eq(type_of(first), d.objclass) =>
        {
            (d.def.func)(args, kwnames)
        }
        _ => call_method_descr_checked(d, args, kwnames),
    }
}

/// [`call_method_descr`] past the common case: checks the first argument.
#[inline(never)]
fn call_method_descr_checked(
    d: &MethodDescrObject,
    args: &[Value],
    kwnames: Option<Value>,
) -> PyResult {
    // The names are only read for the errors.
    let names = || (d.def.name, d.objclass.name());
    let Some(&first) = args.first() else {
        let (name, cls) = names();
        return Err(type_error(format!(
            "unbound method {cls}.{name}() needs an argument"
        )));
    };
    if d.def.kind == MethodKind::Class {
        match as_type(first) {
            Some(t) if t.is_subtype(d.objclass) => {}
            _ => {
                let (name, cls) = names();
                return Err(type_error(format!(
                    "descriptor '{name}' for type '{cls}' needs a type, not a '{}' as arg 2",
                    type_of(first).name()
                )));
            }
        }
    } else if !type_of(first).is_subtype(d.objclass) {
        let (name, cls) = names();
        return Err(type_error(format!(
            "descriptor '{name}' for '{cls}' objects doesn't apply to a '{}' object",
            type_of(first).name()
        )));
    }
    (d.def.func)(args, kwnames)
}

fn method_descr_get(descr: Value, obj: Value, owner: Value) -> PyResult {
    let Some(d) = downcast::<MethodDescrObject>(descr) else {
        return Ok(descr);
    };
    if d.def.kind == MethodKind::Class {
        let ty = if obj.is_null() || obj.is_none() && !owner.is_null() {
            owner
        } else {
            type_of(obj).as_value()
        };
        return Ok(new_builtin_function(d.def.name, d.def.func, ty));
    }
    if obj.is_null() {
        return Ok(descr);
    }
    if !type_of(obj).is_subtype(d.objclass) {
        return Err(type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            d.def.name,
            d.objclass.name(),
            type_of(obj).name()
        )));
    }
    Ok(new_builtin_function(d.def.name, d.def.func, obj))
}

fn method_descr_repr(v: Value) -> PyResult {
    let Some(d) = downcast::<MethodDescrObject>(v) else {
        return Ok(new_str("<method>"));
    };
    Ok(new_str(&format!(
        "<method '{}' of '{}' objects>",
        d.def.name,
        d.objclass.name()
    )))
}

fn descr_name(v: Value) -> PyResult {
    if let Some(d) = downcast::<MethodDescrObject>(v) {
        return Ok(new_str(d.def.name));
    }
    if let Some(d) = downcast::<GetSetDescrObject>(v) {
        return Ok(new_str(d.def.name));
    }
    Ok(new_str(""))
}

fn descr_objclass(v: Value) -> PyResult {
    if let Some(d) = downcast::<MethodDescrObject>(v) {
        return Ok(d.objclass.as_value());
    }
    if let Some(d) = downcast::<GetSetDescrObject>(v) {
        return Ok(d.objclass.as_value());
    }
    Ok(Value::NONE)
}

const DESCR_GETSETS: &[GetSetDef] = &[
    GetSetDef::readonly("__name__", descr_name),
    GetSetDef::readonly("__objclass__", descr_objclass),
];

/// Traces a method descriptor: its owner type.
fn trace_method_descr(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(d) = downcast::<MethodDescrObject>(v) {
        visit(d.objclass.as_value());
    }
}

pub fn method_descr_spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            call: Some(method_descr_call),
            descr_get: Some(method_descr_get),
            repr: Some(method_descr_repr),
            ..SlotDefs::default()
        },
        getsets: DESCR_GETSETS,
        trace: trace_method_descr,
        ..TypeSpec::new("method_descriptor", TypeId::of::<MethodDescrObject>())
    }
}

pub fn classmethod_descr_spec() -> TypeSpec {
    TypeSpec {
        bases: &["object"],
        ..TypeSpec {
            name: "classmethod_descriptor",
            ..method_descr_spec()
        }
    }
}

/// `getset_descriptor`: a computed attribute of a builtin type.
#[repr(C)]
pub struct GetSetDescrObject {
    pub header: Header,
    pub def: &'static GetSetDef,
    pub objclass: &'static TypeObject,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for GetSetDescrObject {}

pub fn new_getset_descr(def: &'static GetSetDef, objclass: &'static TypeObject) -> Value {
    alloc_value(GetSetDescrObject {
        header: Header::new(types().getset_descriptor),
        def,
        objclass,
    })
}

fn getset_check(d: &GetSetDescrObject, obj: Value) -> PyResult<()> {
    if type_of(obj).is_subtype(d.objclass) {
        Ok(())
    } else {
        Err(type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            d.def.name,
            d.objclass.name(),
            type_of(obj).name()
        )))
    }
}

fn getset_get(descr: Value, obj: Value, _owner: Value) -> PyResult {
    let Some(d) = downcast::<GetSetDescrObject>(descr) else {
        return Ok(descr);
    };
    if obj.is_null() {
        return Ok(descr);
    }
    getset_check(d, obj)?;
    (d.def.get)(obj)
}

fn getset_set(descr: Value, obj: Value, value: Value) -> PyResult<()> {
    let Some(d) = downcast::<GetSetDescrObject>(descr) else {
        return Ok(());
    };
    getset_check(d, obj)?;
    match d.def.set {
        Some(set) => set(obj, value),
        None => Err(crate::error::attribute_error(format!(
            "attribute '{}' of '{}' objects is not writable",
            d.def.name,
            d.objclass.name()
        ))),
    }
}

fn getset_repr(v: Value) -> PyResult {
    let Some(d) = downcast::<GetSetDescrObject>(v) else {
        return Ok(new_str("<attribute>"));
    };
    Ok(new_str(&format!(
        "<attribute '{}' of '{}' objects>",
        d.def.name,
        d.objclass.name()
    )))
}

/// Traces a getset descriptor: its owner type (a user class for the
/// `__dict__` descriptor of its instances).
fn trace_getset_descr(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(d) = downcast::<GetSetDescrObject>(v) {
        visit(d.objclass.as_value());
    }
}

pub fn getset_descr_spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            descr_get: Some(getset_get),
            descr_set: Some(getset_set),
            repr: Some(getset_repr),
            ..SlotDefs::default()
        },
        getsets: DESCR_GETSETS,
        trace: trace_getset_descr,
        ..TypeSpec::new("getset_descriptor", TypeId::of::<GetSetDescrObject>())
    }
}
