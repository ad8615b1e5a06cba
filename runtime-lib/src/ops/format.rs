//! `format(value, spec)` and the format-spec mini-language
//! (`[[fill]align][sign][z][#][0][width][grouping][.precision][type]`) for
//! `int`, `float` and `str`, with CPython's error messages; plus the
//! f-string conversions (`!s`, `!r`, `!a`). `FORMAT_VALUE` is
//! [`convert`] then [`format()`]; the types' `__format__` methods are
//! [`int_format`], [`float_format`] and [`str_format`].

use num_bigint::BigInt;
use num_traits::Signed;

use crate::error::{type_error, value_error, PyResult};
use crate::object::type_of;
use crate::types::float::repr::float_repr;
use crate::types::int::{int_of, Int};
use crate::types::string::{as_str, new_string};
use crate::Value;

/// An f-string conversion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    Str,
    Repr,
    Ascii,
}

/// Applies an f-string conversion (`!s`, `!r`, `!a`).
pub fn convert(v: Value, conversion: Conversion) -> PyResult {
    match conversion {
        Conversion::Str => crate::ops::object::str(v),
        Conversion::Repr => crate::ops::object::repr(v),
        Conversion::Ascii => ascii(v),
    }
}

/// `ascii(v)`: the repr with non-ASCII characters escaped.
pub fn ascii(v: Value) -> PyResult {
    let r = crate::ops::object::repr_string(v)?;
    Ok(new_string(escape_non_ascii(&r)))
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for every non-ASCII character.
pub fn escape_non_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

/// `format(v, spec)` (`PyObject_Format`): a str with an empty spec is
/// itself; everything else goes through `type(v).__format__`.
pub fn format(v: Value, spec: Value) -> PyResult {
    let spec_text = if spec.is_null() {
        ""
    } else {
        match as_str(spec) {
            Some(s) => s,
            None => {
                return Err(type_error(format!(
                    "format() argument 2 must be str, not {}",
                    type_of(spec).name()
                )))
            }
        }
    };
    let t = crate::types::registry::types();
    let ty = type_of(v);
    if std::ptr::eq(ty, t.str) {
        return if spec_text.is_empty() {
            Ok(v)
        } else {
            format_str_text(as_str(v).unwrap_or(""), spec_text)
        };
    }
    if std::ptr::eq(ty, t.int) {
        return format_int_value(v, spec_text);
    }
    if std::ptr::eq(ty, t.float) {
        return format_float_value(v.as_f64().unwrap_or(0.0), spec_text);
    }
    let spec = if spec.is_null() {
        crate::types::string::intern("")
    } else {
        spec
    };
    let Some(method) = crate::ops::attr::lookup_special(v, "__format__")? else {
        return Err(type_error(format!(
            "Type {} doesn't define __format__",
            ty.name()
        )));
    };
    let r = crate::ops::call::call(method, &[spec], None)?;
    if as_str(r).is_none() {
        return Err(type_error(format!(
            "__format__ must return a str, not {}",
            type_of(r).name()
        )));
    }
    Ok(r)
}

/// A parsed format spec.
#[derive(Clone, Debug, Default)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    no_neg_zero: bool,
    alternate: bool,
    width: Option<usize>,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

fn parse_spec(spec: &str, type_name: &str) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        s.no_neg_zero = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        if s.fill.is_none() {
            s.fill = Some('0');
        }
        if s.align.is_none() {
            s.align = Some('=');
        }
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        let w: String = chars[start..i].iter().collect();
        s.width = Some(w.parse().map_err(|_| too_big())?);
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
        if i < chars.len() && matches!(chars[i], ',' | '_') {
            return Err(value_error("Cannot specify both ',' and '_'."));
        }
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(value_error("Format specifier missing precision"));
        }
        let p: String = chars[start..i].iter().collect();
        s.precision = Some(p.parse().map_err(|_| too_big())?);
    }
    if chars.len() - i > 1 {
        return Err(value_error(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if i < chars.len() {
        s.ty = Some(chars[i]);
    }
    if let (Some(g), Some(t)) = (s.grouping, s.ty) {
        let ok = match g {
            ',' => matches!(t, 'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F'),
            _ => matches!(
                t,
                'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | 'b' | 'o' | 'x' | 'X'
            ),
        };
        if !ok {
            return Err(value_error(format!("Cannot specify '{g}' with '{t}'.")));
        }
    }
    Ok(s)
}

fn too_big() -> crate::error::Raised {
    value_error("Too many decimal digits in format string")
}

fn unknown_code(t: char, type_name: &str) -> crate::error::Raised {
    if (t as u32) > 32 && (t as u32) < 128 {
        value_error(format!(
            "Unknown format code '{t}' for object of type '{type_name}'"
        ))
    } else {
        value_error(format!(
            "Unknown format code '\\x{:x}' for object of type '{type_name}'",
            t as u32
        ))
    }
}

/// Pads `body` (already signed/prefixed as `sign_prefix` + `digits`) to the
/// spec's width.
fn pad(spec: &Spec, sign_prefix: &str, digits: &str, default_align: char) -> String {
    let fill = spec.fill.unwrap_or(' ');
    let align = spec.align.unwrap_or(default_align);
    let len = sign_prefix.chars().count() + digits.chars().count();
    let width = spec.width.unwrap_or(0);
    if len >= width {
        return format!("{sign_prefix}{digits}");
    }
    let n = width - len;
    let fills = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    match align {
        '<' => format!("{sign_prefix}{digits}{}", fills(n)),
        '^' => format!("{}{sign_prefix}{digits}{}", fills(n / 2), fills(n - n / 2)),
        '=' => format!("{sign_prefix}{}{digits}", fills(n)),
        _ => format!("{}{sign_prefix}{digits}", fills(n)),
    }
}

/// Inserts `sep` every `every` digits from the right of `digits`.
fn group(digits: &str, sep: char, every: usize) -> String {
    let chars: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(*c);
    }
    out
}

/// Grouping with zero padding: CPython pads with zeros that are grouped
/// too (`format(1234, '09,')` is `0,001,234`).
fn group_padded(digits: &str, sep: char, every: usize, min_width: usize) -> String {
    let mut d = digits.to_owned();
    loop {
        let g = group(&d, sep, every);
        if g.chars().count() >= min_width {
            return g;
        }
        d.insert(0, '0');
    }
}

fn sign_of(negative: bool, spec: &Spec) -> &'static str {
    if negative {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// Lays out a number: sign, prefix, grouped digits, zero padding.
fn layout_number(
    spec: &Spec,
    negative: bool,
    prefix: &str,
    digits: &str,
    frac: &str,
    every: usize,
) -> String {
    let sign = format!("{}{prefix}", sign_of(negative, spec));
    let zero_pad = spec.fill == Some('0') && spec.align == Some('=');
    let int_part = match spec.grouping {
        Some(sep) => {
            if zero_pad {
                let width = spec.width.unwrap_or(0);
                let min = width.saturating_sub(sign.chars().count() + frac.chars().count());
                group_padded(digits, sep, every, min)
            } else {
                group(digits, sep, every)
            }
        }
        None => digits.to_owned(),
    };
    pad(spec, &sign, &format!("{int_part}{frac}"), '>')
}

fn format_int_value(v: Value, spec_text: &str) -> PyResult {
    if spec_text.is_empty() {
        return crate::ops::object::str(v);
    }
    let Some(i) = int_of(v) else {
        return Err(crate::error::internal_error("int format of a non-int"));
    };
    let spec = parse_spec(spec_text, "int")?;
    Ok(new_string(format_int(&i.to_bigint(), &spec)?))
}

fn format_int(n: &BigInt, spec: &Spec) -> PyResult<String> {
    let t = spec.ty.unwrap_or('d');
    match t {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = crate::types::int::int_to_f64(Int::Big(n))?;
            return format_float(f, spec);
        }
        'b' | 'o' | 'x' | 'X' | 'd' | 'n' | 'c' => {}
        _ => return Err(unknown_code(t, "int")),
    }
    if spec.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if t == 'c' {
        if spec.sign.is_some() {
            return Err(value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let code = num_traits::ToPrimitive::to_u32(n)
            .filter(|&c| c <= 0x10ffff)
            .ok_or_else(|| crate::error::overflow_error("%c arg not in range(0x110000)"))?;
        let c = char::from_u32(code).unwrap_or('\u{fffd}');
        return Ok(pad(spec, "", &c.to_string(), '<'));
    }
    let abs = n.abs();
    let (digits, prefix, every) = match t {
        'b' => (abs.to_str_radix(2), "0b", 4),
        'o' => (abs.to_str_radix(8), "0o", 4),
        'x' => (abs.to_str_radix(16), "0x", 4),
        'X' => (abs.to_str_radix(16).to_uppercase(), "0X", 4),
        _ => (abs.to_string(), "", 3),
    };
    let prefix = if spec.alternate { prefix } else { "" };
    Ok(layout_number(
        spec,
        n.is_negative(),
        prefix,
        &digits,
        "",
        every,
    ))
}

fn format_float_value(f: f64, spec_text: &str) -> PyResult {
    if spec_text.is_empty() {
        return Ok(new_string(float_repr(f)));
    }
    let spec = parse_spec(spec_text, "float")?;
    Ok(new_string(format_float(f, &spec)?))
}

/// Rust's `{:e}` exponent (`e5`, `e-7`) in Python's form (`e+05`).
fn python_exponent(s: &str, upper: bool) -> String {
    let Some((m, e)) = s.split_once('e') else {
        return s.to_owned();
    };
    let exp: i32 = e.parse().unwrap_or(0);
    let sign = if exp < 0 { '-' } else { '+' };
    let e_char = if upper { 'E' } else { 'e' };
    format!("{m}{e_char}{sign}{:02}", exp.abs())
}

/// The digits of a non-negative finite `f` for format type `t` (no sign).
fn float_digits(
    f: f64,
    t: char,
    precision: Option<usize>,
    alternate: bool,
    add_dot_0: bool,
) -> String {
    match t {
        'f' | 'F' | '%' => {
            let p = precision.unwrap_or(6);
            let mut s = format!("{f:.p$}");
            if alternate && p == 0 {
                s.push('.');
            }
            s
        }
        'e' | 'E' => {
            let p = precision.unwrap_or(6);
            let mut s = format!("{f:.p$e}");
            if alternate && p == 0 {
                s = s.replacen('e', ".e", 1);
            }
            python_exponent(&s, t == 'E')
        }
        'r' => float_repr(f),
        _ => {
            // 'g' / 'G' (and the untyped form with a precision).
            let p = precision.unwrap_or(6).max(1);
            if f == 0.0 {
                let mut s = if alternate {
                    format!("{:.*}", p - 1, 0.0)
                } else {
                    "0".to_owned()
                };
                if add_dot_0 && !s.contains('.') {
                    s.push_str(".0");
                }
                return s;
            }
            let sci = format!("{f:.*e}", p - 1);
            let exp: i32 = sci
                .split_once('e')
                .and_then(|(_, e)| e.parse().ok())
                .unwrap_or(0);
            let mut s = if exp >= -4 && (exp as i64) < p as i64 {
                let decimals = (p as i64 - 1 - exp as i64).max(0) as usize;
                format!("{f:.decimals$}")
            } else {
                sci
            };
            if !alternate {
                let (mant, exp_part) = match s.split_once('e') {
                    Some((m, e)) => (m.to_owned(), format!("e{e}")),
                    None => (s.clone(), String::new()),
                };
                let mant = if mant.contains('.') {
                    mant.trim_end_matches('0').trim_end_matches('.').to_owned()
                } else {
                    mant
                };
                s = format!("{mant}{exp_part}");
            }
            if add_dot_0 && !s.contains('.') && !s.contains('e') {
                s.push_str(".0");
            }
            python_exponent(&s, t == 'G')
        }
    }
}

fn format_float(f: f64, spec: &Spec) -> PyResult<String> {
    let t = spec.ty.unwrap_or('\0');
    if !matches!(t, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
        return Err(unknown_code(t, "float"));
    }
    let mut negative = f.is_sign_negative() && !f.is_nan();
    let mut x = f.abs();
    if t == '%' {
        x *= 100.0;
    }
    let body = if x.is_nan() {
        if t.is_ascii_uppercase() { "NAN" } else { "nan" }.to_owned()
    } else if x.is_infinite() {
        if t.is_ascii_uppercase() { "INF" } else { "inf" }.to_owned()
    } else {
        match t {
            '\0' => match spec.precision {
                None => float_digits(x, 'r', None, spec.alternate, true),
                Some(p) => float_digits(x, 'g', Some(p), spec.alternate, true),
            },
            'n' => float_digits(x, 'g', spec.precision, spec.alternate, false),
            'F' => float_digits(x, 'f', spec.precision, spec.alternate, false),
            other => float_digits(x, other, spec.precision, spec.alternate, false),
        }
    };
    let body = if t == '%' { format!("{body}%") } else { body };
    if spec.no_neg_zero
        && negative
        && body
            .chars()
            .all(|c| matches!(c, '0' | '.' | '%' | 'e' | 'E' | '+' | '-'))
    {
        negative = false;
    }
    // Split the integer digits from the rest for grouping.
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (int_digits, rest) = body.split_at(split);
    if int_digits.is_empty() {
        return Ok(pad(spec, sign_of(negative, spec), &body, '>'));
    }
    Ok(layout_number(spec, negative, "", int_digits, rest, 3))
}

fn format_str_text(s: &str, spec_text: &str) -> PyResult {
    let spec = parse_spec(spec_text, "str")?;
    if let Some(t) = spec.ty {
        if t != 's' {
            return Err(unknown_code(t, "str"));
        }
    }
    if spec.sign.is_some() {
        return Err(value_error("Sign not allowed in string format specifier"));
    }
    if spec.alternate {
        return Err(value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Some('=') {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    if let Some(g) = spec.grouping {
        return Err(value_error(format!("Cannot specify '{g}' with 's'.")));
    }
    let text: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_owned(),
    };
    Ok(new_string(pad(&spec, "", &text, '<')))
}

fn method_args(name: &str, a: &[Value], k: Option<Value>) -> PyResult<(Value, &'static str)> {
    let (s, [spec]) = crate::args::method::<1>(name, a, k, 1)?;
    let spec = crate::types::string::expect_str(spec, "format() argument 2")?;
    Ok((s, spec))
}

/// `int.__format__`.
pub fn int_format(a: &[Value], k: Option<Value>) -> PyResult {
    let (v, spec) = method_args("__format__", a, k)?;
    let base = crate::object::wrapped_value(v).unwrap_or(v);
    if spec.is_empty() {
        return crate::ops::object::str(v);
    }
    if base.is_bool() {
        return format_int_value(Value::small_int(i64::from(base == Value::TRUE)), spec);
    }
    format_int_value(base, spec)
}

/// `float.__format__`.
pub fn float_format(a: &[Value], k: Option<Value>) -> PyResult {
    let (v, spec) = method_args("__format__", a, k)?;
    if spec.is_empty() {
        return crate::ops::object::str(v);
    }
    let f = crate::types::float::float_of(v).unwrap_or(0.0);
    format_float_value(f, spec)
}

/// `str.__format__`.
pub fn str_format(a: &[Value], k: Option<Value>) -> PyResult {
    let (v, spec) = method_args("__format__", a, k)?;
    let s = as_str(v).unwrap_or("");
    if spec.is_empty() {
        return Ok(new_string(s.to_owned()));
    }
    format_str_text(s, spec)
}

/// `str.format(*args, **kwargs)` / `str.format_map(mapping)`: `kwargs`
/// is the mapping named fields are looked up in.
pub fn str_format_call(template: &str, args: &[Value], kwargs: Value) -> PyResult {
    let mut state = FieldNumbering::Unset;
    Ok(new_string(expand(template, args, kwargs, &mut state, 2)?))
}

/// Whether fields are numbered automatically (`{}`) or by hand (`{0}`).
enum FieldNumbering {
    Unset,
    Auto(usize),
    Manual,
}

/// Expands the replacement fields of `template`; `depth` bounds nesting
/// in format specs ("Max string recursion exceeded").
fn expand(
    template: &str,
    args: &[Value],
    kwargs: Value,
    state: &mut FieldNumbering,
    depth: u32,
) -> PyResult<String> {
    if depth == 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let mut out = String::with_capacity(template.len());
    let chars: Vec<char> = template.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        // A field: up to the matching '}'.
        let mut level = 1;
        let mut j = i + 1;
        while j < chars.len() {
            match chars[j] {
                '{' => level += 1,
                '}' => {
                    level -= 1;
                    if level == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= chars.len() {
            return Err(value_error(if i + 1 == chars.len() {
                "Single '{' encountered in format string"
            } else {
                "expected '}' before end of string"
            }));
        }
        let field: String = chars[i + 1..j].iter().collect();
        out.push_str(&render_field(&field, args, kwargs, state, depth)?);
        i = j + 1;
    }
    Ok(out)
}

fn render_field(
    field: &str,
    args: &[Value],
    kwargs: Value,
    state: &mut FieldNumbering,
    depth: u32,
) -> PyResult<String> {
    // Split name / conversion / spec at the first '!' or ':' outside [].
    let mut in_bracket = false;
    let mut split_at = None;
    for (b, c) in field.char_indices() {
        match c {
            '[' => in_bracket = true,
            ']' => in_bracket = false,
            '!' | ':' if !in_bracket => {
                split_at = Some(b);
                break;
            }
            _ => {}
        }
    }
    let (name, rest) = match split_at {
        Some(b) => (&field[..b], &field[b..]),
        None => (field, ""),
    };
    let (conversion, spec) = if let Some(r) = rest.strip_prefix('!') {
        let mut cs = r.chars();
        let conv = cs.next();
        let after = cs.as_str();
        if !after.is_empty() && !after.starts_with(':') {
            return Err(value_error("expected ':' after conversion specifier"));
        }
        let conv = match conv {
            Some('s') => Some(Conversion::Str),
            Some('r') => Some(Conversion::Repr),
            Some('a') => Some(Conversion::Ascii),
            Some(other) => {
                return Err(value_error(format!("Unknown conversion specifier {other}")))
            }
            None => {
                return Err(value_error(
                    "end of string while looking for conversion specifier",
                ))
            }
        };
        (conv, after.strip_prefix(':').unwrap_or(""))
    } else {
        (None, rest.strip_prefix(':').unwrap_or(""))
    };
    let mut value = lookup_field(name, args, kwargs, state)?;
    if let Some(c) = conversion {
        value = convert(value, c)?;
    }
    let spec = if spec.contains('{') {
        expand(spec, args, kwargs, state, depth - 1)?
    } else {
        spec.to_owned()
    };
    let r = format(value, new_string(spec))?;
    Ok(as_str(r).unwrap_or("").to_owned())
}

fn lookup_field(name: &str, args: &[Value], kwargs: Value, state: &mut FieldNumbering) -> PyResult {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(first_end);
    let mut value = if first.is_empty() {
        let n =
            match state {
                FieldNumbering::Manual => return Err(value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                )),
                FieldNumbering::Unset => 0,
                FieldNumbering::Auto(n) => *n,
            };
        *state = FieldNumbering::Auto(n + 1);
        positional(args, n)?
    } else if first.bytes().all(|b| b.is_ascii_digit()) {
        if let FieldNumbering::Auto(_) = state {
            return Err(value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        *state = FieldNumbering::Manual;
        positional(args, first.parse().unwrap_or(usize::MAX))?
    } else {
        crate::ops::subscript::getitem(kwargs, crate::types::string::new_str(first))?
    };
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            if end == 0 {
                return Err(value_error("Empty attribute in format string"));
            }
            value = crate::ops::attr::getattr(value, crate::types::string::intern(&r[..end]))?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else {
                return Err(value_error("Missing ']' in format string"));
            };
            let key_text = &r[..end];
            let key = if !key_text.is_empty() && key_text.bytes().all(|b| b.is_ascii_digit()) {
                crate::types::int::int_from_i64(key_text.parse().unwrap_or(i64::MAX))
            } else {
                crate::types::string::new_str(key_text)
            };
            value = crate::ops::subscript::getitem(value, key)?;
            rest = &r[end + 1..];
        } else {
            return Err(value_error(
                "Only '.' or '[' may follow ']' in format field specifier",
            ));
        }
    }
    Ok(value)
}

fn positional(args: &[Value], n: usize) -> PyResult {
    args.get(n).copied().ok_or_else(|| {
        crate::error::index_error(format!(
            "Replacement index {n} out of range for positional args tuple"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::string::new_str;

    fn f(v: Value, spec: &str) -> String {
        match format(v, new_str(spec)) {
            Ok(r) => as_str(r).unwrap().to_owned(),
            Err(_) => format!("error: {}", crate::exceptions::str_of_current()),
        }
    }

    #[test]
    fn ints_like_cpython() {
        let n = Value::small_int(1234567);
        assert_eq!(f(n, ""), "1234567");
        assert_eq!(f(n, ","), "1,234,567");
        assert_eq!(f(n, "_x"), "12_d687");
        assert_eq!(f(n, ">10"), "   1234567");
        assert_eq!(
            f(n, "<10|x"),
            "error: Invalid format specifier '<10|x' for object of type 'int'"
        );
        assert_eq!(f(Value::small_int(-42), "08d"), "-0000042");
        assert_eq!(f(Value::small_int(255), "#x"), "0xff");
        assert_eq!(f(Value::small_int(255), "#010b"), "0b11111111");
        assert_eq!(f(Value::small_int(5), "+d"), "+5");
        assert_eq!(f(Value::small_int(5), "^5"), "  5  ");
        assert_eq!(f(Value::small_int(65), "c"), "A");
        assert_eq!(f(Value::small_int(1234), "09,"), "0,001,234");
        assert_eq!(f(Value::small_int(3), ".2f"), "3.00");
        assert_eq!(
            f(Value::small_int(3), ".2"),
            "error: Precision not allowed in integer format specifier"
        );
        assert_eq!(
            f(Value::small_int(3), "s"),
            "error: Unknown format code 's' for object of type 'int'"
        );
    }

    #[test]
    fn floats_like_cpython() {
        let x = Value::from_f64(1.23456);
        assert_eq!(f(x, ".2f"), "1.23");
        assert_eq!(f(x, "8.3f"), "   1.235");
        assert_eq!(f(x, "e"), "1.234560e+00");
        assert_eq!(f(x, ".3g"), "1.23");
        assert_eq!(f(x, ".3"), "1.23");
        assert_eq!(f(Value::from_f64(1.0), ".3"), "1.0");
        assert_eq!(f(Value::from_f64(123456.0), ".3"), "1.23e+05");
        assert_eq!(f(Value::from_f64(0.5), ".0%"), "50%");
        assert_eq!(f(Value::from_f64(0.1234), ".1%"), "12.3%");
        assert_eq!(f(Value::from_f64(1234567.891), ",.2f"), "1,234,567.89");
        assert_eq!(f(Value::from_f64(-1.5), "+.1f"), "-1.5");
        assert_eq!(f(Value::from_f64(2.5), "g"), "2.5");
        assert_eq!(f(Value::from_f64(1e-5), "g"), "1e-05");
        assert_eq!(f(Value::from_f64(100000.0), "g"), "100000");
        assert_eq!(f(Value::from_f64(1e16), "g"), "1e+16");
        assert_eq!(f(Value::from_f64(2.5), ""), "2.5");
        assert_eq!(f(Value::from_f64(2.5), "10"), "       2.5");
        assert_eq!(f(Value::from_f64(-0.0), "z.1f"), "0.0");
        assert_eq!(f(Value::from_f64(f64::INFINITY), "f"), "inf");
        assert_eq!(f(Value::from_f64(1.5), "06.2f"), "001.50");
    }

    #[test]
    fn strs_like_cpython() {
        let s = new_str("abc");
        assert_eq!(f(s, ""), "abc");
        assert_eq!(f(s, ">5"), "  abc");
        assert_eq!(f(s, "*^7"), "**abc**");
        assert_eq!(f(s, ".2"), "ab");
        assert_eq!(f(s, "<5"), "abc  ");
        assert_eq!(
            f(s, "d"),
            "error: Unknown format code 'd' for object of type 'str'"
        );
        assert_eq!(
            f(s, "+"),
            "error: Sign not allowed in string format specifier"
        );
        assert_eq!(as_str(ascii(new_str("é")).unwrap()), Some("'\\xe9'"));
    }

    #[test]
    fn str_format_fields() {
        let fmt = |t: &str, args: &[Value]| match str_format_call(
            t,
            args,
            crate::types::dict::DictObject::new_value(),
        ) {
            Ok(r) => as_str(r).unwrap().to_owned(),
            Err(_) => format!("error: {}", crate::exceptions::str_of_current()),
        };
        let i = Value::small_int;
        assert_eq!(fmt("{} + {} = {}", &[i(1), i(2), i(3)]), "1 + 2 = 3");
        assert_eq!(fmt("{1}{0}{1}", &[i(1), i(2)]), "212");
        assert_eq!(fmt("{:>{}}|{{x}}", &[i(7), i(4)]), "   7|{x}");
        assert_eq!(fmt("{0!r:>6}", &[new_str("a")]), "   'a'");
        assert_eq!(
            fmt("{}", &[]),
            "error: Replacement index 0 out of range for positional args tuple"
        );
        assert_eq!(
            fmt("{0}{}", &[i(1), i(2)]),
            "error: cannot switch from manual field specification to automatic field numbering"
        );
        assert_eq!(
            fmt("}", &[]),
            "error: Single '}' encountered in format string"
        );
    }
}
