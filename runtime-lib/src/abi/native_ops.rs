//! The targets of ABI entries that adapt a runtime operation to the C
//! convention: pointer-and-count arguments become slices, out-pointers
//! receive multiple results, code numbers become names for error
//! messages. No semantics live here; each calls the one runtime function
//! that owns the operation.

use std::os::raw::c_char;

use crate::error::{self, PyResult, Raised};
use crate::native::program::{code_at, native_main as run_native_main, ProgramDesc};
use crate::native::NativeFrame;
use crate::object::{downcast, PyPayload};
use crate::ops::{self, frame};
use crate::types::builtin_func::{self, MethodDescrObject};
use crate::types::cell::{as_cell, new_cell as make_cell};
use crate::types::function::FunctionObject;
use crate::types::generator as gen;
use crate::types::registry::types;
use crate::types::tuple::tuple_items;
use crate::Value;

fn values<'a>(items: *const Value, count: usize) -> &'a [Value] {
    if items.is_null() || count == 0 {
        return &[];
    }
    // SAFETY: generated code passes `count` initialised values.
    unsafe { std::slice::from_raw_parts(items, count) }
}

/// Writes `items` to `out`.
fn write_out(out: *mut Value, items: &[Value]) {
    for (i, &v) in items.iter().enumerate() {
        // SAFETY: generated code passes room for the documented count.
        unsafe { *out.add(i) = v };
    }
}

fn frame_mut<'a>(frame: *mut NativeFrame) -> PyResult<&'a mut NativeFrame> {
    // SAFETY: generated code passes its own live frame (or null).
    unsafe { frame.as_mut() }.ok_or_else(|| error::internal_error("no native frame"))
}

pub fn build_slice(start: Value, stop: Value, step: Value) -> PyResult {
    Ok(ops::subscript::build_slice(start, stop, step))
}

pub fn build_tuple(items: *const Value, count: usize) -> PyResult {
    Ok(ops::build::build_tuple(values(items, count)))
}

pub fn build_list(items: *const Value, count: usize) -> PyResult {
    Ok(ops::build::build_list(values(items, count)))
}

pub fn build_set(items: *const Value, count: usize) -> PyResult {
    ops::build::build_set(values(items, count))
}

pub fn build_map(items: *const Value, count: usize) -> PyResult {
    ops::build::build_map(values(items, 2 * count))
}

pub fn build_const_key_map(keys: Value, items: *const Value, count: usize) -> PyResult {
    ops::build::build_const_key_map(keys, values(items, count))
}

pub fn build_string(items: *const Value, count: usize) -> PyResult {
    ops::build::build_string(values(items, count))
}

pub fn unpack_sequence(v: Value, out: *mut Value, count: u32) -> PyResult<()> {
    // SAFETY: generated code passes a buffer of at least `count` values.
    let out = unsafe { std::slice::from_raw_parts_mut(out, count as usize) };
    ops::iter::unpack_sequence_into(v, out)
}

pub fn unpack_ex(v: Value, out: *mut Value, before: u32, after: u32) -> PyResult<()> {
    let items = ops::iter::unpack_ex(v, before as usize, after as usize)?;
    write_out(out, &items);
    Ok(())
}

fn namespace(ns: Value) -> PyResult<Value> {
    if ns.is_null() {
        return Err(error::system_error("no locals when loading names"));
    }
    Ok(ns)
}

pub fn load_global_cached(globals: Value, name: Value, cache: *mut Value) -> PyResult {
    // SAFETY: generated code passes its site's cache: `GLOBAL_CACHE_WORDS` words, zeroed at
    // start, the layout of `GlobalCache`.
    let cache = unsafe { (cache as *mut crate::runtime::global_cache::GlobalCache).as_mut() };
    match cache {
        Some(cache) => crate::runtime::global_cache::load_global_cached(globals, name, cache),
        None => crate::runtime::load_global(globals, name),
    }
}

pub fn load_name(ns: Value, globals: Value, name: Value) -> PyResult {
    crate::runtime::load_name(namespace(ns)?, globals, name)
}

pub fn store_name(ns: Value, name: Value, v: Value) -> PyResult<()> {
    frame::store_name(namespace(ns)?, name, v)
}

