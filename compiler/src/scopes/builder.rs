//! Builds the [`SymbolTable`] from the AST: CPython's first symtable pass
//! (`symtable_visit_*` in `Python/symtable.c`).
//!
//! The walk visits nodes in the order CPython does (it decides which error is
//! reported first) and raises the errors CPython raises while building:
//! duplicate parameters, `global`/`nonlocal` after a use or binding, `import *`
//! outside the module, `yield` in a comprehension, misplaced assignment
//! expressions and, under `from __future__ import annotations`, `yield`,
//! `await` and `:=` in annotations. Resolving `nonlocal` happens afterwards,
//! in `analyze.rs`.

use super::future::FutureImports;
use super::symbols::{mangle, ComprehensionKind, ScopeId, ScopeKind, SymbolFlags, SymbolTable};
use crate::syntax::ast::*;
use crate::syntax::span::Span;
use crate::syntax::{SyntaxError, SyntaxErrorKind};

type Visit = Result<(), SyntaxError>;

pub(super) fn build(module: &Module, future: &FutureImports) -> Result<SymbolTable, SyntaxError> {
    let mut builder = Builder {
        table: SymbolTable::new(module.span),
        stack: vec![Frame::new(SymbolTable::MODULE, 0)],
        private: None,
        future_annotations: future.annotations,
    };
    builder.stmts(&module.body)?;
    builder.table.future_annotations = future.annotations;
    Ok(builder.table)
}

struct Builder {
    table: SymbolTable,
    /// The open scopes, innermost last.
    stack: Vec<Frame>,
    /// The class whose name mangles private names, while inside its body.
    private: Option<String>,
    future_annotations: bool,
}

/// Walk state of one open scope.
struct Frame {
    scope: ScopeId,
    /// Visiting a comprehension's `for` target.
    in_iteration_target: bool,
    /// Depth of comprehension iterables being visited (inherited by nested
    /// scopes: no `:=` anywhere inside an iterable).
    in_iterable: u32,
}

impl Frame {
    fn new(scope: ScopeId, in_iterable: u32) -> Self {
        Frame {
            scope,
            in_iteration_target: false,
            in_iterable,
        }
    }
}

fn error(kind: SyntaxErrorKind, span: Span) -> SyntaxError {
    SyntaxError::new(kind, span)
}

impl Builder {
    // ---- scopes and symbols ----

    fn frame(&self) -> &Frame {
        // The module's frame is never popped.
        &self.stack[self.stack.len() - 1]
    }

    fn frame_mut(&mut self) -> &mut Frame {
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }

    fn current(&self) -> ScopeId {
        self.frame().scope
    }

    fn current_kind(&self) -> ScopeKind {
        self.table.scope(self.current()).kind
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, node: Option<NodeId>, span: Span) {
        let scope = self
            .table
            .push(kind, name.to_owned(), node, span, self.current());
        let in_iterable = self.frame().in_iterable;
        self.stack.push(Frame::new(scope, in_iterable));
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    /// Runs `f` inside a new scope.
    fn within(
        &mut self,
        kind: ScopeKind,
        name: &str,
        node: Option<NodeId>,
        span: Span,
        f: impl FnOnce(&mut Self) -> Visit,
    ) -> Visit {
        self.enter(kind, name, node, span);
        let result = f(self);
        self.exit();
        result
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.private.as_deref(), name).into_owned()
    }

    /// Records `flags` for `name` in the current scope.
    fn add(&mut self, name: &str, flags: SymbolFlags, span: Span) -> Visit {
        self.add_in(self.stack.len() - 1, name, flags, span)
    }

