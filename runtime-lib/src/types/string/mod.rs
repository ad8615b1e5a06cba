//! `str`: immutable UTF-8 text with a cached length in code points, an
//! ASCII flag and a lazily computed hash.
//!
//! Indexing and slicing an ASCII string is O(1) (byte = code point);
//! non-ASCII strings are walked for now (an index every N code points is a
//! follow-up, see DESIGN.md). Comparison is by code point, which for UTF-8
//! is byte order. The hash is FNV-1a over the bytes: any hash is fine for
//! str as long as equal strings hash equal (CPython randomises its own).
//!
//! Submodules: `repr` (CPython's quoting and escapes), `methods` (the
//! methods implemented so far; more str methods and the formatting
//! mini-language are follow-up work: add them in `methods` or a sibling).

pub mod encode;
pub mod extra;
pub mod methods;
pub mod printable;
pub mod repr;

use std::any::TypeId;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::mem::offset_of;
use std::sync::atomic::{AtomicI64, Ordering};

use crate::error::{index_error, type_error, PyResult};
use crate::heap::{alloc_with_bytes, Header, HeapObject};
use crate::object::{downcast, type_of, PyPayload};
use crate::ops::{BinOp, CompareOp};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{flags, SlotDefs, TypeObject};
use crate::types::registry::types;
use crate::types::slice::SliceIndices;
use crate::Value;

/// A `str` object.
#[repr(C)]
pub struct StrObject {
    pub header: Header,
    /// The hash, or -1 before it is first computed.
    pub hash: AtomicI64,
    /// Length in code points.
    pub char_len: usize,
    /// Length of `data` in bytes.
    pub byte_len: usize,
    /// The UTF-8 bytes, stored inline right after the struct (so they are
    /// freed with the object, and a `&str` into them held on the stack
    /// keeps the object alive).
    pub data: *const u8,
    /// True when every code point is ASCII (so byte index = char index).
    pub ascii: bool,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for StrObject {}

pub const STR_HASH_OFFSET: usize = offset_of!(StrObject, hash);
pub const STR_CHAR_LEN_OFFSET: usize = offset_of!(StrObject, char_len);
pub const STR_BYTE_LEN_OFFSET: usize = offset_of!(StrObject, byte_len);
pub const STR_DATA_OFFSET: usize = offset_of!(StrObject, data);

impl StrObject {
    pub fn as_str(&self) -> &'static str {
        // SAFETY: `data`/`byte_len` are the object's inline copy of a `str`.
        unsafe {
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.data, self.byte_len))
        }
    }

    pub fn hash(&self) -> i64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != -1 {
            return h;
        }
        let h = hash_str(self.as_str());
        self.hash.store(h, Ordering::Relaxed);
        h
    }

    /// The code point at index `i` (0 <= i < char_len).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.ascii {
            self.as_str().as_bytes().get(i).map(|&b| b as char)
        } else {
            self.as_str().chars().nth(i)
        }
    }

    /// The substring of code points `start..stop`.
    pub fn substring(&self, start: usize, stop: usize) -> &'static str {
        let s = self.as_str();
        if self.ascii {
            return &s[start.min(s.len())..stop.min(s.len())];
        }
        let mut it = s
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(s.len()));
        let b0 = it.nth(start).unwrap_or(s.len());
        let b1 = if stop > start {
            it.nth(stop - start - 1).unwrap_or(s.len())
        } else {
            b0
        };
        &s[b0..b1]
    }
}

