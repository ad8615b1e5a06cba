//! Lowering each instruction: mostly one call into runtime-lib (the same
//! function the VM calls), with its error check; stack manipulation,
//! jumps, locals and constants are pure SSA work.

use inkwell::values::{BasicMetadataValueEnum, IntValue};
use inkwell::IntPredicate;
use krait_runtime::builtins::direct::{index_of, DIRECT};
use krait_runtime::Value;

use super::lower::{gep_i64, Known, Lower, Mode, Slot};
use super::{CgResult, CodegenError};
use crate::bytecode::constant::Constant;
use crate::bytecode::instruction::{Conversion, Instruction, MakeFunctionFlags, RaiseKind};

/// The runtime function of a binary operator (in-place ones go through
/// `krait_inplace_op`).
fn binary_fn(op: crate::bytecode::instruction::BinaryOperator) -> Option<&'static str> {
    use crate::bytecode::instruction::BinaryOperator as B;
    Some(match op {
        B::Add => "krait_binary_add",
        B::Subtract => "krait_binary_sub",
        B::Multiply => "krait_binary_mul",
        B::TrueDivide => "krait_binary_truediv",
        B::FloorDivide => "krait_binary_floordiv",
        B::Remainder => "krait_binary_mod",
        B::Power => "krait_binary_pow",
        B::MatrixMultiply => "krait_binary_matmul",
        B::Lshift => "krait_binary_lshift",
        B::Rshift => "krait_binary_rshift",
        B::And => "krait_binary_and",
        B::Or => "krait_binary_or",
        B::Xor => "krait_binary_xor",
        _ => return None,
    })
}

/// The value of a constant that is an immediate word, if it is one.
fn immediate(c: &Constant) -> Option<Value> {
    match c {
        Constant::None => Some(Value::NONE),
        Constant::Bool(b) => Some(Value::from_bool(*b)),
        Constant::Ellipsis => Some(Value::ELLIPSIS),
        Constant::Int(i) => Value::try_from_i64(*i),
        Constant::Float(f) => Some(Value::from_f64(*f)),
        _ => None,
    }
}

