//! `LOAD_ATTR`, `STORE_ATTR` and `LOAD_METHOD` with the first entry of
//! their site cache (runtime-lib's `ops::attr_cache::AttrCache`) checked
//! inline: when the object's type, its shape and the type epoch are the
//! entry's, an attribute is read or written in its slot and a method is
//! the cached function, without a call. The slot index is checked against
//! the instance's value count, and an empty slot (NULL) reads through the
//! runtime. Anything else calls the runtime's cached entry points, which
//! also look at the other entries and refill the cache.

use inkwell::basic_block::BasicBlock;
use inkwell::values::{IntValue, PointerValue};
use inkwell::IntPredicate;
use krait_runtime::heap::HEADER_TYPE_OFFSET;
use krait_runtime::ops::attr_cache::{
    ATTR_CACHE_WORDS, ENTRY_ADDS_OFFSET, ENTRY_ATTRS_OFFSET, ENTRY_EPOCH_OFFSET,
    ENTRY_PAYLOAD_OFFSET, ENTRY_SHAPE_OFFSET, ENTRY_TY_OFFSET,
};
use krait_runtime::types::shape::{
    ATTRS_SHAPE_OFFSET, ATTRS_VALUES_LEN_OFFSET, ATTRS_VALUES_PTR_OFFSET,
};
use krait_runtime::Value;

use super::lower::{gep_i64, load_i64, load_ptr, Lower, Slot};
use super::CgResult;

impl<'a, 'cx, 'ctx> Lower<'a, 'cx, 'ctx> {
    /// Tests `obj` against the first entry of `cache`: on a hit the builder
    /// is left in a new block and the result is the instance's `Attrs`
    /// (the object itself when it has none); otherwise control goes to
    /// `slow`.
    fn first_entry_hit(
        &mut self,
        obj: IntValue<'ctx>,
        cache: PointerValue<'ctx>,
        slow: BasicBlock<'ctx>,
    ) -> CgResult<PointerValue<'ctx>> {
        let typed = self.new_block("attr.typed");
        let shaped = self.new_block("attr.shaped");
        let hit = self.new_block("attr.hit");
        let is_ptr = self.is_pointer(obj)?;
        self.builder()
            .build_conditional_branch(is_ptr, typed, slow)?;

        // Same type, same epoch.
        self.builder().position_at_end(typed);
        let ptr_t = self.cx.context.ptr_type(inkwell::AddressSpace::default());
        let objp = self.builder().build_int_to_ptr(obj, ptr_t, "obj")?;
        let ty = load_i64(self.cx, objp, HEADER_TYPE_OFFSET, "ty")?;
        let cached_ty = load_i64(self.cx, cache, ENTRY_TY_OFFSET, "cached.ty")?;
        let epoch = self
            .builder()
            .build_load(self.i64t, self.cx.type_epoch.as_pointer_value(), "epoch")?
            .into_int_value();
        let cached_epoch = load_i64(self.cx, cache, ENTRY_EPOCH_OFFSET, "cached.epoch")?;
        let bd = self.builder();
        let same_ty = bd.build_int_compare(IntPredicate::EQ, ty, cached_ty, "same.ty")?;
        let same_epoch =
            bd.build_int_compare(IntPredicate::EQ, epoch, cached_epoch, "same.epoch")?;
        let ok = bd.build_and(same_ty, same_epoch, "same.type")?;
        bd.build_conditional_branch(ok, shaped, slow)?;

