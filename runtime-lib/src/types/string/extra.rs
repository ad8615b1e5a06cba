//! More `str` methods: searching with `start`/`end` (`find`, `rfind`,
//! `index`, `rindex`, `count`, `startswith`, `endswith`), the `is*`
//! predicates, case mapping (`title`, `capitalize`, `swapcase`,
//! `casefold`), padding (`center`, `ljust`, `rjust`, `zfill`), splitting
//! (`rsplit`, `splitlines`, `partition`, `rpartition`), `removeprefix`,
//! `removesuffix`, `expandtabs`, `maketrans`/`translate`, and `format` /
//! `format_map` (the parsing lives in `ops::format`). CPython's messages
//! throughout. Registered in `methods::METHODS`.

use crate::args;
use crate::error::{type_error, value_error, PyResult};
use crate::object::{type_of, PyPayload};
use crate::types::dict::DictObject;
use crate::types::int::{int_from_i64, int_from_usize, to_i64};
use crate::types::list::new_list;
use crate::types::string::{as_str, new_str, new_string};
use crate::types::tuple::new_tuple;
use crate::Value;

fn this(v: Value) -> PyResult<&'static str> {
    as_str(v).ok_or_else(|| crate::error::internal_error("str method on a non-str"))
}

/// `self`, then between `min` and `N` positional arguments (no keywords).
fn parts<const N: usize>(
    name: &str,
    a: &[Value],
    k: Option<Value>,
    min: usize,
) -> PyResult<(&'static str, [Value; N])> {
    let (s, rest) = args::method::<N>(name, a, k, min)?;
    Ok((this(s)?, rest))
}

