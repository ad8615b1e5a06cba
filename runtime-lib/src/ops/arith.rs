//! Binary, in-place and unary operators (CPython's `binary_op1`,
//! `binary_iop1`, `ternary_op`): the left operand's slot, the right's
//! (first when its type is a proper subclass of the left's), NotImplemented
//! handling, the sequence fallbacks' messages for `+` and `*`, and
//! "unsupported operand type(s) for +: 'int' and 'str'".

use crate::error::{type_error, PyResult};
use crate::object::type_of;
use crate::ops::{BinOp, UnaryOp};
use crate::typeobj::{flags, TypeObject};
use crate::types::int::{int_from_i128, int_from_i64};
use crate::types::registry::types;
use crate::Value;

fn same_fn(a: crate::typeobj::BinaryFn, b: crate::typeobj::BinaryFn) -> bool {
    std::ptr::fn_addr_eq(a, b)
}

/// Tries both operands' slots; NotImplemented if neither handles it.
pub fn binary_op1(op: BinOp, a: Value, b: Value) -> PyResult {
    let (ta, tb) = (type_of(a), type_of(b));
    let slotv = ta.slots.binary.get();
    let mut slotw = if std::ptr::eq(ta, tb) {
        None
    } else {
        tb.slots.binary.get()
    };
    if let (Some(v), Some(w)) = (slotv, slotw) {
        if same_fn(v, w) {
            slotw = None;
        }
    }
    if let Some(v) = slotv {
        if let Some(w) = slotw {
            if tb.is_subtype(ta) {
                let x = w(op, a, b)?;
                if x != Value::NOT_IMPLEMENTED {
                    return Ok(x);
                }
                slotw = None;
            }
        }
        let x = v(op, a, b)?;
        if x != Value::NOT_IMPLEMENTED {
            return Ok(x);
        }
    }
    if let Some(w) = slotw {
        return w(op, a, b);
    }
    Ok(Value::NOT_IMPLEMENTED)
}

fn is_sequence(t: &TypeObject) -> bool {
    t.has_flag(flags::LIST_SUBCLASS)
        || t.has_flag(flags::TUPLE_SUBCLASS)
        || t.has_flag(flags::STR_SUBCLASS)
}

fn binary_error(op: BinOp, a: Value, b: Value, inplace: bool) -> crate::error::Raised {
    let (ta, tb) = (type_of(a), type_of(b));
    if op == BinOp::Add && is_sequence(ta) {
        let t = types();
        let name = if ta.is_subtype(t.str) {
            "str"
        } else if ta.is_subtype(t.list) {
            "list"
        } else {
            "tuple"
        };
        return type_error(format!(
            "can only concatenate {name} (not \"{}\") to {name}",
            tb.name()
        ));
    }
    if op == BinOp::Mul && (is_sequence(ta) || is_sequence(tb)) {
        let other = if is_sequence(ta) { tb } else { ta };
        return type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            other.name()
        ));
    }
    let sym = if inplace {
        op.inplace_symbol()
    } else {
        op.symbol()
    };
    type_error(format!(
        "unsupported operand type(s) for {sym}: '{}' and '{}'",
        ta.name(),
        tb.name()
    ))
}

/// `a <op> b`.
pub fn binary_op(op: BinOp, a: Value, b: Value) -> PyResult {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        match op {
            BinOp::Add => return Ok(int_from_i64(x + y)),
            BinOp::Sub => return Ok(int_from_i64(x - y)),
            BinOp::Mul => return Ok(int_from_i128(x as i128 * y as i128)),
            _ => {}
        }
    }
    if let (Some(x), Some(y)) = (a.as_f64(), b.as_f64()) {
        match op {
            BinOp::Add => return Ok(Value::from_f64(x + y)),
            BinOp::Sub => return Ok(Value::from_f64(x - y)),
            BinOp::Mul => return Ok(Value::from_f64(x * y)),
            _ => {}
        }
    }
    let r = binary_op1(op, a, b)?;
    if r == Value::NOT_IMPLEMENTED {
        return Err(binary_error(op, a, b, false));
    }
    Ok(r)
}

/// `a <op>= b`: the in-place slot, then the binary operator.
pub fn inplace_op(op: BinOp, a: Value, b: Value) -> PyResult {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        match op {
            BinOp::Add => return Ok(int_from_i64(x + y)),
            BinOp::Sub => return Ok(int_from_i64(x - y)),
            _ => {}
        }
    }
    if let Some(f) = type_of(a).slots.inplace.get() {
        let r = f(op, a, b)?;
        if r != Value::NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    let r = binary_op1(op, a, b)?;
    if r == Value::NOT_IMPLEMENTED {
        return Err(binary_error(op, a, b, true));
    }
    Ok(r)
}

