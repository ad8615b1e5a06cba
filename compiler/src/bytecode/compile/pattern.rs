//! `match` statements (PEP 634), as CPython 3.11 compiles them.
//!
//! Every pattern routine consumes the subject on top of the stack and, on
//! failure, jumps to a "fail pop" block that pops whatever is left above
//! the subject copy: `on_top` items being worked on, plus every value
//! captured so far. Captured values wait on the stack (rotated under the
//! items in use) until the whole pattern has matched; only then are they
//! stored, so a failed match binds nothing.

use super::ir::{BlockId, JumpKind};
use super::{CResult, Compiler, Ctx};
use crate::bytecode::constant::Constant;
use crate::bytecode::instruction::*;
use crate::syntax::ast::*;

/// CPython's `pattern_context`.
#[derive(Clone, Default)]
struct PatternContext {
    /// Names captured so far, in the order their values sit on the stack.
    stores: Vec<String>,
    /// Whether an irrefutable pattern is allowed here.
    allow_irrefutable: bool,
    /// `fail_pop[i]` pops `i` items and continues with the next case.
    fail_pop: Vec<BlockId>,
    /// Items above the subject that must stay there.
    on_top: usize,
}

/// `_`: a capture pattern without a name.
fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        p.kind,
        PatternKind::MatchAs {
            pattern: None,
            name: None
        }
    )
}

/// `*_`.
fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p.kind, PatternKind::MatchStar(None))
}

impl<'a> Compiler<'a> {
    pub(super) fn match_stmt(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> CResult {
        self.expr(subject)?;
        let end = self.new_block();
        let Some(last) = cases.last() else {
            return Err(self.unchecked("'match' without cases"));
        };
        let has_default = usize::from(is_wildcard(&last.pattern) && cases.len() > 1);
        let mut pc = PatternContext::default();
        for (i, case) in cases[..cases.len() - has_default].iter().enumerate() {
            self.set_loc(case.pattern.span);
            let is_last = i + 1 == cases.len() - has_default;
            // Only copy the subject if this is not the last case.
            if !is_last {
                self.emit_copy(1);
            }
            pc.stores.clear();
            pc.allow_irrefutable = case.guard.is_some() || i + 1 == cases.len();
            pc.fail_pop.clear();
            pc.on_top = 0;
            self.pattern(&case.pattern, &mut pc)?;
            // It matched: store the captured names.
            for name in std::mem::take(&mut pc.stores) {
                self.name_op(&name, Ctx::Store)?;
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                self.jump_if(guard, pc.fail_pop[0], false)?;
            }
            // Done with the subject.
            if !is_last {
                self.emit(Instruction::PopTop);
            }
            self.stmts(&case.body)?;
            self.unset_loc();
            self.jump(JumpKind::Jump, end);
            // The clean-up of a failed match belongs to the pattern's line.
            self.set_loc(case.pattern.span);
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default == 1 {
            // A trailing `case _:` needs no copy of the subject.
            self.set_loc(last.pattern.span);
            if cases.len() == 1 {
                self.emit(Instruction::PopTop);
            } else {
                // Line coverage for the default case.
                self.emit(Instruction::Nop);
            }
            if let Some(guard) = &last.guard {
                self.jump_if(guard, end, false)?;
            }
            self.stmts(&last.body)?;
            self.unset_loc();
        }
        self.use_next_block(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let block = self.new_block();
            pc.fail_pop.push(block);
        }
    }

    /// Jumps to the block that pops what the pattern has pushed so far.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, kind: JumpKind) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.jump(kind, pc.fail_pop[pops]);
    }

    /// The fail-pop blocks: `POP_TOP`s falling into each other.
    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        let Some((&first, rest)) = pc.fail_pop.split_first() else {
            return;
        };
        for &block in rest.iter().rev() {
            self.use_next_block(block);
            self.emit(Instruction::PopTop);
        }
        self.use_next_block(first);
        pc.fail_pop.clear();
    }

