//! The symbol table's data: one [`Scope`] per block of code (the module, each
//! class body, function, lambda and comprehension), keyed by the [`NodeId`] of
//! the node that opens it, and per scope the names it mentions with what it
//! does to each (see [`SymbolFlags`]).
//!
//! The builder (`builder.rs`) records facts, as CPython's first symtable pass
//! does; `analyze.rs` then decides where each name lives at run time (its
//! [`SymbolScope`]: local, cell, free, global), which the bytecode compiler
//! reads. Names are stored mangled (`__x` in class `C` is `_C__x`), as CPython
//! stores them.

use crate::syntax::ast::NodeId;
use crate::syntax::span::Span;
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::BitOr;

/// Index of a scope in its [`SymbolTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ScopeId(u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function {
        is_async: bool,
    },
    Lambda,
    Comprehension(ComprehensionKind),
    /// The scope CPython gives annotations under
    /// `from __future__ import annotations`. It is not a child of the
    /// enclosing scope: nothing in it is ever analysed or compiled.
    Annotation,
}

impl ScopeKind {
    /// Whether CPython counts the scope as a function block: its code runs
    /// in a frame of its own (functions, lambdas, comprehensions).
    pub fn is_function_like(self) -> bool {
        matches!(
            self,
            ScopeKind::Function { .. } | ScopeKind::Lambda | ScopeKind::Comprehension(_)
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComprehensionKind {
    List,
    Set,
    Dict,
    Generator,
}

impl ComprehensionKind {
    /// How CPython's messages name it: `list comprehension`, ...
    pub fn description(self) -> &'static str {
        match self {
            ComprehensionKind::List => "list comprehension",
            ComprehensionKind::Set => "set comprehension",
            ComprehensionKind::Dict => "dict comprehension",
            ComprehensionKind::Generator => "generator expression",
        }
    }

    /// The name of its code object: `<listcomp>`, ...
    pub fn code_name(self) -> &'static str {
        match self {
            ComprehensionKind::List => "<listcomp>",
            ComprehensionKind::Set => "<setcomp>",
            ComprehensionKind::Dict => "<dictcomp>",
            ComprehensionKind::Generator => "<genexpr>",
        }
    }
}

/// What a scope does with a name (CPython's `DEF_*` flags).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SymbolFlags(u16);

impl SymbolFlags {
    pub const NONE: Self = Self(0);
    /// Named in a `global` statement (`DEF_GLOBAL`).
    pub const DECLARED_GLOBAL: Self = Self(1);
    /// Bound by assignment, `def`, `class`, `for`, `with`, `except`, a match
    /// capture or `del` (`DEF_LOCAL`).
    pub const ASSIGNED: Self = Self(1 << 1);
    /// A parameter (`DEF_PARAM`).
    pub const PARAMETER: Self = Self(1 << 2);
    /// Named in a `nonlocal` statement (`DEF_NONLOCAL`).
    pub const DECLARED_NONLOCAL: Self = Self(1 << 3);
    /// Read (`USE`).
    pub const USED: Self = Self(1 << 4);
    /// Bound by an import (`DEF_IMPORT`).
    pub const IMPORTED: Self = Self(1 << 5);
    /// Target of an annotated assignment (`DEF_ANNOT`).
    pub const ANNOTATED: Self = Self(1 << 6);
    /// A comprehension's iteration variable (`DEF_COMP_ITER`).
    pub const COMPREHENSION_TARGET: Self = Self(1 << 7);
    /// A free variable of a nested function that this class body also binds
    /// or declares global (`DEF_FREE_CLASS`): the class passes the enclosing
    /// cell on to its methods while its own body uses the class namespace.
    pub const FREE_CLASS: Self = Self(1 << 8);
    /// Any binding in this scope (`DEF_BOUND`).
    pub const BOUND: Self = Self(Self::ASSIGNED.0 | Self::PARAMETER.0 | Self::IMPORTED.0);

    /// Whether every flag of `other` is set.
    pub fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether any flag of `other` is set.
    pub fn intersects(self, other: Self) -> bool {
        self.0 & other.0 != 0
    }
}

impl BitOr for SymbolFlags {
    type Output = Self;
    fn bitor(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }
}

/// Where a name lives at run time, decided by the analysis (CPython's
/// `LOCAL`, `CELL`, `FREE`, `GLOBAL_EXPLICIT`, `GLOBAL_IMPLICIT`).
///
/// How a use compiles depends on it and on the scope's kind: in a function,
/// `Local` is a fast local (`LOAD_FAST`), `Cell`/`Free` a cell (`LOAD_DEREF`)
/// and both globals `LOAD_GLOBAL`; in a module or class body, `Local` and
/// `GlobalImplicit` go through the namespace (`LOAD_NAME`), `Free` is
/// `LOAD_CLASSDEREF` and `GlobalExplicit` `LOAD_GLOBAL`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SymbolScope {
    /// Bound in this scope and not captured by a nested one.
    Local,
    /// Bound in this function and captured by a nested scope.
    Cell,
    /// Bound in an enclosing function (or declared `nonlocal`).
    Free,
    /// Declared `global` here.
    GlobalExplicit,
    /// Not bound anywhere visible: a global or a builtin.
    GlobalImplicit,
}

