//! Inline comparisons with a one-character ASCII str constant (`ch < "0"`,
//! `c == "x"`). When the other operand is an exact, non-empty `str`, its
//! first byte and whether it is longer than one byte decide every
//! comparison, as the runtime's `str_order` would (UTF-8 byte order is code
//! point order); anything else calls the runtime.

use inkwell::basic_block::BasicBlock;
use inkwell::values::IntValue;
use inkwell::{AddressSpace, IntPredicate};
use krait_runtime::native::KnownType;
use krait_runtime::types::string::{STR_BYTE_LEN_OFFSET, STR_DATA_OFFSET};

use super::lower::{byte_offset, load_i64, Lower};
use super::CgResult;
use crate::bytecode::instruction::ComparisonOperator;

impl<'a, 'cx, 'ctx> Lower<'a, 'cx, 'ctx> {
    /// The inline part of `x <op> "c"` (or `"c" <op> x` when `const_left`):
    /// `x`'s key, twice its first byte plus one if it has more bytes,
    /// compared with twice `c` orders the two strs. The result goes through
    /// `finish` to `join`; returns it with its block, and the block (not
    /// yet filled) where the runtime comparison must go.
    #[allow(clippy::type_complexity)]
    pub(super) fn char_compare(
        &mut self,
        op: ComparisonOperator,
        x: IntValue<'ctx>,
        c: u8,
        const_left: bool,
        join: BasicBlock<'ctx>,
        finish: impl Fn(&Self, IntValue<'ctx>) -> CgResult<IntValue<'ctx>>,
    ) -> CgResult<(Vec<(IntValue<'ctx>, BasicBlock<'ctx>)>, BasicBlock<'ctx>)> {
        use ComparisonOperator as C;
        let pred = match op {
            C::Less => IntPredicate::ULT,
            C::LessEqual => IntPredicate::ULE,
            C::Equal => IntPredicate::EQ,
            C::NotEqual => IntPredicate::NE,
            C::Greater => IntPredicate::UGT,
            C::GreaterEqual => IntPredicate::UGE,
        };
        let typed = self.new_block("cmpc.ptr");
        let sized = self.new_block("cmpc.str");
        let bytes = self.new_block("cmpc.bytes");
        let slow_bb = self.new_block("cmp.slow");
        let is_ptr = self.is_pointer(x)?;
        self.builder()
            .build_conditional_branch(is_ptr, typed, slow_bb)?;

        self.builder().position_at_end(typed);
        let ptr_t = self.cx.context.ptr_type(AddressSpace::default());
        let obj = self.builder().build_int_to_ptr(x, ptr_t, "obj")?;
        let exact = self.has_type(obj, KnownType::Str)?;
        self.builder()
            .build_conditional_branch(exact, sized, slow_bb)?;

        // The empty str is left to the runtime (its key would tie with "\0").
        self.builder().position_at_end(sized);
        let len = load_i64(self.cx, obj, STR_BYTE_LEN_OFFSET, "len")?;
        let zero = self.i64t.const_zero();
        let nonempty = self
            .builder()
            .build_int_compare(IntPredicate::NE, len, zero, "nonempty")?;
        self.builder()
            .build_conditional_branch(nonempty, bytes, slow_bb)?;

        self.builder().position_at_end(bytes);
        let p = byte_offset(self.cx, obj, STR_DATA_OFFSET)?;
        let bd = self.builder();
        let data = bd.build_load(ptr_t, p, "data")?.into_pointer_value();
        let first = bd
            .build_load(self.cx.context.i8_type(), data, "first")?
            .into_int_value();
        let first = bd.build_int_z_extend(first, self.i64t, "first")?;
        let one = self.i64t.const_int(1, false);
        let doubled = bd.build_left_shift(first, one, "twice")?;
        let longer = bd.build_int_compare(IntPredicate::NE, len, one, "longer")?;
        let longer = bd.build_int_z_extend(longer, self.i64t, "longer")?;
        let key = bd.build_or(doubled, longer, "key")?;
        let ckey = self.i64t.const_int(u64::from(c) << 1, false);
        let (l, r) = if const_left { (ckey, key) } else { (key, ckey) };
        let cmp = bd.build_int_compare(pred, l, r, "cmpc")?;
        let result = finish(self, cmp)?;
        let end = self.current_block()?;
        self.builder().build_unconditional_branch(join)?;
        Ok((vec![(result, end)], slow_bb))
    }
}
