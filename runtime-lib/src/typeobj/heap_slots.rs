//! Slots of user classes: generic functions that look the dunder methods
//! up in the class's MRO and call them (CPython's `slot_tp_*`/`slot_nb_*`).
//!
//! [`fixup_slots`] decides each slot of a user class: when the dunder(s)
//! behind a slot are first found in a user class's dict, the slot is the
//! generic function here; when they are first found in a builtin type's
//! dict, the slot is that builtin's own function (no lookup at run time);
//! otherwise it is inherited from the base. It runs at class creation and
//! again when a dunder is assigned on the class (for it and its subclasses).

use crate::error::{type_error, value_error, PyResult};
use crate::object::type_of;
use crate::ops::call::call;
use crate::ops::{BinOp, CompareOp, UnaryOp};
use crate::typeobj::{as_type_unchecked, TypeObject};
use crate::types::function::FunctionObject;
use crate::types::string::{as_str, intern};
use crate::Value;

/// Where a name is first found along `ty`'s MRO: `Some(true)` in a user
/// class, `Some(false)` in a builtin type.
fn found_in_heap(ty: &TypeObject, name: &str) -> Option<(bool, &'static TypeObject)> {
    let key = intern(name);
    ty.mro_slice()
        .iter()
        .map(|&t| as_type_unchecked(t))
        .find_map(|t| {
            t.dict
                .get()
                .is_pointer()
                .then(|| t.dict().get_str(key))
                .flatten()
                .map(|_| (t.is_heap_type(), t))
        })
}

fn any_heap(ty: &TypeObject, names: &[&str]) -> bool {
    names
        .iter()
        .any(|n| matches!(found_in_heap(ty, n), Some((true, _))))
}

/// Recomputes every slot of the user class `ty` from its MRO.
pub fn fixup_slots(ty: &'static TypeObject) {
    let Some(base) = ty.base() else { return };
    let s = &ty.slots;
    let b = &base.slots;
    macro_rules! pick {
        ($slot:ident, $names:expr, $generic:expr) => {
            s.$slot.set(if any_heap(ty, $names) {
                Some($generic)
            } else {
                b.$slot.get()
            })
        };
    }
    pick!(repr, &["__repr__"], heap_repr);
    pick!(str, &["__str__"], heap_str);
    pick!(hash, &["__hash__"], heap_hash);
    let cmp: Vec<&str> = CompareOp::ALL.iter().map(|o| o.dunder()).collect();
    pick!(richcompare, &cmp, heap_richcompare);
    pick!(bool, &["__bool__", "__len__"], heap_bool);
    pick!(len, &["__len__"], heap_len);
    pick!(getitem, &["__getitem__"], heap_getitem);
    pick!(setitem, &["__setitem__", "__delitem__"], heap_setitem);
    pick!(contains, &["__contains__"], heap_contains);
    pick!(iter, &["__iter__"], heap_iter);
    pick!(next, &["__next__"], heap_next);
    pick!(call, &["__call__"], heap_call);
    pick!(
        getattro,
        &["__getattribute__", "__getattr__"],
        heap_getattro
    );
    pick!(setattro, &["__setattr__", "__delattr__"], heap_setattro);
    pick!(descr_get, &["__get__"], heap_descr_get);
    pick!(descr_set, &["__set__", "__delete__"], heap_descr_set);
    let mut bin: Vec<&str> = BinOp::ALL
        .iter()
        .flat_map(|o| [o.dunder(), o.rdunder()])
        .collect();
    bin.retain(|n| !n.is_empty());
    pick!(binary, &bin, heap_binary);
    let inplace: Vec<&str> = BinOp::ALL.iter().filter_map(|o| o.idunder()).collect();
    pick!(inplace, &inplace, heap_inplace);
    pick!(pow3, &["__pow__", "__rpow__"], heap_pow3);
    let un: Vec<&str> = UnaryOp::ALL.iter().map(|o| o.dunder()).collect();
    pick!(unary, &un, heap_unary);
    pick!(index, &["__index__"], heap_index);
    pick!(int, &["__int__"], heap_int);
    pick!(float, &["__float__"], heap_float);
    pick!(new, &["__new__"], heap_new);
    pick!(init, &["__init__"], heap_init);
}

