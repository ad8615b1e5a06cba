//! `LOAD_GLOBAL` with its site cache checked inline: when the cache holds
//! these globals, and the versions of the globals and of the dict that
//! holds the entry (the globals or the builtins) are the cached ones, the
//! value is read through the cached value slot. Anything else (an empty
//! or stale cache, a NULL slot) calls `krait_load_global_cached`, which
//! looks the name up, raises NameError, or refills the cache; its layout
//! is `runtime::global_cache::GlobalCache`.

use inkwell::values::{IntValue, PointerValue};
use inkwell::IntPredicate;
use krait_runtime::runtime::global_cache::{
    DICT_VERSION_WORD, DICT_WORD, GLOBALS_VERSION_WORD, GLOBALS_WORD, GLOBAL_CACHE_WORDS,
    VALUE_WORD,
};
use krait_runtime::types::dict::DICT_VERSION_OFFSET;

use super::lower::{load_i64, Lower, Slot};
use super::CgResult;

impl<'a, 'cx, 'ctx> Lower<'a, 'cx, 'ctx> {
    /// The value of global `name` (a str constant) for the instruction at `at`.
    pub fn lower_load_global(
        &mut self,
        at: usize,
        pre: &[Slot<'ctx>],
        name: IntValue<'ctx>,
        cache: PointerValue<'ctx>,
    ) -> CgResult<IntValue<'ctx>> {
        debug_assert_eq!(GLOBAL_CACHE_WORDS, 5);
        let word = |l: &Self, w: u32, n: &str| load_i64(l.cx, cache, w as usize * 8, n);
        let slow_bb = self.new_block("global.slow");
        let versions_bb = self.new_block("global.versions");
        let read_bb = self.new_block("global.read");
        let join = self.new_block("global.join");

        let cached = word(self, GLOBALS_WORD, "global.cached")?;
        let same = self.builder().build_int_compare(
            IntPredicate::EQ,
            cached,
            self.globals,
            "global.same",
        )?;
        self.builder()
            .build_conditional_branch(same, versions_bb, slow_bb)?;

        // The cache was filled for these globals (so they are a dict, and
        // the cached dict is alive): compare both versions.
        self.builder().position_at_end(versions_bb);
        let globals = self.int_to_ptr(self.globals, "globals.ptr")?;
        let gv = load_i64(self.cx, globals, DICT_VERSION_OFFSET, "globals.version")?;
        let cgv = word(self, GLOBALS_VERSION_WORD, "global.cached_version")?;
        let dict = word(self, DICT_WORD, "global.dict")?;
        let dict = self.int_to_ptr(dict, "global.dict.ptr")?;
        let dv = load_i64(self.cx, dict, DICT_VERSION_OFFSET, "dict.version")?;
        let cdv = word(self, DICT_VERSION_WORD, "global.dict_version")?;
        let bd = self.builder();
        let g_ok = bd.build_int_compare(IntPredicate::EQ, gv, cgv, "globals.same_version")?;
        let d_ok = bd.build_int_compare(IntPredicate::EQ, dv, cdv, "dict.same_version")?;
        let ok = bd.build_and(g_ok, d_ok, "global.valid")?;
        bd.build_conditional_branch(ok, read_bb, slow_bb)?;

        // The slot is valid while the versions hold; NULL goes slow.
        self.builder().position_at_end(read_bb);
        let slot = word(self, VALUE_WORD, "global.slot")?;
        let slot = self.int_to_ptr(slot, "global.slot.ptr")?;
        let v = load_i64(self.cx, slot, 0, "global.value")?;
        let found = self.builder().build_int_compare(
            IntPredicate::NE,
            v,
            self.i64t.const_zero(),
            "global.found",
        )?;
        let read_end = self.current_block()?;
        self.builder()
            .build_conditional_branch(found, join, slow_bb)?;

        let globals_value = self.globals;
        self.join_slow_path(
            vec![(v, read_end)],
            slow_bb,
            join,
            (self.i64t, "global"),
            |l| {
                let r = l.call_value(
                    "krait_load_global_cached",
                    &[globals_value.into(), name.into(), cache.into()],
                )?;
                l.check_value(r, at, pre)?;
                Ok(r)
            },
        )
    }

    fn int_to_ptr(&self, v: IntValue<'ctx>, name: &str) -> CgResult<PointerValue<'ctx>> {
        Ok(self.builder().build_int_to_ptr(
            v,
            self.cx.context.ptr_type(inkwell::AddressSpace::default()),
            name,
        )?)
    }
}
