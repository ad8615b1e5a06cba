//! The descriptor decorators: `staticmethod`, `classmethod` and
//! `property` (with getter/setter/deleter and `__set_name__`, whose name
//! CPython 3.11 uses in its "has no setter" messages).

use std::any::TypeId;
use std::cell::Cell;

use crate::args;
use crate::error::{attribute_error, PyResult};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, type_of};
use crate::ops::call::call;
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{flags, SlotDefs, TypeObject};
use crate::types::builtin_func::{GetSetDef, MethodDef};
use crate::types::registry::types;
use crate::types::string::{as_str, intern, new_string};
use crate::Value;

/// `staticmethod(f)` / `classmethod(f)`: one wrapped callable.
#[repr(C)]
pub struct FuncWrapperObject {
    pub header: Header,
    pub func: Cell<Value>,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for FuncWrapperObject {}

pub fn new_staticmethod(f: Value) -> Value {
    alloc_value(FuncWrapperObject {
        header: Header::new(types().staticmethod),
        func: Cell::new(f),
    })
}

pub fn new_classmethod(f: Value) -> Value {
    alloc_value(FuncWrapperObject {
        header: Header::new(types().classmethod),
        func: Cell::new(f),
    })
}

fn wrapped(v: Value) -> PyResult<Value> {
    let w = downcast::<FuncWrapperObject>(v)
        .or_else(|| crate::object::wrapped_value(v).and_then(downcast::<FuncWrapperObject>));
    w.map(|w| w.func.get())
        .ok_or_else(|| crate::error::internal_error("descriptor wrapper"))
}

fn static_get(d: Value, _obj: Value, _owner: Value) -> PyResult {
    wrapped(d)
}

fn static_call(d: Value, a: &[Value], k: Option<Value>) -> PyResult {
    call(wrapped(d)?, a, k)
}

fn class_get(d: Value, obj: Value, owner: Value) -> PyResult {
    let owner = if owner.is_null() || owner.is_none() {
        type_of(obj).as_value()
    } else {
        owner
    };
    Ok(crate::types::method::new_method(wrapped(d)?, owner))
}

fn wrapper_new(cls: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let name = cls.name();
    let [f] = args::exact::<1>(name, a, k)?;
    // A user subclass's instances are `InstanceObject`s wrapping the
    // builtin object (see `typeobj::class`).
    let builtin = crate::typeobj::class::solid_base(cls);
    let v = alloc_value(FuncWrapperObject {
        header: Header::new(builtin),
        func: Cell::new(f),
    });
    wrap_for(cls, builtin, v)
}

/// `v` (an object of the builtin type `builtin`) as an instance of `cls`:
/// itself, or a user-subclass instance wrapping it.
fn wrap_for(cls: &'static TypeObject, builtin: &TypeObject, v: Value) -> PyResult {
    if std::ptr::eq(cls, builtin) {
        Ok(v)
    } else {
        crate::types::instance::new_wrapped_instance(cls, v)
    }
}

fn wrapper_repr(v: Value) -> PyResult {
    let inner = crate::ops::object::repr_string(wrapped(v)?)?;
    Ok(new_string(format!("<{}({inner})>", type_of(v).name())))
}

fn get_func(v: Value) -> PyResult {
    wrapped(v)
}

fn trace_wrapper(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(w) = downcast::<FuncWrapperObject>(v) {
        visit(w.func.get());
    }
}

fn wrapper_spec(name: &'static str, get: crate::typeobj::DescrGetFn) -> TypeSpec {
    TypeSpec {
        flags: flags::BASETYPE,
        slots: SlotDefs {
            descr_get: Some(get),
            repr: Some(wrapper_repr),
            new: Some(wrapper_new),
            ..SlotDefs::default()
        },
        getsets: const {
            &[
                GetSetDef::readonly("__func__", get_func),
                GetSetDef::readonly("__wrapped__", get_func),
            ]
        },
        trace: trace_wrapper,
        ..TypeSpec::new(name, TypeId::of::<FuncWrapperObject>())
    }
}

pub fn staticmethod_spec() -> TypeSpec {
    let mut s = wrapper_spec("staticmethod", static_get);
    s.slots.call = Some(static_call);
    s
}

pub fn classmethod_spec() -> TypeSpec {
    wrapper_spec("classmethod", class_get)
}

/// `property(fget, fset, fdel, doc)`.
#[repr(C)]
pub struct PropertyObject {
    pub header: Header,
    pub fget: Cell<Value>,
    pub fset: Cell<Value>,
    pub fdel: Cell<Value>,
    pub doc: Cell<Value>,
    pub name: Cell<Value>,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for PropertyObject {}

fn prop(v: Value) -> PyResult<&'static PropertyObject> {
    downcast::<PropertyObject>(v)
        .or_else(|| crate::object::wrapped_value(v).and_then(downcast::<PropertyObject>))
        .ok_or_else(|| crate::error::internal_error("property slot on a non-property"))
}

fn some(v: Value) -> Value {
    if v.is_null() {
        Value::NONE
    } else {
        v
    }
}

fn new_property(
    ty: &'static TypeObject,
    fget: Value,
    fset: Value,
    fdel: Value,
    doc: Value,
) -> PyResult {
    let fget = some(fget);
    let mut doc = some(doc);
    if doc.is_none() && !fget.is_none() {
        doc = crate::ops::attr::getattr_opt(fget, intern("__doc__"))?.unwrap_or(Value::NONE);
    }
    // The name comes from `__set_name__` only (a property assigned to a
    // class after its creation has none), as CPython 3.11's `prop_name`.
    let name = Value::NONE;
    let builtin = types().property;
    let p = alloc_value(PropertyObject {
        header: Header::new(builtin),
        fget: Cell::new(fget),
        fset: Cell::new(some(fset)),
        fdel: Cell::new(some(fdel)),
        doc: Cell::new(doc),
        name: Cell::new(name),
    });
    wrap_for(ty, builtin, p)
}

fn property_new(cls: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let [fget, fset, fdel, doc] =
        args::parse("property", a, k, ["fget", "fset", "fdel", "doc"], 0)?;
    new_property(cls, fget, fset, fdel, doc)
}

fn missing(p: &PropertyObject, obj: Value, what: &str) -> crate::error::Raised {
    let owner = type_of(obj).name();
    match as_str(p.name.get()) {
        Some(n) => attribute_error(format!("property '{n}' of '{owner}' object has no {what}")),
        None => attribute_error(format!("property of '{owner}' object has no {what}")),
    }
}

fn property_get(d: Value, obj: Value, _owner: Value) -> PyResult {
    if obj.is_null() {
        return Ok(d);
    }
    let p = prop(d)?;
    if p.fget.get().is_none() {
        return Err(missing(p, obj, "getter"));
    }
    call(p.fget.get(), &[obj], None)
}

fn property_set(d: Value, obj: Value, value: Value) -> PyResult<()> {
    let p = prop(d)?;
    if value.is_null() {
        if p.fdel.get().is_none() {
            return Err(missing(p, obj, "deleter"));
        }
        call(p.fdel.get(), &[obj], None)?;
    } else {
        if p.fset.get().is_none() {
            return Err(missing(p, obj, "setter"));
        }
        call(p.fset.get(), &[obj, value], None)?;
    }
    Ok(())
}

fn copy_with(a: &[Value], k: Option<Value>, name: &str, which: usize) -> PyResult {
    let (s, [f]) = args::method::<1>(name, a, k, 1)?;
    let p = prop(s)?;
    let mut parts = [p.fget.get(), p.fset.get(), p.fdel.get()];
    parts[which] = f;
    let doc = if which == 0 { Value::NONE } else { p.doc.get() };
    let out = new_property(type_of(s), parts[0], parts[1], parts[2], doc)?;
    if !p.name.get().is_none() {
        prop(out)?.name.set(p.name.get());
    }
    Ok(out)
}

fn getter(a: &[Value], k: Option<Value>) -> PyResult {
    copy_with(a, k, "property.getter", 0)
}

fn setter(a: &[Value], k: Option<Value>) -> PyResult {
    copy_with(a, k, "property.setter", 1)
}

fn deleter(a: &[Value], k: Option<Value>) -> PyResult {
    copy_with(a, k, "property.deleter", 2)
}

fn set_name(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [_owner, name]) = args::method::<2>("__set_name__", a, k, 2)?;
    prop(s)?.name.set(name);
    Ok(Value::NONE)
}

