//! Snapshot tests of the LLVM back-end's unoptimised IR.
//!
//! Each program in `tests/fixtures/llvm/` is compiled with
//! `codegen::emit(.., LlvmIr, 0)` and its IR snapshotted into
//! `snapshots/llvm/` (insta). The IR is deterministic: code objects are
//! numbered in pre-order, value names come from the bytecode, and nothing
//! depends on addresses or hash order. Every fixture must also compile at
//! -O2 (the optimiser accepts what the lowering produced), and a test
//! rejects snapshots without a fixture.

use krait::bytecode::{compile_module, verify::verify};
use krait::codegen::{emit, EmitKind, NativeProgram};
use krait::modules::ProgramModule;
use krait::scopes::analyze_module;
use krait::syntax::parse_module;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/llvm"))
        .expect("tests/fixtures/llvm exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    files
}

fn ir(path: &Path, level: u8) -> String {
    let source = std::fs::read_to_string(path).expect("fixture is readable");
    let name = path
        .file_name()
        .expect("fixture has a name")
        .to_string_lossy()
        .into_owned();
    let module = parse_module(&source).expect("fixture parses");
    let table = analyze_module(&module).expect("fixture passes the early checks");
    let code = compile_module(&module, &table, &source, &name).expect("fixture compiles");
    verify(&code).expect("fixture verifies");
    let modules = [ProgramModule {
        name: "__main__".to_owned(),
        is_package: false,
        filename: name,
        source,
        code,
    }];
    let program = NativeProgram { modules: &modules };
    let bytes = emit(&program, EmitKind::LlvmIr, level)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    String::from_utf8(bytes).expect("IR is UTF-8")
}

/// The IR without the target lines, which name the host.
fn portable(ir: &str) -> String {
    ir.lines()
        .filter(|l| !l.starts_with("target datalayout") && !l.starts_with("target triple"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn unoptimised_ir_snapshots() {
    let files = fixtures();
    assert!(
        files.len() >= 20,
        "expected 20 IR fixtures, found {}",
        files.len()
    );
    for path in files {
        let text = portable(&ir(&path, 0));
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path("../snapshots/llvm");
        settings.set_prepend_module_to_snapshot(false);
        settings.set_description(std::fs::read_to_string(&path).unwrap());
        settings.bind(|| {
            insta::assert_snapshot!(path.file_stem().unwrap().to_string_lossy().as_ref(), text);
        });
    }
}

#[test]
fn every_fixture_optimises() {
    for path in fixtures() {
        let optimised = ir(&path, 2);
        assert!(optimised.contains("define i32 @main"), "{}", path.display());
        // Optimisation removes the allocas of fast locals (mem2reg).
        assert!(
            !optimised
                .lines()
                .any(|l| l.contains("%local.") && l.contains("alloca")),
            "{}: locals left in memory at -O2",
            path.display()
        );
    }
}

#[test]
fn no_snapshot_without_a_fixture() {
    let stems: Vec<String> = fixtures()
        .iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    for entry in std::fs::read_dir(root().join("snapshots/llvm"))
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".snap") else {
            continue;
        };
        assert!(
            stems.iter().any(|s| s == stem),
            "snapshot {name} has no fixture"
        );
    }
}
