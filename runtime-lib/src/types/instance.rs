//! `InstanceObject`: instances of `object` and of user classes.
//!
//! Attributes live in an [`Attrs`] (shape + slot values). A user subclass
//! of a builtin that has no attribute storage of its own (int, str, tuple,
//! list, dict…) also uses this struct, holding the builtin value in
//! `base_value`; the builtin's code reaches it through `PyPayload::cast`.

use std::any::TypeId;
use std::cell::Cell;
use std::mem::offset_of;

use crate::error::PyResult;
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::downcast;
use crate::typeobj::TypeObject;
use crate::types::shape::{Attrs, Shape};
use crate::Value;

#[repr(C)]
pub struct InstanceObject {
    pub header: Header,
    pub attrs: Attrs,
    /// The wrapped builtin value (NULL for plain instances).
    pub base_value: Cell<Value>,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for InstanceObject {}

pub const INSTANCE_ATTRS_OFFSET: usize = offset_of!(InstanceObject, attrs);
pub const INSTANCE_BASE_VALUE_OFFSET: usize = offset_of!(InstanceObject, base_value);

pub fn instance_layout() -> TypeId {
    TypeId::of::<InstanceObject>()
}

/// The shape new instances of `ty` start with.
pub fn initial_shape(ty: &TypeObject) -> &'static Shape {
    let s = ty.instance_shape.get();
    if s.is_null() {
        Shape::root()
    } else {
        // SAFETY: shapes are leaked and never freed.
        unsafe { &*s }
    }
}

/// A new plain instance of `ty`.
pub fn new_instance(ty: &'static TypeObject) -> Value {
    let v = alloc_value(InstanceObject {
        header: Header::new(ty),
        attrs: Attrs::new(initial_shape(ty)),
        base_value: Cell::new(Value::NULL),
    });
    if let Some(i) = downcast::<InstanceObject>(v) {
        i.attrs.use_inline_storage();
    }
    v
}

/// A new instance of the user class `ty` wrapping the builtin value `inner`.
pub fn new_wrapped_instance(ty: &'static TypeObject, inner: Value) -> PyResult {
    let v = new_instance(ty);
    if let Some(i) = downcast::<InstanceObject>(v) {
        i.base_value.set(inner);
    }
    Ok(v)
}

/// The attribute storage of `v`, if its type has one.
pub fn attrs_of(v: Value) -> Option<&'static Attrs> {
    if !v.is_pointer() {
        return None;
    }
    let off = crate::object::type_of(v).attrs_offset;
    if off == 0 {
        return None;
    }
    // SAFETY: the type records that its instances hold an Attrs at `off`.
    Some(unsafe { &*((v.as_ptr_unchecked::<u8>()).add(off) as *const Attrs) })
}

pub fn trace_instance(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(i) = downcast::<InstanceObject>(v) {
        i.attrs.trace(visit);
        visit(i.base_value.get());
    }
}
