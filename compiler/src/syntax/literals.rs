//! Decoding literal tokens: strings, bytes and numbers.
//!
//! The lexer has already checked that a token is well formed (terminated,
//! prefix legal, number grammar); this module computes its value, and raises
//! the errors CPython raises while doing so, with CPython's wording:
//! escape errors come from the `unicodeescape` codec, with positions counted
//! in the buffer CPython's parser hands to that codec (where every non-ASCII
//! character is first rewritten as a 10-byte `\UXXXXXXXX` escape).
//!
//! Known limitation: a lone surrogate such as `"\ud800"` cannot live in a
//! Rust `String`; it decodes as U+FFFD REPLACEMENT CHARACTER.

use super::ast::{Constant, Int};
use super::error::{SyntaxError, SyntaxErrorKind};
use super::span::Span;
use num_bigint::BigInt;

/// A decoded string-ish token.
pub enum StringLiteral {
    Str(String),
    Bytes(Vec<u8>),
    /// An f-string: the parser calls `fstring::split_fstring` on the token.
    FString,
}

/// A string token's prefix letters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Prefix {
    pub raw: bool,
    pub bytes: bool,
    pub fstring: bool,
}

/// The parts of a string token's text: its prefix, the prefix's length and
/// the length of the quotes (1 or 3). `None` if `text` is not a string token.
pub(crate) fn string_parts(text: &str) -> Option<(Prefix, usize, usize)> {
    let b = text.as_bytes();
    let mut prefix = Prefix::default();
    let mut unicode = false;
    let mut i = 0;
    loop {
        let seen = (prefix.raw, prefix.bytes, prefix.fstring, unicode);
        match (b.get(i)?, seen) {
            (b'r' | b'R', (false, _, _, false)) => prefix.raw = true,
            (b'b' | b'B', (_, false, false, false)) => prefix.bytes = true,
            (b'f' | b'F', (_, false, false, false)) => prefix.fstring = true,
            (b'u' | b'U', (false, false, false, false)) => unicode = true,
            (b'"' | b'\'', _) => break,
            _ => return None,
        }
        i += 1;
    }
    let quote = b[i];
    let rest = &b[i..];
    let quotes = if rest.len() >= 6 && rest[1] == quote && rest[2] == quote {
        3
    } else {
        1
    };
    if rest.len() < 2 * quotes || !rest.ends_with(&rest[..quotes]) {
        return None;
    }
    Some((prefix, i, quotes))
}

/// Decodes the STRING token at `span` (prefix, quotes, escapes).
pub fn decode_string(source: &str, span: Span) -> Result<StringLiteral, SyntaxError> {
    let malformed = || SyntaxError::new(SyntaxErrorKind::InvalidSyntax, span);
    let text = source.get(span.range()).ok_or_else(malformed)?;
    let (prefix, prefix_len, quotes) = string_parts(text).ok_or_else(malformed)?;
    if prefix.fstring {
        return Ok(StringLiteral::FString);
    }
    let body = text
        .get(prefix_len + quotes..text.len() - quotes)
        .ok_or_else(malformed)?;
    let fail = |kind| SyntaxError::new(kind, span);
    if prefix.bytes {
        if !body.is_ascii() {
            return Err(fail(SyntaxErrorKind::BytesNonAscii));
        }
        let bytes = if prefix.raw {
            let mut out = String::with_capacity(body.len());
            push_translating_newlines(body, &mut out);
            out.into_bytes()
        } else {
            decode_bytes_escapes(body).map_err(fail)?
        };
        return Ok(StringLiteral::Bytes(bytes));
    }
    let mut out = String::with_capacity(body.len());
    decode_str_into(body, prefix.raw, &mut out).map_err(fail)?;
    Ok(StringLiteral::Str(out))
}

