//! `super(type, obj_or_type)`: attribute lookup that starts after `type`
//! in the MRO of `obj`'s class. Only the two-argument form is a runtime
//! primitive: for zero-argument `super()` the executor finds the method's
//! `__class__` cell and first argument in its frame and calls
//! [`zero_arg_super`].

use std::any::TypeId;

use crate::error::{type_error, PyResult};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, type_of};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{as_type, as_type_unchecked, SlotDefs, TypeObject};
use crate::types::builtin_func::GetSetDef;
use crate::types::registry::types;
use crate::types::string::{as_str, new_string};
use crate::Value;

#[repr(C)]
pub struct SuperObject {
    pub header: Header,
    /// The class after which lookup starts.
    pub ty: &'static TypeObject,
    /// The instance or class bound (NULL when unbound).
    pub obj: Value,
    /// The type whose MRO is searched (type(obj) or obj itself).
    pub obj_type: Value,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for SuperObject {}

/// `super(ty, obj)`: checks `obj` and builds the proxy.
pub fn new_super(ty: Value, obj: Value) -> PyResult {
    let Some(t) = as_type(ty) else {
        return Err(type_error(format!(
            "super() argument 1 must be a type, not {}",
            type_of(ty).name()
        )));
    };
    let obj_type = if obj.is_null() || obj.is_none() {
        Value::NULL
    } else if let Some(ot) = as_type(obj).filter(|ot| ot.is_subtype(t)) {
        ot.as_value()
    } else if type_of(obj).is_subtype(t) {
        type_of(obj).as_value()
    } else {
        return Err(type_error(
            "super(type, obj): obj must be an instance or subtype of type",
        ));
    };
    let obj = if obj.is_none() { Value::NULL } else { obj };
    Ok(alloc_value(SuperObject {
        header: Header::new(types().super_),
        ty: t,
        obj,
        obj_type,
    }))
}

/// Zero-argument `super()` in a method (CPython's
/// `super_init_without_args`): the executor passes the code's `__class__`
/// cell (NULL if it has none) and its first argument (NULL if it has no
/// arguments), which only it can find in its frame.
pub fn zero_arg_super(class_cell: Value, first_arg: Value) -> PyResult {
    if first_arg.is_null() {
        return Err(crate::error::runtime_error("super(): no arguments"));
    }
    let Some(cell) = crate::types::cell::as_cell(class_cell) else {
        return Err(crate::error::runtime_error(
            "super(): __class__ cell not found",
        ));
    };
    let ty = cell.contents.get();
    if ty.is_null() {
        return Err(crate::error::runtime_error("super(): empty __class__ cell"));
    }
    if as_type(ty).is_none() {
        return Err(crate::error::runtime_error(format!(
            "super(): __class__ is not a type ({})",
            type_of(ty).name()
        )));
    }
    new_super(ty, first_arg)
}

fn this(v: Value) -> PyResult<&'static SuperObject> {
    downcast::<SuperObject>(v)
        .ok_or_else(|| crate::error::internal_error("super slot on a non-super"))
}

fn super_getattro(v: Value, name: Value) -> PyResult<Option<Value>> {
    let s = this(v)?;
    let skip = as_str(name) == Some("__class__");
    if !s.obj_type.is_null() && !skip {
        let mro = as_type_unchecked(s.obj_type).mro_slice();
        let start = mro
            .iter()
            .position(|&t| t == s.ty.as_value())
            .map_or(mro.len(), |i| i + 1);
        for &t in &mro[start..] {
            if let Some(x) = as_type_unchecked(t).dict().get_str(name) {
                if let Some(get) = type_of(x).slots.descr_get.get() {
                    let obj = if s.obj == s.obj_type {
                        Value::NULL
                    } else {
                        s.obj
                    };
                    return get(x, obj, s.obj_type).map(Some);
                }
                return Ok(Some(x));
            }
        }
    }
    crate::ops::attr::generic_getattr(v, name)
}

fn super_new(_: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let [t, o] = crate::args::between("super", a, k, 0)?;
    if t.is_null() {
        return Err(crate::error::runtime_error("super(): no arguments"));
    }
    new_super(t, o)
}

fn super_repr(v: Value) -> PyResult {
    let s = this(v)?;
    let ty = s.ty.name();
    Ok(new_string(if s.obj_type.is_null() {
        format!("<super: <class '{ty}'>, NULL>")
    } else {
        format!(
            "<super: <class '{ty}'>, <{} object>>",
            as_type_unchecked(s.obj_type).name()
        )
    }))
}

fn super_get(d: Value, obj: Value, _owner: Value) -> PyResult {
    let s = this(d)?;
    if obj.is_null() || !s.obj.is_null() {
        return Ok(d);
    }
    new_super(s.ty.as_value(), obj)
}

fn get_thisclass(v: Value) -> PyResult {
    Ok(this(v)?.ty.as_value())
}

fn get_self(v: Value) -> PyResult {
    let o = this(v)?.obj;
    Ok(if o.is_null() { Value::NONE } else { o })
}

fn trace(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(s) = downcast::<SuperObject>(v) {
        visit(s.ty.as_value());
        visit(s.obj);
        visit(s.obj_type);
    }
}

pub fn spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            getattro: Some(super_getattro),
            descr_get: Some(super_get),
            repr: Some(super_repr),
            new: Some(super_new),
            ..SlotDefs::default()
        },
        getsets: const {
            &[
                GetSetDef::readonly("__thisclass__", get_thisclass),
                GetSetDef::readonly("__self__", get_self),
            ]
        },
        trace,
        ..TypeSpec::new("super", TypeId::of::<SuperObject>())
    }
}
