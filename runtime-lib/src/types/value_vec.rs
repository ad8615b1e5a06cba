//! `ValueVec`: a growable array of values with a fixed `#[repr(C)]` layout
//! (pointer, length, capacity), so generated code can index a list or an
//! instance's attribute slots directly.
//!
//! Every method is a short, self-contained operation that never calls back
//! into Python code, so the temporary `Vec` view it builds can't be
//! observed half-modified. The buffer is freed when the `ValueVec` is
//! dropped, i.e. by the collector when it frees the owning object; growth
//! is reported to the collector (`gc::note_external`).

use std::cell::Cell;
use std::mem::{offset_of, ManuallyDrop};

use crate::Value;

#[repr(C)]
pub struct ValueVec {
    ptr: Cell<*mut Value>,
    len: Cell<usize>,
    cap: Cell<usize>,
    /// The buffer is storage inside the owning object (see
    /// [`ValueVec::use_inline`]), not a Rust allocation.
    inline: Cell<bool>,
}

pub const VALUE_VEC_PTR_OFFSET: usize = offset_of!(ValueVec, ptr);
pub const VALUE_VEC_LEN_OFFSET: usize = offset_of!(ValueVec, len);

impl Default for ValueVec {
    fn default() -> Self {
        ValueVec::from_vec(Vec::new())
    }
}

impl Drop for ValueVec {
    fn drop(&mut self) {
        if self.inline.get() {
            return;
        }
        // SAFETY: ptr/len/cap describe the live Vec allocation this
        // ValueVec owns; it is rebuilt and freed exactly once, here.
        drop(unsafe { Vec::from_raw_parts(self.ptr.get(), self.len.get(), self.cap.get()) });
    }
}

impl ValueVec {
    pub fn from_vec(v: Vec<Value>) -> ValueVec {
        crate::gc::note_external(v.capacity() * std::mem::size_of::<Value>());
        let mut v = ManuallyDrop::new(v);
        ValueVec {
            ptr: Cell::new(v.as_mut_ptr()),
            len: Cell::new(v.len()),
            cap: Cell::new(v.capacity()),
            inline: Cell::new(false),
        }
    }

    /// Makes an empty, unallocated `ValueVec` use `cap` values at `buf` —
    /// storage in the object that owns it, which never moves — until it
    /// outgrows them (then items move to a Rust allocation). Does nothing
    /// if the `ValueVec` already has a buffer.
    ///
    /// # Safety
    /// `buf` must point at `cap` writable values that live as long as this
    /// `ValueVec` and belong to nothing else.
    pub unsafe fn use_inline(&self, buf: *mut Value, cap: usize) {
        if self.cap.get() == 0 && !self.inline.get() {
            self.ptr.set(buf);
            self.cap.set(cap);
            self.inline.set(true);
        }
    }

    /// Moves inline items to a Rust allocation (before an operation that
    /// needs a real `Vec`).
    #[cold]
    fn spill(&self) {
        let len = self.len.get();
        let mut v = Vec::with_capacity((self.cap.get() * 2).max(4));
        // SAFETY: the first `len` values of the inline buffer are items.
        v.extend_from_slice(unsafe { std::slice::from_raw_parts(self.ptr.get(), len) });
        crate::gc::note_external(v.capacity() * std::mem::size_of::<Value>());
        let mut v = ManuallyDrop::new(v);
        self.ptr.set(v.as_mut_ptr());
        self.cap.set(v.capacity());
        self.inline.set(false);
    }

    /// Runs `f` on a `Vec` view of the buffer and stores the result back.
    /// `f` must not run Python code.
    fn with_vec<R>(&self, f: impl FnOnce(&mut Vec<Value>) -> R) -> R {
        if self.inline.get() {
            self.spill();
        }
        // SAFETY: ptr/len/cap always describe a live Vec allocation that
        // nothing else owns; ManuallyDrop keeps it alive if `f` panics.
        let mut v = ManuallyDrop::new(unsafe {
            Vec::from_raw_parts(self.ptr.get(), self.len.get(), self.cap.get())
        });
        let r = f(&mut v);
        if v.capacity() > self.cap.get() {
            crate::gc::note_external(
                (v.capacity() - self.cap.get()) * std::mem::size_of::<Value>(),
            );
        }
        self.ptr.set(v.as_mut_ptr());
        self.len.set(v.len());
        self.cap.set(v.capacity());
        r
    }

    pub fn len(&self) -> usize {
        self.len.get()
    }

