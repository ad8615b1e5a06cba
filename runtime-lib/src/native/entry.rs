//! Entering native code: the `entry` of every native function (binding
//! the arguments into a [`NativeFrame`] and running the body), the
//! class-body runner, generator frames on the heap with their
//! [`FrameOps`], and the frame introspection behind `globals()` and
//! `locals()`.
//!
//! Function bodies enter and leave the recursion counter themselves (so
//! direct calls between native functions, which skip this entry, count
//! too); class bodies are counted here, generators when created.

use std::cell::Cell;

use super::{NativeCode, NativeFrame};
use crate::error::{self, PyResult, Raised};
use crate::gc::RootedVec;
use crate::object::PyPayload;
use crate::runtime::frames::{locals_snapshot, FrameIntrospection};
use crate::runtime::recursion::{enter_python_call, leave_recursive_call};
use crate::types::bind::bind_arguments;
use crate::types::function::{FunctionEntry, FunctionObject};
use crate::types::generator::{self as gen, FrameOps, GenKind, GenStep, Resume};
use crate::Value;

thread_local! {
    /// The innermost running frame that keeps its variables in memory
    /// (each [`Running`] guard remembers the one it hides), or null.
    static INNERMOST: Cell<*const NativeFrame> = const { Cell::new(std::ptr::null()) };
    static MAIN_GLOBALS: Cell<Value> = const { Cell::new(Value::NULL) };
}

/// The collector's roots here: `__main__`'s globals.
pub fn trace_roots(visit: &mut dyn FnMut(Value)) {
    visit(MAIN_GLOBALS.with(|m| m.get()));
}

/// Registers native code's class-body runner and frame introspection.
pub fn register() {
    crate::typeobj::class::register_class_body_runner(run_class_body);
    crate::runtime::frames::register_frame_introspection(&NATIVE_INTROSPECTION);
}

/// The `__main__` module's globals (what `globals()` answers outside any
/// introspectable frame).
pub fn set_main_globals(g: Value) {
    MAIN_GLOBALS.with(|m| m.set(g));
}

/// The entry of native functions.
pub const ENTRY: FunctionEntry = native_entry;

/// The native code behind a function made by `krait_make_function`.
pub fn code_of(func: &FunctionObject) -> Option<&'static NativeCode> {
    if !std::ptr::fn_addr_eq(func.entry.get(), ENTRY) {
        return None;
    }
    // SAFETY: functions with the native entry point at a leaked NativeCode.
    Some(unsafe { &*(func.code as *const NativeCode) })
}

/// A method call site's cache: the native code last called there through
/// its positional fast entry, and that entry (zeroed: empty). Generated
/// code calls `fast` directly when the callee is a function with `code`.
#[repr(C)]
pub struct MethodCallCache {
    code: *const NativeCode,
    fast: *const (),
}

/// Words of a [`MethodCallCache`] (what generated code allocates per site).
pub const METHOD_CALL_CACHE_WORDS: u32 = (std::mem::size_of::<MethodCallCache>() / 8) as u32;

/// Remembers `f` in `cache` when a call of `f` with `nargs` positional
/// arguments (no keywords) can go straight to its fast entry.
pub fn remember_fast_entry(f: Value, nargs: usize, cache: &mut MethodCallCache) {
    let Some(code) = FunctionObject::cast_exact(f).and_then(code_of) else {
        return;
    };
    if let Some(fast) = code.fast_entry_for(nargs) {
        cache.code = code;
        cache.fast = fast;
    }
}

fn native_entry(f: Value, args: &[Value], kwnames: Option<Value>) -> PyResult {
    let Some(func) = FunctionObject::cast(f) else {
        return Err(error::internal_error(
            "native entry called on a non-function",
        ));
    };
    let Some(code) = code_of(func) else {
        return Err(error::internal_error("native entry of a foreign function"));
    };
    if code.is_generator_like() {
        return new_generator(code, func, f, args, kwnames);
    }
    if let (Some(fast), None) = (code.fast_entry_for(args.len()), kwnames) {
        if let Some(r) = call_fast(fast, f, args) {
            return r;
        }
    }
    const INLINE: usize = 8;
    let count = code.slot_count();
    let mut inline = [Value::NULL; INLINE];
    // More slots than fit inline live in a rooted buffer while the body runs.
    let mut heap: RootedVec;
    let slots: &mut [Value] = if count <= INLINE {
        &mut inline[..count]
    } else {
        heap = RootedVec::from_vec(vec![Value::NULL; count]);
        &mut heap
    };
    bind_arguments(func, args, kwnames, &mut slots[..code.nlocals])?;
    let mut frame = NativeFrame::new(code, f, func.globals, Value::NULL);
    frame.slots = slots.as_mut_ptr();
    run(code, &mut frame)
}

