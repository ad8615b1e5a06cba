//! The bytecode stage's errors.
//!
//! User errors never reach this stage: the front-end (`scopes::check_module`)
//! rejects every program CPython's compiler rejects, so everything the
//! compiler and the verifier can report is an [`InternalError`]: a broken
//! invariant, that is, a bug in krait. Each names the stage and the code
//! object it was working on.

use std::fmt;

/// Which part of the bytecode stage found the problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Code generation and assembly (`compile`).
    Compiler,
    /// The stack-depth verifier (`verify`).
    Verifier,
}

impl Stage {
    pub fn name(self) -> &'static str {
        match self {
            Stage::Compiler => "bytecode compiler",
            Stage::Verifier => "bytecode verifier",
        }
    }
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InternalErrorKind {
    /// A function, class, lambda or comprehension has no symbol table scope.
    MissingScope,
    /// A name used in a function scope is not in its symbol table.
    MissingSymbol { name: String },
    /// A cell or free variable the compiler needs is not in the code
    /// object's tables.
    MissingCell { name: String },
    /// A construct the front-end should have rejected reached the compiler
    /// (e.g. `break` outside a loop).
    UncheckedConstruct { what: &'static str },
    /// The compiler's scope stack is unbalanced.
    UnbalancedScopes,
    /// Two paths reach an instruction with different stack depths.
    InconsistentStackDepth {
        index: usize,
        expected: i64,
        found: i64,
    },
    /// An instruction pops more values than the stack holds.
    StackUnderflow { index: usize, depth: i64 },
    /// A jump or handler target outside the code.
    BadTarget { index: usize, target: usize },
    /// An operand indexes past the end of a table of the code object.
    OperandOutOfRange { index: usize },
    /// The last instruction can fall through past the end of the code.
    FallsOffEnd,
    /// The code object has no instructions.
    Empty,
    /// An exception-table entry is malformed (empty range, or its handler
    /// is reached with a different stack depth).
    BadExceptionEntry { entry: usize },
    /// The maximum stack depth recorded differs from the computed one.
    WrongMaxDepth { recorded: u32, computed: u32 },
    /// The line table does not have one entry per instruction.
    LineTableLength,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InternalError {
    pub stage: Stage,
    /// The qualified name of the code object being compiled or checked.
    pub code: String,
    pub kind: InternalErrorKind,
}

impl InternalError {
    pub fn new(stage: Stage, code: &str, kind: InternalErrorKind) -> Self {
        InternalError {
            stage,
            code: code.to_owned(),
            kind,
        }
    }

    /// The stable id diagnostics show for it.
    pub fn id(&self) -> &'static str {
        "internal-error"
    }
}

impl fmt::Display for InternalErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use InternalErrorKind::*;
        match self {
            MissingScope => write!(f, "no symbol table scope"),
            MissingSymbol { name } => write!(f, "name '{name}' is not in the symbol table"),
            MissingCell { name } => write!(f, "no cell or free variable '{name}'"),
            UncheckedConstruct { what } => {
                write!(f, "{what} reached the compiler unchecked")
            }
            UnbalancedScopes => write!(f, "unbalanced compiler scopes"),
            InconsistentStackDepth {
                index,
                expected,
                found,
            } => write!(
                f,
                "inconsistent stack depth at instruction {index}: {expected} on one path, {found} on another"
            ),
            StackUnderflow { index, depth } => {
                write!(f, "stack underflow at instruction {index} (depth {depth})")
            }
            BadTarget { index, target } => {
                write!(f, "instruction {index} targets {target}, outside the code")
            }
            OperandOutOfRange { index } => {
                write!(f, "operand of instruction {index} is out of range")
            }
            FallsOffEnd => write!(f, "execution can fall off the end of the code"),
            Empty => write!(f, "no instructions"),
            BadExceptionEntry { entry } => write!(f, "malformed exception table entry {entry}"),
            WrongMaxDepth { recorded, computed } => write!(
                f,
                "max stack depth recorded as {recorded}, computed as {computed}"
            ),
            LineTableLength => write!(f, "the line table does not match the instructions"),
        }
    }
}

impl fmt::Display for InternalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "internal compiler error in the {} (code object '{}'): {}",
            self.stage.name(),
            self.code,
            self.kind
        )
    }
}

impl std::error::Error for InternalError {}
