//! `float(str)`: surrounding whitespace, a sign, `inf`/`infinity`/`nan` in
//! any case, and single underscores between digits, as CPython accepts;
//! Unicode decimal digits count as ASCII ones.

use crate::error::{value_error, PyResult};
use crate::types::string::repr::repr_str;
use crate::Value;

/// Parses `text` as `float()` does.
pub fn float_from_str(text: &str) -> PyResult<f64> {
    parse(text).ok_or_else(|| {
        value_error(format!(
            "could not convert string to float: {}",
            repr_str(text)
        ))
    })
}

/// Parses a float literal as `float()` accepts it (None if malformed).
pub fn parse_float_text(text: &str) -> Option<f64> {
    parse(text)
}

fn parse(text: &str) -> Option<f64> {
    let ascii = crate::types::int::parse::to_ascii_decimal(text);
    let s = ascii.trim_matches(char::is_whitespace);
    if s.is_empty() || !s.is_ascii() {
        return None;
    }
    let bytes = s.as_bytes();
    let mut clean = String::with_capacity(s.len());
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            let before = i > 0 && bytes[i - 1].is_ascii_digit();
            let after = bytes.get(i + 1).is_some_and(|c| c.is_ascii_digit());
            if !(before && after) {
                return None;
            }
            continue;
        }
        clean.push(b as char);
    }
    let body = clean.trim_start_matches(['+', '-']);
    if clean.len() - body.len() > 1 {
        return None;
    }
    let lower = body.to_ascii_lowercase();
    let special = matches!(lower.as_str(), "inf" | "infinity" | "nan");
    if !special
        && !body
            .bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return None;
    }
    clean.parse::<f64>().ok()
}

/// `float.fromhex(cls, string)`.
pub fn fromhex(a: &[Value], k: Option<Value>) -> PyResult {
    let (cls, [text]) = crate::args::method::<1>("fromhex", a, k, 1)?;
    let Some(t) = crate::types::string::as_str(text) else {
        return Err(crate::error::type_error(format!(
            "fromhex() argument must be str, not {}",
            crate::object::type_of(text).name()
        )));
    };
    let x = match parse_hex(t) {
        Ok(x) => x,
        Err(HexError::Invalid) => {
            return Err(value_error("invalid hexadecimal floating-point string"))
        }
        Err(HexError::TooLarge) => {
            return Err(crate::error::overflow_error(
                "hexadecimal value too large to represent as a float",
            ))
        }
    };
    let v = Value::from_f64(x);
    let float = crate::types::registry::types().float;
    if crate::typeobj::as_type(cls).is_some_and(|t| std::ptr::eq(t, float)) {
        return Ok(v);
    }
    crate::ops::call::call(cls, &[v], None)
}

#[derive(Debug, PartialEq)]
enum HexError {
    Invalid,
    TooLarge,
}

/// CPython's `float.fromhex` grammar: `[sign] ['0x'] hexdigits ['.'
/// hexdigits] ['p' [sign] digits]`, or inf/infinity/nan, with surrounding
/// whitespace; rounded half-to-even to the nearest double.
fn parse_hex(text: &str) -> Result<f64, HexError> {
    let s = text.trim_matches(char::is_whitespace);
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign = if negative { -1.0 } else { 1.0 };
    match s.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => return Ok(sign * f64::INFINITY),
        "nan" => return Ok(f64::NAN),
        _ => {}
    }
    let s = match s.get(..2) {
        Some(p) if p.eq_ignore_ascii_case("0x") => &s[2..],
        _ => s,
    };
    let (mantissa, exp_text) = match s.find(['p', 'P']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (int_part, frac_part) = match mantissa.find('.') {
        Some(i) => (&mantissa[..i], &mantissa[i + 1..]),
        None => (mantissa, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(HexError::Invalid);
    }
    let mut m = num_bigint::BigUint::default();
    for c in int_part.chars().chain(frac_part.chars()) {
        let d = c.to_digit(16).ok_or(HexError::Invalid)?;
        m = m * 16u8 + d;
    }
    let mut exp: i64 = -4 * frac_part.len() as i64;
    if let Some(e) = exp_text {
        let digits = e.trim_start_matches(['+', '-']);
        if e.len() - digits.len() > 1
            || digits.is_empty()
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(HexError::Invalid);
        }
        let v: i64 = digits.parse().unwrap_or(i64::MAX / 4).min(i64::MAX / 4);
        exp += if e.starts_with('-') { -v } else { v };
    }
    use num_traits::{ToPrimitive, Zero};
    if m.is_zero() {
        return Ok(sign * 0.0);
    }
    // value = m * 2^exp; keep as many bits as the result's precision.
    let bits = m.bits() as i64;
    let top = bits + exp; // value in [2^(top-1), 2^top)
    if top > 1024 {
        return Err(HexError::TooLarge);
    }
    let precision = if top > -1022 {
        53
    } else {
        53 - (-1022 - (top - 1))
    };
    let shift = bits - precision.max(0);
    let (mut q, mut e2) = (m.clone(), exp);
    if shift > 0 {
        let shift = shift as u64;
        q = &m >> shift;
        let rem = &m - (&q << shift);
        let half = num_bigint::BigUint::from(1u8) << (shift - 1);
        if rem > half || (rem == half && q.bit(0)) {
            q += 1u8;
        }
        e2 += shift as i64;
    }
    let q = q.to_u64().unwrap_or(0) as f64;
    // q < 2^54 and the result is representable, so scaling is exact.
    let mut x = q;
    let mut e = e2;
    while e > 0 {
        let step = e.min(1000);
        x *= 2f64.powi(step as i32);
        e -= step;
    }
    while e < 0 {
        let step = e.max(-1000);
        x *= 2f64.powi(step as i32);
        e -= step;
    }
    if x.is_infinite() {
        return Err(HexError::TooLarge);
    }
    Ok(sign * x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_floats() {
        assert_eq!(parse_hex("0x1.fffffffffffffp+1023"), Ok(f64::MAX));
        assert_eq!(parse_hex("0x1p-1074"), Ok(5e-324));
        assert_eq!(parse_hex("0x1p-1075"), Ok(0.0));
        assert_eq!(parse_hex("0x3p-1075"), Ok(1e-323));
        assert_eq!(parse_hex(" -0x.8 "), Ok(-0.5));
        assert_eq!(parse_hex("1.8p1"), Ok(3.0));
        assert_eq!(parse_hex("0x1p1024"), Err(HexError::TooLarge));
        assert_eq!(
            parse_hex("0x1.fffffffffffff8p1023"),
            Err(HexError::TooLarge)
        );
        assert_eq!(parse_hex("0x"), Err(HexError::Invalid));
        assert_eq!(parse_hex("0x1p"), Err(HexError::Invalid));
    }

    #[test]
    fn accepts_what_cpython_accepts() {
        assert_eq!(parse("  1.5 "), Some(1.5));
        assert_eq!(parse("1_000.5"), Some(1000.5));
        assert_eq!(parse("-Infinity"), Some(f64::NEG_INFINITY));
        assert!(parse("nan").is_some_and(f64::is_nan));
        assert_eq!(parse("1e5"), Some(100000.0));
        assert_eq!(parse(".5"), Some(0.5));
        assert_eq!(parse("5."), Some(5.0));
        for bad in [
            "", "x", "1_", "_1", "1__0", "--1", "0x10", "1e", "in f", "1.5j",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn error_message() {
        assert!(float_from_str("x").is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "could not convert string to float: 'x'"
        );
    }
}