    /// Records `flags` for `name` in the scope of frame `frame`
    /// (`symtable_add_def_helper`).
    fn add_in(&mut self, frame: usize, name: &str, flags: SymbolFlags, span: Span) -> Visit {
        let mangled = self.mangled(name);
        let Frame {
            scope,
            in_iteration_target,
            ..
        } = self.stack[frame];
        let old = self.table.scope(scope).flags(&mangled);
        if flags.contains(SymbolFlags::PARAMETER) && old.contains(SymbolFlags::PARAMETER) {
            let name = name.to_owned();
            return Err(error(SyntaxErrorKind::DuplicateArgument { name }, span));
        }
        let mut flags = flags;
        if in_iteration_target {
            let declared = SymbolFlags::DECLARED_GLOBAL | SymbolFlags::DECLARED_NONLOCAL;
            if (old | flags).intersects(declared) {
                let name = name.to_owned();
                let kind = SyntaxErrorKind::ComprehensionRebindsNamedExprTarget { name };
                return Err(error(kind, span));
            }
            flags = flags | SymbolFlags::COMPREHENSION_TARGET;
        }
        self.table.scope_mut(scope).add(&mangled, flags);
        if flags.contains(SymbolFlags::DECLARED_GLOBAL) {
            // CPython also marks the name in the module's own table.
            self.table
                .scope_mut(SymbolTable::MODULE)
                .add(&mangled, SymbolFlags::DECLARED_GLOBAL);
        }
        Ok(())
    }

    fn directive(&mut self, name: &str, span: Span) {
        let mangled = self.mangled(name);
        let scope = self.current();
        self.table.scope_mut(scope).add_directive(&mangled, span);
    }

    fn comprehension_kind(&self) -> Option<ComprehensionKind> {
        match self.current_kind() {
            ScopeKind::Comprehension(kind) => Some(kind),
            _ => None,
        }
    }

    /// `yield`, `await` and `:=` have no place in an annotation that is
    /// never evaluated.
    fn forbid_in_annotation(&self, what: &'static str, span: Span) -> Visit {
        if self.current_kind() == ScopeKind::Annotation {
            return Err(error(
                SyntaxErrorKind::NotAllowedInAnnotation { what },
                span,
            ));
        }
        Ok(())
    }

    // ---- statements ----

    fn stmts(&mut self, body: &[Stmt]) -> Visit {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&mut self, exprs: &[Expr]) -> Visit {
        exprs.iter().try_for_each(|e| self.expr(e))
    }

    fn opt_expr(&mut self, expr: Option<&Expr>) -> Visit {
        expr.map_or(Ok(()), |e| self.expr(e))
    }

