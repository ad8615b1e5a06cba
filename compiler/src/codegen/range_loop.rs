//! `for i in range(...)` without a range object or iterator: when a
//! `CALL` of the global `range` feeds straight into `GET_ITER; FOR_ITER`
//! (outside generators), the call site checks at run time that the
//! callable is the builtin `range` and its arguments are small ints with a
//! non-zero step. Then the loop's counter, stop and step live in allocas
//! (promoted to registers) and `FOR_ITER` is a compare and an add;
//! otherwise a flag sends `GET_ITER` and `FOR_ITER` down the ordinary
//! runtime path. The iterator's stack slot holds the `range` type as a
//! placeholder, which nothing but this `FOR_ITER` reads.

use inkwell::values::{IntValue, PointerValue};
use inkwell::IntPredicate;

use super::lower::{Known, Lower, Slot};
use super::{CgResult, CodegenError};
use crate::bytecode::instruction::Instruction;

/// The state of one inlined range loop.
#[derive(Clone, Copy)]
pub struct RangeSite<'ctx> {
    /// i1: the loop runs inline.
    flag: PointerValue<'ctx>,
    cur: PointerValue<'ctx>,
    stop: PointerValue<'ctx>,
    step: PointerValue<'ctx>,
}

impl<'a, 'cx, 'ctx> Lower<'a, 'cx, 'ctx> {
    /// Whether the `CALL` at `at` of `argc` arguments can start an inline
    /// range loop.
    pub fn range_loop_call(&self, at: usize, argc: usize, callable: Known) -> bool {
        let ins = &self.code.instructions;
        callable == Known::Range
            && (1..=3).contains(&argc)
            && self.mode != super::lower::Mode::Generator
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
        let site = RangeSite {
            flag: self.entry_alloca(self.cx.context.bool_type(), "range.inline")?,
            cur: self.entry_alloca(self.i64t, "range.cur")?,
            stop: self.entry_alloca(self.i64t, "range.stop")?,
            step: self.entry_alloca(self.i64t, "range.step")?,
        };
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
        let bd = self.builder();
        bd.build_store(site.flag, self.cx.context.bool_type().const_all_ones())?;
        bd.build_store(site.cur, start)?;
        bd.build_store(site.stop, stop)?;
        bd.build_store(site.step, step)?;
        bd.build_unconditional_branch(join)?;

        self.builder().position_at_end(generic);
        self.builder()
            .build_store(site.flag, self.cx.context.bool_type().const_zero())?;
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
        let flag = self
            .builder()
            .build_load(self.cx.context.bool_type(), site.flag, "inline")?
            .into_int_value();
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
        let flag = self
            .builder()
            .build_load(self.cx.context.bool_type(), site.flag, "inline")?
            .into_int_value();
        let inline = self.new_block("for.inline");
        let generic = self.new_block("for.generic");
        self.builder()
            .build_conditional_branch(flag, inline, generic)?;

        let mut exhausted = self.stack.clone();
        exhausted.pop();

        self.builder().position_at_end(inline);
        let bd = self.builder();
        let cur = bd.build_load(self.i64t, site.cur, "cur")?.into_int_value();
        let stop = bd
            .build_load(self.i64t, site.stop, "stop")?
            .into_int_value();
        let step = bd
            .build_load(self.i64t, site.step, "step")?
            .into_int_value();
        let zero = self.i64t.const_zero();
        let up = bd.build_int_compare(IntPredicate::SGT, step, zero, "up")?;
        let below = bd.build_int_compare(IntPredicate::SLT, cur, stop, "below")?;
        let above = bd.build_int_compare(IntPredicate::SGT, cur, stop, "above")?;
        let more = bd.build_select(up, below, above, "more")?.into_int_value();
        let next = bd.build_int_add(cur, step, "next")?;
        bd.build_store(site.cur, next)?;
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
}
