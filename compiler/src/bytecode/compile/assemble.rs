//! The assembler: a unit's control-flow graph to a [`CodeObject`], in the
//! order of CPython 3.11's `assemble()`.
//!
//! 1. add the implicit `return None`; mark exit blocks; copy small exit
//!    blocks without a line number into the jumps that reach them;
//! 2. insert the prologue (`COPY_FREE_VARS`, `MAKE_CELL`s,
//!    `RETURN_GENERATOR`/`POP_TOP`);
//! 3. optimise each block (`optimize_basic_block`: constant conditions,
//!    `is None` jumps, jump threading, tuples of constants, `SWAP`
//!    sequences, `PUSH_NULL`+`LOAD_GLOBAL`), drop unreachable blocks and
//!    redundant jumps, remove `NOP`s that carry no new line;
//! 4. give exits a line number (duplicating shared ones), trim unused
//!    trailing constants, propagate line numbers;
//! 5. compute stack depths, label every instruction with its exception
//!    handler, turn the pseudo-instructions into `NOP`s and remove them;
//! 6. lay out the blocks, resolve jumps (forward or backward) to
//!    instruction indices and build the exception and line tables.
//!
//! Matching CPython here keeps listings comparable with `dis`.

use super::ir::{Block, BlockId, Instr, JumpKind, Op};
use super::{CResult, Compiler};
use crate::bytecode::code::{CodeFlags, CodeObject, ExceptionTableEntry, Location};
use crate::bytecode::error::InternalErrorKind;
use crate::bytecode::instruction::*;

/// Blocks at most this long are copied into the jumps that reach them.
const MAX_COPY_SIZE: usize = 4;