/// A slice bound: None/absent or an int (`__index__`).
fn bound(v: Value) -> PyResult<Option<i64>> {
    if v.is_null() || v.is_none() {
        return Ok(None);
    }
    match crate::types::int::index_value(v)? {
        Some(i) => Ok(Some(i)),
        None => Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// The char range `[start, end)` of a `len`-char text, Python-clamped.
fn char_range(len: usize, start: Value, end: Value) -> PyResult<(usize, usize)> {
    let n = len as i64;
    let clamp = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let s = bound(start)?.map_or(0, clamp);
    let e = bound(end)?.map_or(n, clamp);
    Ok((s as usize, e.max(s) as usize))
}

/// Byte offset of char index `i` in `t`.
fn byte_at(t: &str, i: usize) -> usize {
    t.char_indices().nth(i).map_or(t.len(), |(b, _)| b)
}

/// The window `t[start:end]` and its char offset.
fn window(t: &'static str, start: Value, end: Value) -> PyResult<Option<(&'static str, usize)>> {
    let len = t.chars().count();
    let (s, e) = char_range(len, start, end)?;
    // `"abc".find("", 5)` is -1: a start past the end finds nothing.
    if let Some(st) = bound(start)? {
        let n = len as i64;
        if st > n || (st < 0 && st + n > n) {
            return Ok(None);
        }
    }
    if s > len {
        return Ok(None);
    }
    Ok(Some((&t[byte_at(t, s)..byte_at(t, e)], s)))
}

fn sub_arg(v: Value) -> PyResult<&'static str> {
    as_str(v).ok_or_else(|| type_error(format!("must be str, not {}", type_of(v).name())))
}

fn search(a: &[Value], k: Option<Value>, name: &str, reverse: bool) -> PyResult<Option<usize>> {
    let (t, [sub, start, end]) = parts::<3>(name, a, k, 1)?;
    let sub = sub_arg(sub)?;
    let Some((w, offset)) = window(t, start, end)? else {
        return Ok(None);
    };
    let found = if reverse { w.rfind(sub) } else { w.find(sub) };
    Ok(found.map(|b| offset + w[..b].chars().count()))
}

pub fn find(a: &[Value], k: Option<Value>) -> PyResult {
    Ok(search(a, k, "find", false)?.map_or(int_from_i64(-1), int_from_usize))
}

pub fn rfind(a: &[Value], k: Option<Value>) -> PyResult {
    Ok(search(a, k, "rfind", true)?.map_or(int_from_i64(-1), int_from_usize))
}

pub fn index(a: &[Value], k: Option<Value>) -> PyResult {
    match search(a, k, "index", false)? {
        Some(i) => Ok(int_from_usize(i)),
        None => Err(value_error("substring not found")),
    }
}

pub fn rindex(a: &[Value], k: Option<Value>) -> PyResult {
    match search(a, k, "rindex", true)? {
        Some(i) => Ok(int_from_usize(i)),
        None => Err(value_error("substring not found")),
    }
}

pub fn count(a: &[Value], k: Option<Value>) -> PyResult {
    let (t, [sub, start, end]) = parts::<3>("count", a, k, 1)?;
    let sub = sub_arg(sub)?;
    let Some((w, _)) = window(t, start, end)? else {
        return Ok(int_from_usize(0));
    };
    if sub.is_empty() {
        return Ok(int_from_usize(w.chars().count() + 1));
    }
    Ok(int_from_usize(w.matches(sub).count()))
}

fn affix(a: &[Value], k: Option<Value>, name: &str, starts: bool) -> PyResult {
    let (t, [prefix, start, end]) = parts::<3>(name, a, k, 1)?;
    let Some((w, _)) = window(t, start, end)? else {
        return Ok(Value::FALSE);
    };
    let candidates: Vec<Value> = match crate::types::tuple::TupleObject::cast(prefix) {
        Some(tuple) => tuple.items().to_vec(),
        None => vec![prefix],
    };
    for c in candidates {
        let Some(p) = as_str(c) else {
            return Err(type_error(format!(
                "{name} first arg must be str or a tuple of str, not {}",
                type_of(c).name()
            )));
        };
        if (starts && w.starts_with(p)) || (!starts && w.ends_with(p)) {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

pub fn startswith(a: &[Value], k: Option<Value>) -> PyResult {
    affix(a, k, "startswith", true)
}

pub fn endswith(a: &[Value], k: Option<Value>) -> PyResult {
    affix(a, k, "endswith", false)
}

// ---- predicates ----

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || is_titlecase(c)
}

fn is_titlecase(c: char) -> bool {
    matches!(c, '\u{1c5}' | '\u{1c8}' | '\u{1cb}' | '\u{1f2}' | '\u{1f88}'..='\u{1f8f}' | '\u{1f98}'..='\u{1f9f}' | '\u{1fa8}'..='\u{1faf}' | '\u{1fbc}' | '\u{1fcc}' | '\u{1ffc}')
}

/// Unicode decimal digits (category Nd) in the blocks programs meet.
pub fn is_decimal(c: char) -> bool {
    let n = c as u32;
    c.is_ascii_digit()
        || [
            0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
            0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0xff10,
        ]
        .iter()
        .any(|&z| (z..z + 10).contains(&n))
}

fn is_digit(c: char) -> bool {
    is_decimal(c)
        || matches!(c, '²' | '³' | '¹' | '\u{2070}' | '\u{2074}'..='\u{2079}' | '\u{2080}'..='\u{2089}' | '\u{2460}'..='\u{2468}')
}

fn all_chars(a: &[Value], k: Option<Value>, name: &str, f: fn(char) -> bool) -> PyResult {
    let (t, []) = parts::<0>(name, a, k, 0)?;
    Ok(Value::from_bool(!t.is_empty() && t.chars().all(f)))
}

pub fn isalpha(a: &[Value], k: Option<Value>) -> PyResult {
    all_chars(a, k, "str.isalpha", char::is_alphabetic)
}

pub fn isdigit(a: &[Value], k: Option<Value>) -> PyResult {
    all_chars(a, k, "str.isdigit", is_digit)
}

pub fn isdecimal(a: &[Value], k: Option<Value>) -> PyResult {
    all_chars(a, k, "str.isdecimal", is_decimal)
}

pub fn isnumeric(a: &[Value], k: Option<Value>) -> PyResult {
    all_chars(a, k, "str.isnumeric", char::is_numeric)
}

pub fn isalnum(a: &[Value], k: Option<Value>) -> PyResult {
    all_chars(a, k, "str.isalnum", is_alnum)
}

/// `str.isspace` for one character (also `\s` in regular expressions).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\x1c'..='\x1f')
}

/// `str.isalnum` for one character (also `\w` in regular expressions).
pub fn is_alnum(c: char) -> bool {
    c.is_alphabetic() || c.is_numeric()
}

pub fn isspace(a: &[Value], k: Option<Value>) -> PyResult {
    all_chars(a, k, "str.isspace", is_space)
}

pub fn isascii(a: &[Value], k: Option<Value>) -> PyResult {
    let (t, []) = parts::<0>("str.isascii", a, k, 0)?;
    Ok(Value::from_bool(t.is_ascii()))
}

pub fn isprintable(a: &[Value], k: Option<Value>) -> PyResult {
    let (t, []) = parts::<0>("str.isprintable", a, k, 0)?;
    Ok(Value::from_bool(t.chars().all(|c| {
        c == ' ' || (!c.is_control() && crate::types::string::repr::is_printable(c))
    })))
}

pub fn isidentifier(a: &[Value], k: Option<Value>) -> PyResult {
    let (t, []) = parts::<0>("str.isidentifier", a, k, 0)?;
    let mut chars = t.chars();
    let ok = match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => chars.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    };
    Ok(Value::from_bool(ok))
}

fn case_check(t: &str, want_upper: bool) -> bool {
    let mut cased = false;
    for c in t.chars() {
        if want_upper && c.is_lowercase() || !want_upper && (c.is_uppercase() || is_titlecase(c)) {
            return false;
        }
        cased |= is_cased(c);
    }
    cased
}

pub fn isupper(a: &[Value], k: Option<Value>) -> PyResult {
    let (t, []) = parts::<0>("str.isupper", a, k, 0)?;
    Ok(Value::from_bool(case_check(t, true)))
}

pub fn islower(a: &[Value], k: Option<Value>) -> PyResult {
    let (t, []) = parts::<0>("str.islower", a, k, 0)?;
    Ok(Value::from_bool(case_check(t, false)))
}

pub fn istitle(a: &[Value], k: Option<Value>) -> PyResult {
    let (t, []) = parts::<0>("str.istitle", a, k, 0)?;
    let (mut cased, mut prev_cased) = (false, false);
    for c in t.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::from_bool(cased))
}

