//! Collector tests: objects of many types kept alive only through a
//! `RootedVec` or through each other must survive a collection intact,
//! and what nothing reaches must be freed.
//!
//! Liveness is observed with test weak references (objects whose type does
//! not trace their slot, registered with `register_weak`): the collector
//! clears a slot exactly when its referent is freed. Objects under test
//! are built in `#[inline(never)]` helpers and the stack is scrubbed
//! before collecting, so no stale stack word keeps them alive and only
//! the trace functions can.

use std::any::TypeId;
use std::cell::Cell;

use super::{collect, register_weak, RootedVec};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, type_of, PyPayload};
use crate::ops::attr::{getattr_str, setattr};
use crate::ops::call::call;
use crate::ops::object::{repr_string, str_string};
use crate::testing::{class, pyfunc};
use crate::typeobj::builder::{self, trace_nothing, TypeSpec};
use crate::typeobj::TypeObject;
use crate::types::dict::DictObject;
use crate::types::function::FunctionObject;
use crate::types::generator::{new_generator, FrameOps, GenKind, GenStep, Resume};
use crate::types::list::new_list;
use crate::types::registry::{all_types, types};
use crate::types::string::{as_str, intern, new_str, new_string};
use crate::types::tuple::new_tuple;
use crate::{PyResult, Value};

/// A weak reference for the tests: its type traces nothing, so its slot
/// does not keep the referent alive, and the collector clears the slot
/// when the referent is freed.
#[repr(C)]
struct WeakRef {
    header: Header,
    referent: Cell<Value>,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for WeakRef {}

/// A test's roots and its weak-reference type.
struct Fixture {
    roots: RootedVec,
    weak_type: &'static TypeObject,
}

impl Fixture {
    fn new() -> Fixture {
        let spec = TypeSpec::new("test_weakref", TypeId::of::<WeakRef>());
        let weak_type = builder::create(&spec, Some(types().object));
        weak_type.header.ty.set(types().type_);
        let mut roots = RootedVec::new();
        roots.push(weak_type.as_value());
        Fixture { roots, weak_type }
    }

    /// Keeps `v` alive (as a root) and returns it.
    fn keep(&mut self, v: Value) -> Value {
        self.roots.push(v);
        v
    }

    /// Stops keeping `v` alive.
    fn drop_root(&mut self, v: Value) {
        self.roots.retain(|&r| r != v);
    }

    /// A (rooted) weak reference to `target`.
    fn weak(&mut self, target: Value) -> Value {
        assert!(target.is_pointer());
        let w = alloc_value(WeakRef {
            header: Header::new(self.weak_type),
            referent: Cell::new(target),
        });
        register_weak(w, &weak_ref(w).referent);
        self.keep(w)
    }
}

fn weak_ref(w: Value) -> &'static WeakRef {
    downcast::<WeakRef>(w).expect("a test weak reference")
}

/// True while the referent of the weak reference `w` is alive.
fn alive(w: Value) -> bool {
    !weak_ref(w).referent.get().is_null()
}

/// Overwrites the stack below the caller with zeros, so no stale word of
/// a helper that returned keeps an object alive.
#[inline(never)]
fn scrub_stack() {
    let mut buf = [0usize; 8192];
    std::hint::black_box(&mut buf);
}

/// Collects after scrubbing the stack; returns the number freed.
fn collect_now() -> usize {
    scrub_stack();
    collect()
}

/// Allocates (and drops) many objects, so freed memory is reused.
#[inline(never)]
fn churn() {
    for i in 0..20_000 {
        let s = new_string(format!("churn {i}"));
        let _ = new_list(vec![s, Value::small_int(i)]);
        let _ = new_tuple(&[s, s]);
    }
}

/// Asserts every weak reference in `ws` is alive (or, `dead`, cleared).
fn assert_all(ws: &[Value], dead: bool, what: &str) {
    for (i, &w) in ws.iter().enumerate() {
        assert_eq!(!alive(w), dead, "{what} #{i}");
    }
}