    fn stmt(&mut self, s: &Stmt) -> Visit {
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def(f, s.span),
            StmtKind::ClassDef(c) => self.class_def(c, s.span),
            StmtKind::Return(value) => self.opt_expr(value.as_ref()),
            StmtKind::Delete(targets) => self.exprs(targets),
            StmtKind::Assign { targets, value } => {
                self.exprs(targets)?;
                self.expr(value)
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.ann_assign(target, annotation, value.as_deref(), *simple, s.span),
            StmtKind::For(f) => {
                self.expr(&f.target)?;
                self.expr(&f.iter)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.expr(&item.context_expr)?;
                    self.opt_expr(item.optional_vars.as_ref())?;
                }
                self.stmts(body)
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for case in cases {
                    self.pattern(&case.pattern)?;
                    self.opt_expr(case.guard.as_ref())?;
                    self.stmts(&case.body)?;
                }
                Ok(())
            }
            StmtKind::Raise { exc, cause } => {
                self.opt_expr(exc.as_deref())?;
                self.opt_expr(cause.as_deref())
            }
            StmtKind::Try(t) => {
                self.stmts(&t.body)?;
                self.stmts(&t.orelse)?;
                for handler in &t.handlers {
                    self.opt_expr(handler.type_.as_ref())?;
                    if let Some(name) = &handler.name {
                        self.add(&name.name, SymbolFlags::ASSIGNED, handler.span)?;
                    }
                    self.stmts(&handler.body)?;
                }
                self.stmts(&t.finalbody)
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                self.opt_expr(msg.as_deref())
            }
            StmtKind::Import(names) | StmtKind::ImportFrom { names, .. } => {
                names.iter().try_for_each(|alias| self.import_alias(alias))
            }
            StmtKind::Global(names) => self.declaration(names, s.span, Declaration::Global),
            StmtKind::Nonlocal(names) => self.declaration(names, s.span, Declaration::Nonlocal),
            StmtKind::Expr(value) => self.expr(value),
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
        }
    }

    fn function_def(&mut self, f: &FunctionDef, span: Span) -> Visit {
        self.add(&f.name.name, SymbolFlags::ASSIGNED, span)?;
        self.exprs(&f.args.defaults)?;
        self.kw_defaults(&f.args)?;
        self.parameter_annotations(&f.args, span)?;
        if let Some(returns) = &f.returns {
            self.annotation(returns)?;
        }
        self.exprs(&f.decorator_list)?;
        let kind = ScopeKind::Function {
            is_async: f.is_async,
        };
        self.within(kind, &f.name.name, Some(f.id), span, |b| {
            b.parameters(&f.args)?;
            b.stmts(&f.body)
        })
    }

    fn class_def(&mut self, c: &ClassDef, span: Span) -> Visit {
        self.add(&c.name.name, SymbolFlags::ASSIGNED, span)?;
        self.exprs(&c.bases)?;
        for keyword in &c.keywords {
            self.expr(&keyword.value)?;
        }
        self.exprs(&c.decorator_list)?;
        let outer_private = self.private.replace(c.name.name.to_string());
        let result = self.within(ScopeKind::Class, &c.name.name, Some(c.id), span, |b| {
            b.stmts(&c.body)
        });
        self.private = outer_private;
        result
    }

    fn ann_assign(
        &mut self,
        target: &Expr,
        annotation: &Expr,
        value: Option<&Expr>,
        simple: bool,
        span: Span,
    ) -> Visit {
        if let ExprKind::Name { id, .. } = &target.kind {
            let flags = self.table.scope(self.current()).flags(&self.mangled(id));
            let declared = SymbolFlags::DECLARED_GLOBAL | SymbolFlags::DECLARED_NONLOCAL;
            if simple && flags.intersects(declared) && self.current() != SymbolTable::MODULE {
                let name = id.to_string();
                let kind = if flags.contains(SymbolFlags::DECLARED_GLOBAL) {
                    SyntaxErrorKind::AnnotatedNameCantBeGlobal { name }
                } else {
                    SyntaxErrorKind::AnnotatedNameCantBeNonlocal { name }
                };
                return Err(error(kind, span));
            }
            if simple {
                self.add(
                    id,
                    SymbolFlags::ANNOTATED | SymbolFlags::ASSIGNED,
                    target.span,
                )?;
            } else if value.is_some() {
                self.add(id, SymbolFlags::ASSIGNED, target.span)?;
            }
        } else {
            self.expr(target)?;
        }
        self.annotation(annotation)?;
        self.opt_expr(value)
    }

    fn import_alias(&mut self, alias: &Alias) -> Visit {
        if alias.name == "*" {
            if self.current_kind() != ScopeKind::Module {
                return Err(error(
                    SyntaxErrorKind::ImportStarOnlyAtModuleLevel,
                    alias.span,
                ));
            }
            return Ok(());
        }
        // `import a.b` binds `a`.
        let bound = match &alias.asname {
            Some(asname) => asname.name.as_str(),
            None => alias.name.split('.').next().unwrap_or(&alias.name),
        };
        self.add(bound, SymbolFlags::IMPORTED, alias.span)
    }

    /// A `global` or `nonlocal` statement.
    fn declaration(&mut self, names: &[Ident], span: Span, decl: Declaration) -> Visit {
        for name in names {
            let flags = self
                .table
                .scope(self.current())
                .flags(&self.mangled(&name.name));
            let conflict = if flags.contains(SymbolFlags::PARAMETER) {
                Some(Conflict::Parameter)
            } else if flags.contains(SymbolFlags::USED) {
                Some(Conflict::Used)
            } else if flags.contains(SymbolFlags::ANNOTATED) {
                Some(Conflict::Annotated)
            } else if flags.contains(SymbolFlags::ASSIGNED) {
                Some(Conflict::Assigned)
            } else {
                None
            };
            if let Some(conflict) = conflict {
                return Err(error(decl.conflict(conflict, name.name.to_string()), span));
            }
            self.add(&name.name, decl.flag(), span)?;
            self.directive(&name.name, span);
        }
        Ok(())
    }

    // ---- functions ----

    fn kw_defaults(&mut self, args: &Arguments) -> Visit {
        args.kw_defaults
            .iter()
            .flatten()
            .try_for_each(|d| self.expr(d))
    }

    /// Parameter annotations, in CPython's order (`*args` and `**kwargs`
    /// before keyword-only parameters).
    fn parameter_annotations(&mut self, args: &Arguments, def_span: Span) -> Visit {
        let visit = |b: &mut Self| {
            let ordered = args
                .posonlyargs
                .iter()
                .chain(&args.args)
                .chain(&args.vararg)
                .chain(&args.kwarg)
                .chain(&args.kwonlyargs);
            for arg in ordered {
                if let Some(annotation) = &arg.annotation {
                    b.expr(annotation)?;
                }
            }
            Ok(())
        };
        if self.future_annotations {
            self.within(ScopeKind::Annotation, "<annotation>", None, def_span, visit)
        } else {
            visit(self)
        }
    }

    fn annotation(&mut self, annotation: &Expr) -> Visit {
        if self.future_annotations {
            self.within(
                ScopeKind::Annotation,
                "<annotation>",
                None,
                annotation.span,
                |b| b.expr(annotation),
            )
        } else {
            self.expr(annotation)
        }
    }

    fn parameters(&mut self, args: &Arguments) -> Visit {
        let ordered = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
            .chain(&args.vararg)
            .chain(&args.kwarg);
        for arg in ordered {
            self.add(&arg.name.name, SymbolFlags::PARAMETER, arg.span)?;
            let mangled = self.mangled(&arg.name.name);
            let scope = self.current();
            self.table.scope_mut(scope).parameters.push(mangled);
        }
        let scope = self.table.scope_mut(self.current());
        scope.has_varargs = args.vararg.is_some();
        scope.has_varkeywords = args.kwarg.is_some();
        Ok(())
    }

    // ---- expressions ----

    fn expr(&mut self, e: &Expr) -> Visit {
        match &e.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::NamedExpr { target, value } => self.named_expr(target, value, e.span),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda(l) => {
                self.exprs(&l.args.defaults)?;
                self.kw_defaults(&l.args)?;
                self.within(ScopeKind::Lambda, "<lambda>", Some(l.id), e.span, |b| {
                    b.parameters(&l.args)?;
                    b.expr(&l.body)
                })
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Dict { keys, values } => {
                keys.iter().flatten().try_for_each(|k| self.expr(k))?;
                self.exprs(values)
            }
            ExprKind::Set(elts) => self.exprs(elts),
            ExprKind::ListComp(c) => self.comprehension(c, ComprehensionKind::List, e.span),
            ExprKind::SetComp(c) => self.comprehension(c, ComprehensionKind::Set, e.span),
            ExprKind::DictComp(c) => self.comprehension(c, ComprehensionKind::Dict, e.span),
            ExprKind::GeneratorExp(c) => {
                self.comprehension(c, ComprehensionKind::Generator, e.span)
            }
            ExprKind::Await(value) => {
                self.forbid_in_annotation("await expression", e.span)?;
                self.expr(value)?;
                self.table.scope_mut(self.current()).is_coroutine = true;
                Ok(())
            }
            ExprKind::Yield(value) => self.yield_expr(value.as_deref(), e.span),
            ExprKind::YieldFrom(value) => self.yield_expr(Some(value), e.span),
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
                self.expr(func)?;
                self.exprs(args)?;
                keywords.iter().try_for_each(|k| self.expr(&k.value))
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                self.opt_expr(format_spec.as_deref())
            }
            ExprKind::JoinedStr(values) => self.exprs(values),
            ExprKind::Constant(_) => Ok(()),
            ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)
            }
            ExprKind::Name { id, ctx } => self.name(id, *ctx, e.span),
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.exprs(elts),
            ExprKind::Slice { lower, upper, step } => {
                self.opt_expr(lower.as_deref())?;
                self.opt_expr(upper.as_deref())?;
                self.opt_expr(step.as_deref())
            }
        }
    }

    fn name(&mut self, id: &str, ctx: ExprContext, span: Span) -> Visit {
        let flags = if ctx == ExprContext::Load {
            SymbolFlags::USED
        } else {
            SymbolFlags::ASSIGNED
        };
        self.add(id, flags, span)?;
        // `super()` reads the implicit `__class__` cell.
        if ctx == ExprContext::Load && id == "super" && self.current_kind().is_function_like() {
            self.add("__class__", SymbolFlags::USED, span)?;
        }
        Ok(())
    }

    fn yield_expr(&mut self, value: Option<&Expr>, span: Span) -> Visit {
        self.forbid_in_annotation("yield expression", span)?;
        self.opt_expr(value)?;
        self.table.scope_mut(self.current()).is_generator = true;
        if let Some(kind) = self.comprehension_kind() {
            let what = kind.description();
            return Err(error(
                SyntaxErrorKind::YieldInsideComprehension { what },
                span,
            ));
        }
        Ok(())
    }

    fn named_expr(&mut self, target: &Expr, value: &Expr, span: Span) -> Visit {
        self.forbid_in_annotation("named expression", span)?;
        if self.frame().in_iterable > 0 {
            return Err(error(
                SyntaxErrorKind::NamedExprInComprehensionIterable,
                span,
            ));
        }
        if self.comprehension_kind().is_some() {
            if let ExprKind::Name { id, .. } = &target.kind {
                self.bind_in_enclosing_scope(id, target.span)?;
            }
        }
        self.expr(value)?;
        self.expr(target)
    }

    /// An assignment expression in a comprehension binds its target in the
    /// nearest enclosing function or module (`symtable_extend_namedexpr_scope`).
    fn bind_in_enclosing_scope(&mut self, name: &str, span: Span) -> Visit {
        let mangled = self.mangled(name);
        for frame in (0..self.stack.len()).rev() {
            let scope = self.table.scope(self.stack[frame].scope);
            match scope.kind {
                ScopeKind::Comprehension(_) => {
                    if scope
                        .flags(&mangled)
                        .contains(SymbolFlags::COMPREHENSION_TARGET)
                    {
                        let name = name.to_owned();
                        let kind = SyntaxErrorKind::NamedExprRebindsIterationVariable { name };
                        return Err(error(kind, span));
                    }
                }
                ScopeKind::Function { .. } | ScopeKind::Lambda => {
                    let declared = if scope.flags(&mangled).contains(SymbolFlags::DECLARED_GLOBAL) {
                        SymbolFlags::DECLARED_GLOBAL
                    } else {
                        SymbolFlags::DECLARED_NONLOCAL
                    };
                    self.add(name, declared, span)?;
                    self.directive(name, span);
                    return self.add_in(frame, name, SymbolFlags::ASSIGNED, span);
                }
                ScopeKind::Module => {
                    self.add(name, SymbolFlags::DECLARED_GLOBAL, span)?;
                    self.directive(name, span);
                    return self.add_in(frame, name, SymbolFlags::DECLARED_GLOBAL, span);
                }
                ScopeKind::Class => {
                    return Err(error(SyntaxErrorKind::NamedExprInClassComprehension, span));
                }
                ScopeKind::Annotation => {}
            }
        }
        Ok(())
    }

    /// CPython's `symtable_handle_comprehension`: the first iterable is
    /// evaluated outside, everything else inside the comprehension's scope.
    fn comprehension(&mut self, c: &Comprehension, kind: ComprehensionKind, span: Span) -> Visit {
        let Some((first, rest)) = c.generators.split_first() else {
            return Ok(());
        };
        self.frame_mut().in_iterable += 1;
        let outer = self.expr(&first.iter);
        self.frame_mut().in_iterable -= 1;
        outer?;
        self.enter(
            ScopeKind::Comprehension(kind),
            kind.code_name(),
            Some(c.id),
            span,
        );
        let result = self.comprehension_body(c, first, rest);
        let scope = self.table.scope_mut(self.current());
        scope.is_generator = kind == ComprehensionKind::Generator;
        let is_async = scope.is_coroutine && kind != ComprehensionKind::Generator;
        self.exit();
        result?;
        if is_async {
            self.table.scope_mut(self.current()).is_coroutine = true;
        }
        Ok(())
    }

    fn comprehension_body(
        &mut self,
        c: &Comprehension,
        first: &ComprehensionFor,
        rest: &[ComprehensionFor],
    ) -> Visit {
        if first.is_async {
            self.table.scope_mut(self.current()).is_coroutine = true;
        }
        // The first iterator arrives as the implicit parameter `.0`.
        self.add(".0", SymbolFlags::PARAMETER, first.iter.span)?;
        let scope = self.current();
        self.table.scope_mut(scope).parameters.push(".0".to_owned());
        self.iteration_target(&first.target)?;
        self.exprs(&first.ifs)?;
        for generator in rest {
            self.iteration_target(&generator.target)?;
            self.frame_mut().in_iterable += 1;
            let iter = self.expr(&generator.iter);
            self.frame_mut().in_iterable -= 1;
            iter?;
            self.exprs(&generator.ifs)?;
            if generator.is_async {
                self.table.scope_mut(self.current()).is_coroutine = true;
            }
        }
        self.opt_expr(c.value.as_ref())?;
        self.expr(&c.elt)
    }

    fn iteration_target(&mut self, target: &Expr) -> Visit {
        self.frame_mut().in_iteration_target = true;
        let result = self.expr(target);
        self.frame_mut().in_iteration_target = false;
        result
    }

    // ---- patterns ----

    fn pattern(&mut self, p: &Pattern) -> Visit {
        match &p.kind {
            PatternKind::MatchValue(value) => self.expr(value),
            PatternKind::MatchSingleton(_) => Ok(()),
            PatternKind::MatchSequence(patterns) | PatternKind::MatchOr(patterns) => {
                patterns.iter().try_for_each(|p| self.pattern(p))
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.exprs(keys)?;
                patterns.iter().try_for_each(|p| self.pattern(p))?;
                self.capture(rest.as_ref(), p.span)
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls)?;
                patterns
                    .iter()
                    .chain(kwd_patterns)
                    .try_for_each(|p| self.pattern(p))
            }
            PatternKind::MatchStar(name) => self.capture(name.as_ref(), p.span),
            PatternKind::MatchAs { pattern, name } => {
                if let Some(pattern) = pattern {
                    self.pattern(pattern)?;
                }
                self.capture(name.as_ref(), p.span)
            }
        }
    }

    fn capture(&mut self, name: Option<&Ident>, span: Span) -> Visit {
        name.map_or(Ok(()), |name| {
            self.add(&name.name, SymbolFlags::ASSIGNED, span)
        })
    }
}

