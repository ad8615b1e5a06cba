//! `dict`: the object, key lookup, and the slots.
//!
//! Lookup hashes the key (CPython's hashes), probes the table and compares
//! candidates by identity, then by a fast path for str/int/float keys, and
//! only then with `__eq__`; if `__eq__` changed the table, the lookup
//! restarts (as CPython's does). `get_str`/`set_str` are the infallible
//! fast paths for str keys used by type, module and instance dicts.
//!
//! `keys()`, `values()` and `items()` return live views (`views`).
//! Methods are in `methods`, iterators in `iter`, the table in `table`.

mod cached;
pub mod iter;
pub mod methods;
pub mod table;
pub mod views;

use std::any::TypeId;
use std::cell::UnsafeCell;

use crate::error::{key_error, PyResult};
use crate::gc::RootedVec;
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, type_of, PyPayload};
use crate::ops::compare::{eq_without_python, rich_compare_bool};
use crate::ops::object::{hash, repr_enter, repr_leave, repr_string};
use crate::ops::{BinOp, CompareOp};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{flags, SlotDefs, TypeObject};
use crate::types::registry::types;
use crate::types::string::{new_string, StrObject};
use crate::Value;
use table::{DictTable, Entry, DUMMY, EMPTY};

/// A dict.
#[repr(C)]
pub struct DictObject {
    pub header: Header,
    table: UnsafeCell<DictTable>,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for DictObject {}

/// Where a dict keeps its version (generated code checks global caches
/// inline; `UnsafeCell` is transparent).
pub const DICT_VERSION_OFFSET: usize =
    std::mem::offset_of!(DictObject, table) + std::mem::offset_of!(table::DictTable, version);

enum Found {
    At { slot: usize, ix: usize },
    Missing { slot: usize },
}

impl DictObject {
    pub fn new_value() -> Value {
        Self::with_type(types().dict)
    }

    pub fn with_type(ty: &TypeObject) -> Value {
        alloc_value(DictObject {
            header: Header::new(ty),
            table: UnsafeCell::new(DictTable::default()),
        })
    }

    /// Reads the table. The closure must not run Python code.
    fn read<R>(&self, f: impl FnOnce(&DictTable) -> R) -> R {
        // SAFETY: single-threaded; no reference outlives the closure, and
        // closures given here never re-enter the dict.
        f(unsafe { &*self.table.get() })
    }

    /// Modifies the table. The closure must not run Python code.
    fn write<R>(&self, f: impl FnOnce(&mut DictTable) -> R) -> R {
        // SAFETY: as `read`.
        let table = unsafe { &mut *self.table.get() };
        let type_dict = table.type_dict;
        let r = f(table);
        if type_dict {
            // A type's attributes changed: cached lookups may be stale.
            table.type_dict = true;
            crate::typeobj::lookup_cache::invalidate();
        }
        r
    }

    /// Marks the dict as a type's attribute dict: from now on, changing it
    /// empties the type attribute cache (`typeobj::lookup_cache`).
    pub fn mark_type_dict(&self) {
        self.write(|t| t.type_dict = true);
        crate::typeobj::lookup_cache::invalidate();
    }

    pub fn len(&self) -> usize {
        self.read(|t| t.used)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn version(&self) -> u64 {
        self.read(|t| t.version)
    }

    /// Finds `key` (hash `h`); `python_eq` allows `__eq__` calls.
    fn find(&self, key: Value, h: i64, python_eq: bool) -> PyResult<Found> {
        'restart: loop {
            if self.read(|t| t.indices.is_empty()) {
                self.write(|t| t.ensure_indices());
            }
            let version = self.version();
            let mut first_dummy = None;
            let probe = self.read(|t| t.probe(h));
            for slot in probe {
                let (ix, entry) = self.read(|t| {
                    let ix = t.indices[slot];
                    (ix, (ix >= 0).then(|| t.entries[ix as usize]))
                });
                if ix == EMPTY {
                    return Ok(Found::Missing {
                        slot: first_dummy.unwrap_or(slot),
                    });
                }
                if ix == DUMMY {
                    first_dummy.get_or_insert(slot);
                    continue;
                }
                let Some(Entry {
                    hash: eh, key: ek, ..
                }) = entry
                else {
                    continue;
                };
                let ix = ix as usize;
                if ek == key {
                    return Ok(Found::At { slot, ix });
                }
                if eh != h {
                    continue;
                }
                let eq = match eq_without_python(ek, key) {
                    Some(b) => b,
                    None if !python_eq => false,
                    None => {
                        let eq = rich_compare_bool(ek, key, CompareOp::Eq)?;
                        if self.version() != version {
                            continue 'restart;
                        }
                        eq
                    }
                };
                if eq {
                    return Ok(Found::At { slot, ix });
                }
            }
        }
    }

