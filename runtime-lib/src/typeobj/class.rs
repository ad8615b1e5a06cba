//! User classes, created at run time: `type(name, bases, namespace)` and
//! the `class` statement (`build_class`).
//!
//! Creation follows CPython's `type_new`: the most derived metaclass, the
//! best (layout) base with "multiple bases have instance lay-out
//! conflict", `__slots__`, `__qualname__`/`__module__`/`__doc__` from the
//! namespace, `__new__`/`__init_subclass__` wrapped as static/class
//! methods, `__hash__ = None` when only `__eq__` is defined, the C3 MRO,
//! slots (see `heap_slots`), `__set_name__`, `__classcell__`, and finally
//! the parent's `__init_subclass__(**kwargs)`.
//!
//! Executing a class body is the executor's job: it registers a runner
//! with [`register_class_body_runner`], and `__build_class__` calls it with
//! the body function and the namespace.

use std::any::TypeId;
use std::cell::{Cell, RefCell};

use crate::args::{kwnames_slice, split};
use crate::error::{type_error, PyResult};
use crate::gc::RootedVec;
use crate::heap::{alloc, Header};
use crate::object::{type_of, PyPayload};
use crate::ops::call::call;
use crate::typeobj::{as_type, as_type_unchecked, flags, heap_slots, mro, Slots, TypeObject};
use crate::types::builtin_func::GetSetDef;
use crate::types::dict::DictObject;
use crate::types::instance::{instance_layout, trace_instance, INSTANCE_ATTRS_OFFSET};
use crate::types::registry::types;
use crate::types::shape::Shape;
use crate::types::string::{as_str, intern, new_str};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::Value;

/// Runs a class body: `(body function, namespace dict) -> result`.
pub type ClassBodyRunner = fn(Value, Value) -> PyResult;

thread_local! {
    static BODY_RUNNER: Cell<Option<ClassBodyRunner>> = const { Cell::new(None) };
}

/// The executor's way of running a class body with a namespace as locals.
pub fn register_class_body_runner(f: ClassBodyRunner) {
    BODY_RUNNER.with(|r| r.set(Some(f)));
}