impl Compiler<'_> {
    pub(super) fn assemble(&mut self, add_none: bool) -> CResult<CodeObject> {
        // Make sure every block that falls off the end returns None.
        if !self.unit.blocks[self.unit.current.index()].has_return {
            self.unset_loc();
            if add_none {
                self.load_none();
            }
            self.emit(Instruction::ReturnValue);
        }
        for b in 0..self.unit.blocks.len() {
            self.normalize_block(BlockId(b as u32));
        }
        for b in (0..self.unit.blocks.len()).rev() {
            self.extend_block(BlockId(b as u32));
        }
        let flags = self.code_flags();
        self.insert_prologue(flags);
        self.optimize_cfg()?;
        self.duplicate_exits_without_line();
        self.trim_unused_consts();
        self.propagate_line_numbers();
        self.guarantee_line_for_exits();
        let max_depth = self.stack_depth()?;
        self.label_exception_targets();
        self.convert_handlers_to_nops();
        for b in self.layout() {
            self.clean_block(b);
        }
        self.build_code(flags, max_depth)
    }

    pub(super) fn block(&self, b: BlockId) -> &Block {
        &self.unit.blocks[b.index()]
    }

    pub(super) fn block_mut(&mut self, b: BlockId) -> &mut Block {
        &mut self.unit.blocks[b.index()]
    }

    /// The blocks in layout order, from the entry block.
    pub(super) fn layout(&self) -> Vec<BlockId> {
        let mut order = Vec::new();
        let mut next = Some(BlockId(0));
        while let Some(b) = next {
            order.push(b);
            next = self.block(b).next;
        }
        order
    }

    /// The first non-empty block at or after `b` in layout order.
    pub(super) fn skip_empty(&self, mut b: BlockId) -> BlockId {
        while self.block(b).instrs.is_empty() {
            match self.block(b).next {
                Some(next) => b = next,
                None => break,
            }
        }
        b
    }

    /// Marks exits and blocks without fall-through; makes jumps skip empty
    /// blocks (`normalize_basic_block`).
    fn normalize_block(&mut self, b: BlockId) {
        let count = self.block(b).instrs.len();
        for i in 0..count {
            let op = self.block(b).instrs[i].op;
            if op.is_exit() {
                let block = self.block_mut(b);
                block.exit = true;
                block.no_fallthrough = true;
            }
            if let Op::Jump(kind, target) = op {
                if kind.is_unconditional() {
                    self.block_mut(b).no_fallthrough = true;
                }
                let target = self.skip_empty(target);
                self.block_mut(b).instrs[i].op.set_target(target);
            }
        }
    }

    fn has_line(&self, b: BlockId) -> bool {
        self.block(b)
            .instrs
            .iter()
            .any(|i| i.line().is_some_and(|line| line > 0))
    }

    /// If the block ends with an unconditional jump to a small exit block
    /// without a line number, replaces the jump with a copy of that block
    /// (`extend_block`).
    pub(super) fn extend_block(&mut self, b: BlockId) {
        let Some(last) = self.block(b).last() else {
            return;
        };
        let Op::Jump(JumpKind::Jump, target) = last.op else {
            return;
        };
        let to_copy = self.block(target);
        if !to_copy.exit || to_copy.instrs.len() > MAX_COPY_SIZE || self.has_line(target) {
            return;
        }
        let copied = to_copy.instrs.clone();
        let block = self.block_mut(b);
        if let Some(last) = block.instrs.last_mut() {
            last.op = Op::Real(Instruction::Nop);
        }
        block.instrs.extend(copied);
        block.exit = true;
    }

    pub(super) fn code_flags(&self) -> CodeFlags {
        let scope = self.table.scope(self.unit.scope);
        let mut flags = CodeFlags::NONE;
        if self.unit.kind.is_function_like() {
            flags = flags | CodeFlags::NEWLOCALS | CodeFlags::OPTIMIZED;
            if scope.is_nested {
                flags = flags | CodeFlags::NESTED;
            }
            flags = flags
                | match (scope.is_generator, scope.is_coroutine) {
                    (true, false) => CodeFlags::GENERATOR,
                    (false, true) => CodeFlags::COROUTINE,
                    (true, true) => CodeFlags::ASYNC_GENERATOR,
                    (false, false) => CodeFlags::NONE,
                };
            if scope.has_varargs {
                flags = flags | CodeFlags::VARARGS;
            }
            if scope.has_varkeywords {
                flags = flags | CodeFlags::VARKEYWORDS;
            }
        }
        flags
    }

    /// `COPY_FREE_VARS`, the `MAKE_CELL`s (argument cells first, in
    /// argument order) and `RETURN_GENERATOR`; `POP_TOP`
    /// (`insert_prefix_instructions`).
    fn insert_prologue(&mut self, flags: CodeFlags) {
        let mut prologue = Vec::new();
        let nfree = self.unit.freevars.len();
        if nfree > 0 {
            let count = Count(nfree as u32);
            prologue.push(Instr::new(
                Op::Real(Instruction::CopyFreeVars { count }),
                None,
            ));
        }
        // Argument cells sit at their argument's slot, others after all the
        // locals: order the cells by that slot.
        let nlocals = self.unit.varnames.len();
        let mut cells: Vec<(usize, u32)> = (0..self.unit.cellvars.len() as u32)
            .map(|cell| {
                let name = &self.unit.cellvars.names[cell as usize];
                let slot = match self.unit.varnames.get(name) {
                    Some(local) => local as usize,
                    None => nlocals + cell as usize,
                };
                (slot, cell)
            })
            .collect();
        cells.sort_unstable();
        for (_, cell) in cells {
            let cell = DerefIdx(cell);
            prologue.push(Instr::new(Op::Real(Instruction::MakeCell { cell }), None));
        }
        let generator = CodeFlags(
            CodeFlags::GENERATOR.0 | CodeFlags::COROUTINE.0 | CodeFlags::ASYNC_GENERATOR.0,
        );
        if flags.0 & generator.0 != 0 {
            let loc = Location {
                line: self.unit.first_line,
                span: self
                    .block(BlockId(0))
                    .instrs
                    .first()
                    .and_then(|i| i.loc)
                    .map_or_else(Default::default, |l| l.span),
            };
            prologue.push(Instr::new(
                Op::Real(Instruction::ReturnGenerator),
                Some(loc),
            ));
            prologue.push(Instr::new(Op::Real(Instruction::PopTop), None));
        }
        let entry = self.block_mut(BlockId(0));
        entry.instrs.splice(0..0, prologue);
    }

    // ---- line numbers and exits ----

    fn is_exit_without_line(&self, b: BlockId) -> bool {
        let block = self.block(b);
        block.exit && block.instrs.iter().all(|i| i.line().is_none())
    }

    /// Copies exit blocks without a line number that several jumps reach,
    /// so each copy can take its jump's line
    /// (`duplicate_exits_without_lineno`).
    fn duplicate_exits_without_line(&mut self) {
        for b in (0..self.unit.blocks.len()).rev() {
            let b = BlockId(b as u32);
            let Some(last) = self.block(b).last().copied() else {
                continue;
            };
            let Op::Jump(kind, target) = last.op else {
                continue;
            };
            if self.is_exit_without_line(target) && self.block(target).predecessors > 1 {
                let mut copy = self.block(target).clone();
                copy.no_fallthrough = true;
                if let Some(first) = copy.instrs.first_mut() {
                    first.loc = last.loc;
                }
                copy.predecessors = 1;
                copy.next = self.block(target).next;
                let new = BlockId(self.unit.blocks.len() as u32);
                self.unit.blocks.push(copy);
                if let Some(last) = self.block_mut(b).last_mut() {
                    last.op = Op::Jump(kind, new);
                }
                let target_block = self.block_mut(target);
                target_block.predecessors -= 1;
                target_block.next = Some(new);
            }
        }
        // Skip empty blocks in the layout.
        for b in 0..self.unit.blocks.len() {
            let b = BlockId(b as u32);
            while let Some(next) = self.block(b).next {
                if !self.block(next).instrs.is_empty() {
                    break;
                }
                let after = self.block(next).next;
                self.block_mut(b).next = after;
            }
        }
        // The remaining exits without a line are reached by falling through:
        // they take the line of the block before.
        for b in 0..self.unit.blocks.len() {
            let b = BlockId(b as u32);
            let block = self.block(b);
            if block.no_fallthrough || block.instrs.is_empty() {
                continue;
            }
            let (Some(next), Some(loc)) = (block.next, block.last().map(|i| i.loc)) else {
                continue;
            };
            if self.is_exit_without_line(next) {
                if let Some(first) = self.block_mut(next).instrs.first_mut() {
                    first.loc = loc;
                }
            }
        }
    }

    /// Drops constants after the last one used; the first (a function's
    /// docstring or None) always stays (`trim_unused_consts`).
    fn trim_unused_consts(&mut self) {
        let mut max = 0;
        for b in self.layout() {
            for instr in &self.block(b).instrs {
                if let Op::Real(
                    Instruction::LoadConst { index } | Instruction::KwNames { names: index },
                ) = instr.op
                {
                    max = max.max(index.index());
                }
            }
        }
        self.unit.consts.truncate(max + 1);
    }

    /// An instruction without a line takes the previous one's; a block
    /// reached from one place only takes its predecessor's last line
    /// (`propagate_line_numbers`).
    fn propagate_line_numbers(&mut self) {
        for b in self.layout() {
            if self.block(b).instrs.is_empty() {
                continue;
            }
            let mut prev: Option<Location> = None;
            for instr in &mut self.block_mut(b).instrs {
                if instr.loc.is_none() {
                    instr.loc = prev;
                } else {
                    prev = instr.loc;
                }
            }
            let block = self.block(b);
            let fallthrough = (!block.no_fallthrough).then_some(block.next).flatten();
            let jump_target = match block.last() {
                Some(Instr {
                    op: Op::Jump(_, target),
                    ..
                }) => Some(*target),
                _ => None,
            };
            for successor in [fallthrough, jump_target].into_iter().flatten() {
                if self.block(successor).predecessors == 1 {
                    if let Some(first) = self.block_mut(successor).instrs.first_mut() {
                        if first.loc.is_none() {
                            first.loc = prev;
                        }
                    }
                }
            }
        }
    }

    /// Returns without a line take the line of the code before them
    /// (`guarantee_lineno_for_exits`).
    fn guarantee_line_for_exits(&mut self) {
        let mut loc = Location {
            line: self.unit.first_line,
            span: Default::default(),
        };
        for b in self.layout() {
            let Some(last) = self.block(b).last().copied() else {
                continue;
            };
            match last.loc {
                None if last.op == Op::Real(Instruction::ReturnValue) => {
                    for instr in &mut self.block_mut(b).instrs {
                        instr.loc = Some(loc);
                    }
                }
                None => {}
                Some(l) => loc = l,
            }
        }
    }

    // ---- stack depth and exception handlers ----

    /// Computes each block's entry depth and returns the maximum
    /// (`stackdepth`).
    fn stack_depth(&mut self) -> CResult<u32> {
        for block in &mut self.unit.blocks {
            block.start_depth = None;
        }
        let mut max_depth = 0;
        let mut worklist = Vec::new();
        self.push_depth(&mut worklist, BlockId(0), 0)?;
        while let Some(b) = worklist.pop() {
            let mut depth = self.block(b).start_depth.unwrap_or(0);
            let mut falls_through = true;
            let instrs = self.block(b).instrs.clone();
            for instr in &instrs {
                let (fallthrough, branch) = instr.op.effects();
                let new_depth = depth + fallthrough;
                if new_depth < 0 {
                    return Err(self.error(InternalErrorKind::StackUnderflow {
                        index: 0,
                        depth: new_depth.into(),
                    }));
                }
                max_depth = max_depth.max(new_depth);
                if let Some(target) = instr.op.target() {
                    let target_depth = depth + branch;
                    max_depth = max_depth.max(target_depth);
                    self.push_depth(&mut worklist, target, target_depth)?;
                }
                depth = new_depth;
                if instr.op.is_terminator() {
                    falls_through = false;
                    break;
                }
            }
            if falls_through {
                if let Some(next) = self.block(b).next {
                    self.push_depth(&mut worklist, next, depth)?;
                }
            }
        }
        Ok(max_depth as u32)
    }

    fn push_depth(&mut self, worklist: &mut Vec<BlockId>, b: BlockId, depth: i32) -> CResult {
        match self.block(b).start_depth {
            None => {
                self.block_mut(b).start_depth = Some(depth);
                worklist.push(b);
                Ok(())
            }
            Some(known) if known == depth => Ok(()),
            Some(known) => Err(self.error(InternalErrorKind::InconsistentStackDepth {
                index: self.block(b).offset as usize,
                expected: known.into(),
                found: depth.into(),
            })),
        }
    }

    /// Records for every instruction the handler that covers it, following
    /// the `SETUP_*`/`POP_BLOCK` nesting along every path
    /// (`label_exception_targets`).
    fn label_exception_targets(&mut self) {
        for block in &mut self.unit.blocks {
            block.visited = false;
        }
        let entry = BlockId(0);
        self.block_mut(entry).visited = true;
        let mut todo: Vec<(BlockId, Vec<BlockId>)> = vec![(entry, Vec::new())];
        while let Some((b, mut stack)) = todo.pop() {
            let count = self.block(b).instrs.len();
            for i in 0..count {
                let instr = self.block(b).instrs[i];
                match instr.op {
                    Op::Setup(kind, handler) => {
                        if !self.block(handler).visited {
                            self.block_mut(handler).visited = true;
                            todo.push((handler, stack.clone()));
                        }
                        if kind.pushes_lasti() {
                            self.block_mut(handler).preserve_lasti = true;
                        }
                        // The setup itself stays uncovered, as in CPython.
                        stack.push(handler);
                    }
                    Op::PopBlock => {
                        stack.pop();
                    }
                    Op::Jump(_, target) => {
                        self.block_mut(b).instrs[i].except = stack.last().copied();
                        if !self.block(target).visited {
                            self.block_mut(target).visited = true;
                            todo.push((target, stack.clone()));
                        }
                    }
                    Op::Real(_) => {
                        self.block_mut(b).instrs[i].except = stack.last().copied();
                    }
                }
            }
            let block = self.block(b);
            if !block.no_fallthrough {
                if let Some(next) = block.next {
                    if !self.block(next).visited {
                        self.block_mut(next).visited = true;
                        todo.push((next, stack));
                    }
                }
            }
        }
    }

    fn convert_handlers_to_nops(&mut self) {
        for block in &mut self.unit.blocks {
            for instr in &mut block.instrs {
                if matches!(instr.op, Op::Setup(..) | Op::PopBlock) {
                    instr.op = Op::Real(Instruction::Nop);
                }
            }
        }
    }

    // ---- the code object ----

    fn build_code(&mut self, flags: CodeFlags, max_depth: u32) -> CResult<CodeObject> {
        let layout = self.layout();
        let mut offset = 0u32;
        for &b in &layout {
            self.block_mut(b).offset = offset;
            offset += self.block(b).instrs.len() as u32;
        }
        let mut instructions = Vec::with_capacity(offset as usize);
        let mut locations = Vec::with_capacity(offset as usize);
        let mut handlers: Vec<Option<BlockId>> = Vec::with_capacity(offset as usize);
        let mut seen = std::collections::HashSet::new();
        for &b in &layout {
            seen.insert(b);
            for instr in &self.block(b).instrs {
                let real = match instr.op {
                    Op::Real(real) => real,
                    Op::Jump(kind, target) => {
                        let forward = !seen.contains(&target);
                        kind.instruction(forward, Label(self.block(target).offset))
                    }
                    Op::Setup(..) | Op::PopBlock => Instruction::Nop,
                };
                instructions.push(real);
                locations.push(instr.loc);
                handlers.push(instr.except);
            }
        }
        let mut exception_table = Vec::new();
        let mut start = 0;
        for i in 0..=handlers.len() {
            let current = handlers.get(i).copied().flatten();
            let previous = if i == 0 { None } else { handlers[i - 1] };
            if i > 0 && current == previous {
                continue;
            }
            if let Some(handler) = previous {
                let block = self.block(handler);
                let lasti = block.preserve_lasti;
                let depth = block.start_depth.unwrap_or(1) - 1 - i32::from(lasti);
                exception_table.push(ExceptionTableEntry {
                    start: Label(start as u32),
                    end: Label(i as u32),
                    handler: Label(block.offset),
                    depth: depth.max(0) as u32,
                    push_lasti: lasti,
                });
            }
            start = i;
        }
        let unit = &mut self.unit;
        let posonly = unit.posonlyargcount;
        Ok(CodeObject {
            name: unit.name.clone(),
            qualname: if unit.qualname.is_empty() {
                unit.name.clone()
            } else {
                unit.qualname.clone()
            },
            filename: self.filename.clone(),
            first_line: unit.first_line,
            argcount: posonly + unit.argcount,
            posonlyargcount: posonly,
            kwonlyargcount: unit.kwonlyargcount,
            flags,
            varnames: std::mem::take(&mut unit.varnames).into_vec(),
            cellvars: std::mem::take(&mut unit.cellvars).into_vec(),
            freevars: std::mem::take(&mut unit.freevars).into_vec(),
            names: std::mem::take(&mut unit.names).into_vec(),
            constants: std::mem::take(&mut unit.consts.items),
            instructions,
            locations,
            exception_table,
            max_stack_depth: max_depth,
        })
    }
}