impl SymbolScope {
    /// CPython's name for the scope, as `symtable` reports it.
    pub fn name(self) -> &'static str {
        match self {
            SymbolScope::Local => "LOCAL",
            SymbolScope::Cell => "CELL",
            SymbolScope::Free => "FREE",
            SymbolScope::GlobalExplicit => "GLOBAL_EXPLICIT",
            SymbolScope::GlobalImplicit => "GLOBAL_IMPLICIT",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Symbol {
    /// The mangled name.
    pub name: String,
    pub flags: SymbolFlags,
    /// Decided by the analysis; `None` only in a table that was built but
    /// not analysed (the annotation scopes, which are never compiled).
    pub scope: Option<SymbolScope>,
}

/// A `global` or `nonlocal` declaration of one name (also the implicit one an
/// assignment expression in a comprehension makes in the comprehension).
/// Errors found when resolving the name point at its first declaration.
#[derive(Clone, Debug, PartialEq)]
pub struct Directive {
    /// The mangled name.
    pub name: String,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    /// The code object's name: the function or class name, `<lambda>`,
    /// `<listcomp>`, `<setcomp>`, `<dictcomp>`, `<genexpr>`, `<module>`.
    pub name: String,
    /// The node that opens the scope; `None` for the module and annotation
    /// scopes.
    pub node: Option<NodeId>,
    pub span: Span,
    pub parent: Option<ScopeId>,
    /// Nested scopes in source order (annotation scopes excluded).
    pub children: Vec<ScopeId>,
    /// Contains `yield` (CPython's `ste_generator`); a generator expression
    /// always is one.
    pub is_generator: bool,
    /// An `async def`, or contains `await` or an asynchronous comprehension
    /// (CPython's `ste_coroutine`).
    pub is_coroutine: bool,
    /// Inside a function-like scope, at any depth (`ste_nested`).
    pub is_nested: bool,
    /// The parameters, in CPython's order: positional-only, positional,
    /// keyword-only, `*args`, `**kwargs` (`ste_varnames`).
    pub parameters: Vec<String>,
    /// Has a `*args` / `**kwargs` parameter.
    pub has_varargs: bool,
    pub has_varkeywords: bool,
    /// A class whose methods use `__class__` or `super()`: its body creates
    /// the implicit `__class__` cell (`ste_needs_class_closure`).
    pub needs_class_closure: bool,
    symbols: Vec<Symbol>,
    by_name: HashMap<String, usize>,
    directives: Vec<Directive>,
}

impl Scope {
    fn new(
        kind: ScopeKind,
        name: String,
        node: Option<NodeId>,
        span: Span,
        parent: Option<ScopeId>,
    ) -> Self {
        Scope {
            kind,
            name,
            node,
            span,
            parent,
            children: Vec::new(),
            is_generator: false,
            is_coroutine: kind == ScopeKind::Function { is_async: true },
            is_nested: false,
            parameters: Vec::new(),
            has_varargs: false,
            has_varkeywords: false,
            needs_class_closure: false,
            symbols: Vec::new(),
            by_name: HashMap::new(),
            directives: Vec::new(),
        }
    }

    /// The names the scope mentions, in order of first mention.
    pub fn symbols(&self) -> &[Symbol] {
        &self.symbols
    }

    /// What the scope does with `name` (mangled); empty if it never names it.
    pub fn flags(&self, name: &str) -> SymbolFlags {
        self.by_name
            .get(name)
            .map_or(SymbolFlags::NONE, |&i| self.symbols[i].flags)
    }

    /// Where `name` (mangled) lives; `None` if the scope never names it.
    pub fn scope_of_name(&self, name: &str) -> Option<SymbolScope> {
        self.by_name.get(name).and_then(|&i| self.symbols[i].scope)
    }

    /// The symbol for `name` (mangled).
    pub fn symbol(&self, name: &str) -> Option<&Symbol> {
        self.by_name.get(name).map(|&i| &self.symbols[i])
    }

    /// The names of the given scope, sorted (CPython's `dictbytype`, which
    /// orders a code object's cell and free variables): those resolved to
    /// `scope`, or also carrying any of `flags`.
    pub fn names_sorted(&self, scope: SymbolScope, flags: SymbolFlags) -> Vec<String> {
        let mut names: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == Some(scope) || s.flags.intersects(flags))
            .map(|s| s.name.clone())
            .collect();
        // Python sorts str by code point, as Rust's `Ord` for `String` does
        // (UTF-8 byte order is code point order).
        names.sort();
        names
    }

    /// The first `global`/`nonlocal` declaration of `name` (mangled).
    pub fn directive(&self, name: &str) -> Option<&Directive> {
        self.directives.iter().find(|d| d.name == name)
    }

    /// Adds `flags` to `name`'s symbol, creating it if new; returns the
    /// flags it had before.
    pub(super) fn add(&mut self, name: &str, flags: SymbolFlags) -> SymbolFlags {
        match self.by_name.get(name) {
            Some(&i) => {
                let old = self.symbols[i].flags;
                self.symbols[i].flags = old | flags;
                old
            }
            None => {
                self.by_name.insert(name.to_owned(), self.symbols.len());
                self.symbols.push(Symbol {
                    name: name.to_owned(),
                    flags,
                    scope: None,
                });
                SymbolFlags::NONE
            }
        }
    }

    /// Adds a symbol the analysis found: a free variable this scope passes
    /// through to a nested one.
    pub(super) fn add_resolved(&mut self, name: &str, scope: SymbolScope) {
        self.by_name.insert(name.to_owned(), self.symbols.len());
        self.symbols.push(Symbol {
            name: name.to_owned(),
            flags: SymbolFlags::NONE,
            scope: Some(scope),
        });
    }

    /// Records the analysis result for every symbol.
    pub(super) fn symbols_mut(&mut self) -> &mut [Symbol] {
        &mut self.symbols
    }

    pub(super) fn add_directive(&mut self, name: &str, span: Span) {
        self.directives.push(Directive {
            name: name.to_owned(),
            span,
        });
    }
}

/// All scopes of one module; the module's own scope is [`SymbolTable::MODULE`].
#[derive(Clone, Debug)]
pub struct SymbolTable {
    /// `from __future__ import annotations` is in effect: annotations are
    /// compiled as strings.
    pub future_annotations: bool,
    scopes: Vec<Scope>,
    by_node: HashMap<NodeId, ScopeId>,
}

impl SymbolTable {
    pub const MODULE: ScopeId = ScopeId(0);