/// FNV-1a, never -1.
pub fn hash_str(s: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// A new str holding `s`.
pub fn new_str(s: &str) -> Value {
    new_str_of_type(s, types().str)
}

/// A new str holding the text of `s`.
pub fn new_string(s: String) -> Value {
    new_str_of_type(&s, types().str)
}

/// A new str of type `ty` whose characters (a copy of `s`) follow the
/// struct in the same allocation.
fn new_str_of_type(s: &str, ty: &TypeObject) -> Value {
    let char_len = s.chars().count();
    let byte_len = s.len();
    let head = StrObject {
        header: Header::new(ty),
        hash: AtomicI64::new(-1),
        char_len,
        byte_len,
        data: std::ptr::null(),
        ascii: char_len == byte_len,
    };
    let (p, data) = alloc_with_bytes(head, s.as_bytes());
    // SAFETY: `p` is the new object, not yet seen by anything else.
    unsafe { (*p).data = data };
    Value::from_ptr(p)
}

/// FNV-1a as a `Hasher`, for the intern table: the names looked up there
/// are short, and SipHash (std's default) cost more than the lookup
/// itself on every `lookup_str` of a dunder.
#[derive(Clone, Copy)]
struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> Self {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= b as u64;
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FnvBuild = std::hash::BuildHasherDefault<FnvHasher>;

thread_local! {
    static INTERNED: RefCell<HashMap<&'static str, Value, FnvBuild>> =
        RefCell::new(HashMap::default());
}

/// Entries of [`RECENT_INTERNED`] (a power of two).
const RECENT: usize = 256;

thread_local! {
    /// A direct-mapped cache in front of the intern table, keyed by the
    /// address of the text asked for: runtime code interns the same few
    /// literals (dunder names) over and over. A hit is confirmed by
    /// comparing the text, so any `&str` may be asked for.
    static RECENT_INTERNED: [Cell<(usize, Value)>; RECENT] =
        const { [const { Cell::new((0, Value::NULL)) }; RECENT] };
    /// The str of each ASCII character (CPython keeps such a table too).
    static ASCII_CHARS: [Cell<Value>; 128] = const { [const { Cell::new(Value::NULL) }; 128] };
}

/// The collector's roots here: every interned str and the cached
/// one-character strs (interned strs live as long as their thread).
pub fn trace_roots(visit: &mut dyn FnMut(Value)) {
    INTERNED.with(|t| t.borrow().values().for_each(|&v| visit(v)));
    RECENT_INTERNED.with(|r| r.iter().for_each(|c| visit(c.get().1)));
    ASCII_CHARS.with(|a| a.iter().for_each(|c| visit(c.get())));
}

/// Interned names that instance creation looks up on every call.
pub struct HotNames {
    pub init: Value,
    pub new: Value,
}

thread_local! {
    static HOT_NAMES: Cell<Option<&'static HotNames>> = const { Cell::new(None) };
}

/// This thread's [`HotNames`] (interned strs, so they are roots).
#[inline]
pub fn hot_names() -> &'static HotNames {
    if let Some(n) = HOT_NAMES.with(|h| h.get()) {
        return n;
    }
    let n: &'static HotNames = Box::leak(Box::new(HotNames {
        init: intern("__init__"),
        new: intern("__new__"),
    }));
    HOT_NAMES.with(|h| h.set(Some(n)));
    n
}

/// The interned str for `s` (one object per distinct text per thread):
/// identifiers, attribute names, dunders.
pub fn intern(s: &str) -> Value {
    let addr = s.as_ptr() as usize;
    let at = ((addr as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize % RECENT;
    let recent = RECENT_INTERNED.with(|r| {
        let (a, v) = r[at].get();
        (a == addr && as_str(v) == Some(s)).then_some(v)
    });
    if let Some(v) = recent {
        return v;
    }
    let v = intern_slow(s);
    RECENT_INTERNED.with(|r| r[at].set((addr, v)));
    v
}

fn intern_slow(s: &str) -> Value {
    INTERNED.with(|m| {
        if let Some(&v) = m.borrow().get(s) {
            return v;
        }
        let v = new_str(s);
        if let Some(o) = StrObject::cast(v) {
            m.borrow_mut().insert(o.as_str(), v);
        }
        v
    })
}

/// The text of a str (or str subclass instance).
pub fn as_str(v: Value) -> Option<&'static str> {
    StrObject::cast(v).map(|s| s.as_str())
}

/// The text of `v`, or a TypeError naming `what` ("attribute name must be
/// string, not 'int'").
pub fn expect_str(v: Value, what: &str) -> PyResult<&'static str> {
    as_str(v).ok_or_else(|| type_error(format!("{what} must be str, not {}", type_of(v).name())))
}

fn s(v: Value) -> PyResult<&'static StrObject> {
    StrObject::cast(v).ok_or_else(|| crate::error::internal_error("str slot on a non-str"))
}

