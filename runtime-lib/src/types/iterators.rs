//! Iterator types: over lists, tuples, strs and ranges, the `__getitem__`
//! sequence fallback (`iterator`), `iter(callable, sentinel)`, reversed
//! lists and sequences, and the lazy builtins `enumerate`, `zip`, `map`,
//! `filter`, `reversed`. All share one struct, [`IterObject`]; each type's
//! `next` slot knows how to read it.

use std::any::TypeId;
use std::cell::Cell;

use crate::args;
use crate::error::{type_error, value_error, PyResult};
use crate::gc::RootedVec;
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, type_of, PyPayload};
use crate::ops::call::call;
use crate::ops::iter::{iter, next};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{SlotDefs, TypeObject};
use crate::types::int::int_from_i64;
use crate::types::list::ListObject;
use crate::types::registry::types;
use crate::types::string::{char_str, StrObject};
use crate::types::tuple::{new_tuple, TupleObject};
use crate::Value;

/// The state of every iterator type here.
#[repr(C)]
pub struct IterObject {
    pub header: Header,
    /// What is iterated (NULL once exhausted).
    pub source: Cell<Value>,
    /// A second value: enumerate's count, a function, a sentinel.
    pub aux: Cell<Value>,
    /// Position (or remaining count).
    pub index: Cell<i64>,
    /// Step for ranges; `strict` for zip (1).
    pub step: i64,
    /// The underlying iterators of zip/map.
    pub iters: Vec<Value>,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for IterObject {}

fn make(
    ty: &TypeObject,
    source: Value,
    aux: Value,
    index: i64,
    step: i64,
    iters: Vec<Value>,
) -> Value {
    alloc_value(IterObject {
        header: Header::new(ty),
        source: Cell::new(source),
        aux: Cell::new(aux),
        index: Cell::new(index),
        step,
        iters,
    })
}

fn this(v: Value) -> PyResult<&'static IterObject> {
    downcast::<IterObject>(v)
        .ok_or_else(|| crate::error::internal_error("iterator slot on a non-iterator"))
}

pub fn new_list_iterator(list: Value) -> Value {
    make(types().list_iterator, list, Value::NULL, 0, 1, Vec::new())
}

pub fn new_tuple_iterator(tuple: Value) -> Value {
    make(types().tuple_iterator, tuple, Value::NULL, 0, 1, Vec::new())
}

pub fn new_str_iterator(s: Value) -> Value {
    make(types().str_iterator, s, Value::NULL, 0, 1, Vec::new())
}

/// Iterates `len` ints from `start` by `step`.
pub fn new_range_iterator(start: i64, step: i64, len: usize) -> Value {
    make(
        types().range_iterator,
        Value::NONE,
        int_from_i64(start),
        len as i64,
        step,
        Vec::new(),
    )
}

/// The `__getitem__` protocol: `seq[0]`, `seq[1]`… until IndexError.
pub fn new_seq_iterator(seq: Value) -> Value {
    make(types().seq_iterator, seq, Value::NULL, 0, 1, Vec::new())
}

/// `iter(callable, sentinel)`.
pub fn new_callable_iterator(callable: Value, sentinel: Value) -> Value {
    make(
        types().callable_iterator,
        callable,
        sentinel,
        0,
        1,
        Vec::new(),
    )
}

fn self_iter(v: Value) -> PyResult {
    Ok(v)
}

fn exhaust(it: &IterObject) -> PyResult<Option<Value>> {
    it.source.set(Value::NULL);
    Ok(None)
}

fn list_next(v: Value) -> PyResult<Option<Value>> {
    let it = this(v)?;
    let Some(l) = ListObject::cast(it.source.get()) else {
        return Ok(None);
    };
    let i = it.index.get();
    match l.get(i as usize) {
        Some(x) => {
            it.index.set(i + 1);
            Ok(Some(x))
        }
        None => exhaust(it),
    }
}

fn tuple_next(v: Value) -> PyResult<Option<Value>> {
    let it = this(v)?;
    let Some(t) = TupleObject::cast(it.source.get()) else {
        return Ok(None);
    };
    let i = it.index.get();
    match t.get(i as usize) {
        Some(x) => {
            it.index.set(i + 1);
            Ok(Some(x))
        }
        None => exhaust(it),
    }
}

/// A str iterator's `next` slot (also called directly by `ops::iter::next`).
pub fn str_next(v: Value) -> PyResult<Option<Value>> {
    Ok(str_step(this(v)?))
}