    pub(super) fn new(module_span: Span) -> Self {
        SymbolTable {
            future_annotations: false,
            scopes: vec![Scope::new(
                ScopeKind::Module,
                "<module>".to_owned(),
                None,
                module_span,
                None,
            )],
            by_node: HashMap::new(),
        }
    }

    pub fn scope(&self, id: ScopeId) -> &Scope {
        &self.scopes[id.0 as usize]
    }

    pub(super) fn scope_mut(&mut self, id: ScopeId) -> &mut Scope {
        &mut self.scopes[id.0 as usize]
    }

    /// The scope opened by the function, class, lambda or comprehension `node`.
    pub fn scope_of(&self, node: NodeId) -> Option<ScopeId> {
        self.by_node.get(&node).copied()
    }

    /// All scopes, the module first, then in the order they open.
    pub fn scopes(&self) -> impl Iterator<Item = (ScopeId, &Scope)> {
        self.scopes
            .iter()
            .enumerate()
            .map(|(i, s)| (ScopeId(i as u32), s))
    }

    /// Opens a scope inside `parent`.
    pub(super) fn push(
        &mut self,
        kind: ScopeKind,
        name: String,
        node: Option<NodeId>,
        span: Span,
        parent: ScopeId,
    ) -> ScopeId {
        let id = ScopeId(self.scopes.len() as u32);
        let mut scope = Scope::new(kind, name, node, span, Some(parent));
        let outer = self.scope(parent);
        scope.is_nested = outer.is_nested || outer.kind.is_function_like();
        self.scopes.push(scope);
        if kind != ScopeKind::Annotation {
            self.scope_mut(parent).children.push(id);
        }
        if let Some(node) = node {
            self.by_node.insert(node, id);
        }
        id
    }
}

impl SymbolTable {
    /// A listing of every analysed scope, nested by indentation: its kind
    /// and name, its parameters, then each name with its scope, sorted.
    /// The format matches what `tests.rs` builds from CPython's `symtable`
    /// module, to compare the two.
    pub fn dump(&self) -> String {
        let mut out = String::new();
        self.dump_scope(SymbolTable::MODULE, 0, &mut out);
        out
    }

    fn dump_scope(&self, id: ScopeId, depth: usize, out: &mut String) {
        let scope = self.scope(id);
        let kind = match scope.kind {
            ScopeKind::Module => "module",
            ScopeKind::Class => "class",
            _ => "function",
        };
        let mut names: Vec<String> = scope
            .symbols()
            .iter()
            .map(|s| format!("{}={}", s.name, s.scope.map_or("?", SymbolScope::name)))
            .collect();
        names.sort();
        out.push_str(&format!("{}{kind} {}", "  ".repeat(depth), scope.name));
        if kind == "function" {
            out.push_str(&format!(" ({})", scope.parameters.join(", ")));
        }
        out.push_str(&format!(": {}\n", names.join(" ")));
        for &child in &scope.children {
            self.dump_scope(child, depth + 1, out);
        }
    }
}

/// CPython's private-name mangling: inside class `private`, `__spam` becomes
/// `_private__spam` (leading underscores of the class name dropped), unless
/// the name ends in `__` or contains a dot, or the class name is all
/// underscores.
pub fn mangle<'a>(private: Option<&str>, name: &'a str) -> Cow<'a, str> {
    let Some(class) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let class = class.trim_start_matches('_');
    if class.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{class}{name}"))
}
