//! Turning an OS error into the Python exception CPython raises for it:
//! `OSError(errno, strerror(errno), filename[, None, filename2])`, which
//! picks the subclass for the errno (FileNotFoundError, PermissionError…)
//! and prints as `[Errno 2] No such file or directory: 'x'`.

use crate::error::{raise, raise_new, Raised};
use crate::types::int::int_from_i64;
use crate::types::registry::types;
use crate::types::string::new_string;
use crate::Value;

/// The C library's message for `errno` ("No such file or directory").
pub fn strerror(errno: i32) -> String {
    // SAFETY: strerror returns a NUL-terminated string valid until the
    // next call on this thread; it is copied at once.
    let p = unsafe { libc::strerror(errno) };
    if p.is_null() {
        return format!("Unknown error {errno}");
    }
    // SAFETY: non-null, NUL-terminated.
    unsafe { std::ffi::CStr::from_ptr(p) }
        .to_string_lossy()
        .into_owned()
}

/// Raises the OSError for `errno` with optional file names.
pub fn raise_errno(errno: i32, filename: Option<Value>, filename2: Option<Value>) -> Raised {
    let mut args = vec![int_from_i64(errno as i64), new_string(strerror(errno))];
    if let Some(f) = filename {
        args.push(f);
        if let Some(f2) = filename2 {
            args.push(Value::NONE);
            args.push(f2);
        }
    }
    match crate::ops::call::call(types().exc.OSError.as_value(), &args, None) {
        Ok(exc) => raise(exc),
        Err(e) => e,
    }
}

/// Raises the OSError for a failed `std::io` operation on `filename`.
pub fn raise_io(err: &std::io::Error, filename: Option<Value>) -> Raised {
    raise_io2(err, filename, None)
}

/// Like [`raise_io`], for operations on two paths (`rename`).
pub fn raise_io2(
    err: &std::io::Error,
    filename: Option<Value>,
    filename2: Option<Value>,
) -> Raised {
    match err.raw_os_error() {
        Some(errno) => raise_errno(errno, filename, filename2),
        None => raise_new(types().exc.OSError, &err.to_string()),
    }
}
