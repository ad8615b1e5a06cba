//! The methods `bytes` and `bytearray` share: decode, hex, fromhex,
//! searching (count/find/rfind/index/rindex/startswith/endswith), split,
//! join, strip, replace, upper/lower, the `is*` tests, and `%`
//! formatting (through str's). Results have the receiver's kind
//! (bytes or bytearray). Each is a `BuiltinFn` plus one line in
//! [`METHODS`]; `mutable` extends the table for bytearray.

use crate::args;
use crate::error::{type_error, value_error, PyResult};
use crate::object::type_of;
use crate::ops::iter::collect;
use crate::types::builtin_func::MethodDef;
use crate::types::int::{index_value, int_from_usize, int_of};
use crate::types::list::new_list;
use crate::types::sequence::index_bounds;
use crate::types::string::{as_str, new_string};
use crate::types::tuple::tuple_items;
use crate::Value;

use super::{byte_value, bytes_data, codec, new_like, repr};

macro_rules! shared_methods {
    ($($extra:expr,)*) => {{
        use $crate::types::builtin_func::MethodDef as D;
        use $crate::types::bytes::methods as m;
        &[
            D::new("decode", m::decode),
            D::new("hex", m::hex),
            D::class("fromhex", m::fromhex),
            D::new("count", m::count),
            D::new("find", m::find),
            D::new("rfind", m::rfind),
            D::new("index", m::index),
            D::new("rindex", m::rindex),
            D::new("startswith", m::startswith),
            D::new("endswith", m::endswith),
            D::new("split", m::split),
            D::new("join", m::join),
            D::new("strip", m::strip),
            D::new("lstrip", m::lstrip),
            D::new("rstrip", m::rstrip),
            D::new("replace", m::replace),
            D::new("upper", m::upper),
            D::new("lower", m::lower),
            D::new("isdigit", m::isdigit),
            D::new("isalpha", m::isalpha),
            D::new("isspace", m::isspace),
            D::new("isalnum", m::isalnum),
            D::new("isupper", m::isupper),
            D::new("islower", m::islower),
            $($extra,)*
        ]
    }};
}
pub(super) use shared_methods;

pub const METHODS: &[MethodDef] = shared_methods!();

fn data(v: Value) -> PyResult<Vec<u8>> {
    bytes_data(v).ok_or_else(|| crate::error::internal_error("bytes method on a non-bytes"))
}

/// The receiver and the rest of the arguments.
fn recv(a: &[Value]) -> PyResult<(Value, &[Value])> {
    a.split_first()
        .map(|(s, r)| (*s, r))
        .ok_or_else(|| type_error("unbound method needs an argument"))
}

/// First index of `needle` in `hay` at or after `from`.
pub fn find_sub(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= hay.len()).then_some(from);
    }
    if from >= hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

pub fn decode(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, rest) = recv(a)?;
    let [enc, errors] = args::parse("decode", rest, k, ["encoding", "errors"], 0)?;
    let (c, errs) = codec::codec_args("decode", enc, errors)?;
    Ok(new_string(codec::decode(&data(s)?, c, errs)?))
}

pub fn hex(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, rest) = recv(a)?;
    let [sep, per] = args::parse("hex", rest, k, ["sep", "bytes_per_sep"], 0)?;
    let sep = if sep.is_null() {
        None
    } else {
        let t = as_str(sep)
            .map(str::to_owned)
            .or_else(|| bytes_data(sep).map(|b| b.iter().map(|&c| c as char).collect()))
            .unwrap_or_default();
        if t.chars().count() != 1 {
            return Err(value_error("sep must be length 1."));
        }
        t.chars().next()
    };
    let every = if per.is_null() {
        1
    } else {
        index_value(per)?.unwrap_or(1)
    };
    Ok(new_string(repr::hex(&data(s)?, sep, every)))
}

pub fn fromhex(a: &[Value], k: Option<Value>) -> PyResult {
    let (cls, [text]) = args::method::<1>("fromhex", a, k, 1)?;
    let Some(t) = as_str(text) else {
        return Err(type_error(format!(
            "fromhex() argument must be str, not {}",
            type_of(text).name()
        )));
    };
    let out = repr::fromhex(t)?;
    let t = crate::types::registry::types();
    if cls == t.bytearray.as_value() {
        return Ok(super::new_bytearray(out));
    }
    let b = super::new_bytes(out);
    if cls == t.bytes.as_value() {
        return Ok(b);
    }
    crate::ops::call::call(cls, &[b], None)
}

/// The needle of count/find/index: an int byte or a bytes-like.
fn needle(v: Value) -> PyResult<Vec<u8>> {
    if let Some(d) = bytes_data(v) {
        return Ok(d);
    }
    if int_of(v).is_some() || type_of(v).slots.index.get().is_some() {
        return Ok(vec![byte_value(v, "byte")?]);
    }
    Err(type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        type_of(v).name()
    )))
}

