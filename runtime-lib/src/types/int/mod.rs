//! `int`: small ints unboxed in the `Value` word, larger ones as heap
//! `BigInt`s. Every operation returns the small form whenever the result
//! fits, so the switch is invisible to Python code.
//!
//! This module owns the representation, conversions used across the
//! runtime (`to_i64`, `index_value`, `as_bigint`…), hashing (CPython's,
//! modulo 2^61-1), `str(int)` with 3.11's digit limit, `int()` and the type
//! spec. Arithmetic and comparisons are in `arith`, `int(str, base)` in
//! `parse`.

pub mod arith;
pub mod bytes_conv;
pub mod limbs;
pub mod parse;

use std::any::TypeId;
use std::borrow::Cow;
use std::mem::offset_of;
use std::sync::atomic::{AtomicUsize, Ordering};

use num_bigint::{BigInt, Sign};
use num_traits::{ToPrimitive, Zero};

use crate::args;
use crate::error::{overflow_error, type_error, value_error, PyResult};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, type_of, wrapped_value};
use crate::ops::{BinOp, UnaryOp};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{flags, SlotDefs, TypeObject};
use crate::types::builtin_func::{GetSetDef, MethodDef};
use crate::types::registry::types;
use crate::types::string::{as_str, new_string};
use crate::Value;

/// A heap int (outside the small-int range).
#[repr(C)]
pub struct BigIntObject {
    pub header: Header,
    pub value: BigInt,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for BigIntObject {}

pub const BIGINT_VALUE_OFFSET: usize = offset_of!(BigIntObject, value);

/// An int operand: small or big.
#[derive(Clone, Copy, Debug)]
pub enum Int<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl<'a> Int<'a> {
    /// The value as a `BigInt`, borrowed when it is one already.
    pub fn to_bigint(self) -> Cow<'a, BigInt> {
        match self {
            Int::Small(i) => Cow::Owned(BigInt::from(i)),
            Int::Big(b) => Cow::Borrowed(b),
        }
    }

    pub fn is_zero(self) -> bool {
        match self {
            Int::Small(i) => i == 0,
            Int::Big(b) => b.is_zero(),
        }
    }

    pub fn is_negative(self) -> bool {
        match self {
            Int::Small(i) => i < 0,
            Int::Big(b) => b.sign() == Sign::Minus,
        }
    }
}

/// `v` as an int operand if it is an int (bool, int subclass included).
pub fn int_of(v: Value) -> Option<Int<'static>> {
    if let Some(i) = v.as_small_int() {
        return Some(Int::Small(i));
    }
    if v.is_bool() {
        return Some(Int::Small((v == Value::TRUE) as i64));
    }
    if let Some(b) = downcast::<BigIntObject>(v) {
        return Some(Int::Big(&b.value));
    }
    if type_of(v).has_flag(flags::INT_SUBCLASS) {
        return wrapped_value(v).and_then(int_of);
    }
    None
}

/// True for ints (bool and subclasses included).
pub fn is_int(v: Value) -> bool {
    int_of(v).is_some()
}

pub fn int_from_i64(i: i64) -> Value {
    Value::try_from_i64(i).unwrap_or_else(|| new_big(BigInt::from(i)))
}

pub fn int_from_usize(u: usize) -> Value {
    i64::try_from(u).map_or_else(|_| new_big(BigInt::from(u)), int_from_i64)
}

pub fn int_from_i128(i: i128) -> Value {
    i64::try_from(i).map_or_else(|_| new_big(BigInt::from(i)), int_from_i64)
}

/// An int from a big integer, small when it fits.
pub fn int_from_bigint(b: BigInt) -> Value {
    match b.to_i64().and_then(Value::try_from_i64) {
        Some(v) => v,
        None => new_big(b),
    }
}

fn new_big(b: BigInt) -> Value {
    // The limbs are a Rust allocation the collector does not see.
    crate::gc::note_external((b.bits() / 8) as usize);
    alloc_value(BigIntObject {
        header: Header::new(types().int),
        value: b,
    })
}