    /// 3.10's `ROT_N count` as `SWAP`s.
    fn rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit_swap(count as u32);
            count -= 1;
        }
    }

    /// Captures the value on top under `name` (or discards it), moving it
    /// under the items still in use (`pattern_helper_store_name`).
    fn store_capture(&mut self, name: Option<&Ident>, pc: &mut PatternContext) {
        let Some(name) = name else {
            self.emit(Instruction::PopTop);
            return;
        };
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name.name.to_string());
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        self.set_loc(p.span);
        match &p.kind {
            PatternKind::MatchValue(value) => {
                self.expr(value)?;
                self.compare_op(CmpOp::Eq);
                self.jump_to_fail_pop(pc, JumpKind::PopJumpIfFalse);
            }
            PatternKind::MatchSingleton(value) => {
                self.load_const(super::fold::constant(value));
                self.compare_op(CmpOp::Is);
                self.jump_to_fail_pop(pc, JumpKind::PopJumpIfFalse);
            }
            PatternKind::MatchSequence(patterns) => self.pattern_sequence(patterns, pc)?,
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => self.pattern_mapping(keys, patterns, rest.as_ref(), pc)?,
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.pattern_class(cls, patterns, kwd_attrs, kwd_patterns, pc)?,
            PatternKind::MatchStar(name) => self.store_capture(name.as_ref(), pc),
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return Err(self.unchecked("irrefutable pattern before others"));
                    }
                    self.store_capture(name.as_ref(), pc);
                }
                Some(pattern) => {
                    // Keep a copy to store if the pattern matches.
                    pc.on_top += 1;
                    self.emit_copy(1);
                    self.pattern(pattern, pc)?;
                    pc.on_top -= 1;
                    self.store_capture(name.as_ref(), pc);
                }
            },
            PatternKind::MatchOr(alternatives) => self.pattern_or(alternatives, pc)?,
        }
        Ok(())
    }

    /// A pattern inside another: irrefutable ones are allowed.
    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        let result = self.pattern(p, pc);
        pc.allow_irrefutable = allow;
        result
    }

    fn pattern_sequence(&mut self, patterns: &'a [Pattern], pc: &mut PatternContext) -> CResult {
        let size = patterns.len();
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, pattern) in patterns.iter().enumerate() {
            if matches!(pattern.kind, PatternKind::MatchStar(_)) {
                star_wildcard = is_star_wildcard(pattern);
                only_wildcard &= star_wildcard;
                star = Some(i);
            } else {
                only_wildcard &= is_wildcard(pattern);
            }
        }
        // Keep the subject on top during the sequence and length checks.
        pc.on_top += 1;
        self.emit(Instruction::MatchSequence);
        self.jump_to_fail_pop(pc, JumpKind::PopJumpIfFalse);
        match star {
            None => {
                self.emit(Instruction::GetLen);
                self.load_const(Constant::Int(size as i64));
                self.compare_op(CmpOp::Eq);
                self.jump_to_fail_pop(pc, JumpKind::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.emit(Instruction::GetLen);
                self.load_const(Constant::Int(size as i64 - 1));
                self.compare_op(CmpOp::GtE);
                self.jump_to_fail_pop(pc, JumpKind::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        // What follows consumes the subject.
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Instruction::PopTop);
        } else if let (true, Some(star)) = (star_wildcard, star) {
            self.sequence_subscr(patterns, star, pc)?;
        } else {
            self.sequence_unpack(patterns, star, pc)?;
        }
        Ok(())
    }

    fn sequence_unpack(
        &mut self,
        patterns: &'a [Pattern],
        star: Option<usize>,
        pc: &mut PatternContext,
    ) -> CResult {
        let size = patterns.len();
        match star {
            Some(star) => {
                let before = u8::try_from(star).map_err(|_| {
                    self.unchecked("too many expressions in star-unpacking sequence pattern")
                })?;
                self.emit(Instruction::UnpackEx {
                    before,
                    after: (size - star - 1) as u32,
                });
            }
            None => self.emit(Instruction::UnpackSequence {
                count: Count(size as u32),
            }),
        }
        // The items stay on the stack while each is matched.
        pc.on_top += size;
        for pattern in patterns {
            pc.on_top -= 1;
            self.subpattern(pattern, pc)?;
        }
        Ok(())
    }

    /// `[first, *_, last]`: index the subject instead of unpacking it.
    fn sequence_subscr(
        &mut self,
        patterns: &'a [Pattern],
        star: usize,
        pc: &mut PatternContext,
    ) -> CResult {
        let size = patterns.len();
        pc.on_top += 1;
        for (i, pattern) in patterns.iter().enumerate() {
            if is_wildcard(pattern) || i == star {
                continue;
            }
            self.emit_copy(1);
            if i < star {
                self.load_const(Constant::Int(i as i64));
            } else {
                // The subject may not support negative indices.
                self.emit(Instruction::GetLen);
                self.load_const(Constant::Int((size - i) as i64));
                self.emit(Instruction::BinaryOp {
                    op: BinaryOperator::Subtract,
                });
            }
            self.emit(Instruction::BinarySubscr);
            self.subpattern(pattern, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Instruction::PopTop);
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&'a Ident>,
        pc: &mut PatternContext,
    ) -> CResult {
        let size = keys.len();
        // Keep the subject on top during the mapping and length checks.
        pc.on_top += 1;
        self.emit(Instruction::MatchMapping);
        self.jump_to_fail_pop(pc, JumpKind::PopJumpIfFalse);
        if size == 0 && rest.is_none() {
            // `{}`: done.
            pc.on_top -= 1;
            self.emit(Instruction::PopTop);
            return Ok(());
        }
        if size > 0 {
            self.emit(Instruction::GetLen);
            self.load_const(Constant::Int(size as i64));
            self.compare_op(CmpOp::GtE);
            self.jump_to_fail_pop(pc, JumpKind::PopJumpIfFalse);
        }
        self.exprs(keys)?;
        self.emit(Instruction::BuildTuple {
            count: Count(size as u32),
        });
        self.emit(Instruction::MatchKeys);
        // A tuple of keys and a tuple of values (or None) on the subject.
        pc.on_top += 2;
        self.emit_copy(1);
        self.load_none();
        self.emit(Instruction::IsOp { negate: true });
        self.jump_to_fail_pop(pc, JumpKind::PopJumpIfFalse);
        self.emit(Instruction::UnpackSequence {
            count: Count(size as u32),
        });
        pc.on_top += size;
        pc.on_top -= 1;
        for pattern in patterns {
            pc.on_top -= 1;
            self.subpattern(pattern, pc)?;
        }
        // Matched: what follows consumes the keys and the subject.
        pc.on_top -= 2;
        match rest {
            Some(rest) => {
                // rest = dict(subject); del rest[key] for each key.
                self.emit(Instruction::BuildMap { count: Count(0) });
                self.emit_swap(3);
                self.emit(Instruction::DictUpdate { pos: StackPos(2) });
                self.emit(Instruction::UnpackSequence {
                    count: Count(size as u32),
                });
                let mut remaining = size as u32;
                while remaining > 0 {
                    self.emit_copy(1 + remaining);
                    remaining -= 1;
                    self.emit_swap(2);
                    self.emit(Instruction::DeleteSubscr);
                }
                self.store_capture(Some(rest), pc);
            }
            None => {
                self.emit(Instruction::PopTop); // the keys
                self.emit(Instruction::PopTop); // the subject
            }
        }
        Ok(())
    }

    fn pattern_class(
        &mut self,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [Ident],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> CResult {
        let nargs = patterns.len();
        let nattrs = kwd_attrs.len();
        self.expr(cls)?;
        let names = kwd_attrs
            .iter()
            .map(|attr| Constant::Str(attr.name.to_string()))
            .collect();
        self.load_const(Constant::Tuple(names));
        self.emit(Instruction::MatchClass {
            count: Count(nargs as u32),
        });
        self.emit_copy(1);
        self.load_none();
        self.emit(Instruction::IsOp { negate: true });
        // A tuple of the attributes (or None) on top.
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, JumpKind::PopJumpIfFalse);
        self.emit(Instruction::UnpackSequence {
            count: Count((nargs + nattrs) as u32),
        });
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for pattern in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(pattern) {
                self.emit(Instruction::PopTop);
                continue;
            }
            self.subpattern(pattern, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, alternatives: &'a [Pattern], pc: &mut PatternContext) -> CResult {
        let end = self.new_block();
        let old = std::mem::take(pc);
        let mut control: Option<Vec<String>> = None;
        for (i, alternative) in alternatives.iter().enumerate() {
            self.set_loc(alternative.span);
            pc.stores = Vec::new();
            pc.allow_irrefutable = i + 1 == alternatives.len() && old.allow_irrefutable;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit_copy(1);
            self.pattern(alternative, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(control) if control.len() != pc.stores.len() => {
                    return Err(self.unchecked("alternative patterns bind different names"));
                }
                Some(control) => {
                    // Reorder the captures to the first alternative's order.
                    for icontrol in (0..control.len()).rev() {
                        let name = &control[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(self.unchecked("alternative patterns bind different names"));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            pc.stores.splice(at..at, rotated);
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.jump(JumpKind::Jump, end);
            self.emit_and_reset_fail_pop(pc);
        }
        *pc = old;
        // No alternative matched: pop the copy of the subject and fail.
        self.emit(Instruction::PopTop);
        self.jump_to_fail_pop(pc, JumpKind::Jump);
        self.use_next_block(end);
        let control = control.unwrap_or_default();
        let rotations = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            // Move each capture to its place on the stack.
            self.rotate(rotations);
            pc.stores.push(name);
        }
        // Pop the copy of the subject.
        self.emit(Instruction::PopTop);
        Ok(())
    }
}
