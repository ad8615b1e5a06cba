//! Tests of user classes: MRO, layout, attributes and shapes, dunder
//! dispatch, descriptors, super, `__slots__`, subclasses of builtins,
//! metaclasses and `__init_subclass__`.

use crate::object::type_of;
use crate::ops::attr::{getattr_str, setattr};
use crate::ops::call::{call, call_method};
use crate::ops::{arith, compare, object, CompareOp};
use crate::testing::{class, err, pyfunc, s, text};
use crate::typeobj::as_type;
use crate::types::registry::types;
use crate::types::string::{intern, new_str};
use crate::Value;

fn mro_names(c: Value) -> Vec<&'static str> {
    as_type(c)
        .unwrap()
        .mro_slice()
        .iter()
        .map(|&t| as_type(t).unwrap().name())
        .collect()
}

#[test]
fn diamond_mro_and_its_error() {
    let a = class("A", &[], &[]).unwrap();
    let b = class("B", &[a], &[]).unwrap();
    let c = class("C", &[a], &[]).unwrap();
    let d = class("D", &[b, c], &[]).unwrap();
    assert_eq!(mro_names(d), ["D", "B", "C", "A", "object"]);
    assert!(class("X", &[a, b], &[]).is_err());
    assert_eq!(
        err(),
        "TypeError: Cannot create a consistent method resolution\norder (MRO) for bases A, B"
    );
    let t = types();
    assert!(class("Y", &[t.int.as_value(), t.str.as_value()], &[]).is_err());
    assert_eq!(
        err(),
        "TypeError: multiple bases have instance lay-out conflict"
    );
    assert!(class("Z", &[t.bool.as_value()], &[]).is_err());
    assert_eq!(
        err(),
        "TypeError: type 'bool' is not an acceptable base type"
    );
    let e = class(
        "E",
        &[t.exc.ValueError.as_value(), t.exc.KeyError.as_value()],
        &[],
    )
    .unwrap();
    assert_eq!(
        mro_names(e)[..4],
        ["E", "ValueError", "KeyError", "LookupError"]
    );
}

fn init_xy(a: &[Value]) -> crate::PyResult {
    setattr(a[0], intern("x"), a[1])?;
    setattr(a[0], intern("y"), a[2])?;
    Ok(Value::NONE)
}

#[test]
fn instances_attributes_and_shapes() {
    let p = class(
        "P",
        &[],
        &[(
            "__init__",
            pyfunc("P.__init__", &["self", "x", "y"], init_xy),
        )],
    )
    .unwrap();
    let one = call(p, &[Value::small_int(1), Value::small_int(2)], None).unwrap();
    let two = call(p, &[Value::small_int(3), Value::small_int(4)], None).unwrap();
    assert_eq!(getattr_str(one, "y").unwrap(), Value::small_int(2));
    let (a1, a2) = (
        crate::types::instance::attrs_of(one).unwrap(),
        crate::types::instance::attrs_of(two).unwrap(),
    );
    assert!(
        std::ptr::eq(a1.shape(), a2.shape()),
        "same attributes in the same order share a shape"
    );
    assert_eq!(s(getattr_str(one, "__dict__").unwrap()), "{'x': 1, 'y': 2}");
    assert!(getattr_str(one, "z").is_err());
    assert_eq!(err(), "AttributeError: 'P' object has no attribute 'z'");
    assert!(call(p, &[Value::small_int(1)], None).is_err());
    assert_eq!(
        err(),
        "TypeError: P.__init__() missing 1 required positional argument: 'y'"
    );
    assert!(text(object::repr(one).unwrap()).starts_with("<__main__.P object at 0x"));
    assert_eq!(s(p), "<class '__main__.P'>");
    assert!(call(types().object.as_value(), &[Value::small_int(1)], None).is_err());
    assert_eq!(err(), "TypeError: object() takes no arguments");
    let q = class("Q", &[], &[]).unwrap();
    assert!(call(q, &[Value::small_int(1)], None).is_err());
    assert_eq!(err(), "TypeError: Q() takes no arguments");
}

