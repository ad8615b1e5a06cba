//! Exception handling: `try`/`except`/`else`/`finally`, `try`/`except*`,
//! `with` and `async with`, and the unwinding `return`, `break` and
//! `continue` do when they leave these blocks.
//!
//! As in CPython 3.11, handlers cost nothing until an exception happens:
//! `SETUP_*`/`POP_BLOCK` pseudo-instructions delimit the protected code
//! and become the exception table; a `finally` body is compiled twice, once
//! for the normal path and once as the handler, and once more for every
//! `return`, `break` or `continue` that leaves it.

use super::ir::{BlockId, JumpKind, SetupKind};
use super::{CResult, Compiler, Ctx, FBlock, FBlockKind, UnitKind};
use crate::bytecode::instruction::*;
use crate::syntax::ast::*;

impl<'a> Compiler<'a> {
    /// Runs the cleanup of the enclosing frame blocks, innermost first,
    /// stopping at the innermost loop when `to_loop` (for `break` and
    /// `continue`), and returns that loop. `preserve_tos` keeps the value
    /// on top of the stack (a return value) above what is cleaned up
    /// (`compiler_unwind_fblock_stack`).
    pub(super) fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        to_loop: bool,
    ) -> CResult<Option<FBlock<'a>>> {
        let Some(top) = self.unit.fblocks.last().copied() else {
            return Ok(None);
        };
        if matches!(top.kind, FBlockKind::ExceptionGroupHandler) {
            return Err(self.unchecked("'break', 'continue' or 'return' in an except* block"));
        }
        if to_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.unit.fblocks.pop();
        let result = self
            .unwind_fblock(top, preserve_tos)
            .and_then(|()| self.unwind_fblock_stack(preserve_tos, to_loop));
        self.unit.fblocks.push(top);
        result
    }

    /// The cleanup of one frame block (`compiler_unwind_fblock`).
    pub(super) fn unwind_fblock(&mut self, block: FBlock<'a>, preserve_tos: bool) -> CResult {
        match block.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => {}
            FBlockKind::ForLoop => {
                // Pop the iterator.
                if preserve_tos {
                    self.emit_swap(2);
                }
                self.emit(Instruction::PopTop);
            }
            FBlockKind::TryExcept => self.pop_block(),
            FBlockKind::FinallyTry(body) => {
                // The POP_BLOCK takes the line of the unwinding statement.
                self.pop_block();
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, None, None);
                }
                self.stmts(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                // What follows appears to run after the finally body.
                self.unset_loc();
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit_swap(2);
                }
                self.emit(Instruction::PopTop); // exc_value
                if preserve_tos {
                    self.emit_swap(2);
                }
                self.pop_block();
                self.emit(Instruction::PopExcept);
            }
            FBlockKind::With(loc) | FBlockKind::AsyncWith(loc) => {
                self.unit.loc = loc;
                self.pop_block();
                if preserve_tos {
                    self.emit_swap(2);
                }
                self.call_exit_with_nones();
                if matches!(block.kind, FBlockKind::AsyncWith(_)) {
                    self.emit(Instruction::GetAwaitable {
                        context: AwaitContext::AsyncExit,
                    });
                    self.load_none();
                    self.yield_from(true);
                }
                self.emit(Instruction::PopTop);
                self.unset_loc();
            }
            FBlockKind::HandlerCleanup(name) => {
                if name.is_some() {
                    self.pop_block();
                }
                if preserve_tos {
                    self.emit_swap(2);
                }
                self.pop_block();
                self.emit(Instruction::PopExcept);
                if let Some(name) = name {
                    self.load_none();
                    self.name_op(name, Ctx::Store)?;
                    self.name_op(name, Ctx::Del)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit_swap(2);
                }
                self.emit(Instruction::PopTop);
            }
        }
        Ok(())
    }

    /// `__exit__(None, None, None)`: the three Nones are `self` and two
    /// arguments of a method-style call.
    fn call_exit_with_nones(&mut self) {
        self.load_none();
        self.load_none();
        self.load_none();
        self.emit(Instruction::Call { argc: Count(2) });
    }

    /// `COPY 3; POP_EXCEPT; RERAISE 1` with `[exc_info, lasti, exc]` on the
    /// stack.
    fn pop_except_and_reraise(&mut self) {
        self.emit_copy(3);
        self.emit(Instruction::PopExcept);
        self.emit(Instruction::Reraise {
            lasti: ReraiseLasti::Under1,
        });
    }

    pub(super) fn try_stmt(&mut self, t: &'a Try) -> CResult {
        if t.finalbody.is_empty() {
            self.try_except(t)
        } else {
            self.try_finally(t)
        }
    }

    pub(super) fn try_star(&mut self, t: &'a Try) -> CResult {
        if t.finalbody.is_empty() {
            self.try_star_except(t)
        } else {
            self.try_finally(t)
        }
    }

    /// `try: … finally: …` (the body may have handlers of its own)
    /// (`compiler_try_finally`).
    fn try_finally(&mut self, t: &'a Try) -> CResult {
        let body = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.setup(SetupKind::Finally, end);
        self.use_next_block(body);
        self.push_fblock(FBlockKind::FinallyTry(&t.finalbody), Some(body), Some(end));
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
        } else if t.is_star {
            self.try_star_except(t)?;
        } else {
            self.try_except(t)?;
        }
        self.pop_block_noline();
        self.pop_fblock();
        self.stmts(&t.finalbody)?;
        self.jump_noline(JumpKind::Jump, exit);
        // The finally body, as a handler.
        self.use_next_block(end);
        self.unset_loc();
        self.setup(SetupKind::Cleanup, cleanup);
        self.emit(Instruction::PushExcInfo);
        self.push_fblock(FBlockKind::FinallyEnd, Some(end), None);
        self.stmts(&t.finalbody)?;
        self.pop_fblock();
        self.emit(Instruction::Reraise {
            lasti: ReraiseLasti::Keep,
        });
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        Ok(())
    }

    /// `try: … except …: … else: …` (`compiler_try_except`).
    fn try_except(&mut self, t: &'a Try) -> CResult {
        let body = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.setup(SetupKind::Finally, except);
        self.use_next_block(body);
        self.push_fblock(FBlockKind::TryExcept, Some(body), None);
        self.stmts(&t.body)?;
        self.pop_fblock();
        self.pop_block_noline();
        self.stmts(&t.orelse)?;
        self.jump_noline(JumpKind::Jump, end);
        self.use_next_block(except);
        self.unset_loc();
        self.setup(SetupKind::Cleanup, cleanup);
        self.emit(Instruction::PushExcInfo);
        // The runtime pushes a block here: account for it.
        self.push_fblock(FBlockKind::ExceptionHandler, None, None);
        for (i, handler) in t.handlers.iter().enumerate() {
            self.set_loc(handler.span);
            if handler.type_.is_none() && i + 1 < t.handlers.len() {
                return Err(self.unchecked("default 'except:' not last"));
            }
            except = self.new_block();
            if let Some(type_) = &handler.type_ {
                self.expr(type_)?;
                self.emit(Instruction::CheckExcMatch);
                self.jump(JumpKind::PopJumpIfFalse, except);
            }
            if let Some(name) = &handler.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.name_op(&name.name, Ctx::Store)?;
                // try:
                //     body
                // finally:
                //     name = None  # in case body contains "del name"
                //     del name
                self.setup(SetupKind::Cleanup, cleanup_end);
                self.use_next_block(cleanup_body);
                self.push_fblock(
                    FBlockKind::HandlerCleanup(Some(&name.name)),
                    Some(cleanup_body),
                    None,
                );
                self.stmts(&handler.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.pop_block();
                self.pop_block();
                self.emit(Instruction::PopExcept);
                self.load_none();
                self.name_op(&name.name, Ctx::Store)?;
                self.name_op(&name.name, Ctx::Del)?;
                self.jump(JumpKind::Jump, end);
                // except:
                self.use_next_block(cleanup_end);
                self.unset_loc();
                self.load_none();
                self.name_op(&name.name, Ctx::Store)?;
                self.name_op(&name.name, Ctx::Del)?;
                self.emit(Instruction::Reraise {
                    lasti: ReraiseLasti::Under1,
                });
            } else {
                let cleanup_body = self.new_block();
                self.emit(Instruction::PopTop); // exc_value
                self.use_next_block(cleanup_body);
                self.push_fblock(FBlockKind::HandlerCleanup(None), Some(cleanup_body), None);
                self.stmts(&handler.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.pop_block();
                self.emit(Instruction::PopExcept);
                self.jump(JumpKind::Jump, end);
            }
            self.use_next_block(except);
        }
        self.unset_loc();
        self.pop_fblock();
        self.emit(Instruction::Reraise {
            lasti: ReraiseLasti::Keep,
        });
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(end);
        Ok(())
    }

    /// `try: … except* …: …` (`compiler_try_star_except`). The stack in
    /// the handlers holds the original group, the list of exceptions raised
    /// or re-raised by the handlers, and the part not matched yet.
    fn try_star_except(&mut self, t: &'a Try) -> CResult {
        let body = self.new_block();
        let mut except = self.new_block();
        let orelse = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();
        self.setup(SetupKind::Finally, except);
        self.use_next_block(body);
        self.push_fblock(FBlockKind::TryExcept, Some(body), None);
        self.stmts(&t.body)?;
        self.pop_fblock();
        self.pop_block_noline();
        self.jump_noline(JumpKind::Jump, orelse);
        let n = t.handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.setup(SetupKind::Cleanup, cleanup);
        self.emit(Instruction::PushExcInfo);
        // The runtime pushes a block here: account for it.
        self.push_fblock(FBlockKind::ExceptionGroupHandler, None, None);
        for (i, handler) in t.handlers.iter().enumerate() {
            self.set_loc(handler.span);
            except = self.new_block();
            let except_with_error = self.new_block();
            let no_match = self.new_block();
            if i == 0 {
                // [exc] -> [orig, [], exc]
                self.emit_copy(1);
                self.emit(Instruction::BuildList { count: Count(0) });
                self.emit_swap(2);
            }
            if let Some(type_) = &handler.type_ {
                self.expr(type_)?;
                self.emit(Instruction::CheckEgMatch);
                self.emit_copy(1);
                self.jump(JumpKind::PopJumpIfNone, no_match);
            }
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            match &handler.name {
                Some(name) => self.name_op(&name.name, Ctx::Store)?,
                None => self.emit(Instruction::PopTop), // match
            }
            self.setup(SetupKind::Cleanup, cleanup_end);
            self.use_next_block(cleanup_body);
            let name = handler.name.as_ref().map(|n| n.name.as_str());
            self.push_fblock(FBlockKind::HandlerCleanup(name), Some(cleanup_body), None);
            self.stmts(&handler.body)?;
            self.pop_fblock();
            self.unset_loc();
            self.pop_block();
            if let Some(name) = name {
                self.load_none();
                self.name_op(name, Ctx::Store)?;
                self.name_op(name, Ctx::Del)?;
            }
            self.jump(JumpKind::Jump, except);
            // An exception raised in the handler's body joins the list.
            self.use_next_block(cleanup_end);
            self.unset_loc();
            if let Some(name) = name {
                self.load_none();
                self.name_op(name, Ctx::Store)?;
                self.name_op(name, Ctx::Del)?;
            }
            self.emit(Instruction::ListAppend { pos: StackPos(3) }); // exc
            self.emit(Instruction::PopTop); // lasti
            self.jump(JumpKind::Jump, except_with_error);
            self.use_next_block(except);
            self.emit(Instruction::Nop); // holds a line number
            self.jump(JumpKind::Jump, except_with_error);
            self.use_next_block(no_match);
            self.emit(Instruction::PopTop); // match (None)
            self.use_next_block(except_with_error);
            if i + 1 == n {
                // The unhandled rest (or None) joins the list.
                self.emit(Instruction::ListAppend { pos: StackPos(1) });
                self.jump(JumpKind::Jump, reraise_star);
            }
        }
        self.unset_loc();
        self.pop_fblock();
        let reraise = self.new_block();
        self.use_next_block(reraise_star);
        self.emit(Instruction::PrepReraiseStar);
        self.emit_copy(1);
        self.jump(JumpKind::PopJumpIfNotNone, reraise);
        // Nothing to re-raise.
        self.emit(Instruction::PopTop);
        self.pop_block();
        self.emit(Instruction::PopExcept);
        self.jump(JumpKind::Jump, end);
        self.use_next_block(reraise);
        self.pop_block();
        self.emit_swap(2);
        self.emit(Instruction::PopExcept);
        self.emit(Instruction::Reraise {
            lasti: ReraiseLasti::Keep,
        });
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(orelse);
        self.stmts(&t.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    /// `with a as x, b: body`, one item per nesting level
    /// (`compiler_with`).
    pub(super) fn with_stmt(
        &mut self,
        s: &'a Stmt,
        items: &'a [WithItem],
        body: &'a [Stmt],
        pos: usize,
    ) -> CResult {
        let Some(item) = items.get(pos) else {
            return Err(self.unchecked("'with' without items"));
        };
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.expr(&item.context_expr)?;
        // Pushes the bound __exit__ and the result of __enter__().
        self.emit(Instruction::BeforeWith);
        self.setup(SetupKind::With, final_);
        self.use_next_block(block);
        let with_loc = Some(self.location(s.span));
        self.push_fblock(FBlockKind::With(with_loc), Some(block), Some(final_));
        match &item.optional_vars {
            Some(target) => self.expr(target)?,
            // Discard the result of __enter__().
            None => self.emit(Instruction::PopTop),
        }
        if pos + 1 == items.len() {
            self.stmts(body)?;
        } else {
            self.with_stmt(s, items, body, pos + 1)?;
        }
        // What follows is artificial.
        self.unset_loc();
        self.pop_block();
        self.pop_fblock();
        // Normal exit: __exit__(None, None, None).
        self.set_loc(s.span);
        self.call_exit_with_nones();
        self.emit(Instruction::PopTop);
        self.jump(JumpKind::Jump, exit);
        // Exceptional exit.
        self.use_next_block(final_);
        self.setup(SetupKind::Cleanup, cleanup);
        self.emit(Instruction::PushExcInfo);
        self.emit(Instruction::WithExceptStart);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }

    /// `async with` (`compiler_async_with`).
    pub(super) fn async_with_stmt(
        &mut self,
        s: &'a Stmt,
        items: &'a [WithItem],
        body: &'a [Stmt],
        pos: usize,
    ) -> CResult {
        if self.unit.kind != UnitKind::AsyncFunction {
            return Err(self.unchecked("'async with' outside async function"));
        }
        let Some(item) = items.get(pos) else {
            return Err(self.unchecked("'async with' without items"));
        };
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.expr(&item.context_expr)?;
        self.emit(Instruction::BeforeAsyncWith);
        self.emit(Instruction::GetAwaitable {
            context: AwaitContext::AsyncEnter,
        });
        self.load_none();
        self.yield_from(true);
        self.setup(SetupKind::With, final_);
        self.use_next_block(block);
        let with_loc = Some(self.location(s.span));
        self.push_fblock(FBlockKind::AsyncWith(with_loc), Some(block), Some(final_));
        match &item.optional_vars {
            Some(target) => self.expr(target)?,
            None => self.emit(Instruction::PopTop),
        }
        if pos + 1 == items.len() {
            self.stmts(body)?;
        } else {
            self.async_with_stmt(s, items, body, pos + 1)?;
        }
        self.pop_fblock();
        self.pop_block();
        // Normal exit: await __aexit__(None, None, None).
        self.set_loc(s.span);
        self.call_exit_with_nones();
        self.emit(Instruction::GetAwaitable {
            context: AwaitContext::AsyncExit,
        });
        self.load_none();
        self.yield_from(true);
        self.emit(Instruction::PopTop);
        self.jump(JumpKind::Jump, exit);
        // Exceptional exit.
        self.use_next_block(final_);
        self.setup(SetupKind::Cleanup, cleanup);
        self.emit(Instruction::PushExcInfo);
        self.emit(Instruction::WithExceptStart);
        self.emit(Instruction::GetAwaitable {
            context: AwaitContext::AsyncExit,
        });
        self.load_none();
        self.yield_from(true);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }

    /// After `__exit__` ran for an exception: re-raise it unless the result
    /// is true (`compiler_with_except_finish`).
    fn with_except_finish(&mut self, cleanup: BlockId) {
        self.unset_loc();
        let exit = self.new_block();
        self.jump(JumpKind::PopJumpIfTrue, exit);
        self.emit(Instruction::Reraise {
            lasti: ReraiseLasti::Under2,
        });
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        self.emit(Instruction::PopTop); // exc_value
        self.pop_block();
        self.emit(Instruction::PopExcept);
        self.emit(Instruction::PopTop);
        self.emit(Instruction::PopTop);
    }
}
