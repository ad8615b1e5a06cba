//! `bool`: a subclass of int whose two values are the immediates `True`
//! and `False`. `&`, `|`, `^` of two bools give a bool; everything else is
//! int arithmetic.

use std::any::TypeId;

use crate::args;
use crate::error::PyResult;
use crate::ops::BinOp;
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{SlotDefs, TypeObject};
use crate::types::int::arith::int_binary;
use crate::types::none::ImmediateLayout;
use crate::types::string::intern;
use crate::Value;

fn bool_repr(v: Value) -> PyResult {
    Ok(intern(if v == Value::TRUE { "True" } else { "False" }))
}

fn bool_binary(op: BinOp, a: Value, b: Value) -> PyResult {
    if a.is_bool() && b.is_bool() {
        let (x, y) = (a == Value::TRUE, b == Value::TRUE);
        match op {
            BinOp::And => return Ok(Value::from_bool(x & y)),
            BinOp::Or => return Ok(Value::from_bool(x | y)),
            BinOp::Xor => return Ok(Value::from_bool(x ^ y)),
            _ => {}
        }
    }
    int_binary(op, a, b)
}

/// `bool(x=False)`.
fn bool_new(_: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::between("bool", a, k, 0)?;
    if x.is_null() {
        return Ok(Value::FALSE);
    }
    Ok(Value::from_bool(crate::ops::object::is_true(x)?))
}

pub fn spec() -> TypeSpec {
    TypeSpec {
        bases: &["int"],
        slots: SlotDefs {
            repr: Some(bool_repr),
            binary: Some(bool_binary),
            new: Some(bool_new),
            ..SlotDefs::default()
        },
        binary_ops: &[BinOp::And, BinOp::Or, BinOp::Xor],
        ..TypeSpec::new("bool", TypeId::of::<ImmediateLayout>())
    }
}
