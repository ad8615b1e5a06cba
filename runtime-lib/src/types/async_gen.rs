//! Async generators (`async def` with `yield`): the `async_generator`
//! type and the awaitables its methods return (`async_generator_asend` for
//! `__anext__()`/`asend()`, `async_generator_athrow` for `athrow()` and
//! `aclose()`), after CPython's `Objects/genobject.c`.
//!
//! The frame is an ordinary [`GeneratorObject`] frame. The executor wraps
//! the values the body yields ([`wrap_value`], `ASYNC_GEN_WRAP`); anything
//! else the frame yields comes from an `await` inside the body and passes
//! through to whoever drives the awaitable. A wrapped value completes the
//! awaitable (`StopIteration(value)`); the frame's return ends iteration
//! (`StopAsyncIteration`).

use std::any::TypeId;
use std::cell::Cell;

use crate::args;
use crate::error::{runtime_error, PyResult, Raised};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, type_of};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::SlotDefs;
use crate::types::builtin_func::{GetSetDef, MethodDef};
use crate::types::generator::{self, as_generator, GenKind, GenStep, GeneratorObject};
use crate::types::registry::types;
use crate::Value;

/// A value yielded by the async generator's body (`ASYNC_GEN_WRAP`).
#[repr(C)]
pub struct WrappedValue {
    pub header: Header,
    pub value: Value,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for WrappedValue {}

/// `ASYNC_GEN_WRAP`.
pub fn wrap_value(v: Value) -> Value {
    alloc_value(WrappedValue {
        header: Header::new(types().async_generator_wrapped_value),
        value: v,
    })
}

fn unwrapped(v: Value) -> Option<Value> {
    downcast::<WrappedValue>(v).map(|w| w.value)
}

fn agen(v: Value) -> PyResult<&'static GeneratorObject> {
    as_generator(v)
        .filter(|g| g.kind == GenKind::AsyncGenerator)
        .ok_or_else(|| crate::error::internal_error("async generator method on another object"))
}

/// `async_gen_unwrap_value`: what one step of the frame means for the
/// awaitable driving it.
fn unwrap_step(g: &GeneratorObject, step: PyResult<GenStep>) -> PyResult {
    let t = &types().exc;
    match step {
        Ok(GenStep::Yield(v)) => match unwrapped(v) {
            Some(x) => {
                g.ag_running_async.set(false);
                Err(crate::error::stop_iteration(x))
            }
            None => Ok(v),
        },
        Ok(GenStep::Return(_)) => {
            g.ag_closed.set(true);
            g.ag_running_async.set(false);
            Err(stop_async())
        }
        Err(e) => {
            if crate::error::exception_matches(t.StopAsyncIteration)
                || crate::error::exception_matches(t.GeneratorExit)
            {
                g.ag_closed.set(true);
            }
            g.ag_running_async.set(false);
            Err(e)
        }
    }
}

