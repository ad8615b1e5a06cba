//! The driver: runs the pipeline's stages in order on one source file.
//!
//! Besides `main.rs`, this is the only module that touches files (and, for
//! `--timings`, stderr). It reads the source, hands it to each stage in turn
//! — one line per stage in [`Driver::front_end`] — and returns what was
//! asked for, or a typed [`Error`] that the CLI renders. It never prints a
//! diagnostic itself and never exits the process.
//!
//! Executables are linked by [`crate::link`] and run by
//! [`crate::run_native`], through [`build_executable`] and
//! [`run_executable`].
//!
//! Stages that do not exist yet answer [`Error::NotImplemented`], after the
//! front-end has checked the program, so that a syntax error is reported
//! whatever was asked for.

use crate::bytecode::{self, CodeObject, InternalError};
use crate::codegen;
use crate::interp;
use crate::link::{self, LinkError};
use crate::modules::{self, ProgramModule};
use crate::run_native::{self, RunError, Termination};
use crate::scopes::{self, SymbolTable};
use crate::syntax::{self, ast::Module, LineIndex, Span, SyntaxError, SyntaxErrorKind};
use krait_runtime::types::string::repr::repr_str;
use std::ffi::{OsStr, OsString};
use std::fmt;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What `--emit` asks a build to produce: the output of one pipeline stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emit {
    Tokens,
    Ast,
    Bytecode,
    LlvmIr,
    Asm,
    Obj,
    Exe,
}

impl Emit {
    /// The spelling used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Emit::Tokens => "tokens",
            Emit::Ast => "ast",
            Emit::Bytecode => "bytecode",
            Emit::LlvmIr => "llvm-ir",
            Emit::Asm => "asm",
            Emit::Obj => "obj",
            Emit::Exe => "exe",
        }
    }
}

/// LLVM's optimisation level, `-O0` to `-O3`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OptLevel {
    O0,
    O1,
    #[default]
    O2,
    O3,
}

#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Print each stage's duration to stderr.
    pub timings: bool,
    /// `--emit ast` also shows each node's `line:col-line:col` range.
    pub spans: bool,
    pub opt_level: OptLevel,
    /// Where imported modules are looked for after the entry script's
    /// directory (`-I`).
    pub search_paths: Vec<PathBuf>,
    /// How many codegen units an executable's code is cut into.
    pub codegen_units: codegen::UnitCount,
}

/// A source file as read from disk.
#[derive(Clone, Debug)]
pub struct Source {
    pub path: PathBuf,
    pub text: String,
}

/// The front-end's result: a module that parsed and passed the early checks,
/// with its symbol table.
#[derive(Debug)]
pub struct Checked {
    pub source: Source,
    pub module: Module,
    pub table: SymbolTable,
}

/// What a build produced.
#[derive(Debug)]
pub enum Output {
    /// A listing (`--emit tokens|ast|bytecode|llvm-ir|asm`) for the CLI to
    /// print or write.
    Text(String),
    /// An object file (`--emit obj`) for the CLI to write.
    Object(Vec<u8>),
}

/// Which way a file operation went, for [`Error::Io`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IoOp {
    Read,
    Write,
}

/// Something the driver does not do yet, for [`Error::NotImplemented`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unimplemented {
    /// An executable is linked by `build_exe`, not returned by `build`.
    Emit(Emit),
}

/// Why a build or run stopped.
#[derive(Debug)]
pub enum Error {
    Io {
        op: IoOp,
        path: PathBuf,
        error: io::Error,
    },
    /// A syntax error (or an early-check error) in `path`, whose text is
    /// `source` (lossily decoded if the file is not UTF-8).
    Syntax {
        path: PathBuf,
        source: String,
        error: SyntaxError,
    },
    NotImplemented {
        what: Unimplemented,
    },
    /// Linking an executable failed (no `cc`, or `cc` failed).
    Link(LinkError),
    /// A built executable could not be started.
    Run(RunError),
    /// A bug in krait: a compiler stage broke one of its invariants.
    Internal(InternalError),
    /// A bug in krait's back-end (or LLVM refused its output).
    Codegen(codegen::CodegenError),
}