    /// `d.get(key)`: None when missing.
    pub fn get_item(&self, key: Value) -> PyResult<Option<Value>> {
        if self.is_empty() {
            // Still hash: unhashable keys raise even on an empty dict.
            hash(key)?;
            return Ok(None);
        }
        let h = hash(key)?;
        Ok(match self.find(key, h, true)? {
            Found::At { ix, .. } => Some(self.read(|t| t.entries[ix].value)),
            Found::Missing { .. } => None,
        })
    }

    /// `d[key] = value`.
    pub fn set_item(&self, key: Value, value: Value) -> PyResult<()> {
        let h = hash(key)?;
        self.insert_hashed(key, h, value, true)
    }

    fn insert_hashed(&self, key: Value, h: i64, value: Value, python_eq: bool) -> PyResult<()> {
        match self.find(key, h, python_eq)? {
            Found::At { ix, .. } => self.write(|t| t.entries[ix].value = value),
            Found::Missing { slot } => self.write(|t| t.insert_new(slot, h, key, value)),
        }
        Ok(())
    }

    /// `del d[key]`: the removed value, None when missing.
    pub fn del_item(&self, key: Value) -> PyResult<Option<Value>> {
        let h = hash(key)?;
        if self.is_empty() {
            return Ok(None);
        }
        Ok(match self.find(key, h, true)? {
            Found::At { slot, ix } => Some(self.write(|t| t.remove_at(slot, ix)).value),
            Found::Missing { .. } => None,
        })
    }

    /// Lookup by a str key without running Python code (non-str keys that
    /// collide are treated as different).
    pub fn get_str(&self, key: Value) -> Option<Value> {
        // `find` without its restart machinery: nothing here runs Python
        // code (globals, builtins and class attributes come this way).
        self.str_entry_index(key).and_then(|i| self.entry_value(i))
    }

    /// Store under a str key without running Python code.
    pub fn set_str(&self, key: Value, value: Value) {
        if let Some(s) = StrObject::cast(key) {
            let _ = self.insert_hashed(key, s.hash(), value, false);
        }
    }

    /// Deletes a str key without running Python code; true if it was there.
    pub fn del_str(&self, key: Value) -> bool {
        let Some(s) = StrObject::cast(key) else {
            return false;
        };
        match self.find(key, s.hash(), false) {
            Ok(Found::At { slot, ix }) => {
                self.write(|t| t.remove_at(slot, ix));
                true
            }
            _ => false,
        }
    }

    /// The live entry at or after `pos` (for iteration): (next pos, key, value).
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Value, Value)> {
        self.read(|t| t.next_entry(pos))
            .map(|(p, e)| (p + 1, e.key, e.value))
    }

