//! `LOAD_GLOBAL` with a per-site cache: generated code gives each
//! `LOAD_GLOBAL` a [`GlobalCache`], which remembers where the name was
//! found (an entry of the globals or, if absent there, of the builtins)
//! together with the dicts' versions. While neither dict changed shape,
//! the value is read straight from that entry: no hashing, no probing.
//! Rebinding a global changes only the entry's value, so it needs no
//! invalidation.

use std::mem::offset_of;

use crate::error::PyResult;
use crate::object::PyPayload;
use crate::types::dict::DictObject;
use crate::Value;

/// One site's cache (zeroed: empty). Generated code checks a hit inline
/// (the `*_WORD` indices below): the globals are the cached ones, both
/// versions hold, and the value slot is not NULL.
#[repr(C)]
#[derive(Default)]
pub struct GlobalCache {
    /// The globals dict the entry was found for (0: empty cache).
    globals: u64,
    globals_version: u64,
    /// The dict holding the entry: the globals, or the builtins (which
    /// live for the whole program).
    dict: u64,
    dict_version: u64,
    /// The entry's value slot (see `DictObject::entry_value_slot`).
    value: u64,
}

/// The cache's size in words (what generated code allocates per site).
pub const GLOBAL_CACHE_WORDS: u32 = (std::mem::size_of::<GlobalCache>() / 8) as u32;
/// Word indices of the fields generated code reads.
pub const GLOBALS_WORD: u32 = (offset_of!(GlobalCache, globals) / 8) as u32;
pub const GLOBALS_VERSION_WORD: u32 = (offset_of!(GlobalCache, globals_version) / 8) as u32;
pub const DICT_WORD: u32 = (offset_of!(GlobalCache, dict) / 8) as u32;
pub const DICT_VERSION_WORD: u32 = (offset_of!(GlobalCache, dict_version) / 8) as u32;
pub const VALUE_WORD: u32 = (offset_of!(GlobalCache, value) / 8) as u32;

impl GlobalCache {
    /// The cached value, if the cache still describes where `globals`
    /// finds the name.
    fn hit(&self, globals: Value, g: &DictObject) -> Option<Value> {
        if self.globals != globals.bits() || self.globals_version != g.version() {
            return None;
        }
        // SAFETY: `dict` is `g` or the builtins dict, both alive.
        let d = unsafe { &*(self.dict as *const DictObject) };
        if self.dict_version != d.version() {
            return None;
        }
        // SAFETY: the slot stays valid while `d`'s version holds.
        let v = unsafe { *(self.value as *const Value) };
        (!v.is_null()).then_some(v)
    }

    /// Remembers entry `index` of `d` (the globals `g` or the builtins).
    fn fill(&mut self, globals: Value, g: &DictObject, d: &DictObject, index: usize) {
        *self = match d.entry_value_slot(index) {
            Some(slot) => GlobalCache {
                globals: globals.bits(),
                globals_version: g.version(),
                dict: d as *const DictObject as u64,
                dict_version: d.version(),
                value: slot as u64,
            },
            None => GlobalCache::default(),
        };
    }
}

/// `LOAD_GLOBAL name` through `cache`.
pub fn load_global_cached(globals: Value, name: Value, cache: &mut GlobalCache) -> PyResult {
    let Some(g) = DictObject::cast(globals) else {
        return super::load_global(globals, name);
    };
    if let Some(v) = cache.hit(globals, g) {
        return Ok(v);
    }
    if let Some(index) = g.str_entry_index(name) {
        cache.fill(globals, g, g, index);
        return g
            .entry_value(index)
            .map_or_else(|| super::load_global(globals, name), Ok);
    }
    let b = super::builtins_dict();
    if let Some(index) = b.str_entry_index(name) {
        cache.fill(globals, g, b, index);
        if let Some(v) = b.entry_value(index) {
            return Ok(v);
        }
    }
    super::load_global(globals, name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::string::intern;

    #[test]
    fn cached_loads_follow_rebinding_and_shadowing() {
        let globals = super::super::new_module_globals("m");
        let g = DictObject::cast(globals).unwrap();
        let mut cache = GlobalCache::default();
        let x = intern("x");
        g.set_str(x, Value::small_int(1));
        assert_eq!(
            load_global_cached(globals, x, &mut cache).unwrap(),
            Value::small_int(1)
        );
        // A rebinding is seen through the cached entry.
        g.set_str(x, Value::small_int(2));
        assert_eq!(
            load_global_cached(globals, x, &mut cache).unwrap(),
            Value::small_int(2)
        );
        // A builtin, then a global that shadows it (a site has one name,
        // so one cache).
        let mut cache = GlobalCache::default();
        let len = intern("len");
        let builtin = load_global_cached(globals, len, &mut cache).unwrap();
        assert_eq!(
            load_global_cached(globals, len, &mut cache).unwrap(),
            builtin
        );
        g.set_str(len, Value::small_int(3));
        assert_eq!(
            load_global_cached(globals, len, &mut cache).unwrap(),
            Value::small_int(3)
        );
        // Deleting the global shows the builtin again.
        g.del_item(len).unwrap();
        assert_eq!(
            load_global_cached(globals, len, &mut cache).unwrap(),
            builtin
        );
    }
}