/// (haystack, needle, start, stop) of a search method.
fn search_args(
    fname: &str,
    a: &[Value],
    k: Option<Value>,
) -> PyResult<(Vec<u8>, Vec<u8>, usize, usize)> {
    let (s, [sub, start, stop]) = args::method::<3>(fname, a, k, 1)?;
    let none = |v: Value| if v.is_none() { Value::NULL } else { v };
    let hay = data(s)?;
    let (b0, b1) = index_bounds(none(start), none(stop), hay.len())?;
    Ok((hay, needle(sub)?, b0, b1))
}

fn find_in(hay: &[u8], n: &[u8], b0: usize, b1: usize, last: bool) -> Option<usize> {
    if b1 < b0 || b1 - b0 < n.len() {
        return None;
    }
    let window = &hay[b0..b1];
    let found = if last {
        if n.is_empty() {
            Some(window.len())
        } else {
            window.windows(n.len()).rposition(|w| w == n)
        }
    } else {
        find_sub(window, n, 0)
    };
    found.map(|i| i + b0)
}

pub fn count(a: &[Value], k: Option<Value>) -> PyResult {
    let (hay, n, b0, b1) = search_args("count", a, k)?;
    if b1 < b0 {
        return Ok(int_from_usize(0));
    }
    let window = &hay[b0..b1];
    if n.is_empty() {
        return Ok(int_from_usize(window.len() + 1));
    }
    let (mut c, mut i) = (0, 0);
    while let Some(j) = find_sub(window, &n, i) {
        c += 1;
        i = j + n.len();
    }
    Ok(int_from_usize(c))
}

fn find_impl(fname: &str, a: &[Value], k: Option<Value>, last: bool, raise: bool) -> PyResult {
    let (hay, n, b0, b1) = search_args(fname, a, k)?;
    match find_in(&hay, &n, b0, b1, last) {
        Some(i) => Ok(int_from_usize(i)),
        None if raise => Err(value_error("subsection not found")),
        None => Ok(Value::small_int(-1)),
    }
}

pub fn find(a: &[Value], k: Option<Value>) -> PyResult {
    find_impl("find", a, k, false, false)
}

pub fn rfind(a: &[Value], k: Option<Value>) -> PyResult {
    find_impl("rfind", a, k, true, false)
}

pub fn index(a: &[Value], k: Option<Value>) -> PyResult {
    find_impl("index", a, k, false, true)
}

pub fn rindex(a: &[Value], k: Option<Value>) -> PyResult {
    find_impl("rindex", a, k, true, true)
}

