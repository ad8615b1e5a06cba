//! `float(str)`: surrounding whitespace, a sign, `inf`/`infinity`/`nan` in
//! any case, and single underscores between digits, as CPython accepts.

use crate::error::{value_error, PyResult};
use crate::types::string::repr::repr_str;

/// Parses `text` as `float()` does.
pub fn float_from_str(text: &str) -> PyResult<f64> {
    parse(text).ok_or_else(|| {
        value_error(format!(
            "could not convert string to float: {}",
            repr_str(text)
        ))
    })
}

fn parse(text: &str) -> Option<f64> {
    let s = text.trim_matches(char::is_whitespace);
    if s.is_empty() || !s.is_ascii() {
        return None;
    }
    let bytes = s.as_bytes();
    let mut clean = String::with_capacity(s.len());
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            let before = i > 0 && bytes[i - 1].is_ascii_digit();
            let after = bytes.get(i + 1).is_some_and(|c| c.is_ascii_digit());
            if !(before && after) {
                return None;
            }
            continue;
        }
        clean.push(b as char);
    }
    let body = clean.trim_start_matches(['+', '-']);
    if clean.len() - body.len() > 1 {
        return None;
    }
    let lower = body.to_ascii_lowercase();
    let special = matches!(lower.as_str(), "inf" | "infinity" | "nan");
    if !special
        && !body
            .bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return None;
    }
    clean.parse::<f64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_what_cpython_accepts() {
        assert_eq!(parse("  1.5 "), Some(1.5));
        assert_eq!(parse("1_000.5"), Some(1000.5));
        assert_eq!(parse("-Infinity"), Some(f64::NEG_INFINITY));
        assert!(parse("nan").is_some_and(f64::is_nan));
        assert_eq!(parse("1e5"), Some(100000.0));
        assert_eq!(parse(".5"), Some(0.5));
        assert_eq!(parse("5."), Some(5.0));
        for bad in [
            "", "x", "1_", "_1", "1__0", "--1", "0x10", "1e", "in f", "1.5j",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn error_message() {
        assert!(float_from_str("x").is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "could not convert string to float: 'x'"
        );
    }
}
