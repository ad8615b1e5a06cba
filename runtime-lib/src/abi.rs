//! The extern "C" ABI used by generated code, declared once.
//!
//! Each `abi!` entry emits a `#[no_mangle] pub extern "C" fn` that calls
//! the runtime function after `=` and converts its `PyResult` to the C
//! convention (the error word `Value::ERROR` for values, -1 for statuses),
//! and a descriptor in [`ABI`] (name, parameter kinds, return kind) from
//! which the code generator builds its LLVM declarations. Generated code
//! is the only caller of these symbols; pointer arguments point at
//! `nargs` valid values. Only a handful of entries exist so far; the rest
//! come with the LLVM back-end.

use crate::error::PyResult;
use crate::ops::{self, BinOp, CompareOp};
use crate::Value;

/// The kind of an ABI parameter or result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbiKind {
    /// A `Value` word (`Value::ERROR` when failing, as a result).
    Value,
    I64,
    U32,
    Usize,
    /// A pointer to values.
    Ptr,
    /// An i32: 0 on success, -1 when an exception is pending.
    Status,
    /// An i32: 0 or 1, -1 when an exception is pending.
    Truth,
    /// No result.
    Void,
}

/// One function generated code may call.
#[derive(Debug)]
pub struct AbiFunction {
    pub name: &'static str,
    pub params: &'static [AbiKind],
    pub ret: AbiKind,
}

/// Types that may appear as ABI parameters.
pub trait AbiParam {
    const KIND: AbiKind;
}

impl AbiParam for Value {
    const KIND: AbiKind = AbiKind::Value;
}
impl AbiParam for i64 {
    const KIND: AbiKind = AbiKind::I64;
}
impl AbiParam for u32 {
    const KIND: AbiKind = AbiKind::U32;
}
impl AbiParam for usize {
    const KIND: AbiKind = AbiKind::Usize;
}
impl AbiParam for *const Value {
    const KIND: AbiKind = AbiKind::Ptr;
}

/// Types that may appear as ABI results, with the conversion from the
/// runtime function's `PyResult`.
pub trait AbiReturn: Sized {
    type Rust;
    const KIND: AbiKind;
    fn from_result(r: PyResult<Self::Rust>) -> Self;
}

impl AbiReturn for Value {
    type Rust = Value;
    const KIND: AbiKind = AbiKind::Value;
    fn from_result(r: PyResult<Value>) -> Value {
        r.unwrap_or(Value::ERROR)
    }
}

/// 0 on success, -1 when an exception is pending.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status(pub i32);

impl AbiReturn for Status {
    type Rust = ();
    const KIND: AbiKind = AbiKind::Status;
    fn from_result(r: PyResult<()>) -> Status {
        Status(if r.is_ok() { 0 } else { -1 })
    }
}

/// 0 or 1, -1 when an exception is pending.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Truth(pub i32);

impl AbiReturn for Truth {
    type Rust = bool;
    const KIND: AbiKind = AbiKind::Truth;
    fn from_result(r: PyResult<bool>) -> Truth {
        Truth(match r {
            Ok(b) => b as i32,
            Err(_) => -1,
        })
    }
}

impl AbiReturn for () {
    type Rust = ();
    const KIND: AbiKind = AbiKind::Void;
    fn from_result(_: PyResult<()>) {}
}

