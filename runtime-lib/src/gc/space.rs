//! Where objects live: size-class blocks for small objects, separate
//! allocations for large ones, and the questions the collector asks of
//! them (is this word inside an object? which one?), plus sweeping.
//!
//! A block is `BLOCK_SIZE` bytes aligned to `BLOCK_SIZE`, cut into cells
//! of one size class (multiples of 16 bytes up to `MAX_SMALL`). Blocks are
//! zeroed when created (a reused empty block has the type pointers of its
//! new cells cleared), and a free cell always has a null type pointer, so
//! "is there an object here" is "is the cell's type pointer non-null"
//! (the rest of a freed cell is not cleared). A
//! free cell's GC word links it into its class's free list. Objects larger
//! than `MAX_SMALL` get their own zeroed allocation, found by address in
//! an ordered map.
//!
//! The GC word of a live object holds the address of its drop function
//! (0 when the Rust type owns nothing to free) and the mark bit.

use std::alloc::Layout;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use crate::heap::Header;

pub const BLOCK_SIZE: usize = 256 * 1024;
pub const GRANULE: usize = 16;
pub const MAX_SMALL: usize = 512;
const CLASSES: usize = MAX_SMALL / GRANULE;
/// Empty blocks kept for reuse before they go back to the allocator: at
/// least this many, and up to half as many as are in use. The heap
/// grows again after each collection, and a block handed back to the
/// allocator comes back as fresh pages the kernel must fault in and zero
/// (often a whole 2 MiB huge page for a 256 KiB block).
const SPARE_BLOCKS: usize = 8;

pub const MARK_BIT: u64 = 1 << 63;
const DROP_MASK: u64 = (1 << 56) - 1;

/// How an object's Rust value is dropped when it is freed.
pub type DropFn = unsafe fn(*mut u8);

/// Hashes block addresses (multiples of `BLOCK_SIZE`) with one multiply.
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x100_0000_01B3);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = ((n / BLOCK_SIZE) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

struct Block {
    cell: usize,
    cells: usize,
}

/// One thread's objects.
pub struct Space {
    /// Block base address → block.
    blocks: HashMap<usize, Block, BuildHasherDefault<AddressHasher>>,
    /// Large objects: start address → size.
    large: BTreeMap<usize, usize>,
    /// Free-list heads per size class (a free cell's GC word is the next).
    free: [usize; CLASSES],
    /// Unused cells at the end of each class's newest block.
    bump: [(usize, usize); CLASSES],
    /// Empty blocks ready for any size class.
    spare: Vec<usize>,
    /// Lowest and highest address of any block or large object.
    low: usize,
    high: usize,
}

/// What sweeping found.
#[derive(Default, Debug, Clone, Copy)]
pub struct Swept {
    pub freed_objects: usize,
    pub live_bytes: usize,
}

fn class_of(size: usize) -> usize {
    size.max(1).div_ceil(GRANULE) - 1
}

fn header(addr: usize) -> &'static Header {
    // SAFETY: callers pass the start of a cell or large object, which is
    // always readable memory laid out as a Header.
    unsafe { &*(addr as *const Header) }
}

fn block_layout() -> Layout {
    match Layout::from_size_align(BLOCK_SIZE, BLOCK_SIZE) {
        Ok(l) => l,
        Err(_) => crate::types::registry::bug("bad GC block layout"),
    }
}

fn large_layout(size: usize) -> Layout {
    match Layout::from_size_align(size, GRANULE) {
        Ok(l) => l,
        Err(_) => std::alloc::handle_alloc_error(Layout::new::<Header>()),
    }
}

impl Space {
    pub fn new() -> Space {
        Space {
            blocks: HashMap::default(),
            large: BTreeMap::new(),
            free: [0; CLASSES],
            bump: [(0, 0); CLASSES],
            spare: Vec::new(),
            low: usize::MAX,
            high: 0,
        }
    }