#[inline(always)]
fn str_step(it: &IterObject) -> Option<Value> {
    let source = it.source.get();
    // An exact str tested inline; a subclass instance's str looked up.
    let s = match downcast::<StrObject>(source) {
        Some(s) => s,
        None => StrObject::cast(source)?,
    };
    // `index` is a byte offset: O(1) per step for any string. It is always
    // at a character boundary, so a byte below 128 there is a whole character.
    let b = it.index.get() as usize;
    let text = s.as_str();
    if let Some(&byte) = text.as_bytes().get(b) {
        if byte.is_ascii() {
            it.index.set(b as i64 + 1);
            return Some(crate::types::string::ascii_char_str(byte));
        }
    }
    match text.get(b..).and_then(|rest| rest.chars().next()) {
        Some(c) => {
            it.index.set((b + c.len_utf8()) as i64);
            Some(char_str(c))
        }
        None => {
            it.source.set(Value::NULL);
            None
        }
    }
}

fn range_next(v: Value) -> PyResult<Option<Value>> {
    let it = this(v)?;
    let left = it.index.get();
    if left <= 0 {
        return Ok(None);
    }
    let cur = it.aux.get();
    // Items beyond the small-int encoding are boxed ints.
    let i = match crate::types::int::int_of(cur) {
        Some(crate::types::int::Int::Small(i)) => i,
        Some(crate::types::int::Int::Big(b)) => num_traits::ToPrimitive::to_i64(b).unwrap_or(0),
        None => 0,
    };
    it.index.set(left - 1);
    if left > 1 {
        it.aux.set(int_from_i64(i.saturating_add(it.step)));
    }
    Ok(Some(cur))
}

fn seq_next(v: Value) -> PyResult<Option<Value>> {
    let it = this(v)?;
    let seq = it.source.get();
    if seq.is_null() {
        return Ok(None);
    }
    let i = it.index.get();
    match crate::ops::subscript::getitem(seq, int_from_i64(i)) {
        Ok(x) => {
            it.index.set(i + 1);
            Ok(Some(x))
        }
        Err(e) => {
            let t = types();
            if crate::error::clear_if(t.exc.IndexError)
                || crate::error::clear_if(t.exc.StopIteration)
            {
                return exhaust(it);
            }
            Err(e)
        }
    }
}

fn callable_next(v: Value) -> PyResult<Option<Value>> {
    let it = this(v)?;
    let f = it.source.get();
    if f.is_null() {
        return Ok(None);
    }
    let x = match call(f, &[], None) {
        Ok(x) => x,
        Err(e) => {
            if crate::error::clear_if(types().exc.StopIteration) {
                return exhaust(it);
            }
            return Err(e);
        }
    };
    if crate::ops::compare::rich_compare_bool(x, it.aux.get(), crate::ops::CompareOp::Eq)? {
        return exhaust(it);
    }
    Ok(Some(x))
}

/// Reversed iteration over a list or any sequence (`__len__`/`__getitem__`).
fn reversed_next(v: Value) -> PyResult<Option<Value>> {
    let it = this(v)?;
    let seq = it.source.get();
    let i = it.index.get();
    if seq.is_null() || i < 0 {
        return exhaust(it);
    }
    it.index.set(i - 1);
    if let Some(l) = downcast::<ListObject>(seq) {
        return match l.get(i as usize) {
            Some(x) => Ok(Some(x)),
            None => exhaust(it),
        };
    }
    match crate::ops::subscript::getitem(seq, int_from_i64(i)) {
        Ok(x) => Ok(Some(x)),
        Err(e) => {
            let t = types();
            if crate::error::clear_if(t.exc.IndexError)
                || crate::error::clear_if(t.exc.StopIteration)
            {
                return exhaust(it);
            }
            Err(e)
        }
    }
}

fn enumerate_next(v: Value) -> PyResult<Option<Value>> {
    let mut pair = [Value::NULL; 2];
    Ok(enumerate_step(this(v)?, &mut pair)?.then(|| new_tuple(&pair)))
}

/// `v` if it is an exact `enumerate` object (whose next items
/// [`enumerate_step`] writes without making tuples).
#[inline]
pub fn as_enumerate(v: Value) -> Option<&'static IterObject> {
    downcast::<IterObject>(v).filter(|it| std::ptr::eq(it.header.ty.get(), types().enumerate))
}

