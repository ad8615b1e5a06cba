//! Fixture-driven tests of the bytecode stage.
//!
//! - `tests/fixtures/bytecode/*.py`: each program's listing (`--emit
//!   bytecode`) is snapshotted into `snapshots/bytecode/` (insta; the
//!   snapshot shows the source, then the listing). A test rejects snapshots
//!   without a fixture.
//! - Every program of the acceptance corpus (`../shared/conformance`,
//!   outside `syntax/`), of `tests/fixtures/` and of `examples/` compiles
//!   without an internal error and passes the verifier.
//! - Where `python3` is CPython 3.11, the same programs are compared with
//!   CPython mechanically: the code objects' tables, instructions, line
//!   starts, exception tables and stack sizes against `dis`, and the scope
//!   analysis against the `symtable` module. Both sides are brought to one
//!   normal form (jump targets as instruction indices, `PRECALL`,
//!   `EXTENDED_ARG` and caches dropped, operands shown by meaning).

use krait::bytecode::code::CodeObject;
use krait::bytecode::constant::{str_repr, Constant};
use krait::bytecode::disassemble::disassemble;
use krait::bytecode::instruction::{Instruction as I, Operand};
use krait::bytecode::{compile_module, verify::verify};
use krait::scopes::analyze_module;
use krait::syntax::parse_module;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn python_files(dir: &Path, recursive: bool) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            if recursive {
                files.extend(python_files(&path, true));
            }
        } else if path.extension().is_some_and(|e| e == "py") {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Parses, checks, compiles and verifies a program.
fn compile(source: &str, name: &str) -> Result<CodeObject, String> {
    let module = parse_module(source).map_err(|e| format!("syntax error: {e}"))?;
    let table = analyze_module(&module).map_err(|e| format!("syntax error: {e}"))?;
    let code = compile_module(&module, &table, source, name).map_err(|e| e.to_string())?;
    verify(&code).map_err(|e| e.to_string())?;
    Ok(code)
}

fn bytecode_fixtures() -> Vec<PathBuf> {
    python_files(&root().join("tests/fixtures/bytecode"), false)
}

#[test]
fn bytecode_snapshots() {
    let files = bytecode_fixtures();
    assert!(
        files.len() >= 30,
        "expected at least 30 bytecode fixtures, found {}",
        files.len()
    );
    for path in files {
        let source = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let code = compile(&source, &name).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let listing = disassemble(&code);
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path("../snapshots/bytecode");
        settings.set_prepend_module_to_snapshot(false);
        settings.set_input_file(&path);
        settings.set_omit_expression(true);
        settings.bind(|| {
            insta::assert_snapshot!(
                stem(&path),
                format!("----- SOURCE\n{source}\n----- BYTECODE\n{listing}")
            );
        });
    }
}

/// Every snapshot must belong to a fixture (what `cargo insta
/// --unreferenced=reject` does).
#[test]
fn no_unreferenced_bytecode_snapshots() {
    let fixtures: Vec<String> = bytecode_fixtures().iter().map(|p| stem(p)).collect();
    let dir = root().join("snapshots/bytecode");
    let mut stale = Vec::new();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        match name.strip_suffix(".snap") {
            Some(snapshot) if fixtures.iter().any(|f| f == snapshot) => {}
            _ => stale.push(name),
        }
    }
    assert!(
        stale.is_empty(),
        "snapshots/bytecode holds files with no fixture: {stale:?}"
    );
}

/// The programs every check below runs on: the corpus outside `syntax/`,
/// the fixtures (but not the syntax-error ones) and the examples.
fn all_programs() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let corpus = root().join("../shared/conformance");
    if corpus.is_dir() {
        files.extend(
            python_files(&corpus, true)
                .into_iter()
                .filter(|p| !p.components().any(|c| c.as_os_str() == "syntax")),
        );
    } else {
        eprintln!("notice: ../shared/conformance not found; checking the fixtures only");
    }
    files.extend(
        python_files(&root().join("tests/fixtures"), true)
            .into_iter()
            .filter(|p| !p.components().any(|c| c.as_os_str() == "syntax_errors")),
    );
    files.extend(python_files(&root().join("examples"), true));
    files
}

