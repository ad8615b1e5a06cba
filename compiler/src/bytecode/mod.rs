//! The bytecode stage: a checked module and its symbol table to code
//! objects, shared by both executors (the reference VM and the LLVM
//! back-end).
//!
//! - [`instruction`]: the instruction set, declared once as data (typed
//!   operands, stack effects, flags); see [`instruction::Instruction`] for
//!   the table of every instruction and its stack effect;
//! - [`code`] and [`constant`]: code objects and their constants, the
//!   stage's output type;
//! - `compile`: the compiler (following CPython 3.11's `compile.c`);
//! - [`verify`]: the stack-depth verifier;
//! - [`disassemble`]: the `dis`-like listing for `--emit bytecode`.
//!
//! Entry point: [`compile_module`]. The data modules depend on nothing but
//! spans (they are what executors read); only the compiler reads the AST
//! and the symbol table. No IO happens here, and nothing here depends on
//! the runtime: constants are the stage's own [`constant::Constant`].

pub mod code;
mod compile;
pub mod constant;
pub mod disassemble;
pub mod error;
pub mod instruction;
pub mod verify;

pub use code::CodeObject;
pub use compile::compile_module;
pub use error::InternalError;