    /// A snapshot of the (key, value) pairs in order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.read(|t| {
            t.entries
                .iter()
                .filter(|e| !e.key.is_null())
                .map(|e| (e.key, e.value))
                .collect()
        })
    }

    /// A rooted snapshot of the keys and values, alternating: for callers
    /// that run Python code (hashing, comparing, repr) while they go
    /// through it, which may remove entries from the dict.
    pub fn items_rooted(&self) -> RootedVec {
        self.read(|t| {
            t.entries
                .iter()
                .filter(|e| !e.key.is_null())
                .flat_map(|e| [e.key, e.value])
                .collect()
        })
    }

    pub fn keys(&self) -> Vec<Value> {
        self.items().into_iter().map(|(k, _)| k).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.items().into_iter().map(|(_, v)| v).collect()
    }

    pub fn clear(&self) {
        self.write(|t| t.clear());
    }

    /// Removes and returns the last entry.
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let (k, _) = *self.items().last()?;
        let h = match StrObject::cast(k) {
            Some(s) => s.hash(),
            None => self.read(|t| {
                t.entries
                    .iter()
                    .rev()
                    .find(|e| e.key == k)
                    .map_or(0, |e| e.hash)
            }),
        };
        match self.find(k, h, false) {
            Ok(Found::At { slot, ix }) => {
                let e = self.write(|t| t.remove_at(slot, ix));
                Some((e.key, e.value))
            }
            _ => None,
        }
    }

    /// Copies every entry of `other` into `self`.
    pub fn update_from(&self, other: &DictObject) -> PyResult<()> {
        for kv in other.items_rooted().chunks_exact(2) {
            self.set_item(kv[0], kv[1])?;
        }
        Ok(())
    }
}

fn this(v: Value) -> PyResult<&'static DictObject> {
    DictObject::cast(v).ok_or_else(|| crate::error::internal_error("dict slot on a non-dict"))
}

fn trace_dict(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(d) = downcast::<DictObject>(v) {
        // Deleted entries hold NULL, which the collector ignores.
        d.read(|t| {
            for e in &t.entries {
                visit(e.key);
                visit(e.value);
            }
        });
    }
}

/// `{'a': 1}`.
pub fn dict_repr_string(v: Value) -> PyResult<String> {
    let d = this(v)?;
    if d.is_empty() {
        return Ok("{}".into());
    }
    if !repr_enter(v) {
        return Ok("{...}".into());
    }
    let mut out = String::from("{");
    let mut r = Ok(());
    for (i, kx) in d.items_rooted().chunks_exact(2).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match (repr_string(kx[0]), repr_string(kx[1])) {
            (Ok(ks), Ok(xs)) => {
                out.push_str(&ks);
                out.push_str(": ");
                out.push_str(&xs);
            }
            (Err(e), _) | (_, Err(e)) => {
                r = Err(e);
                break;
            }
        }
    }
    repr_leave(v);
    r?;
    out.push('}');
    Ok(out)
}

fn dict_repr(v: Value) -> PyResult {
    Ok(new_string(dict_repr_string(v)?))
}

