//! Entry indices for lookup caches: where a str key sits in a dict's entry
//! array. An index stays valid while the dict's `version` (bumped by every
//! structural change: a new key, a deletion, a rebuild) is unchanged, so a
//! cache holding (dict, version, index) reads the current value without
//! hashing. `runtime::global_cache` uses this for `LOAD_GLOBAL`.

use super::table::EMPTY;
use super::DictObject;
use crate::object::PyPayload;
use crate::ops::compare::eq_without_python;
use crate::types::string::StrObject;
use crate::Value;

impl DictObject {
    /// The entry index of the str `key`, without running Python code.
    pub fn str_entry_index(&self, key: Value) -> Option<usize> {
        let h = StrObject::cast(key)?.hash();
        self.read(|t| {
            if t.used == 0 {
                return None;
            }
            for slot in t.probe(h) {
                let ix = t.indices[slot];
                if ix == EMPTY {
                    return None;
                }
                let Ok(i) = usize::try_from(ix) else {
                    continue;
                };
                let Some(e) = t.entries.get(i) else {
                    continue;
                };
                if e.key == key || (e.hash == h && eq_without_python(e.key, key) == Some(true)) {
                    return Some(i);
                }
            }
            None
        })
    }

    /// Where entry `index` keeps its value (None past the end or for a
    /// deleted entry). The address stays valid, and reads the entry's
    /// current value, while the dict's version is unchanged: only
    /// structural changes move or free the entries.
    pub fn entry_value_slot(&self, index: usize) -> Option<*const Value> {
        self.read(|t| {
            t.entries
                .get(index)
                .filter(|e| !e.key.is_null())
                .map(|e| &e.value as *const Value)
        })
    }

    /// The value of entry `index` (None past the end or for a deleted one).
    pub fn entry_value(&self, index: usize) -> Option<Value> {
        self.read(|t| {
            t.entries
                .get(index)
                .filter(|e| !e.key.is_null())
                .map(|e| e.value)
        })
    }
}
