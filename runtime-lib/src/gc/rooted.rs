//! Rooted temporaries: `Value`s the runtime holds in Rust heap memory
//! (a `Vec`) while Python code may run.
//!
//! The collector finds `Value`s in three places: inside heap objects (each
//! type's trace function), in the registered roots, and conservatively on
//! the native stack. A plain `Vec<Value>` built by runtime code is in none
//! of them: its buffer is Rust heap memory that the stack only points to.
//! Collections happen only at safe points (see `gc`), so such a `Vec` is
//! in danger exactly when Python code can run while it is alive: a call,
//! `next()` on an iterator, `__hash__`/`__eq__`, `__repr__`, a property…
//! Runtime code that holds values across such a call keeps them in a
//! [`RootedVec`], which registers its buffer with the collector for as
//! long as it lives.

use std::cell::RefCell;
use std::ops::{Deref, DerefMut};

use crate::Value;

thread_local! {
    /// Every live `RootedVec` of this thread (their boxed `Vec`s).
    static ROOTED: RefCell<Vec<*const Vec<Value>>> = const { RefCell::new(Vec::new()) };
}

/// A `Vec<Value>` whose items the collector treats as roots while it
/// lives. Derefs to `Vec<Value>`.
#[allow(clippy::box_collection)] // the Vec header must not move: it is registered by address
pub struct RootedVec {
    items: Box<Vec<Value>>,
}

impl RootedVec {
    pub fn new() -> RootedVec {
        RootedVec::from_vec(Vec::new())
    }

    pub fn with_capacity(n: usize) -> RootedVec {
        RootedVec::from_vec(Vec::with_capacity(n))
    }

    /// Roots the items of `v` (which must not have been held across a
    /// safe point before this).
    pub fn from_vec(v: Vec<Value>) -> RootedVec {
        let items = Box::new(v);
        let ptr: *const Vec<Value> = &*items;
        ROOTED.with(|r| r.borrow_mut().push(ptr));
        RootedVec { items }
    }

    /// The items as a plain `Vec`, no longer rooted: only for handing them
    /// straight to an object that owns them (which traces them).
    pub fn into_vec(mut self) -> Vec<Value> {
        std::mem::take(&mut *self.items)
    }
}

impl Default for RootedVec {
    fn default() -> Self {
        RootedVec::new()
    }
}

impl Drop for RootedVec {
    fn drop(&mut self) {
        unregister(&*self.items);
    }
}

impl Deref for RootedVec {
    type Target = Vec<Value>;
    fn deref(&self) -> &Vec<Value> {
        &self.items
    }
}

impl DerefMut for RootedVec {
    fn deref_mut(&mut self) -> &mut Vec<Value> {
        &mut self.items
    }
}

/// Each item is rooted as soon as it is produced (the iterator may run
/// Python code between items).
impl FromIterator<Value> for RootedVec {
    fn from_iter<I: IntoIterator<Item = Value>>(iter: I) -> Self {
        let mut out = RootedVec::new();
        out.extend(iter);
        out
    }
}

impl<'a> IntoIterator for &'a RootedVec {
    type Item = &'a Value;
    type IntoIter = std::slice::Iter<'a, Value>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

/// Roots the items of a `Vec` that stays put (one inside a `Box`, say)
/// while the guard lives: a [`RootedVec`] without an allocation of its own.
pub struct RootedInPlace {
    items: *const Vec<Value>,
}

impl RootedInPlace {
    /// # Safety
    /// The `Vec` header at `items` must neither move nor be dropped while
    /// the guard lives.
    pub unsafe fn new(items: &Vec<Value>) -> RootedInPlace {
        let items: *const Vec<Value> = items;
        ROOTED.with(|r| r.borrow_mut().push(items));
        RootedInPlace { items }
    }
}

impl Drop for RootedInPlace {
    fn drop(&mut self) {
        unregister(self.items);
    }
}

fn unregister(ptr: *const Vec<Value>) {
    // Usually the most recent registration: search from the end. A
    // thread-local being torn down at thread exit is nothing to update.
    let _ = ROOTED.try_with(|r| {
        let mut r = r.borrow_mut();
        if let Some(at) = r.iter().rposition(|p| std::ptr::eq(*p, ptr)) {
            r.swap_remove(at);
        }
    });
}

/// Visits every value held by this thread's rooted temporaries.
pub(super) fn trace_rooted(visit: &mut dyn FnMut(Value)) {
    ROOTED.with(|r| {
        for &p in r.borrow().iter() {
            // SAFETY: a registered pointer is the boxed Vec of a live
            // RootedVec (it unregisters itself when dropped).
            for &v in unsafe { &*p }.iter() {
                visit(v);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rooted_count() -> usize {
        let mut n = 0;
        trace_rooted(&mut |_| n += 1);
        n
    }

    #[test]
    fn rooted_items_are_visited_while_alive() {
        let before = rooted_count();
        let mut a = RootedVec::new();
        a.push(Value::small_int(1));
        a.push(Value::small_int(2));
        let b: RootedVec = [Value::NONE].into_iter().collect();
        assert_eq!(rooted_count(), before + 3);
        drop(a);
        assert_eq!(rooted_count(), before + 1);
        let v = b.into_vec();
        assert_eq!(v, vec![Value::NONE]);
        assert_eq!(rooted_count(), before);
    }
}
