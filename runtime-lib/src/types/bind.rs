//! `bind_arguments`: matching a call's arguments to a Python function's
//! parameters, the one implementation both executors use (CPython's
//! `initialize_locals`, with every one of its error messages).
//!
//! The output slots follow the parameter order of `CodeInfo::varnames`:
//! positional parameters, keyword-only parameters, then the `*args` tuple
//! and the `**kwargs` dict when the function has them.

use crate::args::kwnames_slice;
use crate::error::{type_error, PyResult};
use crate::object::PyPayload;
use crate::types::dict::DictObject;
use crate::types::function::{CodeInfo, FunctionObject};
use crate::types::string::{as_str, StrObject};
use crate::types::tuple::{new_tuple, TupleObject};
use crate::Value;

/// The number of output slots `bind_arguments` fills for `code`.
pub fn bound_slot_count(code: &CodeInfo) -> usize {
    code.total_args() + code.has_varargs() as usize + code.has_varkw() as usize
}

fn same_name(a: Value, b: Value) -> bool {
    a == b
        || match (StrObject::cast(a), StrObject::cast(b)) {
            (Some(x), Some(y)) => crate::types::string::str_eq(x, y),
            _ => false,
        }
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`.
fn name_list(names: &[&str]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

/// Binds `args` (positional values then keyword values named by
/// `kwnames`) to `func`'s parameters in `out` (at least
/// [`bound_slot_count`] long).
pub fn bind_arguments(
    func: &FunctionObject,
    args: &[Value],
    kwnames: Option<Value>,
    out: &mut [Value],
) -> PyResult<()> {
    let code = func.code_info;
    let names = kwnames_slice(kwnames);
    // The common call: exactly the positional parameters, nothing else.
    if names.is_empty()
        && args.len() == code.argcount as usize
        && code.kwonlyargcount == 0
        && !code.has_varargs()
        && !code.has_varkw()
    {
        if let Some(slots) = out.get_mut(..args.len()) {
            slots.copy_from_slice(args);
            return Ok(());
        }
    }
    let argcount = args.len() - names.len().min(args.len());
    let (positional, kwvalues) = args.split_at(argcount);
    let co_argcount = code.argcount as usize;
    let total = code.total_args();
    let qualname = code.qualname();
    if out.len() < bound_slot_count(code) {
        return Err(crate::error::internal_error(
            "bind_arguments: output too small",
        ));
    }
    out[..bound_slot_count(code)].fill(Value::NULL);

    let kwdict = if code.has_varkw() {
        let d = DictObject::new_value();
        out[total + code.has_varargs() as usize] = d;
        DictObject::cast(d)
    } else {
        None
    };

    let n = argcount.min(co_argcount);
    out[..n].copy_from_slice(&positional[..n]);
    if code.has_varargs() {
        out[total] = new_tuple(&positional[n..]);
    }

    let posonly = code.posonlyargcount as usize;
    for (&name, &value) in names.iter().zip(kwvalues) {
        if as_str(name).is_none() {
            return Err(type_error(format!("{qualname}() keywords must be strings")));
        }
        let found = (posonly..total).find(|&j| same_name(code.varnames[j], name));
        match found {
            Some(j) => {
                if !out[j].is_null() {
                    return Err(type_error(format!(
                        "{qualname}() got multiple values for argument '{}'",
                        as_str(name).unwrap_or("")
                    )));
                }
                out[j] = value;
            }
            None => match kwdict {
                Some(d) => d.set_item(name, value)?,
                None => {
                    let posonly_given: Vec<&str> = (0..posonly)
                        .filter(|&j| names.iter().any(|&k| same_name(code.varnames[j], k)))
                        .filter_map(|j| as_str(code.varnames[j]))
                        .collect();
                    if !posonly_given.is_empty() {
                        return Err(type_error(format!(
                            "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
                            posonly_given.join(", ")
                        )));
                    }
                    return Err(type_error(format!(
                        "{qualname}() got an unexpected keyword argument '{}'",
                        as_str(name).unwrap_or("")
                    )));
                }
            },
        }
    }

    let defaults: &[Value] = TupleObject::cast(func.defaults.get()).map_or(&[], |t| t.items());
    if argcount > co_argcount && !code.has_varargs() {
        let kwonly_given = (co_argcount..total).filter(|&j| !out[j].is_null()).count();
        return Err(too_many_positional(
            qualname,
            co_argcount,
            defaults.len(),
            argcount,
            kwonly_given,
        ));
    }

    if argcount < co_argcount {
        let m = co_argcount - defaults.len().min(co_argcount);
        let missing: Vec<&str> = (argcount..m)
            .filter(|&i| out[i].is_null())
            .filter_map(|i| as_str(code.varnames[i]))
            .collect();
        if !missing.is_empty() {
            return Err(missing_arguments(qualname, &missing, "positional"));
        }
        for i in n.max(m)..co_argcount {
            if out[i].is_null() {
                out[i] = defaults[i - m];
            }
        }
    }

    if total > co_argcount {
        let kwdefaults = DictObject::cast(func.kwdefaults.get());
        let mut missing = Vec::new();
        for (slot, &name) in out[co_argcount..total]
            .iter_mut()
            .zip(&code.varnames[co_argcount..total])
        {
            if !slot.is_null() {
                continue;
            }
            match kwdefaults.and_then(|d| d.get_str(name)) {
                Some(v) => *slot = v,
                None => missing.push(as_str(name).unwrap_or("")),
            }
        }
        if !missing.is_empty() {
            return Err(missing_arguments(qualname, &missing, "keyword-only"));
        }
    }
    Ok(())
}

fn missing_arguments(qualname: &str, missing: &[&str], kind: &str) -> crate::error::Raised {
    type_error(format!(
        "{qualname}() missing {} required {kind} argument{}: {}",
        missing.len(),
        if missing.len() == 1 { "" } else { "s" },
        name_list(missing)
    ))
}

fn too_many_positional(
    qualname: &str,
    co_argcount: usize,
    defcount: usize,
    given: usize,
    kwonly_given: usize,
) -> crate::error::Raised {
    let (sig, plural) = if defcount > 0 {
        (
            format!("from {} to {co_argcount}", co_argcount - defcount),
            true,
        )
    } else {
        (co_argcount.to_string(), co_argcount != 1)
    };
    let kwonly_sig = if kwonly_given > 0 {
        format!(
            " positional argument{} (and {kwonly_given} keyword-only argument{})",
            if given != 1 { "s" } else { "" },
            if kwonly_given != 1 { "s" } else { "" }
        )
    } else {
        String::new()
    };
    type_error(format!(
        "{qualname}() takes {sig} positional argument{} but {given}{kwonly_sig} {} given",
        if plural { "s" } else { "" },
        if given == 1 && kwonly_given == 0 {
            "was"
        } else {
            "were"
        }
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exceptions::str_of_current;
    use crate::types::function::{code_flags, new_function, CodeInfo};
    use crate::types::string::{intern, new_str};

    fn func(
        name: &str,
        params: &[&str],
        argc: u32,
        posonly: u32,
        kwonly: u32,
        flags: u32,
        defaults: &[Value],
    ) -> &'static FunctionObject {
        let info = CodeInfo::new(
            new_str(name),
            new_str(name),
            new_str("t.py"),
            1,
            argc,
            posonly,
            kwonly,
            flags,
            params.iter().map(|p| intern(p)).collect(),
        );
        let f = new_function(
            Box::leak(Box::new(info)),
            std::ptr::null(),
            crate::types::dict::DictObject::new_value(),
        );
        let f = FunctionObject::cast(f).unwrap();
        if !defaults.is_empty() {
            f.defaults.set(new_tuple(defaults));
        }
        f
    }

    fn bind(f: &FunctionObject, pos: &[i64], kw: &[(&str, i64)]) -> Result<Vec<Value>, String> {
        let mut args: Vec<Value> = pos.iter().map(|&i| Value::small_int(i)).collect();
        args.extend(kw.iter().map(|&(_, v)| Value::small_int(v)));
        let names: Vec<Value> = kw.iter().map(|&(n, _)| new_str(n)).collect();
        let kwnames = (!names.is_empty()).then(|| new_tuple(&names));
        let mut out = vec![Value::NULL; bound_slot_count(f.code_info)];
        match bind_arguments(f, &args, kwnames, &mut out) {
            Ok(()) => Ok(out),
            Err(_) => Err(str_of_current()),
        }
    }

    #[test]
    fn error_messages_match_cpython() {
        let f = func("f", &["a", "b"], 2, 0, 0, 0, &[]);
        assert_eq!(
            bind(f, &[1], &[]).unwrap_err(),
            "f() missing 1 required positional argument: 'b'"
        );
        assert_eq!(
            bind(f, &[], &[]).unwrap_err(),
            "f() missing 2 required positional arguments: 'a' and 'b'"
        );
        assert_eq!(
            bind(f, &[1, 2, 3], &[]).unwrap_err(),
            "f() takes 2 positional arguments but 3 were given"
        );
        assert_eq!(
            bind(f, &[1, 2], &[("z", 3)]).unwrap_err(),
            "f() got an unexpected keyword argument 'z'"
        );
        assert_eq!(
            bind(f, &[1], &[("a", 2)]).unwrap_err(),
            "f() got multiple values for argument 'a'"
        );
        let g = func("g", &["a", "b", "c"], 2, 1, 1, 0, &[]);
        assert_eq!(
            bind(g, &[], &[("a", 1), ("b", 2), ("c", 3)]).unwrap_err(),
            "g() got some positional-only arguments passed as keyword arguments: 'a'"
        );
        assert_eq!(
            bind(g, &[1, 2], &[]).unwrap_err(),
            "g() missing 1 required keyword-only argument: 'c'"
        );
        let y = func("y", &["a", "b", "c"], 3, 0, 0, 0, &[]);
        assert_eq!(
            bind(y, &[], &[]).unwrap_err(),
            "y() missing 3 required positional arguments: 'a', 'b', and 'c'"
        );
        let w = func("w", &["a", "b"], 2, 0, 0, 0, &[Value::small_int(2)]);
        assert_eq!(
            bind(w, &[1, 2, 3], &[]).unwrap_err(),
            "w() takes from 1 to 2 positional arguments but 3 were given"
        );
        let z = func("z", &[], 0, 0, 0, 0, &[]);
        assert_eq!(
            bind(z, &[1], &[]).unwrap_err(),
            "z() takes 0 positional arguments but 1 was given"
        );
        let k = func("k", &["a", "b"], 1, 0, 1, 0, &[]);
        assert_eq!(
            bind(k, &[1, 2], &[("b", 3)]).unwrap_err(),
            "k() takes 1 positional argument but 2 positional arguments (and 1 keyword-only argument) were given"
        );
    }

    #[test]
    fn defaults_varargs_and_kwargs() {
        let flags = code_flags::VARARGS | code_flags::VARKEYWORDS;
        let h = func(
            "h",
            &["a", "b", "c", "args", "kw"],
            2,
            0,
            1,
            flags,
            &[Value::small_int(10)],
        );
        let out = bind(h, &[1, 2, 3, 4], &[("c", 5), ("e", 6)]).unwrap();
        assert_eq!(
            &out[..3],
            &[
                Value::small_int(1),
                Value::small_int(2),
                Value::small_int(5)
            ]
        );
        assert_eq!(
            crate::types::tuple::tuple_items(out[3]).unwrap(),
            &[Value::small_int(3), Value::small_int(4)]
        );
        let kw = DictObject::cast(out[4]).unwrap();
        assert_eq!(kw.get_str(intern("e")), Some(Value::small_int(6)));
        let out = bind(h, &[1], &[("c", 0)]).unwrap();
        assert_eq!(out[1], Value::small_int(10));
    }
}