/// Calls a positional fast entry with exactly its arguments (None: more
/// arguments than the fast calls here cover).
fn call_fast(fast: *const (), f: Value, a: &[Value]) -> Option<PyResult> {
    type V = Value;
    // SAFETY: `fast` is the generated fast entry of a code object with
    // `a.len()` positional parameters, whose C signature is exactly this.
    let r = unsafe {
        match a.len() {
            0 => std::mem::transmute::<*const (), extern "C" fn(V) -> V>(fast)(f),
            1 => std::mem::transmute::<*const (), extern "C" fn(V, V) -> V>(fast)(f, a[0]),
            2 => std::mem::transmute::<*const (), extern "C" fn(V, V, V) -> V>(fast)(f, a[0], a[1]),
            3 => std::mem::transmute::<*const (), extern "C" fn(V, V, V, V) -> V>(fast)(
                f, a[0], a[1], a[2],
            ),
            4 => std::mem::transmute::<*const (), extern "C" fn(V, V, V, V, V) -> V>(fast)(
                f, a[0], a[1], a[2], a[3],
            ),
            _ => return None,
        }
    };
    Some(if r.is_error() { Err(Raised) } else { Ok(r) })
}

/// Runs a body on a complete frame.
fn run(code: &'static NativeCode, frame: &mut NativeFrame) -> PyResult {
    let _running = code.locals_in_frame.then(|| Running::enter(frame));
    // SAFETY: the body is the generated code of `code`; `frame.slots`
    // holds `code.slot_count()` values.
    let r = unsafe { (code.body)(frame, Value::NULL) };
    if r.is_error() {
        Err(Raised)
    } else {
        Ok(r)
    }
}

/// The class-body runner: runs the body function with `ns` as its
/// `LOAD_NAME` namespace.
fn run_class_body(body: Value, ns: Value) -> PyResult {
    let Some(func) = FunctionObject::cast(body) else {
        return Err(error::type_error("class body is not a function"));
    };
    let Some(code) = code_of(func) else {
        return Err(error::system_error("class body is not native code"));
    };
    enter_python_call()?;
    let mut slots = RootedVec::from_vec(vec![Value::NULL; code.slot_count()]);
    let mut frame = NativeFrame::new(code, body, func.globals, ns);
    frame.slots = slots.as_mut_ptr();
    let result = run(code, &mut frame);
    leave_recursive_call();
    result
}

/// Marks a frame as the innermost running one until dropped (holding the
/// frame it hides meanwhile).
struct Running(*const NativeFrame);

impl Running {
    #[inline]
    fn enter(frame: &NativeFrame) -> Running {
        Running(INNERMOST.with(|r| r.replace(frame as *const NativeFrame)))
    }
}

impl Drop for Running {
    #[inline]
    fn drop(&mut self) {
        INNERMOST.with(|r| r.set(self.0));
    }
}

// ---- generators ----

/// A generator's frame, in one allocation with its `nslots` slots right
/// after it (`frame.slots` points there).
#[repr(C)]
struct GenFrame {
    frame: NativeFrame,
    /// Handled exceptions of the suspended frame, innermost last.
    saved_handled: Vec<Value>,
    nslots: usize,
}

impl GenFrame {
    /// The layout of a frame with `nslots` slots, and the slots' offset.
    fn layout(nslots: usize) -> (std::alloc::Layout, usize) {
        let header = std::alloc::Layout::new::<GenFrame>();
        match std::alloc::Layout::array::<Value>(nslots).and_then(|s| header.extend(s)) {
            Ok(layout) => layout,
            // As `vec![NULL; nslots]` would: a code object never has that
            // many variables.
            Err(_) => std::alloc::handle_alloc_error(header),
        }
    }

    /// A new frame for `code` with every slot NULL (freed by `release`).
    fn alloc(code: &'static NativeCode, f: Value, globals: Value) -> *mut GenFrame {
        let nslots = code.slot_count();
        let (layout, offset) = GenFrame::layout(nslots);
        // SAFETY: the layout has a non-zero size (the header).
        let p = unsafe { std::alloc::alloc(layout) } as *mut GenFrame;
        if p.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        // SAFETY: `p` is a fresh block of `layout`: the header at its start,
        // `nslots` values at `offset`.
        unsafe {
            let slots = (p as *mut u8).add(offset) as *mut Value;
            for i in 0..nslots {
                slots.add(i).write(Value::NULL);
            }
            let mut frame = NativeFrame::new(code, f, globals, Value::NULL);
            frame.slots = slots;
            p.write(GenFrame {
                frame,
                saved_handled: Vec::new(),
                nslots,
            });
        }
        p
    }

    fn slots(&self) -> &[Value] {
        // SAFETY: `alloc` made `nslots` values at `frame.slots`.
        unsafe { std::slice::from_raw_parts(self.frame.slots, self.nslots) }
    }

    fn slots_mut(&mut self) -> &mut [Value] {
        // SAFETY: as in `slots`.
        unsafe { std::slice::from_raw_parts_mut(self.frame.slots, self.nslots) }
    }
}

static NATIVE_FRAME_OPS: FrameOps = FrameOps {
    resume,
    trace,
    release,
};