#[derive(Clone, Copy)]
enum Declaration {
    Global,
    Nonlocal,
}

/// Why a name cannot be declared global or nonlocal where it is.
#[derive(Clone, Copy)]
enum Conflict {
    Parameter,
    Used,
    Annotated,
    Assigned,
}

impl Declaration {
    fn flag(self) -> SymbolFlags {
        match self {
            Declaration::Global => SymbolFlags::DECLARED_GLOBAL,
            Declaration::Nonlocal => SymbolFlags::DECLARED_NONLOCAL,
        }
    }

    fn conflict(self, conflict: Conflict, name: String) -> SyntaxErrorKind {
        use SyntaxErrorKind::*;
        match (self, conflict) {
            (Declaration::Global, Conflict::Parameter) => NameIsParameterAndGlobal { name },
            (Declaration::Global, Conflict::Used) => NameUsedBeforeGlobal { name },
            (Declaration::Global, Conflict::Annotated) => AnnotatedNameCantBeGlobal { name },
            (Declaration::Global, Conflict::Assigned) => NameAssignedBeforeGlobal { name },
            (Declaration::Nonlocal, Conflict::Parameter) => NameIsParameterAndNonlocal { name },
            (Declaration::Nonlocal, Conflict::Used) => NameUsedBeforeNonlocal { name },
            (Declaration::Nonlocal, Conflict::Annotated) => AnnotatedNameCantBeNonlocal { name },
            (Declaration::Nonlocal, Conflict::Assigned) => NameAssignedBeforeNonlocal { name },
        }
    }
}
