//! `krait-runtime`: the library every krait program links against. It owns
//! the object model, the protocol operations, exceptions, the builtins and
//! the `extern "C"` ABI of generated code. Both executors — the bytecode VM
//! (`compiler/src/interp`, which links this crate as an rlib) and native
//! code (which links the static archive) — call the same functions here:
//! every semantic operation lives once, in this crate.
//!
//! # Module map
//!
//! | module | owns |
//! |---|---|
//! | [`value`] | `Value`, the NaN-boxed word (fixed encoding) |
//! | [`heap`] | `Header` and the one allocation API (`alloc`, `alloc_with_items`) |
//! | [`gc`] | the mark-sweep collector: size-class blocks, roots (conservative stack, runtime roots, `RootedVec`), safe points, weak references |
//! | [`object`] | `type_of`, `downcast`, `PyPayload::cast` (through builtin subclasses) |
//! | [`error`] | `PyResult`/`Raised`, the current-exception slot, the handled-exception stack, error constructors |
//! | [`typeobj`] | `TypeObject` and its slots; `mro` (C3), `builder` (builtin specs), `class` (user classes, `__build_class__`), `heap_slots` (dunder dispatch of user classes), `type_type` |
//! | [`types`] | one module per builtin type (`int`, `float`, `string`, `tuple`, `list`, `dict`, `range`, `slice`, `function`, `bind`, `builtin_func`, `slot_wrapper`, `method`, `cell`, `module`, `descr`, `super_`, `iterators`, `instance`, `shape`, `set`, `generator`, `code`…) and `registry`, the list of them |
//! | [`ops`] | the protocols with CPython's dispatch rules: `arith`, `compare`, `object` (repr/str/hash/truth/len), `attr`, `call`, `iter`, `subscript`, `isinstance`; and what instructions compute: `build` (containers, strings), `format` (f-strings, `format()`, `str.format`), `printf` (`%`), `context` (`with`, `async for`), `pattern` (`match`) |
//! | [`exceptions`] | exception objects, the builtin hierarchy (`hierarchy`, `special`), exception groups and `except*` (`group`), `raise_value`, the traceback printer (`traceback`) |
//! | [`builtins`] | the `builtins` module: one table of functions |
//! | [`runtime`] | per-thread state (`builtins`, `sys` modules), name lookup, `stdio` (buffered stdout), `stdin` (`input()`, `sys.stdin`), `recursion` (the limit), `sys`, `math`, `import` (built-in modules), `frames` (the executor's frame introspection for `globals()`/`locals()`) |
//! | [`args`] | argument parsing for builtin functions |
//! | [`abi`] | the `extern "C"` functions of generated code and their descriptor table `ABI` |
//!
//! # Errors
//!
//! A fallible function returns `PyResult<T>` (`Result<T, Raised>`); `Raised`
//! is a zero-sized marker meaning "an exception is in this thread's
//! current-exception slot". Raise with the constructors in [`error`]
//! (`type_error(..)`, `value_error(..)`, `attribute_error_no_attr(obj,
//! name)`, `key_error(key)`…) or `error::raise(exc)`; propagate with `?`.
//! An executor's `except` takes the exception with
//! `error::take_exception()`, matches it with
//! `ops::isinstance::exception_matches_class(exc, cls_or_tuple)`, and
//! brackets the handler with `error::push_handled_exception` /
//! `pop_handled_exception` (so new exceptions get their `__context__` and
//! a bare `raise` works: `exceptions::reraise()`). The C ABI returns
//! `Value::ERROR` (or -1) instead of `Err`. A broken runtime invariant is
//! a `SystemError` naming itself, or a panic in code that cannot raise.
//!
//! # Objects and types
//!
//! Heap objects are `#[repr(C)]` structs starting with a `Header` (type
//! pointer, GC word), created only through `heap::alloc` (objects are
//! leaked until the collector arrives). Builtin types are shared by all
//! threads and immutable once created; everything a program creates is
//! per thread. Instances of user classes store attributes in shape-described
//! slot arrays (`types::shape`); `__dict__` is a snapshot for now.
//!
//! **Adding a type**: write `types/<name>.rs` with its `#[repr(C)]` struct
//! (header first, layout constants and tests beside it), its slots and
//! methods, and a `spec()` returning a `TypeSpec`; add `pub mod <name>;` to
//! `types/mod.rs` and one line to `builtin_types!` in `types/registry.rs`
//! (and one in `builtins::make_builtins_module` if it is a builtin name).
//! **Adding a method**: a `BuiltinFn` plus one `MethodDef` line in the
//! type's method table. **Adding a builtin function**: one line in
//! `builtins::FUNCTIONS`.
//!
//! # For executors
//!
//! * Constants: `types::int::{int_from_i64, int_from_bigint}`,
//!   `Value::from_f64`, `types::string::{new_str, intern}`,
//!   `types::tuple::new_tuple`; containers: `types::list::new_list`,
//!   `types::dict::DictObject::new_value` + `set_item`.
//! * A Python function: build a `types::function::CodeInfo` (names, arg
//!   counts, `code_flags`, parameter names), then
//!   `types::function::new_function_with_entry(info, code_ptr, globals,
//!   entry)`, and set `defaults`/`kwdefaults`/`closure`/`annotations`
//!   through the object's cells. `entry(func, args, kwnames)` is the
//!   executor's trampoline: it calls `runtime::recursion::enter_recursive_call`,
//!   binds the arguments with `types::bind::bind_arguments(func, args,
//!   kwnames, &mut slots)` (every CPython message), runs the code and
//!   calls `leave_recursive_call`. Calls go through
//!   `ops::call::call(callable, args, kwnames)` (keyword values after the
//!   positional ones, names in a tuple of str); `obj.m(...)` uses
//!   `ops::attr::load_method` then `call`/`call_prepending`.
//! * Generators and coroutines: `types::generator::new_generator(kind,
//!   frame, &FRAME_OPS, ...)` with the executor's `FrameOps` (resume,
//!   trace, release); `SEND`, `GET_AWAITABLE`, `GET_YIELD_FROM_ITER` and a
//!   `throw()` into a `yield from` are `iter_send`, `get_awaitable`,
//!   `get_yield_from_iter` and `delegate_throw` there. Code objects are
//!   `types::code::new_code(handle, info)` values.
//! * Frames: register a `runtime::frames::FrameIntrospection` so
//!   `globals()`, `locals()`, `dir()` and `vars()` see the running frame;
//!   zero-argument `super()` is `types::super_::zero_arg_super(cell, arg0)`.
//! * Classes: register a class-body runner
//!   (`typeobj::class::register_class_body_runner`) and call the
//!   `__build_class__` builtin, exactly as CPython's `LOAD_BUILD_CLASS`.
//! * Names: `runtime::new_module_globals("__main__")`,
//!   `runtime::load_global(globals, name)`, `runtime::load_name(...)`.
//! * Errors that reach a frame's exit: add a traceback entry with
//!   `exceptions::traceback::add_traceback_entry_to_current(code_name,
//!   filename, line)`; at the top level, `take_exception()` and
//!   `exceptions::traceback::report_uncaught(exc, &source_lookup)`, which
//!   prints CPython's report to stderr (flushing stdout first) and returns
//!   the exit code (SystemExit handled). Call `runtime::runtime_exit()`
//!   before exiting.

