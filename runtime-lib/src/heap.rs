//! The object header and the one allocation API.
//!
//! Every heap object is a `#[repr(C)]` struct whose first field is a
//! [`Header`] (its type and GC bits) and is created through [`alloc`] (or
//! [`alloc_with_items`] / [`alloc_with_bytes`] for objects with trailing
//! items or bytes: tuples, strs). Nothing else allocates Python objects.
//!
//! Memory comes from the collector (`gc`), which frees an object when it
//! is unreachable by dropping its Rust value in place: buffers owned by
//! objects (list items, dict tables, big-int limbs) are ordinary Rust
//! allocations freed with their owner; a str's characters and a tuple's
//! items are part of the object itself.
//!
//! Each type's descriptor carries a `trace` function listing the `Value`s an
//! instance holds (see `typeobj::TraceFn`); the collector marks through it.

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

/// Drops the Rust value of a `T` when the collector frees it.
unsafe fn drop_object<T>(p: *mut u8) {
    // SAFETY: the collector calls this once, on a dead object of type T.
    unsafe { std::ptr::drop_in_place(p as *mut T) }
}

fn drop_fn<T>() -> Option<crate::gc::DropFn> {
    std::mem::needs_drop::<T>().then_some(drop_object::<T> as crate::gc::DropFn)
}

/// Checks (in debug builds) that a new object's type records its Rust
/// struct as the instances' layout: the collector traces and `downcast`
/// reads every object through its type's layout. (A type object made
/// before `type` exists has no type yet.)
#[inline]
fn check_layout<T: HeapObject + 'static>(obj: &T) {
    if ASSERT_LAYOUT {
        // SAFETY: a HeapObject starts with its Header.
        let ty = unsafe { &*(obj as *const T as *const Header) }.ty.get();
        // SAFETY: a non-null header type is a live type object.
        if !ty.is_null() && unsafe { (*ty).layout } != std::any::TypeId::of::<T>() {
            crate::types::registry::bug("object allocated with a type of another layout");
        }
    }
}

const ASSERT_LAYOUT: bool = cfg!(debug_assertions);

/// Allocates `obj` on the heap and returns its address (16-byte aligned,
/// never null). The one entry point through which objects are created.
#[inline]
pub fn alloc<T: HeapObject + 'static>(obj: T) -> *mut T {
    const { assert!(std::mem::align_of::<T>() <= 16) };
    check_layout(&obj);
    let p = crate::gc::allocate(size_of::<T>()) as *mut T;
    // SAFETY: fresh memory of T's size and alignment; the header is first.
    unsafe {
        std::ptr::write(p, obj);
        (*(p as *const Header))
            .gc
            .set(crate::gc::gc_word(drop_fn::<T>()));
    }
    p
}

/// Allocates `obj` and returns it as a `Value`.
pub fn alloc_value<T: HeapObject + 'static>(obj: T) -> Value {
    Value::from_ptr(alloc(obj))
}

/// Allocates `head` followed by `items.len()` trailing `Value`s (the object's
/// variable part, e.g. a tuple's items), copied from `items`.
pub fn alloc_with_items<T: HeapObject + 'static>(head: T, items: &[Value]) -> *mut T {
    alloc_trailing(head, items).0
}

/// Allocates `head` followed by a copy of `bytes` (the object's inline
/// data, e.g. a str's characters). Returns the object and the address of
/// its copy, which lives exactly as long as the object (so a pointer into
/// it found on the stack keeps the object alive).
pub fn alloc_with_bytes<T: HeapObject + 'static>(head: T, bytes: &[u8]) -> (*mut T, *const u8) {
    let (p, data) = alloc_trailing(head, bytes);
    (p, data as *const u8)
}

/// Allocates `head` followed by a copy of `items`; returns the object and
/// the address of its first item.
fn alloc_trailing<T: HeapObject + 'static, I: Copy>(head: T, items: &[I]) -> (*mut T, *mut I) {
    const { assert!(std::mem::align_of::<T>() <= 16) };
    const { assert!(std::mem::align_of::<I>() <= 16) };
    check_layout(&head);
    let (layout, offset) = items_layout::<T, I>(items.len());
    let ptr = crate::gc::allocate(layout.size());
    // SAFETY: fresh memory of the layout's size; the head and the items
    // are written before the pointer escapes.
    unsafe {
        std::ptr::write(ptr as *mut T, head);
        (*(ptr as *const Header))
            .gc
            .set(crate::gc::gc_word(drop_fn::<T>()));
        let dst = ptr.add(offset) as *mut I;
        std::ptr::copy_nonoverlapping(items.as_ptr(), dst, items.len());
        (ptr as *mut T, dst)
    }
}

/// Layout of a `T` followed by `n` items of type `I`, and the offset of
/// the first item.
fn items_layout<T, I>(n: usize) -> (Layout, usize) {
    let head = Layout::new::<T>();
    match Layout::array::<I>(n).and_then(|items| head.extend(items)) {
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
        let (layout, offset) = items_layout::<[u64; 3], Value>(4);
        assert_eq!(offset, 24);
        assert_eq!(layout.size(), 56);
    }
}
