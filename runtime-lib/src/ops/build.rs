//! Building values from an executor's operand stack: what `BUILD_STRING`,
//! `BUILD_SET`, `BUILD_MAP`, `BUILD_CONST_KEY_MAP`, `LIST_APPEND`,
//! `LIST_EXTEND`, `SET_ADD`, `SET_UPDATE`, `MAP_ADD`, `DICT_UPDATE`,
//! `DICT_MERGE` and `LIST_TO_TUPLE` do, with CPython's messages (the
//! `*`/`**` errors of calls and displays included).

use crate::error::{type_error, PyResult};
use crate::gc::RootedVec;
use crate::object::{type_of, PyPayload};
use crate::types::dict::DictObject;
use crate::types::list::{new_list, ListObject};
use crate::types::set::{new_set, SetObject};
use crate::types::string::{as_str, new_string};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::Value;

fn list(v: Value) -> PyResult<&'static ListObject> {
    ListObject::cast(v)
        .ok_or_else(|| crate::error::internal_error("list instruction on a non-list"))
}

fn dict(v: Value) -> PyResult<&'static DictObject> {
    DictObject::cast(v)
        .ok_or_else(|| crate::error::internal_error("dict instruction on a non-dict"))
}

fn set(v: Value) -> PyResult<&'static SetObject> {
    SetObject::cast(v).ok_or_else(|| crate::error::internal_error("set instruction on a non-set"))
}

/// `BUILD_STRING`: concatenates strs (the pieces of an f-string).
pub fn build_string(parts: &[Value]) -> PyResult {
    if let [one] = parts {
        if as_str(*one).is_some() {
            return Ok(*one);
        }
    }
    let mut out = String::new();
    for &p in parts {
        match as_str(p) {
            Some(s) => out.push_str(s),
            None => return Err(crate::error::internal_error("BUILD_STRING of a non-str")),
        }
    }
    Ok(new_string(out))
}

/// `BUILD_LIST`.
pub fn build_list(items: &[Value]) -> Value {
    new_list(items.to_vec())
}

/// `BUILD_TUPLE`.
pub fn build_tuple(items: &[Value]) -> Value {
    new_tuple(items)
}

/// `BUILD_SET`: items added left to right.
pub fn build_set(items: &[Value]) -> PyResult {
    crate::types::set::set_from_values(items)
}

/// `BUILD_MAP`: `pairs` alternates keys and values.
pub fn build_map(pairs: &[Value]) -> PyResult {
    let d = DictObject::new_value();
    let o = dict(d)?;
    for kv in pairs.chunks_exact(2) {
        o.set_item(kv[0], kv[1])?;
    }
    Ok(d)
}

/// `BUILD_CONST_KEY_MAP`: a tuple of keys and their values.
pub fn build_const_key_map(keys: Value, values: &[Value]) -> PyResult {
    let Some(keys) = tuple_items(keys) else {
        return Err(crate::error::system_error(
            "bad BUILD_CONST_KEY_MAP keys argument",
        ));
    };
    let d = DictObject::new_value();
    let o = dict(d)?;
    for (&k, &v) in keys.iter().zip(values) {
        o.set_item(k, v)?;
    }
    Ok(d)
}

/// `LIST_APPEND` (comprehensions).
pub fn list_append(l: Value, v: Value) -> PyResult<()> {
    list(l)?.push(v);
    Ok(())
}

/// `LIST_EXTEND`: `[*a]`, `f(*a)`.
pub fn list_extend(l: Value, iterable: Value) -> PyResult<()> {
    let items = match crate::ops::iter::collect(iterable) {
        Ok(items) => items,
        Err(e) => {
            let ty = type_of(iterable);
            if ty.slots.iter.get().is_none() && ty.slots.getitem.get().is_none() {
                crate::error::clear_exception();
                return Err(type_error(format!(
                    "Value after * must be an iterable, not {}",
                    ty.name()
                )));
            }
            return Err(e);
        }
    };
    list(l)?.items.extend(&items);
    Ok(())
}

