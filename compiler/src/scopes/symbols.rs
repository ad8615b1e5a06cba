//! The symbol table's data: one [`Scope`] per block of code (the module, each
//! class body, function, lambda and comprehension), keyed by the [`NodeId`] of
//! the node that opens it, and per scope the names it mentions with what it
//! does to each (see [`SymbolFlags`]).
//!
//! This is CPython's `symtable` before analysis: it records facts, it does not
//! decide yet whether a name is local, global, free or a cell. The builder
//! (`builder.rs`) fills it in; `analyze.rs` and `checks.rs` read it. Names are
//! stored mangled (`__x` in class `C` is `_C__x`), as CPython stores them.

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

#[derive(Clone, Debug, PartialEq)]
pub struct Symbol {
    /// The mangled name.
    pub name: String,
    pub flags: SymbolFlags,
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
    symbols: Vec<Symbol>,
    by_name: HashMap<String, usize>,
    directives: Vec<Directive>,
}

impl Scope {
    fn new(kind: ScopeKind, node: Option<NodeId>, span: Span, parent: Option<ScopeId>) -> Self {
        Scope {
            kind,
            node,
            span,
            parent,
            children: Vec::new(),
            is_generator: false,
            is_coroutine: kind == ScopeKind::Function { is_async: true },
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
                });
                SymbolFlags::NONE
            }
        }
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
    scopes: Vec<Scope>,
    by_node: HashMap<NodeId, ScopeId>,
}

impl SymbolTable {
    pub const MODULE: ScopeId = ScopeId(0);

    pub(super) fn new(module_span: Span) -> Self {
        SymbolTable {
            scopes: vec![Scope::new(ScopeKind::Module, None, module_span, None)],
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
        node: Option<NodeId>,
        span: Span,
        parent: ScopeId,
    ) -> ScopeId {
        let id = ScopeId(self.scopes.len() as u32);
        self.scopes.push(Scope::new(kind, node, span, Some(parent)));
        if kind != ScopeKind::Annotation {
            self.scope_mut(parent).children.push(id);
        }
        if let Some(node) = node {
            self.by_node.insert(node, id);
        }
        id
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
