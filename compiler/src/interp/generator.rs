//! The VM's side of generators and coroutines: a frame moved to the heap
//! and the [`FrameOps`] the runtime's generator object resumes it with.
//!
//! Resuming pushes the sent value (what the `YIELD_VALUE` — or, the first
//! time, the `RETURN_GENERATOR` — evaluates to) and runs the frame. A
//! `throw()` raises the exception at the `YIELD_VALUE`, unless the frame
//! is suspended in a `yield from`/`await` (the next instruction is a
//! `RESUME` after one): then the exception goes to the delegate first
//! (`gen::delegate_throw`, CPython's `gen_throw`), and the frame leaves its
//! `SEND` loop if the delegate finished or raised.
//!
//! While suspended, the frame keeps the exceptions its `except` blocks are
//! handling off the runtime's handled-exception stack (`saved_handled`),
//! and puts them back when resumed.

use krait_runtime::error::{self, PyResult};
use krait_runtime::object::PyPayload;
use krait_runtime::types::function::FunctionObject;
use krait_runtime::types::generator::{
    self as gen, DelegateResult, FrameOps, GenKind, GenStep, Resume,
};
use krait_runtime::Value;

use crate::bytecode::code::CodeFlags;
use crate::bytecode::instruction::{Instruction, ResumeKind};

use super::eval::{run, Exit};
use super::frame::Frame;

static VM_FRAME_OPS: FrameOps = FrameOps {
    resume,
    trace,
    release,
};

/// Moves a frame stopped at `RETURN_GENERATOR` into a new generator,
/// coroutine or async generator object.
pub fn into_generator(frame: Frame) -> PyResult {
    let flags = frame.code.code.flags;
    let kind = if flags.contains(CodeFlags::COROUTINE) {
        GenKind::Coroutine
    } else if flags.contains(CodeFlags::ASYNC_GENERATOR) {
        GenKind::AsyncGenerator
    } else {
        GenKind::Generator
    };
    let (name, qualname) = match FunctionObject::cast(frame.func) {
        Some(f) => (f.name.get(), f.qualname.get()),
        None => (frame.code.name, frame.code.info.qualname),
    };
    let code = frame.code.value;
    let ptr = Box::into_raw(Box::new(frame)) as *mut ();
    Ok(gen::new_generator(
        kind,
        ptr,
        &VM_FRAME_OPS,
        name,
        qualname,
        code,
    ))
}

/// The frame behind a generator's opaque pointer.
///
/// # Safety
/// `ptr` must come from `into_generator` and not be released.
unsafe fn frame_of<'a>(ptr: *mut ()) -> &'a mut Frame {
    // SAFETY: guaranteed by the caller.
    unsafe { &mut *(ptr as *mut Frame) }
}

fn resume(ptr: *mut (), how: Resume) -> PyResult<GenStep> {
    // SAFETY: the runtime passes back the pointer `into_generator` made,
    // and never resumes a running or finished generator.
    let frame = unsafe { frame_of(ptr) };
    error::restore_handled(&mut frame.saved_handled);
    let result = match how {
        Resume::Send(v) => {
            frame.push(v);
            run(frame, false)
        }
        Resume::Throw => throw_into(frame),
    };
    match result? {
        Exit::Yield(v) => {
            frame.saved_handled = error::save_handled(frame.handled);
            Ok(GenStep::Yield(v))
        }
        Exit::Return(v) => Ok(GenStep::Return(v)),
        Exit::Generator => Err(error::system_error(
            "VM: RETURN_GENERATOR in a running generator",
        )),
    }
}

/// Raises the pending exception in a suspended frame (see the module doc).
fn throw_into(frame: &mut Frame) -> PyResult<Exit> {
    let in_yield_from = matches!(
        frame.code.code.instructions.get(frame.pc),
        Some(Instruction::Resume {
            kind: ResumeKind::AfterYieldFrom | ResumeKind::AfterAwait
        })
    );
    if !in_yield_from {
        return run(frame, true);
    }
    let send_target = match frame
        .pc
        .checked_sub(2)
        .map(|i| frame.code.code.instructions[i])
    {
        Some(Instruction::Send { target }) => target.index(),
        _ => return run(frame, true),
    };
    let exc = error::take_exception().unwrap_or(Value::NONE);
    match gen::delegate_throw(frame.top(), exc) {
        DelegateResult::Yield(v) => Ok(Exit::Yield(v)),
        DelegateResult::Return(v) => {
            frame.set_top(v);
            frame.pc = send_target;
            run(frame, false)
        }
        DelegateResult::Raised => {
            frame.pop();
            frame.pc = send_target;
            run(frame, true)
        }
        DelegateResult::ThrowHere => run(frame, true),
    }
}

/// Visits everything the frame holds: its locals, cells, operand stack
/// and the handled exceptions it saved while suspended. A running
/// generator's frame is also traced as a running frame (`introspect`).
fn trace(ptr: *mut (), visit: &mut dyn FnMut(Value)) {
    // SAFETY: the pointer `into_generator` made, not yet released; read
    // only (the frame may be running: the collector reads it in a call
    // made by its `run`).
    unsafe { &*(ptr as *const Frame) }.trace(visit);
}

fn release(ptr: *mut ()) {
    // SAFETY: `ptr` came from Box::into_raw in `into_generator`, and the
    // runtime releases each frame once.
    drop(unsafe { Box::from_raw(ptr as *mut Frame) });
}
