//! Inline fast paths: truth tests of bools, None and small ints; small-int
//! and float arithmetic (`+ - * / // %`, in-place forms too) and
//! comparisons. Each tests the operands' tags inline and falls back to the
//! runtime call (which has the full semantics: big ints on overflow,
//! ZeroDivisionError, other types) when the fast case does not apply.
//!
//! Small ints are exact in an f64 (48-bit payloads), so `int / int` and
//! mixed int-float operations convert and stay correctly rounded, as in
//! CPython.

use inkwell::basic_block::BasicBlock;
use inkwell::values::{FloatValue, IntValue};
use inkwell::{FloatPredicate, IntPredicate};
use krait_runtime::value::{DOUBLE_OFFSET, INT_TAG, SIGN_BIT};
use krait_runtime::Value;

use super::lower::{Known, Lower, Slot};
use super::{CgResult, CodegenError};
use crate::bytecode::instruction::{BinaryOperator, ComparisonOperator};

/// An operator the fast paths cover.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Arith {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    And,
    Or,
    Xor,
    LShift,
    RShift,
}

impl Arith {
    fn of(op: BinaryOperator) -> Option<Arith> {
        use BinaryOperator as B;
        Some(match op {
            B::Add | B::InplaceAdd => Arith::Add,
            B::Subtract | B::InplaceSubtract => Arith::Sub,
            B::Multiply | B::InplaceMultiply => Arith::Mul,
            B::TrueDivide | B::InplaceTrueDivide => Arith::TrueDiv,
            B::FloorDivide | B::InplaceFloorDivide => Arith::FloorDiv,
            B::Remainder | B::InplaceRemainder => Arith::Mod,
            B::And | B::InplaceAnd => Arith::And,
            B::Or | B::InplaceOr => Arith::Or,
            B::Xor | B::InplaceXor => Arith::Xor,
            B::Lshift | B::InplaceLshift => Arith::LShift,
            B::Rshift | B::InplaceRshift => Arith::RShift,
            _ => return None,
        })
    }
}

