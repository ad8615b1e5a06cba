//! Order-preserving key prefixes ("abbreviated keys") for `list.sort`.
//!
//! Sorting by keys such as `(-count, word)` spends its time chasing
//! pointers: every comparison reads two tuples and two strs scattered over
//! the heap. Before sorting, the leading components of each key are
//! encoded once into [`PREFIX_BYTES`] bytes whose byte order is the keys'
//! order; most comparisons are then decided by comparing those bytes, kept
//! beside the keys in one contiguous array, and only ties reach `<`.
//!
//! The fields follow a [`Schema`] read from the first key, so they line up
//! across keys:
//! - a small int: 6 bytes, offset binary (small ints are 48-bit);
//! - a float: 8 bytes, the sign folded so bit order is numeric order,
//!   -0.0 encoded as 0.0 (they are equal); a NaN stops the encoding;
//! - a str: the first `w - 1` bytes of its UTF-8 (code point order is byte
//!   order), zero-padded, then a length byte `min(len, w)`. A str longer
//!   than `w - 1` bytes is only partly known, so the encoding stops after
//!   its field;
//! - an exact tuple of the schema's length: its items' fields in order.
//!
//! A key whose component has another type (bools, big ints, subclasses…)
//! stops there. Bytes past a key's stop are not valid: a comparison whose
//! first differing byte is not valid in both keys is undecided.
//!
//! Why a decided comparison is exactly `<`: all fields before the first
//! differing byte are complete and equal in both keys, and a complete
//! field determines its component (ints and floats exactly, a str by its
//! padded bytes and length), so the components before it are equal and
//! the tuple comparison reaches the component of the differing field. Its
//! field order is that component's order: for strs, padded prefixes that
//! differ differ where the strs do, or where the shorter one, a prefix
//! of the other, ended; equal padded prefixes with different length bytes
//! mean the shorter str is a prefix of the longer. Only ints, floats and
//! strs are ever compared this way, and their `<` runs no Python code.

use std::cmp::Ordering;

use crate::object::downcast;
use crate::types::string::StrObject;
use crate::types::tuple::TupleObject;
use crate::value::SMALL_INT_MIN;
use crate::Value;

/// The size of a prefix.
pub const PREFIX_BYTES: usize = 32;
const WORDS: usize = PREFIX_BYTES / 8;
/// At most this many fields (tuples take none of the bytes).
const MAX_FIELDS: usize = 16;
/// A str field is at least this wide (bytes and length byte).
const MIN_STR_FIELD: usize = 4;
const INT_FIELD: usize = 6;
const FLOAT_FIELD: usize = 8;

/// One field of the schema, in the order a key's components are visited.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Field {
    /// An exact tuple of this length; its items' fields follow.
    Tuple(usize),
    Int,
    Float,
    /// A str field this many bytes wide, length byte included.
    Str(usize),
}

/// The fields every key is encoded along.
#[derive(Debug)]
pub struct Schema {
    fields: Vec<Field>,
    /// The fields cover all of the first key: a key can be complete.
    whole: bool,
}

/// A key's prefix: big-endian words, valid up to `valid` bytes.
#[derive(Clone, Copy, Debug)]
pub struct Prefix {
    words: [u64; WORDS],
    valid: u8,
    /// The whole key is encoded: equal complete prefixes are equal keys.
    complete: bool,
}

impl Schema {
    /// The schema of `first`, or None when not even its first component
    /// can be encoded.
    pub fn of(first: Value) -> Option<Schema> {
        let mut fields = Vec::new();
        let whole = collect_fields(first, &mut fields);
        while matches!(fields.last(), Some(Field::Tuple(_))) {
            fields.pop();
        }
        if fields.is_empty() {
            return None;
        }
        widen_strs(&mut fields);
        Some(Schema { fields, whole })
    }

    /// `key`'s prefix.
    pub fn prefix(&self, key: Value) -> Prefix {
        let mut out = Encoder {
            bytes: [0; PREFIX_BYTES],
            len: 0,
            field: 0,
        };
        let complete = out.encode(key, &self.fields) && self.whole;
        let mut words = [0; WORDS];
        for (w, chunk) in words.iter_mut().zip(out.bytes.chunks_exact(8)) {
            *w = u64::from_be_bytes(chunk.try_into().expect("8 bytes"));
        }
        Prefix {
            words,
            valid: out.len as u8,
            complete,
        }
    }
}

