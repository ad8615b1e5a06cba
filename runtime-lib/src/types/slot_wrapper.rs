//! Slot wrappers: a builtin type's slots seen as dunder methods.
//!
//! `int.__add__`, `object.__repr__`, `list.__len__` are `wrapper_descriptor`
//! objects made from the slots a builtin type defines (CPython's
//! `slotdefs`); bound to an instance they become `method-wrapper`s. They
//! call the slot of the type that defined them, which is what makes
//! `super().__init__()` or `object.__repr__(self)` reach the builtin code.

use std::any::TypeId;

use crate::error::{type_error, PyResult};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::PyPayload;
use crate::object::{downcast, id_of, type_of};
use crate::ops::{BinOp, CompareOp, UnaryOp};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{SlotDefs, TypeObject};
use crate::types::builtin_func::GetSetDef;
use crate::types::registry::types;
use crate::types::string::{intern, new_str};
use crate::Value;

/// Which slot a wrapper calls, and how.
#[derive(Clone, Copy, Debug)]
pub enum WrapperKind {
    Repr,
    Str,
    Hash,
    Compare(CompareOp),
    Bool,
    Len,
    GetItem,
    SetItem,
    DelItem,
    Contains,
    Iter,
    Next,
    Call,
    GetAttribute,
    SetAttr,
    DelAttr,
    Get,
    Set,
    Delete,
    Binary(BinOp),
    RBinary(BinOp),
    Inplace(BinOp),
    Unary(UnaryOp),
    Index,
    Int,
    Float,
    Init,
}

/// `wrapper_descriptor`.
#[repr(C)]
pub struct SlotWrapperObject {
    pub header: Header,
    pub name: &'static str,
    pub kind: WrapperKind,
    pub objclass: &'static TypeObject,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for SlotWrapperObject {}

/// `method-wrapper`: a slot wrapper bound to an instance.
#[repr(C)]
pub struct MethodWrapperObject {
    pub header: Header,
    pub wrapper: &'static SlotWrapperObject,
    pub self_: Value,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for MethodWrapperObject {}

/// Which operators a type exposes as wrappers (its slots handle them all).
pub struct WrapperSet {
    pub binary_ops: &'static [BinOp],
    pub inplace_ops: &'static [BinOp],
    pub unary_ops: &'static [UnaryOp],
}

/// Adds `ty`'s wrappers for the slots in `defs` to its dict.
pub fn add_slot_wrappers(ty: &'static TypeObject, defs: &SlotDefs, set: &WrapperSet) {
    let d = ty.dict();
    let add = |name: &'static str, kind: WrapperKind| {
        let w = alloc_value(SlotWrapperObject {
            header: Header::new(types().wrapper_descriptor),
            name,
            kind,
            objclass: ty,
        });
        d.set_str(intern(name), w);
    };
    use WrapperKind as K;
    if defs.repr.is_some() {
        add("__repr__", K::Repr);
    }
    if defs.str.is_some() {
        add("__str__", K::Str);
    }
    if defs.hash.is_some() {
        add("__hash__", K::Hash);
    }
    if defs.richcompare.is_some() {
        for op in CompareOp::ALL {
            add(op.dunder(), K::Compare(op));
        }
    }
    if defs.bool.is_some() {
        add("__bool__", K::Bool);
    }
    if defs.len.is_some() {
        add("__len__", K::Len);
    }
    if defs.getitem.is_some() {
        add("__getitem__", K::GetItem);
    }
    if defs.setitem.is_some() {
        add("__setitem__", K::SetItem);
        add("__delitem__", K::DelItem);
    }
    if defs.contains.is_some() {
        add("__contains__", K::Contains);
    }
    if defs.iter.is_some() {
        add("__iter__", K::Iter);
    }
    if defs.next.is_some() {
        add("__next__", K::Next);
    }
    if defs.call.is_some() {
        add("__call__", K::Call);
    }
    if defs.getattro.is_some() {
        add("__getattribute__", K::GetAttribute);
    }
    if defs.setattro.is_some() {
        add("__setattr__", K::SetAttr);
        add("__delattr__", K::DelAttr);
    }
    if defs.descr_get.is_some() {
        add("__get__", K::Get);
    }
    if defs.descr_set.is_some() {
        add("__set__", K::Set);
        add("__delete__", K::Delete);
    }
    if defs.binary.is_some() {
        for &op in set.binary_ops {
            add(op.dunder(), K::Binary(op));
            add(op.rdunder(), K::RBinary(op));
        }
    }
    if defs.inplace.is_some() {
        for &op in set.inplace_ops {
            if let Some(n) = op.idunder() {
                add(n, K::Inplace(op));
            }
        }
    }
    if defs.unary.is_some() {
        for &op in set.unary_ops {
            add(op.dunder(), K::Unary(op));
        }
    }
    if defs.index.is_some() {
        add("__index__", K::Index);
    }
    if defs.int.is_some() {
        add("__int__", K::Int);
    }
    if defs.float.is_some() {
        add("__float__", K::Float);
    }
    if defs.init.is_some() {
        add("__init__", K::Init);
    }
    if defs.new.is_some() {
        let f =
            crate::types::builtin_func::new_builtin_function("__new__", new_wrapper, ty.as_value());
        d.set_str(intern("__new__"), f);
    }
}

/// `T.__new__(cls, *args)`: the builtin `tp_new` of `T` for the subtype `cls`.
fn new_wrapper(args: &[Value], kwnames: Option<Value>) -> PyResult {
    let owner = crate::typeobj::as_type_unchecked(args[0]);
    let Some(&cls_v) = args.get(1) else {
        return Err(type_error(format!(
            "{}.__new__(): not enough arguments",
            owner.name()
        )));
    };
    let Some(cls) = crate::typeobj::as_type(cls_v) else {
        return Err(type_error(format!(
            "{}.__new__(X): X is not a type object ({})",
            owner.name(),
            type_of(cls_v).name()
        )));
    };
    if !cls.is_subtype(owner) {
        return Err(type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            owner.name(),
            cls.name(),
            cls.name(),
            owner.name()
        )));
    }
    match owner.slots.new.get() {
        Some(new) => new(cls, &args[2..], kwnames),
        None => Err(type_error(format!(
            "cannot create '{}' instances",
            owner.name()
        ))),
    }
}