/// An enumerate iterator's next `(count, item)` written to `out` instead
/// of a new tuple (for `for i, x in enumerate(...)`); false when exhausted.
#[inline]
pub fn enumerate_step(it: &IterObject, out: &mut [Value; 2]) -> PyResult<bool> {
    let source = it.source.get();
    // `enumerate(text)`: the str iterator stepped here, without dispatch.
    let item = match downcast::<IterObject>(source) {
        Some(s) if std::ptr::eq(s.header.ty.get(), types().str_iterator) => str_step(s),
        _ => next(source)?,
    };
    let Some(x) = item else {
        return Ok(false);
    };
    let n = it.aux.get();
    it.aux.set(match n.as_small_int() {
        Some(i) if i < crate::value::SMALL_INT_MAX => Value::small_int(i + 1),
        _ => crate::ops::arith::add(n, Value::small_int(1))?,
    });
    *out = [n, x];
    Ok(true)
}

/// The next item of each of `iters`, passed to `f`; or the index of the
/// first exhausted iterator. The items are kept on the stack (or rooted)
/// while the later iterators run Python code.
fn next_of_each<R>(
    iters: &[Value],
    f: impl FnOnce(&[Value]) -> PyResult<R>,
) -> PyResult<Result<R, usize>> {
    const INLINE: usize = 8;
    let mut inline = [Value::NULL; INLINE];
    let mut rooted: RootedVec;
    let items: &mut [Value] = if iters.len() <= INLINE {
        &mut inline[..iters.len()]
    } else {
        rooted = RootedVec::from_vec(vec![Value::NULL; iters.len()]);
        &mut rooted
    };
    for (k, &i) in iters.iter().enumerate() {
        match next(i)? {
            Some(x) => items[k] = x,
            None => return Ok(Err(k)),
        }
    }
    f(items).map(Ok)
}

fn zip_next(v: Value) -> PyResult<Option<Value>> {
    zip_step(this(v)?, |items| Ok(new_tuple(items)))
}

/// A zip iterator's next items written to `out` instead of a new tuple,
/// when it zips `out.len()` iterables (else None): for `for a, b in zip(...)`.
pub fn zip_next_into(v: Value, out: &mut [Value]) -> Option<PyResult<bool>> {
    let it = this(v).ok()?;
    if it.iters.len() != out.len() {
        return None;
    }
    Some(
        zip_step(it, |items| {
            out.copy_from_slice(items);
            Ok(())
        })
        .map(|r| r.is_some()),
    )
}

fn zip_step<R>(it: &IterObject, f: impl FnOnce(&[Value]) -> PyResult<R>) -> PyResult<Option<R>> {
    if it.iters.is_empty() || it.source.get().is_null() {
        return Ok(None);
    }
    match next_of_each(&it.iters, f)? {
        Ok(r) => Ok(Some(r)),
        Err(k) => {
            it.source.set(Value::NULL);
            if it.step == 1 {
                zip_strict_error(it, k)?;
            }
            Ok(None)
        }
    }
}

fn zip_strict_error(it: &IterObject, k: usize) -> PyResult<Option<Value>> {
    if k > 0 {
        let plural = if k == 1 { " " } else { "s 1-" };
        return Err(value_error(format!(
            "zip() argument {} is shorter than argument{plural}{k}",
            k + 1
        )));
    }
    for (j, &i) in it.iters.iter().enumerate().skip(1) {
        if next(i)?.is_some() {
            let plural = if j == 1 { " " } else { "s 1-" };
            return Err(value_error(format!(
                "zip() argument {} is longer than argument{plural}{j}",
                j + 1
            )));
        }
    }
    Ok(None)
}

fn map_next(v: Value) -> PyResult<Option<Value>> {
    let it = this(v)?;
    Ok(next_of_each(&it.iters, |items| call(it.aux.get(), items, None))?.ok())
}

fn filter_next(v: Value) -> PyResult<Option<Value>> {
    let it = this(v)?;
    let f = it.aux.get();
    while let Some(x) = next(it.source.get())? {
        let keep = if f.is_none() { x } else { call(f, &[x], None)? };
        if crate::ops::object::is_true(keep)? {
            return Ok(Some(x));
        }
    }
    Ok(None)
}

fn enumerate_new(_: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let [iterable, start] = match a {
        // `enumerate(x)`, the common call, without the general parser.
        &[iterable] if k.is_none() => [iterable, Value::NULL],
        _ => args::parse("enumerate", a, k, ["iterable", "start"], 1)?,
    };
    let start = if start.is_null() {
        Value::small_int(0)
    } else {
        start
    };
    if !crate::types::int::is_int(start) {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_of(start).name()
        )));
    }
    // Counting starts from an exact int (`enumerate(x, True)` counts 1, 2…).
    let start = crate::types::int::exact_int(start)?;
    Ok(make(
        types().enumerate,
        iter(iterable)?,
        start,
        0,
        1,
        Vec::new(),
    ))
}

