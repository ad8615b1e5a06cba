//! Lowering one code object: its LLVM functions, blocks, abstract operand
//! stack and exception edges (the instructions themselves are in
//! `instr`).
//!
//! Every instruction that starts a basic block (index 0, jump targets,
//! handlers, the instruction after a jump, a terminator or a yield) gets
//! an LLVM block with one phi per stack slot it starts with (the verifier
//! fixes the depth). Inside a block the stack is a list of SSA values;
//! leaving a block adds the current values to the target's phis. Blocks
//! no path reaches are not lowered.
//!
//! Variables: fast locals and cells are allocas (promoted by mem2reg),
//! except in frames that keep them in memory (`Plan::locals_in_frame`:
//! generators, and code calling `locals()`, `vars()` or `dir()`), where
//! they are the frame's slots.

use std::collections::HashMap;

use inkwell::basic_block::BasicBlock;
use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::types::{BasicMetadataTypeEnum, IntType};
use inkwell::values::{
    BasicMetadataValueEnum, BasicValueEnum, FunctionValue, IntValue, PhiValue, PointerValue,
};
use inkwell::{AddressSpace, IntPredicate};
use krait_runtime::native::{
    FRAME_DELEGATE_KIND, FRAME_FUNC, FRAME_GLOBALS, FRAME_HANDLED, FRAME_NS, FRAME_SLOTS,
    FRAME_STATE, FRAME_THROWING, FRAME_YIELDED,
};
use krait_runtime::types::function::FUNCTION_GLOBALS_OFFSET;
use krait_runtime::Value;

use super::program::{is_function, ProgramCx};
use super::{CgResult, CodegenError};
use crate::bytecode::code::CodeFlags;
use crate::bytecode::instruction::{Instruction, ResumeKind};
use crate::bytecode::verify;
use crate::bytecode::CodeObject;

/// Most arguments a fast entry takes.
const MAX_FAST_ARGS: u32 = 6;

/// Names whose use makes a code object keep its variables in its frame.
const INTROSPECTING_NAMES: &[&str] = &["locals", "vars", "dir"];

/// How a code object is compiled.
#[derive(Clone, Debug)]
pub struct Plan {
    /// A generator, coroutine or async generator.
    pub generator: bool,
    /// Variables live in the frame's slots, not in allocas.
    pub locals_in_frame: bool,
    /// A function (enters the recursion counter), not module or class code.
    pub function: bool,
    /// Has a positional fast entry with `argcount` arguments.
    pub fast: bool,
}

impl Plan {
    pub fn of(code: &CodeObject) -> Plan {
        let generator = code.flags.contains(CodeFlags::GENERATOR)
            || code.flags.contains(CodeFlags::COROUTINE)
            || code.flags.contains(CodeFlags::ASYNC_GENERATOR);
        let introspects = code
            .names
            .iter()
            .any(|n| INTROSPECTING_NAMES.contains(&n.as_str()));
        let locals_in_frame = generator || introspects;
        let function = is_function(code);
        let fast = function
            && !locals_in_frame
            && !code.flags.contains(CodeFlags::VARARGS)
            && !code.flags.contains(CodeFlags::VARKEYWORDS)
            && code.kwonlyargcount == 0
            && code.argcount <= MAX_FAST_ARGS;
        Plan {
            generator,
            locals_in_frame,
            function,
            fast,
        }
    }
}

/// Declares code `index`'s body and (if planned) its fast entry.
pub fn declare<'ctx>(
    context: &'ctx Context,
    module: &Module<'ctx>,
    index: u32,
    code: &CodeObject,
    plan: &Plan,
) -> (FunctionValue<'ctx>, Option<FunctionValue<'ctx>>) {
    let i64t = context.i64_type();
    let ptr = context.ptr_type(AddressSpace::default());
    let body_ty = i64t.fn_type(&[ptr.into(), i64t.into()], false);
    let base = format!("py.{index}.{}", code.qualname);
    let body = module.add_function(&base, body_ty, Some(Linkage::Internal));
    let fast = plan.fast.then(|| {
        let params: Vec<BasicMetadataTypeEnum> = (0..=code.argcount).map(|_| i64t.into()).collect();
        let ty = i64t.fn_type(&params, false);
        module.add_function(&format!("{base}.fast"), ty, Some(Linkage::Internal))
    });
    (body, fast)
}

/// Lowers code `index` of the program.
pub fn lower_code(cx: &ProgramCx, index: u32) -> CgResult<()> {
    let i = index as usize;
    match cx.fast[i] {
        Some(fast) => {
            Lower::new(cx, index, fast, Mode::Fast)?.run()?;
            emit_fast_wrapper(cx, index, fast)
        }
        None => {
            let mode = if cx.plans[i].generator {
                Mode::Generator
            } else {
                Mode::Generic
            };
            Lower::new(cx, index, cx.bodies[i], mode)?.run()
        }
    }
}

/// The body of a code object with a fast entry: calls the fast entry with
/// the frame's function and bound arguments.
fn emit_fast_wrapper(cx: &ProgramCx, index: u32, fast: FunctionValue) -> CgResult<()> {
    let body = cx.bodies[index as usize];
    let code = cx.codes[index as usize];
    let b = &cx.builder;
    let entry = cx.context.append_basic_block(body, "entry");
    b.position_at_end(entry);
    let frame = param(body, 0)?.into_pointer_value();
    let i64t = cx.context.i64_type();
    let func = load_i64(cx, frame, FRAME_FUNC, "func")?;
    let slots = load_ptr(cx, frame, FRAME_SLOTS, "slots")?;
    let mut args: Vec<BasicMetadataValueEnum> = vec![func.into()];
    for a in 0..code.argcount {
        let p = gep_i64(cx, slots, i64t.const_int(u64::from(a), false))?;
        args.push(b.build_load(i64t, p, "arg")?.into_int_value().into());
    }
    let r = b
        .build_call(fast, &args, "r")?
        .try_as_basic_value()
        .basic()
        .ok_or_else(|| CodegenError("fast entry returns nothing".to_owned()))?;
    b.build_return(Some(&r))?;
    Ok(())
}

