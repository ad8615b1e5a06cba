//! `for i in range(...)` without a range object or iterator: when a
//! `CALL` of the global `range` feeds straight into `GET_ITER; FOR_ITER`,
//! the call site checks at run time that the callable is the builtin
//! `range` and its arguments are small ints with a non-zero step. Then the
//! loop's counter, stop and step live in allocas (promoted to registers)
//! and `FOR_ITER` is a compare and an add; otherwise a flag sends
//! `GET_ITER` and `FOR_ITER` down the ordinary runtime path. The
//! iterator's stack slot holds the `range` type as a placeholder, which
//! nothing but this `FOR_ITER` reads.
//!
//! In generators the loop state must survive a `yield`, so it lives in
//! words of the heap frame after the spill area ([`frame_words`] per code
//! object, [`WORDS_PER_SITE`] per candidate site). The collector traces
//! those words as values: the flag is 0 or 1 (immediates), and the
//! counters, which stay below 2^48 in magnitude (small-int arguments and
//! one step past them), are stored with bit 62 flipped, which makes the
//! top 16 bits non-zero, so no counter ever looks like a pointer.

use inkwell::values::{IntValue, PointerValue};
use inkwell::IntPredicate;

use super::lower::{Known, Lower, Mode, Slot};
use super::{CgResult, CodegenError};
use crate::bytecode::instruction::Instruction;
use crate::bytecode::CodeObject;

/// The state of one inlined range loop.
#[derive(Clone, Copy)]
pub struct RangeSite<'ctx> {
    /// The loop runs inline: i1 in an alloca, 0 or 1 in a frame word.
    flag: PointerValue<'ctx>,
    cur: PointerValue<'ctx>,
    stop: PointerValue<'ctx>,
    step: PointerValue<'ctx>,
    /// The state is in frame words (a generator), encoded as the module
    /// doc says.
    in_frame: bool,
}

/// Frame words a generator's range site keeps.
pub const WORDS_PER_SITE: usize = 4;

/// Bit 62, flipped in counters kept in frame words.
const FRAME_INT_MARK: u64 = 1 << 62;

/// The `CALL`s of `code` that may start an inline range loop (what
/// [`Lower::range_loop_call`] accepts, except that the callable is only
/// known while lowering), in order.
pub fn candidate_sites(code: &CodeObject) -> Vec<usize> {
    let ins = &code.instructions;
    (0..ins.len())
        .filter(|&at| {
            matches!(ins[at], Instruction::Call { argc } if (1..=3).contains(&argc.index()))
                && matches!(ins.get(at + 1), Some(Instruction::GetIter))
                && matches!(ins.get(at + 2), Some(Instruction::ForIter { .. }))
        })
        .collect()
}

/// Frame words a generator keeps for its range loops after the spill area.
pub fn frame_words(code: &CodeObject) -> usize {
    candidate_sites(code).len() * WORDS_PER_SITE
}

impl<'a, 'cx, 'ctx> Lower<'a, 'cx, 'ctx> {
    /// Whether the `CALL` at `at` of `argc` arguments can start an inline
    /// range loop.
    pub fn range_loop_call(&self, at: usize, argc: usize, callable: Known) -> bool {
        let ins = &self.code.instructions;
        callable == Known::Range
            && (1..=3).contains(&argc)
            && matches!(ins.get(at + 1), Some(Instruction::GetIter))
            && matches!(ins.get(at + 2), Some(Instruction::ForIter { .. }))
            && !self.fused_unpacks.contains(&(at + 2))
    }