#[test]
fn every_program_compiles_and_verifies() {
    let files = all_programs();
    assert!(files.len() >= 30);
    let mut failures = Vec::new();
    for path in &files {
        let Ok(source) = std::fs::read_to_string(path) else {
            continue;
        };
        if let Err(error) = compile(&source, "t.py") {
            failures.push(format!("{}: {error}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} programs failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

/// `krait build --emit bytecode` prints the listing, or writes it with `-o`.
#[test]
fn emit_bytecode_from_the_command_line() {
    let fixture = root().join("tests/fixtures/bytecode/01_arithmetic_locals_globals.py");
    let out = Command::new(env!("CARGO_BIN_EXE_krait"))
        .args(["build", "--emit", "bytecode"])
        .arg(&fixture)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listing = String::from_utf8(out.stdout).unwrap();
    assert!(listing.starts_with("Disassembly of <code object <module>>:\n"));
    assert!(listing.contains("Disassembly of <code object compute>:"));
    let dir = tempfile::tempdir().unwrap();
    let written = dir.path().join("listing.txt");
    let status = Command::new(env!("CARGO_BIN_EXE_krait"))
        .args(["build", "--emit", "bytecode", "-o"])
        .arg(&written)
        .arg(&fixture)
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(std::fs::read_to_string(&written).unwrap(), listing);
}

// ---- comparisons with CPython 3.11 ----

/// Whether `python3` is CPython 3.11 (the oracle); the comparisons are
/// skipped, with a notice, when it is not.
fn have_cpython_311() -> bool {
    let version = Command::new("python3")
        .args([
            "-c",
            "import sys; print(sys.implementation.name, sys.version_info[:2])",
        ])
        .output();
    match version {
        Ok(out) if String::from_utf8_lossy(&out.stdout).trim() == "cpython (3, 11)" => true,
        _ => {
            eprintln!("notice: python3 is not CPython 3.11; skipping the comparison");
            false
        }
    }
}

/// Runs `script` with the files as arguments; it prints one normal form
/// per file, each after a line `=== <path>`.
fn run_python(script: &str, files: &[PathBuf]) -> Vec<(PathBuf, String)> {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let script_path = dir.path().join("normalize.py");
    std::fs::write(&script_path, script).expect("the script is written");
    let out = Command::new("python3")
        .arg(&script_path)
        .args(files)
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut results = Vec::new();
    for chunk in text.split("=== ").skip(1) {
        let (path, body) = chunk.split_once('\n').unwrap_or((chunk, ""));
        results.push((PathBuf::from(path), body.trim_end().to_owned()));
    }
    results
}

/// Normalises `dis` output: see the module docs. Files CPython cannot
/// compile print `ERROR`.
const DIS_NORMALIZER: &str = r#"
import dis, sys, types

SKIP = {"EXTENDED_ARG", "PRECALL", "CACHE"}

def crepr(c):
    if isinstance(c, types.CodeType):
        return f"<code object {c.co_name}>"
    if type(c) is tuple:
        items = [crepr(x) for x in c]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    if type(c) is frozenset:
        if not c:
            return "frozenset()"
        return "frozenset({" + ", ".join(sorted(crepr(x) for x in c)) + "})"
    return repr(c)

def norm(co, out):
    real = []
    pending = None
    for i in dis.get_instructions(co):
        if i.opname in SKIP:
            if i.starts_line is not None:
                pending = i.starts_line
            continue
        if pending is not None and i.starts_line is None:
            i = i._replace(starts_line=pending)
        pending = None
        real.append(i)
    offsets = [i.offset for i in real]
    def to_index(off):
        for k, o in enumerate(offsets):
            if o >= off:
                return k
        return len(real)
    out.append(f"code {co.co_qualname}")
    out.append(f"  args {co.co_argcount} {co.co_posonlyargcount} {co.co_kwonlyargcount} flags {co.co_flags & 0x2bf} first {co.co_firstlineno} stack {co.co_stacksize}")
    out.append(f"  varnames {co.co_varnames}")
    out.append(f"  cellvars {co.co_cellvars}")
    out.append(f"  freevars {co.co_freevars}")
    out.append(f"  names {co.co_names}")
    out.append("  consts " + ", ".join(crepr(c) for c in co.co_consts))
    last = None
    for k, i in enumerate(real):
        line = ""
        if i.starts_line is not None and i.starts_line != last:
            line = str(i.starts_line)
            last = i.starts_line
        op = i.opname
        if i.opcode in dis.hasjrel or i.opcode in dis.hasjabs:
            arg = f"to {to_index(i.argval)}"
        elif op == "LOAD_CONST":
            arg = crepr(i.argval)
        elif op == "KW_NAMES":
            arg = crepr(co.co_consts[i.arg])
        elif i.opcode in dis.hasname or i.opcode in dis.haslocal or i.opcode in dis.hasfree:
            arg = i.argrepr
        elif op in ("BINARY_OP", "COMPARE_OP", "MAKE_FUNCTION", "FORMAT_VALUE"):
            arg = f"{i.arg} {i.argrepr}".strip()
        elif i.arg is not None:
            arg = str(i.arg)
        else:
            arg = ""
        out.append(f"{line:>4} {k:>4} {op} {arg}".rstrip())
    for e in dis._parse_exception_table(co):
        lasti = " lasti" if e.lasti else ""
        out.append(f"  except {to_index(e.start)} {to_index(e.end)} -> {to_index(e.target)} [{e.depth}]{lasti}")
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            norm(c, out)

for path in sys.argv[1:]:
    print("=== " + path)
    try:
        with open(path, encoding="utf-8") as f:
            code = compile(f.read(), path, "exec")
    except Exception:
        print("ERROR")
        continue
    out = []
    norm(code, out)
    print("\n".join(out))
"#;

fn const_repr(c: &Constant) -> String {
    match c {
        Constant::Tuple(items) => {
            let items: Vec<String> = items.iter().map(const_repr).collect();
            let comma = if items.len() == 1 { "," } else { "" };
            format!("({}{comma})", items.join(", "))
        }
        Constant::FrozenSet(items) if !items.is_empty() => {
            let mut items: Vec<String> = items.iter().map(const_repr).collect();
            items.sort();
            items.dedup();
            format!("frozenset({{{}}})", items.join(", "))
        }
        other => other.repr(),
    }
}

fn names_repr(names: &[String]) -> String {
    let items: Vec<String> = names.iter().map(|n| str_repr(n)).collect();
    let comma = if items.len() == 1 { "," } else { "" };
    format!("({}{comma})", items.join(", "))
}

/// Our code objects in the normal form of `DIS_NORMALIZER`.
fn normalize(code: &CodeObject, out: &mut Vec<String>) {
    out.push(format!("code {}", code.qualname));
    out.push(format!(
        "  args {} {} {} flags {} first {} stack {}",
        code.argcount,
        code.posonlyargcount,
        code.kwonlyargcount,
        code.flags.0,
        code.first_line,
        code.max_stack_depth
    ));
    out.push(format!("  varnames {}", names_repr(&code.varnames)));
    out.push(format!("  cellvars {}", names_repr(&code.cellvars)));
    out.push(format!("  freevars {}", names_repr(&code.freevars)));
    out.push(format!("  names {}", names_repr(&code.names)));
    let consts: Vec<String> = code.constants.iter().map(const_repr).collect();
    out.push(format!("  consts {}", consts.join(", ")));
    let name = |i: usize| code.names.get(i).cloned().unwrap_or_default();
    let mut last = None;
    for (k, instr) in code.instructions.iter().enumerate() {
        let line = code.locations[k].map(|l| l.line);
        let mut starts = String::new();
        if let (Some(l), true) = (line, line != last) {
            starts = l.to_string();
            last = line;
        }
        let arg = match *instr {
            _ if instr.target().is_some() => {
                format!("to {}", instr.target().map_or(0, |t| t.0))
            }
            I::LoadConst { index } | I::KwNames { names: index } => {
                code.constant(index).map(const_repr).unwrap_or_default()
            }
            I::LoadGlobal { name: n, push_null } => {
                let n = name(n.index());
                if push_null {
                    format!("NULL + {n}")
                } else {
                    n
                }
            }
            I::LoadFast { local } | I::StoreFast { local } | I::DeleteFast { local } => {
                code.local_name(local).unwrap_or_default().to_owned()
            }
            I::MakeCell { cell }
            | I::LoadClosure { cell }
            | I::LoadDeref { cell }
            | I::StoreDeref { cell }
            | I::DeleteDeref { cell }
            | I::LoadClassderef { cell } => code.deref_name(cell).unwrap_or_default().to_owned(),
            I::StoreGlobal { name: n }
            | I::DeleteGlobal { name: n }
            | I::LoadName { name: n }
            | I::StoreName { name: n }
            | I::DeleteName { name: n }
            | I::LoadAttr { name: n }
            | I::StoreAttr { name: n }
            | I::DeleteAttr { name: n }
            | I::LoadMethod { name: n }
            | I::ImportName { name: n }
            | I::ImportFrom { name: n } => name(n.index()),
            I::BinaryOp { op } => format!("{} {}", op as u8, op.text()),
            I::CompareOp { op } => format!("{} {}", op as u8, op.text()),
            I::MakeFunction { flags } => format!("{} {}", flags.0, flags.text()).trim().to_owned(),
            I::FormatValue {
                conversion,
                with_spec,
            } => {
                let arg = conversion.raw() + if with_spec { 4 } else { 0 };
                let mut parts = Vec::new();
                if conversion.raw() != 0 {
                    parts.push(conversion.text());
                }
                if with_spec {
                    parts.push("with format");
                }
                format!("{arg} {}", parts.join(", ")).trim().to_owned()
            }
            I::UnpackEx { before, after } => (u32::from(before) + (after << 8)).to_string(),
            I::BuildSlice { with_step } => if with_step { "3" } else { "2" }.to_owned(),
            _ => instr
                .raw_operands()
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(","),
        };
        out.push(
            format!("{starts:>4} {k:>4} {} {arg}", instr.name())
                .trim_end()
                .to_owned(),
        );
    }
    for e in &code.exception_table {
        let lasti = if e.push_lasti { " lasti" } else { "" };
        out.push(format!(
            "  except {} {} -> {} [{}]{lasti}",
            e.start.0, e.end.0, e.handler.0, e.depth
        ));
    }
    for nested in code.nested() {
        normalize(nested, out);
    }
}

/// A short diff: the first lines that differ.
fn first_difference(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let i = e.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let show = |lines: &[&str]| {
        lines
            .iter()
            .skip(i)
            .take(3)
            .copied()
            .collect::<Vec<_>>()
            .join("\n      ")
    };
    format!(
        "  line {}:\n    cpython: {}\n    krait:   {}",
        i + 1,
        show(&e),
        show(&a)
    )
}

/// Every program's code objects equal CPython's, as `dis` shows them.
#[test]
fn bytecode_matches_cpython_dis() {
    if !have_cpython_311() {
        return;
    }
    let files = all_programs();
    let mut failures = Vec::new();
    for (path, expected) in run_python(DIS_NORMALIZER, &files) {
        if expected == "ERROR" {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        let code = match compile(&source, &path.display().to_string()) {
            Ok(code) => code,
            Err(error) => {
                failures.push(format!("{}: {error}", path.display()));
                continue;
            }
        };
        let mut actual = Vec::new();
        normalize(&code, &mut actual);
        let actual = actual.join("\n");
        if actual != expected {
            failures.push(format!(
                "{}\n{}",
                path.display(),
                first_difference(&expected, &actual)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} programs differ from CPython:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Prints each file's scopes in the format of `SymbolTable::dump`.
const SYMTABLE_DUMP: &str = r#"
import symtable, sys
NAMES = {'top': '<module>', 'lambda': '<lambda>', 'listcomp': '<listcomp>',
         'setcomp': '<setcomp>', 'dictcomp': '<dictcomp>', 'genexpr': '<genexpr>'}
SCOPES = {1: 'LOCAL', 2: 'GLOBAL_EXPLICIT', 3: 'GLOBAL_IMPLICIT', 4: 'FREE', 5: 'CELL'}

def dump(table, depth, out):
    kind = table.get_type()
    name = NAMES.get(table.get_name(), table.get_name())
    names = sorted(f"{s.get_name()}={SCOPES[s._Symbol__scope]}" for s in table.get_symbols())
    line = "  " * depth + f"{kind} {name}"
    if kind == 'function':
        line += " (" + ", ".join(table._table.varnames) + ")"
    out.append(line + ": " + " ".join(names))
    for child in table.get_children():
        dump(child, depth + 1, out)

for path in sys.argv[1:]:
    print("=== " + path)
    try:
        with open(path, encoding="utf-8") as f:
            table = symtable.symtable(f.read(), path, "exec")
    except Exception:
        print("ERROR")
        continue
    out = []
    dump(table, 0, out)
    print("\n".join(out))
"#;

/// The scope analysis agrees with CPython's `symtable` module on every
/// program.
#[test]
fn scopes_match_cpython_symtable() {
    if !have_cpython_311() {
        return;
    }
    let files = all_programs();
    let mut failures = Vec::new();
    for (path, expected) in run_python(SYMTABLE_DUMP, &files) {
        if expected == "ERROR" {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        let Ok(module) = parse_module(&source) else {
            failures.push(format!("{}: does not parse", path.display()));
            continue;
        };
        let actual = match analyze_module(&module) {
            Ok(table) => table.dump(),
            Err(error) => format!("error: {error}"),
        };
        if actual.trim_end() != expected {
            failures.push(format!(
                "{}\n{}",
                path.display(),
                first_difference(&expected, actual.trim_end())
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} programs differ from CPython:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// For debugging one input: edit the program and run
/// `cargo test --test bytecode_fixtures quick -- --ignored --nocapture`.
#[test]
#[ignore]
fn quick() {
    let source = "def f(x):\n    return [y for y in x if y]\n";
    match compile(source, "quick.py") {
        Ok(code) => println!("{}", disassemble(&code)),
        Err(error) => println!("{error}"),
    }
}
