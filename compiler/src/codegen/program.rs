//! The whole program: numbers the code objects (each module's code, then
//! every code object nested in it in pre-order; module after module,
//! `__main__` first), serialises them with
//! runtime-lib's blob format, emits their constant and name tables, the
//! program descriptor and `main`, and lowers every code object (or, for
//! one of several [`units`](super::units), the unit's share of them).

use std::collections::HashMap;
use std::sync::Arc;

use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::builder::Builder;
use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::types::BasicTypeEnum;
use inkwell::values::{FunctionValue, GlobalValue};
use inkwell::{AddressSpace, GlobalVisibility};
use krait_runtime::native::blob::{BlobWriter, ConstTag};

use super::abi::RuntimeFns;
use super::lower::{self, Plan};
use super::units::{self, Unit};
use super::{CgResult, CodegenError, NativeProgram};
use crate::bytecode::code::CodeFlags;
use crate::bytecode::constant::Constant;
use crate::bytecode::instruction::{DerefIdx, Instruction, MakeFunctionFlags};
use crate::bytecode::CodeObject;

/// What every code object's lowering may consult.
pub struct ProgramCx<'a, 'ctx> {
    pub context: &'ctx Context,
    pub module: &'a Module<'ctx>,
    pub builder: Builder<'ctx>,
    pub rt: RuntimeFns<'ctx>,
    pub codes: Vec<&'a CodeObject>,
    /// Code number by the address of the code object.
    pub numbers: HashMap<*const CodeObject, u32>,
    pub plans: Vec<Plan>,
    pub consts: Vec<GlobalValue<'ctx>>,
    pub names: Vec<GlobalValue<'ctx>>,
    pub bodies: Vec<FunctionValue<'ctx>>,
    pub fast: Vec<Option<FunctionValue<'ctx>>>,
    /// For module-level functions with a fast entry: a cell holding the
    /// function object the module made, for identity-guarded direct calls.
    pub made: Vec<Option<GlobalValue<'ctx>>>,
    /// Per module: its module-level names bound by exactly one `def`
    /// (name → code number).
    pub module_functions: Vec<HashMap<String, u32>>,
    /// The module (index into the program's modules) of each code.
    pub module_of: Vec<u32>,
    /// The code number of each module's own code.
    pub module_codes: Vec<u32>,
    /// The runtime's recursion counters (`KRAIT_RECURSION`).
    pub recursion: GlobalValue<'ctx>,
    /// The runtime's type attribute epoch (`KRAIT_TYPE_EPOCH`).
    pub type_epoch: GlobalValue<'ctx>,
    /// The builtins called directly (`KRAIT_DIRECT_BUILTINS`).
    pub direct_builtins: GlobalValue<'ctx>,
    /// The type objects of `KnownType::ALL`, filled at start-up.
    pub known_types: GlobalValue<'ctx>,
}

impl<'a, 'ctx> ProgramCx<'a, 'ctx> {
    /// The number of the code object `c` (a constant of some code).
    pub fn number_of(&self, c: &Arc<CodeObject>) -> CgResult<u32> {
        self.numbers
            .get(&Arc::as_ptr(c))
            .copied()
            .ok_or_else(|| CodegenError("code constant not numbered".to_owned()))
    }

    /// The module-level functions of the module code `index` belongs to.
    pub fn functions_around(&self, index: u32) -> Option<&HashMap<String, u32>> {
        let module = *self.module_of.get(index as usize)?;
        self.module_functions.get(module as usize)
    }

    /// Whether code `index` is a module's own code.
    pub fn is_module_code(&self, index: u32) -> bool {
        self.module_codes.contains(&index)
    }
}

/// The [`cost`](units::cost) of each code object, in code order.
pub fn code_costs(program: &NativeProgram) -> Vec<usize> {
    let mut codes = Vec::new();
    for unit in program.modules {
        number(&unit.code, &mut codes);
    }
    codes
        .iter()
        .map(|c| c.instructions.iter().map(units::cost).sum())
        .collect()
}

