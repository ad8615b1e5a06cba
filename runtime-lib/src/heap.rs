//! The object header and the one allocation API.
//!
//! Every heap object is a `#[repr(C)]` struct whose first field is a
//! [`Header`] (its type and GC bits) and is created through [`alloc`] (or
//! [`alloc_with_items`] for objects with trailing items, i.e. tuples). Nothing
//! else allocates Python objects, so the mark-sweep collector of a later
//! issue replaces these two functions without touching call sites.
//!
//! For now objects are never freed: `alloc` leaks a `Box` and
//! `alloc_with_items` leaks a raw allocation. Buffers owned by objects (list
//! items, dict tables, str bytes, big-int limbs) are ordinary Rust
//! allocations that the collector will free with their owner.
//!
//! Each type's descriptor carries a `trace` function listing the `Value`s an
//! instance holds (see `typeobj::TraceFn`); nothing calls them yet.

use std::alloc::Layout;
use std::cell::Cell;
use std::mem::{offset_of, size_of};

use crate::typeobj::TypeObject;
use crate::Value;

/// The first field of every heap object.
#[repr(C)]
pub struct Header {
    /// The object's type (`__class__`).
    pub ty: Cell<*const TypeObject>,
    /// Reserved for the collector (mark bits, size class).
    pub gc: Cell<u64>,
}

/// Offset of the type pointer in every heap object (codegen reads it).
pub const HEADER_TYPE_OFFSET: usize = offset_of!(Header, ty);
/// Offset of the GC word in every heap object.
pub const HEADER_GC_OFFSET: usize = offset_of!(Header, gc);
/// Size of the header; the first field of each object follows it.
pub const HEADER_SIZE: usize = size_of::<Header>();

impl Header {
    pub fn new(ty: &TypeObject) -> Header {
        Header {
            ty: Cell::new(ty),
            gc: Cell::new(0),
        }
    }
}

/// Marker for `#[repr(C)]` structs whose first field is a [`Header`].
///
/// # Safety
/// The implementing struct must be `#[repr(C)]` with a `Header` first, so a
/// pointer to it is a pointer to its header.
pub unsafe trait HeapObject: Sized {}

/// Allocates `obj` on the heap and returns its address (8-byte aligned,
/// never null). The one entry point through which objects are created.
pub fn alloc<T: HeapObject>(obj: T) -> *mut T {
    Box::into_raw(Box::new(obj))
}

/// Allocates `obj` and returns it as a `Value`.
pub fn alloc_value<T: HeapObject>(obj: T) -> Value {
    Value::from_ptr(alloc(obj))
}

/// Allocates `head` followed by `items.len()` trailing `Value`s (the object's
/// variable part, e.g. a tuple's items), copied from `items`.
pub fn alloc_with_items<T: HeapObject>(head: T, items: &[Value]) -> *mut T {
    let (layout, offset) = items_layout::<T>(items.len());
    // SAFETY: the layout has a non-zero size (it contains the header); the
    // head and the items are written before the pointer escapes.
    unsafe {
        let ptr = std::alloc::alloc(layout);
        if ptr.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        std::ptr::write(ptr as *mut T, head);
        let dst = ptr.add(offset) as *mut Value;
        std::ptr::copy_nonoverlapping(items.as_ptr(), dst, items.len());
        ptr as *mut T
    }
}

/// Layout of a `T` followed by `n` values, and the offset of the first value.
fn items_layout<T>(n: usize) -> (Layout, usize) {
    let head = Layout::new::<T>();
    match Layout::array::<Value>(n).and_then(|items| head.extend(items)) {
        Ok((layout, offset)) => (layout.pad_to_align(), offset),
        Err(_) => std::alloc::handle_alloc_error(head),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_layout_is_fixed() {
        assert_eq!(HEADER_TYPE_OFFSET, 0);
        assert_eq!(HEADER_GC_OFFSET, 8);
        assert_eq!(HEADER_SIZE, 16);
    }

    #[test]
    fn trailing_items_follow_the_head() {
        let (layout, offset) = items_layout::<[u64; 3]>(4);
        assert_eq!(offset, 24);
        assert_eq!(layout.size(), 56);
    }
}
