//! Constant folding, as CPython 3.11's AST optimiser (`Python/ast_opt.c`)
//! does before compiling: unary and binary operators on constants, tuples
//! of constants, subscripts of constants, `__debug__`, and `not` over an
//! `is`/`in` comparison. The compiler asks [`Compiler::fold`] wherever
//! CPython would see a `Constant` node, instead of rewriting the tree.
//!
//! Folding follows Python's semantics exactly or not at all: an operation
//! that would raise (division by zero, a negative shift, …), or whose
//! result CPython considers too large to fold (ints over 128 bits, strings
//! over 4096 characters, collections over 256 items), is left to run time.

use super::Compiler;
use crate::bytecode::constant::Constant;
use crate::syntax::ast::{self, CmpOp, Expr, ExprContext, ExprKind, Operator, UnaryOp};
use crate::syntax::span::Span;
use krait_runtime::types::complex;
use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: usize = 1024;

/// The bytecode constant for a literal.
pub(super) fn constant(c: &ast::Constant) -> Constant {
    match c {
        ast::Constant::None => Constant::None,
        ast::Constant::Bool(value) => Constant::Bool(*value),
        ast::Constant::Ellipsis => Constant::Ellipsis,
        ast::Constant::Int(ast::Int::Small(value)) => Constant::Int(*value),
        ast::Constant::Int(ast::Int::Big(value)) => Constant::int((**value).clone()),
        ast::Constant::Float(value) => Constant::Float(*value),
        ast::Constant::Complex(imag) => Constant::Complex {
            real: 0.0,
            imag: *imag,
        },
        ast::Constant::Str(text) => Constant::Str(text.clone()),
        ast::Constant::Bytes(bytes) => Constant::Bytes(bytes.clone()),
    }
}

/// `not <comparison>` where the comparison has one `is`, `is not`, `in` or
/// `not in`: the comparison with the operator inverted (left operand,
/// operator, right operand, and the comparison's span).
pub(super) fn inverted_compare(e: &Expr) -> Option<(&Expr, CmpOp, &Expr, Span)> {
    let ExprKind::UnaryOp {
        op: UnaryOp::Not,
        operand,
    } = &e.kind
    else {
        return None;
    };
    let (left, op, right, span) = match &operand.kind {
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } if ops.len() == 1 => (&**left, ops[0], &comparators[0], operand.span),
        ExprKind::UnaryOp { .. } => inverted_compare(operand)?,
        _ => return None,
    };
    let inverted = match op {
        CmpOp::Is => CmpOp::IsNot,
        CmpOp::IsNot => CmpOp::Is,
        CmpOp::In => CmpOp::NotIn,
        CmpOp::NotIn => CmpOp::In,
        _ => return None,
    };
    Some((left, inverted, right, span))
}

impl Compiler<'_> {
    /// The value of `e` if CPython's AST optimiser turns it into a constant.
    /// Failures are remembered: a long chain of operators is folded once,
    /// not once per level.
    pub(super) fn fold(&self, e: &Expr) -> Option<Constant> {
        let key = e as *const Expr as usize;
        if self.fold_failures.borrow().contains(&key) {
            return None;
        }
        let folded = self.fold_uncached(e);
        if folded.is_none() {
            self.fold_failures.borrow_mut().insert(key);
        }
        folded
    }

    /// The tuple of the elements' values, if they are all constants.
    pub(super) fn fold_tuple(&self, elts: &[Expr]) -> Option<Constant> {
        self.fold_all(elts).map(Constant::Tuple)
    }

    fn fold_all(&self, elts: &[Expr]) -> Option<Vec<Constant>> {
        elts.iter().map(|e| self.fold(e)).collect()
    }

    fn fold_uncached(&self, e: &Expr) -> Option<Constant> {
        match &e.kind {
            ExprKind::Constant(c) => Some(constant(c)),
            ExprKind::Name {
                id,
                ctx: ExprContext::Load,
            } if id == "__debug__" => Some(Constant::Bool(true)),
            ExprKind::UnaryOp { op, operand } => unary(*op, &self.fold(operand)?),
            ExprKind::BinOp { left, op, right } => {
                binary(*op, &self.fold(left)?, &self.fold(right)?)
            }
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            } => self.fold_all(elts).map(Constant::Tuple),
            ExprKind::Subscript {
                value,
                slice,
                ctx: ExprContext::Load,
            } => subscript(&self.fold(value)?, &self.fold(slice)?),
            _ => None,
        }
    }
}

