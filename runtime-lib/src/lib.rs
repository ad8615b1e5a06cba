//! `krait-runtime`: the library every krait program links against.
//!
//! It will own the value representation, the object model, the garbage
//! collector, exceptions, the built-ins and the `extern "C"` ABI that
//! generated code calls (see `../shared/DESIGN.md`). It is built both as an
//! rlib (the reference VM calls it directly) and as a static archive (linked
//! into native executables). For now it only carries its version.

pub mod value;

pub use value::Value;

/// The runtime's version, which the compiler checks against its own.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Returns the runtime's version as a NUL-terminated C string, so the C ABI
/// of the static archive has at least one exported symbol to link against.
#[no_mangle]
pub extern "C" fn krait_runtime_version() -> *const u8 {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr()
}