// ---- case mapping ----

/// Title case of one character: upper case, except the Latin digraphs
/// that have a title-case form of their own (`ǆ` → `ǅ`).
fn push_title(out: &mut String, c: char) {
    match c {
        '\u{1c4}'..='\u{1c6}' => out.push('\u{1c5}'),
        '\u{1c7}'..='\u{1c9}' => out.push('\u{1c8}'),
        '\u{1ca}'..='\u{1cc}' => out.push('\u{1cb}'),
        '\u{1f1}'..='\u{1f3}' => out.push('\u{1f2}'),
        _ => out.extend(c.to_uppercase()),
    }
}

fn title_of(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut prev_cased = false;
    for c in t.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

pub fn title(a: &[Value], k: Option<Value>) -> PyResult {
    let (t, []) = parts::<0>("str.title", a, k, 0)?;
    Ok(new_string(title_of(t)))
}

pub fn capitalize(a: &[Value], k: Option<Value>) -> PyResult {
    let (t, []) = parts::<0>("str.capitalize", a, k, 0)?;
    let mut chars = t.chars();
    let mut out = String::with_capacity(t.len());
    if let Some(first) = chars.next() {
        push_title(&mut out, first);
        for c in chars {
            out.extend(c.to_lowercase());
        }
    }
    Ok(new_string(out))
}

pub fn swapcase(a: &[Value], k: Option<Value>) -> PyResult {
    let (t, []) = parts::<0>("str.swapcase", a, k, 0)?;
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    Ok(new_string(out))
}

pub fn casefold(a: &[Value], k: Option<Value>) -> PyResult {
    let (t, []) = parts::<0>("str.casefold", a, k, 0)?;
    Ok(new_string(t.to_lowercase().replace('ß', "ss")))
}

// ---- padding ----

fn fill_char(v: Value) -> PyResult<char> {
    if v.is_null() {
        return Ok(' ');
    }
    let s = as_str(v).ok_or_else(|| {
        type_error(format!(
            "The fill character must be a unicode character, not {}",
            type_of(v).name()
        ))
    })?;
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(type_error(
            "The fill character must be exactly one character long",
        )),
    }
}

