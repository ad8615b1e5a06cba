//! `object`: the root of every class. Its slots are the defaults every
//! type inherits: identity equality and hash, `<module.Class object at
//! 0x…>` repr, generic attribute access (`ops::attr`), and the
//! `object.__new__`/`object.__init__` argument checks.

use crate::args;
use crate::error::{type_error, PyResult};
use crate::object::{downcast, id_of, type_of};
use crate::ops::CompareOp;
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{as_type, flags, SlotDefs, TypeObject};
use crate::types::builtin_func::{GetSetDef, MethodDef};
use crate::types::instance::{
    instance_layout, new_instance, trace_instance, InstanceObject, INSTANCE_ATTRS_OFFSET,
};
use crate::types::string::hot_names;
use crate::types::string::new_string;
use crate::Value;

fn object_repr(v: Value) -> PyResult {
    let ty = type_of(v);
    let module = ty.module_name();
    let name = if module == "builtins" {
        ty.qualname().to_owned()
    } else {
        format!("{module}.{}", ty.qualname())
    };
    Ok(new_string(format!("<{name} object at {:#x}>", id_of(v))))
}

fn object_str(v: Value) -> PyResult {
    crate::ops::object::repr(v)
}

/// Identity hash (CPython's pointer hash: the address rotated by 4 bits).
pub fn identity_hash(v: Value) -> i64 {
    let h = (v.bits().rotate_right(4)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn object_hash(v: Value) -> PyResult<i64> {
    Ok(identity_hash(v))
}

fn object_richcompare(a: Value, b: Value, op: CompareOp) -> PyResult {
    match op {
        CompareOp::Eq => Ok(if a == b {
            Value::TRUE
        } else {
            Value::NOT_IMPLEMENTED
        }),
        CompareOp::Ne => {
            // `__ne__` inverts `__eq__` unless that is NotImplemented.
            let Some(eq) = type_of(a).slots.richcompare.get() else {
                return Ok(Value::NOT_IMPLEMENTED);
            };
            let r = eq(a, b, CompareOp::Eq)?;
            if r == Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
            Ok(Value::from_bool(!crate::ops::object::is_true(r)?))
        }
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn excess_args(args: &[Value], kwnames: Option<Value>) -> bool {
    !args.is_empty() || !args::kwnames_slice(kwnames).is_empty()
}

fn overrides(ty: &TypeObject, name: Value) -> bool {
    let object = crate::types::registry::types().object;
    match (ty.lookup(name), object.dict().get_str(name)) {
        (Some(a), Some(b)) => a != b,
        _ => false,
    }
}

/// True when `f` is `object.__new__`'s slot.
pub fn is_object_new(f: crate::typeobj::NewFn) -> bool {
    std::ptr::fn_addr_eq(f, object_new as crate::typeobj::NewFn)
}

/// `object.__new__(cls)`.
fn object_new(cls: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    if excess_args(a, k) {
        if overrides(cls, hot_names().new) {
            return Err(type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if !overrides(cls, hot_names().init) {
            return Err(type_error(format!("{}() takes no arguments", cls.name())));
        }
    }
    if cls.has_flag(flags::IS_ABSTRACT) {
        return Err(abstract_instantiation_error(cls));
    }
    if cls.layout != instance_layout() {
        return Err(type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            cls.name(),
            cls.base().map_or("object", |b| b.name())
        )));
    }
    Ok(new_instance(cls))
}

/// "Can't instantiate abstract class X with abstract method(s) a, b"
/// (the names sorted, as CPython 3.11 prints them).
fn abstract_instantiation_error(cls: &'static TypeObject) -> crate::error::Raised {
    let methods = cls
        .dict()
        .get_str(crate::types::string::intern("__abstractmethods__"))
        .map(|v| crate::ops::iter::collect(v).unwrap_or_default())
        .unwrap_or_default();
    let mut names: Vec<String> = methods
        .iter()
        .filter_map(|&m| crate::types::string::as_str(m).map(str::to_owned))
        .collect();
    names.sort();
    type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        cls.name(),
        if names.len() > 1 { "s" } else { "" },
        names.join(", ")
    ))
}

/// `object.__init__(self)`.
fn object_init(v: Value, a: &[Value], k: Option<Value>) -> PyResult<()> {
    if excess_args(a, k) {
        let ty = type_of(v);
        if ty.has_flag(flags::INIT_IGNORES_ARGS) {
            return Ok(());
        }
        if overrides(ty, hot_names().init) {
            return Err(type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if !overrides(ty, hot_names().new) {
            return Err(type_error(format!("{}() takes no arguments", ty.name())));
        }
        if !ty.is_heap_type() {
            // `enumerate(x)`: the same answer on every call.
            ty.flags.set(ty.flags.get() | flags::INIT_IGNORES_ARGS);
        }
    }
    Ok(())
}

fn get_class(v: Value) -> PyResult {
    Ok(type_of(v).as_value())
}

fn set_class(v: Value, cls: Value) -> PyResult<()> {
    let Some(new) = as_type(cls) else {
        return Err(type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            type_of(cls).name()
        )));
    };
    let old = type_of(v);
    if downcast::<InstanceObject>(v).is_none() || new.layout != old.layout || !new.is_heap_type() {
        return Err(type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.name(),
            old.name()
        )));
    }
    // SAFETY: checked above that `v` is a heap object with the same layout.
    unsafe { (*v.as_ptr_unchecked::<crate::heap::Header>()).ty.set(new) };
    Ok(())
}

fn init_subclass(a: &[Value], k: Option<Value>) -> PyResult {
    let _ = args::method::<0>("__init_subclass__", a, k, 0)?;
    Ok(Value::NONE)
}

fn format(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [spec]) = args::method::<1>("__format__", a, k, 1)?;
    let spec = crate::types::string::expect_str(spec, "__format__() argument")?;
    if !spec.is_empty() {
        return Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_of(s).name()
        )));
    }
    crate::ops::object::str(s)
}

fn dir(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("__dir__", a, k, 0)?;
    let mut names: Vec<Value> = Vec::new();
    if let Some(at) = crate::types::instance::attrs_of(s) {
        names.extend(at.items().into_iter().map(|(n, _)| n));
    }
    for &t in type_of(s).mro_slice() {
        names.extend(crate::typeobj::as_type_unchecked(t).dict().keys());
    }
    Ok(crate::types::list::new_list(names))
}

pub fn spec() -> TypeSpec {
    TypeSpec {
        bases: &[],
        attrs_offset: INSTANCE_ATTRS_OFFSET,
        flags: flags::BASETYPE,
        slots: SlotDefs {
            repr: Some(object_repr),
            str: Some(object_str),
            hash: Some(object_hash),
            richcompare: Some(object_richcompare),
            getattro: Some(crate::ops::attr::generic_getattr),
            setattro: Some(crate::ops::attr::generic_setattr),
            new: Some(object_new),
            init: Some(object_init),
            ..SlotDefs::default()
        },
        methods: const {
            &[
                MethodDef::class("__init_subclass__", init_subclass),
                MethodDef::new("__format__", format),
                MethodDef::new("__dir__", dir),
            ]
        },
        getsets: const { &[GetSetDef::new("__class__", get_class, set_class)] },
        trace: trace_instance,
        doc: Some("The base class of the class hierarchy."),
        ..TypeSpec::new("object", instance_layout())
    }
}
