//! The compact, insertion-ordered hash table behind `dict` (CPython's
//! layout): a sparse index array probed with CPython's perturbation
//! scheme, pointing into a dense array of (hash, key, value) entries kept
//! in insertion order. Deleted entries leave a hole (key NULL) that
//! iteration skips; the table is compacted when it is rebuilt.
//!
//! This module is pure data: it never calls Python code. Key comparison
//! that may run `__eq__` is driven from `dict::DictObject::lookup`, which
//! restarts if the table changed meanwhile.

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

#[derive(Default)]
pub struct DictTable {
    pub indices: Vec<isize>,
    pub entries: Vec<Entry>,
    /// Live entries.
    pub used: usize,
    /// Bumped on every structural change (insert of a new key, delete,
    /// rebuild), so a lookup interrupted by Python code can restart.
    pub version: u64,
    /// The attribute dict of a type (see `DictObject::mark_type_dict`).
    pub type_dict: bool,
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
        self.version += 1;
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
        self.version += 1;
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
        self.version += 1;
    }

    pub fn clear(&mut self) {
        *self = DictTable {
            version: self.version + 1,
            ..DictTable::default()
        };
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
