//! STUB — being written.
use super::ast::Conversion;
use super::error::SyntaxError;
use super::span::Span;

pub enum FStringPart {
    /// Literal text, escapes and `{{`/`}}` already decoded.
    Literal { value: String, span: Span },
    Field(FStringField),
}

pub struct FStringField {
    /// The replacement field's expression text, as a range of the source.
    pub expr: Span,
    /// For `{expr=}`: the text from the start of the expression through the
    /// `=` and any whitespace after it, e.g. `"x = "`.
    pub debug_text: Option<String>,
    pub conversion: Conversion,
    pub format_spec: Option<Vec<FStringPart>>,
    /// The whole `{...}` field.
    pub span: Span,
}

/// Splits the f-string token at `token` into literal parts and fields.
pub fn split_fstring(source: &str, token: Span) -> Result<Vec<FStringPart>, SyntaxError> {
    let _ = (source, token);
    todo!()
}