pub mod abi;
pub mod alloc;
pub mod args;
pub mod builtins;
pub mod error;
pub mod exceptions;
pub mod gc;
pub mod heap;
pub mod native;
pub mod object;
pub mod ops;
#[cfg(test)]
mod rooting_tests;
pub mod runtime;
#[cfg(test)]
mod testing;
pub mod typeobj;
pub mod types;
pub mod value;

pub use error::{PyResult, Raised};
pub use value::Value;

/// mimalloc instead of glibc's malloc, for every process that links this
/// crate: native programs (through the static archive), and the compiler
/// with its VM (through the rlib). Python programs free their buffers
/// (list items, set and dict tables, big-int limbs, generator frames) in
/// bursts, when the collector sweeps; glibc's bins handled those bursts
/// badly (nqueens spent a third of its time in `malloc`/`free`). The
/// compiler's front-end, which allocates millions of small AST nodes on its
/// own thread, was slow with glibc's per-thread arenas too.
#[global_allocator]
pub static GLOBAL: alloc::Mimalloc = alloc::Mimalloc;

// Options of mimalloc's `mi_option_e` (mimalloc.h, v3: the version
// libmimalloc-sys builds by default; the same values in v2). The binding
// crate only declares `mi_option_set` with its `extended` feature.
const MI_OPTION_ALLOW_LARGE_OS_PAGES: std::ffi::c_int = 6;
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// Keeps freed memory mapped instead of returning it to the OS after
/// mimalloc's default 10 ms: programs that free big buffers at each
/// collection and allocate them again (sieve's 56 MB lists) otherwise
/// fault every page back in (3x glibc's system time). Run at start-up.
pub fn tune_allocator() {
    // SAFETY: a plain setter of mimalloc's (linked in through the
    // mimalloc crate); -1 means "never purge".
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

/// Lets mimalloc back the compiler's memory with large (2 MiB) OS pages.
/// Parsing a large module writes hundreds of MB of fresh memory (the token
/// vector, then the AST); faulting that in 4 KiB pages, each zeroed by the
/// kernel, was most of a cold parse (a 10.6 MB module: 0.5-0.9 s with
/// 0.3-0.7 s of system time, against 0.28 s with large pages). Run first
/// thing in the `krait` binary, before anything is allocated; native
/// programs keep [`tune_allocator`] alone.
pub fn tune_allocator_for_compiler() {
    // SAFETY: as in `tune_allocator`; 1 means "allowed".
    unsafe { mi_option_set(MI_OPTION_ALLOW_LARGE_OS_PAGES, 1) };
}

/// The runtime's version, which the compiler checks against its own.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Returns the runtime's version as a NUL-terminated C string, so the C ABI
/// of the static archive has at least one exported symbol to link against.
#[no_mangle]
pub extern "C" fn krait_runtime_version() -> *const u8 {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr()
}
