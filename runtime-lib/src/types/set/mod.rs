//! `set` and `frozenset`: one struct, two types, CPython's table (see
//! `table`) so iteration order matches CPython's for ints and tuples.
//!
//! Lookups compare candidates by identity, then str equality, then
//! `__eq__`; if `__eq__` changed the table the lookup restarts, as in
//! CPython. The operators (`| & - ^`, their in-place forms on `set`, and
//! the subset comparisons) follow `setobject.c`'s algorithms, including
//! which operand is iterated, so results iterate in CPython's order.
//! Methods are in `methods`.

pub mod methods;
pub mod table;

use std::any::TypeId;
use std::cell::{Cell, UnsafeCell};

use crate::error::{runtime_error, PyResult};
use crate::gc::RootedVec;
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, type_of, PyPayload};
use crate::ops::compare::{eq_without_python, rich_compare_bool};
use crate::ops::object::{hash, repr_enter, repr_leave, repr_string};
use crate::ops::{BinOp, CompareOp};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{flags, SlotDefs, TypeObject};
use crate::types::registry::types;
use crate::types::string::new_string;
use crate::Value;
use table::{SetTable, Slot, DUMMY, UNUSED};

/// A snapshot of a set's live slots, for loops that run `__eq__` (which
/// may remove keys from the set): the keys stay rooted while it lives.
struct LiveSlots {
    slots: Vec<Slot>,
    _keys: RootedVec,
}

impl LiveSlots {
    fn iter(&self) -> impl Iterator<Item = Slot> + '_ {
        self.slots.iter().copied()
    }
}

/// A set or frozenset.
#[repr(C)]
pub struct SetObject {
    pub header: Header,
    table: UnsafeCell<SetTable>,
    /// A frozenset's cached hash (-1: not computed yet).
    hash: Cell<i64>,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for SetObject {}

enum Found {
    At(usize),
    /// Where to insert: the first dummy seen, else the unused slot.
    Missing(usize),
}

/// One probed slot's verdict (see `SetObject::probe_step`).
enum Step {
    Done(Found),
    Next,
    /// Same hash, another object: compare it with the key.
    Compare(Value),
}

impl SetObject {
    fn read<R>(&self, f: impl FnOnce(&SetTable) -> R) -> R {
        // SAFETY: single-threaded; closures given here never run Python
        // code, so no reference outlives them or re-enters the set.
        f(unsafe { &*self.table.get() })
    }

    fn write<R>(&self, f: impl FnOnce(&mut SetTable) -> R) -> R {
        // SAFETY: as `read`.
        f(unsafe { &mut *self.table.get() })
    }

    pub fn len(&self) -> usize {
        self.read(|t| t.used)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True for a frozenset (or a subclass of it).
    pub fn is_frozen(&self) -> bool {
        let ty: &TypeObject = self.header_type();
        ty.is_subtype(types().frozenset)
    }

    fn header_type(&self) -> &'static TypeObject {
        // SAFETY: the header's type is always a live type object.
        unsafe { &*self.header.ty.get() }
    }

    /// What slot `i` says about `key` (hash `h`) without calling anything:
    /// an unused slot ends the search, a different hash or a dummy (whose
    /// hash is -1, which no key's hash is) moves on, the same object is
    /// found, two distinct small ints differ; anything else must compare.
    #[inline(always)]
    fn probe_step(&self, i: usize, key: Value, h: i64, free: &mut Option<usize>) -> Step {
        // The probe stays within the table, which only a comparison can
        // replace (and then the lookup restarts).
        let Slot { hash: sh, key: sk } = self.read(|t| t.slot(i));
        if sk == UNUSED {
            return Step::Done(Found::Missing(free.unwrap_or(i)));
        }
        if sh != h {
            if sk == DUMMY {
                free.get_or_insert(i);
            }
            return Step::Next;
        }
        if sk == key {
            return Step::Done(Found::At(i));
        }
        if sk.is_small_int() && key.is_small_int() {
            return Step::Next;
        }
        Step::Compare(sk)
    }

    /// Finds `key` (hash `h`): where it is, or where it would go. Lookups
    /// that need `==` start over in `find_comparing`.
    #[inline]
    fn find(&self, key: Value, h: i64) -> PyResult<Found> {
        let mut probe = self.read(|t| t.probe(h));
        let mut free = None;
        loop {
            match self.probe_step(probe.next_index(), key, h, &mut free) {
                Step::Done(found) => return Ok(found),
                Step::Next => {}
                Step::Compare(_) => return self.find_comparing(key, h),
            }
        }
    }

