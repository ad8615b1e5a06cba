//! The constants a code object holds, and their Python `repr`.
//!
//! A [`Constant`] is the compiler's own value type: the bytecode stage does
//! not depend on the runtime's object model, so executors turn constants
//! into runtime values when they load a code object.

use super::code::CodeObject;
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::fmt::Write as _;
use std::sync::Arc;

/// A value known at compile time: `LOAD_CONST`'s operand.
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    /// An `int` that fits in 64 bits.
    Int(i64),
    /// Any other `int` (never one that fits in an `i64`).
    BigInt(Box<BigInt>),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    /// A `frozenset`, from `x in {1, 2}`; items in source order (the
    /// runtime builds the set, and with it the iteration order).
    FrozenSet(Vec<Constant>),
    /// A nested function, class body, lambda or comprehension.
    Code(Arc<CodeObject>),
}

impl Constant {
    /// An `int` constant, small when it fits.
    pub fn int(value: BigInt) -> Constant {
        match value.to_i64() {
            Some(small) => Constant::Int(small),
            None => Constant::BigInt(Box::new(value)),
        }
    }

    /// The `int` value, for `Int` and `BigInt`.
    pub fn as_bigint(&self) -> Option<BigInt> {
        match self {
            Constant::Int(value) => Some(BigInt::from(*value)),
            Constant::BigInt(value) => Some((**value).clone()),
            _ => None,
        }
    }

    /// The nested code object, for `Code`.
    pub fn as_code(&self) -> Option<&Arc<CodeObject>> {
        match self {
            Constant::Code(code) => Some(code),
            _ => None,
        }
    }

    /// Python's truth value of the constant (`bool(c)`).
    pub fn is_truthy(&self) -> bool {
        match self {
            Constant::None => false,
            Constant::Bool(value) => *value,
            Constant::Ellipsis | Constant::Code(_) => true,
            Constant::Int(value) => *value != 0,
            // A BigInt never holds a value that fits in an i64, so not 0.
            Constant::BigInt(_) => true,
            Constant::Float(value) => *value != 0.0,
            Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
            Constant::Str(text) => !text.is_empty(),
            Constant::Bytes(bytes) => !bytes.is_empty(),
            Constant::Tuple(items) | Constant::FrozenSet(items) => !items.is_empty(),
        }
    }

    /// Python's type name of the constant.
    pub fn type_name(&self) -> &'static str {
        match self {
            Constant::None => "NoneType",
            Constant::Bool(_) => "bool",
            Constant::Ellipsis => "ellipsis",
            Constant::Int(_) | Constant::BigInt(_) => "int",
            Constant::Float(_) => "float",
            Constant::Complex { .. } => "complex",
            Constant::Str(_) => "str",
            Constant::Bytes(_) => "bytes",
            Constant::Tuple(_) => "tuple",
            Constant::FrozenSet(_) => "frozenset",
            Constant::Code(_) => "code",
        }
    }

    /// `repr(c)` as Python prints it; a code object as `<code object f>`.
    pub fn repr(&self) -> String {
        let mut out = String::new();
        self.write_repr(&mut out);
        out
    }

    fn write_repr(&self, out: &mut String) {
        match self {
            Constant::None => out.push_str("None"),
            Constant::Bool(true) => out.push_str("True"),
            Constant::Bool(false) => out.push_str("False"),
            Constant::Ellipsis => out.push_str("Ellipsis"),
            Constant::Int(value) => {
                let _ = write!(out, "{value}");
            }
            Constant::BigInt(value) => {
                let _ = write!(out, "{value}");
            }
            Constant::Float(value) => out.push_str(&float_repr(*value)),
            Constant::Complex { real, imag } => out.push_str(&complex_repr(*real, *imag)),
            Constant::Str(text) => out.push_str(&str_repr(text)),
            Constant::Bytes(bytes) => out.push_str(&bytes_repr(bytes)),
            Constant::Tuple(items) => {
                out.push('(');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_repr(out);
                }
                if items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Constant::FrozenSet(items) => {
                if items.is_empty() {
                    out.push_str("frozenset()");
                    return;
                }
                out.push_str("frozenset({");
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_repr(out);
                }
                out.push_str("})");
            }
            Constant::Code(code) => {
                let _ = write!(out, "<code object {}>", code.name);
            }
        }
    }
}

/// `repr(float)`: the shortest digits that round-trip, in fixed notation
/// when the decimal exponent is in `-4..16`, else in exponent notation
/// (`1e+16`, `1.5e-05`), as CPython's `float_repr`.
pub fn float_repr(value: f64) -> String {
    float_repr_with(value, true)
}