fn dict_compare(a: Value, b: Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (DictObject::cast(a), DictObject::cast(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    crate::runtime::recursion::in_comparison(|| dicts_compare_equal(x, y, op))
}

fn dicts_compare_equal(x: &DictObject, y: &DictObject, op: CompareOp) -> PyResult {
    let mut equal = x.len() == y.len();
    if equal {
        for kv in x.items_rooted().chunks_exact(2) {
            let (k, v) = (kv[0], kv[1]);
            match y.get_item(k)? {
                Some(w) if v == w || rich_compare_bool(v, w, CompareOp::Eq)? => {}
                _ => {
                    equal = false;
                    break;
                }
            }
        }
    }
    Ok(Value::from_bool(equal == (op == CompareOp::Eq)))
}

fn dict_len(v: Value) -> PyResult<usize> {
    Ok(this(v)?.len())
}

fn dict_contains(v: Value, key: Value) -> PyResult<bool> {
    Ok(this(v)?.get_item(key)?.is_some())
}

fn dict_getitem(v: Value, key: Value) -> PyResult {
    if let Some(x) = this(v)?.get_item(key)? {
        return Ok(x);
    }
    if !std::ptr::eq(type_of(v), types().dict) {
        if let Some(missing) = crate::ops::attr::lookup_special(v, "__missing__")? {
            return crate::ops::call::call(missing, &[key], None);
        }
    }
    Err(key_error(key))
}

fn dict_setitem(v: Value, key: Value, value: Value) -> PyResult<()> {
    let d = this(v)?;
    if value.is_null() {
        return match d.del_item(key)? {
            Some(_) => Ok(()),
            None => Err(key_error(key)),
        };
    }
    d.set_item(key, value)
}

fn dict_iter(v: Value) -> PyResult {
    Ok(iter::new_dict_iterator(v, iter::DictIterKind::Keys))
}

fn dict_binary(op: BinOp, a: Value, b: Value) -> PyResult {
    let (Some(x), Some(y)) = (DictObject::cast(a), DictObject::cast(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if op != BinOp::Or {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let out = DictObject::new_value();
    let o = this(out)?;
    o.update_from(x)?;
    o.update_from(y)?;
    Ok(out)
}

fn dict_inplace(op: BinOp, a: Value, b: Value) -> PyResult {
    if op != BinOp::Or {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    methods::update_from_arg(this(a)?, b)?;
    Ok(a)
}

fn dict_new(cls: &'static TypeObject, _a: &[Value], _k: Option<Value>) -> PyResult {
    let inner = DictObject::new_value();
    if std::ptr::eq(cls, types().dict) {
        return Ok(inner);
    }
    crate::types::instance::new_wrapped_instance(cls, inner)
}

/// `dict.__init__(self, mapping_or_iterable=(), **kwargs)`.
fn dict_init(v: Value, a: &[Value], k: Option<Value>) -> PyResult<()> {
    let (pos, kwvals) = crate::args::split(a, k);
    if pos.len() > 1 {
        return Err(crate::error::type_error(format!(
            "dict expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    let d = this(v)?;
    if let Some(&src) = pos.first() {
        methods::update_from_arg(d, src)?;
    }
    for (&name, &val) in crate::args::kwnames_slice(k).iter().zip(kwvals) {
        d.set_item(name, val)?;
    }
    Ok(())
}

pub fn spec() -> TypeSpec {
    TypeSpec {
        flags: flags::BASETYPE | flags::DICT_SUBCLASS,
        slots: SlotDefs {
            repr: Some(dict_repr),
            hash: Some(crate::ops::object::hash_not_implemented),
            richcompare: Some(dict_compare),
            len: Some(dict_len),
            contains: Some(dict_contains),
            getitem: Some(dict_getitem),
            setitem: Some(dict_setitem),
            iter: Some(dict_iter),
            binary: Some(dict_binary),
            inplace: Some(dict_inplace),
            new: Some(dict_new),
            init: Some(dict_init),
            ..SlotDefs::default()
        },
        binary_ops: &[BinOp::Or],
        inplace_ops: &[BinOp::Or],
        unhashable: true,
        methods: methods::METHODS,
        trace: trace_dict,
        ..TypeSpec::new("dict", TypeId::of::<DictObject>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::string::{as_str, new_str};

    #[test]
    fn insertion_order_survives_deletes_and_growth() {
        let v = DictObject::new_value();
        let d = this(v).unwrap();
        for i in 0..100 {
            d.set_item(Value::small_int(i), Value::small_int(i * i))
                .unwrap();
        }
        for i in (0..100).step_by(3) {
            assert!(d.del_item(Value::small_int(i)).unwrap().is_some());
        }
        d.set_item(Value::small_int(0), Value::NONE).unwrap();
        let keys: Vec<i64> = d.keys().iter().map(|k| k.as_small_int().unwrap()).collect();
        let mut want: Vec<i64> = (0..100).filter(|i| i % 3 != 0).collect();
        want.push(0);
        assert_eq!(keys, want);
        assert_eq!(
            d.get_item(Value::small_int(4)).unwrap(),
            Some(Value::small_int(16))
        );
        assert_eq!(d.len(), want.len());
    }

    #[test]
    fn equal_numbers_are_the_same_key() {
        let v = DictObject::new_value();
        let d = this(v).unwrap();
        d.set_item(Value::small_int(1), new_str("int")).unwrap();
        d.set_item(Value::from_f64(1.0), new_str("float")).unwrap();
        d.set_item(Value::TRUE, new_str("bool")).unwrap();
        assert_eq!(d.len(), 1);
        assert_eq!(as_str(dict_repr(v).unwrap()), Some("{1: 'bool'}"));
        assert!(d.get_item(crate::types::list::new_list(vec![])).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "unhashable type: 'list'"
        );
    }

    #[test]
    fn missing_key_raises_key_error_with_repr() {
        let v = DictObject::new_value();
        assert!(dict_getitem(v, new_str("a")).is_err());
        assert_eq!(crate::exceptions::str_of_current(), "'a'");
    }
}
