//! `bytes` and `bytearray`: byte strings, immutable and mutable.
//!
//! Both types share one struct, [`BytesObject`] (a `RefCell<Vec<u8>>`);
//! which of the two a value is comes from its type, and only `bytearray`
//! ever mutates the buffer. This module owns the struct, the constructors
//! and the slots (repr, hash, comparison, indexing, slice assignment, `in`,
//! `+`, `*`, `+=`); `repr` is CPython's `b'...'` quoting, `methods` the
//! methods both types share, `mutable` bytearray's own methods, `codec` the
//! utf-8/ascii/latin-1 codecs used by `decode` and `str.encode`.

pub mod codec;
pub mod methods;
pub mod mutable;
pub mod repr;

use std::any::TypeId;
use std::cell::RefCell;

use crate::error::{index_error, type_error, value_error, PyResult};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{type_of, PyPayload};
use crate::ops::{BinOp, CompareOp};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{flags, SlotDefs, TypeObject};
use crate::types::int::{index_value, int_of, repeat_count, Int};
use crate::types::registry::types;
use crate::types::sequence::normalize_index;
use crate::types::slice::SliceObject;
use crate::types::string::{as_str, new_string};
use crate::Value;

/// A `bytes` or `bytearray` object.
#[repr(C)]
pub struct BytesObject {
    pub header: Header,
    pub data: RefCell<Vec<u8>>,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for BytesObject {}

impl BytesObject {
    /// A copy of the contents.
    pub fn to_vec(&self) -> Vec<u8> {
        self.data.borrow().clone()
    }

    pub fn len(&self) -> usize {
        self.data.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A new `bytes` holding `data`.
pub fn new_bytes(data: Vec<u8>) -> Value {
    new_of_type(data, types().bytes)
}

/// A new `bytearray` holding `data`.
pub fn new_bytearray(data: Vec<u8>) -> Value {
    new_of_type(data, types().bytearray)
}

fn new_of_type(data: Vec<u8>, ty: &TypeObject) -> Value {
    // The buffer is a Rust allocation the collector does not see.
    crate::gc::note_external(data.capacity());
    alloc_value(BytesObject {
        header: Header::new(ty),
        data: RefCell::new(data),
    })
}

/// True when `v` is a bytearray (or subclass instance).
pub fn is_bytearray(v: Value) -> bool {
    type_of(v).is_subtype(types().bytearray)
}

/// A new value of the same kind (bytes or bytearray) as `like`.
pub fn new_like(like: Value, data: Vec<u8>) -> Value {
    if is_bytearray(like) {
        new_bytearray(data)
    } else {
        new_bytes(data)
    }
}

/// The contents of a bytes-like value (bytes, bytearray, subclasses).
pub fn bytes_data(v: Value) -> Option<Vec<u8>> {
    BytesObject::cast(v).map(|b| b.to_vec())
}

/// The contents of `v`, or CPython's "a bytes-like object is required".
pub fn expect_bytes_like(v: Value) -> PyResult<Vec<u8>> {
    bytes_data(v).ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_of(v).name()
        ))
    })
}

/// `ord(b)` of a bytes-like's contents.
pub fn ord_of(data: &[u8]) -> PyResult {
    match data {
        [b] => Ok(Value::small_int(*b as i64)),
        _ => Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            data.len()
        ))),
    }
}

fn this(v: Value) -> PyResult<&'static BytesObject> {
    BytesObject::cast(v).ok_or_else(|| crate::error::internal_error("bytes slot on a non-bytes"))
}

fn kind(v: Value) -> &'static str {
    if is_bytearray(v) {
        "bytearray"
    } else {
        "bytes"
    }
}

/// An int in `0..256`, ValueError "byte must be in range(0, 256)" otherwise
/// (`what` is "byte" or "bytes"); TypeError when `v` is not an int.
pub fn byte_value(v: Value, what: &str) -> PyResult<u8> {
    let i = match int_of(v) {
        Some(Int::Small(i)) => i,
        Some(Int::Big(_)) => -1,
        None => match index_value(v)? {
            Some(i) => i,
            None => {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_of(v).name()
                )))
            }
        },
    };
    u8::try_from(i).map_err(|_| value_error(format!("{what} must be in range(0, 256)")))
}