fn new_generator(
    code: &'static NativeCode,
    func: &FunctionObject,
    f: Value,
    args: &[Value],
    kwnames: Option<Value>,
) -> PyResult {
    use crate::types::function::code_flags;
    let kind = if code.flags & code_flags::COROUTINE != 0 {
        GenKind::Coroutine
    } else if code.flags & super::ASYNC_GENERATOR != 0 {
        GenKind::AsyncGenerator
    } else {
        GenKind::Generator
    };
    let ptr = GenFrame::alloc(code, f, func.globals);
    // The generator owns the frame from here on and traces its slots, so
    // what binding and the prologue put there is reachable through it (and
    // it, held on this stack, from the roots). It is not running, and if
    // either step fails it is garbage, whose frame the collector releases.
    let generator = gen::new_generator(
        kind,
        ptr as *mut (),
        &NATIVE_FRAME_OPS,
        func.name.get(),
        func.qualname.get(),
        code.value,
    );
    // SAFETY: the frame lives until the generator releases it.
    let g = unsafe { &mut *ptr };
    bind_arguments(func, args, kwnames, &mut g.slots_mut()[..code.nlocals])?;
    // The prologue (cells, free variables) runs to RETURN_GENERATOR now.
    run(code, &mut g.frame)?;
    Ok(std::hint::black_box(generator))
}

/// # Safety
/// `ptr` must come from `new_generator` and not be released.
unsafe fn gen_frame<'a>(ptr: *mut ()) -> &'a mut GenFrame {
    // SAFETY: guaranteed by the caller.
    unsafe { &mut *(ptr as *mut GenFrame) }
}

fn resume(ptr: *mut (), how: Resume) -> PyResult<GenStep> {
    // SAFETY: the runtime passes back the pointer `new_generator` made and
    // never resumes a running or finished generator.
    let g = unsafe { gen_frame(ptr) };
    if !g.saved_handled.is_empty() {
        error::restore_handled(&mut g.saved_handled);
    }
    let (sent, throwing) = match how {
        Resume::Send(v) => (v, 0),
        Resume::Throw => (Value::NULL, 1),
    };
    g.frame.throwing = throwing;
    g.frame.yielded = 0;
    let code = g.frame.code;
    let _running = {
        // SAFETY: frames point at their leaked code.
        let code = unsafe { &*code };
        code.locals_in_frame.then(|| Running::enter(&g.frame))
    };
    // SAFETY: as in `run`.
    let r = unsafe { ((*code).body)(&mut g.frame, sent) };
    if r.is_error() {
        return Err(Raised);
    }
    if g.frame.yielded == 0 {
        return Ok(GenStep::Return(r));
    }
    if g.frame.handled > 0 {
        // Suspended inside `except`: the exceptions wait in the frame
        // (`saved_handled` is empty: `restore_handled` drained it).
        g.saved_handled = error::save_handled(g.frame.handled as usize);
    }
    Ok(GenStep::Yield(r))
}

fn trace(ptr: *mut (), visit: &mut dyn FnMut(Value)) {
    // SAFETY: as in `resume`.
    let g = unsafe { gen_frame(ptr) };
    for &v in [g.frame.func, g.frame.globals, g.frame.ns].iter() {
        visit(v);
    }
    for &v in g.slots().iter().chain(&g.saved_handled) {
        visit(v);
    }
}

fn release(ptr: *mut ()) {
    let p = ptr as *mut GenFrame;
    // SAFETY: `ptr` came from `GenFrame::alloc` in `new_generator`, and
    // the runtime releases each frame once.
    unsafe {
        let (layout, _) = GenFrame::layout((*p).nslots);
        std::ptr::drop_in_place(p);
        std::alloc::dealloc(p as *mut u8, layout);
    }
}

// ---- introspection ----

fn with_innermost<R>(f: impl FnOnce(&NativeFrame) -> R) -> Option<R> {
    let ptr = INNERMOST.with(|r| r.get());
    if ptr.is_null() {
        return None;
    }
    // SAFETY: set by `Running::enter` for a frame whose body is still
    // running further up this thread's stack.
    Some(f(unsafe { &*ptr }))
}

fn globals() -> Option<Value> {
    with_innermost(|f| f.globals).or_else(|| {
        let g = MAIN_GLOBALS.with(|m| m.get());
        (!g.is_null()).then_some(g)
    })
}

fn locals() -> PyResult<Option<Value>> {
    let Some(result) = with_innermost(|frame| -> PyResult {
        if !frame.ns.is_null() {
            return Ok(frame.ns);
        }
        // SAFETY: frames point at their leaked code.
        let code = unsafe { &*frame.code };
        let nderefs = code.cellvars.len() + code.freevars.len();
        // SAFETY: a frame on the running list keeps every variable in its
        // slots (locals, then cells and frees).
        let slots = unsafe { std::slice::from_raw_parts(frame.slots, code.nlocals + nderefs) };
        let (fast, cells) = slots.split_at(code.nlocals);
        let names: Vec<Value> = code
            .cellvars
            .iter()
            .chain(&code.freevars)
            .copied()
            .collect();
        locals_snapshot(
            &code.info.varnames,
            fast,
            &names,
            code.cellvars.len(),
            cells,
        )
    }) else {
        let g = globals();
        return Ok(g);
    };
    result.map(Some)
}

static NATIVE_INTROSPECTION: FrameIntrospection = FrameIntrospection { globals, locals };
