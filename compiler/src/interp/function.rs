//! Functions and calls: `MAKE_FUNCTION`, the trampoline every VM function
//! has as its runtime `entry`, the class-body runner registered with the
//! runtime, and running module code.
//!
//! The trampoline ([`vm_entry`]) checks the native stack, enters the
//! runtime's recursion counter (so deep recursion raises RecursionError),
//! binds the arguments with the runtime's `bind_arguments` straight into a
//! new frame's fast locals, and runs it. Generator code returns at
//! `RETURN_GENERATOR`, and the frame moves into a generator object.

use std::cell::Cell;

use krait_runtime::error::{self, PyResult};
use krait_runtime::object::PyPayload;
use krait_runtime::runtime::recursion::{enter_recursive_call, leave_recursive_call};
use krait_runtime::types::bind::bind_arguments;
use krait_runtime::types::dict::DictObject;
use krait_runtime::types::function::{new_function_with_entry, FunctionObject};
use krait_runtime::types::string::as_str;
use krait_runtime::types::tuple::tuple_items;
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
    let f = new_function_with_entry(
        code.info,
        code as *const LoadedCode as *const (),
        frame.globals,
        vm_entry,
    );
    let Some(func) = FunctionObject::cast(f) else {
        return Err(error::internal_error("new function is not a function"));
    };
    if let Some(d) = defaults {
        func.defaults.set(d);
    }
    if let Some(k) = kwdefaults {
        func.kwdefaults.set(k);
    }
    if let Some(c) = closure {
        func.closure.set(c);
    }
    if let Some(a) = annotations {
        func.annotations.set(annotation_dict(a)?);
    }
    // CPython: the first constant is the docstring when it is a str.
    if let Some(&doc) = code.constants.first() {
        if as_str(doc).is_some() {
            func.doc.set(doc);
        }
    }
    Ok(f)
}

fn pop_if(frame: &mut Frame, flags: MakeFunctionFlags, flag: MakeFunctionFlags) -> Option<Value> {
    flags.contains(flag).then(|| frame.pop())
}

/// 3.11 passes annotations as a flat tuple of (name, value) pairs.
fn annotation_dict(a: Value) -> PyResult {
    let Some(items) = tuple_items(a) else {
        return Ok(a);
    };
    let d = DictObject::new_value();
    if let Some(dict) = DictObject::cast(d) {
        for pair in items.chunks_exact(2) {
            dict.set_item(pair[0], pair[1])?;
        }
    }
    Ok(d)
}

thread_local! {
    /// The lowest native stack address a Python call may start at.
    static STACK_LIMIT: Cell<usize> = const { Cell::new(0) };
}

/// Records where the VM thread's stack ends: `size` bytes below the
/// caller's frame, less `margin` for the runtime's own recursion.
pub fn set_native_stack_limit(size: usize, margin: usize) {
    let here = approximate_stack_pointer();
    STACK_LIMIT.with(|l| l.set(here.saturating_sub(size.saturating_sub(margin))));
}

#[inline(never)]
fn approximate_stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// RecursionError instead of a native stack overflow when the recursion
/// limit was raised past what the VM thread's stack holds.
fn check_native_stack() -> PyResult<()> {
    let limit = STACK_LIMIT.with(|l| l.get());
    if limit != 0 && approximate_stack_pointer() < limit {
        return Err(error::recursion_error("maximum recursion depth exceeded"));
    }
    Ok(())
}

/// The runtime `entry` of every function the VM creates.
pub fn vm_entry(f: Value, args: &[Value], kwnames: Option<Value>) -> PyResult {
    let Some(func) = FunctionObject::cast(f) else {
        return Err(error::internal_error("VM entry called on a non-function"));
    };
    // SAFETY: the VM sets this entry only on functions whose code pointer
    // is a leaked LoadedCode (see `make_function`).
    let code: &'static LoadedCode = unsafe { &*(func.code as *const LoadedCode) };
    check_native_stack()?;
    enter_recursive_call()?;
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
    check_native_stack()?;
    enter_recursive_call()?;
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