    /// The `CALL` of `range` at `at`: returns the call's result (the
    /// placeholder on the inline path, the range object otherwise).
    pub fn lower_range_call(
        &mut self,
        at: usize,
        callable: IntValue<'ctx>,
        args: &[IntValue<'ctx>],
    ) -> CgResult<IntValue<'ctx>> {
        let site = self.new_range_site(at)?;
        self.ranges.insert(at + 2, site);
        let range_type = self.call_value("krait_range_type", &[])?;
        let bd = self.builder();
        let mut ok = bd.build_int_compare(IntPredicate::EQ, callable, range_type, "is_range")?;
        for &a in args {
            let is_int = self.is_small_int(a)?;
            ok = self.builder().build_and(ok, is_int, "ints")?;
        }
        let payloads = args
            .iter()
            .map(|&a| self.int_payload(a))
            .collect::<CgResult<Vec<_>>>()?;
        let zero = self.i64t.const_zero();
        let one = self.i64t.const_int(1, false);
        let (start, stop, step) = match payloads[..] {
            [stop] => (zero, stop, one),
            [start, stop] => (start, stop, one),
            [start, stop, step] => (start, stop, step),
            _ => return Err(CodegenError("range arity".to_owned())),
        };
        let nonzero = self
            .builder()
            .build_int_compare(IntPredicate::NE, step, zero, "step_nz")?;
        let ok = self.builder().build_and(ok, nonzero, "inline")?;
        let inline = self.new_block("range.inline");
        let generic = self.new_block("range.generic");
        let join = self.new_block("range.join");
        self.builder()
            .build_conditional_branch(ok, inline, generic)?;

        self.builder().position_at_end(inline);
        self.store_flag(site, true)?;
        self.store_counter(site, site.cur, start)?;
        self.store_counter(site, site.stop, stop)?;
        self.store_counter(site, site.step, step)?;
        self.builder().build_unconditional_branch(join)?;

        self.builder().position_at_end(generic);
        self.store_flag(site, false)?;
        let r = self.generic_call(callable, args, None)?;
        let generic_end = self.current_insert_block()?;
        self.builder().build_unconditional_branch(join)?;

        self.builder().position_at_end(join);
        let phi = self.builder().build_phi(self.i64t, "range")?;
        phi.add_incoming(&[(&range_type, inline), (&r, generic_end)]);
        Ok(phi.as_basic_value().into_int_value())
    }

