//! Structural pattern matching (`match`): what `MATCH_MAPPING`,
//! `MATCH_SEQUENCE`, `MATCH_KEYS`, `MATCH_CLASS` and `GET_LEN` compute,
//! with CPython 3.11's rules (`Python/ceval.c`: `match_keys`,
//! `match_class`) and messages.

use crate::error::{type_error, value_error, PyResult};
use crate::gc::RootedVec;
use crate::object::type_of;
use crate::typeobj::{as_type, flags, TypeObject};
use crate::types::registry::types;
use crate::types::string::{as_str, intern};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::Value;

/// `MATCH_MAPPING`: is the subject a mapping (a dict or a subclass)?
pub fn is_mapping(subject: Value) -> bool {
    type_of(subject).has_flag(flags::DICT_SUBCLASS)
}

/// `MATCH_SEQUENCE`: is the subject a sequence for matching (list,
/// tuple, range and their subclasses; never str, bytes or bytearray)?
pub fn is_sequence(subject: Value) -> bool {
    let t = types();
    let ty = type_of(subject);
    ty.is_subtype(t.list) || ty.is_subtype(t.tuple) || ty.is_subtype(t.range)
}

/// `GET_LEN`: `len(subject)` as an int.
pub fn get_len(subject: Value) -> PyResult {
    Ok(crate::types::int::int_from_usize(crate::ops::object::len(
        subject,
    )?))
}

/// `MATCH_KEYS`: the values of `keys` (a tuple) in the mapping, as a
/// tuple, or None if one is missing. Uses the mapping's `get`, as CPython.
pub fn match_keys(subject: Value, keys: Value) -> PyResult {
    let keys = tuple_items(keys).unwrap_or(&[]);
    if keys.is_empty() {
        return Ok(new_tuple(&[]));
    }
    let seen = crate::types::set::new_set();
    let seen_set = crate::types::set::as_set(seen)
        .ok_or_else(|| crate::error::internal_error("new_set is not a set"))?;
    let get = crate::ops::attr::getattr(subject, intern("get"))?;
    // A private sentinel: no mapping holds it.
    let dummy = crate::types::instance::new_instance(types().object);
    let mut values = RootedVec::with_capacity(keys.len());
    for &k in keys {
        if seen_set.contains(k)? {
            return Err(value_error(format!(
                "mapping pattern checks duplicate key ({})",
                crate::ops::object::repr_string(k)?
            )));
        }
        seen_set.add(k)?;
        let v = crate::ops::call::call(get, &[k, dummy], None)?;
        if v == dummy {
            return Ok(Value::NONE);
        }
        values.push(v);
    }
    Ok(new_tuple(&values))
}

/// The builtins whose single positional sub-pattern matches the subject
/// itself (`case int(x)`).
fn matches_self(cls: &TypeObject) -> bool {
    let t = types();
    [
        t.bool,
        t.dict,
        t.float,
        t.frozenset,
        t.int,
        t.list,
        t.set,
        t.str,
        t.tuple,
    ]
    .iter()
    .any(|&b| std::ptr::eq(cls, b))
}

/// `MATCH_CLASS`: if `subject` is an instance of `cls`, a tuple of the
/// `nargs` positional sub-pattern attributes (named by
/// `cls.__match_args__`) then the attributes named in `kwnames`; None if
/// it is not an instance or an attribute is missing.
pub fn match_class(subject: Value, cls: Value, nargs: usize, kwnames: Value) -> PyResult {
    let Some(ty) = as_type(cls) else {
        return Err(type_error("called match pattern must be a type"));
    };
    if !crate::ops::isinstance::isinstance(subject, cls)? {
        return Ok(Value::NONE);
    }
    let kwnames = tuple_items(kwnames).unwrap_or(&[]);
    // Both hold values across attribute lookups (Python code): the names
    // may come from a `__match_args__` computed on the fly.
    let mut seen = RootedVec::new();
    let mut out = RootedVec::with_capacity(nargs + kwnames.len());
    let lookup = |name: Value, seen: &mut RootedVec| -> PyResult<Option<Value>> {
        let text = as_str(name).unwrap_or("");
        if seen.iter().any(|&s| as_str(s) == Some(text)) {
            return Err(type_error(format!(
                "{}() got multiple sub-patterns for attribute {}",
                ty.name(),
                crate::ops::object::repr_string(name)?
            )));
        }
        seen.push(name);
        crate::ops::attr::getattr_opt(subject, name)
    };
    if nargs > 0 {
        let match_args = crate::ops::attr::getattr_opt(cls, intern("__match_args__"))?;
        match match_args {
            Some(ma) => {
                let Some(names) = tuple_items(ma) else {
                    return Err(type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        ty.name(),
                        type_of(ma).name()
                    )));
                };
                if nargs > names.len() {
                    return Err(positional_count_error(ty, names.len(), nargs));
                }
                for &name in &names[..nargs] {
                    if as_str(name).is_none() {
                        return Err(type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            type_of(name).name()
                        )));
                    }
                    match lookup(name, &mut seen)? {
                        Some(v) => out.push(v),
                        None => return Ok(Value::NONE),
                    }
                }
            }
            None if matches_self(ty) => {
                if nargs > 1 {
                    return Err(positional_count_error(ty, 1, nargs));
                }
                out.push(subject);
            }
            None => return Err(positional_count_error(ty, 0, nargs)),
        }
    }
    for &name in kwnames {
        match lookup(name, &mut seen)? {
            Some(v) => out.push(v),
            None => return Ok(Value::NONE),
        }
    }
    Ok(new_tuple(&out))
}

fn positional_count_error(ty: &TypeObject, allowed: usize, given: usize) -> crate::error::Raised {
    type_error(format!(
        "{}() accepts {allowed} positional sub-pattern{} ({given} given)",
        ty.name(),
        if allowed == 1 { "" } else { "s" }
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exceptions::str_of_current;
    use crate::types::string::new_str;

    #[test]
    fn sequences_mappings_and_classes() {
        let l = crate::types::list::new_list(vec![Value::small_int(1)]);
        assert!(is_sequence(l) && !is_sequence(new_str("ab")));
        let d = crate::types::dict::DictObject::new_value();
        assert!(is_mapping(d) && !is_mapping(l));
        crate::ops::subscript::setitem(d, new_str("a"), Value::small_int(1)).unwrap();
        let keys = new_tuple(&[new_str("a")]);
        let r = match_keys(d, keys).unwrap();
        assert_eq!(tuple_items(r).unwrap(), &[Value::small_int(1)]);
        let missing = new_tuple(&[new_str("b")]);
        assert_eq!(match_keys(d, missing).unwrap(), Value::NONE);
        let int_t = types().int.as_value();
        let r = match_class(Value::small_int(5), int_t, 1, new_tuple(&[])).unwrap();
        assert_eq!(tuple_items(r).unwrap(), &[Value::small_int(5)]);
        assert!(match_class(Value::small_int(5), int_t, 2, new_tuple(&[])).is_err());
        assert_eq!(
            str_of_current(),
            "int() accepts 1 positional sub-pattern (2 given)"
        );
        let r = match_class(new_str("x"), int_t, 1, new_tuple(&[])).unwrap();
        assert_eq!(r, Value::NONE);
    }
}
