//! `float`: IEEE doubles stored unboxed in the `Value` word.
//!
//! This module owns the type spec, `float()`, hashing (CPython's
//! `_Py_HashDouble`, so `hash(2.0) == hash(2)`), float → int conversion
//! and the slots; arithmetic and comparisons are in `arith`, `repr` in
//! `repr`, parsing in `parse`. A user subclass instance of float wraps
//! the float value (see `types::instance`).

pub mod arith;
pub mod parse;
pub mod repr;

use std::any::TypeId;

use num_bigint::BigInt;
use num_traits::FromPrimitive;

use crate::args;
use crate::error::{overflow_error, type_error, value_error, PyResult};
use crate::heap::{Header, HeapObject};
use crate::object::{type_of, wrapped_value};
use crate::ops::{BinOp, UnaryOp};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{flags, SlotDefs, TypeObject};
use crate::types::builtin_func::{GetSetDef, MethodDef};
use crate::types::int::{int_from_bigint, int_from_i64, int_of, int_to_f64, HASH_MODULUS};
use crate::types::registry::types;
use crate::types::string::{as_str, new_string};
use crate::Value;

/// Never instantiated: floats are unboxed. Names the layout of `float`.
#[repr(C)]
pub struct FloatLayout {
    pub header: Header,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for FloatLayout {}

/// `v` as an f64 if it is a float (or a float subclass instance).
pub fn float_of(v: Value) -> Option<f64> {
    if let Some(f) = v.as_f64() {
        return Some(f);
    }
    if v.is_pointer() && type_of(v).is_subtype(types().float) {
        return wrapped_value(v).and_then(Value::as_f64);
    }
    None
}

/// `int(f)`: truncation, with CPython's errors for NaN and infinities.
pub fn float_to_int(f: f64) -> PyResult {
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e15 {
        return Ok(int_from_i64(t as i64));
    }
    Ok(int_from_bigint(BigInt::from_f64(t).unwrap_or_default()))
}

/// `frexp`: `x = m * 2^e` with 0.5 <= |m| < 1.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(54));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// CPython's hash of a float (`_Py_HashDouble`); NaN hashes to 0 here
/// (CPython uses the object's address, which an unboxed NaN lacks).
pub fn hash_float(v: f64) -> i64 {
    const BITS: i32 = 61;
    if !v.is_finite() {
        return if v.is_nan() {
            0
        } else if v > 0.0 {
            314159
        } else {
            -314159
        };
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 {
        e % BITS
    } else {
        BITS - 1 - ((-1 - e) % BITS)
    };
    x = ((x << e) & HASH_MODULUS) | (x >> (BITS - e));
    let h = (x as i64).wrapping_mul(sign);
    if h == -1 {
        -2
    } else {
        h
    }
}

fn this(v: Value) -> PyResult<f64> {
    float_of(v).ok_or_else(|| crate::error::internal_error("float slot on a non-float"))
}

fn float_repr_slot(v: Value) -> PyResult {
    Ok(new_string(repr::float_repr(this(v)?)))
}

fn float_hash(v: Value) -> PyResult<i64> {
    Ok(hash_float(this(v)?))
}

fn float_bool(v: Value) -> PyResult<bool> {
    Ok(this(v)? != 0.0)
}

fn float_int(v: Value) -> PyResult {
    float_to_int(this(v)?)
}

fn float_float(v: Value) -> PyResult {
    Ok(Value::from_f64(this(v)?))
}

/// `float(x=0.0)`.
fn float_new(cls: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::between("float", a, k, 0)?;
    let value = if x.is_null() {
        Value::from_f64(0.0)
    } else {
        to_float(x)?
    };
    if std::ptr::eq(cls, types().float) {
        return Ok(value);
    }
    crate::types::instance::new_wrapped_instance(cls, value)
}

/// A NaN with an identity of its own. CPython makes a new float object for
/// every `float('nan')`, and identity shortcuts (`is`, list `==`, `in`) tell
/// two of them apart (`[float('nan')] == [float('nan')]` is False, while
/// `[x] == [x]` is True). krait's floats are unboxed words, and a NaN keeps
/// its payload (see `value.rs`), so each such NaN gets a distinct payload.
fn distinct_nan() -> Value {
    const QUIET_NAN: u64 = 0x7FF8_0000_0000_0000;
    const PAYLOAD: u64 = 0x0007_FFFF_FFFF_FFFF;
    thread_local! {
        static NEXT: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
    }
    let n = NEXT.with(|next| {
        let n = next.get();
        next.set(n % PAYLOAD + 1);
        n
    });
    Value::from_f64(f64::from_bits(QUIET_NAN | n))
}

/// `float(x)` for one argument.
pub fn to_float(x: Value) -> PyResult {
    if let Some(f) = float_of(x) {
        return Ok(Value::from_f64(f));
    }
    if let Some(i) = int_of(x) {
        return Ok(Value::from_f64(int_to_f64(i)?));
    }
    if let Some(text) = as_str(x) {
        let f = parse::float_from_str(text)?;
        return Ok(if f.is_nan() {
            distinct_nan()
        } else {
            Value::from_f64(f)
        });
    }
    let ty = type_of(x);
    if let Some(f) = ty.slots.float.get() {
        let r = f(x)?;
        return match float_of(r) {
            Some(v) => Ok(Value::from_f64(v)),
            None => Err(type_error(format!(
                "{}.__float__ returned non-float (type {})",
                ty.name(),
                type_of(r).name()
            ))),
        };
    }
    if let Some(f) = ty.slots.index.get() {
        let r = f(x)?;
        if let Some(i) = int_of(r) {
            return Ok(Value::from_f64(int_to_f64(i)?));
        }
    }
    Err(type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        ty.name()
    )))
}

