//! Bound methods (`method`): a function and the instance it was looked up
//! on. Calling one prepends `__self__` to the arguments.

use std::any::TypeId;

use crate::error::{type_error, PyResult};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::downcast;
use crate::ops::call::call_prepending;
use crate::ops::CompareOp;
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{SlotDefs, TypeObject};
use crate::types::builtin_func::GetSetDef;
use crate::types::registry::types;
use crate::types::string::new_string;
use crate::Value;

#[repr(C)]
pub struct MethodObject {
    pub header: Header,
    pub func: Value,
    pub self_: Value,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for MethodObject {}

pub fn new_method(func: Value, self_: Value) -> Value {
    alloc_value(MethodObject {
        header: Header::new(types().method),
        func,
        self_,
    })
}

fn this(v: Value) -> PyResult<&'static MethodObject> {
    downcast::<MethodObject>(v)
        .ok_or_else(|| crate::error::internal_error("method slot on a non-method"))
}

fn method_call(m: Value, args: &[Value], kwnames: Option<Value>) -> PyResult {
    let m = this(m)?;
    call_prepending(m.func, m.self_, args, kwnames)
}

fn method_repr(v: Value) -> PyResult {
    let m = this(v)?;
    let name = crate::ops::attr::getattr_opt(m.func, crate::types::string::intern("__qualname__"))?
        .and_then(crate::types::string::as_str)
        .unwrap_or("?");
    let owner = crate::ops::object::repr_string(m.self_)?;
    Ok(new_string(format!("<bound method {name} of {owner}>")))
}

fn method_compare(a: Value, b: Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (downcast::<MethodObject>(a), downcast::<MethodObject>(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let eq = x.self_ == y.self_ && x.func == y.func;
    Ok(Value::from_bool(eq == (op == CompareOp::Eq)))
}

fn method_hash(v: Value) -> PyResult<i64> {
    let m = this(v)?;
    Ok(crate::ops::object::hash(m.func)? ^ crate::types::object::identity_hash(m.self_))
}

fn method_new(_: &'static TypeObject, a: &[Value], k: Option<Value>) -> PyResult {
    let [f, s] = crate::args::exact::<2>("method", a, k)?;
    if !crate::ops::object::callable(f) {
        return Err(type_error("first argument must be callable"));
    }
    Ok(new_method(f, s))
}

fn get_func(v: Value) -> PyResult {
    Ok(this(v)?.func)
}

fn get_self(v: Value) -> PyResult {
    Ok(this(v)?.self_)
}

/// `m.__doc__` is the function's (CPython's method type has this getset,
/// so it wins over the type's own `__doc__`).
fn get_doc(v: Value) -> PyResult {
    let doc =
        crate::ops::attr::getattr_opt(this(v)?.func, crate::types::string::intern("__doc__"))?;
    Ok(doc.unwrap_or(Value::NONE))
}

/// Attribute reads not found on the method fall through to the function
/// (`m.__name__`, `m.__doc__`).
fn method_getattro(v: Value, name: Value) -> PyResult<Option<Value>> {
    if let Some(x) = crate::ops::attr::generic_getattr(v, name)? {
        return Ok(Some(x));
    }
    crate::ops::attr::getattr_opt(this(v)?.func, name)
}

fn trace(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(m) = downcast::<MethodObject>(v) {
        visit(m.func);
        visit(m.self_);
    }
}

pub fn spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            call: Some(method_call),
            repr: Some(method_repr),
            richcompare: Some(method_compare),
            hash: Some(method_hash),
            getattro: Some(method_getattro),
            new: Some(method_new),
            ..SlotDefs::default()
        },
        getsets: const {
            &[
                GetSetDef::readonly("__func__", get_func),
                GetSetDef::readonly("__self__", get_self),
                GetSetDef::readonly("__doc__", get_doc),
            ]
        },
        trace,
        ..TypeSpec::new("method", TypeId::of::<MethodObject>())
    }
}
