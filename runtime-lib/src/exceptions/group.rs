//! Exception groups and `except*`: `BaseExceptionGroup.split`,
//! `subgroup` and `derive`, and what the executors' `CHECK_EG_MATCH`
//! ([`eg_match`]) and `PREP_RERAISE_STAR` ([`prep_reraise_star`]) compute,
//! following CPython 3.11's `Objects/exceptions.c`.
//!
//! A derived group (a split's halves) copies the original's `__cause__`,
//! `__context__`, traceback and `__notes__`; that shared metadata is how
//! `prep_reraise_star` tells a re-raised part of the original group from a
//! newly raised exception.

use std::collections::HashSet;

use crate::error::{type_error, PyResult};
use crate::exceptions::{as_exception, get_extra, set_extra};
use crate::gc::RootedVec;
use crate::object::{id_of, type_of};
use crate::typeobj::{as_type, flags};
use crate::types::builtin_func::MethodDef;
use crate::types::registry::types;
use crate::types::string::new_str;
use crate::types::tuple::{new_tuple, tuple_items};
use crate::Value;

pub(crate) const METHODS: &[MethodDef] = &[
    MethodDef::new("split", split_method),
    MethodDef::new("subgroup", subgroup_method),
    MethodDef::new("derive", derive_method),
];

/// True for an instance of `BaseExceptionGroup`.
pub fn is_group(v: Value) -> bool {
    type_of(v).is_subtype(types().exc.BaseExceptionGroup)
}

fn members(eg: Value) -> &'static [Value] {
    get_extra(eg, "exceptions")
        .and_then(tuple_items)
        .unwrap_or(&[])
}

/// What a split keeps: instances of types, specific leaves, or whatever a
/// predicate accepts.
enum Matcher {
    Types(Value),
    Ids(HashSet<i64>),
    Predicate(Value),
}

impl Matcher {
    fn from_condition(condition: Value) -> PyResult<Matcher> {
        let is_exc_type = |v: Value| as_type(v).is_some_and(|t| t.has_flag(flags::EXC_SUBCLASS));
        if is_exc_type(condition)
            || tuple_items(condition).is_some_and(|items| items.iter().all(|&t| is_exc_type(t)))
        {
            return Ok(Matcher::Types(condition));
        }
        if crate::ops::object::callable(condition) {
            return Ok(Matcher::Predicate(condition));
        }
        Err(type_error(
            "expected a function, exception type or tuple of exception types",
        ))
    }

    fn matches(&self, exc: Value) -> PyResult<bool> {
        match self {
            Matcher::Types(t) => crate::ops::isinstance::isinstance(exc, *t),
            Matcher::Ids(ids) => Ok(ids.contains(&id_of(exc))),
            Matcher::Predicate(f) => {
                crate::ops::object::is_true(crate::ops::call::call(*f, &[exc], None)?)
            }
        }
    }
}

/// `eg.derive(excs)` (which subclasses may override), checked.
fn derive(eg: Value, excs: &[Value]) -> PyResult {
    let list = crate::types::list::new_list(excs.to_vec());
    let g = crate::ops::call::call_method(eg, "derive", &[list])?;
    if !is_group(g) {
        return Err(type_error(
            "derive must return an instance of BaseExceptionGroup",
        ));
    }
    Ok(g)
}

/// A group of `excs` derived from `orig`, with `orig`'s metadata; None if
/// `excs` is empty.
fn subset(orig: Value, excs: &[Value]) -> PyResult {
    if excs.is_empty() {
        return Ok(Value::NONE);
    }
    let g = derive(orig, excs)?;
    copy_metadata(orig, g);
    Ok(g)
}

fn copy_metadata(from: Value, to: Value) {
    if let (Some(f), Some(t)) = (as_exception(from), as_exception(to)) {
        t.cause.set(f.cause.get());
        t.context.set(f.context.get());
        t.suppress_context.set(f.suppress_context.get());
        *t.traceback.borrow_mut() = f.traceback.borrow().clone();
    }
    if let Some(notes) = get_extra(from, "__notes__") {
        set_extra(to, "__notes__", notes);
    }
}

