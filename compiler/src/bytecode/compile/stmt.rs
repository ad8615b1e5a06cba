//! Statements: assignments, loops, conditionals, `return`, `break`,
//! `continue`, `raise`, `assert`, imports (`compiler_visit_stmt` and
//! friends).

use super::ir::{JumpKind, SetupKind};
use super::{CResult, Compiler, Ctx, FBlockKind, UnitKind};
use crate::bytecode::constant::Constant;
use crate::bytecode::instruction::*;
use crate::syntax::ast::*;

impl<'a> Compiler<'a> {
    pub(super) fn stmts(&mut self, body: &'a [Stmt]) -> CResult {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    pub(super) fn stmt(&mut self, s: &'a Stmt) -> CResult {
        // Every statement's first instruction gets its line.
        self.set_loc(s.span);
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def(f, s.span),
            StmtKind::ClassDef(c) => self.class_def(c, s.span),
            StmtKind::Return(value) => self.return_stmt(value.as_ref(), s),
            StmtKind::Delete(targets) => self.exprs(targets),
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, target) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit_copy(1);
                    }
                    self.expr(target)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.ann_assign(target, annotation, value.as_deref(), *simple),
            StmtKind::For(f) if f.is_async => self.async_for(f),
            StmtKind::For(f) => self.for_stmt(f),
            StmtKind::While { test, body, orelse } => self.while_stmt(test, body, orelse, s),
            StmtKind::If { test, body, orelse } => self.if_stmt(test, body, orelse),
            StmtKind::With {
                is_async: false,
                items,
                body,
            } => self.with_stmt(s, items, body, 0),
            StmtKind::With {
                is_async: true,
                items,
                body,
            } => self.async_with_stmt(s, items, body, 0),
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases),
            StmtKind::Raise { exc, cause } => {
                let mut kind = RaiseKind::Reraise;
                if let Some(exc) = exc {
                    self.expr(exc)?;
                    kind = RaiseKind::Raise;
                    if let Some(cause) = cause {
                        self.expr(cause)?;
                        kind = RaiseKind::RaiseFrom;
                    }
                }
                self.emit(Instruction::RaiseVarargs { kind });
                Ok(())
            }
            StmtKind::Try(t) if t.is_star => self.try_star(t),
            StmtKind::Try(t) => self.try_stmt(t),
            StmtKind::Assert { test, msg } => self.assert_stmt(test, msg.as_deref()),
            StmtKind::Import(names) => self.import(names),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.import_from(module.as_ref(), names, *level),
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => Ok(()),
            StmtKind::Expr(value) => {
                if self.fold(value).is_some() {
                    // A constant statement (a docstring, `...`) does nothing.
                    self.emit(Instruction::Nop);
                    return Ok(());
                }
                self.expr(value)?;
                self.unset_loc();
                self.emit(Instruction::PopTop);
                Ok(())
            }
            StmtKind::Pass => {
                self.emit(Instruction::Nop);
                Ok(())
            }
            StmtKind::Break => self.break_stmt(),
            StmtKind::Continue => self.continue_stmt(),
        }
    }

    fn return_stmt(&mut self, value: Option<&'a Expr>, s: &'a Stmt) -> CResult {
        self.require_function("'return' outside function")?;
        let constant = value.and_then(|v| self.fold(v));
        let preserve_tos = value.is_some() && constant.is_none();
        if let (Some(value), true) = (value, preserve_tos) {
            self.expr(value)?;
        } else if let Some(value) = value {
            // An instruction with the value's line.
            self.set_loc(value.span);
            self.emit(Instruction::Nop);
        }
        let same_line =
            value.is_some_and(|v| self.location(v.span).line == self.location(s.span).line);
        if !same_line {
            self.set_loc(s.span);
            self.emit(Instruction::Nop);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match constant {
            _ if value.is_none() => self.load_none(),
            Some(constant) => self.load_const(constant),
            None => {}
        }
        self.emit(Instruction::ReturnValue);
        Ok(())
    }

    fn break_stmt(&mut self) -> CResult {
        self.emit(Instruction::Nop);
        let Some(loop_block) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.unchecked("'break' outside loop"));
        };
        self.unwind_fblock(loop_block, false)?;
        let exit = loop_block
            .exit
            .ok_or_else(|| self.unchecked("'break' outside loop"))?;
        self.jump(JumpKind::Jump, exit);
        Ok(())
    }

    fn continue_stmt(&mut self) -> CResult {
        self.emit(Instruction::Nop);
        let Some(loop_block) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.unchecked("'continue' not properly in loop"));
        };
        let start = loop_block
            .block
            .ok_or_else(|| self.unchecked("'continue' not properly in loop"))?;
        self.jump(JumpKind::Jump, start);
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a For) -> CResult {
        let start = self.new_block();
        let body = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end));
        self.iterable(&f.iter)?;
        self.emit(Instruction::GetIter);
        self.use_next_block(start);
        self.jump(JumpKind::ForIter, cleanup);
        self.use_next_block(body);
        self.expr(&f.target)?;
        self.stmts(&f.body)?;
        // The jump back is artificial.
        self.unset_loc();
        self.jump(JumpKind::Jump, start);
        self.use_next_block(cleanup);
        self.pop_fblock();
        self.stmts(&f.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn async_for(&mut self, f: &'a For) -> CResult {
        if self.unit.kind != UnitKind::AsyncFunction {
            return Err(self.unchecked("'async for' outside async function"));
        }
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.expr(&f.iter)?;
        self.emit(Instruction::GetAiter);
        self.use_next_block(start);
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end));
        // Guard the `__anext__` call: StopAsyncIteration ends the loop.
        self.setup(SetupKind::Finally, except);
        self.emit(Instruction::GetAnext);
        self.load_none();
        self.yield_from(true);
        self.pop_block();
        self.expr(&f.target)?;
        self.stmts(&f.body)?;
        self.unset_loc();
        self.jump(JumpKind::Jump, start);
        self.pop_fblock();
        self.use_next_block(except);
        // END_ASYNC_FOR belongs to the `for`, on the iterable's line.
        self.set_loc(f.iter.span);
        self.emit(Instruction::EndAsyncFor);
        self.stmts(&f.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn while_stmt(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        s: &'a Stmt,
    ) -> CResult {
        let top = self.new_block();
        let body_block = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_next_block(top);
        self.push_fblock(FBlockKind::WhileLoop, Some(top), Some(end));
        self.jump_if(test, anchor, false)?;
        self.use_next_block(body_block);
        self.stmts(body)?;
        self.set_loc(s.span);
        self.jump_if(test, body_block, true)?;
        self.pop_fblock();
        self.use_next_block(anchor);
        self.stmts(orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn if_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult {
        let end = self.new_block();
        let next = if orelse.is_empty() {
            end
        } else {
            self.new_block()
        };
        self.jump_if(test, next, false)?;
        self.stmts(body)?;
        if !orelse.is_empty() {
            self.jump_noline(JumpKind::Jump, end);
            self.use_next_block(next);
            self.stmts(orelse)?;
        }
        self.use_next_block(end);
        Ok(())
    }

    fn assert_stmt(&mut self, test: &'a Expr, msg: Option<&'a Expr>) -> CResult {
        let end = self.new_block();
        self.jump_if(test, end, true)?;
        self.emit(Instruction::LoadAssertionError);
        if let Some(msg) = msg {
            self.expr(msg)?;
            self.emit(Instruction::Call { argc: Count(0) });
        }
        // 3.11.7 keeps the location the test left (its last comparison's).
        self.emit(Instruction::RaiseVarargs {
            kind: RaiseKind::Raise,
        });
        self.use_next_block(end);
        Ok(())
    }

    fn aug_assign(&mut self, target: &'a Expr, op: Operator, value: &'a Expr) -> CResult {
        let saved = self.unit.loc;
        self.set_loc(target.span);
        match &target.kind {
            ExprKind::Attribute {
                value: object,
                attr,
                attr_start,
                ..
            } => {
                self.expr(object)?;
                self.emit_copy(1);
                self.set_attribute_loc(target, *attr_start);
                let name = self.name_index(attr);
                self.emit(Instruction::LoadAttr { name });
            }
            ExprKind::Subscript {
                value: object,
                slice,
                ..
            } => {
                self.expr(object)?;
                self.expr(slice)?;
                self.emit_copy(2);
                self.emit_copy(2);
                self.emit(Instruction::BinarySubscr);
            }
            ExprKind::Name { id, .. } => self.name_op(id, Ctx::Load)?,
            _ => return Err(self.unchecked("invalid augmented assignment target")),
        }
        self.unit.loc = saved;
        self.expr(value)?;
        self.emit(Instruction::BinaryOp {
            op: inplace_operator(op),
        });
        self.set_loc(target.span);
        match &target.kind {
            ExprKind::Attribute {
                attr, attr_start, ..
            } => {
                self.set_attribute_loc(target, *attr_start);
                self.emit_swap(2);
                let name = self.name_index(attr);
                self.emit(Instruction::StoreAttr { name });
            }
            ExprKind::Subscript { .. } => {
                self.emit_swap(3);
                self.emit_swap(2);
                self.emit(Instruction::StoreSubscr);
            }
            ExprKind::Name { id, .. } => self.name_op(id, Ctx::Store)?,
            _ => {}
        }
        Ok(())
    }

    fn ann_assign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> CResult {
        if let Some(value) = value {
            self.expr(value)?;
            self.expr(target)?;
        }
        let evaluates = matches!(self.unit.kind, UnitKind::Module | UnitKind::Class);
        match &target.kind {
            ExprKind::Name { id, .. } => {
                if simple && evaluates {
                    if self.table.future_annotations {
                        self.annotation_string(annotation);
                    } else {
                        self.expr(annotation)?;
                    }
                    let name = self.raw_name_index("__annotations__");
                    self.emit(Instruction::LoadName { name });
                    let mangled = self.mangle(id);
                    self.load_const(Constant::Str(mangled));
                    self.emit(Instruction::StoreSubscr);
                }
            }
            ExprKind::Attribute { value: object, .. } => {
                if value.is_none() {
                    self.annotation_check(object)?;
                }
            }
            ExprKind::Subscript {
                value: object,
                slice,
                ..
            } => {
                if value.is_none() {
                    self.annotation_check(object)?;
                    self.annotation_check_slice(slice)?;
                }
            }
            _ => return Err(self.unchecked("invalid annotated assignment target")),
        }
        if !simple && !self.table.future_annotations && evaluates {
            self.annotation_check(annotation)?;
        }
        Ok(())
    }

    /// Evaluates an expression for its errors only (`check_ann_expr`).
    fn annotation_check(&mut self, e: &'a Expr) -> CResult {
        self.expr(e)?;
        self.emit(Instruction::PopTop);
        Ok(())
    }

    fn annotation_check_slice(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.annotation_check(part)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => elts
                .iter()
                .try_for_each(|elt| self.annotation_check_slice(elt)),
            _ => self.annotation_check(e),
        }
    }

    fn import(&mut self, names: &'a [Alias]) -> CResult {
        for alias in names {
            self.load_const(Constant::Int(0));
            self.load_none();
            let name = self.name_index(&alias.name);
            self.emit(Instruction::ImportName { name });
            match &alias.asname {
                Some(asname) => self.import_as(&alias.name, &asname.name)?,
                None => {
                    let first = alias.name.split('.').next().unwrap_or(&alias.name);
                    self.name_op(first, Ctx::Store)?;
                }
            }
        }
        Ok(())
    }

    /// `import a.b.c as d`: the submodule, through `IMPORT_FROM`s.
    fn import_as(&mut self, dotted: &str, asname: &str) -> CResult {
        let mut parts = dotted.split('.').skip(1).peekable();
        if parts.peek().is_none() {
            return self.name_op(asname, Ctx::Store);
        }
        while let Some(attr) = parts.next() {
            let name = self.raw_name_index(attr);
            self.emit(Instruction::ImportFrom { name });
            if parts.peek().is_some() {
                self.emit_swap(2);
                self.emit(Instruction::PopTop);
            }
        }
        self.name_op(asname, Ctx::Store)?;
        self.emit(Instruction::PopTop);
        Ok(())
    }

    fn import_from(
        &mut self,
        module: Option<&'a Ident>,
        names: &'a [Alias],
        level: u32,
    ) -> CResult {
        self.load_const(Constant::Int(i64::from(level)));
        let fromlist = names
            .iter()
            .map(|alias| Constant::Str(alias.name.clone()))
            .collect();
        self.load_const(Constant::Tuple(fromlist));
        let module_name = module.map_or("", |m| m.name.as_str());
        let name = self.name_index(module_name);
        self.emit(Instruction::ImportName { name });
        for (i, alias) in names.iter().enumerate() {
            if i == 0 && alias.name.starts_with('*') {
                self.emit(Instruction::ImportStar);
                return Ok(());
            }
            let name = self.name_index(&alias.name);
            self.emit(Instruction::ImportFrom { name });
            let store = alias
                .asname
                .as_ref()
                .map_or(alias.name.as_str(), |a| a.name.as_str());
            self.name_op(store, Ctx::Store)?;
        }
        // Drop the module.
        self.emit(Instruction::PopTop);
        Ok(())
    }
}

/// The augmented-assignment form of an operator (`+=`).
pub(super) fn inplace_operator(op: Operator) -> BinaryOperator {
    use BinaryOperator as B;
    match op {
        Operator::Add => B::InplaceAdd,
        Operator::Sub => B::InplaceSubtract,
        Operator::Mult => B::InplaceMultiply,
        Operator::MatMult => B::InplaceMatrixMultiply,
        Operator::Div => B::InplaceTrueDivide,
        Operator::Mod => B::InplaceRemainder,
        Operator::Pow => B::InplacePower,
        Operator::LShift => B::InplaceLshift,
        Operator::RShift => B::InplaceRshift,
        Operator::BitOr => B::InplaceOr,
        Operator::BitXor => B::InplaceXor,
        Operator::BitAnd => B::InplaceAnd,
        Operator::FloorDiv => B::InplaceFloorDivide,
    }
}

/// The binary form of an operator (`+`).
pub(super) fn binary_operator(op: Operator) -> BinaryOperator {
    use BinaryOperator as B;
    match op {
        Operator::Add => B::Add,
        Operator::Sub => B::Subtract,
        Operator::Mult => B::Multiply,
        Operator::MatMult => B::MatrixMultiply,
        Operator::Div => B::TrueDivide,
        Operator::Mod => B::Remainder,
        Operator::Pow => B::Power,
        Operator::LShift => B::Lshift,
        Operator::RShift => B::Rshift,
        Operator::BitOr => B::Or,
        Operator::BitXor => B::Xor,
        Operator::BitAnd => B::And,
        Operator::FloorDiv => B::FloorDivide,
    }
}
