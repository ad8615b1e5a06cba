//! The open-addressing table behind `set` and `frozenset`, with CPython's
//! layout and probing (`Objects/setobject.c`): linear probes of up to 9
//! neighbouring slots, then a perturbed jump; deleted entries become
//! dummies until the next resize; the table grows when it is 60% full,
//! and resizing reinserts entries in slot order. Iteration walks the slots,
//! so a set of ints or tuples iterates in CPython's order.
//!
//! Like the dict table, this is pure data: comparisons that may run Python
//! code are driven from `set::SetObject`, which restarts a lookup if the
//! table changed meanwhile.

use crate::Value;

pub const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// An unused slot's key.
pub const UNUSED: Value = Value::NULL;
/// A deleted slot's key (never a Python value).
pub const DUMMY: Value = Value::ERROR;

#[derive(Clone, Copy)]
pub struct Slot {
    pub hash: i64,
    pub key: Value,
}

impl Slot {
    pub fn is_live(&self) -> bool {
        self.key != UNUSED && self.key != DUMMY
    }
}

const EMPTY_SLOT: Slot = Slot {
    hash: 0,
    key: UNUSED,
};

pub struct SetTable {
    pub slots: Vec<Slot>,
    /// Live and dummy slots.
    pub fill: usize,
    /// Live slots.
    pub used: usize,
    /// Where `pop` starts looking.
    pub finger: usize,
    /// Bumped on every structural change, so interrupted lookups restart.
    pub version: u64,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable {
            slots: vec![EMPTY_SLOT; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
        }
    }
}

/// CPython's probe order: from each start, the start and up to 9
/// following slots (when they fit before the end), then a perturbed jump.
pub struct Probe {
    mask: usize,
    perturb: u64,
    start: usize,
    offset: usize,
    probes: usize,
}

impl Probe {
    fn new(hash: i64, mask: usize) -> Probe {
        let start = (hash as u64 as usize) & mask;
        Probe {
            mask,
            perturb: hash as u64,
            start,
            offset: 0,
            probes: if start + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            },
        }
    }
}

impl Probe {
    /// The next slot to look at (the sequence never ends).
    #[inline]
    pub fn next_index(&mut self) -> usize {
        if self.offset > self.probes {
            self.perturb >>= PERTURB_SHIFT;
            self.start = (self
                .start
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb as usize))
                & self.mask;
            self.offset = 0;
            self.probes = if self.start + LINEAR_PROBES <= self.mask {
                LINEAR_PROBES
            } else {
                0
            };
        }
        let i = self.start + self.offset;
        self.offset += 1;
        i
    }
}

impl Iterator for Probe {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        Some(self.next_index())
    }
}

impl SetTable {
    pub fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The slot at `i`, which a probe of this table produced.
    #[inline]
    pub fn slot(&self, i: usize) -> Slot {
        debug_assert!(i < self.slots.len());
        // SAFETY: probes yield indexes masked to the table's size (a power
        // of two), or a start below `mask - LINEAR_PROBES` plus at most
        // `LINEAR_PROBES`.
        unsafe { *self.slots.get_unchecked(i) }
    }

    pub fn probe(&self, hash: i64) -> Probe {
        Probe::new(hash, self.mask())
    }

    /// Stores a new key at `slot` (unused or dummy, from a failed lookup),
    /// resizing as CPython does.
    pub fn insert_at(&mut self, slot: usize, hash: i64, key: Value) {
        let was_unused = self.slots[slot].key == UNUSED;
        self.slots[slot] = Slot { hash, key };
        self.used += 1;
        self.version += 1;
        if was_unused {
            self.fill += 1;
            if self.fill * 5 >= self.mask() * 3 {
                let minused = if self.used > 50000 {
                    self.used * 2
                } else {
                    self.used * 4
                };
                self.resize(minused);
            }
        }
    }

    /// Turns the live slot `slot` into a dummy.
    pub fn remove_at(&mut self, slot: usize) -> Slot {
        let s = self.slots[slot];
        self.slots[slot] = Slot {
            hash: -1,
            key: DUMMY,
        };
        self.used -= 1;
        self.version += 1;
        s
    }

    /// `set_table_resize`: a table of the smallest power of two above
    /// `minused`, with the live entries reinserted in slot order.
    pub fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        // The new slots are memory the collector does not see.
        crate::gc::note_external(size * std::mem::size_of::<Slot>());
        let old = std::mem::replace(&mut self.slots, vec![EMPTY_SLOT; size]);
        for s in old.iter().filter(|s| s.is_live()) {
            self.insert_clean(s.hash, s.key);
        }
        self.fill = self.used;
        self.version += 1;
    }

    /// `set_insert_clean`: stores a key known to be absent, in a table
    /// without dummies, without comparisons.
    pub fn insert_clean(&mut self, hash: i64, key: Value) {
        let slot = self
            .probe(hash)
            .find(|&i| self.slots[i].key == UNUSED)
            .unwrap_or(0);
        self.slots[slot] = Slot { hash, key };
    }

    /// Copies every live entry of `other` into this empty table (CPython's
    /// `set_merge` fast paths), growing it first as `set_merge` does.
    pub fn merge_into_empty(&mut self, other: &SetTable) {
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.mask() == other.mask() && other.fill == other.used {
            self.slots.copy_from_slice(&other.slots);
        } else {
            for s in other.slots.iter().filter(|s| s.is_live()) {
                self.insert_clean(s.hash, s.key);
            }
        }
        self.fill = other.used;
        self.used = other.used;
        self.version += 1;
    }

    pub fn clear(&mut self) {
        if self.fill == 0 && self.slots.len() == MIN_SIZE {
            // Already a fresh table (as `set()` then `__init__` leave it):
            // keep its slots.
            self.finger = 0;
            self.version += 1;
            return;
        }
        *self = SetTable {
            version: self.version + 1,
            ..SetTable::default()
        };
    }

    /// The live slot at or after `pos`.
    pub fn next_live(&self, mut pos: usize) -> Option<(usize, Slot)> {
        while let Some(s) = self.slots.get(pos) {
            if s.is_live() {
                return Some((pos, *s));
            }
            pos += 1;
        }
        None
    }

    /// `set.pop()`'s choice: the first live slot from the finger on.
    pub fn pop_slot(&mut self) -> Option<Slot> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !self.slots[i].is_live() {
            i += 1;
            if i > mask {
                i = 0;
            }
        }
        let s = self.remove_at(i);
        self.finger = i + 1;
        Some(s)
    }

    /// The live keys in iteration order.
    pub fn keys(&self) -> Vec<Value> {
        self.slots
            .iter()
            .filter(|s| s.is_live())
            .map(|s| s.key)
            .collect()
    }

    /// The live (hash, key) pairs in iteration order.
    pub fn live(&self) -> Vec<Slot> {
        self.slots.iter().filter(|s| s.is_live()).copied().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probes_are_linear_then_perturbed() {
        let t = SetTable::default();
        // mask 7: start 3 + 9 > 7, so no linear probes.
        let seq: Vec<usize> = t.probe(3).take(2).collect();
        assert_eq!(seq, vec![3, (3 * 5 + 1) & 7]);
        let mut big = SetTable::default();
        big.resize(100);
        let seq: Vec<usize> = big.probe(1).take(11).collect();
        assert_eq!(&seq[..10], &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
}
