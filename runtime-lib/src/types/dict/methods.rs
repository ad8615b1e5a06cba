//! The methods of `dict`: one `BuiltinFn` each, registered in [`METHODS`].
//! `keys`/`values`/`items` return live views (`views`).

use crate::args;
use crate::error::{key_error, type_error, value_error, PyResult};
use crate::object::PyPayload;
use crate::ops::iter::{collect, iter, next};
use crate::types::builtin_func::MethodDef;
use crate::types::dict::iter::DictIterKind;
use crate::types::dict::views::new_dict_view;
use crate::types::dict::DictObject;
use crate::types::tuple::new_tuple;
use crate::Value;

pub const METHODS: &[MethodDef] = &[
    MethodDef::new("get", get),
    MethodDef::new("keys", keys),
    MethodDef::new("values", values),
    MethodDef::new("items", items),
    MethodDef::new("pop", pop),
    MethodDef::new("popitem", popitem),
    MethodDef::new("setdefault", setdefault),
    MethodDef::new("update", update),
    MethodDef::new("clear", clear),
    MethodDef::new("copy", copy),
    MethodDef::class("fromkeys", fromkeys),
    MethodDef::new("__reversed__", crate::types::dict::views::dict_reversed),
];

fn this(v: Value) -> PyResult<&'static DictObject> {
    DictObject::cast(v).ok_or_else(|| crate::error::internal_error("dict method on a non-dict"))
}

fn get(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [key, default]) = args::method::<2>("get", a, k, 1)?;
    Ok(this(s)?.get_item(key)?.unwrap_or(if default.is_null() {
        Value::NONE
    } else {
        default
    }))
}

fn keys(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("dict.keys", a, k, 0)?;
    this(s)?;
    Ok(new_dict_view(s, DictIterKind::Keys))
}

fn values(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("dict.values", a, k, 0)?;
    this(s)?;
    Ok(new_dict_view(s, DictIterKind::Values))
}

fn items(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("dict.items", a, k, 0)?;
    this(s)?;
    Ok(new_dict_view(s, DictIterKind::Items))
}

fn pop(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [key, default]) = args::method::<2>("pop", a, k, 1)?;
    match this(s)?.del_item(key)? {
        Some(v) => Ok(v),
        None if !default.is_null() => Ok(default),
        None => Err(key_error(key)),
    }
}

fn popitem(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("dict.popitem", a, k, 0)?;
    match this(s)?.pop_last() {
        Some((k, v)) => Ok(new_tuple(&[k, v])),
        None => Err(key_error(crate::types::string::new_str(
            "popitem(): dictionary is empty",
        ))),
    }
}

fn setdefault(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [key, default]) = args::method::<2>("setdefault", a, k, 1)?;
    let d = this(s)?;
    if let Some(v) = d.get_item(key)? {
        return Ok(v);
    }
    let v = if default.is_null() {
        Value::NONE
    } else {
        default
    };
    d.set_item(key, v)?;
    Ok(v)
}

/// `d.update(src)`: a dict, an object with `keys()`, or an iterable of pairs.
pub fn update_from_arg(d: &DictObject, src: Value) -> PyResult<()> {
    if let Some(o) = DictObject::cast(src) {
        return d.update_from(o);
    }
    if let Some(keys) = crate::ops::attr::getattr_opt(src, crate::types::string::intern("keys"))? {
        let keys = collect(crate::ops::call::call(keys, &[], None)?)?;
        for &key in keys.iter() {
            let v = crate::ops::subscript::getitem(src, key)?;
            d.set_item(key, v)?;
        }
        return Ok(());
    }
    let it = iter(src)?;
    let mut n = 0;
    while let Some(item) = next(it)? {
        let pair = collect(item).map_err(|e| {
            if crate::error::exception_matches(crate::types::registry::types().exc.TypeError) {
                crate::error::clear_exception();
                type_error(format!(
                    "cannot convert dictionary update sequence element #{n} to a sequence"
                ))
            } else {
                e
            }
        })?;
        if pair.len() != 2 {
            return Err(value_error(format!(
                "dictionary update sequence element #{n} has length {}; 2 is required",
                pair.len()
            )));
        }
        d.set_item(pair[0], pair[1])?;
        n += 1;
    }
    Ok(())
}

fn update(a: &[Value], k: Option<Value>) -> PyResult {
    let Some((&s, rest)) = a.split_first() else {
        return Err(type_error("unbound method dict.update() needs an argument"));
    };
    let (pos, kwvals) = args::split(rest, k);
    if pos.len() > 1 {
        return Err(type_error(format!(
            "update expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    let d = this(s)?;
    if let Some(&src) = pos.first() {
        update_from_arg(d, src)?;
    }
    for (&name, &v) in args::kwnames_slice(k).iter().zip(kwvals) {
        d.set_item(name, v)?;
    }
    Ok(Value::NONE)
}

fn clear(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("dict.clear", a, k, 0)?;
    this(s)?.clear();
    Ok(Value::NONE)
}

fn copy(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("dict.copy", a, k, 0)?;
    let out = DictObject::new_value();
    this(out)?.update_from(this(s)?)?;
    Ok(out)
}

fn fromkeys(a: &[Value], k: Option<Value>) -> PyResult {
    let (cls, [it, value]) = args::method::<2>("fromkeys", a, k, 1)?;
    let out = crate::ops::call::call(cls, &[], None)?;
    let value = if value.is_null() { Value::NONE } else { value };
    let keys = collect(it)?;
    for &key in keys.iter() {
        crate::ops::subscript::setitem(out, key, value)?;
    }
    Ok(out)
}