/// The bytes of `bytes(x)` / `bytearray(x)` for a single argument.
fn from_object(x: Value, what: &str) -> PyResult<Vec<u8>> {
    if let Some(d) = bytes_data(x) {
        return Ok(d);
    }
    if as_str(x).is_some() {
        return Err(type_error("string argument without an encoding"));
    }
    if let (Some(f), "bytes") = (type_of(x).lookup_str("__bytes__"), what) {
        let r = crate::ops::call::call(f, &[x], None)?;
        return bytes_data(r).ok_or_else(|| {
            type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                type_of(r).name()
            ))
        });
    }
    if int_of(x).is_some() || (!x.is_float() && type_of(x).slots.index.get().is_some()) {
        let n = index_value(x)?.unwrap_or(0);
        if n < 0 {
            return Err(value_error("negative count"));
        }
        return Ok(vec![0; n as usize]);
    }
    let items = match crate::ops::iter::iter(x) {
        Ok(it) => it,
        Err(e) => {
            if crate::error::clear_if(types().exc.TypeError) {
                return Err(type_error(format!(
                    "cannot convert '{}' object to {what}",
                    type_of(x).name()
                )));
            }
            return Err(e);
        }
    };
    let mut out = Vec::new();
    while let Some(item) = crate::ops::iter::next(items)? {
        out.push(byte_value(
            item,
            if what == "bytes" { "bytes" } else { "byte" },
        )?);
    }
    Ok(out)
}

/// The bytes of `bytes(source, encoding, errors)` (shared with bytearray).
fn construct(fname: &str, a: &[Value], k: Option<Value>) -> PyResult<Vec<u8>> {
    let [src, enc, errors] = crate::args::parse(fname, a, k, ["source", "encoding", "errors"], 0)?;
    if src.is_null() {
        if !enc.is_null() || !errors.is_null() {
            return Err(type_error("encoding or errors without sequence argument"));
        }
        return Ok(Vec::new());
    }
    if enc.is_null() && errors.is_null() {
        return from_object(src, fname);
    }
    let Some(text) = as_str(src) else {
        return Err(type_error(if enc.is_null() {
            "errors without a string argument"
        } else {
            "encoding without a string argument"
        }));
    };
    codec::encode_args(text, enc, errors)
}

fn wrap(cls: &'static TypeObject, base: &'static TypeObject, value: Value) -> PyResult {
    if std::ptr::eq(cls, base) {
        return Ok(value);
    }
    crate::types::instance::new_wrapped_instance(cls, value)
}

fn bytes_new(cls: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    if let ([x], None) = (a, k) {
        if crate::object::downcast::<BytesObject>(*x).is_some() && !is_bytearray(*x) {
            return wrap(cls, types().bytes, *x);
        }
    }
    let data = construct("bytes", a, k)?;
    wrap(cls, types().bytes, new_bytes(data))
}

fn bytearray_new(cls: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let data = construct("bytearray", a, k)?;
    wrap(cls, types().bytearray, new_bytearray(data))
}

fn bytes_repr(v: Value) -> PyResult {
    let b = this(v)?;
    let r = repr::repr_bytes(&b.data.borrow());
    if is_bytearray(v) {
        return Ok(new_string(format!("{}({r})", type_of(v).name())));
    }
    Ok(new_string(r))
}

/// FNV-1a over the bytes, never -1 (equal bytes hash equal).
pub fn hash_bytes(data: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    match h as i64 {
        -1 => -2,
        h => h,
    }
}

fn bytes_hash(v: Value) -> PyResult<i64> {
    Ok(hash_bytes(&this(v)?.data.borrow()))
}