fn repr(v: Value) -> String {
    repr_string(v).expect("repr")
}

fn builtin(name: &str) -> Value {
    crate::runtime::builtins_dict()
        .get_str(intern(name))
        .expect("a builtin")
}

/// Unreachable objects of several kinds, including a cycle and a large
/// str; returns weak references to them.
#[inline(never)]
fn make_garbage(fx: &mut Fixture) -> Vec<Value> {
    let cycle = new_list(vec![new_str("in a cycle")]);
    crate::types::list::ListObject::cast(cycle)
        .unwrap()
        .push(cycle);
    let big = new_string("x".repeat(100_000));
    let d = DictObject::new_value();
    DictObject::cast(d).unwrap().set_str(new_str("k"), big);
    let f = pyfunc("garbage", &["a"], |a| Ok(a[0]));
    vec![fx.weak(cycle), fx.weak(big), fx.weak(d), fx.weak(f)]
}

#[inline(never)]
fn build_containers(fx: &mut Fixture) -> (String, Vec<Value>) {
    let inner_str = new_str("inner");
    let big = new_string("y".repeat(50_000));
    let tuple = new_tuple(&[inner_str, Value::small_int(7)]);
    let set = crate::types::set::set_from_values(&[new_str("s1"), tuple]).unwrap();
    let frozen = crate::types::set::frozenset_from_values(&[new_str("f1")]).unwrap();
    let d = DictObject::new_value();
    let dict = DictObject::cast(d).unwrap();
    dict.set_item(new_str("key"), new_list(vec![set, frozen]))
        .unwrap();
    dict.set_item(tuple, big).unwrap();
    let bigint = crate::types::int::int_from_bigint(num_bigint::BigInt::from(7u8).pow(100));
    let root = fx.keep(new_list(vec![d, bigint, new_list(vec![])]));
    let expected = repr(root);
    (
        expected,
        vec![fx.weak(inner_str), fx.weak(big), fx.weak(set)],
    )
}

#[test]
fn nested_containers_survive_and_garbage_is_freed() {
    let mut fx = Fixture::new();
    let (expected, inner) = build_containers(&mut fx);
    let garbage = make_garbage(&mut fx);
    let freed = collect_now();
    assert!(freed > 0, "nothing freed");
    assert_all(&inner, false, "container item");
    assert_all(&garbage, true, "garbage");
    churn();
    assert_eq!(repr(fx.roots[1]), expected);
    // A second collection with the survivors still reachable frees the
    // churn and keeps them.
    assert!(collect_now() > 0);
    assert_all(&inner, false, "container item after a second collection");
    assert_eq!(repr(fx.roots[1]), expected);
}

fn function_body(a: &[Value]) -> PyResult {
    Ok(new_tuple(a))
}

#[inline(never)]
fn build_function(fx: &mut Fixture) -> Vec<Value> {
    let f = pyfunc("outer.f", &["a", "b"], function_body);
    let func = FunctionObject::cast(f).unwrap();
    let default = new_str("default b");
    func.defaults.set(new_tuple(&[default]));
    let captured = new_str("captured");
    let cell = crate::types::cell::new_cell(captured);
    func.closure.set(new_tuple(&[cell]));
    let kw = DictObject::new_value();
    DictObject::cast(kw)
        .unwrap()
        .set_str(new_str("k"), new_str("kwdefault"));
    func.kwdefaults.set(kw);
    let global = new_str("a global");
    DictObject::cast(func.globals)
        .unwrap()
        .set_str(new_str("G"), global);
    let doc = new_str("the doc");
    func.doc.set(doc);
    let attr = new_str("an attribute");
    setattr(f, intern("extra"), attr).unwrap();
    let filename = func.code_info.filename;
    let code = crate::types::code::new_code(std::ptr::null(), func.code_info);
    let code_name = new_str("code name");
    let info = Box::leak(Box::new(crate::types::function::CodeInfo::new(
        code_name,
        code_name,
        new_str("c.py"),
        1,
        0,
        0,
        0,
        0,
        vec![],
    )));
    let lone_code = crate::types::code::new_code(std::ptr::null(), info);
    fx.keep(f);
    fx.keep(lone_code);
    let ws = [
        default, captured, cell, kw, global, doc, attr, filename, code, code_name,
    ];
    ws.iter().map(|&v| fx.weak(v)).collect()
}