fn pad(a: &[Value], k: Option<Value>, name: &str, how: char) -> PyResult {
    let (s, [width, fill]) = args::method::<2>(name, a, k, 1)?;
    let t = this(s)?;
    let width = to_i64(width)?;
    let fill = fill_char(fill)?;
    let len = t.chars().count() as i64;
    if width <= len {
        return Ok(new_str(t));
    }
    let marg = (width - len) as usize;
    let (left, right) = match how {
        '<' => (0, marg),
        '>' => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & width as usize & 1);
            (left, marg - left)
        }
    };
    let mut out = String::with_capacity(t.len() + marg);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(t);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(new_string(out))
}

pub fn center(a: &[Value], k: Option<Value>) -> PyResult {
    pad(a, k, "center", '^')
}

pub fn ljust(a: &[Value], k: Option<Value>) -> PyResult {
    pad(a, k, "ljust", '<')
}

pub fn rjust(a: &[Value], k: Option<Value>) -> PyResult {
    pad(a, k, "rjust", '>')
}

pub fn zfill(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [width]) = args::method::<1>("str.zfill", a, k, 1)?;
    let t = this(s)?;
    let width = to_i64(width)?;
    let len = t.chars().count() as i64;
    if width <= len {
        return Ok(new_str(t));
    }
    let zeros = "0".repeat((width - len) as usize);
    Ok(new_string(match t.chars().next() {
        Some(c @ ('+' | '-')) => format!("{c}{zeros}{}", &t[1..]),
        _ => format!("{zeros}{t}"),
    }))
}

// ---- splitting ----

pub fn rsplit(a: &[Value], k: Option<Value>) -> PyResult {
    let Some((&s, rest)) = a.split_first() else {
        return Err(type_error("unbound method str.rsplit() needs an argument"));
    };
    let [sep, maxsplit] = args::parse("rsplit", rest, k, ["sep", "maxsplit"], 0)?;
    let t = this(s)?;
    let max = if maxsplit.is_null() {
        -1
    } else {
        to_i64(maxsplit)?
    };
    let limit = if max < 0 { usize::MAX } else { max as usize };
    let mut out: Vec<Value> = Vec::new();
    if sep.is_null() || sep.is_none() {
        let mut rest = t.trim_end();
        while !rest.is_empty() {
            if out.len() == limit {
                out.push(new_str(rest));
                break;
            }
            let start = rest.rfind(char::is_whitespace).map_or(0, |b| {
                b + rest[b..].chars().next().map_or(1, char::len_utf8)
            });
            out.push(new_str(&rest[start..]));
            rest = rest[..start].trim_end();
        }
    } else {
        let sep = as_str(sep).ok_or_else(|| {
            type_error(format!("must be str or None, not {}", type_of(sep).name()))
        })?;
        if sep.is_empty() {
            return Err(value_error("empty separator"));
        }
        out = t
            .rsplitn(limit.saturating_add(1), sep)
            .map(new_str)
            .collect();
    }
    out.reverse();
    Ok(new_list(out))
}

/// Line boundaries of `str.splitlines`.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

pub fn splitlines(a: &[Value], k: Option<Value>) -> PyResult {
    let Some((&s, rest)) = a.split_first() else {
        return Err(type_error(
            "unbound method str.splitlines() needs an argument",
        ));
    };
    let [keepends] = args::parse("splitlines", rest, k, ["keepends"], 0)?;
    let keep = !keepends.is_null() && crate::ops::object::is_true(keepends)?;
    let t = this(s)?;
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = t.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(j, '\n')) = iter.peek() {
                iter.next();
                end = j + 1;
            }
        }
        out.push(new_str(if keep { &t[start..end] } else { &t[start..i] }));
        start = end;
    }
    if start < t.len() {
        out.push(new_str(&t[start..]));
    }
    Ok(new_list(out))
}

fn partition_with(a: &[Value], k: Option<Value>, name: &str, reverse: bool) -> PyResult {
    let (t, [sep]) = parts::<1>(name, a, k, 1)?;
    let sep_s = as_str(sep)
        .ok_or_else(|| type_error(format!("must be str, not {}", type_of(sep).name())))?;
    if sep_s.is_empty() {
        return Err(value_error("empty separator"));
    }
    let found = if reverse {
        t.rfind(sep_s)
    } else {
        t.find(sep_s)
    };
    let empty = new_str("");
    Ok(match found {
        Some(b) => new_tuple(&[new_str(&t[..b]), sep, new_str(&t[b + sep_s.len()..])]),
        None if reverse => new_tuple(&[empty, empty, new_str(t)]),
        None => new_tuple(&[new_str(t), empty, empty]),
    })
}