    /// `GET_ITER` at `at` before an inline range loop: the placeholder
    /// stays, or `iter()` of the range object.
    pub fn lower_range_get_iter(
        &mut self,
        at: usize,
        pre: &[Slot<'ctx>],
        site: RangeSite<'ctx>,
    ) -> CgResult<()> {
        let v = self.pop_v()?;
        let flag = self.load_flag(site)?;
        let from = self.current_insert_block()?;
        let generic = self.new_block("iter.generic");
        let join = self.new_block("iter.join");
        self.builder()
            .build_conditional_branch(flag, join, generic)?;
        self.builder().position_at_end(generic);
        let it = self.call_value("krait_iter", &[v.into()])?;
        self.check_value(it, at, pre)?;
        let generic_end = self.current_insert_block()?;
        self.builder().build_unconditional_branch(join)?;
        self.builder().position_at_end(join);
        let phi = self.builder().build_phi(self.i64t, "iter")?;
        phi.add_incoming(&[(&v, from), (&it, generic_end)]);
        self.push(phi.as_basic_value().into_int_value());
        Ok(())
    }

    /// `FOR_ITER` at `at` of an inline range loop.
    pub fn lower_range_for_iter(
        &mut self,
        at: usize,
        target: usize,
        pre: &[Slot<'ctx>],
        site: RangeSite<'ctx>,
    ) -> CgResult<()> {
        let flag = self.load_flag(site)?;
        let inline = self.new_block("for.inline");
        let generic = self.new_block("for.generic");
        self.builder()
            .build_conditional_branch(flag, inline, generic)?;

        let mut exhausted = self.stack.clone();
        exhausted.pop();

        self.builder().position_at_end(inline);
        let cur = self.load_counter(site, site.cur, "cur")?;
        let stop = self.load_counter(site, site.stop, "stop")?;
        let step = self.load_counter(site, site.step, "step")?;
        let bd = self.builder();
        let zero = self.i64t.const_zero();
        let up = bd.build_int_compare(IntPredicate::SGT, step, zero, "up")?;
        let below = bd.build_int_compare(IntPredicate::SLT, cur, stop, "below")?;
        let above = bd.build_int_compare(IntPredicate::SGT, cur, stop, "above")?;
        let more = bd.build_select(up, below, above, "more")?.into_int_value();
        let next = bd.build_int_add(cur, step, "next")?;
        self.store_counter(site, site.cur, next)?;
        let item = self.box_int(cur)?;
        let mut with_item = self.stack.clone();
        with_item.push(Slot {
            v: item,
            known: Known::Nothing,
        });
        self.branch(more, at + 1, &with_item, target, &exhausted)?;

        self.builder().position_at_end(generic);
        self.open = true;
        let it = self.peek(1)?.v;
        let r = self.call_value("krait_for_iter", &[it.into()])?;
        self.check_value(r, at, pre)?;
        let done = self
            .builder()
            .build_int_compare(IntPredicate::EQ, r, self.null(), "done")?;
        let mut next = self.stack.clone();
        next.push(Slot {
            v: r,
            known: Known::Nothing,
        });
        self.branch(done, target, &exhausted, at + 1, &next)
    }

    /// The state of the range site at `CALL` `at`: allocas, or in a
    /// generator its frame words.
    fn new_range_site(&self, at: usize) -> CgResult<RangeSite<'ctx>> {
        if self.mode != Mode::Generator {
            return Ok(RangeSite {
                flag: self.entry_alloca(self.cx.context.bool_type(), "range.inline")?,
                cur: self.entry_alloca(self.i64t, "range.cur")?,
                stop: self.entry_alloca(self.i64t, "range.stop")?,
                step: self.entry_alloca(self.i64t, "range.step")?,
                in_frame: false,
            });
        }
        let k = candidate_sites(self.code)
            .iter()
            .position(|&c| c == at)
            .ok_or_else(|| CodegenError(format!("range site {at} is not a candidate")))?;
        let first = self.code.max_stack_depth as usize + k * WORDS_PER_SITE;
        let word = |j: usize| self.spill_word(first + j);
        Ok(RangeSite {
            flag: word(0)?,
            cur: word(1)?,
            stop: word(2)?,
            step: word(3)?,
            in_frame: true,
        })
    }

    fn store_flag(&self, site: RangeSite<'ctx>, on: bool) -> CgResult<()> {
        let v = if site.in_frame {
            self.i64t.const_int(u64::from(on), false)
        } else {
            self.cx.context.bool_type().const_int(u64::from(on), false)
        };
        self.builder().build_store(site.flag, v)?;
        Ok(())
    }

    /// The flag as an i1.
    fn load_flag(&self, site: RangeSite<'ctx>) -> CgResult<IntValue<'ctx>> {
        let bd = self.builder();
        if !site.in_frame {
            let ty = self.cx.context.bool_type();
            return Ok(bd.build_load(ty, site.flag, "inline")?.into_int_value());
        }
        let w = bd
            .build_load(self.i64t, site.flag, "inline")?
            .into_int_value();
        Ok(bd.build_int_compare(IntPredicate::NE, w, self.i64t.const_zero(), "inline")?)
    }

    fn store_counter(
        &self,
        site: RangeSite<'ctx>,
        p: PointerValue<'ctx>,
        v: IntValue<'ctx>,
    ) -> CgResult<()> {
        let v = if site.in_frame {
            let mark = self.i64t.const_int(FRAME_INT_MARK, false);
            self.builder().build_xor(v, mark, "marked")?
        } else {
            v
        };
        self.builder().build_store(p, v)?;
        Ok(())
    }

    fn load_counter(
        &self,
        site: RangeSite<'ctx>,
        p: PointerValue<'ctx>,
        name: &str,
    ) -> CgResult<IntValue<'ctx>> {
        let v = self
            .builder()
            .build_load(self.i64t, p, name)?
            .into_int_value();
        if !site.in_frame {
            return Ok(v);
        }
        let mark = self.i64t.const_int(FRAME_INT_MARK, false);
        Ok(self.builder().build_xor(v, mark, name)?)
    }
}
