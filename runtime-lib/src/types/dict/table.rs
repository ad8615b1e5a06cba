//! The compact, insertion-ordered hash table behind `dict` (CPython's
//! layout): a sparse index array probed with CPython's perturbation
//! scheme, pointing into a dense array of (hash, key, value) entries kept
//! in insertion order. Deleted entries leave a hole (key NULL) that
//! iteration skips; the table is compacted when it is rebuilt.
//!
//! This module is pure data: it never calls Python code. Key comparison
//! that may run `__eq__` is driven from `dict::DictObject::lookup`, which
//! restarts if the table changed meanwhile.

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::Value;

pub const EMPTY: isize = -1;
pub const DUMMY: isize = -2;
const MIN_SIZE: usize = 8;

#[derive(Clone, Copy)]
pub struct Entry {
    pub hash: i64,
    /// NULL for a deleted entry.
    pub key: Value,
    pub value: Value,
}

pub struct DictTable {
    pub indices: Vec<isize>,
    pub entries: Vec<Entry>,
    /// Live entries.
    pub used: usize,
    /// Changed on every structural change (insert of a new key, delete,
    /// rebuild), so a lookup interrupted by Python code can restart. Each
    /// value comes from [`next_version`] and is never given to another
    /// dict, so a cache keyed by (dict address, version) cannot mistake a
    /// new dict at a freed dict's address for the old one.
    pub version: u64,
    /// The attribute dict of a type (see `DictObject::mark_type_dict`).
    pub type_dict: bool,
}

/// Bits of a version below a thread's base (2^40 versions per thread).
const THREAD_VERSION_BITS: u32 = 40;

/// The next thread's version base.
static NEXT_THREAD_BASE: AtomicU64 = AtomicU64::new(1 << THREAD_VERSION_BITS);

thread_local! {
    /// The last version this thread handed out (0: none yet).
    static LAST_VERSION: Cell<u64> = const { Cell::new(0) };
}

/// A dict version never used before by any dict of any thread.
pub fn next_version() -> u64 {
    LAST_VERSION.with(|last| {
        let mut v = last.get();
        if v == 0 {
            v = NEXT_THREAD_BASE.fetch_add(1 << THREAD_VERSION_BITS, Ordering::Relaxed);
        }
        v += 1;
        last.set(v);
        v
    })
}

impl Default for DictTable {
    fn default() -> Self {
        DictTable {
            indices: Vec::new(),
            entries: Vec::new(),
            used: 0,
            version: next_version(),
            type_dict: false,
        }
    }
}

/// The probe sequence of CPython's dict for `hash` in a table of `mask + 1`.
pub struct Probe {
    mask: usize,
    perturb: u64,
    i: usize,
    first: bool,
}

impl Iterator for Probe {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.first {
            self.first = false;
        } else {
            self.perturb >>= 5;
            self.i = (self
                .i
                .wrapping_mul(5)
                .wrapping_add(self.perturb as usize)
                .wrapping_add(1))
                & self.mask;
        }
        Some(self.i)
    }
}

impl DictTable {
    pub fn probe(&self, hash: i64) -> Probe {
        let mask = self.indices.len().wrapping_sub(1);
        Probe {
            mask,
            perturb: hash as u64,
            i: (hash as u64 as usize) & mask,
            first: true,
        }
    }

    /// Appends a new entry at index slot `slot` (from a failed lookup).
    pub fn insert_new(&mut self, slot: usize, hash: i64, key: Value, value: Value) {
        let ix = self.entries.len() as isize;
        self.entries.push(Entry { hash, key, value });
        self.indices[slot] = ix;
        self.used += 1;
        self.version = next_version();
        if self.entries.len() * 3 >= self.indices.len() * 2 {
            self.rebuild(self.used * 3);
        }
    }

    /// Makes sure there is an index array to probe.
    pub fn ensure_indices(&mut self) {
        if self.indices.is_empty() {
            self.indices = vec![EMPTY; MIN_SIZE];
        }
    }

    /// Removes the entry at `ix`, found at index slot `slot`.
    pub fn remove_at(&mut self, slot: usize, ix: usize) -> Entry {
        let e = self.entries[ix];
        self.indices[slot] = DUMMY;
        self.entries[ix].key = Value::NULL;
        self.entries[ix].value = Value::NULL;
        self.used -= 1;
        self.version = next_version();
        e
    }

    /// Compacts the entries and rebuilds the index for `min_capacity` items.
    pub fn rebuild(&mut self, min_capacity: usize) {
        let live: Vec<Entry> = self
            .entries
            .iter()
            .filter(|e| !e.key.is_null())
            .copied()
            .collect();
        let mut size = MIN_SIZE;
        while size < min_capacity.max(live.len() * 3 / 2 + 1) {
            size *= 2;
        }
        // The new arrays, as they will be when the table is next rebuilt
        // (2/3 full), are memory the collector does not see.
        crate::gc::note_external(
            size * std::mem::size_of::<isize>() + size * 2 / 3 * std::mem::size_of::<Entry>(),
        );
        self.indices = vec![EMPTY; size];
        self.entries = Vec::with_capacity(live.len());
        for e in live {
            let slot = self
                .probe(e.hash)
                .find(|&s| self.indices[s] == EMPTY)
                .unwrap_or(0);
            self.indices[slot] = self.entries.len() as isize;
            self.entries.push(e);
        }
        self.used = self.entries.len();
        self.version = next_version();
    }

    pub fn clear(&mut self) {
        *self = DictTable::default();
    }

    /// The live entry at or after position `pos`, and its position.
    pub fn next_entry(&self, mut pos: usize) -> Option<(usize, Entry)> {
        while let Some(e) = self.entries.get(pos) {
            if !e.key.is_null() {
                return Some((pos, *e));
            }
            pos += 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probe_sequence_is_cpythons() {
        let mut t = DictTable::default();
        t.ensure_indices();
        let seq: Vec<usize> = t.probe(12345).take(4).collect();
        // i = 12345 & 7 = 1; perturb >>= 5 -> 385; i = (1*5 + 385 + 1) & 7 = 7; …
        assert_eq!(seq[0], 1);
        assert_eq!(seq[1], (5 + 385 + 1) & 7);
    }
}