fn add_impl(a: &[Value]) -> crate::PyResult {
    Ok(new_str(&format!("add({})", s(a[1]))))
}

fn radd_impl(a: &[Value]) -> crate::PyResult {
    Ok(new_str(&format!("radd({})", s(a[1]))))
}

fn eq_always(_: &[Value]) -> crate::PyResult {
    Ok(Value::TRUE)
}

#[test]
fn binary_dunders_and_reflection() {
    let v = class(
        "V",
        &[],
        &[
            ("__add__", pyfunc("V.__add__", &["self", "o"], add_impl)),
            ("__radd__", pyfunc("V.__radd__", &["self", "o"], radd_impl)),
        ],
    )
    .unwrap();
    let x = call(v, &[], None).unwrap();
    assert_eq!(text(arith::add(x, Value::small_int(1)).unwrap()), "add(1)");
    assert_eq!(text(arith::add(Value::small_int(1), x).unwrap()), "radd(1)");
    // A subclass overriding __radd__ gets the first try.
    let w = class(
        "W",
        &[v],
        &[("__radd__", pyfunc("W.__radd__", &["self", "o"], radd_impl))],
    )
    .unwrap();
    let y = call(w, &[], None).unwrap();
    let r = arith::add(x, y).unwrap();
    assert!(text(r).starts_with("radd(<__main__.V object"));
    let plain = class("Plain", &[], &[]).unwrap();
    let z = call(plain, &[], None).unwrap();
    assert!(arith::sub(z, Value::small_int(1)).is_err());
    assert_eq!(
        err(),
        "TypeError: unsupported operand type(s) for -: 'Plain' and 'int'"
    );
    assert!(compare::rich_compare(z, z, CompareOp::Lt).is_err());
    assert_eq!(
        err(),
        "TypeError: '<' not supported between instances of 'Plain' and 'Plain'"
    );
}

#[test]
fn eq_without_hash_is_unhashable_and_ne_inverts() {
    let e = class(
        "E",
        &[],
        &[("__eq__", pyfunc("E.__eq__", &["self", "o"], eq_always))],
    )
    .unwrap();
    let a = call(e, &[], None).unwrap();
    assert!(object::hash(a).is_err());
    assert_eq!(err(), "TypeError: unhashable type: 'E'");
    assert_eq!(
        compare::rich_compare(a, Value::small_int(1), CompareOp::Ne).unwrap(),
        Value::FALSE
    );
    let plain = call(class("H", &[], &[]).unwrap(), &[], None).unwrap();
    assert!(object::hash(plain).is_ok());
    assert_eq!(
        compare::rich_compare(plain, plain, CompareOp::Eq).unwrap(),
        Value::TRUE
    );
}

fn get_x(a: &[Value]) -> crate::PyResult {
    Ok(getattr_str(a[0], "_x").unwrap_or(Value::small_int(0)))
}

fn set_x(a: &[Value]) -> crate::PyResult {
    setattr(a[0], intern("_x"), arith::mul(a[1], Value::small_int(10))?)?;
    Ok(Value::NONE)
}

fn cls_name(a: &[Value]) -> crate::PyResult {
    getattr_str(a[0], "__name__")
}

fn static_double(a: &[Value]) -> crate::PyResult {
    arith::mul(a[0], Value::small_int(2))
}

#[test]
fn property_staticmethod_classmethod() {
    let prop = call(
        types().property.as_value(),
        &[pyfunc("C.x", &["self"], get_x)],
        None,
    )
    .unwrap();
    let prop = call_method(prop, "setter", &[pyfunc("C.x", &["self", "v"], set_x)]).unwrap();
    let sm = call(
        types().staticmethod.as_value(),
        &[pyfunc("C.d", &["v"], static_double)],
        None,
    )
    .unwrap();
    let cm = call(
        types().classmethod.as_value(),
        &[pyfunc("C.n", &["cls"], cls_name)],
        None,
    )
    .unwrap();
    let c = class("C", &[], &[("x", prop), ("d", sm), ("n", cm)]).unwrap();
    let o = call(c, &[], None).unwrap();
    setattr(o, intern("x"), Value::small_int(4)).unwrap();
    assert_eq!(getattr_str(o, "x").unwrap(), Value::small_int(40));
    assert!(crate::ops::attr::delattr(o, intern("x")).is_err());
    assert_eq!(
        err(),
        "AttributeError: property 'x' of 'C' object has no deleter"
    );
    assert_eq!(
        call_method(o, "d", &[Value::small_int(5)]).unwrap(),
        Value::small_int(10)
    );
    assert_eq!(text(call_method(o, "n", &[]).unwrap()), "C");
    assert_eq!(
        text(call(getattr_str(c, "n").unwrap(), &[], None).unwrap()),
        "C"
    );
}