/// A number as Python sees it for arithmetic.
enum Num {
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
}

fn num(c: &Constant) -> Option<Num> {
    match c {
        Constant::Bool(value) => Some(Num::Int(BigInt::from(u8::from(*value)))),
        Constant::Int(_) | Constant::BigInt(_) => c.as_bigint().map(Num::Int),
        Constant::Float(value) => Some(Num::Float(*value)),
        Constant::Complex { real, imag } => Some(Num::Complex(*real, *imag)),
        _ => None,
    }
}

fn from_num(n: Num) -> Constant {
    match n {
        Num::Int(value) => Constant::int(value),
        Num::Float(value) => Constant::Float(value),
        Num::Complex(real, imag) => Constant::Complex { real, imag },
    }
}

/// An int as a float, or `None` where Python raises `OverflowError`.
fn int_to_float(value: &BigInt) -> Option<f64> {
    value.to_f64().filter(|f| f.is_finite())
}

fn as_float(n: &Num) -> Option<f64> {
    match n {
        Num::Int(value) => int_to_float(value),
        Num::Float(value) => Some(*value),
        Num::Complex(..) => None,
    }
}

fn as_complex(n: &Num) -> Option<(f64, f64)> {
    match n {
        Num::Complex(real, imag) => Some((*real, *imag)),
        other => as_float(other).map(|f| (f, 0.0)),
    }
}

fn unary(op: UnaryOp, operand: &Constant) -> Option<Constant> {
    if op == UnaryOp::Not {
        return Some(Constant::Bool(!operand.is_truthy()));
    }
    let n = num(operand)?;
    let result = match (op, n) {
        (UnaryOp::USub, Num::Int(value)) => Num::Int(-value),
        (UnaryOp::USub, Num::Float(value)) => Num::Float(-value),
        (UnaryOp::USub, Num::Complex(real, imag)) => Num::Complex(-real, -imag),
        (UnaryOp::UAdd, n) => n,
        (UnaryOp::Invert, Num::Int(value)) => Num::Int(-value - 1),
        _ => return None,
    };
    Some(from_num(result))
}

fn bits(value: &BigInt) -> u64 {
    value.bits()
}

fn binary(op: Operator, left: &Constant, right: &Constant) -> Option<Constant> {
    // Sequences first: concatenation and repetition.
    if let Some(result) = sequence_op(op, left, right) {
        return result;
    }
    let both_bools = matches!((left, right), (Constant::Bool(_), Constant::Bool(_)));
    let (l, r) = (num(left)?, num(right)?);
    let result = match (l, r) {
        (Num::Int(a), Num::Int(b)) => return int_op(op, &a, &b, both_bools),
        (l @ Num::Complex(..), r) | (l, r @ Num::Complex(..)) => {
            let (a, b) = (as_complex(&l)?, as_complex(&r)?);
            complex_op(op, a, b)?
        }
        (l, r) if op == Operator::Pow => float_pow(as_float(&l)?, as_float(&r)?)?,
        (l, r) => Num::Float(float_op(op, as_float(&l)?, as_float(&r)?)?),
    };
    Some(from_num(result))
}

