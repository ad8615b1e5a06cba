//! Resolves `global` and `nonlocal` declarations over the finished symbol
//! table: CPython's `symtable_analyze` (`analyze_block`, `analyze_name`).
//!
//! Scopes are visited parent first, and each scope's names in order of first
//! mention, so the first error is the one CPython reports: a name both
//! `global` and `nonlocal`, `nonlocal` at module level, or a `nonlocal` with
//! no binding in an enclosing function. A nonlocal name must be bound in an
//! enclosing *function-like* scope: class bodies pass their enclosing
//! bindings through but add none of their own (except the implicit
//! `__class__`). Deciding each name's final scope (local, global, free, cell)
//! is left to the compiler stage and will grow here.

use super::symbols::{Scope, ScopeId, ScopeKind, Symbol, SymbolFlags, SymbolTable};
use crate::syntax::{SyntaxError, SyntaxErrorKind};
use std::collections::HashSet;

pub(super) fn analyze(table: &SymbolTable) -> Result<(), SyntaxError> {
    analyze_scope(table, SymbolTable::MODULE, None)
}

/// `bound` holds the names bound in enclosing function scopes; `None` at
/// module level.
fn analyze_scope(
    table: &SymbolTable,
    id: ScopeId,
    bound: Option<&HashSet<String>>,
) -> Result<(), SyntaxError> {
    let scope = table.scope(id);
    let mut bound_here = bound.cloned();
    // What nested scopes see as bound by their enclosing functions. A class
    // passes on what it inherited, fixed before its own `global`s apply.
    let mut bound_below = HashSet::new();
    if scope.kind == ScopeKind::Class {
        bound_below.extend(bound.into_iter().flatten().cloned());
    }
    let mut local = HashSet::new();
    for symbol in scope.symbols() {
        analyze_name(scope, symbol, bound_here.as_mut(), &mut local)?;
    }
    if scope.kind == ScopeKind::Class {
        bound_below.insert("__class__".to_owned());
    } else {
        if scope.kind.is_function_like() {
            bound_below.extend(local);
        }
        bound_below.extend(bound_here.into_iter().flatten());
    }
    for &child in &scope.children {
        analyze_scope(table, child, Some(&bound_below))?;
    }
    Ok(())
}

fn analyze_name(
    scope: &Scope,
    symbol: &Symbol,
    bound: Option<&mut HashSet<String>>,
    local: &mut HashSet<String>,
) -> Result<(), SyntaxError> {
    let Symbol { name, flags } = symbol;
    if flags.contains(SymbolFlags::DECLARED_GLOBAL) {
        if flags.contains(SymbolFlags::DECLARED_NONLOCAL) {
            let kind = SyntaxErrorKind::NameIsNonlocalAndGlobal { name: name.clone() };
            return Err(at_directive(scope, name, kind));
        }
        if let Some(bound) = bound {
            bound.remove(name);
        }
        return Ok(());
    }
    if flags.contains(SymbolFlags::DECLARED_NONLOCAL) {
        let kind = match bound {
            None => SyntaxErrorKind::NonlocalAtModuleLevel,
            Some(bound) if !bound.contains(name) => {
                SyntaxErrorKind::NoBindingForNonlocal { name: name.clone() }
            }
            Some(_) => return Ok(()),
        };
        return Err(at_directive(scope, name, kind));
    }
    if flags.intersects(SymbolFlags::BOUND) {
        local.insert(name.clone());
    }
    Ok(())
}

/// Errors about a declared name point at its first declaration.
fn at_directive(scope: &Scope, name: &str, kind: SyntaxErrorKind) -> SyntaxError {
    let span = scope.directive(name).map_or(scope.span, |d| d.span);
    SyntaxError::new(kind, span)
}
