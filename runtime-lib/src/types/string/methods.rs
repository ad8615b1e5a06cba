//! The `str` methods: join, split, strip/lstrip/rstrip, lower/upper and
//! replace here, the rest in `extra`. Each is a `BuiltinFn` plus one line
//! in [`METHODS`].

use super::extra;
use crate::args;
use crate::error::{type_error, value_error, PyResult};
use crate::object::type_of;
use crate::ops::iter::collect;
use crate::types::builtin_func::MethodDef;
use crate::types::list::new_list;
use crate::types::string::{as_str, new_str, new_string};
use crate::Value;

pub const METHODS: &[MethodDef] = &[
    MethodDef::new("join", join),
    MethodDef::new("encode", super::encode::encode),
    MethodDef::new("split", split),
    MethodDef::new("strip", strip),
    MethodDef::new("lstrip", lstrip),
    MethodDef::new("rstrip", rstrip),
    MethodDef::new("startswith", extra::startswith),
    MethodDef::new("endswith", extra::endswith),
    MethodDef::new("lower", lower),
    MethodDef::new("upper", upper),
    MethodDef::new("replace", replace),
    MethodDef::new("find", extra::find),
    MethodDef::new("rfind", extra::rfind),
    MethodDef::new("index", extra::index),
    MethodDef::new("rindex", extra::rindex),
    MethodDef::new("count", extra::count),
    MethodDef::new("isalpha", extra::isalpha),
    MethodDef::new("isdigit", extra::isdigit),
    MethodDef::new("isdecimal", extra::isdecimal),
    MethodDef::new("isnumeric", extra::isnumeric),
    MethodDef::new("isalnum", extra::isalnum),
    MethodDef::new("isspace", extra::isspace),
    MethodDef::new("isascii", extra::isascii),
    MethodDef::new("isprintable", extra::isprintable),
    MethodDef::new("isidentifier", extra::isidentifier),
    MethodDef::new("isupper", extra::isupper),
    MethodDef::new("islower", extra::islower),
    MethodDef::new("istitle", extra::istitle),
    MethodDef::new("title", extra::title),
    MethodDef::new("capitalize", extra::capitalize),
    MethodDef::new("swapcase", extra::swapcase),
    MethodDef::new("casefold", extra::casefold),
    MethodDef::new("center", extra::center),
    MethodDef::new("ljust", extra::ljust),
    MethodDef::new("rjust", extra::rjust),
    MethodDef::new("zfill", extra::zfill),
    MethodDef::new("rsplit", extra::rsplit),
    MethodDef::new("splitlines", extra::splitlines),
    MethodDef::new("partition", extra::partition),
    MethodDef::new("rpartition", extra::rpartition),
    MethodDef::new("removeprefix", extra::removeprefix),
    MethodDef::new("removesuffix", extra::removesuffix),
    MethodDef::new("expandtabs", extra::expandtabs),
    MethodDef::static_("maketrans", extra::maketrans),
    MethodDef::new("translate", extra::translate),
    MethodDef::new("format", extra::format),
    MethodDef::new("format_map", extra::format_map),
    MethodDef::new("__format__", crate::ops::format::str_format),
];

fn this(v: Value) -> PyResult<&'static str> {
    as_str(v).ok_or_else(|| crate::error::internal_error("str method on a non-str"))
}

fn join(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [it]) = args::method::<1>("str.join", a, k, 1)?;
    let sep = this(s)?;
    let items = collect(it)?;
    // The pieces first (and their total length), so the result is
    // allocated once.
    let mut pieces = Vec::with_capacity(items.len());
    let mut total = sep.len() * items.len().saturating_sub(1);
    for (i, &item) in items.iter().enumerate() {
        let Some(t) = as_str(item) else {
            return Err(type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                type_of(item).name()
            )));
        };
        total += t.len();
        pieces.push(t);
    }
    let mut out = String::with_capacity(total);
    for (i, t) in pieces.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(t);
    }
    Ok(new_string(out))
}

fn opt_str(v: Value, what: &str) -> PyResult<Option<&'static str>> {
    if v.is_null() || v.is_none() {
        return Ok(None);
    }
    as_str(v)
        .map(Some)
        .ok_or_else(|| type_error(format!("{what} arg must be None or str")))
}

fn split(a: &[Value], k: Option<Value>) -> PyResult {
    let Some((&s, rest)) = a.split_first() else {
        return Err(type_error("unbound method str.split() needs an argument"));
    };
    let [sep, maxsplit] = args::parse("split", rest, k, ["sep", "maxsplit"], 0)?;
    let text = this(s)?;
    let max = if maxsplit.is_null() {
        -1
    } else {
        crate::types::int::to_i64(maxsplit)?
    };
    let limit = if max < 0 { usize::MAX } else { max as usize };
    let parts: Vec<Value> = match opt_str(sep, "str.split()")? {
        None => {
            let mut out = Vec::new();
            let mut rest = text.trim_start();
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(new_str(rest));
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(new_str(&rest[..end]));
                rest = rest[end..].trim_start();
            }
            out
        }
        Some("") => return Err(value_error("empty separator")),
        Some(sep) => text
            .splitn(limit.saturating_add(1), sep)
            .map(new_str)
            .collect(),
    };
    Ok(new_list(parts))
}

fn strip_with(a: &[Value], k: Option<Value>, name: &str, left: bool, right: bool) -> PyResult {
    let (s, [chars]) = args::method::<1>(name, a, k, 0)?;
    let text = this(s)?;
    let set = opt_str(chars, name)?;
    let pred = |c: char| match set {
        Some(set) => set.contains(c),
        None => c.is_whitespace(),
    };
    let mut t = text;
    if left {
        t = t.trim_start_matches(pred);
    }
    if right {
        t = t.trim_end_matches(pred);
    }
    Ok(new_str(t))
}

fn strip(a: &[Value], k: Option<Value>) -> PyResult {
    strip_with(a, k, "str.strip", true, true)
}

fn lstrip(a: &[Value], k: Option<Value>) -> PyResult {
    strip_with(a, k, "str.lstrip", true, false)
}

fn rstrip(a: &[Value], k: Option<Value>) -> PyResult {
    strip_with(a, k, "str.rstrip", false, true)
}

fn lower(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("str.lower", a, k, 0)?;
    let text = this(s)?;
    Ok(new_string(if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    }))
}

fn upper(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("str.upper", a, k, 0)?;
    let text = this(s)?;
    Ok(new_string(if text.is_ascii() {
        text.to_ascii_uppercase()
    } else {
        text.to_uppercase()
    }))
}

fn str_arg(v: Value, n: usize, fname: &str) -> PyResult<&'static str> {
    as_str(v).ok_or_else(|| {
        type_error(format!(
            "{fname}() argument {n} must be str, not {}",
            type_of(v).name()
        ))
    })
}

fn replace(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [old, new, count]) = args::method::<3>("str.replace", a, k, 2)?;
    let text = this(s)?;
    let (old, new) = (str_arg(old, 1, "replace")?, str_arg(new, 2, "replace")?);
    let n = if count.is_null() {
        -1
    } else {
        crate::types::int::to_i64(count)?
    };
    if n < 0 {
        return Ok(new_string(text.replace(old, new)));
    }
    Ok(new_string(text.replacen(old, new, n as usize)))
}
