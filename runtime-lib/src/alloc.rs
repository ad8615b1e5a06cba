//! The process allocator: mimalloc, called the way C calls it.
//!
//! The `mimalloc` crate's `GlobalAlloc` passes every request to
//! `mi_malloc_aligned`, even for the alignment `mi_malloc` gives anyway.
//! That function's fast path is `mi_malloc`'s plus checks, but when the
//! size class's current page is full it does not fetch a fresh page of that
//! class: unless the class is a power of two, it over-allocates
//! `size + align - 1` bytes from the next class up, and marks that page as
//! holding interior pointers. Parsing a 10.6 MB module took that path
//! 98,000 times per parse at ~350 instructions each, and an allocation
//! averaged 63 instructions. Requests that `mi_malloc` already aligns go to
//! it directly here (as Rust's own `System` allocator does with `malloc`),
//! or to `mi_malloc_small` up to 1 KiB; only larger alignments pay for the
//! aligned entry points.

use libmimalloc_sys as mi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// The alignment of every block `mi_malloc` returns of at least this size
/// (`MI_MAX_ALIGN_SIZE` in mimalloc's types.h: its size classes up to 128
/// bytes are multiples of two words, larger ones of 16 bytes or more, and
/// pages start 16-aligned); smaller blocks are aligned to their size
/// rounded up to a power of two, which `align <= size` covers.
const MALLOC_ALIGN: usize = 16;

/// `MI_SMALL_SIZE_MAX` (mimalloc.h): `mi_malloc_small` serves up to this
/// many bytes, straight from the thread's page for the size class.
const SMALL_SIZE_MAX: usize = 128 * std::mem::size_of::<usize>();

extern "C" {
    // In mimalloc's API; the binding crate declares it only with its
    // `extended` feature. `mi_malloc` reaches the same fast path through
    // one more call and size test.
    fn mi_malloc_small(size: usize) -> *mut c_void;
}

/// True when `mi_malloc(layout.size())` is aligned enough for `layout`.
#[inline(always)]
fn malloc_aligns(layout: &Layout) -> bool {
    layout.align() <= MALLOC_ALIGN && layout.align() <= layout.size()
}

/// mimalloc as the global allocator (see the module doc).
pub struct Mimalloc;

// SAFETY: every path returns a block from mimalloc of at least
// `layout.size()` bytes aligned to `layout.align()` (see `malloc_aligns`),
// or null; `mi_free` and `mi_realloc*` accept any of mimalloc's blocks.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if malloc_aligns(&layout) {
            if layout.size() <= SMALL_SIZE_MAX {
                unsafe { mi_malloc_small(layout.size()).cast() }
            } else {
                unsafe { mi::mi_malloc(layout.size()).cast() }
            }
        } else {
            unsafe { mi::mi_malloc_aligned(layout.size(), layout.align()).cast() }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if malloc_aligns(&layout) {
            unsafe { mi::mi_zalloc(layout.size()).cast() }
        } else {
            unsafe { mi::mi_zalloc_aligned(layout.size(), layout.align()).cast() }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        unsafe { mi::mi_free(ptr.cast::<c_void>()) };
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // The new block must be aligned for `layout.align()` at `new_size`.
        if layout.align() <= MALLOC_ALIGN && layout.align() <= new_size {
            unsafe { mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast() }
        } else {
            unsafe { mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast() }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every size and alignment the fast path takes comes back aligned, and
    /// a reallocation keeps the contents.
    #[test]
    fn blocks_are_aligned() {
        let alloc = Mimalloc;
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in (1..=300).chain([1000, 1024, 5000, 70_000]) {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: a non-zero size; each block is freed once.
                unsafe {
                    let p = alloc.alloc(layout);
                    assert!(
                        !p.is_null() && (p as usize).is_multiple_of(align),
                        "{size} {align}"
                    );
                    p.write_bytes(0xab, size);
                    let q = alloc.realloc(p, layout, size * 3);
                    assert!(
                        !q.is_null() && (q as usize).is_multiple_of(align),
                        "{size} {align}"
                    );
                    assert_eq!(*q.add(size - 1), 0xab);
                    alloc.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
                    let z = alloc.alloc_zeroed(layout);
                    assert!((z as usize).is_multiple_of(align) && *z.add(size - 1) == 0);
                    alloc.dealloc(z, layout);
                }
            }
        }
    }
}