pub fn delete_name(ns: Value, name: Value) -> PyResult<()> {
    frame::delete_name(namespace(ns)?, name)
}

pub fn unbound_local(code: u32, local: u32) -> PyResult {
    let name = code_at(code)
        .and_then(|c| c.info.varnames.get(local as usize).copied())
        .and_then(crate::types::string::as_str)
        .unwrap_or("?");
    Err(frame::unbound_local(name))
}

fn unbound_deref_error(code: u32, index: u32) -> Raised {
    match code_at(code) {
        Some(c) => frame::unbound_deref(
            c.deref_name(index as usize),
            (index as usize) < c.cellvars.len(),
        ),
        None => frame::unbound_deref("?", false),
    }
}

pub fn unbound_deref(code: u32, index: u32) -> PyResult {
    Err(unbound_deref_error(code, index))
}

pub fn load_classderef(ns: Value, cell: Value, code: u32, index: u32) -> PyResult {
    let name = code_at(code).map_or("?", |c| c.deref_name(index as usize));
    let key = crate::types::string::intern(name);
    if let Some(v) = frame::class_namespace_lookup(namespace(ns)?, key)? {
        return Ok(v);
    }
    let v = cell_get(cell)?;
    if v.is_null() {
        return Err(unbound_deref_error(code, index));
    }
    Ok(v)
}

pub fn new_cell(v: Value) -> PyResult {
    Ok(make_cell(v))
}

fn cell_get(cell: Value) -> PyResult {
    as_cell(cell)
        .map(|c| c.contents.get())
        .ok_or_else(|| error::internal_error("deref of a variable with no cell"))
}

pub fn free_var(func: Value, index: u32) -> PyResult {
    let closure = FunctionObject::cast(func).map_or(Value::NONE, |f| f.closure.get());
    Ok(tuple_items(closure)
        .and_then(|cells| cells.get(index as usize).copied())
        .unwrap_or(Value::NULL))
}

/// The site cache generated code passes (`ATTR_CACHE_WORDS` zeroed words).
fn attr_cache<'a>(cache: *mut Value) -> PyResult<&'a mut crate::ops::attr_cache::AttrCache> {
    // SAFETY: generated code passes its site's cache, laid out as AttrCache.
    unsafe { (cache as *mut crate::ops::attr_cache::AttrCache).as_mut() }
        .ok_or_else(|| error::internal_error("no attribute cache"))
}

pub fn getattr_cached(obj: Value, name: Value, cache: *mut Value) -> PyResult {
    crate::ops::attr_cache::getattr_cached(obj, name, attr_cache(cache)?)
}

pub fn setattr_cached(obj: Value, name: Value, value: Value, cache: *mut Value) -> PyResult<()> {
    crate::ops::attr_cache::setattr_cached(obj, name, value, attr_cache(cache)?)
}

pub fn load_method_cached(
    obj: Value,
    name: Value,
    out: *mut Value,
    cache: *mut Value,
) -> PyResult<()> {
    let (f, self_) = crate::ops::attr_cache::load_method_cached(obj, name, attr_cache(cache)?)?;
    write_out(out, &[f, self_]);
    Ok(())
}

/// Keyword names of a call: a tuple of str, or NULL (also None or the
/// error word, defensively) for none.
fn kwnames_opt(kwnames: Value) -> Option<Value> {
    (!kwnames.is_null() && !kwnames.is_error() && !kwnames.is_none()).then_some(kwnames)
}

pub fn call(f: Value, args: *const Value, nargs: usize, kwnames: Value) -> PyResult {
    ops::call::call(f, values(args, nargs), kwnames_opt(kwnames))
}

pub fn compare(a: Value, b: Value, op: u32) -> PyResult {
    match ops::CompareOp::from_u32(op) {
        Some(op) => ops::compare::rich_compare(a, b, op),
        None => Err(error::internal_error("bad comparison operator")),
    }
}

pub fn inplace(a: Value, b: Value, op: u32) -> PyResult {
    match ops::BinOp::ALL.get(op as usize) {
        Some(&op) => ops::arith::inplace_op(op, a, b),
        None => Err(error::internal_error("bad in-place operator")),
    }
}