fn greet_base(a: &[Value]) -> crate::PyResult {
    Ok(new_str(&format!("base:{}", s(a[1]))))
}

fn greet_child(a: &[Value]) -> crate::PyResult {
    let sup = crate::types::super_::new_super(cls_of_child(), a[0])?;
    let r = call_method(sup, "greet", &[a[1]])?;
    Ok(new_str(&format!("child+{}", s(r))))
}

thread_local! {
    static CHILD: std::cell::Cell<Value> = const { std::cell::Cell::new(Value::NULL) };
}

fn cls_of_child() -> Value {
    CHILD.with(|c| c.get())
}

#[test]
fn super_calls_the_next_class_in_the_mro() {
    let base = class(
        "Base",
        &[],
        &[("greet", pyfunc("Base.greet", &["self", "who"], greet_base))],
    )
    .unwrap();
    let child = class(
        "Child",
        &[base],
        &[(
            "greet",
            pyfunc("Child.greet", &["self", "who"], greet_child),
        )],
    )
    .unwrap();
    CHILD.with(|c| c.set(child));
    let o = call(child, &[], None).unwrap();
    assert_eq!(
        text(call_method(o, "greet", &[new_str("bob")]).unwrap()),
        "child+base:bob"
    );
    let sup = crate::types::super_::new_super(child, o).unwrap();
    assert_eq!(s(sup), "<super: <class 'Child'>, <Child object>>");
    assert!(crate::types::super_::new_super(child, Value::small_int(1)).is_err());
    assert_eq!(
        err(),
        "TypeError: super(type, obj): obj must be an instance or subtype of type"
    );
}

fn fallback(a: &[Value]) -> crate::PyResult {
    Ok(new_str(&format!("missing:{}", s(a[1]))))
}

fn always_seven(_: &[Value]) -> crate::PyResult {
    Ok(Value::small_int(7))
}

#[test]
fn getattr_fallback_and_getattribute_override() {
    let g = class(
        "G",
        &[],
        &[(
            "__getattr__",
            pyfunc("G.__getattr__", &["self", "n"], fallback),
        )],
    )
    .unwrap();
    let o = call(g, &[], None).unwrap();
    setattr(o, intern("real"), Value::small_int(1)).unwrap();
    assert_eq!(getattr_str(o, "real").unwrap(), Value::small_int(1));
    assert_eq!(text(getattr_str(o, "nope").unwrap()), "missing:nope");
    let h = class(
        "H2",
        &[],
        &[(
            "__getattribute__",
            pyfunc("H2.__getattribute__", &["self", "n"], always_seven),
        )],
    )
    .unwrap();
    let o = call(h, &[], None).unwrap();
    assert_eq!(getattr_str(o, "anything").unwrap(), Value::small_int(7));
}

#[test]
fn slots_restrict_attributes() {
    let slots = crate::types::tuple::new_tuple(&[new_str("a")]);
    let c = class("S", &[], &[("__slots__", slots)]).unwrap();
    let o = call(c, &[], None).unwrap();
    assert!(getattr_str(o, "a").is_err());
    assert_eq!(err(), "AttributeError: 'S' object has no attribute 'a'");
    setattr(o, intern("a"), Value::small_int(1)).unwrap();
    assert_eq!(getattr_str(o, "a").unwrap(), Value::small_int(1));
    assert!(setattr(o, intern("b"), Value::small_int(1)).is_err());
    assert_eq!(err(), "AttributeError: 'S' object has no attribute 'b'");
    // A subclass without __slots__ gets a __dict__ again.
    let d = class("SD", &[c], &[]).unwrap();
    let o = call(d, &[], None).unwrap();
    setattr(o, intern("b"), Value::small_int(2)).unwrap();
    setattr(o, intern("a"), Value::small_int(3)).unwrap();
    assert_eq!(getattr_str(o, "b").unwrap(), Value::small_int(2));
}