impl<'a, 'cx, 'ctx> Lower<'a, 'cx, 'ctx> {
    fn table_entry(
        &self,
        table: inkwell::values::GlobalValue<'ctx>,
        index: usize,
        name: &str,
    ) -> CgResult<IntValue<'ctx>> {
        let p = gep_i64(self.cx, table.as_pointer_value(), self.usize(index))?;
        Ok(self
            .builder()
            .build_load(self.i64t, p, name)?
            .into_int_value())
    }

    fn name_value(&self, index: usize) -> CgResult<IntValue<'ctx>> {
        self.table_entry(self.cx.names[self.index as usize], index, "name")
    }

    fn const_value(&self, index: usize) -> CgResult<IntValue<'ctx>> {
        self.table_entry(self.cx.consts[self.index as usize], index, "const")
    }

    fn local(&self, i: usize) -> CgResult<inkwell::values::PointerValue<'ctx>> {
        self.locals
            .get(i)
            .copied()
            .ok_or_else(|| CodegenError(format!("{}: no local {i}", self.code.qualname)))
    }

    fn deref(&self, i: usize) -> CgResult<inkwell::values::PointerValue<'ctx>> {
        self.derefs
            .get(i)
            .copied()
            .ok_or_else(|| CodegenError(format!("{}: no cell {i}", self.code.qualname)))
    }

    fn load(&self, p: inkwell::values::PointerValue<'ctx>, name: &str) -> CgResult<IntValue<'ctx>> {
        Ok(self
            .builder()
            .build_load(self.i64t, p, name)?
            .into_int_value())
    }

    pub(super) fn is_null(&self, v: IntValue<'ctx>) -> CgResult<IntValue<'ctx>> {
        Ok(self
            .builder()
            .build_int_compare(IntPredicate::EQ, v, self.null(), "is_null")?)
    }

    /// Raises the error `r` (always the error word) at `at`.
    fn raise_result(&mut self, at: usize, pre: &[Slot<'ctx>]) -> CgResult<()> {
        let line = self.line(at);
        self.raise(at, pre, true, line)
    }

    /// Calls `name` and pushes its checked `Value` result.
    fn push_call(
        &mut self,
        name: &str,
        args: &[BasicMetadataValueEnum<'ctx>],
        at: usize,
        pre: &[Slot<'ctx>],
    ) -> CgResult<()> {
        let r = self.call_value(name, args)?;
        self.check_value(r, at, pre)?;
        self.push(r);
        Ok(())
    }

    /// Calls `name` for its status.
    pub(super) fn status_call(
        &mut self,
        name: &str,
        args: &[BasicMetadataValueEnum<'ctx>],
        at: usize,
        pre: &[Slot<'ctx>],
    ) -> CgResult<()> {
        let r = self.call_i32(name, args)?;
        self.check_status(r, at, pre)
    }

    /// Pops `n` values into the scratch buffer; returns (buffer, n).
    fn pop_to_buf(&mut self, n: usize) -> CgResult<inkwell::values::PointerValue<'ctx>> {
        let items: Vec<IntValue> = self.pop_n(n)?.iter().map(|s| s.v).collect();
        self.fill_buf(&items)
    }

    /// The `__class__` cell and first argument a zero-argument `super()`
    /// would see here (NULL where absent).
    fn super_context(&mut self) -> CgResult<(IntValue<'ctx>, IntValue<'ctx>)> {
        let code = self.code;
        let class_cell = match code.freevars.iter().position(|n| n == "__class__") {
            Some(i) => self.load(self.deref(code.cellvars.len() + i)?, "class_cell")?,
            None => self.null(),
        };
        let first = if code.argcount == 0 {
            self.null()
        } else {
            let cell = (0..code.cellvars.len()).find(|&c| {
                code.cell_argument(crate::bytecode::instruction::DerefIdx(c as u32))
                    .map(|l| l.index())
                    == Some(0)
            });
            match cell {
                Some(c) => {
                    let cell = self.load(self.deref(c)?, "cell")?;
                    self.cell_get(cell)?
                }
                None => self.load(self.local(0)?, "self")?,
            }
        };
        Ok((class_cell, first))
    }

    pub fn lower_instruction(&mut self, at: usize) -> CgResult<()> {
        let instruction = self.code.instructions[at];
        let pre = self.stack.clone();
        let pre = &pre[..];
        use Instruction as I;
        match instruction {
            // ---- stack manipulation ----
            I::Nop | I::Resume { .. } => {}
            I::PopTop => {
                self.pop()?;
            }
            I::PushNull => {
                let null = self.null();
                self.push_known(null, Known::Null);
            }
            I::Copy { pos } => {
                let s = self.peek(pos.index())?;
                self.stack.push(s);
            }
            I::Swap { pos } => {
                let len = self.stack.len();
                let other = len
                    .checked_sub(pos.index())
                    .ok_or_else(|| CodegenError("swap underflow".to_owned()))?;
                self.stack.swap(len - 1, other);
            }

            // ---- operators ----
            I::UnaryPositive | I::UnaryNegative | I::UnaryNot | I::UnaryInvert => {
                let name = match instruction {
                    I::UnaryPositive => "krait_unary_pos",
                    I::UnaryNegative => "krait_unary_neg",
                    I::UnaryNot => "krait_unary_not",
                    _ => "krait_unary_invert",
                };
                let v = self.pop_v()?;
                self.push_call(name, &[v.into()], at, pre)?;
            }
            I::BinaryOp { op } => {
                let b = self.pop_v()?;
                let a = self.pop_v()?;
                let slow = |l: &Self| match binary_fn(op) {
                    Some(name) => l.call_value(name, &[a.into(), b.into()]),
                    None => {
                        let (rop, _) = op.runtime_op();
                        let code = l.u32(rop as u32);
                        l.call_value("krait_inplace_op", &[a.into(), b.into(), code.into()])
                    }
                };
                let r = match self.fast_binary(op, a, b, slow)? {
                    Some(r) => r,
                    None => match binary_fn(op) {
                        Some(name) => self.call_value(name, &[a.into(), b.into()])?,
                        None => {
                            let (rop, _) = op.runtime_op();
                            let code = self.u32(rop as u32);
                            self.call_value("krait_inplace_op", &[a.into(), b.into(), code.into()])?
                        }
                    },
                };
                self.check_value(r, at, pre)?;
                self.push(r);
            }
            I::BinarySubscr => {
                let key = self.pop_v()?;
                let v = self.pop_v()?;
                let r = self.fast_getitem(v, key)?;
                self.check_value(r, at, pre)?;
                self.push(r);
            }
            I::StoreSubscr => {
                let key = self.pop_v()?;
                let container = self.pop_v()?;
                let value = self.pop_v()?;
                let r = self.fast_setitem(container, key, value)?;
                self.check_status(r, at, pre)?;
            }
            I::DeleteSubscr => {
                let key = self.pop_v()?;
                let container = self.pop_v()?;
                self.status_call("krait_delitem", &[container.into(), key.into()], at, pre)?;
            }
            I::CompareOp { op } if self.fusable_jump(at).is_some() => {
                self.lower_compare_and_jump(at, op, pre)?;
            }
            I::CompareOp { op } => {
                let b = self.pop()?;
                let a = self.pop()?;
                let code = self.u32(op as u32);
                let r = self.fast_compare(op, a, b, |l| {
                    l.call_value("krait_compare", &[a.v.into(), b.v.into(), code.into()])
                })?;
                self.check_value(r, at, pre)?;
                self.push(r);
            }
            I::IsOp { negate } => {
                let b = self.pop_v()?;
                let a = self.pop_v()?;
                let bd = self.builder();
                let pred = if negate {
                    IntPredicate::NE
                } else {
                    IntPredicate::EQ
                };
                let c = bd.build_int_compare(pred, a, b, "is")?;
                let wide = bd.build_int_z_extend(c, self.i64t, "wide")?;
                let r = bd.build_or(wide, self.word(Value::FALSE), "bool")?;
                self.push(r);
            }
            I::ContainsOp { negate } => {
                let container = self.pop_v()?;
                let item = self.pop_v()?;
                let r = self.call_i32("krait_contains", &[container.into(), item.into()])?;
                self.check_status(r, at, pre)?;
                let bd = self.builder();
                let r = if negate {
                    bd.build_xor(r, self.i32t.const_int(1, false), "not")?
                } else {
                    r
                };
                let wide = bd.build_int_z_extend(r, self.i64t, "wide")?;
                let v = bd.build_or(wide, self.word(Value::FALSE), "bool")?;
                self.push(v);
            }

            // ---- building and unpacking ----
            I::BuildTuple { count }
            | I::BuildList { count }
            | I::BuildSet { count }
            | I::BuildString { count } => {
                let name = match instruction {
                    I::BuildTuple { .. } => "krait_build_tuple",
                    I::BuildList { .. } => "krait_build_list",
                    I::BuildSet { .. } => "krait_build_set",
                    _ => "krait_build_string",
                };
                let n = count.index();
                let buf = self.pop_to_buf(n)?;
                self.push_call(name, &[buf.into(), self.usize(n).into()], at, pre)?;
            }
            I::BuildMap { count } => {
                let n = count.index();
                let buf = self.pop_to_buf(2 * n)?;
                self.push_call(
                    "krait_build_map",
                    &[buf.into(), self.usize(n).into()],
                    at,
                    pre,
                )?;
            }
            I::BuildConstKeyMap { count } => {
                let keys = self.pop_v()?;
                let n = count.index();
                let buf = self.pop_to_buf(n)?;
                self.push_call(
                    "krait_build_const_key_map",
                    &[keys.into(), buf.into(), self.usize(n).into()],
                    at,
                    pre,
                )?;
            }
            I::BuildSlice { with_step } => {
                let step = if with_step {
                    self.pop_v()?
                } else {
                    self.word(Value::NONE)
                };
                let stop = self.pop_v()?;
                let start = self.pop_v()?;
                let bounds = [start.into(), stop.into(), step.into()];
                // The subscript right after takes the bounds instead of a
                // slice object; its errors are its own instruction's.
                let next = self.code.instructions.get(at + 1);
                let fusable = !self.leaders.get(at + 1).copied().unwrap_or(true);
                match next {
                    Some(I::BinarySubscr) if fusable => {
                        let v = self.pop_v()?;
                        let r = self.call_value(
                            "krait_getitem_slice",
                            &[&[v.into()], &bounds[..]].concat(),
                        )?;
                        self.check_value(r, at + 1, pre)?;
                        self.push(r);
                        self.skip = Some(at + 1);
                    }
                    Some(I::StoreSubscr | I::DeleteSubscr) if fusable => {
                        let v = self.pop_v()?;
                        let value = if matches!(next, Some(I::StoreSubscr)) {
                            self.pop_v()?
                        } else {
                            self.word(Value::NULL)
                        };
                        let args = [&[v.into()], &bounds[..], &[value.into()]].concat();
                        self.status_call("krait_setitem_slice", &args, at + 1, pre)?;
                        self.skip = Some(at + 1);
                    }
                    _ => self.push_call("krait_build_slice", &bounds, at, pre)?,
                }
            }
            I::ListAppend { pos }
            | I::SetAdd { pos }
            | I::ListExtend { pos }
            | I::SetUpdate { pos }
            | I::DictUpdate { pos } => {
                let name = match instruction {
                    I::ListAppend { .. } => "krait_list_append",
                    I::SetAdd { .. } => "krait_set_add",
                    I::ListExtend { .. } => "krait_list_extend",
                    I::SetUpdate { .. } => "krait_set_update",
                    _ => "krait_dict_update",
                };
                let v = self.pop_v()?;
                let target = self.peek(pos.index())?.v;
                self.status_call(name, &[target.into(), v.into()], at, pre)?;
            }
            I::MapAdd { pos } => {
                let value = self.pop_v()?;
                let key = self.pop_v()?;
                let target = self.peek(pos.index())?.v;
                self.status_call(
                    "krait_map_add",
                    &[target.into(), key.into(), value.into()],
                    at,
                    pre,
                )?;
            }
            I::DictMerge { pos } => {
                let v = self.pop_v()?;
                let target = self.peek(pos.index())?.v;
                let callable = self.peek(pos.index() + 2)?.v;
                self.status_call(
                    "krait_dict_merge",
                    &[target.into(), v.into(), callable.into()],
                    at,
                    pre,
                )?;
            }
            I::ListToTuple => {
                let l = self.pop_v()?;
                self.push_call("krait_list_to_tuple", &[l.into()], at, pre)?;
            }
            I::UnpackSequence { count } => {
                let v = self.pop_v()?;
                let n = count.index();
                self.status_call(
                    "krait_unpack_sequence",
                    &[v.into(), self.buf.into(), self.u32(n as u32).into()],
                    at,
                    pre,
                )?;
                for item in self.read_buf(n)?.into_iter().rev() {
                    self.push(item);
                }
            }
            I::UnpackEx { before, after } => {
                let v = self.pop_v()?;
                let n = before as usize + 1 + after as usize;
                self.status_call(
                    "krait_unpack_ex",
                    &[
                        v.into(),
                        self.buf.into(),
                        self.u32(u32::from(before)).into(),
                        self.u32(after).into(),
                    ],
                    at,
                    pre,
                )?;
                for item in self.read_buf(n)?.into_iter().rev() {
                    self.push(item);
                }
            }

            // ---- constants and names ----
            I::LoadConst { index } => {
                let c = self
                    .code
                    .constant(index)
                    .ok_or_else(|| CodegenError("constant out of range".to_owned()))?;
                if let Some(v) = immediate(c) {
                    let w = self.word(v);
                    self.push(w);
                } else {
                    let known = match c {
                        Constant::Code(code) => Known::Code(self.cx.number_of(code)?),
                        Constant::Str(s) if s.len() == 1 && s.is_ascii() => {
                            Known::AsciiChar(s.as_bytes()[0])
                        }
                        _ => Known::Nothing,
                    };
                    let v = self.const_value(index.index())?;
                    self.push_known(v, known);
                }
            }
            I::LoadFast { local } if super::assigned::is_bound(&self.bound, at, local.index()) => {
                let v = self.load(self.local(local.index())?, "local")?;
                self.push(v);
            }
            I::LoadFast { local } => {
                let v = self.load(self.local(local.index())?, "local")?;
                self.raise_if_null(v, "krait_unbound_local", local.0, at, pre)?;
                self.push(v);
            }
            I::StoreFast { local } => {
                let v = self.pop_v()?;
                self.builder().build_store(self.local(local.index())?, v)?;
            }
            I::DeleteFast { local } => {
                let p = self.local(local.index())?;
                let v = self.load(p, "local")?;
                self.raise_if_null(v, "krait_unbound_local", local.0, at, pre)?;
                self.builder().build_store(p, self.null())?;
            }
            I::MakeCell { cell } => {
                let initial = match self.code.cell_argument(cell) {
                    Some(arg) => self.load(self.local(arg.index())?, "arg")?,
                    None => self.null(),
                };
                let c = self.call_value("krait_new_cell", &[initial.into()])?;
                self.builder().build_store(self.deref(cell.index())?, c)?;
            }
            I::CopyFreeVars { count } => {
                let first = self.code.cellvars.len();
                for i in 0..count.index() {
                    let c = self.call_value(
                        "krait_free_var",
                        &[self.func_value.into(), self.u32(i as u32).into()],
                    )?;
                    self.builder().build_store(self.deref(first + i)?, c)?;
                }
            }
            I::LoadClosure { cell } => {
                let c = self.load(self.deref(cell.index())?, "cell")?;
                self.push(c);
            }
            I::LoadDeref { cell } | I::DeleteDeref { cell } => {
                let c = self.load(self.deref(cell.index())?, "cell")?;
                let v = self.cell_get(c)?;
                self.raise_if_null(v, "krait_unbound_deref", cell.0, at, pre)?;
                if matches!(instruction, I::LoadDeref { .. }) {
                    self.push(v);
                } else {
                    self.cell_set(c, self.null())?;
                }
            }
            I::StoreDeref { cell } => {
                let v = self.pop_v()?;
                let c = self.load(self.deref(cell.index())?, "cell")?;
                self.cell_set(c, v)?;
            }
            I::LoadClassderef { cell } => {
                let c = self.load(self.deref(cell.index())?, "cell")?;
                let code = self.u32(self.index);
                self.push_call(
                    "krait_load_classderef",
                    &[
                        self.ns.into(),
                        c.into(),
                        code.into(),
                        self.u32(cell.0).into(),
                    ],
                    at,
                    pre,
                )?;
            }
            I::LoadGlobal { name, push_null } => {
                let n = self.name_value(name.index())?;
                let cache =
                    self.site_cache(at, krait_runtime::runtime::global_cache::GLOBAL_CACHE_WORDS)?;
                let r = self.lower_load_global(at, pre, n, cache)?;
                if push_null {
                    let null = self.null();
                    self.push_known(null, Known::Null);
                }
                let known = match self.code.name(name) {
                    Some("range") => Known::Range,
                    Some(n) => self
                        .cx
                        .functions_around(self.index)
                        .and_then(|functions| functions.get(n))
                        .map_or_else(|| builtin_known(n), |&k| Known::Function(k)),
                    None => Known::Nothing,
                };
                self.push_known(r, known);
            }
            I::StoreGlobal { name } | I::StoreName { name } => {
                let v = self.pop()?;
                let ns = if matches!(instruction, I::StoreGlobal { .. }) {
                    self.globals
                } else {
                    self.ns
                };
                let n = self.name_value(name.index())?;
                self.status_call(
                    "krait_store_name",
                    &[ns.into(), n.into(), v.v.into()],
                    at,
                    pre,
                )?;
                if let (Known::Made(k), true) = (v.known, self.cx.is_module_code(self.index)) {
                    if let Some(cache) = self.cx.made[k as usize] {
                        self.builder().build_store(cache.as_pointer_value(), v.v)?;
                    }
                }
            }
            I::DeleteGlobal { name } | I::DeleteName { name } => {
                let ns = if matches!(instruction, I::DeleteGlobal { .. }) {
                    self.globals
                } else {
                    self.ns
                };
                let n = self.name_value(name.index())?;
                self.status_call("krait_delete_name", &[ns.into(), n.into()], at, pre)?;
            }
            I::LoadName { name } => {
                let n = self.name_value(name.index())?;
                let r = self.call_value(
                    "krait_load_name",
                    &[self.ns.into(), self.globals.into(), n.into()],
                )?;
                self.check_value(r, at, pre)?;
                let known = match self.code.name(name) {
                    Some("range") => Known::Range,
                    Some(n) => builtin_known(n),
                    None => Known::Nothing,
                };
                self.push_known(r, known);
            }
            I::LoadAttr { name } => {
                let obj = self.pop_v()?;
                let n = self.name_value(name.index())?;
                let r = self.lower_load_attr(at, pre, obj, n)?;
                self.push(r);
            }
            I::StoreAttr { name } => {
                let obj = self.pop_v()?;
                let v = self.pop_v()?;
                let n = self.name_value(name.index())?;
                self.lower_store_attr(at, pre, obj, n, v)?;
            }
            I::DeleteAttr { name } => {
                let obj = self.pop_v()?;
                let n = self.name_value(name.index())?;
                self.status_call("krait_delattr", &[obj.into(), n.into()], at, pre)?;
            }
            I::LoadMethod { name } => {
                let obj = self.pop_v()?;
                let n = self.name_value(name.index())?;
                let (first, second) = self.lower_load_method(at, pre, obj, n)?;
                self.push(first);
                self.push(second);
            }

            // ---- calls and functions ----
            I::Call { argc } => self.lower_call(at, pre, argc.index())?,
            I::KwNames { names } => {
                self.kwnames = Some(self.const_value(names.index())?);
            }
            I::CallFunctionEx { has_kwargs } => {
                let kwargs = if has_kwargs {
                    self.pop_v()?
                } else {
                    self.null()
                };
                let args = self.pop_v()?;
                let func = self.pop_v()?;
                self.pop()?;
                self.push_call(
                    "krait_call_ex",
                    &[func.into(), args.into(), kwargs.into()],
                    at,
                    pre,
                )?;
            }
            I::MakeFunction { flags } => {
                let code = self.pop()?;
                let take = |flag: MakeFunctionFlags, l: &mut Self| -> CgResult<IntValue<'ctx>> {
                    if flags.contains(flag) {
                        l.pop_v()
                    } else {
                        Ok(l.null())
                    }
                };
                let closure = take(MakeFunctionFlags::CLOSURE, self)?;
                let annotations = take(MakeFunctionFlags::ANNOTATIONS, self)?;
                let kwdefaults = take(MakeFunctionFlags::KW_DEFAULTS, self)?;
                let defaults = take(MakeFunctionFlags::DEFAULTS, self)?;
                let r = self.call_value(
                    "krait_make_function",
                    &[
                        code.v.into(),
                        self.globals.into(),
                        defaults.into(),
                        kwdefaults.into(),
                        closure.into(),
                        annotations.into(),
                    ],
                )?;
                self.check_value(r, at, pre)?;
                let known = match code.known {
                    Known::Code(k) if !flags.contains(MakeFunctionFlags::CLOSURE) => Known::Made(k),
                    _ => Known::Nothing,
                };
                self.push_known(r, known);
            }
            I::LoadBuildClass => self.push_call("krait_load_build_class", &[], at, pre)?,
            I::ReturnValue => {
                let v = self.pop_v()?;
                self.return_value(v)?;
            }

            // ---- f-strings ----
            I::FormatValue {
                conversion,
                with_spec,
            } => {
                let spec = if with_spec {
                    self.pop_v()?
                } else {
                    self.null()
                };
                let v = self.pop_v()?;
                let conversion = match conversion {
                    Conversion::None => 0,
                    Conversion::Str => 1,
                    Conversion::Repr => 2,
                    Conversion::Ascii => 3,
                };
                self.push_call(
                    "krait_format_value",
                    &[v.into(), spec.into(), self.u32(conversion).into()],
                    at,
                    pre,
                )?;
            }

            // ---- iteration, generators, coroutines ----
            I::GetIter if self.ranges.contains_key(&(at + 1)) => {
                let site = self.ranges[&(at + 1)];
                self.lower_range_get_iter(at, pre, site)?;
            }
            I::ForIter { target } if self.ranges.contains_key(&at) => {
                let site = self.ranges[&at];
                self.lower_range_for_iter(at, target.index(), pre, site)?;
            }
            I::GetIter => {
                let v = self.pop_v()?;
                self.push_call("krait_iter", &[v.into()], at, pre)?;
            }
            I::ForIter { target } if self.fused_unpacks.contains(&at) => {
                let Some(I::UnpackSequence { count }) = self.code.instructions.get(at + 1) else {
                    return Err(CodegenError(
                        "fused unpack without UNPACK_SEQUENCE".to_owned(),
                    ));
                };
                let n = count.index();
                let it = self.peek(1)?.v;
                let r = self.call_value(
                    "krait_for_iter_unpack",
                    &[it.into(), self.buf.into(), self.u32(n as u32).into()],
                )?;
                self.check_value(r, at, pre)?;
                let done = self.is_null(r)?;
                let mut exhausted = self.stack.clone();
                exhausted.pop();
                let mut next = self.stack.clone();
                for item in self.read_buf(n)?.into_iter().rev() {
                    next.push(Slot {
                        v: item,
                        known: Known::Nothing,
                    });
                }
                self.branch(done, target.index(), &exhausted, at + 2, &next)?;
            }
            I::ForIter { target } => {
                let it = self.peek(1)?.v;
                let r = self.call_value("krait_for_iter", &[it.into()])?;
                self.check_value(r, at, pre)?;
                let done = self.is_null(r)?;
                let mut exhausted = self.stack.clone();
                exhausted.pop();
                let mut next = self.stack.clone();
                next.push(Slot {
                    v: r,
                    known: Known::Nothing,
                });
                self.branch(done, target.index(), &exhausted, at + 1, &next)?;
            }
            I::GetYieldFromIter => {
                let v = self.pop_v()?;
                let in_coroutine = u32::from(
                    self.code
                        .flags
                        .contains(crate::bytecode::code::CodeFlags::COROUTINE),
                );
                self.push_call(
                    "krait_get_yield_from_iter",
                    &[v.into(), self.u32(in_coroutine).into()],
                    at,
                    pre,
                )?;
            }
            I::GetAiter => {
                let v = self.pop_v()?;
                self.push_call("krait_get_aiter", &[v.into()], at, pre)?;
            }
            I::GetAnext => {
                let v = self.peek(1)?.v;
                self.push_call("krait_get_anext", &[v.into()], at, pre)?;
            }
            I::EndAsyncFor => {
                let exc = self.pop_v()?;
                let r = self.call_i32("krait_end_async_for", &[exc.into()])?;
                let failed = self.builder().build_int_compare(
                    IntPredicate::SLT,
                    r,
                    self.i32t.const_zero(),
                    "failed",
                )?;
                // A re-raise: no traceback entry.
                let line = self.line(at);
                let bad = self.new_block("reraise");
                let good = self.new_block("ended");
                self.builder().build_conditional_branch(failed, bad, good)?;
                self.builder().position_at_end(bad);
                self.raise(at, pre, false, line)?;
                self.builder().position_at_end(good);
                self.open = true;
                self.pop()?;
            }
            I::GetAwaitable { context } => {
                let v = self.pop_v()?;
                self.push_call(
                    "krait_get_awaitable",
                    &[v.into(), self.u32(context as u32).into()],
                    at,
                    pre,
                )?;
            }
            I::Send { target } => {
                let v = self.pop_v()?;
                let receiver = self.peek(1)?.v;
                let frame = self.frame_ptr()?;
                let r =
                    self.call_value("krait_send", &[frame.into(), receiver.into(), v.into()])?;
                self.check_value(r, at, pre)?;
                let p = super::lower::byte_offset(
                    self.cx,
                    frame,
                    krait_runtime::native::FRAME_DELEGATE_KIND,
                )?;
                let kind = self
                    .builder()
                    .build_load(self.i32t, p, "kind")?
                    .into_int_value();
                let yielded = self.builder().build_int_compare(
                    IntPredicate::EQ,
                    kind,
                    self.i32t.const_zero(),
                    "yielded",
                )?;
                let mut on_yield = self.stack.clone();
                on_yield.push(Slot {
                    v: r,
                    known: Known::Nothing,
                });
                let mut on_return = self.stack.clone();
                on_return.pop();
                on_return.push(Slot {
                    v: r,
                    known: Known::Nothing,
                });
                self.branch(yielded, at + 1, &on_yield, target.index(), &on_return)?;
            }
            I::YieldValue => {
                let v = self.pop_v()?;
                self.suspend(at, v, true)?;
            }
            I::AsyncGenWrap => {
                let v = self.pop_v()?;
                self.push_call("krait_async_gen_wrap", &[v.into()], at, pre)?;
            }
            I::ReturnGenerator => {
                if self.mode != Mode::Generator {
                    return Err(CodegenError(
                        "RETURN_GENERATOR outside a generator".to_owned(),
                    ));
                }
                let none = self.word(Value::NONE);
                self.suspend(at, none, false)?;
            }

            // ---- jumps ----
            I::JumpBackward { target } => {
                self.gc_poll()?;
                let stack = self.stack.clone();
                self.goto(target.index(), &stack)?;
            }
            I::JumpForward { target } | I::JumpBackwardNoInterrupt { target } => {
                let stack = self.stack.clone();
                self.goto(target.index(), &stack)?;
            }
            I::PopJumpForwardIfFalse { target }
            | I::PopJumpBackwardIfFalse { target }
            | I::PopJumpForwardIfTrue { target }
            | I::PopJumpBackwardIfTrue { target } => {
                if target.index() <= at {
                    self.gc_poll()?;
                }
                let v = self.pop_v()?;
                let t = self.truth(v, at, pre)?;
                let jump_if_true = matches!(
                    instruction,
                    I::PopJumpForwardIfTrue { .. } | I::PopJumpBackwardIfTrue { .. }
                );
                let stack = self.stack.clone();
                if jump_if_true {
                    self.branch(t, target.index(), &stack, at + 1, &stack)?;
                } else {
                    self.branch(t, at + 1, &stack, target.index(), &stack)?;
                }
            }
            I::PopJumpForwardIfNone { target }
            | I::PopJumpBackwardIfNone { target }
            | I::PopJumpForwardIfNotNone { target }
            | I::PopJumpBackwardIfNotNone { target } => {
                if target.index() <= at {
                    self.gc_poll()?;
                }
                let v = self.pop_v()?;
                let none = self.word(Value::NONE);
                let pred = if matches!(
                    instruction,
                    I::PopJumpForwardIfNone { .. } | I::PopJumpBackwardIfNone { .. }
                ) {
                    IntPredicate::EQ
                } else {
                    IntPredicate::NE
                };
                let c = self.builder().build_int_compare(pred, v, none, "none")?;
                let stack = self.stack.clone();
                self.branch(c, target.index(), &stack, at + 1, &stack)?;
            }
            I::JumpIfFalseOrPop { target } | I::JumpIfTrueOrPop { target } => {
                let v = self.peek(1)?.v;
                let t = self.truth(v, at, pre)?;
                let kept = self.stack.clone();
                let mut popped = self.stack.clone();
                popped.pop();
                if matches!(instruction, I::JumpIfTrueOrPop { .. }) {
                    self.branch(t, target.index(), &kept, at + 1, &popped)?;
                } else {
                    self.branch(t, at + 1, &popped, target.index(), &kept)?;
                }
            }

            // ---- exceptions ----
            I::RaiseVarargs { kind } => match kind {
                RaiseKind::Reraise => {
                    self.call_value("krait_reraise", &[])?;
                    let line = self.line(at);
                    self.raise(at, pre, false, line)?;
                }
                RaiseKind::Raise | RaiseKind::RaiseFrom => {
                    let cause = if kind == RaiseKind::RaiseFrom {
                        self.pop_v()?
                    } else {
                        self.null()
                    };
                    let exc = self.pop_v()?;
                    self.call_value("krait_raise", &[exc.into(), cause.into()])?;
                    self.raise_result(at, pre)?;
                }
            },
            I::Reraise { .. } => {
                let exc = self.pop_v()?;
                self.call_value("krait_restore", &[exc.into()])?;
                let line = self.line(at);
                self.raise(at, pre, false, line)?;
            }
            I::PushExcInfo => {
                let exc = self.pop_v()?;
                let previous = self.call_value("krait_push_exc_info", &[exc.into()])?;
                self.push(previous);
                self.push(exc);
                self.bump_handled(1)?;
            }
            I::PopExcept => {
                self.pop()?;
                let h = self.load(self.handled, "handled")?;
                let positive = self.builder().build_int_compare(
                    IntPredicate::SGT,
                    h,
                    self.i64t.const_zero(),
                    "positive",
                )?;
                let pop = self.new_block("pop_except");
                let done = self.new_block("popped");
                self.builder()
                    .build_conditional_branch(positive, pop, done)?;
                self.builder().position_at_end(pop);
                self.call_void("krait_pop_handled", &[self.i64t.const_int(1, false).into()])?;
                self.bump_handled(-1)?;
                self.builder().build_unconditional_branch(done)?;
                self.builder().position_at_end(done);
            }
            I::CheckExcMatch => {
                let cls = self.pop_v()?;
                let exc = self.peek(1)?.v;
                let r = self.call_i32("krait_exception_matches", &[exc.into(), cls.into()])?;
                self.check_status(r, at, pre)?;
                let bd = self.builder();
                let wide = bd.build_int_z_extend(r, self.i64t, "wide")?;
                let v = bd.build_or(wide, self.word(Value::FALSE), "bool")?;
                self.push(v);
            }
            I::CheckEgMatch => {
                let match_type = self.pop_v()?;
                let exc = self.pop_v()?;
                let h = self.load(self.handled, "handled")?;
                let handling = self.builder().build_int_compare(
                    IntPredicate::SGT,
                    h,
                    self.i64t.const_zero(),
                    "handling",
                )?;
                let handling = self
                    .builder()
                    .build_int_z_extend(handling, self.i32t, "h")?;
                self.status_call(
                    "krait_eg_match",
                    &[
                        exc.into(),
                        match_type.into(),
                        self.buf.into(),
                        handling.into(),
                    ],
                    at,
                    pre,
                )?;
                let out = self.read_buf(2)?;
                // No match: (exc, None); a match: (rest, matched).
                let no_match = self.builder().build_int_compare(
                    IntPredicate::EQ,
                    out[1],
                    self.word(Value::NONE),
                    "no_match",
                )?;
                let first = self.builder().build_select(no_match, exc, out[0], "rest")?;
                self.push(first.into_int_value());
                self.push(out[1]);
            }
            I::PrepReraiseStar => {
                let excs = self.pop_v()?;
                let orig = self.pop_v()?;
                self.push_call(
                    "krait_prep_reraise_star",
                    &[orig.into(), excs.into()],
                    at,
                    pre,
                )?;
            }
            I::LoadAssertionError => {
                let v = self.call_value("krait_assertion_error", &[])?;
                self.push(v);
            }
            I::BeforeWith | I::BeforeAsyncWith => {
                let name = if matches!(instruction, I::BeforeWith) {
                    "krait_before_with"
                } else {
                    "krait_before_async_with"
                };
                let mgr = self.pop_v()?;
                let r = self.call_value(name, &[mgr.into(), self.buf.into()])?;
                self.check_value(r, at, pre)?;
                let exit = self.read_buf(1)?[0];
                self.push(exit);
                self.push(r);
            }
            I::WithExceptStart => {
                let exit = self.peek(4)?.v;
                let exc = self.peek(1)?.v;
                self.push_call(
                    "krait_with_except_start",
                    &[exit.into(), exc.into()],
                    at,
                    pre,
                )?;
            }

            // ---- imports and annotations ----
            I::ImportName { name } => {
                let fromlist = self.pop_v()?;
                let level = self.pop_v()?;
                let n = self.name_value(name.index())?;
                self.push_call(
                    "krait_import_name",
                    &[self.globals.into(), n.into(), fromlist.into(), level.into()],
                    at,
                    pre,
                )?;
            }
            I::ImportFrom { name } => {
                let module = self.peek(1)?.v;
                let n = self.name_value(name.index())?;
                self.push_call("krait_import_from", &[module.into(), n.into()], at, pre)?;
            }
            I::ImportStar => {
                let module = self.pop_v()?;
                self.status_call(
                    "krait_import_star",
                    &[module.into(), self.ns.into()],
                    at,
                    pre,
                )?;
            }
            I::SetupAnnotations => {
                self.status_call("krait_setup_annotations", &[self.ns.into()], at, pre)?;
            }

            // ---- pattern matching ----
            I::MatchClass { count } => {
                let names = self.pop_v()?;
                let cls = self.pop_v()?;
                let subject = self.pop_v()?;
                self.push_call(
                    "krait_match_class",
                    &[
                        subject.into(),
                        cls.into(),
                        self.u32(count.0).into(),
                        names.into(),
                    ],
                    at,
                    pre,
                )?;
            }
            I::MatchMapping | I::MatchSequence => {
                let name = if matches!(instruction, I::MatchMapping) {
                    "krait_match_mapping"
                } else {
                    "krait_match_sequence"
                };
                let subject = self.peek(1)?.v;
                let r = self.call_value(name, &[subject.into()])?;
                self.push(r);
            }
            I::MatchKeys => {
                let keys = self.peek(1)?.v;
                let subject = self.peek(2)?.v;
                self.push_call("krait_match_keys", &[subject.into(), keys.into()], at, pre)?;
            }
            I::GetLen => {
                let v = self.peek(1)?.v;
                self.push_call("krait_get_len", &[v.into()], at, pre)?;
            }
        }
        Ok(())
    }

    /// Raises the unbound-variable error `error_fn(code, index)` at `at`
    /// when `v` is NULL; continues in a new block otherwise.
    fn raise_if_null(
        &mut self,
        v: IntValue<'ctx>,
        error_fn: &str,
        index: u32,
        at: usize,
        pre: &[Slot<'ctx>],
    ) -> CgResult<()> {
        let unbound = self.is_null(v)?;
        let bad = self.new_block("unbound");
        let good = self.new_block("bound");
        self.builder()
            .build_conditional_branch(unbound, bad, good)?;
        self.builder().position_at_end(bad);
        let code = self.u32(self.index);
        self.call_value(error_fn, &[code.into(), self.u32(index).into()])?;
        self.raise_result(at, pre)?;
        self.builder().position_at_end(good);
        self.open = true;
        Ok(())
    }

    /// The address of a cell's contents (cells are made by MAKE_CELL or
    /// come from a closure tuple, so `cell` is always a cell object).
    fn cell_contents(&self, cell: IntValue<'ctx>) -> CgResult<inkwell::values::PointerValue<'ctx>> {
        let ptr_t = self.cx.context.ptr_type(inkwell::AddressSpace::default());
        let p = self.builder().build_int_to_ptr(cell, ptr_t, "cellp")?;
        super::lower::byte_offset(self.cx, p, krait_runtime::types::cell::CELL_CONTENTS_OFFSET)
    }

    fn cell_get(&self, cell: IntValue<'ctx>) -> CgResult<IntValue<'ctx>> {
        let p = self.cell_contents(cell)?;
        self.load(p, "contents")
    }

    fn cell_set(&self, cell: IntValue<'ctx>, v: IntValue<'ctx>) -> CgResult<()> {
        let p = self.cell_contents(cell)?;
        self.builder().build_store(p, v)?;
        Ok(())
    }

    /// A zeroed global of `words` words for the cache of the instruction
    /// at `at`.
    pub(super) fn site_cache(
        &self,
        at: usize,
        words: u32,
    ) -> CgResult<inkwell::values::PointerValue<'ctx>> {
        let ty = self.i64t.array_type(words);
        let g = self
            .cx
            .module
            .add_global(ty, None, &format!("cache.{}.{at}", self.index));
        g.set_linkage(inkwell::module::Linkage::Internal);
        g.set_initializer(&ty.const_zero());
        Ok(g.as_pointer_value())
    }

    fn bump_handled(&mut self, by: i64) -> CgResult<()> {
        let h = self.load(self.handled, "handled")?;
        let n = self
            .builder()
            .build_int_add(h, self.i64t.const_int(by as u64, true), "handled")?;
        self.builder().build_store(self.handled, n)?;
        Ok(())
    }

    /// `CALL argc`: the stack holds NULL-or-callable, callable-or-self and
    /// the arguments.
    fn lower_call(&mut self, at: usize, pre: &[Slot<'ctx>], argc: usize) -> CgResult<()> {
        let kwnames = self.kwnames.take();
        let args = self.pop_n(argc)?;
        let second = self.pop()?;
        let first = self.pop()?;
        let arg_values: Vec<IntValue> = args.iter().map(|s| s.v).collect();
        let r = if first.known == Known::Null {
            let callable = second.v;
            if kwnames.is_none() && self.range_loop_call(at, argc, second.known) {
                self.lower_range_call(at, callable, &arg_values)?
            } else if argc == 0 && kwnames.is_none() {
                let (class_cell, first_arg) = self.super_context()?;
                self.call_value(
                    "krait_call_no_args",
                    &[callable.into(), class_cell.into(), first_arg.into()],
                )?
            } else {
                let direct = match (second.known, kwnames) {
                    (Known::Function(k), None) => self.direct_target(k, argc),
                    _ => None,
                };
                match (direct, second.known, kwnames) {
                    (Some((fast, cache)), _, _) => {
                        self.guarded_direct_call(callable, fast, cache, &arg_values)?
                    }
                    (None, Known::Builtin(b), None) if DIRECT[b as usize].arity == argc => {
                        self.guarded_builtin_call(callable, b, &arg_values)?
                    }
                    _ => self.generic_call(callable, &arg_values, kwnames)?,
                }
            }
        } else if kwnames.is_none() {
            self.cached_method_call(at, first.v, second.v, &arg_values)?
        } else {
            let mut values = vec![second.v];
            values.extend(&arg_values);
            let buf = self.fill_buf(&values)?;
            let kw = kwnames.unwrap_or(self.null());
            self.call_value(
                "krait_call_method",
                &[
                    first.v.into(),
                    buf.into(),
                    self.usize(argc + 1).into(),
                    kw.into(),
                ],
            )?
        };
        self.check_value(r, at, pre)?;
        self.push(r);
        Ok(())
    }

    /// `callable(*args)` through the runtime (`kwnames` names the last
    /// arguments); the result may be the error word.
    pub fn generic_call(
        &self,
        callable: IntValue<'ctx>,
        args: &[IntValue<'ctx>],
        kwnames: Option<IntValue<'ctx>>,
    ) -> CgResult<IntValue<'ctx>> {
        let buf = self.fill_buf(args)?;
        let kw = kwnames.unwrap_or(self.null());
        self.call_value(
            "krait_call",
            &[
                callable.into(),
                buf.into(),
                self.usize(args.len()).into(),
                kw.into(),
            ],
        )
    }

    /// The fast entry and identity cache of module-level function `k`, if
    /// a call with `argc` positional arguments can go straight to it.
    fn direct_target(
        &self,
        k: u32,
        argc: usize,
    ) -> Option<(
        inkwell::values::FunctionValue<'ctx>,
        inkwell::values::GlobalValue<'ctx>,
    )> {
        let fast = self.cx.fast[k as usize]?;
        let cache = self.cx.made[k as usize]?;
        (self.cx.codes[k as usize].argcount as usize == argc).then_some((fast, cache))
    }

    /// `callable(*args)`: straight to the ABI entry of direct builtin `b`
    /// when `callable` is that builtin, else through the runtime.
    fn guarded_builtin_call(
        &mut self,
        callable: IntValue<'ctx>,
        b: u8,
        args: &[IntValue<'ctx>],
    ) -> CgResult<IntValue<'ctx>> {
        let table = self.cx.direct_builtins.as_pointer_value();
        let slot = gep_i64(self.cx, table, self.i64t.const_int(u64::from(b), false))?;
        let expected = self.load(slot, "builtin")?;
        let entry_args: Vec<BasicMetadataValueEnum> = args
            .iter()
            .map(|a| BasicMetadataValueEnum::from(*a))
            .collect();
        self.guarded_call(callable, expected, "builtin", args, |l| {
            l.call_value(DIRECT[b as usize].entry, &entry_args)
        })
    }

    /// `callable(*args)`: straight to the fast entry when `callable` is the
    /// function the module made, else through the runtime.
    fn guarded_direct_call(
        &mut self,
        callable: IntValue<'ctx>,
        fast: inkwell::values::FunctionValue<'ctx>,
        cache: inkwell::values::GlobalValue<'ctx>,
        args: &[IntValue<'ctx>],
    ) -> CgResult<IntValue<'ctx>> {
        let expected = self.load(cache.as_pointer_value(), "expected")?;
        let mut fast_args: Vec<BasicMetadataValueEnum> = vec![callable.into()];
        fast_args.extend(args.iter().map(|a| BasicMetadataValueEnum::from(*a)));
        self.guarded_call(callable, expected, "call", args, |l| {
            Ok(l.builder()
                .build_call(fast, &fast_args, "direct")?
                .try_as_basic_value()
                .basic()
                .ok_or_else(|| CodegenError("fast entry returns nothing".to_owned()))?
                .into_int_value())
        })
    }

    /// `callable(*args)` by `direct` when `callable` is `expected`, else
    /// through the runtime (blocks named `<label>.direct`, …); the result
    /// may be the error word.
    fn guarded_call(
        &mut self,
        callable: IntValue<'ctx>,
        expected: IntValue<'ctx>,
        label: &str,
        args: &[IntValue<'ctx>],
        direct: impl FnOnce(&mut Self) -> CgResult<IntValue<'ctx>>,
    ) -> CgResult<IntValue<'ctx>> {
        let same =
            self.builder()
                .build_int_compare(IntPredicate::EQ, callable, expected, "same")?;
        let direct_bb = self.new_block(&format!("{label}.direct"));
        let generic_bb = self.new_block(&format!("{label}.generic"));
        let join = self.new_block(&format!("{label}.join"));
        self.builder()
            .build_conditional_branch(same, direct_bb, generic_bb)?;
        self.builder().position_at_end(direct_bb);
        let r1 = direct(self)?;
        let incoming = vec![(r1, self.current_insert_block()?)];
        self.builder().build_unconditional_branch(join)?;
        self.join_slow_path(incoming, generic_bb, join, (self.i64t, "r"), |l| {
            l.generic_call(callable, args, None)
        })
    }
}

/// What is known of a global named `name` that no module-level `def`
/// binds: a builtin with a direct entry, or nothing.
fn builtin_known(name: &str) -> Known {
    index_of(name).map_or(Known::Nothing, |b| Known::Builtin(b as u8))
}
