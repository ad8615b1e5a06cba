//! `complex`: a pair of doubles on the heap, with CPython's arithmetic
//! (its division and integer-power algorithms, so results round the same
//! way), repr, hash (`hash(1+0j) == hash(1)`), `complex()` from numbers
//! and strings, and mixing with int and float operands. Ordering
//! comparisons, `//` and `%` raise TypeError as in CPython. Subclassing
//! `complex` is not supported yet.

use std::any::TypeId;

use crate::args;
use crate::error::{overflow_error, type_error, value_error, zero_division, PyResult};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, type_of};
use crate::ops::{BinOp, CompareOp, UnaryOp};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{SlotDefs, TypeObject};
use crate::types::builtin_func::{GetSetDef, MethodDef};
use crate::types::float::float_of;
use crate::types::float::repr::complex_repr;
use crate::types::int::{int_of, int_to_f64};
use crate::types::registry::types;
use crate::types::string::{as_str, new_string};
use crate::Value;

#[repr(C)]
pub struct ComplexObject {
    pub header: Header,
    pub re: f64,
    pub im: f64,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for ComplexObject {}

/// A new complex number.
pub fn new_complex(re: f64, im: f64) -> Value {
    alloc_value(ComplexObject {
        header: Header::new(types().complex),
        re,
        im,
    })
}

/// `v` as (real, imag) if it is a complex.
pub fn complex_of(v: Value) -> Option<(f64, f64)> {
    downcast::<ComplexObject>(v).map(|c| (c.re, c.im))
}

/// A complex operand: a complex, float or int (OverflowError if huge).
fn operand(v: Value) -> PyResult<Option<(f64, f64)>> {
    if let Some(c) = complex_of(v) {
        return Ok(Some(c));
    }
    if let Some(f) = float_of(v) {
        return Ok(Some((f, 0.0)));
    }
    match int_of(v) {
        Some(i) => Ok(Some((int_to_f64(i)?, 0.0))),
        None => Ok(None),
    }
}

fn this(v: Value) -> PyResult<(f64, f64)> {
    complex_of(v).ok_or_else(|| type_error("descriptor requires a 'complex' object"))
}

/// Why a complex power has no value (Python raises).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PowError {
    /// `0.0 to a negative or complex power` (ZeroDivisionError).
    ZeroToNegative,
    /// A finite base and exponent with an infinite result (OverflowError).
    Overflow,
}

