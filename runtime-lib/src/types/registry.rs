//! The registry of builtin types: one line per type.
//!
//! `builtin_types!` lists every builtin type (field name => spec function,
//! bases before subclasses); exceptions come from `exceptions::hierarchy`.
//! [`types()`] returns the registry, creating it on first use. Builtin types
//! are created once per process and never change afterwards (their
//! attributes cannot be assigned), so they are shared by every thread; the
//! objects a program creates, and the mutable modules (`sys`, `builtins`),
//! are per thread (see `runtime`).
//!
//! Adding a type: write its module with a `spec()` function, add it to
//! `types/mod.rs` and add one line here.

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::{Once, OnceLock};

use crate::exceptions::hierarchy::{self, ExcTypes};
use crate::typeobj::builder::{self, TypeSpec};
use crate::typeobj::TypeObject;
use crate::types;
use crate::Value;

macro_rules! builtin_types {
    ($($field:ident => $spec:path,)*) => {
        /// Every builtin type.
        pub struct Types {
            $(pub $field: &'static TypeObject,)*
            /// The builtin exception types.
            pub exc: ExcTypes,
        }

        fn core_specs() -> Vec<TypeSpec> {
            // Called through a table, not inlined into one function that
            // builds every spec on its stack and copies it into the vector
            // (that function was 78 KB of every executable).
            const SPECS: &[fn() -> TypeSpec] = &[$($spec,)*];
            SPECS.iter().map(|spec| spec()).collect()
        }

        impl Types {
            /// The core (non-exception) types in registration order.
            pub fn core_in_order(&self) -> Vec<&'static TypeObject> {
                vec![$(self.$field,)*]
            }
        }

        fn assemble(core: &[&'static TypeObject], exc: ExcTypes) -> Types {
            let mut it = core.iter().copied();
            Types {
                $($field: it.next().unwrap_or_else(|| bug("type registry out of step")),)*
                exc,
            }
        }
    };
}

builtin_types! {
    object => types::object::spec,
    type_ => crate::typeobj::type_type::spec,
    none_type => types::none::none_spec,
    not_implemented_type => types::none::not_implemented_spec,
    ellipsis => types::none::ellipsis_spec,
    int => types::int::spec,
    bool => types::boolean::spec,
    float => types::float::spec,
    complex => types::complex::spec,
    str => types::string::spec,
    bytes => types::bytes::bytes_spec,
    bytearray => types::bytes::bytearray_spec,
    tuple => types::tuple::spec,
    list => types::list::spec,
    dict => types::dict::spec,
    range => types::range::spec,
    slice => types::slice::spec,
    function => types::function::spec,
    builtin_function => types::builtin_func::builtin_function_spec,
    method_descriptor => types::builtin_func::method_descr_spec,
    classmethod_descriptor => types::builtin_func::classmethod_descr_spec,
    getset_descriptor => types::builtin_func::getset_descr_spec,
    wrapper_descriptor => types::slot_wrapper::wrapper_spec,
    method_wrapper => types::slot_wrapper::method_wrapper_spec,
    method => types::method::spec,
    cell => types::cell::spec,
    module => types::module::spec,
    staticmethod => types::descr::staticmethod_spec,
    classmethod => types::descr::classmethod_spec,
    property => types::descr::property_spec,
    super_ => types::super_::spec,
    list_iterator => types::iterators::list_iterator_spec,
    tuple_iterator => types::iterators::tuple_iterator_spec,
    str_iterator => types::iterators::str_iterator_spec,
    range_iterator => types::iterators::range_iterator_spec,
    seq_iterator => types::iterators::seq_iterator_spec,
    callable_iterator => types::iterators::callable_iterator_spec,
    list_reverseiterator => types::iterators::list_reverseiterator_spec,
    dict_keyiterator => types::dict::iter::key_iterator_spec,
    dict_valueiterator => types::dict::iter::value_iterator_spec,
    dict_itemiterator => types::dict::iter::item_iterator_spec,
    dict_keys => types::dict::views::keys_spec,
    dict_values => types::dict::views::values_spec,
    dict_items => types::dict::views::items_spec,
    enumerate => types::iterators::enumerate_spec,
    zip => types::iterators::zip_spec,
    map => types::iterators::map_spec,
    filter => types::iterators::filter_spec,
    reversed => types::iterators::reversed_spec,
    text_writer => crate::runtime::stdio::writer_spec,
    text_reader => crate::runtime::stdin::reader_spec,
    random => crate::runtime::random::spec,
    text_io_wrapper => crate::runtime::io::file::text_io_wrapper_spec,
    buffered_reader => crate::runtime::io::file::buffered_reader_spec,
    buffered_writer => crate::runtime::io::file::buffered_writer_spec,
    buffered_random => crate::runtime::io::file::buffered_random_spec,
    string_io => crate::runtime::io::memory::string_io_spec,
    bytes_io => crate::runtime::io::memory::bytes_io_spec,
    set => types::set::set_spec,
    frozenset => types::set::frozenset_spec,
    set_iterator => types::set::set_iterator_spec,
    code => types::code::spec,
    structseq => types::structseq::spec,
    traceback => crate::exceptions::tb_object::spec,
    generator => types::generator::generator_spec,
    coroutine => types::generator::coroutine_spec,
    coroutine_wrapper => types::generator::coroutine_wrapper_spec,
    async_generator => types::async_gen::async_generator_spec,
    async_generator_asend => types::async_gen::asend_spec,
    async_generator_athrow => types::async_gen::athrow_spec,
    async_generator_wrapped_value => types::async_gen::wrapped_value_spec,
    weakref => types::weakref::spec,
    sre_program => crate::runtime::sre::program_spec,
}

/// A broken runtime invariant. Never the user's fault, so a panic naming
/// itself rather than a Python exception.
#[cold]
pub fn bug(what: &str) -> ! {
    panic!("krait runtime bug: {what}")
}

struct TypesRef(&'static Types);
// SAFETY: builtin types are fully built before `READY` is set and never
// mutated afterwards (their dicts are read-only; str hashes are atomic).
unsafe impl Sync for TypesRef {}
unsafe impl Send for TypesRef {}

static READY: OnceLock<TypesRef> = OnceLock::new();
static INIT: Once = Once::new();

thread_local! {
    /// Set in the booting thread between phase 1 and the end of phase 2.
    static BOOTING: Cell<Option<&'static Types>> = const { Cell::new(None) };
}

/// The builtin types (created on first use).
#[inline]
pub fn types() -> &'static Types {
    match READY.get() {
        Some(t) => t.0,
        None => boot(),
    }
}

#[cold]
fn boot() -> &'static Types {
    if let Some(t) = BOOTING.with(|b| b.get()) {
        return t;
    }
    INIT.call_once(|| {
        let (t, specs, bases) = phase1();
        BOOTING.with(|b| b.set(Some(t)));
        for ((ty, spec), bs) in all_types(t).into_iter().zip(&specs).zip(&bases) {
            builder::populate(ty, spec, bs);
        }
        BOOTING.with(|b| b.set(None));
        let _ = READY.set(TypesRef(t));
    });
    match READY.get() {
        Some(t) => t.0,
        None => bug("type registry failed to initialise"),
    }
}