    /// Memory for an object of `size` bytes (16-byte aligned): not
    /// zeroed (a reused cell or block keeps what its last occupant left).
    /// The caller writes the whole object before a safe point can see it
    /// (`heap::alloc`).
    #[inline]
    pub fn allocate(&mut self, size: usize) -> *mut u8 {
        if size > MAX_SMALL {
            return self.allocate_large(size);
        }
        let class = class_of(size);
        let head = self.free[class];
        if head != 0 {
            let h = header(head);
            self.free[class] = h.gc.get() as usize;
            h.gc.set(0);
            return head as *mut u8;
        }
        let (next, end) = self.bump[class];
        if next < end {
            self.bump[class].0 = next + (class + 1) * GRANULE;
            return next as *mut u8;
        }
        self.refill(class)
    }

    #[cold]
    fn refill(&mut self, class: usize) -> *mut u8 {
        let cell = (class + 1) * GRANULE;
        let cells = BLOCK_SIZE / cell;
        let base = match self.spare.pop() {
            Some(b) => {
                // A spare block holds its last use's objects: clear the
                // type pointer of every cell of the new size, so none
                // looks like an object (the rest is written by allocation).
                for i in 0..cells {
                    header(b + i * cell).ty.set(std::ptr::null());
                }
                b
            }
            None => self.new_block(),
        };
        self.blocks.insert(base, Block { cell, cells });
        self.bump[class] = (base + cell, base + cells * cell);
        base as *mut u8
    }

    fn new_block(&mut self) -> usize {
        // SAFETY: the layout has a non-zero size.
        let p = unsafe { std::alloc::alloc_zeroed(block_layout()) };
        if p.is_null() {
            std::alloc::handle_alloc_error(block_layout());
        }
        let base = p as usize;
        self.low = self.low.min(base);
        self.high = self.high.max(base + BLOCK_SIZE);
        base
    }

    #[cold]
    fn allocate_large(&mut self, size: usize) -> *mut u8 {
        let size = size.next_multiple_of(GRANULE);
        // SAFETY: the size is non-zero.
        let p = unsafe { std::alloc::alloc_zeroed(large_layout(size)) };
        if p.is_null() {
            std::alloc::handle_alloc_error(large_layout(size));
        }
        let start = p as usize;
        self.large.insert(start, size);
        self.low = self.low.min(start);
        self.high = self.high.max(start + size);
        p
    }

    /// The object `word` points into (its start or any byte inside it),
    /// if it is a live object of this space.
    #[inline]
    pub fn object_containing(&self, word: usize) -> Option<usize> {
        if word < self.low || word >= self.high {
            return None;
        }
        let base = word & !(BLOCK_SIZE - 1);
        if let Some(b) = self.blocks.get(&base) {
            let start = cell_containing(word, base, b.cell, b.cells)?;
            return (!header(start).ty.get().is_null()).then_some(start);
        }
        let (&start, &size) = self.large.range(..=word).next_back()?;
        (word < start + size).then_some(start)
    }

    /// The cell size and cell count of the block at `base`, if it is one.
    #[inline]
    pub fn block_at(&self, base: usize) -> Option<(usize, usize)> {
        self.blocks.get(&base).map(|b| (b.cell, b.cells))
    }

    /// True if `addr` is the start of a live object of this space (what a
    /// precise reference always is, unless it is outside the space).
    #[inline]
    pub fn is_object_start(&self, addr: usize) -> bool {
        self.object_containing(addr) == Some(addr)
    }

