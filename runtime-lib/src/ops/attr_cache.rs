//! Per-site attribute caches for generated code (inline caches keyed by
//! type and shape): `obj.name`, `obj.name = v` and `obj.name(...)` each
//! get an [`AttrCache`]. A hit is a few compares and one slot access; a
//! miss takes the generic path (`ops::attr`) and refills the cache when
//! the result has a cacheable form:
//!
//! - a load or store of an instance attribute (no data descriptor of that
//!   name on the type, the name in the instance's shape): (type, shape,
//!   slot index);
//! - a method load (a plain function or method descriptor on the type,
//!   the name absent from the instance's shape): (type, shape, function).
//!
//! Every entry is stamped with the type attribute cache's epoch, which
//! changes whenever any type's attributes may have changed, so class
//! changes (a new property, a replaced method) invalidate every site.

use crate::error::PyResult;
use crate::object::{downcast, type_of};
use crate::ops::attr::{self, generic_getattr, generic_setattr};
use crate::typeobj::lookup_cache;
use crate::typeobj::{GetAttrFn, SetAttrFn, TypeObject};
use crate::types::builtin_func::{MethodDescrObject, MethodKind};
use crate::types::function::FunctionObject;
use crate::types::instance::attrs_of;
use crate::types::shape::Shape;
use crate::Value;

/// One (type, shape) a site has seen (zeroed: empty).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct CacheEntry {
    ty: usize,
    /// The instance's shape (0 for objects without attributes).
    shape: usize,
    epoch: u64,
    /// A slot index, or (method caches) the function's bits.
    payload: u64,
    /// Stores that add the attribute: the shape the instance moves to (the
    /// slot is then the next one); 0 otherwise.
    adds: u64,
    /// The type's `attrs_offset` (where generated code finds the shape
    /// and the values; 0: the type's instances have no attributes).
    attrs_offset: u64,
}

/// Byte offsets in the first entry, which generated code checks inline
/// (codegen's `attr_inline`).
pub const ENTRY_TY_OFFSET: usize = std::mem::offset_of!(CacheEntry, ty);
pub const ENTRY_SHAPE_OFFSET: usize = std::mem::offset_of!(CacheEntry, shape);
pub const ENTRY_EPOCH_OFFSET: usize = std::mem::offset_of!(CacheEntry, epoch);
pub const ENTRY_PAYLOAD_OFFSET: usize = std::mem::offset_of!(CacheEntry, payload);
pub const ENTRY_ADDS_OFFSET: usize = std::mem::offset_of!(CacheEntry, adds);
pub const ENTRY_ATTRS_OFFSET: usize = std::mem::offset_of!(CacheEntry, attrs_offset);

/// How many (type, shape) pairs a site remembers: methods of a base class
/// see instances of each subclass (richards' tasks), which a single entry
/// would keep evicting.
const ENTRIES: usize = 4;

/// One site's cache (zeroed: empty), most recently filled entry first.
#[repr(C)]
pub struct AttrCache {
    entries: [CacheEntry; ENTRIES],
}

/// The cache's size in words (what generated code allocates per site).
pub const ATTR_CACHE_WORDS: u32 = (std::mem::size_of::<AttrCache>() / 8) as u32;

fn shape_of(obj: Value) -> usize {
    attrs_of(obj).map_or(0, |a| a.shape.get() as usize)
}

fn is_generic_get(ty: &TypeObject) -> bool {
    ty.slots
        .getattro
        .get()
        .is_some_and(|f| std::ptr::fn_addr_eq(f, generic_getattr as GetAttrFn))
}

fn is_generic_set(ty: &TypeObject) -> bool {
    ty.slots
        .setattro
        .get()
        .is_some_and(|f| std::ptr::fn_addr_eq(f, generic_setattr as SetAttrFn))
}

impl AttrCache {
    /// The entry for `obj`'s type and shape, if the site has one that is
    /// still valid.
    #[inline(always)]
    fn hit(&self, obj: Value) -> Option<&CacheEntry> {
        let ty = type_of(obj) as *const TypeObject as usize;
        let shape = shape_of(obj);
        let first = &self.entries[0];
        if first.ty == ty && first.shape == shape && first.epoch == lookup_cache::epoch() {
            return Some(first);
        }
        self.hit_later(ty, shape)
    }

    /// `hit` past the first entry.
    #[inline(never)]
    fn hit_later(&self, ty: usize, shape: usize) -> Option<&CacheEntry> {
        let epoch = lookup_cache::epoch();
        self.entries[1..]
            .iter()
            .take_while(|e| e.ty != 0)
            .find(|e| e.ty == ty && e.shape == shape && e.epoch == epoch)
    }

