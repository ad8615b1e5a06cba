//! `str.encode(encoding='utf-8', errors='strict')`, through the codecs of
//! `types::bytes::codec` (utf-8, ascii, latin-1).

use crate::args;
use crate::error::PyResult;
use crate::types::bytes::{codec, new_bytes};
use crate::types::string::as_str;
use crate::Value;

/// `str.encode(encoding='utf-8', errors='strict')`.
pub fn encode(a: &[Value], k: Option<Value>) -> PyResult {
    let Some((&s, rest)) = a.split_first() else {
        return Err(crate::error::type_error(
            "unbound method str.encode() needs an argument",
        ));
    };
    let [enc, errors] = args::parse("encode", rest, k, ["encoding", "errors"], 0)?;
    let text = as_str(s).ok_or_else(|| crate::error::internal_error("str.encode on a non-str"))?;
    Ok(new_bytes(codec::encode_args(text, enc, errors)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::string::new_str;

    #[test]
    fn encodes() {
        let b = encode(&[new_str("hé")], None).unwrap();
        assert_eq!(crate::types::bytes::bytes_data(b).unwrap(), "hé".as_bytes());
        let kw = crate::types::tuple::new_tuple(&[new_str("errors")]);
        let b = encode(&[new_str("hé"), new_str("ascii"), new_str("replace")], None).unwrap();
        assert_eq!(crate::types::bytes::bytes_data(b).unwrap(), b"h?");
        let b = encode(&[new_str("hé"), new_str("ignore")], Some(kw)).unwrap();
        assert_eq!(crate::types::bytes::bytes_data(b).unwrap(), "hé".as_bytes());
        assert!(encode(&[new_str("abcé"), new_str("ascii")], None).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "'ascii' codec can't encode character '\\xe9' in position 3: ordinal not in range(128)"
        );
    }
}