/// CPython's `_Py_c_quot`: Smith's algorithm; None on division by zero.
pub fn quotient(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let (ar, ai) = a;
    let (br, bi) = b;
    let abs_br = br.abs();
    let abs_bi = bi.abs();
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = bi / br;
        let denom = br + bi * ratio;
        Some(((ar + ai * ratio) / denom, (ai - ar * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        Some(((ar * ratio + ai) / denom, (ai * ratio - ar) / denom))
    } else {
        // NaNs.
        Some((f64::NAN, f64::NAN))
    }
}

/// CPython's `_Py_c_prod`.
pub fn product(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a ** b` as CPython's `complex_pow` computes it: repeated squaring
/// (`c_powi`) for integral exponents up to 100 in size, the polar form
/// (`_Py_c_pow`) otherwise.
pub fn power(a: (f64, f64), b: (f64, f64)) -> Result<(f64, f64), PowError> {
    let r = if b.1 == 0.0 && b.0 == b.0.trunc() && b.0.abs() <= 100.0 {
        power_int(a, b.0 as i64)?
    } else {
        power_polar(a, b)?
    };
    let finite = |c: (f64, f64)| c.0.is_finite() && c.1.is_finite();
    if !finite(r) && finite(a) && finite(b) {
        return Err(PowError::Overflow);
    }
    Ok(r)
}

fn power_polar(a: (f64, f64), b: (f64, f64)) -> Result<(f64, f64), PowError> {
    if b == (0.0, 0.0) {
        return Ok((1.0, 0.0));
    }
    if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(PowError::ZeroToNegative);
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

fn power_int(x: (f64, f64), n: i64) -> Result<(f64, f64), PowError> {
    let powu = |n: u64| {
        let mut r = (1.0, 0.0);
        let mut p = x;
        let mut mask = 1u64;
        while mask > 0 && n >= mask {
            if n & mask != 0 {
                r = product(r, p);
            }
            mask <<= 1;
            p = product(p, p);
        }
        r
    };
    if n > 0 {
        return Ok(powu(n as u64));
    }
    quotient((1.0, 0.0), powu(n.unsigned_abs())).ok_or(PowError::ZeroToNegative)
}

fn pow_values(a: (f64, f64), b: (f64, f64)) -> PyResult {
    match power(a, b) {
        Ok(r) => Ok(new_complex(r.0, r.1)),
        Err(PowError::ZeroToNegative) => Err(zero_division("0.0 to a negative or complex power")),
        Err(PowError::Overflow) => Err(overflow_error("complex exponentiation")),
    }
}

/// The `binary` slot (either operand is the complex).
pub fn complex_binary(op: BinOp, a: Value, b: Value) -> PyResult {
    let (Some(x), Some(y)) = (operand(a)?, operand(b)?) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let (re, im) = match op {
        BinOp::Add => (x.0 + y.0, x.1 + y.1),
        BinOp::Sub => (x.0 - y.0, x.1 - y.1),
        BinOp::Mul => product(x, y),
        BinOp::TrueDiv => {
            quotient(x, y).ok_or_else(|| zero_division("complex division by zero"))?
        }
        BinOp::Pow => return pow_values(x, y),
        BinOp::FloorDiv | BinOp::Mod | BinOp::DivMod => {
            let name = match op {
                BinOp::FloorDiv => "//",
                BinOp::Mod => "%",
                _ => "divmod()",
            };
            return Err(type_error(format!(
                "unsupported operand type(s) for {name}: '{}' and '{}'",
                type_of(a).name(),
                type_of(b).name()
            )));
        }
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    Ok(new_complex(re, im))
}

fn complex_pow3(a: Value, b: Value, m: Value) -> PyResult {
    if !m.is_none() {
        return Err(value_error("complex modulo"));
    }
    complex_binary(BinOp::Pow, a, b)
}

fn complex_unary(op: UnaryOp, v: Value) -> PyResult {
    let (re, im) = this(v)?;
    Ok(match op {
        UnaryOp::Neg => new_complex(-re, -im),
        UnaryOp::Pos => new_complex(re, im),
        UnaryOp::Abs => {
            let r = re.hypot(im);
            if r.is_infinite() && re.is_finite() && im.is_finite() {
                return Err(overflow_error("absolute value too large"));
            }
            Value::from_f64(r)
        }
        UnaryOp::Invert => Value::NOT_IMPLEMENTED,
    })
}

fn complex_compare(a: Value, b: Value, op: CompareOp) -> PyResult {
    let Some(x) = complex_of(a) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let equal = if let Some(y) = complex_of(b) {
        x == y
    } else if let Some(f) = float_of(b) {
        x.1 == 0.0 && x.0 == f
    } else if int_of(b).is_some() {
        // Exact: compare through float == int, which is exact.
        x.1 == 0.0
            && crate::ops::compare::rich_compare_bool(Value::from_f64(x.0), b, CompareOp::Eq)?
    } else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(Value::from_bool(equal == (op == CompareOp::Eq)))
}

fn complex_hash(v: Value) -> PyResult<i64> {
    let (re, im) = this(v)?;
    let hr = crate::types::float::hash_float(re) as u64;
    let hi = crate::types::float::hash_float(im) as u64;
    // CPython: real + 1000003 * imag, in unsigned arithmetic.
    let h = hr.wrapping_add(1_000_003u64.wrapping_mul(hi)) as i64;
    Ok(if h == -1 { -2 } else { h })
}

fn complex_bool(v: Value) -> PyResult<bool> {
    let (re, im) = this(v)?;
    Ok(re != 0.0 || im != 0.0)
}

fn complex_repr_slot(v: Value) -> PyResult {
    let (re, im) = this(v)?;
    Ok(new_string(complex_repr(re, im)))
}

/// `complex(real=0, imag=0)` or `complex(string)`.
fn complex_new(_cls: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let [real, imag] = args::parse("complex", a, k, ["real", "imag"], 0)?;
    if real.is_null() && imag.is_null() {
        return Ok(new_complex(0.0, 0.0));
    }
    if let Some(s) = as_str(real) {
        if !imag.is_null() {
            return Err(type_error(
                "complex() can't take second arg if first is a string",
            ));
        }
        let (re, im) =
            parse_complex(s).ok_or_else(|| value_error("complex() arg is a malformed string"))?;
        return Ok(new_complex(re, im));
    }
    if as_str(imag).is_some() {
        return Err(type_error("complex() second arg can't be a string"));
    }
    let part = |v: Value, what: &str| -> PyResult<(f64, f64)> {
        if v.is_null() {
            return Ok((0.0, 0.0));
        }
        if let Some(c) = complex_of(v) {
            return Ok(c);
        }
        if let Some(f) = float_of(v) {
            return Ok((f, 0.0));
        }
        if let Some(i) = int_of(v) {
            return Ok((int_to_f64(i)?, 0.0));
        }
        if let Some(m) = crate::ops::attr::lookup_special(v, "__complex__")? {
            if let Some(c) = complex_of(crate::ops::call::call(m, &[], None)?) {
                return Ok(c);
            }
        }
        if let Some(m) = crate::ops::attr::lookup_special(v, "__float__")? {
            if let Some(f) = float_of(crate::ops::call::call(m, &[], None)?) {
                return Ok((f, 0.0));
            }
        }
        Err(type_error(format!(
            "complex() {what} must be a string or a number, not '{}'",
            type_of(v).name()
        )))
    };
    let r = part(real, "first argument")?;
    let i = part(imag, "second argument")?;
    // (a+bj) + (c+dj)*1j
    Ok(new_complex(r.0 - i.1, r.1 + i.0))
}

/// Parses `complex()`'s string forms: `1`, `2j`, `1+2j`, `(1-2.5e3j)`,
/// `-j`, `inf+nanj`, with surrounding whitespace and parentheses.
fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let mut t = s.trim();
    if let Some(inner) = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        t = inner.trim();
    }
    if t.is_empty() || t.contains(char::is_whitespace) {
        return None;
    }
    let number = |x: &str| -> Option<f64> {
        if x.is_empty() || x.starts_with('_') || x.ends_with('_') || x.contains("__") {
            return None;
        }
        crate::types::float::parse::parse_float_text(x)
    };
    let Some(body) = t.strip_suffix(['j', 'J']) else {
        return Some((number(t)?, 0.0));
    };
    // Split at the sign that starts the imaginary part (not an exponent's).
    let bytes = body.as_bytes();
    let split = (1..bytes.len())
        .rev()
        .find(|&i| matches!(bytes[i], b'+' | b'-') && !matches!(bytes[i - 1], b'e' | b'E'));
    let imag_of = |x: &str| -> Option<f64> {
        match x {
            "" | "+" => Some(1.0),
            "-" => Some(-1.0),
            _ => number(x),
        }
    };
    match split {
        Some(i) => Some((number(&body[..i])?, imag_of(&body[i..])?)),
        None => Some((0.0, imag_of(body)?)),
    }
}

fn conjugate(a: &[Value], k: Option<Value>) -> PyResult {
    let (c, []) = args::method::<0>("complex.conjugate", a, k, 0)?;
    let (re, im) = this(c)?;
    Ok(new_complex(re, -im))
}

fn dunder_complex(a: &[Value], k: Option<Value>) -> PyResult {
    let (c, []) = args::method::<0>("complex.__complex__", a, k, 0)?;
    let (re, im) = this(c)?;
    Ok(new_complex(re, im))
}

fn real(v: Value) -> PyResult {
    Ok(Value::from_f64(this(v)?.0))
}

fn imag(v: Value) -> PyResult {
    Ok(Value::from_f64(this(v)?.1))
}

pub fn spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            repr: Some(complex_repr_slot),
            hash: Some(complex_hash),
            richcompare: Some(complex_compare),
            bool: Some(complex_bool),
            binary: Some(complex_binary),
            pow3: Some(complex_pow3),
            unary: Some(complex_unary),
            new: Some(complex_new),
            ..SlotDefs::default()
        },
        binary_ops: crate::types::float::INEXACT_BINARY_OPS,
        unary_ops: crate::types::float::INEXACT_UNARY_OPS,
        methods: const {
            &[
                MethodDef::new("conjugate", conjugate),
                MethodDef::new("__complex__", dunder_complex),
            ]
        },
        getsets: const {
            &[
                GetSetDef::readonly("real", real),
                GetSetDef::readonly("imag", imag),
            ]
        },
        ..TypeSpec::new("complex", TypeId::of::<ComplexObject>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_parse_as_cpython() {
        assert_eq!(parse_complex("1+2j"), Some((1.0, 2.0)));
        assert_eq!(parse_complex(" (1.5e3-2J) "), Some((1500.0, -2.0)));
        assert_eq!(parse_complex("-j"), Some((0.0, -1.0)));
        assert_eq!(parse_complex("3"), Some((3.0, 0.0)));
        assert_eq!(parse_complex("1e-3j"), Some((0.0, 0.001)));
        assert_eq!(parse_complex("1 + 2j"), None);
        assert_eq!(parse_complex("j1"), None);
    }

    #[test]
    fn integer_powers_multiply() {
        assert_eq!(power((0.0, 1.0), (2.0, 0.0)), Ok((-1.0, 0.0)));
        assert_eq!(power((2.0, 0.0), (-1.0, 0.0)), Ok((0.5, 0.0)));
        assert_eq!(
            power((0.0, 0.0), (-1.0, 0.0)),
            Err(PowError::ZeroToNegative)
        );
        assert_eq!(power((10.0, 0.0), (400.5, 0.0)), Err(PowError::Overflow));
    }
}