fn str_repr(v: Value) -> PyResult {
    Ok(new_string(repr::repr_str(s(v)?.as_str())))
}

fn str_str(v: Value) -> PyResult {
    if downcast::<StrObject>(v).is_some() {
        return Ok(v);
    }
    Ok(new_str(s(v)?.as_str()))
}

fn str_hash(v: Value) -> PyResult<i64> {
    Ok(s(v)?.hash())
}

fn str_compare(a: Value, b: Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (StrObject::cast(a), StrObject::cast(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && x.byte_len != y.byte_len {
        return Ok(Value::from_bool(op == CompareOp::Ne));
    }
    Ok(Value::from_bool(op.holds(str_order(x, y))))
}

/// The order of two strs (code point order, which is UTF-8 byte order).
/// Most comparisons are decided by the first bytes (`ch < "0"`, sorting
/// words), so those are compared before calling `memcmp`.
#[inline]
pub fn str_order(a: &StrObject, b: &StrObject) -> std::cmp::Ordering {
    let (x, y) = (a.as_str().as_bytes(), b.as_str().as_bytes());
    match (x.first(), y.first()) {
        (Some(p), Some(q)) if p != q => p.cmp(q),
        _ => x.cmp(y),
    }
}

/// Equality of two strs without going through slots.
pub fn str_eq(a: &StrObject, b: &StrObject) -> bool {
    std::ptr::eq(a, b)
        || (a.byte_len == b.byte_len && a.hash() == b.hash() && a.as_str() == b.as_str())
}

fn str_len(v: Value) -> PyResult<usize> {
    Ok(s(v)?.char_len)
}

fn str_bool(v: Value) -> PyResult<bool> {
    Ok(s(v)?.byte_len > 0)
}

fn str_contains(v: Value, item: Value) -> PyResult<bool> {
    let hay = s(v)?;
    let Some(needle) = as_str(item) else {
        return Err(type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            type_of(item).name()
        )));
    };
    Ok(hay.as_str().contains(needle))
}

fn str_getitem(v: Value, key: Value) -> PyResult {
    let so = s(v)?;
    if let Some(sl) = crate::types::slice::SliceObject::cast(key) {
        let ix = sl.indices(so.char_len)?;
        return Ok(slice_str(so, &ix));
    }
    let Some(i) = crate::types::sequence::sequence_index(key)? else {
        return Err(type_error(format!(
            "string indices must be integers, not '{}'",
            type_of(key).name()
        )));
    };
    let n = so.char_len as i64;
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(index_error("string index out of range"));
    }
    match so.char_at(i as usize) {
        Some(c) => Ok(char_str(c)),
        None => Err(index_error("string index out of range")),
    }
}

/// A one-character str.
pub fn char_str(c: char) -> Value {
    if c.is_ascii() {
        return ascii_char_str(c as u8);
    }
    let mut buf = [0u8; 4];
    new_str(c.encode_utf8(&mut buf))
}

/// The one-character str of the ASCII byte `b` (below 128), from the table.
#[inline]
pub fn ascii_char_str(b: u8) -> Value {
    let v = ASCII_CHARS.with(|chars| chars[usize::from(b & 0x7f)].get());
    if v.is_null() {
        return cache_ascii_char(b & 0x7f);
    }
    v
}

/// Fills the table's entry for `b` on its first use.
#[cold]
fn cache_ascii_char(b: u8) -> Value {
    let v = intern(std::str::from_utf8(&[b]).unwrap_or_default());
    ASCII_CHARS.with(|chars| chars[usize::from(b)].set(v));
    v
}

/// `so[ix]`.
pub fn slice_str(so: &StrObject, ix: &SliceIndices) -> Value {
    if ix.step == 1 {
        let (a, b) = (ix.start as usize, (ix.start + ix.len as i64) as usize);
        return new_str(so.substring(a, b));
    }
    let chars: Vec<char> = so.as_str().chars().collect();
    let out: String = ix.iter().map(|i| chars[i]).collect();
    new_string(out)
}

