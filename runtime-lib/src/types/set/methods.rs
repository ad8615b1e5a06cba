//! The methods of `set` and `frozenset`: one `BuiltinFn` each, registered
//! in [`SET_METHODS`] and [`FROZENSET_METHODS`]. The operator methods
//! (`union`, `intersection`…) take any iterables; the operators themselves
//! (in `super`) take only sets.

use super::{
    copy_of, difference, difference_update, from_iterable_like, intersection, is_subset,
    symmetric_difference, symmetric_difference_update, this, union, SetObject,
};
use crate::args;
use crate::error::{key_error, PyResult};
use crate::object::PyPayload;
use crate::types::builtin_func::MethodDef;
use crate::Value;

pub const SET_METHODS: &[MethodDef] = &[
    MethodDef::new("add", add),
    MethodDef::new("remove", remove),
    MethodDef::new("discard", discard),
    MethodDef::new("pop", pop),
    MethodDef::new("clear", clear),
    MethodDef::new("copy", copy),
    MethodDef::new("update", update),
    MethodDef::new("union", union_m),
    MethodDef::new("intersection", intersection_m),
    MethodDef::new("intersection_update", intersection_update),
    MethodDef::new("difference", difference_m),
    MethodDef::new("difference_update", difference_update_m),
    MethodDef::new("symmetric_difference", symmetric_difference_m),
    MethodDef::new("symmetric_difference_update", symmetric_difference_update_m),
    MethodDef::new("issubset", issubset),
    MethodDef::new("issuperset", issuperset),
    MethodDef::new("isdisjoint", isdisjoint),
];

pub const FROZENSET_METHODS: &[MethodDef] = &[
    MethodDef::new("copy", copy),
    MethodDef::new("union", union_m),
    MethodDef::new("intersection", intersection_m),
    MethodDef::new("difference", difference_m),
    MethodDef::new("symmetric_difference", symmetric_difference_m),
    MethodDef::new("issubset", issubset),
    MethodDef::new("issuperset", issuperset),
    MethodDef::new("isdisjoint", isdisjoint),
];

/// `self` and any number of positional arguments (`set.union(*others)`).
fn self_and_rest<'a>(
    name: &str,
    a: &'a [Value],
    k: Option<Value>,
) -> PyResult<(&'static SetObject, &'a [Value])> {
    args::no_kwargs(name, k)?;
    let Some((&s, rest)) = a.split_first() else {
        return Err(crate::error::type_error(format!(
            "unbound method {name}() needs an argument"
        )));
    };
    Ok((this(s)?, rest))
}

fn add(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [x]) = args::method::<1>("set.add", a, k, 1)?;
    this(s)?.add(x)?;
    Ok(Value::NONE)
}

fn remove(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [x]) = args::method::<1>("set.remove", a, k, 1)?;
    if this(s)?.discard(x)? {
        Ok(Value::NONE)
    } else {
        Err(key_error(x))
    }
}

fn discard(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [x]) = args::method::<1>("set.discard", a, k, 1)?;
    this(s)?.discard(x)?;
    Ok(Value::NONE)
}

fn pop(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("set.pop", a, k, 0)?;
    this(s)?
        .pop()
        .ok_or_else(|| key_error(crate::types::string::new_str("pop from an empty set")))
}

fn clear(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("set.clear", a, k, 0)?;
    this(s)?.clear();
    Ok(Value::NONE)
}

fn copy(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("copy", a, k, 0)?;
    let so = this(s)?;
    if so.is_frozen()
        && std::ptr::eq(
            crate::object::type_of(s),
            crate::types::registry::types().frozenset,
        )
    {
        return Ok(s);
    }
    copy_of(so)
}

fn update(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, others) = self_and_rest("set.update", a, k)?;
    for &o in others {
        s.update(o)?;
    }
    Ok(Value::NONE)
}

fn union_m(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, others) = self_and_rest("union", a, k)?;
    let mut out = copy_of(s)?;
    for &o in others {
        out = union(this(out)?, o)?;
    }
    Ok(out)
}

fn intersection_m(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, others) = self_and_rest("intersection", a, k)?;
    let mut out = copy_of(s)?;
    for &o in others {
        out = intersection(this(out)?, o)?;
    }
    Ok(out)
}

fn intersection_update(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, others) = self_and_rest("intersection_update", a, k)?;
    let mut out = copy_of(s)?;
    for &o in others {
        out = intersection(this(out)?, o)?;
    }
    s.clear();
    s.update(out)?;
    Ok(Value::NONE)
}

fn difference_m(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, others) = self_and_rest("difference", a, k)?;
    let Some((&first, rest)) = others.split_first() else {
        return copy_of(s);
    };
    let out = difference(s, first)?;
    for &o in rest {
        difference_update(this(out)?, o)?;
    }
    Ok(out)
}

fn difference_update_m(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, others) = self_and_rest("difference_update", a, k)?;
    for &o in others {
        difference_update(s, o)?;
    }
    Ok(Value::NONE)
}

fn symmetric_difference_m(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [o]) = args::method::<1>("symmetric_difference", a, k, 1)?;
    symmetric_difference(this(s)?, o)
}

fn symmetric_difference_update_m(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [o]) = args::method::<1>("symmetric_difference_update", a, k, 1)?;
    symmetric_difference_update(this(s)?, o)?;
    Ok(Value::NONE)
}

/// `other` as a set (itself if it is one).
fn as_set_like(like: &SetObject, other: Value) -> PyResult<&'static SetObject> {
    match SetObject::cast(other) {
        Some(o) => Ok(o),
        None => this(from_iterable_like(like, other)?),
    }
}

fn issubset(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [o]) = args::method::<1>("issubset", a, k, 1)?;
    let s = this(s)?;
    Ok(Value::from_bool(is_subset(s, as_set_like(s, o)?)?))
}

fn issuperset(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [o]) = args::method::<1>("issuperset", a, k, 1)?;
    let s = this(s)?;
    Ok(Value::from_bool(is_subset(as_set_like(s, o)?, s)?))
}

fn isdisjoint(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [o]) = args::method::<1>("isdisjoint", a, k, 1)?;
    let s = this(s)?;
    let common = intersection(s, o)?;
    Ok(Value::from_bool(this(common)?.is_empty()))
}
