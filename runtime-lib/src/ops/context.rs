//! Context managers and `async for`: what `BEFORE_WITH`,
//! `WITH_EXCEPT_START`, `BEFORE_ASYNC_WITH`, `GET_AITER`, `GET_ANEXT` and
//! `END_ASYNC_FOR` do, with CPython 3.11's messages.

use crate::error::{type_error, PyResult};
use crate::object::type_of;
use crate::types::registry::types;
use crate::Value;

/// `BEFORE_WITH`: looks up `__enter__` and `__exit__` on the manager's
/// type, calls `__enter__()`; returns the bound `__exit__` and the result.
pub fn before_with(mgr: Value) -> PyResult<(Value, Value)> {
    enter_exit(mgr, "__enter__", "__exit__", "")
}

/// `BEFORE_ASYNC_WITH`: as [`before_with`] with `__aenter__` and
/// `__aexit__`; the result is the (not yet awaited) `__aenter__()`.
pub fn before_async_with(mgr: Value) -> PyResult<(Value, Value)> {
    enter_exit(mgr, "__aenter__", "__aexit__", "asynchronous ")
}

fn enter_exit(mgr: Value, enter: &str, exit: &str, kind: &str) -> PyResult<(Value, Value)> {
    let name = type_of(mgr).name();
    let Some(enter_m) = crate::ops::attr::lookup_special(mgr, enter)? else {
        return Err(type_error(format!(
            "'{name}' object does not support the {kind}context manager protocol"
        )));
    };
    let Some(exit_m) = crate::ops::attr::lookup_special(mgr, exit)? else {
        return Err(type_error(format!(
            "'{name}' object does not support the {kind}context manager protocol (missed {exit} method)"
        )));
    };
    let result = crate::ops::call::call(enter_m, &[], None)?;
    Ok((exit_m, result))
}

/// `WITH_EXCEPT_START`: `exit(type(exc), exc, exc.__traceback__)`.
pub fn with_except_start(exit: Value, exc: Value) -> PyResult {
    let tb = crate::ops::attr::getattr_opt(exc, crate::types::string::intern("__traceback__"))?
        .unwrap_or(Value::NONE);
    crate::ops::call::call(exit, &[type_of(exc).as_value(), exc, tb], None)
}

/// `GET_AITER`: `type(obj).__aiter__(obj)`, which must have `__anext__`.
pub fn get_aiter(obj: Value) -> PyResult {
    let Some(aiter) = crate::ops::attr::lookup_special(obj, "__aiter__")? else {
        return Err(type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            type_of(obj).name()
        )));
    };
    let it = crate::ops::call::call(aiter, &[], None)?;
    if type_of(it).lookup_str("__anext__").is_none() {
        return Err(type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            type_of(it).name()
        )));
    }
    Ok(it)
}

/// `GET_ANEXT`: the awaitable of `aiter.__anext__()`.
pub fn get_anext(aiter: Value) -> PyResult {
    let Some(anext) = crate::ops::attr::lookup_special(aiter, "__anext__")? else {
        return Err(type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            type_of(aiter).name()
        )));
    };
    let next = crate::ops::call::call(anext, &[], None)?;
    match crate::types::generator::get_awaitable(next, crate::types::generator::AwaitWhere::Await) {
        Ok(a) => Ok(a),
        Err(e) => {
            if crate::error::exception_matches(types().exc.TypeError) {
                crate::error::clear_exception();
                return Err(type_error(format!(
                    "'async for' received an invalid object from __anext__: {}",
                    type_of(next).name()
                )));
            }
            Err(e)
        }
    }
}

/// `END_ASYNC_FOR`: true if `exc` is the `StopAsyncIteration` that ends
/// the loop (else the executor re-raises it).
pub fn ends_async_for(exc: Value) -> bool {
    type_of(exc).is_subtype(types().exc.StopAsyncIteration)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exceptions::str_of_current;

    #[test]
    fn messages_like_cpython() {
        assert!(before_with(Value::small_int(1)).is_err());
        assert_eq!(
            str_of_current(),
            "'int' object does not support the context manager protocol"
        );
        assert!(before_async_with(Value::small_int(1)).is_err());
        assert_eq!(
            str_of_current(),
            "'int' object does not support the asynchronous context manager protocol"
        );
        assert!(get_aiter(Value::NONE).is_err());
        assert_eq!(
            str_of_current(),
            "'async for' requires an object with __aiter__ method, got NoneType"
        );
    }
}