fn affix(fname: &str, a: &[Value], k: Option<Value>, end: bool) -> PyResult {
    let (s, [prefix, start, stop]) = args::method::<3>(fname, a, k, 1)?;
    let hay = data(s)?;
    let none = |v: Value| if v.is_none() { Value::NULL } else { v };
    let (b0, b1) = index_bounds(none(start), none(stop), hay.len())?;
    let window = if b0 <= b1 { &hay[b0..b1] } else { &hay[0..0] };
    let candidates: Vec<Value> = match tuple_items(prefix) {
        Some(items) => items.to_vec(),
        None => vec![prefix],
    };
    for c in candidates {
        let Some(p) = bytes_data(c) else {
            return Err(type_error(format!(
                "{fname} first arg must be bytes or a tuple of bytes, not {}",
                type_of(c).name()
            )));
        };
        let hit = if end {
            window.ends_with(&p)
        } else {
            window.starts_with(&p)
        };
        if hit && b0 <= hay.len() {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

pub fn startswith(a: &[Value], k: Option<Value>) -> PyResult {
    affix("startswith", a, k, false)
}

pub fn endswith(a: &[Value], k: Option<Value>) -> PyResult {
    affix("endswith", a, k, true)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

pub fn split(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, rest) = recv(a)?;
    let [sep, maxsplit] = args::parse("split", rest, k, ["sep", "maxsplit"], 0)?;
    let hay = data(s)?;
    let mut max = if maxsplit.is_null() {
        -1
    } else {
        index_value(maxsplit)?.unwrap_or(-1)
    };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    if sep.is_null() || sep.is_none() {
        let mut i = 0;
        loop {
            while i < hay.len() && is_space(hay[i]) {
                i += 1;
            }
            if i >= hay.len() {
                break;
            }
            if max == 0 {
                let mut end = hay.len();
                while end > i && is_space(hay[end - 1]) {
                    end -= 1;
                }
                parts.push(hay[i..end].to_vec());
                break;
            }
            let j = (i..hay.len())
                .find(|&j| is_space(hay[j]))
                .unwrap_or(hay.len());
            parts.push(hay[i..j].to_vec());
            max -= 1;
            i = j;
        }
    } else {
        let Some(sep) = bytes_data(sep) else {
            return Err(type_error(format!(
                "a bytes-like object is required, not '{}'",
                type_of(sep).name()
            )));
        };
        if sep.is_empty() {
            return Err(value_error("empty separator"));
        }
        let mut i = 0;
        while max != 0 {
            let Some(j) = find_sub(&hay, &sep, i) else {
                break;
            };
            parts.push(hay[i..j].to_vec());
            i = j + sep.len();
            max -= 1;
        }
        parts.push(hay[i..].to_vec());
    }
    Ok(new_list(
        parts.into_iter().map(|p| new_like(s, p)).collect(),
    ))
}

pub fn join(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [it]) = args::method::<1>("join", a, k, 1)?;
    let sep = data(s)?;
    let mut out = Vec::new();
    let items = collect(it)?;
    for (i, &item) in items.iter().enumerate() {
        let Some(d) = bytes_data(item) else {
            return Err(type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                type_of(item).name()
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&d);
    }
    Ok(new_like(s, out))
}

fn strip_impl(a: &[Value], k: Option<Value>, left: bool, right: bool) -> PyResult {
    let (s, [chars]) = args::method::<1>("strip", a, k, 0)?;
    let d = data(s)?;
    let set: Option<Vec<u8>> = if chars.is_null() || chars.is_none() {
        None
    } else {
        Some(bytes_data(chars).ok_or_else(|| {
            type_error(format!(
                "a bytes-like object is required, not '{}'",
                type_of(chars).name()
            ))
        })?)
    };
    let strip = |b: u8| set.as_ref().map_or(is_space(b), |s| s.contains(&b));
    let (mut i, mut j) = (0, d.len());
    if left {
        while i < j && strip(d[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip(d[j - 1]) {
            j -= 1;
        }
    }
    Ok(new_like(s, d[i..j].to_vec()))
}

pub fn strip(a: &[Value], k: Option<Value>) -> PyResult {
    strip_impl(a, k, true, true)
}

pub fn lstrip(a: &[Value], k: Option<Value>) -> PyResult {
    strip_impl(a, k, true, false)
}

pub fn rstrip(a: &[Value], k: Option<Value>) -> PyResult {
    strip_impl(a, k, false, true)
}

pub fn replace(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [old, new, cnt]) = args::method::<3>("replace", a, k, 2)?;
    let d = data(s)?;
    let (old, new) = (
        super::expect_bytes_like(old)?,
        super::expect_bytes_like(new)?,
    );
    let mut max = if cnt.is_null() {
        -1
    } else {
        index_value(cnt)?.unwrap_or(-1)
    };
    let mut out = Vec::with_capacity(d.len());
    if old.is_empty() {
        for (i, &b) in d.iter().enumerate() {
            if max != 0 {
                out.extend_from_slice(&new);
                max -= 1;
            }
            out.push(b);
            let _ = i;
        }
        if max != 0 {
            out.extend_from_slice(&new);
        }
        return Ok(new_like(s, out));
    }
    let mut i = 0;
    while max != 0 {
        let Some(j) = find_sub(&d, &old, i) else {
            break;
        };
        out.extend_from_slice(&d[i..j]);
        out.extend_from_slice(&new);
        i = j + old.len();
        max -= 1;
    }
    out.extend_from_slice(&d[i..]);
    Ok(new_like(s, out))
}

fn map_bytes(a: &[Value], k: Option<Value>, f: fn(&u8) -> u8) -> PyResult {
    let (s, []) = args::method::<0>("method", a, k, 0)?;
    Ok(new_like(s, data(s)?.iter().map(f).collect()))
}

pub fn upper(a: &[Value], k: Option<Value>) -> PyResult {
    map_bytes(a, k, u8::to_ascii_uppercase)
}

pub fn lower(a: &[Value], k: Option<Value>) -> PyResult {
    map_bytes(a, k, u8::to_ascii_lowercase)
}

fn test_all(a: &[Value], k: Option<Value>, f: fn(u8) -> bool) -> PyResult {
    let (s, []) = args::method::<0>("method", a, k, 0)?;
    let d = data(s)?;
    Ok(Value::from_bool(!d.is_empty() && d.iter().all(|&b| f(b))))
}

pub fn isdigit(a: &[Value], k: Option<Value>) -> PyResult {
    test_all(a, k, |b| b.is_ascii_digit())
}

pub fn isalpha(a: &[Value], k: Option<Value>) -> PyResult {
    test_all(a, k, |b| b.is_ascii_alphabetic())
}

pub fn isspace(a: &[Value], k: Option<Value>) -> PyResult {
    test_all(a, k, is_space)
}

pub fn isalnum(a: &[Value], k: Option<Value>) -> PyResult {
    test_all(a, k, |b| b.is_ascii_alphanumeric())
}

fn cased(a: &[Value], k: Option<Value>, want_upper: bool) -> PyResult {
    let (s, []) = args::method::<0>("method", a, k, 0)?;
    let d = data(s)?;
    let has_wanted = d.iter().any(|b| {
        if want_upper {
            b.is_ascii_uppercase()
        } else {
            b.is_ascii_lowercase()
        }
    });
    let has_other = d.iter().any(|b| {
        if want_upper {
            b.is_ascii_lowercase()
        } else {
            b.is_ascii_uppercase()
        }
    });
    Ok(Value::from_bool(has_wanted && !has_other))
}

pub fn isupper(a: &[Value], k: Option<Value>) -> PyResult {
    cased(a, k, true)
}

pub fn islower(a: &[Value], k: Option<Value>) -> PyResult {
    cased(a, k, false)
}

/// `template % args` for a bytes template: the template and any bytes
/// arguments go through latin-1 text and str's `%` (so `%s` of bytes
/// inserts the raw bytes, `%d` formats ints), and the result back.
pub fn percent_format(template: &[u8], args: Value) -> PyResult<Vec<u8>> {
    let text: String = template.iter().map(|&b| b as char).collect();
    let as_text = |v: Value| match bytes_data(v) {
        Some(d) => new_string(d.iter().map(|&b| b as char).collect()),
        None => v,
    };
    let args = match tuple_items(args) {
        Some(items) => {
            let mapped: Vec<Value> = items.iter().map(|&v| as_text(v)).collect();
            crate::types::tuple::new_tuple(&mapped)
        }
        None => as_text(args),
    };
    let out = crate::ops::printf::format(&text, args)?;
    let out = as_str(out).unwrap_or("");
    out.chars()
        .map(|c| {
            u8::try_from(c as u32).map_err(|_| {
                type_error(
                    "%b requires a bytes-like object, or an object that implements __bytes__",
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::bytes::new_bytes;

    fn b(s: &[u8]) -> Value {
        new_bytes(s.to_vec())
    }

    fn r(v: Value) -> String {
        as_str(crate::ops::object::repr(v).unwrap())
            .unwrap()
            .to_owned()
    }

    #[test]
    fn searching() {
        let h = b(b"abcabc");
        assert_eq!(find(&[h, b(b"c")], None).unwrap(), Value::small_int(2));
        assert_eq!(rfind(&[h, b(b"c")], None).unwrap(), Value::small_int(5));
        assert_eq!(
            find(&[h, Value::small_int(98)], None).unwrap(),
            Value::small_int(1)
        );
        assert_eq!(count(&[h, b(b"bc")], None).unwrap(), Value::small_int(2));
        assert_eq!(count(&[h, b(b"")], None).unwrap(), Value::small_int(7));
        assert!(index(&[h, b(b"z")], None).is_err());
        assert_eq!(crate::exceptions::str_of_current(), "subsection not found");
        assert_eq!(startswith(&[h, b(b"ab")], None).unwrap(), Value::TRUE);
        assert_eq!(endswith(&[h, b(b"ab")], None).unwrap(), Value::FALSE);
    }

    #[test]
    fn transforming() {
        let l = split(&[b(b" a  b c ")], None).unwrap();
        assert_eq!(r(l), "[b'a', b'b', b'c']");
        let l = split(&[b(b"a,b,,c"), b(b",")], None).unwrap();
        assert_eq!(r(l), "[b'a', b'b', b'', b'c']");
        let items = new_list(vec![b(b"x"), b(b"y")]);
        assert_eq!(r(join(&[b(b"-"), items], None).unwrap()), "b'x-y'");
        assert_eq!(r(strip(&[b(b"  hi\n")], None).unwrap()), "b'hi'");
        assert_eq!(
            r(replace(&[b(b"aaa"), b(b"a"), b(b"bb")], None).unwrap()),
            "b'bbbbbb'"
        );
        assert_eq!(
            r(replace(&[b(b"ab"), b(b""), b(b"-")], None).unwrap()),
            "b'-a-b-'"
        );
        assert_eq!(r(upper(&[b(b"abC1")], None).unwrap()), "b'ABC1'");
        assert_eq!(r(hex(&[b(b"\x00\xff")], None).unwrap()), "'00ff'");
        let args = crate::types::tuple::new_tuple(&[Value::small_int(5), b(b"x")]);
        assert_eq!(percent_format(b"%d-%s", args).unwrap(), b"5-x");
    }
}