/// The builtin type whose instance layout `t` uses (CPython's solid base).
pub fn solid_base(t: &'static TypeObject) -> &'static TypeObject {
    if t.is_heap_type() {
        let w = t.wrapped.get();
        if !w.is_null() {
            // SAFETY: type objects are never freed.
            return unsafe { &*w };
        }
        return t.base().map_or(t, solid_base);
    }
    let mut t = t;
    while let Some(b) = t.base() {
        if b.layout != t.layout || b.attrs_offset != t.attrs_offset {
            break;
        }
        t = b;
    }
    t
}

/// The base whose layout the new class extends.
fn best_base(bases: &[&'static TypeObject]) -> PyResult<&'static TypeObject> {
    let mut winner: Option<(&'static TypeObject, &'static TypeObject)> = None;
    for &b in bases {
        if !b.has_flag(flags::BASETYPE) {
            return Err(type_error(format!(
                "type '{}' is not an acceptable base type",
                b.name()
            )));
        }
        let s = solid_base(b);
        winner = match winner {
            None => Some((b, s)),
            Some((wb, ws)) => {
                if ws.is_subtype(s) {
                    Some((wb, ws))
                } else if s.is_subtype(ws) {
                    Some((b, s))
                } else {
                    return Err(type_error("multiple bases have instance lay-out conflict"));
                }
            }
        };
    }
    Ok(winner.map_or(types().object, |(b, _)| b))
}

/// The most derived of `meta` and the bases' metaclasses.
pub fn calculate_metaclass(
    meta: &'static TypeObject,
    bases: &[&'static TypeObject],
) -> PyResult<&'static TypeObject> {
    let mut winner = meta;
    for &b in bases {
        let bm = type_of(b.as_value());
        if winner.is_subtype(bm) {
            continue;
        }
        if bm.is_subtype(winner) {
            winner = bm;
            continue;
        }
        return Err(type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

fn base_types(bases: &[Value]) -> PyResult<Vec<&'static TypeObject>> {
    bases
        .iter()
        .map(|&b| {
            as_type(b).ok_or_else(|| {
                type_error(format!("bases must be types, not {}", type_of(b).name()))
            })
        })
        .collect()
}

fn instance_dict_get(v: Value) -> PyResult {
    match crate::types::instance::attrs_of(v) {
        Some(a) => Ok(a.to_dict()),
        None => Err(crate::ops::attr::no_attribute(v, intern("__dict__"))),
    }
}

fn instance_dict_set(v: Value, d: Value) -> PyResult<()> {
    if DictObject::cast(d).is_none() {
        return Err(type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            type_of(d).name()
        )));
    }
    if let Some(a) = crate::types::instance::attrs_of(v) {
        a.use_dict(d);
    }
    Ok(())
}

static DICT_GETSET: GetSetDef = GetSetDef::new("__dict__", instance_dict_get, instance_dict_set);

fn slot_names(ns: &DictObject) -> PyResult<Option<RootedVec>> {
    let Some(slots) = ns.get_str(intern("__slots__")) else {
        return Ok(None);
    };
    let names = if as_str(slots).is_some() {
        RootedVec::from_vec(vec![slots])
    } else {
        crate::ops::iter::collect(slots)?
    };
    for &n in names.iter() {
        if as_str(n).is_none() {
            return Err(type_error(format!(
                "__slots__ items must be strings, not '{}'",
                type_of(n).name()
            )));
        }
    }
    Ok(Some(names))
}

/// `type.__new__(meta, name, bases, namespace, **kwargs)`.
pub fn new_class(
    meta: &'static TypeObject,
    name: Value,
    bases: Value,
    ns: Value,
    kwargs: &[(Value, Value)],
) -> PyResult {
    if as_str(name).is_none() {
        return Err(type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            type_of(name).name()
        )));
    }
    let Some(ns_dict) = DictObject::cast(ns) else {
        return Err(type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            type_of(ns).name()
        )));
    };
    let mut base_list = base_types(tuple_items(bases).unwrap_or(&[]))?;
    if base_list.is_empty() {
        base_list.push(types().object);
    }
    let best = best_base(&base_list)?;
    let solid = solid_base(best);
    let slot_names = slot_names(ns_dict)?;

    // Instances use the solid base's own struct when it carries attributes
    // or is `type` (a metaclass's instances are type objects); otherwise
    // they are `InstanceObject`s wrapping a value of the solid base.
    let own_layout = solid.attrs_offset != 0 || solid.layout == TypeId::of::<TypeObject>();
    let (layout, attrs_offset, trace, wrapped) = if own_layout {
        (
            solid.layout,
            solid.attrs_offset,
            solid.trace,
            std::ptr::null(),
        )
    } else {
        (
            instance_layout(),
            INSTANCE_ATTRS_OFFSET,
            trace_instance as crate::typeobj::TraceFn,
            solid as *const TypeObject,
        )
    };
    let mut fl = flags::HEAPTYPE | flags::BASETYPE | (best.flags.get() & flags::INHERITED);
    let wants_dict = slot_names
        .as_ref()
        .is_none_or(|s| s.iter().any(|&n| as_str(n) == Some("__dict__")));
    if wants_dict || base_list.iter().any(|b| b.has_flag(flags::HAS_DICT)) {
        fl |= flags::HAS_DICT;
    }
    let base_shape = crate::types::instance::initial_shape(best);
    let shape: &'static Shape = match &slot_names {
        Some(names) if fl & flags::HAS_DICT == 0 => {
            let own: Vec<Value> = names
                .iter()
                .copied()
                .filter(|&n| as_str(n) != Some("__weakref__"))
                .collect();
            base_shape.with_slots(&own)
        }
        _ if base_shape.fixed => base_shape
            .names
            .iter()
            .fold(Shape::root(), |s, &n| s.with_name(n)),
        _ => base_shape,
    };

    let dict = DictObject::new_value();
    let d = DictObject::cast(dict).ok_or_else(|| crate::error::internal_error("class dict"))?;
    d.update_from(ns_dict)?;
    d.mark_type_dict();
    let ty_ptr = alloc(TypeObject {
        header: Header::new(meta),
        slots: Slots::default(),
        flags: Cell::new(fl),
        attrs_offset,
        layout,
        trace,
        name: Cell::new(name),
        qualname: Cell::new(name),
        module: Cell::new(Value::NULL),
        doc: Cell::new(Value::NONE),
        bases: Cell::new(new_tuple(
            &base_list.iter().map(|b| b.as_value()).collect::<Vec<_>>(),
        )),
        base: Cell::new(best),
        mro: Cell::new(Value::NULL),
        dict: Cell::new(dict),
        wrapped: Cell::new(wrapped),
        instance_shape: Cell::new(shape),
        subclasses: RefCell::new(Vec::new()),
        init_plan: Cell::new((u64::MAX, Value::NULL)),
    });
    // SAFETY: just allocated, never freed.
    let ty: &'static TypeObject = unsafe { &*ty_ptr };

    if let Some(q) = d.get_str(intern("__qualname__")) {
        if as_str(q).is_none() {
            return Err(type_error(format!(
                "type __qualname__ must be a str, not {}",
                type_of(q).name()
            )));
        }
        ty.qualname.set(q);
        d.del_str(intern("__qualname__"));
    }
    match d.get_str(intern("__module__")) {
        Some(m) => ty.module.set(m),
        None => ty.module.set(crate::runtime::current_module_name()),
    }
    d.set_str(intern("__module__"), ty.module.get());
    match d.get_str(intern("__doc__")) {
        Some(doc) => ty.doc.set(doc),
        None => d.set_str(intern("__doc__"), Value::NONE),
    }
    for (dunder, wrap) in [
        (
            "__new__",
            crate::types::descr::new_staticmethod as fn(Value) -> Value,
        ),
        ("__init_subclass__", crate::types::descr::new_classmethod),
        ("__class_getitem__", crate::types::descr::new_classmethod),
    ] {
        if let Some(f) = d.get_str(intern(dunder)) {
            if crate::types::function::FunctionObject::cast_exact(f).is_some() {
                d.set_str(intern(dunder), wrap(f));
            }
        }
    }
    if d.get_str(intern("__eq__")).is_some() && d.get_str(intern("__hash__")).is_none() {
        d.set_str(intern("__hash__"), Value::NONE);
    }
    if fl & flags::HAS_DICT != 0 && !best.has_flag(flags::HAS_DICT) && attrs_offset != 0 {
        d.set_str(
            intern("__dict__"),
            crate::types::builtin_func::new_getset_descr(&DICT_GETSET, ty),
        );
    }
    if let Some(cell) = d.get_str(intern("__classcell__")) {
        if let Some(c) = crate::types::cell::as_cell(cell) {
            c.contents.set(ty.as_value());
        }
        d.del_str(intern("__classcell__"));
    }
    ty.mro.set(mro::c3_mro(ty, &base_list)?);
    super::lookup_cache::invalidate();
    heap_slots::fixup_slots(ty);
    for b in &base_list {
        if b.is_heap_type() {
            b.subclasses.borrow_mut().push(ty.as_value());
        }
    }
    let cls = ty.as_value();
    // `__set_name__` may change the namespace: its entries rooted here.
    for kv in ns_dict.items_rooted().chunks_exact(2) {
        let (k, v) = (kv[0], kv[1]);
        if let Some(set_name) = type_of(v).lookup_str("__set_name__") {
            heap_slots::call_special(set_name, v, &[cls, k])?;
        }
    }
    init_subclass(ty, kwargs)?;
    Ok(cls)
}

