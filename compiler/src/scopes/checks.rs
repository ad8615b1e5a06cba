//! The errors CPython's compiler (`Python/compile.c`) raises while it
//! generates code, after the symbol table is complete.
//!
//! The walk follows the compiler's order, which is not always the source's:
//! an assignment's value before its targets, a class body before its bases,
//! a `try`'s `else` before its handlers, a comprehension's first iterable
//! after its body. It tracks the unit being compiled (module, class, function,
//! lambda, comprehension) and, within it, the enclosing loops and `except*`
//! handlers, and reports: `return`/`yield`/`await`/`async for`/`async with`
//! in the wrong place, `break`/`continue` outside a loop or leaving an
//! `except*` handler, asynchronous comprehensions outside async functions,
//! misplaced starred expressions, repeated keyword arguments, assignments to
//! `__debug__`, a bare `except:` before others, late `from __future__`
//! imports and (through `patterns.rs`) the `match` pattern errors.

use super::future::{is_future_import, FutureImports};
use super::patterns::{check_case_pattern, is_wildcard};
use super::symbols::{ComprehensionKind, SymbolTable};
use crate::syntax::ast::*;
use crate::syntax::span::Span;
use crate::syntax::{SyntaxError, SyntaxErrorKind};

type Check = Result<(), SyntaxError>;

pub(super) fn check(module: &Module, table: &SymbolTable, future: &FutureImports) -> Check {
    let mut checker = Checker {
        table,
        future,
        unit: Unit {
            kind: UnitKind::Module,
            frame_blocks: 0,
            is_generator: false,
            is_coroutine: false,
            blocks: Vec::new(),
        },
    };
    checker.stmts(&module.body)
}

fn error(kind: SyntaxErrorKind, span: Span) -> SyntaxError {
    SyntaxError::new(kind, span)
}

/// CPython's `CO_MAXBLOCKS`: frame blocks open at once in one code object.
const MAX_FRAME_BLOCKS: usize = 20;

/// The kind of code object being compiled (CPython's `u_scope_type`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum UnitKind {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

impl UnitKind {
    fn is_function_like(self) -> bool {
        !matches!(self, UnitKind::Module | UnitKind::Class)
    }
}

/// A block that `break`, `continue` and `return` must leave.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    Loop,
    ExceptStar,
}

struct Unit {
    kind: UnitKind,
    /// Frame blocks the compiler has open here (loops, `try` bodies and
    /// handlers, `with` blocks): CPython allows [`MAX_FRAME_BLOCKS`].
    frame_blocks: usize,
    /// From the symbol table: the unit contains `yield` / is a coroutine.
    is_generator: bool,
    is_coroutine: bool,
    /// Enclosing loops and `except*` handlers, innermost last.
    blocks: Vec<Block>,
}

struct Checker<'a> {
    table: &'a SymbolTable,
    future: &'a FutureImports,
    unit: Unit,
}

