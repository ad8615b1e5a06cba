//! `LOAD_GLOBAL` with a per-site cache: generated code gives each
//! `LOAD_GLOBAL` a [`GlobalCache`], which remembers where the name was
//! found (an entry of the globals or, if absent there, of the builtins)
//! together with the dicts' versions. While neither dict changed shape,
//! the value is read straight from that entry: no hashing, no probing.
//! Rebinding a global changes only the entry's value, so it needs no
//! invalidation.

use crate::error::PyResult;
use crate::object::PyPayload;
use crate::types::dict::DictObject;
use crate::Value;

/// One site's cache (zeroed: empty).
#[repr(C)]
#[derive(Default)]
pub struct GlobalCache {
    /// The globals dict the entry was found for (0: empty cache).
    globals: u64,
    globals_version: u64,
    /// For a builtin: the builtins' version; u64::MAX for a global.
    builtins_version: u64,
    index: u64,
    /// For a builtin: the builtins dict (a `&'static DictObject`).
    builtins: u64,
}

/// The cache's size in words (what generated code allocates per site).
pub const GLOBAL_CACHE_WORDS: u32 = (std::mem::size_of::<GlobalCache>() / 8) as u32;

const IN_GLOBALS: u64 = u64::MAX;

/// `LOAD_GLOBAL name` through `cache`.
pub fn load_global_cached(globals: Value, name: Value, cache: &mut GlobalCache) -> PyResult {
    let Some(g) = DictObject::cast(globals) else {
        return super::load_global(globals, name);
    };
    if cache.globals == globals.bits() && cache.globals_version == g.version() {
        let index = cache.index as usize;
        if cache.builtins_version == IN_GLOBALS {
            if let Some(v) = g.entry_value(index) {
                return Ok(v);
            }
        } else {
            // SAFETY: a builtin entry records the builtins dict, which lives
            // for the whole program.
            let b = unsafe { &*(cache.builtins as *const DictObject) };
            if cache.builtins_version == b.version() {
                if let Some(v) = b.entry_value(index) {
                    return Ok(v);
                }
            }
        }
    }
    if let Some(index) = g.str_entry_index(name) {
        *cache = GlobalCache {
            globals: globals.bits(),
            globals_version: g.version(),
            builtins_version: IN_GLOBALS,
            index: index as u64,
            builtins: 0,
        };
        return g
            .entry_value(index)
            .map_or_else(|| super::load_global(globals, name), Ok);
    }
    let b = super::builtins_dict();
    if let Some(index) = b.str_entry_index(name) {
        *cache = GlobalCache {
            globals: globals.bits(),
            globals_version: g.version(),
            builtins_version: b.version(),
            index: index as u64,
            builtins: b as *const DictObject as u64,
        };
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
