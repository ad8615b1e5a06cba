//! The type attribute cache (CPython's method cache): remembers what
//! [`TypeObject::lookup`] found for a (type, name) pair, so that attribute
//! access, method calls and dunder lookups do not probe every dict along
//! the MRO each time.
//!
//! The cache is direct-mapped and keyed by the type's address and the
//! name's identity (names are nearly always interned strs; an equal name
//! that is another object only misses). It holds no references of its own.
//! Every entry is stamped with an epoch; [`invalidate`] starts a new epoch,
//! which empties the cache at once. The epoch changes whenever a type's
//! attribute dict changes (the dicts of types are marked, and
//! `DictObject`'s writes check the mark), whenever a type gets its MRO, and
//! after every collection (the collector calls [`invalidate`] once it has
//! swept: a freed type, name or cached value could come back at the same
//! address). The per-site caches of `ops::attr_cache` are stamped with the
//! same epoch, so a collection empties them too.

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use super::TypeObject;
use crate::Value;

/// Entries in the cache (a power of two).
const SIZE: usize = 4096;

#[derive(Clone, Copy)]
struct Entry {
    ty: *const TypeObject,
    name: Value,
    epoch: u64,
    /// What the lookup found; NULL when the name is not on the type.
    found: Value,
}

/// All zero bits, so the thread-local table needs no space in the
/// executable (it goes to .tbss); epoch 0 never matches.
const UNUSED: Entry = Entry {
    ty: std::ptr::null(),
    name: Value::ERROR,
    epoch: 0,
    found: Value::ERROR,
};

/// The current epoch, shared by every thread (a change anywhere only
/// empties other threads' caches too). Entries are stamped with epoch + 1,
/// never 0, so unused entries never match. A plain global, not a
/// thread-local: every per-site attribute cache reads it on each hit,
/// generated code too (hence the unmangled name).
#[no_mangle]
pub static KRAIT_TYPE_EPOCH: AtomicU64 = AtomicU64::new(0);

struct Cache {
    /// Everything starts as zero bits, so the thread-local table takes no
    /// space in executables (.tbss).
    entries: [Cell<Entry>; SIZE],
}

thread_local! {
    static CACHE: Cache = const {
        Cache {
            entries: [const { Cell::new(UNUSED) }; SIZE],
        }
    };
}

fn slot(ty: *const TypeObject, name: Value) -> usize {
    let key = (ty as usize as u64) ^ name.bits().rotate_left(32);
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SIZE.trailing_zeros())) as usize
}

/// `ty.lookup(name)`, from the cache or from `lookup` (which must not run
/// Python code, nor change any type).
pub fn cached(
    ty: &TypeObject,
    name: Value,
    lookup: impl FnOnce(&TypeObject, Value) -> Option<Value>,
) -> Option<Value> {
    let ptr = ty as *const TypeObject;
    let at = slot(ptr, name);
    let hit = CACHE.with(|c| {
        let e = c.entries[at].get();
        (e.epoch == epoch() + 1 && e.ty == ptr && e.name == name).then_some(e.found)
    });
    if let Some(found) = hit {
        return (!found.is_null()).then_some(found);
    }
    let found = lookup(ty, name);
    CACHE.with(|c| {
        c.entries[at].set(Entry {
            ty: ptr,
            name,
            epoch: epoch() + 1,
            found: found.unwrap_or(Value::NULL),
        })
    });
    found
}

/// Forgets every cached lookup: a type's dict or MRO changed.
pub fn invalidate() {
    KRAIT_TYPE_EPOCH.fetch_add(1, Relaxed);
}

/// The current epoch: it changes whenever any type's attributes may have
/// changed (so per-site caches stamped with it can check their validity).
#[inline]
pub fn epoch() -> u64 {
    KRAIT_TYPE_EPOCH.load(Relaxed)
}

#[cfg(test)]
mod tests {
    use crate::ops::attr::{delattr, getattr_str, setattr};
    use crate::testing::{class, s};
    use crate::typeobj::as_type;
    use crate::types::string::intern;
    use crate::Value;

    #[test]
    fn every_change_to_a_type_shows_through_the_cache() {
        let a = class("A", &[], &[("x", Value::small_int(1))]).unwrap();
        let b = class("B", &[a], &[]).unwrap();
        let ty = as_type(b).unwrap();
        let x = intern("x");
        assert_eq!(ty.lookup(x), Some(Value::small_int(1)));
        assert_eq!(ty.lookup(x), Some(Value::small_int(1)));
        // Through setattr on a base, on the type itself, and deletion.
        setattr(a, x, Value::small_int(2)).unwrap();
        assert_eq!(ty.lookup(x), Some(Value::small_int(2)));
        setattr(b, x, Value::small_int(3)).unwrap();
        assert_eq!(ty.lookup(x), Some(Value::small_int(3)));
        delattr(b, x).unwrap();
        assert_eq!(ty.lookup(x), Some(Value::small_int(2)));
        delattr(a, x).unwrap();
        assert_eq!(ty.lookup(x), None);
        // Through the dict itself (as `C.__dict__` or `vars(C)` could).
        let dict = as_type(a).unwrap().dict();
        dict.set_item(x, Value::small_int(4)).unwrap();
        assert_eq!(ty.lookup(x), Some(Value::small_int(4)));
        dict.clear();
        assert_eq!(ty.lookup(x), None);
        // Cleared, the dict is still a type's dict.
        dict.set_item(x, Value::small_int(5)).unwrap();
        assert_eq!(s(getattr_str(b, "x").unwrap()), "5");
    }
}
