//! `module`: a namespace backed by a dict (the module's globals). Attribute
//! reads fall back to a module-level `__getattr__` as in CPython.

use std::any::TypeId;

use crate::error::PyResult;
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::downcast;
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{SlotDefs, TypeObject};
use crate::types::builtin_func::{GetSetDef, MethodDef};
use crate::types::dict::DictObject;
use crate::types::registry::types;
use crate::types::string::{as_str, intern, new_str, new_string};
use crate::Value;

#[repr(C)]
pub struct ModuleObject {
    pub header: Header,
    pub dict: Value,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for ModuleObject {}

impl ModuleObject {
    pub fn cast(v: Value) -> Option<&'static ModuleObject> {
        downcast::<ModuleObject>(v)
    }

    pub fn dict(&self) -> &'static DictObject {
        match DictObject::cast_dict(self.dict) {
            Some(d) => d,
            None => crate::types::registry::bug("module without a dict"),
        }
    }

    pub fn name(&self) -> &'static str {
        self.dict()
            .get_str(intern("__name__"))
            .and_then(as_str)
            .unwrap_or("?")
    }
}

impl DictObject {
    /// `v` as a dict (through subclasses).
    pub fn cast_dict(v: Value) -> Option<&'static DictObject> {
        <DictObject as crate::object::PyPayload>::cast(v)
    }
}

/// A new module named `name` with a fresh dict (`__name__`, `__doc__`).
pub fn new_module(name: &str) -> Value {
    let dict = DictObject::new_value();
    if let Some(d) = DictObject::cast_dict(dict) {
        d.set_str(intern("__name__"), new_str(name));
        d.set_str(intern("__doc__"), Value::NONE);
    }
    new_module_with_dict(dict)
}

/// A module object over an existing globals dict.
pub fn new_module_with_dict(dict: Value) -> Value {
    alloc_value(ModuleObject {
        header: Header::new(types().module),
        dict,
    })
}

fn module_getattro(v: Value, name: Value) -> PyResult<Option<Value>> {
    if let Some(x) = crate::ops::attr::generic_getattr(v, name)? {
        return Ok(Some(x));
    }
    let Some(m) = ModuleObject::cast(v) else {
        return Ok(None);
    };
    if let Some(x) = m.dict().get_str(name) {
        return Ok(Some(x));
    }
    if let Some(hook) = m.dict().get_str(intern("__getattr__")) {
        return crate::ops::call::call(hook, &[name], None).map(Some);
    }
    Ok(None)
}

fn module_setattro(v: Value, name: Value, value: Value) -> PyResult<()> {
    let Some(m) = ModuleObject::cast(v) else {
        return Ok(());
    };
    if value.is_null() {
        if !m.dict().del_str(name) {
            return Err(crate::error::attribute_error_no_attr(
                v,
                as_str(name).unwrap_or(""),
            ));
        }
        return Ok(());
    }
    m.dict().set_str(name, value);
    Ok(())
}

fn module_repr(v: Value) -> PyResult {
    let name = ModuleObject::cast(v).map_or("?", |m| m.name());
    Ok(new_string(format!("<module '{name}'>")))
}

fn get_dict(v: Value) -> PyResult {
    Ok(ModuleObject::cast(v).map_or(Value::NONE, |m| m.dict))
}

fn module_new(_: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let [name, doc] = crate::args::parse("module", a, k, ["name", "doc"], 1)?;
    let text = crate::types::string::expect_str(name, "module.__init__() argument 'name'")?;
    let m = new_module(text);
    if !doc.is_null() {
        module_setattro(m, intern("__doc__"), doc)?;
    }
    Ok(m)
}

/// `module.__dir__()`: the names in the module's dict (or what a
/// module-level `__dir__` function returns).
fn module_dir(a: &[Value], k: Option<Value>) -> PyResult {
    let (m, []) = crate::args::method::<0>("module.__dir__", a, k, 0)?;
    let Some(module) = ModuleObject::cast(m) else {
        return Err(crate::error::type_error("module.__dir__ needs a module"));
    };
    if let Some(hook) = module.dict().get_str(intern("__dir__")) {
        return crate::ops::call::call(hook, &[], None);
    }
    let keys = module.dict().keys();
    Ok(crate::types::list::new_list(keys))
}

fn trace(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(m) = ModuleObject::cast(v) {
        visit(m.dict);
    }
}

pub fn spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            getattro: Some(module_getattro),
            setattro: Some(module_setattro),
            repr: Some(module_repr),
            new: Some(module_new),
            ..SlotDefs::default()
        },
        methods: const { &[MethodDef::new("__dir__", module_dir)] },
        getsets: const { &[GetSetDef::readonly("__dict__", get_dict)] },
        trace,
        ..TypeSpec::new("module", TypeId::of::<ModuleObject>())
    }
}
