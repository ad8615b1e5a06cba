//! The `type` type: calling a class (`__new__` then `__init__`), class
//! attribute lookup (metaclass data descriptors, then the class's MRO,
//! then the metaclass), class attribute assignment (rejected on builtin
//! types, slot updates on user classes), `type(x)` and
//! `type(name, bases, dict)`, and the class attributes (`__name__`,
//! `__mro__`…). `__dict__` returns a snapshot dict for now (CPython: a
//! read-only mappingproxy).

use std::any::TypeId;

use crate::args;
use crate::error::{type_error, PyResult};
use crate::object::{downcast, type_of};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{as_type, flags, SlotDefs, TypeObject};
use crate::types::builtin_func::{GetSetDef, MethodDef};
use crate::types::dict::DictObject;
use crate::types::list::new_list;
use crate::types::registry::types;
use crate::types::string::{as_str, new_string};
use crate::types::tuple::tuple_items;
use crate::Value;

fn this(v: Value) -> PyResult<&'static TypeObject> {
    as_type(v).ok_or_else(|| crate::error::internal_error("type slot on a non-type"))
}

/// Calling a class: `cls.__new__(cls, …)`, then `__init__` if the result
/// is an instance of `cls`.
pub fn type_call(callable: Value, args: &[Value], kwnames: Option<Value>) -> PyResult {
    let cls = this(callable)?;
    let t = types();
    if std::ptr::eq(cls, t.type_) && args.len() == 1 && args::kwnames_slice(kwnames).is_empty() {
        return Ok(type_of(args[0]).as_value());
    }
    if let Some(init) = plain_init(cls) {
        let obj = crate::types::instance::new_instance(cls);
        let r = crate::ops::call::call_prepending(init, obj, args, kwnames)?;
        crate::typeobj::heap_slots::init_returned(r)?;
        return Ok(obj);
    }
    let Some(new) = cls.slots.new.get() else {
        return Err(type_error(format!(
            "cannot create '{}' instances",
            cls.qualname()
        )));
    };
    let obj = new(cls, args, kwnames)?;
    if !type_of(obj).is_subtype(cls) {
        return Ok(obj);
    }
    if let Some(init) = type_of(obj).slots.init.get() {
        init(obj, args, kwnames)?;
    }
    Ok(obj)
}

/// The `__init__` function of `cls` when calling `cls` is plain: the
/// class inherits `object.__new__` (not abstract, instances of the plain
/// instance layout) and defines `__init__` as a Python function. Then the
/// call is a new instance and that `__init__`, which is what `__new__`
/// and the `__init__` slot would do, without looking either up. Kept in
/// the class, stamped with the lookup-cache epoch (the function is held
/// by a class dict as long as the epoch is unchanged). Builtin types never
/// have one (their `__init__` is not a Python function): they are
/// answered without the plan.
fn plain_init(cls: &'static TypeObject) -> Option<Value> {
    if !cls.is_heap_type() {
        return None;
    }
    let epoch = crate::typeobj::lookup_cache::epoch();
    let (stamp, init) = cls.init_plan.get();
    if stamp == epoch {
        return (!init.is_null()).then_some(init);
    }
    let init = find_plain_init(cls).unwrap_or(Value::NULL);
    cls.init_plan.set((epoch, init));
    (!init.is_null()).then_some(init)
}

fn find_plain_init(cls: &'static TypeObject) -> Option<Value> {
    let plain_new = cls
        .slots
        .new
        .get()
        .is_some_and(crate::types::object::is_object_new);
    let plain_slot = cls
        .slots
        .init
        .get()
        .is_some_and(crate::typeobj::heap_slots::is_heap_init);
    if !plain_new
        || !plain_slot
        || cls.has_flag(flags::IS_ABSTRACT)
        || cls.layout != crate::types::instance::instance_layout()
    {
        return None;
    }
    let names = crate::types::string::hot_names();
    let object_new = types().object.lookup(names.new);
    if cls.lookup(names.new) != object_new {
        return None;
    }
    let init = cls.lookup(names.init)?;
    crate::types::function::FunctionObject::cast_exact(init).map(|_| init)
}

/// `type.__getattribute__`.
pub fn type_getattro(v: Value, name: Value) -> PyResult<Option<Value>> {
    let ty = this(v)?;
    let meta = type_of(v);
    let meta_attr = meta.lookup(name);
    if let Some(ma) = meta_attr {
        let mt = type_of(ma);
        if mt.slots.descr_set.get().is_some() {
            if let Some(get) = mt.slots.descr_get.get() {
                return get(ma, v, meta.as_value()).map(Some);
            }
        }
    }
    if let Some(attr) = ty.lookup(name) {
        if let Some(get) = type_of(attr).slots.descr_get.get() {
            return get(attr, Value::NULL, v).map(Some);
        }
        return Ok(Some(attr));
    }
    if let Some(ma) = meta_attr {
        if let Some(get) = type_of(ma).slots.descr_get.get() {
            return get(ma, v, meta.as_value()).map(Some);
        }
        return Ok(Some(ma));
    }
    Ok(None)
}

