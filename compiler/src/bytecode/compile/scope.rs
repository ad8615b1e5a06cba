//! Code objects of their own: the module, functions, lambdas and class
//! bodies, and what the enclosing code does to make them (defaults,
//! annotations, closures, decorators, `__build_class__`).

use super::{CResult, Compiler, Ctx, FinishedCode, UnitKind};
use crate::bytecode::code::{CodeObject, Location};
use crate::bytecode::constant::Constant;
use crate::bytecode::error::InternalErrorKind;
use crate::bytecode::instruction::*;
use crate::scopes::{SymbolScope, SymbolTable};
use crate::syntax::ast::*;
use crate::syntax::span::Span;

/// The docstring of a body: a first statement that is a string constant.
pub(super) fn docstring(body: &[Stmt]) -> Option<&str> {
    match &body.first()?.kind {
        StmtKind::Expr(Expr {
            kind: ExprKind::Constant(crate::syntax::ast::Constant::Str(text)),
            ..
        }) => Some(text),
        _ => None,
    }
}

/// Whether a module or class body has a variable annotation outside nested
/// scopes (`find_ann`): it then needs `SETUP_ANNOTATIONS`.
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        StmtKind::While { body, orelse, .. } | StmtKind::If { body, orelse, .. } => {
            has_annotations(body) || has_annotations(orelse)
        }
        StmtKind::With { body, .. } => has_annotations(body),
        StmtKind::Try(t) => {
            t.handlers.iter().any(|h| has_annotations(&h.body))
                || has_annotations(&t.body)
                || has_annotations(&t.finalbody)
                || has_annotations(&t.orelse)
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|c| has_annotations(&c.body)),
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    pub(super) fn compile_module(&mut self, module: &'a Module) -> CResult<CodeObject> {
        let start = Span::at(module.span.start);
        self.enter_scope("<module>", UnitKind::Module, SymbolTable::MODULE, 1, start)?;
        self.unit.loc = Some(Location {
            line: 1,
            span: start,
        });
        self.body(&module.body)?;
        self.assemble(true)
    }

    /// A module or class body: annotations, docstring, statements
    /// (`compiler_body`).
    fn body(&mut self, body: &'a [Stmt]) -> CResult {
        if self.unit.kind == UnitKind::Module {
            if let Some(first) = body.first() {
                self.set_loc(first.span);
            }
        }
        if has_annotations(body) {
            self.emit(Instruction::SetupAnnotations);
        }
        let Some(first) = body.first() else {
            return Ok(());
        };
        let mut rest = body;
        if let StmtKind::Expr(value) = &first.kind {
            if matches!(self.fold(value), Some(Constant::Str(_))) {
                self.expr(value)?;
                self.unset_loc();
                self.name_op("__doc__", Ctx::Store)?;
                rest = &body[1..];
            }
        }
        self.stmts(rest)
    }

    /// The line of a `def` or `class` statement: its keyword's, not its
    /// first decorator's (where the statement's span starts).
    pub(super) fn def_location(&self, span: Span, name: &Ident, decorated: bool) -> Location {
        let mut loc = self.location(span);
        if decorated {
            loc.line = self.lines.line(name.span.start) as u32;
        }
        loc
    }

    pub(super) fn function_def(&mut self, f: &'a FunctionDef, span: Span) -> CResult {
        let decorated = !f.decorator_list.is_empty();
        let def_loc = self.def_location(span, &f.name, decorated);
        self.unit.loc = Some(def_loc);
        self.exprs(&f.decorator_list)?;
        let first_line = self.location(span).line;
        let mut flags = self.default_arguments(&f.args)?;
        if self.annotations(&f.args, f.returns.as_ref())? {
            flags.insert(MakeFunctionFlags::ANNOTATIONS);
        }
        let scope = self.scope_of_node(f.id)?;
        let kind = if f.is_async {
            UnitKind::AsyncFunction
        } else {
            UnitKind::Function
        };
        self.enter_scope(&f.name.name, kind, scope, first_line, span)?;
        let doc = docstring(&f.body);
        self.add_const(doc.map_or(Constant::None, |d| Constant::Str(d.to_owned())));
        self.set_arg_counts(&f.args);
        let body = if doc.is_some() { &f.body[1..] } else { &f.body };
        self.stmts(body)?;
        let code = self.exit_scope(true)?;
        self.make_closure(code, flags)?;
        self.apply_decorators(&f.decorator_list);
        self.name_op(&f.name.name, Ctx::Store)
    }

    fn set_arg_counts(&mut self, args: &Arguments) {
        self.unit.argcount = args.args.len() as u32;
        self.unit.posonlyargcount = args.posonlyargs.len() as u32;
        self.unit.kwonlyargcount = args.kwonlyargs.len() as u32;
    }

    pub(super) fn lambda(&mut self, lambda: &'a Lambda, span: Span) -> CResult {
        let flags = self.default_arguments(&lambda.args)?;
        let scope = self.scope_of_node(lambda.id)?;
        let line = self.location(span).line;
        self.enter_scope("<lambda>", UnitKind::Lambda, scope, line, span)?;
        // None first, so a lambda never has a docstring.
        self.add_const(Constant::None);
        self.set_arg_counts(&lambda.args);
        self.expr(&lambda.body)?;
        let is_generator = self.table.scope(scope).is_generator;
        let code = if is_generator {
            self.exit_scope(false)?
        } else {
            self.emit(Instruction::ReturnValue);
            self.exit_scope(true)?
        };
        self.make_closure(code, flags)
    }

    pub(super) fn class_def(&mut self, c: &'a ClassDef, span: Span) -> CResult {
        let decorated = !c.decorator_list.is_empty();
        let def_loc = self.def_location(span, &c.name, decorated);
        self.unit.loc = Some(def_loc);
        self.exprs(&c.decorator_list)?;
        let first_line = self.location(span).line;
        let scope = self.scope_of_node(c.id)?;
        self.enter_scope(&c.name.name, UnitKind::Class, scope, first_line, span)?;
        self.unit.private = Some(c.name.name.to_string());
        self.name_op("__name__", Ctx::Load)?;
        self.name_op("__module__", Ctx::Store)?;
        let qualname = self.unit.qualname.clone();
        self.load_const(Constant::Str(qualname));
        self.name_op("__qualname__", Ctx::Store)?;
        self.body(&c.body)?;
        self.unset_loc();
        if self.table.scope(scope).needs_class_closure {
            let cell = self.deref_index("__class__", SymbolScope::Cell)?;
            self.emit(Instruction::LoadClosure { cell });
            self.emit_copy(1);
            self.name_op("__classcell__", Ctx::Store)?;
        } else {
            self.load_none();
        }
        self.emit(Instruction::ReturnValue);
        let code = self.exit_scope(true)?;
        self.unit.loc = Some(def_loc);
        self.emit(Instruction::PushNull);
        self.emit(Instruction::LoadBuildClass);
        self.make_closure(code, MakeFunctionFlags::default())?;
        self.load_const(Constant::Str(c.name.name.to_string()));
        self.call_helper(2, &c.bases, &c.keywords)?;
        self.apply_decorators(&c.decorator_list);
        self.name_op(&c.name.name, Ctx::Store)
    }

    /// Pushes the closure's cells (if the code has free variables), the
    /// code object, and makes the function (`compiler_make_closure`).
    pub(super) fn make_closure(
        &mut self,
        finished: FinishedCode,
        mut flags: MakeFunctionFlags,
    ) -> CResult {
        let code = &finished.code;
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                // A class body's `__class__` is its own cell.
                let scope = if self.unit.kind == UnitKind::Class && name == "__class__" {
                    SymbolScope::Cell
                } else {
                    self.scope_of(name).unwrap_or(SymbolScope::Free)
                };
                let cell = self.deref_index(name, scope)?;
                self.emit(Instruction::LoadClosure { cell });
            }
            flags.insert(MakeFunctionFlags::CLOSURE);
            let count = Count(code.freevars.len() as u32);
            self.emit(Instruction::BuildTuple { count });
        }
        let index = self.unit.consts.add_code(finished);
        self.emit(Instruction::LoadConst { index });
        self.emit(Instruction::MakeFunction { flags });
        Ok(())
    }

    /// Calls the decorators, innermost first, each at its own line.
    fn apply_decorators(&mut self, decorators: &'a [Expr]) {
        let saved = self.unit.loc;
        for decorator in decorators.iter().rev() {
            self.set_loc(decorator.span);
            self.emit(Instruction::Call { argc: Count(0) });
        }
        self.unit.loc = saved;
    }

    /// Pushes the defaults tuple and the keyword-only defaults dict
    /// (`compiler_default_arguments`).
    fn default_arguments(&mut self, args: &'a Arguments) -> CResult<MakeFunctionFlags> {
        let mut flags = MakeFunctionFlags::default();
        if !args.defaults.is_empty() {
            self.exprs(&args.defaults)?;
            let count = Count(args.defaults.len() as u32);
            self.emit(Instruction::BuildTuple { count });
            flags.insert(MakeFunctionFlags::DEFAULTS);
        }
        let mut keys = Vec::new();
        for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(default) = default {
                keys.push(Constant::Str(self.mangle(&arg.name.name)));
                self.expr(default)?;
            }
        }
        if !keys.is_empty() {
            let count = Count(keys.len() as u32);
            self.load_const(Constant::Tuple(keys));
            self.emit(Instruction::BuildConstKeyMap { count });
            flags.insert(MakeFunctionFlags::KW_DEFAULTS);
        }
        Ok(flags)
    }

    /// Pushes a tuple of parameter names and annotations, if any
    /// (`compiler_visit_annotations`). Returns whether it pushed one.
    fn annotations(&mut self, args: &'a Arguments, returns: Option<&'a Expr>) -> CResult<bool> {
        let mut count = 0;
        let ordered = args
            .args
            .iter()
            .chain(&args.posonlyargs)
            .chain(&args.vararg)
            .chain(&args.kwonlyargs)
            .chain(&args.kwarg);
        for arg in ordered {
            if let Some(annotation) = &arg.annotation {
                self.argument_annotation(&arg.name.name, annotation)?;
                count += 2;
            }
        }
        if let Some(returns) = returns {
            self.argument_annotation("return", returns)?;
            count += 2;
        }
        if count > 0 {
            self.emit(Instruction::BuildTuple {
                count: Count(count),
            });
        }
        Ok(count > 0)
    }

    fn argument_annotation(&mut self, name: &str, annotation: &'a Expr) -> CResult {
        let mangled = self.mangle(name);
        self.load_const(Constant::Str(mangled));
        if self.table.future_annotations {
            self.annotation_string(annotation);
        } else if let ExprKind::Starred { value, .. } = &annotation.kind {
            // `*args: *Ts`: the single item of the unpacked value.
            self.expr(value)?;
            self.emit(Instruction::UnpackSequence { count: Count(1) });
        } else {
            self.expr(annotation)?;
        }
        Ok(())
    }

    /// Loads an annotation as its source text (`from __future__ import
    /// annotations`).
    pub(super) fn annotation_string(&mut self, annotation: &Expr) {
        let text = super::unparse::unparse(annotation);
        self.load_const(Constant::Str(text));
    }

    /// An internal error for a construct outside the unit kinds that allow
    /// it.
    pub(super) fn require_function(&self, what: &'static str) -> CResult {
        if self.unit.kind.is_function_like() {
            Ok(())
        } else {
            Err(self.error(InternalErrorKind::UncheckedConstruct { what }))
        }
    }
}
