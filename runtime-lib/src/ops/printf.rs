//! printf-style formatting: `"%5.2f %s" % (x, y)` (CPython's
//! `PyUnicode_Format`): mapping keys `%(name)s`, the flags `-+ #0`, `*`
//! widths and precisions, the conversions `d i u o x X e E f F g G c r s
//! a %`, and CPython's error messages.

use num_bigint::BigInt;
use num_traits::Signed;

use crate::error::{type_error, value_error, PyResult};
use crate::object::{type_of, PyPayload};
use crate::types::float::float_of;
use crate::types::int::int_of;
use crate::types::string::{as_str, new_string};
use crate::types::tuple::TupleObject;
use crate::Value;

/// `template % args`.
pub fn format(template: &str, args: Value) -> PyResult {
    // Borrowed from the tuple (which this keeps alive while conversions
    // run Python code), or `args` itself.
    let (items, mapping): (&[Value], Option<Value>) = match TupleObject::cast(args) {
        Some(t) => (t.items(), None),
        None => {
            let ty = type_of(args);
            let is_mapping = ty.slots.getitem.get().is_some()
                && as_str(args).is_none()
                && !ty.is_subtype(crate::types::registry::types().tuple);
            (std::slice::from_ref(&args), is_mapping.then_some(args))
        }
    };
    let single_non_tuple = TupleObject::cast(args).is_none();
    let chars: Vec<char> = template.chars().collect();
    let mut out = String::with_capacity(template.len() + 16);
    let mut next_arg = 0usize;
    let mut used_mapping = false;
    let mut i = 0;
    let take = |next_arg: &mut usize| -> PyResult<Value> {
        let v = items.get(*next_arg).copied();
        *next_arg += 1;
        v.ok_or_else(|| type_error("not enough arguments for format string"))
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        let spec_start = i;
        i += 1;
        let Some(&first) = chars.get(i) else {
            return Err(value_error("incomplete format"));
        };
        let mut key_value = None;
        if first == '(' {
            let Some(m) = mapping else {
                return Err(type_error("format requires a mapping"));
            };
            let mut depth = 1;
            let start = i + 1;
            let mut j = start;
            while j < chars.len() {
                match chars[j] {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(value_error("incomplete format key"));
            }
            let key: String = chars[start..j].iter().collect();
            key_value = Some(crate::ops::subscript::getitem(m, new_string(key))?);
            used_mapping = true;
            i = j + 1;
        }
        let mut flags = Flags::default();
        while let Some(&f) = chars.get(i) {
            match f {
                '-' => flags.left = true,
                '+' => flags.plus = true,
                ' ' => flags.space = true,
                '#' => flags.alt = true,
                '0' => flags.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width = None;
        if chars.get(i) == Some(&'*') {
            let w = take(&mut next_arg)?;
            let w = crate::types::int::to_i64(w).map_err(|_| type_error("* wants int"))?;
            if w < 0 {
                flags.left = true;
            }
            width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            let start = i;
            while chars.get(i).is_some_and(char::is_ascii_digit) {
                i += 1;
            }
            if i > start {
                width = chars[start..i].iter().collect::<String>().parse().ok();
            }
        }
        let mut precision = None;
        if chars.get(i) == Some(&'.') {
            i += 1;
            if chars.get(i) == Some(&'*') {
                let p = take(&mut next_arg)?;
                let p = crate::types::int::to_i64(p).map_err(|_| type_error("* wants int"))?;
                precision = Some(p.max(0) as usize);
                i += 1;
            } else {
                let start = i;
                while chars.get(i).is_some_and(char::is_ascii_digit) {
                    i += 1;
                }
                precision = Some(
                    chars[start..i]
                        .iter()
                        .collect::<String>()
                        .parse()
                        .unwrap_or(0),
                );
            }
        }
        while matches!(chars.get(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let Some(&conv) = chars.get(i) else {
            return Err(value_error("incomplete format"));
        };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let arg = match key_value {
            Some(v) => v,
            None => take(&mut next_arg)?,
        };
        let piece = convert_one(conv, arg, &flags, precision, spec_start, &chars)?;
        out.push_str(&pad(piece, &flags, width, conv));
    }
    if next_arg < items.len() && !(single_non_tuple && (used_mapping || mapping.is_some())) {
        return Err(type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(new_string(out))
}

#[derive(Default)]
struct Flags {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
}

/// A converted value: its sign part and its body, padded later.
struct Piece {
    sign: String,
    body: String,
    numeric: bool,
}

fn convert_one(
    conv: char,
    arg: Value,
    flags: &Flags,
    precision: Option<usize>,
    at: usize,
    chars: &[char],
) -> PyResult<Piece> {
    let text = |body: String| Piece {
        sign: String::new(),
        body,
        numeric: false,
    };
    match conv {
        's' | 'r' | 'a' => {
            let s = match conv {
                's' => crate::ops::object::str_string(arg)?,
                'r' => crate::ops::object::repr_string(arg)?,
                _ => {
                    let r = crate::ops::format::ascii(arg)?;
                    as_str(r).unwrap_or("").to_owned()
                }
            };
            Ok(text(match precision {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            }))
        }
        'c' => {
            if let Some(s) = as_str(arg) {
                if s.chars().count() == 1 {
                    return Ok(text(s.to_owned()));
                }
                return Err(type_error("%c requires int or char"));
            }
            let code = int_of(arg)
                .and_then(|i| num_traits::ToPrimitive::to_u32(&*i.to_bigint()))
                .ok_or_else(|| type_error("%c requires int or char"))?;
            let c = char::from_u32(code)
                .ok_or_else(|| crate::error::overflow_error("%c arg not in range(0x110000)"))?;
            Ok(text(c.to_string()))
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let n = int_arg(conv, arg)?;
            let digits = match conv {
                'o' => n.abs().to_str_radix(8),
                'x' => n.abs().to_str_radix(16),
                'X' => n.abs().to_str_radix(16).to_uppercase(),
                _ => n.abs().to_string(),
            };
            let digits = match precision {
                Some(p) if digits.len() < p => format!("{}{digits}", "0".repeat(p - digits.len())),
                _ => digits,
            };
            let prefix = match (conv, flags.alt) {
                ('o', true) => "0o",
                ('x', true) => "0x",
                ('X', true) => "0X",
                _ => "",
            };
            Ok(Piece {
                sign: format!("{}{prefix}", sign(n.is_negative(), flags)),
                body: digits,
                numeric: true,
            })
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let f = float_arg(conv, arg)?;
            let spec = format!(
                "{}.{}{}",
                if flags.alt { "#" } else { "" },
                precision.unwrap_or(6),
                conv
            );
            let s = crate::ops::format::format(Value::from_f64(f.abs()), new_string(spec))?;
            Ok(Piece {
                sign: sign(f.is_sign_negative() && !f.is_nan(), flags).to_owned(),
                body: as_str(s).unwrap_or("").to_owned(),
                numeric: true,
            })
        }
        other => {
            let index =
                chars[..at].len() + (chars[at..].iter().position(|&c| c == other).unwrap_or(0));
            Err(value_error(format!(
                "unsupported format character '{other}' ({:#x}) at index {index}",
                other as u32
            )))
        }
    }
}

fn sign(negative: bool, flags: &Flags) -> &'static str {
    if negative {
        "-"
    } else if flags.plus {
        "+"
    } else if flags.space {
        " "
    } else {
        ""
    }
}

/// The int a `%d`-style conversion formats (floats truncate; `%x`/`%o`
/// need a real int).
fn int_arg(conv: char, v: Value) -> PyResult<BigInt> {
    if let Some(i) = int_of(v) {
        return Ok(i.to_bigint().into_owned());
    }
    if matches!(conv, 'd' | 'i' | 'u') {
        if let Some(f) = float_of(v) {
            let i = crate::types::float::float_to_int(f)?;
            if let Some(i) = int_of(i) {
                return Ok(i.to_bigint().into_owned());
            }
        }
        if let Some(f) = type_of(v).slots.int.get() {
            if let Some(i) = int_of(f(v)?) {
                return Ok(i.to_bigint().into_owned());
            }
        }
        return Err(type_error(format!(
            "%{conv} format: a real number is required, not {}",
            type_of(v).name()
        )));
    }
    if let Some(f) = type_of(v).slots.index.get() {
        if let Some(i) = int_of(f(v)?) {
            return Ok(i.to_bigint().into_owned());
        }
    }
    Err(type_error(format!(
        "%{conv} format: an integer is required, not {}",
        type_of(v).name()
    )))
}

fn float_arg(conv: char, v: Value) -> PyResult<f64> {
    if let Some(f) = float_of(v) {
        return Ok(f);
    }
    if let Some(i) = int_of(v) {
        return crate::types::int::int_to_f64(i);
    }
    if let Some(f) = type_of(v).slots.float.get() {
        if let Some(x) = float_of(f(v)?) {
            return Ok(x);
        }
    }
    Err(type_error(format!(
        "%{conv} format: a real number is required, not {}",
        type_of(v).name()
    )))
}

fn pad(piece: Piece, flags: &Flags, width: Option<usize>, conv: char) -> String {
    let len = piece.sign.chars().count() + piece.body.chars().count();
    let width = width.unwrap_or(0);
    if len >= width {
        return format!("{}{}", piece.sign, piece.body);
    }
    let n = width - len;
    if flags.left {
        return format!("{}{}{}", piece.sign, piece.body, " ".repeat(n));
    }
    let zero_ok = piece.numeric && !matches!(conv, 's' | 'r' | 'a' | 'c');
    if flags.zero && zero_ok && piece.body.chars().all(|c| c != 'n' && c != 'i') {
        return format!("{}{}{}", piece.sign, "0".repeat(n), piece.body);
    }
    format!("{}{}{}", " ".repeat(n), piece.sign, piece.body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::string::new_str;
    use crate::types::tuple::new_tuple;

    fn f(t: &str, args: Value) -> String {
        match format(t, args) {
            Ok(v) => as_str(v).unwrap().to_owned(),
            Err(_) => format!("error: {}", crate::exceptions::str_of_current()),
        }
    }

    #[test]
    fn like_cpython() {
        let i = Value::small_int;
        assert_eq!(f("%d items", i(3)), "3 items");
        assert_eq!(
            f("%5d|%-5d|%05d", new_tuple(&[i(42), i(42), i(-42)])),
            "   42|42   |-0042"
        );
        assert_eq!(
            f(
                "%.2f %e",
                new_tuple(&[Value::from_f64(1.005), Value::from_f64(1234.5)])
            ),
            "1.00 1.234500e+03"
        );
        assert_eq!(
            f("%s and %r", new_tuple(&[new_str("a"), new_str("b")])),
            "a and 'b'"
        );
        assert_eq!(
            f("%x %X %#o %c", new_tuple(&[i(255), i(255), i(8), i(65)])),
            "ff FF 0o10 A"
        );
        assert_eq!(f("%+.1f%%", Value::from_f64(12.34)), "+12.3%");
        assert_eq!(f("%*d", new_tuple(&[i(4), i(7)])), "   7");
        assert_eq!(
            f("%d %d", i(1)),
            "error: not enough arguments for format string"
        );
        assert_eq!(
            f("%d", new_tuple(&[i(1), i(2)])),
            "error: not all arguments converted during string formatting"
        );
        assert_eq!(
            f("%d", new_str("x")),
            "error: %d format: a real number is required, not str"
        );
        assert_eq!(
            f("%z", i(1)),
            "error: unsupported format character 'z' (0x7a) at index 1"
        );
        let d = crate::types::dict::DictObject::new_value();
        crate::ops::subscript::setitem(d, new_str("n"), i(5)).unwrap();
        assert_eq!(f("%(n)03d", d), "005");
    }
}
