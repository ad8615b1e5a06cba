//! `int(str, base)`: whitespace, sign, base prefixes (`0x`, `0o`, `0b`),
//! single underscores between digits, base 0 (the prefix decides; a
//! decimal literal may not have leading zeros), and 3.11's limit on the
//! number of digits for bases that are not powers of two. Unicode decimal
//! digits (category Nd, e.g. Arabic-Indic '٣') count as their ASCII
//! digit, and Unicode whitespace as a space ([`to_ascii_decimal`], also
//! used by `float()`).

use std::sync::atomic::Ordering;

use num_bigint::BigInt;
use num_traits::Num;

use crate::error::{value_error, PyResult};
use crate::types::int::{int_from_bigint, int_from_i64, MAX_STR_DIGITS};
use crate::types::string::repr::repr_str;
use crate::Value;

/// `int(text, base)`.
pub fn int_from_str(text: &str, base: i64) -> PyResult {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    match parse_digits(text, base as u32) {
        Ok(v) => Ok(v),
        Err(ParseError::Invalid) => Err(invalid_literal(text, base)),
        Err(ParseError::TooManyDigits(n)) => Err(value_error(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {n} digits; \
             use sys.set_int_max_str_digits() to increase the limit",
            MAX_STR_DIGITS.load(Ordering::Relaxed)
        ))),
    }
}

fn invalid_literal(text: &str, base: i64) -> crate::error::Raised {
    let shown: String = text.chars().take(200).collect();
    value_error(format!(
        "invalid literal for int() with base {base}: {}",
        repr_str(&shown)
    ))
}

enum ParseError {
    Invalid,
    TooManyDigits(usize),
}

/// The first code point of every run of ten Unicode decimal digits
/// (Numeric_Type=Decimal always comes in contiguous runs 0..9). Generated
/// with CPython 3.11's `unicodedata` (Unicode 14.0.0):
/// `[c for c in range(0x110000) if unicodedata.decimal(chr(c), None) == 0]`.
const DECIMAL_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The value of a Unicode decimal digit (`unicodedata.decimal`).
pub fn decimal_value(c: char) -> Option<u32> {
    let c = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= c);
    let zero = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    (c - zero < 10).then_some(c - zero)
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: decimal digits
/// become ASCII digits, whitespace a space, any other non-ASCII char `?`
/// (which no parser accepts).
pub fn to_ascii_decimal(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return text.into();
    }
    text.chars()
        .map(|c| match c {
            _ if c.is_ascii() => c,
            _ if c.is_whitespace() => ' ',
            _ => decimal_value(c).map_or('?', |d| char::from(b'0' + d as u8)),
        })
        .collect::<String>()
        .into()
}

fn parse_digits(text: &str, mut base: u32) -> Result<Value, ParseError> {
    let ascii = to_ascii_decimal(text);
    let s = ascii.trim_matches(char::is_whitespace);
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = s.get(..2).map(|p| p.to_ascii_lowercase());
    let prefix_base = match lower.as_deref() {
        Some("0x") => Some(16),
        Some("0o") => Some(8),
        Some("0b") => Some(2),
        _ => None,
    };
    let mut digits = s;
    let mut after_prefix = false;
    if let Some(pb) = prefix_base {
        if base == 0 || base == pb {
            base = pb;
            digits = &s[2..];
            after_prefix = true;
        }
    }
    if base == 0 {
        base = 10;
        // A decimal literal in base 0 may not start with 0 unless it is 0.
        if digits.starts_with('0') && digits.chars().any(|c| c != '0' && c != '_') {
            return Err(ParseError::Invalid);
        }
    }
    // Underscores: single, between digits (or right after a base prefix).
    if after_prefix {
        digits = digits.strip_prefix('_').unwrap_or(digits);
    }
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return Err(ParseError::Invalid);
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        return Err(ParseError::Invalid);
    }
    let limit = MAX_STR_DIGITS.load(Ordering::Relaxed);
    if !base.is_power_of_two() && limit > 0 && clean.len() > limit {
        return Err(ParseError::TooManyDigits(clean.len()));
    }
    if clean.len() <= 12 {
        if let Ok(i) = i64::from_str_radix(&clean, base) {
            return Ok(int_from_i64(if negative { -i } else { i }));
        }
    }
    let mut b = BigInt::from_str_radix(&clean, base).map_err(|_| ParseError::Invalid)?;
    if negative {
        b = -b;
    }
    Ok(int_from_bigint(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exceptions::str_of_current;

    fn ok(t: &str, base: i64) -> i64 {
        int_from_str(t, base).unwrap().as_small_int().unwrap()
    }

    fn err(t: &str, base: i64) -> String {
        assert!(int_from_str(t, base).is_err(), "{t:?} should fail");
        str_of_current()
    }

    #[test]
    fn literals_like_cpython() {
        assert_eq!(ok("  -1_000 ", 10), -1000);
        assert_eq!(ok("ff", 16), 255);
        assert_eq!(ok("0x_ff", 0), 255);
        assert_eq!(ok("0XFF", 16), 255);
        assert_eq!(ok("0b101", 0), 5);
        assert_eq!(ok("0o17", 8), 15);
        assert_eq!(ok("00", 0), 0);
        assert_eq!(ok("z", 36), 35);
        assert_eq!(ok("+7", 10), 7);
    }

    #[test]
    fn errors_like_cpython() {
        assert_eq!(err("x", 10), "invalid literal for int() with base 10: 'x'");
        assert_eq!(
            err("010", 0),
            "invalid literal for int() with base 0: '010'"
        );
        assert_eq!(
            err("1__0", 10),
            "invalid literal for int() with base 10: '1__0'"
        );
        assert_eq!(
            err("_1", 10),
            "invalid literal for int() with base 10: '_1'"
        );
        assert_eq!(err("", 10), "invalid literal for int() with base 10: ''");
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(decimal_value('\u{1D7CE}'), Some(0));
        assert_eq!(decimal_value('x'), None);
        assert_eq!(decimal_value('\u{66A}'), None);
        assert_eq!(to_ascii_decimal("\u{3000}١٢"), " 12");
        assert_eq!(err("12", 1), "int() base must be >= 2 and <= 36, or 0");
        let long = "1".repeat(5000);
        assert_eq!(
            err(&long, 10),
            "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; \
             use sys.set_int_max_str_digits() to increase the limit"
        );
    }
}