#[test]
fn subclasses_of_builtins() {
    let t = types();
    let l = class("L", &[t.list.as_value()], &[]).unwrap();
    let o = call(l, &[crate::types::range::new_range(0, 3, 1)], None).unwrap();
    call_method(o, "append", &[Value::small_int(9)]).unwrap();
    assert_eq!(object::len(o).unwrap(), 4);
    assert_eq!(s(o), "[0, 1, 2, 9]");
    assert!(crate::ops::isinstance::isinstance(o, t.list.as_value()).unwrap());
    setattr(o, intern("tag"), Value::TRUE).unwrap();
    let i = class("I", &[t.int.as_value()], &[]).unwrap();
    let five = call(i, &[Value::small_int(5)], None).unwrap();
    assert_eq!(
        arith::add(five, Value::small_int(1)).unwrap(),
        Value::small_int(6)
    );
    assert_eq!(s(five), "5");
    assert_eq!(type_of(five).name(), "I");
    assert_eq!(object::hash(five).unwrap(), 5);
    let st = class("MyStr", &[t.str.as_value()], &[]).unwrap();
    let hello = call(st, &[new_str("hi")], None).unwrap();
    assert_eq!(text(arith::add(hello, new_str("!")).unwrap()), "hi!");
    let err_cls = class("MyError", &[t.exc.ValueError.as_value()], &[]).unwrap();
    let e = call(err_cls, &[new_str("boom")], None).unwrap();
    assert_eq!(
        crate::exceptions::traceback::format_exception_only(e),
        "MyError: boom\n"
    );
    assert!(
        crate::ops::isinstance::exception_matches_class(e, t.exc.Exception.as_value()).unwrap()
    );
}

fn record_subclass(a: &[Value]) -> crate::PyResult {
    setattr(a[0], intern("tag"), a[1])?;
    Ok(Value::NONE)
}

#[test]
fn init_subclass_receives_class_keywords() {
    let init = pyfunc("Base.__init_subclass__", &["cls", "tag"], record_subclass);
    let base = class("Base", &[], &[("__init_subclass__", init)]).unwrap();
    let ns = crate::types::dict::DictObject::new_value();
    let kwargs = [(intern("tag"), new_str("x"))];
    let sub = crate::typeobj::class::new_class(
        types().type_,
        new_str("Sub"),
        crate::types::tuple::new_tuple(&[base]),
        ns,
        &kwargs,
    )
    .unwrap();
    assert_eq!(text(getattr_str(sub, "tag").unwrap()), "x");
    let meta = class("Meta", &[types().type_.as_value()], &[]).unwrap();
    let with_meta = call(
        meta,
        &[
            new_str("K"),
            crate::types::tuple::new_tuple(&[]),
            crate::types::dict::DictObject::new_value(),
        ],
        None,
    )
    .unwrap();
    assert_eq!(type_of(with_meta).name(), "Meta");
    assert_eq!(
        s(call(types().type_.as_value(), &[Value::small_int(1)], None).unwrap()),
        "<class 'int'>"
    );
}

#[test]
fn assigning_a_dunder_updates_the_slot() {
    let c = class("Late", &[], &[]).unwrap();
    let o = call(c, &[], None).unwrap();
    assert!(object::len(o).is_err());
    assert_eq!(err(), "TypeError: object of type 'Late' has no len()");
    setattr(
        c,
        intern("__len__"),
        pyfunc("Late.__len__", &["self"], always_seven),
    )
    .unwrap();
    assert_eq!(object::len(o).unwrap(), 7);
    assert!(setattr(types().int.as_value(), intern("x"), Value::NONE).is_err());
    assert_eq!(
        err(),
        "TypeError: cannot set 'x' attribute of immutable type 'int'"
    );
}
