//! The `sys` module: `argv` (set by the executor), `exit`, `stdout`,
//! `stderr`, `maxsize`, the recursion limit, the int digit limit,
//! `exc_info`, `modules`, version information.

use crate::args;
use crate::error::{value_error, PyResult};
use crate::object::PyPayload;
use crate::typeobj::builder::builtin_function;
use crate::types::dict::DictObject;
use crate::types::int::{int_from_i64, to_i64, MAX_STR_DIGITS};
use crate::types::list::{new_list, ListObject};
use crate::types::module::{new_module, ModuleObject};
use crate::types::string::{intern, new_str};
use crate::types::tuple::new_tuple;
use crate::Value;

pub(crate) fn make_sys_module(builtins: Value) -> Value {
    let m = new_module("sys");
    let Some(d) = ModuleObject::cast(m).map(|m| m.dict()) else {
        return m;
    };
    let set = |k: &str, v: Value| d.set_str(intern(k), v);
    set("argv", new_list(vec![new_str("")]));
    set("stdin", super::stdin::new_stdin_reader());
    set(
        "__stdin__",
        d.get_str(intern("stdin")).unwrap_or(Value::NONE),
    );
    set("stdout", super::stdio::new_writer(1));
    set("stderr", super::stdio::new_writer(2));
    set(
        "__stdout__",
        d.get_str(intern("stdout")).unwrap_or(Value::NONE),
    );
    set(
        "__stderr__",
        d.get_str(intern("stderr")).unwrap_or(Value::NONE),
    );
    set("maxsize", int_from_i64(i64::MAX));
    set("byteorder", new_str("little"));
    set("platform", new_str("linux"));
    set("version", new_str("3.11.7 (krait)"));
    set("version_info", crate::types::structseq::version_info());
    set("path", new_list(Vec::new()));
    set("float_info", crate::types::structseq::float_info());
    let modules = DictObject::new_value();
    if let Some(md) = DictObject::cast(modules) {
        md.set_str(intern("sys"), m);
        md.set_str(intern("builtins"), builtins);
    }
    set("modules", modules);
    for (name, f) in FUNCTIONS {
        set(name, builtin_function(name, *f));
    }
    m
}

const FUNCTIONS: &[(&str, crate::types::builtin_func::BuiltinFn)] = &[
    ("exit", exit),
    ("getrecursionlimit", getrecursionlimit),
    ("setrecursionlimit", setrecursionlimit),
    ("get_int_max_str_digits", get_int_max_str_digits),
    ("set_int_max_str_digits", set_int_max_str_digits),
    ("exc_info", exc_info),
];

/// Sets `sys.argv`.
pub fn set_argv(argv: &[String]) {
    let list = new_list(argv.iter().map(|a| new_str(a)).collect());
    if let Some(m) = ModuleObject::cast(super::sys_module()) {
        m.dict().set_str(intern("argv"), list);
    }
}

/// `sys.argv` as a list object.
pub fn argv() -> Option<&'static ListObject> {
    let m = ModuleObject::cast(super::sys_module())?;
    ListObject::cast(m.dict().get_str(intern("argv"))?)
}

fn exit(a: &[Value], k: Option<Value>) -> PyResult {
    let [code] = args::between("exit", a, k, 0)?;
    let t = &crate::types::registry::types().exc;
    let args: &[Value] = if code.is_null() {
        &[]
    } else {
        std::slice::from_ref(&code)
    };
    Err(crate::error::raise(crate::exceptions::new_exception_args(
        t.SystemExit,
        args,
    )))
}

fn getrecursionlimit(a: &[Value], k: Option<Value>) -> PyResult {
    args::exact::<0>("getrecursionlimit", a, k)?;
    Ok(int_from_i64(super::recursion::limit() as i64))
}

fn setrecursionlimit(a: &[Value], k: Option<Value>) -> PyResult {
    let [n] = args::exact::<1>("setrecursionlimit", a, k)?;
    let n = to_i64(n)?;
    if n < 1 {
        return Err(value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    super::recursion::set_limit(n.min(u32::MAX as i64) as u32);
    Ok(Value::NONE)
}

fn get_int_max_str_digits(a: &[Value], k: Option<Value>) -> PyResult {
    args::exact::<0>("get_int_max_str_digits", a, k)?;
    Ok(int_from_i64(
        MAX_STR_DIGITS.load(std::sync::atomic::Ordering::Relaxed) as i64,
    ))
}

fn set_int_max_str_digits(a: &[Value], k: Option<Value>) -> PyResult {
    let [n] = args::parse("set_int_max_str_digits", a, k, ["maxdigits"], 1)?;
    let n = to_i64(n)?;
    if n != 0 && n < 640 {
        return Err(value_error("maxdigits must be 0 or larger than 640"));
    }
    MAX_STR_DIGITS.store(n as usize, std::sync::atomic::Ordering::Relaxed);
    Ok(Value::NONE)
}

fn exc_info(a: &[Value], k: Option<Value>) -> PyResult {
    args::exact::<0>("exc_info", a, k)?;
    let e = crate::error::handled_exception();
    if e.is_null() {
        return Ok(new_tuple(&[Value::NONE, Value::NONE, Value::NONE]));
    }
    let tb = crate::ops::attr::getattr_str(e, "__traceback__")?;
    Ok(new_tuple(&[crate::object::type_of(e).as_value(), e, tb]))
}
