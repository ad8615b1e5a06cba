//! The extern "C" ABI used by generated code, declared once.
//!
//! Each `abi!` entry emits a `#[no_mangle] pub extern "C" fn` that calls
//! the runtime function after `=` and converts its `PyResult` to the C
//! convention (the error word `Value::ERROR` for values, -1 for statuses),
//! and a descriptor in [`ABI`] (name, parameter kinds, return kind) from
//! which the code generator builds its LLVM declarations. Generated code
//! is the only caller of these symbols; pointer arguments point at
//! `nargs` valid values. Only a handful of entries exist so far; the rest
//! come with the LLVM back-end.

use std::os::raw::c_char;

use crate::error::PyResult;
use crate::native::program::ProgramDesc;
use crate::native::NativeFrame;
use crate::ops;
use crate::Value;

mod native_ops;
use native_ops as n;

/// The kind of an ABI parameter or result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbiKind {
    /// A `Value` word (`Value::ERROR` when failing, as a result).
    Value,
    I64,
    U32,
    Usize,
    /// A pointer to values, followed by their count.
    Ptr,
    /// A pointer to values the callee writes (its count is implied).
    OutPtr,
    /// A pointer to the running [`NativeFrame`].
    Frame,
    /// An opaque pointer (C strings, the program descriptor).
    RawPtr,
    /// An i32 (as a result: returned as is).
    I32,
    /// An i32: 0 on success, -1 when an exception is pending.
    Status,
    /// An i32: 0 or 1, -1 when an exception is pending.
    Truth,
    /// No result.
    Void,
}

/// One function generated code may call.
#[derive(Debug)]
pub struct AbiFunction {
    pub name: &'static str,
    pub params: &'static [AbiKind],
    pub ret: AbiKind,
}

/// Types that may appear as ABI parameters.
pub trait AbiParam {
    const KIND: AbiKind;
}

impl AbiParam for Value {
    const KIND: AbiKind = AbiKind::Value;
}
impl AbiParam for i64 {
    const KIND: AbiKind = AbiKind::I64;
}
impl AbiParam for u32 {
    const KIND: AbiKind = AbiKind::U32;
}
impl AbiParam for usize {
    const KIND: AbiKind = AbiKind::Usize;
}
impl AbiParam for *const Value {
    const KIND: AbiKind = AbiKind::Ptr;
}
impl AbiParam for *mut Value {
    const KIND: AbiKind = AbiKind::OutPtr;
}
impl AbiParam for *mut NativeFrame {
    const KIND: AbiKind = AbiKind::Frame;
}
impl AbiParam for *const *const c_char {
    const KIND: AbiKind = AbiKind::RawPtr;
}
impl AbiParam for *const ProgramDesc {
    const KIND: AbiKind = AbiKind::RawPtr;
}
impl AbiParam for i32 {
    const KIND: AbiKind = AbiKind::I32;
}

/// Types that may appear as ABI results, with the conversion from the
/// runtime function's `PyResult`.
pub trait AbiReturn: Sized {
    type Rust;
    const KIND: AbiKind;
    fn from_result(r: PyResult<Self::Rust>) -> Self;
}

impl AbiReturn for Value {
    type Rust = Value;
    const KIND: AbiKind = AbiKind::Value;
    fn from_result(r: PyResult<Value>) -> Value {
        r.unwrap_or(Value::ERROR)
    }
}

/// 0 on success, -1 when an exception is pending.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status(pub i32);

impl AbiReturn for Status {
    type Rust = ();
    const KIND: AbiKind = AbiKind::Status;
    fn from_result(r: PyResult<()>) -> Status {
        Status(if r.is_ok() { 0 } else { -1 })
    }
}

/// 0 or 1, -1 when an exception is pending.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Truth(pub i32);

impl AbiReturn for Truth {
    type Rust = bool;
    const KIND: AbiKind = AbiKind::Truth;
    fn from_result(r: PyResult<bool>) -> Truth {
        Truth(match r {
            Ok(b) => b as i32,
            Err(_) => -1,
        })
    }
}