/// Builds the LLVM module of `program`'s `unit` ([`Unit::whole`] for
/// the whole program).
pub fn build_module<'ctx>(
    context: &'ctx Context,
    program: &NativeProgram,
    unit: &Unit,
) -> CgResult<Module<'ctx>> {
    let main = program
        .modules
        .first()
        .ok_or_else(|| CodegenError("a program without modules".to_owned()))?;
    let module = context.create_module(&main.filename);
    let mut codes = Vec::new();
    let mut module_of = Vec::new();
    let mut module_codes = Vec::new();
    for (m, program_module) in program.modules.iter().enumerate() {
        module_codes.push(codes.len() as u32);
        number(&program_module.code, &mut codes);
        module_of.resize(codes.len(), m as u32);
    }
    let numbers: HashMap<*const CodeObject, u32> = codes
        .iter()
        .enumerate()
        .map(|(i, c)| (*c as *const CodeObject, i as u32))
        .collect();
    let plans: Vec<Plan> = codes.iter().map(|c| Plan::of(c)).collect();
    let i64t = context.i64_type();
    let mut consts = Vec::new();
    let mut names = Vec::new();
    let mut bodies = Vec::new();
    let mut fast = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        consts.push(table(
            &module,
            unit,
            i64t,
            &format!("consts.{i}"),
            code.constants.len(),
        ));
        names.push(table(
            &module,
            unit,
            i64t,
            &format!("names.{i}"),
            code.names.len(),
        ));
        let (body, fast_fn) = lower::declare(context, &module, i as u32, code, &plans[i]);
        if unit.is_split() {
            for f in std::iter::once(body).chain(fast_fn) {
                share(f.as_global_value());
            }
        }
        bodies.push(body);
        fast.push(fast_fn);
    }
    let module_functions: Vec<_> = program
        .modules
        .iter()
        .map(|unit| module_functions(&unit.code, &numbers))
        .collect();
    let mut made = vec![None; codes.len()];
    // In code order, so the module is the same from one build to the next.
    let mut made_codes: Vec<u32> = module_functions
        .iter()
        .flat_map(|m| m.values().copied())
        .collect();
    made_codes.sort_unstable();
    for k in made_codes {
        if fast[k as usize].is_some() {
            made[k as usize] = Some(data(&module, unit, i64t.into(), &format!("made.{k}")));
        }
    }
    let counters_ty = context.struct_type(
        &[
            context.i32_type().into(),
            context.i32_type().into(),
            i64t.into(),
        ],
        false,
    );
    let recursion = module.add_global(counters_ty, None, "KRAIT_RECURSION");
    recursion.set_linkage(Linkage::External);
    let type_epoch = module.add_global(i64t, None, "KRAIT_TYPE_EPOCH");
    type_epoch.set_linkage(Linkage::External);
    let direct_builtins = module.add_global(
        i64t.array_type(krait_runtime::builtins::direct::DIRECT.len() as u32),
        None,
        "KRAIT_DIRECT_BUILTINS",
    );
    direct_builtins.set_linkage(Linkage::External);
    let known_types = table(
        &module,
        unit,
        i64t,
        "known_types",
        krait_runtime::native::KnownType::ALL.len(),
    );
    let cx = ProgramCx {
        known_types,
        recursion,
        type_epoch,
        direct_builtins,
        context,
        module: &module,
        builder: context.create_builder(),
        rt: RuntimeFns::declare(context, &module),
        codes,
        numbers,
        plans,
        consts,
        names,
        bodies,
        fast,
        made,
        module_functions,
        module_of,
        module_codes,
    };
    for index in 0..cx.codes.len() {
        if unit.lowers(index) {
            lower::lower_code(&cx, index as u32)?;
        }
    }
    if unit.owns_data() {
        let blob = serialise(&cx, program)?;
        emit_descriptor(&cx, &blob)?;
    }
    mark_nounwind(context, &module);
    Ok(module)
}

/// Marks every function the module defines `nounwind`. Generated code
/// raises by returning `Value::ERROR`, never by unwinding, and the runtime
/// it calls is built with `panic = "abort"`; without the attribute LLVM
/// would give each function an unwind table entry (`.eh_frame`) that
/// nothing reads.
fn mark_nounwind(context: &Context, module: &Module) {
    let kind = Attribute::get_named_enum_kind_id("nounwind");
    let nounwind = context.create_enum_attribute(kind, 0);
    for function in module.get_functions() {
        if function.count_basic_blocks() > 0 {
            function.add_attribute(AttributeLoc::Function, nounwind);
        }
    }
}

/// Numbers `code` and its nested code objects in pre-order.
fn number<'a>(code: &'a CodeObject, out: &mut Vec<&'a CodeObject>) {
    out.push(code);
    for c in &code.constants {
        number_in(c, out);
    }
}

fn number_in<'a>(c: &'a Constant, out: &mut Vec<&'a CodeObject>) {
    match c {
        Constant::Code(code) => number(code, out),
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
            for item in items {
                number_in(item, out);
            }
        }
        _ => {}
    }
}

/// A zeroed table of `len` words, see [`data`].
fn table<'ctx>(
    module: &Module<'ctx>,
    unit: &Unit,
    i64t: inkwell::types::IntType<'ctx>,
    name: &str,
    len: usize,
) -> GlobalValue<'ctx> {
    data(module, unit, i64t.array_type(len as u32).into(), name)
}

