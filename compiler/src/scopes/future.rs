//! `from __future__ import ...` at the top of a module (CPython's
//! `Python/future.c`), checked before anything else.
//!
//! Future imports must come first (after an optional docstring); their
//! feature names must be known ones (`braces` gets `not a chance`). The
//! features only change what later passes do: `annotations` makes
//! annotations unevaluated strings. A future import anywhere else is an error
//! the compiler pass reports in its turn (`checks.rs`), so this pass records
//! which statements are the valid leading ones.

use crate::syntax::ast::{Constant, ExprKind, Module, Stmt, StmtKind};
use crate::syntax::span::Span;
use crate::syntax::{SyntaxError, SyntaxErrorKind};

/// Features every Python 3.11 accepts; most are no-ops by now.
const FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

#[derive(Clone, Debug, Default)]
pub(super) struct FutureImports {
    /// `from __future__ import annotations` (PEP 563) is in effect.
    pub annotations: bool,
    /// The future-import statements at the top of the module.
    leading: Vec<Span>,
}

impl FutureImports {
    /// Whether `stmt` is one of the module's leading future imports.
    pub fn is_leading(&self, stmt: &Stmt) -> bool {
        self.leading.contains(&stmt.span)
    }
}

/// Whether `stmt` is `from __future__ import ...` (CPython ignores the
/// import's level here).
pub(super) fn is_future_import(stmt: &Stmt) -> bool {
    matches!(&stmt.kind, StmtKind::ImportFrom { module: Some(m), .. } if m.name == "__future__")
}

pub(super) fn scan(module: &Module) -> Result<FutureImports, SyntaxError> {
    let mut future = FutureImports::default();
    let skip = usize::from(module.body.first().is_some_and(is_docstring));
    for stmt in module.body.iter().skip(skip) {
        let StmtKind::ImportFrom { names, .. } = &stmt.kind else {
            break;
        };
        if !is_future_import(stmt) {
            break;
        }
        for alias in names {
            match alias.name.as_str() {
                "braces" => return Err(SyntaxError::new(SyntaxErrorKind::FutureBraces, stmt.span)),
                "annotations" => future.annotations = true,
                name if FEATURES.contains(&name) => {}
                name => {
                    let kind = SyntaxErrorKind::FutureFeatureNotDefined {
                        name: name.to_owned(),
                    };
                    return Err(SyntaxError::new(kind, stmt.span));
                }
            }
        }
        future.leading.push(stmt.span);
    }
    Ok(future)
}

fn is_docstring(stmt: &Stmt) -> bool {
    matches!(&stmt.kind, StmtKind::Expr(e) if matches!(e.kind, ExprKind::Constant(Constant::Str(_))))
}
