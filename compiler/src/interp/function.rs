//! Functions and calls: `MAKE_FUNCTION`, the trampoline every VM function
//! has as its runtime `entry`, the class-body runner registered with the
//! runtime, and running module code.
//!
//! The trampoline ([`vm_entry`]) checks the native stack, enters the
//! runtime's recursion counter (so deep recursion raises RecursionError),
//! binds the arguments with the runtime's `bind_arguments` straight into a
//! new frame's fast locals, and runs it. Generator code returns at
//! `RETURN_GENERATOR`, and the frame moves into a generator object.

use krait_runtime::error::{self, PyResult};
use krait_runtime::object::PyPayload;
use krait_runtime::ops::frame::{make_function as make_function_object, FunctionParts};
use krait_runtime::runtime::recursion::{enter_python_call, leave_recursive_call};
use krait_runtime::types::bind::bind_arguments;
use krait_runtime::types::function::FunctionObject;
use krait_runtime::Value;

use crate::bytecode::instruction::MakeFunctionFlags;

use super::eval::{run, Exit};
use super::frame::Frame;
use super::generator::into_generator;
use super::loader::{loaded_from_value, LoadedCode};

/// `MAKE_FUNCTION`: pops the code object and the extras its flags name
/// (closure on top, then annotations, keyword defaults, defaults).
pub fn make_function(frame: &mut Frame, flags: MakeFunctionFlags) -> PyResult {
    let code_value = frame.pop();
    let Some(code) = loaded_from_value(code_value) else {
        return Err(error::system_error("MAKE_FUNCTION of a non-code object"));
    };
    let closure = pop_if(frame, flags, MakeFunctionFlags::CLOSURE);
    let annotations = pop_if(frame, flags, MakeFunctionFlags::ANNOTATIONS);
    let kwdefaults = pop_if(frame, flags, MakeFunctionFlags::KW_DEFAULTS);
    let defaults = pop_if(frame, flags, MakeFunctionFlags::DEFAULTS);
    let parts = FunctionParts {
        defaults,
        kwdefaults,
        closure,
        annotations,
        first_constant: code.constants.first().copied(),
    };
    make_function_object(
        code.info,
        code as *const LoadedCode as *const (),
        frame.globals,
        vm_entry,
        parts,
    )
}

fn pop_if(frame: &mut Frame, flags: MakeFunctionFlags, flag: MakeFunctionFlags) -> Option<Value> {
    flags.contains(flag).then(|| frame.pop())
}

/// The runtime `entry` of every function the VM creates.
pub fn vm_entry(f: Value, args: &[Value], kwnames: Option<Value>) -> PyResult {
    let Some(func) = FunctionObject::cast(f) else {
        return Err(error::internal_error("VM entry called on a non-function"));
    };
    // SAFETY: the VM sets this entry only on functions whose code pointer
    // is a leaked LoadedCode (see `make_function`).
    let code: &'static LoadedCode = unsafe { &*(func.code as *const LoadedCode) };
    enter_python_call()?;
    let result = call_function(func, f, code, args, kwnames);
    leave_recursive_call();
    result
}

fn call_function(
    func: &FunctionObject,
    f: Value,
    code: &'static LoadedCode,
    args: &[Value],
    kwnames: Option<Value>,
) -> PyResult {
    let mut frame = Frame::new(code, func.globals, Value::NULL, f);
    bind_arguments(func, args, kwnames, &mut frame.fast)?;
    finish(frame)
}

/// Runs a fresh frame to its end (or to `RETURN_GENERATOR`).
fn finish(mut frame: Frame) -> PyResult {
    match run(&mut frame, false)? {
        Exit::Return(v) => Ok(v),
        Exit::Generator => into_generator(frame),
        Exit::Yield(_) => Err(error::system_error("VM: yield outside a generator frame")),
    }
}

/// The class-body runner: runs the body function with `ns` as its
/// `LOAD_NAME` namespace.
pub fn run_class_body(body: Value, ns: Value) -> PyResult {
    let Some(func) = FunctionObject::cast(body) else {
        return Err(error::type_error("class body is not a function"));
    };
    let Some(code) = code_of(func) else {
        return Err(error::system_error("class body was not made by the VM"));
    };
    enter_python_call()?;
    let frame = Frame::new(code, func.globals, ns, body);
    let result = finish(frame);
    leave_recursive_call();
    result
}

/// The loaded code of a function the VM made.
fn code_of(func: &FunctionObject) -> Option<&'static LoadedCode> {
    if !std::ptr::fn_addr_eq(
        func.entry.get(),
        vm_entry as krait_runtime::types::function::FunctionEntry,
    ) {
        return None;
    }
    // SAFETY: functions with the VM's entry hold a leaked LoadedCode.
    Some(unsafe { &*(func.code as *const LoadedCode) })
}

/// Runs module code with `globals` as both its globals and its namespace.
pub fn run_module(code: &'static LoadedCode, globals: Value) -> PyResult {
    finish(Frame::new(code, globals, globals, Value::NULL))
}
