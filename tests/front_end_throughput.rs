//! Lexing+parsing throughput on a generated module of at least 10 MB: the
//! conformance corpus (or, without it, the AST fixtures) concatenated into
//! one valid module as many times as needed. Ignored by default; run with
//! `cargo test --release -p krait --test front_end_throughput -- --ignored --nocapture`.
//! Uses the same allocator (mimalloc, declared by krait-runtime, which the
//! `krait` crate links), allocator options and stack size as the `krait`
//! binary.

use std::path::Path;
use std::time::Instant;

const TARGET_BYTES: usize = 10 * 1024 * 1024;

fn sources(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() && path.file_name().is_some_and(|n| n != "syntax") {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            // `from __future__` must come first in a module; leave those out.
            if !text.contains("__future__") {
                out.push(if text.ends_with('\n') {
                    text
                } else {
                    text + "\n"
                });
            }
        }
    }
}

fn generated_module() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut parts = Vec::new();
    sources(&root.join("../../shared/conformance"), &mut parts);
    if parts.is_empty() {
        sources(&root.join("../tests/fixtures/ast"), &mut parts);
    }
    let one: String = parts.concat();
    assert!(!one.is_empty(), "no Python sources found");
    one.repeat(TARGET_BYTES / one.len() + 1)
}

#[test]
#[ignore = "a measurement, not a check; run explicitly in release mode"]
fn lex_and_parse_throughput() {
    krait_runtime::tune_allocator_for_compiler();
    let source = generated_module();
    let worker = std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(move || {
            let mut best_lex = f64::INFINITY;
            for _ in 0..5 {
                let start = Instant::now();
                let lexed = krait::syntax::lex(&source);
                best_lex = best_lex.min(start.elapsed().as_secs_f64());
                assert!(lexed.error.is_none(), "{:?}", lexed.error);
            }
            let mut best = f64::INFINITY;
            for _ in 0..5 {
                let start = Instant::now();
                let module = krait::syntax::parse_module(&source).expect("the module parses");
                best = best.min(start.elapsed().as_secs_f64());
                assert!(!module.body.is_empty());
            }
            let mb = source.len() as f64 / 1e6;
            println!(
                "lex alone: best of 5 {best_lex:.3}s = {:.1} MB/s",
                mb / best_lex
            );
            println!(
                "lex+parse of {mb:.1} MB: best of 5 {best:.3}s = {:.1} MB/s",
                mb / best
            );
        })
        .expect("spawn");
    worker.join().expect("the measurement thread finished");
}