    /// Remembers `obj`'s type with `shape` (and `payload`, `adds`) first,
    /// dropping the oldest entry when all are taken.
    fn fill(&mut self, obj: Value, shape: usize, payload: u64, adds: u64) {
        let ty = type_of(obj);
        let entry = CacheEntry {
            ty: ty as *const TypeObject as usize,
            shape,
            epoch: lookup_cache::epoch(),
            payload,
            adds,
            attrs_offset: ty.attrs_offset as u64,
        };
        // An entry for the same pair (made stale by the epoch) goes away.
        let end = self
            .entries
            .iter()
            .position(|e| e.ty == entry.ty && e.shape == entry.shape)
            .unwrap_or(ENTRIES - 1);
        self.entries.copy_within(0..end, 1);
        self.entries[0] = entry;
    }
}

/// The slot of instance attribute `name` of `obj`, if an access to it
/// is an access to that slot (see the module doc).
fn instance_slot(obj: Value, name: Value) -> Option<usize> {
    let ty = type_of(obj);
    if let Some(d) = ty.lookup(name) {
        if type_of(d).slots.descr_set.get().is_some() {
            return None;
        }
    }
    attrs_of(obj)?.shape().index_of(name)
}

/// `obj.name` through `cache`. The hit path is inlined into the ABI
/// entry, which then saves no registers; misses go out of line.
#[inline(always)]
pub fn getattr_cached(obj: Value, name: Value, cache: &mut AttrCache) -> PyResult {
    if obj.is_pointer() {
        if let Some(e) = cache.hit(obj) {
            if let Some(v) = attrs_of(obj).and_then(|a| a.values.get(e.payload as usize)) {
                if !v.is_null() {
                    return Ok(v);
                }
            }
        }
    }
    getattr_missed(obj, name, cache)
}

/// `getattr_cached` past the cache: the generic lookup, then a refill.
#[inline(never)]
fn getattr_missed(obj: Value, name: Value, cache: &mut AttrCache) -> PyResult {
    let v = attr::getattr(obj, name)?;
    if obj.is_pointer() && is_generic_get(type_of(obj)) {
        if let Some(i) = instance_slot(obj, name) {
            cache.fill(obj, shape_of(obj), i as u64, 0);
        }
    }
    Ok(v)
}

/// `obj.name = value` through `cache` (the hit path inlined, as
/// `getattr_cached`'s).
#[inline(always)]
pub fn setattr_cached(
    obj: Value,
    name: Value,
    value: Value,
    cache: &mut AttrCache,
) -> PyResult<()> {
    if obj.is_pointer() {
        if let (Some(e), Some(attrs)) = (cache.hit(obj), attrs_of(obj)) {
            if e.adds != 0 {
                if attrs.values.len() == e.payload as usize {
                    attrs.values.push(value);
                    attrs.shape.set(e.adds as *const Shape);
                    return Ok(());
                }
            } else if attrs.values.set(e.payload as usize, value) {
                return Ok(());
            }
        }
    }
    setattr_missed(obj, name, value, cache)
}

/// `setattr_cached` past the cache: the generic store, then a refill.
#[inline(never)]
fn setattr_missed(obj: Value, name: Value, value: Value, cache: &mut AttrCache) -> PyResult<()> {
    let before = shape_of(obj);
    attr::setattr(obj, name, value)?;
    if obj.is_pointer() && is_generic_set(type_of(obj)) {
        if let Some(i) = instance_slot(obj, name) {
            let after = shape_of(obj);
            if after != before && before != 0 {
                // The store added the attribute: the same store on an
                // instance of this type and shape makes the same move.
                cache.fill(obj, before, i as u64, after as u64);
            } else {
                cache.fill(obj, after, i as u64, 0);
            }
        }
    }
    Ok(())
}

/// `LOAD_METHOD` through `cache`: (function, obj) or (attribute, NULL).
#[inline(always)]
pub fn load_method_cached(
    obj: Value,
    name: Value,
    cache: &mut AttrCache,
) -> PyResult<(Value, Value)> {
    if let Some(e) = cache.hit(obj) {
        // SAFETY: the payload is the bits of a function found on the type,
        // which the type still holds (the epoch is unchanged).
        return Ok((unsafe { Value::from_bits(e.payload) }, obj));
    }
    load_method_missed(obj, name, cache)
}

/// `load_method_cached` past the cache: the generic lookup, then a refill.
#[inline(never)]
fn load_method_missed(obj: Value, name: Value, cache: &mut AttrCache) -> PyResult<(Value, Value)> {
    let (f, self_) = attr::load_method(obj, name)?;
    if !self_.is_null() {
        let plain = downcast::<FunctionObject>(f).is_some()
            || downcast::<MethodDescrObject>(f).is_some_and(|m| m.def.kind == MethodKind::Instance);
        let shadowed = attrs_of(obj).is_some_and(|a| a.may_have(name));
        if plain && !shadowed {
            cache.fill(obj, shape_of(obj), f.bits(), 0);
        }
    }
    Ok((f, self_))
}
