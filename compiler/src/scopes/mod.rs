//! Scope analysis: the symbol table of a parsed module, and the errors
//! CPython 3.11 raises after parsing but before anything runs.
//!
//! The passes run in CPython's order, each over the whole module, and the
//! first error wins:
//! 1. `future`: leading `from __future__` imports (`Python/future.c`);
//! 2. `builder`: the symbol table (`Python/symtable.c`, first pass);
//! 3. `analyze`: where every name lives — local, cell, free, global
//!    ([`SymbolScope`]) — with `global`/`nonlocal` resolution and the
//!    implicit `__class__` cell (`symtable.c`, analysis);
//! 4. `checks` and `patterns`: what the compiler checks as it generates code
//!    (`Python/compile.c`), up to the limit on nested blocks.
//!
//! So a symbol-table error anywhere in the file beats a compiler error on
//! an earlier line, as in CPython. The table ([`SymbolTable`], scopes keyed
//! by the `NodeId` of the node opening them) is what the bytecode compiler
//! reads: each scope's parameters, its names' scopes, and its flags
//! (generator, coroutine, nested, needs a `__class__` cell).
//! [`SymbolTable::dump`] prints it as CPython's `symtable` module reports
//! it; tests compare the two.

mod analyze;
mod builder;
mod checks;
mod future;
mod patterns;
pub mod symbols;

#[cfg(test)]
mod tests;

pub use symbols::{
    mangle, ComprehensionKind, Scope, ScopeId, ScopeKind, Symbol, SymbolFlags, SymbolScope,
    SymbolTable,
};

use crate::syntax::ast::Module;
use crate::syntax::SyntaxError;

/// The checks CPython makes after parsing and before running anything
/// (symbol-table and compiler errors such as `'return' outside function`).
pub fn check_module(module: &Module) -> Result<(), SyntaxError> {
    analyze_module(module).map(drop)
}

/// Runs every pass and returns the module's symbol table.
pub fn analyze_module(module: &Module) -> Result<SymbolTable, SyntaxError> {
    let future = future::scan(module)?;
    let mut table = builder::build(module, &future)?;
    analyze::analyze(&mut table)?;
    checks::check(module, &table, &future)?;
    Ok(table)
}
