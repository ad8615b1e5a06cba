//! Builtins that generated code calls without the generic call path.
//!
//! Native code loads a global such as `len` (or a builtin type called
//! with one iterable, such as `list`) as usual; when the loaded object is
//! the builtin itself (the word recorded in
//! [`KRAIT_DIRECT_BUILTINS`] when a native program starts), a call with
//! the builtin's positional arity goes straight to its ABI entry
//! (`krait_len`, …) instead of `call`, the builtin-function slot and the
//! argument parser. A rebound or shadowed name fails the comparison and
//! takes the ordinary call. Each ABI entry calls the function the
//! builtin's own path uses (for `tuple`, the one `tuple.__new__` calls;
//! for `list` and `set`, the collection of the iterable their `__init__`
//! does), so the two paths cannot differ.

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use crate::error::PyResult;
use crate::types::string::intern;

/// A builtin with a direct entry.
pub struct Direct {
    pub name: &'static str,
    /// The positional arguments a direct call takes.
    pub arity: usize,
    /// Its ABI entry (declared in `abi.rs`).
    pub entry: &'static str,
}

/// The builtins with direct entries; an index here indexes
/// [`KRAIT_DIRECT_BUILTINS`].
pub const DIRECT: [Direct; 7] = [
    direct("len", 1, "krait_len"),
    direct("ord", 1, "krait_ord"),
    direct("isinstance", 2, "krait_isinstance"),
    direct("abs", 1, "krait_abs"),
    direct("list", 1, "krait_list_of"),
    direct("tuple", 1, "krait_tuple_of"),
    direct("set", 1, "krait_set_of"),
];

const fn direct(name: &'static str, arity: usize, entry: &'static str) -> Direct {
    Direct { name, arity, entry }
}

/// The builtin objects of [`DIRECT`], in order; zero (never a callable)
/// until a native program records them.
#[no_mangle]
pub static KRAIT_DIRECT_BUILTINS: [AtomicU64; DIRECT.len()] =
    [const { AtomicU64::new(0) }; DIRECT.len()];

/// The index in [`DIRECT`] of the builtin called `name`.
pub fn index_of(name: &str) -> Option<usize> {
    DIRECT.iter().position(|d| d.name == name)
}

/// Records this thread's builtin objects for the direct calls (a native
/// program's thread, once the runtime is up).
pub fn record() -> PyResult<()> {
    for (slot, d) in KRAIT_DIRECT_BUILTINS.iter().zip(&DIRECT) {
        let f = crate::runtime::load_builtin(intern(d.name))?;
        slot.store(f.bits(), Relaxed);
    }
    Ok(())
}