    /// `find` for lookups that compare keys with `==`, which may run
    /// Python code that changes the set.
    #[cold]
    #[inline(never)]
    fn find_comparing(&self, key: Value, h: i64) -> PyResult<Found> {
        'restart: loop {
            let (version, mut probe) = self.read(|t| (t.version, t.probe(h)));
            let mut free = None;
            loop {
                let i = probe.next_index();
                let sk = match self.probe_step(i, key, h, &mut free) {
                    Step::Done(found) => return Ok(found),
                    Step::Next => continue,
                    Step::Compare(sk) => sk,
                };
                if let Some(eq) = eq_without_python(sk, key) {
                    if eq {
                        return Ok(Found::At(i));
                    }
                    continue;
                }
                let eq = rich_compare_bool(sk, key, CompareOp::Eq)?;
                if self.read(|t| t.version) != version {
                    continue 'restart;
                }
                if eq {
                    return Ok(Found::At(i));
                }
            }
        }
    }

    /// `key in s`.
    pub fn contains(&self, key: Value) -> PyResult<bool> {
        let h = hash_key(key)?;
        self.contains_hashed(key, h)
    }

    fn contains_hashed(&self, key: Value, h: i64) -> PyResult<bool> {
        Ok(matches!(self.find(key, h)?, Found::At(_)))
    }

    /// `s.add(key)`.
    pub fn add(&self, key: Value) -> PyResult<()> {
        let h = hash(key)?;
        self.add_hashed(key, h)
    }

    fn add_hashed(&self, key: Value, h: i64) -> PyResult<()> {
        if let Found::Missing(slot) = self.find(key, h)? {
            self.write(|t| t.insert_at(slot, h, key));
        }
        Ok(())
    }

    /// `s.discard(key)`: true if it was there.
    pub fn discard(&self, key: Value) -> PyResult<bool> {
        let h = hash_key(key)?;
        self.discard_hashed(key, h)
    }

    fn discard_hashed(&self, key: Value, h: i64) -> PyResult<bool> {
        match self.find(key, h)? {
            Found::At(slot) => {
                self.write(|t| t.remove_at(slot));
                Ok(true)
            }
            Found::Missing(_) => Ok(false),
        }
    }

    /// The items in iteration order.
    pub fn items(&self) -> Vec<Value> {
        self.read(|t| t.keys())
    }

    fn live(&self) -> LiveSlots {
        let slots = self.read(|t| t.live());
        let keys = slots.iter().map(|s| s.key).collect();
        LiveSlots { slots, _keys: keys }
    }

    pub fn clear(&self) {
        self.write(|t| t.clear());
    }

    /// `s.pop()`: None when empty.
    pub fn pop(&self) -> Option<Value> {
        self.write(|t| t.pop_slot()).map(|s| s.key)
    }

    /// Adds every item of `other` (`set_update_internal`).
    pub fn update(&self, other: Value) -> PyResult<()> {
        if let Some(o) = SetObject::cast(other) {
            return self.merge(o);
        }
        if let Some(d) = crate::types::dict::DictObject::cast(other) {
            let keys = RootedVec::from_vec(d.keys());
            let n = keys.len();
            let (fill, mask, used) = self.read(|t| (t.fill, t.mask(), t.used));
            if (fill + n) * 5 >= mask * 3 {
                self.write(|t| t.resize((used + n) * 2));
            }
            for &k in keys.iter() {
                self.add(k)?;
            }
            return Ok(());
        }
        let it = crate::ops::iter::iter(other)?;
        while let Some(x) = crate::ops::iter::next(it)? {
            self.add(x)?;
        }
        Ok(())
    }

    /// `set_merge`.
    fn merge(&self, other: &SetObject) -> PyResult<()> {
        if std::ptr::eq(self, other) || other.is_empty() {
            return Ok(());
        }
        if self.read(|t| t.fill) == 0 {
            // SAFETY: distinct objects; neither closure runs Python code.
            let other_table = unsafe { &*other.table.get() };
            self.write(|t| t.merge_into_empty(other_table));
            return Ok(());
        }
        let (fill, mask, used) = self.read(|t| (t.fill, t.mask(), t.used));
        if (fill + other.len()) * 5 >= mask * 3 {
            self.write(|t| t.resize((used + other.len()) * 2));
        }
        for s in other.live().iter() {
            self.add_hashed(s.key, s.hash)?;
        }
        Ok(())
    }

