//! `range`: start/stop/step with length, indexing, `in`, equality, and
//! its iterator (in `iterators`). Bounds that fit in i64 (with a length
//! that fits too) use the i64 fields; otherwise the range keeps its
//! bounds as big integers in `big` (CPython allows any int bounds) and
//! iterates through the sequence protocol.

use std::any::TypeId;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::error::{index_error, overflow_error, type_error, value_error, PyResult};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::downcast;
use crate::ops::CompareOp;
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{SlotDefs, TypeObject};
use crate::types::builtin_func::{GetSetDef, MethodDef};
use crate::types::int::{index_value, int_from_bigint, int_from_i64, int_from_usize, int_of, Int};
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
    /// The bounds when they (or the length) do not fit the i64 fields,
    /// which are then unused.
    pub big: Option<Box<BigRange>>,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for RangeObject {}

/// A range's bounds and length as big integers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BigRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    pub len: BigInt,
}

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

/// [`range_len`] for big bounds (`step` is not zero).
fn big_range_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, st) = if step.is_positive() {
        (start, stop, step.clone())
    } else {
        (stop, start, -step)
    };
    if lo >= hi {
        BigInt::zero()
    } else {
        (hi - lo - 1u8) / st + 1u8
    }
}

pub fn new_range(start: i64, stop: i64, step: i64) -> Value {
    alloc_value(RangeObject {
        header: Header::new(types().range),
        start,
        stop,
        step,
        len: range_len(start, stop, step),
        big: None,
    })
}

/// A range of any int bounds (`step` is not zero): the i64 form when
/// everything fits.
pub fn new_big_range(start: BigInt, stop: BigInt, step: BigInt) -> Value {
    let len = big_range_len(&start, &stop, &step);
    if let (Some(a), Some(b), Some(c), Some(_)) =
        (start.to_i64(), stop.to_i64(), step.to_i64(), len.to_i64())
    {
        return new_range(a, b, c);
    }
    alloc_value(RangeObject {
        header: Header::new(types().range),
        start: 0,
        stop: 0,
        step: 1,
        len: 0,
        big: Some(Box::new(BigRange {
            start,
            stop,
            step,
            len,
        })),
    })
}

impl RangeObject {
    pub fn item(&self, i: usize) -> i64 {
        self.start + i as i64 * self.step
    }

    /// The bounds and length as big integers (either form).
    pub fn bounds(&self) -> BigRange {
        match &self.big {
            Some(b) => (**b).clone(),
            None => BigRange {
                start: self.start.into(),
                stop: self.stop.into(),
                step: self.step.into(),
                len: self.len.into(),
            },
        }
    }

    /// Whether the int `x` is one of the range's items; its position if so.
    fn position(&self, x: &BigInt) -> Option<BigInt> {
        let b = self.bounds();
        let in_bounds = if b.step.is_positive() {
            &b.start <= x && x < &b.stop
        } else {
            &b.stop < x && x <= &b.start
        };
        if !in_bounds {
            return None;
        }
        let (q, r) = (x - &b.start).div_rem(&b.step);
        r.is_zero().then_some(q)
    }
}

fn this(v: Value) -> PyResult<&'static RangeObject> {
    downcast::<RangeObject>(v)
        .ok_or_else(|| crate::error::internal_error("range slot on a non-range"))
}

/// `operator.index(v)` as a big integer; None when `v` has no `__index__`.
fn index_big(v: Value) -> PyResult<Option<BigInt>> {
    if let Some(i) = int_of(v) {
        return Ok(Some(i.to_bigint().into_owned()));
    }
    let Some(f) = crate::object::type_of(v).slots.index.get() else {
        return Ok(None);
    };
    let r = f(v)?;
    match int_of(r) {
        Some(i) => Ok(Some(i.to_bigint().into_owned())),
        None => Err(type_error(format!(
            "__index__ returned non-int (type {})",
            crate::object::type_of(r).name()
        ))),
    }
}

fn arg(v: Value) -> PyResult<BigInt> {
    match index_big(v)? {
        Some(i) => Ok(i),
        None => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            crate::object::type_of(v).name()
        ))),
    }
}