fn stop_async() -> Raised {
    crate::error::raise(crate::exceptions::new_exception_args(
        types().exc.StopAsyncIteration,
        &[],
    ))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum AwaitState {
    Init,
    Iter,
    Closed,
}

/// `async_generator_asend` / `async_generator_athrow`.
#[repr(C)]
pub struct AsyncGenAwaitable {
    pub header: Header,
    pub gen: Value,
    /// asend: the value to send first. athrow: the exception to throw
    /// (NULL for `aclose()`).
    pub arg: Value,
    state: Cell<AwaitState>,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for AsyncGenAwaitable {}

fn awaitable(v: Value) -> PyResult<&'static AsyncGenAwaitable> {
    downcast::<AsyncGenAwaitable>(v)
        .ok_or_else(|| crate::error::internal_error("async generator awaitable slot"))
}

fn new_awaitable(ty: &crate::typeobj::TypeObject, gen: Value, arg: Value) -> Value {
    alloc_value(AsyncGenAwaitable {
        header: Header::new(ty),
        gen,
        arg,
        state: Cell::new(AwaitState::Init),
    })
}

fn is_athrow(v: Value) -> bool {
    std::ptr::eq(type_of(v), types().async_generator_athrow)
}

/// Sends `arg` into the awaitable (its `send`, and `__next__` with None).
fn awaitable_send(a: Value, arg: Value) -> PyResult {
    let aw = awaitable(a)?;
    let g = agen(aw.gen)?;
    if is_athrow(a) {
        return athrow_send(aw, g, arg);
    }
    match aw.state.get() {
        AwaitState::Closed => Err(runtime_error(
            "cannot reuse already awaited __anext__()/asend()",
        )),
        AwaitState::Init => {
            if g.ag_running_async.get() {
                aw.state.set(AwaitState::Closed);
                return Err(runtime_error(
                    "anext(): asynchronous generator is already running",
                ));
            }
            g.ag_running_async.set(true);
            aw.state.set(AwaitState::Iter);
            let first = if arg.is_none() { aw.arg } else { arg };
            finish(aw, unwrap_step(g, g.send_step(first)))
        }
        AwaitState::Iter => finish(aw, unwrap_step(g, g.send_step(arg))),
    }
}

/// Marks the awaitable closed once it completed or failed.
fn finish(aw: &AsyncGenAwaitable, r: PyResult) -> PyResult {
    if r.is_err() {
        aw.state.set(AwaitState::Closed);
    }
    r
}

fn athrow_send(aw: &AsyncGenAwaitable, g: &'static GeneratorObject, arg: Value) -> PyResult {
    let closing = aw.arg.is_null();
    if aw.state.get() == AwaitState::Closed {
        return Err(runtime_error(
            "cannot reuse already awaited aclose()/athrow()",
        ));
    }
    if g.is_closed() {
        aw.state.set(AwaitState::Closed);
        return Err(crate::error::stop_iteration(Value::NULL));
    }
    let result = if aw.state.get() == AwaitState::Init {
        if g.ag_running_async.get() {
            aw.state.set(AwaitState::Closed);
            return Err(runtime_error(if closing {
                "aclose(): asynchronous generator is already running"
            } else {
                "athrow(): asynchronous generator is already running"
            }));
        }
        if g.ag_closed.get() {
            aw.state.set(AwaitState::Closed);
            return Err(stop_async());
        }
        if !arg.is_none() {
            return Err(runtime_error(
                "can't send non-None value to a just-started coroutine",
            ));
        }
        aw.state.set(AwaitState::Iter);
        g.ag_running_async.set(true);
        if closing {
            g.ag_closed.set(true);
            let exit = crate::exceptions::new_exception_args(types().exc.GeneratorExit, &[]);
            g.throw_step(exit)
        } else {
            g.throw_step(aw.arg)
        }
    } else {
        g.send_step(arg)
    };
    if !closing {
        return finish(aw, unwrap_step(g, result));
    }
    // aclose(): a value yielded by the body means GeneratorExit was ignored.
    let t = &types().exc;
    match result {
        Ok(GenStep::Yield(v)) if unwrapped(v).is_none() => Ok(v),
        Ok(GenStep::Yield(_)) => {
            g.ag_running_async.set(false);
            aw.state.set(AwaitState::Closed);
            Err(runtime_error("async generator ignored GeneratorExit"))
        }
        Ok(GenStep::Return(_)) => {
            g.ag_running_async.set(false);
            aw.state.set(AwaitState::Closed);
            Err(crate::error::stop_iteration(Value::NULL))
        }
        Err(e) => {
            g.ag_running_async.set(false);
            aw.state.set(AwaitState::Closed);
            if crate::error::exception_matches(t.StopAsyncIteration)
                || crate::error::exception_matches(t.GeneratorExit)
            {
                crate::error::clear_exception();
                return Err(crate::error::stop_iteration(Value::NULL));
            }
            Err(e)
        }
    }
}

fn awaitable_throw(a: &[Value], k: Option<Value>) -> PyResult {
    let (aw_v, [typ, val, _tb]) = args::method::<3>("throw", a, k, 1)?;
    let aw = awaitable(aw_v)?;
    let g = agen(aw.gen)?;
    if aw.state.get() == AwaitState::Closed {
        return Err(runtime_error(if is_athrow(aw_v) {
            "cannot reuse already awaited aclose()/athrow()"
        } else {
            "cannot reuse already awaited __anext__()/asend()"
        }));
    }
    let thrown = generator::make_thrown_exception(typ, val)?;
    let r = unwrap_step(g, g.throw_step(thrown));
    finish(aw, r)
}

fn awaitable_send_method(a: &[Value], k: Option<Value>) -> PyResult {
    let (aw, [v]) = args::method::<1>("send", a, k, 1)?;
    awaitable_send(aw, v)
}

fn awaitable_close(a: &[Value], k: Option<Value>) -> PyResult {
    let (aw, []) = args::method::<0>("close", a, k, 0)?;
    awaitable(aw)?.state.set(AwaitState::Closed);
    Ok(Value::NONE)
}

fn awaitable_iter(v: Value) -> PyResult {
    Ok(v)
}

fn awaitable_next(v: Value) -> PyResult<Option<Value>> {
    awaitable_send(v, Value::NONE).map(Some)
}

fn awaitable_await(a: &[Value], k: Option<Value>) -> PyResult {
    let (aw, []) = args::method::<0>("__await__", a, k, 0)?;
    Ok(aw)
}

fn trace_awaitable(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(a) = downcast::<AsyncGenAwaitable>(v) {
        visit(a.gen);
        visit(a.arg);
    }
}

const AWAITABLE_METHODS: &[MethodDef] = &[
    MethodDef::new("send", awaitable_send_method),
    MethodDef::new("throw", awaitable_throw),
    MethodDef::new("close", awaitable_close),
    MethodDef::new("__await__", awaitable_await),
];

fn awaitable_spec(name: &'static str) -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            iter: Some(awaitable_iter),
            next: Some(awaitable_next),
            ..SlotDefs::default()
        },
        methods: AWAITABLE_METHODS,
        trace: trace_awaitable,
        ..TypeSpec::new(name, TypeId::of::<AsyncGenAwaitable>())
    }
}

