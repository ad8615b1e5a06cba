//! Generators and coroutines: `generator`, `coroutine` (with its
//! `coroutine_wrapper` for `__await__`), the object behind async
//! generators too (their protocol is in `async_gen`), and the protocol
//! helpers the executors' `yield from` / `await` instructions call.
//!
//! The suspended frame belongs to the executor: a [`GeneratorObject`]
//! holds an opaque `frame` pointer and the executor's [`FrameOps`] (how to
//! resume it, how to trace and free it). The VM supplies one `FrameOps`;
//! native code supplies its own, so both kinds of generator mix freely.
//! Everything else — the state machine (created, suspended, running,
//! closed), `send`/`throw`/`close` with CPython's messages, turning a
//! `StopIteration` that escapes the frame into `RuntimeError`, iteration —
//! lives here once.
//!
//! For `yield from` and `await` the executor calls [`iter_send`] (the
//! `SEND` instruction), [`get_yield_from_iter`], [`get_awaitable`] and,
//! when a `throw()` reaches a frame suspended in a `yield from`,
//! [`delegate_throw`].

use std::any::TypeId;
use std::cell::Cell;

use crate::error::{type_error, value_error, PyResult, Raised};
use crate::heap::{alloc_value, Header, HeapObject};
use crate::object::{downcast, id_of, type_of};
use crate::typeobj::builder::TypeSpec;
use crate::typeobj::{as_type, flags, SlotDefs, TypeObject};
use crate::types::builtin_func::{GetSetDef, MethodDef};
use crate::types::registry::types;
use crate::types::string::{as_str, intern, new_string};
use crate::Value;

/// What a suspended frame is asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resume {
    /// Continue with this value as the result of the `yield` (None on the
    /// first resumption).
    Send(Value),
    /// Raise the pending exception (in the current-exception slot) at the
    /// `yield`.
    Throw,
}

/// What a resumed frame did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenStep {
    /// It yielded this value and is suspended again.
    Yield(Value),
    /// It returned this value and is finished.
    Return(Value),
}

/// The executor's side of a generator frame.
pub struct FrameOps {
    /// Runs the frame until it yields, returns or raises (`Err`: the frame
    /// is finished and the exception is pending).
    pub resume: fn(frame: *mut (), how: Resume) -> PyResult<GenStep>,
    /// Calls the visitor on every value the frame holds (for the collector).
    pub trace: fn(frame: *mut (), visit: &mut dyn FnMut(Value)),
    /// Frees a frame that will not run again. It may be called while the
    /// collector sweeps (the generator died unfinished), so it must only
    /// free Rust memory and never touch a heap object.
    pub release: fn(frame: *mut ()),
}

/// Which kind of generator a code object makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    /// `async def` with `yield`: driven through `types::async_gen`.
    AsyncGenerator,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Created,
    Suspended,
    Running,
    Closed,
}

/// A generator or coroutine.
#[repr(C)]
pub struct GeneratorObject {
    pub header: Header,
    frame: Cell<*mut ()>,
    ops: &'static FrameOps,
    state: Cell<State>,
    pub kind: GenKind,
    pub name: Cell<Value>,
    pub qualname: Cell<Value>,
    /// The code object (`gi_code`), or None.
    pub code: Value,
    /// Async generators: `aclose()` was called or the frame finished
    /// (`ag_closed`).
    pub ag_closed: Cell<bool>,
    /// Async generators: an `asend`/`athrow` awaitable is running it.
    pub ag_running_async: Cell<bool>,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for GeneratorObject {}

impl Drop for GeneratorObject {
    /// A generator freed by the collector before it finished releases its
    /// frame. Its `finally` blocks do not run (CPython would `close()` it
    /// first; no Python code can run while the collector sweeps).
    fn drop(&mut self) {
        let frame = self.frame.replace(std::ptr::null_mut());
        if !frame.is_null() {
            (self.ops.release)(frame);
        }
    }
}

/// A new generator (or coroutine) over the executor's suspended `frame`,
/// which is resumed through `ops` and starts at its beginning.
pub fn new_generator(
    kind: GenKind,
    frame: *mut (),
    ops: &'static FrameOps,
    name: Value,
    qualname: Value,
    code: Value,
) -> Value {
    let ty = match kind {
        GenKind::Generator => types().generator,
        GenKind::Coroutine => types().coroutine,
        GenKind::AsyncGenerator => types().async_generator,
    };
    alloc_value(GeneratorObject {
        header: Header::new(ty),
        frame: Cell::new(frame),
        ops,
        state: Cell::new(State::Created),
        kind,
        name: Cell::new(name),
        qualname: Cell::new(qualname),
        code,
        ag_closed: Cell::new(false),
        ag_running_async: Cell::new(false),
    })
}

/// The generator or coroutine behind `v`.
pub fn as_generator(v: Value) -> Option<&'static GeneratorObject> {
    downcast::<GeneratorObject>(v)
}