    /// A frozenset's hash (CPython's `frozenset_hash`), cached.
    fn frozen_hash(&self) -> i64 {
        let cached = self.hash.get();
        if cached != -1 {
            return cached;
        }
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let (slots_hashes, size, fill, used) = self.read(|t| {
            (
                t.slots.iter().map(|s| s.hash as u64).collect::<Vec<_>>(),
                t.slots.len(),
                t.fill,
                t.used,
            )
        });
        let mut h: u64 = 0;
        for sh in slots_hashes {
            h ^= shuffle(sh);
        }
        if (size - fill) & 1 == 1 {
            h ^= shuffle(0);
        }
        if (fill - used) & 1 == 1 {
            h ^= shuffle(u64::MAX);
        }
        h ^= (used as u64 + 1).wrapping_mul(1927868237);
        h ^= (h >> 11) ^ (h >> 25);
        h = h.wrapping_mul(69069).wrapping_add(907133923);
        let mut h = h as i64;
        if h == -1 {
            h = 590923713;
        }
        self.hash.set(h);
        h
    }
}

/// The hash used to look `key` up: a set key is looked up as the
/// frozenset of its items (`{1} in {frozenset({1})}`), as in CPython.
fn hash_key(key: Value) -> PyResult<i64> {
    if let Some(s) = downcast::<SetObject>(key) {
        if !s.is_frozen() {
            let f = new_set_of_type(types().frozenset);
            if let Some(fs) = SetObject::cast(f) {
                fs.merge(s)?;
                return Ok(fs.frozen_hash());
            }
        }
    }
    hash(key)
}

fn new_set_of_type(ty: &TypeObject) -> Value {
    alloc_value(SetObject {
        header: Header::new(ty),
        table: UnsafeCell::new(SetTable::default()),
        hash: Cell::new(-1),
    })
}

/// A new empty set.
pub fn new_set() -> Value {
    new_set_of_type(types().set)
}

/// A new set holding the items of `items` (added in order).
pub fn set_from_values(items: &[Value]) -> PyResult {
    let s = new_set();
    let so = this(s)?;
    for &x in items {
        so.add(x)?;
    }
    Ok(s)
}

/// A new frozenset holding `items` (added in order).
pub fn frozenset_from_values(items: &[Value]) -> PyResult {
    let s = new_set_of_type(types().frozenset);
    let so = this(s)?;
    for &x in items {
        so.add(x)?;
    }
    Ok(s)
}

/// The set struct behind `v` (set, frozenset or a subclass).
pub fn as_set(v: Value) -> Option<&'static SetObject> {
    SetObject::cast(v)
}

fn this(v: Value) -> PyResult<&'static SetObject> {
    SetObject::cast(v).ok_or_else(|| crate::error::internal_error("set slot on a non-set"))
}

/// A new set (or frozenset, matching `like`'s base type) with `items`.
fn new_like(like: &SetObject) -> Value {
    if like.is_frozen() {
        new_set_of_type(types().frozenset)
    } else {
        new_set()
    }
}

/// A copy of `s` of the same base type.
fn copy_of(s: &SetObject) -> PyResult {
    let out = new_like(s);
    this(out)?.merge(s)?;
    Ok(out)
}

/// A set (of `like`'s base type) from any iterable.
fn from_iterable_like(like: &SetObject, other: Value) -> PyResult {
    let out = new_like(like);
    this(out)?.update(other)?;
    Ok(out)
}

// ---- the algebra (setobject.c) ----

fn union(a: &SetObject, b: Value) -> PyResult {
    let out = copy_of(a)?;
    this(out)?.update(b)?;
    Ok(out)
}

fn intersection(a: &SetObject, other: Value) -> PyResult {
    let out = new_like(a);
    let o = this(out)?;
    if let Some(b) = SetObject::cast(other) {
        let (small, big) = if b.len() > a.len() { (a, b) } else { (b, a) };
        for s in small.live().iter() {
            if big.contains_hashed(s.key, s.hash)? {
                o.add_hashed(s.key, s.hash)?;
            }
        }
        return Ok(out);
    }
    let it = crate::ops::iter::iter(other)?;
    while let Some(x) = crate::ops::iter::next(it)? {
        let h = hash(x)?;
        if a.contains_hashed(x, h)? {
            o.add_hashed(x, h)?;
        }
    }
    Ok(out)
}