type Phase1 = (&'static Types, Vec<TypeSpec>, Vec<Vec<&'static TypeObject>>);

/// Creates every type object (slots, bases) and sets their headers to `type`.
fn phase1() -> Phase1 {
    let mut by_name: HashMap<&'static str, &'static TypeObject> = HashMap::new();
    let mut created = Vec::new();
    let mut all_bases = Vec::new();
    let core = core_specs();
    let exc = hierarchy::specs();
    for spec in core.iter().chain(exc.iter()) {
        let bases: Vec<&'static TypeObject> = spec
            .bases
            .iter()
            .map(|n| {
                *by_name
                    .get(n)
                    .unwrap_or_else(|| bug("base type declared after its subclass"))
            })
            .collect();
        let ty = builder::create(spec, bases.first().copied());
        by_name.insert(spec.name, ty);
        created.push(ty);
        all_bases.push(bases);
    }
    let type_type = by_name
        .get("type")
        .copied()
        .unwrap_or_else(|| bug("no type type"));
    for ty in &created {
        ty.header.ty.set(type_type);
    }
    let (core_types, exc_types) = created.split_at(core.len());
    let t: &'static Types = Box::leak(Box::new(assemble(
        core_types,
        hierarchy::assemble(exc_types),
    )));
    let specs = core.into_iter().chain(exc).collect();
    (t, specs, all_bases)
}

/// The collector's roots here: every builtin type (they live forever, in
/// the heap of the thread that created them).
pub fn trace_roots(visit: &mut dyn FnMut(Value)) {
    let t = READY
        .get()
        .map(|t| t.0)
        .or_else(|| BOOTING.with(|b| b.get()));
    if let Some(t) = t {
        for ty in all_types(t) {
            visit(Value::from_ptr(ty as *const TypeObject));
        }
    }
}

/// Every builtin type in registration order.
pub fn all_types(t: &'static Types) -> Vec<&'static TypeObject> {
    let mut v = t.core_in_order();
    v.extend(t.exc.all());
    v
}