fn this(v: Value) -> PyResult<&'static GeneratorObject> {
    as_generator(v).ok_or_else(|| crate::error::internal_error("generator slot on a non-generator"))
}

impl GeneratorObject {
    fn noun(&self) -> &'static str {
        match self.kind {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }

    /// True while the frame runs (`gi_running`).
    pub fn is_running(&self) -> bool {
        self.state.get() == State::Running
    }

    /// True once the frame finished (or was never started and closed).
    pub fn is_closed(&self) -> bool {
        self.state.get() == State::Closed
    }

    fn finish(&self) {
        self.state.set(State::Closed);
        let frame = self.frame.replace(std::ptr::null_mut());
        if !frame.is_null() {
            (self.ops.release)(frame);
        }
    }

    /// Runs the frame once. `Err`: the exception is pending and the frame
    /// is finished. Inline for the common case, a suspended frame resumed
    /// by `next()` (every `for` loop over a generator).
    #[inline]
    fn step(&self, how: Resume) -> PyResult<GenStep> {
        if self.state.get() == State::Suspended {
            self.run_frame(how)
        } else {
            self.step_unusual(how)
        }
    }

    /// [`Self::step`] of a frame that was never started, is running or is
    /// finished.
    #[inline(never)]
    fn step_unusual(&self, how: Resume) -> PyResult<GenStep> {
        match self.state.get() {
            State::Running => {
                if let Resume::Throw = how {
                    crate::error::clear_exception();
                }
                return Err(value_error(format!("{} already executing", self.noun())));
            }
            State::Closed => {
                return match how {
                    // Throwing into a finished generator raises the exception there.
                    Resume::Throw => Err(Raised),
                    Resume::Send(_) if self.kind == GenKind::Coroutine => Err(
                        crate::error::runtime_error("cannot reuse already awaited coroutine"),
                    ),
                    Resume::Send(_) => Ok(GenStep::Return(Value::NONE)),
                };
            }
            State::Created => {
                if let Resume::Send(v) = how {
                    if !v.is_none() {
                        return Err(type_error(format!(
                            "can't send non-None value to a just-started {}",
                            self.noun()
                        )));
                    }
                }
            }
            State::Suspended => {}
        }
        self.run_frame(how)
    }

    /// Resumes the frame (which is ready to run) once.
    #[inline]
    fn run_frame(&self, how: Resume) -> PyResult<GenStep> {
        // A recursion error replaces an exception being thrown.
        crate::runtime::recursion::enter_recursive_call()?;
        self.state.set(State::Running);
        let result = (self.ops.resume)(self.frame.get(), how);
        crate::runtime::recursion::leave_recursive_call();
        match result {
            Ok(GenStep::Yield(v)) => {
                self.state.set(State::Suspended);
                Ok(GenStep::Yield(v))
            }
            Ok(GenStep::Return(v)) => {
                self.finish();
                Ok(GenStep::Return(v))
            }
            Err(e) => {
                self.finish_raising();
                Err(e)
            }
        }
    }

    #[cold]
    fn finish_raising(&self) {
        self.finish();
        self.stop_iteration_to_runtime_error();
    }