/// Calls the attribute `descr` found on `type(obj)` as a method of `obj`.
pub fn call_special(descr: Value, obj: Value, args: &[Value]) -> PyResult {
    if FunctionObject::cast_exact(descr).is_some() {
        return crate::ops::call::call_prepending(descr, obj, args, None);
    }
    if let Some(get) = type_of(descr).slots.descr_get.get() {
        let bound = get(descr, obj, type_of(obj).as_value())?;
        return call(bound, args, None);
    }
    call(descr, args, None)
}

impl FunctionObject {
    pub fn cast_exact(v: Value) -> Option<&'static FunctionObject> {
        crate::object::downcast::<FunctionObject>(v)
    }
}

/// Looks `name` up on `type(obj)` and calls it; None if not defined.
pub fn call_dunder(obj: Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
    match type_of(obj).lookup_str(name) {
        Some(d) if !d.is_none() => call_special(d, obj, args).map(Some),
        _ => Ok(None),
    }
}

fn must(obj: Value, name: &str, args: &[Value]) -> PyResult {
    match call_dunder(obj, name, args)? {
        Some(v) => Ok(v),
        None => Err(crate::ops::attr::no_attribute(obj, intern(name))),
    }
}

fn heap_repr(v: Value) -> PyResult {
    let r = must(v, "__repr__", &[])?;
    if as_str(r).is_none() {
        return Err(type_error(format!(
            "__repr__ returned non-string (type {})",
            type_of(r).name()
        )));
    }
    Ok(r)
}

fn heap_str(v: Value) -> PyResult {
    let r = must(v, "__str__", &[])?;
    if as_str(r).is_none() {
        return Err(type_error(format!(
            "__str__ returned non-string (type {})",
            type_of(r).name()
        )));
    }
    Ok(r)
}

fn heap_hash(v: Value) -> PyResult<i64> {
    match type_of(v).lookup_str("__hash__") {
        None => Ok(crate::types::object::identity_hash(v)),
        Some(h) if h.is_none() => Err(crate::error::unhashable(v)),
        Some(h) => {
            let r = call_special(h, v, &[])?;
            match crate::types::int::int_of(r) {
                Some(i) => Ok(hash_from_dunder(i)),
                None => Err(type_error("__hash__ method should return an integer")),
            }
        }
    }
}

