//! `TypeObject`: types as runtime objects, and their slots.
//!
//! A type is a heap object (its own type is `type` or a metaclass) holding
//! its name, bases, C3 MRO, attribute dict, flags, and *slots*: function
//! pointers for the fast paths of each protocol (repr, hash, comparison,
//! number operators, call, attribute access…). Protocol operations in
//! `ops` call slots; a slot left empty means "this type does not support
//! the protocol" and yields CPython's TypeError.
//!
//! Builtin types fill their slots with Rust functions (see
//! `types::registry`); user classes get the generic slots of `heap_slots`,
//! which look the dunder methods up in the MRO. Submodules: `mro` (C3),
//! `builder` (builtin types from specs), `class` (user classes at run time),
//! `heap_slots`, `type_type` (the `type` type's own behaviour),
//! `lookup_cache` (the type attribute cache behind [`TypeObject::lookup`]).

pub mod builder;
pub mod class;
pub mod heap_slots;
pub mod lookup_cache;
pub mod mro;
pub mod type_type;

#[cfg(test)]
mod class_tests;

use std::any::TypeId;
use std::cell::{Cell, RefCell};
use std::mem::offset_of;

use crate::error::PyResult;
use crate::heap::{Header, HeapObject};
use crate::object::PyPayload;
use crate::ops::{BinOp, CompareOp, UnaryOp};
use crate::types::dict::DictObject;
use crate::types::shape::Shape;
use crate::types::string::as_str;
use crate::types::tuple::TupleObject;
use crate::Value;