fn int_op(op: Operator, a: &BigInt, b: &BigInt, both_bools: bool) -> Option<Constant> {
    let result = match op {
        Operator::Add => a + b,
        Operator::Sub => a - b,
        Operator::Mult => {
            if !a.is_zero() && !b.is_zero() && bits(a) + bits(b) > MAX_INT_SIZE {
                return None;
            }
            a * b
        }
        Operator::Div => return int_true_divide(a, b).map(Constant::Float),
        Operator::FloorDiv => floor_divmod(a, b)?.0,
        Operator::Mod => floor_divmod(a, b)?.1,
        Operator::Pow => {
            if b.is_negative() {
                if a.is_zero() {
                    return None;
                }
                return float_pow(int_to_float(a)?, int_to_float(b)?).map(from_num);
            }
            if !a.is_zero() && !b.is_zero() {
                let exponent = b.to_u64()?;
                if bits(a) > MAX_INT_SIZE / exponent {
                    return None;
                }
            }
            a.pow(b.to_u32()?)
        }
        Operator::LShift => {
            if b.is_negative() {
                return None;
            }
            if !a.is_zero() && !b.is_zero() {
                let shift = b.to_u64()?;
                if shift > MAX_INT_SIZE || bits(a) > MAX_INT_SIZE - shift {
                    return None;
                }
            }
            a << b.to_usize()?
        }
        Operator::RShift => {
            if b.is_negative() {
                return None;
            }
            match b.to_usize() {
                // Python's >> floors, as BigInt's does for negatives.
                Some(shift) => a >> shift,
                None => {
                    if a.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        Operator::BitAnd | Operator::BitOr | Operator::BitXor => {
            let result = match op {
                Operator::BitAnd => a & b,
                Operator::BitOr => a | b,
                _ => a ^ b,
            };
            if both_bools {
                return Some(Constant::Bool(!result.is_zero()));
            }
            result
        }
        Operator::MatMult => return None,
    };
    Some(Constant::int(result))
}

/// `a / b` for ints, correctly rounded as Python's `long_true_divide`;
/// `None` where it raises or the result would be subnormal.
fn int_true_divide(a: &BigInt, b: &BigInt) -> Option<f64> {
    if b.is_zero() {
        return None;
    }
    let negative = a.is_negative() != b.is_negative();
    let (a, b) = (a.abs(), b.abs());
    let limit = BigInt::one() << 53;
    if a <= limit && b <= limit {
        // Exact conversions, then one correctly rounded division.
        let q = a.to_f64()? / b.to_f64()?;
        return Some(if negative { -q } else { q });
    }
    if a.is_zero() {
        return Some(if negative { -0.0 } else { 0.0 });
    }
    // Scale so that the integer quotient has 55 or 56 bits, then round it
    // to 53 with the remainder as sticky bit.
    let shift = 55 - (a.bits() as i64 - b.bits() as i64);
    let (num, den) = if shift >= 0 {
        (a << shift as usize, b)
    } else {
        (a, b << (-shift) as usize)
    };
    let (q, r) = (&num / &den, &num % &den);
    let extra = q.bits() as i64 - 53;
    let mut mantissa = &q >> extra as usize;
    let low = &q - (&mantissa << extra as usize);
    let half = BigInt::one() << (extra - 1) as usize;
    let round_up = low > half || (low == half && (!r.is_zero() || mantissa.bit(0)));
    if round_up {
        mantissa += 1;
    }
    let exponent = extra - shift;
    let value = mantissa.to_f64()? * 2f64.powi(i32::try_from(exponent).ok()?);
    if !value.is_finite() || value < f64::MIN_POSITIVE {
        return None;
    }
    Some(if negative { -value } else { value })
}

/// Python's `divmod` for ints (the quotient rounds toward minus infinity).
fn floor_divmod(a: &BigInt, b: &BigInt) -> Option<(BigInt, BigInt)> {
    if b.is_zero() {
        return None;
    }
    let mut q = a / b;
    let mut r = a % b;
    if !r.is_zero() && (r.sign() == Sign::Minus) != (b.sign() == Sign::Minus) {
        q -= 1;
        r += b;
    }
    Some((q, r))
}

fn float_op(op: Operator, a: f64, b: f64) -> Option<f64> {
    let result = match op {
        Operator::Add => a + b,
        Operator::Sub => a - b,
        Operator::Mult => a * b,
        Operator::Div => {
            if b == 0.0 {
                return None;
            }
            a / b
        }
        Operator::FloorDiv => float_divmod(a, b)?.0,
        Operator::Mod => float_divmod(a, b)?.1,
        Operator::Pow => return float_pow(a, b).and_then(|n| as_float(&n)),
        _ => return None,
    };
    Some(result)
}

/// Python's `divmod` for floats (`float_divmod` in `floatobject.c`).
fn float_divmod(vx: f64, wx: f64) -> Option<(f64, f64)> {
    if wx == 0.0 {
        return None;
    }
    let mut modulo = vx % wx;
    let mut div = (vx - modulo) / wx;
    if modulo != 0.0 {
        if (wx < 0.0) != (modulo < 0.0) {
            modulo += wx;
            div -= 1.0;
        }
    } else {
        modulo = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut floordiv = div.floor();
        if div - floordiv > 0.5 {
            floordiv += 1.0;
        }
        floordiv
    } else {
        0.0f64.copysign(vx / wx)
    };
    Some((floordiv, modulo))
}

fn complex_op(op: Operator, a: (f64, f64), b: (f64, f64)) -> Option<Num> {
    let (real, imag) = match op {
        Operator::Add => (a.0 + b.0, a.1 + b.1),
        Operator::Sub => (a.0 - b.0, a.1 - b.1),
        Operator::Mult => complex::product(a, b),
        Operator::Div => complex::quotient(a, b)?,
        Operator::Pow => complex::power(a, b).ok()?,
        _ => return None,
    };
    Some(Num::Complex(real, imag))
}

/// Python's `float.__pow__` (`float_pow`), which hands negative bases
/// with fractional exponents to complex power; `None` where it raises.
fn float_pow(v: f64, w: f64) -> Option<Num> {
    if w == 0.0 {
        return Some(Num::Float(1.0));
    }
    if v.is_nan() {
        return Some(Num::Float(v));
    }
    if w.is_nan() {
        return Some(Num::Float(if v == 1.0 { 1.0 } else { w }));
    }
    let is_odd_integer = |x: f64| x.is_finite() && x.fract() == 0.0 && (x % 2.0).abs() == 1.0;
    if w.is_infinite() {
        let av = v.abs();
        let result = if av == 1.0 {
            1.0
        } else if (w > 0.0) == (av > 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Some(Num::Float(result));
    }
    if v.is_infinite() {
        let odd = is_odd_integer(w);
        let result = if w > 0.0 {
            if odd {
                v
            } else {
                v.abs()
            }
        } else if odd {
            0.0f64.copysign(v)
        } else {
            0.0
        };
        return Some(Num::Float(result));
    }
    if v == 0.0 {
        if w < 0.0 {
            return None;
        }
        return Some(Num::Float(if is_odd_integer(w) { v } else { 0.0 }));
    }
    let mut base = v;
    let mut negate = false;
    if v < 0.0 {
        if w != w.floor() {
            let (real, imag) = complex::power((v, 0.0), (w, 0.0)).ok()?;
            return Some(Num::Complex(real, imag));
        }
        base = -v;
        negate = is_odd_integer(w);
    }
    if base == 1.0 {
        return Some(Num::Float(if negate { -1.0 } else { 1.0 }));
    }
    let result = base.powf(w);
    if result.is_infinite() {
        return None;
    }
    Some(Num::Float(if negate { -result } else { result }))
}

/// How many items a constant holds, counting nested tuples' items.
fn total_items(c: &Constant) -> usize {
    match c {
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
            items.len() + items.iter().map(total_items).sum::<usize>()
        }
        _ => 0,
    }
}

/// `+` and `*` on strings, bytes and tuples; `None` if not a sequence
/// operation, `Some(None)` if it must not be folded.
fn sequence_op(op: Operator, left: &Constant, right: &Constant) -> Option<Option<Constant>> {
    match (op, left, right) {
        (Operator::Add, Constant::Str(a), Constant::Str(b)) => {
            Some(Some(Constant::Str(format!("{a}{b}"))))
        }
        (Operator::Add, Constant::Bytes(a), Constant::Bytes(b)) => {
            Some(Some(Constant::Bytes([a.as_slice(), b].concat())))
        }
        (Operator::Add, Constant::Tuple(a), Constant::Tuple(b)) => {
            Some(Some(Constant::Tuple(a.iter().chain(b).cloned().collect())))
        }
        (
            Operator::Mult,
            Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_),
            Constant::Int(_) | Constant::BigInt(_) | Constant::Bool(_),
        ) => Some(repeat(left, right)),
        (
            Operator::Mult,
            Constant::Int(_) | Constant::BigInt(_) | Constant::Bool(_),
            Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_),
        ) => Some(repeat(right, left)),
        (Operator::Mod, Constant::Str(_) | Constant::Bytes(_), _) => Some(None),
        (_, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_), _)
        | (_, _, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)) => Some(None),
        _ => None,
    }
}

