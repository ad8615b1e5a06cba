//! Argument parsing for builtin functions and methods (the vectorcall
//! convention: positional values, then keyword values named by `kwnames`).
//!
//! Helpers return fixed-size arrays with `Value::NULL` for absent optional
//! arguments, and raise CPython's messages for the common shapes
//! (`len() takes exactly one argument (2 given)`, `getattr expected at
//! least 2 arguments, got 1`, `'x' is an invalid keyword argument for
//! print()`). Python functions are bound by `types::bind` instead.

use crate::error::{type_error, PyResult};
use crate::object::PyPayload;
use crate::types::string::as_str;
use crate::types::tuple::TupleObject;
use crate::Value;

/// The keyword names as a slice of str values.
pub fn kwnames_slice(kwnames: Option<Value>) -> &'static [Value] {
    kwnames
        .and_then(TupleObject::cast)
        .map_or(&[], |t| t.items())
}

/// Splits `args` into (positional, keyword values).
pub fn split(args: &[Value], kwnames: Option<Value>) -> (&[Value], &[Value]) {
    let nk = kwnames_slice(kwnames).len().min(args.len());
    args.split_at(args.len() - nk)
}

/// Rejects keyword arguments.
pub fn no_kwargs(fname: &str, kwnames: Option<Value>) -> PyResult<()> {
    if kwnames_slice(kwnames).is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{fname}() takes no keyword arguments")))
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Exactly `N` positional arguments, no keywords.
pub fn exact<const N: usize>(
    fname: &str,
    args: &[Value],
    kwnames: Option<Value>,
) -> PyResult<[Value; N]> {
    no_kwargs(fname, kwnames)?;
    if args.len() != N {
        return Err(match N {
            0 => type_error(format!(
                "{fname}() takes no arguments ({} given)",
                args.len()
            )),
            1 => type_error(format!(
                "{fname}() takes exactly one argument ({} given)",
                args.len()
            )),
            _ => type_error(format!(
                "{fname} expected {N} arguments, got {}",
                args.len()
            )),
        });
    }
    let mut out = [Value::NULL; N];
    out.copy_from_slice(args);
    Ok(out)
}

/// Between `min` and `N` positional arguments, no keywords; absent ones NULL.
pub fn between<const N: usize>(
    fname: &str,
    args: &[Value],
    kwnames: Option<Value>,
    min: usize,
) -> PyResult<[Value; N]> {
    no_kwargs(fname, kwnames)?;
    if args.len() < min {
        return Err(type_error(format!(
            "{fname} expected at least {min} argument{}, got {}",
            plural(min),
            args.len()
        )));
    }
    if args.len() > N {
        return Err(type_error(format!(
            "{fname} expected at most {N} argument{}, got {}",
            plural(N),
            args.len()
        )));
    }
    let mut out = [Value::NULL; N];
    out[..args.len()].copy_from_slice(args);
    Ok(out)
}

/// Arguments that may be passed by position or by keyword (`names`), the
/// first `required` of them mandatory; absent ones NULL.
pub fn parse<const N: usize>(
    fname: &str,
    args: &[Value],
    kwnames: Option<Value>,
    names: [&str; N],
    required: usize,
) -> PyResult<[Value; N]> {
    let (pos, kwvals) = split(args, kwnames);
    if pos.len() > N {
        return Err(type_error(format!(
            "{fname}() takes at most {N} argument{} ({} given)",
            plural(N),
            pos.len()
        )));
    }
    let mut out = [Value::NULL; N];
    out[..pos.len()].copy_from_slice(pos);
    for (k, &v) in kwnames_slice(kwnames).iter().zip(kwvals) {
        let key = as_str(*k).unwrap_or("");
        match names.iter().position(|n| *n == key) {
            Some(i) if i < pos.len() => {
                return Err(type_error(format!(
                    "argument for {fname}() given by name ('{key}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => out[i] = v,
            None => {
                return Err(type_error(format!(
                    "'{key}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    for (i, v) in out.iter().enumerate().take(required) {
        if v.is_null() {
            return Err(type_error(format!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// A method's `self` and between `min` and `N` further positional
/// arguments (no keywords). `fname` is the qualified name ("list.pop").
/// The accepting path is short; the errors are built in a cold function.
/// Not inlined: it would grow each of the many builtin methods (the
/// executables' size is watched).
#[inline(never)]
pub fn method<const N: usize>(
    fname: &str,
    args: &[Value],
    kwnames: Option<Value>,
    min: usize,
) -> PyResult<(Value, [Value; N])> {
    match args.split_first() {
        Some((&this, rest))
            if rest.len() >= min && rest.len() <= N && kwnames_slice(kwnames).is_empty() =>
        {
            let mut out = [Value::NULL; N];
            out[..rest.len()].copy_from_slice(rest);
            Ok((this, out))
        }
        _ => Err(method_arguments_error(fname, args, kwnames, min, N)),
    }
}

/// The error [`method`] raises for arguments it does not accept.
#[cold]
#[inline(never)]
fn method_arguments_error(
    fname: &str,
    args: &[Value],
    kwnames: Option<Value>,
    min: usize,
    max: usize,
) -> crate::error::Raised {
    if let Err(e) = no_kwargs(fname, kwnames) {
        return e;
    }
    let Some((_, rest)) = args.split_first() else {
        return type_error(format!("unbound method {fname}() needs an argument"));
    };
    if max == 1 && min == 1 {
        type_error(format!(
            "{fname}() takes exactly one argument ({} given)",
            rest.len()
        ))
    } else if max == 0 {
        type_error(format!(
            "{fname}() takes no arguments ({} given)",
            rest.len()
        ))
    } else {
        // `_PyArg_CheckPositional`'s wording.
        let (bound, n) = if rest.len() < min {
            ("at least ", min)
        } else {
            ("at most ", max)
        };
        let bound = if min == max { "" } else { bound };
        type_error(format!(
            "{fname} expected {bound}{n} argument{}, got {}",
            plural(n),
            rest.len()
        ))
    }
}