        // Same shape: the object is of the entry's type, so its attributes
        // are at the entry's offset (0: none, shape 0).
        self.builder().position_at_end(shaped);
        let offset = load_i64(self.cx, cache, ENTRY_ATTRS_OFFSET, "attrs.offset")?;
        // SAFETY of the read: the offset is the type's own.
        let attrs = unsafe {
            self.builder()
                .build_gep(self.cx.context.i8_type(), objp, &[offset], "attrs")?
        };
        let shape = load_i64(self.cx, attrs, ATTRS_SHAPE_OFFSET, "shape")?;
        let bd = self.builder();
        let none =
            bd.build_int_compare(IntPredicate::EQ, offset, self.i64t.const_zero(), "no.attrs")?;
        let shape = bd
            .build_select(none, self.i64t.const_zero(), shape, "shape")?
            .into_int_value();
        let cached_shape = load_i64(self.cx, cache, ENTRY_SHAPE_OFFSET, "cached.shape")?;
        let same = self.builder().build_int_compare(
            IntPredicate::EQ,
            shape,
            cached_shape,
            "same.shape",
        )?;
        self.builder().build_conditional_branch(same, hit, slow)?;
        self.builder().position_at_end(hit);
        Ok(attrs)
    }

    /// The address of the entry's slot in the hit instance, branching to
    /// `slow` when the index is past its values.
    fn hit_slot(
        &mut self,
        attrs: PointerValue<'ctx>,
        cache: PointerValue<'ctx>,
        extra: Option<IntValue<'ctx>>,
        slow: BasicBlock<'ctx>,
    ) -> CgResult<PointerValue<'ctx>> {
        let values = load_ptr(self.cx, attrs, ATTRS_VALUES_PTR_OFFSET, "values")?;
        let len = load_i64(self.cx, attrs, ATTRS_VALUES_LEN_OFFSET, "values.len")?;
        let index = load_i64(self.cx, cache, ENTRY_PAYLOAD_OFFSET, "slot")?;
        let bd = self.builder();
        let mut ok = bd.build_int_compare(IntPredicate::ULT, index, len, "in.range")?;
        if let Some(extra) = extra {
            ok = bd.build_and(ok, extra, "slot.ok")?;
        }
        let slot_bb = self.new_block("attr.slot");
        self.builder().build_conditional_branch(ok, slot_bb, slow)?;
        self.builder().position_at_end(slot_bb);
        gep_i64(self.cx, values, index)
    }

    /// `obj.name`.
    pub fn lower_load_attr(
        &mut self,
        at: usize,
        pre: &[Slot<'ctx>],
        obj: IntValue<'ctx>,
        name: IntValue<'ctx>,
    ) -> CgResult<IntValue<'ctx>> {
        let cache = self.site_cache(at, ATTR_CACHE_WORDS)?;
        let slow = self.new_block("getattr.slow");
        let join = self.new_block("getattr.join");
        let attrs = self.first_entry_hit(obj, cache, slow)?;
        let slot = self.hit_slot(attrs, cache, None, slow)?;
        let v = self
            .builder()
            .build_load(self.i64t, slot, "attr")?
            .into_int_value();
        let found = self.builder().build_int_compare(
            IntPredicate::NE,
            v,
            self.word(Value::NULL),
            "attr.found",
        )?;
        let read_end = self.current_block()?;
        self.builder().build_conditional_branch(found, join, slow)?;
        self.join_slow_path(vec![(v, read_end)], slow, join, (self.i64t, "attr"), |l| {
            let r = l.call_value(
                "krait_getattr_cached",
                &[obj.into(), name.into(), cache.into()],
            )?;
            l.check_value(r, at, pre)?;
            Ok(r)
        })
    }

    /// `obj.name = value`: an existing slot is written inline; a store
    /// that adds the attribute goes through the runtime.
    pub fn lower_store_attr(
        &mut self,
        at: usize,
        pre: &[Slot<'ctx>],
        obj: IntValue<'ctx>,
        name: IntValue<'ctx>,
        value: IntValue<'ctx>,
    ) -> CgResult<()> {
        let cache = self.site_cache(at, ATTR_CACHE_WORDS)?;
        let slow = self.new_block("setattr.slow");
        let join = self.new_block("setattr.join");
        let attrs = self.first_entry_hit(obj, cache, slow)?;
        let adds = load_i64(self.cx, cache, ENTRY_ADDS_OFFSET, "adds")?;
        let in_place = self.builder().build_int_compare(
            IntPredicate::EQ,
            adds,
            self.i64t.const_zero(),
            "in.place",
        )?;
        let slot = self.hit_slot(attrs, cache, Some(in_place), slow)?;
        self.builder().build_store(slot, value)?;
        self.builder().build_unconditional_branch(join)?;
        self.builder().position_at_end(slow);
        let r = self.call_i32(
            "krait_setattr_cached",
            &[obj.into(), name.into(), value.into(), cache.into()],
        )?;
        self.check_status(r, at, pre)?;
        self.builder().build_unconditional_branch(join)?;
        self.builder().position_at_end(join);
        Ok(())
    }

    /// `LOAD_METHOD`: (method, self) or (NULL, attribute).
    pub fn lower_load_method(
        &mut self,
        at: usize,
        pre: &[Slot<'ctx>],
        obj: IntValue<'ctx>,
        name: IntValue<'ctx>,
    ) -> CgResult<(IntValue<'ctx>, IntValue<'ctx>)> {
        let cache = self.site_cache(at, ATTR_CACHE_WORDS)?;
        let slow = self.new_block("method.slow");
        let join = self.new_block("method.join");
        self.first_entry_hit(obj, cache, slow)?;
        let f = load_i64(self.cx, cache, ENTRY_PAYLOAD_OFFSET, "method")?;
        let hit_end = self.current_block()?;
        self.builder().build_unconditional_branch(join)?;

        self.builder().position_at_end(slow);
        self.status_call(
            "krait_load_method_cached",
            &[obj.into(), name.into(), self.buf.into(), cache.into()],
            at,
            pre,
        )?;
        let out = self.read_buf(2)?;
        // The runtime gives (method, self) or (attribute, NULL); the stack
        // holds (method, self) or (NULL, attribute).
        let self_is_null = self.is_null(out[1])?;
        let bd = self.builder();
        let first = bd
            .build_select(self_is_null, self.null(), out[0], "first")?
            .into_int_value();
        let second = bd
            .build_select(self_is_null, out[0], out[1], "second")?
            .into_int_value();
        let slow_end = self.current_block()?;
        self.builder().build_unconditional_branch(join)?;

        self.builder().position_at_end(join);
        let first_phi = self.builder().build_phi(self.i64t, "first")?;
        first_phi.add_incoming(&[(&f, hit_end), (&first, slow_end)]);
        let second_phi = self.builder().build_phi(self.i64t, "second")?;
        second_phi.add_incoming(&[(&obj, hit_end), (&second, slow_end)]);
        Ok((
            first_phi.as_basic_value().into_int_value(),
            second_phi.as_basic_value().into_int_value(),
        ))
    }
}
