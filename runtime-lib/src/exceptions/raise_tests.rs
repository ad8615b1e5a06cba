//! Tests of raising: `raise` with classes and instances, `from`, implicit
//! context while handling, `except` matching, SystemExit via sys.exit.

use crate::error::{pop_handled_exception, push_handled_exception, take_exception};
use crate::exceptions::{as_exception, raise_value, reraise};
use crate::ops::call::call;
use crate::ops::isinstance::exception_matches_class;
use crate::testing::err;
use crate::types::registry::types;
use crate::types::string::new_str;
use crate::Value;

#[test]
fn raise_instantiates_classes_and_checks_types() {
    let t = &types().exc;
    assert!(raise_value(t.ValueError.as_value(), Value::NULL).is_err());
    assert_eq!(err(), "ValueError: ");
    assert!(raise_value(Value::small_int(1), Value::NULL).is_err());
    assert_eq!(
        err(),
        "TypeError: exceptions must derive from BaseException"
    );
    assert!(reraise().is_err());
    assert_eq!(err(), "RuntimeError: No active exception to reraise");
}

#[test]
fn context_and_cause_are_set() {
    let t = &types().exc;
    let first = call(t.KeyError.as_value(), &[new_str("k")], None).unwrap();
    push_handled_exception(first);
    let _ = crate::ops::arith::floordiv(Value::small_int(1), Value::small_int(0));
    let second = take_exception().unwrap();
    assert_eq!(as_exception(second).unwrap().context.get(), first);
    let _ = raise_value(t.ValueError.as_value(), Value::NONE);
    let third = take_exception().unwrap();
    let e = as_exception(third).unwrap();
    assert!(e.suppress_context.get() && e.cause.get().is_null());
    pop_handled_exception();
    let _ = raise_value(t.ValueError.as_value(), first);
    let fourth = take_exception().unwrap();
    assert_eq!(as_exception(fourth).unwrap().cause.get(), first);
}

#[test]
fn except_clause_matching() {
    let t = &types().exc;
    let e = call(t.FileNotFoundError.as_value(), &[], None).unwrap();
    let tuple = crate::types::tuple::new_tuple(&[t.KeyError.as_value(), t.OSError.as_value()]);
    assert!(exception_matches_class(e, tuple).unwrap());
    assert!(!exception_matches_class(e, t.ValueError.as_value()).unwrap());
    assert!(exception_matches_class(e, types().int.as_value()).is_err());
    assert_eq!(
        err(),
        "TypeError: catching classes that do not inherit from BaseException is not allowed"
    );
    let os = call(
        t.OSError.as_value(),
        &[Value::small_int(2), new_str("No such file")],
        None,
    )
    .unwrap();
    assert_eq!(crate::object::type_of(os).name(), "FileNotFoundError");
    assert_eq!(crate::testing::s(os), "[Errno 2] No such file");
}

#[test]
fn sys_exit_raises_system_exit() {
    let sys = crate::runtime::sys_module();
    let exit = crate::ops::attr::getattr_str(sys, "exit").unwrap();
    assert!(call(exit, &[Value::small_int(3)], None).is_err());
    let e = take_exception().unwrap();
    assert_eq!(
        crate::exceptions::traceback::report_uncaught(e, &crate::exceptions::traceback::no_source),
        3
    );
}