/// `split` recursively: (matching part, rest), each a value or None.
fn split_recursive(exc: Value, m: &Matcher, want_rest: bool) -> PyResult<(Value, Value)> {
    if m.matches(exc)? {
        return Ok((exc, Value::NONE));
    }
    if !is_group(exc) {
        return Ok((Value::NONE, if want_rest { exc } else { Value::NONE }));
    }
    // The parts may be new groups (made by `derive`), kept while further
    // matches and `derive`s run Python code.
    let (mut matched, mut rest) = (RootedVec::new(), RootedVec::new());
    for &e in members(exc) {
        let (a, b) = split_recursive(e, m, want_rest)?;
        if !a.is_none() {
            matched.push(a);
        }
        if !b.is_none() {
            rest.push(b);
        }
    }
    Ok((subset(exc, &matched)?, subset(exc, &rest)?))
}

fn split_method(a: &[Value], k: Option<Value>) -> PyResult {
    let (eg, [condition]) = crate::args::method::<1>("split", a, k, 1)?;
    let m = Matcher::from_condition(condition)?;
    let (matched, rest) = split_recursive(eg, &m, true)?;
    Ok(new_tuple(&[matched, rest]))
}

fn subgroup_method(a: &[Value], k: Option<Value>) -> PyResult {
    let (eg, [condition]) = crate::args::method::<1>("subgroup", a, k, 1)?;
    let m = Matcher::from_condition(condition)?;
    Ok(split_recursive(eg, &m, false)?.0)
}

fn derive_method(a: &[Value], k: Option<Value>) -> PyResult {
    let (eg, [excs]) = crate::args::method::<1>("derive", a, k, 1)?;
    let message = get_extra(eg, "message").unwrap_or_else(|| new_str(""));
    crate::ops::call::call(
        types().exc.BaseExceptionGroup.as_value(),
        &[message, excs],
        None,
    )
}