pub fn param(f: FunctionValue, n: u32) -> CgResult<BasicValueEnum> {
    f.get_nth_param(n)
        .ok_or_else(|| CodegenError(format!("missing parameter {n}")))
}

/// `base + offset` bytes.
pub fn byte_offset<'ctx>(
    cx: &ProgramCx<'_, 'ctx>,
    base: PointerValue<'ctx>,
    offset: usize,
) -> CgResult<PointerValue<'ctx>> {
    let i8t = cx.context.i8_type();
    let off = cx.context.i64_type().const_int(offset as u64, false);
    // SAFETY (LLVM semantics): the offsets are field offsets of the
    // runtime's repr(C) structs the pointer points at.
    Ok(unsafe { cx.builder.build_in_bounds_gep(i8t, base, &[off], "field")? })
}

/// `&base[index]` for an array of words.
pub fn gep_i64<'ctx>(
    cx: &ProgramCx<'_, 'ctx>,
    base: PointerValue<'ctx>,
    index: IntValue<'ctx>,
) -> CgResult<PointerValue<'ctx>> {
    let i64t = cx.context.i64_type();
    // SAFETY (LLVM semantics): indices stay inside the arrays (tables,
    // slots and buffers sized from the code object).
    Ok(unsafe {
        cx.builder
            .build_in_bounds_gep(i64t, base, &[index], "slot")?
    })
}

pub fn load_i64<'ctx>(
    cx: &ProgramCx<'_, 'ctx>,
    base: PointerValue<'ctx>,
    offset: usize,
    name: &str,
) -> CgResult<IntValue<'ctx>> {
    let p = byte_offset(cx, base, offset)?;
    Ok(cx
        .builder
        .build_load(cx.context.i64_type(), p, name)?
        .into_int_value())
}

pub fn load_ptr<'ctx>(
    cx: &ProgramCx<'_, 'ctx>,
    base: PointerValue<'ctx>,
    offset: usize,
    name: &str,
) -> CgResult<PointerValue<'ctx>> {
    let p = byte_offset(cx, base, offset)?;
    let ptr = cx.context.ptr_type(AddressSpace::default());
    Ok(cx.builder.build_load(ptr, p, name)?.into_pointer_value())
}

/// Which function is being generated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `body(frame, sent)` of module code, class bodies and functions
    /// without a fast entry.
    Generic,
    /// `fast(func, a0, …)`.
    Fast,
    /// `body(frame, sent)` of a generator: a resumable state machine.
    Generator,
}

/// What is known at compile time about a stack slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    Nothing,
    /// The NULL word (`PUSH_NULL`, `LOAD_GLOBAL` with `push_null`).
    Null,
    /// The code object number n (a `LOAD_CONST`).
    Code(u32),
    /// A function just made from code n (`MAKE_FUNCTION` without closure).
    Made(u32),
    /// A global that names the module-level function of code n.
    Function(u32),
    /// The global or builtin named `range`.
    Range,
    /// A global named like builtin n of `builtins::direct::DIRECT`.
    Builtin(u8),
    /// A one-character ASCII str constant: that character (a `LOAD_CONST`).
    AsciiChar(u8),
}

/// One operand stack slot.
#[derive(Clone, Copy, Debug)]
pub struct Slot<'ctx> {
    pub v: IntValue<'ctx>,
    pub known: Known,
}

struct Block<'ctx> {
    bb: BasicBlock<'ctx>,
    phis: Vec<PhiValue<'ctx>>,
}

/// The shared exit of raising paths no handler covers.
struct ErrorExit<'ctx> {
    bb: BasicBlock<'ctx>,
    line: PhiValue<'ctx>,
    traceback: PhiValue<'ctx>,
}

/// The state of lowering one code object.
pub struct Lower<'a, 'cx, 'ctx> {
    pub cx: &'cx ProgramCx<'a, 'ctx>,
    pub code: &'a CodeObject,
    pub index: u32,
    pub plan: &'cx Plan,
    pub mode: Mode,
    pub function: FunctionValue<'ctx>,
    pub i64t: IntType<'ctx>,
    pub i32t: IntType<'ctx>,
    pub frame: Option<PointerValue<'ctx>>,
    pub sent: Option<IntValue<'ctx>>,
    pub func_value: IntValue<'ctx>,
    pub globals: IntValue<'ctx>,
    pub ns: IntValue<'ctx>,
    pub locals: Vec<PointerValue<'ctx>>,
    pub derefs: Vec<PointerValue<'ctx>>,
    pub handled: PointerValue<'ctx>,
    spill: Option<PointerValue<'ctx>>,
    /// Scratch words for call arguments and multiple results.
    pub buf: PointerValue<'ctx>,
    depths: Vec<Option<u32>>,
    /// Locals definitely bound before each instruction.
    pub bound: Vec<u128>,
    /// Instructions that start a block.
    pub leaders: Vec<bool>,
    /// An instruction already lowered with the one before it.
    pub skip: Option<usize>,
    blocks: HashMap<usize, Block<'ctx>>,
    pub stack: Vec<Slot<'ctx>>,
    /// The current block still needs a terminator.
    pub open: bool,
    /// Keyword names of the next `CALL`.
    pub kwnames: Option<IntValue<'ctx>>,
    exit: Option<ErrorExit<'ctx>>,
    entry: BasicBlock<'ctx>,
    resumes: Vec<(u64, BasicBlock<'ctx>)>,
    prologue: Option<BasicBlock<'ctx>>,
    /// Inline range loops by the index of their `FOR_ITER`.
    pub ranges: HashMap<usize, super::range_loop::RangeSite<'ctx>>,
    /// `FOR_ITER`s lowered together with the `UNPACK_SEQUENCE` after them
    /// (see [`fused_unpacks`]).
    pub fused_unpacks: std::collections::HashSet<usize>,
}