/// The hash `__hash__` returned, as CPython's `slot_tp_hash` keeps it: a
/// value that fits a machine word is unchanged (so returning `hash(y)`
/// gives `y`'s hash), a bigger one goes through int's hash, and -1 (the
/// error value) becomes -2.
fn hash_from_dunder(i: crate::types::int::Int) -> i64 {
    use num_traits::ToPrimitive;
    let h = match i {
        crate::types::int::Int::Small(h) => h,
        crate::types::int::Int::Big(b) => {
            b.to_i64().unwrap_or_else(|| crate::types::int::hash_int(i))
        }
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

fn heap_richcompare(a: Value, b: Value, op: CompareOp) -> PyResult {
    Ok(call_dunder(a, op.dunder(), &[b])?.unwrap_or(Value::NOT_IMPLEMENTED))
}

fn heap_bool(v: Value) -> PyResult<bool> {
    if let Some(r) = call_dunder(v, "__bool__", &[])? {
        return match r {
            Value::TRUE => Ok(true),
            Value::FALSE => Ok(false),
            _ => Err(type_error(format!(
                "__bool__ should return bool, returned {}",
                type_of(r).name()
            ))),
        };
    }
    if type_of(v).lookup_str("__len__").is_some() {
        return Ok(heap_len(v)? > 0);
    }
    Ok(true)
}

fn heap_len(v: Value) -> PyResult<usize> {
    let r = must(v, "__len__", &[])?;
    let n = crate::types::int::to_i64(r)?;
    if n < 0 {
        return Err(value_error("__len__() should return >= 0"));
    }
    Ok(n as usize)
}

fn heap_getitem(v: Value, key: Value) -> PyResult {
    must(v, "__getitem__", &[key])
}

fn heap_setitem(v: Value, key: Value, value: Value) -> PyResult<()> {
    if value.is_null() {
        must(v, "__delitem__", &[key])?;
    } else {
        must(v, "__setitem__", &[key, value])?;
    }
    Ok(())
}

fn heap_contains(v: Value, item: Value) -> PyResult<bool> {
    let r = must(v, "__contains__", &[item])?;
    crate::ops::object::is_true(r)
}

fn heap_iter(v: Value) -> PyResult {
    let it = must(v, "__iter__", &[])?;
    if type_of(it).slots.next.get().is_none() {
        return Err(type_error(format!(
            "iter() returned non-iterator of type '{}'",
            type_of(it).name()
        )));
    }
    Ok(it)
}

fn heap_next(v: Value) -> PyResult<Option<Value>> {
    match must(v, "__next__", &[]) {
        Ok(x) => Ok(Some(x)),
        Err(e) => {
            if crate::error::clear_if(crate::types::registry::types().exc.StopIteration) {
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

fn heap_call(v: Value, args: &[Value], kwnames: Option<Value>) -> PyResult {
    match type_of(v).lookup_str("__call__") {
        Some(d) => {
            if FunctionObject::cast_exact(d).is_some() {
                return crate::ops::call::call_prepending(d, v, args, kwnames);
            }
            let bound = match type_of(d).slots.descr_get.get() {
                Some(get) => get(d, v, type_of(v).as_value())?,
                None => d,
            };
            call(bound, args, kwnames)
        }
        None => Err(type_error(format!(
            "'{}' object is not callable",
            type_of(v).name()
        ))),
    }
}

fn heap_getattro(v: Value, name: Value) -> PyResult<Option<Value>> {
    let ty = type_of(v);
    let attribute_error = crate::types::registry::types().exc.AttributeError;
    // `Err` here is only ever a pending AttributeError that `__getattr__`
    // may still replace.
    let first: Result<Option<Value>, crate::error::Raised> =
        match found_in_heap(ty, "__getattribute__") {
            Some((true, _)) => match must(v, "__getattribute__", &[name]) {
                Ok(x) => Ok(Some(x)),
                Err(e) if crate::error::exception_matches(attribute_error) => Err(e),
                Err(e) => return Err(e),
            },
            _ => Ok(crate::ops::attr::generic_getattr(v, name)?),
        };
    if let Ok(Some(x)) = first {
        return Ok(Some(x));
    }
    if let Some(ga) = ty.lookup_str("__getattr__") {
        if first.is_err() {
            crate::error::clear_exception();
        }
        return call_special(ga, v, &[name]).map(Some);
    }
    first
}

fn heap_setattro(v: Value, name: Value, value: Value) -> PyResult<()> {
    if value.is_null() {
        must(v, "__delattr__", &[name])?;
    } else {
        must(v, "__setattr__", &[name, value])?;
    }
    Ok(())
}

fn heap_descr_get(d: Value, obj: Value, owner: Value) -> PyResult {
    let obj = if obj.is_null() { Value::NONE } else { obj };
    let owner = if owner.is_null() { Value::NONE } else { owner };
    must(d, "__get__", &[obj, owner])
}

fn heap_descr_set(d: Value, obj: Value, value: Value) -> PyResult<()> {
    if value.is_null() {
        must(d, "__delete__", &[obj])?;
    } else {
        must(d, "__set__", &[obj, value])?;
    }
    Ok(())
}

/// True if `type(b)`'s reflected method differs from `type(a)`'s.
fn rop_overridden(a: Value, b: Value, rname: &str) -> bool {
    let rb = type_of(b).lookup_str(rname);
    let ra = type_of(a).lookup_str(rname);
    rb.is_some() && rb != ra
}

/// CPython's `SLOT1BINFULL`: `a.__op__(b)`, or `b.__rop__(a)` first when
/// `type(b)` is a proper subclass overriding it.
fn heap_binary(op: BinOp, a: Value, b: Value) -> PyResult {
    let (ta, tb) = (type_of(a), type_of(b));
    let this_slot = |t: &TypeObject| {
        t.slots
            .binary
            .get()
            .is_some_and(|f| std::ptr::fn_addr_eq(f, heap_binary as crate::typeobj::BinaryFn))
    };
    let mut do_other = !std::ptr::eq(ta, tb) && this_slot(tb);
    if this_slot(ta) {
        if do_other && tb.is_subtype(ta) && rop_overridden(a, b, op.rdunder()) {
            let r = call_dunder(b, op.rdunder(), &[a])?.unwrap_or(Value::NOT_IMPLEMENTED);
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
            do_other = false;
        }
        let r = call_dunder(a, op.dunder(), &[b])?.unwrap_or(Value::NOT_IMPLEMENTED);
        if r != Value::NOT_IMPLEMENTED || std::ptr::eq(ta, tb) {
            return Ok(r);
        }
    }
    if do_other {
        return Ok(call_dunder(b, op.rdunder(), &[a])?.unwrap_or(Value::NOT_IMPLEMENTED));
    }
    Ok(Value::NOT_IMPLEMENTED)
}

fn heap_inplace(op: BinOp, a: Value, b: Value) -> PyResult {
    let Some(name) = op.idunder() else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(call_dunder(a, name, &[b])?.unwrap_or(Value::NOT_IMPLEMENTED))
}

fn heap_pow3(a: Value, b: Value, m: Value) -> PyResult {
    if type_of(a)
        .slots
        .pow3
        .get()
        .is_some_and(|f| std::ptr::fn_addr_eq(f, heap_pow3 as crate::typeobj::TernaryFn))
    {
        if let Some(r) = call_dunder(a, "__pow__", &[b, m])? {
            return Ok(r);
        }
    }
    Ok(Value::NOT_IMPLEMENTED)
}

fn heap_unary(op: UnaryOp, v: Value) -> PyResult {
    Ok(call_dunder(v, op.dunder(), &[])?.unwrap_or(Value::NOT_IMPLEMENTED))
}

fn heap_index(v: Value) -> PyResult {
    let r = must(v, "__index__", &[])?;
    if !crate::types::int::is_int(r) {
        return Err(type_error(format!(
            "__index__ returned non-int (type {})",
            type_of(r).name()
        )));
    }
    Ok(r)
}

fn heap_int(v: Value) -> PyResult {
    must(v, "__int__", &[])
}

fn heap_float(v: Value) -> PyResult {
    must(v, "__float__", &[])
}

fn heap_new(cls: &'static TypeObject, args: &[Value], kwnames: Option<Value>) -> PyResult {
    let Some(new) = cls.lookup(crate::types::string::hot_names().new) else {
        return Err(type_error(format!(
            "cannot create '{}' instances",
            cls.name()
        )));
    };
    // `__new__` is a staticmethod: unwrap it and pass the class first.
    let f = match type_of(new).slots.descr_get.get() {
        Some(get) => get(new, Value::NULL, cls.as_value())?,
        None => new,
    };
    crate::ops::call::call_prepending(f, cls.as_value(), args, kwnames)
}

fn heap_init(v: Value, args: &[Value], kwnames: Option<Value>) -> PyResult<()> {
    let Some(init) = type_of(v).lookup(crate::types::string::hot_names().init) else {
        return Ok(());
    };
    let r = if FunctionObject::cast_exact(init).is_some() {
        crate::ops::call::call_prepending(init, v, args, kwnames)?
    } else {
        let bound = match type_of(init).slots.descr_get.get() {
            Some(get) => get(init, v, type_of(v).as_value())?,
            None => init,
        };
        call(bound, args, kwnames)?
    };
    init_returned(r)
}

/// The check of `__init__`'s result: None, or TypeError.
pub fn init_returned(r: Value) -> PyResult<()> {
    if !r.is_none() {
        return Err(type_error(format!(
            "__init__() should return None, not '{}'",
            type_of(r).name()
        )));
    }
    Ok(())
}

/// True when `f` is the `__init__` slot of classes that define `__init__`.
pub fn is_heap_init(f: crate::typeobj::InitFn) -> bool {
    std::ptr::fn_addr_eq(f, heap_init as crate::typeobj::InitFn)
}
