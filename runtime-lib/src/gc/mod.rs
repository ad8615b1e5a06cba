//! The garbage collector: tracing, non-moving mark-sweep, one heap per
//! thread.
//!
//! **Allocation** ([`allocate`], behind `heap::alloc`): size-class free
//! lists in blocks, large objects apart (`space`). Each allocation adds
//! its size to a counter (and owners report their buffers' growth); past
//! a threshold (the live heap after the last collection, objects plus
//! one word per traced reference, at least `MIN_THRESHOLD`) a collection
//! is *requested*.
//! `KRAIT_GC_STRESS=N` requests one every N allocations (1: every one).
//!
//! **Safe points**: a requested collection runs at the next safe point,
//! never inside an allocation. Safe points are the entry of every Python
//! function (`runtime::recursion::enter_python_call`, and the inline entry
//! of native functions, which the request diverts to the runtime by
//! raising their stack limit), loop back-edges in generated code and the
//! VM, and `gc.collect()`. So runtime code that builds an object from
//! values it holds in Rust memory is safe while it runs no Python code;
//! runtime code that holds values in Rust heap memory *across* Python code
//! (a call, `next()`, `__eq__`, …) keeps them in a `RootedVec`.
//!
//! **Roots** (`roots`): the native stack and callee-saved registers,
//! scanned conservatively (`stack`); the runtime's own references
//! (builtin types, `builtins`/`sys`, interned strings, the current and
//! handled exceptions, the native program's code objects and constants);
//! rooted temporaries (`rooted`); and the root sources an executor
//! registers ([`register_root_source`]: the VM's frames).
//!
//! **Marking** is precise from the roots: each type's `trace` lists the
//! values an instance holds, and the object's type is traced too.
//! **Sweeping** drops unmarked objects' Rust fields (freeing their
//! buffers), puts their cells on the free lists and returns empty blocks.
//! Weak references ([`register_weak`]) are cleared before sweeping, and
//! the caches keyed by object addresses are invalidated after it.

pub mod rooted;
mod roots;
mod space;
mod stack;
#[cfg(test)]
mod tests;

use std::cell::Cell;

pub use rooted::{RootedInPlace, RootedVec};
pub use space::DropFn;

use crate::heap::Header;
use crate::Value;
use space::{Space, MARK_BIT};

/// The least allocation between two collections.
const MIN_THRESHOLD: usize = 4 * 1024 * 1024;
/// The threshold is the live heap times this fraction: collections cost
/// time in proportion to the live heap, and peak memory grows with it.
const GROWTH_PERCENT: usize = 50;

/// A traced root source: calls the visitor on every value it holds.
pub type RootSource = fn(&mut dyn FnMut(Value));

struct Gc {
    space: Space,
    /// `gc.enable()` / `gc.disable()`.
    enabled: bool,
    /// Bytes allocated (objects, and what owners reported) since the last
    /// collection.
    allocated: usize,
    threshold: usize,
    pending: bool,
    /// Collect every this many allocations (0: off).
    stress: usize,
    countdown: usize,
    collecting: bool,
    /// Weak references: (the weakref object, its referent slot).
    weak: Vec<(usize, *const Cell<Value>)>,
    sources: Vec<RootSource>,
}

thread_local! {
    static GC: Cell<*mut Gc> = const { Cell::new(std::ptr::null_mut()) };
    /// References a trace function skipped because they hold no object
    /// (see [`count_untraced`]), during the current marking.
    static UNTRACED: Cell<usize> = const { Cell::new(0) };
}

/// For trace functions over long arrays of values: `n` references were
/// not passed to the visitor because they are not heap pointers (ints,
/// bools, floats held in place). They still count toward the live-memory
/// estimate that sets the next threshold, as if they had been visited.
pub fn count_untraced(n: usize) {
    UNTRACED.with(|u| u.set(u.get() + n));
}

fn stress_setting() -> usize {
    std::env::var("KRAIT_GC_STRESS")
        .ok()
        .and_then(|s| s.trim().parse::<usize>().ok())
        .unwrap_or(0)
}