fn bytes_compare(a: Value, b: Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (BytesObject::cast(a), BytesObject::cast(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let ord = x.data.borrow().as_slice().cmp(y.data.borrow().as_slice());
    Ok(Value::from_bool(op.holds(ord)))
}

fn bytes_len(v: Value) -> PyResult<usize> {
    Ok(this(v)?.len())
}

fn bytes_contains(v: Value, item: Value) -> PyResult<bool> {
    let hay = this(v)?;
    if let Some(needle) = bytes_data(item) {
        return Ok(methods::find_sub(&hay.data.borrow(), &needle, 0).is_some());
    }
    if int_of(item).is_some() || type_of(item).slots.index.get().is_some() {
        // Converted before the buffer is read (`__index__` runs Python code).
        let b = byte_value(item, "byte")?;
        return Ok(hay.data.borrow().contains(&b));
    }
    Err(type_error(format!(
        "a bytes-like object is required, not '{}'",
        type_of(item).name()
    )))
}

fn bytes_getitem(v: Value, key: Value) -> PyResult {
    let b = this(v)?;
    if let Some(i) = key.as_small_int() {
        let data = b.data.borrow();
        let len = data.len() as i64;
        let j = if i < 0 { i + len } else { i };
        if (0..len).contains(&j) {
            return Ok(Value::small_int(data[j as usize] as i64));
        }
    }
    if let Some(sl) = SliceObject::cast(key) {
        // The slice's `__index__` methods run before the buffer is read
        // (and may resize a bytearray: what is gone is not read).
        let ix = sl.indices(b.len())?;
        let data = b.data.borrow();
        let out: Vec<u8> = if ix.step == 1 {
            let start = (ix.start as usize).min(data.len());
            data[start..(start + ix.len).min(data.len())].to_vec()
        } else {
            ix.iter().filter_map(|i| data.get(i).copied()).collect()
        };
        return Ok(new_like(v, out));
    }
    // The index first: its `__index__` may resize a bytearray.
    let Some(i) = crate::types::sequence::sequence_index(key)? else {
        return Err(type_error(format!(
            "{} indices must be integers or slices, not {}",
            if is_bytearray(v) { "bytearray" } else { "byte" },
            type_of(key).name()
        )));
    };
    let data = b.data.borrow();
    match normalize_index(i, data.len()) {
        Some(i) => Ok(Value::small_int(data[i] as i64)),
        None if is_bytearray(v) => Err(index_error("bytearray index out of range")),
        None => Err(index_error("index out of range")),
    }
}

fn bytes_binary(op: BinOp, a: Value, b: Value) -> PyResult {
    match op {
        BinOp::Add => {
            let Some(x) = bytes_data(a) else {
                return Ok(Value::NOT_IMPLEMENTED);
            };
            let Some(y) = bytes_data(b) else {
                return Err(type_error(format!(
                    "can't concat {} to {}",
                    type_of(b).name(),
                    kind(a)
                )));
            };
            Ok(new_like(a, [x, y].concat()))
        }
        BinOp::Mul => {
            let (seq, n) = match (bytes_data(a), bytes_data(b)) {
                (Some(d), _) => ((a, d), b),
                (None, Some(d)) => ((b, d), a),
                _ => return Ok(Value::NOT_IMPLEMENTED),
            };
            let Some(n) = repeat_count(n)? else {
                return Ok(Value::NOT_IMPLEMENTED);
            };
            Ok(new_like(seq.0, seq.1.repeat(n)))
        }
        BinOp::Mod => match bytes_data(a) {
            Some(t) => Ok(new_like(a, methods::percent_format(&t, b)?)),
            None => Ok(Value::NOT_IMPLEMENTED),
        },
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn bytes_iter(v: Value) -> PyResult {
    Ok(crate::types::iterators::new_seq_iterator(v))
}

fn bytes_bool(v: Value) -> PyResult<bool> {
    Ok(!this(v)?.is_empty())
}

pub fn bytes_spec() -> TypeSpec {
    TypeSpec {
        flags: flags::BASETYPE,
        slots: SlotDefs {
            repr: Some(bytes_repr),
            hash: Some(bytes_hash),
            richcompare: Some(bytes_compare),
            bool: Some(bytes_bool),
            len: Some(bytes_len),
            contains: Some(bytes_contains),
            getitem: Some(bytes_getitem),
            binary: Some(bytes_binary),
            iter: Some(bytes_iter),
            new: Some(bytes_new),
            ..SlotDefs::default()
        },
        binary_ops: &[BinOp::Add, BinOp::Mul, BinOp::Mod],
        methods: methods::METHODS,
        ..TypeSpec::new("bytes", TypeId::of::<BytesObject>())
    }
}

pub fn bytearray_spec() -> TypeSpec {
    TypeSpec {
        flags: flags::BASETYPE,
        slots: SlotDefs {
            repr: Some(bytes_repr),
            hash: Some(crate::ops::object::hash_not_implemented),
            richcompare: Some(bytes_compare),
            bool: Some(bytes_bool),
            len: Some(bytes_len),
            contains: Some(bytes_contains),
            getitem: Some(bytes_getitem),
            setitem: Some(mutable::bytearray_setitem),
            binary: Some(bytes_binary),
            inplace: Some(mutable::bytearray_inplace),
            iter: Some(bytes_iter),
            new: Some(bytearray_new),
            ..SlotDefs::default()
        },
        binary_ops: &[BinOp::Add, BinOp::Mul, BinOp::Mod],
        inplace_ops: &[BinOp::Add, BinOp::Mul],
        unhashable: true,
        methods: mutable::METHODS,
        ..TypeSpec::new("bytearray", TypeId::of::<BytesObject>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: Value) -> String {
        crate::types::string::as_str(crate::ops::object::repr(v).unwrap())
            .unwrap()
            .to_owned()
    }

    #[test]
    fn construction_and_repr() {
        let b = bytes_new(types().bytes, &[Value::small_int(3)], None).unwrap();
        assert_eq!(s(b), "b'\\x00\\x00\\x00'");
        let l = crate::types::list::new_list(vec![Value::small_int(104), Value::small_int(105)]);
        let b = bytes_new(types().bytes, &[l], None).unwrap();
        assert_eq!(s(b), "b'hi'");
        let bad = crate::types::list::new_list(vec![Value::small_int(300)]);
        assert!(bytes_new(types().bytes, &[bad], None).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "bytes must be in range(0, 256)"
        );
        let ba = new_bytearray(b"x'".to_vec());
        assert_eq!(s(ba), "bytearray(b\"x'\")");
    }

    #[test]
    fn indexing_slicing_and_operators() {
        let b = new_bytes(b"hello".to_vec());
        assert_eq!(
            bytes_getitem(b, Value::small_int(-1)).unwrap(),
            Value::small_int(111)
        );
        let sl = crate::types::slice::new_slice(Value::NONE, Value::NONE, Value::small_int(-2));
        assert_eq!(s(bytes_getitem(b, sl).unwrap()), "b'olh'");
        assert!(bytes_getitem(b, Value::small_int(9)).is_err());
        assert_eq!(crate::exceptions::str_of_current(), "index out of range");
        let ab = bytes_binary(BinOp::Add, b, new_bytes(b"!".to_vec())).unwrap();
        assert_eq!(s(ab), "b'hello!'");
        let rep = bytes_binary(BinOp::Mul, Value::small_int(2), new_bytes(b"ab".to_vec())).unwrap();
        assert_eq!(s(rep), "b'abab'");
        assert!(bytes_contains(b, Value::small_int(104)).unwrap());
        assert!(bytes_contains(b, new_bytes(b"ell".to_vec())).unwrap());
        let lt = bytes_compare(b, new_bytes(b"help".to_vec()), CompareOp::Lt).unwrap();
        assert_eq!(lt, Value::TRUE);
        assert_eq!(
            hash_bytes(b"abc"),
            bytes_hash(new_bytes(b"abc".to_vec())).unwrap()
        );
    }
}