/// The value as a `BigInt` (None if not an int).
pub fn as_bigint(v: Value) -> Option<BigInt> {
    int_of(v).map(|i| i.to_bigint().into_owned())
}

/// An int that must fit in an i64 ("Python int too large to convert to C
/// long" otherwise); TypeError if `v` has no `__index__`.
pub fn to_i64(v: Value) -> PyResult<i64> {
    match index_value(v)? {
        Some(i) => Ok(i),
        None => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_of(v).name()
        ))),
    }
}

/// `operator.index(v)` clamped to i64: None when `v` has no `__index__`,
/// OverflowError when it does not fit.
#[inline]
pub fn index_value(v: Value) -> PyResult<Option<i64>> {
    match v.as_small_int() {
        Some(i) => Ok(Some(i)),
        None => index_value_slow(v),
    }
}

/// [`index_value`] of anything but a small int.
fn index_value_slow(v: Value) -> PyResult<Option<i64>> {
    let int = match int_of(v) {
        Some(i) => i,
        None => {
            let Some(f) = type_of(v).slots.index.get() else {
                return Ok(None);
            };
            let r = f(v)?;
            match int_of(r) {
                Some(i) => i,
                None => {
                    return Err(type_error(format!(
                        "__index__ returned non-int (type {})",
                        type_of(r).name()
                    )))
                }
            }
        }
    };
    match int {
        Int::Small(i) => Ok(Some(i)),
        Int::Big(b) => match b.to_i64() {
            Some(i) => Ok(Some(i)),
            None => Err(overflow_error(format!(
                "Python int too large to convert to C {}",
                "ssize_t"
            ))),
        },
    }
}

/// The repeat count of `seq * n`: None if `n` is not an int-like (the
/// caller returns NotImplemented or raises "can't multiply sequence…").
pub fn repeat_count(n: Value) -> PyResult<Option<usize>> {
    if n.is_float() || (!is_int(n) && type_of(n).slots.index.get().is_none()) {
        return Ok(None);
    }
    let i = index_value(n)?.unwrap_or(0);
    Ok(Some(i.max(0) as usize))
}

/// The modulus of CPython's numeric hash, 2^61 - 1.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// CPython's hash of a machine-sized int: the value itself when it is
/// below the modulus (every small int), without the 64-bit division.
#[inline]
pub fn hash_small_int(i: i64) -> i64 {
    if i.unsigned_abs() < HASH_MODULUS {
        if i == -1 {
            -2
        } else {
            i
        }
    } else {
        hash_int(Int::Small(i))
    }
}

/// CPython's hash of an int.
pub fn hash_int(i: Int) -> i64 {
    let (neg, m) = match i {
        Int::Small(i) => (i < 0, i.unsigned_abs() % HASH_MODULUS),
        Int::Big(b) => {
            let m = (b.magnitude() % HASH_MODULUS).to_u64().unwrap_or(0);
            (b.sign() == Sign::Minus, m)
        }
    };
    let h = if neg { -(m as i64) } else { m as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `sys.get_int_max_str_digits()` (0: no limit).
pub static MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(4300);

/// `str(int)` / `repr(int)`, with 3.11's limit on decimal digits.
pub fn int_to_decimal(i: Int) -> PyResult<String> {
    match i {
        Int::Small(i) => Ok(i.to_string()),
        Int::Big(b) => {
            let limit = MAX_STR_DIGITS.load(Ordering::Relaxed);
            // A cheap lower bound first: bits * log10(2) digits.
            let digits_lower = (b.bits() as f64 * std::f64::consts::LOG10_2) as usize;
            if limit > 0 && digits_lower > limit + 1 {
                return Err(digit_limit_error());
            }
            let s = b.to_string();
            let n = s.trim_start_matches('-').len();
            if limit > 0 && n > limit {
                return Err(digit_limit_error());
            }
            Ok(s)
        }
    }
}

fn digit_limit_error() -> crate::error::Raised {
    value_error(format!(
        "Exceeds the limit ({} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit",
        MAX_STR_DIGITS.load(Ordering::Relaxed)
    ))
}

fn this(v: Value) -> PyResult<Int<'static>> {
    int_of(v).ok_or_else(|| crate::error::internal_error("int slot on a non-int"))
}

fn int_repr(v: Value) -> PyResult {
    Ok(new_string(int_to_decimal(this(v)?)?))
}

fn int_hash(v: Value) -> PyResult<i64> {
    Ok(hash_int(this(v)?))
}

fn int_bool(v: Value) -> PyResult<bool> {
    Ok(!this(v)?.is_zero())
}

/// The exact int of an int (subclass instances unwrapped).
pub fn exact_int(v: Value) -> PyResult {
    if v.is_small_int() || downcast::<BigIntObject>(v).is_some() {
        return Ok(v);
    }
    Ok(match this(v)? {
        Int::Small(i) => int_from_i64(i),
        Int::Big(b) => new_big(b.clone()),
    })
}

fn int_float(v: Value) -> PyResult {
    Ok(Value::from_f64(int_to_f64(this(v)?)?))
}

/// The nearest float ("int too large to convert to float" past the range).
pub fn int_to_f64(i: Int) -> PyResult<f64> {
    match i {
        Int::Small(i) => Ok(i as f64),
        Int::Big(b) => match b.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(overflow_error("int too large to convert to float")),
        },
    }
}