fn fget(v: Value) -> PyResult {
    Ok(prop(v)?.fget.get())
}

fn fset(v: Value) -> PyResult {
    Ok(prop(v)?.fset.get())
}

fn fdel(v: Value) -> PyResult {
    Ok(prop(v)?.fdel.get())
}

fn doc(v: Value) -> PyResult {
    Ok(prop(v)?.doc.get())
}

fn trace_property(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(p) = downcast::<PropertyObject>(v) {
        for c in [&p.fget, &p.fset, &p.fdel, &p.doc, &p.name] {
            visit(c.get());
        }
    }
}

pub fn property_spec() -> TypeSpec {
    TypeSpec {
        flags: flags::BASETYPE,
        slots: SlotDefs {
            descr_get: Some(property_get),
            descr_set: Some(property_set),
            new: Some(property_new),
            ..SlotDefs::default()
        },
        methods: const {
            &[
                MethodDef::new("getter", getter),
                MethodDef::new("setter", setter),
                MethodDef::new("deleter", deleter),
                MethodDef::new("__set_name__", set_name),
            ]
        },
        getsets: const {
            &[
                GetSetDef::readonly("fget", fget),
                GetSetDef::readonly("fset", fset),
                GetSetDef::readonly("fdel", fdel),
                GetSetDef::readonly("__doc__", doc),
            ]
        },
        trace: trace_property,
        ..TypeSpec::new("property", TypeId::of::<PropertyObject>())
    }
}
