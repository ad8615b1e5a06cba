//! The reference VM: runs code objects by dispatching on each instruction.
//!
//! It is the interpreter behind `krait run --interpret` and the oracle the
//! native back-end is checked against, so it holds no Python semantics of
//! its own: every instruction calls the krait-runtime function the native
//! code calls too (see `eval`). What the VM owns is the walk over the
//! bytecode: frames (`frame`), the dispatch loop and exception-table
//! unwinding (`eval`), functions and calls (`function`), generators
//! (`generator`), the running frames for `globals()`/`locals()` and the
//! collector (`introspect`) and turning constants into runtime values
//! (`loader`). Everything the VM holds in Rust heap memory is a root of
//! the collector (`trace_vm_roots`), and loop back-edges are safe points.
//!
//! Entry point: [`run`], which runs a module's code object on a thread of
//! its own (with a stack large enough for the recursion limit) and
//! returns the process exit code. The VM does no IO itself; the program's
//! output goes through the runtime.

mod eval;
mod frame;
mod function;
mod generator;
mod introspect;
mod loader;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use krait_runtime::exceptions::traceback::report_uncaught;
use krait_runtime::object::PyPayload;
use krait_runtime::runtime;
use krait_runtime::types::dict::DictObject;
use krait_runtime::types::string::{intern, new_str};

use crate::modules::ProgramModule;

/// The VM thread's stack: room for the default recursion limit (1000
/// nested Python calls, each a few native frames) many times over.
pub const VM_STACK_BYTES: usize = 256 * 1024 * 1024;

/// Stack kept free below the deepest Python call, for the runtime's own
/// recursion (repr of nested containers, comparisons…).
const NATIVE_STACK_MARGIN: usize = 16 * 1024 * 1024;

/// A program to run: its modules (`__main__` first; each with its source
/// text, for the source lines of tracebacks) and `sys.argv`.
pub struct Program {
    pub modules: Vec<ProgramModule>,
    pub argv: Vec<String>,
}

/// Runs `program` to completion and returns the process exit code: 0, 1
/// after an uncaught exception (reported on stderr in CPython's format),
/// or the code of `SystemExit`.
pub fn run(program: Program) -> i32 {
    let worker = std::thread::Builder::new()
        .name("krait-vm".to_owned())
        .stack_size(VM_STACK_BYTES)
        .spawn(move || run_on_this_thread(program));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(code)) => code,
        // A panic in the VM is a bug; the panic hook has reported it.
        Ok(Err(_)) => 101,
        Err(_) => 101,
    }
}

/// The VM's roots for the collector: the running frames (a suspended
/// generator's frame is traced by its generator object instead) and the
/// loaded code objects' constants and names.
fn trace_vm_roots(visit: &mut dyn FnMut(krait_runtime::Value)) {
    introspect::trace_running(visit);
    loader::trace_loaded(visit);
}

/// Runs a module's code (loaded by [`loader::load`]) with `globals`: the
/// VM's [`runtime::import::ModuleRunner`].
fn run_module_code(
    code: krait_runtime::Value,
    globals: krait_runtime::Value,
) -> krait_runtime::error::PyResult {
    match loader::loaded_from_value(code) {
        Some(loaded) => function::run_module(loaded, globals),
        None => Err(krait_runtime::error::internal_error(
            "module code not loaded by the VM",
        )),
    }
}

/// Runs `program` on the calling thread (which must have a stack of
/// [`VM_STACK_BYTES`]) and returns its exit code.
fn run_on_this_thread(program: Program) -> i32 {
    krait_runtime::runtime::recursion::set_native_stack_limit(VM_STACK_BYTES, NATIVE_STACK_MARGIN);
    runtime::runtime_init(&program.argv);
    krait_runtime::typeobj::class::register_class_body_runner(function::run_class_body);
    krait_runtime::runtime::frames::register_frame_introspection(&introspect::VM_INTROSPECTION);
    krait_runtime::gc::register_root_source(trace_vm_roots);
    let mut sources = Vec::new();
    let mut registered = Vec::new();
    let mut main = None;
    for module in program.modules {
        let code = loader::load(Arc::new(module.code));
        if module.name == "__main__" {
            main = Some(code);
        } else {
            registered.push(runtime::import::ProgramModule {
                name: module.name,
                filename: module.filename.clone(),
                is_package: module.is_package,
                code: code.value,
            });
        }
        sources.push((module.filename, module.source));
    }
    runtime::import::register_program_modules(registered, run_module_code);
    let Some(main) = main else {
        return 70;
    };
    let globals = runtime::new_module_globals("__main__");
    if let Some(d) = DictObject::cast(globals) {
        d.set_str(intern("__file__"), new_str(&main.code.filename));
    }
    runtime::import::register_main(globals);
    let status = match function::run_module(main, globals) {
        Ok(_) => 0,
        Err(_) => match krait_runtime::error::take_exception() {
            Some(exc) => {
                let lookup = |file: &str, line: u32| -> Option<String> {
                    let (_, source) = sources.iter().find(|(f, _)| f == file)?;
                    source
                        .lines()
                        .nth(line.checked_sub(1)? as usize)
                        .map(str::to_owned)
                };
                report_uncaught(exc, &lookup)
            }
            None => 1,
        },
    };
    runtime::runtime_exit();
    status
}