/// The `FOR_ITER`s followed by an `UNPACK_SEQUENCE` that nothing else
/// jumps to (`for a, b in ...`): they are lowered as one runtime call that
/// unpacks the next item, so `enumerate`, `zip` and `dict.items()` loops
/// make no tuple per step.
fn fused_unpacks(code: &CodeObject) -> std::collections::HashSet<usize> {
    let ins = &code.instructions;
    let mut targeted = vec![false; ins.len() + 1];
    for instr in ins {
        if let Some(t) = instr.target() {
            targeted[t.index()] = true;
        }
    }
    for e in &code.exception_table {
        targeted[e.handler.index()] = true;
    }
    (0..ins.len().saturating_sub(1))
        .filter(|&i| {
            matches!(ins[i], Instruction::ForIter { .. })
                && matches!(ins[i + 1], Instruction::UnpackSequence { .. })
                && !targeted[i + 1]
        })
        .collect()
}

impl<'a, 'cx, 'ctx> Lower<'a, 'cx, 'ctx> {
    fn new(
        cx: &'cx ProgramCx<'a, 'ctx>,
        index: u32,
        function: FunctionValue<'ctx>,
        mode: Mode,
    ) -> CgResult<Self> {
        let code = cx.codes[index as usize];
        let plan = &cx.plans[index as usize];
        let context = cx.context;
        let i64t = context.i64_type();
        let b = &cx.builder;
        let entry = context.append_basic_block(function, "entry");
        b.position_at_end(entry);
        let null = i64t.const_int(Value::NULL.bits(), false);
        let nlocals = code.varnames.len();
        let nderefs = code.deref_count();
        let (frame, sent, func_value, globals, ns, slots) = match mode {
            Mode::Fast => {
                let func_value = param(function, 0)?.into_int_value();
                let func_ptr = b.build_int_to_ptr(
                    func_value,
                    context.ptr_type(AddressSpace::default()),
                    "funcp",
                )?;
                let globals = load_i64(cx, func_ptr, FUNCTION_GLOBALS_OFFSET, "globals")?;
                (None, None, func_value, globals, null, None)
            }
            Mode::Generic | Mode::Generator => {
                let frame = param(function, 0)?.into_pointer_value();
                let sent = param(function, 1)?.into_int_value();
                let func_value = load_i64(cx, frame, FRAME_FUNC, "func")?;
                let globals = load_i64(cx, frame, FRAME_GLOBALS, "globals")?;
                let ns = load_i64(cx, frame, FRAME_NS, "ns")?;
                let slots = load_ptr(cx, frame, FRAME_SLOTS, "slots")?;
                (
                    Some(frame),
                    Some(sent),
                    func_value,
                    globals,
                    ns,
                    Some(slots),
                )
            }
        };
        let word = |i: usize| i64t.const_int(i as u64, false);
        let mut locals = Vec::with_capacity(nlocals);
        let mut derefs = Vec::with_capacity(nderefs);
        if plan.locals_in_frame {
            let slots = slots.ok_or_else(|| CodegenError("frame slots".to_owned()))?;
            for i in 0..nlocals {
                locals.push(gep_i64(cx, slots, word(i))?);
            }
            for i in 0..nderefs {
                derefs.push(gep_i64(cx, slots, word(nlocals + i))?);
            }
        } else {
            for i in 0..nlocals {
                let a = b.build_alloca(i64t, &format!("local.{}", code.varnames[i]))?;
                let initial = match (mode, slots) {
                    (Mode::Fast, _) if (i as u32) < code.argcount => {
                        param(function, i as u32 + 1)?.into_int_value()
                    }
                    (Mode::Generic, Some(slots)) => {
                        let p = gep_i64(cx, slots, word(i))?;
                        b.build_load(i64t, p, "bound")?.into_int_value()
                    }
                    _ => null,
                };
                b.build_store(a, initial)?;
                locals.push(a);
            }
            for _ in 0..nderefs {
                let a = b.build_alloca(i64t, "cell")?;
                b.build_store(a, null)?;
                derefs.push(a);
            }
        }
        let handled = match (mode, frame) {
            (Mode::Generator, Some(frame)) => byte_offset(cx, frame, FRAME_HANDLED)?,
            _ => {
                let a = b.build_alloca(i64t, "handled")?;
                b.build_store(a, i64t.const_zero())?;
                a
            }
        };
        let spill = match (mode, slots) {
            (Mode::Generator, Some(slots)) => Some(gep_i64(cx, slots, word(nlocals + nderefs))?),
            _ => None,
        };
        let buf_len = code.max_stack_depth + 4;
        let buf = b.build_alloca(i64t.array_type(buf_len), "buf")?;
        let depths = verify::depths(code).map_err(|e| CodegenError(e.to_string()))?;
        Ok(Lower {
            cx,
            code,
            index,
            plan,
            mode,
            function,
            i64t,
            i32t: context.i32_type(),
            frame,
            sent,
            func_value,
            globals,
            ns,
            locals,
            derefs,
            handled,
            spill,
            buf,
            depths,
            bound: super::assigned::definitely_bound(code),
            leaders: Vec::new(),
            skip: None,
            blocks: HashMap::new(),
            stack: Vec::new(),
            open: true,
            kwnames: None,
            exit: None,
            entry,
            resumes: Vec::new(),
            prologue: None,
            ranges: HashMap::new(),
            fused_unpacks: fused_unpacks(code),
        })
    }

