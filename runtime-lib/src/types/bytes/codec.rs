//! The codecs krait knows: utf-8, ascii and latin-1, with the `strict`,
//! `ignore` and `replace` error handlers and CPython's
//! UnicodeDecodeError/UnicodeEncodeError messages. Used by
//! `bytes.decode`, `str.encode` and `bytes(str, encoding)`.

use crate::error::{raise_new, PyResult};
use crate::object::type_of;
use crate::types::registry::types;
use crate::types::string::as_str;
use crate::Value;

/// A supported codec.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The codec's name in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    fn limit(self) -> u32 {
        match self {
            Codec::Ascii => 128,
            _ => 256,
        }
    }
}

/// The codec named `name` (normalised as CPython does), or LookupError.
pub fn lookup(name: &str) -> PyResult<Codec> {
    let n = name.trim().to_ascii_lowercase().replace(['_', ' '], "-");
    match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Ok(Codec::Utf8),
        "ascii" | "us-ascii" | "646" => Ok(Codec::Ascii),
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819"
        | "iso-ir-100" => Ok(Codec::Latin1),
        _ => Err(raise_new(
            types().exc.LookupError,
            &format!("unknown encoding: {name}"),
        )),
    }
}

fn arg_str(v: Value, default: &'static str, fname: &str, what: &str) -> PyResult<&'static str> {
    if v.is_null() {
        return Ok(default);
    }
    as_str(v).ok_or_else(|| {
        crate::error::type_error(format!(
            "{fname}() argument '{what}' must be str, not {}",
            type_of(v).name()
        ))
    })
}

/// (codec, errors) from optional `encoding`/`errors` argument values.
pub fn codec_args(fname: &str, enc: Value, errors: Value) -> PyResult<(Codec, &'static str)> {
    let e = arg_str(enc, "utf-8", fname, "encoding")?;
    let errs = arg_str(errors, "strict", fname, "errors")?;
    Ok((lookup(e)?, errs))
}

/// `str.encode(encoding, errors)` with argument values.
pub fn encode_args(text: &str, enc: Value, errors: Value) -> PyResult<Vec<u8>> {
    let (codec, errs) = codec_args("encode", enc, errors)?;
    encode(text, codec, errs)
}

fn unknown_handler(errors: &str) -> crate::Raised {
    raise_new(
        types().exc.LookupError,
        &format!("unknown error handler name '{errors}'"),
    )
}

/// `'\xe9'`, `'\u20ac'`, `'\U0001f600'`: a character as CPython's message
/// shows it.
fn char_escape(c: char) -> String {
    let u = c as u32;
    if u < 0x100 {
        format!("'\\x{u:02x}'")
    } else if u < 0x10000 {
        format!("'\\u{u:04x}'")
    } else {
        format!("'\\U{u:08x}'")
    }
}

/// Encodes `text`.
pub fn encode(text: &str, codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    if codec == Codec::Utf8 {
        return Ok(text.as_bytes().to_vec());
    }
    let limit = codec.limit();
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        match errors {
            "ignore" => {}
            "replace" => out.push(b'?'),
            "strict" => {
                let end = (i..chars.len())
                    .find(|&j| (chars[j] as u32) < limit)
                    .unwrap_or(chars.len());
                let what = if end - i == 1 {
                    format!("character {} in position {i}", char_escape(c))
                } else {
                    format!("characters in position {i}-{}", end - 1)
                };
                return Err(raise_new(
                    types().exc.UnicodeEncodeError,
                    &format!(
                        "'{}' codec can't encode {what}: ordinal not in range({limit})",
                        codec.name()
                    ),
                ));
            }
            _ => return Err(unknown_handler(errors)),
        }
        i += 1;
    }
    Ok(out)
}

