//! krait: an ahead-of-time compiler from Python 3.11 to native executables.
//!
//! ```text
//! prog.py ──lexer──▶ tokens ──parser──▶ AST ──scopes──▶ checked AST
//!         ──bytecode compiler──▶ code objects
//!               ├──▶ reference VM (`krait run --interpret`)
//!               └──▶ LLVM back-end ─▶ .o ─▶ cc + runtime archive ─▶ executable
//! ```
//!
//! Each stage owns its data and does no IO; only [`driver`] (with its
//! helpers [`link`], which runs `cc`, and [`run_native`], which runs built
//! programs) and the CLI (`main.rs`) touch files, processes and the terminal.

pub mod bytecode;
pub mod cli;
pub mod codegen;
pub mod diagnostics;
pub mod driver;
pub mod interp;
pub mod link;
pub mod modules;
pub mod run_native;
pub mod scopes;
pub mod syntax;
