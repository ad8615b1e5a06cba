//! Imports: `IMPORT_NAME`, `IMPORT_FROM` and `IMPORT_STAR`.
//!
//! A module comes from, in this order: `sys.modules`; the runtime's own
//! modules (`sys`, `builtins` and [`BUILTIN_MODULES`], written in Rust);
//! the program's modules — every `.py` module the compiler found for the
//! program's imports (the user's files and krait's modules written in
//! Python), whose code the executor registered with
//! [`register_program_modules`]. Anything else is `ModuleNotFoundError:
//! No module named 'x'`, raised when the import runs, as in CPython.
//!
//! A program module is entered in `sys.modules` before its code runs (so a
//! circular import sees the partially initialised module, as in CPython)
//! and removed again if its code raises. Importing `a.b` imports `a` first
//! and binds `b` as an attribute of `a`. Relative imports resolve against
//! the importing module's `__package__`.

use std::cell::RefCell;

use crate::error::{PyResult, Raised};
use crate::object::{type_of, PyPayload};
use crate::types::dict::DictObject;
use crate::types::list::new_list;
use crate::types::module::ModuleObject;
use crate::types::registry::types;
use crate::types::string::{as_str, intern, new_str};
use crate::Value;

/// A built-in module's constructor.
pub type ModuleInit = fn() -> Value;

/// Built-in modules besides `sys` and `builtins` (which always exist):
/// one line per module.
pub const BUILTIN_MODULES: &[(&str, ModuleInit)] = &[
    ("math", super::math::make_module),
    ("cmath", super::cmath::make_module),
    ("_sre", super::sre::make_module),
    ("_random", super::random::make_module),
    ("time", super::time::make_module),
    ("io", super::io::make_module),
    ("_io", super::io::make_private_module),
    ("_os", super::os::make_module),
    ("gc", super::gc_module::make_gc_module),
    ("weakref", super::gc_module::make_weakref_module),
];

/// Whether `name` is one of the runtime's own modules (which win over a
/// `.py` file of the same name, as CPython's built-in modules do).
pub fn is_builtin_module(name: &str) -> bool {
    matches!(name, "sys" | "builtins") || BUILTIN_MODULES.iter().any(|(n, _)| *n == name)
}

/// A module compiled into the program from a `.py` file.
pub struct ProgramModule {
    /// The full dotted name.
    pub name: String,
    /// `__file__`.
    pub filename: String,
    /// A package (`__init__.py`): it gets `__path__` and is its own
    /// `__package__`.
    pub is_package: bool,
    /// The module's code, as the executor's runtime `code` value (a root
    /// of the executor, which keeps its loaded code alive).
    pub code: Value,
}

/// Runs a module's code with `globals` as its namespace: each executor
/// registers its own.
pub type ModuleRunner = fn(code: Value, globals: Value) -> PyResult;

thread_local! {
    static PROGRAM: RefCell<Vec<ProgramModule>> = const { RefCell::new(Vec::new()) };
    static RUNNER: std::cell::Cell<Option<ModuleRunner>> = const { std::cell::Cell::new(None) };
    /// Modules whose code is running, innermost last (for the
    /// "partially initialized module" message of circular imports).
    static INITIALIZING: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Registers the program's modules and the executor's way of running
/// their code.
pub fn register_program_modules(modules: Vec<ProgramModule>, runner: ModuleRunner) {
    PROGRAM.with(|p| *p.borrow_mut() = modules);
    RUNNER.with(|r| r.set(Some(runner)));
}

fn sys_modules() -> Option<&'static DictObject> {
    let sys = ModuleObject::cast(super::sys_module())?;
    DictObject::cast(sys.dict().get_str(intern("modules"))?)
}

/// Enters the `__main__` module (over `globals`) in `sys.modules`.
pub fn register_main(globals: Value) {
    if let Some(d) = sys_modules() {
        let module = crate::types::module::new_module_with_dict(globals);
        d.set_str(intern("__main__"), module);
    }
}

fn import_error(msg: &str) -> Raised {
    let exc = crate::exceptions::new_exception(types().exc.ImportError, msg);
    crate::error::raise(exc)
}

fn module_not_found(name: &str, msg: &str) -> Raised {
    let exc = crate::exceptions::new_exception(types().exc.ModuleNotFoundError, msg);
    crate::exceptions::set_extra(exc, "name", new_str(name));
    crate::error::raise(exc)
}

