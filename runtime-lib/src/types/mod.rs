//! The builtin types, one module each, and their registry.
//!
//! Each module owns its type's struct (`#[repr(C)]`, header first, layout
//! constants and tests beside it), its constructors, slots and methods, and
//! a `spec()` returning the `TypeSpec` that `registry` turns into the type
//! object. Shared helpers: `sequence` (comparison, indexing), `value_vec`
//! (the growable array of lists and instances), `shape` (instance
//! attributes), `bind` (argument binding of Python functions).

pub mod async_gen;
pub mod bind;
pub mod boolean;
pub mod builtin_func;
pub mod bytes;
pub mod cell;
pub mod code;
pub mod complex;
pub mod descr;
pub mod dict;
pub mod float;
pub mod function;
pub mod generator;
pub mod instance;
pub mod int;
pub mod iterators;
pub mod list;
pub mod method;
pub mod module;
pub mod none;
pub mod object;
pub mod range;
pub mod registry;
pub mod sequence;
pub mod set;
pub mod shape;
pub mod slice;
pub mod slot_wrapper;
pub mod string;
pub mod structseq;
pub mod super_;
pub mod tuple;
pub mod value_vec;
pub mod weakref;