/// Appends `v`'s fields (depth first); false when the budget ran out or a
/// component cannot be encoded, so the fields do not cover all of `v`.
fn collect_fields(v: Value, fields: &mut Vec<Field>) -> bool {
    if fields.len() == MAX_FIELDS {
        return false;
    }
    let used: usize = fields.iter().map(|f| field_width(*f)).sum();
    let field = if let Some(t) = downcast::<TupleObject>(v) {
        fields.push(Field::Tuple(t.len()));
        return t.items().iter().all(|&item| collect_fields(item, fields));
    } else if v.is_small_int() {
        Field::Int
    } else if v.as_f64().is_some_and(|f| !f.is_nan()) {
        Field::Float
    } else if downcast::<StrObject>(v).is_some() {
        Field::Str(MIN_STR_FIELD)
    } else {
        return false;
    };
    if used + field_width(field) > PREFIX_BYTES {
        return false;
    }
    fields.push(field);
    true
}

fn field_width(f: Field) -> usize {
    match f {
        Field::Tuple(_) => 0,
        Field::Int => INT_FIELD,
        Field::Float => FLOAT_FIELD,
        Field::Str(w) => w,
    }
}

/// Shares the bytes left over among the str fields.
fn widen_strs(fields: &mut [Field]) {
    let used: usize = fields.iter().map(|f| field_width(*f)).sum();
    let strs = fields.iter().filter(|f| matches!(f, Field::Str(_))).count();
    if strs == 0 {
        return;
    }
    let (each, mut rest) = ((PREFIX_BYTES - used) / strs, (PREFIX_BYTES - used) % strs);
    for f in fields.iter_mut() {
        if let Field::Str(w) = f {
            // The earlier strs decide first: they get the remainder.
            *w += each + usize::from(rest > 0);
            rest = rest.saturating_sub(1);
        }
    }
}

struct Encoder {
    bytes: [u8; PREFIX_BYTES],
    len: usize,
    field: usize,
}

impl Encoder {
    /// Encodes `v` along `fields` from `self.field`; false when the
    /// encoding stopped (a component off the schema, a partly known str,
    /// the schema used up).
    fn encode(&mut self, v: Value, fields: &[Field]) -> bool {
        let Some(&field) = fields.get(self.field) else {
            return false;
        };
        self.field += 1;
        match field {
            Field::Tuple(n) => match downcast::<TupleObject>(v) {
                Some(t) if t.len() == n => t.items().iter().all(|&item| self.encode(item, fields)),
                _ => false,
            },
            Field::Int => match v.as_small_int() {
                Some(i) => {
                    let offset = (i - SMALL_INT_MIN) as u64;
                    self.put(&offset.to_be_bytes()[8 - INT_FIELD..]);
                    true
                }
                None => false,
            },
            Field::Float => match v.as_f64() {
                Some(f) if !f.is_nan() => {
                    let bits = if f == 0.0 { 0.0f64 } else { f }.to_bits();
                    let folded = if bits >> 63 == 1 {
                        !bits
                    } else {
                        bits | 1 << 63
                    };
                    self.put(&folded.to_be_bytes());
                    true
                }
                _ => false,
            },
            Field::Str(w) => match downcast::<StrObject>(v) {
                Some(s) => {
                    let bytes = s.as_str().as_bytes();
                    let shown = bytes.len().min(w - 1);
                    let start = self.len;
                    self.put(&bytes[..shown]);
                    self.len = start + w - 1;
                    self.put(&[bytes.len().min(w) as u8]);
                    bytes.len() < w
                }
                None => false,
            },
        }
    }

    fn put(&mut self, b: &[u8]) {
        self.bytes[self.len..self.len + b.len()].copy_from_slice(b);
        self.len += b.len();
    }
}

