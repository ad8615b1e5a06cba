//! Decides where every name lives: CPython's `symtable_analyze`
//! (`analyze_block`, `analyze_name`, `analyze_cells`, `update_symbols` in
//! `Python/symtable.c`), run over the finished symbol table.
//!
//! Scopes are visited parent first, and each scope's names in order of first
//! mention, so the first error is the one CPython reports: a name both
//! `global` and `nonlocal`, `nonlocal` at module level, or a `nonlocal` with
//! no binding in an enclosing function.
//!
//! Each scope hands its children three sets: the names bound in enclosing
//! function scopes (`bound`; a free variable must be found there), the names
//! declared global above (`global`), and receives back the names its
//! children use freely. A class body passes on what it inherited, fixed
//! before its own names are analysed, plus the implicit `__class__`: class
//! bindings are not visible in methods. After the children, a function's
//! locals that some child captures become cells; a class that a method
//! captures `__class__` from gets the implicit `__class__` cell; the names
//! still free are recorded as free here too (so intermediate functions pass
//! the cell through), unless they are globals.

use super::symbols::{Scope, ScopeId, ScopeKind, Symbol, SymbolFlags, SymbolScope, SymbolTable};
use crate::syntax::{SyntaxError, SyntaxErrorKind};
use std::collections::HashSet;

type Names = HashSet<String>;

pub(super) fn analyze(table: &mut SymbolTable) -> Result<(), SyntaxError> {
    let mut free = Names::new();
    let mut global = Names::new();
    analyze_block(table, SymbolTable::MODULE, None, &mut free, &mut global)
}

/// `bound` is `None` at module level only.
fn analyze_block(
    table: &mut SymbolTable,
    id: ScopeId,
    mut bound: Option<&mut Names>,
    free: &mut Names,
    global: &mut Names,
) -> Result<(), SyntaxError> {
    let kind = table.scope(id).kind;
    let is_class = kind == ScopeKind::Class;
    let mut local = Names::new();
    let mut new_global = Names::new();
    let mut new_bound = Names::new();
    let mut new_free = Names::new();
    // Class bindings are not visible in nested scopes: what a class passes
    // on is fixed before its own names are analysed.
    if is_class {
        new_global.extend(global.iter().cloned());
        if let Some(bound) = bound.as_deref() {
            new_bound.extend(bound.iter().cloned());
        }
    }
    let scope = table.scope(id);
    let mut scopes = Vec::with_capacity(scope.symbols().len());
    for symbol in scope.symbols() {
        let resolved = analyze_name(
            scope,
            symbol,
            bound.as_deref_mut(),
            &mut local,
            free,
            global,
        )?;
        scopes.push(resolved);
    }
    if is_class {
        new_bound.insert("__class__".to_owned());
    } else {
        if kind.is_function_like() {
            new_bound.extend(local);
        }
        if let Some(bound) = bound.as_deref() {
            new_bound.extend(bound.iter().cloned());
        }
        new_global.extend(global.iter().cloned());
    }
    let children = table.scope(id).children.clone();
    let mut all_free = Names::new();
    for child in children {
        let mut child_bound = new_bound.clone();
        let mut child_free = new_free.clone();
        let mut child_global = new_global.clone();
        analyze_block(
            table,
            child,
            Some(&mut child_bound),
            &mut child_free,
            &mut child_global,
        )?;
        all_free.extend(child_free);
    }
    new_free.extend(all_free);
    let scope = table.scope_mut(id);
    if kind.is_function_like() {
        // Locals captured by a child become cells (`analyze_cells`).
        for (symbol, resolved) in scope.symbols().iter().zip(scopes.iter_mut()) {
            if *resolved == SymbolScope::Local && new_free.remove(&symbol.name) {
                *resolved = SymbolScope::Cell;
            }
        }
    } else if is_class && new_free.remove("__class__") {
        // `drop_class_free`: the class body creates the `__class__` cell.
        scope.needs_class_closure = true;
    }
    update_symbols(scope, scopes, bound.as_deref(), &new_free, is_class);
    free.extend(new_free);
    Ok(())
}

/// CPython's `analyze_name`: the scope of one name, updating the sets.
fn analyze_name(
    scope: &Scope,
    symbol: &Symbol,
    bound: Option<&mut Names>,
    local: &mut Names,
    free: &mut Names,
    global: &mut Names,
) -> Result<SymbolScope, SyntaxError> {
    let Symbol { name, flags, .. } = symbol;
    if flags.contains(SymbolFlags::DECLARED_GLOBAL) {
        if flags.contains(SymbolFlags::DECLARED_NONLOCAL) {
            let kind = SyntaxErrorKind::NameIsNonlocalAndGlobal { name: name.clone() };
            return Err(at_directive(scope, name, kind));
        }
        global.insert(name.clone());
        if let Some(bound) = bound {
            bound.remove(name);
        }
        return Ok(SymbolScope::GlobalExplicit);
    }
    if flags.contains(SymbolFlags::DECLARED_NONLOCAL) {
        let kind = match bound {
            None => SyntaxErrorKind::NonlocalAtModuleLevel,
            Some(bound) if !bound.contains(name) => {
                SyntaxErrorKind::NoBindingForNonlocal { name: name.clone() }
            }
            Some(_) => {
                free.insert(name.clone());
                return Ok(SymbolScope::Free);
            }
        };
        return Err(at_directive(scope, name, kind));
    }
    if flags.intersects(SymbolFlags::BOUND) {
        local.insert(name.clone());
        global.remove(name);
        return Ok(SymbolScope::Local);
    }
    // Bound in an enclosing function: a free variable.
    if bound.is_some_and(|bound| bound.contains(name)) {
        free.insert(name.clone());
        return Ok(SymbolScope::Free);
    }
    // Declared global in an enclosing scope, or not bound at all: CPython
    // calls both implicit globals.
    Ok(SymbolScope::GlobalImplicit)
}

/// Records the scopes, then the free variables of children that this scope
/// must pass through (CPython's `update_symbols`).
fn update_symbols(
    scope: &mut Scope,
    scopes: Vec<SymbolScope>,
    bound: Option<&Names>,
    free: &Names,
    is_class: bool,
) {
    for (symbol, resolved) in scope.symbols_mut().iter_mut().zip(scopes) {
        symbol.scope = Some(resolved);
    }
    // Sorted, so that the order of symbols does not depend on hashing.
    let mut free: Vec<&String> = free.iter().collect();
    free.sort();
    for name in free {
        let flags = scope.flags(name);
        if scope.symbol(name).is_some() {
            // A method's free variable that the class body binds itself:
            // the class passes the enclosing cell on (`DEF_FREE_CLASS`).
            let declared_or_bound = SymbolFlags::BOUND | SymbolFlags::DECLARED_GLOBAL;
            if is_class && flags.intersects(declared_or_bound) {
                scope.add(name, SymbolFlags::FREE_CLASS);
            }
            continue;
        }
        if bound.is_some_and(|bound| !bound.contains(name)) {
            // A global: nothing to pass through.
            continue;
        }
        scope.add_resolved(name, SymbolScope::Free);
    }
}

/// Errors about a declared name point at its first declaration.
fn at_directive(scope: &Scope, name: &str, kind: SyntaxErrorKind) -> SyntaxError {
    let span = scope.directive(name).map_or(scope.span, |d| d.span);
    SyntaxError::new(kind, span)
}