/// `CHECK_EG_MATCH`: (match, rest) of `exc` against an `except*` type —
/// the whole exception (wrapped in a group if it is not one) when it
/// matches, a split of a group otherwise; (None, None) for no match.
pub fn eg_match(exc: Value, match_type: Value) -> PyResult<(Value, Value)> {
    let valid = |t: Value| -> PyResult<()> {
        let Some(ty) = as_type(t).filter(|ty| ty.has_flag(flags::EXC_SUBCLASS)) else {
            return Err(type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        };
        if ty.is_subtype(types().exc.BaseExceptionGroup) {
            return Err(type_error(
                "catching ExceptionGroup with except* is not allowed. Use except instead.",
            ));
        }
        Ok(())
    };
    match tuple_items(match_type) {
        Some(items) => items.iter().try_for_each(|&t| valid(t))?,
        None => valid(match_type)?,
    }
    if exc.is_none() {
        return Ok((Value::NONE, Value::NONE));
    }
    if crate::ops::isinstance::exception_matches_class(exc, match_type)? {
        if is_group(exc) {
            return Ok((exc, Value::NONE));
        }
        let wrapped = crate::ops::call::call(
            types().exc.BaseExceptionGroup.as_value(),
            &[new_str(""), new_tuple(&[exc])],
            None,
        )?;
        copy_metadata(exc, wrapped);
        return Ok((wrapped, Value::NONE));
    }
    if is_group(exc) {
        let (matched, rest) = split_recursive(exc, &Matcher::Types(match_type), true)?;
        return Ok((matched, rest));
    }
    Ok((Value::NONE, Value::NONE))
}

fn leaf_ids(exc: Value, out: &mut HashSet<i64>) {
    if is_group(exc) {
        for &e in members(exc) {
            leaf_ids(e, out);
        }
    } else {
        out.insert(id_of(exc));
    }
}

fn same_metadata(a: Value, b: Value) -> bool {
    let (Some(x), Some(y)) = (as_exception(a), as_exception(b)) else {
        return false;
    };
    let tb_eq = {
        let (p, q) = (x.traceback.borrow(), y.traceback.borrow());
        p.len() == q.len()
            && p.iter()
                .zip(q.iter())
                .all(|(s, t)| s.name == t.name && s.filename == t.filename && s.line == t.line)
    };
    get_extra(a, "__notes__") == get_extra(b, "__notes__")
        && tb_eq
        && x.cause.get() == y.cause.get()
        && x.context.get() == y.context.get()
}

/// `PREP_RERAISE_STAR`: from the original exception and the list of what
/// each `except*` clause raised (None when it finished normally), the
/// exception to propagate: the re-raised parts of the original group, in
/// its structure, together with newly raised exceptions; None if nothing.
pub fn prep_reraise_star(orig: Value, excs: Value) -> PyResult {
    let items = crate::ops::iter::collect(excs)?;
    if items.is_empty() {
        return Ok(Value::NONE);
    }
    if !is_group(orig) {
        return Ok(items[0]);
    }
    // Both hold items of `items`, which keeps them rooted.
    let (mut raised, mut reraised) = (Vec::new(), Vec::new());
    for &e in items.iter().filter(|e| !e.is_none()) {
        if same_metadata(e, orig) {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    let reraised_eg = if reraised.is_empty() {
        Value::NONE
    } else {
        let mut ids = HashSet::new();
        for &e in &reraised {
            leaf_ids(e, &mut ids);
        }
        split_recursive(orig, &Matcher::Ids(ids), false)?.0
    };
    if raised.is_empty() {
        return Ok(reraised_eg);
    }
    if !reraised_eg.is_none() {
        raised.push(reraised_eg);
    }
    if raised.len() == 1 {
        return Ok(raised[0]);
    }
    crate::ops::call::call(
        types().exc.BaseExceptionGroup.as_value(),
        &[new_str(""), crate::types::list::new_list(raised)],
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exceptions::new_exception;

    fn group(excs: &[Value]) -> Value {
        crate::ops::call::call(
            types().exc.ExceptionGroup.as_value(),
            &[new_str("g"), new_tuple(excs)],
            None,
        )
        .unwrap()
    }

    fn repr(v: Value) -> String {
        crate::ops::object::repr_string(v).unwrap()
    }

    #[test]
    fn split_match_and_reraise_like_cpython() {
        let t = &types().exc;
        let (v, k) = (
            new_exception(t.ValueError, "v"),
            new_exception(t.KeyError, "k"),
        );
        let eg = group(&[v, k]);
        let (m, rest) = eg_match(eg, t.ValueError.as_value()).unwrap();
        assert_eq!(repr(m), "ExceptionGroup('g', [ValueError('v')])");
        assert_eq!(repr(rest), "ExceptionGroup('g', [KeyError('k')])");
        let (m, rest) = eg_match(v, t.ValueError.as_value()).unwrap();
        assert_eq!(repr(m), "ExceptionGroup('', (ValueError('v'),))");
        assert!(rest.is_none());
        assert!(eg_match(eg, t.ExceptionGroup.as_value()).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "catching ExceptionGroup with except* is not allowed. Use except instead."
        );
        // Re-raising the matched part and nothing else gives back that part.
        let (m2, _) = eg_match(eg, t.ValueError.as_value()).unwrap();
        let out = prep_reraise_star(eg, crate::types::list::new_list(vec![m2])).unwrap();
        assert_eq!(repr(out), "ExceptionGroup('g', [ValueError('v')])");
        let none = prep_reraise_star(eg, crate::types::list::new_list(vec![Value::NONE])).unwrap();
        assert!(none.is_none());
    }
}
