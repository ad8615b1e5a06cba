//! The assembler's optimisations on the control-flow graph, as CPython
//! 3.11's `optimize_cfg`: per block, constant conditions decided, `is None`
//! tests turned into `POP_JUMP_IF_NONE`, jumps to jumps threaded, tuples of
//! constants folded, runs of `SWAP` shortened or applied to the stores that
//! follow, and `PUSH_NULL; LOAD_GLOBAL` merged; then unreachable blocks,
//! empty blocks and jumps to the next block removed, and `NOP`s without a
//! line of their own dropped. Matching CPython here keeps listings
//! comparable with `dis`.

use super::ir::{BlockId, Instr, JumpKind, Op};
use super::{CResult, Compiler};
use crate::bytecode::constant::Constant;
use crate::bytecode::error::InternalErrorKind;
use crate::bytecode::instruction::*;

impl Compiler<'_> {
    pub(super) fn optimize_cfg(&mut self) -> CResult {
        for b in self.layout() {
            self.optimize_block(b)?;
            self.clean_block(b);
        }
        for b in (0..self.unit.blocks.len()).rev() {
            self.extend_block(BlockId(b as u32));
        }
        self.mark_reachable();
        for b in self.layout() {
            let block = self.block_mut(b);
            if block.predecessors == 0 {
                block.instrs.clear();
                block.no_fallthrough = false;
            }
        }
        self.eliminate_empty_blocks();
        for b in self.layout() {
            self.clean_block(b);
        }
        // Remove jumps to the next block.
        let mut maybe_empty = false;
        for b in self.layout() {
            let next = self.block(b).next;
            let block = self.block_mut(b);
            if let Some(last) = block.instrs.last_mut() {
                if let Op::Jump(kind, target) = last.op {
                    if kind.is_unconditional() && Some(target) == next {
                        last.op = Op::Real(Instruction::Nop);
                        block.no_fallthrough = false;
                        maybe_empty = true;
                    }
                }
            }
        }
        if maybe_empty {
            self.eliminate_empty_blocks();
        }
        Ok(())
    }

    fn constant(&self, index: ConstIdx) -> CResult<&Constant> {
        self.unit
            .consts
            .get(index)
            .ok_or_else(|| self.error(InternalErrorKind::OperandOutOfRange { index: 0 }))
    }

    /// CPython's `optimize_basic_block`.
    fn optimize_block(&mut self, b: BlockId) -> CResult {
        let mut i = 0;
        while i < self.block(b).instrs.len() {
            let instrs = &self.block(b).instrs;
            let inst = instrs[i];
            let next_op = instrs.get(i + 1).map(|n| n.op);
            // Skip over empty blocks.
            if let Some(target) = inst.op.target() {
                let target = self.skip_empty(target);
                self.block_mut(b).instrs[i].op.set_target(target);
            }
            let inst = self.block(b).instrs[i];
            let target_op = inst
                .op
                .target()
                .and_then(|t| self.block(t).instrs.first().copied());
            match inst.op {
                Op::Real(Instruction::LoadConst { index }) => {
                    self.fold_constant_condition(b, i, index, next_op)?;
                }
                Op::Real(Instruction::BuildTuple { count }) => {
                    if let Some(Op::Real(Instruction::UnpackSequence { count: unpack })) = next_op {
                        if unpack == count && (1..=3).contains(&count.0) {
                            let block = self.block_mut(b);
                            block.instrs[i].op = Op::Real(Instruction::Nop);
                            block.instrs[i + 1].op = Op::Real(if count.0 == 1 {
                                Instruction::Nop
                            } else {
                                Instruction::Swap {
                                    pos: StackPos(count.0),
                                }
                            });
                            i += 1;
                            continue;
                        }
                    }
                    let n = count.index();
                    if i >= n {
                        self.fold_tuple_of_constants(b, i - n, n)?;
                    }
                }
                Op::Jump(JumpKind::JumpIfFalseOrPop, _)
                | Op::Jump(JumpKind::JumpIfTrueOrPop, _) => {
                    let if_true = matches!(inst.op, Op::Jump(JumpKind::JumpIfTrueOrPop, _));
                    let (same_pop, same_keep, opposite_pop, opposite_keep) = if if_true {
                        (
                            JumpKind::PopJumpIfTrue,
                            JumpKind::JumpIfTrueOrPop,
                            JumpKind::PopJumpIfFalse,
                            JumpKind::JumpIfFalseOrPop,
                        )
                    } else {
                        (
                            JumpKind::PopJumpIfFalse,
                            JumpKind::JumpIfFalseOrPop,
                            JumpKind::PopJumpIfTrue,
                            JumpKind::JumpIfTrueOrPop,
                        )
                    };
                    if let Some(target) = target_op {
                        let thread = match target.op {
                            Op::Jump(kind, _) if kind == same_pop => Some(same_pop),
                            Op::Jump(kind, _) if kind == JumpKind::Jump || kind == same_keep => {
                                Some(same_keep)
                            }
                            _ => None,
                        };
                        let opposite = matches!(
                            target.op,
                            Op::Jump(kind, _) if kind == opposite_pop || kind == opposite_keep
                        );
                        if let Some(kind) = thread {
                            if self.jump_thread(b, i, &target, kind) {
                                continue;
                            }
                        } else if opposite && inst.line() == target.line() {
                            // The second test fails whenever the first
                            // succeeds: jump past it, popping.
                            let jump_target = inst.op.target().unwrap_or(b);
                            if let Some(after) = self.block(jump_target).next {
                                self.block_mut(b).instrs[i].op = Op::Jump(same_pop, after);
                                continue;
                            }
                        }
                    }
                }
                Op::Jump(
                    kind @ (JumpKind::PopJumpIfNone
                    | JumpKind::PopJumpIfNotNone
                    | JumpKind::PopJumpIfFalse
                    | JumpKind::PopJumpIfTrue
                    | JumpKind::Jump),
                    _,
                ) => {
                    if let Some(target) = target_op {
                        if matches!(target.op, Op::Jump(JumpKind::Jump, _))
                            && self.jump_thread(b, i, &target, kind)
                        {
                            continue;
                        }
                    }
                }
                Op::Real(Instruction::Swap { pos }) => {
                    if pos.0 == 1 {
                        self.block_mut(b).instrs[i].op = Op::Real(Instruction::Nop);
                    } else {
                        let end = self.swaptimize(b, i);
                        self.apply_static_swaps(b, end);
                        i = end;
                    }
                }
                Op::Real(Instruction::PushNull) => {
                    if let Some(Op::Real(Instruction::LoadGlobal {
                        name,
                        push_null: false,
                    })) = next_op
                    {
                        let block = self.block_mut(b);
                        block.instrs[i].op = Op::Real(Instruction::Nop);
                        block.instrs[i + 1].op = Op::Real(Instruction::LoadGlobal {
                            name,
                            push_null: true,
                        });
                    }
                }
                _ => {}
            }
            i += 1;
        }
        Ok(())
    }

    /// `LOAD_CONST c` followed by a conditional jump: decide the jump now.
    fn fold_constant_condition(
        &mut self,
        b: BlockId,
        i: usize,
        index: ConstIdx,
        next_op: Option<Op>,
    ) -> CResult {
        match next_op {
            Some(Op::Jump(kind @ (JumpKind::PopJumpIfFalse | JumpKind::PopJumpIfTrue), target)) => {
                let is_true = self.constant(index)?.is_truthy();
                let jump_if_true = kind == JumpKind::PopJumpIfTrue;
                let block = self.block_mut(b);
                block.instrs[i].op = Op::Real(Instruction::Nop);
                if is_true == jump_if_true {
                    block.instrs[i + 1].op = Op::Jump(JumpKind::Jump, target);
                    block.no_fallthrough = true;
                } else {
                    block.instrs[i + 1].op = Op::Real(Instruction::Nop);
                }
            }
            Some(Op::Jump(
                kind @ (JumpKind::JumpIfFalseOrPop | JumpKind::JumpIfTrueOrPop),
                target,
            )) => {
                let is_true = self.constant(index)?.is_truthy();
                let jump_if_true = kind == JumpKind::JumpIfTrueOrPop;
                let block = self.block_mut(b);
                if is_true == jump_if_true {
                    block.instrs[i + 1].op = Op::Jump(JumpKind::Jump, target);
                    block.no_fallthrough = true;
                } else {
                    block.instrs[i].op = Op::Real(Instruction::Nop);
                    block.instrs[i + 1].op = Op::Real(Instruction::Nop);
                }
            }
            Some(Op::Real(Instruction::IsOp { negate })) => {
                let is_none = matches!(self.constant(index)?, Constant::None);
                let jump = self.block(b).instrs.get(i + 2).map(|n| n.op);
                if let Some(Op::Jump(
                    kind @ (JumpKind::PopJumpIfFalse | JumpKind::PopJumpIfTrue),
                    target,
                )) = jump
                {
                    if is_none {
                        let if_false = kind == JumpKind::PopJumpIfFalse;
                        let new_kind = if negate ^ if_false {
                            JumpKind::PopJumpIfNotNone
                        } else {
                            JumpKind::PopJumpIfNone
                        };
                        let block = self.block_mut(b);
                        block.instrs[i].op = Op::Real(Instruction::Nop);
                        block.instrs[i + 1].op = Op::Real(Instruction::Nop);
                        block.instrs[i + 2].op = Op::Jump(new_kind, target);
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// `LOAD_CONST c1 … LOAD_CONST cn; BUILD_TUPLE n` to one `LOAD_CONST`
    /// of the tuple (`fold_tuple_on_constants`).
    fn fold_tuple_of_constants(&mut self, b: BlockId, start: usize, n: usize) -> CResult {
        let mut items = Vec::with_capacity(n);
        for k in 0..n {
            match self.block(b).instrs[start + k].op {
                Op::Real(Instruction::LoadConst { index }) => {
                    items.push(self.constant(index)?.clone());
                }
                _ => return Ok(()),
            }
        }
        let index = self.unit.consts.add(Constant::Tuple(items));
        let block = self.block_mut(b);
        for k in 0..n {
            block.instrs[start + k].op = Op::Real(Instruction::Nop);
        }
        block.instrs[start + n].op = Op::Real(Instruction::LoadConst { index });
        Ok(())
    }

    /// Makes the jump at `i` go where the jump it targets goes, if both
    /// have the same line (`jump_thread`). Returns whether it changed.
    fn jump_thread(&mut self, b: BlockId, i: usize, target: &Instr, kind: JumpKind) -> bool {
        let inst = self.block(b).instrs[i];
        let (Some(inst_target), Some(next_target)) = (inst.op.target(), target.op.target()) else {
            return false;
        };
        if inst.line() == target.line() && inst_target != next_target {
            self.block_mut(b).instrs[i].op = Op::Jump(kind, next_target);
            return true;
        }
        false
    }

    /// Replaces a run of `SWAP`s and `NOP`s starting at `start` with the
    /// shortest equivalent run (`swaptimize`). Returns the index of the
    /// run's last instruction.
    fn swaptimize(&mut self, b: BlockId, start: usize) -> usize {
        let instrs = &self.block(b).instrs;
        let Op::Real(Instruction::Swap { pos }) = instrs[start].op else {
            return start;
        };
        let mut depth = pos.0 as usize;
        let mut len = 1;
        let mut more = false;
        while start + len < instrs.len() {
            match instrs[start + len].op {
                Op::Real(Instruction::Swap { pos }) => {
                    depth = depth.max(pos.0 as usize);
                    more = true;
                }
                Op::Real(Instruction::Nop) => {}
                _ => break,
            }
            len += 1;
        }
        if !more {
            return start;
        }
        // Simulate the run on a stack of item numbers.
        let mut stack: Vec<Option<usize>> = (0..depth).map(Some).collect();
        for k in 0..len {
            if let Op::Real(Instruction::Swap { pos }) = instrs[start + k].op {
                stack.swap(0, pos.0 as usize - 1);
            }
        }
        // Rewrite from the end of the run: each cycle of the permutation
        // becomes a chain of swaps with the top.
        let mut current = len as isize - 1;
        let mut rewritten: Vec<Option<u32>> = vec![None; len];
        for i in 0..depth {
            if stack[i].is_none() || stack[i] == Some(i) {
                continue;
            }
            let mut j = i;
            loop {
                if j != 0 {
                    if current >= 0 {
                        rewritten[current as usize] = Some(j as u32 + 1);
                    }
                    current -= 1;
                }
                match stack[j] {
                    None => break,
                    Some(next) => {
                        stack[j] = None;
                        j = next;
                    }
                }
            }
        }
        let block = self.block_mut(b);
        for (k, swap) in rewritten.into_iter().enumerate() {
            block.instrs[start + k].op = Op::Real(match swap {
                Some(pos) => Instruction::Swap { pos: StackPos(pos) },
                None => Instruction::Nop,
            });
        }
        start + len - 1
    }

    /// The next `STORE_FAST`/`POP_TOP` after `i` (skipping `NOP`s), if any
    /// and, with `line`, only on that line.
    fn next_swappable(&self, b: BlockId, mut i: usize, line: Option<Option<u32>>) -> Option<usize> {
        let instrs = &self.block(b).instrs;
        loop {
            i += 1;
            let instr = instrs.get(i)?;
            if let Some(line) = line {
                if line.is_some() && instr.line() != line {
                    return None;
                }
            }
            match instr.op {
                Op::Real(Instruction::Nop) => continue,
                Op::Real(Instruction::StoreFast { .. } | Instruction::PopTop) => return Some(i),
                _ => return None,
            }
        }
    }

    /// Applies `SWAP`s by swapping the `STORE_FAST`/`POP_TOP`s that follow
    /// instead of stack items (`apply_static_swaps`).
    fn apply_static_swaps(&mut self, b: BlockId, end: usize) {
        let stores_to = |instr: &Instr| match instr.op {
            Op::Real(Instruction::StoreFast { local }) => Some(local),
            _ => None,
        };
        let mut i = end as isize;
        while i >= 0 {
            let idx = i as usize;
            let swap = self.block(b).instrs[idx];
            let pos = match swap.op {
                Op::Real(Instruction::Swap { pos }) => pos.0,
                Op::Real(
                    Instruction::Nop | Instruction::StoreFast { .. } | Instruction::PopTop,
                ) => {
                    i -= 1;
                    continue;
                }
                _ => return,
            };
            let Some(j) = self.next_swappable(b, idx, None) else {
                return;
            };
            let mut k = j;
            let line = self.block(b).instrs[j].line();
            for _ in 1..pos {
                match self.next_swappable(b, k, Some(line)) {
                    Some(next) => k = next,
                    None => return,
                }
            }
            let instrs = &self.block(b).instrs;
            let store_j = stores_to(&instrs[j]);
            let store_k = stores_to(&instrs[k]);
            if store_j.is_some() || store_k.is_some() {
                if store_j == store_k {
                    return;
                }
                for between in &instrs[j + 1..k] {
                    let store = stores_to(between);
                    if store.is_some() && (store == store_j || store == store_k) {
                        return;
                    }
                }
            }
            let block = self.block_mut(b);
            block.instrs[idx].op = Op::Real(Instruction::Nop);
            block.instrs.swap(j, k);
            i -= 1;
        }
    }

    /// Counts each block's predecessors (`mark_reachable`); unreachable
    /// blocks keep zero.
    pub(super) fn mark_reachable(&mut self) {
        for block in &mut self.unit.blocks {
            block.predecessors = 0;
        }
        let entry = BlockId(0);
        self.block_mut(entry).predecessors = 1;
        let mut stack = vec![entry];
        while let Some(b) = stack.pop() {
            let block = self.block(b);
            let mut successors = Vec::new();
            if let (Some(next), false) = (block.next, block.no_fallthrough) {
                successors.push(next);
            }
            successors.extend(block.instrs.iter().filter_map(|i| i.op.target()));
            for target in successors {
                let target_block = self.block_mut(target);
                if target_block.predecessors == 0 {
                    stack.push(target);
                }
                target_block.predecessors += 1;
            }
        }
    }

    /// Unlinks empty blocks from the layout and retargets jumps past them.
    fn eliminate_empty_blocks(&mut self) {
        for b in self.layout() {
            if let Some(mut next) = self.block(b).next {
                while self.block(next).instrs.is_empty() {
                    match self.block(next).next {
                        Some(after) => next = after,
                        None => break,
                    }
                }
                self.block_mut(b).next = Some(next);
            }
        }
        for b in self.layout() {
            let target = match self.block(b).last() {
                Some(Instr {
                    op: Op::Jump(_, target),
                    ..
                }) => *target,
                _ => continue,
            };
            let target = self.skip_empty(target);
            if let Some(last) = self.block_mut(b).last_mut() {
                last.op.set_target(target);
            }
        }
    }

    /// Removes `NOP`s that carry no line number the neighbours lack
    /// (`clean_basic_block`).
    pub(super) fn clean_block(&mut self, b: BlockId) {
        let next_line = {
            let mut next = self.block(b).next;
            while let Some(n) = next {
                if !self.block(n).instrs.is_empty() {
                    break;
                }
                next = self.block(n).next;
            }
            next.and_then(|n| self.block(n).instrs.first().map(Instr::line))
        };
        let mut instrs = std::mem::take(&mut self.block_mut(b).instrs);
        let mut kept: Vec<Instr> = Vec::with_capacity(instrs.len());
        let mut prev_line: Option<Option<u32>> = None;
        for src in 0..instrs.len() {
            let instr = instrs[src];
            let line = instr.line();
            if instr.op.is_nop() {
                if line.is_none() {
                    continue;
                }
                if prev_line == Some(line) {
                    continue;
                }
                if src + 1 < instrs.len() {
                    let following = instrs[src + 1].line();
                    if following == line {
                        continue;
                    }
                    if following.is_none() {
                        // The next instruction takes over the location.
                        instrs[src + 1].loc = instr.loc;
                        continue;
                    }
                } else if next_line == Some(line) {
                    continue;
                }
            }
            kept.push(instr);
            prev_line = Some(line);
        }
        self.block_mut(b).instrs = kept;
    }
}