    /// PEP 479: a `StopIteration` escaping the frame becomes
    /// `RuntimeError: generator raised StopIteration`.
    fn stop_iteration_to_runtime_error(&self) {
        let Some(exc) = crate::error::current_exception() else {
            return;
        };
        let t = &types().exc;
        let what = if type_of(exc).is_subtype(t.StopIteration) {
            "StopIteration"
        } else if self.kind == GenKind::AsyncGenerator
            && type_of(exc).is_subtype(t.StopAsyncIteration)
        {
            "StopAsyncIteration"
        } else {
            return;
        };
        crate::error::clear_exception();
        let new = crate::exceptions::new_exception(
            t.RuntimeError,
            &format!("{} raised {what}", self.noun()),
        );
        if let Some(e) = crate::exceptions::as_exception(new) {
            e.cause.set(exc);
            e.context.set(exc);
            e.suppress_context.set(true);
        }
        let _pending = crate::error::restore(new);
    }

    /// `gen.send(v)` as a step: yielded or returned.
    pub fn send_step(&self, v: Value) -> PyResult<GenStep> {
        self.step(Resume::Send(v))
    }

    /// Throws `exc` (an exception instance) into the frame.
    pub fn throw_step(&self, exc: Value) -> PyResult<GenStep> {
        if self.state.get() == State::Created {
            // Never started: the exception is raised without running the body.
            self.finish();
            return Err(crate::error::restore(exc));
        }
        let _pending = crate::error::restore(exc);
        self.step(Resume::Throw)
    }

    /// `gen.close()`.
    pub fn close(&self) -> PyResult<()> {
        match self.state.get() {
            State::Created => {
                self.finish();
                return Ok(());
            }
            State::Closed => return Ok(()),
            _ => {}
        }
        let exit = crate::exceptions::new_exception_args(types().exc.GeneratorExit, &[]);
        match self.throw_step(exit) {
            Ok(GenStep::Yield(_)) => Err(crate::error::runtime_error(format!(
                "{} ignored GeneratorExit",
                self.noun()
            ))),
            Ok(GenStep::Return(_)) => Ok(()),
            Err(e) => {
                let t = &types().exc;
                if crate::error::clear_if(t.GeneratorExit)
                    || crate::error::clear_if(t.StopIteration)
                {
                    Ok(())
                } else {
                    Err(e)
                }
            }
        }
    }
}

/// The result of [`iter_send`]: the receiver yielded, or it finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendResult {
    Yield(Value),
    Return(Value),
}

/// The `StopIteration` value of the pending exception, which is cleared;
/// None if the pending exception is not a `StopIteration`.
pub fn take_stop_iteration_value() -> Option<Value> {
    let exc = crate::error::current_exception()?;
    if !type_of(exc).is_subtype(types().exc.StopIteration) {
        return None;
    }
    crate::error::clear_exception();
    Some(crate::exceptions::get_extra(exc, "value").unwrap_or(Value::NONE))
}

/// `SEND`: sends `v` into the receiver of a `yield from` / `await`
/// (`PyIter_Send`): a generator or coroutine directly, `next()` when `v`
/// is None, else its `send` method; a `StopIteration` is the return value.
pub fn iter_send(receiver: Value, v: Value) -> PyResult<SendResult> {
    if let Some(g) = as_generator(receiver) {
        return Ok(match g.send_step(v)? {
            GenStep::Yield(x) => SendResult::Yield(x),
            GenStep::Return(x) => SendResult::Return(x),
        });
    }
    let result = if v.is_none() && type_of(receiver).slots.next.get().is_some() {
        match next_keeping_stop_value(receiver) {
            Ok(Some(x)) => Ok(x),
            Ok(None) => return Ok(SendResult::Return(Value::NONE)),
            Err(e) => Err(e),
        }
    } else {
        crate::ops::call::call_method(receiver, "send", &[v])
    };
    match result {
        Ok(x) => Ok(SendResult::Yield(x)),
        Err(e) => match take_stop_iteration_value() {
            Some(value) => Ok(SendResult::Return(value)),
            None => Err(e),
        },
    }
}