/// `super(cls, cls).__init_subclass__(**kwargs)`.
fn init_subclass(ty: &'static TypeObject, kwargs: &[(Value, Value)]) -> PyResult<()> {
    let sup = crate::types::super_::new_super(ty.as_value(), ty.as_value())?;
    let f = crate::ops::attr::getattr(sup, intern("__init_subclass__"))?;
    call_with_kwargs(f, &[], kwargs)?;
    Ok(())
}

/// The `class` statement: `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(args: &[Value], kwnames: Option<Value>) -> PyResult {
    let (pos, kwvals) = split(args, kwnames);
    if pos.len() < 2 {
        return Err(type_error("__build_class__: not enough arguments"));
    }
    let (body, name) = (pos[0], pos[1]);
    let bases = &pos[2..];
    let mut meta: Option<Value> = None;
    let mut kwargs = Vec::new();
    for (&k, &v) in kwnames_slice(kwnames).iter().zip(kwvals) {
        if as_str(k) == Some("metaclass") {
            meta = Some(v);
        } else {
            kwargs.push((k, v));
        }
    }
    let orig_bases = bases;
    let bases = resolve_mro_entries(bases)?;
    let base_list: Vec<&'static TypeObject> = bases.iter().filter_map(|&b| as_type(b)).collect();
    let meta = match meta {
        Some(m) => match as_type(m) {
            Some(mt) => calculate_metaclass(mt, &base_list)?.as_value(),
            None => m,
        },
        None => {
            let first = base_list
                .first()
                .map_or(types().type_, |b| type_of(b.as_value()));
            calculate_metaclass(first, &base_list)?.as_value()
        }
    };
    let bases_tuple = new_tuple(&bases);
    let ns = match crate::ops::attr::getattr_opt(meta, intern("__prepare__"))? {
        Some(prep) => call_with_kwargs(prep, &[name, bases_tuple], &kwargs)?,
        None => DictObject::new_value(),
    };
    if bases[..] != orig_bases[..] {
        // `__mro_entries__` replaced a base: the class keeps the originals.
        crate::ops::subscript::setitem(ns, intern("__orig_bases__"), new_tuple(orig_bases))?;
    }
    let Some(runner) = BODY_RUNNER.with(|r| r.get()) else {
        return Err(crate::error::system_error(
            "no class body runner registered by the executor",
        ));
    };
    runner(body, ns)?;
    call_with_kwargs(meta, &[name, bases_tuple, ns], &kwargs)
}