fn repeat(sequence: &Constant, count: &Constant) -> Option<Constant> {
    let n = match count {
        Constant::Bool(value) => i64::from(*value),
        Constant::Int(value) => *value,
        _ => return None,
    };
    let size = match sequence {
        Constant::Str(text) => text.chars().count(),
        Constant::Bytes(bytes) => bytes.len(),
        Constant::Tuple(items) => items.len(),
        _ => return None,
    };
    let limit = if matches!(sequence, Constant::Tuple(_)) {
        MAX_COLLECTION_SIZE
    } else {
        MAX_STR_SIZE
    };
    if let Some(max_count) = limit.checked_div(size) {
        if n < 0 || n as usize > max_count {
            return None;
        }
        if let Some(max_items) = MAX_TOTAL_ITEMS.checked_div(n as usize) {
            if total_items(sequence) > max_items {
                return None;
            }
        }
    }
    let n = n.max(0) as usize;
    Some(match sequence {
        Constant::Str(text) => Constant::Str(text.repeat(n)),
        Constant::Bytes(bytes) => Constant::Bytes(bytes.repeat(n)),
        Constant::Tuple(items) => Constant::Tuple(
            items
                .iter()
                .cloned()
                .cycle()
                .take(items.len() * n)
                .collect(),
        ),
        _ => return None,
    })
}

