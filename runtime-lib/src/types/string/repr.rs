//! `repr(str)` with CPython's quoting and escapes.
//!
//! The quote is `'` unless the text contains `'` and no `"`. Backslash,
//! the quote, `\t`, `\n`, `\r` are escaped; other non-printable code points
//! become `\xhh`, `\uhhhh` or `\Uhhhhhhhh`. "Printable" is exactly
//! `str.isprintable` (see [`super::printable`]).

/// The repr of `s`, quotes included.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

pub use super::printable::is_printable;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_escapes_like_cpython() {
        assert_eq!(repr_str("abc"), "'abc'");
        assert_eq!(repr_str("it's"), "\"it's\"");
        assert_eq!(repr_str("'\""), "'\\'\"'");
        assert_eq!(repr_str("a\nb\t\\"), "'a\\nb\\t\\\\'");
        assert_eq!(repr_str("\x00\x7f\u{a0}é"), "'\\x00\\x7f\\xa0é'");
        assert_eq!(repr_str("\u{200b}\u{1F600}"), "'\\u200b\u{1F600}'");
    }
}