fn difference_update(a: &SetObject, other: Value) -> PyResult<()> {
    if let Some(b) = SetObject::cast(other) {
        if std::ptr::eq(a, b) {
            a.clear();
            return Ok(());
        }
        for s in b.live().iter() {
            a.discard_hashed(s.key, s.hash)?;
        }
        return Ok(());
    }
    let it = crate::ops::iter::iter(other)?;
    while let Some(x) = crate::ops::iter::next(it)? {
        a.discard(x)?;
    }
    Ok(())
}

fn difference(a: &SetObject, other: Value) -> PyResult {
    let other_len = if let Some(b) = SetObject::cast(other) {
        Some(b.len())
    } else {
        crate::types::dict::DictObject::cast(other).map(|d| d.len())
    };
    match other_len {
        Some(n) if (a.len() >> 2) <= n => {
            let out = new_like(a);
            let o = this(out)?;
            for s in a.live().iter() {
                let present = match SetObject::cast(other) {
                    Some(b) => b.contains_hashed(s.key, s.hash)?,
                    None => crate::ops::compare::contains(other, s.key)?,
                };
                if !present {
                    o.add_hashed(s.key, s.hash)?;
                }
            }
            Ok(out)
        }
        _ => {
            let out = copy_of(a)?;
            difference_update(this(out)?, other)?;
            Ok(out)
        }
    }
}

fn symmetric_difference_update(a: &SetObject, other: Value) -> PyResult<()> {
    match SetObject::cast(other) {
        Some(b) => symmetric_difference_update_set(a, b),
        None => {
            let b = from_iterable_like(a, other)?;
            symmetric_difference_update_set(a, this(b)?)
        }
    }
}

fn symmetric_difference_update_set(a: &SetObject, b: &SetObject) -> PyResult<()> {
    if std::ptr::eq(a, b) {
        a.clear();
        return Ok(());
    }
    for s in b.live().iter() {
        if !a.discard_hashed(s.key, s.hash)? {
            a.add_hashed(s.key, s.hash)?;
        }
    }
    Ok(())
}

/// CPython copies `other` and folds `a` into the copy.
fn symmetric_difference(a: &SetObject, other: Value) -> PyResult {
    let out = from_iterable_like(a, other)?;
    symmetric_difference_update_set(this(out)?, a)?;
    Ok(out)
}

fn is_subset(a: &SetObject, b: &SetObject) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for s in a.live().iter() {
        if !b.contains_hashed(s.key, s.hash)? {
            return Ok(false);
        }
    }
    Ok(true)
}

// ---- slots ----