#[inline]
fn gc() -> &'static mut Gc {
    let p = GC.with(|g| g.get());
    if p.is_null() {
        return init();
    }
    // SAFETY: the thread's collector, created once and never freed; the
    // runtime is single-threaded per heap and never holds two of these
    // references across a call that takes another.
    unsafe { &mut *p }
}

#[cold]
fn init() -> &'static mut Gc {
    let stress = stress_setting();
    let g = Box::leak(Box::new(Gc {
        space: Space::new(),
        enabled: true,
        allocated: 0,
        threshold: MIN_THRESHOLD,
        pending: false,
        stress,
        countdown: stress,
        collecting: false,
        weak: Vec::new(),
        sources: Vec::new(),
    }));
    GC.with(|c| c.set(g));
    g
}

/// Zeroed memory for a new object of `size` bytes whose Rust value is
/// dropped by `drop` when it is freed. The caller writes the object and
/// then its GC word ([`gc_word`]) before the next safe point.
#[inline]
pub fn allocate(size: usize) -> *mut u8 {
    let g = gc();
    let p = g.space.allocate(size);
    g.allocated += size;
    if g.allocated >= g.threshold {
        request(g);
    }
    if g.stress != 0 {
        g.countdown -= 1;
        if g.countdown == 0 {
            g.countdown = g.stress;
            request(g);
        }
    }
    p
}

/// The GC word of an object whose Rust value `drop` drops.
#[inline]
pub fn gc_word(drop: Option<DropFn>) -> u64 {
    space::gc_word(drop)
}

/// Counts `bytes` of memory an object owns outside the heap (a str's
/// characters, a list's items), so it also brings the next collection
/// nearer.
#[inline]
pub fn note_external(bytes: usize) {
    let g = gc();
    g.allocated += bytes;
    if g.allocated >= g.threshold {
        request(g);
    }
}

fn request(g: &mut Gc) {
    if g.enabled && !g.collecting && !g.pending {
        g.pending = true;
        crate::runtime::recursion::interrupt();
    }
}

/// A safe point: runs the requested collection, if any.
#[inline]
pub fn safepoint() {
    let p = GC.with(|g| g.get());
    // SAFETY: as in `gc()`.
    if !p.is_null() && unsafe { (*p).pending } {
        collect_now();
    }
}

/// `gc.collect()`: collects now; returns the number of objects freed.
pub fn collect() -> usize {
    collect_now()
}

#[cold]
#[inline(never)]
fn collect_now() -> usize {
    let g = gc();
    g.pending = false;
    crate::runtime::recursion::clear_interrupt();
    if g.collecting {
        return 0;
    }
    g.collecting = true;
    let mut marker = Marker {
        space: &g.space,
        stack: Vec::new(),
        last_block: (0, 1, 0),
        edges: 0,
    };
    stack::scan_stack(&mut |w| marker.mark_word(w));
    roots::trace_roots(&mut |v| marker.mark_value(v));
    for source in &g.sources {
        source(&mut |v| marker.mark_value(v));
    }
    UNTRACED.with(|u| u.set(0));
    marker.drain();
    let edges = marker.edges + UNTRACED.with(|u| u.replace(0));
    let cleared = clear_dead_weak_refs(g);
    let swept = g.space.sweep();
    crate::typeobj::lookup_cache::invalidate();
    g.threshold = ((swept.live_bytes + edges * 8) * GROWTH_PERCENT / 100).max(MIN_THRESHOLD);
    g.allocated = 0;
    g.collecting = false;
    crate::types::weakref::run_callbacks(&cleared);
    swept.freed_objects
}

/// The mark phase's state: the space and the objects marked but not yet
/// traced.
struct Marker<'a> {
    space: &'a Space,
    stack: Vec<usize>,
    /// The block the last precise reference was in: (base, cell size,
    /// cells). Objects made together sit together, so most references
    /// hit it and skip the block table.
    last_block: (usize, usize, usize),
    /// References traced: with the objects' own size, an estimate of the
    /// live memory (the buffers of lists, dicts and attributes hold them).
    edges: usize,
}