/// `type.__setattr__` / `__delattr__`.
fn type_setattro(v: Value, name: Value, value: Value) -> PyResult<()> {
    let ty = this(v)?;
    let n = as_str(name).unwrap_or("");
    if !ty.is_heap_type() {
        return Err(type_error(format!(
            "cannot set '{n}' attribute of immutable type '{}'",
            ty.name()
        )));
    }
    if let Some(ma) = type_of(v).lookup(name) {
        if let Some(set) = type_of(ma).slots.descr_set.get() {
            return set(ma, v, value);
        }
    }
    let d = ty.dict();
    if n == "__abstractmethods__" {
        set_abstract_flag(ty, value)?;
    }
    if value.is_null() {
        if !d.del_str(name) {
            return Err(crate::error::attribute_error(format!(
                "type object '{}' has no attribute '{n}'",
                ty.name()
            )));
        }
    } else {
        d.set_str(name, value);
    }
    crate::typeobj::class::update_slots_after_setattr(ty, n);
    Ok(())
}

/// `cls.__abstractmethods__ = value` marks `cls` abstract when `value` is
/// true (CPython's `type_set_abstractmethods`).
fn set_abstract_flag(ty: &'static TypeObject, value: Value) -> PyResult<()> {
    let abstract_ = !value.is_null() && crate::ops::object::is_true(value)?;
    let fl = ty.flags.get();
    ty.flags.set(if abstract_ {
        fl | flags::IS_ABSTRACT
    } else {
        fl & !flags::IS_ABSTRACT
    });
    Ok(())
}

fn type_repr(v: Value) -> PyResult {
    let ty = this(v)?;
    let m = ty.module_name();
    Ok(new_string(if m == "builtins" {
        format!("<class '{}'>", ty.qualname())
    } else {
        format!("<class '{m}.{}'>", ty.qualname())
    }))
}

/// `type(x)` / `type(name, bases, dict, **kwds)` (also metaclass `__new__`).
fn type_new(meta: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let (pos, kwvals) = args::split(a, k);
    if std::ptr::eq(meta, types().type_) && pos.len() == 1 && kwvals.is_empty() {
        return Ok(type_of(pos[0]).as_value());
    }
    if pos.len() != 3 {
        return Err(type_error("type() takes 1 or 3 arguments"));
    }
    let kwargs: Vec<(Value, Value)> = args::kwnames_slice(k)
        .iter()
        .copied()
        .zip(kwvals.iter().copied())
        .collect();
    if tuple_items(pos[1]).is_none() {
        return Err(type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            type_of(pos[1]).name()
        )));
    }
    let bases: Vec<&'static TypeObject> = tuple_items(pos[1])
        .unwrap_or(&[])
        .iter()
        .filter_map(|&b| as_type(b))
        .collect();
    let winner = crate::typeobj::class::calculate_metaclass(meta, &bases)?;
    if !std::ptr::eq(winner, meta) {
        if let Some(new) = winner.slots.new.get() {
            if !std::ptr::fn_addr_eq(new, type_new as crate::typeobj::NewFn) {
                return new(winner, a, k);
            }
        }
    }
    crate::typeobj::class::new_class(winner, pos[0], pos[1], pos[2], &kwargs)
}