/// `next(it)` that lets a user `__next__`'s `StopIteration(value)` through
/// as an exception (so `yield from` sees the value).
fn next_keeping_stop_value(it: Value) -> PyResult<Option<Value>> {
    let ty = type_of(it);
    if ty.is_heap_type() {
        if let Some(f) = crate::ops::attr::lookup_special(it, "__next__")? {
            return crate::ops::call::call(f, &[], None).map(Some);
        }
    }
    crate::ops::iter::next(it)
}

/// What [`delegate_throw`] did with an exception thrown into a frame that
/// is suspended in a `yield from` / `await` of `yf`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DelegateResult {
    /// `yf` yielded a value: the outer frame yields it and stays suspended.
    Yield(Value),
    /// `yf` finished with this value: the outer frame leaves its `SEND`
    /// loop with it.
    Return(Value),
    /// `yf` raised (the exception is pending): the outer frame leaves its
    /// `SEND` loop and raises it there.
    Raised,
    /// Raise the thrown exception (pending) in the outer frame itself.
    ThrowHere,
}

/// CPython's `gen_throw` for a frame delegating to `yf`: a
/// `GeneratorExit` closes `yf` and is raised in the outer frame; anything
/// else is thrown into `yf` (if it has a `throw` method). The thrown
/// exception `exc` is passed as a value; for `ThrowHere` it is pending
/// again on return.
pub fn delegate_throw(yf: Value, exc: Value) -> DelegateResult {
    if type_of(exc).is_subtype(types().exc.GeneratorExit) {
        let closed = match as_generator(yf) {
            Some(g) => g.close(),
            None => match crate::ops::attr::getattr_opt(yf, intern("close")) {
                Ok(Some(close)) => crate::ops::call::call(close, &[], None).map(|_| ()),
                Ok(None) => Ok(()),
                Err(e) => Err(e),
            },
        };
        return match closed {
            Ok(()) => {
                let _pending = crate::error::restore(exc);
                DelegateResult::ThrowHere
            }
            Err(_) => DelegateResult::Raised,
        };
    }
    let result = if let Some(g) = as_generator(yf) {
        match g.throw_step(exc) {
            Ok(GenStep::Yield(v)) => Ok(v),
            Ok(GenStep::Return(v)) => return DelegateResult::Return(v),
            Err(e) => Err(e),
        }
    } else {
        match crate::ops::attr::getattr_opt(yf, intern("throw")) {
            Ok(Some(throw)) => crate::ops::call::call(throw, &[exc], None),
            Ok(None) => {
                let _pending = crate::error::restore(exc);
                return DelegateResult::ThrowHere;
            }
            Err(e) => Err(e),
        }
    };
    match result {
        Ok(v) => DelegateResult::Yield(v),
        Err(_) => match take_stop_iteration_value() {
            Some(v) => DelegateResult::Return(v),
            None => DelegateResult::Raised,
        },
    }
}

/// `GET_YIELD_FROM_ITER`: a generator (or, in a coroutine, a coroutine)
/// as itself, anything else through `iter()`.
pub fn get_yield_from_iter(v: Value, in_coroutine: bool) -> PyResult {
    if let Some(g) = as_generator(v) {
        if g.kind == GenKind::Coroutine && !in_coroutine {
            return Err(type_error(
                "cannot 'yield from' a coroutine object in a non-coroutine generator",
            ));
        }
        return Ok(v);
    }
    crate::ops::iter::iter(v)
}

/// Where an awaited value came from, for `get_awaitable`'s message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AwaitWhere {
    Await,
    AsyncEnter,
    AsyncExit,
}

/// `GET_AWAITABLE`: a coroutine as itself, anything else through its
/// `__await__` (which must return an iterator that is not a coroutine).
pub fn get_awaitable(v: Value, context: AwaitWhere) -> PyResult {
    if let Some(g) = as_generator(v) {
        if g.kind == GenKind::Coroutine {
            return Ok(v);
        }
    }
    let ty = type_of(v);
    let Some(method) = crate::ops::attr::lookup_special(v, "__await__")? else {
        return Err(type_error(match context {
            AwaitWhere::Await => {
                format!("object {} can't be used in 'await' expression", ty.name())
            }
            AwaitWhere::AsyncEnter => format!(
                "'async with' received an object from __aenter__ that does not implement __await__: {}",
                ty.name()
            ),
            AwaitWhere::AsyncExit => format!(
                "'async with' received an object from __aexit__ that does not implement __await__: {}",
                ty.name()
            ),
        }));
    };
    let it = crate::ops::call::call(method, &[], None)?;
    if as_generator(it).is_some_and(|g| g.kind == GenKind::Coroutine) {
        return Err(type_error("__await__() returned a coroutine"));
    }
    if type_of(it).slots.next.get().is_none() {
        return Err(type_error(format!(
            "__await__() returned non-iterator of type '{}'",
            type_of(it).name()
        )));
    }
    Ok(it)
}