/// The module named `name` (a full dotted name), importing it (and its
/// parent packages) if needed.
pub fn import_module(name: &str) -> PyResult {
    let key = intern(name);
    if let Some(m) = cached(name, key)? {
        return Ok(m);
    }
    let parent = match name.rsplit_once('.') {
        Some((parent_name, child)) => {
            let parent = import_module(parent_name)?;
            // The parent's own code may have imported this module.
            if let Some(m) = cached(name, key)? {
                return Ok(m);
            }
            Some((parent, parent_name, child))
        }
        None => None,
    };
    let module = match name {
        "sys" => super::sys_module(),
        "builtins" => super::builtins_module(),
        _ => match BUILTIN_MODULES.iter().find(|(n, _)| *n == name) {
            Some((_, init)) => {
                let m = init();
                if let Some(d) = sys_modules() {
                    d.set_str(key, m);
                }
                m
            }
            None => match run_program_module(name, key)? {
                Some(m) => m,
                None => {
                    let msg = match parent {
                        Some((p, parent_name, _)) if !is_package(p) => {
                            format!("No module named '{name}'; '{parent_name}' is not a package")
                        }
                        _ => format!("No module named '{name}'"),
                    };
                    return Err(module_not_found(name, &msg));
                }
            },
        },
    };
    if let Some(d) = sys_modules() {
        if d.get_str(key).is_none() {
            d.set_str(key, module);
        }
    }
    if let Some((parent, _, child)) = parent {
        crate::ops::attr::setattr(parent, intern(child), module)?;
    }
    Ok(module)
}

/// `sys.modules[name]`, if there; a None entry stops the import.
fn cached(name: &str, key: Value) -> PyResult<Option<Value>> {
    match sys_modules().and_then(|d| d.get_str(key)) {
        Some(m) if m.is_none() => Err(module_not_found(
            name,
            &format!("import of {name} halted; None in sys.modules"),
        )),
        other => Ok(other),
    }
}

fn is_package(module: Value) -> bool {
    ModuleObject::cast(module).is_some_and(|m| m.dict().get_str(intern("__path__")).is_some())
}

fn is_program_module(name: &str) -> bool {
    PROGRAM.with(|p| p.borrow().iter().any(|m| m.name == name))
}

/// Creates and runs the program module `name`, if there is one.
fn run_program_module(name: &str, key: Value) -> PyResult<Option<Value>> {
    let Some((code, filename, is_package)) = PROGRAM.with(|p| {
        p.borrow()
            .iter()
            .find(|m| m.name == name)
            .map(|m| (m.code, m.filename.clone(), m.is_package))
    }) else {
        return Ok(None);
    };
    let Some(runner) = RUNNER.with(|r| r.get()) else {
        return Ok(None);
    };
    let globals = super::new_module_globals(name);
    let package = if is_package {
        name
    } else {
        name.rsplit_once('.').map_or("", |(p, _)| p)
    };
    if let Some(d) = DictObject::cast(globals) {
        d.set_str(intern("__file__"), new_str(&filename));
        d.set_str(intern("__package__"), new_str(package));
        d.set_str(intern("__spec__"), Value::NONE);
        if is_package {
            let dir = filename.rsplit_once('/').map_or(".", |(d, _)| d);
            d.set_str(intern("__path__"), new_list(vec![new_str(dir)]));
        }
    }
    let module = crate::types::module::new_module_with_dict(globals);
    let modules = sys_modules();
    if let Some(d) = modules {
        d.set_str(key, module);
    }
    INITIALIZING.with(|i| i.borrow_mut().push(name.to_owned()));
    let result = runner(code, globals);
    INITIALIZING.with(|i| i.borrow_mut().pop());
    if let Err(e) = result {
        if let Some(d) = modules {
            d.del_str(key);
        }
        return Err(e);
    }
    // A module may replace itself in sys.modules.
    Ok(Some(modules.and_then(|d| d.get_str(key)).unwrap_or(module)))
}

/// The absolute name of a relative import (`level` leading dots) made
/// from a module whose globals are `globals`.
fn resolve_relative(name: &str, globals: Value, level: usize) -> PyResult<String> {
    let package = DictObject::cast(globals)
        .and_then(|g| g.get_str(intern("__package__")))
        .and_then(as_str)
        .unwrap_or("");
    if package.is_empty() {
        return Err(import_error(
            "attempted relative import with no known parent package",
        ));
    }
    let parts: Vec<&str> = package.split('.').collect();
    if level > parts.len() {
        return Err(import_error(
            "attempted relative import beyond top-level package",
        ));
    }
    let base = parts[..parts.len() + 1 - level].join(".");
    Ok(if name.is_empty() {
        base
    } else {
        format!("{base}.{name}")
    })
}