#[test]
fn functions_keep_defaults_closure_globals_and_code_info() {
    let mut fx = Fixture::new();
    let inner = build_function(&mut fx);
    // The first code object was only reachable from its own weak ref.
    let (kept, dropped) = (&inner[..8], inner[8]);
    assert!(collect_now() > 0);
    assert_all(kept, false, "function part");
    assert!(!alive(dropped), "an unreachable code object was kept");
    assert!(alive(inner[9]), "a code object's CodeInfo was not traced");
    churn();
    let f = fx.roots[1];
    let r = call(f, &[new_str("a")], None).unwrap();
    assert_eq!(repr(r), "('a', 'default b')");
    assert_eq!(
        str_string(getattr_str(f, "extra").unwrap()).unwrap(),
        "an attribute"
    );
    assert_eq!(
        repr(getattr_str(f, "__kwdefaults__").unwrap()),
        "{'k': 'kwdefault'}"
    );
    let code = fx.roots[2];
    assert_eq!(
        as_str(getattr_str(code, "co_filename").unwrap()),
        Some("c.py")
    );
}

fn method_body(a: &[Value]) -> PyResult {
    getattr_str(a[0], "x")
}

#[inline(never)]
fn build_class_objects(fx: &mut Fixture) -> Vec<Value> {
    let method = pyfunc("C.m", &["self"], method_body);
    let class_attr = new_str("class attribute");
    let c = class("C", &[], &[("m", method), ("attr", class_attr)]).unwrap();
    let sub = class("D", &[c], &[]).unwrap();
    let instance = call(sub, &[], None).unwrap();
    let x = new_str("instance x");
    setattr(instance, intern("x"), x).unwrap();
    // Only the bound method is rooted: the instance, its class, the base
    // class and the function are reached from it.
    let bound = getattr_str(instance, "m").unwrap();
    fx.keep(bound);
    // A class reached only through a getset descriptor of its dict.
    let e = class("E", &[], &[]).unwrap();
    let dict_descr = as_type_dict(e).get_str(intern("__dict__")).unwrap();
    fx.keep(dict_descr);
    // A builtin method bound to a list.
    let l = new_list(vec![new_str("in a list")]);
    fx.keep(getattr_str(l, "append").unwrap());
    // A method-wrapper bound to a str.
    let s = new_str("wrapped self");
    fx.keep(getattr_str(s, "__len__").unwrap());
    [method, class_attr, c, sub, instance, x, e, l, s]
        .iter()
        .map(|&v| fx.weak(v))
        .collect()
}

fn as_type_dict(t: Value) -> &'static DictObject {
    crate::typeobj::as_type(t).unwrap().dict()
}

#[test]
fn classes_instances_and_bound_methods_survive() {
    let mut fx = Fixture::new();
    let inner = build_class_objects(&mut fx);
    let _ = make_garbage(&mut fx);
    assert!(collect_now() > 0);
    assert_all(&inner, false, "class part");
    churn();
    let bound = fx.roots[1];
    assert_eq!(
        str_string(call(bound, &[], None).unwrap()).unwrap(),
        "instance x"
    );
    let this = getattr_str(bound, "__self__").unwrap();
    assert_eq!(type_of(this).name(), "D");
    assert_eq!(
        str_string(getattr_str(this, "attr").unwrap()).unwrap(),
        "class attribute"
    );
    let e_dict = getattr_str(fx.roots[2], "__objclass__").unwrap();
    assert_eq!(repr(e_dict), "<class '__main__.E'>");
    let append = fx.roots[3];
    call(append, &[Value::small_int(1)], None).unwrap();
    assert_eq!(
        repr(getattr_str(append, "__self__").unwrap()),
        "['in a list', 1]"
    );
    assert_eq!(call(fx.roots[4], &[], None).unwrap(), Value::small_int(12));
}

