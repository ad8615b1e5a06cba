//! int arithmetic, bitwise operators, powers and comparisons.
//!
//! Small operands take i64/i128 fast paths; anything else goes through
//! `BigInt`. Division and modulo floor (Python's signs); `/` is correctly
//! rounded even for big operands (CPython's `long_true_divide`); a negative
//! exponent gives a float; `pow(a, -1, m)` is a modular inverse.

use std::cmp::Ordering;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::error::{overflow_error, type_error, value_error, zero_division, PyResult};
use crate::ops::{BinOp, CompareOp, UnaryOp};
use crate::types::int::limbs;
use crate::types::int::{int_from_bigint, int_from_i128, int_from_i64, int_of, int_to_f64, Int};
use crate::types::tuple::new_tuple;
use crate::Value;

/// The `binary` slot of int: both operands must be ints.
pub fn int_binary(op: BinOp, a: Value, b: Value) -> PyResult {
    let (Some(x), Some(y)) = (int_of(a), int_of(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    match (x, y) {
        (Int::Small(x), Int::Small(y)) => small_binary(op, x, y),
        _ => match wide_binary(op, x, y) {
            Some(r) => Ok(r),
            None => big_binary(op, &x.to_bigint(), &y.to_bigint()),
        },
    }
}

/// `x <op> y` in i128 when both operands fit an i64 (heap ints just past
/// the small range, as an LCG's products are) and `op` cannot leave
/// i128: no `BigInt` arithmetic or temporaries. None otherwise.
fn wide_binary(op: BinOp, x: Int, y: Int) -> Option<Value> {
    let wide = |i: Int| match i {
        Int::Small(v) => Some(v as i128),
        Int::Big(b) => b.to_i64().map(i128::from),
    };
    let (a, b) = (wide(x)?, wide(y)?);
    Some(int_from_i128(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::And => a & b,
        BinOp::Or => a | b,
        BinOp::Xor => a ^ b,
        BinOp::FloorDiv if b != 0 => a.div_euclid(b) - i128::from(b < 0 && a.rem_euclid(b) != 0),
        BinOp::Mod if b != 0 => {
            let r = a.rem_euclid(b);
            if b < 0 && r != 0 {
                r + b
            } else {
                r
            }
        }
        _ => return None,
    }))
}

fn floor_divmod(x: i64, y: i64) -> (i64, i64) {
    let (q, r) = (x / y, x % y);
    if r != 0 && ((r < 0) != (y < 0)) {
        (q - 1, r + y)
    } else {
        (q, r)
    }
}

fn small_binary(op: BinOp, x: i64, y: i64) -> PyResult {
    // Both operands are 48-bit: sums and differences fit an i64.
    Ok(match op {
        BinOp::Add => int_from_i64(x + y),
        BinOp::Sub => int_from_i64(x - y),
        BinOp::Mul => int_from_i128(x as i128 * y as i128),
        BinOp::FloorDiv | BinOp::Mod | BinOp::DivMod => {
            if y == 0 {
                return Err(zero_division(if op == BinOp::Mod {
                    "integer modulo by zero"
                } else {
                    "integer division or modulo by zero"
                }));
            }
            let (q, r) = floor_divmod(x, y);
            match op {
                BinOp::FloorDiv => int_from_i64(q),
                BinOp::Mod => int_from_i64(r),
                _ => new_tuple(&[int_from_i64(q), int_from_i64(r)]),
            }
        }
        BinOp::TrueDiv => {
            if y == 0 {
                return Err(zero_division("division by zero"));
            }
            // |x|, |y| < 2^53: both convert exactly, so one rounding.
            Value::from_f64(x as f64 / y as f64)
        }
        BinOp::Pow => return int_pow(Int::Small(x), Int::Small(y)),
        BinOp::LShift => {
            if y < 0 {
                return Err(value_error("negative shift count"));
            }
            if y < 64 {
                if let Some(r) = (x as i128)
                    .checked_shl(y as u32)
                    .filter(|r| (r >> y) == x as i128)
                {
                    return Ok(int_from_i128(r));
                }
            }
            return big_binary(op, &BigInt::from(x), &BigInt::from(y));
        }
        BinOp::RShift => {
            if y < 0 {
                return Err(value_error("negative shift count"));
            }
            int_from_i64(x >> y.min(63))
        }
        BinOp::And => int_from_i64(x & y),
        BinOp::Or => int_from_i64(x | y),
        BinOp::Xor => int_from_i64(x ^ y),
        BinOp::MatMul => Value::NOT_IMPLEMENTED,
    })
}

fn big_binary(op: BinOp, x: &BigInt, y: &BigInt) -> PyResult {
    Ok(match op {
        BinOp::Add => int_from_bigint(x + y),
        BinOp::Sub => int_from_bigint(x - y),
        BinOp::Mul => int_from_bigint(x * y),
        BinOp::FloorDiv | BinOp::Mod | BinOp::DivMod => {
            if y.is_zero() {
                return Err(zero_division(if op == BinOp::Mod {
                    "integer modulo by zero"
                } else {
                    "integer division or modulo by zero"
                }));
            }
            if limbs::prefers_schoolbook(x.magnitude(), y.magnitude()) {
                return short_divmod(op, x, y);
            }
            let (q, r) = x.div_mod_floor(y);
            match op {
                BinOp::FloorDiv => int_from_bigint(q),
                BinOp::Mod => int_from_bigint(r),
                _ => new_tuple(&[int_from_bigint(q), int_from_bigint(r)]),
            }
        }
        BinOp::TrueDiv => Value::from_f64(true_divide(x, y)?),
        BinOp::Pow => return int_pow(Int::Big(x), Int::Big(y)),
        BinOp::LShift | BinOp::RShift => {
            if y.is_negative() {
                return Err(value_error("negative shift count"));
            }
            let Some(n) = y.to_usize() else {
                if op == BinOp::RShift {
                    return Ok(int_from_i64(if x.is_negative() { -1 } else { 0 }));
                }
                if x.is_zero() {
                    return Ok(Value::small_int(0));
                }
                return Err(overflow_error("too many digits in integer"));
            };
            if op == BinOp::LShift {
                int_from_bigint(x << n)
            } else {
                // Arithmetic shift: floor division by 2^n.
                int_from_bigint(x.div_floor(&(BigInt::one() << n)))
            }
        }
        BinOp::And => int_from_bigint(x & y),
        BinOp::Or => int_from_bigint(x | y),
        BinOp::Xor => int_from_bigint(x ^ y),
        BinOp::MatMul => Value::NOT_IMPLEMENTED,
    })
}

/// `//`, `%` or `divmod` of big operands whose quotient is a few limbs
/// long: schoolbook division, then Python's floor adjustment (the
/// remainder takes the divisor's sign).
fn short_divmod(op: BinOp, x: &BigInt, y: &BigInt) -> PyResult {
    let negative = (x.sign() == Sign::Minus) != (y.sign() == Sign::Minus);
    if op == BinOp::FloorDiv {
        let (mut q, inexact) = limbs::quotient(x.magnitude(), y.magnitude());
        if negative && inexact {
            limbs::increment(&mut q);
        }
        return Ok(int_from_limbs(negative, &q));
    }
    let (mut q, mut r) = limbs::div_rem(x.magnitude(), y.magnitude());
    if negative && !limbs::is_zero(&r) {
        limbs::increment(&mut q);
        r = limbs::sub_from(&y.magnitude().to_u64_digits(), &r);
    }
    let remainder = int_from_limbs(y.sign() == Sign::Minus, &r);
    Ok(match op {
        BinOp::Mod => remainder,
        _ => new_tuple(&[int_from_limbs(negative, &q), remainder]),
    })
}

/// An int from a sign and a little-endian magnitude, small when it fits.
fn int_from_limbs(negative: bool, limbs: &[u64]) -> Value {
    let len = limbs.iter().rposition(|&d| d != 0).map_or(0, |i| i + 1);
    if len <= 1 {
        let m = limbs.first().copied().unwrap_or(0) as i128;
        return int_from_i128(if negative { -m } else { m });
    }
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    int_from_bigint(BigInt::from_biguint(sign, limbs::to_biguint(&limbs[..len])))
}

/// Correctly rounded `x / y` (round-half-even), as CPython.
pub fn true_divide(x: &BigInt, y: &BigInt) -> PyResult<f64> {
    if y.is_zero() {
        return Err(zero_division("division by zero"));
    }
    const EXACT: u64 = 1 << 53;
    if let (Some(a), Some(b)) = (x.to_i64(), y.to_i64()) {
        if a.unsigned_abs() <= EXACT && b.unsigned_abs() <= EXACT {
            return Ok(a as f64 / b as f64);
        }
    }
    let negative = (x.sign() == Sign::Minus) != (y.sign() == Sign::Minus);
    let (a, b) = (x.abs(), y.abs());
    if a.is_zero() {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    // Scale so the integer quotient has 55 or 56 bits.
    let shift: i64 = 55 - (a.bits() as i64 - b.bits() as i64);
    let (n, d) = if shift >= 0 {
        (a << shift as usize, b)
    } else {
        (a, b << (-shift) as usize)
    };
    let (q, r) = n.div_rem(&d);
    let mut q = q.to_u64().unwrap_or(u64::MAX);
    let sticky = !r.is_zero();
    let qbits = 64 - q.leading_zeros() as i64;
    // The exponent of the leading bit of the result.
    let e = qbits - 1 - shift;
    if e > 1023 {
        return Err(overflow_error(
            "integer division result too large for a float",
        ));
    }
    let precision = if e >= -1022 {
        53
    } else {
        (53 - (-1022 - e)).max(0)
    };
    let extra = (qbits - precision).max(0) as u32;
    if extra > 0 {
        let mask = (1u64 << extra) - 1;
        let rem = q & mask;
        let half = 1u64 << (extra - 1);
        q >>= extra;
        if rem > half || (rem == half && (sticky || q & 1 == 1)) {
            q += 1;
        }
    }
    let exp = extra as i64 - shift;
    let mut f = q as f64;
    // Scale by 2^exp in two exact steps (the result is representable).
    let half = exp / 2;
    f *= 2f64.powi(half as i32);
    f *= 2f64.powi((exp - half) as i32);
    if f.is_infinite() {
        return Err(overflow_error(
            "integer division result too large for a float",
        ));
    }
    Ok(if negative { -f } else { f })
}

/// `x ** y` for ints (a float when `y` is negative).
pub fn int_pow(x: Int, y: Int) -> PyResult {
    if y.is_negative() {
        let (fx, fy) = (int_to_f64(x)?, int_to_f64(y)?);
        return crate::types::float::arith::float_pow(fx, fy);
    }
    if let (Int::Small(b), Int::Small(e)) = (x, y) {
        if let Some(r) = small_pow(b, e) {
            return Ok(int_from_i128(r));
        }
    }
    let base = x.to_bigint();
    let Some(e) = y.to_bigint().to_u32() else {
        return match x {
            Int::Small(0) | Int::Small(1) => Ok(int_from_i64(match x {
                Int::Small(v) => v,
                Int::Big(_) => 0,
            })),
            Int::Small(-1) => Ok(int_from_i64(if y.to_bigint().is_even() { 1 } else { -1 })),
            _ => Err(overflow_error("exponent too large")),
        };
    };
    Ok(int_from_bigint(num_traits::Pow::pow(base.into_owned(), e)))
}

fn small_pow(b: i64, mut e: i64) -> Option<i128> {
    let mut acc: i128 = 1;
    let mut base = b as i128;
    while e > 0 {
        if e & 1 == 1 {
            acc = acc.checked_mul(base)?;
            if acc.unsigned_abs() > 1 << 100 {
                return None;
            }
        }
        e >>= 1;
        if e > 0 {
            base = base.checked_mul(base)?;
            if base.unsigned_abs() > 1 << 100 {
                return None;
            }
        }
    }
    Some(acc)
}

/// The `pow3` slot of int: `pow(x, y, m)`.
pub fn int_pow3(a: Value, b: Value, m: Value) -> PyResult {
    let (Some(x), Some(y), Some(z)) = (int_of(a), int_of(b), int_of(m)) else {
        if crate::types::int::is_int(a) && crate::types::int::is_int(b) && !m.is_none() {
            return Err(type_error(
                "pow() 3rd argument not allowed unless all arguments are integers",
            ));
        }
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let (x, y, z) = (
        x.to_bigint().into_owned(),
        y.to_bigint().into_owned(),
        z.to_bigint().into_owned(),
    );
    if z.is_zero() {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let modulus = z.abs();
    let mut base = x.mod_floor(&modulus);
    let mut exp = y;
    if exp.is_negative() {
        let g = base.extended_gcd(&modulus);
        if !g.gcd.is_one() {
            return Err(value_error("base is not invertible for the given modulus"));
        }
        base = g.x.mod_floor(&modulus);
        exp = -exp;
    }
    let mut r = base.modpow(&exp, &modulus);
    // The result takes the sign of the modulus, like %.
    if z.is_negative() && !r.is_zero() {
        r += &z;
    }
    Ok(int_from_bigint(r))
}

/// The `unary` slot of int.
pub fn int_unary(op: UnaryOp, v: Value) -> PyResult {
    let Some(x) = int_of(v) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(match (op, x) {
        (UnaryOp::Neg, Int::Small(i)) => int_from_i64(-i),
        (UnaryOp::Pos, Int::Small(i)) => int_from_i64(i),
        (UnaryOp::Invert, Int::Small(i)) => int_from_i64(!i),
        (UnaryOp::Abs, Int::Small(i)) => int_from_i64(i.abs()),
        (UnaryOp::Neg, Int::Big(b)) => int_from_bigint(-b),
        (UnaryOp::Pos, Int::Big(b)) => int_from_bigint(b.clone()),
        (UnaryOp::Invert, Int::Big(b)) => int_from_bigint(!b),
        (UnaryOp::Abs, Int::Big(b)) => int_from_bigint(b.abs()),
    })
}

/// Orders two ints.
pub fn compare_ints(x: Int, y: Int) -> Ordering {
    match (x, y) {
        (Int::Small(a), Int::Small(b)) => a.cmp(&b),
        (Int::Small(a), Int::Big(b)) => BigInt::from(a).cmp(b),
        (Int::Big(a), Int::Small(b)) => a.cmp(&BigInt::from(b)),
        (Int::Big(a), Int::Big(b)) => a.cmp(b),
    }
}

/// The `richcompare` slot of int (ints only; floats compare in float).
pub fn int_compare(a: Value, b: Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (int_of(a), int_of(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(Value::from_bool(op.holds(compare_ints(x, y))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::int::as_bigint;

    fn i(v: i64) -> Value {
        int_from_i64(v)
    }

    fn small(v: PyResult) -> i64 {
        v.unwrap().as_small_int().unwrap()
    }

    #[test]
    fn floor_division_and_modulo_signs() {
        assert_eq!(small(int_binary(BinOp::FloorDiv, i(-7), i(2))), -4);
        assert_eq!(small(int_binary(BinOp::Mod, i(-7), i(2))), 1);
        assert_eq!(small(int_binary(BinOp::Mod, i(7), i(-2))), -1);
        assert_eq!(small(int_binary(BinOp::FloorDiv, i(7), i(-2))), -4);
        assert!(int_binary(BinOp::Mod, i(1), i(0)).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "integer modulo by zero"
        );
        assert!(int_binary(BinOp::FloorDiv, i(1), i(0)).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "integer division or modulo by zero"
        );
    }

    #[test]
    fn short_quotient_division_floors_like_python() {
        let a: BigInt = (num_traits::Pow::pow(BigInt::from(3), 300u32) << 7) + 12345;
        let b: BigInt = num_traits::Pow::pow(BigInt::from(7), 100u32) + 1;
        for (x, y) in [
            (a.clone(), b.clone()),
            (-a.clone(), b.clone()),
            (a.clone(), -b.clone()),
            (-a.clone(), -b.clone()),
            (&b * 5u32, b.clone()),
            (-(&b * 5u32), b.clone()),
            (b.clone() - 1, b.clone()),
        ] {
            assert!(limbs::prefers_schoolbook(x.magnitude(), y.magnitude()));
            let (q, r) = x.div_mod_floor(&y);
            for (op, want) in [(BinOp::FloorDiv, &q), (BinOp::Mod, &r)] {
                let got = short_divmod(op, &x, &y).unwrap();
                assert_eq!(&as_bigint(got).unwrap(), want, "{op:?} {x} {y}");
            }
        }
    }

    #[test]
    fn powers() {
        assert_eq!(
            int_pow(Int::Small(2), Int::Small(-2)).unwrap().as_f64(),
            Some(0.25)
        );
        assert_eq!(small(int_pow3(i(3), i(4), i(5))), 1);
        assert_eq!(small(int_pow3(i(3), i(-1), i(7))), 5);
        assert_eq!(small(int_pow3(i(2), i(10), i(-7))), -5);
        let big = int_pow(Int::Small(2), Int::Small(100)).unwrap();
        assert_eq!(as_bigint(big).unwrap(), BigInt::from(1) << 100);
        let back = int_binary(
            BinOp::FloorDiv,
            big,
            int_pow(Int::Small(2), Int::Small(99)).unwrap(),
        );
        assert_eq!(small(back), 2, "2**100 // 2**99 is a small int again");
        assert!(int_pow(Int::Small(0), Int::Small(-1)).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "0.0 cannot be raised to a negative power"
        );
        assert!(int_pow3(i(2), i(-1), i(4)).is_err());
        crate::error::clear_exception();
    }

    #[test]
    fn shifts_and_bitwise() {
        assert_eq!(small(int_binary(BinOp::RShift, i(-5), i(1))), -3);
        assert_eq!(small(int_binary(BinOp::RShift, i(-5), i(100))), -1);
        let big = int_binary(BinOp::LShift, i(1), i(70)).unwrap();
        assert_eq!(as_bigint(big).unwrap(), BigInt::from(1) << 70);
        assert!(int_binary(BinOp::LShift, i(1), i(-1)).is_err());
        crate::error::clear_exception();
        assert_eq!(small(int_binary(BinOp::And, i(-6), i(13))), 8);
        assert_eq!(small(int_unary(UnaryOp::Invert, i(5))), -6);
    }

    #[test]
    fn true_division_is_correctly_rounded() {
        let a = BigInt::from(10).pow(30);
        let b = BigInt::from(3);
        assert_eq!(true_divide(&a, &b).unwrap(), 3.333333333333333e29);
        let x = BigInt::from(2).pow(1000);
        let y = BigInt::from(3).pow(400);
        assert_eq!(true_divide(&x, &y).unwrap(), 1.518776176261037e+110);
        assert_eq!(
            true_divide(&BigInt::from(1), &BigInt::from(3)).unwrap(),
            1.0 / 3.0
        );
        assert!(true_divide(&BigInt::from(10).pow(400), &BigInt::from(1)).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "integer division result too large for a float"
        );
        let tiny = true_divide(&BigInt::from(1), &(BigInt::from(1) << 1074)).unwrap();
        assert_eq!(tiny, 5e-324);
    }
}