fn set_repr(v: Value) -> PyResult {
    let s = this(v)?;
    let ty = type_of(v);
    let base_name = if s.is_frozen() { "frozenset" } else { "set" };
    let exact = std::ptr::eq(ty, types().set) || std::ptr::eq(ty, types().frozenset);
    if s.is_empty() {
        return Ok(new_string(format!("{}()", ty.name())));
    }
    if !repr_enter(v) {
        return Ok(new_string(format!("{}(...)", ty.name())));
    }
    let mut parts = Vec::new();
    let mut result = Ok(());
    let items = RootedVec::from_vec(s.items());
    for &x in items.iter() {
        match repr_string(x) {
            Ok(r) => parts.push(r),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    repr_leave(v);
    result?;
    let body = format!("{{{}}}", parts.join(", "));
    Ok(new_string(if exact && base_name == "set" {
        body
    } else {
        format!("{}({body})", ty.name())
    }))
}

fn set_len(v: Value) -> PyResult<usize> {
    Ok(this(v)?.len())
}

fn set_contains(v: Value, key: Value) -> PyResult<bool> {
    this(v)?.contains(key)
}

fn frozenset_hash(v: Value) -> PyResult<i64> {
    Ok(this(v)?.frozen_hash())
}

fn set_compare(a: Value, b: Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (SetObject::cast(a), SetObject::cast(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let r = match op {
        CompareOp::Eq => x.len() == y.len() && is_subset(x, y)?,
        CompareOp::Ne => !(x.len() == y.len() && is_subset(x, y)?),
        CompareOp::Le => is_subset(x, y)?,
        CompareOp::Ge => is_subset(y, x)?,
        CompareOp::Lt => x.len() < y.len() && is_subset(x, y)?,
        CompareOp::Gt => x.len() > y.len() && is_subset(y, x)?,
    };
    Ok(Value::from_bool(r))
}

fn set_binary(op: BinOp, a: Value, b: Value) -> PyResult {
    let (Some(x), Some(_)) = (SetObject::cast(a), SetObject::cast(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    match op {
        BinOp::Or => union(x, b),
        BinOp::And => intersection(x, b),
        BinOp::Sub => difference(x, b),
        BinOp::Xor => symmetric_difference(x, b),
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn set_inplace(op: BinOp, a: Value, b: Value) -> PyResult {
    let (Some(x), Some(_)) = (SetObject::cast(a), SetObject::cast(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    match op {
        BinOp::Or => x.update(b)?,
        BinOp::And => {
            let r = intersection(x, b)?;
            let rs = this(r)?;
            x.clear();
            x.merge(rs)?;
        }
        BinOp::Sub => difference_update(x, b)?,
        BinOp::Xor => symmetric_difference_update(x, b)?,
        _ => return Ok(Value::NOT_IMPLEMENTED),
    }
    Ok(a)
}

fn set_iter(v: Value) -> PyResult {
    let s = this(v)?;
    Ok(alloc_value(SetIterObject {
        header: Header::new(types().set_iterator),
        set: v,
        pos: Cell::new(0),
        expected_len: Cell::new(s.len()),
    }))
}

fn set_new(cls: &'static TypeObject, _a: &[Value], _k: Option<Value>) -> PyResult {
    let inner = new_set();
    if std::ptr::eq(cls, types().set) {
        return Ok(inner);
    }
    crate::types::instance::new_wrapped_instance(cls, inner)
}

/// `set(it)` for an exact `set` call (the direct entry `krait_set_of`):
/// what `set.__new__` and `set.__init__` make of one iterable.
pub fn set_of(it: Value) -> PyResult {
    let s = new_set();
    this(s)?.update(it)?;
    Ok(s)
}

fn set_init(v: Value, a: &[Value], k: Option<Value>) -> PyResult<()> {
    crate::args::no_kwargs("set", k)?;
    if a.len() > 1 {
        return Err(crate::error::type_error(format!(
            "set expected at most 1 argument, got {}",
            a.len()
        )));
    }
    let s = this(v)?;
    s.clear();
    if let Some(&src) = a.first() {
        s.update(src)?;
    }
    Ok(())
}

fn frozenset_new(cls: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let exact = std::ptr::eq(cls, types().frozenset);
    if exact {
        crate::args::no_kwargs("frozenset", k)?;
    }
    if a.len() > 1 {
        return Err(crate::error::type_error(format!(
            "frozenset expected at most 1 argument, got {}",
            a.len()
        )));
    }
    if exact {
        if let Some(&src) = a.first() {
            if std::ptr::eq(type_of(src), types().frozenset) {
                return Ok(src);
            }
        }
    }
    let inner = new_set_of_type(types().frozenset);
    if let Some(&src) = a.first() {
        this(inner)?.update(src)?;
    }
    if exact {
        return Ok(inner);
    }
    crate::types::instance::new_wrapped_instance(cls, inner)
}

fn trace_set(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(s) = downcast::<SetObject>(v) {
        s.read(|t| {
            for slot in t.slots.iter().filter(|slot| slot.is_live()) {
                visit(slot.key);
            }
        });
    }
}

const SET_OPS: &[BinOp] = &[BinOp::Or, BinOp::And, BinOp::Sub, BinOp::Xor];

pub fn set_spec() -> TypeSpec {
    TypeSpec {
        flags: flags::BASETYPE,
        slots: SlotDefs {
            repr: Some(set_repr),
            hash: Some(crate::ops::object::hash_not_implemented),
            richcompare: Some(set_compare),
            len: Some(set_len),
            contains: Some(set_contains),
            iter: Some(set_iter),
            binary: Some(set_binary),
            inplace: Some(set_inplace),
            new: Some(set_new),
            init: Some(set_init),
            ..SlotDefs::default()
        },
        binary_ops: SET_OPS,
        inplace_ops: SET_OPS,
        unhashable: true,
        methods: methods::SET_METHODS,
        trace: trace_set,
        ..TypeSpec::new("set", TypeId::of::<SetObject>())
    }
}

pub fn frozenset_spec() -> TypeSpec {
    TypeSpec {
        flags: flags::BASETYPE,
        slots: SlotDefs {
            repr: Some(set_repr),
            hash: Some(frozenset_hash),
            richcompare: Some(set_compare),
            len: Some(set_len),
            contains: Some(set_contains),
            iter: Some(set_iter),
            binary: Some(set_binary),
            new: Some(frozenset_new),
            ..SlotDefs::default()
        },
        binary_ops: SET_OPS,
        methods: methods::FROZENSET_METHODS,
        trace: trace_set,
        ..TypeSpec::new("frozenset", TypeId::of::<SetObject>())
    }
}

/// `set_iterator`: walks the table's slots; CPython's RuntimeError if the
/// set changes size meanwhile.
#[repr(C)]
pub struct SetIterObject {
    pub header: Header,
    pub set: Value,
    pub pos: Cell<usize>,
    pub expected_len: Cell<usize>,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for SetIterObject {}

fn set_iter_next(v: Value) -> PyResult<Option<Value>> {
    let Some(it) = downcast::<SetIterObject>(v) else {
        return Ok(None);
    };
    let Some(s) = SetObject::cast(it.set) else {
        return Ok(None);
    };
    if s.len() != it.expected_len.get() {
        it.expected_len.set(usize::MAX);
        return Err(runtime_error("Set changed size during iteration"));
    }
    match s.read(|t| t.next_live(it.pos.get())) {
        Some((pos, slot)) => {
            it.pos.set(pos + 1);
            Ok(Some(slot.key))
        }
        None => {
            it.pos.set(usize::MAX / 2);
            Ok(None)
        }
    }
}

fn self_iter(v: Value) -> PyResult {
    Ok(v)
}

fn trace_iter(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(it) = downcast::<SetIterObject>(v) {
        visit(it.set);
    }
}

pub fn set_iterator_spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            iter: Some(self_iter),
            next: Some(set_iter_next),
            ..SlotDefs::default()
        },
        trace: trace_iter,
        ..TypeSpec::new("set_iterator", TypeId::of::<SetIterObject>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(v: &[i64]) -> Vec<Value> {
        v.iter().map(|&i| Value::small_int(i)).collect()
    }

    fn repr(v: Value) -> String {
        repr_string(v).unwrap()
    }

    #[test]
    fn iteration_order_is_cpythons() {
        // CPython: {1, 10, 3} after discarding 2 and adding 10 (the dummy
        // slot is reused); {32, 1, 2} for small tables; growth reorders.
        let s = set_from_values(&ints(&[1, 2, 3])).unwrap();
        this(s).unwrap().discard(Value::small_int(2)).unwrap();
        this(s).unwrap().add(Value::small_int(10)).unwrap();
        assert_eq!(repr(s), "{1, 10, 3}");
        let s = set_from_values(&ints(&[32, 1, 2])).unwrap();
        assert_eq!(repr(s), "{32, 1, 2}");
        let many: Vec<i64> = (0..20).rev().collect();
        let s = set_from_values(&ints(&many)).unwrap();
        let expect: Vec<String> = (0..20).map(|i| i.to_string()).collect();
        assert_eq!(repr(s), format!("{{{}}}", expect.join(", ")));
    }

    #[test]
    fn algebra_and_reprs() {
        let a = set_from_values(&ints(&[1, 2, 3])).unwrap();
        let b = set_from_values(&ints(&[2, 3, 4])).unwrap();
        assert_eq!(repr(set_binary(BinOp::Or, a, b).unwrap()), "{1, 2, 3, 4}");
        assert_eq!(repr(set_binary(BinOp::And, a, b).unwrap()), "{2, 3}");
        assert_eq!(repr(set_binary(BinOp::Sub, a, b).unwrap()), "{1}");
        assert_eq!(repr(set_binary(BinOp::Xor, a, b).unwrap()), "{1, 4}");
        assert_eq!(repr(new_set()), "set()");
        let f = frozenset_from_values(&ints(&[1])).unwrap();
        assert_eq!(repr(f), "frozenset({1})");
        assert_eq!(
            repr(set_binary(BinOp::Or, f, a).unwrap()),
            "frozenset({1, 2, 3})"
        );
        let sub = set_from_values(&ints(&[2])).unwrap();
        assert_eq!(set_compare(sub, a, CompareOp::Lt).unwrap(), Value::TRUE);
        assert_eq!(set_compare(a, b, CompareOp::Eq).unwrap(), Value::FALSE);
    }

    #[test]
    fn frozenset_hash_matches_cpython() {
        // hash(frozenset()) and hash(frozenset({1, 2, 3})) in CPython 3.11.
        let empty = frozenset_from_values(&[]).unwrap();
        assert_eq!(frozenset_hash(empty).unwrap(), 133146708735736);
        let f = frozenset_from_values(&ints(&[1, 2, 3])).unwrap();
        assert_eq!(frozenset_hash(f).unwrap(), -272375401224217160);
    }
}
