//! Exception types with behaviour of their own: `StopIteration.value`,
//! `SystemExit.code`, `KeyError.__str__`, `OSError` (errno/strerror/
//! filename, and `OSError(errno, …)` picking the subclass for the errno),
//! `NameError.name`, `AttributeError.name/obj`, `ImportError.name/path/msg`,
//! `SyntaxError`'s fields, and `BaseExceptionGroup`.

use crate::args;
use crate::error::{type_error, value_error, PyResult};
use crate::exceptions::{
    alloc_exception, args_of, as_exception, base_init, base_new, get_extra, set_extra,
};
use crate::object::type_of;
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::TypeObject;
use crate::types::int::int_of;
use crate::types::registry::types;
use crate::types::string::{as_str, new_str, new_string};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::Value;

/// Gives the type named `name` its own slots, if it has any.
pub fn apply(name: &str, s: &mut TypeSpec) {
    match name {
        "StopIteration" => s.slots.init = Some(stop_iteration_init),
        "SystemExit" => s.slots.init = Some(system_exit_init),
        "KeyError" => s.slots.str = Some(key_error_str),
        "OSError" => {
            s.slots.new = Some(os_error_new);
            s.slots.init = Some(os_error_init);
            s.slots.str = Some(os_error_str);
        }
        "NameError" => s.slots.init = Some(name_error_init),
        "AttributeError" => s.slots.init = Some(attribute_error_init),
        "ImportError" => {
            s.slots.init = Some(import_error_init);
            s.slots.str = Some(import_error_str);
        }
        "SyntaxError" => {
            s.slots.init = Some(syntax_error_init);
            s.slots.str = Some(syntax_error_str);
        }
        "BaseExceptionGroup" => {
            s.slots.new = Some(group_new);
            s.slots.init = Some(group_init);
            s.slots.str = Some(group_str);
            s.methods = crate::exceptions::group::METHODS;
        }
        _ => {}
    }
}

fn stop_iteration_init(v: Value, a: &[Value], k: Option<Value>) -> PyResult<()> {
    base_init(v, a, k)?;
    set_extra(
        v,
        "value",
        args_of(v).first().copied().unwrap_or(Value::NONE),
    );
    Ok(())
}

fn system_exit_init(v: Value, a: &[Value], k: Option<Value>) -> PyResult<()> {
    base_init(v, a, k)?;
    let code = match args_of(v) {
        [] => Value::NONE,
        [c] => *c,
        _ => as_exception(v).map_or(Value::NONE, |e| e.args.get()),
    };
    set_extra(v, "code", code);
    Ok(())
}

fn key_error_str(v: Value) -> PyResult {
    match args_of(v) {
        [k] => crate::ops::object::repr(*k),
        _ => super::base_str(v),
    }
}

/// The OSError subclass CPython picks for an errno.
fn errno_subclass(errno: i64) -> Option<&'static TypeObject> {
    let t = &types().exc;
    Some(match errno {
        2 => t.FileNotFoundError,
        17 => t.FileExistsError,
        1 | 13 => t.PermissionError,
        21 => t.IsADirectoryError,
        20 => t.NotADirectoryError,
        4 => t.InterruptedError,
        10 => t.ChildProcessError,
        3 => t.ProcessLookupError,
        110 => t.TimeoutError,
        11 | 114 | 115 => t.BlockingIOError,
        32 | 108 => t.BrokenPipeError,
        103 => t.ConnectionAbortedError,
        111 => t.ConnectionRefusedError,
        104 => t.ConnectionResetError,
        _ => return None,
    })
}

fn os_error_new(cls: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let (pos, _) = args::split(a, k);
    let mut cls = cls;
    if std::ptr::eq(cls, types().exc.OSError) && (2..=5).contains(&pos.len()) {
        if let Some(crate::types::int::Int::Small(e)) = int_of(pos[0]) {
            cls = errno_subclass(e).unwrap_or(cls);
        }
    }
    base_new(cls, a, k)
}

fn os_error_init(v: Value, a: &[Value], k: Option<Value>) -> PyResult<()> {
    base_init(v, a, k)?;
    let a = args_of(v).to_vec();
    let none = Value::NONE;
    let (errno, strerror, filename) = if (2..=5).contains(&a.len()) {
        (a[0], a[1], a.get(2).copied().unwrap_or(none))
    } else {
        (none, none, none)
    };
    set_extra(v, "errno", errno);
    set_extra(v, "strerror", strerror);
    set_extra(v, "filename", filename);
    set_extra(v, "filename2", a.get(4).copied().unwrap_or(none));
    if (3..=5).contains(&a.len()) {
        if let Some(e) = as_exception(v) {
            e.args.set(new_tuple(&a[..2]));
        }
    }
    Ok(())
}

fn os_error_str(v: Value) -> PyResult {
    let get = |n| get_extra(v, n).unwrap_or(Value::NONE);
    let (errno, strerror, filename) = (get("errno"), get("strerror"), get("filename"));
    let s = crate::ops::object::str_string;
    let filename2 = get("filename2");
    if !filename.is_none() && !filename2.is_none() {
        let f = crate::ops::object::repr_string(filename)?;
        let f2 = crate::ops::object::repr_string(filename2)?;
        return Ok(new_string(format!(
            "[Errno {}] {}: {f} -> {f2}",
            s(errno)?,
            s(strerror)?
        )));
    }
    if !filename.is_none() {
        let f = crate::ops::object::repr_string(filename)?;
        return Ok(new_string(format!(
            "[Errno {}] {}: {f}",
            s(errno)?,
            s(strerror)?
        )));
    }
    if !errno.is_none() && !strerror.is_none() {
        return Ok(new_string(format!(
            "[Errno {}] {}",
            s(errno)?,
            s(strerror)?
        )));
    }
    super::base_str(v)
}