/// A zeroed global `name` the runtime fills: internal in a whole-program
/// module; in a unit, shared, and defined by the unit that owns the data.
fn data<'ctx>(
    module: &Module<'ctx>,
    unit: &Unit,
    ty: BasicTypeEnum<'ctx>,
    name: &str,
) -> GlobalValue<'ctx> {
    let g = module.add_global(ty, None, name);
    if unit.is_split() {
        share(g);
    } else {
        g.set_linkage(Linkage::Internal);
    }
    if unit.owns_data() {
        g.set_initializer(&ty.const_zero());
    }
    g
}

/// Makes `g` a symbol the program's units share: external, but hidden
/// from everything outside the executable (so references are direct).
fn share(g: GlobalValue) {
    g.set_linkage(Linkage::External);
    g.set_visibility(GlobalVisibility::Hidden);
}

/// Module-level names bound exactly once, by `LOAD_CONST code;
/// MAKE_FUNCTION (no closure); STORE_NAME name`.
fn module_functions(
    module: &CodeObject,
    numbers: &HashMap<*const CodeObject, u32>,
) -> HashMap<String, u32> {
    let mut found: HashMap<String, Option<*const CodeObject>> = HashMap::new();
    let ins = &module.instructions;
    for i in 0..ins.len() {
        let name = match ins[i] {
            Instruction::StoreName { name } | Instruction::StoreGlobal { name } => name,
            _ => continue,
        };
        let Some(name) = module.name(name) else {
            continue;
        };
        let made = match (
            i.checked_sub(2).map(|j| ins[j]),
            i.checked_sub(1).map(|j| ins[j]),
        ) {
            (Some(Instruction::LoadConst { index }), Some(Instruction::MakeFunction { flags }))
                if !flags.contains(MakeFunctionFlags::CLOSURE) =>
            {
                match module.constant(index) {
                    Some(Constant::Code(c)) => Some(Arc::as_ptr(c)),
                    _ => None,
                }
            }
            _ => None,
        };
        match found.get(name) {
            None => {
                found.insert(name.to_owned(), made);
            }
            Some(previous) if *previous != made => {
                found.insert(name.to_owned(), None);
            }
            Some(_) => {}
        }
    }
    found
        .into_iter()
        .filter_map(|(name, code)| Some((name, *numbers.get(&code?)?)))
        .collect()
}

/// The blob the runtime decodes at start-up.
fn serialise(cx: &ProgramCx, program: &NativeProgram) -> CgResult<Vec<u8>> {
    let mut w = BlobWriter::new();
    w.u32(program.modules.len() as u32);
    for unit in program.modules {
        w.str(&unit.filename);
        w.str(&unit.source);
    }
    w.u32(cx.codes.len() as u32);
    for (i, code) in cx.codes.iter().enumerate() {
        w.str(&code.name);
        w.str(&code.qualname);
        w.str(&code.filename);
        w.u32(code.first_line);
        w.u32(code.argcount);
        w.u32(code.posonlyargcount);
        w.u32(code.kwonlyargcount);
        w.u32(code.flags.0);
        // The frame words after the variables: the spill area, and in
        // generators the inline range loops' state.
        let range_words = if cx.plans[i].generator {
            super::range_loop::frame_words(code) as u32
        } else {
            0
        };
        w.u32(code.max_stack_depth + range_words);
        w.u32(u32::from(cx.plans[i].locals_in_frame));
        w.strs(&code.varnames);
        w.strs(&code.cellvars);
        w.strs(&code.freevars);
        w.strs(&code.names);
        w.u32(code.cellvars.len() as u32);
        for c in 0..code.cellvars.len() {
            let arg = code.cell_argument(DerefIdx(c as u32));
            w.i32(arg.map_or(-1, |l| l.index() as i32));
        }
        w.u32(code.constants.len() as u32);
        for c in &code.constants {
            write_constant(cx, &mut w, c)?;
        }
    }
    w.u32(program.modules.len() as u32);
    for (unit, &code) in program.modules.iter().zip(&cx.module_codes) {
        w.str(&unit.name);
        w.u32(u32::from(unit.is_package));
        w.u32(code);
    }
    Ok(w.finish())
}