fn subscript(value: &Constant, index: &Constant) -> Option<Constant> {
    let i = match index {
        Constant::Bool(b) => i64::from(*b),
        Constant::Int(i) => *i,
        _ => return None,
    };
    let at = |len: usize| -> Option<usize> {
        let len = len as i64;
        let i = if i < 0 { i + len } else { i };
        (0..len).contains(&i).then_some(i as usize)
    };
    match value {
        Constant::Str(text) => {
            let count = text.chars().count();
            let ch = text.chars().nth(at(count)?)?;
            Some(Constant::Str(ch.to_string()))
        }
        Constant::Bytes(bytes) => Some(Constant::Int(i64::from(bytes[at(bytes.len())?]))),
        Constant::Tuple(items) => Some(items[at(items.len())?].clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_division_semantics() {
        let (a, b) = (BigInt::from(-7), BigInt::from(2));
        assert_eq!(
            floor_divmod(&a, &b),
            Some((BigInt::from(-4), BigInt::from(1)))
        );
        assert_eq!(float_divmod(-7.0, 2.0), Some((-4.0, 1.0)));
        assert_eq!(float_divmod(7.0, -2.0), Some((-4.0, -1.0)));
        assert_eq!(float_divmod(1.0, 0.0), None);
    }

    #[test]
    fn folding_respects_cpythons_limits() {
        let two = Constant::Int(2);
        let big = Constant::Int(200);
        assert!(binary(Operator::Pow, &two, &big).is_none());
        let ten = Constant::Int(10);
        assert!(matches!(
            binary(Operator::Pow, &two, &ten),
            Some(Constant::Int(1024))
        ));
        let s = Constant::Str("ab".into());
        assert!(
            matches!(binary(Operator::Mult, &s, &Constant::Int(3)), Some(Constant::Str(t)) if t == "ababab")
        );
        assert!(binary(Operator::Mult, &s, &Constant::Int(5000)).is_none());
        assert!(binary(Operator::Div, &two, &Constant::Int(0)).is_none());
        let big = BigInt::from(10).pow(30);
        let small = BigInt::from(10).pow(15);
        assert_eq!(int_true_divide(&big, &small), Some(1e15));
        let third = int_true_divide(
            &BigInt::from(10).pow(40),
            &(BigInt::from(3) * BigInt::from(10).pow(40)),
        );
        assert_eq!(third, Some(1.0 / 3.0));
        assert!(matches!(
            binary(
                Operator::BitAnd,
                &Constant::Bool(true),
                &Constant::Bool(true)
            ),
            Some(Constant::Bool(true))
        ));
    }
}
