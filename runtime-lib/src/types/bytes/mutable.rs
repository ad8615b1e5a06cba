//! What only `bytearray` has: item and slice assignment (and deletion),
//! `+=`/`*=` in place, and the mutating methods append, extend, pop,
//! insert, remove, clear, reverse and copy (after the shared ones).

use crate::args;
use crate::error::{index_error, type_error, value_error, PyResult};
use crate::object::{type_of, PyPayload};
use crate::ops::BinOp;
use crate::types::builtin_func::MethodDef;
use crate::types::int::{index_value, repeat_count};
use crate::types::sequence::normalize_index;
use crate::types::slice::SliceObject;
use crate::Value;

use super::methods::shared_methods;
use super::{byte_value, bytes_data, new_bytearray, BytesObject};

pub const METHODS: &[MethodDef] = shared_methods!(
    MethodDef::new("append", append),
    MethodDef::new("extend", extend),
    MethodDef::new("pop", pop),
    MethodDef::new("insert", insert),
    MethodDef::new("remove", remove),
    MethodDef::new("clear", clear),
    MethodDef::new("reverse", reverse),
    MethodDef::new("copy", copy),
);

fn this(v: Value) -> PyResult<&'static BytesObject> {
    BytesObject::cast(v)
        .ok_or_else(|| crate::error::internal_error("bytearray method on a non-bytearray"))
}

/// The bytes of an assigned value: bytes-like or an iterable of ints.
fn bytes_of(value: Value) -> PyResult<Vec<u8>> {
    if let Some(d) = bytes_data(value) {
        return Ok(d);
    }
    if crate::types::int::int_of(value).is_some() {
        return Err(type_error(
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
        ));
    }
    let items = crate::ops::iter::collect(value)?;
    items.iter().map(|&x| byte_value(x, "byte")).collect()
}

pub fn bytearray_setitem(v: Value, key: Value, value: Value) -> PyResult<()> {
    let b = this(v)?;
    // `b[i] = x` with small ints in range: no conversions to run.
    if let (Some(i), Some(x)) = (key.as_small_int(), value.as_small_int()) {
        let mut d = b.data.borrow_mut();
        let len = d.len() as i64;
        let j = if i < 0 { i + len } else { i };
        if let (true, Ok(x)) = ((0..len).contains(&j), u8::try_from(x)) {
            d[j as usize] = x;
            return Ok(());
        }
    }
    if let Some(sl) = SliceObject::cast(key) {
        let new = if value.is_null() {
            Vec::new()
        } else {
            bytes_of(value)?
        };
        let ix = sl.indices(b.len())?;
        let mut d = b.data.borrow_mut();
        if ix.step == 1 {
            let start = ix.start as usize;
            d.splice(start..start + ix.len, new);
            return Ok(());
        }
        let picked: Vec<usize> = ix.iter().collect();
        if value.is_null() {
            let mut keep = vec![true; d.len()];
            picked.iter().for_each(|&i| keep[i] = false);
            let mut k = keep.iter();
            d.retain(|_| *k.next().unwrap_or(&true));
            return Ok(());
        }
        if new.len() != picked.len() {
            return Err(value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                new.len(),
                picked.len()
            )));
        }
        for (i, x) in picked.into_iter().zip(new) {
            d[i] = x;
        }
        return Ok(());
    }
    let Some(i) = crate::types::sequence::sequence_index(key)? else {
        return Err(type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            type_of(key).name()
        )));
    };
    let Some(i) = normalize_index(i, b.len()) else {
        return Err(index_error("bytearray index out of range"));
    };
    if value.is_null() {
        b.data.borrow_mut().remove(i);
    } else {
        let x = byte_value(value, "byte")?;
        // `__index__` of `value` ran Python code, which may have shrunk
        // the buffer (CPython writes anyway; nothing is written here).
        if let Some(slot) = b.data.borrow_mut().get_mut(i) {
            *slot = x;
        }
    }
    Ok(())
}