pub fn partition(a: &[Value], k: Option<Value>) -> PyResult {
    partition_with(a, k, "str.partition", false)
}

pub fn rpartition(a: &[Value], k: Option<Value>) -> PyResult {
    partition_with(a, k, "str.rpartition", true)
}

pub fn removeprefix(a: &[Value], k: Option<Value>) -> PyResult {
    let (t, [p]) = parts::<1>("str.removeprefix", a, k, 1)?;
    let p = sub_arg(p)?;
    Ok(new_str(t.strip_prefix(p).unwrap_or(t)))
}

pub fn removesuffix(a: &[Value], k: Option<Value>) -> PyResult {
    let (t, [p]) = parts::<1>("str.removesuffix", a, k, 1)?;
    let p = sub_arg(p)?;
    Ok(new_str(if p.is_empty() {
        t
    } else {
        t.strip_suffix(p).unwrap_or(t)
    }))
}

pub fn expandtabs(a: &[Value], k: Option<Value>) -> PyResult {
    let Some((&s, rest)) = a.split_first() else {
        return Err(type_error(
            "unbound method str.expandtabs() needs an argument",
        ));
    };
    let [tabsize] = args::parse("expandtabs", rest, k, ["tabsize"], 0)?;
    let size = if tabsize.is_null() {
        8
    } else {
        to_i64(tabsize)?
    };
    let t = this(s)?;
    let mut out = String::with_capacity(t.len());
    let mut col = 0i64;
    for c in t.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(new_string(out))
}

// ---- translation ----

fn one_char_key(k: Value) -> PyResult<Value> {
    if let Some(s) = as_str(k) {
        let mut chars = s.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(int_from_i64(c as i64)),
            _ => Err(value_error(
                "string keys in translate table must be of length 1",
            )),
        };
    }
    if crate::types::int::int_of(k).is_some() {
        return Ok(k);
    }
    Err(type_error(
        "keys in translate table must be strings or integers",
    ))
}

/// `str.maketrans(x[, y[, z]])`.
pub fn maketrans(a: &[Value], k: Option<Value>) -> PyResult {
    let [x, y, z] = args::between("maketrans", a, k, 1)?;
    let out = DictObject::new_value();
    let d = DictObject::cast(out).ok_or_else(|| crate::error::internal_error("dict"))?;
    if y.is_null() {
        let Some(src) = DictObject::cast(x) else {
            return Err(type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        };
        for kv in src.items_rooted().chunks_exact(2) {
            d.set_item(one_char_key(kv[0])?, kv[1])?;
        }
        return Ok(out);
    }
    let (Some(xs), Some(ys)) = (as_str(x), as_str(y)) else {
        return Err(type_error("maketrans() argument must be str"));
    };
    if xs.chars().count() != ys.chars().count() {
        return Err(value_error(
            "the first two maketrans arguments must have equal length",
        ));
    }
    for (a, b) in xs.chars().zip(ys.chars()) {
        d.set_item(int_from_i64(a as i64), int_from_i64(b as i64))?;
    }
    if !z.is_null() {
        let zs = as_str(z).ok_or_else(|| type_error("maketrans() argument 3 must be str"))?;
        for c in zs.chars() {
            d.set_item(int_from_i64(c as i64), Value::NONE)?;
        }
    }
    Ok(out)
}

pub fn translate(a: &[Value], k: Option<Value>) -> PyResult {
    let (t, [table]) = parts::<1>("str.translate", a, k, 1)?;
    let mut out = String::with_capacity(t.len());
    let lookup_error = crate::types::registry::types().exc.LookupError;
    let exact_dict = crate::object::downcast::<crate::types::dict::DictObject>(table);
    // What each ASCII character maps to, once looked up (NULL: not yet;
    // ERROR: unmapped, kept as it is).
    let mut ascii = [Value::NULL; 128];
    for c in t.chars() {
        let cached = ascii.get(c as usize).copied().unwrap_or(Value::NULL);
        let mapped = if !cached.is_null() {
            cached
        } else {
            let key = int_from_i64(c as i64);
            let found = match exact_dict {
                Some(d) => d.get_item(key)?.unwrap_or(Value::ERROR),
                None => match crate::ops::subscript::getitem(table, key) {
                    Ok(v) => v,
                    Err(_) if crate::error::clear_if(lookup_error) => Value::ERROR,
                    Err(e) => return Err(e),
                },
            };
            if let Some(slot) = ascii.get_mut(c as usize) {
                *slot = found;
            }
            found
        };
        if mapped.is_error() {
            out.push(c);
            continue;
        }
        if mapped.is_none() {
            continue;
        }
        if let Some(s) = as_str(mapped) {
            out.push_str(s);
        } else if let Some(i) = crate::types::int::int_of(mapped) {
            let code = match i {
                crate::types::int::Int::Small(n) => n,
                crate::types::int::Int::Big(_) => -1,
            };
            match u32::try_from(code).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => return Err(value_error("character mapping must be in range(0x110000)")),
            }
        } else {
            return Err(type_error(
                "character mapping must return integer, None or str",
            ));
        }
    }
    Ok(new_string(out))
}