fn decode_error(
    codec: Codec,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> crate::Raised {
    let what = if end - start == 1 {
        format!("byte 0x{:02x} in position {start}", data[start])
    } else {
        format!("bytes in position {start}-{}", end - 1)
    };
    let exc = crate::exceptions::new_exception(
        types().exc.UnicodeDecodeError,
        &format!("'{}' codec can't decode {what}: {reason}", codec.name()),
    );
    let set = |k: &str, v: Value| crate::exceptions::set_extra(exc, k, v);
    set("encoding", crate::types::string::new_str(codec.name()));
    set("object", crate::types::bytes::new_bytes(data.to_vec()));
    set("start", crate::types::int::int_from_usize(start));
    set("end", crate::types::int::int_from_usize(end));
    set("reason", crate::types::string::new_str(reason));
    crate::error::raise(exc)
}

/// Decodes `data`.
pub fn decode(data: &[u8], codec: Codec, errors: &str) -> PyResult<String> {
    match codec {
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 128 {
                    out.push(b as char);
                    continue;
                }
                match errors {
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "strict" => {
                        return Err(decode_error(
                            codec,
                            data,
                            i,
                            i + 1,
                            "ordinal not in range(128)",
                        ))
                    }
                    _ => return Err(unknown_handler(errors)),
                }
            }
            Ok(out)
        }
        Codec::Utf8 => decode_utf8(data, errors),
    }
}

fn decode_utf8(data: &[u8], errors: &str) -> PyResult<String> {
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    loop {
        match std::str::from_utf8(&data[pos..]) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let good = pos + e.valid_up_to();
                // SAFETY-free: the prefix was just validated.
                out.push_str(std::str::from_utf8(&data[pos..good]).unwrap_or(""));
                let (bad_len, reason) = match e.error_len() {
                    None => (data.len() - good, "unexpected end of data"),
                    Some(n) => {
                        let lead = data[good];
                        let valid_lead = (0xc2..=0xf4).contains(&lead);
                        (
                            n,
                            if valid_lead {
                                "invalid continuation byte"
                            } else {
                                "invalid start byte"
                            },
                        )
                    }
                };
                match errors {
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "strict" => {
                        return Err(decode_error(
                            Codec::Utf8,
                            data,
                            good,
                            good + bad_len,
                            reason,
                        ))
                    }
                    _ => return Err(unknown_handler(errors)),
                }
                pos = good + bad_len;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exceptions::str_of_current;

    #[test]
    fn encodes_like_cpython() {
        assert_eq!(
            encode("héllo", Codec::Utf8, "strict").unwrap(),
            "héllo".as_bytes()
        );
        assert_eq!(
            encode("héllo", Codec::Latin1, "strict").unwrap(),
            b"h\xe9llo"
        );
        assert_eq!(encode("héllo", Codec::Ascii, "replace").unwrap(), b"h?llo");
        assert_eq!(encode("héllo", Codec::Ascii, "ignore").unwrap(), b"hllo");
        assert!(encode("abcé", Codec::Ascii, "strict").is_err());
        assert_eq!(
            str_of_current(),
            "'ascii' codec can't encode character '\\xe9' in position 3: ordinal not in range(128)"
        );
        assert!(encode("ab\u{e9}\u{e9}", Codec::Ascii, "strict").is_err());
        assert_eq!(
            str_of_current(),
            "'ascii' codec can't encode characters in position 2-3: ordinal not in range(128)"
        );
        assert!(encode("\u{20ac}", Codec::Latin1, "strict").is_err());
        assert_eq!(
            str_of_current(),
            "'latin-1' codec can't encode character '\\u20ac' in position 0: ordinal not in range(256)"
        );
        assert!(lookup("foo").is_err());
        assert_eq!(str_of_current(), "unknown encoding: foo");
        assert_eq!(lookup("UTF_8").unwrap(), Codec::Utf8);
    }

    #[test]
    fn decodes_like_cpython() {
        assert_eq!(decode(b"h\xc3\xa9", Codec::Utf8, "strict").unwrap(), "hé");
        assert_eq!(decode(b"h\xe9", Codec::Latin1, "strict").unwrap(), "hé");
        assert!(decode(b"\xff", Codec::Utf8, "strict").is_err());
        assert_eq!(
            str_of_current(),
            "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
        );
        assert!(decode(b"a\xe9\x80", Codec::Utf8, "strict").is_err());
        assert_eq!(
            str_of_current(),
            "'utf-8' codec can't decode bytes in position 1-2: unexpected end of data"
        );
        assert!(decode(b"\xe9\x80\x41", Codec::Utf8, "strict").is_err());
        assert_eq!(
            str_of_current(),
            "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"
        );
        assert!(decode(b"\xe9", Codec::Ascii, "strict").is_err());
        assert_eq!(
            str_of_current(),
            "'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)"
        );
        assert_eq!(
            decode(b"a\xffb", Codec::Utf8, "replace").unwrap(),
            "a\u{fffd}b"
        );
        assert_eq!(decode(b"a\xffb", Codec::Utf8, "ignore").unwrap(), "ab");
    }
}