#[inline(never)]
fn build_metaclass_objects(fx: &mut Fixture) -> Vec<Value> {
    let meta = class("Meta", &[types().type_.as_value()], &[]).unwrap();
    let ns = DictObject::new_value();
    let value = new_str("on A");
    DictObject::cast(ns).unwrap().set_str(intern("v"), value);
    DictObject::cast(ns)
        .unwrap()
        .set_str(intern("__module__"), new_str("m"));
    let a = call(meta, &[new_str("A"), new_tuple(&[]), ns], None).unwrap();
    fx.keep(call(a, &[], None).unwrap());
    [meta, a, value].iter().map(|&v| fx.weak(v)).collect()
}

#[test]
fn classes_made_by_a_metaclass_are_traced_as_types() {
    let mut fx = Fixture::new();
    let inner = build_metaclass_objects(&mut fx);
    assert!(collect_now() > 0);
    assert_all(&inner, false, "metaclass part");
    churn();
    let a = type_of(fx.roots[1]).as_value();
    assert_eq!(type_of(a).name(), "Meta");
    assert_eq!(str_string(getattr_str(a, "v").unwrap()).unwrap(), "on A");
    let d = getattr_str(a, "__dict__").unwrap();
    assert_eq!(
        str_string(DictObject::cast(d).unwrap().get_str(intern("v")).unwrap()).unwrap(),
        "on A"
    );
}

fn getter_body(a: &[Value]) -> PyResult {
    Ok(new_string(format!("got {}", type_of(a[0]).name())))
}

#[inline(never)]
fn build_descriptors(fx: &mut Fixture) -> Vec<Value> {
    let getter = pyfunc("get", &["self"], getter_body);
    let my_property = class("MyProperty", &[builtin("property")], &[]).unwrap();
    let prop = call(my_property, &[getter], None).unwrap();
    let plain = call(builtin("property"), &[getter], None).unwrap();
    let static_target = pyfunc("st", &["a"], |a| Ok(a[0]));
    let my_static = class("MyStatic", &[builtin("staticmethod")], &[]).unwrap();
    let st = call(my_static, &[static_target], None).unwrap();
    let cm_target = pyfunc("cm", &["cls"], |a| Ok(a[0]));
    let cm = call(builtin("classmethod"), &[cm_target], None).unwrap();
    let owner = class(
        "Owner",
        &[],
        &[("p", prop), ("q", plain), ("st", st), ("cm", cm)],
    )
    .unwrap();
    let instance = fx.keep(call(owner, &[], None).unwrap());
    let sup = crate::types::super_::new_super(owner, instance).unwrap();
    fx.keep(sup);
    let slice = crate::types::slice::new_slice(new_str("a"), new_str("b"), Value::NONE);
    fx.keep(slice);
    [
        getter,
        my_property,
        prop,
        static_target,
        st,
        cm_target,
        cm,
        owner,
    ]
    .iter()
    .map(|&v| fx.weak(v))
    .collect()
}

