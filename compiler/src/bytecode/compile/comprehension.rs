//! Comprehensions and generator expressions: each is a function of its own
//! (3.11), called at once with the outermost iterator as its argument `.0`
//! (`compiler_comprehension`).

use super::expr::ComprehensionType;
use super::ir::{JumpKind, SetupKind};
use super::{CResult, Compiler, FBlockKind, UnitKind};
use crate::bytecode::instruction::*;
use crate::syntax::ast::*;

impl<'a> Compiler<'a> {
    pub(super) fn comprehension(
        &mut self,
        e: &'a Expr,
        c: &'a Comprehension,
        ty: ComprehensionType,
    ) -> CResult {
        let Some(outermost) = c.generators.first() else {
            return Err(self.unchecked("comprehension without a generator"));
        };
        let scope = self.scope_of_node(c.id)?;
        let name = self.table.scope(scope).name.clone();
        let span = self.node_span(e);
        let line = self.location(span).line;
        self.enter_scope(&name, UnitKind::Comprehension, scope, line, span)?;
        self.set_loc(span);
        let is_async = self.table.scope(scope).is_coroutine;
        match ty {
            ComprehensionType::List => self.emit(Instruction::BuildList { count: Count(0) }),
            ComprehensionType::Set => self.emit(Instruction::BuildSet { count: Count(0) }),
            ComprehensionType::Dict => self.emit(Instruction::BuildMap { count: Count(0) }),
            ComprehensionType::Generator => {}
        }
        self.comprehension_generator(c, 0, 0, ty)?;
        if ty != ComprehensionType::Generator {
            self.emit(Instruction::ReturnValue);
        }
        let code = self.exit_scope(true)?;
        self.make_closure(code, MakeFunctionFlags::default())?;
        self.iterable(&outermost.iter)?;
        self.emit(if outermost.is_async {
            Instruction::GetAiter
        } else {
            Instruction::GetIter
        });
        self.emit(Instruction::Call { argc: Count(0) });
        if is_async && ty != ComprehensionType::Generator {
            self.emit(Instruction::GetAwaitable {
                context: AwaitContext::Await,
            });
            self.load_none();
            self.yield_from(true);
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        c: &'a Comprehension,
        index: usize,
        depth: u32,
        ty: ComprehensionType,
    ) -> CResult {
        if c.generators[index].is_async {
            self.async_comprehension_generator(c, index, depth, ty)
        } else {
            self.sync_comprehension_generator(c, index, depth, ty)
        }
    }

    /// The first iterator arrives as argument `.0`.
    fn load_outermost_iterator(&mut self) {
        self.unit.argcount = 1;
        self.emit(Instruction::LoadFast { local: LocalIdx(0) });
    }

    fn sync_comprehension_generator(
        &mut self,
        c: &'a Comprehension,
        index: usize,
        mut depth: u32,
        ty: ComprehensionType,
    ) -> CResult {
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let generator = &c.generators[index];
        if index == 0 {
            self.load_outermost_iterator();
        } else {
            // `for y in [f(x)]` assigns without a loop.
            let elts = match &generator.iter.kind {
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. }
                    if self.fold(&generator.iter).is_none() =>
                {
                    Some(elts)
                }
                _ => None,
            };
            if let Some([single]) = elts.map(Vec::as_slice) {
                if !matches!(single.kind, ExprKind::Starred { .. }) {
                    self.expr(single)?;
                    start = None;
                }
            }
            if start.is_some() {
                self.iterable(&generator.iter)?;
                self.emit(Instruction::GetIter);
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.use_next_block(start);
            self.jump(JumpKind::ForIter, anchor);
        }
        self.expr(&generator.target)?;
        for condition in &generator.ifs {
            self.jump_if(condition, if_cleanup, false)?;
        }
        if index + 1 < c.generators.len() {
            self.comprehension_generator(c, index + 1, depth, ty)?;
        } else {
            self.comprehension_element(c, depth, ty)?;
        }
        self.use_next_block(if_cleanup);
        if let Some(start) = start {
            self.jump(JumpKind::Jump, start);
            self.use_next_block(anchor);
        }
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        c: &'a Comprehension,
        index: usize,
        mut depth: u32,
        ty: ComprehensionType,
    ) -> CResult {
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        let generator = &c.generators[index];
        if index == 0 {
            self.load_outermost_iterator();
        } else {
            self.iterable(&generator.iter)?;
            self.emit(Instruction::GetAiter);
        }
        self.use_next_block(start);
        self.push_fblock(FBlockKind::AsyncComprehensionGenerator, Some(start), None);
        self.setup(SetupKind::Finally, except);
        self.emit(Instruction::GetAnext);
        self.load_none();
        self.yield_from(true);
        self.pop_block();
        self.expr(&generator.target)?;
        for condition in &generator.ifs {
            self.jump_if(condition, if_cleanup, false)?;
        }
        depth += 1;
        if index + 1 < c.generators.len() {
            self.comprehension_generator(c, index + 1, depth, ty)?;
        } else {
            self.comprehension_element(c, depth, ty)?;
        }
        self.use_next_block(if_cleanup);
        self.jump(JumpKind::Jump, start);
        self.pop_fblock();
        self.use_next_block(except);
        self.emit(Instruction::EndAsyncFor);
        Ok(())
    }

    /// Adds the element to the result (or yields it).
    fn comprehension_element(
        &mut self,
        c: &'a Comprehension,
        depth: u32,
        ty: ComprehensionType,
    ) -> CResult {
        let pos = StackPos(depth + 1);
        match ty {
            ComprehensionType::Generator => {
                self.expr(&c.elt)?;
                self.yield_value();
                self.emit(Instruction::PopTop);
            }
            ComprehensionType::List => {
                self.expr(&c.elt)?;
                self.emit(Instruction::ListAppend { pos });
            }
            ComprehensionType::Set => {
                self.expr(&c.elt)?;
                self.emit(Instruction::SetAdd { pos });
            }
            ComprehensionType::Dict => {
                self.expr(&c.elt)?;
                let Some(value) = &c.value else {
                    return Err(self.unchecked("dict comprehension without a value"));
                };
                self.expr(value)?;
                self.emit(Instruction::MapAdd { pos });
            }
        }
        Ok(())
    }
}