/// Appends the value of a `str` literal's body to `out`: raw bodies as they
/// are, others with escapes decoded. Newlines (`\r\n`, `\r`) become `\n`.
pub(crate) fn decode_str_into(
    body: &str,
    raw: bool,
    out: &mut String,
) -> Result<(), SyntaxErrorKind> {
    // Byte searches: `str::contains(char)` sets up a `CharSearcher`,
    // which cost more than the search for a typical short literal.
    if raw || !body.as_bytes().contains(&b'\\') {
        push_translating_newlines(body, out);
        Ok(())
    } else {
        decode_unicode_escapes(body, out)
    }
}

/// Appends `text` with `\r\n` and `\r` turned into `\n` (CPython reads
/// source with universal newlines).
fn push_translating_newlines(text: &str, out: &mut String) {
    if !text.as_bytes().contains(&b'\r') {
        out.push_str(text);
        return;
    }
    let mut rest = text;
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        let skip = if rest.as_bytes().get(i + 1) == Some(&b'\n') {
            2
        } else {
            1
        };
        rest = &rest[i + skip..];
    }
    out.push_str(rest);
}

fn bad_escape(start: usize, end_exclusive: usize, reason: &'static str) -> SyntaxErrorKind {
    SyntaxErrorKind::BadEscape {
        codec: "unicodeescape",
        start,
        end: end_exclusive.saturating_sub(1),
        reason,
    }
}

fn hex_value(c: u8) -> Option<u32> {
    (c as char).to_digit(16)
}

/// The length of `b` in CPython's codec buffer: ASCII bytes count 1, each
/// non-ASCII character 10 (`\UXXXXXXXX`), a backslash before a non-ASCII
/// character (or at the end) 6 (`\u005c`), and `\r\n` counts 1.
fn codec_len(b: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\\' {
            n += if b.get(i + 1).is_none_or(|&d| d >= 0x80) {
                6
            } else {
                1
            };
        } else if c == b'\r' {
            n += 1;
            if b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        } else if c < 0x80 {
            n += 1;
        } else if c >= 0xc0 {
            n += 10;
        }
        i += 1;
    }
    n
}

/// CPython's `unicode_escape` decoding of a `str` literal body, with errors
/// positioned in the codec's buffer (see [`codec_len`]).
fn decode_unicode_escapes(body: &str, out: &mut String) -> Result<(), SyntaxErrorKind> {
    let b = body.as_bytes();
    let mut i = 0;
    // Position in CPython's codec buffer of the byte at `i`.
    let mut vpos = 0;
    while i < b.len() {
        let run_start = i;
        while i < b.len() && b[i] != b'\\' && b[i] != b'\r' {
            if b[i] < 0x80 {
                vpos += 1;
            } else if b[i] >= 0xc0 {
                vpos += 10;
            }
            i += 1;
        }
        out.push_str(body.get(run_start..i).unwrap_or_default());
        let Some(&c) = b.get(i) else { break };
        if c == b'\r' {
            out.push('\n');
            i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            vpos += 1;
            continue;
        }
        // A backslash.
        let escape_start = vpos;
        i += 1;
        vpos += 1;
        let Some(&e) = b.get(i) else {
            // A trailing backslash (in an f-string literal part before `{`):
            // CPython passes it on as `\u005c`.
            out.push('\\');
            break;
        };
        if e >= 0x80 {
            // `\é`: CPython rewrites the backslash as `\u005c`.
            out.push('\\');
            vpos += 5;
            continue;
        }
        i += 1;
        vpos += 1;
        match e {
            b'\n' => {}
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let mut value = u32::from(e - b'0');
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(d - b'0');
                            i += 1;
                            vpos += 1;
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
            }
            b'x' | b'u' | b'U' => {
                let (count, reason) = match e {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut value: u32 = 0;
                for _ in 0..count {
                    let Some(digit) = b.get(i).and_then(|&d| hex_value(d)) else {
                        return Err(bad_escape(escape_start, vpos, reason));
                    };
                    value = (value << 4) | digit;
                    i += 1;
                    vpos += 1;
                }
                if value > 0x10ffff {
                    return Err(bad_escape(escape_start, vpos, "illegal Unicode character"));
                }
                // Surrogates cannot be represented: see the module docs.
                out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
            }
            b'N' => {
                const MALFORMED: &str = "malformed \\N character escape";
                if b.get(i) != Some(&b'{') {
                    return Err(bad_escape(escape_start, vpos, MALFORMED));
                }
                i += 1;
                vpos += 1;
                let rest = &b[i..];
                let Some(name_len) = rest.iter().position(|&c| c == b'}') else {
                    return Err(bad_escape(escape_start, vpos + codec_len(rest), MALFORMED));
                };
                if name_len == 0 {
                    return Err(bad_escape(escape_start, vpos, MALFORMED));
                }
                let name = body.get(i..i + name_len).unwrap_or_default();
                vpos += codec_len(&rest[..name_len]) + 1;
                i += name_len + 1;
                match lookup_unicode_name(name) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(bad_escape(
                            escape_start,
                            vpos,
                            "unknown Unicode character name",
                        ))
                    }
                }
            }
            _ => {
                // Unknown escapes stay as they are (CPython warns).
                out.push('\\');
                out.push(e as char);
            }
        }
    }
    Ok(())
}

