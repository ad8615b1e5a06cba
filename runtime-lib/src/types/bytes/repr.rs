//! CPython's repr of a byte string: `b'...'`, single quotes unless the
//! bytes hold a `'` and no `"`, `\t \n \r \\` and the quote escaped, other
//! bytes outside printable ASCII as `\xhh`. Also `hex()` and `fromhex()`.

use crate::error::{value_error, PyResult};

/// `repr(bytes)` of `data`.
pub fn repr_bytes(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote);
    for &b in data {
        match b {
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\\' => out.push_str("\\\\"),
            _ if b as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
    out
}

/// `bytes.hex(sep)`: two lowercase digits per byte, `sep` between groups
/// of `every` bytes counted from the right (from the left when negative).
pub fn hex(data: &[u8], sep: Option<char>, every: i64) -> String {
    let mut out = String::with_capacity(data.len() * 3);
    let n = data.len();
    let group = every.unsigned_abs() as usize;
    for (i, b) in data.iter().enumerate() {
        if let (Some(s), true) = (sep, i > 0 && group > 0) {
            let boundary = if every > 0 {
                (n - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
            if boundary {
                out.push(s);
            }
        }
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// `bytes.fromhex(text)`: pairs of hex digits, whitespace between pairs.
pub fn fromhex(text: &str) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let digit = |c: char| c.to_digit(16).filter(|_| c.is_ascii());
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let err = |pos: usize| {
            value_error(format!(
                "non-hexadecimal number found in fromhex() arg at position {pos}"
            ))
        };
        let hi = digit(chars[i]).ok_or_else(|| err(i))?;
        let lo = chars
            .get(i + 1)
            .and_then(|&c| digit(c))
            .ok_or_else(|| err(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_match_cpython() {
        assert_eq!(repr_bytes(b""), "b''");
        assert_eq!(repr_bytes(b"a'b"), "b\"a'b\"");
        assert_eq!(repr_bytes(b"a'\""), "b'a\\'\"'");
        assert_eq!(
            repr_bytes(b"\t\n\r\\\x00\x7f\xff"),
            "b'\\t\\n\\r\\\\\\x00\\x7f\\xff'"
        );
    }

    #[test]
    fn hex_and_fromhex() {
        assert_eq!(hex(b"\x01\xab\xff", None, 1), "01abff");
        assert_eq!(hex(b"\x01\x02\x03", Some(':'), 2), "01:0203");
        assert_eq!(hex(b"\x01\x02\x03", Some(':'), -2), "0102:03");
        assert_eq!(fromhex("01 ab\tFF").unwrap(), b"\x01\xab\xff");
        assert!(fromhex("0 a").is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "non-hexadecimal number found in fromhex() arg at position 1"
        );
    }
}