// ---- str.format ----

pub fn format(a: &[Value], k: Option<Value>) -> PyResult {
    let Some((&s, rest)) = a.split_first() else {
        return Err(type_error("unbound method str.format() needs an argument"));
    };
    let (pos, kwvals) = args::split(rest, k);
    let names = args::kwnames_slice(k);
    let kwargs = DictObject::new_value();
    if let Some(d) = DictObject::cast(kwargs) {
        for (&n, &v) in names.iter().zip(kwvals) {
            d.set_item(n, v)?;
        }
    }
    crate::ops::format::str_format_call(this(s)?, pos, kwargs)
}

pub fn format_map(a: &[Value], k: Option<Value>) -> PyResult {
    let (t, [mapping]) = parts::<1>("str.format_map", a, k, 1)?;
    crate::ops::format::str_format_call(t, &[], mapping)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(f: crate::types::builtin_func::BuiltinFn, args: &[Value]) -> String {
        match f(args, None) {
            Ok(v) => crate::ops::object::repr_string(v).unwrap(),
            Err(_) => format!("error: {}", crate::exceptions::str_of_current()),
        }
    }

    #[test]
    fn methods_like_cpython() {
        let s = new_str;
        let i = Value::small_int;
        assert_eq!(call(find, &[s("abcabc"), s("c"), i(3)]), "5");
        assert_eq!(call(rfind, &[s("abcabc"), s("b")]), "4");
        assert_eq!(
            call(index, &[s("abc"), s("z")]),
            "error: substring not found"
        );
        assert_eq!(call(count, &[s("aaaa"), s("a"), i(1), i(-1)]), "2");
        assert_eq!(call(title, &[s("they're bill's")]), "\"They'Re Bill'S\"");
        assert_eq!(call(center, &[s("ab"), i(5), s("*")]), "'**ab*'");
        assert_eq!(call(center, &[s("abc"), i(6)]), "' abc  '");
        assert_eq!(call(zfill, &[s("-42"), i(6)]), "'-00042'");
        assert_eq!(
            call(rsplit, &[s(" a b  c "), Value::NONE, i(1)]),
            "[' a b', 'c']"
        );
        assert_eq!(call(splitlines, &[s("a\r\nb\nc")]), "['a', 'b', 'c']");
        assert_eq!(call(partition, &[s("k=v=w"), s("=")]), "('k', '=', 'v=w')");
        assert_eq!(call(rpartition, &[s("kvw"), s("=")]), "('', '', 'kvw')");
        assert_eq!(call(expandtabs, &[s("a\tbc\td")]), "'a       bc      d'");
        assert_eq!(call(isdigit, &[s("123")]), "True");
        assert_eq!(call(isupper, &[s("AB1")]), "True");
        assert_eq!(call(istitle, &[s("Hello World")]), "True");
        assert_eq!(call(startswith, &[s("hello"), s("ll"), i(2)]), "True");
    }
}