    fn run(mut self) -> CgResult<()> {
        let leaders = self.find_leaders();
        self.leaders = leaders.clone();
        for (i, is_leader) in leaders.iter().enumerate() {
            if *is_leader {
                if let Some(depth) = self.depths[i] {
                    self.make_block(i, depth)?;
                }
            }
        }
        let start = self.block(0)?.bb;
        let prologue = self
            .cx
            .context
            .append_basic_block(self.function, "prologue");
        self.prologue = Some(prologue);
        if self.plan.function && self.mode != Mode::Generator {
            self.enter_call(prologue)?;
        } else {
            self.builder().build_unconditional_branch(prologue)?;
        }
        self.builder().position_at_end(prologue);
        self.open = true;
        for (i, &is_leader) in leaders.iter().enumerate() {
            if self.depths[i].is_none() {
                continue;
            }
            if is_leader {
                if self.open {
                    let stack = self.stack.clone();
                    self.goto(i, &stack)?;
                }
                let block = self.block(i)?;
                self.builder().position_at_end(block.bb);
                self.stack = block
                    .phis
                    .iter()
                    .map(|p| Slot {
                        v: p.as_basic_value().into_int_value(),
                        known: Known::Nothing,
                    })
                    .collect();
                self.open = true;
            }
            if !self.open || self.skip == Some(i) {
                continue;
            }
            self.lower_instruction(i)?;
        }
        if self.open {
            return Err(CodegenError(format!(
                "{}: control falls off the end",
                self.code.qualname
            )));
        }
        self.finish_entry(start)
    }

    /// The instructions that start a block.
    fn find_leaders(&self) -> Vec<bool> {
        let ins = &self.code.instructions;
        let n = ins.len();
        let mut leaders = vec![false; n];
        leaders[0] = true;
        for (i, instr) in ins.iter().enumerate() {
            if let Some(t) = instr.target() {
                leaders[t.index()] = true;
            }
            let ends_block = instr.target().is_some()
                || !instr.falls_through()
                || matches!(
                    instr,
                    Instruction::YieldValue | Instruction::ReturnGenerator
                );
            if self.fused_unpacks.contains(&i) {
                // The fused `UNPACK_SEQUENCE` is not lowered on its own.
                leaders[i + 2] = true;
            } else if ends_block && i + 1 < n {
                leaders[i + 1] = true;
            }
        }
        for e in &self.code.exception_table {
            leaders[e.handler.index()] = true;
        }
        leaders
    }

    fn make_block(&mut self, i: usize, depth: u32) -> CgResult<()> {
        let bb = self
            .cx
            .context
            .append_basic_block(self.function, &format!("i{i}"));
        let here = self.builder().get_insert_block();
        self.builder().position_at_end(bb);
        let mut phis = Vec::with_capacity(depth as usize);
        for d in 0..depth {
            phis.push(self.builder().build_phi(self.i64t, &format!("s{d}"))?);
        }
        if let Some(here) = here {
            self.builder().position_at_end(here);
        }
        self.blocks.insert(i, Block { bb, phis });
        Ok(())
    }