/// `pow(a, b, m)` (`m` None: `a ** b`).
pub fn power(a: Value, b: Value, m: Value) -> PyResult {
    if m.is_none() || m.is_null() {
        return binary_op(BinOp::Pow, a, b);
    }
    let mut tried: Vec<crate::typeobj::TernaryFn> = Vec::new();
    for t in [type_of(a), type_of(b), type_of(m)] {
        if let Some(f) = t.slots.pow3.get() {
            if tried.iter().any(|&g| std::ptr::fn_addr_eq(f, g)) {
                continue;
            }
            tried.push(f);
            let r = f(a, b, m)?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    Err(type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        type_of(a).name(),
        type_of(b).name(),
        type_of(m).name()
    )))
}

/// `-v`, `+v`, `~v`, `abs(v)`.
pub fn unary_op(op: UnaryOp, v: Value) -> PyResult {
    if let Some(i) = v.as_small_int() {
        return Ok(match op {
            UnaryOp::Neg => int_from_i64(-i),
            UnaryOp::Pos => v,
            UnaryOp::Invert => int_from_i64(!i),
            UnaryOp::Abs => int_from_i64(i.abs()),
        });
    }
    if let Some(f) = type_of(v).slots.unary.get() {
        let r = f(op, v)?;
        if r != Value::NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    Err(type_error(format!(
        "bad operand type for {}: '{}'",
        op.describe(),
        type_of(v).name()
    )))
}

macro_rules! binary_fns {
    ($($(#[$m:meta])* $name:ident => $op:ident;)*) => {$(
        $(#[$m])*
        pub fn $name(a: Value, b: Value) -> PyResult {
            binary_op(BinOp::$op, a, b)
        }
    )*};
}

binary_fns! {
    /// `a + b`.
    add => Add;
    /// `a - b`.
    sub => Sub;
    /// `a * b`.
    mul => Mul;
    /// `a @ b`.
    matmul => MatMul;
    /// `a / b`.
    truediv => TrueDiv;
    /// `a // b`.
    floordiv => FloorDiv;
    /// `a % b`.
    modulo => Mod;
    /// `divmod(a, b)`.
    divmod => DivMod;
    /// `a ** b`.
    pow => Pow;
    /// `a << b`.
    lshift => LShift;
    /// `a >> b`.
    rshift => RShift;
    /// `a & b`.
    and => And;
    /// `a | b`.
    or => Or;
    /// `a ^ b`.
    xor => Xor;
}

/// `-v`.
pub fn neg(v: Value) -> PyResult {
    unary_op(UnaryOp::Neg, v)
}

/// `+v`.
pub fn pos(v: Value) -> PyResult {
    unary_op(UnaryOp::Pos, v)
}

/// `~v`.
pub fn invert(v: Value) -> PyResult {
    unary_op(UnaryOp::Invert, v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exceptions::str_of_current;
    use crate::types::string::{as_str, new_str};

    #[test]
    fn dispatch_and_messages() {
        let i = Value::small_int;
        assert_eq!(add(i(1), Value::from_f64(0.5)).unwrap().as_f64(), Some(1.5));
        assert_eq!(add(Value::TRUE, Value::TRUE).unwrap(), i(2));
        assert_eq!(as_str(mul(i(2), new_str("ab")).unwrap()), Some("abab"));
        assert!(add(i(1), new_str("a")).is_err());
        assert_eq!(
            str_of_current(),
            "unsupported operand type(s) for +: 'int' and 'str'"
        );
        assert!(add(new_str("a"), i(1)).is_err());
        assert_eq!(
            str_of_current(),
            "can only concatenate str (not \"int\") to str"
        );
        assert!(mul(new_str("a"), new_str("b")).is_err());
        assert_eq!(
            str_of_current(),
            "can't multiply sequence by non-int of type 'str'"
        );
        assert!(neg(new_str("a")).is_err());
        assert_eq!(str_of_current(), "bad operand type for unary -: 'str'");
        assert!(inplace_op(BinOp::Add, i(1), new_str("a")).is_err());
        assert_eq!(
            str_of_current(),
            "unsupported operand type(s) for +=: 'int' and 'str'"
        );
        assert_eq!(power(i(3), i(4), i(5)).unwrap(), i(1));
        let d = divmod(i(-7), i(2)).unwrap();
        assert_eq!(crate::types::tuple::tuple_items(d).unwrap(), &[i(-4), i(1)]);
        let f = divmod(Value::from_f64(-7.5), i(2)).unwrap();
        let items = crate::types::tuple::tuple_items(f).unwrap();
        assert_eq!(
            (items[0].as_f64(), items[1].as_f64()),
            (Some(-4.0), Some(0.5))
        );
    }
}