fn type_init(_: Value, a: &[Value], k: Option<Value>) -> PyResult<()> {
    let (pos, _) = args::split(a, k);
    if pos.len() != 1 && pos.len() != 3 {
        return Err(type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(())
}

fn get_name(v: Value) -> PyResult {
    Ok(this(v)?.name.get())
}

fn set_name(v: Value, x: Value) -> PyResult<()> {
    let ty = this(v)?;
    if !ty.is_heap_type() {
        return Err(type_error(format!(
            "cannot set '__name__' attribute of immutable type '{}'",
            ty.name()
        )));
    }
    if as_str(x).is_none() {
        return Err(type_error(format!(
            "can only assign string to {}.__name__, not '{}'",
            ty.name(),
            type_of(x).name()
        )));
    }
    ty.name.set(x);
    Ok(())
}

fn get_qualname(v: Value) -> PyResult {
    Ok(this(v)?.qualname.get())
}

fn set_qualname(v: Value, x: Value) -> PyResult<()> {
    let ty = this(v)?;
    if as_str(x).is_none() {
        return Err(type_error(format!(
            "can only assign string to {}.__qualname__, not '{}'",
            ty.name(),
            type_of(x).name()
        )));
    }
    ty.qualname.set(x);
    Ok(())
}

fn get_module(v: Value) -> PyResult {
    let ty = this(v)?;
    Ok(crate::types::string::intern(ty.module_name()))
}

fn get_bases(v: Value) -> PyResult {
    Ok(this(v)?.bases.get())
}

fn get_base(v: Value) -> PyResult {
    Ok(this(v)?.base().map_or(Value::NONE, |b| b.as_value()))
}

fn get_mro(v: Value) -> PyResult {
    Ok(this(v)?.mro.get())
}

fn get_dict(v: Value) -> PyResult {
    let out = DictObject::new_value();
    if let Some(o) = DictObject::cast_dict(out) {
        o.update_from(this(v)?.dict())?;
    }
    Ok(out)
}

fn get_doc(v: Value) -> PyResult {
    let ty = this(v)?;
    Ok(ty
        .dict()
        .get_str(crate::types::string::intern("__doc__"))
        .unwrap_or(ty.doc.get()))
}

/// `cls.__doc__ = x`: user classes only (CPython's `type_set_doc`).
fn set_doc(v: Value, x: Value) -> PyResult<()> {
    let ty = this(v)?;
    if !ty.is_heap_type() {
        return Err(type_error(format!(
            "cannot set '__doc__' attribute of immutable type '{}'",
            ty.name()
        )));
    }
    let doc = crate::types::string::intern("__doc__");
    if x.is_null() {
        ty.dict().del_str(doc);
    } else {
        ty.dict().set_str(doc, x);
    }
    ty.doc.set(if x.is_null() { Value::NONE } else { x });
    Ok(())
}

fn mro(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("type.mro", a, k, 0)?;
    Ok(new_list(this(s)?.mro_slice().to_vec()))
}

fn subclasses(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, []) = args::method::<0>("type.__subclasses__", a, k, 0)?;
    Ok(new_list(this(s)?.subclasses.borrow().clone()))
}

fn instancecheck(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [x]) = args::method::<1>("type.__instancecheck__", a, k, 1)?;
    Ok(Value::from_bool(
        crate::ops::isinstance::recursive_isinstance(x, this(s)?)?,
    ))
}

fn subclasscheck(a: &[Value], k: Option<Value>) -> PyResult {
    let (s, [x]) = args::method::<1>("type.__subclasscheck__", a, k, 1)?;
    Ok(Value::from_bool(
        crate::ops::isinstance::recursive_issubclass(x, this(s)?)?,
    ))
}

fn prepare(_a: &[Value], _k: Option<Value>) -> PyResult {
    Ok(DictObject::new_value())
}

/// Traces a type object (of `type` or a metaclass; every one is a
/// `TypeObject`): its names, bases, MRO, dict, the base and wrapped
/// builtin, and its user subclasses.
fn trace_type(v: Value, visit: &mut dyn FnMut(Value)) {
    let Some(t) = downcast::<TypeObject>(v) else {
        return;
    };
    for c in [
        &t.name,
        &t.qualname,
        &t.module,
        &t.doc,
        &t.bases,
        &t.mro,
        &t.dict,
    ] {
        visit(c.get());
    }
    for p in [t.base.get(), t.wrapped.get()] {
        if !p.is_null() {
            visit(Value::from_ptr(p));
        }
    }
    t.subclasses.borrow().iter().for_each(|&s| visit(s));
}

pub fn spec() -> TypeSpec {
    TypeSpec {
        flags: flags::BASETYPE | flags::TYPE_SUBCLASS,
        slots: SlotDefs {
            call: Some(type_call),
            getattro: Some(type_getattro),
            setattro: Some(type_setattro),
            repr: Some(type_repr),
            new: Some(type_new),
            init: Some(type_init),
            ..SlotDefs::default()
        },
        methods: const {
            &[
                MethodDef::new("mro", mro),
                MethodDef::new("__subclasses__", subclasses),
                MethodDef::new("__instancecheck__", instancecheck),
                MethodDef::new("__subclasscheck__", subclasscheck),
                MethodDef::class("__prepare__", prepare),
            ]
        },
        getsets: const {
            &[
                GetSetDef::new("__name__", get_name, set_name),
                GetSetDef::new("__qualname__", get_qualname, set_qualname),
                GetSetDef::readonly("__module__", get_module),
                GetSetDef::readonly("__bases__", get_bases),
                GetSetDef::readonly("__base__", get_base),
                GetSetDef::readonly("__mro__", get_mro),
                GetSetDef::readonly("__dict__", get_dict),
                GetSetDef::new("__doc__", get_doc, set_doc),
            ]
        },
        trace: trace_type,
        ..TypeSpec::new("type", TypeId::of::<TypeObject>())
    }
}
