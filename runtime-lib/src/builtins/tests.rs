//! Tests of the builtin functions through the builtins module, as an
//! executor calls them (`load_builtin` + `call`).

use crate::ops::call::call;
use crate::testing::{err, s, text};
use crate::types::list::new_list;
use crate::types::string::{intern, new_str};
use crate::types::tuple::new_tuple;
use crate::Value;

fn b(name: &str, args: &[Value]) -> crate::PyResult {
    call(
        crate::runtime::load_builtin(intern(name)).unwrap(),
        args,
        None,
    )
}

fn bk(name: &str, args: &[Value], kw: &[&str]) -> crate::PyResult {
    let names: Vec<Value> = kw.iter().map(|k| new_str(k)).collect();
    call(
        crate::runtime::load_builtin(intern(name)).unwrap(),
        args,
        Some(new_tuple(&names)),
    )
}

fn ints(v: &[i64]) -> Value {
    new_list(v.iter().map(|&i| Value::small_int(i)).collect())
}

#[test]
fn reductions_and_ordering() {
    let l = ints(&[3, 1, 2]);
    assert_eq!(s(b("sorted", &[l]).unwrap()), "[1, 2, 3]");
    assert_eq!(
        s(bk("sorted", &[l, Value::TRUE], &["reverse"]).unwrap()),
        "[3, 2, 1]"
    );
    assert_eq!(b("min", &[l]).unwrap(), Value::small_int(1));
    assert_eq!(
        b("max", &[Value::small_int(4), Value::small_int(9)]).unwrap(),
        Value::small_int(9)
    );
    let neg = crate::types::builtin_func::new_builtin_function(
        "neg",
        |a, _| crate::ops::arith::neg(a[0]),
        Value::NULL,
    );
    assert_eq!(bk("max", &[l, neg], &["key"]).unwrap(), Value::small_int(1));
    assert!(b("min", &[ints(&[])]).is_err());
    assert_eq!(err(), "ValueError: min() arg is an empty sequence");
    assert_eq!(
        bk("min", &[ints(&[]), Value::NONE], &["default"]).unwrap(),
        Value::NONE
    );
    assert!(b("max", &[]).is_err());
    assert_eq!(err(), "TypeError: max expected at least 1 argument, got 0");
    assert_eq!(b("sum", &[l]).unwrap(), Value::small_int(6));
    assert!(b("sum", &[new_list(vec![new_str("a")])]).is_err());
    assert_eq!(
        err(),
        "TypeError: unsupported operand type(s) for +: 'int' and 'str'"
    );
    assert_eq!(b("any", &[ints(&[0, 0, 1])]).unwrap(), Value::TRUE);
    assert_eq!(b("all", &[ints(&[1, 0])]).unwrap(), Value::FALSE);
    assert!(b("len", &[]).is_err());
    assert_eq!(
        err(),
        "TypeError: len() takes exactly one argument (0 given)"
    );
}

#[test]
fn lazy_iterators() {
    let l = ints(&[10, 20]);
    let e = b("list", &[b("enumerate", &[l]).unwrap()]).unwrap();
    assert_eq!(s(e), "[(0, 10), (1, 20)]");
    let z = b("list", &[b("zip", &[l, new_str("ab")]).unwrap()]).unwrap();
    assert_eq!(s(z), "[(10, 'a'), (20, 'b')]");
    let strict = bk("zip", &[l, ints(&[1]), Value::TRUE], &["strict"]).unwrap();
    assert!(b("list", &[strict]).is_err());
    assert_eq!(
        err(),
        "ValueError: zip() argument 2 is shorter than argument 1"
    );
    let neg = crate::types::builtin_func::new_builtin_function(
        "neg",
        |a, _| crate::ops::arith::neg(a[0]),
        Value::NULL,
    );
    assert_eq!(
        s(b("list", &[b("map", &[neg, l]).unwrap()]).unwrap()),
        "[-10, -20]"
    );
    assert_eq!(
        s(b(
            "list",
            &[b("filter", &[Value::NONE, ints(&[0, 5, 0])]).unwrap()]
        )
        .unwrap()),
        "[5]"
    );
    assert_eq!(
        s(b("list", &[b("reversed", &[l]).unwrap()]).unwrap()),
        "[20, 10]"
    );
    assert_eq!(
        s(b(
            "tuple",
            &[b("reversed", &[b("range", &[Value::small_int(3)]).unwrap()]).unwrap()]
        )
        .unwrap()),
        "(2, 1, 0)"
    );
    let it = b("iter", &[l]).unwrap();
    assert_eq!(b("next", &[it]).unwrap(), Value::small_int(10));
    b("next", &[it]).unwrap();
    assert_eq!(b("next", &[it, Value::NONE]).unwrap(), Value::NONE);
    assert!(b("next", &[it]).is_err());
    assert_eq!(err(), "StopIteration: ");
    assert!(b("iter", &[Value::small_int(1)]).is_err());
    assert_eq!(err(), "TypeError: 'int' object is not iterable");
}