fn is_integer(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("float.is_integer", a, k, 0)?;
    let f = this(s)?;
    Ok(Value::from_bool(f.is_finite() && f.fract() == 0.0))
}

/// `float.as_integer_ratio()`: the exact fraction, in lowest terms with a
/// positive denominator (a power of two).
fn as_integer_ratio(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("float.as_integer_ratio", a, k, 0)?;
    let f = this(s)?;
    if f.is_infinite() {
        return Err(overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    let (numerator, denominator) = exact_ratio(f);
    Ok(crate::types::tuple::new_tuple(&[
        int_from_bigint(numerator),
        int_from_bigint(denominator),
    ]))
}

/// `f == numerator / denominator` exactly, in lowest terms (`f` finite).
fn exact_ratio(f: f64) -> (BigInt, BigInt) {
    if f == 0.0 {
        return (BigInt::from(0), BigInt::from(1));
    }
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7FF) as i64;
    let fraction = bits & ((1 << 52) - 1);
    // value = mantissa * 2^exponent, with an integer mantissa.
    let (mut mantissa, mut exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    let zeros = mantissa.trailing_zeros() as i64;
    mantissa >>= zeros;
    exponent += zeros;
    let mut numerator = BigInt::from(mantissa);
    if f < 0.0 {
        numerator = -numerator;
    }
    if exponent >= 0 {
        (numerator << exponent as usize, BigInt::from(1))
    } else {
        (numerator, BigInt::from(1) << (-exponent) as usize)
    }
}

/// `float.hex()`: `[-]0x1.hhhhhhhhhhhhhp±e` (or `0x0.…p-1022` for
/// subnormals), `inf`, `-inf`, `nan`.
fn hex(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("float.hex", a, k, 0)?;
    Ok(new_string(float_hex(this(s)?)))
}

fn float_hex(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_owned();
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f.is_infinite() {
        return format!("{sign}inf");
    }
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7FF) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (lead, exponent) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    format!("{sign}0x{lead}.{fraction:013x}p{exponent:+}")
}

fn conjugate(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("float.conjugate", a, k, 0)?;
    float_float(s)
}

fn real(v: Value) -> PyResult {
    float_float(v)
}

fn imag(_: Value) -> PyResult {
    Ok(Value::from_f64(0.0))
}

/// The operators float and complex define (complex raises TypeError for
/// the flooring ones, as CPython's complex does).
pub const INEXACT_BINARY_OPS: &[BinOp] = &[
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::TrueDiv,
    BinOp::FloorDiv,
    BinOp::Mod,
    BinOp::DivMod,
    BinOp::Pow,
];

/// The unary operators float and complex define.
pub const INEXACT_UNARY_OPS: &[UnaryOp] = &[UnaryOp::Neg, UnaryOp::Pos, UnaryOp::Abs];

pub fn spec() -> TypeSpec {
    TypeSpec {
        flags: flags::BASETYPE,
        slots: SlotDefs {
            repr: Some(float_repr_slot),
            hash: Some(float_hash),
            richcompare: Some(arith::float_compare),
            bool: Some(float_bool),
            binary: Some(arith::float_binary),
            pow3: Some(arith::float_pow3),
            unary: Some(arith::float_unary),
            int: Some(float_int),
            float: Some(float_float),
            new: Some(float_new),
            ..SlotDefs::default()
        },
        binary_ops: INEXACT_BINARY_OPS,
        unary_ops: INEXACT_UNARY_OPS,
        methods: const {
            &[
                MethodDef::new("is_integer", is_integer),
                MethodDef::new("conjugate", conjugate),
                MethodDef::new("as_integer_ratio", as_integer_ratio),
                MethodDef::new("hex", hex),
                MethodDef::class("fromhex", parse::fromhex),
                MethodDef::new("__format__", crate::ops::format::float_format),
            ]
        },
        getsets: const {
            &[
                GetSetDef::readonly("real", real),
                GetSetDef::readonly("imag", imag),
            ]
        },
        ..TypeSpec::new("float", TypeId::of::<FloatLayout>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_matches_cpython() {
        assert_eq!(float_hex(0.5), "0x1.0000000000000p-1");
        assert_eq!(float_hex(-3.75), "-0x1.e000000000000p+1");
        assert_eq!(float_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_hex(0.1), "0x1.999999999999ap-4");
        assert_eq!(float_hex(f64::NEG_INFINITY), "-inf");
    }

    #[test]
    fn exact_ratios_match_cpython() {
        let ratio = |f: f64| {
            let (n, d) = exact_ratio(f);
            (n.to_string(), d.to_string())
        };
        assert_eq!(ratio(0.75), ("3".into(), "4".into()));
        assert_eq!(ratio(-2.5), ("-5".into(), "2".into()));
        assert_eq!(
            ratio(0.1),
            ("3602879701896397".into(), "36028797018963968".into())
        );
        assert_eq!(ratio(1e300).1, "1");
        assert_eq!(
            ratio(5e-324),
            ("1".into(), (BigInt::from(1) << 1074usize).to_string())
        );
        assert_eq!(ratio(0.0), ("0".into(), "1".into()));
    }

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(hash_float(0.5), 1152921504606846976);
        assert_eq!(hash_float(1e100), 1822893315824342674);
        assert_eq!(hash_float(2.0), 2);
        assert_eq!(hash_float(-1.0), -2);
        assert_eq!(hash_float(f64::INFINITY), 314159);
        assert_eq!(hash_float(-2.5), -1152921504606846978);
        assert_eq!(hash_float(5e-324), 16777216);
    }

    #[test]
    fn conversions_to_int() {
        assert_eq!(float_to_int(-2.7).unwrap().as_small_int(), Some(-2));
        assert!(float_to_int(f64::NAN).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "cannot convert float NaN to integer"
        );
        assert!(float_to_int(f64::INFINITY).is_err());
        crate::error::clear_exception();
        let big = float_to_int(1e20).unwrap();
        assert_eq!(
            crate::types::int::as_bigint(big).unwrap(),
            BigInt::from(100000000000000000000u128)
        );
    }
}
