//! `repr(str)` with CPython's quoting and escapes.
//!
//! The quote is `'` unless the text contains `'` and no `"`. Backslash,
//! the quote, `\t`, `\n`, `\r` are escaped; other non-printable code points
//! become `\xhh`, `\uhhhh` or `\Uhhhhhhhh`. "Printable" follows
//! `str.isprintable`, approximated here without the Unicode database: C0/C1
//! controls, separators other than the space, the format characters in
//! common use, surrogates and private-use code points are non-printable.

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

/// `str.isprintable()` for one code point (approximation, see module doc).
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if n < 0x7F {
        return n >= 0x20;
    }
    !matches!(n,
        0x7F..=0xA0 | 0xAD
        | 0x0600..=0x0605 | 0x061C | 0x06DD | 0x070F | 0x180E
        | 0x1680 | 0x2000..=0x200F | 0x2028..=0x202F | 0x205F..=0x2064 | 0x2066..=0x206F
        | 0x3000 | 0xD800..=0xDFFF | 0xE000..=0xF8FF | 0xFEFF | 0xFFF9..=0xFFFB
        | 0xFFFE | 0xFFFF | 0xE0001 | 0xE0020..=0xE007F | 0xF0000..=0x10FFFF)
}

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