#[test]
fn objects_and_attributes() {
    let t = crate::types::registry::types();
    let tup = new_tuple(&[t.str.as_value(), t.int.as_value()]);
    assert_eq!(b("isinstance", &[Value::TRUE, tup]).unwrap(), Value::TRUE);
    assert!(b("isinstance", &[Value::TRUE, Value::small_int(1)]).is_err());
    assert_eq!(
        err(),
        "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union"
    );
    assert_eq!(
        b("issubclass", &[t.bool.as_value(), t.int.as_value()]).unwrap(),
        Value::TRUE
    );
    assert_eq!(
        b(
            "getattr",
            &[Value::small_int(1), new_str("nope"), Value::NONE]
        )
        .unwrap(),
        Value::NONE
    );
    assert!(b("getattr", &[Value::small_int(1), new_str("nope")]).is_err());
    assert_eq!(
        err(),
        "AttributeError: 'int' object has no attribute 'nope'"
    );
    assert_eq!(
        b("hasattr", &[Value::small_int(1), new_str("real")]).unwrap(),
        Value::TRUE
    );
    assert_eq!(
        b("hash", &[Value::small_int(-1)]).unwrap(),
        Value::small_int(-2)
    );
    assert_eq!(b("callable", &[t.int.as_value()]).unwrap(), Value::TRUE);
    assert_eq!(text(b("repr", &[new_str("it's")]).unwrap()), "\"it's\"");
    assert_eq!(
        s(b("divmod", &[Value::small_int(-7), Value::small_int(2)]).unwrap()),
        "(-4, 1)"
    );
    assert_eq!(
        b(
            "pow",
            &[
                Value::small_int(3),
                Value::small_int(-1),
                Value::small_int(7)
            ]
        )
        .unwrap(),
        Value::small_int(5)
    );
    assert_eq!(
        b("abs", &[Value::from_f64(-2.5)]).unwrap().as_f64(),
        Some(2.5)
    );
    assert!(b("abs", &[new_str("a")]).is_err());
    assert_eq!(err(), "TypeError: bad operand type for abs(): 'str'");
    assert_eq!(s(b("int", &[new_str("  -1_000 ")]).unwrap()), "-1000");
    assert_eq!(
        s(b("int", &[new_str("ff"), Value::small_int(16)]).unwrap()),
        "255"
    );
    assert_eq!(s(b("float", &[new_str("1e16")]).unwrap()), "1e+16");
    assert_eq!(s(b("str", &[Value::from_f64(1.5e-5)]).unwrap()), "1.5e-05");
    assert_eq!(s(b("type", &[Value::NONE]).unwrap()), "<class 'NoneType'>");
    assert_eq!(
        s(b(
            "dict",
            &[new_list(vec![new_tuple(&[
                new_str("a"),
                Value::small_int(1)
            ])])]
        )
        .unwrap()),
        "{'a': 1}"
    );
    assert_eq!(
        s(bk("dict", &[Value::small_int(2)], &["b"]).unwrap()),
        "{'b': 2}"
    );
    assert_eq!(s(b("bool", &[ints(&[])]).unwrap()), "False");
    assert_eq!(s(b("round", &[Value::from_f64(2.5)]).unwrap()), "2");
    assert_eq!(
        s(b("round", &[Value::from_f64(0.125), Value::small_int(2)]).unwrap()),
        "0.12"
    );
}

#[test]
fn print_goes_through_the_runtime_stdout() {
    let (r, out, _) = crate::runtime::stdio::capture_output(|| {
        b(
            "print",
            &[new_str("a"), Value::small_int(1), Value::from_f64(0.1)],
        )?;
        let sys = crate::runtime::sys_module();
        let stdout = crate::ops::attr::getattr_str(sys, "stdout")?;
        crate::ops::call::call_method(stdout, "write", &[new_str("raw\n")])?;
        let stderr = crate::ops::attr::getattr_str(sys, "stderr")?;
        bk("print", &[new_str("e"), stderr], &["file"])
    });
    r.unwrap();
    assert_eq!(out, "a 1 0.1\nraw\n");
}

fn run_body(body: Value, ns: Value) -> crate::PyResult {
    call(body, &[ns], None)
}

#[test]
fn class_statement_through_build_class() {
    crate::typeobj::class::register_class_body_runner(run_body);
    let body = crate::types::builtin_func::new_builtin_function(
        "<body>",
        |a, _| {
            let d = crate::types::dict::DictObject::cast_dict(a[0]).unwrap();
            d.set_str(intern("__module__"), new_str("__main__"));
            d.set_str(intern("answer"), Value::small_int(42));
            Ok(Value::NONE)
        },
        Value::NULL,
    );
    let cls = b("__build_class__", &[body, new_str("K")]).unwrap();
    assert_eq!(s(cls), "<class '__main__.K'>");
    assert_eq!(
        crate::ops::attr::getattr_str(cls, "answer").unwrap(),
        Value::small_int(42)
    );
}
