//! STUB — being written.
use super::ast::Constant;
use super::error::SyntaxError;
use super::span::Span;

/// A decoded string-ish token.
pub enum StringLiteral {
    Str(String),
    Bytes(Vec<u8>),
    /// An f-string: the parser calls `fstring::split_fstring` on the token.
    FString,
}

/// Decodes the STRING token at `span` (prefix, quotes, escapes).
pub fn decode_string(source: &str, span: Span) -> Result<StringLiteral, SyntaxError> {
    let _ = (source, span);
    todo!()
}

/// Parses a NUMBER token's text (already validated by the lexer) into an
/// Int, Float or Complex constant.
pub fn parse_number(text: &str) -> Constant {
    let _ = text;
    todo!()
}