/// `int(x=0, base=10)`.
fn int_new(cls: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let [x, base] = args::parse("int", a, k, ["", "base"], 0)?;
    let value = int_construct(x, base)?;
    if std::ptr::eq(cls, types().int) {
        return Ok(value);
    }
    crate::types::instance::new_wrapped_instance(cls, value)
}

fn int_construct(x: Value, base: Value) -> PyResult {
    if x.is_null() {
        if !base.is_null() {
            return Err(type_error("int() missing string argument"));
        }
        return Ok(Value::small_int(0));
    }
    if !base.is_null() {
        let b = to_i64(base)?;
        let Some(text) = as_str(x) else {
            return Err(type_error(
                "int() can't convert non-string with explicit base",
            ));
        };
        return parse::int_from_str(text, b);
    }
    if let Some(text) = as_str(x) {
        return parse::int_from_str(text, 10);
    }
    if is_int(x) {
        return exact_int(x);
    }
    if let Some(f) = x.as_f64() {
        return crate::types::float::float_to_int(f);
    }
    let ty = type_of(x);
    if let Some(slot) = ty.slots.int.get().or(ty.slots.index.get()) {
        let r = slot(x)?;
        if !is_int(r) {
            return Err(type_error(format!(
                "__int__ returned non-int (type {})",
                type_of(r).name()
            )));
        }
        return exact_int(r);
    }
    if let Some(trunc) = crate::ops::attr::lookup_special(x, "__trunc__")? {
        let r = crate::ops::call::call(trunc, &[], None)?;
        return int_construct(r, Value::NULL);
    }
    Err(type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        ty.name()
    )))
}

fn int_real(v: Value) -> PyResult {
    exact_int(v)
}

fn int_zero(_: Value) -> PyResult {
    Ok(Value::small_int(0))
}

fn int_one(_: Value) -> PyResult {
    Ok(Value::small_int(1))
}

fn bit_length(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("int.bit_length", a, k, 0)?;
    Ok(match this(s)? {
        Int::Small(i) => int_from_i64(64 - i.unsigned_abs().leading_zeros() as i64),
        Int::Big(b) => int_from_i64(b.bits() as i64),
    })
}

/// `int.as_integer_ratio()`: `(int(self), 1)`.
fn as_integer_ratio(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("int.as_integer_ratio", a, k, 0)?;
    let numerator = match this(s)? {
        Int::Small(i) => int_from_i64(i),
        Int::Big(b) => int_from_bigint(b.clone()),
    };
    Ok(crate::types::tuple::new_tuple(&[
        numerator,
        int_from_i64(1),
    ]))
}