/// The bases after `__mro_entries__`, rooted (the entries may be new
/// objects, gathered while more `__mro_entries__` run).
fn resolve_mro_entries(bases: &[Value]) -> PyResult<RootedVec> {
    let mut out = RootedVec::with_capacity(bases.len());
    let orig = new_tuple(bases);
    for &b in bases {
        if as_type(b).is_none() {
            if let Some(f) = crate::ops::attr::lookup_special(b, "__mro_entries__")? {
                let r = call(f, &[orig], None)?;
                out.extend_from_slice(tuple_items(r).unwrap_or(&[]));
                continue;
            }
        }
        out.push(b);
    }
    Ok(out)
}

/// `f(*args, **dict(kwargs))`.
pub fn call_with_kwargs(f: Value, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult {
    let mut all = RootedVec::from_vec(args.to_vec());
    all.extend(kwargs.iter().map(|(_, v)| *v));
    let names: Vec<Value> = kwargs.iter().map(|(k, _)| *k).collect();
    let kwnames = (!names.is_empty()).then(|| new_tuple(&names));
    call(f, &all, kwnames)
}

/// Recomputes slots after `name` was assigned on the user class `ty`.
pub fn update_slots_after_setattr(ty: &'static TypeObject, name: &str) {
    if !(name.starts_with("__") && name.ends_with("__")) {
        return;
    }
    heap_slots::fixup_slots(ty);
    let subs = ty.subclasses.borrow().clone();
    for s in subs {
        update_slots_after_setattr(as_type_unchecked(s), name);
    }
}

/// A class made from Rust: `type(name, bases, {})` (for tests and modules).
pub fn simple_class(name: &str, bases: &[Value]) -> PyResult {
    let ns = DictObject::new_value();
    new_class(types().type_, new_str(name), new_tuple(bases), ns, &[])
}