fn expect_args(args: &[Value], n: usize) -> PyResult<()> {
    if args.len() == n {
        Ok(())
    } else {
        let s = if n == 1 { "" } else { "s" };
        Err(type_error(format!(
            "expected {n} argument{s}, got {}",
            args.len()
        )))
    }
}

fn no_kw(name: &str, kwnames: Option<Value>) -> PyResult<()> {
    match kwnames.and_then(crate::types::tuple::TupleObject::cast) {
        Some(t) if !t.is_empty() => Err(type_error(format!(
            "wrapper {name}() takes no keyword arguments"
        ))),
        _ => Ok(()),
    }
}

fn missing_slot(w: &SlotWrapperObject) -> crate::error::Raised {
    crate::error::internal_error(&format!("slot wrapper {} without its slot", w.name))
}

/// Calls wrapper `w` with `self_` and the remaining arguments.
pub fn call_wrapper(
    w: &SlotWrapperObject,
    self_: Value,
    args: &[Value],
    kwnames: Option<Value>,
) -> PyResult {
    if !type_of(self_).is_subtype(w.objclass) {
        return Err(type_error(format!(
            "descriptor '{}' requires a '{}' object but received a '{}'",
            w.name,
            w.objclass.name(),
            type_of(self_).name()
        )));
    }
    use WrapperKind as K;
    let s = &w.objclass.slots;
    if !matches!(w.kind, K::Call | K::Init) {
        no_kw(w.name, kwnames)?;
    }
    let err = || missing_slot(w);
    match w.kind {
        K::Repr => {
            expect_args(args, 0)?;
            s.repr.get().ok_or_else(err)?(self_)
        }
        K::Str => {
            expect_args(args, 0)?;
            s.str.get().ok_or_else(err)?(self_)
        }
        K::Hash => {
            expect_args(args, 0)?;
            Ok(crate::types::int::int_from_i64(s
                .hash
                .get()
                .ok_or_else(err)?(
                self_
            )?))
        }
        K::Compare(op) => {
            expect_args(args, 1)?;
            s.richcompare.get().ok_or_else(err)?(self_, args[0], op)
        }
        K::Bool => {
            expect_args(args, 0)?;
            Ok(Value::from_bool(s.bool.get().ok_or_else(err)?(self_)?))
        }
        K::Len => {
            expect_args(args, 0)?;
            Ok(crate::types::int::int_from_usize(s
                .len
                .get()
                .ok_or_else(err)?(
                self_
            )?))
        }
        K::GetItem => {
            expect_args(args, 1)?;
            s.getitem.get().ok_or_else(err)?(self_, args[0])
        }
        K::SetItem => {
            expect_args(args, 2)?;
            s.setitem.get().ok_or_else(err)?(self_, args[0], args[1])?;
            Ok(Value::NONE)
        }
        K::DelItem => {
            expect_args(args, 1)?;
            s.setitem.get().ok_or_else(err)?(self_, args[0], Value::NULL)?;
            Ok(Value::NONE)
        }
        K::Contains => {
            expect_args(args, 1)?;
            Ok(Value::from_bool(s.contains.get().ok_or_else(err)?(
                self_, args[0],
            )?))
        }
        K::Iter => {
            expect_args(args, 0)?;
            s.iter.get().ok_or_else(err)?(self_)
        }
        K::Next => {
            expect_args(args, 0)?;
            match s.next.get().ok_or_else(err)?(self_)? {
                Some(v) => Ok(v),
                None => Err(crate::error::stop_iteration(Value::NULL)),
            }
        }
        K::Call => s.call.get().ok_or_else(err)?(self_, args, kwnames),
        K::GetAttribute => {
            expect_args(args, 1)?;
            let name = crate::ops::attr::check_attr_name(args[0])?;
            match s.getattro.get().ok_or_else(err)?(self_, name)? {
                Some(v) => Ok(v),
                None => Err(crate::ops::attr::no_attribute(self_, name)),
            }
        }
        K::SetAttr => {
            expect_args(args, 2)?;
            let name = crate::ops::attr::check_attr_name(args[0])?;
            s.setattro.get().ok_or_else(err)?(self_, name, args[1])?;
            Ok(Value::NONE)
        }
        K::DelAttr => {
            expect_args(args, 1)?;
            let name = crate::ops::attr::check_attr_name(args[0])?;
            s.setattro.get().ok_or_else(err)?(self_, name, Value::NULL)?;
            Ok(Value::NONE)
        }
        K::Get => {
            if args.is_empty() || args.len() > 2 {
                return Err(type_error(format!(
                    "expected 1 or 2 arguments, got {}",
                    args.len()
                )));
            }
            let obj = if args[0].is_none() {
                Value::NULL
            } else {
                args[0]
            };
            let owner = args
                .get(1)
                .copied()
                .filter(|v| !v.is_none())
                .unwrap_or(Value::NULL);
            if obj.is_null() && owner.is_null() {
                return Err(type_error("__get__(None, None) is invalid"));
            }
            let owner = if owner.is_null() {
                type_of(obj).as_value()
            } else {
                owner
            };
            s.descr_get.get().ok_or_else(err)?(self_, obj, owner)
        }
        K::Set => {
            expect_args(args, 2)?;
            s.descr_set.get().ok_or_else(err)?(self_, args[0], args[1])?;
            Ok(Value::NONE)
        }
        K::Delete => {
            expect_args(args, 1)?;
            s.descr_set.get().ok_or_else(err)?(self_, args[0], Value::NULL)?;
            Ok(Value::NONE)
        }
        K::Binary(op) | K::RBinary(op) => {
            let rev = matches!(w.kind, K::RBinary(_));
            if op == BinOp::Pow && args.len() == 2 && !args[1].is_none() {
                let f = s.pow3.get().ok_or_else(err)?;
                return if rev {
                    f(args[0], self_, args[1])
                } else {
                    f(self_, args[0], args[1])
                };
            }
            if op == BinOp::Pow && args.len() == 2 {
                let f = s.binary.get().ok_or_else(err)?;
                return if rev {
                    f(op, args[0], self_)
                } else {
                    f(op, self_, args[0])
                };
            }
            expect_args(args, 1)?;
            let f = s.binary.get().ok_or_else(err)?;
            if rev {
                f(op, args[0], self_)
            } else {
                f(op, self_, args[0])
            }
        }
        K::Inplace(op) => {
            expect_args(args, 1)?;
            s.inplace.get().ok_or_else(err)?(op, self_, args[0])
        }
        K::Unary(op) => {
            expect_args(args, 0)?;
            s.unary.get().ok_or_else(err)?(op, self_)
        }
        K::Index => {
            expect_args(args, 0)?;
            s.index.get().ok_or_else(err)?(self_)
        }
        K::Int => {
            expect_args(args, 0)?;
            s.int.get().ok_or_else(err)?(self_)
        }
        K::Float => {
            expect_args(args, 0)?;
            s.float.get().ok_or_else(err)?(self_)
        }
        K::Init => {
            s.init.get().ok_or_else(err)?(self_, args, kwnames)?;
            Ok(Value::NONE)
        }
    }
}