pub type ReprFn = fn(Value) -> PyResult;
pub type HashFn = fn(Value) -> PyResult<i64>;
pub type CompareFn = fn(Value, Value, CompareOp) -> PyResult;
pub type BoolFn = fn(Value) -> PyResult<bool>;
pub type LenFn = fn(Value) -> PyResult<usize>;
pub type GetItemFn = fn(Value, Value) -> PyResult;
/// `(container, key, value)`; `value` is NULL to delete.
pub type SetItemFn = fn(Value, Value, Value) -> PyResult<()>;
pub type ContainsFn = fn(Value, Value) -> PyResult<bool>;
pub type IterFn = fn(Value) -> PyResult;
/// `Ok(None)`: exhausted (no exception set).
pub type NextFn = fn(Value) -> PyResult<Option<Value>>;
/// Vectorcall: positional args then keyword values, `kwnames` a tuple of str.
pub type CallFn = fn(Value, &[Value], Option<Value>) -> PyResult;
/// `Ok(None)`: no such attribute (no exception set).
pub type GetAttrFn = fn(Value, Value) -> PyResult<Option<Value>>;
/// `(obj, name, value)`; `value` is NULL to delete.
pub type SetAttrFn = fn(Value, Value, Value) -> PyResult<()>;
/// `(descriptor, instance or NULL, owner type)`.
pub type DescrGetFn = fn(Value, Value, Value) -> PyResult;
/// `(descriptor, instance, value)`; `value` is NULL to delete.
pub type DescrSetFn = fn(Value, Value, Value) -> PyResult<()>;
pub type BinaryFn = fn(BinOp, Value, Value) -> PyResult;
pub type UnaryFn = fn(UnaryOp, Value) -> PyResult;
pub type TernaryFn = fn(Value, Value, Value) -> PyResult;
pub type ConvertFn = fn(Value) -> PyResult;
pub type NewFn = fn(&'static TypeObject, &[Value], Option<Value>) -> PyResult;
pub type InitFn = fn(Value, &[Value], Option<Value>) -> PyResult<()>;
/// Calls the visitor on every `Value` an instance holds (for the collector).
pub type TraceFn = fn(Value, &mut dyn FnMut(Value));

macro_rules! define_slots {
    ($($(#[$m:meta])* $name:ident: $ty:ty,)*) => {
        /// A type's slots as plain data (what a builtin type's spec fills in).
        #[derive(Clone, Copy, Default)]
        pub struct SlotDefs {
            $($(#[$m])* pub $name: Option<$ty>,)*
        }

        /// A type's slots. Each is a nullable function pointer in a `Cell`,
        /// because assigning a dunder to a user class updates its slot.
        #[repr(C)]
        #[derive(Default)]
        pub struct Slots {
            $($(#[$m])* pub $name: Cell<Option<$ty>>,)*
        }

        impl Slots {
            pub fn new(d: SlotDefs) -> Slots {
                Slots { $($name: Cell::new(d.$name),)* }
            }

            /// Fills every empty slot from `base` (CPython's `inherit_slots`).
            pub fn inherit_missing(&self, base: &Slots) {
                $(if self.$name.get().is_none() { self.$name.set(base.$name.get()); })*
            }
        }
    };
}

define_slots! {
    repr: ReprFn,
    str: ReprFn,
    hash: HashFn,
    richcompare: CompareFn,
    bool: BoolFn,
    len: LenFn,
    getitem: GetItemFn,
    setitem: SetItemFn,
    contains: ContainsFn,
    iter: IterFn,
    next: NextFn,
    call: CallFn,
    getattro: GetAttrFn,
    setattro: SetAttrFn,
    descr_get: DescrGetFn,
    descr_set: DescrSetFn,
    /// Every binary number operator, called as `slot(op, a, b)` for both
    /// operand orders (CPython's `nb_add(a, b)` convention).
    binary: BinaryFn,
    /// In-place operators (`+=`); NotImplemented falls back to `binary`.
    inplace: BinaryFn,
    /// Three-argument `pow(a, b, m)`.
    pow3: TernaryFn,
    unary: UnaryFn,
    /// `__index__`: the value as an exact int.
    index: ConvertFn,
    /// `__int__`.
    int: ConvertFn,
    /// `__float__`.
    float: ConvertFn,
    new: NewFn,
    init: InitFn,
}

/// Type flags.
pub mod flags {
    /// A user class (created at run time): attributes can be assigned.
    pub const HEAPTYPE: u64 = 1 << 0;
    /// Can be subclassed.
    pub const BASETYPE: u64 = 1 << 1;
    /// Instances accept arbitrary attributes (they have a `__dict__`).
    pub const HAS_DICT: u64 = 1 << 2;
    /// `__abstractmethods__` was assigned a non-empty set: instantiating
    /// the class raises `TypeError` (not inherited, as in CPython).
    pub const IS_ABSTRACT: u64 = 1 << 3;
    /// A builtin type whose `object.__init__` has been found to ignore
    /// arguments (the type defines `__new__`, not `__init__`; builtin
    /// types never change, so this is checked once).
    pub const INIT_IGNORES_ARGS: u64 = 1 << 4;
    pub const INT_SUBCLASS: u64 = 1 << 8;
    pub const STR_SUBCLASS: u64 = 1 << 9;
    pub const TUPLE_SUBCLASS: u64 = 1 << 10;
    pub const LIST_SUBCLASS: u64 = 1 << 11;
    pub const DICT_SUBCLASS: u64 = 1 << 12;
    pub const EXC_SUBCLASS: u64 = 1 << 13;
    pub const TYPE_SUBCLASS: u64 = 1 << 14;
    /// The flags a subclass inherits.
    pub const INHERITED: u64 = INT_SUBCLASS
        | STR_SUBCLASS
        | TUPLE_SUBCLASS
        | LIST_SUBCLASS
        | DICT_SUBCLASS
        | EXC_SUBCLASS
        | TYPE_SUBCLASS;
}

/// A type object.
#[repr(C)]
pub struct TypeObject {
    pub header: Header,
    pub slots: Slots,
    pub flags: Cell<u64>,
    /// Offset of the instances' `Attrs` (shape + values), 0 when none.
    pub attrs_offset: usize,
    /// The Rust struct of the instances (what `downcast` checks).
    pub layout: TypeId,
    pub trace: TraceFn,
    /// `__name__`, `__qualname__`, `__module__`, `__doc__` (str or None).
    pub name: Cell<Value>,
    pub qualname: Cell<Value>,
    pub module: Cell<Value>,
    pub doc: Cell<Value>,
    /// `__bases__` (a tuple), `__base__` (the solid base, null for object).
    pub bases: Cell<Value>,
    pub base: Cell<*const TypeObject>,
    /// `__mro__` (a tuple of types, starting with this one).
    pub mro: Cell<Value>,
    /// The attribute dict.
    pub dict: Cell<Value>,
    /// For a user subclass of a builtin that cannot carry attributes (int,
    /// str, list, dict…): that builtin; instances are `InstanceObject`s
    /// whose `base_value` is an object of it. Null otherwise.
    pub wrapped: Cell<*const TypeObject>,
    /// The shape new instances start with (null: the empty root shape).
    pub instance_shape: Cell<*const Shape>,
    /// Direct user subclasses (for slot updates), never filled for builtins.
    pub subclasses: RefCell<Vec<Value>>,
    /// What calling the class does, as of a lookup-cache epoch (see
    /// `type_type::plain_init`).
    pub init_plan: Cell<(u64, Value)>,
}

// SAFETY: repr(C) with the header first.
unsafe impl HeapObject for TypeObject {}

pub const TYPE_SLOTS_OFFSET: usize = offset_of!(TypeObject, slots);
pub const TYPE_FLAGS_OFFSET: usize = offset_of!(TypeObject, flags);
pub const TYPE_ATTRS_OFFSET_OFFSET: usize = offset_of!(TypeObject, attrs_offset);
pub const TYPE_DICT_OFFSET: usize = offset_of!(TypeObject, dict);
pub const TYPE_MRO_OFFSET: usize = offset_of!(TypeObject, mro);

impl TypeObject {
    /// `__name__`.
    pub fn name(&self) -> &'static str {
        as_str(self.name.get()).unwrap_or("?")
    }

    /// `__qualname__`.
    pub fn qualname(&self) -> &'static str {
        as_str(self.qualname.get()).unwrap_or_else(|| self.name())
    }

    /// `__module__` as a str ("builtins" for builtin types).
    pub fn module_name(&self) -> &'static str {
        as_str(self.module.get()).unwrap_or("builtins")
    }

    pub fn has_flag(&self, flag: u64) -> bool {
        self.flags.get() & flag != 0
    }

    pub fn is_heap_type(&self) -> bool {
        self.has_flag(flags::HEAPTYPE)
    }

    pub fn as_value(&self) -> Value {
        Value::from_ptr(self as *const TypeObject)
    }

    /// The solid base (`__base__`), None for `object`.
    pub fn base(&self) -> Option<&'static TypeObject> {
        let b = self.base.get();
        // SAFETY: type objects are never freed while reachable from a type.
        (!b.is_null()).then(|| unsafe { &*b })
    }

    /// The MRO as a slice of type values.
    pub fn mro_slice(&self) -> &'static [Value] {
        TupleObject::cast(self.mro.get())
            .map(|t| t.items())
            .unwrap_or(&[])
    }

    /// True if `self` is `other` or a subclass of it.
    pub fn is_subtype(&self, other: &TypeObject) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        let mro = self.mro_slice();
        if mro.is_empty() {
            // Not yet initialised (bootstrap): walk the base chain.
            let mut t = self.base();
            while let Some(b) = t {
                if std::ptr::eq(b, other) {
                    return true;
                }
                t = b.base();
            }
            return false;
        }
        let target = other.as_value();
        mro.contains(&target)
    }

    /// Looks `name` (a str) up in the dicts along the MRO (`_PyType_Lookup`),
    /// through the type attribute cache (`lookup_cache`).
    pub fn lookup(&self, name: Value) -> Option<Value> {
        lookup_cache::cached(self, name, Self::lookup_uncached)
    }

    fn lookup_uncached(&self, name: Value) -> Option<Value> {
        for &t in self.mro_slice() {
            let ty = as_type_unchecked(t);
            if let Some(d) = DictObject::cast(ty.dict.get()) {
                if let Some(v) = d.get_str(name) {
                    return Some(v);
                }
            }
        }
        None
    }

    /// [`lookup`](Self::lookup) by a Rust string.
    pub fn lookup_str(&self, name: &str) -> Option<Value> {
        self.lookup(crate::types::string::intern(name))
    }

    /// The type's own dict.
    pub fn dict(&self) -> &'static DictObject {
        match DictObject::cast(self.dict.get()) {
            Some(d) => d,
            None => crate::types::registry::bug("type without a dict"),
        }
    }
}

/// The type object a type value points at (the value must be a type).
pub fn as_type_unchecked(v: Value) -> &'static TypeObject {
    // SAFETY: callers pass values known to be types (MRO entries, header types).
    unsafe { &*v.as_ptr_unchecked::<TypeObject>() }
}

/// The type object if `v` is a type (an instance of `type` or a metaclass).
pub fn as_type(v: Value) -> Option<&'static TypeObject> {
    if !v.is_pointer() {
        return None;
    }
    let ty = crate::object::type_of(v);
    ty.has_flag(flags::TYPE_SUBCLASS)
        .then(|| as_type_unchecked(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_layout_constants_match_the_struct() {
        assert_eq!(TYPE_SLOTS_OFFSET, crate::heap::HEADER_SIZE);
        assert_eq!(
            TYPE_FLAGS_OFFSET,
            TYPE_SLOTS_OFFSET + std::mem::size_of::<Slots>()
        );
        // Each slot is one nullable pointer.
        assert_eq!(std::mem::size_of::<Cell<Option<ReprFn>>>(), 8);
        assert_eq!(TYPE_MRO_OFFSET + 8, TYPE_DICT_OFFSET);
    }
}
