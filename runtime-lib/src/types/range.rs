//! `range`: start/stop/step with length, indexing, `in`, equality, and
//! its iterator (in `iterators`). Bounds are i64 for now (CPython also
//! allows big-int ranges).

use std::any::TypeId;

use crate::error::{index_error, type_error, value_error, PyResult};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::downcast;
use crate::ops::CompareOp;
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{SlotDefs, TypeObject};
use crate::types::builtin_func::{GetSetDef, MethodDef};
use crate::types::int::{index_value, int_from_i64, int_from_usize, int_of, Int};
use crate::types::registry::types;
use crate::types::sequence::normalize_index;
use crate::types::string::new_string;
use crate::Value;

#[repr(C)]
pub struct RangeObject {
    pub header: Header,
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for RangeObject {}

/// Number of items in range(start, stop, step).
pub fn range_len(start: i64, stop: i64, step: i64) -> usize {
    let (lo, hi, st) = if step > 0 {
        (start, stop, step)
    } else {
        (stop, start, -step)
    };
    if lo >= hi {
        0
    } else {
        ((hi as i128 - lo as i128 - 1) / st as i128 + 1) as usize
    }
}

pub fn new_range(start: i64, stop: i64, step: i64) -> Value {
    alloc_value(RangeObject {
        header: Header::new(types().range),
        start,
        stop,
        step,
        len: range_len(start, stop, step),
    })
}

impl RangeObject {
    pub fn item(&self, i: usize) -> i64 {
        self.start + i as i64 * self.step
    }
}

fn this(v: Value) -> PyResult<&'static RangeObject> {
    downcast::<RangeObject>(v)
        .ok_or_else(|| crate::error::internal_error("range slot on a non-range"))
}

fn arg(v: Value) -> PyResult<i64> {
    match index_value(v)? {
        Some(i) => Ok(i),
        None => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            crate::object::type_of(v).name()
        ))),
    }
}

fn range_new(_: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    crate::args::no_kwargs("range", k)?;
    let (start, stop, step) = match a.len() {
        1 => (0, arg(a[0])?, 1),
        2 => (arg(a[0])?, arg(a[1])?, 1),
        3 => (arg(a[0])?, arg(a[1])?, arg(a[2])?),
        0 => return Err(type_error("range expected at least 1 argument, got 0")),
        n => {
            return Err(type_error(format!(
                "range expected at most 3 arguments, got {n}"
            )))
        }
    };
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(new_range(start, stop, step))
}

fn range_repr(v: Value) -> PyResult {
    let r = this(v)?;
    Ok(new_string(if r.step == 1 {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }))
}

fn range_length(v: Value) -> PyResult<usize> {
    Ok(this(v)?.len)
}

fn range_bool(v: Value) -> PyResult<bool> {
    Ok(this(v)?.len > 0)
}

fn range_getitem(v: Value, key: Value) -> PyResult {
    let r = this(v)?;
    if let Some(sl) = downcast::<crate::types::slice::SliceObject>(key) {
        let ix = sl.indices(r.len)?;
        let start = r.start + ix.start * r.step;
        let step = r.step * ix.step;
        return Ok(new_range(start, start + ix.len as i64 * step, step));
    }
    let Some(i) = index_value(key)? else {
        return Err(type_error(format!(
            "range indices must be integers or slices, not {}",
            crate::object::type_of(key).name()
        )));
    };
    match normalize_index(i, r.len) {
        Some(i) => Ok(int_from_i64(r.item(i))),
        None => Err(index_error("range object index out of range")),
    }
}

fn contains_int(r: &RangeObject, x: i64) -> bool {
    let in_bounds = if r.step > 0 {
        r.start <= x && x < r.stop
    } else {
        r.stop < x && x <= r.start
    };
    in_bounds && (x - r.start) % r.step == 0
}

fn range_contains(v: Value, item: Value) -> PyResult<bool> {
    let r = this(v)?;
    if !item.is_bool() {
        if let Some(Int::Small(x)) = int_of(item) {
            return Ok(contains_int(r, x));
        }
    }
    for i in 0..r.len {
        let x = int_from_i64(r.item(i));
        if crate::ops::compare::rich_compare_bool(x, item, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn range_compare(a: Value, b: Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (downcast::<RangeObject>(a), downcast::<RangeObject>(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let same =
        x.len == y.len && (x.len == 0 || (x.start == y.start && (x.len == 1 || x.step == y.step)));
    Ok(Value::from_bool(same == (op == CompareOp::Eq)))
}

fn range_iter(v: Value) -> PyResult {
    let r = this(v)?;
    Ok(crate::types::iterators::new_range_iterator(
        r.start, r.step, r.len,
    ))
}

fn start(v: Value) -> PyResult {
    Ok(int_from_i64(this(v)?.start))
}

fn stop(v: Value) -> PyResult {
    Ok(int_from_i64(this(v)?.stop))
}

fn step(v: Value) -> PyResult {
    Ok(int_from_i64(this(v)?.step))
}

fn count(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [x]) = crate::args::method::<1>("range.count", a, k, 1)?;
    Ok(int_from_usize(range_contains(s, x)? as usize))
}

fn index(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [x]) = crate::args::method::<1>("range.index", a, k, 1)?;
    let r = this(s)?;
    if let Some(Int::Small(i)) = int_of(x) {
        if contains_int(r, i) {
            return Ok(int_from_i64((i - r.start) / r.step));
        }
    }
    Err(value_error(format!(
        "{} is not in range",
        crate::ops::object::repr_string(x)?
    )))
}

pub fn spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            repr: Some(range_repr),
            len: Some(range_length),
            bool: Some(range_bool),
            getitem: Some(range_getitem),
            contains: Some(range_contains),
            richcompare: Some(range_compare),
            iter: Some(range_iter),
            new: Some(range_new),
            ..SlotDefs::default()
        },
        methods: const {
            &[
                MethodDef::new("count", count),
                MethodDef::new("index", index),
            ]
        },
        getsets: const {
            &[
                GetSetDef::readonly("start", start),
                GetSetDef::readonly("stop", stop),
                GetSetDef::readonly("step", step),
            ]
        },
        ..TypeSpec::new("range", TypeId::of::<RangeObject>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_and_membership() {
        assert_eq!(range_len(0, 10, 3), 4);
        assert_eq!(range_len(10, 0, -3), 4);
        assert_eq!(range_len(5, 5, 1), 0);
        let r = new_range(10, 0, -3);
        assert!(range_contains(r, Value::small_int(4)).unwrap());
        assert!(!range_contains(r, Value::small_int(5)).unwrap());
        assert_eq!(
            range_getitem(r, Value::small_int(-1)).unwrap(),
            Value::small_int(1)
        );
        assert!(range_getitem(new_range(0, 0, 1), Value::small_int(1)).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "range object index out of range"
        );
    }
}
