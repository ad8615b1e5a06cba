//! Imports of built-in modules: `IMPORT_NAME`, `IMPORT_FROM` and
//! `IMPORT_STAR` for the modules the runtime provides (`sys`, `builtins`,
//! and those listed in [`BUILTIN_MODULES`]). A module is created on first
//! import and cached in `sys.modules`, which is consulted first, as in
//! CPython. Anything else is `ModuleNotFoundError: No module named 'x'`.
//! (Modules compiled from `.py` files next to the program are a later
//! issue; they will register here.)

use crate::error::PyResult;
use crate::object::{type_of, PyPayload};
use crate::types::dict::DictObject;
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
    ("gc", super::gc_module::make_gc_module),
    ("weakref", super::gc_module::make_weakref_module),
];

fn sys_modules() -> Option<&'static DictObject> {
    let sys = ModuleObject::cast(super::sys_module())?;
    DictObject::cast(sys.dict().get_str(intern("modules"))?)
}

fn module_not_found(name: &str) -> crate::error::Raised {
    let exc = crate::exceptions::new_exception(
        types().exc.ModuleNotFoundError,
        &format!("No module named '{name}'"),
    );
    crate::exceptions::set_extra(exc, "name", new_str(name));
    crate::error::raise(exc)
}

/// The module named `name` (a full dotted name), importing it if needed.
pub fn import_module(name: &str) -> PyResult {
    let key = intern(name);
    if let Some(m) = sys_modules().and_then(|d| d.get_str(key)) {
        if !m.is_none() {
            return Ok(m);
        }
    }
    let module = match name {
        "sys" => super::sys_module(),
        "builtins" => super::builtins_module(),
        _ => match BUILTIN_MODULES.iter().find(|(n, _)| *n == name) {
            Some((_, init)) => init(),
            None => return Err(module_not_found(name)),
        },
    };
    if let Some(d) = sys_modules() {
        d.set_str(key, module);
    }
    Ok(module)
}

/// `IMPORT_NAME`: `import a.b.c` (returns `a`, having imported each
/// prefix) or `from a.b import x` (returns `a.b`, when `fromlist` is not
/// None). Relative imports (`level > 0`) have no package to be relative to.
pub fn import_name(name: Value, fromlist: Value, level: Value) -> PyResult {
    let level = level.as_small_int().unwrap_or(0);
    let Some(full) = as_str(name) else {
        return Err(crate::error::type_error("module name must be a string"));
    };
    if level > 0 {
        let exc = crate::exceptions::new_exception(
            types().exc.ImportError,
            "attempted relative import with no known parent package",
        );
        return Err(crate::error::raise(exc));
    }
    if full.is_empty() {
        return Err(crate::error::value_error("Empty module name"));
    }
    let mut prefix = String::new();
    let mut top = Value::NONE;
    let mut last = Value::NONE;
    for (i, part) in full.split('.').enumerate() {
        if i > 0 {
            prefix.push('.');
        }
        prefix.push_str(part);
        last = import_module(&prefix)?;
        if i == 0 {
            top = last;
        }
    }
    let from_given = !fromlist.is_none()
        && !fromlist.is_null()
        && crate::types::tuple::tuple_items(fromlist).is_none_or(|t| !t.is_empty());
    Ok(if from_given { last } else { top })
}

/// `IMPORT_FROM`: `from m import name`.
pub fn import_from(module: Value, name: Value) -> PyResult {
    if let Some(v) = crate::ops::attr::getattr_opt(module, name)? {
        return Ok(v);
    }
    let module_name = ModuleObject::cast(module)
        .map(|m| m.name().to_owned())
        .unwrap_or_else(|| "<unknown module name>".to_owned());
    let n = as_str(name).unwrap_or("?");
    let exc = crate::exceptions::new_exception(
        types().exc.ImportError,
        &format!("cannot import name '{n}' from '{module_name}' (unknown location)"),
    );
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
        let sys = import_name(new_str("sys"), Value::NONE, Value::small_int(0)).unwrap();
        assert_eq!(sys, super::super::sys_module());
        assert!(import_name(new_str("nosuch"), Value::NONE, Value::small_int(0)).is_err());
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
