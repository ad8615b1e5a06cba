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

// Python's reprs live in the runtime; listings print constants with them.
pub use krait_runtime::types::bytes::repr::repr_bytes as bytes_repr;
pub use krait_runtime::types::float::repr::{complex_repr, float_repr};
pub use krait_runtime::types::string::repr::repr_str as str_repr;

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