/// The character named `name` in a `\N{...}` escape. CPython matches names
/// and name aliases exactly but case-insensitively; `unicode_names2` matches
/// loosely (ignoring spaces, underscores and medial hyphens), so the result
/// is checked against the character's name.
fn lookup_unicode_name(name: &str) -> Option<char> {
    if name.is_empty() || !name.is_ascii() {
        return None;
    }
    let ch = unicode_names2::character(name)?;
    let upper = name.to_ascii_uppercase();
    if upper.starts_with("HANGUL SYLLABLE ") || upper.starts_with("CJK UNIFIED IDEOGRAPH-") {
        // Computed names: CPython accepts only the exact uppercase form.
        return (name == upper).then_some(ch);
    }
    let canonical = unicode_names2::name(ch).map(|n| n.to_string());
    if canonical.as_deref() == Some(upper.as_str()) {
        return Some(ch);
    }
    // Not the character's name: accept an alias (NameAliases.txt) spelled
    // normally, but not a loose spelling of the name itself.
    let loose = |s: &str| -> String {
        s.bytes()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c as char)
            .collect()
    };
    if canonical.is_some_and(|n| loose(&n) == loose(&upper)) {
        return None;
    }
    let well_formed = upper
        .bytes()
        .all(|c| c.is_ascii_alphanumeric() || c == b' ' || c == b'-')
        && !upper.starts_with(' ')
        && !upper.ends_with(' ')
        && !upper.contains("  ");
    well_formed.then_some(ch)
}

/// CPython's `_PyBytes_DecodeEscape` for a (non-raw, ASCII) bytes body.
fn decode_bytes_escapes(body: &str) -> Result<Vec<u8>, SyntaxErrorKind> {
    let b = body.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    // Position with `\r\n` counted once, as CPython sees the body.
    let mut vpos = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\r' {
            out.push(b'\n');
            i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            vpos += 1;
            continue;
        }
        if c != b'\\' {
            out.push(c);
            i += 1;
            vpos += 1;
            continue;
        }
        let escape_start = vpos;
        let Some(&e) = b.get(i + 1) else {
            out.push(b'\\');
            break;
        };
        i += 2;
        vpos += 2;
        match e {
            b'\n' => {}
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(0x07),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(0x0b),
            b'0'..=b'7' => {
                let mut value = u32::from(e - b'0');
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(d - b'0');
                            i += 1;
                            vpos += 1;
                        }
                        _ => break,
                    }
                }
                // `\777` wraps to a byte, as in CPython.
                out.push((value & 0xff) as u8);
            }
            b'x' => {
                let hi = b.get(i).and_then(|&d| hex_value(d));
                let lo = b.get(i + 1).and_then(|&d| hex_value(d));
                let (Some(hi), Some(lo)) = (hi, lo) else {
                    return Err(SyntaxErrorKind::BytesBadEscape {
                        position: escape_start,
                    });
                };
                out.push((hi * 16 + lo) as u8);
                i += 2;
                vpos += 2;
            }
            _ => {
                out.push(b'\\');
                out.push(e);
            }
        }
    }
    Ok(out)
}

