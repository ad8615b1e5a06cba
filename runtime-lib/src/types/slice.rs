//! `slice`: start/stop/step, and `indices(len)` (CPython's
//! `PySlice_GetIndicesEx`) that every sequence uses to resolve a slice.

use std::any::TypeId;
use std::mem::offset_of;

use crate::error::{type_error, value_error, PyResult};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::downcast;
use crate::ops::CompareOp;
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{SlotDefs, TypeObject};
use crate::types::builtin_func::{GetSetDef, MethodDef};
use crate::types::int::{index_value, int_from_i64};
use crate::types::registry::types;
use crate::types::string::new_string;
use crate::types::tuple::new_tuple;
use crate::Value;

#[repr(C)]
pub struct SliceObject {
    pub header: Header,
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for SliceObject {}

pub const SLICE_START_OFFSET: usize = offset_of!(SliceObject, start);

/// A slice resolved against a length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SliceIndices {
    pub start: i64,
    pub step: i64,
    /// Number of items selected.
    pub len: usize,
}

impl SliceIndices {
    /// The selected indexes in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> {
        let (start, step) = (self.start, self.step);
        (0..self.len as i64).map(move |k| (start + k * step) as usize)
    }
}

pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    alloc_value(SliceObject {
        header: Header::new(types().slice),
        start,
        stop,
        step,
    })
}

#[inline]
fn index_or_none(v: Value) -> PyResult<Option<i64>> {
    if v.is_none() || v.is_null() {
        return Ok(None);
    }
    match index_value(v) {
        Ok(Some(i)) => Ok(Some(i)),
        Ok(None) => Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
        Err(e) => {
            // Huge indexes clamp, as CPython's _PyEval_SliceIndex does.
            if crate::error::clear_if(types().exc.OverflowError) {
                let neg = crate::types::int::int_of(v).is_some_and(|i| i.is_negative());
                return Ok(Some(if neg { i64::MIN / 2 } else { i64::MAX / 2 }));
            }
            Err(e)
        }
    }
}

/// A slice's bounds, with or without a slice object: `x[a:b:c]` on the
/// builtin sequences resolves them without allocating one.
#[derive(Debug, Clone, Copy)]
pub struct SliceBounds {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl SliceBounds {
    /// The slice object with these bounds.
    pub fn to_object(self) -> Value {
        new_slice(self.start, self.stop, self.step)
    }

    /// Resolves against a sequence of `len` items.
    pub fn indices(&self, len: usize) -> PyResult<SliceIndices> {
        let (start, stop, step) = self.clamped(len)?;
        let count = if step > 0 {
            if stop > start {
                (stop - start - 1) / step + 1
            } else {
                0
            }
        } else if start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        Ok(SliceIndices {
            start,
            step,
            len: count as usize,
        })
    }

    /// `slice.indices(len)`: start and stop clamped to the sequence, and
    /// the step (CPython's `PySlice_Unpack` + `PySlice_AdjustIndices`).
    pub fn clamped(&self, len: usize) -> PyResult<(i64, i64, i64)> {
        let step = index_or_none(self.step)?.unwrap_or(1);
        if step == 0 {
            return Err(value_error("slice step cannot be zero"));
        }
        let n = len as i64;
        let (lower, upper) = if step < 0 { (-1, n - 1) } else { (0, n) };
        let clamp = |v: Option<i64>, default: i64| match v {
            None => default,
            Some(i) if i < 0 => (i + n).max(lower),
            Some(i) => i.min(upper),
        };
        let start = clamp(
            index_or_none(self.start)?,
            if step < 0 { upper } else { lower },
        );
        let stop = clamp(
            index_or_none(self.stop)?,
            if step < 0 { lower } else { upper },
        );
        Ok((start, stop, step))
    }
}

impl SliceObject {
    pub fn bounds(&self) -> SliceBounds {
        SliceBounds {
            start: self.start,
            stop: self.stop,
            step: self.step,
        }
    }

    /// Resolves against a sequence of `len` items.
    pub fn indices(&self, len: usize) -> PyResult<SliceIndices> {
        self.bounds().indices(len)
    }
}

fn this(v: Value) -> PyResult<&'static SliceObject> {
    downcast::<SliceObject>(v)
        .ok_or_else(|| crate::error::internal_error("slice slot on a non-slice"))
}

fn slice_repr(v: Value) -> PyResult {
    let s = this(v)?;
    let r = crate::ops::object::repr_string;
    Ok(new_string(format!(
        "slice({}, {}, {})",
        r(s.start)?,
        r(s.stop)?,
        r(s.step)?
    )))
}

fn slice_compare(a: Value, b: Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (downcast::<SliceObject>(a), downcast::<SliceObject>(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let tx = new_tuple(&[x.start, x.stop, x.step]);
    let ty = new_tuple(&[y.start, y.stop, y.step]);
    crate::ops::compare::rich_compare(tx, ty, op)
}

fn slice_new(_: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let [x, y, z] = crate::args::between("slice", a, k, 1)?;
    let none = |v: Value| if v.is_null() { Value::NONE } else { v };
    Ok(if y.is_null() {
        new_slice(Value::NONE, x, Value::NONE)
    } else {
        new_slice(x, y, none(z))
    })
}

fn start(v: Value) -> PyResult {
    Ok(this(v)?.start)
}

fn stop(v: Value) -> PyResult {
    Ok(this(v)?.stop)
}

fn step(v: Value) -> PyResult {
    Ok(this(v)?.step)
}

fn indices(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [n]) = crate::args::method::<1>("slice.indices", a, k, 1)?;
    let n = crate::types::int::to_i64(n)?;
    if n < 0 {
        return Err(value_error("length should not be negative"));
    }
    let (start, stop, step) = this(s)?.bounds().clamped(n as usize)?;
    Ok(new_tuple(&[
        int_from_i64(start),
        int_from_i64(stop),
        int_from_i64(step),
    ]))
}

fn trace(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(s) = downcast::<SliceObject>(v) {
        visit(s.start);
        visit(s.stop);
        visit(s.step);
    }
}

pub fn spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            repr: Some(slice_repr),
            richcompare: Some(slice_compare),
            hash: Some(crate::ops::object::hash_not_implemented),
            new: Some(slice_new),
            ..SlotDefs::default()
        },
        unhashable: true,
        methods: const { &[MethodDef::new("indices", indices)] },
        getsets: const {
            &[
                GetSetDef::readonly("start", start),
                GetSetDef::readonly("stop", stop),
                GetSetDef::readonly("step", step),
            ]
        },
        trace,
        ..TypeSpec::new("slice", TypeId::of::<SliceObject>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ix(start: Value, stop: Value, step: Value, len: usize) -> (i64, i64, usize) {
        let s = new_slice(start, stop, step);
        let r = downcast::<SliceObject>(s).unwrap().indices(len).unwrap();
        (r.start, r.step, r.len)
    }

    #[test]
    fn indices_match_cpython() {
        let i = Value::small_int;
        let n = Value::NONE;
        assert_eq!(ix(n, n, n, 5), (0, 1, 5));
        assert_eq!(ix(n, n, i(-1), 5), (4, -1, 5));
        assert_eq!(ix(i(-2), n, n, 5), (3, 1, 2));
        assert_eq!(ix(i(1), i(100), i(2), 5), (1, 2, 2));
        assert_eq!(ix(i(10), i(0), i(-3), 5), (4, -3, 2));
        assert_eq!(ix(i(3), i(1), n, 5), (3, 1, 0));
    }
}