/// `LIST_TO_TUPLE`.
pub fn list_to_tuple(l: Value) -> PyResult {
    Ok(new_tuple(&list(l)?.to_vec()))
}

/// `SET_ADD` (set comprehensions).
pub fn set_add(s: Value, v: Value) -> PyResult<()> {
    set(s)?.add(v)
}

/// `SET_UPDATE`: `{*a}`.
pub fn set_update(s: Value, iterable: Value) -> PyResult<()> {
    set(s)?.update(iterable)
}

/// `MAP_ADD` (dict comprehensions).
pub fn map_add(d: Value, key: Value, value: Value) -> PyResult<()> {
    dict(d)?.set_item(key, value)
}

/// The keys and values of a mapping (a dict, or anything with `keys()`),
/// alternating and rooted; None if it is not a mapping.
pub(crate) fn mapping_items(m: Value) -> PyResult<Option<RootedVec>> {
    if let Some(d) = DictObject::cast(m) {
        return Ok(Some(d.items_rooted()));
    }
    let Some(keys) = crate::ops::attr::getattr_opt(m, crate::types::string::intern("keys"))? else {
        return Ok(None);
    };
    let keys = crate::ops::iter::collect(crate::ops::call::call(keys, &[], None)?)?;
    let mut out = RootedVec::with_capacity(2 * keys.len());
    for &k in keys.iter() {
        let v = crate::ops::subscript::getitem(m, k)?;
        out.push(k);
        out.push(v);
    }
    Ok(Some(out))
}

/// `DICT_UPDATE`: `{**a}`.
pub fn dict_update(d: Value, other: Value) -> PyResult<()> {
    let Some(items) = mapping_items(other)? else {
        return Err(type_error(format!(
            "'{}' object is not a mapping",
            type_of(other).name()
        )));
    };
    let o = dict(d)?;
    for kv in items.chunks_exact(2) {
        o.set_item(kv[0], kv[1])?;
    }
    Ok(())
}

/// `DICT_MERGE`: `f(**a, **b)`, where a repeated keyword is an error
/// naming the called function.
pub fn dict_merge(d: Value, other: Value, callable: Value) -> PyResult<()> {
    let Some(items) = mapping_items(other)? else {
        return Err(type_error(format!(
            "{} argument after ** must be a mapping, not {}",
            crate::ops::call::callable_name(callable),
            type_of(other).name()
        )));
    };
    let o = dict(d)?;
    for kv in items.chunks_exact(2) {
        let (k, v) = (kv[0], kv[1]);
        if o.get_item(k)?.is_some() {
            let name = match as_str(k) {
                Some(s) => s.to_owned(),
                None => crate::ops::object::repr_string(k)?,
            };
            return Err(type_error(format!(
                "{} got multiple values for keyword argument '{name}'",
                crate::ops::call::callable_name(callable)
            )));
        }
        o.set_item(k, v)?;
    }
    Ok(())
}

/// An empty set (for `BUILD_SET 0` followed by `SET_UPDATE`).
pub fn empty_set() -> Value {
    new_set()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exceptions::str_of_current;
    use crate::types::string::new_str;

    #[test]
    fn strings_maps_and_star_errors() {
        let s = build_string(&[new_str("a"), new_str("bc")]).unwrap();
        assert_eq!(as_str(s), Some("abc"));
        let d = build_map(&[new_str("k"), Value::small_int(1)]).unwrap();
        assert_eq!(DictObject::cast(d).unwrap().len(), 1);
        let l = build_list(&[]);
        assert!(list_extend(l, Value::small_int(3)).is_err());
        assert_eq!(
            str_of_current(),
            "Value after * must be an iterable, not int"
        );
        let target = DictObject::new_value();
        assert!(dict_update(target, Value::small_int(1)).is_err());
        assert_eq!(str_of_current(), "'int' object is not a mapping");
        dict_merge(target, d, Value::NONE).unwrap();
        assert!(dict_merge(target, d, Value::NONE).is_err());
        assert!(str_of_current().ends_with("got multiple values for keyword argument 'k'"));
    }
}
