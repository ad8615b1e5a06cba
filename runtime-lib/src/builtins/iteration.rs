//! Builtins that consume iterables: iter, next, min, max, sum, any, all,
//! sorted.

use crate::args;
use crate::error::{type_error, value_error, PyResult};
use crate::object::type_of;
use crate::ops::compare::rich_compare_bool;
use crate::ops::iter::{collect, iter as iter_of, next as next_of};
use crate::ops::CompareOp;
use crate::types::list::new_list;
use crate::types::string::as_str;
use crate::Value;

pub fn iter(a: &[Value], k: Option<Value>) -> PyResult {
    let [x, sentinel] = args::between("iter", a, k, 1)?;
    if sentinel.is_null() {
        return iter_of(x);
    }
    if !crate::ops::object::callable(x) {
        return Err(type_error("iter(v, w): v must be callable"));
    }
    Ok(crate::types::iterators::new_callable_iterator(x, sentinel))
}

pub fn next(a: &[Value], k: Option<Value>) -> PyResult {
    let [it, default] = args::between("next", a, k, 1)?;
    if type_of(it).slots.next.get().is_none() {
        return Err(type_error(format!(
            "'{}' object is not an iterator",
            type_of(it).name()
        )));
    }
    // A generator's return value travels in the StopIteration.
    if let Some(g) = crate::types::generator::as_generator(it) {
        return match g.send_step(Value::NONE)? {
            crate::types::generator::GenStep::Yield(v) => Ok(v),
            crate::types::generator::GenStep::Return(_) if !default.is_null() => Ok(default),
            crate::types::generator::GenStep::Return(v) => Err(crate::error::stop_iteration(v)),
        };
    }
    match next_of(it)? {
        Some(v) => Ok(v),
        None if !default.is_null() => Ok(default),
        None => Err(crate::error::stop_iteration(Value::NULL)),
    }
}

fn min_max(a: &[Value], k: Option<Value>, name: &str, op: CompareOp) -> PyResult {
    let (pos, kwvals) = args::split(a, k);
    let (mut key, mut default) = (Value::NULL, Value::NULL);
    for (&n, &v) in args::kwnames_slice(k).iter().zip(kwvals) {
        match as_str(n).unwrap_or("") {
            "key" => key = v,
            "default" => default = v,
            other => {
                return Err(type_error(format!(
                    "'{other}' is an invalid keyword argument for {name}()"
                )))
            }
        }
    }
    let collected;
    let items: &[Value] = match pos.len() {
        0 => {
            return Err(type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )))
        }
        1 => {
            collected = collect(pos[0])?;
            &collected
        }
        _ => {
            if !default.is_null() {
                return Err(type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            pos
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for &item in items {
        let kv = if key.is_null() || key.is_none() {
            item
        } else {
            crate::ops::call::call(key, &[item], None)?
        };
        best = match best {
            None => Some((item, kv)),
            Some((bi, bk)) => {
                if rich_compare_bool(kv, bk, op)? {
                    Some((item, kv))
                } else {
                    Some((bi, bk))
                }
            }
        };
    }
    match best {
        Some((item, _)) => Ok(item),
        None if !default.is_null() => Ok(default),
        None => Err(value_error(format!("{name}() arg is an empty sequence"))),
    }
}

pub fn min(a: &[Value], k: Option<Value>) -> PyResult {
    min_max(a, k, "min", CompareOp::Lt)
}

pub fn max(a: &[Value], k: Option<Value>) -> PyResult {
    min_max(a, k, "max", CompareOp::Gt)
}

pub fn sum(a: &[Value], k: Option<Value>) -> PyResult {
    let [it, start] = args::parse("sum", a, k, ["", "start"], 1)?;
    let mut acc = if start.is_null() {
        Value::small_int(0)
    } else {
        start
    };
    if as_str(acc).is_some() {
        return Err(type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let iterator = iter_of(it)?;
    while let Some(x) = next_of(iterator)? {
        acc = crate::ops::arith::add(acc, x)?;
    }
    Ok(acc)
}

pub fn any(a: &[Value], k: Option<Value>) -> PyResult {
    let [it] = args::exact::<1>("any", a, k)?;
    let iterator = iter_of(it)?;
    while let Some(x) = next_of(iterator)? {
        if crate::ops::object::is_true(x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

pub fn all(a: &[Value], k: Option<Value>) -> PyResult {
    let [it] = args::exact::<1>("all", a, k)?;
    let iterator = iter_of(it)?;
    while let Some(x) = next_of(iterator)? {
        if !crate::ops::object::is_true(x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

pub fn sorted(a: &[Value], k: Option<Value>) -> PyResult {
    let (pos, _) = args::split(a, k);
    if pos.len() != 1 {
        return Err(type_error(format!(
            "sorted expected 1 argument, got {}",
            pos.len()
        )));
    }
    let [_, key, reverse] = args::parse("sorted", a, k, ["iterable", "key", "reverse"], 1)?;
    let mut items = collect(pos[0])?;
    let reverse = !reverse.is_null() && crate::ops::object::is_true(reverse)?;
    crate::types::list::sort::sort_values(&mut items, key, reverse)?;
    Ok(new_list(items.into_vec()))
}