pub fn bytearray_inplace(op: BinOp, a: Value, b: Value) -> PyResult {
    let me = this(a)?;
    match op {
        BinOp::Add => {
            let Some(d) = bytes_data(b) else {
                return Err(type_error(format!(
                    "can't concat {} to bytearray",
                    type_of(b).name()
                )));
            };
            me.data.borrow_mut().extend_from_slice(&d);
            Ok(a)
        }
        BinOp::Mul => {
            let Some(n) = repeat_count(b)? else {
                return Ok(Value::NOT_IMPLEMENTED);
            };
            let d = me.to_vec().repeat(n);
            *me.data.borrow_mut() = d;
            Ok(a)
        }
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn append(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [x]) = args::method::<1>("bytearray.append", a, k, 1)?;
    let x = byte_value(x, "byte")?;
    this(s)?.data.borrow_mut().push(x);
    Ok(Value::NONE)
}

fn extend(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [x]) = args::method::<1>("bytearray.extend", a, k, 1)?;
    let d = bytes_of(x).map_err(|e| {
        if crate::error::clear_if(crate::types::registry::types().exc.TypeError) {
            type_error(format!("can't extend bytearray with {}", type_of(x).name()))
        } else {
            e
        }
    })?;
    this(s)?.data.borrow_mut().extend_from_slice(&d);
    Ok(Value::NONE)
}

fn pop(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [i]) = args::method::<1>("pop", a, k, 0)?;
    let b = this(s)?;
    if b.is_empty() {
        return Err(index_error("pop from empty bytearray"));
    }
    let i = if i.is_null() {
        -1
    } else {
        index_value(i)?.unwrap_or(-1)
    };
    let Some(i) = normalize_index(i, b.len()) else {
        return Err(index_error("pop index out of range"));
    };
    Ok(Value::small_int(b.data.borrow_mut().remove(i) as i64))
}

fn insert(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [i, x]) = args::method::<2>("insert", a, k, 2)?;
    let b = this(s)?;
    let n = b.len() as i64;
    let i = crate::types::int::to_i64(i)?;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    let x = byte_value(x, "byte")?;
    b.data.borrow_mut().insert(i as usize, x);
    Ok(Value::NONE)
}

fn remove(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [x]) = args::method::<1>("bytearray.remove", a, k, 1)?;
    let x = byte_value(x, "byte")?;
    let b = this(s)?;
    let pos = b.data.borrow().iter().position(|&c| c == x);
    match pos {
        Some(i) => {
            b.data.borrow_mut().remove(i);
            Ok(Value::NONE)
        }
        None => Err(value_error("value not found in bytearray")),
    }
}

fn clear(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("bytearray.clear", a, k, 0)?;
    this(s)?.data.borrow_mut().clear();
    Ok(Value::NONE)
}

fn reverse(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("bytearray.reverse", a, k, 0)?;
    this(s)?.data.borrow_mut().reverse();
    Ok(Value::NONE)
}

fn copy(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("bytearray.copy", a, k, 0)?;
    Ok(new_bytearray(this(s)?.to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::bytes::new_bytes;

    fn r(v: Value) -> String {
        crate::types::string::as_str(crate::ops::object::repr(v).unwrap())
            .unwrap()
            .to_owned()
    }

    #[test]
    fn mutation() {
        let b = new_bytearray(b"abc".to_vec());
        append(&[b, Value::small_int(100)], None).unwrap();
        assert_eq!(r(b), "bytearray(b'abcd')");
        assert_eq!(pop(&[b], None).unwrap(), Value::small_int(100));
        bytearray_setitem(b, Value::small_int(0), Value::small_int(65)).unwrap();
        assert!(bytearray_setitem(b, Value::small_int(0), Value::small_int(256)).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "byte must be in range(0, 256)"
        );
        bytearray_inplace(BinOp::Add, b, new_bytes(b"!".to_vec())).unwrap();
        assert_eq!(r(b), "bytearray(b'Abc!')");
        let sl =
            crate::types::slice::new_slice(Value::small_int(1), Value::small_int(3), Value::NONE);
        bytearray_setitem(b, sl, new_bytes(b"XYZ".to_vec())).unwrap();
        assert_eq!(r(b), "bytearray(b'AXYZ!')");
        extend(&[b, new_bytes(b"..".to_vec())], None).unwrap();
        assert_eq!(r(b), "bytearray(b'AXYZ!..')");
        assert!(pop(&[new_bytearray(Vec::new())], None).is_err());
        assert_eq!(
            crate::exceptions::str_of_current(),
            "pop from empty bytearray"
        );
    }
}
