//! The command line: argument parsing (clap), output and exit codes.
//!
//! This module owns the terminal. It turns arguments into a call on the
//! [`Driver`], prints what the driver returns, renders the driver's typed
//! errors (through [`diagnostics`]) and picks the exit code:
//!
//! | code | meaning                                                     |
//! |------|-------------------------------------------------------------|
//! | 0    | success                                                     |
//! | 1    | the program is wrong or unreadable (SyntaxError, no such file), or linking or starting it failed |
//! | 2    | bad command line (from clap), or a stage not implemented yet |
//! | 101  | internal compiler error (a panic, see `main.rs`, or a typed one) |
//!
//! Once a program runs (`krait run --interpret`), the exit code is the
//! program's own: 0, 1 after an uncaught exception, or `SystemExit`'s code.
//!
//! It does not read source files or run stages itself.

use crate::codegen::UnitCount;
use crate::diagnostics::{self, Diagnostic, ErrorFormat};
use crate::driver::{self, Driver, Emit, OptLevel, Options, Output};
use crate::run_native::Termination;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const DEV_HEADING: &str = "Unstable developer options";

const EXAMPLES: &str = "\
Examples:
  krait build prog.py                  Compile prog.py to the executable ./prog
  krait build -O3 -o fast prog.py      Compile with full optimisation to ./fast
  krait build --emit tokens prog.py    Print the tokens the lexer produces
  krait build --emit ast prog.py       Print the syntax tree (like ast.dump)
  krait build --emit bytecode prog.py  Print the code objects (like python -m dis)
  krait build --emit llvm-ir prog.py   Print the LLVM IR after optimisation
  krait run prog.py -v input.txt       Compile and run; `-v input.txt` becomes sys.argv[1:]
  krait run --interpret prog.py        Run in the reference bytecode VM instead
  krait build -I lib app.py            Also find app.py's imports in ./lib";

/// krait compiles Python 3.11 programs ahead of time into native executables.
#[derive(Debug, Parser)]
#[command(name = "krait", after_help = EXAMPLES, arg_required_else_help = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compile a Python program to an executable (or to any stage's output with --emit).
    #[command(after_help = EXAMPLES)]
    Build(BuildArgs),
    /// Compile a Python program and run it.
    #[command(after_help = EXAMPLES)]
    Run(RunArgs),
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The program's main file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Where to write the output [default: the executable next to FILE
    /// without `.py`; listings go to stdout].
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,

    /// Which pipeline stage's output to produce.
    #[arg(long, value_enum, value_name = "KIND", default_value_t = EmitKind::Exe)]
    pub emit: EmitKind,

    /// Optimisation level, written -O2 or -O 2.
    #[arg(short = 'O', value_enum, value_name = "LEVEL", default_value_t = OptArg::Two)]
    pub opt: OptArg,

    /// Also look for imported modules in DIR (after FILE's directory;
    /// may be repeated).
    #[arg(short = 'I', value_name = "DIR")]
    pub include: Vec<PathBuf>,

    /// With --emit ast, show each node's line:col-line:col range.
    #[arg(long, help_heading = DEV_HEADING)]
    pub spans: bool,

    #[command(flatten)]
    pub dev: DevArgs,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Run in the reference bytecode VM instead of compiling to native code.
    #[arg(long)]
    pub interpret: bool,

    /// Also look for imported modules in DIR (after FILE's directory;
    /// may be repeated).
    #[arg(short = 'I', value_name = "DIR")]
    pub include: Vec<PathBuf>,

    /// The program's main file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Arguments for the program (sys.argv[1:]); everything after FILE is
    /// passed through, including options.
    #[arg(
        value_name = "ARGS",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub args: Vec<OsString>,

    #[command(flatten)]
    pub dev: DevArgs,
}

/// Flags for working on krait itself; they may change without notice.
#[derive(Debug, Args)]
pub struct DevArgs {
    /// Print how long each compiler stage took, to stderr.
    #[arg(long, help_heading = DEV_HEADING)]
    pub timings: bool,

    /// How to print errors: `human`, or `short` (one line each, for tests).
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = ErrorFormatArg::Human, help_heading = DEV_HEADING)]
    pub error_format: ErrorFormatArg,

    /// Cut an executable's code into exactly N codegen units, compiled in
    /// parallel (default: one per core for large programs, else one).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=64), help_heading = DEV_HEADING)]
    pub codegen_units: Option<u32>,
}