fn bit_count(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("int.bit_count", a, k, 0)?;
    Ok(match this(s)? {
        Int::Small(i) => int_from_i64(i64::from(i.unsigned_abs().count_ones())),
        Int::Big(b) => int_from_i64(
            b.magnitude()
                .iter_u64_digits()
                .map(|d| i64::from(d.count_ones()))
                .sum(),
        ),
    })
}

fn conjugate(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("int.conjugate", a, k, 0)?;
    exact_int(s)
}

fn trace_int(_: Value, _: &mut dyn FnMut(Value)) {}

pub const INT_BINARY_OPS: &[BinOp] = &[
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::TrueDiv,
    BinOp::FloorDiv,
    BinOp::Mod,
    BinOp::DivMod,
    BinOp::Pow,
    BinOp::LShift,
    BinOp::RShift,
    BinOp::And,
    BinOp::Or,
    BinOp::Xor,
];

pub fn spec() -> TypeSpec {
    TypeSpec {
        flags: flags::BASETYPE | flags::INT_SUBCLASS,
        slots: SlotDefs {
            repr: Some(int_repr),
            hash: Some(int_hash),
            richcompare: Some(arith::int_compare),
            bool: Some(int_bool),
            binary: Some(arith::int_binary),
            pow3: Some(arith::int_pow3),
            unary: Some(arith::int_unary),
            index: Some(exact_int),
            int: Some(exact_int),
            float: Some(int_float),
            new: Some(int_new),
            ..SlotDefs::default()
        },
        binary_ops: INT_BINARY_OPS,
        unary_ops: &UnaryOp::ALL,
        methods: const {
            &[
                MethodDef::new("bit_length", bit_length),
                MethodDef::new("bit_count", bit_count),
                MethodDef::new("as_integer_ratio", as_integer_ratio),
                MethodDef::new("to_bytes", bytes_conv::to_bytes),
                MethodDef::class("from_bytes", bytes_conv::from_bytes),
                MethodDef::new("conjugate", conjugate),
                MethodDef::new("__format__", crate::ops::format::int_format),
            ]
        },
        getsets: const {
            &[
                GetSetDef::readonly("real", int_real),
                GetSetDef::readonly("imag", int_zero),
                GetSetDef::readonly("numerator", int_real),
                GetSetDef::readonly("denominator", int_one),
            ]
        },
        trace: trace_int,
        ..TypeSpec::new("int", TypeId::of::<BigIntObject>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_and_big_switch_invisibly() {
        let big = int_from_bigint(BigInt::from(1i64 << 50));
        assert!(big.is_pointer());
        let small = int_from_bigint(BigInt::from(12345));
        assert_eq!(small.as_small_int(), Some(12345));
        assert!(int_from_i64(i64::MIN).is_pointer());
    }

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(hash_int(Int::Small(-1)), -2);
        assert_eq!(hash_int(Int::Small(5)), 5);
        assert_eq!(hash_int(Int::Big(&(BigInt::from(1) << 61usize))), 1);
        let neg: BigInt = -(BigInt::from(1) << 61usize);
        assert_eq!(hash_int(Int::Big(&neg)), -2);
        assert_eq!(hash_int(Int::Small(HASH_MODULUS as i64)), 0);
        for i in [
            0,
            5,
            -1,
            -2,
            -5,
            HASH_MODULUS as i64,
            -(HASH_MODULUS as i64),
            i64::MIN,
            i64::MAX,
        ] {
            assert_eq!(hash_small_int(i), hash_int(Int::Small(i)), "{i}");
        }
    }

    #[test]
    fn decimal_digit_limit() {
        let big = BigInt::from(10).pow(5000);
        assert!(int_to_decimal(Int::Big(&big)).is_err());
        let msg = crate::exceptions::str_of_current();
        assert_eq!(
            msg,
            "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        );
        let ok = BigInt::from(10).pow(4299);
        assert_eq!(int_to_decimal(Int::Big(&ok)).unwrap().len(), 4300);
    }
}