/// The order of two keys as their prefixes show it, or None when the
/// prefixes cannot tell.
#[inline]
pub fn order(a: &Prefix, b: &Prefix) -> Option<Ordering> {
    for k in 0..WORDS {
        let (x, y) = (a.words[k], b.words[k]);
        if x != y {
            let byte = k * 8 + (x ^ y).leading_zeros() as usize / 8;
            return (byte < a.valid.min(b.valid) as usize).then(|| x.cmp(&y));
        }
    }
    (a.complete && b.complete).then_some(Ordering::Equal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::string::new_str;
    use crate::types::tuple::new_tuple;

    fn int(i: i64) -> Value {
        Value::small_int(i)
    }

    /// The prefixes' verdict on every pair agrees with `<` wherever it
    /// is given.
    fn check_agrees(keys: &[Value], truth: impl Fn(Value, Value) -> Ordering) -> usize {
        let schema = Schema::of(keys[0]).expect("schema");
        let prefixes: Vec<Prefix> = keys.iter().map(|&k| schema.prefix(k)).collect();
        let mut decided = 0;
        for (i, &a) in keys.iter().enumerate() {
            for (j, &b) in keys.iter().enumerate() {
                if let Some(o) = order(&prefixes[i], &prefixes[j]) {
                    assert_eq!(o, truth(a, b), "keys {i} and {j}");
                    decided += 1;
                }
            }
        }
        decided
    }

    #[test]
    fn strs_order_by_bytes_and_length() {
        let words = [
            "",
            "a",
            "a\0",
            "a\0\0",
            "ab",
            "abc",
            "b",
            "é",
            "abcdefghijklmnopqrstuvwxyz0123456",
            "abcdefghijklmnopqrstuvwxyz01234567",
            "abcdefghijklmnopqrstuvwxyz0123457",
        ];
        let keys: Vec<Value> = words.iter().map(|w| new_str(w)).collect();
        let decided = check_agrees(&keys, |a, b| {
            crate::types::string::as_str(a)
                .unwrap()
                .cmp(crate::types::string::as_str(b).unwrap())
        });
        // Only the three long strs, which share their first 31 bytes,
        // are left to `<` among themselves (each with itself too).
        assert_eq!(decided, keys.len() * keys.len() - 9);
    }

    #[test]
    fn tuple_keys_with_counts_and_words() {
        let rows = [
            (-3, "the", "an"),
            (-1, "ka", "ro"),
            (-1, "ka", "rom"),
            (-1, "kar", "o"),
            (-1, "ka", "ro"),
            (5, "", ""),
        ];
        let keys: Vec<Value> = rows
            .iter()
            .map(|&(n, a, b)| new_tuple(&[int(n), new_tuple(&[new_str(a), new_str(b)])]))
            .collect();
        let decided = check_agrees(&keys, |a, b| {
            let row = |v: Value| {
                let t = crate::types::tuple::tuple_items(v).unwrap();
                let inner = crate::types::tuple::tuple_items(t[1]).unwrap();
                let s = |w: Value| crate::types::string::as_str(w).unwrap().to_owned();
                (t[0].as_small_int().unwrap(), s(inner[0]), s(inner[1]))
            };
            row(a).cmp(&row(b))
        });
        // Every pair is decided: all the strs fit their fields.
        assert_eq!(decided, keys.len() * keys.len());
    }

    #[test]
    fn components_off_the_schema_leave_ties_undecided() {
        // (1, "x") vs (1, 2.5) would raise TypeError: never decided.
        let keys = [
            new_tuple(&[int(1), new_str("x")]),
            new_tuple(&[int(1), Value::from_f64(2.5)]),
            new_tuple(&[int(0)]),
            new_tuple(&[int(2), Value::TRUE]),
        ];
        let schema = Schema::of(keys[0]).unwrap();
        let p: Vec<Prefix> = keys.iter().map(|&k| schema.prefix(k)).collect();
        assert_eq!(order(&p[0], &p[1]), None);
        // Different lengths stop at the tuple: nothing is known.
        assert_eq!(order(&p[0], &p[2]), None);
        // The first components differ, so the bool is never compared.
        assert_eq!(order(&p[0], &p[3]), Some(Ordering::Less));
    }

    #[test]
    fn floats_and_ints_order_numerically() {
        let fs = [
            -1e300,
            -2.5,
            -0.0,
            0.0,
            1e-300,
            3.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        let keys: Vec<Value> = fs.iter().map(|&f| Value::from_f64(f)).collect();
        check_agrees(&keys, |a, b| {
            a.as_f64()
                .unwrap()
                .partial_cmp(&b.as_f64().unwrap())
                .unwrap()
        });
        let is = [
            crate::value::SMALL_INT_MIN,
            -5,
            -1,
            0,
            1,
            crate::value::SMALL_INT_MAX,
        ];
        let keys: Vec<Value> = is.iter().map(|&i| int(i)).collect();
        let decided = check_agrees(&keys, |a, b| a.as_small_int().cmp(&b.as_small_int()));
        assert_eq!(decided, keys.len() * keys.len());
    }
}