impl DevArgs {
    fn codegen_units(&self) -> UnitCount {
        self.codegen_units
            .map_or(UnitCount::Auto, |n| UnitCount::Exactly(n as usize))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EmitKind {
    /// The lexer's tokens, one per line.
    Tokens,
    /// The syntax tree, like Python's ast.dump(indent=2).
    Ast,
    /// A dis-like listing of the code objects.
    Bytecode,
    /// LLVM IR (after -O).
    LlvmIr,
    /// Native assembly.
    Asm,
    /// An object file.
    Obj,
    /// A standalone executable.
    Exe,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OptArg {
    #[value(name = "0")]
    Zero,
    #[value(name = "1")]
    One,
    #[value(name = "2")]
    Two,
    #[value(name = "3")]
    Three,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ErrorFormatArg {
    Human,
    Short,
}

impl From<EmitKind> for Emit {
    fn from(kind: EmitKind) -> Emit {
        match kind {
            EmitKind::Tokens => Emit::Tokens,
            EmitKind::Ast => Emit::Ast,
            EmitKind::Bytecode => Emit::Bytecode,
            EmitKind::LlvmIr => Emit::LlvmIr,
            EmitKind::Asm => Emit::Asm,
            EmitKind::Obj => Emit::Obj,
            EmitKind::Exe => Emit::Exe,
        }
    }
}

impl From<OptArg> for OptLevel {
    fn from(level: OptArg) -> OptLevel {
        match level {
            OptArg::Zero => OptLevel::O0,
            OptArg::One => OptLevel::O1,
            OptArg::Two => OptLevel::O2,
            OptArg::Three => OptLevel::O3,
        }
    }
}

impl From<ErrorFormatArg> for ErrorFormat {
    fn from(format: ErrorFormatArg) -> ErrorFormat {
        match format {
            ErrorFormatArg::Human => ErrorFormat::Human,
            ErrorFormatArg::Short => ErrorFormat::Short,
        }
    }
}

/// `krait 0.1.0 (LLVM 19.1.7)`: the LLVM version is the one loaded at run
/// time, since LLVM is linked dynamically.
fn version() -> String {
    let (major, minor, patch) = inkwell::support::get_llvm_version();
    format!(
        "{} (LLVM {major}.{minor}.{patch})",
        env!("CARGO_PKG_VERSION")
    )
}

/// Parses the process's arguments. On `--help`, `--version` or a usage
/// error, prints and exits (0 or 2) as clap does.
pub fn parse_args() -> Cli {
    let matches = Cli::command().version(version()).get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit())
}

/// Runs the command and returns the process's exit code.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Build(args) => {
            let format = args.dev.error_format.into();
            let driver = Driver::new(Options {
                timings: args.dev.timings,
                spans: args.spans,
                opt_level: args.opt.into(),
                search_paths: args.include.clone(),
                codegen_units: args.dev.codegen_units(),
            });
            if args.emit == EmitKind::Exe {
                let output = args
                    .output
                    .clone()
                    .unwrap_or_else(|| args.file.with_extension(""));
                return match driver.build_exe(&args.file, &output) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(error) => report(&error, format),
                };
            }
            match driver.build(&args.file, args.emit.into()) {
                Ok(Output::Text(text)) => match &args.output {
                    Some(path) => match driver::write_output(path, &text) {
                        Ok(()) => ExitCode::SUCCESS,
                        Err(error) => report(&error, format),
                    },
                    None => write_stdout(&text),
                },
                Ok(Output::Object(bytes)) => {
                    let path = args
                        .output
                        .clone()
                        .unwrap_or_else(|| args.file.with_extension("o"));
                    match driver::write_bytes(&path, &bytes) {
                        Ok(()) => ExitCode::SUCCESS,
                        Err(error) => report(&error, format),
                    }
                }
                Err(error) => report(&error, format),
            }
        }
        Command::Run(args) => {
            let format = args.dev.error_format.into();
            let driver = Driver::new(Options {
                timings: args.dev.timings,
                search_paths: args.include.clone(),
                codegen_units: args.dev.codegen_units(),
                ..Options::default()
            });
            match driver.run(&args.file, args.interpret, &args.args) {
                Ok(Termination::Exited(code)) => ExitCode::from(code as u8),
                Ok(ended @ Termination::Signaled(_)) => ExitCode::from(ended.reraise() as u8),
                Err(error) => report(&error, format),
            }
        }
    }
}

/// Prints `error` to stderr and returns the exit code it calls for.
fn report(error: &driver::Error, format: ErrorFormat) -> ExitCode {
    let (text, code) = match error {
        driver::Error::Syntax {
            path,
            source,
            error,
        } => {
            let path = path.display().to_string();
            (
                diagnostics::render(&Diagnostic::from(error), &path, source, format),
                1,
            )
        }
        driver::Error::Io { .. } | driver::Error::Link(_) | driver::Error::Run(_) => {
            (format!("krait: error: {error}\n"), 1)
        }
        driver::Error::NotImplemented { .. } => (format!("krait: {error}\n"), 2),
        driver::Error::Internal(_) | driver::Error::Codegen(_) => {
            (format!("krait: {error}\n"), 101)
        }
    };
    // Nothing sensible is left to do if stderr itself is gone.
    let _ = io::stderr().lock().write_all(text.as_bytes());
    ExitCode::from(code)
}

/// Writes a listing to stdout. stdout is written through `io::Write`, not
/// `print!`, so a closed pipe (`krait … | head`) is an error we can ignore
/// rather than a panic; that is also why no `clippy::print_stdout` allow is
/// needed here.
fn write_stdout(text: &str) -> ExitCode {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(
                io::stderr(),
                "krait: error: cannot write to stdout: {error}"
            );
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("krait").chain(args.iter().copied()))
    }

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn opt_level_is_written_attached_or_separate() {
        for args in [&["build", "-O3", "x.py"][..], &["build", "-O", "3", "x.py"]] {
            let Command::Build(build) = parse(args).unwrap().command else {
                panic!()
            };
            assert_eq!(build.opt, OptArg::Three);
        }
        let Command::Build(build) = parse(&["build", "x.py"]).unwrap().command else {
            panic!()
        };
        assert_eq!((build.opt, build.emit), (OptArg::Two, EmitKind::Exe));
        assert!(parse(&["build", "-O4", "x.py"]).is_err());
    }

    #[test]
    fn run_passes_trailing_arguments_through() {
        let cli = parse(&["run", "--interpret", "x.py", "-v", "--interpret", "a"]).unwrap();
        let Command::Run(run) = cli.command else {
            panic!()
        };
        assert!(run.interpret);
        assert_eq!(run.file, PathBuf::from("x.py"));
        assert_eq!(run.args, ["-v", "--interpret", "a"]);
    }
}
