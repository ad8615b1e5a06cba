//! The host target machine (PIC, so executables link as PIE), LLVM's
//! new-pass-manager pipeline at -O1..-O3, and emission to memory.

use inkwell::module::Module;
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::{
    CodeModel, FileType, InitializationConfig, RelocMode, Target, TargetMachine,
};
use inkwell::OptimizationLevel;

use super::{CgResult, CodegenError};

/// Registers the host target with LLVM (done once before codegen threads
/// start; later calls do nothing).
pub fn initialize() -> CgResult<()> {
    Target::initialize_native(&InitializationConfig::default())
        .map_err(|e| CodegenError(format!("LLVM target init: {e}")))
}

/// A target machine for the host at `opt_level`.
pub fn host_machine(opt_level: u8) -> CgResult<TargetMachine> {
    initialize()?;
    let triple = TargetMachine::get_default_triple();
    let target = Target::from_triple(&triple)
        .map_err(|e| CodegenError(format!("LLVM target: {}", e.to_string())))?;
    let level = match opt_level {
        0 => OptimizationLevel::None,
        1 => OptimizationLevel::Less,
        2 => OptimizationLevel::Default,
        _ => OptimizationLevel::Aggressive,
    };
    target
        .create_target_machine(
            &triple,
            "generic",
            "",
            level,
            RelocMode::PIC,
            CodeModel::Default,
        )
        .ok_or_else(|| CodegenError("cannot create a target machine for the host".to_owned()))
}

/// Sets the module's triple and data layout from `machine`.
pub fn prepare(module: &Module, machine: &TargetMachine) {
    module.set_triple(&machine.get_triple());
    module.set_data_layout(&machine.get_target_data().get_data_layout());
}

/// Runs `default<On>`.
pub fn optimize(module: &Module, machine: &TargetMachine, opt_level: u8) -> CgResult<()> {
    let passes = format!("default<O{}>", opt_level.clamp(1, 3));
    module
        .run_passes(&passes, machine, PassBuilderOptions::create())
        .map_err(|e| CodegenError(format!("LLVM passes: {}", e.to_string())))
}

/// Emits assembly or an object file.
pub fn write(machine: &TargetMachine, module: &Module, kind: FileType) -> CgResult<Vec<u8>> {
    machine
        .write_to_memory_buffer(module, kind)
        .map(|b| b.as_slice().to_vec())
        .map_err(|e| CodegenError(format!("LLVM emission: {}", e.to_string())))
}