pub fn runtime_exit() -> PyResult<()> {
    crate::runtime::runtime_exit();
    Ok(())
}

pub fn call_method(first: Value, args: *const Value, nargs: usize, kwnames: Value) -> PyResult {
    let args = values(args, nargs);
    if first.is_null() {
        match args.split_first() {
            Some((&f, rest)) => ops::call::call(f, rest, kwnames_opt(kwnames)),
            None => Err(error::internal_error("method call without a callable")),
        }
    } else if let Some(d) = downcast::<MethodDescrObject>(first) {
        // A builtin type's method (`lst.append(x)`): no call slot.
        builtin_func::call_method_descr(d, args, kwnames_opt(kwnames))
    } else {
        ops::call::call(first, args, kwnames_opt(kwnames))
    }
}

/// `call_method`, remembering a Python function callee's fast entry in
/// the site's cache.
pub fn call_method_cached(
    first: Value,
    args: *const Value,
    nargs: usize,
    kwnames: Value,
    cache: *mut Value,
) -> PyResult {
    // SAFETY: generated code passes its site's cache, laid out as
    // MethodCallCache.
    let site = unsafe { (cache as *mut crate::native::entry::MethodCallCache).as_mut() };
    if let (Some(site), false) = (site, first.is_null() || kwnames_opt(kwnames).is_some()) {
        crate::native::entry::remember_fast_entry(first, nargs, site);
    }
    call_method(first, args, nargs, kwnames)
}

fn opt(v: Value) -> Option<Value> {
    (!v.is_null()).then_some(v)
}

pub fn make_function(
    code: Value,
    globals: Value,
    defaults: Value,
    kwdefaults: Value,
    closure: Value,
    annotations: Value,
) -> PyResult {
    let native = crate::types::code::as_code(code)
        .map(|c| c.handle as *const crate::native::NativeCode)
        .ok_or_else(|| error::system_error("MAKE_FUNCTION of a non-code object"))?;
    // SAFETY: every code value of a native program wraps a leaked NativeCode.
    let native = unsafe { &*native };
    let parts = frame::FunctionParts {
        defaults: opt(defaults),
        kwdefaults: opt(kwdefaults),
        closure: opt(closure),
        annotations: opt(annotations),
        first_constant: native.first_constant,
    };
    frame::make_function(
        native.info,
        native as *const crate::native::NativeCode as *const (),
        globals,
        crate::native::entry::ENTRY,
        parts,
    )
}

pub fn range_type() -> PyResult {
    Ok(types().range.as_value())
}

pub fn load_build_class() -> PyResult {
    crate::runtime::load_builtin(crate::types::string::intern("__build_class__"))
}

pub fn leave_call() -> PyResult<()> {
    crate::runtime::recursion::leave_recursive_call();
    Ok(())
}

/// `krait_gc_poll`: a collector safe point.
pub fn gc_poll() -> PyResult<()> {
    crate::gc::safepoint();
    Ok(())
}

pub fn format_value(v: Value, spec: Value, conversion: u32) -> PyResult {
    use ops::format::Conversion;
    let conversion = match conversion {
        1 => Some(Conversion::Str),
        2 => Some(Conversion::Repr),
        3 => Some(Conversion::Ascii),
        _ => None,
    };
    let v = match conversion {
        Some(c) => ops::format::convert(v, c)?,
        None => v,
    };
    ops::format::format(v, spec)
}

pub fn for_iter(it: Value) -> PyResult {
    Ok(ops::iter::next(it)?.unwrap_or(Value::NULL))
}

pub fn for_iter_unpack(it: Value, out: *mut Value, count: u32) -> PyResult {
    // SAFETY: generated code passes a buffer of at least `count` values.
    let out = unsafe { std::slice::from_raw_parts_mut(out, count as usize) };
    let more = ops::iter::next_unpacked(it, out)?;
    Ok(if more { Value::TRUE } else { Value::NULL })
}

pub fn get_yield_from_iter(v: Value, in_coroutine: u32) -> PyResult {
    gen::get_yield_from_iter(v, in_coroutine != 0)
}

pub fn end_async_for(exc: Value) -> PyResult<()> {
    if ops::context::ends_async_for(exc) {
        Ok(())
    } else {
        Err(error::restore(exc))
    }
}

