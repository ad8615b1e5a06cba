//! Numeric builtins: abs, divmod, pow, round (half-even), chr, ord, bin,
//! oct, hex.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::Signed;

use crate::args;
use crate::error::{overflow_error, type_error, value_error, PyResult};
use crate::object::type_of;
use crate::object::PyPayload;
use crate::ops::UnaryOp;
use crate::types::int::{int_from_bigint, int_of, to_i64};
use crate::types::string::{as_str, char_str, new_string, StrObject};
use crate::Value;

pub fn abs(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("abs", a, k)?;
    abs_of(x)
}

/// `abs(x)` once the arguments are parsed (also the direct entry).
pub fn abs_of(x: Value) -> PyResult {
    crate::ops::arith::unary_op(UnaryOp::Abs, x)
}

pub fn divmod(a: &[Value], k: Option<Value>) -> PyResult {
    let [x, y] = args::exact::<2>("divmod", a, k)?;
    crate::ops::arith::divmod(x, y)
}

pub fn pow(a: &[Value], k: Option<Value>) -> PyResult {
    let [base, exp, m] = args::parse("pow", a, k, ["base", "exp", "mod"], 2)?;
    crate::ops::arith::power(base, exp, if m.is_null() { Value::NONE } else { m })
}

/// `round(number, ndigits=None)`.
pub fn round(a: &[Value], k: Option<Value>) -> PyResult {
    let [x, nd] = args::parse("round", a, k, ["number", "ndigits"], 1)?;
    let nd = if nd.is_null() || nd.is_none() {
        None
    } else {
        Some(to_i64(nd)?)
    };
    if let Some(i) = int_of(x) {
        return round_int(i.to_bigint().into_owned(), nd);
    }
    if let Some(f) = crate::types::float::float_of(x) {
        return round_float(f, nd);
    }
    match crate::ops::attr::lookup_special(x, "__round__")? {
        Some(m) => match nd {
            Some(n) => crate::ops::call::call(m, &[crate::types::int::int_from_i64(n)], None),
            None => crate::ops::call::call(m, &[], None),
        },
        None => Err(type_error(format!(
            "type {} doesn't define __round__ method",
            type_of(x).name()
        ))),
    }
}

fn round_int(i: BigInt, nd: Option<i64>) -> PyResult {
    let Some(nd) = nd.filter(|&n| n < 0) else {
        return Ok(int_from_bigint(i));
    };
    let p = num_traits::pow(BigInt::from(10), (-nd).min(4000) as usize);
    let (q, r) = i.div_mod_floor(&p);
    let twice: BigInt = &r * 2;
    let q = match twice.cmp(&p) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    };
    Ok(int_from_bigint(q * p))
}

fn round_float(f: f64, nd: Option<i64>) -> PyResult {
    let Some(nd) = nd else {
        let r = f.round_ties_even();
        return crate::types::float::float_to_int(r);
    };
    if !f.is_finite() || f == 0.0 {
        return Ok(Value::from_f64(f));
    }
    if nd > 323 {
        return Ok(Value::from_f64(f));
    }
    if nd < -308 {
        return Ok(Value::from_f64(0.0f64.copysign(f)));
    }
    let r = if nd >= 0 {
        // Correctly rounded, ties to even, like CPython's dtoa mode 3.
        format!("{:.*}", nd as usize, f).parse::<f64>().unwrap_or(f)
    } else {
        let p = 10f64.powi((-nd) as i32);
        (f / p).round_ties_even() * p
    };
    if r.is_infinite() {
        return Err(overflow_error("rounded value too large to represent"));
    }
    Ok(Value::from_f64(if r == 0.0 {
        0.0f64.copysign(f)
    } else {
        r
    }))
}