impl Checker<'_> {
    /// Runs `f` in the unit of the scope `node` opens.
    fn in_unit(
        &mut self,
        kind: UnitKind,
        node: NodeId,
        f: impl FnOnce(&mut Self) -> Check,
    ) -> Check {
        // The table was built from this tree, so every scope node is in it.
        let scope = self.table.scope_of(node).map(|id| self.table.scope(id));
        let unit = Unit {
            kind,
            frame_blocks: 0,
            is_generator: scope.is_some_and(|s| s.is_generator),
            is_coroutine: scope.map_or(kind == UnitKind::AsyncFunction, |s| s.is_coroutine),
            blocks: Vec::new(),
        };
        let outer = std::mem::replace(&mut self.unit, unit);
        let result = f(self);
        self.unit = outer;
        result
    }

    /// Runs `f` with one more frame block open, as the compiler pushes one
    /// (`compiler_push_fblock`); `span` is where the compiler is then.
    fn in_frame_block(&mut self, span: Span, f: impl FnOnce(&mut Self) -> Check) -> Check {
        if self.unit.frame_blocks >= MAX_FRAME_BLOCKS {
            return Err(error(SyntaxErrorKind::TooManyStaticallyNestedBlocks, span));
        }
        self.unit.frame_blocks += 1;
        let result = f(self);
        self.unit.frame_blocks -= 1;
        result
    }

    fn in_block(&mut self, block: Block, f: impl FnOnce(&mut Self) -> Check) -> Check {
        self.unit.blocks.push(block);
        let result = f(self);
        self.unit.blocks.pop();
        result
    }

    // ---- statements ----

    fn stmts(&mut self, body: &[Stmt]) -> Check {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &Stmt) -> Check {
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def(f, s.span),
            StmtKind::ClassDef(c) => self.class_def(c, s.span),
            StmtKind::Return(value) => self.return_stmt(value.as_ref(), s.span),
            StmtKind::Delete(targets) => self.exprs(targets),
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                self.exprs(targets)
            }
            StmtKind::AugAssign { target, value, .. } => self.aug_assign(target, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.ann_assign(target, annotation, value.as_deref(), *simple, s.span),
            StmtKind::For(f) => {
                if f.is_async && self.unit.kind != UnitKind::AsyncFunction {
                    return Err(error(SyntaxErrorKind::AsyncForOutsideAsyncFunction, s.span));
                }
                let body = |c: &mut Self| {
                    c.in_block(Block::Loop, |c| {
                        c.expr(&f.target)?;
                        c.stmts(&f.body)
                    })
                };
                if f.is_async {
                    self.expr(&f.iter)?;
                    self.in_frame_block(s.span, body)?;
                } else {
                    // A `for` opens its block before the iterable.
                    self.in_frame_block(s.span, |c| {
                        c.expr(&f.iter)?;
                        body(c)
                    })?;
                }
                self.stmts(&f.orelse)
            }
            StmtKind::While { test, body, orelse } => {
                self.in_frame_block(s.span, |c| {
                    c.in_block(Block::Loop, |c| {
                        c.expr(test)?;
                        c.stmts(body)
                    })
                })?;
                self.stmts(orelse)
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::With {
                is_async,
                items,
                body,
            } => {
                if *is_async && self.unit.kind != UnitKind::AsyncFunction {
                    return Err(error(
                        SyntaxErrorKind::AsyncWithOutsideAsyncFunction,
                        s.span,
                    ));
                }
                self.with_items(items, body, s.span)
            }
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases),
            StmtKind::Raise { exc, cause } => {
                self.opt_expr(exc.as_deref())?;
                self.opt_expr(cause.as_deref())
            }
            StmtKind::Try(t) => self.try_stmt(t, s.span),
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                self.opt_expr(msg.as_deref())
            }
            StmtKind::Import(names) => names.iter().try_for_each(|alias| {
                // `import a.b` binds `a`.
                let bound = match &alias.asname {
                    Some(asname) => asname.name.as_str(),
                    None => alias.name.split('.').next().unwrap_or(&alias.name),
                };
                forbid_store(bound, s.span)
            }),
            StmtKind::ImportFrom { names, .. } => {
                if is_future_import(s) && !self.future.is_leading(s) {
                    return Err(error(SyntaxErrorKind::FutureImportNotFirst, s.span));
                }
                names
                    .iter()
                    .filter(|alias| alias.name != "*")
                    .try_for_each(|alias| {
                        forbid_store(
                            alias.asname.as_ref().map_or(&alias.name, |a| &a.name),
                            s.span,
                        )
                    })
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) | StmtKind::Pass => Ok(()),
            // A constant statement (a docstring, `...`) compiles to nothing.
            StmtKind::Expr(Expr {
                kind: ExprKind::Constant(_),
                ..
            }) => Ok(()),
            StmtKind::Expr(value) => self.expr(value),
            StmtKind::Break => self.leave_block(s.span, SyntaxErrorKind::BreakOutsideLoop),
            StmtKind::Continue => self.leave_block(s.span, SyntaxErrorKind::ContinueNotInLoop),
        }
    }

    /// `break` or `continue`: the innermost enclosing block must be a loop.
    fn leave_block(&self, span: Span, outside_loop: SyntaxErrorKind) -> Check {
        match self.unit.blocks.last() {
            Some(Block::Loop) => Ok(()),
            Some(Block::ExceptStar) => Err(error(SyntaxErrorKind::ControlFlowInExceptStar, span)),
            None => Err(error(outside_loop, span)),
        }
    }

    fn return_stmt(&mut self, value: Option<&Expr>, span: Span) -> Check {
        if !self.unit.kind.is_function_like() {
            return Err(error(SyntaxErrorKind::ReturnOutsideFunction, span));
        }
        if value.is_some() && self.unit.is_coroutine && self.unit.is_generator {
            return Err(error(
                SyntaxErrorKind::ReturnWithValueInAsyncGenerator,
                span,
            ));
        }
        if let Some(value) = value {
            self.expr(value)?;
        }
        if self.unit.blocks.contains(&Block::ExceptStar) {
            // CPython points at a constant return value (on the statement's
            // line, which is nearly always the case), else at the statement.
            let at = value.filter(|v| is_constant(v)).map_or(span, |v| v.span);
            return Err(error(SyntaxErrorKind::ControlFlowInExceptStar, at));
        }
        Ok(())
    }

    fn function_def(&mut self, f: &FunctionDef, span: Span) -> Check {
        forbid_debug_parameters(&f.args, span)?;
        self.exprs(&f.decorator_list)?;
        self.defaults(&f.args)?;
        if !self.future.annotations {
            self.parameter_annotations(&f.args, f.returns.as_ref())?;
        }
        let kind = if f.is_async {
            UnitKind::AsyncFunction
        } else {
            UnitKind::Function
        };
        self.in_unit(kind, f.id, |c| c.stmts(&f.body))?;
        forbid_store(&f.name.name, span)
    }

    fn class_def(&mut self, c: &ClassDef, span: Span) -> Check {
        self.exprs(&c.decorator_list)?;
        self.in_unit(UnitKind::Class, c.id, |ch| ch.stmts(&c.body))?;
        validate_keywords(&c.keywords, span)?;
        self.call_arguments(&c.bases, &c.keywords)?;
        forbid_store(&c.name.name, span)
    }

    fn defaults(&mut self, args: &Arguments) -> Check {
        self.exprs(&args.defaults)?;
        args.kw_defaults
            .iter()
            .flatten()
            .try_for_each(|d| self.expr(d))
    }

    /// Annotations are evaluated when the `def` runs, in this order.
    fn parameter_annotations(&mut self, args: &Arguments, returns: Option<&Expr>) -> Check {
        let ordered = args
            .args
            .iter()
            .chain(&args.posonlyargs)
            .chain(&args.vararg)
            .chain(&args.kwonlyargs)
            .chain(&args.kwarg);
        for annotation in ordered.filter_map(|a| a.annotation.as_deref()) {
            match &annotation.kind {
                // `*args: *Ts`
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(annotation)?,
            }
        }
        self.opt_expr(returns)
    }

    fn aug_assign(&mut self, target: &Expr, value: &Expr) -> Check {
        match &target.kind {
            ExprKind::Attribute { value: object, .. } => self.expr(object)?,
            ExprKind::Subscript {
                value: object,
                slice,
                ..
            } => {
                self.expr(object)?;
                self.expr(slice)?;
            }
            _ => {}
        }
        self.expr(value)?;
        match &target.kind {
            ExprKind::Name { id, .. } => forbid_store(id, target.span),
            _ => Ok(()),
        }
    }

    /// CPython's `compiler_annassign`. Annotations are evaluated only in
    /// modules and class bodies (and never under `from __future__ import
    /// annotations`); a target without a value is still evaluated.
    fn ann_assign(
        &mut self,
        target: &Expr,
        annotation: &Expr,
        value: Option<&Expr>,
        simple: bool,
        span: Span,
    ) -> Check {
        if let Some(value) = value {
            self.expr(value)?;
            self.expr(target)?;
        }
        let evaluates_annotations = !self.future.annotations
            && matches!(self.unit.kind, UnitKind::Module | UnitKind::Class);
        match &target.kind {
            ExprKind::Name { id, .. } => {
                forbid_store(id, span)?;
                if simple && evaluates_annotations {
                    self.expr(annotation)?;
                }
            }
            ExprKind::Attribute {
                value: object,
                attr,
                ..
            } => {
                forbid_store(attr, span)?;
                if value.is_none() {
                    self.expr(object)?;
                }
            }
            ExprKind::Subscript {
                value: object,
                slice,
                ..
            } if value.is_none() => {
                self.expr(object)?;
                self.annotated_slice(slice)?;
            }
            _ => {}
        }
        if !simple && evaluates_annotations {
            self.expr(annotation)?;
        }
        Ok(())
    }

    /// CPython's `check_ann_subscr`: a slice's bounds, a tuple's items.
    fn annotated_slice(&mut self, slice: &Expr) -> Check {
        match &slice.kind {
            ExprKind::Slice { lower, upper, step } => {
                self.opt_expr(lower.as_deref())?;
                self.opt_expr(upper.as_deref())?;
                self.opt_expr(step.as_deref())
            }
            ExprKind::Tuple { elts, .. } => elts.iter().try_for_each(|e| self.annotated_slice(e)),
            _ => self.expr(slice),
        }
    }

    /// `with a, b: body`: each item opens a frame block.
    fn with_items(&mut self, items: &[WithItem], body: &[Stmt], span: Span) -> Check {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        self.expr(&item.context_expr)?;
        self.in_frame_block(span, |c| {
            c.opt_expr(item.optional_vars.as_ref())?;
            c.with_items(rest, body, span)
        })
    }

    /// `try` with a `finally`: the body (and handlers) in a frame block,
    /// then the `finally` body as the compiler compiles it twice: on the
    /// normal path, and as the handler, one frame block deeper.
    fn try_finally(&mut self, t: &Try, span: Span) -> Check {
        self.in_frame_block(span, |c| c.try_handlers(t, span))?;
        self.stmts(&t.finalbody)?;
        // Only the frame-block limit can fail the second time, and only
        // near it.
        if self.unit.frame_blocks + 1 + frame_depth(&t.finalbody) > MAX_FRAME_BLOCKS {
            self.in_frame_block(span, |c| c.stmts(&t.finalbody))?;
        }
        Ok(())
    }

    fn try_stmt(&mut self, t: &Try, span: Span) -> Check {
        if t.finalbody.is_empty() {
            self.try_handlers(t, span)
        } else {
            self.try_finally(t, span)
        }
    }

    /// The body and handlers of a `try`: `try`/`except` compiles body,
    /// `else`, handlers; `try`/`except*` body, handlers, `else`.
    fn try_handlers(&mut self, t: &Try, span: Span) -> Check {
        if t.handlers.is_empty() {
            return self.stmts(&t.body);
        }
        self.in_frame_block(span, |c| c.stmts(&t.body))?;
        if t.is_star {
            // The handlers run in an EXCEPTION_GROUP_HANDLER frame block.
            self.in_frame_block(span, |c| {
                c.in_block(Block::ExceptStar, |c| {
                    t.handlers.iter().try_for_each(|h| c.handler(h))
                })
            })?;
            return self.stmts(&t.orelse);
        }
        self.stmts(&t.orelse)?;
        // The handlers run in an EXCEPTION_HANDLER frame block.
        self.in_frame_block(span, |c| {
            for (i, handler) in t.handlers.iter().enumerate() {
                if handler.type_.is_none() && i + 1 < t.handlers.len() {
                    return Err(error(
                        SyntaxErrorKind::DefaultExceptMustBeLast,
                        handler.span,
                    ));
                }
                c.handler(handler)?;
            }
            Ok(())
        })
    }

    fn handler(&mut self, handler: &ExceptHandler) -> Check {
        self.opt_expr(handler.type_.as_ref())?;
        // CPython notes a bad name but carries on compiling the body, so an
        // error in the body is the one reported.
        let name_error = handler
            .name
            .as_ref()
            .and_then(|name| forbid_store(&name.name, handler.span).err());
        self.in_frame_block(handler.span, |c| c.stmts(&handler.body))?;
        name_error.map_or(Ok(()), Err)
    }

    fn match_stmt(&mut self, subject: &Expr, cases: &[MatchCase]) -> Check {
        self.expr(subject)?;
        // A final `case _:` after other cases is compiled without its pattern.
        let has_default = cases.len() > 1 && cases.last().is_some_and(|c| is_wildcard(&c.pattern));
        for (i, case) in cases.iter().enumerate() {
            let is_default = has_default && i + 1 == cases.len();
            if !is_default {
                let allow_irrefutable = case.guard.is_some() || i + 1 == cases.len();
                check_case_pattern(&case.pattern, allow_irrefutable)?;
            }
            self.opt_expr(case.guard.as_ref())?;
            self.stmts(&case.body)?;
        }
        Ok(())
    }

    // ---- expressions ----

    fn exprs(&mut self, exprs: &[Expr]) -> Check {
        exprs.iter().try_for_each(|e| self.expr(e))
    }

    fn opt_expr(&mut self, expr: Option<&Expr>) -> Check {
        expr.map_or(Ok(()), |e| self.expr(e))
    }

    /// Items of a list, tuple or set display, or positional arguments:
    /// `*x` is allowed there.
    fn elements(&mut self, elts: &[Expr]) -> Check {
        elts.iter().try_for_each(|e| match &e.kind {
            ExprKind::Starred { value, .. } => self.expr(value),
            _ => self.expr(e),
        })
    }

    fn expr(&mut self, e: &Expr) -> Check {
        match &e.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.expr(target)
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda(l) => {
                forbid_debug_parameters(&l.args, e.span)?;
                self.defaults(&l.args)?;
                self.in_unit(UnitKind::Lambda, l.id, |c| c.expr(&l.body))
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Dict { keys, values } => {
                for (key, value) in keys.iter().zip(values) {
                    self.opt_expr(key.as_ref())?;
                    self.expr(value)?;
                }
                Ok(())
            }
            ExprKind::Set(elts) => self.elements(elts),
            ExprKind::ListComp(c) => self.comprehension(c, ComprehensionKind::List, e.span),
            ExprKind::SetComp(c) => self.comprehension(c, ComprehensionKind::Set, e.span),
            ExprKind::DictComp(c) => self.comprehension(c, ComprehensionKind::Dict, e.span),
            ExprKind::GeneratorExp(c) => {
                self.comprehension(c, ComprehensionKind::Generator, e.span)
            }
            ExprKind::Await(value) => {
                if !self.unit.kind.is_function_like() {
                    return Err(error(SyntaxErrorKind::AwaitOutsideFunction, e.span));
                }
                if !matches!(
                    self.unit.kind,
                    UnitKind::AsyncFunction | UnitKind::Comprehension
                ) {
                    return Err(error(SyntaxErrorKind::AwaitOutsideAsyncFunction, e.span));
                }
                self.expr(value)
            }
            ExprKind::Yield(value) => {
                if !self.unit.kind.is_function_like() {
                    return Err(error(SyntaxErrorKind::YieldOutsideFunction, e.span));
                }
                self.opt_expr(value.as_deref())
            }
            ExprKind::YieldFrom(value) => {
                if !self.unit.kind.is_function_like() {
                    return Err(error(SyntaxErrorKind::YieldOutsideFunction, e.span));
                }
                if self.unit.kind == UnitKind::AsyncFunction {
                    return Err(error(SyntaxErrorKind::YieldFromInsideAsyncFunction, e.span));
                }
                self.expr(value)
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                validate_keywords(keywords, e.span)?;
                self.expr(func)?;
                self.call_arguments(args, keywords)
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                self.opt_expr(format_spec.as_deref())
            }
            ExprKind::JoinedStr(values) => self.exprs(values),
            ExprKind::Constant(_) => Ok(()),
            ExprKind::Attribute {
                value, attr, ctx, ..
            } => {
                self.expr(value)?;
                // (CPython points at the attribute name alone when the
                // target spans lines; without the source we cannot tell.)
                match ctx {
                    ExprContext::Store => forbid_store(attr, e.span),
                    _ => Ok(()),
                }
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)
            }
            ExprKind::Starred {
                ctx: ExprContext::Store,
                ..
            } => Err(error(
                SyntaxErrorKind::StarredAssignmentTargetMustBeInListOrTuple,
                e.span,
            )),
            ExprKind::Starred { .. } => Err(error(SyntaxErrorKind::StarredNotAllowedHere, e.span)),
            ExprKind::Name {
                id,
                ctx: ExprContext::Store,
            } => forbid_store(id, e.span),
            ExprKind::Name {
                id,
                ctx: ExprContext::Del,
            } => forbid_delete(id, e.span),
            ExprKind::Name { .. } => Ok(()),
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => match ctx {
                ExprContext::Store => self.unpack_targets(elts, e.span),
                ExprContext::Load => self.elements(elts),
                ExprContext::Del => self.exprs(elts),
            },
            ExprKind::Slice { lower, upper, step } => {
                self.opt_expr(lower.as_deref())?;
                self.opt_expr(upper.as_deref())?;
                self.opt_expr(step.as_deref())
            }
        }
    }

    /// Positional then keyword arguments of a call or class header.
    fn call_arguments(&mut self, args: &[Expr], keywords: &[Keyword]) -> Check {
        self.elements(args)?;
        keywords.iter().try_for_each(|k| self.expr(&k.value))
    }

    /// An assignment to a tuple or list: at most one starred target.
    fn unpack_targets(&mut self, elts: &[Expr], span: Span) -> Check {
        let mut starred = elts
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e.kind, ExprKind::Starred { .. }));
        if let Some((i, _)) = starred.next() {
            if i >= 1 << 8 {
                let what = "assignment";
                return Err(error(
                    SyntaxErrorKind::TooManyExpressionsInStarUnpacking { what },
                    span,
                ));
            }
            if starred.next().is_some() {
                return Err(error(SyntaxErrorKind::MultipleStarredInAssignment, span));
            }
        }
        self.elements(elts)
    }

    /// CPython's `compiler_comprehension`. The comprehension must not be
    /// asynchronous unless it sits in an async function or another
    /// comprehension, or is a generator expression.
    fn comprehension(&mut self, c: &Comprehension, kind: ComprehensionKind, span: Span) -> Check {
        let Some((first, rest)) = c.generators.split_first() else {
            return Ok(());
        };
        let outer = self.unit.kind;
        self.in_unit(UnitKind::Comprehension, c.id, |ch| {
            let allowed = kind == ComprehensionKind::Generator
                || matches!(outer, UnitKind::AsyncFunction | UnitKind::Comprehension);
            if ch.unit.is_coroutine && !allowed {
                return Err(error(
                    SyntaxErrorKind::AsyncComprehensionOutsideAsyncFunction,
                    span,
                ));
            }
            // Each asynchronous `for` opens a frame block of the
            // comprehension's code.
            let async_block = |ch: &mut Self, generator: &ComprehensionFor| {
                if generator.is_async {
                    if ch.unit.frame_blocks >= MAX_FRAME_BLOCKS {
                        return Err(error(SyntaxErrorKind::TooManyStaticallyNestedBlocks, span));
                    }
                    ch.unit.frame_blocks += 1;
                }
                Ok(())
            };
            async_block(ch, first)?;
            ch.expr(&first.target)?;
            ch.exprs(&first.ifs)?;
            for generator in rest {
                ch.expr(&generator.iter)?;
                async_block(ch, generator)?;
                ch.expr(&generator.target)?;
                ch.exprs(&generator.ifs)?;
            }
            ch.expr(&c.elt)?;
            ch.opt_expr(c.value.as_ref())
        })?;
        self.expr(&first.iter)
    }
}

