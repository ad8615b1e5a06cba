//! The `krait` executable: see [`krait::cli`] for the command line.

use std::process::ExitCode;

/// The compiler's stages recurse over the AST, whose depth the parser bounds
/// (`syntax::parser::MAX_DEPTH`); this stack holds that depth with room to
/// spare in debug builds too.
const COMPILER_STACK_BYTES: usize = 256 * 1024 * 1024;

fn main() -> ExitCode {
    krait_runtime::tune_allocator_for_compiler();
    install_panic_hook();
    let cli = krait::cli::parse_args();
    let worker = std::thread::Builder::new()
        .name("krait".to_owned())
        .stack_size(COMPILER_STACK_BYTES)
        .spawn(move || krait::cli::run(cli));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(code)) => code,
        // The panic hook has already reported the panic.
        Ok(Err(_)) => ExitCode::from(101),
        Err(error) => {
            eprintln!("krait: error: cannot start the compiler thread: {error}");
            ExitCode::from(1)
        }
    }
}

/// A panic is never the answer to bad input, so one that happens anyway is a
/// bug in krait: say so, instead of looking like a complaint about the
/// program. The process exits with Rust's panic code, 101.
fn install_panic_hook() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        eprintln!("krait: internal compiler error: this is a bug in krait, please report it");
        default_hook(info);
    }));
}

// The process allocator (mimalloc) is declared by krait-runtime, which
// this binary links: see `krait_runtime::GLOBAL`.