fn range_new(_: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    crate::args::no_kwargs("range", k)?;
    // Small-int bounds (nearly every range): no big-int detour.
    let small = |i: usize| a[i].as_small_int();
    let bounds = match a.len() {
        1 => small(0).map(|stop| (0, stop, 1)),
        2 => small(0).zip(small(1)).map(|(start, stop)| (start, stop, 1)),
        3 => small(0)
            .zip(small(1))
            .zip(small(2))
            .map(|((start, stop), step)| (start, stop, step)),
        _ => None,
    };
    if let Some((start, stop, step)) = bounds.filter(|b| b.2 != 0) {
        return Ok(new_range(start, stop, step));
    }
    let (start, stop, step) = match a.len() {
        1 => (BigInt::zero(), arg(a[0])?, BigInt::one()),
        2 => (arg(a[0])?, arg(a[1])?, BigInt::one()),
        3 => (arg(a[0])?, arg(a[1])?, arg(a[2])?),
        0 => return Err(type_error("range expected at least 1 argument, got 0")),
        n => {
            return Err(type_error(format!(
                "range expected at most 3 arguments, got {n}"
            )))
        }
    };
    if step.is_zero() {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(new_big_range(start, stop, step))
}

fn range_repr(v: Value) -> PyResult {
    let b = this(v)?.bounds();
    Ok(new_string(if b.step.is_one() {
        format!("range({}, {})", b.start, b.stop)
    } else {
        format!("range({}, {}, {})", b.start, b.stop, b.step)
    }))
}

fn range_length(v: Value) -> PyResult<usize> {
    let r = this(v)?;
    match &r.big {
        None => Ok(r.len),
        Some(b) => b
            .len
            .to_i64()
            .map(|n| n as usize)
            .ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn range_bool(v: Value) -> PyResult<bool> {
    let r = this(v)?;
    Ok(match &r.big {
        None => r.len > 0,
        Some(b) => b.len.is_positive(),
    })
}

/// A slice bound: None, or an int clamped to `[lower, upper]` after
/// adding `len` to negatives (CPython's `compute_slice` on longs).
fn slice_bound(
    v: Value,
    len: &BigInt,
    lower: &BigInt,
    upper: &BigInt,
    default: &BigInt,
) -> PyResult<BigInt> {
    if v.is_null() || v.is_none() {
        return Ok(default.clone());
    }
    let Some(i) = index_big(v)? else {
        return Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        ));
    };
    Ok(if i.is_negative() {
        (i + len).max(lower.clone())
    } else {
        i.min(upper.clone())
    })
}

/// `r[slice]` on a range with big bounds.
fn big_slice(r: &RangeObject, sl: &crate::types::slice::SliceObject) -> PyResult {
    let b = r.bounds();
    let step = if sl.step.is_null() || sl.step.is_none() {
        BigInt::one()
    } else {
        index_big(sl.step)?.ok_or_else(|| {
            type_error("slice indices must be integers or None or have an __index__ method")
        })?
    };
    if step.is_zero() {
        return Err(value_error("slice step cannot be zero"));
    }
    let (lower, upper) = if step.is_negative() {
        (-BigInt::one(), &b.len - 1u8)
    } else {
        (BigInt::zero(), b.len.clone())
    };
    let (dstart, dstop) = if step.is_negative() {
        (&upper, &lower)
    } else {
        (&lower, &upper)
    };
    let start = slice_bound(sl.start, &b.len, &lower, &upper, dstart)?;
    let stop = slice_bound(sl.stop, &b.len, &lower, &upper, dstop)?;
    Ok(new_big_range(
        &b.start + start * &b.step,
        &b.start + stop * &b.step,
        &b.step * step,
    ))
}

fn range_getitem(v: Value, key: Value) -> PyResult {
    let r = this(v)?;
    if let Some(sl) = downcast::<crate::types::slice::SliceObject>(key) {
        if r.big.is_some() {
            return big_slice(r, sl);
        }
        let ix = sl.indices(r.len)?;
        let start = r.start + ix.start * r.step;
        let step = r.step * ix.step;
        return Ok(new_range(start, start + ix.len as i64 * step, step));
    }
    if r.big.is_none() && !matches!(int_of(key), Some(Int::Big(_))) {
        let Some(i) = index_value(key)? else {
            return Err(type_error(format!(
                "range indices must be integers or slices, not {}",
                crate::object::type_of(key).name()
            )));
        };
        return match normalize_index(i, r.len) {
            Some(i) => Ok(int_from_i64(r.item(i))),
            None => Err(index_error("range object index out of range")),
        };
    }
    let Some(mut i) = index_big(key)? else {
        return Err(type_error(format!(
            "range indices must be integers or slices, not {}",
            crate::object::type_of(key).name()
        )));
    };
    let b = r.bounds();
    if i.is_negative() {
        i += &b.len;
    }
    if i.is_negative() || i >= b.len {
        return Err(index_error("range object index out of range"));
    }
    Ok(int_from_bigint(b.start + i * b.step))
}

fn contains_int(r: &RangeObject, x: i64) -> bool {
    let in_bounds = if r.step > 0 {
        r.start <= x && x < r.stop
    } else {
        r.stop < x && x <= r.start
    };
    in_bounds && (x - r.start) % r.step == 0
}

/// The int `item` (not a bool or other subclass-free check: exact ints
/// and bools compare by value) as a big integer, if it is one.
fn int_item(item: Value) -> Option<BigInt> {
    if item.is_bool() {
        return None;
    }
    int_of(item).map(|i| i.to_bigint().into_owned())
}

fn range_contains(v: Value, item: Value) -> PyResult<bool> {
    let r = this(v)?;
    if r.big.is_none() && !item.is_bool() {
        if let Some(Int::Small(x)) = int_of(item) {
            return Ok(contains_int(r, x));
        }
    }
    if let Some(x) = int_item(item) {
        return Ok(r.position(&x).is_some());
    }
    let b = r.bounds();
    let mut i = BigInt::zero();
    while i < b.len {
        let x = int_from_bigint(&b.start + &i * &b.step);
        if crate::ops::compare::rich_compare_bool(x, item, CompareOp::Eq)? {
            return Ok(true);
        }
        i += 1u8;
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
    let (x, y) = (x.bounds(), y.bounds());
    let same = x.len == y.len
        && (x.len.is_zero() || (x.start == y.start && (x.len.is_one() || x.step == y.step)));
    Ok(Value::from_bool(same == (op == CompareOp::Eq)))
}

fn range_iter(v: Value) -> PyResult {
    let r = this(v)?;
    if r.big.is_some() {
        return Ok(crate::types::iterators::new_seq_iterator(v));
    }
    Ok(crate::types::iterators::new_range_iterator(
        r.start, r.step, r.len,
    ))
}

fn start(v: Value) -> PyResult {
    Ok(int_from_bigint(this(v)?.bounds().start))
}

fn stop(v: Value) -> PyResult {
    Ok(int_from_bigint(this(v)?.bounds().stop))
}

fn step(v: Value) -> PyResult {
    Ok(int_from_bigint(this(v)?.bounds().step))
}

fn count(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [x]) = crate::args::method::<1>("range.count", a, k, 1)?;
    Ok(int_from_usize(range_contains(s, x)? as usize))
}

fn index(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [x]) = crate::args::method::<1>("range.index", a, k, 1)?;
    let r = this(s)?;
    if let Some(i) = int_of(x) {
        if let Some(pos) = r.position(&i.to_bigint()) {
            return Ok(int_from_bigint(pos));
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
    use crate::types::int::as_bigint;

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

    #[test]
    fn big_bounds() {
        let big = |s: &str| int_from_bigint(s.parse::<BigInt>().unwrap());
        let r = new_big_range(
            BigInt::zero(),
            "100000000000000000000".parse().unwrap(),
            BigInt::one(),
        );
        assert!(this(r).unwrap().big.is_some());
        assert_eq!(
            as_bigint(range_getitem(r, big("10000000000000000000")).unwrap()),
            "10000000000000000000".parse().ok()
        );
        assert!(range_contains(r, big("99999999999999999999")).unwrap());
        assert!(!range_contains(r, big("100000000000000000000")).unwrap());
        assert!(range_length(r).is_err());
        let small = new_big_range(BigInt::from(3), BigInt::from(9), BigInt::from(2));
        assert!(this(small).unwrap().big.is_none());
        assert_eq!(range_length(small).unwrap(), 3);
    }
}