#[test]
fn descriptors_and_their_subclasses_survive() {
    let mut fx = Fixture::new();
    let inner = build_descriptors(&mut fx);
    assert!(collect_now() > 0);
    assert_all(&inner, false, "descriptor part");
    churn();
    let instance = fx.roots[1];
    let owner = type_of(instance).as_value();
    let prop = as_type_dict(owner).get_str(intern("p")).unwrap();
    // A user subclass of property wraps a property object.
    assert!(crate::object::wrapped_value(prop).is_some());
    assert_eq!(type_of(prop).name(), "MyProperty");
    assert_eq!(
        str_string(getattr_str(instance, "p").unwrap()).unwrap(),
        "got Owner"
    );
    assert_eq!(
        str_string(getattr_str(instance, "q").unwrap()).unwrap(),
        "got Owner"
    );
    let st = getattr_str(instance, "st").unwrap();
    assert_eq!(
        call(st, &[Value::small_int(5)], None).unwrap(),
        Value::small_int(5)
    );
    let cm = getattr_str(instance, "cm").unwrap();
    assert_eq!(call(cm, &[], None).unwrap(), owner);
    assert_eq!(
        repr(fx.roots[2]),
        "<super: <class 'Owner'>, <Owner object>>"
    );
    assert_eq!(repr(fx.roots[3]), "slice('a', 'b', None)");
}

/// Roots iterators of many kinds (in the order `iterators_keep_what_they_iterate`
/// checks them); returns weak references to what they iterate.
#[inline(never)]
fn build_iterators(fx: &mut Fixture) -> Vec<Value> {
    let strs = |names: &[&str]| names.iter().map(|n| new_str(n)).collect::<Vec<_>>();
    let list = new_list(strs(&["l0", "l1", "l2"]));
    let tuple = new_tuple(&strs(&["t0", "t1"]));
    let d = DictObject::new_value();
    for (k, v) in [("k0", "v0"), ("k1", "v1")] {
        DictObject::cast(d).unwrap().set_str(new_str(k), new_str(v));
    }
    let set = crate::types::set::set_from_values(&strs(&["only"])).unwrap();
    let it = |v: Value| crate::ops::iter::iter(v).unwrap();
    let method = |v: Value, name: &str| crate::ops::call::call_method(v, name, &[]).unwrap();
    let list_it = it(list);
    crate::ops::iter::next(list_it).unwrap();
    let upper = pyfunc("upper", &["s"], |a| {
        crate::ops::call::call_method(a[0], "upper", &[])
    });
    let keep_t0 = pyfunc("keep", &["s"], |a| {
        Ok(Value::from_bool(as_str(a[0]) == Some("t0")))
    });
    let iterators = [
        list_it,
        it(tuple),
        it(new_str("ab")),
        it(d),
        method(d, "values"),
        it(method(d, "items")),
        method(d, "keys"),
        it(set),
        call(builtin("zip"), &[list, tuple], None).unwrap(),
        call(builtin("map"), &[upper, tuple], None).unwrap(),
        call(builtin("filter"), &[keep_t0, tuple], None).unwrap(),
        call(builtin("enumerate"), &[tuple], None).unwrap(),
        call(builtin("reversed"), &[list], None).unwrap(),
        it(crate::types::range::new_range(0, 3, 1)),
        it(crate::types::bytes::new_bytes(b"xy".to_vec())),
    ];
    for i in iterators {
        fx.keep(i);
    }
    [list, tuple, d, set, upper, keep_t0]
        .iter()
        .map(|&v| fx.weak(v))
        .collect()
}

#[test]
fn iterators_keep_what_they_iterate() {
    let mut fx = Fixture::new();
    let inner = build_iterators(&mut fx);
    let _ = make_garbage(&mut fx);
    assert!(collect_now() > 0);
    assert_all(&inner, false, "iterated object");
    churn();
    let list_of = |i: usize| repr(call(builtin("list"), &[fx.roots[i]], None).unwrap());
    let expected = [
        "['l1', 'l2']",
        "['t0', 't1']",
        "['a', 'b']",
        "['k0', 'k1']",
        "['v0', 'v1']",
        "[('k0', 'v0'), ('k1', 'v1')]",
        "['k0', 'k1']",
        "['only']",
        "[('l0', 't0'), ('l1', 't1')]",
        "['T0', 'T1']",
        "['t0']",
        "[(0, 't0'), (1, 't1')]",
        "['l2', 'l1', 'l0']",
        "[0, 1, 2]",
        "[120, 121]",
    ];
    for (i, e) in expected.iter().enumerate() {
        assert_eq!(list_of(i + 1), *e, "iterator #{i}");
    }
}

