//! Struct sequences (`sys.float_info`, `sys.version_info`): a read-only tuple whose items are
//! also named attributes, repr `sys.float_info(max=..., ...)`. One type,
//! `structseq`, serves every struct sequence; each object carries its
//! display name and field names. Sequence operations go to the tuple.

use std::any::TypeId;

use crate::error::PyResult;
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::downcast;
use crate::ops::CompareOp;
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::SlotDefs;
use crate::types::registry::types;
use crate::types::string::{as_str, new_string};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::Value;

#[repr(C)]
pub struct StructSeqObject {
    pub header: Header,
    /// The name shown by repr (`sys.float_info`).
    pub name: &'static str,
    pub fields: &'static [&'static str],
    /// A tuple of the values, one per field.
    pub items: Value,
    /// Attributes that are not items (`struct_time.tm_zone`).
    pub extra_fields: &'static [&'static str],
    /// A tuple of their values.
    pub extra: Value,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for StructSeqObject {}

/// A struct sequence named `name` with `fields` holding `values`.
pub fn new_struct_seq(
    name: &'static str,
    fields: &'static [&'static str],
    values: &[Value],
) -> Value {
    new_struct_seq_extra(name, fields, values, &[], &[])
}

/// A struct sequence with attributes beyond its items (`extra_fields`,
/// holding `extra`).
pub fn new_struct_seq_extra(
    name: &'static str,
    fields: &'static [&'static str],
    values: &[Value],
    extra_fields: &'static [&'static str],
    extra: &[Value],
) -> Value {
    alloc_value(StructSeqObject {
        header: Header::new(types().structseq),
        name,
        fields,
        items: new_tuple(values),
        extra_fields,
        extra: new_tuple(extra),
    })
}

fn this(v: Value) -> PyResult<&'static StructSeqObject> {
    downcast::<StructSeqObject>(v)
        .ok_or_else(|| crate::error::internal_error("structseq slot on a non-structseq"))
}

/// The tuple behind a struct sequence; other values unchanged.
fn as_tuple(v: Value) -> Value {
    downcast::<StructSeqObject>(v).map_or(v, |s| s.items)
}

fn repr(v: Value) -> PyResult {
    let s = this(v)?;
    let mut out = format!("{}(", s.name);
    for (i, (f, x)) in s
        .fields
        .iter()
        .zip(tuple_items(s.items).unwrap_or(&[]))
        .enumerate()
    {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(f);
        out.push('=');
        out.push_str(&crate::ops::object::repr_string(*x)?);
    }
    out.push(')');
    Ok(new_string(out))
}

fn getattro(v: Value, name: Value) -> PyResult<Option<Value>> {
    let s = this(v)?;
    if let Some(n) = as_str(name) {
        // An extra attribute wins over an item of the same name
        // (`stat_result.st_mtime` is a float, its item an int).
        if let Some(i) = s.extra_fields.iter().position(|f| *f == n) {
            return Ok(tuple_items(s.extra).and_then(|t| t.get(i).copied()));
        }
        if let Some(i) = s.fields.iter().position(|f| *f == n) {
            return Ok(tuple_items(s.items).and_then(|t| t.get(i).copied()));
        }
    }
    crate::ops::attr::generic_getattr(v, name)
}

fn len(v: Value) -> PyResult<usize> {
    Ok(tuple_items(this(v)?.items).map_or(0, |t| t.len()))
}

fn getitem(v: Value, key: Value) -> PyResult {
    crate::ops::subscript::getitem(this(v)?.items, key)
}

fn contains(v: Value, x: Value) -> PyResult<bool> {
    crate::ops::compare::contains(this(v)?.items, x)
}

fn iter(v: Value) -> PyResult {
    crate::ops::iter::iter(this(v)?.items)
}

fn hash(v: Value) -> PyResult<i64> {
    crate::ops::object::hash(this(v)?.items)
}

fn compare(a: Value, b: Value, op: CompareOp) -> PyResult {
    let (x, y) = (as_tuple(a), as_tuple(b));
    if tuple_items(x).is_none() || tuple_items(y).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    crate::ops::compare::rich_compare(x, y, op)
}

fn trace(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(s) = downcast::<StructSeqObject>(v) {
        visit(s.items);
        visit(s.extra);
    }
}

pub fn spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            repr: Some(repr),
            getattro: Some(getattro),
            len: Some(len),
            getitem: Some(getitem),
            contains: Some(contains),
            iter: Some(iter),
            hash: Some(hash),
            richcompare: Some(compare),
            ..SlotDefs::default()
        },
        trace,
        ..TypeSpec::new("structseq", TypeId::of::<StructSeqObject>())
    }
}

/// `sys.float_info`, the IEEE 754 double's parameters.
pub fn float_info() -> Value {
    const FIELDS: &[&str] = &[
        "max",
        "max_exp",
        "max_10_exp",
        "min",
        "min_exp",
        "min_10_exp",
        "dig",
        "mant_dig",
        "epsilon",
        "radix",
        "rounds",
    ];
    let int = Value::small_int;
    new_struct_seq(
        "sys.float_info",
        FIELDS,
        &[
            Value::from_f64(f64::MAX),
            int(f64::MAX_EXP as i64),
            int(f64::MAX_10_EXP as i64),
            Value::from_f64(f64::MIN_POSITIVE),
            int(f64::MIN_EXP as i64),
            int(f64::MIN_10_EXP as i64),
            int(f64::DIGITS as i64),
            int(f64::MANTISSA_DIGITS as i64),
            Value::from_f64(f64::EPSILON),
            int(f64::RADIX as i64),
            int(1),
        ],
    )
}

/// `sys.version_info`: krait implements Python 3.11.
pub fn version_info() -> Value {
    new_struct_seq(
        "sys.version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
        &[
            Value::small_int(3),
            Value::small_int(11),
            Value::small_int(7),
            crate::types::string::new_str("final"),
            Value::small_int(0),
        ],
    )
}