impl AbiReturn for i32 {
    type Rust = i32;
    const KIND: AbiKind = AbiKind::I32;
    fn from_result(r: PyResult<i32>) -> i32 {
        r.unwrap_or(-1)
    }
}

impl AbiReturn for () {
    type Rust = ();
    const KIND: AbiKind = AbiKind::Void;
    fn from_result(_: PyResult<()>) {}
}

macro_rules! abi {
    ($($(#[$m:meta])* fn $name:ident($($p:ident: $t:ty),* $(,)?) -> $r:ty = $target:path;)*) => {
        $(
            $(#[$m])*
            #[no_mangle]
            pub extern "C" fn $name($($p: $t),*) -> $r {
                <$r as AbiReturn>::from_result($target($($p),*))
            }
        )*

        /// Every function of the ABI, in declaration order.
        pub static ABI: &[AbiFunction] = &[
            $(AbiFunction {
                name: stringify!($name),
                params: &[$(<$t as AbiParam>::KIND),*],
                ret: <$r as AbiReturn>::KIND,
            },)*
        ];
    };
}

abi! {
    // ---- operators ----
    /// `a + b`.
    fn krait_binary_add(a: Value, b: Value) -> Value = ops::arith::add;
    /// `a - b`.
    fn krait_binary_sub(a: Value, b: Value) -> Value = ops::arith::sub;
    /// `a * b`.
    fn krait_binary_mul(a: Value, b: Value) -> Value = ops::arith::mul;
    /// `a / b`.
    fn krait_binary_truediv(a: Value, b: Value) -> Value = ops::arith::truediv;
    /// `a // b`.
    fn krait_binary_floordiv(a: Value, b: Value) -> Value = ops::arith::floordiv;
    /// `a % b`.
    fn krait_binary_mod(a: Value, b: Value) -> Value = ops::arith::modulo;
    /// `a ** b`.
    fn krait_binary_pow(a: Value, b: Value) -> Value = ops::arith::pow;
    /// `a @ b`.
    fn krait_binary_matmul(a: Value, b: Value) -> Value = ops::arith::matmul;
    /// `a << b`.
    fn krait_binary_lshift(a: Value, b: Value) -> Value = ops::arith::lshift;
    /// `a >> b`.
    fn krait_binary_rshift(a: Value, b: Value) -> Value = ops::arith::rshift;
    /// `a & b`.
    fn krait_binary_and(a: Value, b: Value) -> Value = ops::arith::and;
    /// `a | b`.
    fn krait_binary_or(a: Value, b: Value) -> Value = ops::arith::or;
    /// `a ^ b`.
    fn krait_binary_xor(a: Value, b: Value) -> Value = ops::arith::xor;
    /// `a <op>= b`; `op` indexes `BinOp::ALL`.
    fn krait_inplace_op(a: Value, b: Value, op: u32) -> Value = n::inplace;
    /// `+v`.
    fn krait_unary_pos(v: Value) -> Value = ops::arith::pos;
    /// `-v`.
    fn krait_unary_neg(v: Value) -> Value = ops::arith::neg;
    /// `~v`.
    fn krait_unary_invert(v: Value) -> Value = ops::arith::invert;
    /// `not v`.
    fn krait_unary_not(v: Value) -> Value = ops::object::not;
    /// `a <op> b`; `op` is CPython's numbering (0 `<` .. 5 `>=`).
    fn krait_compare(a: Value, b: Value, op: u32) -> Value = n::compare;
    /// `item in container`.
    fn krait_contains(container: Value, item: Value) -> Truth = ops::compare::contains;
    /// Truth of `v`.
    fn krait_is_true(v: Value) -> Truth = ops::object::is_true;
    /// `v[key]`.
    fn krait_getitem(v: Value, key: Value) -> Value = ops::subscript::getitem;
    /// `v[key] = value`.
    fn krait_setitem(v: Value, key: Value, value: Value) -> Status = ops::subscript::setitem;
    /// `del v[key]`.
    fn krait_delitem(v: Value, key: Value) -> Status = ops::subscript::delitem;
    /// `slice(start, stop, step)`.
    fn krait_build_slice(start: Value, stop: Value, step: Value) -> Value = n::build_slice;
    /// `v[start:stop:step]` (null bounds: absent).
    fn krait_getitem_slice(v: Value, start: Value, stop: Value, step: Value) -> Value = ops::subscript::getitem_slice;
    /// `v[start:stop:step] = value`; `del v[start:stop:step]` when `value` is null.
    fn krait_setitem_slice(v: Value, start: Value, stop: Value, step: Value, value: Value) -> Status = ops::subscript::setitem_slice;

    // ---- building and unpacking ----
    /// `(*items,)`.
    fn krait_build_tuple(items: *const Value, count: usize) -> Value = n::build_tuple;
    /// `[*items]`.
    fn krait_build_list(items: *const Value, count: usize) -> Value = n::build_list;
    /// `{*items}`.
    fn krait_build_set(items: *const Value, count: usize) -> Value = n::build_set;
    /// A dict from `count` key, value pairs (2 * count values).
    fn krait_build_map(items: *const Value, count: usize) -> Value = n::build_map;
    /// A dict from a tuple of keys and their values.
    fn krait_build_const_key_map(keys: Value, values: *const Value, count: usize) -> Value = n::build_const_key_map;
    /// The concatenation of str parts.
    fn krait_build_string(items: *const Value, count: usize) -> Value = n::build_string;
    /// `LIST_APPEND`.
    fn krait_list_append(l: Value, v: Value) -> Status = ops::build::list_append;
    /// `LIST_EXTEND`.
    fn krait_list_extend(l: Value, v: Value) -> Status = ops::build::list_extend;
    /// `SET_ADD`.
    fn krait_set_add(s: Value, v: Value) -> Status = ops::build::set_add;
    /// `SET_UPDATE`.
    fn krait_set_update(s: Value, v: Value) -> Status = ops::build::set_update;
    /// `MAP_ADD`.
    fn krait_map_add(d: Value, key: Value, value: Value) -> Status = ops::build::map_add;
    /// `DICT_UPDATE`.
    fn krait_dict_update(d: Value, other: Value) -> Status = ops::build::dict_update;
    /// `DICT_MERGE` (`callable` names the function in errors).
    fn krait_dict_merge(d: Value, other: Value, callable: Value) -> Status = ops::build::dict_merge;
    /// `LIST_TO_TUPLE`.
    fn krait_list_to_tuple(l: Value) -> Value = ops::build::list_to_tuple;
    /// `UNPACK_SEQUENCE`: the `count` items of `v`, in order, into `out`.
    fn krait_unpack_sequence(v: Value, out: *mut Value, count: u32) -> Status = n::unpack_sequence;
    /// `UNPACK_EX`: `before` items, a list, `after` items into `out`.
    fn krait_unpack_ex(v: Value, out: *mut Value, before: u32, after: u32) -> Status = n::unpack_ex;

    // ---- names and variables ----
    /// `LOAD_GLOBAL` through the site's cache (`GLOBAL_CACHE_WORDS` zeroed words).
    fn krait_load_global_cached(globals: Value, name: Value, cache: *mut Value) -> Value = n::load_global_cached;
    /// `LOAD_NAME`.
    fn krait_load_name(ns: Value, globals: Value, name: Value) -> Value = n::load_name;
    /// `STORE_NAME`/`STORE_GLOBAL`.
    fn krait_store_name(ns: Value, name: Value, v: Value) -> Status = n::store_name;
    /// `DELETE_NAME`/`DELETE_GLOBAL`.
    fn krait_delete_name(ns: Value, name: Value) -> Status = n::delete_name;
    /// The UnboundLocalError of local `local` of code `code`.
    fn krait_unbound_local(code: u32, local: u32) -> Value = n::unbound_local;
    /// The error of reading unbound cell or free variable `index`.
    fn krait_unbound_deref(code: u32, index: u32) -> Value = n::unbound_deref;
    /// `LOAD_CLASSDEREF`: `ns[name]` if there, else the cell's contents.
    fn krait_load_classderef(ns: Value, cell: Value, code: u32, index: u32) -> Value = n::load_classderef;
    /// A new cell holding `v` (NULL: empty).
    fn krait_new_cell(v: Value) -> Value = n::new_cell;
    /// Free variable `index` from the closure of function `func`.
    fn krait_free_var(func: Value, index: u32) -> Value = n::free_var;

    // ---- attributes and calls ----
    /// `obj.name` through the site's cache (`ATTR_CACHE_WORDS` zeroed words).
    fn krait_getattr_cached(obj: Value, name: Value, cache: *mut Value) -> Value = n::getattr_cached;
    /// `obj.name = value` through the site's cache.
    fn krait_setattr_cached(obj: Value, name: Value, value: Value, cache: *mut Value) -> Status = n::setattr_cached;
    /// `LOAD_METHOD` through the site's cache; writes (function, self) or
    /// (attribute, NULL) to `out[0..2]`.
    fn krait_load_method_cached(obj: Value, name: Value, out: *mut Value, cache: *mut Value) -> Status = n::load_method_cached;
    /// `del obj.name`.
    fn krait_delattr(obj: Value, name: Value) -> Status = ops::attr::delattr;
    /// `f(*args)` with keyword names (a tuple of str, or NULL).
    fn krait_call(f: Value, args: *const Value, nargs: usize, kwnames: Value) -> Value = n::call;
    /// `CALL` after `LOAD_METHOD`: `first` is the function or NULL; `args`
    /// starts with self (or the callable when `first` is NULL).
    fn krait_call_method(first: Value, args: *const Value, nargs: usize, kwnames: Value) -> Value = n::call_method;
    /// `krait_call_method` filling the site's `MethodCallCache`.
    fn krait_call_method_cached(first: Value, args: *const Value, nargs: usize, kwnames: Value, cache: *mut Value) -> Value = n::call_method_cached;
    /// A call without arguments (zero-argument `super()` sees the class
    /// cell and first argument, either may be NULL).
    fn krait_call_no_args(f: Value, class_cell: Value, first_arg: Value) -> Value = ops::frame::call_no_args;
    /// `CALL_FUNCTION_EX` (`kwargs` NULL when absent).
    fn krait_call_ex(f: Value, args: Value, kwargs: Value) -> Value = ops::call::call_ex;
    /// `MAKE_FUNCTION` (absent parts NULL).
    fn krait_make_function(code: Value, globals: Value, defaults: Value, kwdefaults: Value, closure: Value, annotations: Value) -> Value = n::make_function;
    /// The `range` type (for the inline `for i in range(...)` loop).
    fn krait_range_type() -> Value = n::range_type;
    /// `LOAD_BUILD_CLASS`.
    fn krait_load_build_class() -> Value = n::load_build_class;
    /// Enters a Python-level call (recursion limit, native stack).
    fn krait_enter_call() -> Status = crate::runtime::recursion::enter_python_call;
    /// Leaves it.
    fn krait_leave_call() -> () = n::leave_call;
    /// A loop back-edge that found the collector's interrupt set: runs the
    /// requested collection.
    fn krait_gc_poll() -> () = n::gc_poll;

    // ---- formatting ----
    /// `FORMAT_VALUE`: `conversion` 0 none, 1 str, 2 repr, 3 ascii;
    /// `spec` NULL when absent.
    fn krait_format_value(v: Value, spec: Value, conversion: u32) -> Value = n::format_value;

    // ---- iteration, generators, coroutines ----
    /// `iter(v)`.
    fn krait_iter(v: Value) -> Value = ops::iter::iter;

    // ---- builtins called directly (`builtins::direct`) ----
    /// `len(v)`.
    fn krait_len(v: Value) -> Value = crate::builtins::core::len_of;
    /// `ord(v)`.
    fn krait_ord(v: Value) -> Value = crate::builtins::numeric::ord_of;
    /// `isinstance(v, cls)`.
    fn krait_isinstance(v: Value, cls: Value) -> Value = crate::builtins::core::isinstance_of;
    /// `abs(v)`.
    fn krait_abs(v: Value) -> Value = crate::builtins::numeric::abs_of;
    /// `list(it)`.
    fn krait_list_of(it: Value) -> Value = crate::types::list::list_of;
    /// `tuple(it)`.
    fn krait_tuple_of(it: Value) -> Value = crate::types::tuple::tuple_of;
    /// `set(it)`.
    fn krait_set_of(it: Value) -> Value = crate::types::set::set_of;
    /// `next(it)`; NULL when exhausted.
    fn krait_for_iter(it: Value) -> Value = n::for_iter;
    /// `FOR_ITER` then `UNPACK_SEQUENCE count`: the next item's `count`
    /// items into `out` and True, or NULL when exhausted.
    fn krait_for_iter_unpack(it: Value, out: *mut Value, count: u32) -> Value = n::for_iter_unpack;
    /// `GET_YIELD_FROM_ITER`.
    fn krait_get_yield_from_iter(v: Value, in_coroutine: u32) -> Value = n::get_yield_from_iter;
    /// `GET_AITER`.
    fn krait_get_aiter(v: Value) -> Value = ops::context::get_aiter;
    /// `GET_ANEXT`.
    fn krait_get_anext(v: Value) -> Value = ops::context::get_anext;
    /// `END_ASYNC_FOR`: 0 if `exc` ends the loop, else -1 with it raised.
    fn krait_end_async_for(exc: Value) -> Status = n::end_async_for;
    /// `GET_AWAITABLE` (`context` 0 await, 1 async enter, 2 async exit).
    fn krait_get_awaitable(v: Value, context: u32) -> Value = n::get_awaitable;
    /// `SEND`: sets `frame.delegate_kind` (0 yielded, 1 returned).
    fn krait_send(frame: *mut NativeFrame, receiver: Value, v: Value) -> Value = n::send;
    /// A `throw()` into a frame suspended in `yield from yf`: sets
    /// `frame.delegate_kind` (0 yield the result, 1 leave the loop with
    /// it, 2 leave the loop raising, 3 raise at the yield).
    fn krait_delegate_throw(frame: *mut NativeFrame, yf: Value) -> Value = n::delegate_throw;
    /// `ASYNC_GEN_WRAP`.
    fn krait_async_gen_wrap(v: Value) -> Value = n::async_gen_wrap;

    // ---- exceptions ----
    /// `raise exc from cause` (cause NULL: no `from`); always the error word.
    fn krait_raise(exc: Value, cause: Value) -> Value = crate::exceptions::raise_value;
    /// Bare `raise`.
    fn krait_reraise() -> Value = crate::exceptions::reraise;
    /// `RERAISE`: makes `exc` pending again; always the error word.
    fn krait_restore(exc: Value) -> Value = n::restore;
    /// Takes the pending exception (a handler starts).
    fn krait_take_exception() -> Value = n::take_exception;
    /// Adds code `code`, line `line` to the pending exception's traceback.
    fn krait_traceback_here(code: u32, line: u32) -> () = n::traceback_here;
    /// `PUSH_EXC_INFO`: returns the previously handled exception.
    fn krait_push_exc_info(exc: Value) -> Value = n::push_exc_info;
    /// Pops `count` handled exceptions.
    fn krait_pop_handled(count: i64) -> () = n::pop_handled;
    /// `CHECK_EXC_MATCH`.
    fn krait_exception_matches(exc: Value, cls: Value) -> Truth = ops::isinstance::exception_matches_class;
    /// `CHECK_EG_MATCH`: writes (rest, matched) to `out`; `handling` says
    /// the frame is handling an exception (the match replaces it).
    fn krait_eg_match(exc: Value, match_type: Value, out: *mut Value, handling: u32) -> Status = n::eg_match;
    /// `PREP_RERAISE_STAR`.
    fn krait_prep_reraise_star(orig: Value, excs: Value) -> Value = crate::exceptions::group::prep_reraise_star;
    /// `LOAD_ASSERTION_ERROR`.
    fn krait_assertion_error() -> Value = n::assertion_error;
    /// `BEFORE_WITH`: returns `__enter__()`'s result, writes `__exit__` to `out[0]`.
    fn krait_before_with(mgr: Value, out: *mut Value) -> Value = n::before_with;
    /// `BEFORE_ASYNC_WITH`, likewise.
    fn krait_before_async_with(mgr: Value, out: *mut Value) -> Value = n::before_async_with;
    /// `WITH_EXCEPT_START`.
    fn krait_with_except_start(exit: Value, exc: Value) -> Value = ops::context::with_except_start;

    // ---- imports, annotations, patterns ----
    /// `IMPORT_NAME`.
    fn krait_import_name(globals: Value, name: Value, fromlist: Value, level: Value) -> Value = crate::runtime::import::import_name;
    /// `IMPORT_FROM`.
    fn krait_import_from(module: Value, name: Value) -> Value = crate::runtime::import::import_from;
    /// `IMPORT_STAR`.
    fn krait_import_star(module: Value, ns: Value) -> Status = crate::runtime::import::import_star;
    /// `SETUP_ANNOTATIONS`.
    fn krait_setup_annotations(ns: Value) -> Status = ops::frame::setup_annotations;
    /// `MATCH_CLASS`.
    fn krait_match_class(subject: Value, cls: Value, count: u32, names: Value) -> Value = n::match_class;
    /// `MATCH_MAPPING`: True or False.
    fn krait_match_mapping(subject: Value) -> Value = n::match_mapping;
    /// `MATCH_SEQUENCE`: True or False.
    fn krait_match_sequence(subject: Value) -> Value = n::match_sequence;
    /// `MATCH_KEYS`.
    fn krait_match_keys(subject: Value, keys: Value) -> Value = ops::pattern::match_keys;
    /// `GET_LEN`.
    fn krait_get_len(v: Value) -> Value = ops::pattern::get_len;

    // ---- the program ----
    /// Runs the program (the generated `main` calls this).
    fn krait_native_main(argc: i32, argv: *const *const c_char, program: *const ProgramDesc) -> i32 = n::native_main;
    /// Flushes stdout before exit.
    fn krait_runtime_exit() -> Status = n::runtime_exit;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn descriptors_are_unique_and_consistent() {
        let mut names = HashSet::new();
        for f in ABI {
            assert!(names.insert(f.name), "duplicate ABI name {}", f.name);
            assert!(
                f.name.starts_with("krait_"),
                "{} lacks the krait_ prefix",
                f.name
            );
            for p in f.params {
                assert!(
                    !matches!(p, AbiKind::Status | AbiKind::Truth | AbiKind::Void),
                    "{}: {p:?} is not a parameter kind",
                    f.name
                );
            }
            for (i, p) in f.params.iter().enumerate() {
                if *p == AbiKind::Ptr {
                    assert_eq!(
                        f.params.get(i + 1),
                        Some(&AbiKind::Usize),
                        "{}: a pointer is followed by its length",
                        f.name
                    );
                }
            }
        }
        assert!(ABI.len() >= 20);
    }

    #[test]
    fn wrappers_convert_errors() {
        let r = krait_binary_add(Value::small_int(2), Value::small_int(3));
        assert_eq!(r, Value::small_int(5));
        let e = krait_binary_add(Value::small_int(2), Value::NONE);
        assert!(e.is_error());
        crate::error::clear_exception();
        assert_eq!(krait_is_true(Value::small_int(0)), Truth(0));
        assert_eq!(
            krait_compare(Value::small_int(1), Value::small_int(2), 0),
            Value::TRUE
        );
        let args = [Value::small_int(1)];
        let abs = crate::builtins::lookup_builtin("abs").unwrap();
        assert_eq!(
            krait_call(abs, args.as_ptr(), 1, Value::NULL),
            Value::small_int(1)
        );
    }
}