fn str_binary(op: BinOp, a: Value, b: Value) -> PyResult {
    match op {
        BinOp::Add => {
            let Some(x) = as_str(a) else {
                return Ok(Value::NOT_IMPLEMENTED);
            };
            let Some(y) = as_str(b) else {
                return Ok(Value::NOT_IMPLEMENTED);
            };
            let mut out = String::with_capacity(x.len() + y.len());
            out.push_str(x);
            out.push_str(y);
            Ok(new_string(out))
        }
        BinOp::Mul => {
            let (text, count) = match (as_str(a), as_str(b)) {
                (Some(t), _) => (t, b),
                (None, Some(t)) => (t, a),
                _ => return Ok(Value::NOT_IMPLEMENTED),
            };
            let Some(n) = crate::types::int::repeat_count(count)? else {
                return Ok(Value::NOT_IMPLEMENTED);
            };
            Ok(new_string(text.repeat(n)))
        }
        BinOp::Mod => match as_str(a) {
            Some(template) => crate::ops::printf::format(template, b),
            None => Ok(Value::NOT_IMPLEMENTED),
        },
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn str_iter(v: Value) -> PyResult {
    Ok(crate::types::iterators::new_str_iterator(v))
}

/// `str(object='')`.
fn str_new(cls: &'static TypeObject, args: &[Value], kwnames: Option<Value>) -> PyResult {
    let [obj] = crate::args::parse("str", args, kwnames, ["object"], 0)?;
    let text = if obj.is_null() {
        new_str("")
    } else {
        crate::ops::object::str(obj)?
    };
    if std::ptr::eq(cls, types().str) {
        return Ok(text);
    }
    let inner = new_str(as_str(text).unwrap_or(""));
    crate::types::instance::new_wrapped_instance(cls, inner)
}

pub fn spec() -> TypeSpec {
    TypeSpec {
        flags: flags::BASETYPE | flags::STR_SUBCLASS,
        slots: SlotDefs {
            repr: Some(str_repr),
            str: Some(str_str),
            hash: Some(str_hash),
            richcompare: Some(str_compare),
            bool: Some(str_bool),
            len: Some(str_len),
            contains: Some(str_contains),
            getitem: Some(str_getitem),
            iter: Some(str_iter),
            binary: Some(str_binary),
            new: Some(str_new),
            ..SlotDefs::default()
        },
        binary_ops: &[BinOp::Add, BinOp::Mul, BinOp::Mod],
        methods: methods::METHODS,
        ..TypeSpec::new("str", TypeId::of::<StrObject>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_layout_constants() {
        assert_eq!(STR_HASH_OFFSET, crate::heap::HEADER_SIZE);
        assert_eq!(STR_CHAR_LEN_OFFSET, STR_HASH_OFFSET + 8);
        assert_eq!(STR_BYTE_LEN_OFFSET, STR_CHAR_LEN_OFFSET + 8);
        assert_eq!(STR_DATA_OFFSET, STR_BYTE_LEN_OFFSET + 8);
    }

    #[test]
    fn lengths_flags_and_hashes() {
        let a = new_str("héllo");
        let o = StrObject::cast(a).unwrap();
        assert_eq!((o.char_len, o.byte_len, o.ascii), (5, 6, false));
        assert_eq!(o.char_at(1), Some('é'));
        assert_eq!(o.substring(1, 3), "él");
        let b = new_str("héllo");
        assert_eq!(o.hash(), StrObject::cast(b).unwrap().hash());
        assert_eq!(intern("abc"), intern("abc"));
    }

    #[test]
    fn indexing_slicing_and_operators() {
        let v = new_str("hello");
        assert_eq!(
            as_str(str_getitem(v, Value::small_int(-1)).unwrap()),
            Some("o")
        );
        let sl = crate::types::slice::new_slice(Value::NONE, Value::NONE, Value::small_int(-2));
        assert_eq!(as_str(str_getitem(v, sl).unwrap()), Some("olh"));
        assert!(str_getitem(v, Value::small_int(5)).is_err());
        crate::error::clear_exception();
        let ab = str_binary(BinOp::Add, new_str("a"), new_str("b")).unwrap();
        assert_eq!(as_str(ab), Some("ab"));
        let rep = str_binary(BinOp::Mul, Value::small_int(3), new_str("ab")).unwrap();
        assert_eq!(as_str(rep), Some("ababab"));
        assert!(str_contains(v, new_str("ell")).unwrap());
    }
}
