//! The LLVM back-end: lowers a program's code objects to an LLVM module
//! and emits it as IR, assembly or an object file.
//!
//! - [`program`] numbers the code objects, serialises what the runtime
//!   needs of them (runtime-lib's `native::blob`), and emits the constant
//!   and name tables, the program descriptor and `main`;
//! - [`lower`] turns one code object into LLVM functions: its *body*
//!   (`Value body(NativeFrame*, Value sent)`) and, for plain functions, a
//!   positional fast entry (`Value fast(Value func, Value a0, …)`) that
//!   direct calls use; it owns the block structure, the abstract operand
//!   stack (stack slots are SSA values, joined by phis) and exception
//!   edges;
//! - [`instr`] lowers each instruction, mostly to one runtime call;
//! - [`fast_path`] holds the inline fast paths (small-int and float
//!   arithmetic and comparisons, truth tests), [`range_loop`] the inline
//!   `for i in range(...)` loop, [`subscript`] inline list and tuple
//!   indexing, [`method_call`] method calls straight to a cached fast
//!   entry, [`attr_inline`] attribute and method loads and attribute
//!   stores through their site cache's first entry;
//! - [`assigned`] finds the locals bound on every path (no unbound
//!   check needed);
//! - [`abi`] declares runtime-lib's ABI table in the module;
//! - [`target`] owns the target machine, the optimisation pipeline and
//!   emission;
//! - [`units`] cuts a large program into codegen units that are lowered,
//!   optimised and emitted in parallel, one object file each.
//!
//! Generators and coroutines are explicit state machines: their frame
//! (locals, cells and a spill area for the operand stack) lives on the
//! heap, each `yield` stores the live stack there, records a resume state
//! and returns; the body starts with a `switch` over the state.
//!
//! Errors: every runtime call that can fail is followed by a test of the
//! error word; the failing edge goes to the handler the exception table
//! names (after adding a traceback entry with the instruction's line), or
//! to the function's shared exit, which adds the entry, pops the handled
//! exceptions the frame pushed and returns the error word.

mod abi;
mod assigned;
mod attr_inline;
mod fast_path;
mod global_load;
mod instr;
mod lower;
mod method_call;
mod program;
mod range_loop;
mod str_compare;
mod subscript;
mod target;
mod units;

use std::fmt;

use inkwell::builder::BuilderError;
use inkwell::context::Context;

use crate::modules::ProgramModule;
use units::Unit;
pub use units::UnitCount;

/// The stack of each codegen thread: as much as the compiler's own thread
/// (LLVM recurses over large functions).
const UNIT_STACK_BYTES: usize = 256 * 1024 * 1024;

/// What to emit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmitKind {
    /// Textual LLVM IR (optimised unless the level is 0).
    LlvmIr,
    Asm,
    Object,
}

/// A failure in the back-end: a compiler bug or an LLVM error, never a
/// property of the user's program.
#[derive(Debug)]
pub struct CodegenError(pub String);

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "code generation failed (compiler bug): {}", self.0)
    }
}

impl std::error::Error for CodegenError {}

impl From<BuilderError> for CodegenError {
    fn from(e: BuilderError) -> Self {
        CodegenError(format!("LLVM builder: {e}"))
    }
}

pub type CgResult<T> = Result<T, CodegenError>;

/// A program to compile: its modules, `__main__` first (their sources
/// are embedded for tracebacks).
pub struct NativeProgram<'a> {
    pub modules: &'a [ProgramModule],
}

/// Compiles `program` and returns the emitted bytes. `opt_level` 0..=3;
/// for [`EmitKind::LlvmIr`] level 0 gives the unoptimised module.
pub fn emit(program: &NativeProgram, kind: EmitKind, opt_level: u8) -> CgResult<Vec<u8>> {
    emit_unit(program, &Unit::whole(), kind, opt_level)
}

/// Compiles `program` to object files, one per codegen unit (see
/// [`units`]), each in its own thread; they link together like the one
/// object [`emit`] makes.
pub fn emit_objects(
    program: &NativeProgram,
    opt_level: u8,
    count: UnitCount,
) -> CgResult<Vec<Vec<u8>>> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let units = units::plan(&program::code_costs(program), count, cores);
    if units.len() == 1 {
        return Ok(vec![emit(program, EmitKind::Object, opt_level)?]);
    }
    target::initialize()?;
    std::thread::scope(|scope| {
        let threads: Vec<_> = units
            .iter()
            .map(|unit| {
                std::thread::Builder::new()
                    .name(format!("krait-llvm-{}", unit.index))
                    .stack_size(UNIT_STACK_BYTES)
                    .spawn_scoped(scope, move || {
                        emit_unit(program, unit, EmitKind::Object, opt_level)
                    })
            })
            .collect();
        threads
            .into_iter()
            .map(|thread| {
                let thread = thread
                    .map_err(|e| CodegenError(format!("cannot start a codegen thread: {e}")))?;
                // A panic is a compiler bug the panic hook has reported:
                // let it end the compiler as it would have without threads.
                thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// Lowers, optimises and emits one unit of `program`.
fn emit_unit(
    program: &NativeProgram,
    unit: &Unit,
    kind: EmitKind,
    opt_level: u8,
) -> CgResult<Vec<u8>> {
    let context = Context::create();
    if kind == EmitKind::Object {
        // Only listings (IR, assembly comments) show value and block
        // names; without them LLVM does about 1% less work.
        // SAFETY: `context` is a live context that nothing else uses yet.
        unsafe { inkwell::llvm_sys::core::LLVMContextSetDiscardValueNames(context.raw(), 1) };
    }
    let module = program::build_module(&context, program, unit)?;
    module
        .verify()
        .map_err(|e| CodegenError(format!("invalid LLVM IR: {}", e.to_string())))?;
    let machine = target::host_machine(opt_level)?;
    target::prepare(&module, &machine);
    if opt_level > 0 {
        target::optimize(&module, &machine, opt_level)?;
    }
    match kind {
        EmitKind::LlvmIr => Ok(module.print_to_string().to_bytes().to_vec()),
        EmitKind::Asm => target::write(&machine, &module, inkwell::targets::FileType::Assembly),
        EmitKind::Object => target::write(&machine, &module, inkwell::targets::FileType::Object),
    }
}
