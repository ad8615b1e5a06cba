//! String literals in expressions: implicit concatenation of adjacent
//! literals, bytes, and f-strings (split by `syntax::fstring`, whose fields'
//! expressions are parsed here as fragments of the same source).

use super::{PResult, Parser};
use crate::syntax::ast::{Constant, Conversion, Expr, ExprKind};
use crate::syntax::error::{SyntaxError, SyntaxErrorKind};
use crate::syntax::fstring::{split_fstring, FStringPart};
use crate::syntax::literals::{decode_string, StringLiteral};
use crate::syntax::span::Span;
use crate::syntax::token::TokenKind as T;

/// Accumulates the parts of a (possibly concatenated) f-string, merging
/// adjacent literal text into one constant as CPython does.
#[derive(Default)]
struct JoinedBuilder {
    values: Vec<Expr>,
    text: String,
    text_span: Option<Span>,
}

impl JoinedBuilder {
    fn push_text(&mut self, text: &str, span: Span) {
        if text.is_empty() {
            return;
        }
        self.text.push_str(text);
        self.text_span = Some(self.text_span.map_or(span, |s| s.to(span)));
    }

    /// `push_text` for a decoded literal: the first piece of text is kept
    /// as it is instead of being copied.
    fn push_owned_text(&mut self, text: String, span: Span) {
        if self.text.is_empty() && !text.is_empty() {
            self.text = text;
            self.text_span = Some(self.text_span.map_or(span, |s| s.to(span)));
        } else {
            self.push_text(&text, span);
        }
    }

    fn flush(&mut self) {
        if let Some(span) = self.text_span.take() {
            let text = std::mem::take(&mut self.text);
            self.values
                .push(Expr::new(ExprKind::Constant(Constant::Str(text)), span));
        }
    }

    fn push_expr(&mut self, expr: Expr) {
        self.flush();
        self.values.push(expr);
    }

    fn finish(mut self) -> Vec<Expr> {
        self.flush();
        self.values
    }
}

impl<'src> Parser<'src> {
    /// One or more adjacent string tokens.
    pub(super) fn parse_strings(&mut self) -> PResult<Expr> {
        let start = self.span();
        let mut builder = JoinedBuilder::default();
        let mut bytes: Option<Vec<u8>> = None;
        let mut saw_str = false;
        let mut saw_fstring = false;
        while self.at(T::String) {
            let tok = self.bump();
            let literal =
                decode_string(self.source, tok.span).map_err(|e| past_token(e, tok.span))?;
            match literal {
                StringLiteral::Str(s) => {
                    saw_str = true;
                    builder.push_owned_text(s, tok.span);
                }
                StringLiteral::Bytes(b) => bytes.get_or_insert_with(Vec::new).extend(b),
                StringLiteral::FString => {
                    saw_str = true;
                    saw_fstring = true;
                    let parts = split_fstring(self.source, tok.span)
                        .map_err(|e| past_token(e, tok.span))?;
                    self.push_fstring_parts(&mut builder, parts)?;
                }
            }
        }
        let span = start.to(self.prev_span());
        if saw_str && bytes.is_some() {
            return Err(self.error(SyntaxErrorKind::MixedBytesAndNonBytes, Span::at(span.end)));
        }
        let kind = if let Some(bytes) = bytes {
            ExprKind::Constant(Constant::Bytes(bytes))
        } else if saw_fstring {
            ExprKind::JoinedStr(builder.finish())
        } else {
            ExprKind::Constant(Constant::Str(builder.text))
        };
        Ok(Expr::new(kind, span))
    }

    fn push_fstring_parts(
        &mut self,
        builder: &mut JoinedBuilder,
        parts: Vec<FStringPart>,
    ) -> PResult<()> {
        for part in parts {
            match part {
                FStringPart::Literal { value, span } => builder.push_owned_text(value, span),
                FStringPart::Field(field) => {
                    if let Some(debug) = &field.debug_text {
                        builder.push_text(debug, field.expr);
                    }
                    let value =
                        self.parse_fragment(field.expr, |p| p.parse_fstring_expression())?;
                    let conversion = match (field.conversion, &field.debug_text, &field.format_spec)
                    {
                        (Conversion::None, Some(_), None) => Conversion::Repr,
                        (c, _, _) => c,
                    };
                    let format_spec = match field.format_spec {
                        Some(spec) => {
                            let mut spec_builder = JoinedBuilder::default();
                            self.push_fstring_parts(&mut spec_builder, spec)?;
                            let span = field.span;
                            Some(Box::new(Expr::new(
                                ExprKind::JoinedStr(spec_builder.finish()),
                                span,
                            )))
                        }
                        None => None,
                    };
                    builder.push_expr(Expr::new(
                        ExprKind::FormattedValue {
                            value: Box::new(value),
                            conversion,
                            format_spec,
                        },
                        field.span,
                    ));
                }
            }
        }
        Ok(())
    }

    /// The expression of an f-string replacement field.
    fn parse_fstring_expression(&mut self) -> PResult<Expr> {
        if self.at(T::Yield) {
            return self.parse_yield_expression();
        }
        self.parse_star_expressions()
    }
}

/// CPython 3.11 reports escape and f-string errors at the end of the string
/// token (where its tokenizer stands), not inside it.
fn past_token(mut error: SyntaxError, token: Span) -> SyntaxError {
    if matches!(
        error.kind,
        SyntaxErrorKind::FString(_)
            | SyntaxErrorKind::BadEscape { .. }
            | SyntaxErrorKind::BytesBadEscape { .. }
            | SyntaxErrorKind::UnknownUnicodeName
    ) {
        error.span = Span::at(token.end);
    }
    error
}
