//! The VM on small programs, in memory: source → front-end → bytecode →
//! VM, with the program's stdout and stderr captured by the runtime.

use super::{run_on_this_thread, Program, VM_STACK_BYTES};
use crate::{bytecode, scopes, syntax};

/// Runs `source` as `prog.py` on a VM thread: (stdout, stderr, exit code).
fn run(source: &str) -> (String, String, i32) {
    let module = syntax::parse_module(source).expect("parses");
    let table = scopes::analyze_module(&module).expect("scopes");
    let code = bytecode::compile_module(&module, &table, source, "prog.py").expect("compiles");
    let program = Program {
        modules: vec![crate::modules::ProgramModule {
            name: "__main__".to_owned(),
            is_package: false,
            filename: "prog.py".to_owned(),
            source: source.to_owned(),
            code,
        }],
        argv: vec!["prog.py".to_owned()],
    };
    std::thread::Builder::new()
        .stack_size(VM_STACK_BYTES)
        .spawn(move || {
            let (code, out, err) =
                krait_runtime::runtime::stdio::capture_output(|| run_on_this_thread(program));
            (out, err, code)
        })
        .expect("spawns")
        .join()
        .expect("no panic")
}

#[test]
fn prints_and_exits_zero() {
    let (out, err, code) = run("x = [i * i for i in range(4)]\nprint(x, sum(x), f'{x[1]:>3}')\n");
    assert_eq!(
        (out.as_str(), err.as_str(), code),
        ("[0, 1, 4, 9] 14   1\n", "", 0)
    );
}

#[test]
fn uncaught_exception_prints_cpythons_traceback() {
    let (out, err, code) = run("print('before')\ndef f(d):\n    return d['k']\nf({})\n");
    assert_eq!(out, "before\n");
    assert_eq!(
        err,
        "Traceback (most recent call last):\n  File \"prog.py\", line 4, in <module>\n    f({})\n  File \"prog.py\", line 3, in f\n    return d['k']\nKeyError: 'k'\n"
    );
    assert_eq!(code, 1);
}

#[test]
fn system_exit_sets_the_exit_code() {
    let (_, err, code) = run("import sys\ntry:\n    sys.exit(4)\nfinally:\n    print('x')\n");
    assert_eq!((err.as_str(), code), ("", 4));
    let (_, err, code) = run("raise SystemExit('bye')\n");
    assert_eq!((err.as_str(), code), ("bye\n", 1));
}

#[test]
fn generators_send_throw_and_return() {
    let source = "\
def g():
    try:
        x = yield 1
        yield x * 2
    except KeyError as e:
        yield 'caught ' + str(e)
    return 'end'
a = g()
print(next(a), a.send(5), a.throw(KeyError('k')))
try:
    next(a)
except StopIteration as s:
    print(s.value)
";
    let (out, err, _) = run(source);
    assert_eq!(err, "");
    assert_eq!(out, "1 10 caught 'k'\nend\n");
}

#[test]
fn handled_exceptions_follow_a_suspended_generator() {
    let source = "\
import sys
def g():
    try:
        raise ValueError('inside')
    except ValueError:
        yield sys.exc_info()[1]
        yield sys.exc_info()[1]
it = g()
print(repr(next(it)), sys.exc_info()[1], repr(next(it)))
";
    let (out, _, _) = run(source);
    assert_eq!(out, "ValueError('inside') None ValueError('inside')\n");
}

#[test]
fn complex_constants_load() {
    let (out, err, code) = run("print(2j * 2j, (1+2j).real, -1.5j)\n");
    assert_eq!(
        (out.as_str(), err.as_str(), code),
        ("(-4+0j) 1.0 (-0-1.5j)\n", "", 0)
    );
}

#[test]
fn recursion_limit_raises_recursion_error() {
    let (out, _, code) = run("def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print(e)\n");
    assert_eq!(
        (out.as_str(), code),
        ("maximum recursion depth exceeded\n", 0)
    );
}

#[test]
fn unbound_locals_and_free_variables() {
    let source = "\
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print(e)
    x = 1
f()
def outer():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print(e)
    y = 2
outer()
";
    let (out, _, _) = run(source);
    assert_eq!(
        out,
        "cannot access local variable 'x' where it is not associated with a value\ncannot access free variable 'y' where it is not associated with a value in enclosing scope\n"
    );
}