pub fn asend_spec() -> TypeSpec {
    awaitable_spec("async_generator_asend")
}

pub fn athrow_spec() -> TypeSpec {
    awaitable_spec("async_generator_athrow")
}

/// Traces a wrapped value: the value.
fn trace_wrapped_value(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(w) = downcast::<WrappedValue>(v) {
        visit(w.value);
    }
}

pub fn wrapped_value_spec() -> TypeSpec {
    TypeSpec {
        trace: trace_wrapped_value,
        ..TypeSpec::new(
            "async_generator_wrapped_value",
            TypeId::of::<WrappedValue>(),
        )
    }
}

// ---- the async generator's own methods ----

fn aiter(a: &[Value], k: Option<Value>) -> PyResult {
    let (g, []) = args::method::<0>("__aiter__", a, k, 0)?;
    agen(g)?;
    Ok(g)
}

fn anext(a: &[Value], k: Option<Value>) -> PyResult {
    let (g, []) = args::method::<0>("__anext__", a, k, 0)?;
    agen(g)?;
    Ok(new_awaitable(types().async_generator_asend, g, Value::NONE))
}

fn asend(a: &[Value], k: Option<Value>) -> PyResult {
    let (g, [v]) = args::method::<1>("asend", a, k, 1)?;
    agen(g)?;
    Ok(new_awaitable(types().async_generator_asend, g, v))
}

fn athrow(a: &[Value], k: Option<Value>) -> PyResult {
    let (g, [typ, val, _tb]) = args::method::<3>("athrow", a, k, 1)?;
    agen(g)?;
    let exc = generator::make_thrown_exception(typ, val)?;
    Ok(new_awaitable(types().async_generator_athrow, g, exc))
}

fn aclose(a: &[Value], k: Option<Value>) -> PyResult {
    let (g, []) = args::method::<0>("aclose", a, k, 0)?;
    agen(g)?;
    Ok(new_awaitable(
        types().async_generator_athrow,
        g,
        Value::NULL,
    ))
}

fn get_running(v: Value) -> PyResult {
    Ok(Value::from_bool(agen(v)?.ag_running_async.get()))
}

pub fn async_generator_spec() -> TypeSpec {
    let base = generator::generator_spec();
    TypeSpec {
        slots: SlotDefs {
            repr: base.slots.repr,
            ..SlotDefs::default()
        },
        methods: const {
            &[
                MethodDef::new("__aiter__", aiter),
                MethodDef::new("__anext__", anext),
                MethodDef::new("asend", asend),
                MethodDef::new("athrow", athrow),
                MethodDef::new("aclose", aclose),
            ]
        },
        getsets: const {
            &[
                GetSetDef::new("__name__", generator::get_name, generator::set_name),
                GetSetDef::new(
                    "__qualname__",
                    generator::get_qualname,
                    generator::set_qualname,
                ),
                GetSetDef::readonly("ag_running", get_running),
                GetSetDef::readonly("ag_code", generator::get_code),
            ]
        },
        trace: base.trace,
        ..TypeSpec::new("async_generator", TypeId::of::<GeneratorObject>())
    }
}