/// `__init__` that also accepts the keyword attributes `names`.
fn init_with_keywords(v: Value, a: &[Value], k: Option<Value>, names: &[&str]) -> PyResult<()> {
    let (pos, kwvals) = args::split(a, k);
    for n in names {
        set_extra(v, n, Value::NONE);
    }
    for (&key, &val) in args::kwnames_slice(k).iter().zip(kwvals) {
        let key = as_str(key).unwrap_or("");
        if !names.contains(&key) {
            return Err(type_error(format!(
                "{}() got an unexpected keyword argument '{key}'",
                type_of(v).name()
            )));
        }
        set_extra(v, key, val);
    }
    if let Some(e) = as_exception(v) {
        e.args.set(new_tuple(pos));
    }
    Ok(())
}

fn name_error_init(v: Value, a: &[Value], k: Option<Value>) -> PyResult<()> {
    init_with_keywords(v, a, k, &["name"])
}

fn attribute_error_init(v: Value, a: &[Value], k: Option<Value>) -> PyResult<()> {
    init_with_keywords(v, a, k, &["name", "obj"])
}

fn import_error_init(v: Value, a: &[Value], k: Option<Value>) -> PyResult<()> {
    init_with_keywords(v, a, k, &["name", "path"])?;
    let msg = match args_of(v) {
        [m] => *m,
        _ => Value::NONE,
    };
    set_extra(v, "msg", msg);
    Ok(())
}

fn import_error_str(v: Value) -> PyResult {
    match get_extra(v, "msg") {
        Some(m) if !m.is_none() => crate::ops::object::str(m),
        _ => super::base_str(v),
    }
}

fn syntax_error_init(v: Value, a: &[Value], k: Option<Value>) -> PyResult<()> {
    base_init(v, a, k)?;
    let a = args_of(v).to_vec();
    let names = [
        "filename",
        "lineno",
        "offset",
        "text",
        "end_lineno",
        "end_offset",
    ];
    set_extra(v, "msg", a.first().copied().unwrap_or(Value::NONE));
    let info = a.get(1).and_then(|&i| tuple_items(i)).unwrap_or(&[]);
    for (i, n) in names.iter().enumerate() {
        set_extra(v, n, info.get(i).copied().unwrap_or(Value::NONE));
    }
    set_extra(v, "print_file_and_line", Value::NONE);
    Ok(())
}

fn syntax_error_str(v: Value) -> PyResult {
    let msg = get_extra(v, "msg").unwrap_or(Value::NONE);
    let msg_s = if msg.is_none() {
        String::new()
    } else {
        crate::ops::object::str_string(msg)?
    };
    let filename = get_extra(v, "filename").and_then(as_str);
    let lineno = get_extra(v, "lineno").and_then(|l| l.as_small_int());
    let file = filename.map(|f| f.rsplit('/').next().unwrap_or(f).to_owned());
    Ok(new_string(match (file, lineno) {
        (Some(f), Some(l)) => format!("{msg_s} ({f}, line {l})"),
        (Some(f), None) => format!("{msg_s} ({f})"),
        (None, Some(l)) => format!("{msg_s} (line {l})"),
        (None, None) => msg_s,
    }))
}

fn group_new(cls: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let [message, excs] = args::exact::<2>(cls.name(), a, k)?;
    if as_str(message).is_none() {
        return Err(type_error(
            "argument 1 must be str, not ".to_owned() + type_of(message).name(),
        ));
    }
    let items = crate::ops::iter::collect(excs)?;
    if items.is_empty() {
        return Err(value_error(
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    let t = &types().exc;
    let mut all_exceptions = true;
    for (i, &e) in items.iter().enumerate() {
        if as_exception(e).is_none() {
            return Err(value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        all_exceptions &= type_of(e).is_subtype(t.Exception);
    }
    let mut cls = cls;
    if std::ptr::eq(cls, t.BaseExceptionGroup) && all_exceptions {
        cls = t.ExceptionGroup;
    } else if cls.is_subtype(t.Exception) && !all_exceptions {
        return Err(type_error(
            "Cannot nest BaseExceptions in an ExceptionGroup",
        ));
    }
    let v = alloc_exception(cls, new_tuple(&[message, excs]));
    set_extra(v, "message", message);
    set_extra(v, "exceptions", new_tuple(&items));
    Ok(v)
}

fn group_init(_v: Value, _a: &[Value], _k: Option<Value>) -> PyResult<()> {
    Ok(())
}

fn group_str(v: Value) -> PyResult {
    let msg = get_extra(v, "message").and_then(as_str).unwrap_or("");
    let n = get_extra(v, "exceptions")
        .and_then(tuple_items)
        .map_or(0, |t| t.len());
    Ok(new_str(&format!(
        "{msg} ({n} sub-exception{})",
        if n == 1 { "" } else { "s" }
    )))
}