#[inline(never)]
fn build_exception(fx: &mut Fixture) -> (String, Vec<Value>) {
    let t = &types().exc;
    let cause = crate::exceptions::new_exception(t.KeyError, "the cause");
    let context = crate::exceptions::new_exception(t.TypeError, "the context");
    let exc =
        crate::exceptions::new_exception_args(t.ValueError, &[new_str("msg"), new_str("arg 2")]);
    let e = crate::exceptions::as_exception(exc).unwrap();
    e.cause.set(cause);
    e.context.set(context);
    let extra = new_str("extra attribute");
    crate::exceptions::set_extra(exc, "note", extra);
    let (frame, file) = (new_str("inner_frame"), new_str("tb.py"));
    crate::exceptions::traceback::add_traceback_entry(exc, frame, file, 3);
    crate::exceptions::traceback::add_traceback_entry(exc, new_str("<module>"), file, 9);
    fx.keep(exc);
    // A traceback chain kept on its own.
    let tb = getattr_str(exc, "__traceback__").unwrap();
    fx.keep(tb);
    let expected = crate::exceptions::traceback::format_exception(
        exc,
        &crate::exceptions::traceback::no_source,
    );
    (
        expected,
        [cause, context, extra, frame, file]
            .iter()
            .map(|&v| fx.weak(v))
            .collect(),
    )
}

#[test]
fn exceptions_keep_args_cause_context_and_traceback() {
    let mut fx = Fixture::new();
    let (expected, inner) = build_exception(&mut fx);
    assert!(collect_now() > 0);
    assert_all(&inner, false, "exception part");
    churn();
    let exc = fx.roots[1];
    let printed = crate::exceptions::traceback::format_exception(
        exc,
        &crate::exceptions::traceback::no_source,
    );
    assert_eq!(printed, expected);
    assert!(
        printed.contains("the cause") && printed.contains("inner_frame"),
        "{printed}"
    );
    assert_eq!(repr(getattr_str(exc, "args").unwrap()), "('msg', 'arg 2')");
    let tb = fx.roots[2];
    let next = getattr_str(tb, "tb_next").unwrap();
    assert_eq!(getattr_str(next, "tb_lineno").unwrap(), Value::small_int(3));
}

thread_local! {
    static RELEASED: Cell<usize> = const { Cell::new(0) };
}

/// A frame that yields its values one by one.
fn frame_resume(frame: *mut (), _: Resume) -> PyResult<GenStep> {
    // SAFETY: the frames of these tests are boxed Vecs.
    let values = unsafe { &mut *(frame as *mut Vec<Value>) };
    Ok(match values.pop() {
        Some(v) => GenStep::Yield(v),
        None => GenStep::Return(Value::NONE),
    })
}

fn frame_trace(frame: *mut (), visit: &mut dyn FnMut(Value)) {
    // SAFETY: as in `frame_resume`.
    unsafe { &*(frame as *const Vec<Value>) }
        .iter()
        .for_each(|&v| visit(v));
}

fn frame_release(frame: *mut ()) {
    // SAFETY: made by Box::into_raw in `build_generator`, released once.
    drop(unsafe { Box::from_raw(frame as *mut Vec<Value>) });
    RELEASED.with(|r| r.set(r.get() + 1));
}

static TEST_FRAME_OPS: FrameOps = FrameOps {
    resume: frame_resume,
    trace: frame_trace,
    release: frame_release,
};

