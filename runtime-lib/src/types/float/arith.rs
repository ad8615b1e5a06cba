//! float arithmetic and comparisons, CPython's algorithms: `//` and `%`
//! take the divisor's sign (`float_divmod`), `**` with its special cases,
//! comparisons against ints that are exact (no rounding of the int).

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_traits::FromPrimitive;

use crate::error::{overflow_error, zero_division, PyResult};
use crate::ops::{BinOp, CompareOp, UnaryOp};
use crate::types::float::float_of;
use crate::types::int::{int_of, int_to_f64, Int};
use crate::types::tuple::new_tuple;
use crate::Value;

/// A float operand: a float, or an int converted (OverflowError if huge).
fn operand(v: Value) -> PyResult<Option<f64>> {
    if let Some(f) = float_of(v) {
        return Ok(Some(f));
    }
    match int_of(v) {
        Some(i) => int_to_f64(i).map(Some),
        None => Ok(None),
    }
}

/// The `binary` slot of float (float or int operands).
pub fn float_binary(op: BinOp, a: Value, b: Value) -> PyResult {
    let (Some(x), Some(y)) = (operand(a)?, operand(b)?) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(match op {
        BinOp::Add => Value::from_f64(x + y),
        BinOp::Sub => Value::from_f64(x - y),
        BinOp::Mul => Value::from_f64(x * y),
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(zero_division("float division by zero"));
            }
            Value::from_f64(x / y)
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(zero_division("float floor division by zero"));
            }
            Value::from_f64(divmod(x, y).0)
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(zero_division("float modulo"));
            }
            Value::from_f64(float_mod(x, y))
        }
        BinOp::DivMod => {
            if y == 0.0 {
                return Err(zero_division("float divmod()"));
            }
            let (q, r) = divmod(x, y);
            new_tuple(&[Value::from_f64(q), Value::from_f64(r)])
        }
        BinOp::Pow => return float_pow(x, y),
        _ => Value::NOT_IMPLEMENTED,
    })
}

/// CPython's `float_rem`.
pub fn float_mod(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        0.0f64.copysign(y)
    }
}

/// CPython's `float_divmod` (y != 0).
pub fn divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

fn is_odd_integer(x: f64) -> bool {
    (x % 2.0).abs() == 1.0
}

/// `x ** y` for floats, CPython's `float_pow`.
pub fn float_pow(x: f64, y: f64) -> PyResult {
    let f = |v: f64| Ok(Value::from_f64(v));
    if y == 0.0 {
        return f(1.0);
    }
    if x.is_nan() {
        return f(x);
    }
    if y.is_nan() {
        return f(if x == 1.0 { 1.0 } else { y });
    }
    if y.is_infinite() {
        let ax = x.abs();
        return f(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return f(if y > 0.0 {
            if odd {
                x
            } else {
                x.abs()
            }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        });
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(zero_division("0.0 cannot be raised to a negative power"));
        }
        return f(if is_odd_integer(y) { x } else { 0.0 });
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != y.floor() {
            // A negative base to a fractional power: a complex result.
            return crate::types::complex::complex_binary(
                BinOp::Pow,
                crate::types::complex::new_complex(x, 0.0),
                Value::from_f64(y),
            );
        }
        base = -x;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return f(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return Err(overflow_error("(34, 'Numerical result out of range')"));
    }
    f(if negate { -r } else { r })
}

/// The `pow3` slot of float: always a TypeError.
pub fn float_pow3(a: Value, b: Value, _m: Value) -> PyResult {
    if operand(a)?.is_none() || operand(b)?.is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    Err(crate::error::type_error(
        "pow() 3rd argument not allowed unless all arguments are integers",
    ))
}

/// The `unary` slot of float.
pub fn float_unary(op: UnaryOp, v: Value) -> PyResult {
    let Some(x) = float_of(v) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(match op {
        UnaryOp::Neg => Value::from_f64(-x),
        UnaryOp::Pos => Value::from_f64(x),
        UnaryOp::Abs => Value::from_f64(x.abs()),
        UnaryOp::Invert => Value::NOT_IMPLEMENTED,
    })
}

/// Exact comparison of a float with an int (None when `f` is NaN).
pub fn compare_float_int(f: f64, i: Int) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    if let Int::Small(s) = i {
        if s.unsigned_abs() <= 1 << 53 {
            return f.partial_cmp(&(s as f64));
        }
    }
    let floor = f.floor();
    let fb = BigInt::from_f64(floor)?;
    let ib = i.to_bigint();
    match fb.cmp(&ib) {
        Ordering::Equal if f > floor => Some(Ordering::Greater),
        o => Some(o),
    }
}

/// The `richcompare` slot of float.
pub fn float_compare(a: Value, b: Value, op: CompareOp) -> PyResult {
    let Some(x) = float_of(a) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let ord = if let Some(y) = float_of(b) {
        x.partial_cmp(&y)
    } else if let Some(i) = int_of(b) {
        compare_float_int(x, i)
    } else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(Value::from_bool(match ord {
        Some(o) => op.holds(o),
        None => op == CompareOp::Ne,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fl(v: PyResult) -> f64 {
        v.unwrap().as_f64().unwrap()
    }

    #[test]
    fn floor_division_and_modulo_like_cpython() {
        let (a, b) = (Value::from_f64(7.5), Value::from_f64(-2.0));
        assert_eq!(fl(float_binary(BinOp::Mod, a, b)), -0.5);
        assert_eq!(fl(float_binary(BinOp::FloorDiv, a, b)), -4.0);
        assert_eq!(divmod(-7.5, 2.0), (-4.0, 0.5));
        assert_eq!(float_mod(-0.0, 1.0).to_bits(), 0.0f64.to_bits());
        assert_eq!(float_mod(1.0, -1.0).to_bits(), (-0.0f64).to_bits());
        assert_eq!(divmod(1.0, 0.1), (9.0, 0.09999999999999995));
        assert!(float_binary(BinOp::Mod, a, Value::from_f64(0.0)).is_err());
        assert_eq!(crate::exceptions::str_of_current(), "float modulo");
    }

    #[test]
    fn powers_like_cpython() {
        assert_eq!(fl(float_pow(2.0, -2.0)), 0.25);
        assert_eq!(fl(float_pow(-2.0, 3.0)), -8.0);
        assert_eq!(fl(float_pow(0.0, 0.0)), 1.0);
        assert_eq!(fl(float_pow(-1.0, f64::INFINITY)), 1.0);
        assert!(float_pow(0.0, -1.0).is_err());
        assert!(float_pow(10.0, 400.0).is_err());
        crate::error::clear_exception();
    }

    #[test]
    fn exact_int_comparisons() {
        let big = BigInt::from(1u64 << 53) + 1;
        // 2**53 + 1 > float(2**53 + 1) == 2**53.
        assert_eq!(
            compare_float_int(9007199254740992.0, Int::Big(&big)),
            Some(Ordering::Less)
        );
        assert_eq!(
            compare_float_int(1.5, Int::Small(1)),
            Some(Ordering::Greater)
        );
        assert_eq!(
            compare_float_int(-1.5, Int::Small(-1)),
            Some(Ordering::Less)
        );
        assert_eq!(compare_float_int(f64::NAN, Int::Small(1)), None);
        let r = float_compare(
            Value::from_f64(f64::NAN),
            Value::from_f64(f64::NAN),
            CompareOp::Ne,
        );
        assert_eq!(r.unwrap(), Value::TRUE);
    }
}
