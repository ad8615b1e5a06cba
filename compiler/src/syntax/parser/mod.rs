//! STUB — being written.
use super::ast::Module;
use super::error::SyntaxError;

/// Parses a whole module.
pub fn parse_module(source: &str) -> Result<Module, SyntaxError> {
    let _ = source;
    todo!()
}