pub fn get_awaitable(v: Value, context: u32) -> PyResult {
    let context = match context {
        1 => gen::AwaitWhere::AsyncEnter,
        2 => gen::AwaitWhere::AsyncExit,
        _ => gen::AwaitWhere::Await,
    };
    gen::get_awaitable(v, context)
}

pub fn send(frame: *mut NativeFrame, receiver: Value, v: Value) -> PyResult {
    let frame = frame_mut(frame)?;
    match gen::iter_send(receiver, v)? {
        gen::SendResult::Yield(x) => {
            frame.delegate_kind = 0;
            Ok(x)
        }
        gen::SendResult::Return(x) => {
            frame.delegate_kind = 1;
            Ok(x)
        }
    }
}

pub fn delegate_throw(frame: *mut NativeFrame, yf: Value) -> PyResult {
    let frame = frame_mut(frame)?;
    let exc = error::take_exception().unwrap_or(Value::NONE);
    let (kind, v) = match gen::delegate_throw(yf, exc) {
        gen::DelegateResult::Yield(v) => (0, v),
        gen::DelegateResult::Return(v) => (1, v),
        gen::DelegateResult::Raised => (2, Value::NONE),
        gen::DelegateResult::ThrowHere => (3, Value::NONE),
    };
    frame.delegate_kind = kind;
    Ok(v)
}

pub fn async_gen_wrap(v: Value) -> PyResult {
    Ok(crate::types::async_gen::wrap_value(v))
}

pub fn restore(exc: Value) -> PyResult {
    Err(error::restore(exc))
}

pub fn take_exception() -> PyResult {
    Ok(error::take_exception().unwrap_or(Value::NONE))
}

pub fn traceback_here(code: u32, line: u32) -> PyResult<()> {
    let exc = match error::current_exception() {
        Some(exc) => exc,
        None => {
            // A runtime function failed without raising: CPython's SystemError.
            let _pending = error::system_error("error return without exception set");
            match error::current_exception() {
                Some(exc) => exc,
                None => return Ok(()),
            }
        }
    };
    if let Some(c) = code_at(code) {
        crate::exceptions::traceback::add_traceback_entry(exc, c.info.name, c.info.filename, line);
    }
    Ok(())
}

pub fn push_exc_info(exc: Value) -> PyResult {
    Ok(frame::push_exc_info(exc))
}

pub fn pop_handled(count: i64) -> PyResult<()> {
    for _ in 0..count {
        error::pop_handled_exception();
    }
    Ok(())
}

pub fn eg_match(exc: Value, match_type: Value, out: *mut Value, handling: u32) -> PyResult<()> {
    let (matched, rest) = crate::exceptions::group::eg_match(exc, match_type)?;
    write_out(out, &[rest, matched]);
    if !matched.is_none() && handling != 0 {
        // The matched part is now the exception being handled.
        error::take_handled_exception();
        error::push_handled_exception(matched);
    }
    Ok(())
}

pub fn assertion_error() -> PyResult {
    Ok(types().exc.AssertionError.as_value())
}

pub fn before_with(mgr: Value, out: *mut Value) -> PyResult {
    let (exit, result) = ops::context::before_with(mgr)?;
    write_out(out, &[exit]);
    Ok(result)
}

pub fn before_async_with(mgr: Value, out: *mut Value) -> PyResult {
    let (exit, result) = ops::context::before_async_with(mgr)?;
    write_out(out, &[exit]);
    Ok(result)
}

pub fn match_class(subject: Value, cls: Value, count: u32, names: Value) -> PyResult {
    ops::pattern::match_class(subject, cls, count as usize, names)
}

pub fn match_mapping(subject: Value) -> PyResult {
    Ok(Value::from_bool(ops::pattern::is_mapping(subject)))
}

pub fn match_sequence(subject: Value) -> PyResult {
    Ok(Value::from_bool(ops::pattern::is_sequence(subject)))
}

pub fn native_main(
    argc: i32,
    argv: *const *const c_char,
    program: *const ProgramDesc,
) -> PyResult<i32> {
    // SAFETY: only the generated `main` calls this, with its own arguments
    // and the program's static descriptor.
    Ok(unsafe { run_native_main(argc, argv, program) })
}
