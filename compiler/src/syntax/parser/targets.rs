//! Assignment, augmented-assignment and deletion targets: turning a parsed
//! expression into a `Store`/`Del` target, or CPython's error naming what
//! cannot be assigned to (`cannot assign to function call`, ...).

use super::{PResult, Parser};
use crate::syntax::ast::{Constant, Expr, ExprContext, ExprKind};
use crate::syntax::error::SyntaxErrorKind;

/// Where a target appears; decides the error's wording.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum TargetKind {
    /// An assignment target; `first_of_single` is true for the only target
    /// of a one-`=` assignment, where CPython suggests `==`.
    Assign { first_of_single: bool },
    /// `for` targets, comprehension targets, `with ... as` targets.
    For,
}

/// CPython's name for an expression kind in target errors.
pub(super) fn describe(expr: &Expr) -> &'static str {
    match &expr.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda(_) => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp(_) => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp(_) => "list comprehension",
        ExprKind::SetComp(_) => "set comprehension",
        ExprKind::DictComp(_) => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// Whether CPython's `Maybe you meant '==' instead of '='?` hint applies to
/// an invalid target of this kind (it does for `bitwise_or`-level
/// expressions other than displays and the singletons).
fn suggests_comparison(expr: &Expr) -> bool {
    !matches!(
        expr.kind,
        ExprKind::Tuple { .. }
            | ExprKind::List { .. }
            | ExprKind::GeneratorExp(_)
            | ExprKind::Compare { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda(_)
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp {
                op: crate::syntax::ast::UnaryOp::Not,
                ..
            }
            | ExprKind::Constant(Constant::None | Constant::Bool(_))
    )
}

impl<'src> Parser<'src> {
    /// Marks `expr` as a store target, or fails naming what it is.
    pub(super) fn set_store_target(&self, expr: &mut Expr, kind: TargetKind) -> PResult<()> {
        let hint = matches!(
            kind,
            TargetKind::Assign {
                first_of_single: true
            }
        );
        let parenthesized = self.text(expr.span).starts_with('(');
        match &mut expr.kind {
            ExprKind::Tuple { elts, ctx } if hint && !parenthesized => {
                *ctx = ExprContext::Store;
                let last = elts.len().saturating_sub(1);
                for (i, elt) in elts.iter_mut().enumerate() {
                    self.store(elt, i == last)?;
                }
                Ok(())
            }
            _ => self.store(expr, hint),
        }
    }

    fn store(&self, expr: &mut Expr, hint: bool) -> PResult<()> {
        match &mut expr.kind {
            ExprKind::Name { ctx, .. }
            | ExprKind::Attribute { ctx, .. }
            | ExprKind::Subscript { ctx, .. } => {
                *ctx = ExprContext::Store;
                Ok(())
            }
            ExprKind::Starred { value, ctx } => {
                *ctx = ExprContext::Store;
                self.store(value, false)
            }
            ExprKind::Tuple { elts, ctx } | ExprKind::List { elts, ctx } => {
                *ctx = ExprContext::Store;
                elts.iter_mut().try_for_each(|elt| self.store(elt, false))
            }
            _ => Err(self.invalid_target(expr, hint)),
        }
    }

    fn invalid_target(&self, expr: &Expr, hint: bool) -> super::ParseError {
        let kind = SyntaxErrorKind::CannotAssign {
            what: describe(expr),
            maybe_comparison: hint && suggests_comparison(expr),
        };
        self.error(kind, expr.span)
    }

    /// Marks `expr` as a `del` target, or fails naming what it is.
    pub(super) fn set_del_target(&self, expr: &mut Expr) -> PResult<()> {
        match &mut expr.kind {
            ExprKind::Name { ctx, .. }
            | ExprKind::Attribute { ctx, .. }
            | ExprKind::Subscript { ctx, .. } => {
                *ctx = ExprContext::Del;
                Ok(())
            }
            ExprKind::Tuple { elts, ctx } | ExprKind::List { elts, ctx } => {
                *ctx = ExprContext::Del;
                elts.iter_mut().try_for_each(|elt| self.set_del_target(elt))
            }
            _ => Err(self.error(
                SyntaxErrorKind::CannotDelete {
                    what: describe(expr),
                },
                expr.span,
            )),
        }
    }

    /// Checks the single target of an augmented assignment.
    pub(super) fn set_aug_target(&self, expr: &mut Expr) -> PResult<()> {
        match &mut expr.kind {
            ExprKind::Name { ctx, .. }
            | ExprKind::Attribute { ctx, .. }
            | ExprKind::Subscript { ctx, .. } => {
                *ctx = ExprContext::Store;
                Ok(())
            }
            _ => Err(self.error(
                SyntaxErrorKind::IllegalAugAssignTarget {
                    what: describe(expr),
                },
                expr.span,
            )),
        }
    }
}