/// `add_dot_0`: fixed-notation integers end in `.0` (`repr(2.0)`), except
/// inside a complex repr (`repr(2j)` is `2j`).
fn float_repr_with(value: f64, add_dot_0: bool) -> String {
    if value.is_nan() {
        return "nan".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    if value == 0.0 {
        let zero = if value.is_sign_negative() { "-0" } else { "0" };
        return if add_dot_0 {
            format!("{zero}.0")
        } else {
            zero.to_owned()
        };
    }
    let scientific = shortest_scientific(value.abs());
    let (mantissa, exponent) = scientific
        .split_once('e')
        .unwrap_or((scientific.as_str(), "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let sign = if value < 0.0 { "-" } else { "" };
    // The value is 0.DIGITS × 10^decpt.
    let decpt = exponent + 1;
    if decpt <= -4 || decpt > 16 {
        let (first, rest) = digits.split_at(1);
        let mut out = format!("{sign}{first}");
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        let exp_sign = if exponent < 0 { '-' } else { '+' };
        let _ = write!(out, "e{exp_sign}{:02}", exponent.abs());
        return out;
    }
    let mut out = sign.to_owned();
    if decpt <= 0 {
        out.push_str("0.");
        out.push_str(&"0".repeat((-decpt) as usize));
        out.push_str(&digits);
    } else if decpt as usize >= digits.len() {
        out.push_str(&digits);
        out.push_str(&"0".repeat(decpt as usize - digits.len()));
        if add_dot_0 {
            out.push_str(".0");
        }
    } else {
        let (int_part, frac) = digits.split_at(decpt as usize);
        out.push_str(int_part);
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// The shortest digits that round-trip, as `d.ddde±x`; among the
/// candidates of that length, the one nearest the exact value (ties to an
/// even last digit), as David Gay's `dtoa` mode 0 that CPython uses picks.
/// Rust's `{:e}` finds the length; formatting with that precision rounds
/// the exact binary value correctly.
fn shortest_scientific(value: f64) -> String {
    let shortest = format!("{value:e}");
    let digits = shortest
        .split_once('e')
        .map_or(shortest.len(), |(mantissa, _)| {
            mantissa.chars().filter(char::is_ascii_digit).count()
        });
    let nearest = format!("{value:.*e}", digits.saturating_sub(1));
    if nearest.parse::<f64>() == Ok(value) {
        nearest
    } else {
        shortest
    }
}

/// `repr(complex)`: `2j`, `(1+2j)`, `(-0-1j)`.
pub fn complex_repr(real: f64, imag: f64) -> String {
    let imag_text = float_repr_with(imag, false);
    if real == 0.0 && real.is_sign_positive() {
        return format!("{imag_text}j");
    }
    let real_text = float_repr_with(real, false);
    let sign = if imag_text.starts_with('-') { "" } else { "+" };
    format!("({real_text}{sign}{imag_text}j)")
}

/// `repr(str)`: single quotes unless the text has a single quote and no
/// double quote; backslash escapes for control and non-printable
/// characters.
pub fn str_repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if c.is_ascii() || is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (c as u32) < 0x10000 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push(quote);
    out
}

/// `repr(bytes)`: `b'...'` with `\xhh` for bytes outside printable ASCII.
pub fn bytes_repr(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &byte in bytes {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b if b == quote => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

use krait_runtime::types::string::printable::is_printable;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_as_python_repr() {
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (-2.5, "-2.5"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
            (1e300, "1e+300"),
            (12.375, "12.375"),
            (1000000000000000.2, "1000000000000000.2"),
        ];
        for (value, expected) in cases {
            assert_eq!(float_repr(value), expected, "{value}");
        }
    }

    #[test]
    fn complex_and_text_reprs() {
        assert_eq!(complex_repr(0.0, 2.0), "2j");
        assert_eq!(complex_repr(1.0, 2.0), "(1+2j)");
        assert_eq!(complex_repr(1.5, -2.0), "(1.5-2j)");
        assert_eq!(complex_repr(-0.0, 1.0), "(-0+1j)");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a\n\u{1}é\u{2028}"), "'a\\n\\x01é\\u2028'");
        assert_eq!(bytes_repr(b"a'\x00\xff"), "b\"a'\\x00\\xff\"");
        let tuple = Constant::Tuple(vec![Constant::Int(1)]);
        assert_eq!(tuple.repr(), "(1,)");
        let set = Constant::FrozenSet(vec![Constant::Str("a".into()), Constant::None]);
        assert_eq!(set.repr(), "frozenset({'a', None})");
    }
}