// ---- Python-visible behaviour ----

fn gen_iter(v: Value) -> PyResult {
    Ok(v)
}

/// `next()` of a generator (its `__next__` slot, and `ops::iter::next`'s
/// fast path).
#[inline]
pub(crate) fn gen_next(v: Value) -> PyResult<Option<Value>> {
    match this(v)?.send_step(Value::NONE)? {
        GenStep::Yield(x) => Ok(Some(x)),
        GenStep::Return(_) => Ok(None),
    }
}

/// `send()` as a method: a return becomes `StopIteration(value)`.
fn step_to_result(step: PyResult<GenStep>) -> PyResult {
    match step? {
        GenStep::Yield(x) => Ok(x),
        GenStep::Return(x) => Err(crate::error::stop_iteration(x)),
    }
}

fn send(a: &[Value], k: Option<Value>) -> PyResult {
    let (g, [v]) = crate::args::method::<1>("send", a, k, 1)?;
    step_to_result(this(g)?.send_step(v))
}

/// Builds the exception `throw(typ[, val[, tb]])` raises (also used by
/// async generators' `athrow`).
pub fn make_thrown_exception(typ: Value, val: Value) -> PyResult {
    if let Some(t) = as_type(typ) {
        if t.has_flag(flags::EXC_SUBCLASS) {
            if crate::exceptions::as_exception(val).is_some_and(|_| type_of(val).is_subtype(t)) {
                return Ok(val);
            }
            // Borrowed from the tuple, which this keeps alive meanwhile.
            let args: &[Value] = if val.is_null() || val.is_none() {
                &[]
            } else if let Some(items) = crate::types::tuple::tuple_items(val) {
                items
            } else {
                std::slice::from_ref(&val)
            };
            return crate::ops::call::call(typ, args, None);
        }
    }
    if crate::exceptions::as_exception(typ).is_some() {
        if !val.is_null() && !val.is_none() {
            return Err(type_error(
                "instance exception may not have a separate value",
            ));
        }
        return Ok(typ);
    }
    Err(type_error(format!(
        "exceptions must be classes or instances deriving from BaseException, not {}",
        type_of(typ).name()
    )))
}

fn throw(a: &[Value], k: Option<Value>) -> PyResult {
    let (g, [typ, val, _tb]) = crate::args::method::<3>("throw", a, k, 1)?;
    let exc = make_thrown_exception(typ, val)?;
    step_to_result(this(g)?.throw_step(exc))
}

fn close(a: &[Value], k: Option<Value>) -> PyResult {
    let (g, []) = crate::args::method::<0>("close", a, k, 0)?;
    this(g)?.close()?;
    Ok(Value::NONE)
}

fn gen_repr(v: Value) -> PyResult {
    let g = this(v)?;
    Ok(new_string(format!(
        "<{} object {} at {:#x}>",
        g.noun(),
        as_str(g.qualname.get()).unwrap_or("?"),
        id_of(v)
    )))
}

pub(crate) fn get_name(v: Value) -> PyResult {
    Ok(this(v)?.name.get())
}

pub(crate) fn set_name(v: Value, x: Value) -> PyResult<()> {
    if as_str(x).is_none() {
        return Err(type_error("__name__ must be set to a string object"));
    }
    this(v)?.name.set(x);
    Ok(())
}

pub(crate) fn get_qualname(v: Value) -> PyResult {
    Ok(this(v)?.qualname.get())
}