pub fn chr(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("chr", a, k)?;
    let i = to_i64(x)?;
    match u32::try_from(i).ok().filter(|&u| u < 0x110000) {
        Some(u) => match char::from_u32(u) {
            Some(c) => Ok(char_str(c)),
            None => Err(value_error(
                "chr() arg is a lone surrogate, not supported yet",
            )),
        },
        None => Err(value_error("chr() arg not in range(0x110000)")),
    }
}

pub fn ord(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("ord", a, k)?;
    ord_of(x)
}

/// `ord(x)` once the arguments are parsed (also the direct entry).
pub fn ord_of(x: Value) -> PyResult {
    if let Some(s) = crate::object::downcast::<StrObject>(x) {
        if let [b] = s.as_str().as_bytes() {
            return Ok(Value::small_int(*b as i64));
        }
    }
    if let Some(b) = crate::types::bytes::bytes_data(x) {
        return crate::types::bytes::ord_of(&b);
    }
    let Some(s) = StrObject::cast(x) else {
        return Err(type_error(format!(
            "ord() expected string of length 1, but {} found",
            type_of(x).name()
        )));
    };
    if s.char_len != 1 {
        return Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.char_len
        )));
    }
    let c = as_str(x).and_then(|t| t.chars().next()).unwrap_or('\0');
    Ok(Value::small_int(c as i64))
}

fn radix(a: &[Value], k: Option<Value>, name: &str, prefix: &str, base: u32) -> PyResult {
    let [x] = args::exact::<1>(name, a, k)?;
    let v = match int_of(x) {
        Some(i) => i.to_bigint().into_owned(),
        None => {
            let Some(f) = type_of(x).slots.index.get() else {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_of(x).name()
                )));
            };
            crate::types::int::as_bigint(f(x)?).unwrap_or_default()
        }
    };
    let digits = v.abs().to_str_radix(base);
    let sign = if v.is_negative() { "-" } else { "" };
    Ok(new_string(format!("{sign}{prefix}{digits}")))
}

pub fn bin(a: &[Value], k: Option<Value>) -> PyResult {
    radix(a, k, "bin", "0b", 2)
}

pub fn oct(a: &[Value], k: Option<Value>) -> PyResult {
    radix(a, k, "oct", "0o", 8)
}

pub fn hex(a: &[Value], k: Option<Value>) -> PyResult {
    radix(a, k, "hex", "0x", 16)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rf(x: f64, nd: Option<i64>) -> Value {
        round_float(x, nd).unwrap()
    }

    #[test]
    fn round_half_even() {
        assert_eq!(rf(2.5, None), Value::small_int(2));
        assert_eq!(rf(3.5, None), Value::small_int(4));
        assert_eq!(rf(-0.5, None), Value::small_int(0));
        assert_eq!(rf(0.125, Some(2)).as_f64(), Some(0.12));
        assert_eq!(rf(2.675, Some(2)).as_f64(), Some(2.67));
        assert_eq!(rf(1234.5, Some(-2)).as_f64(), Some(1200.0));
        assert_eq!(
            round_int(BigInt::from(25), Some(-1)).unwrap(),
            Value::small_int(20)
        );
        assert_eq!(
            round_int(BigInt::from(35), Some(-1)).unwrap(),
            Value::small_int(40)
        );
        assert!(round_float(f64::INFINITY, None).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "cannot convert float infinity to integer"
        );
    }

    #[test]
    fn chr_ord_bin() {
        assert_eq!(
            as_str(chr(&[Value::small_int(233)], None).unwrap()),
            Some("é")
        );
        assert!(chr(&[Value::small_int(-1)], None).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "chr() arg not in range(0x110000)"
        );
        assert_eq!(
            ord(&[crate::types::string::new_str("é")], None).unwrap(),
            Value::small_int(233)
        );
        assert_eq!(
            as_str(bin(&[Value::small_int(-5)], None).unwrap()),
            Some("-0b101")
        );
        assert_eq!(
            as_str(hex(&[Value::small_int(255)], None).unwrap()),
            Some("0xff")
        );
    }
}