/// `IMPORT_NAME`: `import a.b.c` (returns `a`, having imported each
/// prefix) or `from a.b import x` (returns `a.b`, when `fromlist` is not
/// empty, having imported the submodules `a.b.x` the fromlist names).
/// `globals` are the importing module's, for relative imports.
pub fn import_name(globals: Value, name: Value, fromlist: Value, level: Value) -> PyResult {
    let level = level.as_small_int().unwrap_or(0);
    let Some(given) = as_str(name) else {
        return Err(crate::error::type_error("module name must be a string"));
    };
    let full = if level > 0 {
        resolve_relative(given, globals, level as usize)?
    } else if given.is_empty() {
        return Err(crate::error::value_error("Empty module name"));
    } else {
        given.to_owned()
    };
    let module = import_module(&full)?;
    let from_names = if fromlist.is_none() || fromlist.is_null() {
        &[][..]
    } else {
        crate::types::tuple::tuple_items(fromlist).unwrap_or(&[])
    };
    if from_names.is_empty() {
        let top = full.split('.').next().unwrap_or(&full);
        return import_module(top);
    }
    if is_package(module) {
        for &item in from_names {
            let Some(item) = as_str(item) else { continue };
            if item == "*" || crate::ops::attr::getattr_opt(module, intern(item))?.is_some() {
                continue;
            }
            let sub = format!("{full}.{item}");
            if is_program_module(&sub) {
                import_module(&sub)?;
            }
        }
    }
    Ok(module)
}

/// `IMPORT_FROM`: `from m import name` (an attribute, or the submodule
/// `m.name` another import already made).
pub fn import_from(module: Value, name: Value) -> PyResult {
    if let Some(v) = crate::ops::attr::getattr_opt(module, name)? {
        return Ok(v);
    }
    let n = as_str(name).unwrap_or("?");
    let m = ModuleObject::cast(module);
    let module_name = m.map(|m| m.name().to_owned());
    if let (Some(module_name), Some(modules)) = (&module_name, sys_modules()) {
        if let Some(sub) = modules.get_str(intern(&format!("{module_name}.{n}"))) {
            return Ok(sub);
        }
    }
    let module_name = module_name.unwrap_or_else(|| "<unknown module name>".to_owned());
    let location = m
        .and_then(|m| m.dict().get_str(intern("__file__")))
        .and_then(as_str)
        .unwrap_or("unknown location");
    let initializing = INITIALIZING.with(|i| i.borrow().contains(&module_name));
    let msg = if initializing {
        format!(
            "cannot import name '{n}' from partially initialized module '{module_name}' \
             (most likely due to a circular import) ({location})"
        )
    } else {
        format!("cannot import name '{n}' from '{module_name}' ({location})")
    };
    let exc = crate::exceptions::new_exception(types().exc.ImportError, &msg);
    crate::exceptions::set_extra(exc, "name", new_str(&module_name));
    Err(crate::error::raise(exc))
}

/// `IMPORT_STAR`: copies the module's public names (`__all__`, or every
/// name not starting with `_`) into `locals` (a dict).
pub fn import_star(module: Value, locals: Value) -> PyResult<()> {
    let names = match crate::ops::attr::getattr_opt(module, intern("__all__"))? {
        Some(all) => crate::ops::iter::collect(all)?,
        None => {
            let Some(m) = ModuleObject::cast(module) else {
                return Err(crate::error::type_error(format!(
                    "cannot import * from a '{}' object",
                    type_of(module).name()
                )));
            };
            m.dict()
                .keys()
                .into_iter()
                .filter(|&k| as_str(k).is_some_and(|s| !s.starts_with('_')))
                .collect()
        }
    };
    for &name in names.iter() {
        let v = crate::ops::attr::getattr(module, name)?;
        crate::ops::subscript::setitem(locals, name, v)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exceptions::str_of_current;

    #[test]
    fn builtin_modules_and_errors() {
        let sys = import_name(
            Value::NONE,
            new_str("sys"),
            Value::NONE,
            Value::small_int(0),
        )
        .unwrap();
        assert_eq!(sys, super::super::sys_module());
        assert!(import_name(
            Value::NONE,
            new_str("nosuch"),
            Value::NONE,
            Value::small_int(0)
        )
        .is_err());
        assert_eq!(str_of_current(), "No module named 'nosuch'");
        let argv = import_from(sys, intern("argv")).unwrap();
        assert!(crate::types::list::ListObject::cast(argv).is_some());
        assert!(import_from(sys, intern("nope")).is_err());
        assert_eq!(
            str_of_current(),
            "cannot import name 'nope' from 'sys' (unknown location)"
        );
    }
}
