//! From a `Value` to its type and its Rust struct.
//!
//! [`type_of`] maps every value, immediate or heap, to its type object.
//! [`downcast`] checks a heap object's Rust layout (the `TypeId` its type
//! records) and returns a reference to the struct; [`PyPayload::cast`] does
//! the same but also looks through a user subclass instance of a builtin
//! such as `list` or `int` (an `InstanceObject` wrapping the builtin value).
//!
//! References handed out are `&'static`: objects are never moved, and the
//! collector (a later issue) keeps everything reachable from roots alive.

use std::any::TypeId;

use crate::heap::{Header, HeapObject};
use crate::typeobj::TypeObject;
use crate::types::instance::InstanceObject;
use crate::types::registry::types;
use crate::Value;

/// The type of any value (`type(v)`).
#[inline]
pub fn type_of(v: Value) -> &'static TypeObject {
    if v.is_pointer() {
        // SAFETY: every heap object starts with a Header whose type is set.
        unsafe { &*(*v.as_ptr_unchecked::<Header>()).ty.get() }
    } else if v.is_small_int() {
        types().int
    } else if v.is_float() {
        types().float
    } else {
        let t = types();
        match v {
            Value::TRUE | Value::FALSE => t.bool,
            Value::NOT_IMPLEMENTED => t.not_implemented_type,
            Value::ELLIPSIS => t.ellipsis,
            // None; NULL and ERROR are never Python values.
            _ => t.none_type,
        }
    }
}

/// The struct behind `v` if `v` is a heap object laid out as `T` exactly.
#[inline]
pub fn downcast<T: HeapObject + 'static>(v: Value) -> Option<&'static T> {
    if v.is_pointer() && type_of(v).layout == TypeId::of::<T>() {
        // SAFETY: the type records `T` as the instances' layout.
        Some(unsafe { &*v.as_ptr_unchecked::<T>() })
    } else {
        None
    }
}

/// Casting a value to a builtin's struct, through user subclasses too.
pub trait PyPayload: HeapObject + 'static {
    /// `v` as `Self`, or the builtin value wrapped by a user subclass
    /// instance (`class L(list)`), or None.
    fn cast(v: Value) -> Option<&'static Self> {
        downcast::<Self>(v).or_else(|| wrapped_value(v).and_then(downcast::<Self>))
    }
}

impl<T: HeapObject + 'static> PyPayload for T {}

/// The builtin value inside an instance of a user subclass of a builtin.
pub fn wrapped_value(v: Value) -> Option<Value> {
    let inst = downcast::<InstanceObject>(v)?;
    let b = inst.base_value.get();
    (!b.is_null()).then_some(b)
}

/// `id(v)`: the address for heap objects, a stable function of the word
/// otherwise.
pub fn id_of(v: Value) -> i64 {
    v.bits() as i64 & i64::MAX
}

/// True if `v`'s type is `ty` or a subclass (no `__instancecheck__`).
pub fn is_instance_of(v: Value, ty: &TypeObject) -> bool {
    type_of(v).is_subtype(ty)
}