fn wrapper_call(callable: Value, args: &[Value], kwnames: Option<Value>) -> PyResult {
    let Some(w) = downcast::<SlotWrapperObject>(callable) else {
        return Err(crate::error::internal_error("wrapper call"));
    };
    let Some(&self_) = args.first() else {
        return Err(type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            w.name,
            w.objclass.name()
        )));
    };
    call_wrapper(w, self_, &args[1..], kwnames)
}

fn wrapper_get(descr: Value, obj: Value, _owner: Value) -> PyResult {
    let Some(w) = downcast::<SlotWrapperObject>(descr) else {
        return Ok(descr);
    };
    if obj.is_null() {
        return Ok(descr);
    }
    if !type_of(obj).is_subtype(w.objclass) {
        return Err(type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            w.name,
            w.objclass.name(),
            type_of(obj).name()
        )));
    }
    Ok(alloc_value(MethodWrapperObject {
        header: Header::new(types().method_wrapper),
        wrapper: w,
        self_: obj,
    }))
}

fn wrapper_repr(v: Value) -> PyResult {
    let Some(w) = downcast::<SlotWrapperObject>(v) else {
        return Ok(new_str("<slot wrapper>"));
    };
    Ok(new_str(&format!(
        "<slot wrapper '{}' of '{}' objects>",
        w.name,
        w.objclass.name()
    )))
}

