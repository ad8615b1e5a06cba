//! Per-thread runtime state and the executor-facing lifecycle: the
//! `builtins` and `sys` modules (mutable, so per thread: builtin *types*
//! are shared, see `types::registry`), global/builtin name lookup, and
//! start-up/exit (`runtime_init`, `runtime_exit`).

pub mod cmath;
pub mod frames;
pub mod gc_module;
pub mod global_cache;
pub mod import;
pub mod io;
pub mod math;
pub mod os;
pub mod oserror;
pub mod random;
pub mod recursion;
pub mod sha512;
pub mod sre;
pub mod stdin;
pub mod stdio;
pub mod sys;
pub mod time;

use std::cell::OnceCell;

use crate::error::{name_error, PyResult};
use crate::object::PyPayload;
use crate::types::dict::DictObject;
use crate::types::module::ModuleObject;
use crate::types::string::{as_str, intern};
use crate::Value;

struct ThreadState {
    builtins: Value,
    sys: Value,
}

thread_local! {
    static STATE: OnceCell<ThreadState> = const { OnceCell::new() };
}

fn state<R>(f: impl FnOnce(&ThreadState) -> R) -> R {
    STATE.with(|s| {
        let st = s.get_or_init(|| {
            let builtins = crate::builtins::make_builtins_module();
            let sys = sys::make_sys_module(builtins);
            ThreadState { builtins, sys }
        });
        f(st)
    })
}

/// The collector's roots here: the `builtins` and `sys` modules, once made.
pub fn trace_roots(visit: &mut dyn FnMut(Value)) {
    STATE.with(|s| {
        if let Some(st) = s.get() {
            visit(st.builtins);
            visit(st.sys);
        }
    });
}

/// The `builtins` module.
pub fn builtins_module() -> Value {
    state(|s| s.builtins)
}

/// The `builtins` module's dict.
pub fn builtins_dict() -> &'static DictObject {
    let m = builtins_module();
    match ModuleObject::cast(m) {
        Some(m) => m.dict(),
        None => crate::types::registry::bug("builtins is not a module"),
    }
}

/// The `sys` module.
pub fn sys_module() -> Value {
    state(|s| s.sys)
}

/// Starts the runtime for a program: `sys.argv`. Optional (everything is
/// created on first use) but sets what only the executor knows.
pub fn runtime_init(argv: &[String]) {
    crate::tune_allocator();
    sys::set_argv(argv);
}

/// Flushes stdout before the process exits.
pub fn runtime_exit() {
    io::raw::flush_all();
    stdio::flush_stdout();
}

/// A new module dict for a module named `name` (`__name__`,
/// `__builtins__`, `__doc__`), e.g. `__main__`'s globals.
pub fn new_module_globals(name: &str) -> Value {
    let d = DictObject::new_value();
    if let Some(o) = DictObject::cast(d) {
        o.set_str(intern("__name__"), crate::types::string::new_str(name));
        o.set_str(intern("__doc__"), Value::NONE);
        o.set_str(intern("__builtins__"), builtins_module());
    }
    d
}

/// `LOAD_GLOBAL`: `name` in `globals`, then in builtins; NameError.
pub fn load_global(globals: Value, name: Value) -> PyResult {
    if let Some(v) = DictObject::cast(globals).and_then(|g| g.get_str(name)) {
        return Ok(v);
    }
    load_builtin(name)
}

/// A builtin by name; NameError if there is none.
pub fn load_builtin(name: Value) -> PyResult {
    match builtins_dict().get_str(name) {
        Some(v) => Ok(v),
        None => Err(name_error(as_str(name).unwrap_or("?"))),
    }
}

/// `LOAD_NAME` (module level and class bodies): `locals`, `globals`,
/// builtins.
pub fn load_name(locals: Value, globals: Value, name: Value) -> PyResult {
    if locals != globals {
        if let Some(d) = DictObject::cast(locals) {
            if let Some(v) = d.get_item(name)? {
                return Ok(v);
            }
        } else if !locals.is_null() {
            match crate::ops::subscript::getitem(locals, name) {
                Ok(v) => return Ok(v),
                Err(e) => {
                    if !crate::error::clear_if(crate::types::registry::types().exc.KeyError) {
                        return Err(e);
                    }
                }
            }
        }
    }
    load_global(globals, name)
}

/// The module name used for classes created outside a class statement.
pub fn current_module_name() -> Value {
    intern("__main__")
}
