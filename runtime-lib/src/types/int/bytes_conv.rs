//! `int.to_bytes(length=1, byteorder='big', *, signed=False)` and the
//! class method `int.from_bytes(bytes, byteorder='big', *, signed=False)`,
//! with CPython's OverflowError/ValueError messages.

use num_bigint::{BigInt, Sign};
use num_traits::Zero;

use crate::args;
use crate::error::{overflow_error, type_error, value_error, PyResult};
use crate::object::type_of;
use crate::ops::object::is_true;
use crate::types::bytes::{byte_value, bytes_data, new_bytes};
use crate::types::int::{as_bigint, int_from_bigint, to_i64};
use crate::types::string::as_str;
use crate::Value;

/// True for "big", false for "little", ValueError otherwise.
fn big_endian(v: Value) -> PyResult<bool> {
    if v.is_null() {
        return Ok(true);
    }
    let Some(s) = as_str(v) else {
        return Err(type_error(format!(
            "to_bytes() argument 'byteorder' must be str, not {}",
            type_of(v).name()
        )));
    };
    match s {
        "big" => Ok(true),
        "little" => Ok(false),
        _ => Err(value_error("byteorder must be either 'little' or 'big'")),
    }
}

fn flag(v: Value) -> PyResult<bool> {
    if v.is_null() {
        Ok(false)
    } else {
        is_true(v)
    }
}

/// The bytes of `n` in `length` bytes (little-endian first).
pub fn int_to_bytes(n: &BigInt, length: usize, big: bool, signed: bool) -> PyResult<Vec<u8>> {
    if !signed && n.sign() == Sign::Minus {
        return Err(overflow_error("can't convert negative int to unsigned"));
    }
    let mut le = if n.is_zero() {
        Vec::new()
    } else if signed {
        n.to_signed_bytes_le()
    } else {
        n.to_bytes_le().1
    };
    if le.len() > length {
        return Err(overflow_error("int too big to convert"));
    }
    let pad = if n.sign() == Sign::Minus { 0xff } else { 0 };
    le.resize(length, pad);
    if big {
        le.reverse();
    }
    Ok(le)
}

/// The int of `data`.
pub fn int_from_bytes(data: &[u8], big: bool, signed: bool) -> BigInt {
    let mut le = data.to_vec();
    if big {
        le.reverse();
    }
    if signed {
        BigInt::from_signed_bytes_le(&le)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &le)
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
pub fn to_bytes(a: &[Value], k: Option<Value>) -> PyResult {
    let Some((&s, rest)) = a.split_first() else {
        return Err(type_error(
            "unbound method int.to_bytes() needs an argument",
        ));
    };
    let [length, order, signed] =
        args::parse("to_bytes", rest, k, ["length", "byteorder", "signed"], 0)?;
    let length = if length.is_null() { 1 } else { to_i64(length)? };
    if length < 0 {
        return Err(value_error("length argument must be non-negative"));
    }
    let big = big_endian(order)?;
    let n = as_bigint(s).ok_or_else(|| crate::error::internal_error("to_bytes on a non-int"))?;
    Ok(new_bytes(int_to_bytes(
        &n,
        length as usize,
        big,
        flag(signed)?,
    )?))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`.
pub fn from_bytes(a: &[Value], k: Option<Value>) -> PyResult {
    let Some((&cls, rest)) = a.split_first() else {
        return Err(type_error("from_bytes() needs a class"));
    };
    let [data, order, signed] =
        args::parse("from_bytes", rest, k, ["bytes", "byteorder", "signed"], 1)?;
    let bytes = match bytes_data(data) {
        Some(d) => d,
        None => {
            let items = crate::ops::iter::collect(data)?;
            items
                .iter()
                .map(|&x| byte_value(x, "bytes"))
                .collect::<PyResult<Vec<u8>>>()?
        }
    };
    let n = int_from_bigint(int_from_bytes(&bytes, big_endian(order)?, flag(signed)?));
    if cls == crate::types::registry::types().int.as_value() {
        return Ok(n);
    }
    crate::ops::call::call(cls, &[n], None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_like_cpython() {
        let b = |i: i64| BigInt::from(i);
        assert_eq!(int_to_bytes(&b(1024), 2, true, false).unwrap(), vec![4, 0]);
        assert_eq!(
            int_to_bytes(&b(1024), 4, false, false).unwrap(),
            vec![0, 4, 0, 0]
        );
        assert_eq!(
            int_to_bytes(&b(-2), 2, true, true).unwrap(),
            vec![0xff, 0xfe]
        );
        assert_eq!(
            int_to_bytes(&b(0), 0, true, false).unwrap(),
            Vec::<u8>::new()
        );
        assert!(int_to_bytes(&b(256), 1, true, false).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "int too big to convert"
        );
        assert!(int_to_bytes(&b(128), 1, true, true).is_err());
        assert!(int_to_bytes(&b(-1), 1, true, false).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "can't convert negative int to unsigned"
        );
        assert_eq!(int_from_bytes(&[0xff, 0xfe], true, true), b(-2));
        assert_eq!(int_from_bytes(&[0xff, 0xfe], true, false), b(65534));
        assert_eq!(int_from_bytes(&[0, 4], false, false), b(1024));
        assert_eq!(int_from_bytes(&[], true, true), b(0));
    }
}