fn write_constant(cx: &ProgramCx, w: &mut BlobWriter, c: &Constant) -> CgResult<()> {
    match c {
        Constant::None => w.tag(ConstTag::None),
        Constant::Bool(false) => w.tag(ConstTag::False),
        Constant::Bool(true) => w.tag(ConstTag::True),
        Constant::Ellipsis => w.tag(ConstTag::Ellipsis),
        Constant::Int(i) => {
            w.tag(ConstTag::Int);
            w.i64(*i);
        }
        Constant::BigInt(b) => {
            w.tag(ConstTag::BigInt);
            w.str(&b.to_string());
        }
        Constant::Float(f) => {
            w.tag(ConstTag::Float);
            w.f64(*f);
        }
        Constant::Complex { real, imag } => {
            w.tag(ConstTag::Complex);
            w.f64(*real);
            w.f64(*imag);
        }
        Constant::Str(s) => {
            w.tag(ConstTag::Str);
            w.str(s);
        }
        Constant::Bytes(b) => {
            w.tag(ConstTag::Bytes);
            w.bytes(b);
        }
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
            w.tag(if matches!(c, Constant::Tuple(_)) {
                ConstTag::Tuple
            } else {
                ConstTag::FrozenSet
            });
            w.u32(items.len() as u32);
            for item in items {
                write_constant(cx, w, item)?;
            }
        }
        Constant::Code(code) => {
            w.tag(ConstTag::Code);
            w.u32(cx.number_of(code)?);
        }
    }
    Ok(())
}

/// `@krait.program` (blob, code descriptors) and `main`.
fn emit_descriptor(cx: &ProgramCx, blob: &[u8]) -> CgResult<()> {
    let context = cx.context;
    let module = cx.module;
    let i64t = context.i64_type();
    let i32t = context.i32_type();
    let ptr = context.ptr_type(AddressSpace::default());
    let blob_value = context.const_string(blob, false);
    let blob_global = module.add_global(blob_value.get_type(), None, "program.blob");
    blob_global.set_linkage(Linkage::Private);
    blob_global.set_constant(true);
    blob_global.set_initializer(&blob_value);
    let desc_ty = context.struct_type(
        &[ptr.into(), ptr.into(), ptr.into(), ptr.into(), ptr.into()],
        false,
    );
    let descs: Vec<_> = (0..cx.codes.len())
        .map(|i| {
            let fast =
                cx.fast[i].map_or(ptr.const_null(), |f| f.as_global_value().as_pointer_value());
            desc_ty.const_named_struct(&[
                cx.bodies[i].as_global_value().as_pointer_value().into(),
                fast.into(),
                cx.consts[i].as_pointer_value().into(),
                cx.names[i].as_pointer_value().into(),
                cx.made[i]
                    .map_or(ptr.const_null(), |g| g.as_pointer_value())
                    .into(),
            ])
        })
        .collect();
    let descs_value = desc_ty.const_array(&descs);
    let descs_global = module.add_global(descs_value.get_type(), None, "program.codes");
    descs_global.set_linkage(Linkage::Private);
    descs_global.set_constant(true);
    descs_global.set_initializer(&descs_value);
    let program_ty = context.struct_type(
        &[ptr.into(), i64t.into(), ptr.into(), i64t.into(), ptr.into()],
        false,
    );
    let program_value = program_ty.const_named_struct(&[
        blob_global.as_pointer_value().into(),
        i64t.const_int(blob.len() as u64, false).into(),
        descs_global.as_pointer_value().into(),
        i64t.const_int(cx.codes.len() as u64, false).into(),
        cx.known_types.as_pointer_value().into(),
    ]);
    let program_global = module.add_global(program_ty, None, "program");
    program_global.set_linkage(Linkage::Private);
    program_global.set_constant(true);
    program_global.set_initializer(&program_value);

    let main_ty = i32t.fn_type(&[i32t.into(), ptr.into()], false);
    let main = module.add_function("main", main_ty, Some(Linkage::External));
    let entry = context.append_basic_block(main, "entry");
    let b = &cx.builder;
    b.position_at_end(entry);
    let run = cx
        .rt
        .get("krait_native_main")
        .ok_or_else(|| CodegenError("krait_native_main is not in the ABI".to_owned()))?;
    let argc = main
        .get_nth_param(0)
        .ok_or_else(|| CodegenError("main argc".to_owned()))?;
    let argv = main
        .get_nth_param(1)
        .ok_or_else(|| CodegenError("main argv".to_owned()))?;
    let status = b
        .build_call(
            run,
            &[
                argc.into(),
                argv.into(),
                program_global.as_pointer_value().into(),
            ],
            "status",
        )?
        .try_as_basic_value()
        .basic()
        .ok_or_else(|| CodegenError("krait_native_main returns nothing".to_owned()))?;
    b.build_return(Some(&status))?;
    Ok(())
}

/// Whether `code` is a plain function (not module code or a class body).
pub fn is_function(code: &CodeObject) -> bool {
    code.flags.contains(CodeFlags::OPTIMIZED)
}
