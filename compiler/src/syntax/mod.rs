//! The front-end's syntax stage: source text to tokens to AST.
//!
//! Entry points: [`lex`] (tokens, for `--emit tokens`) and [`parse_module`]
//! (the AST). Both work on a `&str` in memory; no IO happens here.

pub mod ast;
pub mod dump;
pub mod error;
pub mod fstring;
pub mod lexer;
pub mod literals;
pub mod parser;
pub mod span;
pub mod thin_list;
pub mod token;

pub use error::{SyntaxError, SyntaxErrorKind};
pub use lexer::{lex, Lexed};
pub use parser::parse_module;
pub use span::{LineIndex, Span};