fn wrapper_name(v: Value) -> PyResult {
    if let Some(w) = downcast::<SlotWrapperObject>(v) {
        return Ok(new_str(w.name));
    }
    if let Some(m) = downcast::<MethodWrapperObject>(v) {
        return Ok(new_str(m.wrapper.name));
    }
    Ok(new_str(""))
}

fn wrapper_objclass(v: Value) -> PyResult {
    if let Some(w) = downcast::<SlotWrapperObject>(v) {
        return Ok(w.objclass.as_value());
    }
    if let Some(m) = downcast::<MethodWrapperObject>(v) {
        return Ok(m.wrapper.objclass.as_value());
    }
    Ok(Value::NONE)
}

/// Traces a slot wrapper: its owner type.
fn trace_wrapper(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(w) = downcast::<SlotWrapperObject>(v) {
        visit(w.objclass.as_value());
    }
}

pub fn wrapper_spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            call: Some(wrapper_call),
            descr_get: Some(wrapper_get),
            repr: Some(wrapper_repr),
            ..SlotDefs::default()
        },
        getsets: const {
            &[
                GetSetDef::readonly("__name__", wrapper_name),
                GetSetDef::readonly("__objclass__", wrapper_objclass),
            ]
        },
        trace: trace_wrapper,
        ..TypeSpec::new("wrapper_descriptor", TypeId::of::<SlotWrapperObject>())
    }
}

fn method_wrapper_call(callable: Value, args: &[Value], kwnames: Option<Value>) -> PyResult {
    let Some(m) = downcast::<MethodWrapperObject>(callable) else {
        return Err(crate::error::internal_error("method-wrapper call"));
    };
    call_wrapper(m.wrapper, m.self_, args, kwnames)
}

fn method_wrapper_repr(v: Value) -> PyResult {
    let Some(m) = downcast::<MethodWrapperObject>(v) else {
        return Ok(new_str("<method-wrapper>"));
    };
    Ok(new_str(&format!(
        "<method-wrapper '{}' of {} object at {:#x}>",
        m.wrapper.name,
        type_of(m.self_).name(),
        id_of(m.self_)
    )))
}

fn method_wrapper_self(v: Value) -> PyResult {
    Ok(downcast::<MethodWrapperObject>(v).map_or(Value::NONE, |m| m.self_))
}

fn trace_method_wrapper(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(m) = downcast::<MethodWrapperObject>(v) {
        visit(Value::from_ptr(m.wrapper as *const SlotWrapperObject));
        visit(m.self_);
    }
}

pub fn method_wrapper_spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            call: Some(method_wrapper_call),
            repr: Some(method_wrapper_repr),
            ..SlotDefs::default()
        },
        getsets: const {
            &[
                GetSetDef::readonly("__name__", wrapper_name),
                GetSetDef::readonly("__objclass__", wrapper_objclass),
                GetSetDef::readonly("__self__", method_wrapper_self),
            ]
        },
        trace: trace_method_wrapper,
        ..TypeSpec::new("method-wrapper", TypeId::of::<MethodWrapperObject>())
    }
}