impl<'a, 'cx, 'ctx> Lower<'a, 'cx, 'ctx> {
    pub(super) fn current_block(&self) -> CgResult<BasicBlock<'ctx>> {
        self.builder()
            .get_insert_block()
            .ok_or_else(|| CodegenError("no insert block".to_owned()))
    }

    /// `v` is a small int (i1).
    pub(super) fn is_small_int(&self, v: IntValue<'ctx>) -> CgResult<IntValue<'ctx>> {
        let b = self.builder();
        let top = b.build_right_shift(v, self.i64t.const_int(48, false), false, "tag")?;
        Ok(b.build_int_compare(
            IntPredicate::EQ,
            top,
            self.i64t.const_int(0xFFFF, false),
            "is_int",
        )?)
    }

    /// `v` is a float (i1): at or above the double offset, not an int.
    fn is_float(&self, v: IntValue<'ctx>) -> CgResult<IntValue<'ctx>> {
        let b = self.builder();
        let above = b.build_int_compare(
            IntPredicate::UGE,
            v,
            self.i64t.const_int(DOUBLE_OFFSET, false),
            "above",
        )?;
        let below_ints = b.build_int_compare(
            IntPredicate::ULT,
            v,
            self.i64t.const_int(INT_TAG, false),
            "below_ints",
        )?;
        Ok(b.build_and(above, below_ints, "is_float")?)
    }

    /// Both operands are floats or small ints (i1); `ia`/`ib` say which
    /// are small ints.
    fn both_numeric(
        &self,
        a: IntValue<'ctx>,
        ia: IntValue<'ctx>,
        b: IntValue<'ctx>,
        ib: IntValue<'ctx>,
    ) -> CgResult<IntValue<'ctx>> {
        let fa = self.is_float(a)?;
        let fb = self.is_float(b)?;
        let bd = self.builder();
        let a_num = bd.build_or(fa, ia, "a_num")?;
        let b_num = bd.build_or(fb, ib, "b_num")?;
        Ok(bd.build_and(a_num, b_num, "both_num")?)
    }

    /// The payload of a small int (as i64).
    pub(super) fn int_payload(&self, v: IntValue<'ctx>) -> CgResult<IntValue<'ctx>> {
        let b = self.builder();
        let sixteen = self.i64t.const_int(16, false);
        let s = b.build_left_shift(v, sixteen, "s")?;
        Ok(b.build_right_shift(s, sixteen, true, "payload")?)
    }

    /// Boxes an i64 known to be in the small-int range.
    pub(super) fn box_int(&self, i: IntValue<'ctx>) -> CgResult<IntValue<'ctx>> {
        let b = self.builder();
        let low = b.build_and(i, self.i64t.const_int(0x0000_FFFF_FFFF_FFFF, false), "low")?;
        Ok(b.build_or(low, self.i64t.const_int(INT_TAG, false), "boxed")?)
    }

    /// `i` is in the small-int range (i1).
    fn fits_small(&self, i: IntValue<'ctx>) -> CgResult<IntValue<'ctx>> {
        let b = self.builder();
        let sixteen = self.i64t.const_int(16, false);
        let s = b.build_left_shift(i, sixteen, "s")?;
        let back = b.build_right_shift(s, sixteen, true, "back")?;
        Ok(b.build_int_compare(IntPredicate::EQ, back, i, "fits")?)
    }

    /// A float or small int as f64 (the caller checked it is one).
    fn as_f64(&self, v: IntValue<'ctx>) -> CgResult<FloatValue<'ctx>> {
        let b = self.builder();
        let f64t = self.cx.context.f64_type();
        let is_int = self.is_small_int(v)?;
        let from_int = b.build_signed_int_to_float(self.int_payload(v)?, f64t, "fi")?;
        let bits = b.build_int_sub(v, self.i64t.const_int(DOUBLE_OFFSET, false), "bits")?;
        let from_float = b.build_bit_cast(bits, f64t, "ff")?.into_float_value();
        Ok(b.build_select(is_int, from_int, from_float, "f")?
            .into_float_value())
    }

    /// Boxes an f64 (NaNs lose their sign bit, as `Value::from_f64`).
    fn box_float(&self, f: FloatValue<'ctx>) -> CgResult<IntValue<'ctx>> {
        let b = self.builder();
        let bits = b.build_bit_cast(f, self.i64t, "bits")?.into_int_value();
        let is_nan = b.build_float_compare(FloatPredicate::UNO, f, f, "nan")?;
        let cleared = b.build_and(bits, self.i64t.const_int(!SIGN_BIT, false), "cleared")?;
        let bits = b
            .build_select(is_nan, cleared, bits, "canon")?
            .into_int_value();
        Ok(b.build_int_add(bits, self.i64t.const_int(DOUBLE_OFFSET, false), "boxed")?)
    }

    /// The truth of `v` (i1); raises at `at` if `bool(v)` raises.
    pub fn truth(
        &mut self,
        v: IntValue<'ctx>,
        at: usize,
        pre: &[Slot<'ctx>],
    ) -> CgResult<IntValue<'ctx>> {
        let b = self.builder();
        let is_true = b.build_int_compare(IntPredicate::EQ, v, self.word(Value::TRUE), "t")?;
        let is_false = b.build_int_compare(IntPredicate::EQ, v, self.word(Value::FALSE), "f")?;
        let is_none = b.build_int_compare(IntPredicate::EQ, v, self.word(Value::NONE), "n")?;
        let is_int = self.is_small_int(v)?;
        let b = self.builder();
        let int_truth = b.build_int_compare(
            IntPredicate::NE,
            v,
            self.i64t.const_int(INT_TAG, false),
            "nz",
        )?;
        let known = b.build_or(
            b.build_or(is_true, is_false, "")?,
            b.build_or(is_none, is_int, "")?,
            "known",
        )?;
        let fast_truth = b.build_or(is_true, b.build_and(is_int, int_truth, "")?, "fast_truth")?;
        let from = self.current_block()?;
        let slow = self.new_block("truth.slow");
        let join = self.new_block("truth.join");
        self.builder().build_conditional_branch(known, join, slow)?;
        self.builder().position_at_end(slow);
        let r = self.call_i32("krait_is_true", &[v.into()])?;
        self.check_status(r, at, pre)?;
        let slow_truth = self.builder().build_int_compare(
            IntPredicate::NE,
            r,
            self.i32t.const_zero(),
            "truth",
        )?;
        let slow_end = self.current_block()?;
        self.builder().build_unconditional_branch(join)?;
        self.builder().position_at_end(join);
        let phi = self
            .builder()
            .build_phi(self.cx.context.bool_type(), "truth")?;
        phi.add_incoming(&[(&fast_truth, from), (&slow_truth, slow_end)]);
        Ok(phi.as_basic_value().into_int_value())
    }

    /// `a <op> b` with the int and float fast paths; None for operators
    /// they do not cover. The result may be the error word (from `slow`).
    pub fn fast_binary(
        &mut self,
        op: BinaryOperator,
        a: IntValue<'ctx>,
        b: IntValue<'ctx>,
        slow: impl FnOnce(&Self) -> CgResult<IntValue<'ctx>>,
    ) -> CgResult<Option<IntValue<'ctx>>> {
        let Some(op) = Arith::of(op) else {
            return Ok(None);
        };
        let int_bb = self.new_block("int");
        let not_int = self.new_block("not_int");
        let slow_bb = self.new_block("slow");
        let join = self.new_block("join");
        let mut incoming: Vec<(IntValue<'ctx>, BasicBlock<'ctx>)> = Vec::new();

        let ia = self.is_small_int(a)?;
        let ib = self.is_small_int(b)?;
        let both = self.builder().build_and(ia, ib, "both_int")?;
        self.builder()
            .build_conditional_branch(both, int_bb, not_int)?;

        // Both small ints.
        self.builder().position_at_end(int_bb);
        if op == Arith::TrueDiv {
            let zero = self.builder().build_int_compare(
                IntPredicate::EQ,
                b,
                self.i64t.const_int(INT_TAG, false),
                "zero",
            )?;
            let divide = self.new_block("int.div");
            self.builder()
                .build_conditional_branch(zero, slow_bb, divide)?;
            self.builder().position_at_end(divide);
            let fa = self.as_f64(a)?;
            let fb = self.as_f64(b)?;
            let q = self.builder().build_float_div(fa, fb, "q")?;
            let r = self.box_float(q)?;
            incoming.push((r, self.current_block()?));
            self.builder().build_unconditional_branch(join)?;
        } else {
            let (r, ok) = self.int_arith(op, a, b)?;
            incoming.push((r, self.current_block()?));
            self.builder().build_conditional_branch(ok, join, slow_bb)?;
        }

        // Floats, or a float with a small int.
        self.builder().position_at_end(not_int);
        if !matches!(op, Arith::Add | Arith::Sub | Arith::Mul | Arith::TrueDiv) {
            // Floor division and modulo of floats, and the bitwise
            // operators (ints only), are the runtime's.
            self.builder().build_unconditional_branch(slow_bb)?;
        } else {
            let both = self.both_numeric(a, ia, b, ib)?;
            let float_bb = self.new_block("float");
            self.builder()
                .build_conditional_branch(both, float_bb, slow_bb)?;
            self.builder().position_at_end(float_bb);
            let fa = self.as_f64(a)?;
            let fb = self.as_f64(b)?;
            let bd = self.builder();
            let (r, ok) = match op {
                Arith::Add => (bd.build_float_add(fa, fb, "fadd")?, None),
                Arith::Sub => (bd.build_float_sub(fa, fb, "fsub")?, None),
                Arith::Mul => (bd.build_float_mul(fa, fb, "fmul")?, None),
                _ => {
                    let nonzero = bd.build_float_compare(
                        FloatPredicate::ONE,
                        fb,
                        self.cx.context.f64_type().const_zero(),
                        "nonzero",
                    )?;
                    (bd.build_float_div(fa, fb, "fdiv")?, Some(nonzero))
                }
            };
            let boxed = self.box_float(r)?;
            incoming.push((boxed, self.current_block()?));
            match ok {
                Some(ok) => self.builder().build_conditional_branch(ok, join, slow_bb)?,
                None => self.builder().build_unconditional_branch(join)?,
            };
        }

        let r = self.join_slow_path(incoming, slow_bb, join, (self.i64t, "r"), |l| slow(l))?;
        Ok(Some(r))
    }

    /// Emits the slow path (`slow`) in `slow_bb`, then the phi at `join`
    /// of the fast paths' `incoming` values and the slow path's result.
    pub(super) fn join_slow_path(
        &mut self,
        mut incoming: Vec<(IntValue<'ctx>, BasicBlock<'ctx>)>,
        slow_bb: BasicBlock<'ctx>,
        join: BasicBlock<'ctx>,
        (ty, name): (inkwell::types::IntType<'ctx>, &str),
        slow: impl FnOnce(&mut Self) -> CgResult<IntValue<'ctx>>,
    ) -> CgResult<IntValue<'ctx>> {
        self.builder().position_at_end(slow_bb);
        let s = slow(self)?;
        incoming.push((s, self.current_block()?));
        self.builder().build_unconditional_branch(join)?;
        self.builder().position_at_end(join);
        let phi = self.builder().build_phi(ty, name)?;
        for (v, bb) in &incoming {
            phi.add_incoming(&[(v, *bb)]);
        }
        Ok(phi.as_basic_value().into_int_value())
    }

    /// Small-int `a <op> b`: the boxed result and whether it is valid
    /// (false on overflow or a zero divisor: the runtime decides then).
    fn int_arith(
        &self,
        op: Arith,
        a: IntValue<'ctx>,
        b: IntValue<'ctx>,
    ) -> CgResult<(IntValue<'ctx>, IntValue<'ctx>)> {
        let x = self.int_payload(a)?;
        let y = self.int_payload(b)?;
        let bd = self.builder();
        let zero = self.i64t.const_zero();
        // Payloads are 48-bit, so + - never overflow an i64; * may.
        let r = match op {
            Arith::Add => bd.build_int_add(x, y, "add")?,
            Arith::Sub => bd.build_int_sub(x, y, "sub")?,
            Arith::Mul => {
                let f = inkwell::intrinsics::Intrinsic::find("llvm.smul.with.overflow")
                    .and_then(|i| i.get_declaration(self.cx.module, &[self.i64t.into()]))
                    .ok_or_else(|| CodegenError("no llvm.smul.with.overflow".to_owned()))?;
                let pair = bd
                    .build_call(f, &[x.into(), y.into()], "mul")?
                    .try_as_basic_value()
                    .basic()
                    .ok_or_else(|| CodegenError("intrinsic result".to_owned()))?
                    .into_struct_value();
                let product = bd.build_extract_value(pair, 0, "product")?.into_int_value();
                let overflow = bd
                    .build_extract_value(pair, 1, "overflow")?
                    .into_int_value();
                let fits = self.fits_small(product)?;
                let ok = self.builder().build_and(
                    fits,
                    self.builder().build_not(overflow, "")?,
                    "ok",
                )?;
                return Ok((self.box_int(product)?, ok));
            }
            Arith::FloorDiv | Arith::Mod => {
                // A zero divisor goes to the runtime; `y` is replaced by 1
                // so the division below is defined.
                let y_zero = bd.build_int_compare(IntPredicate::EQ, y, zero, "y_zero")?;
                let safe_y = bd
                    .build_select(y_zero, self.i64t.const_int(1, false), y, "safe_y")?
                    .into_int_value();
                let q = bd.build_int_signed_div(x, safe_y, "q")?;
                let rem = bd.build_int_signed_rem(x, safe_y, "rem")?;
                // Floor: adjust when the remainder is non-zero and its sign
                // differs from the divisor's.
                let rem_nz = bd.build_int_compare(IntPredicate::NE, rem, zero, "rem_nz")?;
                let rem_neg = bd.build_int_compare(IntPredicate::SLT, rem, zero, "rem_neg")?;
                let y_neg = bd.build_int_compare(IntPredicate::SLT, safe_y, zero, "y_neg")?;
                let differ = bd.build_xor(rem_neg, y_neg, "differ")?;
                let adjust = bd.build_and(rem_nz, differ, "adjust")?;
                let r = if op == Arith::FloorDiv {
                    let one = bd.build_int_z_extend(adjust, self.i64t, "one")?;
                    bd.build_int_sub(q, one, "floor")?
                } else {
                    let add = bd
                        .build_select(adjust, safe_y, zero, "add")?
                        .into_int_value();
                    bd.build_int_add(rem, add, "mod")?
                };
                let fits = self.fits_small(r)?;
                let ok =
                    self.builder()
                        .build_and(fits, self.builder().build_not(y_zero, "")?, "ok")?;
                return Ok((self.box_int(r)?, ok));
            }
            // Bitwise results of 48-bit operands are 48-bit.
            Arith::And => bd.build_and(x, y, "and")?,
            Arith::Or => bd.build_or(x, y, "or")?,
            Arith::Xor => bd.build_xor(x, y, "xor")?,
            Arith::RShift => {
                // A negative count is the runtime's ValueError; counts
                // past 63 shift like 63 (the sign fills the word).
                let negative = bd.build_int_compare(IntPredicate::SLT, y, zero, "neg_count")?;
                let max = self.i64t.const_int(63, false);
                let big = bd.build_int_compare(IntPredicate::SGT, y, max, "big_count")?;
                let count = bd.build_select(big, max, y, "count")?.into_int_value();
                let r = bd.build_right_shift(x, count, true, "shr")?;
                let ok = bd.build_not(negative, "count_ok")?;
                return Ok((self.box_int(r)?, ok));
            }
            Arith::LShift => {
                // Counts 0..=47 whose result shifts back exactly and fits;
                // anything else (a big result, a negative count) is the
                // runtime's.
                let in_range = bd.build_int_compare(
                    IntPredicate::ULT,
                    y,
                    self.i64t.const_int(48, false),
                    "count_ok",
                )?;
                let count = bd
                    .build_select(in_range, y, zero, "count")?
                    .into_int_value();
                let r = bd.build_left_shift(x, count, "shl")?;
                let back = bd.build_right_shift(r, count, true, "back")?;
                let exact = bd.build_int_compare(IntPredicate::EQ, back, x, "exact")?;
                let fits = self.fits_small(r)?;
                let bd = self.builder();
                let ok = bd.build_and(in_range, exact, "ok")?;
                let ok = bd.build_and(ok, fits, "ok")?;
                return Ok((self.box_int(r)?, ok));
            }
            Arith::TrueDiv => return Err(CodegenError("int true division".to_owned())),
        };
        let fits = self.fits_small(r)?;
        Ok((self.box_int(r)?, fits))
    }

    /// The inline part of `a <op> b`: a small-int compare and a float
    /// compare (small ints widened), each turned into a result by `finish`
    /// and sent to `join`. Returns those results with their blocks, and the
    /// block (not yet filled) where the runtime comparison must go.
    fn numeric_compare(
        &mut self,
        op: ComparisonOperator,
        a: IntValue<'ctx>,
        b: IntValue<'ctx>,
        join: BasicBlock<'ctx>,
        finish: impl Fn(&Self, IntValue<'ctx>) -> CgResult<IntValue<'ctx>>,
    ) -> CgResult<(Vec<(IntValue<'ctx>, BasicBlock<'ctx>)>, BasicBlock<'ctx>)> {
        use ComparisonOperator as C;
        let (ip, fp) = match op {
            C::Less => (IntPredicate::SLT, FloatPredicate::OLT),
            C::LessEqual => (IntPredicate::SLE, FloatPredicate::OLE),
            C::Equal => (IntPredicate::EQ, FloatPredicate::OEQ),
            C::NotEqual => (IntPredicate::NE, FloatPredicate::UNE),
            C::Greater => (IntPredicate::SGT, FloatPredicate::OGT),
            C::GreaterEqual => (IntPredicate::SGE, FloatPredicate::OGE),
        };
        let int_bb = self.new_block("cmp.int");
        let not_int = self.new_block("cmp.not_int");
        let float_bb = self.new_block("cmp.float");
        let slow_bb = self.new_block("cmp.slow");
        let ia = self.is_small_int(a)?;
        let ib = self.is_small_int(b)?;
        let both = self.builder().build_and(ia, ib, "both_int")?;
        self.builder()
            .build_conditional_branch(both, int_bb, not_int)?;

        self.builder().position_at_end(int_bb);
        let bd = self.builder();
        let sixteen = self.i64t.const_int(16, false);
        let sa = bd.build_left_shift(a, sixteen, "sa")?;
        let sb = bd.build_left_shift(b, sixteen, "sb")?;
        let c = bd.build_int_compare(ip, sa, sb, "cmp")?;
        let int_r = finish(self, c)?;
        let int_end = self.current_block()?;
        self.builder().build_unconditional_branch(join)?;

        self.builder().position_at_end(not_int);
        let both = self.both_numeric(a, ia, b, ib)?;
        self.builder()
            .build_conditional_branch(both, float_bb, slow_bb)?;
        self.builder().position_at_end(float_bb);
        let fa = self.as_f64(a)?;
        let fb = self.as_f64(b)?;
        let c = self.builder().build_float_compare(fp, fa, fb, "fcmp")?;
        let float_r = finish(self, c)?;
        let float_end = self.current_block()?;
        self.builder().build_unconditional_branch(join)?;
        Ok((vec![(int_r, int_end), (float_r, float_end)], slow_bb))
    }

    /// `a <op> b` with the small-int and float fast paths (a bool result,
    /// or whatever the runtime's comparison returns).
    pub fn fast_compare(
        &mut self,
        op: ComparisonOperator,
        a: Slot<'ctx>,
        b: Slot<'ctx>,
        slow: impl FnOnce(&Self) -> CgResult<IntValue<'ctx>>,
    ) -> CgResult<IntValue<'ctx>> {
        let join = self.new_block("cmp.join");
        let (incoming, slow_bb) = self.inline_compare(op, a, b, join, |l, c| l.as_bool(c))?;
        self.join_slow_path(incoming, slow_bb, join, (self.i64t, "r"), |l| slow(l))
    }

    /// The inline part of `a <op> b`: against a one-character str constant
    /// (which can be neither an int nor a float) the str test, otherwise
    /// the numeric ones. As `numeric_compare`.
    fn inline_compare(
        &mut self,
        op: ComparisonOperator,
        a: Slot<'ctx>,
        b: Slot<'ctx>,
        join: BasicBlock<'ctx>,
        finish: impl Fn(&Self, IntValue<'ctx>) -> CgResult<IntValue<'ctx>>,
    ) -> CgResult<(Vec<(IntValue<'ctx>, BasicBlock<'ctx>)>, BasicBlock<'ctx>)> {
        match (a.known, b.known) {
            (_, Known::AsciiChar(c)) => self.char_compare(op, a.v, c, false, join, finish),
            (Known::AsciiChar(c), _) => self.char_compare(op, b.v, c, true, join, finish),
            _ => self.numeric_compare(op, a.v, b.v, join, finish),
        }
    }

    /// An i1 as a Python bool.
    pub fn as_bool(&self, c: IntValue<'ctx>) -> CgResult<IntValue<'ctx>> {
        let bd = self.builder();
        let wide = bd.build_int_z_extend(c, self.i64t, "wide")?;
        Ok(bd.build_or(wide, self.word(Value::FALSE), "bool")?)
    }

    /// The conditional jump right after the comparison at `at`, if it can
    /// be fused with it: (its target, whether it jumps when true).
    pub fn fusable_jump(&self, at: usize) -> Option<(usize, bool)> {
        use crate::bytecode::instruction::Instruction as I;
        if self.leaders.get(at + 1).copied().unwrap_or(true) {
            return None;
        }
        match self.code.instructions.get(at + 1)? {
            I::PopJumpForwardIfFalse { target } | I::PopJumpBackwardIfFalse { target } => {
                Some((target.index(), false))
            }
            I::PopJumpForwardIfTrue { target } | I::PopJumpBackwardIfTrue { target } => {
                Some((target.index(), true))
            }
            _ => None,
        }
    }

    /// `COMPARE_OP` at `at` and the conditional jump after it: the fast
    /// paths branch on the machine comparison directly; only the runtime
    /// comparison's result goes through a truth test.
    pub fn lower_compare_and_jump(
        &mut self,
        at: usize,
        op: ComparisonOperator,
        pre: &[Slot<'ctx>],
    ) -> CgResult<()> {
        let (target, if_true) = self
            .fusable_jump(at)
            .ok_or_else(|| CodegenError("no jump to fuse".to_owned()))?;
        if target <= at {
            self.gc_poll()?;
        }
        let b = self.pop()?;
        let a = self.pop()?;
        let join = self.new_block("cmp.join");
        let (incoming, slow_bb) = self.inline_compare(op, a, b, join, |_, c| Ok(c))?;
        let (a, b) = (a.v, b.v);
        let bool_type = self.cx.context.bool_type();
        let c = self.join_slow_path(incoming, slow_bb, join, (bool_type, "c"), |l| {
            let code = l.u32(op as u32);
            let r = l.call_value("krait_compare", &[a.into(), b.into(), code.into()])?;
            l.check_value(r, at, pre)?;
            let mut at_jump = l.stack.clone();
            at_jump.push(Slot {
                v: r,
                known: super::lower::Known::Nothing,
            });
            l.truth(r, at + 1, &at_jump)
        })?;
        let stack = self.stack.clone();
        self.skip = Some(at + 1);
        if if_true {
            self.branch(c, target, &stack, at + 2, &stack)
        } else {
            self.branch(c, at + 2, &stack, target, &stack)
        }
    }
}
