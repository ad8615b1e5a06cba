//! Inline subscripts: `list[i]`, `tuple[i]` and `list[i] = v` with a
//! small-int index read and write the items directly when the object's
//! exact type is `list` (or `tuple`) and the index is in range (negative
//! indices count from the end); anything else calls the runtime, which
//! raises IndexError or dispatches to `__getitem__`.

use inkwell::values::{IntValue, PointerValue};
use inkwell::{AddressSpace, IntPredicate};
use krait_runtime::heap::HEADER_TYPE_OFFSET;
use krait_runtime::native::KnownType;
use krait_runtime::types::list::{LIST_ITEMS_PTR_OFFSET, LIST_LEN_OFFSET};
use krait_runtime::types::tuple::{TUPLE_ITEMS_OFFSET, TUPLE_LEN_OFFSET};

use super::lower::{byte_offset, gep_i64, Lower};
use super::{CgResult, CodegenError};

impl<'a, 'cx, 'ctx> Lower<'a, 'cx, 'ctx> {
    /// The type object of a known type (from the program's table).
    fn known_type(&self, t: KnownType) -> CgResult<IntValue<'ctx>> {
        let index = KnownType::ALL
            .iter()
            .position(|k| *k == t)
            .ok_or_else(|| CodegenError("unknown known type".to_owned()))?;
        let p = gep_i64(
            self.cx,
            self.cx.known_types.as_pointer_value(),
            self.usize(index),
        )?;
        Ok(self
            .builder()
            .build_load(self.i64t, p, "type")?
            .into_int_value())
    }

    /// `v` is a heap object whose exact type is `t` (i1). Only meaningful
    /// for pointers; the caller checks `is_pointer` first.
    pub(super) fn has_type(
        &self,
        obj: PointerValue<'ctx>,
        t: KnownType,
    ) -> CgResult<IntValue<'ctx>> {
        let expected = self.known_type(t)?;
        let p = byte_offset(self.cx, obj, HEADER_TYPE_OFFSET)?;
        let ty = self
            .builder()
            .build_load(self.i64t, p, "ty")?
            .into_int_value();
        Ok(self
            .builder()
            .build_int_compare(IntPredicate::EQ, ty, expected, "exact")?)
    }

    pub(super) fn is_pointer(&self, v: IntValue<'ctx>) -> CgResult<IntValue<'ctx>> {
        let b = self.builder();
        let top = b.build_right_shift(v, self.i64t.const_int(48, false), false, "top")?;
        let no_tag =
            b.build_int_compare(IntPredicate::EQ, top, self.i64t.const_zero(), "untagged")?;
        let big = b.build_int_compare(
            IntPredicate::UGE,
            v,
            self.i64t
                .const_int(krait_runtime::value::MIN_POINTER, false),
            "big",
        )?;
        Ok(b.build_and(no_tag, big, "is_ptr")?)
    }

    /// The address of item `key` of `container` (a list or a tuple) when
    /// the fast case applies, computed in the block `fast`; the caller
    /// branches to `slow` otherwise. Returns (in_range block, item pointer).
    fn item_address(
        &mut self,
        container: IntValue<'ctx>,
        key: IntValue<'ctx>,
        kinds: &[KnownType],
        slow: inkwell::basic_block::BasicBlock<'ctx>,
    ) -> CgResult<PointerValue<'ctx>> {
        let ptr_t = self.cx.context.ptr_type(AddressSpace::default());
        let is_ptr = self.is_pointer(container)?;
        let is_int = self.is_small_int(key)?;
        let ok = self.builder().build_and(is_ptr, is_int, "candidate")?;
        let typed = self.new_block("sub.typed");
        self.builder().build_conditional_branch(ok, typed, slow)?;
        self.builder().position_at_end(typed);
        let obj = self.builder().build_int_to_ptr(container, ptr_t, "obj")?;
        let index = self.int_payload(key)?;
        let mut found: Vec<(
            PointerValue<'ctx>,
            IntValue<'ctx>,
            inkwell::basic_block::BasicBlock<'ctx>,
        )> = Vec::new();
        // One test per kind: list first (items behind a pointer), then tuple
        // (items inline).
        for (n, &kind) in kinds.iter().enumerate() {
            let this = self.new_block("sub.kind");
            let other = if n + 1 < kinds.len() {
                self.new_block("sub.other")
            } else {
                slow
            };
            let exact = self.has_type(obj, kind)?;
            self.builder()
                .build_conditional_branch(exact, this, other)?;
            self.builder().position_at_end(this);
            let (items, len) = match kind {
                KnownType::List => {
                    let p = byte_offset(self.cx, obj, LIST_ITEMS_PTR_OFFSET)?;
                    let items = self
                        .builder()
                        .build_load(ptr_t, p, "items")?
                        .into_pointer_value();
                    let p = byte_offset(self.cx, obj, LIST_LEN_OFFSET)?;
                    let len = self
                        .builder()
                        .build_load(self.i64t, p, "len")?
                        .into_int_value();
                    (items, len)
                }
                KnownType::Tuple => {
                    let items = byte_offset(self.cx, obj, TUPLE_ITEMS_OFFSET)?;
                    let p = byte_offset(self.cx, obj, TUPLE_LEN_OFFSET)?;
                    let len = self
                        .builder()
                        .build_load(self.i64t, p, "len")?
                        .into_int_value();
                    (items, len)
                }
                KnownType::Function | KnownType::Str => {
                    return Err(CodegenError("not a list or tuple".to_owned()));
                }
            };
            found.push((items, len, self.current_insert_block()?));
            if n + 1 < kinds.len() {
                self.builder().position_at_end(other);
            }
        }
        // Join the kinds, then check the range.
        let join = self.new_block("sub.range");
        for (_, _, bb) in &found {
            self.builder().position_at_end(*bb);
            self.builder().build_unconditional_branch(join)?;
        }
        self.builder().position_at_end(join);
        let items_phi = self.builder().build_phi(ptr_t, "items")?;
        let len_phi = self.builder().build_phi(self.i64t, "len")?;
        for (items, len, bb) in &found {
            items_phi.add_incoming(&[(items, *bb)]);
            len_phi.add_incoming(&[(len, *bb)]);
        }
        let len = len_phi.as_basic_value().into_int_value();
        let b = self.builder();
        let negative =
            b.build_int_compare(IntPredicate::SLT, index, self.i64t.const_zero(), "neg")?;
        let from_end = b.build_int_add(index, len, "from_end")?;
        let i = b
            .build_select(negative, from_end, index, "i")?
            .into_int_value();
        // Unsigned compare: a still-negative index is out of range too.
        let in_range = b.build_int_compare(IntPredicate::ULT, i, len, "in_range")?;
        let hit = self.new_block("sub.hit");
        self.builder()
            .build_conditional_branch(in_range, hit, slow)?;
        self.builder().position_at_end(hit);
        gep_i64(self.cx, items_phi.as_basic_value().into_pointer_value(), i)
    }

    /// `container[key]` with the inline list/tuple path; the result may be
    /// the error word (from the runtime call).
    pub fn fast_getitem(
        &mut self,
        container: IntValue<'ctx>,
        key: IntValue<'ctx>,
    ) -> CgResult<IntValue<'ctx>> {
        let slow = self.new_block("getitem.slow");
        let join = self.new_block("getitem.join");
        let p = self.item_address(container, key, &[KnownType::List, KnownType::Tuple], slow)?;
        let v = self
            .builder()
            .build_load(self.i64t, p, "item")?
            .into_int_value();
        let hit = self.current_insert_block()?;
        self.builder().build_unconditional_branch(join)?;
        self.builder().position_at_end(slow);
        let r = self.call_value("krait_getitem", &[container.into(), key.into()])?;
        let slow_end = self.current_insert_block()?;
        self.builder().build_unconditional_branch(join)?;
        self.builder().position_at_end(join);
        let phi = self.builder().build_phi(self.i64t, "item")?;
        phi.add_incoming(&[(&v, hit), (&r, slow_end)]);
        Ok(phi.as_basic_value().into_int_value())
    }

    /// `container[key] = value` with the inline list path; returns the
    /// status (0, or -1 from the runtime call).
    pub fn fast_setitem(
        &mut self,
        container: IntValue<'ctx>,
        key: IntValue<'ctx>,
        value: IntValue<'ctx>,
    ) -> CgResult<IntValue<'ctx>> {
        let slow = self.new_block("setitem.slow");
        let join = self.new_block("setitem.join");
        let p = self.item_address(container, key, &[KnownType::List], slow)?;
        self.builder().build_store(p, value)?;
        let hit = self.current_insert_block()?;
        self.builder().build_unconditional_branch(join)?;
        self.builder().position_at_end(slow);
        let r = self.call_i32(
            "krait_setitem",
            &[container.into(), key.into(), value.into()],
        )?;
        let slow_end = self.current_insert_block()?;
        self.builder().build_unconditional_branch(join)?;
        self.builder().position_at_end(join);
        let phi = self.builder().build_phi(self.i32t, "status")?;
        phi.add_incoming(&[(&self.i32t.const_zero(), hit), (&r, slow_end)]);
        Ok(phi.as_basic_value().into_int_value())
    }
}
