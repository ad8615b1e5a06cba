//! The `krait` command line, tested as a user sees it: arguments in;
//! stdout, stderr and the exit code out.
//!
//! Tests that need the front-end (lexer, parser, early checks) name it in
//! their name (`tokens_`, `ast_`, `syntax_`, `not_implemented_`); the rest
//! cover the CLI's own surface: version, help, usage errors and file errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

const KRAIT: &str = env!("CARGO_BIN_EXE_krait");

/// Runs krait with `args` in `dir`.
fn krait_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(KRAIT)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("cannot start krait")
}

fn krait(args: &[&str]) -> Output {
    krait_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[track_caller]
fn assert_exit(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "exit status\n--- stdout\n{}--- stderr\n{}",
        stdout(out),
        stderr(out)
    );
}

/// A temporary directory holding one program, `prog.py`.
struct Program {
    dir: TempDir,
}

impl Program {
    fn new(source: impl AsRef<[u8]>) -> Self {
        let dir = tempfile::tempdir().expect("cannot create a temporary directory");
        std::fs::write(dir.path().join("prog.py"), source).expect("cannot write prog.py");
        Program { dir }
    }

    /// Runs krait in the program's directory, so that paths in messages are
    /// the relative `prog.py`.
    fn krait(&self, args: &[&str]) -> Output {
        krait_in(self.dir.path(), args)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// Output lines with runs of spaces collapsed, so assertions do not depend
/// on column widths.
fn squeezed_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

const SMALL_PROGRAM: &str = "def f(x):\n    return x + 1\nprint(f(2))\n";

const MISSING_COLON: &str = "print(1)\ndef f()\n    return 1\n";

// ---- the CLI's own surface ----

#[test]
fn version_names_krait_and_llvm_19() {
    let out = krait(&["--version"]);
    assert_exit(&out, 0);
    let text = stdout(&out);
    assert!(text.starts_with("krait 0.1.0 (LLVM 19."), "{text}");
    assert!(text.contains("LLVM 19"), "{text}");
}

#[test]
fn help_lists_subcommands_and_examples() {
    let out = krait(&["--help"]);
    assert_exit(&out, 0);
    let text = stdout(&out);
    for needle in ["build", "run", "Examples:", "krait run --interpret"] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
}

#[test]
fn build_help_groups_developer_options() {
    let out = krait(&["build", "--help"]);
    assert_exit(&out, 0);
    let text = stdout(&out);
    let heading = text.find("Unstable developer options:").expect(&text);
    for flag in ["--timings", "--spans", "--error-format", "--codegen-units"] {
        let at = text
            .find(flag)
            .unwrap_or_else(|| panic!("missing {flag} in\n{text}"));
        assert!(
            at > heading,
            "{flag} is not under the developer heading\n{text}"
        );
    }
    assert!(text.contains("llvm-ir"), "{text}");
}

#[test]
fn no_arguments_is_a_usage_error() {
    let out = krait(&[]);
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("Usage:"), "{}", stderr(&out));
}

#[test]
fn unknown_emit_kind_is_a_usage_error() {
    let program = Program::new(SMALL_PROGRAM);
    let out = program.krait(&["build", "--emit", "wat", "prog.py"]);
    assert_exit(&out, 2);
    assert!(
        stderr(&out).contains("invalid value 'wat' for '--emit <KIND>'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bad_optimisation_level_is_a_usage_error() {
    let program = Program::new(SMALL_PROGRAM);
    let out = program.krait(&["build", "-O4", "prog.py"]);
    assert_exit(&out, 2);
    assert!(
        stderr(&out).contains("invalid value '4'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn missing_file_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["build", "nope.py"][..],
        &["build", "--emit", "tokens", "nope.py"],
        &["run", "--interpret", "nope.py", "-x"],
    ] {
        let out = krait_in(dir.path(), args);
        assert_exit(&out, 1);
        assert_eq!(
            stderr(&out),
            "krait: error: cannot read 'nope.py': No such file or directory (os error 2)\n"
        );
        assert_eq!(stdout(&out), "");
    }
}

#[test]
fn directory_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("pkg")).unwrap();
    let out = krait_in(dir.path(), &["build", "pkg"]);
    assert_exit(&out, 1);
    let text = stderr(&out);
    assert!(
        text.starts_with("krait: error: cannot read 'pkg': "),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1, "{text}");
}

#[test]
fn non_utf8_source_is_a_syntax_error() {
    let program = Program::new(b"x = 1\n\xff = 2\n");
    let out = program.krait(&["build", "prog.py"]);
    assert_exit(&out, 1);
    let text = stderr(&out);
    assert!(
        text.starts_with("SyntaxError: source file is not valid UTF-8\n"),
        "{text}"
    );
    assert!(text.contains("  ┌─ prog.py:2:1\n"), "{text}");

    let out = program.krait(&["build", "--error-format=short", "prog.py"]);
    assert_exit(&out, 1);
    assert_eq!(
        stderr(&out),
        "prog.py:2:1: error(bad-encoding): SyntaxError: source file is not valid UTF-8\n"
    );
}

// ---- through the front-end ----

#[test]
fn syntax_error_is_a_diagnostic_with_location_and_caret() {
    let program = Program::new(MISSING_COLON);
    // CPython: lineno 2, offset 8, just after `)`.
    let out = program.krait(&["build", "prog.py"]);
    assert_exit(&out, 1);
    let text = stderr(&out);
    assert!(text.starts_with("SyntaxError: expected ':'\n"), "{text}");
    assert!(
        text.lines().any(|line| line == "  ┌─ prog.py:2:8"),
        "{text}"
    );
    assert!(text.contains("2 │ def f()\n  │        ^\n"), "{text}");
    assert_eq!(stdout(&out), "");
}

#[test]
fn syntax_error_in_short_format() {
    let program = Program::new(MISSING_COLON);
    let out = program.krait(&["build", "--error-format", "short", "prog.py"]);
    assert_exit(&out, 1);
    assert_eq!(
        stderr(&out),
        "prog.py:2:8: error(expected-token): SyntaxError: expected ':'\n"
    );
}

#[test]
fn syntax_error_fails_every_emit_kind_and_run() {
    let program = Program::new(MISSING_COLON);
    let runs: &[&[&str]] = &[
        &["build", "--emit", "ast", "prog.py"],
        &["build", "--emit", "bytecode", "prog.py"],
        &["build", "--emit", "llvm-ir", "prog.py"],
        &["build", "--emit", "exe", "prog.py"],
        &["run", "prog.py"],
        &["run", "--interpret", "prog.py", "arg"],
    ];
    for args in runs {
        let out = program.krait(args);
        assert_exit(&out, 1);
        assert!(
            stderr(&out).contains("SyntaxError: expected ':'"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn syntax_error_from_the_early_checks() {
    let program = Program::new("x = 1\nreturn x\n");
    let out = program.krait(&["build", "--emit", "ast", "--error-format=short", "prog.py"]);
    assert_exit(&out, 1);
    assert_eq!(
        stderr(&out),
        "prog.py:2:1: error(outside-function): SyntaxError: 'return' outside function\n"
    );
}

#[test]
fn tokens_are_listed_one_per_line() {
    let program = Program::new(SMALL_PROGRAM);
    let out = program.krait(&["build", "--emit", "tokens", "prog.py"]);
    assert_exit(&out, 0);
    let lines = squeezed_lines(&stdout(&out));
    for expected in [
        "1:0-1:3 def 'def'",
        "1:4-1:5 NAME 'f'",
        "1:5-1:6 LPAR '('",
        "1:8-1:9 COLON ':'",
        "1:9-1:10 NEWLINE '\\n'",
        "2:4-2:10 return 'return'",
        "2:13-2:14 PLUS '+'",
        "2:15-2:16 NUMBER '1'",
        "3:0-3:5 NAME 'print'",
        "4:0-4:0 ENDMARKER ''",
    ] {
        assert!(
            lines.iter().any(|line| line == expected),
            "no line {expected:?} in\n{lines:#?}"
        );
    }
    assert_eq!(
        lines.last().map(String::as_str),
        Some("4:0-4:0 ENDMARKER ''")
    );
}

#[test]
fn tokens_show_text_as_a_python_literal() {
    let program = Program::new("s = 'it''s'\n");
    let out = program.krait(&["build", "--emit", "tokens", "prog.py"]);
    assert_exit(&out, 0);
    let lines = squeezed_lines(&stdout(&out));
    assert!(
        lines.contains(&"1:4-1:8 STRING \"'it'\"".to_string()),
        "{lines:#?}"
    );
}

#[test]
fn tokens_go_to_the_output_file() {
    let program = Program::new(SMALL_PROGRAM);
    let out = program.krait(&["build", "--emit", "tokens", "-o", "prog.tokens", "prog.py"]);
    assert_exit(&out, 0);
    assert_eq!(stdout(&out), "");
    let written = std::fs::read_to_string(program.path("prog.tokens")).unwrap();
    assert!(written.contains("ENDMARKER"), "{written}");
}

#[test]
fn tokens_stop_at_a_lexer_error() {
    let program = Program::new("x = 'abc\n");
    let out = program.krait(&["build", "--emit", "tokens", "prog.py"]);
    assert_exit(&out, 1);
    let text = stderr(&out);
    assert!(
        text.starts_with("SyntaxError: unterminated string literal (detected at line 1)\n"),
        "{text}"
    );
    assert!(text.contains("┌─ prog.py:1:5"), "{text}");
}

#[test]
fn ast_is_printed_like_python_ast_dump() {
    let program = Program::new("x = 1\nprint(x + 2)\n");
    let out = program.krait(&["build", "--emit", "ast", "prog.py"]);
    assert_exit(&out, 0);
    let text = stdout(&out);
    assert!(
        text.starts_with("Module(\n  body=[\n    Assign(\n"),
        "{text}"
    );
    for line in [
        "        Name(id='x', ctx=Store())],",
        "      value=Constant(value=1)),",
        "        func=Name(id='print', ctx=Load()),",
        "            op=Add(),",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "no line {line:?} in\n{text}"
        );
    }
}

#[test]
fn ast_with_spans_shows_positions() {
    let program = Program::new("x = 1\n");
    let plain = program.krait(&["build", "--emit", "ast", "prog.py"]);
    let spans = program.krait(&["build", "--emit", "ast", "--spans", "prog.py"]);
    assert_exit(&plain, 0);
    assert_exit(&spans, 0);
    assert_ne!(stdout(&plain), stdout(&spans));
    assert!(stdout(&spans).contains("Constant"), "{}", stdout(&spans));
    // The assignment `x = 1` spans line 1, columns 0 to 5.
    assert!(stdout(&spans).contains(" @ 1:0-1:5"), "{}", stdout(&spans));
}

#[test]
fn ast_timings_name_each_stage() {
    let program = Program::new(SMALL_PROGRAM);
    let out = program.krait(&["build", "--emit", "ast", "--timings", "prog.py"]);
    assert_exit(&out, 0);
    let text = stderr(&out);
    for stage in ["read", "parse", "scopes", "dump"] {
        assert!(
            text.contains(&format!("timing: {stage} ")),
            "no {stage} in\n{text}"
        );
    }
}

#[test]
fn native_kinds_emit_ir_assembly_and_objects() {
    let program = Program::new(SMALL_PROGRAM);
    let out = program.krait(&["build", "--emit", "llvm-ir", "-O0", "prog.py"]);
    assert_exit(&out, 0);
    assert!(
        stdout(&out).contains("define i32 @main("),
        "{}",
        stdout(&out)
    );
    // Unoptimised IR keeps locals in allocas; -O2 promotes them.
    let out = program.krait(&["build", "--emit", "asm", "prog.py"]);
    assert_exit(&out, 0);
    assert!(stdout(&out).contains("main:"), "{}", stdout(&out));
    let out = program.krait(&["build", "--emit", "obj", "prog.py"]);
    assert_exit(&out, 0);
    let object = std::fs::read(program.dir.path().join("prog.o")).unwrap();
    assert_eq!(&object[..4], b"\x7fELF");
}

#[test]
fn build_links_an_executable_next_to_the_script() {
    let program = Program::new("import sys\nprint('built', sys.argv[1:])\n");
    let out = program.krait(&["build", "prog.py"]);
    assert_exit(&out, 0);
    assert_eq!(stderr(&out), "");
    let exe = program.dir.path().join("prog");
    let run = std::process::Command::new(&exe).arg("x").output().unwrap();
    assert_eq!(run.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&run.stdout), "built ['x']\n");
    let out = program.krait(&["build", "-O0", "prog.py", "-o", "other"]);
    assert_exit(&out, 0);
    assert!(program.dir.path().join("other").exists());
}

/// The size limit for a stripped hello world: issue 4 asks for at most
/// 1.5 MB. It is 1,442,368 bytes (see `SMALL_EXECUTABLE_BYTES` in
/// `tests/link.rs` for what makes it so).
const HELLO_EXECUTABLE_BYTES: u64 = 1_500_000;

#[test]
fn hello_world_is_small() {
    let program = Program::new("print('hello')\n");
    let out = program.krait(&["build", "prog.py"]);
    assert_exit(&out, 0);
    let exe = program.path("prog");
    let size = std::fs::metadata(&exe).unwrap().len();
    assert!(size <= HELLO_EXECUTABLE_BYTES, "hello world: {size} bytes");
    let run = std::process::Command::new(&exe).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&run.stdout), "hello\n");
}

#[test]
fn native_run_passes_arguments_exit_code_and_traceback() {
    let program = Program::new("import sys\nprint(sys.argv)\nsys.exit(3)\n");
    let out = program.krait(&["run", "prog.py", "--flag", "-x"]);
    assert_exit(&out, 3);
    assert_eq!(stdout(&out), "['prog.py', '--flag', '-x']\n");
    assert_eq!(stderr(&out), "");
    let program = Program::new("def f():\n    raise ValueError('bad')\nf()\n");
    let out = program.krait(&["run", "prog.py"]);
    assert_exit(&out, 1);
    assert_eq!(
        stderr(&out),
        "Traceback (most recent call last):\n  File \"prog.py\", line 3, in <module>\n    f()\n  File \"prog.py\", line 2, in f\n    raise ValueError('bad')\nValueError: bad\n"
    );
}

/// Code cut into several codegen units (objects compiled in parallel)
/// links into an executable that behaves like the one-unit build: calls,
/// closures, methods, generators, module imports and tracebacks cross
/// the units.
#[test]
fn codegen_units_link_into_one_program() {
    let program = Program::new(
        "import helper\n\
         def twice(x):\n    return helper.inc(x) * 2 - 2\n\
         class C:\n    def m(self, y):\n        return twice(y) + helper.inc(y)\n\
         def gen(n):\n    for i in range(n):\n        yield twice(i)\n\
         def outer(k):\n    def inner(z):\n        return z + k\n    return inner\n\
         def boom(v):\n    return helper.fail(v)\n\
         print(twice(3), C().m(4), sum(gen(5)), outer(2)(3), [f(1) for f in (twice, helper.inc)])\n\
         boom(7)\n",
    );
    std::fs::write(
        program.path("helper.py"),
        "def inc(x):\n    return x + 1\ndef fail(v):\n    raise KeyError(v)\n",
    )
    .expect("write helper.py");
    let expected_stdout = "6 13 20 5 [2, 2]\n";
    let expected_stderr = format!(
        "Traceback (most recent call last):\n  \
         File \"prog.py\", line 17, in <module>\n    boom(7)\n  \
         File \"prog.py\", line 15, in boom\n    return helper.fail(v)\n  \
         File \"{}\", line 4, in fail\n    raise KeyError(v)\nKeyError: 7\n",
        program.path("helper.py").display()
    );
    for units in ["1", "2", "3", "64"] {
        for level in ["-O0", "-O2"] {
            let built = program.krait(&[
                "build",
                level,
                "--codegen-units",
                units,
                "prog.py",
                "-o",
                "app",
            ]);
            assert_exit(&built, 0);
            let out = Command::new(program.path("app"))
                .output()
                .expect("cannot start the executable");
            assert_exit(&out, 1);
            assert_eq!(stdout(&out), expected_stdout, "{units} units {level}");
            assert_eq!(stderr(&out), expected_stderr, "{units} units {level}");
        }
    }
    let out = program.krait(&["run", "--codegen-units", "2", "prog.py"]);
    assert_exit(&out, 1);
    assert_eq!(stdout(&out), expected_stdout);
}

#[test]
fn interpret_runs_the_program_with_its_arguments() {
    let program = Program::new("import sys\nprint(sys.argv)\nsys.exit(3)\n");
    let out = program.krait(&["run", "--interpret", "prog.py", "--flag", "-x"]);
    assert_exit(&out, 3);
    assert_eq!(stdout(&out), "['prog.py', '--flag', '-x']\n");
    assert_eq!(stderr(&out), "");
    let program = Program::new("def f():\n    raise ValueError('bad')\nf()\n");
    let out = program.krait(&["run", "--interpret", "prog.py"]);
    assert_exit(&out, 1);
    assert_eq!(
        stderr(&out),
        "Traceback (most recent call last):\n  File \"prog.py\", line 3, in <module>\n    f()\n  File \"prog.py\", line 2, in f\n    raise ValueError('bad')\nValueError: bad\n"
    );
}

/// A program of several modules compiles into one executable that runs
/// from another directory after its sources are gone; `-I` adds a search
/// directory.
#[test]
fn modules_are_compiled_into_the_executable() {
    let program = Program::new(
        "import pkg.sub.leaf as leaf\nfrom pkg import helper\nimport extra\n\
         print(leaf.where(), helper.twice(21), extra.NAME, __name__)\n",
    );
    let write = |rel: &str, text: &str| {
        let path = program.path(rel);
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
        std::fs::write(path, text).expect("write module");
    };
    write("pkg/__init__.py", "from . import helper\n");
    write("pkg/helper.py", "def twice(x):\n    return 2 * x\n");
    write("pkg/sub/__init__.py", "");
    write(
        "pkg/sub/leaf.py",
        "from ..helper import twice\ndef where():\n    return __name__ + str(twice(1))\n",
    );
    write("lib/extra.py", "NAME = 'from -I'\n");
    let built = program.krait(&["build", "-I", "lib", "prog.py", "-o", "app"]);
    assert_exit(&built, 0);
    for source in ["prog.py", "pkg", "lib"] {
        let path = program.path(source);
        if path.is_dir() {
            std::fs::remove_dir_all(path).expect("remove sources");
        } else {
            std::fs::remove_file(path).expect("remove sources");
        }
    }
    let elsewhere = tempfile::tempdir().expect("cannot create a temporary directory");
    let out = Command::new(program.path("app"))
        .current_dir(elsewhere.path())
        .output()
        .expect("cannot start the executable");
    assert_exit(&out, 0);
    assert_eq!(stdout(&out), "pkg.sub.leaf2 42 from -I __main__\n");
    // Without -I the module is missing, which is an error only when the
    // import runs.
    let program = Program::new("try:\n    import extra\nexcept ImportError as e:\n    print(e)\n");
    let out = program.krait(&["run", "prog.py"]);
    assert_exit(&out, 0);
    assert_eq!(stdout(&out), "No module named 'extra'\n");
}