macro_rules! abi {
    ($($(#[$m:meta])* fn $name:ident($($p:ident: $t:ty),* $(,)?) -> $r:ty = $target:path;)*) => {
        $(
            $(#[$m])*
            #[no_mangle]
            pub extern "C" fn $name($($p: $t),*) -> $r {
                <$r as AbiReturn>::from_result($target($($p),*))
            }
        )*

        /// Every function of the ABI, in declaration order.
        pub static ABI: &[AbiFunction] = &[
            $(AbiFunction {
                name: stringify!($name),
                params: &[$(<$t as AbiParam>::KIND),*],
                ret: <$r as AbiReturn>::KIND,
            },)*
        ];
    };
}

fn args_slice<'a>(args: *const Value, nargs: usize) -> &'a [Value] {
    if args.is_null() || nargs == 0 {
        return &[];
    }
    // SAFETY: generated code passes `nargs` initialised values at `args`.
    unsafe { std::slice::from_raw_parts(args, nargs) }
}

fn kwnames_opt(kwnames: Value) -> Option<Value> {
    (!kwnames.is_null() && !kwnames.is_error() && !kwnames.is_none()).then_some(kwnames)
}

fn call(f: Value, args: *const Value, nargs: usize, kwnames: Value) -> PyResult {
    ops::call::call(f, args_slice(args, nargs), kwnames_opt(kwnames))
}

fn print(args: *const Value, nargs: usize) -> PyResult {
    crate::builtins::print::print(args_slice(args, nargs), None)
}

fn compare(a: Value, b: Value, op: u32) -> PyResult {
    match CompareOp::from_u32(op) {
        Some(op) => ops::compare::rich_compare(a, b, op),
        None => Err(crate::error::internal_error("bad comparison operator")),
    }
}

fn inplace(a: Value, b: Value, op: u32) -> PyResult {
    match BinOp::ALL.get(op as usize) {
        Some(&op) => ops::arith::inplace_op(op, a, b),
        None => Err(crate::error::internal_error("bad in-place operator")),
    }
}

fn setattr(obj: Value, name: Value, value: Value) -> PyResult<()> {
    ops::attr::setattr(obj, name, value)
}

fn runtime_exit() -> PyResult<()> {
    crate::runtime::runtime_exit();
    Ok(())
}

abi! {
    /// `a + b`.
    fn krait_binary_add(a: Value, b: Value) -> Value = ops::arith::add;
    /// `a - b`.
    fn krait_binary_sub(a: Value, b: Value) -> Value = ops::arith::sub;
    /// `a * b`.
    fn krait_binary_mul(a: Value, b: Value) -> Value = ops::arith::mul;
    /// `a / b`.
    fn krait_binary_truediv(a: Value, b: Value) -> Value = ops::arith::truediv;
    /// `a // b`.
    fn krait_binary_floordiv(a: Value, b: Value) -> Value = ops::arith::floordiv;
    /// `a % b`.
    fn krait_binary_mod(a: Value, b: Value) -> Value = ops::arith::modulo;
    /// `a ** b`.
    fn krait_binary_pow(a: Value, b: Value) -> Value = ops::arith::pow;
    /// `a @ b`.
    fn krait_binary_matmul(a: Value, b: Value) -> Value = ops::arith::matmul;
    /// `a << b`.
    fn krait_binary_lshift(a: Value, b: Value) -> Value = ops::arith::lshift;
    /// `a >> b`.
    fn krait_binary_rshift(a: Value, b: Value) -> Value = ops::arith::rshift;
    /// `a & b`.
    fn krait_binary_and(a: Value, b: Value) -> Value = ops::arith::and;
    /// `a | b`.
    fn krait_binary_or(a: Value, b: Value) -> Value = ops::arith::or;
    /// `a ^ b`.
    fn krait_binary_xor(a: Value, b: Value) -> Value = ops::arith::xor;
    /// `a <op>= b`; `op` indexes `BinOp::ALL`.
    fn krait_inplace_op(a: Value, b: Value, op: u32) -> Value = inplace;
    /// `-v`.
    fn krait_unary_neg(v: Value) -> Value = ops::arith::neg;
    /// `~v`.
    fn krait_unary_invert(v: Value) -> Value = ops::arith::invert;
    /// `not v`.
    fn krait_unary_not(v: Value) -> Value = ops::object::not;
    /// `a <op> b`; `op` is CPython's numbering (0 `<` .. 5 `>=`).
    fn krait_compare(a: Value, b: Value, op: u32) -> Value = compare;
    /// Truth of `v`.
    fn krait_is_true(v: Value) -> Truth = ops::object::is_true;
    /// `obj.name`.
    fn krait_getattr(obj: Value, name: Value) -> Value = ops::attr::getattr;
    /// `obj.name = value` (`value` NULL deletes).
    fn krait_setattr(obj: Value, name: Value, value: Value) -> Status = setattr;
    /// `f(*args)` with keyword names (a tuple of str, or NULL).
    fn krait_call(f: Value, args: *const Value, nargs: usize, kwnames: Value) -> Value = call;
    /// `repr(v)`.
    fn krait_repr(v: Value) -> Value = ops::object::repr;
    /// `print(*args)`.
    fn krait_print(args: *const Value, nargs: usize) -> Value = print;
    /// `raise exc from cause` (cause NULL: no `from`); always the error word.
    fn krait_raise(exc: Value, cause: Value) -> Value = crate::exceptions::raise_value;
    /// Flushes stdout before exit.
    fn krait_runtime_exit() -> Status = runtime_exit;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn descriptors_are_unique_and_consistent() {
        let mut names = HashSet::new();
        for f in ABI {
            assert!(names.insert(f.name), "duplicate ABI name {}", f.name);
            assert!(
                f.name.starts_with("krait_"),
                "{} lacks the krait_ prefix",
                f.name
            );
            for p in f.params {
                assert!(
                    !matches!(p, AbiKind::Status | AbiKind::Truth | AbiKind::Void),
                    "{}: {p:?} is not a parameter kind",
                    f.name
                );
            }
            for (i, p) in f.params.iter().enumerate() {
                if *p == AbiKind::Ptr {
                    assert_eq!(
                        f.params.get(i + 1),
                        Some(&AbiKind::Usize),
                        "{}: a pointer is followed by its length",
                        f.name
                    );
                }
            }
        }
        assert!(ABI.len() >= 20);
    }

    #[test]
    fn wrappers_convert_errors() {
        let r = krait_binary_add(Value::small_int(2), Value::small_int(3));
        assert_eq!(r, Value::small_int(5));
        let e = krait_binary_add(Value::small_int(2), Value::NONE);
        assert!(e.is_error());
        crate::error::clear_exception();
        assert_eq!(krait_is_true(Value::small_int(0)), Truth(0));
        assert_eq!(
            krait_compare(Value::small_int(1), Value::small_int(2), 0),
            Value::TRUE
        );
        let args = [Value::small_int(1)];
        let abs = crate::builtins::lookup_builtin("abs").unwrap();
        assert_eq!(
            krait_call(abs, args.as_ptr(), 1, Value::NULL),
            Value::small_int(1)
        );
    }
}