/// A new generator whose frame holds `held`.
fn generator_holding(held: Value) -> Value {
    let frame = Box::into_raw(Box::new(vec![held])) as *mut ();
    let name = new_str("gen name");
    new_generator(
        GenKind::Generator,
        frame,
        &TEST_FRAME_OPS,
        name,
        name,
        Value::NONE,
    )
}

#[inline(never)]
fn build_generator(fx: &mut Fixture) -> Vec<Value> {
    let held = new_str("held by the frame");
    let g = fx.keep(generator_holding(held));
    let name = crate::types::generator::as_generator(g).unwrap().name.get();
    // An unreachable generator that never ran.
    let lost = generator_holding(new_str("lost"));
    vec![fx.weak(held), fx.weak(name), fx.weak(g), fx.weak(lost)]
}

/// Runs the rooted generator once, then stops rooting it.
#[inline(never)]
fn run_and_unroot_generator(fx: &mut Fixture) -> String {
    let g = fx.roots[1];
    let first = repr(crate::ops::iter::next(g).unwrap().unwrap());
    fx.drop_root(g);
    first
}

#[test]
fn generators_keep_their_frame_and_release_it_when_freed() {
    let mut fx = Fixture::new();
    let ws = build_generator(&mut fx);
    let before = RELEASED.with(|r| r.get());
    assert!(collect_now() > 0);
    assert_all(&ws[..3], false, "generator part");
    assert!(!alive(ws[3]), "an unreachable generator was kept");
    assert_eq!(
        RELEASED.with(|r| r.get()),
        before + 1,
        "its frame was not released"
    );
    churn();
    assert_eq!(run_and_unroot_generator(&mut fx), "'held by the frame'");
    collect_now();
    assert_all(&ws[..3], true, "unrooted generator part");
    assert_eq!(RELEASED.with(|r| r.get()), before + 2);
}

#[test]
fn every_builtin_layout_has_one_trace_function() {
    let all = all_types(types());
    for a in &all {
        for b in &all {
            if a.layout == b.layout {
                assert!(
                    std::ptr::fn_addr_eq(a.trace, b.trace),
                    "{} and {} share a layout but not a trace function",
                    a.name(),
                    b.name()
                );
            }
        }
    }
    // Layouts that hold no Value (or only values the runtime keeps alive).
    let nothing_to_trace = [
        TypeId::of::<crate::types::none::ImmediateLayout>(),
        TypeId::of::<crate::types::float::FloatLayout>(),
        TypeId::of::<crate::types::string::StrObject>(),
        TypeId::of::<crate::types::int::BigIntObject>(),
        TypeId::of::<crate::types::range::RangeObject>(),
        TypeId::of::<crate::types::bytes::BytesObject>(),
        TypeId::of::<crate::runtime::stdio::TextWriterObject>(),
        TypeId::of::<crate::runtime::stdin::TextReaderObject>(),
    ];
    for t in &all {
        if !nothing_to_trace.contains(&t.layout) {
            assert!(
                !std::ptr::fn_addr_eq(t.trace, trace_nothing as crate::typeobj::TraceFn),
                "{} traces nothing",
                t.name()
            );
        }
    }
}

#[test]
fn dict_versions_are_never_reused() {
    let a = DictObject::new_value();
    let b = DictObject::new_value();
    let (da, db) = (DictObject::cast(a).unwrap(), DictObject::cast(b).unwrap());
    assert_ne!(da.version(), db.version());
    let before = da.version();
    da.set_str(intern("x"), Value::NONE);
    let after_insert = da.version();
    assert!(after_insert != before && after_insert != db.version());
    da.clear();
    assert!(da.version() != after_insert && da.version() != before);
    // A new dict never starts at a version an earlier dict had.
    let c = DictObject::new_value();
    let dc = DictObject::cast(c).unwrap();
    assert!(![before, after_insert, da.version(), db.version()].contains(&dc.version()));
}