/// `iter(x)` for each of `xs`, for a new zip or map to own.
fn iter_each(xs: &[Value]) -> PyResult<Vec<Value>> {
    let mut iters = RootedVec::with_capacity(xs.len());
    for &x in xs {
        iters.push(iter(x)?);
    }
    Ok(iters.into_vec())
}

fn zip_new(_: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let (pos, kwvals) = args::split(a, k);
    let mut strict = false;
    for (&name, &v) in args::kwnames_slice(k).iter().zip(kwvals) {
        if crate::types::string::as_str(name) != Some("strict") {
            return Err(type_error("zip() got an unexpected keyword argument"));
        }
        strict = crate::ops::object::is_true(v)?;
    }
    let iters = iter_each(pos)?;
    Ok(make(
        types().zip,
        Value::NONE,
        Value::NULL,
        0,
        strict as i64,
        iters,
    ))
}

fn map_new(_: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    args::no_kwargs("map", k)?;
    if a.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let iters = iter_each(&a[1..])?;
    Ok(make(types().map, Value::NONE, a[0], 0, 1, iters))
}

fn filter_new(_: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let [f, iterable] = args::exact::<2>("filter", a, k)?;
    Ok(make(types().filter, iter(iterable)?, f, 0, 1, Vec::new()))
}

fn reversed_new(_: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let [seq] = args::exact::<1>("reversed", a, k)?;
    if let Some(l) = downcast::<ListObject>(seq) {
        return Ok(make(
            types().list_reverseiterator,
            seq,
            Value::NULL,
            l.len() as i64 - 1,
            1,
            Vec::new(),
        ));
    }
    if let Some(rev) = crate::ops::attr::lookup_special(seq, "__reversed__")? {
        return call(rev, &[], None);
    }
    let ty = type_of(seq);
    if ty.slots.getitem.get().is_none()
        || ty.slots.len.get().is_none()
        || ty.is_subtype(types().dict)
    {
        return Err(type_error(format!(
            "'{}' object is not reversible",
            ty.name()
        )));
    }
    let n = crate::ops::object::len(seq)?;
    Ok(make(
        types().reversed,
        seq,
        Value::NULL,
        n as i64 - 1,
        1,
        Vec::new(),
    ))
}

fn trace(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(it) = downcast::<IterObject>(v) {
        visit(it.source.get());
        visit(it.aux.get());
        it.iters.iter().for_each(|&i| visit(i));
    }
}

fn iter_spec(name: &'static str, next: crate::typeobj::NextFn) -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            iter: Some(self_iter),
            next: Some(next),
            ..SlotDefs::default()
        },
        trace,
        ..TypeSpec::new(name, TypeId::of::<IterObject>())
    }
}

fn builtin_iter_spec(
    name: &'static str,
    next: crate::typeobj::NextFn,
    new: crate::typeobj::NewFn,
) -> TypeSpec {
    let mut s = iter_spec(name, next);
    s.slots.new = Some(new);
    s
}

pub fn list_iterator_spec() -> TypeSpec {
    iter_spec("list_iterator", list_next)
}

pub fn tuple_iterator_spec() -> TypeSpec {
    iter_spec("tuple_iterator", tuple_next)
}

pub fn str_iterator_spec() -> TypeSpec {
    iter_spec("str_ascii_iterator", str_next)
}

pub fn range_iterator_spec() -> TypeSpec {
    iter_spec("range_iterator", range_next)
}

pub fn seq_iterator_spec() -> TypeSpec {
    iter_spec("iterator", seq_next)
}

pub fn callable_iterator_spec() -> TypeSpec {
    iter_spec("callable_iterator", callable_next)
}

pub fn list_reverseiterator_spec() -> TypeSpec {
    iter_spec("list_reverseiterator", reversed_next)
}

pub fn enumerate_spec() -> TypeSpec {
    builtin_iter_spec("enumerate", enumerate_next, enumerate_new)
}

pub fn zip_spec() -> TypeSpec {
    builtin_iter_spec("zip", zip_next, zip_new)
}

pub fn map_spec() -> TypeSpec {
    builtin_iter_spec("map", map_next, map_new)
}

pub fn filter_spec() -> TypeSpec {
    builtin_iter_spec("filter", filter_next, filter_new)
}

pub fn reversed_spec() -> TypeSpec {
    builtin_iter_spec("reversed", reversed_next, reversed_new)
}
