//! STUB — being written.
use super::error::SyntaxError;
use super::span::Span;
use super::token::Token;

/// The lexer's output: tokens ending in `EndOfFile`, or in an `Error` token
/// whose error is `error`.
pub struct Lexed {
    pub tokens: Vec<Token>,
    pub error: Option<SyntaxError>,
}

/// Lexes a whole module.
pub fn lex(source: &str) -> Lexed {
    let _ = source;
    todo!()
}

/// Lexes `source[range]` as the inside of a bracket (an f-string replacement
/// field's expression): no NEWLINE/INDENT/DEDENT, spans relative to `source`,
/// ending in `EndOfFile` (or `Error`).
pub fn lex_fragment(source: &str, range: Span) -> Lexed {
    let _ = (source, range);
    todo!()
}
