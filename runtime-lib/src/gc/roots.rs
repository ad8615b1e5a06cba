//! The runtime's own roots: every place outside the heap where the
//! runtime keeps references, listed once here. A module that keeps values
//! in a thread-local or static adds its `trace_roots` to this list.

use crate::Value;

/// Visits every root the runtime holds (not the stack, not an executor's
/// registered sources).
pub(super) fn trace_roots(visit: &mut dyn FnMut(Value)) {
    crate::types::registry::trace_roots(visit);
    crate::runtime::trace_roots(visit);
    crate::types::string::trace_roots(visit);
    crate::types::shape::trace_roots(visit);
    crate::error::trace_roots(visit);
    crate::ops::object::trace_roots(visit);
    crate::native::program::trace_roots(visit);
    crate::native::entry::trace_roots(visit);
    super::rooted::trace_rooted(visit);
}