    fn block(&self, i: usize) -> CgResult<&Block<'ctx>> {
        self.blocks
            .get(&i)
            .ok_or_else(|| CodegenError(format!("{}: no block at {i}", self.code.qualname)))
    }

    /// The entry block ends in a jump to the prologue, or for generators in
    /// the switch over resume states.
    fn finish_entry(&mut self, start: BasicBlock<'ctx>) -> CgResult<()> {
        let _ = start;
        if self.mode != Mode::Generator {
            return Ok(());
        }
        let frame = self.frame_ptr()?;
        let entry = self.entry;
        // The entry block already ends in the branch to the prologue: put
        // the switch in front of it.
        let Some(branch) = entry.get_terminator() else {
            return Err(CodegenError("entry without terminator".to_owned()));
        };
        let prologue = self
            .prologue
            .ok_or_else(|| CodegenError("no prologue".to_owned()))?;
        branch.erase_from_basic_block();
        self.builder().position_at_end(entry);
        let p = byte_offset(self.cx, frame, FRAME_STATE)?;
        let state = self
            .builder()
            .build_load(self.i32t, p, "state")?
            .into_int_value();
        let cases: Vec<(IntValue, BasicBlock)> = self
            .resumes
            .iter()
            .map(|(k, bb)| (self.i32t.const_int(*k, false), *bb))
            .collect();
        self.builder().build_switch(state, prologue, &cases)?;
        Ok(())
    }

    /// An alloca in the entry block (where mem2reg promotes it), zeroed.
    pub fn entry_alloca(&self, ty: IntType<'ctx>, name: &str) -> CgResult<PointerValue<'ctx>> {
        let here = self.current_insert_block()?;
        let b = self.builder();
        match self.entry.get_first_instruction() {
            Some(first) => b.position_before(&first),
            None => b.position_at_end(self.entry),
        }
        let a = b.build_alloca(ty, name)?;
        b.build_store(a, ty.const_zero())?;
        b.position_at_end(here);
        Ok(a)
    }

    pub fn current_insert_block(&self) -> CgResult<BasicBlock<'ctx>> {
        self.builder()
            .get_insert_block()
            .ok_or_else(|| CodegenError("no insert block".to_owned()))
    }

    pub fn builder(&self) -> &inkwell::builder::Builder<'ctx> {
        &self.cx.builder
    }

    /// Word `j` of a generator frame's area after its variables (the
    /// spill area, then what `range_loop` keeps there): its address is
    /// computed in the entry block, which dominates every use.
    pub fn spill_word(&self, j: usize) -> CgResult<PointerValue<'ctx>> {
        let spill = self
            .spill
            .ok_or_else(|| CodegenError("frame words outside a generator".to_owned()))?;
        let here = self.current_insert_block()?;
        let end = self
            .entry
            .get_terminator()
            .ok_or_else(|| CodegenError("entry without terminator".to_owned()))?;
        self.builder().position_before(&end);
        let p = gep_i64(self.cx, spill, self.usize(j))?;
        self.builder().position_at_end(here);
        Ok(p)
    }

    pub fn frame_ptr(&self) -> CgResult<PointerValue<'ctx>> {
        self.frame
            .ok_or_else(|| CodegenError(format!("{}: no frame here", self.code.qualname)))
    }

    pub fn word(&self, v: Value) -> IntValue<'ctx> {
        self.i64t.const_int(v.bits(), false)
    }

    pub fn null(&self) -> IntValue<'ctx> {
        self.word(Value::NULL)
    }

    pub fn line(&self, i: usize) -> u32 {
        self.code.line(i).unwrap_or(self.code.first_line)
    }

    // ---- the stack ----

    pub fn push(&mut self, v: IntValue<'ctx>) {
        self.stack.push(Slot {
            v,
            known: Known::Nothing,
        });
    }

    pub fn push_known(&mut self, v: IntValue<'ctx>, known: Known) {
        self.stack.push(Slot { v, known });
    }

    pub fn pop(&mut self) -> CgResult<Slot<'ctx>> {
        self.stack
            .pop()
            .ok_or_else(|| CodegenError(format!("{}: stack underflow", self.code.qualname)))
    }

    pub fn pop_v(&mut self) -> CgResult<IntValue<'ctx>> {
        Ok(self.pop()?.v)
    }

    /// The slot `n` places from the top (1 is the top).
    pub fn peek(&self, n: usize) -> CgResult<Slot<'ctx>> {
        self.stack
            .len()
            .checked_sub(n)
            .and_then(|i| self.stack.get(i).copied())
            .ok_or_else(|| CodegenError(format!("{}: stack underflow", self.code.qualname)))
    }

    pub fn pop_n(&mut self, n: usize) -> CgResult<Vec<Slot<'ctx>>> {
        let at = self
            .stack
            .len()
            .checked_sub(n)
            .ok_or_else(|| CodegenError(format!("{}: stack underflow", self.code.qualname)))?;
        Ok(self.stack.split_off(at))
    }

    // ---- control flow ----

    fn add_incoming(&self, target: usize, stack: &[Slot<'ctx>]) -> CgResult<BasicBlock<'ctx>> {
        let here = self
            .builder()
            .get_insert_block()
            .ok_or_else(|| CodegenError("no insert block".to_owned()))?;
        let block = self.block(target)?;
        if block.phis.len() != stack.len() {
            return Err(CodegenError(format!(
                "{}: stack depth {} at a jump to {target}, which expects {}",
                self.code.qualname,
                stack.len(),
                block.phis.len()
            )));
        }
        for (phi, slot) in block.phis.iter().zip(stack) {
            phi.add_incoming(&[(&slot.v, here)]);
        }
        Ok(block.bb)
    }

    /// Jumps to the block of instruction `target` with `stack`.
    pub fn goto(&mut self, target: usize, stack: &[Slot<'ctx>]) -> CgResult<()> {
        let bb = self.add_incoming(target, stack)?;
        self.builder().build_unconditional_branch(bb)?;
        self.open = false;
        Ok(())
    }

    /// Jumps to `t` with `t_stack` if `cond`, else to `f` with `f_stack`.
    pub fn branch(
        &mut self,
        cond: IntValue<'ctx>,
        t: usize,
        t_stack: &[Slot<'ctx>],
        f: usize,
        f_stack: &[Slot<'ctx>],
    ) -> CgResult<()> {
        let tb = self.add_incoming(t, t_stack)?;
        let fb = self.add_incoming(f, f_stack)?;
        self.builder().build_conditional_branch(cond, tb, fb)?;
        self.open = false;
        Ok(())
    }

    /// A new block, for code of this function.
    pub fn new_block(&self, name: &str) -> BasicBlock<'ctx> {
        self.cx.context.append_basic_block(self.function, name)
    }

    // ---- errors ----

    /// Branches to the error path of instruction `at` when `failed` (i1).
    /// `pre` is the stack before the instruction.
    pub fn fail_if(
        &mut self,
        failed: IntValue<'ctx>,
        at: usize,
        pre: &[Slot<'ctx>],
    ) -> CgResult<()> {
        let line = self.line(at);
        let err = self.error_target(at, pre, true, line)?;
        let ok = self.new_block("ok");
        self.builder().build_conditional_branch(failed, err, ok)?;
        self.builder().position_at_end(ok);
        Ok(())
    }

    /// Checks a `Value` result (the error word is 0).
    pub fn check_value(
        &mut self,
        r: IntValue<'ctx>,
        at: usize,
        pre: &[Slot<'ctx>],
    ) -> CgResult<()> {
        self.fail_when(IntPredicate::EQ, r, self.i64t.const_zero(), at, pre)
    }

    /// Checks a status or truth result (negative on error).
    pub fn check_status(
        &mut self,
        r: IntValue<'ctx>,
        at: usize,
        pre: &[Slot<'ctx>],
    ) -> CgResult<()> {
        self.fail_when(IntPredicate::SLT, r, self.i32t.const_zero(), at, pre)
    }

    /// Fails at `at` when `r <predicate> bound`.
    fn fail_when(
        &mut self,
        predicate: IntPredicate,
        r: IntValue<'ctx>,
        bound: IntValue<'ctx>,
        at: usize,
        pre: &[Slot<'ctx>],
    ) -> CgResult<()> {
        let failed = self
            .builder()
            .build_int_compare(predicate, r, bound, "failed")?;
        self.fail_if(failed, at, pre)
    }

    /// Raises unconditionally (the exception is pending) at instruction
    /// `at`; `traceback` false for re-raises.
    pub fn raise(
        &mut self,
        at: usize,
        pre: &[Slot<'ctx>],
        traceback: bool,
        line: u32,
    ) -> CgResult<()> {
        let err = self.error_target(at, pre, traceback, line)?;
        self.builder().build_unconditional_branch(err)?;
        self.open = false;
        Ok(())
    }

    /// The block an error at instruction `at` goes to, from the current
    /// block.
    fn error_target(
        &mut self,
        at: usize,
        pre: &[Slot<'ctx>],
        traceback: bool,
        line: u32,
    ) -> CgResult<BasicBlock<'ctx>> {
        let here = self
            .builder()
            .get_insert_block()
            .ok_or_else(|| CodegenError("no insert block".to_owned()))?;
        let line_value = self.i32t.const_int(u64::from(line), false);
        let Some(entry) = self.code.handler(at).copied() else {
            let tb = self
                .cx
                .context
                .bool_type()
                .const_int(u64::from(traceback), false);
            let exit = self.error_exit()?;
            exit.line.add_incoming(&[(&line_value, here)]);
            exit.traceback.add_incoming(&[(&tb, here)]);
            return Ok(exit.bb);
        };
        let bb = self.new_block(&format!("except.{at}"));
        self.builder().position_at_end(bb);
        if traceback {
            self.traceback_here(line_value)?;
        }
        let exc = self.call_value("krait_take_exception", &[])?;
        let depth = entry.depth as usize;
        let mut stack: Vec<Slot> = pre
            .get(..depth)
            .ok_or_else(|| {
                CodegenError(format!("{}: handler deeper than stack", self.code.qualname))
            })?
            .to_vec();
        if entry.push_lasti {
            let lasti = self.word(Value::small_int(at as i64));
            stack.push(Slot {
                v: lasti,
                known: Known::Nothing,
            });
        }
        stack.push(Slot {
            v: exc,
            known: Known::Nothing,
        });
        let target = self.add_incoming(entry.handler.index(), &stack)?;
        self.builder().build_unconditional_branch(target)?;
        self.builder().position_at_end(here);
        Ok(bb)
    }

    fn traceback_here(&mut self, line: IntValue<'ctx>) -> CgResult<()> {
        let code = self.i32t.const_int(u64::from(self.index), false);
        self.call_void("krait_traceback_here", &[code.into(), line.into()])
    }

    fn error_exit(&mut self) -> CgResult<&ErrorExit<'ctx>> {
        if self.exit.is_none() {
            let here = self.builder().get_insert_block();
            let bb = self.new_block("raise");
            self.builder().position_at_end(bb);
            let line = self.builder().build_phi(self.i32t, "line")?;
            let traceback = self
                .builder()
                .build_phi(self.cx.context.bool_type(), "traceback")?;
            let add = self.new_block("raise.traceback");
            let done = self.new_block("raise.exit");
            self.builder().build_conditional_branch(
                traceback.as_basic_value().into_int_value(),
                add,
                done,
            )?;
            self.builder().position_at_end(add);
            self.traceback_here(line.as_basic_value().into_int_value())?;
            self.builder().build_unconditional_branch(done)?;
            self.builder().position_at_end(done);
            let handled = self
                .builder()
                .build_load(self.i64t, self.handled, "handled")?
                .into_int_value();
            self.call_void("krait_pop_handled", &[handled.into()])?;
            if self.plan.function && self.mode != Mode::Generator {
                self.leave_call()?;
            }
            self.builder().build_return(Some(&self.i64t.const_zero()))?;
            if let Some(here) = here {
                self.builder().position_at_end(here);
            }
            self.exit = Some(ErrorExit {
                bb,
                line,
                traceback,
            });
        }
        self.exit
            .as_ref()
            .ok_or_else(|| CodegenError("error exit".to_owned()))
    }

    // ---- the recursion counter ----

    /// A field of the runtime's `KRAIT_RECURSION` counters.
    fn counter(&self, offset: usize) -> CgResult<PointerValue<'ctx>> {
        byte_offset(self.cx, self.cx.recursion.as_pointer_value(), offset)
    }

    /// Enters a Python call inline (depth below the limit, stack above its
    /// limit), or through the runtime, which raises RecursionError; then
    /// continues at `next`.
    fn enter_call(&mut self, next: BasicBlock<'ctx>) -> CgResult<()> {
        use krait_runtime::runtime::recursion::{
            COUNTERS_DEPTH, COUNTERS_LIMIT, COUNTERS_STACK_LIMIT,
        };
        let depth_p = self.counter(COUNTERS_DEPTH)?;
        let limit_p = self.counter(COUNTERS_LIMIT)?;
        let stack_p = self.counter(COUNTERS_STACK_LIMIT)?;
        let b = self.builder();
        let depth = b.build_load(self.i32t, depth_p, "depth")?.into_int_value();
        let limit = b.build_load(self.i32t, limit_p, "limit")?.into_int_value();
        let stack_limit = b
            .build_load(self.i64t, stack_p, "stack_limit")?
            .into_int_value();
        let frame_address = inkwell::intrinsics::Intrinsic::find("llvm.frameaddress")
            .and_then(|i| {
                i.get_declaration(
                    self.cx.module,
                    &[self.cx.context.ptr_type(AddressSpace::default()).into()],
                )
            })
            .ok_or_else(|| CodegenError("no llvm.frameaddress".to_owned()))?;
        let fa = b
            .build_call(frame_address, &[self.i32t.const_zero().into()], "fa")?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| CodegenError("frameaddress result".to_owned()))?
            .into_pointer_value();
        let sp = b.build_ptr_to_int(fa, self.i64t, "sp")?;
        let depth_ok = b.build_int_compare(IntPredicate::ULT, depth, limit, "depth_ok")?;
        let stack_ok = b.build_int_compare(IntPredicate::UGE, sp, stack_limit, "stack_ok")?;
        let ok = b.build_and(depth_ok, stack_ok, "enter_ok")?;
        let fast = self.new_block("enter");
        let slow = self.new_block("enter.slow");
        self.builder().build_conditional_branch(ok, fast, slow)?;
        self.builder().position_at_end(fast);
        let one_more =
            self.builder()
                .build_int_add(depth, self.i32t.const_int(1, false), "depth")?;
        self.builder().build_store(depth_p, one_more)?;
        self.builder().build_unconditional_branch(next)?;
        self.builder().position_at_end(slow);
        let r = self.call_i32("krait_enter_call", &[])?;
        let failed = self.builder().build_int_compare(
            IntPredicate::SLT,
            r,
            self.i32t.const_zero(),
            "failed",
        )?;
        let give_up = self.new_block("recursion");
        self.builder()
            .build_conditional_branch(failed, give_up, next)?;
        self.builder().position_at_end(give_up);
        self.builder().build_return(Some(&self.i64t.const_zero()))?;
        Ok(())
    }

    /// A loop back-edge's safe point: when the runtime has asked for a
    /// collection it sets the stack limit to all ones (which also diverts
    /// function entries), and the loop calls `krait_gc_poll` once.
    pub fn gc_poll(&mut self) -> CgResult<()> {
        use krait_runtime::runtime::recursion::COUNTERS_STACK_LIMIT;
        let stack_p = self.counter(COUNTERS_STACK_LIMIT)?;
        let b = self.builder();
        let limit = b
            .build_load(self.i64t, stack_p, "stack_limit")?
            .into_int_value();
        let wanted =
            b.build_int_compare(IntPredicate::EQ, limit, self.i64t.const_all_ones(), "gc")?;
        let poll = self.new_block("gc.poll");
        let next = self.new_block("gc.done");
        self.builder()
            .build_conditional_branch(wanted, poll, next)?;
        self.builder().position_at_end(poll);
        self.call_void("krait_gc_poll", &[])?;
        self.builder().build_unconditional_branch(next)?;
        self.builder().position_at_end(next);
        Ok(())
    }

    /// Leaves the Python call entered by `enter_call`.
    fn leave_call(&self) -> CgResult<()> {
        use krait_runtime::runtime::recursion::COUNTERS_DEPTH;
        let depth_p = self.counter(COUNTERS_DEPTH)?;
        let b = self.builder();
        let depth = b.build_load(self.i32t, depth_p, "depth")?.into_int_value();
        let one_less = b.build_int_sub(depth, self.i32t.const_int(1, false), "depth")?;
        b.build_store(depth_p, one_less)?;
        Ok(())
    }

    // ---- returning and yielding ----

    /// Returns `v` from the body (leaving the recursion counter).
    pub fn return_value(&mut self, v: IntValue<'ctx>) -> CgResult<()> {
        match self.mode {
            Mode::Generator => {
                let frame = self.frame_ptr()?;
                let p = byte_offset(self.cx, frame, FRAME_YIELDED)?;
                self.builder().build_store(p, self.i32t.const_zero())?;
            }
            _ if self.plan.function => self.leave_call()?,
            _ => {}
        }
        self.builder().build_return(Some(&v))?;
        self.open = false;
        Ok(())
    }

    /// Suspends a generator at instruction `at` (a `YIELD_VALUE` or the
    /// `RETURN_GENERATOR`): spills the stack, records the resume state and
    /// returns `v`. Resuming continues at `at + 1` with the sent value
    /// pushed, or raises there if the frame was resumed by `throw()`.
    pub fn suspend(&mut self, at: usize, v: IntValue<'ctx>, yielded: bool) -> CgResult<()> {
        let frame = self.frame_ptr()?;
        let spill = self
            .spill
            .ok_or_else(|| CodegenError("suspend outside a generator".to_owned()))?;
        let state = self.resumes.len() as u64 + 1;
        let live = self.stack.clone();
        self.store_suspended(frame, spill, &live, state, yielded)?;
        self.builder().build_return(Some(&v))?;
        self.open = false;

        let resume = self.new_block(&format!("resume.{state}"));
        self.resumes.push((state, resume));
        self.builder().position_at_end(resume);
        let mut reloaded = Vec::with_capacity(live.len());
        for (j, _) in live.iter().enumerate() {
            let p = gep_i64(self.cx, spill, self.i64t.const_int(j as u64, false))?;
            let v = self
                .builder()
                .build_load(self.i64t, p, "spilled")?
                .into_int_value();
            reloaded.push(Slot {
                v,
                known: Known::Nothing,
            });
        }
        let sent = self
            .sent
            .ok_or_else(|| CodegenError("no sent value".to_owned()))?;
        let p = byte_offset(self.cx, frame, FRAME_THROWING)?;
        let throwing = self
            .builder()
            .build_load(self.i32t, p, "throwing")?
            .into_int_value();
        let is_throw = self.builder().build_int_compare(
            IntPredicate::NE,
            throwing,
            self.i32t.const_zero(),
            "is_throw",
        )?;
        let throw_bb = self.new_block(&format!("throw.{state}"));
        let mut continued = reloaded.clone();
        continued.push(Slot {
            v: sent,
            known: Known::Nothing,
        });
        let go_on = self.add_incoming(at + 1, &continued)?;
        self.builder()
            .build_conditional_branch(is_throw, throw_bb, go_on)?;
        self.builder().position_at_end(throw_bb);
        self.open = true;
        self.lower_throw(at, state, &reloaded)
    }

    fn store_suspended(
        &mut self,
        frame: PointerValue<'ctx>,
        spill: PointerValue<'ctx>,
        live: &[Slot<'ctx>],
        state: u64,
        yielded: bool,
    ) -> CgResult<()> {
        for (j, slot) in live.iter().enumerate() {
            let p = gep_i64(self.cx, spill, self.i64t.const_int(j as u64, false))?;
            self.builder().build_store(p, slot.v)?;
        }
        let p = byte_offset(self.cx, frame, FRAME_STATE)?;
        self.builder()
            .build_store(p, self.i32t.const_int(state, false))?;
        let p = byte_offset(self.cx, frame, FRAME_YIELDED)?;
        self.builder()
            .build_store(p, self.i32t.const_int(u64::from(yielded), false))?;
        Ok(())
    }

    /// A `throw()` into a frame suspended at `at` with `live` on its stack.
    fn lower_throw(&mut self, at: usize, state: u64, live: &[Slot<'ctx>]) -> CgResult<()> {
        let ins = &self.code.instructions;
        let line = self.line(at);
        let mut at_yield = live.to_vec();
        at_yield.push(Slot {
            v: self.word(Value::NONE),
            known: Known::Nothing,
        });
        let in_yield_from = matches!(
            ins.get(at + 1),
            Some(Instruction::Resume {
                kind: ResumeKind::AfterYieldFrom | ResumeKind::AfterAwait
            })
        );
        let send_target = match at.checked_sub(1).map(|i| ins[i]) {
            Some(Instruction::Send { target }) if in_yield_from => Some(target.index()),
            _ => None,
        };
        let (Some(send_target), Some(yf)) = (send_target, live.last().copied()) else {
            return self.raise(at, &at_yield, true, line);
        };
        let frame = self.frame_ptr()?;
        let r = self.call_value("krait_delegate_throw", &[frame.into(), yf.v.into()])?;
        let p = byte_offset(self.cx, frame, FRAME_DELEGATE_KIND)?;
        let kind = self
            .builder()
            .build_load(self.i32t, p, "kind")?
            .into_int_value();
        let again = self.new_block("throw.yield");
        let returned = self.new_block("throw.return");
        let raised = self.new_block("throw.raised");
        let here = self.new_block("throw.here");
        self.builder().build_switch(
            kind,
            here,
            &[
                (self.i32t.const_int(0, false), again),
                (self.i32t.const_int(1, false), returned),
                (self.i32t.const_int(2, false), raised),
            ],
        )?;
        // The delegate yielded: suspend again at the same state.
        self.builder().position_at_end(again);
        let spill = self
            .spill
            .ok_or_else(|| CodegenError("throw outside a generator".to_owned()))?;
        self.store_suspended(frame, spill, live, state, true)?;
        self.builder().build_return(Some(&r))?;
        // It returned: leave the SEND loop with its value.
        self.builder().position_at_end(returned);
        let mut out = live[..live.len() - 1].to_vec();
        out.push(Slot {
            v: r,
            known: Known::Nothing,
        });
        self.goto(send_target, &out)?;
        // It raised: the SEND loop's exit raises it.
        self.builder().position_at_end(raised);
        let below = live[..live.len() - 1].to_vec();
        self.raise(send_target.saturating_sub(1), &below, true, line)?;
        // Raise the thrown exception at the yield.
        self.builder().position_at_end(here);
        self.raise(at, &at_yield, true, line)
    }

    // ---- calls into the runtime ----

    fn runtime_fn(&self, name: &str) -> CgResult<FunctionValue<'ctx>> {
        self.cx
            .rt
            .get(name)
            .ok_or_else(|| CodegenError(format!("{name} is not in the runtime ABI")))
    }

    fn call(
        &self,
        name: &str,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> CgResult<inkwell::values::CallSiteValue<'ctx>> {
        let f = self.runtime_fn(name)?;
        Ok(self.builder().build_call(f, args, "")?)
    }

    /// Calls a runtime function returning a `Value`.
    pub fn call_value(
        &self,
        name: &str,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> CgResult<IntValue<'ctx>> {
        self.call(name, args)?
            .try_as_basic_value()
            .basic()
            .map(|v| v.into_int_value())
            .ok_or_else(|| CodegenError(format!("{name} returns nothing")))
    }

    /// Calls a runtime function returning a status, truth or i32.
    pub fn call_i32(
        &self,
        name: &str,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> CgResult<IntValue<'ctx>> {
        self.call_value(name, args)
    }

    pub fn call_void(&self, name: &str, args: &[BasicMetadataValueEnum<'ctx>]) -> CgResult<()> {
        self.call(name, args)?;
        Ok(())
    }

    /// Stores `values` into the scratch buffer from `offset` on; returns a
    /// pointer to its start.
    pub fn fill_buf(&self, values: &[IntValue<'ctx>]) -> CgResult<PointerValue<'ctx>> {
        for (j, v) in values.iter().enumerate() {
            let p = gep_i64(self.cx, self.buf, self.i64t.const_int(j as u64, false))?;
            self.builder().build_store(p, *v)?;
        }
        Ok(self.buf)
    }

    /// Loads `n` words from the scratch buffer.
    pub fn read_buf(&self, n: usize) -> CgResult<Vec<IntValue<'ctx>>> {
        (0..n)
            .map(|j| {
                let p = gep_i64(self.cx, self.buf, self.i64t.const_int(j as u64, false))?;
                Ok(self
                    .builder()
                    .build_load(self.i64t, p, "out")?
                    .into_int_value())
            })
            .collect()
    }

    pub fn u32(&self, v: u32) -> IntValue<'ctx> {
        self.i32t.const_int(u64::from(v), false)
    }

    pub fn usize(&self, v: usize) -> IntValue<'ctx> {
        self.i64t.const_int(v as u64, false)
    }
}