/// An upper bound of the frame blocks nested in `body` (outside nested
/// functions and classes).
fn frame_depth(body: &[Stmt]) -> usize {
    body.iter()
        .map(|s| match &s.kind {
            StmtKind::For(f) => 1 + frame_depth(&f.body).max(frame_depth(&f.orelse)),
            StmtKind::While { body, orelse, .. } => 1 + frame_depth(body).max(frame_depth(orelse)),
            StmtKind::If { body, orelse, .. } => frame_depth(body).max(frame_depth(orelse)),
            StmtKind::With { items, body, .. } => items.len() + frame_depth(body),
            StmtKind::Match { cases, .. } => cases
                .iter()
                .map(|c| frame_depth(&c.body))
                .max()
                .unwrap_or(0),
            StmtKind::Try(t) => {
                let handlers = t
                    .handlers
                    .iter()
                    .map(|h| frame_depth(&h.body))
                    .max()
                    .unwrap_or(0);
                let parts = [
                    frame_depth(&t.body),
                    handlers + 1,
                    frame_depth(&t.orelse),
                    frame_depth(&t.finalbody),
                ];
                2 + parts.into_iter().max().unwrap_or(0)
            }
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

/// `f(a=1, a=2)` (and `__debug__=` as a keyword).
fn validate_keywords(keywords: &[Keyword], span: Span) -> Check {
    for (i, keyword) in keywords.iter().enumerate() {
        let Some(arg) = &keyword.arg else { continue };
        forbid_store(&arg.name, span)?;
        let repeated = keywords[i + 1..]
            .iter()
            .find(|other| other.arg.as_ref().is_some_and(|a| a.name == arg.name));
        if let Some(other) = repeated {
            let name = arg.name.to_string();
            return Err(error(
                SyntaxErrorKind::KeywordArgumentRepeated { name },
                other.span,
            ));
        }
    }
    Ok(())
}

fn forbid_store(name: &str, span: Span) -> Check {
    if name == "__debug__" {
        let kind = SyntaxErrorKind::CannotAssign {
            what: "__debug__",
            maybe_comparison: false,
        };
        return Err(error(kind, span));
    }
    Ok(())
}

fn forbid_delete(name: &str, span: Span) -> Check {
    if name == "__debug__" {
        return Err(error(
            SyntaxErrorKind::CannotDelete { what: "__debug__" },
            span,
        ));
    }
    Ok(())
}

fn forbid_debug_parameters(args: &Arguments, span: Span) -> Check {
    let all = args
        .posonlyargs
        .iter()
        .chain(&args.args)
        .chain(&args.vararg);
    all.chain(&args.kwonlyargs)
        .chain(&args.kwarg)
        .try_for_each(|a| forbid_store(&a.name.name, span))
}

/// Whether CPython's constant folding turns `e` into a constant.
fn is_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(_) => true,
        ExprKind::UnaryOp { operand, .. } => is_constant(operand),
        ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load,
        } => elts.iter().all(is_constant),
        _ => false,
    }
}