pub(crate) fn set_qualname(v: Value, x: Value) -> PyResult<()> {
    if as_str(x).is_none() {
        return Err(type_error("__qualname__ must be set to a string object"));
    }
    this(v)?.qualname.set(x);
    Ok(())
}

fn get_running(v: Value) -> PyResult {
    Ok(Value::from_bool(this(v)?.is_running()))
}

pub(crate) fn get_code(v: Value) -> PyResult {
    Ok(this(v)?.code)
}

fn get_suspended(v: Value) -> PyResult {
    Ok(Value::from_bool(this(v)?.state.get() == State::Suspended))
}

fn trace(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(g) = as_generator(v) {
        visit(g.name.get());
        visit(g.qualname.get());
        visit(g.code);
        let frame = g.frame.get();
        if !frame.is_null() {
            (g.ops.trace)(frame, visit);
        }
    }
}

/// `coro.__await__()`: an iterator over the coroutine.
fn await_(a: &[Value], k: Option<Value>) -> PyResult {
    let (c, []) = crate::args::method::<0>("__await__", a, k, 0)?;
    this(c)?;
    Ok(alloc_value(CoroutineWrapper {
        header: Header::new(types().coroutine_wrapper),
        coro: c,
    }))
}

const GEN_METHODS: &[MethodDef] = &[
    MethodDef::new("send", send),
    MethodDef::new("throw", throw),
    MethodDef::new("close", close),
];

const CORO_METHODS: &[MethodDef] = &[
    MethodDef::new("send", send),
    MethodDef::new("throw", throw),
    MethodDef::new("close", close),
    MethodDef::new("__await__", await_),
];

pub fn generator_spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            iter: Some(gen_iter),
            next: Some(gen_next),
            repr: Some(gen_repr),
            ..SlotDefs::default()
        },
        methods: GEN_METHODS,
        getsets: const {
            &[
                GetSetDef::new("__name__", get_name, set_name),
                GetSetDef::new("__qualname__", get_qualname, set_qualname),
                GetSetDef::readonly("gi_running", get_running),
                GetSetDef::readonly("gi_code", get_code),
                GetSetDef::readonly("gi_suspended", get_suspended),
            ]
        },
        trace,
        ..TypeSpec::new("generator", TypeId::of::<GeneratorObject>())
    }
}

pub fn coroutine_spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            repr: Some(gen_repr),
            ..SlotDefs::default()
        },
        methods: CORO_METHODS,
        getsets: const {
            &[
                GetSetDef::new("__name__", get_name, set_name),
                GetSetDef::new("__qualname__", get_qualname, set_qualname),
                GetSetDef::readonly("cr_running", get_running),
                GetSetDef::readonly("cr_code", get_code),
                GetSetDef::readonly("cr_suspended", get_suspended),
            ]
        },
        trace,
        ..TypeSpec::new("coroutine", TypeId::of::<GeneratorObject>())
    }
}

/// `coroutine_wrapper`: what `coro.__await__()` returns.
#[repr(C)]
pub struct CoroutineWrapper {
    pub header: Header,
    pub coro: Value,
}
// SAFETY: repr(C), header first.
unsafe impl HeapObject for CoroutineWrapper {}

fn wrapped_coro(v: Value) -> PyResult<Value> {
    downcast::<CoroutineWrapper>(v)
        .map(|w| w.coro)
        .ok_or_else(|| crate::error::internal_error("coroutine_wrapper slot on another object"))
}

fn wrapper_next(v: Value) -> PyResult<Option<Value>> {
    gen_next(wrapped_coro(v)?)
}

fn wrapper_method(
    name: &str,
    a: &[Value],
    k: Option<Value>,
    f: crate::types::builtin_func::BuiltinFn,
) -> PyResult {
    let Some((&w, rest)) = a.split_first() else {
        return Err(type_error(format!("{name}() needs an argument")));
    };
    crate::ops::call::call_with_self(f, wrapped_coro(w)?, rest, k)
}

fn wrapper_send(a: &[Value], k: Option<Value>) -> PyResult {
    wrapper_method("send", a, k, send)
}

fn wrapper_throw(a: &[Value], k: Option<Value>) -> PyResult {
    wrapper_method("throw", a, k, throw)
}

