//! Calls after `LOAD_METHOD` (`obj.name(args)`): when the method is a
//! Python function, the call site remembers its code and positional fast
//! entry (runtime-lib's `native::entry::MethodCallCache`, filled by
//! `krait_call_method_cached`), and later calls of a function with that
//! code go straight to the entry, skipping the runtime's call dispatch
//! and argument binding. Anything else calls the runtime.

use inkwell::types::BasicMetadataTypeEnum;
use inkwell::values::{BasicMetadataValueEnum, IntValue};
use inkwell::{AddressSpace, IntPredicate};
use krait_runtime::native::entry::METHOD_CALL_CACHE_WORDS;
use krait_runtime::native::KnownType;
use krait_runtime::types::function::FUNCTION_CODE_OFFSET;

use super::lower::{byte_offset, Lower};
use super::CgResult;

impl<'a, 'cx, 'ctx> Lower<'a, 'cx, 'ctx> {
    /// `method(self_value, *args)` with positional arguments only; the
    /// result may be the error word.
    pub fn cached_method_call(
        &mut self,
        at: usize,
        method: IntValue<'ctx>,
        self_value: IntValue<'ctx>,
        args: &[IntValue<'ctx>],
    ) -> CgResult<IntValue<'ctx>> {
        let ptr_t = self.cx.context.ptr_type(AddressSpace::default());
        let cache = self.site_cache(at, METHOD_CALL_CACHE_WORDS)?;
        let is_function = self.new_block("mcall.function");
        let direct = self.new_block("mcall.direct");
        let generic = self.new_block("mcall.generic");
        let join = self.new_block("mcall.join");

        let is_ptr = self.is_pointer(method)?;
        self.builder()
            .build_conditional_branch(is_ptr, is_function, generic)?;
        self.builder().position_at_end(is_function);
        let obj = self.builder().build_int_to_ptr(method, ptr_t, "method")?;
        let exact = self.has_type(obj, KnownType::Function)?;
        let code_p = byte_offset(self.cx, obj, FUNCTION_CODE_OFFSET)?;
        let code = self.builder().build_load(ptr_t, code_p, "code")?;
        let cached = self.builder().build_load(ptr_t, cache, "cached")?;
        let same = self.builder().build_int_compare(
            IntPredicate::EQ,
            code.into_pointer_value(),
            cached.into_pointer_value(),
            "same",
        )?;
        let hit = self.builder().build_and(exact, same, "hit")?;
        self.builder()
            .build_conditional_branch(hit, direct, generic)?;

        self.builder().position_at_end(direct);
        let fast_p = byte_offset(self.cx, cache, 8)?;
        let fast = self
            .builder()
            .build_load(ptr_t, fast_p, "fast")?
            .into_pointer_value();
        let mut values: Vec<BasicMetadataValueEnum> = vec![method.into(), self_value.into()];
        values.extend(args.iter().map(|a| BasicMetadataValueEnum::from(*a)));
        let params: Vec<BasicMetadataTypeEnum> = vec![self.i64t.into(); values.len()];
        let fn_type = self.i64t.fn_type(&params, false);
        let r1 = self
            .builder()
            .build_indirect_call(fn_type, fast, &values, "direct")?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| super::CodegenError("fast entry returns nothing".to_owned()))?
            .into_int_value();
        let incoming = vec![(r1, self.current_insert_block()?)];
        self.builder().build_unconditional_branch(join)?;

        self.join_slow_path(incoming, generic, join, (self.i64t, "r"), |l| {
            let mut all = vec![self_value];
            all.extend(args);
            let buf = l.fill_buf(&all)?;
            l.call_value(
                "krait_call_method_cached",
                &[
                    method.into(),
                    buf.into(),
                    l.usize(all.len()).into(),
                    l.null().into(),
                    cache.into(),
                ],
            )
        })
    }
}