impl Marker<'_> {
    /// A word from the stack or registers: any pointer into an object.
    fn mark_word(&mut self, w: usize) {
        if let Some(start) = self.space.object_containing(w) {
            self.mark_start(start);
        }
    }

    /// A precise reference: marked if it is an object of this heap.
    #[inline]
    fn mark_value(&mut self, v: Value) {
        self.edges += 1;
        if !v.is_pointer() {
            return;
        }
        let p = v.bits() as usize;
        let base = p & !(space::BLOCK_SIZE - 1);
        let (mut last, mut cell, mut cells) = self.last_block;
        if base != last {
            match self.space.block_at(base) {
                Some((c, n)) => {
                    (last, cell, cells) = (base, c, n);
                    self.last_block = (last, cell, cells);
                }
                None => {
                    // A large object, or no object of this heap.
                    if self.space.is_object_start(p) {
                        self.mark_start(p);
                    }
                    return;
                }
            }
        }
        if space::cell_containing(p, last, cell, cells) == Some(p) {
            self.mark_start(p);
        }
    }

    fn mark_start(&mut self, start: usize) {
        // SAFETY: `start` is a live object of this heap.
        let h = unsafe { &*(start as *const Header) };
        let gc = h.gc.get();
        if gc & MARK_BIT == 0 {
            h.gc.set(gc | MARK_BIT);
            self.stack.push(start);
        }
    }

    fn drain(&mut self) {
        while let Some(start) = self.stack.pop() {
            // SAFETY: a marked object of this heap; its type is set.
            let ty = unsafe { &*(*(start as *const Header)).ty.get() };
            self.mark_value(Value::from_ptr(
                ty as *const _ as *mut crate::typeobj::TypeObject,
            ));
            // SAFETY: `start` is an object of type `ty`.
            let v = unsafe { Value::from_bits(start as u64) };
            (ty.trace)(v, &mut |c| self.mark_value(c));
        }
    }
}

/// True if `v` survives the collection being made (not a heap object of
/// this thread, or a marked one).
fn survives(space: &Space, v: Value) -> bool {
    if !v.is_pointer() {
        return true;
    }
    let p = v.bits() as usize;
    if !space.is_object_start(p) {
        return true;
    }
    // SAFETY: an object of this heap.
    unsafe { (*(p as *const Header)).gc.get() & MARK_BIT != 0 }
}

/// Clears the weak references whose referents die in this collection;
/// returns those references.
fn clear_dead_weak_refs(g: &mut Gc) -> RootedVec {
    let space = &g.space;
    let mut cleared = RootedVec::new();
    g.weak.retain(|&(owner, slot)| {
        // SAFETY: the owner is a weakref object of this heap (registered
        // at its creation, dropped from this list when it dies).
        if !survives(space, unsafe { Value::from_bits(owner as u64) }) {
            return false;
        }
        // SAFETY: the slot is a field of the live owner.
        let slot = unsafe { &*slot };
        if !survives(space, slot.get()) {
            slot.set(Value::NULL);
            // SAFETY: the owner survives (checked above).
            cleared.push(unsafe { Value::from_bits(owner as u64) });
        }
        true
    });
    cleared
}

/// Registers a weak reference: `slot` (a field of the weakref object
/// `owner`, not traced by its type) is set to NULL when its referent is
/// collected.
pub fn register_weak(owner: Value, slot: &Cell<Value>) {
    gc().weak
        .push((owner.bits() as usize, slot as *const Cell<Value>));
}

/// Adds a root source for this thread (an executor's frames).
pub fn register_root_source(source: RootSource) {
    let g = gc();
    if !g.sources.iter().any(|s| std::ptr::fn_addr_eq(*s, source)) {
        g.sources.push(source);
    }
}

/// `gc.enable()`.
pub fn enable() {
    gc().enabled = true;
}

/// `gc.disable()`: no automatic collections (`gc.collect()` still runs).
pub fn disable() {
    let g = gc();
    g.enabled = false;
    g.pending = false;
    crate::runtime::recursion::clear_interrupt();
}

/// `gc.isenabled()`.
pub fn is_enabled() -> bool {
    gc().enabled
}
