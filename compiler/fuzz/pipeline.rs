//! The front-end pipeline both fuzzers run on every input: the cargo-fuzz
//! target (`fuzz_targets/front_end.rs`) and the property test
//! (`tests/fuzz_front_end.rs`) include this file with `#[path]`.
//!
//! It is everything the driver does with a source file before native code
//! generation — lex (and the `--emit tokens` listing), parse, scope
//! analysis, the `--emit ast` dump with and without spans, and for a program
//! the scopes accept: the bytecode compiler, the bytecode verifier and the
//! `--emit bytecode` listing — plus rendering whichever syntax error comes
//! out, in both formats. It must not panic, overflow a 256 MiB stack or hang
//! on any input; the AST it builds must respect the parser's depth limit,
//! and a program the front-end accepts must compile to code objects that
//! verify (an internal compiler error there is a bug, so it panics here).

use krait::bytecode::compile_module;
use krait::bytecode::disassemble::disassemble;
use krait::bytecode::verify::verify;
use krait::diagnostics::{render, Diagnostic, ErrorFormat};
use krait::driver::format_tokens;
use krait::scopes::analyze_module;
use krait::syntax::dump::dump_module;
use krait::syntax::parser::MAX_DEPTH;
use krait::syntax::{lex, parse_module, SyntaxError};
use std::hint::black_box;

/// The stack `main.rs` gives the compiler thread.
pub const STACK_BYTES: usize = 256 * 1024 * 1024;

/// Runs the pipeline on `bytes`; panics on a broken invariant.
pub fn front_end(bytes: &[u8]) {
    // The driver rejects non-UTF-8 files before parsing; the lossy text is
    // what its error message shows, and a fine input for the stages anyway.
    let text = String::from_utf8_lossy(bytes);
    let source = text.strip_prefix('\u{feff}').unwrap_or(&text);

    let lexed = lex(source);
    match &lexed.error {
        None => drop(black_box(format_tokens(source, &lexed.tokens.to_vec()))),
        Some(error) => render_error(error, source),
    }
    drop(lexed);

    let module = match parse_module(source) {
        Ok(module) => module,
        Err(error) => return render_error(&error, source),
    };
    match analyze_module(&module) {
        Ok(table) => {
            // What `krait build --emit bytecode` and `krait run` do next.
            let code = compile_module(&module, &table, source, "fuzz.py")
                .unwrap_or_else(|error| panic!("the bytecode compiler failed: {error}"));
            if let Err(error) = verify(&code) {
                panic!("the compiled bytecode does not verify: {error}");
            }
            black_box(disassemble(&code));
        }
        Err(error) => render_error(&error, source),
    }
    let dump = dump_module(&module, source, false);
    // The parser bounds the AST's depth, which every later stage's recursion
    // relies on. The dump (`ast.dump(indent=2)`) nests at most 3 levels per
    // AST level (`Lambda(args=arguments(defaults=[Lambda(`).
    let levels = dump
        .lines()
        .map(|line| line.len() - line.trim_start_matches(' ').len())
        .max()
        .unwrap_or(0)
        / 2;
    assert!(
        levels <= 4 * MAX_DEPTH as usize,
        "the AST dump nests {levels} levels: the AST is deeper than MAX_DEPTH ({MAX_DEPTH})"
    );
    // An AST near MAX_DEPTH dumps to a few hundred MB (the indentation is
    // quadratic in the depth, as in CPython); once is enough for those.
    if dump.len() < 16 << 20 {
        black_box(dump_module(&module, source, true));
    }
}

fn render_error(error: &SyntaxError, source: &str) {
    let diagnostic = Diagnostic::from(error);
    black_box(render(&diagnostic, "fuzz.py", source, ErrorFormat::Human));
    black_box(render(&diagnostic, "fuzz.py", source, ErrorFormat::Short));
}