    /// Frees every unmarked object and clears the marks of the others.
    pub fn sweep(&mut self) -> Swept {
        let mut swept = Swept::default();
        let bump = self.bump;
        self.free = [0; CLASSES];
        self.bump = [(0, 0); CLASSES];
        let mut empty = Vec::new();
        for (&base, b) in &self.blocks {
            let class = class_of(b.cell);
            // The cells past a block's bump pointer were never used: they
            // are still zero, so they are neither swept nor linked, and the
            // block keeps its bump region (it is not released either).
            let (next, end) = bump[class];
            let owns_bump = next < end && (base..base + BLOCK_SIZE).contains(&next);
            let used = if owns_bump {
                self.bump[class] = (next, end);
                (next - base) / b.cell
            } else {
                b.cells
            };
            let mut live = 0;
            let mut free_head = self.free[class];
            for i in (0..used).rev() {
                let start = base + i * b.cell;
                let h = header(start);
                if !h.ty.get().is_null() {
                    let gc = h.gc.get();
                    if gc & MARK_BIT != 0 {
                        h.gc.set(gc & !MARK_BIT);
                        live += 1;
                        continue;
                    }
                    free_object(start);
                    swept.freed_objects += 1;
                }
                header(start).gc.set(free_head as u64);
                free_head = start;
            }
            if live == 0 && !owns_bump {
                empty.push(base);
            } else {
                self.free[class] = free_head;
                swept.live_bytes += live * b.cell;
            }
        }
        for &base in &empty {
            self.blocks.remove(&base);
        }
        let keep = SPARE_BLOCKS.max(self.blocks.len() / 2);
        while self.spare.len() > keep {
            let base = self.spare.pop().expect("more spares than kept");
            // SAFETY: allocated by `new_block` with this layout.
            unsafe { std::alloc::dealloc(base as *mut u8, block_layout()) };
        }
        for base in empty {
            if self.spare.len() < keep {
                self.spare.push(base);
            } else {
                // SAFETY: allocated by `new_block` with this layout.
                unsafe { std::alloc::dealloc(base as *mut u8, block_layout()) };
            }
        }
        let mut dead = Vec::new();
        for (&start, &size) in &self.large {
            let h = header(start);
            let gc = h.gc.get();
            if gc & MARK_BIT != 0 {
                h.gc.set(gc & !MARK_BIT);
                swept.live_bytes += size;
            } else {
                dead.push((start, size));
            }
        }
        for (start, size) in dead {
            free_object(start);
            swept.freed_objects += 1;
            self.large.remove(&start);
            // SAFETY: allocated by `allocate_large` with this layout.
            unsafe { std::alloc::dealloc(start as *mut u8, large_layout(size)) };
        }
        swept
    }
}

/// The start of the cell of a block (at `base`, `cells` cells of `cell`
/// bytes) that `word` points into, if any.
#[inline]
pub fn cell_containing(word: usize, base: usize, cell: usize, cells: usize) -> Option<usize> {
    let index = (word - base) / cell;
    (index < cells).then_some(base + index * cell)
}

/// Runs the object's drop function and marks its cell free.
fn free_object(start: usize) {
    let f = header(start).gc.get() & DROP_MASK;
    if f != 0 {
        // SAFETY: the GC word's low bits hold the drop function that
        // `heap::alloc` recorded for this object's Rust type.
        let drop: DropFn = unsafe { std::mem::transmute::<usize, DropFn>(f as usize) };
        // SAFETY: the object is unreachable; its fields are dropped once.
        unsafe { drop(start as *mut u8) };
    }
    // A free cell is one whose type pointer is null. The rest of the cell
    // is left as it is (the next object written there overwrites it):
    // zeroing dead cells cost fannkuch a tenth of its time in `memset`.
    header(start).ty.set(std::ptr::null());
}

/// The GC word recording `drop` (None: nothing to drop).
pub fn gc_word(drop: Option<DropFn>) -> u64 {
    drop.map_or(0, |f| f as usize as u64 & DROP_MASK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_classes_round_up_to_granules() {
        assert_eq!(class_of(1), 0);
        assert_eq!(class_of(16), 0);
        assert_eq!(class_of(17), 1);
        assert_eq!(class_of(MAX_SMALL), CLASSES - 1);
    }
}