impl From<InternalError> for Error {
    fn from(error: InternalError) -> Self {
        Error::Internal(error)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io {
                op: IoOp::Read,
                path,
                error,
            } => {
                write!(f, "cannot read '{}': {error}", path.display())
            }
            Error::Io {
                op: IoOp::Write,
                path,
                error,
            } => {
                write!(f, "cannot write '{}': {error}", path.display())
            }
            Error::Syntax { path, error, .. } => write!(f, "{}: {error}", path.display()),
            Error::NotImplemented {
                what: Unimplemented::Emit(emit),
            } => {
                write!(f, "--emit {} is not implemented yet", emit.name())
            }
            Error::Link(error) => write!(f, "{error}"),
            Error::Run(error) => write!(f, "{error}"),
            Error::Internal(error) => write!(f, "{error}"),
            Error::Codegen(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for Error {}

pub struct Driver {
    options: Options,
}

impl Driver {
    pub fn new(options: Options) -> Self {
        Driver { options }
    }

    /// `krait build`: compiles `path` as far as `emit` asks.
    pub fn build(&self, path: &Path, emit: Emit) -> Result<Output, Error> {
        if emit == Emit::Tokens {
            // Only the lexer runs: the listing is useful precisely when the
            // parser would reject the file.
            let source = self.stage("read", || read_source(path))?;
            let lexed = self.stage("lex", || syntax::lex(&source.text));
            if let Some(error) = lexed.error {
                return Err(source.syntax_error(error));
            }
            return Ok(Output::Text(format_tokens(
                &source.text,
                &lexed.tokens.to_vec(),
            )));
        }
        let checked = self.front_end(path)?;
        match emit {
            Emit::Ast => Ok(Output::Text(self.stage("dump", || {
                let mut text = syntax::dump::dump_module(
                    &checked.module,
                    &checked.source.text,
                    self.options.spans,
                );
                text.push('\n');
                text
            }))),
            Emit::Bytecode => {
                let code = self.bytecode(&checked)?;
                Ok(Output::Text(self.stage("dis", || {
                    bytecode::disassemble::disassemble(&code)
                })))
            }
            Emit::LlvmIr | Emit::Asm => {
                let modules = self.program(checked)?;
                let kind = if emit == Emit::LlvmIr {
                    codegen::EmitKind::LlvmIr
                } else {
                    codegen::EmitKind::Asm
                };
                let bytes = self.native(&modules, kind)?;
                Ok(Output::Text(String::from_utf8_lossy(&bytes).into_owned()))
            }
            Emit::Obj => {
                let modules = self.program(checked)?;
                Ok(Output::Object(
                    self.native(&modules, codegen::EmitKind::Object)?,
                ))
            }
            _ => Err(Error::NotImplemented {
                what: Unimplemented::Emit(emit),
            }),
        }
    }

    fn llvm_level(&self) -> u8 {
        match self.options.opt_level {
            OptLevel::O0 => 0,
            OptLevel::O1 => 1,
            OptLevel::O2 => 2,
            OptLevel::O3 => 3,
        }
    }

    /// Compiles a program's modules with the LLVM back-end.
    pub fn native(
        &self,
        modules: &[ProgramModule],
        kind: codegen::EmitKind,
    ) -> Result<Vec<u8>, Error> {
        let level = self.llvm_level();
        let program = codegen::NativeProgram { modules };
        self.stage("llvm", || codegen::emit(&program, kind, level))
            .map_err(Error::Codegen)
    }

    /// `krait build` of an executable: compiles `path` natively and links
    /// it to `output`.
    pub fn build_exe(&self, path: &Path, output: &Path) -> Result<(), Error> {
        let modules = self.program(self.front_end(path)?)?;
        let dir = tempfile::tempdir().map_err(|error| Error::Io {
            op: IoOp::Write,
            path: std::env::temp_dir(),
            error,
        })?;
        self.link_program(&modules, dir.path(), output)
    }

    /// Compiles `modules` to objects in `dir` (one per codegen unit) and
    /// links them to `output`.
    fn link_program(
        &self,
        modules: &[ProgramModule],
        dir: &Path,
        output: &Path,
    ) -> Result<(), Error> {
        let level = self.llvm_level();
        let program = codegen::NativeProgram { modules };
        let objects = self
            .stage("llvm", || {
                codegen::emit_objects(&program, level, self.options.codegen_units)
            })
            .map_err(Error::Codegen)?;
        let mut paths = Vec::with_capacity(objects.len());
        for (i, object) in objects.iter().enumerate() {
            let path = if objects.len() == 1 {
                dir.join("program.o")
            } else {
                dir.join(format!("program.{i}.o"))
            };
            write_bytes(&path, object)?;
            paths.push(path);
        }
        let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
        self.stage("link", || build_executable(&paths, output))
    }

    /// `krait run`: compiles `path` and runs it (natively, or in the
    /// reference VM with `interpret`), with `args` as its `sys.argv[1:]`.
    /// Returns how the program ended; temporary files are gone by then.
    pub fn run(
        &self,
        path: &Path,
        interpret: bool,
        args: &[OsString],
    ) -> Result<Termination, Error> {
        let modules = self.program(self.front_end(path)?)?;
        if !interpret {
            let dir = tempfile::tempdir().map_err(|error| Error::Io {
                op: IoOp::Write,
                path: std::env::temp_dir(),
                error,
            })?;
            let stem = path.file_stem().unwrap_or(path.as_os_str());
            let exe = dir.path().join(stem);
            self.link_program(&modules, dir.path(), &exe)?;
            let ended = self.stage("run", || run_executable(&exe, path.as_os_str(), args))?;
            drop(dir);
            return Ok(ended);
        }
        let argv = program_argv(path, args);
        let program = interp::Program { modules, argv };
        let status = self.stage("interpret", || interp::run(program));
        // The process exit status is the low byte, as for CPython's exit().
        Ok(Termination::Exited(i32::from(status as u8)))
    }

    /// The whole program: the entry script `main` (as `__main__`) and
    /// every module its imports find, compiled to bytecode, in the order
    /// found (see [`crate::modules`]).
    pub fn program(&self, main: Checked) -> Result<Vec<ProgramModule>, Error> {
        let mut dirs = vec![main
            .source
            .path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf()];
        dirs.extend(self.options.search_paths.iter().cloned());
        let mut program = vec![self.program_module("__main__", false, main)?];
        let mut seen = std::collections::HashSet::from(["__main__".to_owned()]);
        let mut next = 0;
        while next < program.len() {
            let module = &program[next];
            let package = modules::package_of(&module.name, module.is_package).map(str::to_owned);
            let wanted: Vec<String> = modules::imports_of(&module.code)
                .iter()
                .flat_map(|import| modules::candidates(import, package.as_deref()))
                .collect();
            for name in wanted {
                if krait_runtime::runtime::import::is_builtin_module(&name)
                    || !seen.insert(name.clone())
                {
                    continue;
                }
                if let Some(found) = self.find_module(&name, &dirs)? {
                    program.push(found);
                }
            }
            next += 1;
        }
        Ok(program)
    }

    /// Finds and compiles the module `name`: a file in one of `dirs`, else
    /// a library module; None when there is neither.
    fn find_module(&self, name: &str, dirs: &[PathBuf]) -> Result<Option<ProgramModule>, Error> {
        for dir in dirs {
            for (rel, is_package) in modules::file_candidates(name) {
                let path = dir.join(rel);
                if path.is_file() {
                    let path = std::path::absolute(&path).unwrap_or(path);
                    let checked = self.front_end(&path)?;
                    return self.program_module(name, is_package, checked).map(Some);
                }
            }
        }
        let Some((text, is_package)) = modules::library_module(name) else {
            return Ok(None);
        };
        let source = Source {
            path: PathBuf::from(modules::library_filename(name, is_package)),
            text: text.to_owned(),
        };
        let checked = self.check_source(source)?;
        self.program_module(name, is_package, checked).map(Some)
    }

    /// A checked module compiled as the program's module `name`.
    fn program_module(
        &self,
        name: &str,
        is_package: bool,
        checked: Checked,
    ) -> Result<ProgramModule, Error> {
        let code = self.bytecode(&checked)?;
        Ok(ProgramModule {
            name: name.to_owned(),
            is_package,
            filename: checked.source.path.display().to_string(),
            source: checked.source.text,
            code,
        })
    }

    /// Compiles a checked module to its code object, then verifies the
    /// stack discipline of every code object before anything executes it.
    pub fn bytecode(&self, checked: &Checked) -> Result<CodeObject, Error> {
        let filename = checked.source.path.display().to_string();
        let code = self.stage("bytecode", || {
            bytecode::compile_module(
                &checked.module,
                &checked.table,
                &checked.source.text,
                &filename,
            )
        })?;
        self.stage("verify", || bytecode::verify::verify(&code))?;
        Ok(code)
    }

    /// Reads `path` and runs every check CPython makes before running a
    /// program.
    pub fn front_end(&self, path: &Path) -> Result<Checked, Error> {
        let source = self.stage("read", || read_source(path))?;
        self.check_source(source)
    }

    /// Parses `source` and runs the early checks.
    fn check_source(&self, source: Source) -> Result<Checked, Error> {
        // parse_module lexes as it goes; `--emit tokens` calls the lexer alone.
        let module = source.check(self.stage("parse", || syntax::parse_module(&source.text)))?;
        // Symbol-table errors ('return' outside function, …) need the whole
        // tree, so they come after parsing, as in CPython.
        let table = source.check(self.stage("scopes", || scopes::analyze_module(&module)))?;
        Ok(Checked {
            source,
            module,
            table,
        })
    }

    /// Runs one stage, timing it when `--timings` is on.
    fn stage<T>(&self, name: &str, run: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let result = run();
        if self.options.timings {
            // A developer aid: if stderr is gone, there is no one to tell.
            let _ = writeln!(io::stderr(), "timing: {name:<8} {:>12.3?}", start.elapsed());
        }
        result
    }
}

impl Source {
    fn syntax_error(&self, error: SyntaxError) -> Error {
        Error::Syntax {
            path: self.path.clone(),
            source: self.text.clone(),
            error,
        }
    }

    fn check<T>(&self, result: Result<T, SyntaxError>) -> Result<T, Error> {
        result.map_err(|error| self.syntax_error(error))
    }
}

/// Reads a source file. A file that is not UTF-8 is a syntax error (as in
/// CPython), reported at its first bad byte; a UTF-8 byte-order mark is
/// dropped.
pub fn read_source(path: &Path) -> Result<Source, Error> {
    let bytes = std::fs::read(path).map_err(|error| Error::Io {
        op: IoOp::Read,
        path: path.to_path_buf(),
        error,
    })?;
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .map_or(bytes.as_slice(), |rest| rest);
    if u32::try_from(bytes.len()).is_err() {
        // Spans are u32 byte offsets.
        let error = io::Error::new(io::ErrorKind::InvalidData, "file is larger than 4 GiB");
        return Err(Error::Io {
            op: IoOp::Read,
            path: path.to_path_buf(),
            error,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Source {
            path: path.to_path_buf(),
            text: text.to_string(),
        }),
        Err(utf8) => {
            // Offsets up to the first bad byte are the same in the lossy text.
            let at = Span::at(utf8.valid_up_to() as u32);
            Err(Error::Syntax {
                path: path.to_path_buf(),
                source: String::from_utf8_lossy(bytes).into_owned(),
                error: SyntaxError::new(SyntaxErrorKind::InvalidUtf8, at),
            })
        }
    }
}

/// `sys.argv`: the program's path as given, then its arguments (lossily
/// decoded, as CPython decodes with surrogateescape).
fn program_argv(path: &Path, args: &[OsString]) -> Vec<String> {
    std::iter::once(path.display().to_string())
        .chain(args.iter().map(|a| a.to_string_lossy().into_owned()))
        .collect()
}

/// Links object files, one of which defines the C `main`, with the runtime
/// archive krait carries into the executable `output` (stripped).
pub fn build_executable(objects: &[&Path], output: &Path) -> Result<(), Error> {
    link::link_executable(objects, output).map_err(Error::Link)
}

/// Runs a built executable with krait's stdin, stdout and stderr, `arg0` as
/// its `argv[0]` and `args` after it, and returns how it ended. To end krait
/// the same way (exit code or signal), remove temporary files first, then
/// call [`Termination::reraise`].
pub fn run_executable(exe: &Path, arg0: &OsStr, args: &[OsString]) -> Result<Termination, Error> {
    run_native::run_executable(exe, arg0, args).map_err(Error::Run)
}

/// Writes a listing to the file `-o` named.
pub fn write_output(path: &Path, text: &str) -> Result<(), Error> {
    write_bytes(path, text.as_bytes())
}

/// Writes an output file.
pub fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    std::fs::write(path, bytes).map_err(|error| Error::Io {
        op: IoOp::Write,
        path: path.to_path_buf(),
        error,
    })
}

/// The `--emit tokens` listing: one token per line, `line:col-line:col`
/// (1-based lines, 0-based character columns, as `python -m tokenize`),
/// the kind, and the token's text as a Python string literal.
pub fn format_tokens(source: &str, tokens: &[syntax::token::Token]) -> String {
    let index = LineIndex::new(source);
    let mut out = String::new();
    for token in tokens {
        let text = source.get(token.span.range()).unwrap_or("");
        let (l1, c1) = index.line_col(token.span.start);
        // The end is just after the last character, on that character's
        // line (a NEWLINE token ends on its own line, as in tokenize).
        let (l2, c2) = match text.chars().next_back() {
            Some(last) => {
                let (line, col) = index.line_col(token.span.end - last.len_utf8() as u32);
                (line, col + 1)
            }
            None => (l1, c1),
        };
        let range = format!("{l1}:{c1}-{l2}:{c2}");
        out.push_str(&format!(
            "{range:<12}  {:<12}  {}\n",
            token.kind.name(),
            repr_str(text)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_python() {
        assert_eq!(repr_str("abc"), "'abc'");
        assert_eq!(repr_str("\n"), "'\\n'");
        assert_eq!(repr_str("'x'"), "\"'x'\"");
        assert_eq!(repr_str("'\""), "'\\'\"'");
        assert_eq!(repr_str("\"a\\n\""), "'\"a\\\\n\"'");
        assert_eq!(repr_str("\u{7}é\u{85}"), "'\\x07é\\x85'");
        assert_eq!(repr_str("\u{2028}"), "'\\u2028'");
    }

    #[test]
    fn token_listing_uses_tokenize_positions() {
        use syntax::token::{Token, TokenKind};
        let token = |kind, start, end| Token {
            kind,
            span: Span::new(start, end),
        };
        let tokens = [
            token(TokenKind::Name, 0, 2),
            token(TokenKind::String, 5, 11),
            token(TokenKind::Newline, 11, 12),
            token(TokenKind::EndOfFile, 12, 12),
        ];
        let listing = format_tokens("é = 'a\\\nb'\n", &tokens);
        let lines: Vec<_> = listing
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>())
            .collect();
        assert_eq!(lines[0], ["1:0-1:1", "NAME", "'é'"]);
        assert_eq!(lines[1], ["1:4-2:2", "STRING", "\"'a\\\\\\nb'\""]);
        assert_eq!(lines[2], ["2:2-2:3", "NEWLINE", "'\\n'"]);
        assert_eq!(lines[3], ["3:0-3:0", "ENDMARKER", "''"]);
    }

    #[test]
    fn missing_file_is_a_read_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing.py");
        let error = read_source(&path).unwrap_err();
        assert!(matches!(error, Error::Io { op: IoOp::Read, .. }));
        assert!(error.to_string().starts_with("cannot read '"), "{error}");
    }

    #[test]
    fn non_utf8_file_is_a_syntax_error_at_the_first_bad_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.py");
        std::fs::write(&path, b"x = 1\n\xff = 2\n").unwrap();
        match read_source(&path).unwrap_err() {
            Error::Syntax { error, source, .. } => {
                assert_eq!(error.kind, SyntaxErrorKind::InvalidUtf8);
                assert_eq!(error.span, Span::at(6));
                assert_eq!(source, "x = 1\n\u{fffd} = 2\n");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn byte_order_mark_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bom.py");
        std::fs::write(&path, b"\xEF\xBB\xBFpass\n").unwrap();
        assert_eq!(read_source(&path).unwrap().text, "pass\n");
    }
}