    /// Calls `visit` on every item, in place (for the collector's trace
    /// functions, which must not run Python code).
    ///
    /// Only heap pointers reach `visit`; the rest are counted with
    /// `gc::count_untraced`, which spares a dynamic call per item for
    /// lists of ints or bools (a sieve's 7M flags).
    pub fn trace(&self, visit: &mut dyn FnMut(Value)) {
        let mut untraced = 0;
        for i in 0..self.len.get() {
            // SAFETY: in bounds of the live buffer; `visit` does not touch it.
            let v = unsafe { *self.ptr.get().add(i) };
            if v.is_pointer() {
                visit(v);
            } else {
                untraced += 1;
            }
        }
        crate::gc::count_untraced(untraced);
    }

    pub fn is_empty(&self) -> bool {
        self.len.get() == 0
    }

    pub fn get(&self, i: usize) -> Option<Value> {
        if i < self.len.get() {
            // SAFETY: in bounds of the live buffer.
            Some(unsafe { *self.ptr.get().add(i) })
        } else {
            None
        }
    }

    /// Replaces item `i`; false if out of range.
    pub fn set(&self, i: usize, v: Value) -> bool {
        if i < self.len.get() {
            // SAFETY: in bounds of the live buffer.
            unsafe { *self.ptr.get().add(i) = v };
            true
        } else {
            false
        }
    }

    #[inline]
    pub fn push(&self, v: Value) {
        let len = self.len.get();
        if len < self.cap.get() {
            // SAFETY: in bounds of the buffer's capacity.
            unsafe { *self.ptr.get().add(len) = v };
            self.len.set(len + 1);
            return;
        }
        self.with_vec(|vec| vec.push(v));
    }

    pub fn pop(&self) -> Option<Value> {
        let len = self.len.get();
        if len == 0 {
            return None;
        }
        self.len.set(len - 1);
        // SAFETY: the last item of the live buffer, now past its length.
        Some(unsafe { *self.ptr.get().add(len - 1) })
    }

    pub fn insert(&self, i: usize, v: Value) {
        let len = self.len.get();
        if len < self.cap.get() {
            let i = i.min(len);
            // SAFETY: the buffer has room for one more item; the items
            // from `i` on move up by one within it.
            unsafe {
                let p = self.ptr.get();
                std::ptr::copy(p.add(i), p.add(i + 1), len - i);
                *p.add(i) = v;
            }
            self.len.set(len + 1);
            return;
        }
        self.with_vec(|vec| vec.insert(i.min(vec.len()), v));
    }

    pub fn remove(&self, i: usize) -> Option<Value> {
        let len = self.len.get();
        if i >= len {
            return None;
        }
        // SAFETY: `i` is an item of the live buffer; the items after it
        // move down by one within it.
        let v = unsafe {
            let p = self.ptr.get();
            let v = *p.add(i);
            std::ptr::copy(p.add(i + 1), p.add(i), len - i - 1);
            v
        };
        self.len.set(len - 1);
        Some(v)
    }

    pub fn extend(&self, items: &[Value]) {
        self.with_vec(|vec| vec.extend_from_slice(items));
    }

    /// Runs `f` on the items, read-only. `f` must not run Python code.
    pub fn with_items<R>(&self, f: impl FnOnce(&[Value]) -> R) -> R {
        // SAFETY: ptr/len describe the live buffer (a Vec's, dangling when
        // empty, or the inline one); nothing modifies it while `f` runs.
        f(unsafe { std::slice::from_raw_parts(self.ptr.get(), self.len.get()) })
    }

    /// A copy of the items.
    pub fn to_vec(&self) -> Vec<Value> {
        self.with_vec(|vec| vec.clone())
    }

    /// Replaces all the items.
    pub fn replace_all(&self, items: Vec<Value>) {
        self.with_vec(|vec| *vec = items);
    }

    /// Replaces items `start..stop` by `items`.
    pub fn splice(&self, start: usize, stop: usize, items: &[Value]) {
        self.with_vec(|vec| {
            let stop = stop.min(vec.len());
            let start = start.min(stop);
            if stop - start == items.len() {
                // Same length (`a[i:j] = b` as a permutation step): in place.
                vec[start..stop].copy_from_slice(items);
                return;
            }
            vec.splice(start..stop, items.iter().copied());
        });
    }

    pub fn reverse(&self) {
        self.with_vec(|vec| vec.reverse());
    }

    pub fn truncate(&self, n: usize) {
        self.with_vec(|vec| vec.truncate(n));
    }
}