fn wrapper_close(a: &[Value], k: Option<Value>) -> PyResult {
    wrapper_method("close", a, k, close)
}

fn wrapper_trace(v: Value, visit: &mut dyn FnMut(Value)) {
    if let Some(w) = downcast::<CoroutineWrapper>(v) {
        visit(w.coro);
    }
}

pub fn coroutine_wrapper_spec() -> TypeSpec {
    TypeSpec {
        slots: SlotDefs {
            iter: Some(gen_iter),
            next: Some(wrapper_next),
            ..SlotDefs::default()
        },
        methods: const {
            &[
                MethodDef::new("send", wrapper_send),
                MethodDef::new("throw", wrapper_throw),
                MethodDef::new("close", wrapper_close),
            ]
        },
        trace: wrapper_trace,
        ..TypeSpec::new("coroutine_wrapper", TypeId::of::<CoroutineWrapper>())
    }
}

/// The type object of generators of `kind` (for executors' checks).
pub fn generator_type(kind: GenKind) -> &'static TypeObject {
    match kind {
        GenKind::Generator => types().generator,
        GenKind::Coroutine => types().coroutine,
        GenKind::AsyncGenerator => types().async_generator,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exceptions::str_of_current;

    /// A frame that yields 1, 2, then returns 3 (counting in the pointer's
    /// target).
    fn counting_resume(frame: *mut (), how: Resume) -> PyResult<GenStep> {
        // SAFETY: the tests pass a leaked Cell<i64>.
        let n = unsafe { &*(frame as *const Cell<i64>) };
        if how == Resume::Throw {
            return Err(Raised);
        }
        n.set(n.get() + 1);
        match n.get() {
            1 | 2 => Ok(GenStep::Yield(Value::small_int(n.get()))),
            _ => Ok(GenStep::Return(Value::small_int(3))),
        }
    }

    fn no_trace(_: *mut (), _: &mut dyn FnMut(Value)) {}
    fn no_release(_: *mut ()) {}

    static OPS: FrameOps = FrameOps {
        resume: counting_resume,
        trace: no_trace,
        release: no_release,
    };

    fn counter(kind: GenKind) -> Value {
        let cell: &'static Cell<i64> = Box::leak(Box::new(Cell::new(0)));
        let name = crate::types::string::new_str("g");
        new_generator(
            kind,
            cell as *const Cell<i64> as *mut (),
            &OPS,
            name,
            name,
            Value::NONE,
        )
    }

    #[test]
    fn send_protocol_and_messages() {
        let g = counter(GenKind::Generator);
        let gen = as_generator(g).unwrap();
        assert!(gen.send_step(Value::small_int(5)).is_err());
        assert_eq!(
            str_of_current(),
            "can't send non-None value to a just-started generator"
        );
        assert_eq!(gen_next(g).unwrap(), Some(Value::small_int(1)));
        assert_eq!(
            iter_send(g, Value::NONE).unwrap(),
            SendResult::Yield(Value::small_int(2))
        );
        assert_eq!(
            iter_send(g, Value::NONE).unwrap(),
            SendResult::Return(Value::small_int(3))
        );
        assert!(gen.is_closed());
        assert_eq!(gen_next(g).unwrap(), None);
        let r = crate::ops::object::repr_string(g).unwrap();
        assert!(r.starts_with("<generator object g at 0x"), "{r}");
    }

    #[test]
    fn coroutines_cannot_be_reused() {
        let c = counter(GenKind::Coroutine);
        let co = as_generator(c).unwrap();
        assert!(co.close().is_ok());
        assert!(co.send_step(Value::NONE).is_err());
        assert_eq!(str_of_current(), "cannot reuse already awaited coroutine");
        assert!(get_yield_from_iter(counter(GenKind::Coroutine), false).is_err());
        assert_eq!(
            str_of_current(),
            "cannot 'yield from' a coroutine object in a non-coroutine generator"
        );
        assert!(get_awaitable(Value::small_int(1), AwaitWhere::Await).is_err());
        assert_eq!(
            str_of_current(),
            "object int can't be used in 'await' expression"
        );
    }
}