/// Parses a NUMBER token's text (already validated by the lexer) into an
/// Int, Float or Complex constant.
pub fn parse_number(text: &str) -> Constant {
    // The common case: a short run of decimal digits, which fits an `i64`.
    if text.len() <= 18 && text.bytes().all(|b| b.is_ascii_digit()) {
        let value = text
            .bytes()
            .fold(0, |value, digit| value * 10 + i64::from(digit - b'0'));
        return Constant::Int(Int::Small(value));
    }
    let cleaned;
    let text = if text.contains('_') {
        cleaned = text.replace('_', "");
        cleaned.as_str()
    } else {
        text
    };
    let b = text.as_bytes();
    if let Some(imag) = text.strip_suffix(['j', 'J']) {
        return Constant::Complex(parse_float(imag));
    }
    if b.len() > 2 && b[0] == b'0' {
        let radix = match b[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        if radix != 0 {
            return Constant::Int(parse_int(&text[2..], radix));
        }
    }
    if text.contains(['.', 'e', 'E']) {
        return Constant::Float(parse_float(text));
    }
    Constant::Int(parse_int(text, 10))
}

fn parse_float(text: &str) -> f64 {
    text.parse::<f64>().unwrap_or(0.0)
}

fn parse_int(digits: &str, radix: u32) -> Int {
    let mut value: u64 = 0;
    for c in digits.chars() {
        let Some(d) = c.to_digit(radix) else {
            return Int::Small(0);
        };
        match value
            .checked_mul(u64::from(radix))
            .and_then(|v| v.checked_add(u64::from(d)))
        {
            Some(v) => value = v,
            None => return parse_big(digits, radix),
        }
    }
    match i64::try_from(value) {
        Ok(v) => Int::Small(v),
        Err(_) => parse_big(digits, radix),
    }
}

fn parse_big(digits: &str, radix: u32) -> Int {
    match BigInt::parse_bytes(digits.as_bytes(), radix) {
        Some(big) => Int::Big(Box::new(big)),
        None => Int::Small(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(text: &str) -> Result<StringLiteral, SyntaxError> {
        decode_string(text, Span::new(0, text.len() as u32))
    }

    #[track_caller]
    fn str_value(text: &str) -> String {
        match decode(text) {
            Ok(StringLiteral::Str(s)) => s,
            Ok(StringLiteral::Bytes(_)) => panic!("{text}: bytes"),
            Ok(StringLiteral::FString) => panic!("{text}: f-string"),
            Err(e) => panic!("{text}: {e}"),
        }
    }

    #[track_caller]
    fn bytes_value(text: &str) -> Vec<u8> {
        match decode(text) {
            Ok(StringLiteral::Bytes(b)) => b,
            Ok(_) => panic!("{text}: not bytes"),
            Err(e) => panic!("{text}: {e}"),
        }
    }

    #[track_caller]
    fn error(text: &str) -> String {
        match decode(text) {
            Err(e) => {
                assert_eq!(
                    e.span,
                    Span::new(0, text.len() as u32),
                    "the span is the token"
                );
                e.kind.to_string()
            }
            Ok(_) => panic!("{text}: no error"),
        }
    }

    #[test]
    fn prefixes_and_quotes() {
        for text in [
            "'a'",
            "\"a\"",
            "'''a'''",
            "\"\"\"a\"\"\"",
            "u'a'",
            "U'a'",
            "r'a'",
            "R\"a\"",
        ] {
            assert_eq!(str_value(text), "a", "{text}");
        }
        for text in ["b'a'", "B'a'", "br'a'", "Rb'a'", "rB'''a'''"] {
            assert_eq!(bytes_value(text), b"a", "{text}");
        }
        for text in ["f'a'", "F'a'", "rf'a'", "fR'''a'''"] {
            assert!(matches!(decode(text), Ok(StringLiteral::FString)), "{text}");
        }
        assert_eq!(str_value("''"), "");
        assert_eq!(str_value("''''''"), "");
        assert_eq!(str_value("'''a'b\"'''"), "a'b\"");
        // The span selects the token within the source.
        let source = "x = 'hi' + y";
        match decode_string(source, Span::new(4, 8)) {
            Ok(StringLiteral::Str(s)) => assert_eq!(s, "hi"),
            _ => panic!(),
        }
    }

    #[test]
    fn simple_escapes() {
        assert_eq!(
            str_value(r#"'\\ \' \" \a \b \f \n \r \t \v'"#),
            "\\ ' \" \x07 \x08 \x0c \n \r \t \x0b"
        );
        assert_eq!(
            bytes_value(r#"b'\\ \' \" \a \b \f \n \r \t \v'"#),
            b"\\ ' \" \x07 \x08 \x0c \n \r \t \x0b"
        );
    }

    #[test]
    fn octal_escapes() {
        assert_eq!(str_value(r"'\0\7\12\123\1234'"), "\0\x07\nSS4");
        assert_eq!(str_value(r"'\777'"), "\u{1ff}");
        assert_eq!(str_value(r"'\8\9'"), "\\8\\9");
        assert_eq!(bytes_value(r"b'\0\12\123\1234'"), b"\0\nSS4");
        // Out of range in bytes: wraps to a byte, as CPython.
        assert_eq!(bytes_value(r"b'\777'"), b"\xff");
    }

    #[test]
    fn hex_and_unicode_escapes() {
        assert_eq!(str_value(r"'\x41\xff\xFF'"), "A\u{ff}\u{ff}");
        assert_eq!(str_value(r"'\u00e9\u20AC'"), "é€");
        assert_eq!(str_value(r"'\U0001F600\U00000041'"), "😀A");
        assert_eq!(bytes_value(r"b'\x41\xff'"), b"A\xff");
        // Not escapes in bytes.
        assert_eq!(
            bytes_value(r"b'\u00e9\N{DIGIT ONE}'"),
            b"\\u00e9\\N{DIGIT ONE}"
        );
        // Lone surrogates cannot be represented.
        assert_eq!(str_value(r"'\ud800\uDFFF'"), "\u{fffd}\u{fffd}");
        assert_eq!(str_value(r"'\U0000d800'"), "\u{fffd}");
    }

    #[test]
    fn named_escapes() {
        assert_eq!(str_value(r"'\N{DIGIT ONE}\N{digit one}\N{Em Dash}'"), "11—");
        assert_eq!(
            str_value(r"'\N{BACKSPACE}\N{LF}\N{NBSP}\N{BYTE ORDER MARK}'"),
            "\x08\n\u{a0}\u{feff}"
        );
        assert_eq!(
            str_value(r"'\N{HANGUL SYLLABLE GA}\N{CJK UNIFIED IDEOGRAPH-4E00}'"),
            "가一"
        );
        assert_eq!(
            str_value(r"'\N{TIBETAN MARK BKA- SHOG GI MGO RGYAN}'"),
            "\u{fd0}"
        );
    }

    #[test]
    fn line_continuations_and_newlines() {
        assert_eq!(str_value("'a\\\nb'"), "ab");
        assert_eq!(str_value("'a\\\r\nb'"), "ab");
        assert_eq!(str_value("'''a\r\nb\rc\n'''"), "a\nb\nc\n");
        assert_eq!(str_value("r'''a\r\nb\\\r\nc'''"), "a\nb\\\nc");
        assert_eq!(bytes_value("b'a\\\nb'"), b"ab");
        assert_eq!(bytes_value("b'''a\r\nb'''"), b"a\nb");
        assert_eq!(bytes_value("rb'''a\r\nb'''"), b"a\nb");
    }

    #[test]
    fn unknown_escapes_are_kept() {
        assert_eq!(str_value(r"'\q\w\%\{'"), r"\q\w\%\{");
        assert_eq!(str_value("'\\é'"), "\\é");
        assert_eq!(bytes_value(r"b'\q\%'"), br"\q\%");
    }

    #[test]
    fn raw_strings() {
        assert_eq!(str_value(r"r'\n\x\N{oops}\'a'"), r"\n\x\N{oops}\'a");
        assert_eq!(bytes_value(r"br'\x\n'"), br"\x\n");
        assert_eq!(str_value("'é€𝔘'"), "é€𝔘");
    }

    #[test]
    fn escape_errors() {
        let codec = "(unicode error) 'unicodeescape' codec can't decode bytes in position";
        let cases = [
            (r"'\x'", "0-1: truncated \\xXX escape"),
            (r"'\x4'", "0-2: truncated \\xXX escape"),
            (r"'ab\x4g'", "2-4: truncated \\xXX escape"),
            (r"'\xg0'", "0-1: truncated \\xXX escape"),
            (r"'\u12'", "0-3: truncated \\uXXXX escape"),
            (r"'\U1234'", "0-5: truncated \\UXXXXXXXX escape"),
            (r"'\U00110000'", "0-9: illegal Unicode character"),
            (r"'\UFFFFFFFF'", "0-9: illegal Unicode character"),
            (r"'\N'", "0-1: malformed \\N character escape"),
            (r"'\N{'", "0-2: malformed \\N character escape"),
            (r"'\N{}'", "0-2: malformed \\N character escape"),
            (r"'\Nx'", "0-1: malformed \\N character escape"),
            (r"'\N{FOO BAR}'", "0-10: unknown Unicode character name"),
            (
                r"'\N{LATIN_SMALL_LETTER_A}'",
                "0-23: unknown Unicode character name",
            ),
            (
                r"'\N{LATINSMALLLETTERA}'",
                "0-20: unknown Unicode character name",
            ),
            (
                r"'\N{LATIN SMALL  LETTER A}'",
                "0-24: unknown Unicode character name",
            ),
            (
                r"'\N{hangul syllable ga}'",
                "0-21: unknown Unicode character name",
            ),
            (
                r"'\N{CJK UNIFIED IDEOGRAPH-4e00}'",
                "0-29: unknown Unicode character name",
            ),
            (
                r"'\N{TIBETAN MARK BKA-SHOG GI MGO RGYAN}'",
                "0-37: unknown Unicode character name",
            ),
            // Positions count each non-ASCII character as 10 bytes.
            ("'é\\x'", "10-11: truncated \\xXX escape"),
            ("'\\é\\x'", "16-17: truncated \\xXX escape"),
            ("'é€𝔘\\u12'", "30-33: truncated \\uXXXX escape"),
            ("'\\N{é}'", "0-13: unknown Unicode character name"),
            ("'\\N{é'", "0-12: malformed \\N character escape"),
            ("'a\r\n\\x'", "2-3: truncated \\xXX escape"),
        ];
        for (text, tail) in cases {
            assert_eq!(error(text), format!("{codec} {tail}"), "{text}");
        }
    }

    #[test]
    fn bytes_errors() {
        assert_eq!(
            error(r"b'\x'"),
            "(value error) invalid \\x escape at position 0"
        );
        assert_eq!(
            error(r"b'ab\x4'"),
            "(value error) invalid \\x escape at position 2"
        );
        assert_eq!(
            error(r"b'ab\x4g'"),
            "(value error) invalid \\x escape at position 2"
        );
        assert_eq!(
            error("b'a\r\n\\x'"),
            "(value error) invalid \\x escape at position 2"
        );
        assert_eq!(
            error("b'é'"),
            "bytes can only contain ASCII literal characters"
        );
        assert_eq!(
            error("br'é'"),
            "bytes can only contain ASCII literal characters"
        );
        assert_eq!(
            decode("b'é'").err().unwrap().kind,
            SyntaxErrorKind::BytesNonAscii
        );
    }

    #[test]
    fn malformed_tokens_are_errors_not_panics() {
        for text in ["", "'", "x", "'abc", "ub'x'", "\"'", "'''a''"] {
            assert!(decode(text).is_err(), "{text:?}");
        }
        assert!(decode_string("abc", Span::new(2, 9)).is_err());
        assert!(decode_string("é'", Span::new(1, 3)).is_err());
    }

    fn small(v: i64) -> Constant {
        Constant::Int(Int::Small(v))
    }

    fn big(text: &str) -> Constant {
        Constant::Int(Int::Big(Box::new(text.parse::<BigInt>().unwrap())))
    }

    #[test]
    fn integers() {
        assert_eq!(parse_number("0"), small(0));
        assert_eq!(parse_number("000"), small(0));
        assert_eq!(parse_number("0_0"), small(0));
        assert_eq!(parse_number("1_000_000"), small(1_000_000));
        assert_eq!(parse_number("0x_1f"), small(31));
        assert_eq!(parse_number("0XdeadBEEF"), small(0xdead_beef));
        assert_eq!(parse_number("0o17"), small(15));
        assert_eq!(parse_number("0O_7"), small(7));
        assert_eq!(parse_number("0b1_0"), small(2));
        assert_eq!(parse_number("0B11"), small(3));
        assert_eq!(parse_number("9223372036854775807"), small(i64::MAX));
        assert_eq!(
            parse_number("9223372036854775808"),
            big("9223372036854775808")
        );
        assert_eq!(
            parse_number("0x8000000000000000"),
            big("9223372036854775808")
        );
        assert_eq!(
            parse_number("0xffffffffffffffffff"),
            big("4722366482869645213695")
        );
        assert_eq!(
            parse_number("0o1_000_000_000_000_000_000_000"),
            big("9223372036854775808")
        );
        assert_eq!(
            parse_number("123456789012345678901234567890"),
            big("123456789012345678901234567890")
        );
        assert_eq!(
            parse_number(&format!("0b{}", "1".repeat(70))),
            big("1180591620717411303423")
        );
    }

    #[test]
    fn floats_and_imaginaries() {
        assert_eq!(parse_number("1."), Constant::Float(1.0));
        assert_eq!(parse_number(".5"), Constant::Float(0.5));
        assert_eq!(parse_number("1.5"), Constant::Float(1.5));
        assert_eq!(parse_number("1e10"), Constant::Float(1e10));
        assert_eq!(parse_number("1E+10"), Constant::Float(1e10));
        assert_eq!(parse_number("1.e5"), Constant::Float(1e5));
        assert_eq!(
            parse_number("1_000.000_1e-1_0"),
            Constant::Float(1000.0001e-10)
        );
        assert_eq!(parse_number("09.5"), Constant::Float(9.5));
        assert_eq!(parse_number("012e5"), Constant::Float(12e5));
        assert_eq!(parse_number("0e5"), Constant::Float(0.0));
        assert_eq!(parse_number("1e400"), Constant::Float(f64::INFINITY));
        assert_eq!(parse_number("0.1"), Constant::Float(0.1));
        assert_eq!(parse_number("1j"), Constant::Complex(1.0));
        assert_eq!(parse_number("0J"), Constant::Complex(0.0));
        assert_eq!(parse_number("00j"), Constant::Complex(0.0));
        assert_eq!(parse_number("012j"), Constant::Complex(12.0));
        assert_eq!(parse_number(".5j"), Constant::Complex(0.5));
        assert_eq!(parse_number("1_0.5e1_0j"), Constant::Complex(10.5e10));
    }
}
