//! Builtin types from declarative specs.
//!
//! Each builtin type's module returns a [`TypeSpec`]: its name, base, the
//! Rust struct of its instances, slots, methods and attributes. Creation is
//! two-phase because `str`, `tuple` and `dict` objects are needed to finish
//! any type: [`create`] allocates the type object with its slots (phase 1,
//! no Python objects), then [`populate`] fills in the name, bases, MRO and
//! the dict with method descriptors and slot wrappers (phase 2, once every
//! builtin type exists).

use std::any::TypeId;
use std::cell::{Cell, RefCell};

use crate::heap::{alloc, Header};
use crate::ops::{BinOp, UnaryOp};
use crate::typeobj::{flags, SlotDefs, Slots, TraceFn, TypeObject};
use crate::types::builtin_func::{BuiltinFn, GetSetDef, MethodDef};
use crate::types::dict::DictObject;
use crate::types::slot_wrapper::{add_slot_wrappers, WrapperSet};
use crate::types::string::{intern, new_str};
use crate::Value;

/// A class attribute computed at start-up: (name, constructor).
pub type ClassAttr = (&'static str, fn() -> Value);

/// The declaration of a builtin type.
pub struct TypeSpec {
    pub name: &'static str,
    /// `__module__` ("builtins" for most).
    pub module: &'static str,
    /// Names of the bases (already created); empty for `object`.
    pub bases: &'static [&'static str],
    /// The Rust struct of the instances.
    pub layout: TypeId,
    /// Offset of the instances' `Attrs`, 0 when they carry none.
    pub attrs_offset: usize,
    pub flags: u64,
    pub slots: SlotDefs,
    /// Binary operators to expose as `__op__`/`__rop__` wrappers.
    pub binary_ops: &'static [BinOp],
    /// In-place operators to expose as `__iop__` wrappers.
    pub inplace_ops: &'static [BinOp],
    pub unary_ops: &'static [UnaryOp],
    /// `__hash__ = None` in the dict (list, dict…).
    pub unhashable: bool,
    pub methods: &'static [MethodDef],
    pub getsets: &'static [GetSetDef],
    /// Extra class attributes computed at start-up (name, constructor).
    pub class_attrs: &'static [ClassAttr],
    pub trace: TraceFn,
    pub doc: Option<&'static str>,
}

/// The tracer of objects that hold no `Value`.
pub fn trace_nothing(_: Value, _: &mut dyn FnMut(Value)) {}

impl TypeSpec {
    /// A spec with everything empty; fill in what the type has.
    pub fn new(name: &'static str, layout: TypeId) -> TypeSpec {
        TypeSpec {
            name,
            module: "builtins",
            bases: &["object"],
            layout,
            attrs_offset: 0,
            flags: 0,
            slots: SlotDefs::default(),
            binary_ops: &[],
            inplace_ops: &[],
            unary_ops: &[],
            unhashable: false,
            methods: const { &[] },
            getsets: const { &[] },
            class_attrs: const { &[] },
            trace: trace_nothing,
            doc: None,
        }
    }
}

/// Phase 1: the type object with its slots, inheriting from `base`.
/// Its header's type is set later (`type` may not exist yet).
pub fn create(spec: &TypeSpec, base: Option<&'static TypeObject>) -> &'static TypeObject {
    let slots = Slots::new(spec.slots);
    let mut fl = spec.flags;
    let mut attrs_offset = spec.attrs_offset;
    if let Some(b) = base {
        slots.inherit_missing(&b.slots);
        fl |= b.flags.get() & flags::INHERITED;
        if attrs_offset == 0 && spec.layout == b.layout {
            attrs_offset = b.attrs_offset;
        }
    }
    let ty = alloc(TypeObject {
        header: Header {
            ty: Cell::new(std::ptr::null()),
            gc: Cell::new(0),
        },
        slots,
        flags: Cell::new(fl),
        attrs_offset,
        layout: spec.layout,
        trace: spec.trace,
        name: Cell::new(Value::NULL),
        qualname: Cell::new(Value::NULL),
        module: Cell::new(Value::NULL),
        doc: Cell::new(Value::NONE),
        bases: Cell::new(Value::NULL),
        base: Cell::new(base.map_or(std::ptr::null(), |b| b as *const TypeObject)),
        mro: Cell::new(Value::NULL),
        dict: Cell::new(Value::NULL),
        wrapped: Cell::new(std::ptr::null()),
        instance_shape: Cell::new(std::ptr::null()),
        subclasses: RefCell::new(Vec::new()),
        init_plan: Cell::new((u64::MAX, Value::NULL)),
    });
    // SAFETY: just allocated, never freed.
    unsafe { &*ty }
}

/// Phase 2: name, bases, MRO and dict (methods, attributes, slot wrappers).
pub fn populate(ty: &'static TypeObject, spec: &TypeSpec, bases: &[&'static TypeObject]) {
    let name = new_str(spec.name);
    ty.name.set(name);
    ty.qualname.set(name);
    ty.module.set(intern(spec.module));
    let base_values: Vec<Value> = bases.iter().map(|b| b.as_value()).collect();
    ty.bases.set(crate::types::tuple::new_tuple(&base_values));
    match crate::typeobj::mro::c3_mro(ty, bases) {
        Ok(mro) => {
            ty.mro.set(mro);
            crate::typeobj::lookup_cache::invalidate();
        }
        Err(_) => crate::types::registry::bug("builtin type with an inconsistent MRO"),
    }
    let dict = DictObject::new_value();
    ty.dict.set(dict);
    let d = ty.dict();
    d.mark_type_dict();
    for m in spec.methods {
        d.set_str(
            intern(m.name),
            crate::types::builtin_func::new_method_descr(m, ty),
        );
    }
    for g in spec.getsets {
        d.set_str(
            intern(g.name),
            crate::types::builtin_func::new_getset_descr(g, ty),
        );
    }
    let set = WrapperSet {
        binary_ops: spec.binary_ops,
        inplace_ops: spec.inplace_ops,
        unary_ops: spec.unary_ops,
    };
    add_slot_wrappers(ty, &spec.slots, &set);
    if spec.unhashable {
        d.set_str(intern("__hash__"), Value::NONE);
    }
    for (n, make) in spec.class_attrs {
        d.set_str(intern(n), make());
    }
    if let Some(doc) = spec.doc {
        ty.doc.set(new_str(doc));
    }
    // A `__doc__` getset (function, property) answers for instances.
    if d.get_str(intern("__doc__")).is_none() {
        d.set_str(intern("__doc__"), ty.doc.get());
    }
}

/// A builtin function object (not bound), for module dicts.
pub fn builtin_function(name: &'static str, func: BuiltinFn) -> Value {
    crate::types::builtin_func::new_builtin_function(name, func, Value::NULL)
}
