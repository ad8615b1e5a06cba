//! The methods of `list`: one `BuiltinFn` each, registered in [`METHODS`].

use crate::args;
use crate::error::{index_error, type_error, value_error, PyResult};
use crate::object::PyPayload;
use crate::ops::compare::rich_compare_bool;
use crate::ops::iter::collect;
use crate::ops::CompareOp;
use crate::types::builtin_func::MethodDef;
use crate::types::int::{int_from_usize, to_i64};
use crate::types::list::{new_list, ListObject};
use crate::types::sequence::normalize_index;
use crate::Value;

pub const METHODS: &[MethodDef] = &[
    MethodDef::new("append", append),
    MethodDef::new("extend", extend),
    MethodDef::new("pop", pop),
    MethodDef::new("insert", insert),
    MethodDef::new("index", index),
    MethodDef::new("count", count),
    MethodDef::new("remove", remove),
    MethodDef::new("reverse", reverse),
    MethodDef::new("sort", sort),
    MethodDef::new("copy", copy),
    MethodDef::new("clear", clear),
];

fn this(v: Value) -> PyResult<&'static ListObject> {
    ListObject::cast(v).ok_or_else(|| crate::error::internal_error("list method on a non-list"))
}

fn append(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [x]) = args::method::<1>("list.append", a, k, 1)?;
    this(s)?.push(x);
    Ok(Value::NONE)
}

fn extend(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [it]) = args::method::<1>("list.extend", a, k, 1)?;
    let items = collect(it)?;
    this(s)?.items.extend(&items);
    Ok(Value::NONE)
}

fn pop(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [i]) = args::method::<1>("pop", a, k, 0)?;
    let l = this(s)?;
    if l.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    let i = if i.is_null() { -1 } else { to_i64(i)? };
    match normalize_index(i, l.len()).and_then(|i| l.items.remove(i)) {
        Some(v) => Ok(v),
        None => Err(index_error("pop index out of range")),
    }
}

fn insert(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [i, x]) = args::method::<2>("insert", a, k, 2)?;
    let l = this(s)?;
    let n = l.len() as i64;
    let i = to_i64(i)?;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.items.insert(at as usize, x);
    Ok(Value::NONE)
}

fn find(l: &ListObject, x: Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    while let Some(item) = l.get(i).filter(|_| i < stop) {
        if item == x || rich_compare_bool(item, x, CompareOp::Eq)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn index(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [x, start, stop]) = args::method::<3>("index", a, k, 1)?;
    let l = this(s)?;
    let (start, stop) = crate::types::sequence::index_bounds(start, stop, l.len())?;
    match find(l, x, start, stop)? {
        Some(i) => Ok(int_from_usize(i)),
        None => Err(value_error(format!(
            "{} is not in list",
            crate::ops::object::repr_string(x)?
        ))),
    }
}

fn count(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [x]) = args::method::<1>("list.count", a, k, 1)?;
    let l = this(s)?;
    let (mut i, mut n) = (0, 0);
    while let Some(item) = l.get(i) {
        if item == x || rich_compare_bool(item, x, CompareOp::Eq)? {
            n += 1;
        }
        i += 1;
    }
    Ok(int_from_usize(n))
}

fn remove(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [x]) = args::method::<1>("list.remove", a, k, 1)?;
    let l = this(s)?;
    match find(l, x, 0, usize::MAX)? {
        Some(i) => {
            l.items.remove(i);
            Ok(Value::NONE)
        }
        None => Err(value_error("list.remove(x): x not in list")),
    }
}

fn reverse(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("list.reverse", a, k, 0)?;
    this(s)?.items.reverse();
    Ok(Value::NONE)
}

fn sort(a: &[Value], k: Option<Value>) -> PyResult {
    let Some((&s, rest)) = a.split_first() else {
        return Err(type_error("unbound method list.sort() needs an argument"));
    };
    let (pos, _) = args::split(rest, k);
    if !pos.is_empty() {
        return Err(type_error("sort() takes no positional arguments"));
    }
    let [key, reverse] = args::parse("sort", rest, k, ["key", "reverse"], 0)?;
    let reverse = !reverse.is_null() && crate::ops::object::is_true(reverse)?;
    super::sort::sort_list(this(s)?, key, reverse)?;
    Ok(Value::NONE)
}

fn copy(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("list.copy", a, k, 0)?;
    Ok(new_list(this(s)?.to_vec()))
}

fn clear(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("list.clear", a, k, 0)?;
    this(s)?.items.replace_all(Vec::new());
    Ok(Value::NONE)
}
