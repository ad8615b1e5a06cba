//! STUB — being written.
use crate::syntax::ast::Module;
use crate::syntax::SyntaxError;

/// The checks CPython makes after parsing and before running anything
/// (symbol-table and compiler errors such as `'return' outside function`).
pub fn check_module(module: &Module) -> Result<(), SyntaxError> {
    let _ = module;
    todo!()
}
